"""User text written into Excel stays text: never a formula (DESIGN.md, "Lines that hold").

A cell value starting with ``=``, ``+``, ``-`` or ``@`` can be taken as a formula by
openpyxl (``=``) or by a spreadsheet program when the cell is edited or the sheet is
exported to CSV. Such values are written with the explicit string type (``data_type
= 's'``) and the "quote prefix" style flag, so Excel and LibreOffice show them
literally (the edit bar shows a leading apostrophe).

No openpyxl import at module level (``kinerja --help`` stays light).
"""

from __future__ import annotations

import re

PEMICU_RUMUS = ("=", "+", "-", "@", "\t", "\r")

# XML 1.0 forbids the C0 controls (openpyxl raises IllegalCharacterError on them); DEL and the C1
# controls are allowed by XML but are never meant as text: every sheet drops them all.
_KARAKTER_TERLARANG = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
BATAS_SEL = 32_767  # Excel refuses to open a file with a longer cell text ("we found a problem")
TANDA_POTONG = "…[dipotong]"  # ends a text cut at BATAS_SEL, so a reader sees it is not whole


def bersihkan(nilai: object) -> object:
    """The one rule for text written into any sheet: drop characters an .xlsx file cannot store
    (and other control characters), and cut text longer than Excel's cell limit, ending it with
    TANDA_POTONG. The limit counts UTF-16 units, as Excel does. Non-text values come back as they are."""
    if not isinstance(nilai, str):
        return nilai
    if _KARAKTER_TERLARANG.search(nilai):
        nilai = _KARAKTER_TERLARANG.sub("", nilai)
    if len(nilai) > BATAS_SEL // 2 and len(nilai.encode("utf-16-le")) > 2 * BATAS_SEL:
        sisa = 2 * (BATAS_SEL - len(TANDA_POTONG))
        nilai = nilai.encode("utf-16-le")[:sisa].decode("utf-16-le", errors="ignore") + TANDA_POTONG
    return nilai


def perlu_dilindungi(nilai: object) -> bool:
    """True for a string a spreadsheet could read as a formula."""
    return isinstance(nilai, str) and nilai.startswith(PEMICU_RUMUS)


def sel_aman(ws, nilai: object, **gaya):
    """A value safe to write in a row of a write-only sheet (``ws.append``).

    Plain values without style come back unchanged (fast path); a string that
    could become a formula, or any value with a style (``font``, ``fill``,
    ``number_format``, ``alignment``, ``border``), comes back as a
    ``WriteOnlyCell``.
    """
    nilai = bersihkan(nilai)
    if not gaya and not perlu_dilindungi(nilai):
        return nilai
    from openpyxl.cell import WriteOnlyCell

    c = WriteOnlyCell(ws, value=nilai)
    if gaya:
        c._style = _gaya_tersimpan(ws, gaya)
    if isinstance(nilai, str):
        kunci_teks(c)
    return c


def _gaya_tersimpan(ws, gaya: dict):
    """A copy of the style index array for this combination of style objects.

    Assigning a Font/Border/Fill hashes the whole object tree each time, which made
    a large recap slow; the combination is resolved once per workbook and copied after.
    The cache lives on the workbook and keeps the style objects alive (ids stay unique).
    """
    from copy import copy

    from openpyxl.cell import WriteOnlyCell

    cache = ws.parent.__dict__.setdefault("_kinerja_gaya", {})
    kunci = tuple(sorted((k, v if isinstance(v, str) else id(v)) for k, v in gaya.items() if v is not None))
    hasil = cache.get(kunci)
    if hasil is None:
        contoh = WriteOnlyCell(ws)
        for k, v in gaya.items():
            if v is not None:
                setattr(contoh, k, v)
        hasil = cache[kunci] = (contoh._style, tuple(gaya.values()))
    return copy(hasil[0])


def kunci_teks(cell):
    """Force a cell holding a string to stay a literal string; returns the cell."""
    v = cell.value
    if isinstance(v, str):
        cell.data_type = "s"
        if perlu_dilindungi(v):
            cell.quotePrefix = True
    return cell


def isi_teks(cell, nilai: object):
    """Set a cell's value (normal or write-only); text stays literal text."""
    cell.value = bersihkan(nilai)
    return kunci_teks(cell)


teks_aman = isi_teks
