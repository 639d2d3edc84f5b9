"""The `Dampak` sheet of the recap workbook: service indicators across periods, with a line chart each.

`tulis(wb, data)` appends the sheet to an openpyxl workbook opened with write_only=True
(it also works on a normal workbook). `data` is the list returned by
`services.dampak.data_dampak(db, unit=None, indikator=None)`.

Layout (row numbers 1-based):
  1  title
  2  note on the direction of the indicators
  4  header: Unit Kerja, Indikator, Satuan, Arah, Target, <one column per period>, Perubahan,
     Perubahan (%), Penilaian, Jarak ke Target, <blank>, <"% Baik+ <period>" per period>
  5+ one row per indicator
  then one LineChart per indicator below the table (values across periods), two per row.
"""

from __future__ import annotations

from decimal import Decimal

from ..scoring.dampak import teks_jarak
from ..validation.periode import KodeTidakValid, urai_kode
from .aman import isi_teks
from .lembar import Aliran, atur_cetak, baris_terbanyak

NAMA_SHEET = "Dampak"
BARIS_JUDUL = 4


def _urutan(kode: str):
    """Period order: start date, the longer period first (2026 before 2026-T1)."""
    from datetime import date

    try:
        k = urai_kode(kode)
        return (k.mulai, -(k.selesai - k.mulai).days, k.kode)
    except KodeTidakValid:
        return (date.max, 0, kode)


def _periode(data: list[dict]) -> list[str]:
    return sorted({x["periode"] for d in data for x in d["nilai_per_periode"]}, key=_urutan)


def _sel(ws, v, fmt: str | None = None, tebal: bool = False, alignment=None):
    """A cell for a write_only sheet; text is always literal (never a formula)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    if isinstance(v, Decimal):
        v = float(v)
    if isinstance(v, str):
        c = isi_teks(WriteOnlyCell(ws), v)  # the one text rule of every sheet: literal, clean, within the limit
    else:
        c = WriteOnlyCell(ws, value=v)
    if fmt and isinstance(v, (int, float)) and not isinstance(v, bool):
        c.number_format = fmt
    if tebal:
        c.font = Font(bold=True)
    if alignment is not None:
        c.alignment = alignment
    return c


def judul_kolom(periode: list[str]) -> list[str]:
    return (["Unit Kerja", "Indikator", "Satuan", "Arah", "Target", *periode,
             "Perubahan", "Perubahan (%)", "Penilaian", "Jarak ke Target", ""]
            + [f"% Baik+ {p}" for p in periode])


def lebar_kolom_dampak(n: int) -> list[float]:
    """Column widths (characters): every header word fits whole ('Perubahan', '% Baik+ 2026-T1' on two lines)."""
    return [22, 40, 10, 8, 10, *[11] * n, 12, 12, 14, 16, 2, *[11] * n]


def cm_kolom(lebar: float) -> float:
    """A column `lebar` characters wide in cm with Calibri 11 (7 px a character plus 5 px padding, 96 dpi).
    A wider substitute font (DejaVu Sans where Calibri/Carlito is missing) prints the sheet smaller, so a
    page then holds more rows than estimated here: the estimate errs on the safe side."""
    return (lebar * 7 + 5) / 96 * 2.54


CM_BARIS = 0.53  # a default row (15 pt)
LEBAR_CETAK_CM, TINGGI_CETAK_CM = 27.6, 17.5  # landscape A4 inside the margins (and the footer)


def baris_per_halaman(lebar: list[float]) -> int:
    """Default rows one landscape A4 page holds when the sheet is fitted to the page width."""
    from math import floor

    skala = min(1.0, LEBAR_CETAK_CM / sum(cm_kolom(w) for w in lebar))
    return floor(TINGGI_CETAK_CM / skala / CM_BARIS)


def _jangkar(kolom_awal: int, kolom_akhir: int, baris_awal: int, baris: int):
    """A chart stretched over columns kolom_awal..kolom_akhir-1 and `baris` rows (0-based from): it follows
    the columns' printed width whatever the font, so two charts side by side fill the page width."""
    from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor

    celah = 76200 if kolom_awal else 0  # 2 mm between the two charts of a row
    return TwoCellAnchor(_from=AnchorMarker(col=kolom_awal, row=baris_awal, colOff=celah, rowOff=0),
                         to=AnchorMarker(col=kolom_akhir, row=baris_awal + baris, colOff=0, rowOff=0))


def tulis(wb, data: list[dict], nama: str = NAMA_SHEET, singkatan: dict | None = None):
    """Append the impact sheet (and its charts) to `wb`; return the worksheet.

    Printing: headers wrap at spaces; the charts sit two per row under the table, filling the page width,
    each chart row moved to the next page rather than split; the header row is repeated only when the table
    itself runs over one page (else it would print over the chart pages too). `singkatan`: the units' official
    short names (unit casefolded -> short name) for the narrow Unit Kerja column."""
    from openpyxl import Workbook
    from openpyxl.chart import LineChart, Reference
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    ws = wb.create_sheet(nama) if isinstance(wb, Workbook) else wb  # a workbook, or a sheet made for us
    periode = _periode(data)
    n = len(periode)
    kol_awal_periode = 6  # F
    lebar = lebar_kolom_dampak(n)
    for i, w in enumerate(lebar, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    judul = judul_kolom(periode)
    singkat = singkatan or {}
    unit = [singkat.get((d["unit"] or "").casefold(), d["unit"]) for d in data]
    tinggi_judul = baris_terbanyak(zip(judul, lebar), 0.9)
    tinggi = [baris_terbanyak([(u, lebar[0]), (d["indikator"], lebar[1]), (d["penilaian"], lebar[kol_awal_periode + n + 1])])
              for u, d in zip(unit, data)]
    baris_halaman = baris_per_halaman(lebar)
    satu_halaman = (3 + tinggi_judul + sum(tinggi)) <= baris_halaman
    baris_g = max(12, min(20, (baris_halaman - 2) // 2))  # rows a chart row takes: two chart rows a page
    separuh, kolom2 = sum(lebar) / 2, len(lebar)
    for i in range(len(lebar)):  # the second chart starts at the column nearest the sheet's middle
        if sum(lebar[:i + 1]) >= separuh:
            kolom2 = i + 1 if sum(lebar[:i + 1]) - separuh < separuh - sum(lebar[:i]) else i
            break
    atur_cetak(ws, lanskap=True, baris_judul=None if satu_halaman else BARIS_JUDUL)  # before the first row
    aliran = Aliran(ws)
    aliran.tambah([_sel(ws, "Dampak pada layanan publik: indikator layanan unit per periode", tebal=True)])
    aliran.tambah([_sel(ws, "Arah 'turun': makin rendah makin baik (misalnya hari penerbitan izin). "
                            "% Baik+ = pegawai unit berpredikat Sangat Baik atau Baik pada periode penilaian itu.")])
    aliran.tambah([])
    bungkus = Alignment(wrap_text=True, vertical="top")
    kepala = Alignment(wrap_text=True, vertical="center", horizontal="center")
    aliran.tambah([_sel(ws, j, tebal=True, alignment=kepala) if j else None for j in judul], tinggi_judul)
    for d, u, t in zip(data, unit, tinggi):
        per = {x["periode"]: x for x in d["nilai_per_periode"]}
        nilai = [_sel(ws, per[p]["nilai"]) if p in per else None for p in periode]
        baik = [_sel(ws, per[p]["persen_baik"], "0.00") if p in per and per[p]["persen_baik"] is not None else None
                for p in periode]
        jarak = teks_jarak(d["jarak_target"], d["target_tercapai"], d["satuan"])
        aliran.tambah([
            _sel(ws, u, alignment=bungkus), _sel(ws, d["indikator"], alignment=bungkus), _sel(ws, d["satuan"]),
            _sel(ws, d["arah"]), _sel(ws, d["target"]), *nilai,
            _sel(ws, d["perubahan"]), _sel(ws, d["perubahan_persen"], "0.00"),
            _sel(ws, d["penilaian"], alignment=bungkus), _sel(ws, None if jarak == "-" else jarak), None, *baik,
        ], t)
    if n:
        # rows used so far (in default rows) decide where each row of charts goes; a row of charts that
        # would cross the page's end starts the next page
        terpakai = 3 + tinggi_judul + sum(tinggi) + 1  # sheet rows' height on the first page, in default rows
        r = aliran.n + 2  # the sheet row of the next chart row
        for j in range(0, len(data), 2):
            if terpakai + baris_g > baris_halaman:
                ws.row_breaks.append(Break(id=r - 1))
                terpakai = 0
            for k, d in enumerate(data[j:j + 2]):
                i = j + k
                baris_data = BARIS_JUDUL + 1 + i
                ch = LineChart()
                ch.title = f"{unit[i]} — {d['indikator']}"[:250]
                ch.y_axis.title = d["satuan"] or "nilai"
                ch.x_axis.title = "Periode"
                ch.legend = None
                ref = Reference(ws, min_col=kol_awal_periode, max_col=kol_awal_periode + n - 1, min_row=baris_data,
                                max_row=baris_data)
                ch.add_data(ref, from_rows=True, titles_from_data=False)
                for seri in ch.series:  # a marker on each value: one period alone (no line to draw) still shows
                    seri.marker.symbol = "circle"
                    seri.marker.size = 7
                ch.set_categories(Reference(ws, min_col=kol_awal_periode, max_col=kol_awal_periode + n - 1,
                                            min_row=BARIS_JUDUL, max_row=BARIS_JUDUL))
                ws.add_chart(ch)
                awal, akhir = (0, kolom2) if k == 0 else (kolom2, len(lebar))
                ch.anchor = _jangkar(awal, akhir, r - 1, baris_g - 1)
            r += baris_g
            terpakai += baris_g
    return ws
