"""Periods: codes, creation, closing and reopening, the write guard."""

from __future__ import annotations

import sqlite3

import pytest

from kinerja_cli.validation.periode import KodeTidakValid, urai_kode


@pytest.mark.parametrize("kode,jenis,mulai,selesai", [
    ("2026", "tahunan", "2026-01-01", "2026-12-31"),
    ("2026-T1", "triwulan", "2026-01-01", "2026-03-31"),
    ("2026-t4", "triwulan", "2026-10-01", "2026-12-31"),
    ("2026-02", "bulanan", "2026-02-01", "2026-02-28"),
    ("2028-2", "bulanan", "2028-02-01", "2028-02-29"),
])
def test_codes(kode, jenis, mulai, selesai):
    k = urai_kode(kode)
    assert (k.jenis, k.mulai.isoformat(), k.selesai.isoformat()) == (jenis, mulai, selesai)


@pytest.mark.parametrize("kode", ["26", "2026-T5", "2026-13", "2026-00", "tahun 2026", ""])
def test_bad_codes(kode):
    with pytest.raises(KodeTidakValid):
        urai_kode(kode)


def test_create_list_close_reopen(db_siap, kinerja, db_path):
    r = kinerja("periode", "buat", "2026-T1", "--metode", "permenpan6")
    assert r.exit_code == 0, r.output
    assert "2026-01-01 s.d. 2026-03-31" in r.stderr
    r = kinerja("periode", "buat", "2026-T1")
    assert r.exit_code == 1 and "sudah ada" in r.stderr
    r = kinerja("periode", "buat", "2026-T2", "--jenis", "bulanan")
    assert r.exit_code == 1 and "triwulan" in r.stderr
    r = kinerja("periode", "buat", "2026-T9")
    assert r.exit_code == 1 and "tidak dikenal" in r.stderr
    d = kinerja("periode", "daftar", "--format", "json").json()
    assert d[0]["kode"] == "2026-T1" and d[0]["metode"] == "permenpan6" and d[0]["status"] == "terbuka"
    assert kinerja("periode", "tutup", "2026-T1", "--ya").exit_code == 0
    assert kinerja("periode", "daftar", "--format", "json").json()[0]["status"] == "ditutup"
    r = kinerja("periode", "buka", "2026-T1", "--alasan", "  ")
    assert r.exit_code == 1 and "Alasan" in r.stderr
    r = kinerja("periode", "buka", "2026-T1", "--alasan", "koreksi realisasi")
    assert r.exit_code == 0
    h = kinerja("riwayat", "--format", "json").json()
    assert "koreksi realisasi" in h[0]["baru"]


def test_period_stores_its_parameters(db_siap, kinerja, db_path):
    kinerja("periode", "buat", "2026", "--metode", "pp30")
    with sqlite3.connect(db_path) as c:
        (param,) = c.execute("SELECT parameter FROM periode WHERE kode='2026'").fetchone()
    assert param.startswith("{")
