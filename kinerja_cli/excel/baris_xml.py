"""Rows of a large sheet rendered straight to XML text (the text openpyxl would write).

`LembarCepat` already writes plain cells as text, but a row still went through a cell object
per value, a style lookup per cell and a row-height estimate per text: about 20 microseconds a
row of the Rincian sheet. :class:`Penyaji` renders a whole row from plain values with the
style indexes resolved once (:class:`GayaXML`), caching the escaped text and the wrapped-line
count of repeated values (units, jabatan, RHK, satuan...) in small bounded caches, so memory
stays flat whatever the number of rows.

The output is byte-for-byte what `LembarCepat` writes for the same `GayaSel` cells (a test
holds that): text stays literal (formula-like text gets the quote-prefix style, as
`aman.sel_aman`), characters an .xlsx cannot hold are dropped, text longer than a cell
holds is cut, and numbers are written as openpyxl does (``"%.16g" % value``). A value of any
other type raises :class:`BukanSederhana`; the caller then writes that row through the cell
objects instead.
"""

from __future__ import annotations

from decimal import Decimal
from math import isinf, isnan

from .aman import PEMICU_RUMUS, bersihkan
from .lembar import Aliran, jumlah_baris_teks
from .lembar_cepat import _esc

BATAS_CACHE = 8192  # entries per cache; cleared when full (memory stays flat)
_ANGKA = (int, float, Decimal)


class BukanSederhana(Exception):
    """A value the XML renderer does not handle (date, bool, ...): use the cell path."""


class GayaXML:
    """The style attribute of one `GayaSel` combination: normal, and with the quote prefix."""

    __slots__ = ("s", "s_kutip")

    def __init__(self, gaya_sel):
        self.s = f' s="{gaya_sel.s}"' if gaya_sel.s else ""
        self.s_kutip = f' s="{gaya_sel.s_kutip}"'


def _siapkan(v: str) -> tuple[str, bool, str]:
    """(XML after the style attribute, needs the quote prefix, the text as written)."""
    v = bersihkan(v)  # the one text rule of every sheet (aman)
    stripped = v.strip()
    ruang = ' xml:space="preserve"' if stripped and stripped != v else ""
    return f' t="inlineStr"><is><t{ruang}>{_esc(v)}</t></is></c>', v.startswith(PEMICU_RUMUS), v


class Penyaji:
    """Renders cells and rows; one per workbook (its caches are bounded)."""

    def __init__(self):
        self._teks: dict = {}
        self._angka: dict = {}
        self._baris: dict = {}

    def teks(self, h: str, rs: str, v: str, g: GayaXML) -> str:
        """A text cell at column letter `h`, row `rs` (text)."""
        x = self._teks.get(v)
        if x is None:
            if len(self._teks) >= BATAS_CACHE:
                self._teks.clear()
            x = self._teks[v] = _siapkan(v)
        return f'<c r="{h}{rs}"{g.s_kutip if x[1] else g.s}{x[0]}'

    def angka(self, h: str, rs: str, v, g: GayaXML) -> str:
        a = self._angka.get(v)
        if a is None:
            if len(self._angka) >= BATAS_CACHE:
                self._angka.clear()
            a = self._angka[v] = "" if isnan(v) or isinf(v) else "%.16g" % v  # openpyxl's safe_string
        return f'<c r="{h}{rs}"{g.s} t="n"><v>{a}</v></c>'

    def sel(self, h: str, rs: str, v, g: GayaXML) -> str:
        """Any simple value as `GayaSel` would write it: text, number, or a styled empty cell."""
        k = type(v)
        if k is str:
            return self.teks(h, rs, v, g)
        if k in _ANGKA:
            return self.angka(h, rs, v, g)
        if v is None:
            return f'<c r="{h}{rs}"{g.s} t="n"/>' if g.s else ""
        raise BukanSederhana(v)

    def jumlah_baris(self, v, lebar: float, per: int) -> int:
        """Lines a value needs in a wrapped column (`lembar.jumlah_baris_teks`), cached."""
        if type(v) is not str:
            return 1
        if len(v) <= per and "\n" not in v:
            return 1
        kunci = (v, lebar)
        n = self._baris.get(kunci)
        if n is None:
            if len(self._baris) >= BATAS_CACHE:
                self._baris.clear()
            n = self._baris[kunci] = jumlah_baris_teks(v, lebar)
        return n


BARIS = "\x01"  # stands for the row number in a cached cell (a character no written text can hold)


class SelKolom(dict):
    """value -> that value's cell in one column, as XML with `BARIS` for the row number.

    Built on first use by `buat(value)` and kept (bounded): a column repeats few values.
    A value `buat` cannot render raises BukanSederhana (nothing cached).
    """

    def __init__(self, buat):
        super().__init__()
        self.buat = buat

    def __missing__(self, v):
        x = self.buat(v)
        if len(self) >= BATAS_CACHE:
            self.clear()
        self[v] = x
        return x


class BarisKolom(dict):
    """value -> lines it needs in a wrapped column `lebar` wide (numbers and None: 1), cached.
    With `bersih`, the text is counted as written (after `aman.bersihkan`)."""

    def __init__(self, lebar: float, bersih: bool = False):
        super().__init__()
        self.lebar, self.per, self.bersih = lebar, per_baris(lebar), bersih

    def __missing__(self, v):
        if type(v) is not str:
            n = 1
        else:
            t = _siapkan(v)[2] if self.bersih else v
            n = 1 if len(t) <= self.per and "\n" not in t else jumlah_baris_teks(t, self.lebar)
        if len(self) >= BATAS_CACHE:
            self.clear()
        self[v] = n
        return n


class PenampungBaris:
    """Rows of one sheet rendered from cached cells, handed to the sheet in batches."""

    def __init__(self, ws, ukuran: int = 512):
        self.ws, self.ukuran = ws, ukuran
        self.r = ws.baris_berikut  # number of the next row
        self.buf: list[str] = []
        self._ht: dict[int, str] = {}

    def tambah(self, sel: list[str], banyak_baris: int) -> None:
        rs = str(self.r)
        if banyak_baris > 1:
            ht = self._ht.get(banyak_baris)
            if ht is None:
                ht = self._ht[banyak_baris] = (f' ht="{round(Aliran.TINGGI_BARIS * banyak_baris + 3, 1):.16g}"'
                                               ' customHeight="1"')
            self.buf.append(f'<row r="{rs}"{ht}>' + "".join(sel).replace(BARIS, rs) + "</row>")
        else:
            self.buf.append(f'<row r="{rs}">' + "".join(sel).replace(BARIS, rs) + "</row>")
        self.r += 1
        if len(self.buf) >= self.ukuran:
            self.kirim()

    def kirim(self) -> None:
        """Write the batched rows (before anything else is appended to the sheet)."""
        if self.buf:
            self.ws.tambah_xml("".join(self.buf))
            self.buf = []
        self.r = self.ws.baris_berikut


def kolom_sel(penyaji: "Penyaji", h: str, g: GayaXML, strip: bool = False) -> SelKolom:
    """Cells as `GayaSel` writes them; with `strip`, None and '' are written as '-'."""

    def buat(v):
        if strip and (v is None or v == ""):
            v = "-"
        return penyaji.sel(h, BARIS, v, g)

    return SelKolom(buat)


def kolom_angka(penyaji: "Penyaji", h: str, g: GayaXML, g_kosong: GayaXML | None = None) -> SelKolom:
    """Numbers given as decimal text (or numbers): Decimal(v) written as openpyxl does;
    None as a '-' text in `g_kosong` (when given)."""

    def buat(v):
        if v is None and g_kosong is not None:
            return penyaji.teks(h, BARIS, "-", g_kosong)
        return penyaji.angka(h, BARIS, Decimal(v), g)

    return SelKolom(buat)


def per_baris(lebar: float, per_satuan: float = 1.05) -> int:
    """Characters one line of a column holds (as `lembar.jumlah_baris_teks`)."""
    return max(int(lebar * per_satuan), 1)


def baris(r: int, isi: str, banyak_baris: int) -> str:
    """A whole <row> element (height as `lembar.Aliran` gives it)."""
    if banyak_baris > 1:
        return f'<row r="{r}" ht="{round(Aliran.TINGGI_BARIS * banyak_baris + 3, 1):.16g}" customHeight="1">{isi}</row>'
    return f'<row r="{r}">{isi}</row>'
