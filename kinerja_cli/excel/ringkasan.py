"""The `Ringkasan` sheet of the recap: predikat counts and shares per unit and in total,
the curve verdict per unit, and bar charts of the spread (openpyxl BarChart)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..kosakata import (
    BAIK,
    BUTUH_PERBAIKAN,
    CUKUP,
    KOLOM_PREDIKAT,
    KURANG,
    KURANG_MISCONDUCT,
    NAMA_PREDIKAT_UNIT,
    SANGAT_BAIK,
    SANGAT_KURANG,
)
from .aman import sel_aman
from .kop import baris_kop, logo, tulis_ttd
from .lembar import (
    FORMAT_PERSEN,
    Aliran,
    atur_cetak,
    baris_blok_judul,
    baris_kepala,
    baris_terbanyak,
    info_periode,
    lebar_kolom,
)
from .lembar_dampak import baris_per_halaman

if TYPE_CHECKING:  # the annotation only: excel.rekap imports this module to write the sheet
    from .rekap import DataRekap

WARNA_GRAFIK = ("2E7D32", "66BB6A", "F9A825", "EF6C00", "C62828")  # Sangat Baik .. Sangat Kurang
KUNCI = tuple(k for k, _ in KOLOM_PREDIKAT)
# Ringkasan's columns are fixed (about 39 cm wide): fitted to the width of landscape A4 it prints at
# 71 % or less, so one page holds at least 18.4 / 0.71 = 26 cm of the sheet; 22 cm leave room for the
# repeated header row.
TINGGI_HALAMAN_CM = 22
TINGGI_BARIS_CM = 0.53  # a default row (15 pt)


def baris_grafik(tinggi_cm: float) -> int:
    """Rows a chart `tinggi_cm` high covers."""
    from math import ceil

    return ceil(tinggi_cm / TINGGI_BARIS_CM)


def label_predikat(metode: str) -> list[str]:
    if metode == "permenpan6":
        return [SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG_MISCONDUCT, SANGAT_KURANG]
    return [SANGAT_BAIK, BAIK, CUKUP, KURANG, SANGAT_KURANG]  # PP 30/2019 Pasal 41 ayat 5


def kurva(b: dict) -> tuple[str, str]:
    """(unit predikat, verdict) in words."""
    if not b.get("predikat_unit"):
        return "belum ditetapkan", "-"
    nama = NAMA_PREDIKAT_UNIT.get(b["predikat_unit"], b["predikat_unit"])
    if b.get("sesuai_kurva"):
        return nama, "sesuai kurva distribusi"
    return nama, "tidak sesuai: " + "; ".join(b.get("pelanggaran") or [])


def lingkup(data: DataRekap) -> list[str]:
    """Scope and counts: who is in the spread, and who is left out of it and why."""
    h = data.hitungan
    tanpa = list(getattr(h, "tanpa_data_nama", None) or [])
    n_tanpa = sum(getattr(h, "tanpa_data", {}).values()) if h is not None else 0
    baris = [f"Lingkup: unit kerja {data.unit}" if data.unit else
             f"Lingkup: semua unit kerja ({len(data.distribusi)} unit)"]
    n_menunggu = sum(getattr(h, "menunggu", {}).values()) if h is not None else 0
    menunggu = ([f"Belum lengkap: {n_menunggu} pegawai yang SKP-nya belum punya realisasi sama sekali (tidak masuk "
                 "sebaran predikat)"] if n_menunggu else [])  # mid-period (model.masuk_sebaran): NHK 0 is no Sangat Kurang
    saran = getattr(h, "saran", 0)
    # results on a saran are in the spread with the predikat the saran gives: say how many are not final yet
    catatan_saran = [f"Hasil yang masih berupa saran rating (rating belum ditetapkan pejabat penilai): {saran} dari "
                     f"{data.jumlah - n_tanpa}; predikatnya belum final sampai rating ditetapkan (kinerja rating "
                     "tetapkan / impor / terima-saran)"] if saran else []
    if not n_tanpa:
        return baris + [f"Jumlah pegawai: {data.jumlah}" + ("" if n_menunggu else " (semuanya masuk sebaran predikat)")
                        ] + menunggu + catatan_saran
    nama = "; ".join(f"{n} ({u})" for n, u in tanpa[:10]) + (f"; dan {n_tanpa - 10} lainnya" if n_tanpa > 10 else "")
    return baris + [f"Jumlah pegawai: {data.jumlah}: {data.jumlah - n_tanpa - n_menunggu} dinilai (masuk sebaran predikat), "
                    f"{n_tanpa} belum punya data periode ini (tanpa SKP dan penilaian; tidak masuk sebaran, "
                    "tercantum di sheet Rekap sebagai \"belum dinilai\")",
                    f"Belum punya data: {nama}"] + menunggu + catatan_saran


def _kop(ws, data: DataRekap, aliran, lebar: list[float]) -> None:
    """The full kop (logo, pemda, instansi, address) centred over the table, and a rule under it."""
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    kop = baris_kop(data.profil)
    if not kop:
        return
    tengah = Alignment(horizontal="center", vertical="center")
    font = {"pemda": Font(bold=True, size=13), "instansi": Font(bold=True, size=12), "alamat": Font(size=9)}
    garis = Border(bottom=Side(style="medium"))
    akhir = get_column_letter(len(lebar))
    for i, (teks, jenis) in enumerate(kop):
        bawah = i == len(kop) - 1
        sel = [sel_aman(ws, teks, alignment=tengah, font=font[jenis], border=garis if bawah else None)]
        if bawah:  # the kop's rule under the whole width
            sel += [sel_aman(ws, None, border=garis) for _ in lebar[1:]]
        r = aliran.tambah(sel)
        ws.merged_cells.add(f"A{r}:{akhir}{r}")
    aliran.tambah([])  # room between the kop's rule and the title
    gambar = logo(data.profil)
    if gambar is not None:
        ws.add_image(gambar, "A1")


def bungkus(teks: str, lebar: int) -> list[str]:
    """`teks` as lines of at most `lebar` characters, broken at spaces (continuation lines indented)."""
    import textwrap

    return textwrap.wrap(teks, lebar, subsequent_indent="   ", break_long_words=False, break_on_hyphens=False) or [teks]


def lebar_judul(judul: str, dasar: float = 10) -> float:
    """A column wide enough for the longest word of its bold header (wrapped at spaces and '/'), so no
    word is broken in print ('Misconduc t')."""
    import re

    kata = max((len(k) for k in re.split(r"[ /]", judul)), default=0)
    return max(dasar, round(kata * 1.15 + 1.5))


def tulis_ringkasan(ws, data: DataRekap) -> None:
    from openpyxl.styles import Alignment

    g = data.gaya
    label = label_predikat(data.metode)
    judul = ["Unit Kerja", "Jumlah", *label, *[f"% {x}" for x in label], "Belum Punya Data", "Predikat Unit",
             "Kurva Distribusi"]
    lebar = [26, 8, *[lebar_judul(j) for j in judul[2:-3]], 10, 16, 42]
    # no profile given: the full kop (logo, address) is written by _kop instead of the short one. Each info line
    # wrapped within the table's width: a longer line would make LibreOffice shrink the whole page to fit it.
    info = [b for t in info_periode(data) + lingkup(data) for b in bungkus(t, int(sum(lebar) * 0.95))]
    blok = baris_blok_judul(ws, g, "REKAPITULASI PENILAIAN KINERJA PEGAWAI", info)
    lebar_kolom(ws, lebar)
    aliran = Aliran(ws)
    # print setup before the first row (write-only): the header row number is known in advance
    n_kop = len(baris_kop(data.profil))
    kepala = n_kop + (1 if n_kop else 0) + len(blok) + 2
    tinggi_kepala = baris_terbanyak(zip(judul, lebar), 0.85)
    # The header row is repeated only when the table (one row per unit and the total) runs over one page,
    # as on Dampak: print titles are per sheet, so they would also print over the chart pages after a table
    # that fits on one.
    tinggi_tabel = sum(baris_terbanyak([(b["unit"], lebar[0]), *zip(kurva(b), lebar[-2:])]) for b in data.distribusi)
    satu_halaman = kepala + tinggi_kepala + tinggi_tabel + 1 <= baris_per_halaman(lebar)
    atur_cetak(ws, lanskap=True, baris_judul=None if satu_halaman else kepala)
    _kop(ws, data, aliran, lebar)
    for b in blok:
        aliran.tambah(b)
    aliran.tambah([sel_aman(ws, "Sebaran predikat kinerja pegawai per unit kerja", font=g.subjudul)])
    aliran.tambah(baris_kepala(ws, g, judul), tinggi_kepala)
    tengah = Alignment(vertical="top", horizontal="center")

    def sel(v, fmt=None, **k):
        if isinstance(v, str):
            return sel_aman(ws, v, border=g.border, alignment=g.bungkus, **k)
        # counts centred: a number never runs into the text of the next column ("0belum ditetapkan")
        return sel_aman(ws, v, border=g.border, alignment=g.atas if fmt else tengah, number_format=fmt or "General",
                        **k)

    total = {k: 0 for k in KUNCI}
    tanpa_total = 0
    for b in data.distribusi:
        pu, verdict = kurva(b)
        for k in KUNCI:
            total[k] += b[k]
        tanpa_total += b.get("tanpa_data", 0)
        fill = None if b.get("sesuai_kurva") is not False else g.fill_predikat[BUTUH_PERBAIKAN]
        aliran.tambah([sel(b["unit"]), sel(b["jumlah"]), *[sel(b[k]) for k in KUNCI],
                       *[sel(Decimal(b[f"persen_{k}"]) / 100, FORMAT_PERSEN) for k in KUNCI],
                       sel(b.get("tanpa_data", 0)), sel(pu), sel(verdict, fill=fill)],
                      baris_terbanyak([(b["unit"], lebar[0]), (pu, lebar[-2]), (verdict, lebar[-1])]))
    jumlah = sum(total.values())
    baris_total = kepala + len(data.distribusi) + 1
    bagian = [(Decimal(total[k]) / jumlah) if jumlah else Decimal(0) for k in KUNCI]
    aliran.tambah([sel("Jumlah", font=g.tebal, fill=g.fill_total), sel(jumlah, font=g.tebal, fill=g.fill_total),
               *[sel(total[k], font=g.tebal, fill=g.fill_total) for k in KUNCI],
               *[sel(x, FORMAT_PERSEN, font=g.tebal, fill=g.fill_total) for x in bagian],
               sel(tanpa_total, font=g.tebal, fill=g.fill_total),
               sel("-", fill=g.fill_total), sel("-", fill=g.fill_total)])
    aliran.tambah([])
    aliran.tambah([sel_aman(ws, "Kurva distribusi hanya peringatan: tidak ada rating pegawai yang diubah. "
                            "Persentase dihitung terhadap jumlah pegawai unit yang dinilai (kolom Jumlah); pegawai "
                            "yang belum punya data periode ini dihitung terpisah.", font=g.kecil)])
    aliran.n += tulis_ttd(ws, g, data.profil, data.tanggal_ttd, aliran.n + 1, lebar)
    if jumlah:
        _grafik(ws, data, kepala, baris_total, label, total, aliran.n + 1)


def _grafik(ws, data: DataRekap, kepala: int, baris_total: int, label: list[str], total: dict, mulai: int) -> None:
    """The charts from row `mulai` on, each starting a new printed page (a chart is never split)."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.label import DataLabelList
    from openpyxl.chart.marker import DataPoint
    from openpyxl.chart.series import SeriesLabel
    from openpyxl.worksheet.pagebreak import Break

    c = BarChart()
    c.type = "col"
    c.title = "Sebaran predikat kinerja pegawai" + (f" — {data.unit}" if data.unit else " (semua unit)")
    c.y_axis.title = "Jumlah pegawai"
    c.add_data(Reference(ws, min_col=3, max_col=7, min_row=baris_total, max_row=baris_total), from_rows=True,
               titles_from_data=False)
    c.set_categories(Reference(ws, min_col=3, max_col=7, min_row=kepala, max_row=kepala))
    c.legend = None
    seri = c.series[0]
    seri.tx = SeriesLabel(v="Jumlah pegawai")
    seri.dLbls = DataLabelList(showVal=True, showSerName=False, showCatName=False, showLegendKey=False,
                               showPercent=False)
    for i, nama in enumerate(label):  # each bar in its predikat colour
        titik = DataPoint(idx=i)
        titik.graphicalProperties.solidFill = WARNA_GRAFIK[i]
        seri.dPt.append(titik)
    c.x_axis.delete = False
    c.y_axis.delete = False
    c.y_axis.majorGridlines = None
    if max(total.values()) <= 10:
        c.y_axis.majorUnit = 1
    c.y_axis.number_format = "0"
    c.width, c.height = 18, 8
    baris = mulai + 1
    ws.row_breaks.append(Break(id=baris - 2))  # the page starts one row above the chart
    ws.add_chart(c, f"A{baris}")
    n_unit = len(data.distribusi)
    if n_unit > 1:
        s = BarChart()
        s.type = "bar"
        s.grouping = "stacked"
        s.overlap = 100
        s.title = "Predikat pegawai per unit kerja"
        s.x_axis.title = None
        s.y_axis.title = "Jumlah pegawai"
        s.add_data(Reference(ws, min_col=3, max_col=7, min_row=kepala, max_row=kepala + n_unit), titles_from_data=True)
        s.set_categories(Reference(ws, min_col=1, min_row=kepala + 1, max_row=kepala + n_unit))
        for i, x in enumerate(s.series):
            x.graphicalProperties.solidFill = WARNA_GRAFIK[i]
        s.x_axis.delete = False
        s.y_axis.delete = False
        s.x_axis.scaling.orientation = "maxMin"  # first unit on top, as in the table
        s.legend.position = "b"
        if max(b["jumlah"] for b in data.distribusi) <= 10:
            s.y_axis.majorUnit = 1
        s.y_axis.number_format = "0"
        s.width, s.height = 24, min(TINGGI_HALAMAN_CM, max(8, 0.7 * n_unit + 3))
        kedua = baris + baris_grafik(c.height) + 1
        if c.height + TINGGI_BARIS_CM + s.height > TINGGI_HALAMAN_CM:  # not both on one page: the second starts one
            ws.row_breaks.append(Break(id=kedua - 2))
        ws.add_chart(s, f"A{kedua}")
