"""The `Ringkasan` sheet of the recap: predikat counts and shares per unit and in total,
the curve verdict per unit, and bar charts of the spread (openpyxl BarChart)."""

from __future__ import annotations

from decimal import Decimal

from .aman import sel_aman
from .lembar import FORMAT_PERSEN, atur_cetak, baris_blok_judul, baris_kepala, lebar_kolom
from .rekap import DataRekap, info_periode

KUNCI = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
NAMA_PREDIKAT_UNIT = {"istimewa": "Istimewa", "baik": "Baik", "butuh-perbaikan": "Butuh Perbaikan",
                      "kurang": "Kurang", "sangat-kurang": "Sangat Kurang"}


def label_predikat(metode: str) -> list[str]:
    kurang = "Kurang/Misconduct" if metode == "permenpan6" else "Kurang"
    return ["Sangat Baik", "Baik", "Butuh Perbaikan", kurang, "Sangat Kurang"]


def kurva(b: dict) -> tuple[str, str]:
    """(unit predikat, verdict) in words."""
    if not b.get("predikat_unit"):
        return "belum ditetapkan", "-"
    nama = NAMA_PREDIKAT_UNIT.get(b["predikat_unit"], b["predikat_unit"])
    if b.get("sesuai_kurva"):
        return nama, "sesuai kurva distribusi"
    return nama, "tidak sesuai: " + "; ".join(b.get("pelanggaran") or [])


def tulis_ringkasan(ws, data: DataRekap) -> None:
    g = data.gaya
    label = label_predikat(data.metode)
    lingkup = [f"Lingkup: unit kerja {data.unit}" if data.unit else
               f"Lingkup: semua unit kerja ({len(data.distribusi)} unit)",
               f"Jumlah pegawai: {len(data.rekaman)}"]
    blok = baris_blok_judul(ws, g, "REKAPITULASI PENILAIAN KINERJA PEGAWAI", info_periode(data) + lingkup)
    judul = ["Unit Kerja", "Jumlah", *label, *[f"% {x}" for x in label], "Predikat Unit", "Kurva Distribusi"]
    lebar_kolom(ws, [26, 8, *[9] * 5, *[9] * 5, 13, 42])
    atur_cetak(ws, lanskap=True)
    for b in blok:
        ws.append(b)
    ws.append([sel_aman(ws, "Sebaran predikat kinerja pegawai per unit kerja", font=g.subjudul)])
    kepala = len(blok) + 2
    ws.append(baris_kepala(ws, g, judul))

    def sel(v, fmt=None, **k):
        if isinstance(v, str):
            return sel_aman(ws, v, border=g.border, alignment=g.bungkus, **k)
        return sel_aman(ws, v, border=g.border, alignment=g.atas, number_format=fmt or "General", **k)

    total = {k: 0 for k in KUNCI}
    for b in data.distribusi:
        pu, verdict = kurva(b)
        for k in KUNCI:
            total[k] += b[k]
        fill = None if b.get("sesuai_kurva") is not False else g.fill_predikat["Butuh Perbaikan"]
        ws.append([sel(b["unit"]), sel(b["jumlah"]), *[sel(b[k]) for k in KUNCI],
                   *[sel(Decimal(b[f"persen_{k}"]) / 100, FORMAT_PERSEN) for k in KUNCI], sel(pu),
                   sel(verdict, fill=fill)])
    jumlah = sum(total.values())
    baris_total = kepala + len(data.distribusi) + 1
    bagian = [(Decimal(total[k]) / jumlah) if jumlah else Decimal(0) for k in KUNCI]
    ws.append([sel("Jumlah", font=g.tebal, fill=g.fill_total), sel(jumlah, font=g.tebal, fill=g.fill_total),
               *[sel(total[k], font=g.tebal, fill=g.fill_total) for k in KUNCI],
               *[sel(x, FORMAT_PERSEN, font=g.tebal, fill=g.fill_total) for x in bagian],
               sel("-", fill=g.fill_total), sel("-", fill=g.fill_total)])
    ws.append([])
    ws.append([sel_aman(ws, "Kurva distribusi hanya peringatan: tidak ada rating pegawai yang diubah. "
                            "Persentase dihitung terhadap jumlah pegawai unit.", font=g.kecil)])
    if jumlah:
        _grafik(ws, data, kepala, baris_total, label)


def _grafik(ws, data: DataRekap, kepala: int, baris_total: int, label: list[str]) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.label import DataLabelList

    c = BarChart()
    c.type = "col"
    c.title = "Sebaran predikat kinerja pegawai" + (f" — {data.unit}" if data.unit else " (semua unit)")
    c.y_axis.title = "Jumlah pegawai"
    c.add_data(Reference(ws, min_col=3, max_col=7, min_row=baris_total, max_row=baris_total), from_rows=True,
               titles_from_data=False)
    c.set_categories(Reference(ws, min_col=3, max_col=7, min_row=kepala, max_row=kepala))
    c.legend = None
    c.dataLabels = DataLabelList()
    c.dataLabels.showVal = True
    c.varyColors = False
    c.x_axis.delete = False
    c.y_axis.delete = False
    c.y_axis.majorGridlines = None
    c.width, c.height = 18, 8
    baris = baris_total + 4
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
        s.x_axis.delete = False
        s.y_axis.delete = False
        s.x_axis.scaling.orientation = "maxMin"  # first unit on top, as in the table
        s.legend.position = "b"
        s.width, s.height = 24, max(8, 0.7 * n_unit + 3)
        ws.add_chart(s, f"A{baris + 18}")
