"""The workbook of `kinerja templat atasan`: one row per employee, the current NIP Atasan to keep or
change, and a suggested atasan as a cell comment. `kinerja pegawai impor` reads it back (sheet
'Atasan', kolom.ATASAN) and changes only the atasan links."""

from __future__ import annotations

from pathlib import Path

from ..kolom import ATASAN
from .aman import isi_teks
from .tulis import simpan_atomik

JUDUL = ["NIP", "Nama", "Jabatan", "Sub Unit", "NIP Atasan", "Nama Atasan (saat ini)"]
assert [k.judul for k in ATASAN.kolom][:5] == JUDUL[:5]
LEBAR = (21, 34, 36, 40, 21, 34)


def tulis(berkas: Path, baris: list[dict], timpa: bool) -> Path:
    """baris: {nip, nama, jabatan, sub_unit, nip_atasan, nama_atasan, saran (comment text or None)}."""
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = ATASAN.nama_sheet
    tebal, isi = Font(bold=True), PatternFill("solid", fgColor="FFF2CC")
    for c, (j, w) in enumerate(zip(JUDUL, LEBAR), start=1):
        sel = ws.cell(1, c)
        isi_teks(sel, j)
        sel.font = tebal
        ws.column_dimensions[sel.column_letter].width = w
    ws.cell(1, 5).fill = isi
    ws.freeze_panes = "A2"
    for r, d in enumerate(baris, start=2):
        for c, k in enumerate(("nip", "nama", "jabatan", "sub_unit", "nip_atasan", "nama_atasan"), start=1):
            if d.get(k) is not None:
                isi_teks(ws.cell(r, c), d[k])
        ws.cell(r, 1).number_format = ws.cell(r, 5).number_format = "@"  # a NIP stays text when edited
        if d.get("saran"):
            ws.cell(r, 5).comment = Comment(d["saran"], "kinerja", width=320, height=90)
    return simpan_atomik(wb, Path(berkas), timpa)
