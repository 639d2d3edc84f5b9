"""The worksheets, before openpyxl (a layer of excel/periksa_zip.py's checks).

`periksa_lembar` scans every worksheet of a workbook in whole-row chunks with the checks of
excel/periksa_baris.py, plus the `<dimension>` reference (openpyxl walks up to its last row).
`baca_kepala` reads a sheet part's head up to `<sheetData>` (shared with excel/baca_iris.py).
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from ..errors import BerkasTidakValid
from .periksa_baris import _ATTR, _KOLOM_2, _KOLOM_3, KOLOM_MAKS, KeadaanBaris, _baca_ref, periksa_irisan
from .periksa_zip import _POTONG, MB, _ribuan, _ukuran, bagian_utuh, lokal, nama_zip, relasi

BATAS_KEPALA = 16 * MB  # worksheet XML before <sheetData>
BATAS_BARIS_XML = 64 * MB  # one row (or the gap between two rows) in the worksheet XML
_IRISAN = 4 << 20


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
