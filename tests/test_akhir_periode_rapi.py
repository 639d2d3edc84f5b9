"""The period end re-run by a tester (fix 17): empty workbooks, deletes in closed periods, batch messages,
folders created, dates and numbers the Indonesian way, the pelatihan template alias."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl

from conftest import KADIS, STAF1, buat_xlsx


def _hitung(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as c:
        return c.execute(sql).fetchone()[0]


def test_buku_kerja_kembali_kosong_tidak_terhitung_terkirim(kinerja, db_periode, tmp_path):
    kirim = tmp_path / "kirim"
    kirim.mkdir()
    assert kinerja("templat", "--per-unit", kirim, "--periode", "2026").exit_code == 0
    # the OPD sends the template back as it went out: pre-filled NIP, name, rater rows only
    r = kinerja("impor", kirim / "DPMPTSP_2026.xlsx", "--periode", "2026")
    assert r.exit_code == 0, r.output
    assert "Sasaran (belum diisi)" in r.output and "Perilaku (belum diisi)" in r.output
    assert "diimpor kosong (tidak ada sheet yang diisi)" in r.output
    k = {b["unit"]: b for b in kinerja("status", "-p", "2026", "--kiriman", "--format", "json").json()}
    d = k["DPMPTSP"]
    assert (d["sasaran"], d["realisasi"], d["perilaku"]) == (None, None, None)
    assert d["dikirim_kosong"] is True and d["belum"] is False
    r = kinerja("status", "-p", "2026", "--kiriman")
    assert "dikirim kosong" in r.output and "Dikirim kosong (tidak ada sheet yang diisi): 1 unit" in r.output
    # a filled Sasaran sheet afterwards: received, no longer "kosong"
    buat_xlsx(tmp_path / "isi.xlsx", {"Sasaran": [["NIP", "Nama", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"],
                                                 [STAF1, "", "Izin", "Izin terbit", 100, "%", 100]]})
    assert kinerja("impor", tmp_path / "isi.xlsx", "--periode", "2026").exit_code == 0
    d = {b["unit"]: b for b in kinerja("status", "-p", "2026", "--kiriman", "--format", "json").json()}["DPMPTSP"]
    assert d["sasaran"] and d["perilaku"] is None and d["dikirim_kosong"] is False


def test_hapus_nilai_layanan_di_dalam_periode_ditutup_ditolak(kinerja, db_periode):
    assert kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", "Waktu izin", "--satuan", "hari",
                   "--arah", "turun").exit_code == 0
    assert kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", "-p", "2026-T2", "--nilai", "4").exit_code == 0
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    r = kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", "-p", "2026-T2", "--nilai", "5")
    assert r.exit_code == 1 and "termasuk periode 2026 yang sudah ditutup" in r.output
    r = kinerja("layanan", "hapus", "DPMPTSP", "--indikator", "1", "-p", "2026-T2")
    assert r.exit_code == 1, r.output
    assert "Nilai layanan periode 2026-T2 termasuk periode 2026 yang sudah ditutup" in r.output
    assert "kinerja periode buka 2026" in r.output and "dihapus" not in r.output
    assert _hitung(db_periode, "SELECT COUNT(*) FROM layanan_nilai") == 1
