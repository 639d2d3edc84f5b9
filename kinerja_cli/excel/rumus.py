"""Formulas without a stored result: such a cell reads as empty in every reader.

A workbook written by a script (or saved without calculation) keeps `=5+5` but no value;
Excel shows 10, kinerja would read nothing, and an import would then clear what was stored.
So such a cell is refused like an Excel error cell (excel/sel_galat.py): each one found in a
data column is one problem of its cell, listed (and marked) with every other problem of the
file, and the file is refused. The openpyxl path scans the sheet before its rows are used; the
calamine slices see the cells in each slice's XML.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from .periksa_zip import bagian_utuh

_SEL = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3}[0-9]+)"[^>]*>\s*<f\b[^>]*(?:/>|>([^<]*)</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>')
_REF = re.compile(r"([A-Z]{1,3})([0-9]+)")


class Rumus(str):
    """The "error code" of a formula cell without a stored result in sel_galat.PenampungGalat: the formula
    ('=5+5'), or '' for a cell sharing another cell's formula."""


def _temuan(m) -> tuple[str, int, Rumus]:
    from xml.sax.saxutils import unescape

    huruf, baris = _REF.fullmatch(m.group(1).decode()).groups()
    teks = unescape(m.group(2).decode("utf-8", "replace")).strip() if m.group(2) else ""
    return huruf, int(baris), Rumus(f"={teks}" if teks else "")
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\b(?:\w+:)?id="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"|'
                  rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')


def _bagian_sheet(z: zipfile.ZipFile, nama_sheet: str | None) -> list[str]:
    """The XML parts of the named worksheet (all worksheets when it cannot be told)."""
    semua = [n for n in z.namelist() if n.lower().startswith("xl/worksheets/") and n.lower().endswith(".xml")]
    if nama_sheet is None:
        return semua
    try:
        buku = z.read("xl/workbook.xml")
        rel = z.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return semua
    target = {}
    for m in _REL.finditer(rel):
        i, t = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        target[i] = t.decode()
    from xml.sax.saxutils import unescape

    for m in _SHEET.finditer(buku):
        if unescape(m.group(1).decode()) == nama_sheet and m.group(2) in target:
            t = target[m.group(2)]
            p = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join("xl", t))
            return [n for n in semua if n == p] or semua
    return semua


def rumus_tanpa_nilai(path: Path | str, nama_sheet: str | None = None, contoh: int = 5) -> tuple[int, list[str]]:
    """(count, first cell references) of formula cells without a stored value in the sheet."""
    jumlah, sel = 0, []
    for h, r, _ in sel_berkas(path, nama_sheet):
        jumlah += 1
        if len(sel) < contoh:
            sel.append(f"{h}{r}")
    return jumlah, sel


def sel_berkas(path: Path | str, nama_sheet: str | None = None):
    """(column letter, row, Rumus) of every formula cell without a stored value in the sheet, in order."""
    try:
        with zipfile.ZipFile(path) as z:
            for nama in _bagian_sheet(z, nama_sheet):
                with bagian_utuh(Path(path).name, nama), z.open(nama) as f:
                    ekor = b""
                    while True:
                        potong = f.read(1 << 20)
                        teks = ekor + potong
                        batas = len(teks) if not potong else teks.rfind(b"</c>") + 4  # cells never nest
                        if batas < 4:
                            batas = 0
                        if teks.find(b"<f", 0, batas) >= 0:  # most sheets hold no formula at all
                            for m in _SEL.finditer(teks, 0, batas):
                                yield _temuan(m)
                        ekor = teks[batas:]
                        if not potong:
                            break
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return


def sel_dalam(xml: bytes) -> list:
    """(column letter, row, Rumus) of the formula cells without a stored value in a run of whole rows."""
    if b"<f" not in xml:  # most slices hold no formula at all
        return []
    return [_temuan(m) for m in _SEL.finditer(xml)]
