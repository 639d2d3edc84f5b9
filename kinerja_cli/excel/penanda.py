"""The period a kinerja template was made for, as the workbook itself records it.

`kinerja templat` writes the period twice: a custom document property `kinerja_periode` (kept by
Excel and LibreOffice through any edit or re-save, and by an OPD deleting the Petunjuk sheet) and
the title of the Petunjuk sheet, "Templat kinerja ASN, periode 2027" (the only record in templates
sent out before the property existed). `dari_pembaca` reads the property first, then the title.
A workbook with neither (an office's own Excel) has no period: None.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

PROPERTI = "kinerja_periode"
SHEET_PETUNJUK = "Petunjuk"
JUDUL = "Templat kinerja ASN, periode {kode}"
_JUDUL = re.compile(r"Templat kinerja ASN, periode (\S+)", re.IGNORECASE)
_BATAS_XML = 256 * 1024  # docProps/custom.xml of a template is a few hundred bytes


@dataclass(frozen=True)
class Penanda:
    kode: str  # upper case, as period codes are stored
    asal: str  # where it was read, for the message


def tulis(wb, kode: str) -> None:
    """Record `kode` in the workbook (openpyxl Workbook, before saving)."""
    from openpyxl.packaging.custom import StringProperty

    wb.custom_doc_props.append(StringProperty(name=PROPERTI, value=kode))


def dari_pembaca(pb) -> Penanda | None:
    """The period recorded in the workbook open in `pb` (excel.pembaca.Pembaca), or None."""
    if getattr(pb, "jenis", "") == "xlsx":
        kode = _properti(Path(pb.path))
        if kode:
            return Penanda(kode.upper(), f"properti berkas {PROPERTI}")
    nama = next((n for n in pb.nama_lembar if n.strip().casefold() == SHEET_PETUNJUK.casefold()), None)
    if nama is None:
        return None
    try:
        baris = [tuple(r) for r in pb.kepala(nama, 1)]
    except Exception:  # an unreadable instructions sheet records nothing; the data sheets decide the import
        return None
    v = baris[0][0] if baris and baris[0] else None
    m = _JUDUL.fullmatch(v.strip()) if isinstance(v, str) else None
    return Penanda(m.group(1).upper(), f"judul sheet {nama}, sel A1") if m else None


def _properti(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as z:
            info = next((i for i in z.infolist() if i.filename.lower() == "docprops/custom.xml"), None)
            if info is None or info.file_size > _BATAS_XML:
                return None
            akar = ElementTree.fromstring(z.read(info))
    except (OSError, zipfile.BadZipFile, ElementTree.ParseError, KeyError, RuntimeError):
        return None
    for p in akar:
        if p.get("name") == PROPERTI:
            teks = "".join(p.itertext()).strip()
            return teks or None
    return None
