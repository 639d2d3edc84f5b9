"""The readers of the other formats: CSV, OpenDocument (.ods) and legacy Excel (.xls).

All three implement `pembaca.Pembaca` and give what the .xlsx readers give, so every importer
and every check is the same whatever the format:

* CSV: every cell is text (an 18-digit NIP is never a number; '95,5' is read later by the one
  number rule, validation.angka). UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252;
  the delimiter (`;`, `,` or tab) is the one that splits the first lines into the same number of
  fields. The row number of a message is the record's number (what a spreadsheet shows).
* .ods: values from python-calamine (the whole sheet: an .ods is parsed whole anyway); error cells
  (calamine reads them as empty) and percent cells (calamine gives 0.85 for 85%) are taken from
  content.xml, where every cell says its type.
* .xls: xlrd, which gives each cell's type (error cells included) and its number format;
  calamine reads an .xls error cell as empty text and gives no formats.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import BerkasTidakValid
from ..model import BarisSumber
from .baca_cepat import seperti_openpyxl
from .pembaca import Pembaca
from .sel_galat import KODE_GALAT

BATAS_CSV = 512 << 20  # bytes of a CSV file held in memory at most
_PEMISAH = (";", ",", "\t")
_PERSEN = "0%"  # the format recorded for a percent cell of an .ods or .xls (only '%' is looked at)


def _baris_grid(sheet: str, rows, baris_judul: int, keys: list, huruf: dict, galat,
                sel_galat: dict, persen: set, teks: bool = False):
    """BarisSumber rows from a grid (rows[0] is row 1), below `baris_judul`.

    `sel_galat`: (0-based row, col) -> error text; `persen`: (row, col) of percent cells. Error
    cells and error texts go to `galat` and read as None; `teks`: cells are text already (CSV)."""
    for r, row in enumerate(rows, start=1):
        if r <= baris_judul:
            continue
        n = len(row)
        nilai, fmt = {}, {}
        kosong = True
        for key, i in keys:
            v = row[i] if i < n else None
            if teks:
                v = v.strip() or None if v is not None else None
            else:
                v = seperti_openpyxl(v) if v is not None else None
            kode = sel_galat.get((r - 1, i)) if sel_galat else None
            if kode is not None or (v.__class__ is str and v in KODE_GALAT):
                galat.catat(r, huruf[key], kode or v)
                v = None
            nilai[key] = v
            if v is not None:
                kosong = False
                if persen and (r - 1, i) in persen:
                    fmt[key] = _PERSEN
        if not kosong:
            yield BarisSumber(sheet, r, nilai, fmt, huruf)


# --- CSV ----------------------------------------------------------------------------------------

def _urai_teks(data: bytes, nama: str) -> tuple[str, str]:
    """(text, encoding name) of a CSV file's bytes."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "UTF-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace").lstrip("\ufeff"), "UTF-16"
    if b"\x00" in data[:4096]:
        raise BerkasTidakValid(f"{nama} bukan teks CSV (berisi byte nol, mungkin berkas biner yang diberi nama .csv).",
                               "Pilih berkas CSV-nya yang asli, atau impor buku kerjanya (.xlsx, .ods, .xls).")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as e:
        raise BerkasTidakValid(
            f"{nama} tidak dapat dibaca sebagai teks UTF-8 maupun Windows-1252 (byte {data[e.start]:#04x} "
            f"di posisi {e.start}).",
            "Simpan ulang CSV-nya dengan pengodean UTF-8 (di LibreOffice: Simpan Sebagai > Text CSV > "
            "Character set: Unicode (UTF-8)).") from None


def _pemisah(teks: str) -> str:
    """The delimiter that splits the first records into the same number of fields (most fields wins)."""
    contoh = teks[:65536]
    terbaik, skor_terbaik = ",", (0, 0)
    for p in _PEMISAH:
        try:
            lebar = [len(r) for r, _ in zip(csv.reader(io.StringIO(contoh), delimiter=p), range(50)) if any(r)]
        except csv.Error:
            continue
        if not lebar:
            continue
        lebar_umum = max(set(lebar), key=lebar.count)
        skor = (sum(1 for x in lebar if x == lebar_umum) if lebar_umum > 1 else 0, lebar_umum)
        if skor > skor_terbaik:
            terbaik, skor_terbaik = p, skor
    return terbaik


class PembacaCsv(Pembaca):
    """A CSV file: one sheet (named after the file), every cell text."""

    jenis = "csv"

    def __init__(self, path: Path):
        super().__init__(path)
        ukuran = self.path.stat().st_size
        if ukuran > BATAS_CSV:
            raise BerkasTidakValid(f"{self.path.name} terlalu besar untuk berkas CSV ({ukuran >> 20} MB).",
                                   "Bagi datanya menjadi beberapa berkas, atau impor buku kerja .xlsx-nya.")
        self.teks, self.pengodean = _urai_teks(self.path.read_bytes(), self.path.name)
        self.pemisah = _pemisah(self.teks)
        self._nama = self.path.stem or "CSV"

    @property
    def nama_lembar(self) -> list[str]:
        return [self._nama]

    def _rekaman(self):
        try:
            for r in csv.reader(io.StringIO(self.teks, newline=""), delimiter=self.pemisah):
                yield r
        except csv.Error as e:
            raise BerkasTidakValid(f"{self.path.name}: baris CSV tidak dapat dibaca ({e}).",
                                   "Periksa tanda kutip (\") di baris itu: setiap kutip pembuka harus ditutup.") from None

    def kepala(self, sheet: str, n: int):
        for r, _ in zip(self._rekaman(), range(n)):
            yield tuple((v.strip() or None) for v in r)

    def baris(self, sheet, baris_judul, keys, huruf, galat):
        return _baris_grid(sheet, self._rekaman(), baris_judul, keys, huruf, galat, {}, set(), teks=True)


# --- OpenDocument (.ods) ------------------------------------------------------------------------

_NS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_NS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_NS_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_T = "{%s}" % _NS_TABLE
_SEL = {_T + "table-cell", _T + "covered-table-cell"}
_BATAS_ULANG = 100_000  # repeated rows/columns of a typed cell recorded at most (only empty cells repeat more)


def _tanda_ods(path: Path) -> dict:
    """sheet -> ({(row, col): error text}, {(row, col) of percent cells}), from content.xml (streamed)."""
    import zipfile
    from xml.etree.ElementTree import iterparse

    hasil: dict = {}
    with zipfile.ZipFile(path) as z, z.open("content.xml") as f:
        sheet, r, c, ulang_baris = None, 0, 0, 1
        galat = persen = None
        for ev, el in iterparse(f, events=("start", "end")):
            tag = el.tag
            if ev == "start":
                if tag == _T + "table":
                    sheet, r = el.get(_T + "name"), 0
                    galat, persen = hasil.setdefault(sheet, ({}, set()))
                elif tag == _T + "table-row":
                    c, ulang_baris = 0, int(el.get(_T + "number-rows-repeated", "1") or 1)
                continue
            if tag in _SEL and sheet is not None:
                ulang = int(el.get(_T + "number-columns-repeated", "1") or 1)
                jenis = el.get("{%s}value-type" % _NS_CALCEXT) or el.get("{%s}value-type" % _NS_OFFICE)
                if jenis in ("error", "percentage"):
                    kode = "".join(el.itertext()).strip() or "#N/A"
                    for dr in range(min(ulang_baris, _BATAS_ULANG)):
                        for dc in range(min(ulang, _BATAS_ULANG)):
                            if jenis == "error":
                                galat[(r + dr, c + dc)] = kode
                            else:
                                persen.add((r + dr, c + dc))
                c += ulang
                el.clear()
            elif tag == _T + "table-row":
                r += ulang_baris
                el.clear()
            elif tag == _T + "table":
                sheet = None
    return hasil


class PembacaOds(Pembaca):
    """An OpenDocument spreadsheet (LibreOffice Calc), values read by python-calamine."""

    jenis = "ods"

    def __init__(self, path: Path):
        super().__init__(path)
        from python_calamine import CalamineWorkbook, SheetTypeEnum

        try:
            self._wb = CalamineWorkbook.from_path(str(self.path))
            self._nama = [m.name for m in self._wb.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
            self._tanda = _tanda_ods(self.path)
        except Exception:
            raise BerkasTidakValid(f"{self.path.name} tidak dapat dibaca sebagai lembar kerja OpenDocument (.ods): "
                                   "isinya rusak.",
                                   "Buka di LibreOffice Calc, periksa isinya, lalu simpan ulang.") from None
        self._grid: dict = {}

    @property
    def nama_lembar(self) -> list[str]:
        return list(self._nama)

    @property
    def semua_lembar(self) -> list[str]:
        return list(self._wb.sheet_names)

    def _rows(self, sheet: str) -> list:
        if sheet not in self._grid:
            self._grid[sheet] = self._wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        return self._grid[sheet]

    def kepala(self, sheet: str, n: int):
        for row in self._rows(sheet)[:n]:
            yield tuple(seperti_openpyxl(v) for v in row)

    def baris(self, sheet, baris_judul, keys, huruf, galat):
        galat_sel, persen = self._tanda.get(sheet, ({}, set()))
        return _baris_grid(sheet, self._rows(sheet), baris_judul, keys, huruf, galat, galat_sel, persen)

    def close(self) -> None:
        self._grid = {}
        self._wb.close()


# --- legacy Excel (.xls) ------------------------------------------------------------------------

class PembacaXls(Pembaca):
    """A legacy Excel 97-2003 workbook (.xls), read by xlrd with every cell's type and format."""

    jenis = "xls"

    def __init__(self, path: Path):
        super().__init__(path)
        import xlrd

        try:
            self._buku = xlrd.open_workbook(str(self.path), formatting_info=True, on_demand=True)
        except Exception:
            raise BerkasTidakValid(
                f"{self.path.name} berformat Excel lama yang tidak dapat dibaca, atau dilindungi kata sandi.",
                "Bila berkasnya berkata sandi: buka di Excel, hapus kata sandinya (File > Info > Proteksi), "
                "simpan, lalu impor lagi. Bila tidak, minta berkas aslinya dikirim ulang.") from None
        self._xlrd = xlrd
        self._cache: dict = {}

    @property
    def nama_lembar(self) -> list[str]:
        return list(self._buku.sheet_names())

    def _persen(self, xf: int) -> bool:
        b = self._buku
        try:
            return "%" in b.format_map[b.xf_list[xf].format_key].format_str
        except (IndexError, KeyError):
            return False

    def _grid(self, sheet: str):
        """(rows of python values, {(row, col): error text}, {(row, col) of percent cells})."""
        if sheet not in self._cache:
            self._cache[sheet] = self._baca_grid(sheet)
        return self._cache[sheet]

    def _baca_grid(self, sheet: str):
        x = self._xlrd
        sh = self._buku.sheet_by_name(sheet)
        rows, galat, persen = [], {}, set()
        for r in range(sh.nrows):
            row = []
            for c, sel in enumerate(sh.row(r)):
                t, v = sel.ctype, sel.value
                if t == x.XL_CELL_ERROR:
                    galat[(r, c)] = x.error_text_from_code.get(v, "#N/A")
                    v = None
                elif t == x.XL_CELL_DATE:
                    try:
                        v = x.xldate_as_datetime(v, self._buku.datemode)
                    except Exception:  # a date before 1900 or past 9999: the number, refused by the date rule
                        pass
                elif t == x.XL_CELL_BOOLEAN:
                    v = bool(v)
                elif t == x.XL_CELL_NUMBER:
                    if self._persen(sel.xf_index):
                        persen.add((r, c))
                elif t in (x.XL_CELL_EMPTY, x.XL_CELL_BLANK):
                    v = None
                row.append(v)
            rows.append(row)
        return rows, galat, persen

    def kepala(self, sheet: str, n: int):
        for row in self._grid(sheet)[0][:n]:
            yield tuple(seperti_openpyxl(v) if v is not None else None for v in row)

    def baris(self, sheet, baris_judul, keys, huruf, galat):
        rows, galat_sel, persen = self._grid(sheet)
        return _baris_grid(sheet, rows, baris_judul, keys, huruf, galat, galat_sel, persen)

    def close(self) -> None:
        self._cache = {}
        self._buku.release_resources()
