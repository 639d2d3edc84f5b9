"""Checks a workbook before any parser sees it: sizes, zip bombs, row numbers and cell references.

A tiny hostile file must never abort the process or exhaust the machine, and a damaged sheet
(rows out of order, a row number twice, a reference beyond XFD or row 1,048,576) must be
refused, never read with rows silently dropped. Three layers, all before a parser runs:

* `periksa_zip` (this module; every reader, from the central directory and the shared-strings
  header only): each XML part we read is at most `BATAS_LEMBAR` (a worksheet), `BATAS_SST`
  (shared strings) or `BATAS_LAIN` (workbook, styles, relationships) once uncompressed; a part,
  and all XML parts together, above `RASIO_DARI` may expand at most `BATAS_RASIO` times (a real
  sheet: 5-11 times; 1 GB of spaces: 1,000 times); the shared strings' `uniqueCount` cannot
  exceed what the part can hold (calamine reserves memory for it and aborts on a huge number).
* `periksa_baris.periksa_irisan` (a run of whole rows, as the calamine slices and the pre-scan
  see it): row numbers and cell references (see excel/periksa_baris.py).
* `periksa_lembar.periksa_lembar` (before openpyxl): every worksheet scanned in whole-row chunks
  with the same checks, plus the `<dimension>` reference (see excel/periksa_lembar.py).

This module also holds what the three share: the refusal of a damaged workbook (`rusak`), the
refusal of a part that does not decompress whole (`bagian_utuh`) and the part names of the zip.

A benchmark roster of 100,000 employees has worksheet parts of about 230 MB and shared strings
of a few MB, so the limits leave real files alone.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path
from xml.etree import ElementTree

from ..errors import BerkasTidakValid

MB = 1 << 20
BATAS_LEMBAR = 2048 * MB  # a worksheet part, uncompressed
BATAS_SST = 256 * MB  # sharedStrings.xml, uncompressed (held in memory by both readers)
BATAS_LAIN = 64 * MB  # any other XML part (workbook, styles, relationships, drawings...)
RASIO_DARI = 16 * MB  # parts (and the sum of parts) above this size...
BATAS_RASIO = 100  # ...may expand at most this many times their compressed size
_POTONG = 1 << 20

SARAN = ("Buka dan simpan ulang berkasnya di Excel atau LibreOffice; bila tetap ditolak, "
         "minta OPD mengirim ulang berkas aslinya.")


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
