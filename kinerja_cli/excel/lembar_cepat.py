"""A faster write-only sheet: the same `ws.append` API, rows serialised as XML text.

openpyxl's write-only sheet builds an element tree for every cell and serialises it
(about 60 microseconds a styled cell), which made a recap of 100,000 employees (600,000
SKP rows) take minutes. `LembarCepat` subclasses it and only replaces the row loop:
plain values, openpyxl cells and `SelCepat` cells of the common types (text, numbers,
styled empty cells) are written as text with the same XML openpyxl writes; anything
else (dates, booleans, formulas, comments, hyperlinks) goes through openpyxl's own cell
writer. Styles are still registered in the workbook's style table, so a cell looks the
same either way.

`GayaSel(ws, **gaya)` resolves one style combination once; calling it with a value gives
a light `SelCepat` (text stays literal text: formula-like text gets the quote prefix, as
`aman.sel_aman` does). On a plain write-only sheet it falls back to `sel_aman`.

No openpyxl import at module level (``kinerja --help`` stays light).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from ..errors import KinerjaError
from .aman import bersihkan, kunci_teks, perlu_dilindungi, sel_aman

_ANGKA = (int, float, Decimal)


class SelCepat:
    """A cell for LembarCepat: value, resolved style index (text, '' for none), type 's'|'n'|''."""

    __slots__ = ("value", "s", "t")

    def __init__(self, value, s: str, t: str):
        self.value, self.s, self.t = value, s, t


def _esc(t: str) -> str:
    if "&" in t:
        t = t.replace("&", "&amp;")
    if "<" in t:
        t = t.replace("<", "&lt;")
    if ">" in t:
        t = t.replace(">", "&gt;")
    return t


def _teks(koord: str, s: str, v: str) -> str:
    stripped = v.strip()
    ruang = ' xml:space="preserve"' if stripped and stripped != v else ""
    return f'<c r="{koord}"{s} t="inlineStr"><is><t{ruang}>{_esc(v)}</t></is></c>'


@lru_cache(maxsize=None)
def _huruf(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i)


class _BarisXML:
    """Rows already rendered as XML text, and how many."""

    __slots__ = ("teks", "banyak")

    def __init__(self, teks: str, banyak: int):
        self.teks, self.banyak = teks, banyak


@lru_cache(maxsize=1)
def kelas_lembar():
    """The LembarCepat class (made on first use: openpyxl is imported only then)."""
    from openpyxl.cell import Cell
    from openpyxl.cell._writer import write_cell
    from openpyxl.comments.comment_sheet import CommentRecord
    from openpyxl.compat import safe_string
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    class LembarCepat(WriteOnlyWorksheet):
        tinggi_baris = None  # height of the next appended row (set by lembar.Aliran), then cleared

        def _write_rows(self):
            try:
                yield from self._tulis_baris()
            except ValueError as e:  # a workbook abandoned by a cancelled command: its file is gone
                if "closed file" not in str(e):
                    raise

        def _tulis_baris(self):
            try:
                xf = self._writer.xf.send(True)
            except StopIteration:
                self._already_saved()
            tulis = xf._file
            dims = self.row_dimensions
            gaya = self.parent._cell_styles
            with xf.element("sheetData"):
                r = 1
                try:
                    while True:
                        row = yield
                        if type(row) is _BarisXML:  # whole rows rendered by excel.baris_xml (tambah_xml)
                            tulis(row.teks)
                            r += row.banyak
                            continue
                        attrs = "".join(f' {k}="{v}"' for k, v in dims[r]) if r in dims else ""
                        if self.tinggi_baris is not None:
                            attrs += f' ht="{self.tinggi_baris:.16g}" customHeight="1"'
                            self.tinggi_baris = None
                        bagian = [f'<row r="{r}"{attrs}>']
                        rs = str(r)
                        for col, v in enumerate(row, 1):
                            if v is None:
                                continue
                            k = type(v)
                            if k is SelCepat:
                                s = f' s="{v.s}"' if v.s else ""
                                if v.t == "s":
                                    bagian.append(_teks(_huruf(col) + rs, s, v.value))
                                elif v.t == "n":
                                    bagian.append(f'<c r="{_huruf(col)}{rs}"{s} t="n"><v>{safe_string(v.value)}</v></c>')
                                elif s:
                                    bagian.append(f'<c r="{_huruf(col)}{rs}"{s} t="n"/>')
                                continue
                            if k is str:  # plain text: always literal text, by the one rule (aman)
                                v = bersihkan(v)
                                bagian.append(_teks(_huruf(col) + rs, self._s_kutip() if perlu_dilindungi(v) else "", v))
                                continue
                            if k in _ANGKA:
                                bagian.append(f'<c r="{_huruf(col)}{rs}" t="n"><v>{safe_string(v)}</v></c>')
                                continue
                            if k is Cell and v._comment is None and v.hyperlink is None and v.data_type in "sn":
                                s = f' s="{gaya.add(v._style)}"' if v.has_style else ""
                                x = v._value
                                if x is None or x == "":
                                    if s:
                                        bagian.append(f'<c r="{_huruf(col)}{rs}"{s} t="{v.data_type.replace("s", "inlineStr")}"/>')
                                elif v.data_type == "s" and isinstance(x, str):
                                    x = bersihkan(x)
                                    if perlu_dilindungi(x) and not v.quotePrefix:
                                        v._value = x
                                        s = f' s="{gaya.add(kunci_teks(v)._style)}"'
                                    bagian.append(_teks(_huruf(col) + rs, s, x))
                                elif v.data_type == "n":
                                    bagian.append(f'<c r="{_huruf(col)}{rs}"{s} t="n"><v>{safe_string(x)}</v></c>')
                                else:
                                    self._lambat(xf, tulis, bagian, v, col, r, write_cell, CommentRecord)
                                continue
                            self._lambat(xf, tulis, bagian, v, col, r, write_cell, CommentRecord)
                        bagian.append("</row>")
                        tulis("".join(bagian))
                        r += 1
                except GeneratorExit:
                    pass
            self._writer.xf.send(None)

        _kutip = None

        def _s_kutip(self) -> str:
            """The style attribute of a plain text cell that needs the quote prefix (resolved once)."""
            if self._kutip is None:
                self._kutip = f' s="{self.parent._cell_styles.add(sel_aman(self, "=x")._style)}"'
            return self._kutip

        @property
        def baris_berikut(self) -> int:
            """Number of the next row appended (1-based)."""
            return self._baris_berikut

        _baris_berikut = 1

        def append(self, row):
            super().append(row)
            self._baris_berikut += 1

        def tambah_xml(self, teks: str, banyak: int | None = None) -> None:
            """Append whole rows already rendered as XML (numbered from `baris_berikut` on);
            `banyak`: how many rows `teks` holds (counted when not given)."""
            if banyak is None:
                banyak = teks.count("</row>")
            self._get_writer()
            if self._rows is None:
                self._rows = self._write_rows()
                next(self._rows)
            self._rows.send(_BarisXML(teks, banyak))
            self._baris_berikut += banyak

        def _lambat(self, xf, tulis, bagian, v, col, r, write_cell, CommentRecord):
            """openpyxl's own path for one cell (after flushing the text so far)."""
            tulis("".join(bagian))
            bagian.clear()
            if isinstance(v, Cell):
                c = v
            else:
                from openpyxl.cell import WriteOnlyCell

                c = WriteOnlyCell(self, value=v)
            # Text by the one rule, as on the fast path. kinerja writes no formulas in these sheets, so a
            # cell that openpyxl typed as a formula (a value starting with '=') is user text, kept literal.
            if c.data_type in ("s", "f") and isinstance(c._value, str):
                c._value = bersihkan(c._value)
                kunci_teks(c)
            c.column, c.row = col, r
            if c.hyperlink is not None:
                c.hyperlink.ref = c.coordinate
            if c._comment is not None:
                self._comments.append(CommentRecord.from_cell(c))
            if c._value is None and not c.has_style and not c._comment:
                return
            write_cell(xf, self, c, c.has_style)

    return LembarCepat


def cepat_didukung() -> bool:
    """LembarCepat writes its rows straight into et_xmlfile's stream: openpyxl's XML writer unless lxml is
    installed and enabled (openpyxl.LXML). `kinerja` turns lxml off when it starts (masuk.py)."""
    import openpyxl

    return not openpyxl.LXML


def adalah_cepat(ws) -> bool:
    """Is `ws` a LembarCepat (rows as XML text, `tambah_xml`, `tinggi_baris`), not a plain openpyxl sheet?"""
    return isinstance(ws, kelas_lembar())


def buku_cepat():
    """A write-only openpyxl workbook for LembarCepat sheets; refused before any sheet is started when
    openpyxl writes with lxml (cepat_didukung), so nothing is half-written."""
    _tolak_lxml()
    from openpyxl import Workbook

    return Workbook(write_only=True)


def _tolak_lxml() -> None:
    if not cepat_didukung():  # only when kinerja_cli is used as a library beside lxml, not by the command
        raise KinerjaError("openpyxl menulis XML dengan lxml, yang tidak dapat dipakai lembar cepat kinerja; "
                           "tidak ada berkas yang ditulis.",
                           "Jalankan lewat perintah kinerja, atau atur OPENPYXL_LXML=False sebelum openpyxl diimpor.")


def buat_lembar(wb, nama: str):
    """A LembarCepat in a write-only workbook (like wb.create_sheet(nama))."""
    _tolak_lxml()
    ws = kelas_lembar()(parent=wb, title=nama)
    wb._add_sheet(ws)
    return ws


class GayaSel:
    """One style combination resolved once; `gaya_sel(v)` gives a cell with that style."""

    def __init__(self, ws, **gaya):
        self.ws, self.gaya = ws, gaya
        self.cepat = adalah_cepat(ws)
        if self.cepat:
            daftar = ws.parent._cell_styles
            biasa, kutip = sel_aman(ws, "x", **gaya), sel_aman(ws, "=x", **gaya)
            self.s = str(daftar.add(biasa._style)) if biasa.has_style else ""
            self.s_kutip = str(daftar.add(kutip._style))

    def __call__(self, v):
        if not self.cepat:
            return sel_aman(self.ws, v, **self.gaya)
        k = type(v)
        if k is str:
            v = bersihkan(v)
            return SelCepat(v, self.s_kutip if perlu_dilindungi(v) else self.s, "s")
        if v is None:
            return SelCepat(None, self.s, "")
        if k in _ANGKA:
            return SelCepat(v, self.s, "n")
        return sel_aman(self.ws, v, **self.gaya)


def sel_kosong(ws, **gaya):
    """One empty cell with this style, to append in many rows: resolved once (a SelCepat on a
    LembarCepat, else the openpyxl cell `sel_aman` gives; the same cell may stand in every row)."""
    c = sel_aman(ws, None, **gaya)
    if not isinstance(ws, kelas_lembar()):
        return c
    return SelCepat(None, str(ws.parent._cell_styles.add(c._style)) if c.has_style else "", "")
