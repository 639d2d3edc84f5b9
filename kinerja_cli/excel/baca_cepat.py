"""Reading cell values with python-calamine (Rust), about ten times faster than openpyxl.

calamine does not report number formats, which the percent rule needs (0.95 shown as
95% is 95). So `baca.buka_pembaca` chooses this reader only when the workbook's styles hold no
percent format at all (`ada_format_persen`); then no cell can carry one and the rows are
the same as openpyxl's. Values are converted to what openpyxl returns: whole numbers as
int (a NIP typed as a number stays a number and is refused), dates as datetime, empty
cells as None. The sheet is read in slices (excel/baca_iris.py), so memory stays flat.
Any trouble here (a file calamine cannot read, an unexpected layout) returns None or
raises, and the caller reads the file with openpyxl, which gives the proper message.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

from ..errors import KinerjaError
from ..model import BarisSumber
from . import baca_iris
from .baca_iris import BukuIris
from .pembaca import Pembaca, PembacaOpenpyxl
from .sel_galat import KODE_GALAT

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


class _LembarBaca:
    """One worksheet of an .xlsx read by calamine: the first rows kept for the header search, then the slices."""

    def __init__(self, lembar, utuh: bool):
        self.title = lembar.title
        self._lembar = lembar
        self._irisan = lembar.irisan(utuh)
        self._awal: list = []  # slices already read for the header search (kept for the data rows)
        self._sampai = 0  # 1-based number of the last row those slices cover
        self._per_baris: dict = {}  # 1-based row -> its values as openpyxl gives them (rows 1.._diubah)
        self._diubah = 0  # rows converted so far: each row once, however often the header search asks
        self._ubah = _SepertiOpenpyxl().__getitem__  # wide rows are mostly empty cells: one memo hit each

    def kepala(self, max_row: int) -> list[tuple]:
        while self._sampai < max_row:
            iris = next(self._irisan, None)
            if iris is None:
                break
            self._awal.append(iris)
            self._sampai = iris[0] + len(iris[2])
        if max_row > self._diubah:
            for r0, c0, rows in self._awal:
                dari = max(0, self._diubah - r0)
                for n, row in enumerate(rows[dari:max(0, max_row - r0)], start=r0 + 1 + dari):
                    self._per_baris[n] = (None,) * c0 + tuple(map(self._ubah, row))
            self._diubah = max_row
        per_baris = self._per_baris
        return [per_baris.get(n, ()) for n in range(1, max_row + 1)]

    def semua_irisan(self):
        yield from self._awal
        self._awal = []
        self._per_baris, self._diubah = {}, 0
        yield from self._irisan

    def ambil_galat(self) -> list:
        """The Excel error cells the slices read so far hold (then forgotten)."""
        galat, self._lembar.sel_galat = self._lembar.sel_galat, []
        return galat

    def close(self) -> None:
        self._irisan.close()


class PembacaCalamineXlsx(Pembaca):
    """An .xlsx without percent formats, read by python-calamine: a sheet whose XML is at most
    baca_iris.IRISAN (4 MB, about 11,000 rows of 12 columns) in one call, a larger one slice by
    slice (excel/baca_iris.py); the cut-off is measured there."""

    cadangan_openpyxl = True

    def __init__(self, path: Path):
        super().__init__(path)
        import python_calamine  # noqa: F401  (missing: the caller reads with openpyxl)

        self._buku = BukuIris(path)
        self._lembar: dict = {}

    @property
    def nama_lembar(self) -> list[str]:
        return list(self._buku.sheetnames)

    def _ambil(self, sheet: str) -> _LembarBaca:
        ws = self._lembar.get(sheet)
        if ws is None:
            utuh = self._buku.ukuran(sheet) <= baca_iris.IRISAN  # the measured cut-off (baca_iris.IRISAN)
            ws = self._lembar[sheet] = _LembarBaca(self._buku[sheet], utuh)
        return ws

    def kepala(self, sheet: str, n: int) -> list[tuple]:
        return self._ambil(sheet).kepala(n)

    def baris(self, sheet, baris_judul, keys, huruf, galat):
        """The calamine rows; if a slice fails midway, openpyxl goes on from the next row."""
        ws = self._ambil(sheet)
        aliran = baris_data(ws, baris_judul, keys, huruf, galat)
        terakhir = baris_judul
        try:
            try:
                for b in aliran:
                    terakhir = b.baris
                    yield b
                return
            except KinerjaError:
                raise
            except Exception:  # a slice calamine refuses (or that cannot be cut): openpyxl reads the rest
                pass
        finally:
            aliran.close()
            ws.close()
        with PembacaOpenpyxl(self.path) as cadangan:
            yield from cadangan.baris(sheet, baris_judul, keys, huruf, galat, mulai=terakhir + 1)

    def close(self) -> None:
        for ws in self._lembar.values():
            ws.close()
        self._buku.close()


def buka(path: Path) -> PembacaCalamineXlsx | None:
    """A PembacaCalamineXlsx, or None when calamine is missing or the workbook's parts cannot be read."""
    try:
        return PembacaCalamineXlsx(path)
    except Exception:  # ImportError, or any parse error: openpyxl decides
        return None


_BATAS_CACHE = 100_000


class _SepertiOpenpyxl(dict):
    """Memo of `seperti_openpyxl` (raw calamine value -> converted), read with map() at C speed.

    Values equal to a bool (0, 1, 0.0, 1.0, True, False) and NaN are never stored: True == 1 == 1.0
    share one dict slot, and a hit must never hand back a value of another type. Texts map to one
    stripped object each, so repeated NIPs, names and units share memory.
    """

    def __missing__(self, v):
        w = seperti_openpyxl(v)
        if v.__class__ is bool or v != v or (v.__class__ is not str and (v == 0 or v == 1)):
            return w
        if len(self) > _BATAS_CACHE:  # flat memory on a sheet of all-distinct values
            self.clear()
        self[v] = w
        return w


def baris_data(ws: _LembarBaca, baris_judul: int, keys: list, huruf: dict, galat):
    """BarisSumber rows below the header, one by one (format always empty: no percent format exists).

    Each slice is converted column by column (the memo turns every cell into what openpyxl
    gives), then the rows are assembled and the empty ones dropped. Excel error cells (and
    error texts) of the data columns go to `galat` (a sel_galat.PenampungGalat) and read as None.
    """
    nama = tuple(key for key, _ in keys)
    n_kunci = len(nama)
    ubah = _SepertiOpenpyxl().__getitem__
    kosong: dict = {}
    title = ws.title
    for r0, c0, rows in ws.semua_irisan():
        galat.catat_xml(ws.ambil_galat())
        mulai = max(0, baris_judul - r0)
        if mulai:
            rows = rows[mulai:]
        if not rows:
            continue
        lebar = len(rows[0])
        kolom = []
        for key, i in keys:
            j = i - c0
            if 0 <= j < lebar:
                vals = list(map(ubah, [row[j] for row in rows]))
                if not KODE_GALAT.isdisjoint(vals):  # an error value typed or pasted as text
                    h = huruf[key]
                    for n, v in enumerate(vals):
                        if v.__class__ is str and v in KODE_GALAT:
                            galat.catat(r0 + 1 + mulai + n, h, v)
                            vals[n] = None
                kolom.append(vals)
            else:  # a column outside this slice's grid: empty over the whole slice
                kolom.append([None] * len(rows))
        for n, vals in enumerate(zip(*kolom), start=r0 + 1 + mulai):
            if vals.count(None) != n_kunci:
                yield BarisSumber(title, n, dict(zip(nama, vals)), kosong, huruf)
    galat.catat_xml(ws.ambil_galat())
