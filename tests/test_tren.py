"""kinerja tren: ratings across periods, hand-computed.

2026-T1 = the period of data_nilai.py (closed, so read from its snapshot).
The periods are pp30 with penilaian 360 = ya (a new period's default): NA = 60/40 for everyone.
2026-T1: STAF1 111,04 Baik; STAF2 0,6×88 + 0,4×85 = 86,80 Cukup; PPPK1 0,6×54,50 = 32,70; KADIS 0,4×100 = 40,00.
2026-T2 = the same data with two realisations changed (open, computed live):
  STAF1 row 1 R = 90: C = 90 → 70 + 19/19 × 10 = 80; NHK = (60×80 + 40×120)/100 = 96,00;
    NA = 0,6×96 + 0,4×107,50 = 100,60 (Baik); change 100,60 − 111,04 = −10,44.
  STAF2 R = 105: C = 105/98 × 100 = 107,14 → 110 + 10/9 × 6,14 = 116,82; NA = 0,6×116,82 + 0,4×85 = 70,092 + 34
    = 104,09 (Baik); change 104,09 − 86,80 = +17,29.
2026-T3: created, nothing recorded: no row for anyone.
Unit DPMPTSP (STAF1, STAF2, PPPK1, KADIS; NA of PPPK1 32,70 and KADIS 40,00 unchanged):
  T1 mean (111,04 + 86,80 + 32,70 + 40,00)/4 = 67,635 → 67,64, Baik 1 of 4 = 25 %, Cukup 1;
  T2 mean (100,60 + 104,09 + 32,70 + 40,00)/4 = 69,3475 → 69,35, Baik 2 of 4 = 50 %; change +1,71.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from conftest import KADIS, SEKDA, STAF1, STAF2
from data_nilai import isi


@pytest.fixture
def tiga_periode(db_siap, kinerja, db_path):
    for kode in ("2026-T2", "2026-T1", "2026-T3"):  # created out of order on purpose
        assert kinerja("periode", "buat", kode, "--metode", "pp30").exit_code == 0
    isi(db_path, "2026-T1")
    isi(db_path, "2026-T2")
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE realisasi SET nilai = '90' WHERE periode = '2026-T2' AND nip = ? AND nomor = 1", [STAF1])
        c.execute("UPDATE realisasi SET nilai = '105' WHERE periode = '2026-T2' AND nip = ?", [STAF2])
    assert kinerja("periode", "tutup", "2026-T1", "--ya").exit_code == 0
    return db_path


def test_employee_trend_json_with_deltas(tiga_periode, kinerja):
    r = kinerja("tren", STAF1, "--format", "json")
    assert r.exit_code == 0, r.output
    rows = r.json()
    assert [x["periode"] for x in rows] == ["2026-T1", "2026-T2"]
    assert [(x["nhk"], x["npk"], x["na"], x["predikat"]) for x in rows] == [
        (113.40, 107.50, 111.04, "Baik"), (96.00, 107.50, 100.60, "Baik")]
    assert [x["selisih"] for x in rows] == [None, -10.44]
    assert rows[0]["status"] == "ditutup" and rows[1]["status"] == "terbuka" and rows[0]["metode"] == "pp30"
    assert "batang" not in rows[0]
    rows = kinerja("tren", STAF2, "--format", "json").json()
    assert [(x["na"], x["predikat"], x["selisih"]) for x in rows] == [
        (86.80, "Cukup", None), (104.09, "Baik", 17.29)]


def test_employee_trend_table(tiga_periode, kinerja):
    t = kinerja("tren", STAF2)
    assert t.exit_code == 0
    assert "▲ 17,29" in t.stdout and "104,09" in t.stdout and "█" in t.stdout
    assert "naik 17,29 dari 2026-T1 ke 2026-T2" in " ".join(t.stdout.split())
    t = kinerja("tren", STAF1)
    assert "▼ 10,44" in t.stdout and "turun" in t.stdout
    c = kinerja("tren", STAF1, "--format", "csv")
    assert c.stdout.splitlines()[0] == "nip,nama,periode,mulai,metode,status,nhk,npk,na,predikat,lengkap,selisih"
    assert c.stdout.splitlines()[2].endswith(",100.60,Baik,true,-10.44")


def test_unit_trend(tiga_periode, kinerja):
    rows = kinerja("tren", "--unit", "dpmptsp", "--format", "json").json()
    assert [x["periode"] for x in rows] == ["2026-T1", "2026-T2"]
    a, b = rows
    assert (a["jumlah_pegawai"], a["rata_na"], a["persen_baik"], a["baik"], a["cukup"], a["butuh_perbaikan"],
            a["sangat_kurang"]) == (4, 67.64, 25.0, 1, 1, 0, 2)
    assert (b["jumlah_pegawai"], b["rata_na"], b["persen_baik"], b["baik"], b["cukup"], b["selisih"]) == (
        4, 69.35, 50.0, 2, 0, 1.71)
    t = kinerja("tren", "--unit", "DPMPTSP")
    assert "▲ 1,71" in t.stdout and "67,64" in t.stdout and "25,00%" in t.stdout
    assert "rata-rata NA naik" in " ".join(t.stdout.split())


def test_one_laporan_call_per_period(tiga_periode, kinerja, monkeypatch):
    from kinerja_cli.services import nilai

    panggil = []
    asli = nilai.laporan
    monkeypatch.setattr(nilai, "laporan", lambda db, kode, **kw: panggil.append(kode) or asli(db, kode, **kw))
    assert kinerja("tren", "--unit", "DPMPTSP", "--format", "json").exit_code == 0
    assert panggil == ["2026-T1", "2026-T2", "2026-T3"]
    panggil.clear()
    assert kinerja("tren", STAF1, "--format", "json").exit_code == 0
    assert panggil == ["2026-T1", "2026-T2", "2026-T3"]


def test_no_periods_and_usage(tiga_periode, kinerja):
    r = kinerja("tren", SEKDA)  # rates KADIS but was never rated or given an SKP
    assert r.exit_code == 1 and "Belum ada hasil penilaian" in r.stderr and "Traceback" not in r.output
    r = kinerja("tren", "--unit", "Sekretariat Daerah")
    assert r.exit_code == 1 and "Belum ada hasil penilaian" in r.stderr
    assert kinerja("tren").exit_code == 2
    assert kinerja("tren", STAF1, "--unit", "DPMPTSP").exit_code == 2
    assert kinerja("tren", "--unit", "Tidak Ada").exit_code == 1
    assert kinerja("tren", "12345").exit_code == 2  # a malformed NIP is wrong usage (as any malformed option value)


def test_single_period_and_kadis(db_siap, kinerja, db_path):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_path)
    rows = kinerja("tren", KADIS, "--format", "json").json()
    assert [(x["na"], x["predikat"], x["selisih"]) for x in rows] == [(40.0, "Sangat Kurang", None)]  # 0,4 × 100
    assert "satu periode" in kinerja("tren", KADIS).stdout


def test_bar_rendering():
    from kinerja_cli.output.tren import batang

    assert batang(Decimal(120)) == "█" * 24
    assert batang(Decimal(150)) == "█" * 24  # capped at 120
    assert batang(Decimal(0)) == ""
    assert batang(Decimal(60)) == "█" * 12
    assert batang(Decimal("62.5")) == "█" * 12 + "▌"  # 62,5/120 × 24 = 12,5 cells
    assert batang(Decimal("87.10"), lebar=10) == "███████▎"  # 7,26 cells → 58 eighths
