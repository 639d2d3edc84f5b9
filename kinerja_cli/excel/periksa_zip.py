"""Checks a workbook before any parser sees it: sizes, zip bombs, row numbers and cell references.

A tiny hostile file must never abort the process or exhaust the machine, and a damaged sheet
(rows out of order, a row number twice, a reference beyond XFD or row 1,048,576) must be
refused, never read with rows silently dropped. Three layers, all before a parser runs:

* `periksa_zip` (every reader, from the central directory and the shared-strings header only):
  each XML part we read is at most `BATAS_LEMBAR` (a worksheet), `BATAS_SST` (shared strings)
  or `BATAS_LAIN` (workbook, styles, relationships) once uncompressed; a part, and all XML
  parts together, above `RASIO_DARI` may expand at most `BATAS_RASIO` times (a real sheet:
  5-11 times; 1 GB of spaces: 1,000 times); the shared strings' `uniqueCount` cannot exceed
  what the part can hold (calamine reserves memory for it and aborts on a huge number).
* `periksa_irisan` (a run of whole rows, as the calamine slices and the pre-scan below see it):
  row numbers strictly increasing within 1..1,048,576, every cell reference within A..XFD and
  in its own row, each row's cells in strictly increasing columns (a reference twice would make
  both readers keep one cell silently, and a cell in another row's element would be read there
  by calamine and here by openpyxl). Cheap C-speed searches prove this for an ordinary run;
  anything unusual goes to a tag-by-tag check that names the row or the cell.
* `periksa_lembar` (before openpyxl): every worksheet scanned in whole-row chunks with the
  same checks, plus the `<dimension>` reference (openpyxl walks up to its last row).

A benchmark roster of 100,000 employees has worksheet parts of about 230 MB and shared strings
of a few MB, so the limits leave real files alone.
"""

from __future__ import annotations

import html
import operator
import posixpath
import re
import zipfile
import zlib
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from xml.etree import ElementTree

from ..errors import BerkasTidakValid

BARIS_MAKS = 1_048_576
KOLOM_MAKS = 16_384  # XFD
MB = 1 << 20
BATAS_LEMBAR = 2048 * MB  # a worksheet part, uncompressed
BATAS_SST = 256 * MB  # sharedStrings.xml, uncompressed (held in memory by both readers)
BATAS_LAIN = 64 * MB  # any other XML part (workbook, styles, relationships, drawings...)
RASIO_DARI = 16 * MB  # parts (and the sum of parts) above this size...
BATAS_RASIO = 100  # ...may expand at most this many times their compressed size
BATAS_KEPALA = 16 * MB  # worksheet XML before <sheetData>
BATAS_BARIS_XML = 64 * MB  # one row (or the gap between two rows) in the worksheet XML
_POTONG = 1 << 20
_IRISAN = 4 << 20

SARAN = ("Buka dan simpan ulang berkasnya di Excel atau LibreOffice; bila tetap ditolak, "
         "minta OPD mengirim ulang berkas aslinya.")
_BATAS_TEKS = "kolom terakhir XFD, baris terakhir 1.048.576"


def _ribuan(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _ukuran(n: int) -> str:
    for satuan, besar in (("GB", 1 << 30), ("MB", MB), ("KB", 1 << 10)):
        if n >= besar:
            return f"{n / besar:.1f}".replace(".", ",") + " " + satuan
    return f"{n} byte"


def rusak(nama_berkas: str, rincian: str) -> BerkasTidakValid:
    """The refusal of a damaged or hostile workbook (nothing of it is read)."""
    return BerkasTidakValid(f"Berkas {nama_berkas} rusak: {rincian}.", SARAN)


# --- a part that does not decompress whole ------------------------------------------------

# What zipfile and zlib raise on a damaged or hostile member (a flipped byte, a wrong CRC, a
# header whose sizes do not match the data, an unsupported method). zipfile never returns more
# bytes than the header's uncompressed size (it stops there and the CRC then fails), so the
# size limits checked from the headers bound what any reader decompresses.
GALAT_ZIP = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError)


def _alasan(e: BaseException) -> str:
    teks = str(e)
    if "CRC" in teks:
        return "pemeriksaan CRC-32 gagal: isinya berubah atau terpotong"
    if isinstance(e, zlib.error):
        return "data terkompresinya rusak"
    if isinstance(e, EOFError) or "truncated" in teks.lower() or "overlap" in teks.lower():
        return "data terkompresinya terputus atau tidak sesuai kepala zip"
    if isinstance(e, NotImplementedError) or "compression" in teks.lower():
        return "metode kompresinya tidak didukung"
    return "struktur zip-nya rusak"


def tidak_utuh(nama_berkas: str, bagian: str, e: BaseException) -> BerkasTidakValid:
    """The refusal of a workbook whose part `bagian` does not decompress whole."""
    return rusak(nama_berkas, f"isi bagian {bagian} tidak utuh ({_alasan(e)})")


@contextmanager
def bagian_utuh(nama_berkas: str, bagian: str):
    """Turn any decompression error while reading `bagian` into the one clear refusal."""
    try:
        yield
    except GALAT_ZIP as e:
        raise tidak_utuh(nama_berkas, bagian, e) from None


def cari_bagian_rusak(path: Path, e: BaseException) -> BerkasTidakValid | None:
    """After a reader failed with `e`: the refusal naming the part that does not decompress whole,
    or None when `e` is no decompression error. (Only on this error path is every XML part read.)"""
    if not isinstance(e, GALAT_ZIP):
        return None
    try:
        with zipfile.ZipFile(path) as z:
            for i in z.infolist():
                if _dibaca(i.filename):
                    with bagian_utuh(path.name, i.filename), z.open(i) as f:
                        while f.read(_POTONG):
                            pass
    except BerkasTidakValid as b:
        return b
    except (OSError, *GALAT_ZIP):
        pass
    return rusak(path.name, f"isi berkasnya tidak utuh ({_alasan(e)})")


# --- the zip: sizes, ratios, shared strings -------------------------------------------------

def _dibaca(nama: str) -> bool:
    n = nama.lower()
    return n.endswith(".xml") or n.endswith(".rels")


def periksa_zip(path: Path) -> None:
    """Refuse a workbook whose XML parts are too large or expand like a zip bomb."""
    try:
        with zipfile.ZipFile(path) as z:
            bagian = [i for i in z.infolist() if _dibaca(i.filename)]
            total = total_mampat = 0
            for i in bagian:
                n = i.filename.lower()
                if n.startswith("xl/worksheets/"):
                    batas = BATAS_LEMBAR
                elif n.endswith("sharedstrings.xml"):
                    batas = BATAS_SST
                else:
                    batas = BATAS_LAIN
                _rasio(path.name, i.filename, i.file_size, i.compress_size)
                if i.file_size > batas:
                    raise rusak(path.name, f"bagian {i.filename} berukuran {_ukuran(i.file_size)} setelah dibuka "
                                           f"(batas {_ukuran(batas)})")
                total += i.file_size
                total_mampat += i.compress_size
            _rasio(path.name, "XML", total, total_mampat)
            sst = next((i for i in bagian if i.filename.lower().endswith("sharedstrings.xml")), None)
            if sst is not None:
                _periksa_sst(path.name, z, sst)
    except BerkasTidakValid:
        raise
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, EOFError, NotImplementedError):
        return  # the readers refuse a broken zip with their own message


def _rasio(nama_berkas: str, bagian: str, besar: int, mampat: int) -> None:
    if besar > RASIO_DARI and besar > BATAS_RASIO * max(mampat, 1):
        siapa = "bagian-bagian XML-nya" if bagian == "XML" else f"bagian {bagian}"
        raise rusak(nama_berkas, f"{siapa} mengembang menjadi {_ukuran(besar)} dari {_ukuran(mampat)} "
                                 f"(lebih dari {BATAS_RASIO} kali; batas {BATAS_RASIO} kali untuk bagian di atas "
                                 f"{_ukuran(RASIO_DARI)}), ciri berkas 'bom zip'")


_SST_TAG = re.compile(rb"<(?:[\w.-]+:)?sst\b([^>]*)>")
_ANGKA_ATTR = re.compile(rb"""\b(count|uniqueCount)\s*=\s*["']\s*([0-9]+)""")


def _periksa_sst(nama_berkas: str, z: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """uniqueCount must fit the part: calamine reserves room for that many strings up front."""
    with bagian_utuh(nama_berkas, info.filename), z.open(info) as f:
        awal = f.read(64 << 10)
    m = _SST_TAG.search(awal)
    if m is None:
        if len(awal) < 64 << 10:
            return  # a short part without <sst>: the readers refuse it themselves
        raise rusak(nama_berkas, f"bagian {info.filename} tidak diawali daftar teks (<sst>)")
    for nama, nilai in _ANGKA_ATTR.findall(m.group(1)):
        if nama == b"uniqueCount" and int(nilai) > info.file_size // 5:  # `<si/>` is the shortest entry
            raise rusak(nama_berkas, f"bagian {info.filename} menyebut {_ribuan(int(nilai))} teks (uniqueCount), "
                                     f"padahal isinya ({_ukuran(info.file_size)}) paling banyak memuat "
                                     f"{_ribuan(info.file_size // 5)}")


# --- rows and cell references ---------------------------------------------------------------

class KeadaanBaris:
    """What the check remembers between runs of rows of one sheet."""

    def __init__(self, nama_berkas: str, sheet: str):
        self.nama_berkas, self.sheet = nama_berkas, sheet
        self.terakhir = 0  # number of the last row seen
        self.ke = 0  # row elements seen so far (the position in the file)

    def galat(self, rincian: str, letak: str = "") -> BerkasTidakValid:
        return rusak(self.nama_berkas, f"{rincian} di sheet '{self.sheet}'" + (f" ({letak})" if letak else ""))


_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_REF_LONGGAR = re.compile(r"([A-Za-z]+)([0-9]+)")


def _kolom(huruf: str) -> int:
    n = 0
    for ch in huruf.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _huruf(kolom: int) -> str:
    s = ""
    while kolom:
        kolom, r = divmod(kolom - 1, 26)
        s = chr(65 + r) + s
    return s


def _baca_ref(ref: str, keadaan: KeadaanBaris) -> tuple[int, int]:
    """(column, row) of a cell reference within Excel's bounds, else the refusal."""
    m = _REF.fullmatch(ref)
    if m and _kolom(m.group(1)) <= KOLOM_MAKS and 1 <= int(m.group(2)) <= BARIS_MAKS:
        return _kolom(m.group(1)), int(m.group(2))
    tampil = ref if len(ref) <= 40 else ref[:40] + "…"
    if _REF_LONGGAR.fullmatch(ref):
        raise keadaan.galat(f"referensi sel {tampil} di luar batas Excel ({_BATAS_TEKS})")
    raise keadaan.galat(f"referensi sel '{tampil}' tidak sah")


def _nomor_baris(teks: str, keadaan: KeadaanBaris) -> int:
    t = teks.strip()
    if not t.isdigit() or not t.isascii():
        raise keadaan.galat(f"nomor baris '{t[:40]}' tidak sah", f"baris ke-{_ribuan(keadaan.ke)} di berkas")
    n = int(t)
    if not 1 <= n <= BARIS_MAKS:
        tampil = _ribuan(n) if len(t) <= 30 else t[:30] + "…"
        raise keadaan.galat(f"nomor baris {tampil} di luar batas Excel (1 sampai 1.048.576)",
                            f"baris ke-{_ribuan(keadaan.ke)} di berkas")
    return n


def _catat_baris(n: int, keadaan: KeadaanBaris) -> None:
    if n <= keadaan.terakhir:
        k = keadaan.ke
        if n == keadaan.terakhir:
            raise keadaan.galat(f"baris {_ribuan(n)} muncul dua kali",
                                f"baris ke-{_ribuan(k - 1)} dan ke-{_ribuan(k)} di berkas")
        raise keadaan.galat(f"nomor baris tidak berurutan: baris {_ribuan(n)} datang sesudah baris "
                            f"{_ribuan(keadaan.terakhir)}", f"baris ke-{_ribuan(k - 1)} dan ke-{_ribuan(k)} di berkas")
    keadaan.terakhir = n


_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?(row|c)\b([^>]*?)(/?)>")
_ATTR = re.compile(rb"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attr_r(teks: bytes) -> str | None:
    for nama, a, b in _ATTR.findall(teks):
        if nama.rsplit(b":", 1)[-1] == b"r":
            return html.unescape((a or b).decode("utf-8", "replace"))
    return None


def periksa_teliti(isi: bytes, keadaan: KeadaanBaris) -> None:
    """Tag by tag: every row number and cell reference of a run of whole rows.

    A row without `r` takes the row of its first cell's reference (calamine places cells by their
    references), else the row after the previous one (as openpyxl counts).
    """
    baris = None  # number of the open row
    tanpa_nomor = False  # the open row has no `r`: its number comes with its first cell
    kolom = 0
    for m in _TAG.finditer(isi):
        tutup, jenis, attr, kosong = m.groups()
        if jenis == b"row":
            if tutup:
                if tanpa_nomor:
                    _catat_baris(_berikut(keadaan), keadaan)
                baris, tanpa_nomor = None, False
                continue
            keadaan.ke += 1
            kolom = 0
            r = _attr_r(attr)
            if r is None and not kosong:
                baris, tanpa_nomor = 0, True
                continue
            n = _nomor_baris(r, keadaan) if r is not None else _berikut(keadaan)
            _catat_baris(n, keadaan)
            baris = None if kosong else n
        elif not tutup:
            r = _attr_r(attr)
            if r is None:
                kolom += 1
                if kolom > KOLOM_MAKS:
                    raise keadaan.galat(f"satu baris berisi lebih dari {_ribuan(KOLOM_MAKS)} sel",
                                        f"baris ke-{_ribuan(keadaan.ke)} di berkas")
                if tanpa_nomor:
                    baris, tanpa_nomor = _berikut(keadaan), False
                    _catat_baris(baris, keadaan)
                continue
            k, n = _baca_ref(r, keadaan)
            if baris is None:
                raise keadaan.galat(f"sel {r} berada di luar baris mana pun")
            if tanpa_nomor:
                _catat_baris(n, keadaan)
                baris, tanpa_nomor = n, False
            elif n != baris:
                raise keadaan.galat(f"sel {r} tertulis di dalam baris {_ribuan(baris)}")
            if k <= kolom:  # both readers place a cell by its column: the later one would win silently
                if k == kolom:
                    raise keadaan.galat(f"sel {r} muncul dua kali di baris {_ribuan(baris)}")
                raise keadaan.galat(f"sel {r} datang sesudah sel {_huruf(kolom)}{baris} "
                                    f"di baris {_ribuan(baris)} (kolom tidak berurutan)")
            kolom = k


def _berikut(keadaan: KeadaanBaris) -> int:
    if keadaan.terakhir >= BARIS_MAKS:
        raise keadaan.galat("ada baris sesudah baris terakhir Excel (1.048.576)",
                            f"baris ke-{_ribuan(keadaan.ke)} di berkas")
    return keadaan.terakhir + 1


def _pola_rentang(lo: int, hi: int) -> tuple[bytes, int]:
    """(regex for the row numbers lo..hi may stand for, how many rows that regex can span)."""
    a, b = str(lo), str(hi)
    if len(a) == len(b):
        p = 0
        while p < len(a) and a[p] == b[p]:
            p += 1
        sisa = len(a) - p
        return a[:p].encode() + (b"[0-9]{%d}" % sisa if sisa else b""), 10 ** sisa
    return b"[1-9][0-9]{%d,%d}" % (len(a) - 1, len(b) - 1), 10 ** len(b) - 10 ** (len(a) - 1)


_KOLOM_2 = re.compile(rb' r="[A-Z]{2}')
_KOLOM_3 = re.compile(rb' r="[A-Z]{3}[0-9]')
_LEWAT_XFD = re.compile(rb' r="(?:X(?:F[E-Z]|[G-Z][A-Z])|[YZ][A-Z]{2})[0-9]')


def periksa_irisan(isi: bytes, pfx: bytes, keadaan: KeadaanBaris, teks_nomor: list | None = None,
                   lebar: int = KOLOM_MAKS) -> None:
    """Refuse a damaged run of whole rows (see the module's doc); `teks_nomor`: its row numbers as
    found by `<row r="([0-9]+)"`, when known.

    The quick path proves with C-speed searches and counts what the tag-by-tag check would:
    the row numbers, strictly increasing and in range, one per row element (`r="..."` its first
    attribute); every cell written `<c r="A1"` (any other spelling, `r ='...'` too, which calamine
    also reads, or a tab or line break, goes tag by tag), none of another prefix; per row, as many cells
    whose reference is letters then that row's number as cells (capitals made 'A' and runs of
    them collapsed, so `A17` never passes for row 7); the cells' columns strictly increasing
    within each row (one list comparison: the only steps that do not rise are the row starts);
    no column past XFD. Anything else is checked tag by tag, which names the row or the cell.
    """
    tag = b"<" + pfx + b"row"
    if teks_nomor is None:
        teks_nomor = re.findall(re.escape(tag) + rb' r="([0-9]+)"', isi)
    nomor = list(map(int, teks_nomor))
    if (not nomor or isi.count(tag) != len(nomor) or nomor[0] <= keadaan.terakhir or nomor[-1] > BARIS_MAKS
            or not all(map(operator.lt, nomor, islice(nomor, 1, None)))):
        return periksa_teliti(isi, keadaan)
    if lebar > 702 and _KOLOM_3.search(isi) and _LEWAT_XFD.search(isi):
        return periksa_teliti(isi, keadaan)
    # one search: a cell's column letters, b"" for a row and for any cell not written `<c r="A1"`
    kunci = re.findall(rb"<" + re.escape(pfx) + rb'(?:c r="([A-Z]{1,3})[0-9]|row\b|c\b)', isi)
    if kunci.count(b"") != len(nomor) or kunci[0] != b"":  # a cell without `r="..."` first: tag by tag
        return periksa_teliti(isi, keadaan)
    n_sel = len(kunci) - len(nomor)
    # (a tab, line break or space inside a row or cell tag, `r='...'`, `r = "..."`: each leaves a
    # `<c` or `<row` the searches above do not count, so it goes tag by tag) no row or cell of
    # another prefix, which calamine reads too
    if isi.count(b"r=") != n_sel + len(nomor) if pfx else b":c" in isi or b":row" in isi:
        return periksa_teliti(isi, keadaan)
    # columns strictly increasing within each row: a row start is the only step that does not rise
    if lebar > 26:  # AA comes after Z: compare (length, letters)
        kunci = list(zip(map(len, kunci), kunci))
    if list(map(operator.lt, kunci, islice(kunci, 1, None))).count(False) != len(nomor) - 1:
        return periksa_teliti(isi, keadaan)
    sel = b"<" + pfx + b'c r="'
    # every cell in its own row: per row, count the cells whose reference is letters then that
    # row's number; each such match is a cell of that row, so the sum equals all cells only if
    # every row's count does
    satu = b"AA" if lebar > 26 else None  # collapse runs of capitals only when two-letter columns exist
    teks = isi.translate(_SATU_HURUF)
    if satu:
        teks = teks.replace(b"AAA", b"A").replace(b"AA", b"A")
    tag_a, sel_a = tag.translate(_SATU_HURUF), sel.translate(_SATU_HURUF)
    if satu:
        tag_a, sel_a = tag_a.replace(b"AA", b"A"), sel_a.replace(b"AA", b"A")
    per_baris = teks.split(tag_a + b' r="')
    if sum(map(bytes.count, islice(per_baris, 1, None), [sel_a + b"A" + n + b'"' for n in teks_nomor])) != n_sel:
        return periksa_teliti(isi, keadaan)
    keadaan.ke += len(nomor)
    keadaan.terakhir = nomor[-1]


_SATU_HURUF = bytes(65 if 65 <= i <= 90 else i for i in range(256))  # every capital letter -> 'A'


# --- the parts of the zip (shared with excel.baca_iris) ---------------------------------------


def nama_zip(z: zipfile.ZipFile) -> dict:
    """Lower-case part name -> the name as stored (part names are case-insensitive)."""
    return {n.lower(): n for n in z.namelist()}


def lokal(tag: str) -> str:
    """An XML tag without its namespace."""
    return tag.rsplit("}", 1)[-1]


def relasi(z: zipfile.ZipFile, nama: dict, bagian: str) -> dict:
    """Relationship id -> (type, absolute part name) of one part."""
    folder, berkas = posixpath.split(bagian)
    rels = nama.get(posixpath.join(folder, "_rels", berkas + ".rels").lower())
    hasil = {}
    if rels is None:
        return hasil
    for el in ElementTree.fromstring(z.read(rels)):
        target = el.get("Target") or ""
        if el.get("TargetMode") == "External":
            continue
        p = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        hasil[el.get("Id")] = (el.get("Type") or "", p)
    return hasil


# --- the worksheets, before openpyxl --------------------------------------------------------

_SHEETDATA = re.compile(rb"<(\w+:)?sheetData\b[^>]*?(/?)>")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b([^>]*)>")


def periksa_lembar(path: Path) -> None:
    """Scan every worksheet of the workbook (openpyxl trusts row numbers and the dimension)."""
    try:
        z = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile):
        return
    with z:
        try:
            nama = nama_zip(z)
            utama = next((p for t, p in relasi(z, nama, "").values() if t.endswith("/officeDocument")),
                         "xl/workbook.xml")
            with bagian_utuh(path.name, utama):
                akar = ElementTree.fromstring(z.read(nama[utama.lower()]))
            rel = relasi(z, nama, utama)
        except BerkasTidakValid:
            raise
        except Exception:  # no readable workbook part: openpyxl refuses it with its own message
            return
        dilihat = set()
        for el in akar.iter():
            if lokal(el.tag) != "sheet":
                continue
            rid = next((v for k, v in el.attrib.items() if lokal(k) == "id"), None)
            bagian = nama.get(rel.get(rid, ("", ""))[1].lower())
            if bagian and bagian not in dilihat and bagian.lower().startswith("xl/worksheets/"):
                dilihat.add(bagian)
                with bagian_utuh(path.name, bagian):
                    _periksa_satu(z, bagian, KeadaanBaris(path.name, el.get("name") or bagian))


class KepalaTerlaluPanjang(Exception):
    """No <sheetData> within BATAS_KEPALA bytes of a sheet part."""


def baca_kepala(f, langkah: int = _POTONG) -> tuple[bytes, re.Match | None]:
    """A sheet part's head: (the bytes read so far, the <sheetData> match, or None when the part ends
    without one). Raise KepalaTerlaluPanjang past BATAS_KEPALA bytes (each reader says it its way)."""
    buf = b""
    while True:
        potong = f.read(langkah)
        buf += potong
        m = _SHEETDATA.search(buf)
        if m or not potong:
            return buf, m
        if len(buf) > BATAS_KEPALA:
            raise KepalaTerlaluPanjang()


def _periksa_satu(z: zipfile.ZipFile, bagian: str, keadaan: KeadaanBaris) -> None:
    with z.open(bagian) as f:
        try:
            buf, m = baca_kepala(f)
        except KepalaTerlaluPanjang:
            raise keadaan.galat(f"bagian {bagian} tidak memuat data sel dalam {_ukuran(BATAS_KEPALA)} pertama") from None
        if m is None:
            return
        d = _DIMENSION.search(buf, 0, m.start())
        if d is not None:
            ref = _attr_ref(d.group(1))
            for r in (ref or "").split(":"):
                if r:
                    _baca_ref(r.replace("$", ""), keadaan)
        if m.group(2):
            return
        pfx = m.group(1) or b""
        akhir = b"</" + pfx + b"row>"
        buf = buf[m.end():]
        while True:
            potong = f.read(_IRISAN)
            buf += potong
            if not potong:  # the end: rows stop at </sheetData>
                i = buf.find(b"</" + pfx + b"sheetData>")
                i = len(buf) if i < 0 else i
            else:
                i = buf.rfind(akhir)
            if i < 0:
                if len(buf) > BATAS_BARIS_XML:
                    raise keadaan.galat(f"satu baris (atau celah antarbaris) lebih dari {_ukuran(BATAS_BARIS_XML)} XML "
                                        f"sesudah baris {_ribuan(keadaan.terakhir)}")
                continue
            if potong:
                i += len(akhir)
            isi, buf = buf[:i], buf[i:]
            if isi.strip():
                lebar = (KOLOM_MAKS if _KOLOM_3.search(isi) else 702) if _KOLOM_2.search(isi) else 26
                periksa_irisan(isi, pfx, keadaan, lebar=lebar)
            if not potong:
                return


def _attr_ref(teks: bytes) -> str | None:
    for nama, a, b in _ATTR.findall(teks):
        if nama == b"ref":
            return html.unescape((a or b).decode("utf-8", "replace"))
    return None
