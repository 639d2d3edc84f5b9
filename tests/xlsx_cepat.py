"""The test workbooks of conftest.buat_xlsx, written without openpyxl's per-file cost.

openpyxl spends ~10 ms per save on parts that do not depend on the rows (theme, styles, workbook,
relationships): about 9 s of the suite's 781 small workbooks. Here those parts come from one
openpyxl save per list of sheet names (cached) and each worksheet part is written as openpyxl
writes it, byte for byte: inline strings, `%.16g` numbers, t="b" booleans, an empty <row> for a
row of None, no <row> for an empty list, the same <dimension>. Only plain cells take this path
(str, int, float, bool, None; no formula, no Excel error text, no illegal character, finite
numbers); any other value sends the whole workbook to openpyxl. KINERJA_UJI_BANDING_XLSX=1 writes
every workbook both ways and asserts the parts are equal (docProps/core.xml holds the time).
"""

from __future__ import annotations

import io
import math
import os
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter

_KEPALA = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr>'
           '<outlinePr summaryBelow="1" summaryRight="1" /><pageSetUpPr /></sheetPr><dimension ref="%s" />'
           '<sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1" /></sheetView>'
           '</sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15" /><sheetData>')
_EKOR = ('</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5" />'
         '</worksheet>')
_KERANGKA: dict[tuple[str, ...], list[tuple[zipfile.ZipInfo, bytes]]] = {}
_HURUF: list[str] = []


def _openpyxl(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for nama, rows in sheets.items():
        ws = wb.create_sheet(nama)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


def _polos(v) -> bool:
    t = type(v)
    if v is None or t is int or t is bool:
        return True
    if t is float:
        return math.isfinite(v)
    if t is str:
        return (len(v) <= 32767 and not (len(v) > 1 and v.startswith("=")) and v not in ERROR_CODES
                and ILLEGAL_CHARACTERS_RE.search(v) is None)
    return False


def _teks(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _kolom(i: int) -> str:
    while len(_HURUF) <= i:
        _HURUF.append(get_column_letter(len(_HURUF) + 1))
    return _HURUF[i]


def _lembar(rows: list[list]) -> bytes:
    isi, baris_min, baris_maks, lebar = [], None, 0, 0
    for n, r in enumerate(rows, start=1):
        if not r:
            continue  # openpyxl's append([]) only moves to the next row
        baris_min = baris_min or n
        baris_maks, lebar = n, max(lebar, len(r))
        isi.append(f'<row r="{n}">')
        for i, v in enumerate(r):
            if v is None:
                continue
            ref = f"{_kolom(i)}{n}"
            if type(v) is str:
                if v == "":
                    isi.append(f'<c r="{ref}" t="inlineStr" />')
                else:
                    s = v.strip()
                    ruang = ' xml:space="preserve"' if s and s != v else ""
                    isi.append(f'<c r="{ref}" t="inlineStr"><is><t{ruang}>{_teks(v)}</t></is></c>')
            else:
                isi.append(f'<c r="{ref}" t="{"b" if type(v) is bool else "n"}"><v>{safe_string(v)}</v></c>')
        isi.append("</row>")
    dimensi = f"A{baris_min}:{_kolom(lebar - 1)}{baris_maks}" if baris_min else "A1:A1"
    return (_KEPALA % dimensi + "".join(isi) + _EKOR).encode()


def _kerangka(nama: tuple[str, ...]) -> list[tuple[zipfile.ZipInfo, bytes]]:
    if nama not in _KERANGKA:
        bio = io.BytesIO()
        _openpyxl(bio, {n: [] for n in nama})
        with zipfile.ZipFile(bio) as z:
            _KERANGKA[nama] = [(i, z.read(i)) for i in z.infolist()]
    return _KERANGKA[nama]


def tulis(path: Path, sheets: dict[str, list[list]]) -> Path:
    """Write a real workbook: {sheet name: rows} (what openpyxl's Workbook/append/save writes)."""
    sheets = {nama: list(rows) for nama, rows in sheets.items()}
    if not sheets or not all(type(r) in (list, tuple) and all(map(_polos, r)) for rows in sheets.values() for r in rows):
        return _openpyxl(path, sheets)
    kerangka = _kerangka(tuple(sheets))
    lembar = {f"xl/worksheets/sheet{i}.xml": _lembar(rows) for i, rows in enumerate(sheets.values(), start=1)}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in kerangka:
            z.writestr(info.filename, lembar.get(info.filename, data))
    if os.environ.get("KINERJA_UJI_BANDING_XLSX"):
        _banding(path, sheets)
    return path


def _banding(path: Path, sheets: dict[str, list[list]]) -> None:
    bio = io.BytesIO()
    _openpyxl(bio, sheets)
    with zipfile.ZipFile(bio) as a, zipfile.ZipFile(path) as b:
        assert a.namelist() == b.namelist(), (a.namelist(), b.namelist())
        for n in a.namelist():
            if n != "docProps/core.xml":
                assert a.read(n) == b.read(n), (path, n, a.read(n)[:3000], b.read(n)[:3000])
