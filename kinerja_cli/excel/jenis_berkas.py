"""Other spreadsheet (or office) formats inside a zip: say which format it is and how to save it as .xlsx.

An .xlsb, .ods or .numbers file is a zip like an .xlsx, so without this check openpyxl refuses
it with an internal class name. Told by the content, not by the name (a renamed file is found too).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import BerkasTidakValid

SIMPAN_XLSX = "Buka di Excel lalu Simpan Sebagai (Save As) 'Excel Workbook (.xlsx)', lalu impor berkas .xlsx itu."
_ODF = "application/vnd.oasis.opendocument."


def _format(z: zipfile.ZipFile) -> tuple[str, str] | None:
    """(what the file is, how to make an .xlsx of it), or None for an .xlsx (or a zip we cannot name)."""
    nama = {n.lower() for n in z.namelist()}
    if "xl/workbook.bin" in nama:
        return "buku kerja Excel Binary (.xlsb), yang tidak dapat dibaca kinerja", SIMPAN_XLSX
    if "mimetype" in nama:
        try:
            jenis = z.read("mimetype")[:100].decode("ascii", "replace").strip()
        except (KeyError, OSError, zipfile.BadZipFile, RuntimeError):
            jenis = ""
        if jenis == _ODF + "spreadsheet" or jenis == _ODF + "spreadsheet-template":
            return ("lembar kerja OpenDocument (.ods, dari LibreOffice/OpenOffice Calc), yang belum dapat dibaca kinerja",
                    "Buka di LibreOffice Calc lalu Simpan Sebagai (Save As) format 'Excel 2007-365 (.xlsx)', "
                    "atau buka di Excel lalu Simpan Sebagai 'Excel Workbook (.xlsx)'.")
        if jenis.startswith(_ODF):
            return "dokumen OpenDocument (teks atau presentasi), bukan buku kerja", "Pilih berkas Excel .xlsx-nya."
    if any(n.startswith("index/") and n.endswith(".iwa") for n in nama):
        return ("berkas Apple Numbers (.numbers), yang tidak dapat dibaca kinerja",
                "Di Numbers pilih File > Ekspor ke > Excel (.xlsx), lalu impor berkas .xlsx itu.")
    if "xl/workbook.xml" not in nama:
        if "word/document.xml" in nama:
            return "dokumen Word (.docx), bukan buku kerja Excel", "Pilih berkas Excel .xlsx-nya."
        if "ppt/presentation.xml" in nama:
            return "presentasi PowerPoint (.pptx), bukan buku kerja Excel", "Pilih berkas Excel .xlsx-nya."
    return None


def tolak_format_lain(path: Path) -> None:
    """Raise BerkasTidakValid naming the format when the zip at `path` is not an Excel .xlsx workbook."""
    try:
        with zipfile.ZipFile(path) as z:
            hasil = _format(z)
    except (OSError, zipfile.BadZipFile, RuntimeError, ValueError):
        return  # the reader gives its own message
    if hasil is not None:
        apa, saran = hasil
        raise BerkasTidakValid(f"{Path(path).name} adalah {apa}.", saran)
