"""Reading cell values with python-calamine (Rust), about ten times faster than openpyxl.

calamine does not report number formats, which the percent rule needs (0.95 shown as
95% is 95). So `baca.baca_sheet` uses this path only when the workbook's styles hold no
percent format at all (`ada_format_persen`); then no cell can carry one and the rows are
the same as openpyxl's. Values are converted to what openpyxl returns: whole numbers as
int (a NIP typed as a number stays a number and is refused), dates as datetime, empty
cells as None. Any trouble here (a file calamine cannot read, an unexpected layout)
returns None and the caller reads the file with openpyxl, which gives the proper message.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

_NUMFMT = re.compile(rb"<(?:\w+:)?numFmt\b([^>]*)>")
_CELLXFS = re.compile(rb"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", re.S)
_XF_FMT = re.compile(rb"<(?:\w+:)?xf\b[^>]*?\bnumFmtId=\"(\d+)\"")
_ATTR = re.compile(rb"(\w+)=\"([^\"]*)\"")
_PERSEN_BAWAAN = {9, 10}  # built-in "0%" and "0.00%"


def ada_format_persen(path: Path) -> bool:
    """True when a cell style of the workbook uses a percent number format (or when unsure)."""
    try:
        with zipfile.ZipFile(path) as z:
            nama = next((n for n in z.namelist() if n.lower() == "xl/styles.xml"), None)
            if nama is None:
                return False  # no styles: every cell is General
            isi = z.read(nama)
    except (OSError, zipfile.BadZipFile, KeyError):
        return True
    persen = set(_PERSEN_BAWAAN)
    for m in _NUMFMT.finditer(isi):
        attr = dict(_ATTR.findall(m.group(1)))
        if b"%" in attr.get(b"formatCode", b"") and attr.get(b"numFmtId", b"").isdigit():
            persen.add(int(attr[b"numFmtId"]))
    blok = _CELLXFS.search(isi)
    if blok is None:
        return False
    return any(int(x) in persen for x in _XF_FMT.findall(blok.group(0)))


BATAS_SEL_CALAMINE = 20_000_000  # calamine builds a dense grid of every sheet: rows x columns cells
_KOLOM_3 = re.compile(rb' r="[A-Z]{3}[0-9]')
_KOLOM_2 = re.compile(rb' r="[A-Z]{2}[0-9]')
_BARIS_R = re.compile(rb'<row [^>]*?r="([0-9]+)"')


def luas_wajar(path: Path, batas: int = BATAS_SEL_CALAMINE) -> bool:
    """True when every worksheet's grid (last row x widest column) is small enough for calamine.

    A sparse sheet with a stray cell far away (row 1,000,000 or column XFD) would make calamine
    allocate billions of cells and abort the process; such a file goes to the streaming openpyxl
    reader instead. The sheet XML is scanned in chunks (no grid is built here).
    """
    try:
        with zipfile.ZipFile(path) as z:
            for nama in z.namelist():
                if not (nama.lower().startswith("xl/worksheets/") and nama.lower().endswith(".xml")):
                    continue
                lebar, baris_akhir, ekor = 26, 0, b""
                with z.open(nama) as f:
                    while True:
                        potong = f.read(1 << 20)
                        if not potong:
                            break
                        teks = ekor + potong
                        if lebar < 16384 and _KOLOM_3.search(teks):
                            lebar = 16384
                        elif lebar < 702 and _KOLOM_2.search(teks):
                            lebar = 702
                        for m in _BARIS_R.finditer(teks):
                            baris_akhir = max(baris_akhir, int(m.group(1)))
                        ekor = teks[-64:].rstrip()
                if b"</worksheet>" not in ekor and b"worksheet>" not in ekor[-20:]:
                    return False  # truncated or broken XML: openpyxl reports the damage properly
                if baris_akhir == 0 and z.getinfo(nama).file_size > 4096:
                    return False  # rows without numbers: size unknown, be careful
                if lebar * baris_akhir > batas:
                    return False
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return False
    return True


def seperti_openpyxl(v):
    """A calamine value as openpyxl (read-only, data_only) gives it; '' -> None."""
    t = type(v)
    if t is str:
        return v.strip() or None
    if t is float:
        if v.is_integer() and -1e16 < v < 1e16:
            return int(v)
        return v
    if t is date:
        return datetime(v.year, v.month, v.day)
    return v


class LembarCalamine:
    """Just enough of an openpyxl read-only sheet for the header search, plus the row iterator."""

    def __init__(self, sheet, title: str):
        self._sheet, self.title = sheet, title
        self.kolom_awal = sheet.start[1] if sheet.start else 0
        self.baris_akhir = sheet.end[0] + 1 if sheet.end else 0
        self._baris = sheet.iter_rows() if sheet.start else iter(())
        self._awal: list[tuple] = []  # rows already read for the header search

    def _isi(self, row) -> tuple:
        return (None,) * self.kolom_awal + tuple(seperti_openpyxl(v) for v in row)

    def iter_rows(self, max_row: int, values_only: bool = True):
        while len(self._awal) < max_row:
            row = next(self._baris, None)
            if row is None:
                break
            self._awal.append(self._isi(row))
        return iter(self._awal[:max_row])

    def baris_mentah(self, mulai: int):
        """(Excel row number, raw calamine row or a converted tuple) from row `mulai` on."""
        n = 0
        for n, row in enumerate(self._awal, start=1):
            if n >= mulai:
                yield n, row, True
        for n, row in enumerate(self._baris, start=n + 1):
            if n >= mulai:
                yield n, row, False
        if n != self.baris_akhir and self.baris_akhir:
            raise ValueError("calamine rows do not start at row 1")


class BukuCalamine:
    def __init__(self, path: Path):
        from python_calamine import CalamineWorkbook

        self._wb = CalamineWorkbook.from_path(str(path))
        self.sheetnames = [m.name for m in self._wb.sheets_metadata
                           if str(getattr(m.typ, "name", m.typ)).lower().endswith("worksheet")]

    def __getitem__(self, nama: str) -> LembarCalamine:
        return LembarCalamine(self._wb.get_sheet_by_name(nama), nama)

    def close(self) -> None:
        try:
            self._wb.close()
        except Exception:  # already closed
            pass


def buka(path: Path):
    """A BukuCalamine, or None when calamine is missing or cannot read the file."""
    try:
        return BukuCalamine(path)
    except Exception:  # ImportError, or any parse error: openpyxl decides
        return None


def baris_data(ws: LembarCalamine, baris_judul: int, keys: list, huruf: dict):
    """BarisSumber rows below the header (format always empty: no percent format exists)."""
    from ..model import BarisSumber

    geser = ws.kolom_awal
    kolom = [(key, i - geser) for key, i in keys]
    unik: dict = {}  # one object per distinct text: repeated NIPs, names, units share memory
    kosong: dict = {}
    hasil = []
    title = ws.title
    for r, row, sudah in ws.baris_mentah(baris_judul + 1):
        if sudah:  # already converted (header-search rows), with the leading empty columns
            vals = {key: (row[i + geser] if 0 <= i + geser < len(row) else None) for key, i in kolom}
        else:
            n = len(row)
            vals = {}
            for key, i in kolom:
                v = row[i] if 0 <= i < n else None
                t = type(v)
                if t is str:
                    v = v.strip()
                    v = unik.setdefault(v, v) if v else None
                elif t is float:
                    if v.is_integer() and -1e16 < v < 1e16:
                        v = int(v)
                elif v is not None:
                    v = seperti_openpyxl(v)
                vals[key] = v
        if any(v is not None for v in vals.values()):
            hasil.append(BarisSumber(title, r, vals, kosong, huruf))
    return hasil
