"""Writing user text into cells safely: never a formula, never a broken file.

Every export and template puts names, jabatan, RHK, indikator... through
`teks_aman`. A text starting with `=`, `+`, `-` or `@` (or a tab/CR, which some
spreadsheet programs strip before parsing) is stored as a literal string AND
marked with Excel's quote prefix, so it also stays text when someone edits the
cell (F2, Enter) in Excel or LibreOffice. Characters the xlsx format cannot
hold (control characters) are dropped instead of failing the whole save.

No openpyxl import at module level: this only touches cell attributes.
"""

from __future__ import annotations

import re

AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")

# XML 1.0 forbids these; openpyxl raises IllegalCharacterError on them.
_KARAKTER_TERLARANG = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def bersihkan(teks: str) -> str:
    """Drop characters an .xlsx file cannot store."""
    return _KARAKTER_TERLARANG.sub("", teks)


def berbahaya(teks: object) -> bool:
    """True when a spreadsheet program could read this text as a formula."""
    return isinstance(teks, str) and teks.startswith(AWALAN_RUMUS)


def teks_aman(cell, nilai):
    """Put `nilai` into `cell`; a str always stays a literal string. Returns the cell.

    Works on normal and write-only cells. Non-str values (numbers, dates, None)
    are assigned unchanged.
    """
    if isinstance(nilai, str):
        nilai = bersihkan(nilai)
        cell.value = nilai
        cell.data_type = "s"  # openpyxl marks '=...' as a formula ('f'); undo that
        if berbahaya(nilai):
            cell.quotePrefix = True
    else:
        cell.value = nilai
    return cell


def sel_aman(ws, nilai, **gaya):
    """A new write-only cell holding `nilai` safely, with optional style attributes
    (font=, fill=, alignment=, number_format=, ...)."""
    from openpyxl.cell import WriteOnlyCell

    c = WriteOnlyCell(ws)
    for k, v in gaya.items():
        setattr(c, k, v)
    return teks_aman(c, nilai)
