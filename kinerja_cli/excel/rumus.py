"""Formulas without a stored result: such a cell reads as empty in every reader.

A workbook written by a script (or saved without calculation) keeps `=5+5` but no value;
Excel shows 10, kinerja reads nothing. Only looked for when an import is refused, to tell the
user why a filled-in cell was reported empty.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

_SEL = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3}[0-9]+)"[^>]*>\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>')


def rumus_tanpa_nilai(path: Path | str, contoh: int = 5) -> tuple[int, list[str]]:
    """(count, first cell references) of formula cells without a stored value, over every worksheet."""
    jumlah, sel = 0, []
    try:
        with zipfile.ZipFile(path) as z:
            for nama in z.namelist():
                if not (nama.lower().startswith("xl/worksheets/") and nama.lower().endswith(".xml")):
                    continue
                with z.open(nama) as f:
                    ekor = b""
                    while True:
                        potong = f.read(1 << 20)
                        teks = ekor + potong
                        batas = len(teks) if not potong else teks.rfind(b"</c>") + 4  # cells never nest
                        if batas < 4:
                            batas = 0
                        for m in _SEL.finditer(teks, 0, batas):
                            jumlah += 1
                            if len(sel) < contoh:
                                sel.append(m.group(1).decode())
                        ekor = teks[batas:]
                        if not potong:
                            break
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return 0, []
    return jumlah, sel
