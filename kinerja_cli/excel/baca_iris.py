"""Streaming a worksheet through python-calamine in slices ("irisan"), with flat memory.

calamine builds the whole grid of a sheet in memory (about 480 MB for 600,000 rows x 13
columns), while openpyxl read_only streams but is about nine times slower. This module
keeps calamine's speed and exact cell semantics and bounds memory: the sheet XML is
decompressed in chunks, cut at `</row>` boundaries into slices of a few MB, and each
slice is handed to calamine as a tiny in-memory workbook that carries the original
shared strings, styles (date formats) and date system. Cell references keep their
absolute row and column, so calamine's `sheet.start` places every slice exactly.

A slice's grid (row span x widest column) is kept under `BATAS_SEL` cells, so a sheet
with a stray cell at row 1,000,000 or column XFD is cut around the gap and never makes
calamine allocate billions of cells (the guard whole-sheet calamine reading needed).

No temporary files: the slice workbooks live in memory only. Anything this module cannot
vouch for (rows without numbers or out of order, a non UTF-8 sheet) raises `TakBisaIris`,
and a slice calamine refuses raises calamine's error; the caller then reads with openpyxl
(from the start, or from the row after the last one already yielded).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from .periksa_baris import KeadaanBaris, periksa_irisan
from .periksa_lembar import BATAS_BARIS_XML, KepalaTerlaluPanjang, baca_kepala
from .periksa_zip import bagian_utuh, lokal, nama_zip, relasi
from .rumus import sel_dalam
from .sel_galat import dalam_xml

IRISAN_PERTAMA = 1 << 16  # the first slice of a large sheet is small: the header search needs 15 rows only
IRISAN = 4 << 20  # bytes of sheet XML per slice (raised to twice the shared strings when those are large)
# ...and the cut-off between one calamine call for the whole sheet (XML up to IRISAN) and slices.
# Measured on the 2-core development machine, an SKP sheet of 12 columns read to the last BarisSumber
# with the same checks on both paths (error cells, formulas without a result, rows and references):
# 10,000 rows (3.6 MB XML) 0.20 s / 38 MB whole against 0.24 s / 44 MB in slices; 60,000 rows (22 MB)
# 1.36-1.46 s / 133 MB against 1.30 s / 84 MB; 200,000 rows (76 MB) 4.6-4.7 s / 406 MB against
# 4.3-4.7 s / 93 MB. Plain calamine without those checks is faster (0.98 s at 60,000 rows) but would
# let a damaged sheet through. So one call pays only while the sheet fits one slice; above it the
# slices keep memory flat at no cost in time.
BATAS_SEL = 2_000_000  # grid cells per slice at most (rows spanned x widest column)
_POTONG = 1 << 20
BATAS_TEKS = 256 << 20  # text a slice may make calamine copy: shared-string cells x the longest shared string

_REL_WS = "/worksheet"
_CT = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       b'<Default Extension="xml" ContentType="application/xml"/>'
       b'<Override PartName="/xl/workbook.xml" '
       b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       b'<Override PartName="/xl/worksheets/sheet1.xml" '
       b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
       b'<Override PartName="/xl/sharedStrings.xml" '
       b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
       b'<Override PartName="/xl/styles.xml" '
       b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         b'<Relationship Id="rId1" Target="xl/workbook.xml" '
         b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
         b'</Relationships>')
_WB = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
       b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
       b'<workbookPr date1904="%s"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WB_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
            b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
            b'<Relationship Id="rId2" Target="sharedStrings.xml" '
            b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
            b'<Relationship Id="rId3" Target="styles.xml" '
            b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/>'
            b'</Relationships>')
_SST_KOSONG = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>')
_STYLE_KOSONG = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*>")
_ENCODING = re.compile(rb"""<\?xml[^>]*encoding=["']([^"']+)["']""")
_KOLOM_3 = re.compile(rb' r="[A-Z]{3}[0-9]')
_KOLOM_2 = re.compile(rb' r="[A-Z]{2}')


class TakBisaIris(Exception):
    """This sheet (or this slice) cannot be read by slicing; read it with openpyxl."""


class BukuIris:
    """The worksheets of a workbook (name -> sheet XML part) and the parts every slice shares."""

    def __init__(self, path):
        self.path = path
        self._zip = zipfile.ZipFile(path)
        try:
            z = self._zip
            nama = nama_zip(z)
            utama = next((p for t, p in relasi(z, nama, "").values() if t.endswith("/officeDocument")), "xl/workbook.xml")
            akar = ElementTree.fromstring(z.read(nama[utama.lower()]))
            rel = relasi(z, nama, utama)
            self.date1904 = any(lokal(el.tag) == "workbookPr" and el.get("date1904", "").lower() in ("1", "true")
                                for el in akar.iter())
            self.sheetnames, self._bagian = [], {}
            for el in akar.iter():
                if lokal(el.tag) != "sheet":
                    continue
                rid = next((v for k, v in el.attrib.items() if lokal(k) == "id"), None)
                jenis, bagian = rel.get(rid, ("", ""))
                if jenis.endswith(_REL_WS) and bagian.lower() in nama:
                    self.sheetnames.append(el.get("name"))
                    self._bagian[el.get("name")] = nama[bagian.lower()]
            per_jenis = {t.rsplit("/", 1)[-1]: p for t, p in rel.values()}
            sst = nama.get(per_jenis.get("sharedStrings", "xl/sharedStrings.xml").lower())
            gaya = nama.get(per_jenis.get("styles", "xl/styles.xml").lower())
            with bagian_utuh(Path(path).name, sst or ""):
                self._sst = z.read(sst) if sst else _SST_KOSONG
            with bagian_utuh(Path(path).name, gaya or ""):
                self._gaya = z.read(gaya) if gaya else _STYLE_KOSONG
            # calamine copies a shared string into every cell that uses it: bound the longest one
            self.sst_terpanjang = max(map(len, re.split(rb"<(?:\w+:)?si\b", self._sst)))
        except Exception:
            self._zip.close()
            raise

    def __getitem__(self, nama: str) -> LembarIris:
        return LembarIris(self, nama, self._bagian[nama])

    def ukuran(self, nama: str) -> int:
        """The uncompressed size of the sheet's XML part."""
        return self._zip.getinfo(self._bagian[nama]).file_size

    def close(self) -> None:
        self._zip.close()

    def buku_irisan(self, kepala: bytes, isi: bytes, ekor: bytes) -> bytes:
        """A minimal workbook (stored, not compressed) holding one slice of the sheet."""
        bio = io.BytesIO()
        with zipfile.ZipFile(bio, "w", zipfile.ZIP_STORED) as o:
            o.writestr("[Content_Types].xml", _CT)
            o.writestr("_rels/.rels", _RELS)
            o.writestr("xl/workbook.xml", _WB % (b"1" if self.date1904 else b"0"))
            o.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
            o.writestr("xl/sharedStrings.xml", self._sst)
            o.writestr("xl/styles.xml", self._gaya)
            o.writestr("xl/worksheets/sheet1.xml", b"".join((kepala, isi, ekor)))
        bio.seek(0)
        return bio


class LembarIris:
    """One worksheet read slice by slice: `irisan()` yields (first row, first column, rows)."""

    def __init__(self, buku: BukuIris, title: str, bagian: str):
        self.buku, self.title, self._bagian = buku, title, bagian
        self._sst_besar = len(buku._sst)
        self._keadaan = KeadaanBaris(Path(buku.path).name, title)  # row order across slices
        self.sel_galat: list = []  # Excel error cells (and formulas without result) of the slices read so far

    def irisan(self, utuh: bool = False):
        """(0-based row of rows[0], 0-based column of rows[i][0], rows as calamine lists) per slice, in order.
        `utuh`: the whole sheet in one slice (still cut where its grid would exceed BATAS_SEL)."""
        from python_calamine import CalamineWorkbook

        sesudah = 0  # rows must come in order: a slice never starts above the end of the previous one
        for kepala, isi, ekor in self._potong_xml(utuh):
            self.sel_galat += sel_dalam(isi)  # a formula without a stored result reads as empty: refused as its cell
            if (isi.count(b't="s"') + isi.count(b"t='s'")) * self.buku.sst_terpanjang > BATAS_TEKS:
                raise TakBisaIris("shared strings would be copied into too many cells")  # openpyxl shares them
            galat, isi = dalam_xml(isi)  # calamine reads error cells as '': note them from the XML
            self.sel_galat += galat
            wb = CalamineWorkbook.from_filelike(self.buku.buku_irisan(kepala, isi, ekor))
            try:
                sh = wb.get_sheet_by_name("S")
                if sh.start is None:
                    continue
                if sh.start[0] < sesudah:
                    raise TakBisaIris("rows out of order")
                sesudah = sh.end[0] + 1
                awal = sh.start
                baris = sh.to_python(skip_empty_area=True)
            finally:
                wb.close()
            yield awal[0], awal[1], baris

    def _potong_xml(self, utuh: bool):
        """(head, rows XML, tail) per slice; every slice is whole rows within one grid budget.
        A part that does not decompress whole is refused by name (periksa_zip.bagian_utuh)."""
        with bagian_utuh(Path(self.buku.path).name, self._bagian):
            yield from self._potong_xml_mentah(utuh)

    def _potong_xml_mentah(self, utuh: bool):
        target = max(IRISAN, 2 * self._sst_besar)
        ukuran_bagian = self.buku._zip.getinfo(self._bagian).file_size
        if utuh:
            target = max(target, ukuran_bagian)
        with self.buku._zip.open(self._bagian) as f:
            try:
                buf, m = baca_kepala(f, _POTONG)  # the head: everything up to <sheetData>
            except KepalaTerlaluPanjang:
                raise TakBisaIris("no sheetData near the start") from None  # the openpyxl pre-scan names it
            if m is None:
                raise TakBisaIris("no sheetData")
            enc = _ENCODING.search(buf[:200])
            if enc and enc.group(1).lower().replace(b"-", b"") != b"utf8":
                raise TakBisaIris("not UTF-8")
            if m.group(2):  # <sheetData/>: no rows at all
                return
            pfx = m.group(1) or b""
            kepala = _DIMENSION.sub(b"", buf[:m.end()])
            ekor = b"</" + pfx + b"sheetData></" + pfx + b"worksheet>"
            akhir_baris = b"</" + pfx + b"row>"
            akhir_data = b"</" + pfx + b"sheetData>"
            buf = buf[m.end():]
            # a sheet read whole is read in one go; a sliced one starts with a small slice
            ukuran = target if ukuran_bagian <= target else IRISAN_PERTAMA
            habis = False
            while not habis:
                bagian = [buf]
                n = len(buf)
                while n < ukuran:
                    potong = f.read(_POTONG)
                    if not potong:
                        habis = True
                        break
                    bagian.append(potong)
                    n += len(potong)
                buf = b"".join(bagian)
                if habis:
                    i = buf.find(akhir_data)
                    if i < 0:
                        raise TakBisaIris("sheet XML ends without </sheetData>")
                    isi, buf = buf[:i], b""
                else:
                    i = buf.rfind(akhir_baris)
                    if i < 0:  # one row longer than a slice: read on
                        if n > BATAS_BARIS_XML:
                            raise TakBisaIris("one row larger than any real row")  # the openpyxl pre-scan names it
                        ukuran = n + _POTONG
                        continue
                    i += len(akhir_baris)
                    isi, buf = buf[:i], buf[i:]
                ukuran = target
                if isi.strip():
                    yield from ((kepala, x, ekor) for x in _dalam_batas(isi, pfx, self._keadaan))


def _dalam_batas(isi: bytes, pfx: bytes, keadaan: KeadaanBaris):
    """The slice, or smaller pieces of it, so that no piece's grid exceeds BATAS_SEL cells.

    The grid is bounded as the old whole-sheet guard did: rows by the row numbers, width by
    the longest column letters (two passes over the slice). A cut that fell inside a comment or
    CDATA section (a `</row>` hidden there) leaves it unclosed: calamine refuses that slice and
    the caller reads on with openpyxl.
    """
    tag = b"<" + pfx + b"row"
    teks_nomor = re.findall(re.escape(tag) + rb' r="([0-9]+)"', isi)
    nomor = list(map(int, teks_nomor))
    if not nomor:  # another attribute before r, or no row numbers: look at every row tag
        nomor = [int(x) for x in re.findall(re.escape(tag) + rb'\b[^>]*?\br="([0-9]+)"', isi)]
        if not nomor:
            raise TakBisaIris("no row numbers")
    awal = isi.find(tag)  # the first row must carry its number: calamine counts the others from it
    if re.match(re.escape(tag) + rb'\b[^>]*?\br="', isi[awal:awal + 4096]) is None:
        raise TakBisaIris("the first row of a slice has no row number")
    lebar = (16384 if _KOLOM_3.search(isi) else 702) if _KOLOM_2.search(isi) else 26
    # rows out of order, twice or out of range, references past XFD or outside their row, a cell twice: refused
    periksa_irisan(isi, pfx, keadaan, teks_nomor if teks_nomor else None, lebar)
    if (nomor[-1] - nomor[0] + 1) * lebar <= BATAS_SEL:
        yield isi
        return
    tinggi = max(1, BATAS_SEL // lebar)
    posisi = [m.start() for m in re.finditer(re.escape(tag) + rb'\b[^>]*?\br="', isi)]
    if len(posisi) != len(nomor):
        raise TakBisaIris("rows with and without numbers")
    mulai, pertama = 0, 0
    for k in range(1, len(posisi) + 1):
        if k == len(posisi) or nomor[k] - nomor[pertama] + 1 > tinggi:
            potongan = isi[mulai:posisi[k]] if k < len(posisi) else isi[mulai:]
            ada = {str(n).encode() for n in nomor[pertama:k]}
            if not set(re.findall(rb' r="[A-Z]{1,3}([0-9]+)"', potongan)) <= ada:
                raise TakBisaIris("a reference outside its piece's rows")  # its grid would not be bounded
            yield potongan
            if k < len(posisi):
                mulai, pertama = posisi[k], k
