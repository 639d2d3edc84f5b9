"""Tester findings on issue 14, wave 4 (f14): numeric options of `periode buat` read by the one number rule,
who may accept a unit's saran, rating impor on a pp30 period, arah turun below 0, the 360 rule under
permenpan6, saran counts in the recap and at `periode tutup`, `aturan` marking what applies, the Rating
import's column labels, and a visible saran mark in the narrow `nilai` table."""

from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2, buat_xlsx
from data_nilai import ASPEK, isi


def _param(db_path, kode):
    with sqlite3.connect(db_path) as c:
        r = c.execute("SELECT parameter FROM periode WHERE kode = ?", [kode]).fetchone()
    return None if r is None else json.loads(r[0])


def _satu(teks: str) -> str:
    return " ".join(teks.split())


# --- A1: every numeric option through validation.angka.baca_angka ---------------------------------------

@pytest.mark.parametrize("opsi, pesan", [
    (["--bobot-atasan", "1.200"], "--bobot-atasan '1.200' bisa dibaca 1200 (titik pemisah ribuan) atau 1,2 (titik desimal)"),
    (["--ambang-sesuai", "1.000"], "--ambang-sesuai '1.000' bisa dibaca 1000 (titik pemisah ribuan) atau 1 (titik desimal)"),
    (["--bobot-atasan", "1,250"], "--bobot-atasan '1,250' bisa dibaca 1,25 (koma desimal) atau 1250 (koma pemisah ribuan)"),
    (["--capaian-rentang", "1.100"], "--capaian-rentang '1.100' bisa dibaca 1100 (titik pemisah ribuan) atau 1,1"),
    (["--pembulatan-desimal", "2,5"], "--pembulatan-desimal harus bilangan bulat 0 sampai 6, ditemukan 2,5"),
    (["--pembulatan-desimal", "0_2"], "--pembulatan-desimal '0_2' bukan angka: garis bawah tidak dipakai"),
])
def test_periode_buat_refuses_an_ambiguous_number_with_both_readings(db_siap, kinerja, db_path, opsi, pesan):
    r = kinerja("periode", "buat", "2021-T1", *opsi)
    assert r.exit_code == 1, r.output
    assert pesan in _satu(r.stderr)
    assert _param(db_path, "2021-T1") is None  # nothing created


def test_periode_buat_reads_comma_decimals_and_repeats_what_it_stored(db_siap, kinerja, db_path):
    r = kinerja("periode", "buat", "2021-T1", "--bobot-atasan", "62,5", "--ambang-sesuai", "85.5",
                "--pembulatan-desimal", "1")
    assert r.exit_code == 0, r.output
    p = _param(db_path, "2021-T1")
    assert p["bobot_peran"] == {"atasan": "62.5", "rekan": "20", "bawahan": "20"}
    assert p["ambang_sesuai"] == "85.5" and p["pembulatan"]["desimal"] == "1"
    t = _satu(r.stderr)
    assert "Pengaturan yang disimpan bersama periode:" in t
    assert "atasan/rekan/bawahan (dinormalkan atas peran yang menilai): 62,5/20/20" in t
    assert "Sesuai bila ≥ ambang sesuai: 110 / 85,5" in t
    assert "1 desimal, setengah-ke-atas" in t
    # nothing given: nothing repeated
    r = kinerja("periode", "buat", "2021-T2")
    assert "Pengaturan yang disimpan" not in r.stderr
