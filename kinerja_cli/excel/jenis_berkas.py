"""Which zip this is: an .xlsx, an .ods (both read), or another format named in the refusal.

An .xlsb or .numbers file is a zip like an .xlsx, so without this check openpyxl refuses it with
an internal class name. Told by the content, not by the name (a renamed file is found too).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import BerkasTidakValid

# An .xlsb is already an Excel workbook: saving it as .xlsx keeps every cell (an 18-digit NIP stays text),
# unlike opening a CSV in Excel, which turns NIPs into 1.97E+17.
SIMPAN_XLSX = ("Di Excel pilih File > Simpan Sebagai (Save As) > 'Excel Workbook (.xlsx)' lalu impor berkas .xlsx itu "
               "(isi selnya tetap sama).")
_ODF = "application/vnd.oasis.opendocument."
PILIH = "Pilih berkas tabelnya (.xlsx, .ods, .xls atau .csv)."


def _format(z: zipfile.ZipFile) -> tuple[str, str] | str | None:
    """(what the file is, how to get a readable file), 'ods' for an OpenDocument spreadsheet, or None
    for an .xlsx (or a zip we cannot name)."""
    nama = {n.lower() for n in z.namelist()}
    if "xl/workbook.bin" in nama:
        return "buku kerja Excel Binary (.xlsb), yang tidak dapat dibaca kinerja", SIMPAN_XLSX
    if "mimetype" in nama:
        try:
            jenis = z.read("mimetype")[:100].decode("ascii", "replace").strip()
        except (KeyError, OSError, zipfile.BadZipFile, RuntimeError):
            jenis = ""
        if jenis == _ODF + "spreadsheet" or jenis == _ODF + "spreadsheet-template":
            return "ods"
        if jenis.startswith(_ODF):
            return "dokumen OpenDocument (teks atau presentasi), bukan buku kerja", PILIH
    if any(n.startswith("index/") and n.endswith(".iwa") for n in nama):
        return ("berkas Apple Numbers (.numbers), yang tidak dapat dibaca kinerja",
                "Di Numbers pilih File > Ekspor ke > Excel (.xlsx) atau CSV, lalu impor berkas itu.")
    if "xl/workbook.xml" not in nama:
        if "word/document.xml" in nama:
            return "dokumen Word (.docx), bukan buku kerja Excel", PILIH
        if "ppt/presentation.xml" in nama:
            return "presentasi PowerPoint (.pptx), bukan buku kerja Excel", PILIH
    return None


def tolak_format_lain(path: Path) -> str:
    """'xlsx' or 'ods' for the zip at `path`; BerkasTidakValid naming the format for any other zip."""
    try:
        with zipfile.ZipFile(path) as z:
            hasil = _format(z)
    except (OSError, zipfile.BadZipFile, RuntimeError, ValueError):
        return "xlsx"  # the reader gives its own message
    if hasil == "ods":
        return "ods"
    if hasil is not None:
        apa, saran = hasil
        raise BerkasTidakValid(f"{Path(path).name} adalah {apa}.", saran)
    return "xlsx"
