"""kinerja dampak: the pure judgement rules (table-driven), the command, the Dampak sheet, the demo summary.

Hand-computed: DPMPTSP permit days 7,5 (2026-T1) -> 3,5 (2026-T4), arah turun: change -4 hari,
-4 / 7,5 = -53,33%, membaik; target 3: 0,5 hari lagi. In tests/data_nilai.py DPMPTSP has 4 active
employees (KADIS, STAF1, STAF2, PPPK1) of whom only STAF1 is Baik -> 25%.
"""

from __future__ import annotations

from decimal import Decimal as D

import openpyxl
import pytest

from conftest import buat_xlsx
from data_nilai import isi

from kinerja_cli.scoring import dampak as aturan

IZIN = "Rata-rata waktu penerbitan izin usaha"


# --- pure rules ---------------------------------------------------------------------------------

@pytest.mark.parametrize("awal, akhir, arah, penilaian, beda, persen", [
    ("60", "75", "naik", "membaik", "15", "25.00"),
    ("75", "60", "naik", "memburuk", "-15", "-20.00"),
    ("7.5", "3.5", "turun", "membaik", "-4.0", "-53.33"),
    ("3.5", "7", "turun", "memburuk", "3.5", "100.00"),
    ("5", "5", "naik", "tetap", "0", "0.00"),
    ("5", "5", "turun", "tetap", "0", "0.00"),
    ("0", "4", "naik", "membaik", "4", None),  # no % from a zero start, no division by zero
])
def test_penilaian_dan_perubahan(awal, akhir, arah, penilaian, beda, persen):
    assert aturan.penilaian(D(awal), D(akhir), arah) == penilaian
    b, p = aturan.perubahan(D(awal), D(akhir))
    assert b == D(beda) and (p == (D(persen) if persen else None))


@pytest.mark.parametrize("akhir, target, arah, jarak, tercapai, teks", [
    ("3.5", "3", "turun", "0.5", False, "0,5 hari lagi"),
    ("3", "3", "turun", "0", True, "target tercapai"),
    ("2", "3", "turun", "0", True, "target tercapai"),
    ("75", "80", "naik", "5", False, "5 hari lagi"),
    ("85.5", "80", "naik", "0", True, "target tercapai"),
    ("4", None, "naik", None, None, "-"),
])
def test_jarak_target(akhir, target, arah, jarak, tercapai, teks):
    j, t = aturan.jarak_target(D(akhir), D(target) if target else None, arah)
    assert (j, t) == ((D(jarak) if jarak else None), tercapai)
    assert aturan.teks_jarak(j, t, "hari") == teks


@pytest.mark.parametrize("deret, harapan", [
    ([], ""),
    (["5"], "▄"),
    (["2", "2", "2"], "▄▄▄"),
    (["7.5", "6", "4.5", "3.5"], "█▅▃▁"),
    (["0", "1", "2", "3", "4", "5", "6", "7"], "▁▂▃▄▅▆▇█"),
])
def test_sparkline(deret, harapan):
    assert aturan.sparkline([D(x) for x in deret]) == harapan


@pytest.mark.parametrize("predikat, persen", [
    ([], None),
    (["Baik", "Butuh Perbaikan", "Sangat Kurang", "Sangat Kurang"], "25.00"),
    (["Sangat Baik", "Baik", "Kurang"], "66.67"),
    (["Kurang/Misconduct"], "0.00"),
])
def test_persen_baik(predikat, persen):
    assert aturan.persen_baik(predikat) == (D(persen) if persen else None)


def test_single_period_has_no_change_but_a_target_distance():
    r = aturan.ringkas([("2026-T1", D("4"))], "turun", D("3"))
    assert (r.perubahan, r.perubahan_persen, r.penilaian) == (None, None, None)
    assert (r.nilai_awal, r.nilai_akhir, r.jarak_target, r.target_tercapai) == (D(4), D(4), D(1), False)
    kosong = aturan.ringkas([], "naik", None)
    assert kosong.nilai_akhir is None and kosong.penilaian is None


@pytest.mark.parametrize("d, digit, teks", [
    (D("7.5"), 2, "7,5"), (D("3"), 2, "3"), (D("53.333"), 1, "53,3"), (D("1234.5"), 2, "1.234,5"), (None, 2, "-")])
def test_angka_ringkas(d, digit, teks):
    assert aturan.angka_ringkas(d, digit) == teks


# --- end to end ---------------------------------------------------------------------------------

def _izin(kinerja, tmp_path, nilai=(("2026-T1", 7.5), ("2026-T2", 6), ("2026-T3", 4.5), ("2026-T4", 3.5))):
    rows = [["DPMPTSP", IZIN, "hari", "turun", 3, p, v, "SIMPEL"] for p, v in nilai]
    rows.append(["DPMPTSP", "Kepuasan masyarakat", "%", "naik", 80, "2026-T1", 60, None])
    rows.append(["DPMPTSP", "Kepuasan masyarakat", "%", "naik", 80, "2026-T4", 75, None])
    rows.append(["Sekretariat Daerah", "Surat selesai tepat waktu", "%", "naik", None, "2026-T2", 90, None])
    f = buat_xlsx(tmp_path / "layanan.xlsx", {"Layanan": [
        ["Unit Kerja", "Indikator", "Satuan", "Arah", "Target", "Periode", "Nilai", "Sumber"], *rows]})
    r = kinerja("layanan", "impor", f)
    assert r.exit_code == 0, r.output


def test_dampak_json_with_share_baik_from_a_real_period(db_siap, kinerja, db_path, tmp_path):
    assert kinerja("periode", "buat", "2026-T1", "--metode", "pp30").exit_code == 0
    isi(db_path, kode="2026-T1")
    _izin(kinerja, tmp_path)
    r = kinerja("dampak", "--format", "json")
    assert r.exit_code == 0, r.output
    d = {x["indikator"]: x for x in r.json()}
    izin = d[IZIN]
    assert izin == {
        "unit": "DPMPTSP", "indikator_id": 1, "indikator": IZIN, "satuan": "hari", "arah": "turun", "target": 3.0,
        "periode_awal": "2026-T1", "nilai_awal": 7.5, "periode_akhir": "2026-T4", "nilai_akhir": 3.5,
        "perubahan": -4.0, "perubahan_persen": -53.33, "penilaian": "membaik", "jarak_target": 0.5,
        "target_tercapai": False,
        "nilai_per_periode": [{"periode": "2026-T1", "nilai": 7.5, "persen_baik": 25.0},
                              {"periode": "2026-T2", "nilai": 6.0, "persen_baik": None},
                              {"periode": "2026-T3", "nilai": 4.5, "persen_baik": None},
                              {"periode": "2026-T4", "nilai": 3.5, "persen_baik": None}],
    }
    ikm = d["Kepuasan masyarakat"]
    assert (ikm["perubahan"], ikm["perubahan_persen"], ikm["penilaian"]) == (15.0, 25.0, "membaik")
    assert (ikm["jarak_target"], ikm["target_tercapai"]) == (5.0, False)
    surat = d["Surat selesai tepat waktu"]  # one period only, no target
    assert (surat["perubahan"], surat["perubahan_persen"], surat["penilaian"]) == (None, None, None)
    assert (surat["jarak_target"], surat["target_tercapai"]) == (None, None)
    # the period closed: the share comes from the snapshot, same number
    assert kinerja("periode", "tutup", "2026-T1", "--ya").exit_code == 0
    d = kinerja("dampak", "--unit", "dpmptsp", "--indikator", "1", "--format", "json").json()
    assert len(d) == 1 and d[0]["nilai_per_periode"][0]["persen_baik"] == 25.0


def test_dampak_csv_flattens_the_series_and_table_shows_sparkline(db_siap, kinerja, tmp_path):
    _izin(kinerja, tmp_path)
    r = kinerja("dampak", "--indikator", IZIN, "--format", "csv")
    baris = r.stdout.splitlines()
    assert baris[0] == ("unit,indikator_id,indikator,satuan,arah,target,periode_awal,nilai_awal,periode_akhir,"
                        "nilai_akhir,perubahan,perubahan_persen,penilaian,jarak_target,target_tercapai,"
                        "nilai_per_periode")
    assert baris[1].endswith(",membaik,0.50,false,2026-T1=7.5;2026-T2=6;2026-T3=4.5;2026-T4=3.5")
    r = kinerja("dampak", "--unit", "DPMPTSP")
    assert r.exit_code == 0
    assert "█▅▃▁" in r.stdout and "membaik" in r.stdout and "0,5 hari lagi" in r.stdout
    assert "Surat selesai" not in r.stdout
    assert kinerja("dampak", "--indikator", "99").exit_code == 1
    assert kinerja("dampak", "--unit", "Dinas Antah").exit_code == 1


def test_ringkasan_demo(db_siap, kinerja, db_path, tmp_path):
    from kinerja_cli.services.dampak import ringkasan_demo
    from kinerja_cli.store.db import buka_db

    assert kinerja("periode", "buat", "2026-T1", "--metode", "pp30").exit_code == 0
    isi(db_path, kode="2026-T1")
    _izin(kinerja, tmp_path)
    db = buka_db(db_path)
    try:
        s = ringkasan_demo(db)
    finally:
        db.close()
    izin = [x for x in s if IZIN in x]
    assert izin[0] == (f"DPMPTSP — {IZIN}: 7,5 → 3,5 hari (2026-T1 s.d. 2026-T4), membaik 53,3%; "
                    "target 3 hari: kurang 0,5 hari. Pegawai berpredikat Baik ke atas di DPMPTSP pada 2026-T1: 25%.")
    assert "DPMPTSP — Kepuasan masyarakat: 60 → 75% (2026-T1 s.d. 2026-T4), membaik 25%; target 80%: kurang 5%." in s[0]
    assert s[2] == ("Sekretariat Daerah — Surat selesai tepat waktu: 90% (2026-T2, baru satu periode, "
                    "perubahan belum dapat dihitung).")
    assert len(s) == 3


# --- the Dampak sheet -----------------------------------------------------------------------------

def _data():
    return [
        {"unit": "DPMPTSP", "indikator_id": 1, "indikator": IZIN, "satuan": "hari", "arah": "turun", "target": D(3),
         "periode_awal": "2026-T1", "nilai_awal": D("7.5"), "periode_akhir": "2026-T4", "nilai_akhir": D("3.5"),
         "perubahan": D(-4), "perubahan_persen": D("-53.33"), "penilaian": "membaik", "jarak_target": D("0.5"),
         "target_tercapai": False,
         "nilai_per_periode": [{"periode": "2026-T4", "nilai": D("3.5"), "persen_baik": None},
                               {"periode": "2026-T1", "nilai": D("7.5"), "persen_baik": D(25)}]},
        {"unit": "=HYPERLINK(\"x\")", "indikator_id": 2, "indikator": "-1 keluhan", "satuan": None, "arah": "naik",
         "target": None, "periode_awal": "2026-T2", "nilai_awal": D(5), "periode_akhir": "2026-T2",
         "nilai_akhir": D(5), "perubahan": None, "perubahan_persen": None, "penilaian": None, "jarak_target": None,
         "target_tercapai": None, "nilai_per_periode": [{"periode": "2026-T2", "nilai": D(5), "persen_baik": None}]},
    ]


def test_lembar_dampak_write_only_read_back(tmp_path):
    from kinerja_cli.excel import lembar_dampak

    wb = openpyxl.Workbook(write_only=True)
    wb.create_sheet("Rekap").append(["sudah ada"])
    lembar_dampak.tulis(wb, _data())
    f = tmp_path / "rekap.xlsx"
    wb.save(f)
    wb = openpyxl.load_workbook(f)
    assert wb.sheetnames == ["Rekap", "Dampak"]
    ws = wb["Dampak"]
    head = [c.value for c in ws[lembar_dampak.BARIS_JUDUL]]
    assert head == ["Unit Kerja", "Indikator", "Satuan", "Arah", "Target", "2026-T1", "2026-T2", "2026-T4",
                    "Perubahan", "Perubahan (%)", "Penilaian", "Jarak ke Target", None,
                    "% Baik+ 2026-T1", "% Baik+ 2026-T2", "% Baik+ 2026-T4"]
    r1 = [c.value for c in ws[lembar_dampak.BARIS_JUDUL + 1]]
    assert r1 == ["DPMPTSP", IZIN, "hari", "turun", 3, 7.5, None, 3.5, -4, -53.33, "membaik", "0,5 hari lagi", None,
                  25, None, None]
    r2 = ws[lembar_dampak.BARIS_JUDUL + 2]
    assert r2[0].value == '=HYPERLINK("x")' and r2[0].data_type == "s"  # literal text, never a formula
    assert r2[1].value == "-1 keluhan" and r2[1].data_type == "s"
    assert r2[6].value == 5 and r2[8].value is None and r2[10].value is None
    charts = ws._charts
    assert len(charts) == 2
    assert all(type(c).__name__ == "LineChart" for c in charts)
    assert all(c.anchor._from.row >= lembar_dampak.BARIS_JUDUL + 2 for c in charts)  # below the table
    ref = charts[0].series[0].val.numRef.f
    assert ref == "'Dampak'!$F$5:$H$5"


def test_lembar_dampak_empty_data(tmp_path):
    from kinerja_cli.excel import lembar_dampak

    wb = openpyxl.Workbook(write_only=True)
    lembar_dampak.tulis(wb, [])
    wb.save(tmp_path / "k.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "k.xlsx")["Dampak"]
    assert ws.cell(lembar_dampak.BARIS_JUDUL, 1).value == "Unit Kerja" and not ws._charts


def test_quarterly_indicator_uses_the_covering_annual_period_for_the_share(db_siap, kinerja, db_path):
    """Service values per quarter, ratings per year: the quarter takes the share of the annual period."""
    from data_nilai import isi

    kinerja("periode", "buat", "2026", "--metode", "pp30")
    isi(db_path)
    kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", "Hari izin", "--satuan", "hari", "--arah", "turun")
    kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", "--periode", "2026-T1", "--nilai", "7,5")
    kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", "--periode", "2026-T2", "--nilai", "6")
    d = kinerja("dampak", "--format", "json").json()[0]
    # DPMPTSP in 2026: 4 assessed, 1 Baik (STAF1) -> 25 %
    assert [x["persen_baik"] for x in d["nilai_per_periode"]] == [25.0, 25.0]


def test_share_of_each_unit_from_one_computation_per_period_equals_the_units_own_laporan(demo_sesi, tmp_path):
    """The Dampak share is computed from one laporan per period, then each unit's records
    (nilai.rekaman_unit): exactly the records of that unit's own `laporan(db, kode, unit)`, for the
    open 2026 and the closed 2025 of the demo, a unit given in another case too."""
    from conftest import salin_demo
    from kinerja_cli.services import dampak, nilai
    from kinerja_cli.store.db import buka_db

    db = buka_db(salin_demo(demo_sesi, tmp_path / "d" / "kinerja-demo.db"))
    units = [r[0] for r in db.execute("SELECT DISTINCT unit FROM pegawai ORDER BY unit")]
    assert len(units) > 5
    for kode, beku in (("2026", False), ("2025", True)):
        lap = nilai.laporan(db, kode, ringkas=True)
        assert lap.dari_snapshot is beku
        for unit in [*units, units[0].lower(), units[-1].upper()]:
            sendiri = nilai.laporan(db, kode, unit, ringkas=True).rekaman
            assert sendiri, unit
            assert sorted(r.pegawai.nip for r in nilai.rekaman_unit(db, lap, unit)) == \
                sorted(r.pegawai.nip for r in sendiri)
    shares = [(d["unit"], x["periode"], x["persen_baik"]) for d in dampak.data_dampak(db) for x in d["nilai_per_periode"]]
    assert any(s is not None for _, _, s in shares)
    for unit, periode, share in shares:  # the same share as each unit's own laporan gives
        kode = dampak._periode_penilaian(db, periode)
        dinilai = [r.hasil.predikat for r in nilai.laporan(db, kode, unit, ringkas=True).rekaman
                   if dampak.tercatat(r)] if kode else []
        assert share == (aturan.persen_baik(dinilai) if dinilai else None), (unit, periode)
