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
    assert "1 Januari 2026 s.d. 31 Maret 2026" in " ".join(r.stderr.split()) and "2026-01-01" not in r.stderr
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


def test_stored_row_read_back_as_one_periode(db_siap, kinerja, db_path):
    """The store builds the period in one place: every column of the row, the parameter as the stored JSON."""
    import json

    from kinerja_cli.model import Periode
    from kinerja_cli.store import periode as tabel
    from kinerja_cli.store.db import buka_db

    assert kinerja("periode", "buat", "2026-T1", "--metode", "pp30", "--persetujuan-skp", "ya",
                   "--penilaian-360", "tidak").exit_code == 0
    assert kinerja("periode", "buat", "2026").exit_code == 0
    assert kinerja("periode", "tutup", "2026-T1", "--ya").exit_code == 0
    with sqlite3.connect(db_path) as c:
        teks, ditutup_pada = c.execute("SELECT parameter, ditutup_pada FROM periode WHERE kode = '2026-T1'").fetchone()
    db = buka_db(db_path)
    try:
        t1, tahun = tabel.ambil(db, "2026-T1"), tabel.ambil(db, "2026")
        assert tabel.semua(db) == [tahun, t1] and tabel.ditutup_meliputi(db, "2026-02-01", "2026-02-01") == [t1]
    finally:
        db.close()
    assert isinstance(t1, Periode) and t1.parameter == json.loads(teks) and t1.param.penilaian_360 == "tidak"
    assert (t1.jenis, t1.mulai, t1.selesai, t1.metode, t1.ditutup, t1.ditutup_pada, t1.persetujuan_skp) == (
        "triwulan", "2026-01-01", "2026-03-31", "pp30", True, ditutup_pada, True)
    assert (tahun.metode, tahun.ditutup, tahun.ditutup_pada, tahun.persetujuan_skp) == ("permenpan6", False, None, False)
    assert kinerja("periode", "daftar", "--format", "json").json()[1] == {
        "kode": "2026-T1", "jenis": "triwulan", "mulai": "2026-01-01", "selesai": "2026-03-31", "metode": "pp30",
        "persetujuan_skp": True, "status": "ditutup", "sasaran": 0, "realisasi": 0, "perilaku": 0}
