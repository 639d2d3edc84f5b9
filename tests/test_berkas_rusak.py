"""Damaged and hostile workbooks (issue 12, section 3): refused by name, never rows dropped,
never an abort or an exhausted machine.

The workbooks are written by hand (zip + XML); the big hostile parts are deflate streams built
from one compressed block repeated, so a 1 GB part costs a few KB and half a second to make.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import subprocess
import sys
import threading
import time
import zlib
from xml.sax.saxutils import escape

import pytest

from conftest import HEADER_PEGAWAI

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '<Override PartName="/xl/sharedStrings.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      '<Override PartName="/xl/styles.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      '<sheets><sheet name="Pegawai" sheetId="1" r:id="rId1"/></sheets></workbook>')
WB_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
           'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
           '<Relationship Id="rId2" Target="sharedStrings.xml" '
           'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
           '<Relationship Id="rId3" Target="styles.xml" '
           'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/></Relationships>')


def _gaya(persen: bool) -> bytes:
    """openpyxl's own styles part; with a percent format in use the reader takes the openpyxl path."""
    import io
    import zipfile

    import openpyxl

    wb = openpyxl.Workbook()
    if persen:
        wb.active["A1"].number_format = "0%"
    bio = io.BytesIO()
    wb.save(bio)
    return zipfile.ZipFile(bio).read("xl/styles.xml")


GAYA = {False: _gaya(False), True: _gaya(True)}
SST_KOSONG = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>')
KEPALA = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">%s<sheetData>')
EKOR = "</sheetData></worksheet>"
ORANG = [[f"19800101200501100{i + 1}", f"Orang {i + 1}", "Staf", "pelaksana", "III/a", "DPMPTSP", None, "PNS"]
         for i in range(6)]
PESAN_SARAN = "Buka dan simpan ulang berkasnya di Excel atau LibreOffice"


def huruf(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def baris(r, nilai, ref_r=None) -> str:
    sel = "".join(f'<c r="{huruf(j)}{ref_r or r}" t="inlineStr"><is><t>{escape(str(v))}</t></is></c>'
                  for j, v in enumerate(nilai) if v is not None)
    return f'<row r="{r}">{sel}</row>'


class Mampat:
    """A part given as a raw deflate stream: head, `blok` repeated `kali` times, tail."""

    def __init__(self, kepala: bytes, blok: bytes, kali: int, ekor: bytes):
        def sepotong(b: bytes, akhir: bool) -> bytes:
            co = zlib.compressobj(9, zlib.DEFLATED, -15)
            return co.compress(b) + co.flush(zlib.Z_FINISH if akhir else zlib.Z_FULL_FLUSH)

        self.raw = sepotong(kepala, False) + sepotong(blok, False) * kali + sepotong(ekor, True)
        crc = zlib.crc32(kepala)
        for _ in range(kali):
            crc = zlib.crc32(blok, crc)
        self.crc = zlib.crc32(ekor, crc)
        self.besar = len(kepala) + len(blok) * kali + len(ekor)


def tulis_zip(path, bagian: dict):
    """A zip written byte by byte: {name: str | bytes | Mampat}, every part deflated."""
    with open(path, "wb") as f:
        pusat = []
        for nama, isi in bagian.items():
            if isinstance(isi, Mampat):
                raw, crc, besar = isi.raw, isi.crc, isi.besar
            else:
                data = isi.encode() if isinstance(isi, str) else isi
                co = zlib.compressobj(6, zlib.DEFLATED, -15)
                raw, crc, besar = co.compress(data) + co.flush(), zlib.crc32(data), len(data)
            n = nama.encode()
            awal = f.tell()
            f.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(raw), besar, len(n), 0) + n)
            f.write(raw)
            pusat.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(raw), besar,
                                     len(n), 0, 0, 0, 0, 0, awal) + n)
        mulai = f.tell()
        blob = b"".join(pusat)
        f.write(blob)
        f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(pusat), len(pusat), len(blob), mulai, 0))
    return path


def buku(path, lembar, sst=SST_KOSONG, persen=False):
    """A workbook with the Pegawai sheet `lembar` (str or Mampat); `persen`: read by openpyxl."""
    return tulis_zip(path, {"[Content_Types].xml": CT, "_rels/.rels": RELS, "xl/workbook.xml": WB,
                            "xl/_rels/workbook.xml.rels": WB_RELS, "xl/styles.xml": GAYA[persen],
                            "xl/sharedStrings.xml": sst, "xl/worksheets/sheet1.xml": lembar})


def lembar(nomor, tambahan="", dimensi=""):
    """The roster with its data rows numbered `nomor`, then `tambahan` XML."""
    isi = [baris(1, HEADER_PEGAWAI)] + [baris(n, o) for n, o in zip(nomor, ORANG)]
    return KEPALA % dimensi + "".join(isi) + tambahan + EKOR


def jumlah_pegawai(db_path) -> int:
    with sqlite3.connect(db_path) as c:
        return c.execute("SELECT COUNT(*) FROM pegawai").fetchone()[0]


JALUR = pytest.mark.parametrize("persen", [False, True], ids=["calamine", "openpyxl"])


@pytest.fixture
def db_awal(kinerja, db_path):
    assert kinerja("init").exit_code == 0
    return db_path


@JALUR
def test_berkas_utuh_dibaca_semua(kinerja, db_awal, tmp_path, persen):
    f = buku(tmp_path / "utuh.xlsx", lembar([2, 3, 4, 5, 6, 7]), persen=persen)
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0, r.output
    assert "6 ditambah" in r.output
    assert jumlah_pegawai(db_awal) == 6


@JALUR
@pytest.mark.parametrize("nomor, pesan", [
    ([2, 3, 4, 5, 5, 6], "baris 5 muncul dua kali di sheet 'Pegawai' (baris ke-5 dan ke-6 di berkas)"),
    ([2, 3, 5, 4, 6, 7], "nomor baris tidak berurutan: baris 4 datang sesudah baris 5 di sheet 'Pegawai' "
                         "(baris ke-4 dan ke-5 di berkas)"),
    ([2, 3, 4, 5, 6, 1048577], "nomor baris 1.048.577 di luar batas Excel (1 sampai 1.048.576) di sheet 'Pegawai' "
                               "(baris ke-7 di berkas)"),
    ([2, 3, 4, 5, 6, 0], "nomor baris 0 di luar batas Excel"),
], ids=["ganda", "terbalik", "lewat-batas", "nol"])
def test_baris_rusak_ditolak_tanpa_menulis(kinerja, db_awal, tmp_path, persen, nomor, pesan):
    f = buku(tmp_path / "rusak.xlsx", lembar(nomor), persen=persen)
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1, r.output
    assert "Berkas rusak.xlsx rusak: " + pesan in " ".join(r.stderr.split())
    assert PESAN_SARAN in r.stderr
    assert jumlah_pegawai(db_awal) == 0  # nothing written, no row dropped silently


@JALUR
def test_kolom_lewat_xfd_ditolak(kinerja, db_awal, tmp_path, persen):
    f = buku(tmp_path / "xfe.xlsx", lembar([2, 3, 4, 5, 6, 7], '<row r="8"><c r="XFE8"><v>1</v></c></row>'),
             persen=persen)
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1, r.output
    assert "referensi sel XFE8 di luar batas Excel (kolom terakhir XFD, baris terakhir 1.048.576)" in r.stderr
    assert jumlah_pegawai(db_awal) == 0


def test_dimensi_mustahil_ditolak(kinerja, db_awal, tmp_path):
    """openpyxl walks up to the dimension's last row: a dimension past Excel's grid is refused first."""
    f = buku(tmp_path / "dim.xlsx", lembar([2, 3, 4, 5, 6, 7], dimensi='<dimension ref="A1:H99999999999"/>'),
             persen=True)
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1, r.output
    assert "referensi sel H99999999999 di luar batas Excel" in r.stderr


# --- hostile files, each in a real process: no abort, < 10 s, < 500 MB ---------------------

def jalankan(db_path, berkas) -> tuple[int, str, float, float]:
    """(exit code, stderr, seconds, peak RSS MB) of `kinerja pegawai impor BERKAS` in a fresh process."""
    env = dict(os.environ, KINERJA_DB=str(db_path), COLUMNS="200")
    mulai = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "kinerja_cli", "pegawai", "impor", str(berkas)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)
    jaga = threading.Timer(60, p.kill)  # the old code runs for minutes: stop it, the time assert fails
    jaga.start()
    try:
        err = p.stderr.read().decode("utf-8", "replace")
        _, status, ru = os.wait4(p.pid, 0)
    finally:
        jaga.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, err, time.perf_counter() - mulai, ru.ru_maxrss / 1024


def _bermusuhan(db_path, berkas, pesan):
    kode, err, detik, mb = jalankan(db_path, berkas)
    assert kode == 1, err[-2000:]
    assert "panicked" not in err and "Traceback" not in err
    assert pesan in " ".join(err.split())
    assert PESAN_SARAN in err
    assert detik < 10, detik
    assert mb < 500, mb
    assert jumlah_pegawai(db_path) == 0


@pytest.mark.parametrize("tambahan, pesan", [
    ('<row r="8"><c r="ZZZZ99999999"><v>1</v></c></row>',
     "referensi sel ZZZZ99999999 di luar batas Excel (kolom terakhir XFD, baris terakhir 1.048.576) di sheet 'Pegawai'"),
    ('<row r="99999999999999999999"><c><v>1</v></c></row>',
     "nomor baris 99.999.999.999.999.999.999 di luar batas Excel (1 sampai 1.048.576) di sheet 'Pegawai'"),
    ('<row r="8"><c r="A8"><v>1</v></c><c r="XFD1048576"><v>2</v></c></row>',
     "sel XFD1048576 tertulis di dalam baris 8 di sheet 'Pegawai'"),
], ids=["ZZZZ99999999", "baris-1e20", "sel-di-luar-barisnya"])
def test_referensi_bermusuhan(db_awal, tmp_path, tambahan, pesan):
    _bermusuhan(db_awal, buku(tmp_path / "musuh.xlsx", lembar([2, 3, 4, 5, 6, 7], tambahan)), pesan)


def test_unique_count_raksasa(db_awal, tmp_path):
    """calamine reserves room for uniqueCount strings up front (an abort on a huge number)."""
    sst = SST_KOSONG.replace('count="0" uniqueCount="0"/>', 'count="1" uniqueCount="4000000000"><si><t>x</t></si></sst>')
    _bermusuhan(db_awal, buku(tmp_path / "sst.xlsx", lembar([2, 3, 4, 5, 6, 7]), sst=sst),
                "bagian xl/sharedStrings.xml menyebut 4.000.000.000 teks (uniqueCount)")


def test_bom_shared_strings(db_awal, tmp_path):
    """1 GB of shared strings in a 1 MB file."""
    kepala = SST_KOSONG.replace('count="0" uniqueCount="0"/>', 'count="1024" uniqueCount="1024">').encode()
    sst = Mampat(kepala, b"<si><t>" + b"x" * (1 << 20) + b"</t></si>", 1024, b"</sst>")
    f = buku(tmp_path / "bom.xlsx", lembar([2, 3, 4, 5, 6, 7]), sst=sst)
    assert f.stat().st_size < 2 << 20
    _bermusuhan(db_awal, f, "bagian xl/sharedStrings.xml mengembang menjadi 1,0 GB dari")


def test_bom_spasi_di_sheet(db_awal, tmp_path):
    """1 GB of whitespace between the rows of a sheet."""
    isi = lembar([2, 3, 4, 5, 6, 7])
    i = isi.index(EKOR)
    f = buku(tmp_path / "spasi.xlsx", Mampat(isi[:i].encode(), b" " * (1 << 20), 1024, EKOR.encode()))
    assert f.stat().st_size < 2 << 20
    _bermusuhan(db_awal, f, "bagian xl/worksheets/sheet1.xml mengembang menjadi 1,0 GB dari")


def test_teks_bersama_panjang_di_banyak_sel(db_awal, tmp_path):
    """One 30,000-character shared string used by 40,000 cells: calamine would copy it into every
    cell of a slice (1.2 GB, past the 500 MB bound below, in one 4 MB slice); the reader hands such
    slices to openpyxl, which shares the text."""
    sst = SST_KOSONG.replace('count="0" uniqueCount="0"/>',
                             f'count="40000" uniqueCount="1"><si><t>{"x" * 30000}</t></si></sst>')
    ulang = "".join(f'<row r="{n}"><c r="Z{n}" t="s"><v>0</v></c></row>' for n in range(8, 40008))
    f = buku(tmp_path / "panjang.xlsx", lembar([2, 3, 4, 5, 6, 7], ulang), sst=sst)
    kode, err, detik, mb = jalankan(db_awal, f)
    assert kode == 0, err[-2000:]
    assert detik < 10, detik
    assert mb < 500, mb
    assert jumlah_pegawai(db_awal) == 6
