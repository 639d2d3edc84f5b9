"""Damaged sheets and damaged zips (issue 12, section 3, user-test gaps): a cell outside its row,
a cell twice or out of column order, a part that does not decompress whole, a truncated download.
Each is refused as damaged on both reader paths, with the cell or part named, nothing stored."""

from __future__ import annotations

import pytest

from conftest import HEADER_PEGAWAI
from test_berkas_rusak import (EKOR, JALUR, KEPALA, ORANG, PESAN_SARAN, buku, baris, jalankan, jumlah_pegawai,
                               Mampat, lembar)


@pytest.fixture
def db_awal(kinerja, db_path):
    assert kinerja("init").exit_code == 0
    return db_path


def _sel(r, pasangan):
    return f'<row r="{r}">' + "".join(f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>' for ref, v in pasangan) + "</row>"


def _tolak(kinerja, db, f, pesan):
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output
    assert f"Berkas {f.name} rusak: {pesan}" in " ".join(r.stderr.split())
    assert PESAN_SARAN in r.stderr
    assert jumlah_pegawai(db) == 0


@JALUR
def test_sel_tertulis_di_baris_lain(kinerja, db_awal, tmp_path, persen):
    """Row 6 holds cells A7..H7, row 7 its own A7..: calamine read 5 people, openpyxl 6."""
    isi = [baris(1, HEADER_PEGAWAI)] + [baris(n, o, ref_r=7 if n == 6 else None)
                                        for n, o in zip([2, 3, 4, 5, 6, 7], ORANG)]
    f = buku(tmp_path / "lain.xlsx", KEPALA % "" + "".join(isi) + EKOR, persen=persen)
    _tolak(kinerja, db_awal, f, "sel A7 tertulis di dalam baris 6 di sheet 'Pegawai'")


@JALUR
def test_sel_ganda_dalam_baris(kinerja, db_awal, tmp_path, persen):
    ganda = _sel(3, [("A3", ORANG[1][0]), ("B3", ORANG[1][1]), ("B3", "Nama Palsu"), ("C3", "Staf"),
                     ("D3", "pelaksana"), ("E3", "III/a"), ("F3", "DPMPTSP"), ("H3", "PNS")])
    isi = lembar([2, 3, 4, 5, 6, 7]).replace(baris(3, ORANG[1]), ganda)
    assert ganda in isi
    f = buku(tmp_path / "ganda.xlsx", isi, persen=persen)
    _tolak(kinerja, db_awal, f, "sel B3 muncul dua kali di baris 3 di sheet 'Pegawai'")


@JALUR
def test_kolom_tidak_berurutan(kinerja, db_awal, tmp_path, persen):
    acak = _sel(3, [("A3", ORANG[1][0]), ("C3", "Staf"), ("B3", ORANG[1][1]), ("D3", "pelaksana"),
                    ("E3", "III/a"), ("F3", "DPMPTSP"), ("H3", "PNS")])
    isi = lembar([2, 3, 4, 5, 6, 7]).replace(baris(3, ORANG[1]), acak)
    f = buku(tmp_path / "acak.xlsx", isi, persen=persen)
    _tolak(kinerja, db_awal, f, "sel B3 datang sesudah sel C3 di baris 3 (kolom tidak berurutan) di sheet 'Pegawai'")


# --- zips that do not decompress whole: in a real process (no traceback, bounded) -------------

def _rusak_zip(db, f, pesan):
    kode, err, detik, mb = jalankan(db, f)
    assert kode == 1, err[-2000:]
    assert "Traceback" not in err and "panicked" not in err
    assert pesan in " ".join(err.split()), err
    assert PESAN_SARAN in err
    assert detik < 10 and mb < 500, (detik, mb)
    assert jumlah_pegawai(db) == 0


def _balik_satu_byte(f, bagian=b"xl/worksheets/sheet1.xml"):
    data = bytearray(f.read_bytes())
    i = data.index(bagian, 0) + len(bagian)  # the first occurrence: the local header's name
    data[i + 40] ^= 0xFF  # a byte inside the compressed data
    f.write_bytes(bytes(data))
    return f


@JALUR
def test_satu_byte_berubah_di_sheet(db_awal, tmp_path, persen):
    f = _balik_satu_byte(buku(tmp_path / "crc.xlsx", lembar([2, 3, 4, 5, 6, 7]), persen=persen))
    _rusak_zip(db_awal, f, "Berkas crc.xlsx rusak: isi bagian xl/worksheets/sheet1.xml tidak utuh (")


@JALUR
def test_kepala_mengecilkan_ukuran(db_awal, tmp_path, persen):
    """The header says 2 KB; the data expands to 256 MB: read up to the header's size, then refused."""
    isi = lembar([2, 3, 4, 5, 6, 7])
    i = isi.index(EKOR)
    bagian = Mampat(isi[:i].encode(), b" " * (1 << 20), 256, EKOR.encode())
    bagian.besar = 2048  # the hostile header
    f = buku(tmp_path / "kecil.xlsx", bagian, persen=persen)
    _rusak_zip(db_awal, f, "Berkas kecil.xlsx rusak: isi bagian xl/worksheets/sheet1.xml tidak utuh (")


def test_unduhan_terputus(kinerja, db_awal, tmp_path):
    f = buku(tmp_path / "setengah.xlsx", lembar([2, 3, 4, 5, 6, 7]))
    data = f.read_bytes()
    f.write_bytes(data[:len(data) // 2])
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1, r.output
    teks = " ".join(r.stderr.split())
    assert "setengah.xlsx: berkas .xlsx tidak utuh, mungkin unduhan atau salinannya terputus" in teks
    assert "Unduh atau salin ulang berkasnya" in teks
    assert "CSV/PDF" not in teks
    assert jumlah_pegawai(db_awal) == 0
