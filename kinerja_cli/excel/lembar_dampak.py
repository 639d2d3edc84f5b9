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
  then one LineChart per indicator below the table (values across periods).
"""

from __future__ import annotations

from decimal import Decimal

from ..scoring.dampak import teks_jarak

from ..validation.periode import KodeTidakValid, urai_kode
from .aman import isi_teks
from .lembar import atur_cetak

NAMA_SHEET = "Dampak"
BARIS_JUDUL = 4
TINGGI_GRAFIK = 15  # rows per chart
GRAFIK_PER_HALAMAN = 2  # rows of (two) charts per printed page: 30 rows fit landscape A4 with the header row


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


def _sel(ws, v, fmt: str | None = None, tebal: bool = False):
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
    return c


def judul_kolom(periode: list[str]) -> list[str]:
    return (["Unit Kerja", "Indikator", "Satuan", "Arah", "Target", *periode,
             "Perubahan", "Perubahan (%)", "Penilaian", "Jarak ke Target", ""]
            + [f"% Baik+ {p}" for p in periode])


def tulis(wb, data: list[dict], nama: str = NAMA_SHEET):
    """Append the impact sheet (and its charts) to `wb`; return the worksheet."""
    from openpyxl.chart import LineChart, Reference
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(nama) if hasattr(wb, "create_sheet") else wb  # a workbook, or a sheet made for us
    periode = _periode(data)
    n = len(periode)
    kol_awal_periode = 6  # F
    lebar = {1: 22, 2: 45, 3: 10, 4: 8, 5: 10}
    for i in range(n):
        lebar[kol_awal_periode + i] = 11
    for i, w in lebar.items():
        ws.column_dimensions[get_column_letter(i)].width = w
    atur_cetak(ws, lanskap=True, baris_judul=BARIS_JUDUL)  # before the first row (write-only)
    ws.append([_sel(ws, "Dampak pada layanan publik: indikator layanan unit per periode", tebal=True)])
    ws.append([_sel(ws, "Arah 'turun': makin rendah makin baik (misalnya hari penerbitan izin). "
                        "% Baik+ = pegawai unit berpredikat Sangat Baik atau Baik pada periode penilaian itu.")])
    ws.append([])
    ws.append([_sel(ws, j, tebal=True) if j else None for j in judul_kolom(periode)])
    for d in data:
        per = {x["periode"]: x for x in d["nilai_per_periode"]}
        nilai = [_sel(ws, per[p]["nilai"]) if p in per else None for p in periode]
        baik = [_sel(ws, per[p]["persen_baik"], "0.00") if p in per and per[p]["persen_baik"] is not None else None
                for p in periode]
        jarak = teks_jarak(d["jarak_target"], d["target_tercapai"], d["satuan"])
        ws.append([
            _sel(ws, d["unit"]), _sel(ws, d["indikator"]), _sel(ws, d["satuan"]), _sel(ws, d["arah"]),
            _sel(ws, d["target"]), *nilai,
            _sel(ws, d["perubahan"]), _sel(ws, d["perubahan_persen"], "0.00"),
            _sel(ws, d["penilaian"]), _sel(ws, None if jarak == "-" else jarak), None, *baik,
        ])
    if n:
        from openpyxl.worksheet.pagebreak import Break

        baris_grafik = BARIS_JUDUL + len(data) + 3
        for j in range(0, len(data), 2 * GRAFIK_PER_HALAMAN):  # charts start a page: none is split
            ws.row_breaks.append(Break(id=baris_grafik + (j // 2) * TINGGI_GRAFIK - 2))
        for j, d in enumerate(data):
            r = BARIS_JUDUL + 1 + j
            ch = LineChart()
            ch.title = f"{d['unit']} — {d['indikator']}"[:250]
            ch.y_axis.title = d["satuan"] or "nilai"
            ch.x_axis.title = "Periode"
            ch.height, ch.width = 7, 16
            ch.legend = None
            ref = Reference(ws, min_col=kol_awal_periode, max_col=kol_awal_periode + n - 1, min_row=r, max_row=r)
            ch.add_data(ref, from_rows=True, titles_from_data=False)
            ch.set_categories(Reference(ws, min_col=kol_awal_periode, max_col=kol_awal_periode + n - 1,
                                        min_row=BARIS_JUDUL, max_row=BARIS_JUDUL))
            kolom = "A" if j % 2 == 0 else "J"
            ws.add_chart(ch, f"{kolom}{baris_grafik + (j // 2) * TINGGI_GRAFIK}")
    return ws
