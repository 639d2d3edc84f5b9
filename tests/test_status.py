"""`kinerja status`: readiness per unit and per employee, against a hand-built set-up."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2

NONAKTIF = "197001011995031001"


def _sasaran(c, nip, bobot, terisi):
    for i, b in enumerate(bobot, start=1):
        c.execute("INSERT INTO sasaran (periode, nip, nomor, jenis, rhk, aspek, indikator, target_lo, bobot, arah, diubah)"
                  " VALUES ('2026', ?, ?, 'utama', 'rhk', 'kuantitas', 'iki', '10', ?, 'naik', 't')", [nip, i, b])
        if i <= terisi:
            c.execute("INSERT INTO realisasi (periode, nip, nomor, nilai, diubah) VALUES ('2026', ?, ?, '10', 't')", [nip, i])


@pytest.fixture
def siap(db_periode, kinerja, db_path):
    with sqlite3.connect(db_path) as c:
        c.execute("INSERT INTO pegawai (nip, nama, unit, nip_atasan, status, aktif, dibuat, diubah)"
                  f" VALUES ('{NONAKTIF}', 'Pensiun', 'DPMPTSP', '{KADIS}', 'PNS', 0, 't', 't')")
        _sasaran(c, STAF1, ["60", "40"], 2)
        _sasaran(c, STAF2, ["90"], 0)
        _sasaran(c, PPPK1, ["33.33", "33.33", "33.34"], 2)
        _sasaran(c, NONAKTIF, ["50"], 0)  # inactive: never counted
    for nip, penilai, peran in ((STAF1, KADIS, "atasan"), (STAF1, STAF2, "rekan"), (STAF1, PPPK1, "rekan"),
                                (STAF2, STAF1, "rekan"), (PPPK1, KADIS, "atasan"), (PPPK1, PPPK1, "diri"),
                                (KADIS, SEKDA, "atasan"), (KADIS, STAF1, "bawahan")):
        r = kinerja("perilaku", "catat", nip, "--periode", "2026", "--penilai", penilai, "--peran", peran,
                    "--skor", "pelayanan=100")
        assert r.exit_code == 0, r.output
    kinerja("umpan-balik", "catat", STAF1, "--periode", "2026", "--dari", KADIS, "Tepat waktu", "--tanggal", "2026-02-01")
    kinerja("umpan-balik", "catat", STAF1, "--periode", "2026", "--dari", KADIS, "Rapi", "--tanggal", "2026-03-01")
    return db_path


def test_unit_summary(siap, kinerja):
    # rekan raters: STAF1 2, STAF2 1, PPPK1 0 (self-rating not counted), KADIS 0 -> 3 / 4 = 0.75
    d = kinerja("status", "--periode", "2026", "--format", "json").json()
    assert d == [
        {"unit": "DPMPTSP", "pegawai": 4, "tanpa_sasaran": 1, "bobot_tidak_100": 1, "baris_tanpa_realisasi": 2,
         "tanpa_nilai_atasan": 1, "skp_draf": 3, "skp_diajukan": 0, "skp_disetujui": 0, "skp_dikembalikan": 0,
         "rata_rekan": 0.75, "siap": 1},
        {"unit": "Sekretariat Daerah", "pegawai": 1, "tanpa_sasaran": 1, "bobot_tidak_100": 0,
         "baris_tanpa_realisasi": 0, "tanpa_nilai_atasan": 1, "skp_draf": 0, "skp_diajukan": 0, "skp_disetujui": 0,
         "skp_dikembalikan": 0, "rata_rekan": 0.0, "siap": 0},
    ]
    r = kinerja("status", "--periode", "2026")
    assert r.exit_code == 0 and "Siap 1 dari 5 pegawai aktif" in r.stdout


def test_per_employee_detail(siap, kinerja):
    d = {x["nip"]: x for x in kinerja("status", "--periode", "2026", "--rinci", "--format", "json").json()}
    assert set(d) == {SEKDA, KADIS, STAF1, STAF2, PPPK1}
    s1 = d[STAF1]
    assert (s1["baris_skp"], s1["total_bobot"], s1["realisasi_terisi"], s1["atasan_menilai"], s1["jumlah_rekan"],
            s1["jumlah_bawahan"], s1["umpan_balik"], s1["lengkap"], s1["kurang"]) == (2, 100, 2, True, 2, 0, 2, True, "")
    assert d[STAF2]["kurang"] == "bobot 90, harus 100; 1 realisasi belum diisi; belum dinilai atasan"
    assert d[STAF2]["jumlah_rekan"] == 1 and not d[STAF2]["atasan_menilai"]
    # penilaian 360 = ya (pp30): only the atasan scored PPPK1, as `nilai` flags tanpa_penilaian_rekan_bawahan
    assert d[PPPK1]["total_bobot"] == 100 and d[PPPK1]["kurang"] == \
        "1 realisasi belum diisi; rekan/bawahan belum menilai (penilaian 360)"
    assert d[PPPK1]["jumlah_rekan"] == 0  # the self-rating is not a rekan
    assert d[KADIS]["kurang"] == "belum ada SKP" and d[KADIS]["jumlah_bawahan"] == 1
    assert d[KADIS]["total_bobot"] is None
    assert d[SEKDA]["kurang"] == "belum ada SKP; belum dinilai atasan"
    r = kinerja("status", "--periode", "2026", "--unit", "dpmptsp", "--format", "csv")
    baris = r.stdout.splitlines()
    assert baris[0] == ("nip,nama,unit,baris_skp,total_bobot,realisasi_terisi,status_skp,atasan_menilai,jumlah_rekan,"
                        "jumlah_bawahan,umpan_balik,lengkap,kurang")
    assert len(baris) == 5 and NONAKTIF not in r.stdout
    r = kinerja("status", "--periode", "2026", "--unit", "DPMPTSP")
    assert r.exit_code == 0 and "Kesiapan periode 2026" in r.stdout and "Rincian per pegawai (4)" in r.stdout


def test_unknown_period_and_unit(siap, kinerja):
    r = kinerja("status", "--periode", "2030")
    assert r.exit_code == 1 and "belum dibuat" in r.stderr
    r = kinerja("status", "--periode", "2026", "--unit", "Dinas Tidak Ada")
    assert r.exit_code == 1 and "tidak ditemukan" in r.stderr


def test_unit_colours():
    from kinerja_cli.services.status import gaya_unit

    assert gaya_unit({"pegawai": 4, "siap": 4}) == "green"
    assert gaya_unit({"pegawai": 4, "siap": 2}) == "yellow"
    assert gaya_unit({"pegawai": 4, "siap": 1}) == "red"


def test_query_count_does_not_grow_with_employees(siap, db_path):
    """A fixed handful of aggregate queries, never one per employee."""
    from kinerja_cli.services.status import status
    from kinerja_cli.store.db import buka_db

    def hitung(db):
        n = []
        db.conn.set_trace_callback(lambda s: n.append(s) if s.lstrip().upper().startswith(("SELECT", "WITH")) else None)
        status(db, "2026")
        db.conn.set_trace_callback(None)
        return len(n)

    db = buka_db(db_path)
    sedikit = hitung(db)
    with db.conn:
        db.conn.executemany(
            "INSERT INTO pegawai (nip, nama, unit, status, aktif, dibuat, diubah) VALUES (?, 'x', 'Dinas Baru', 'PNS', 1, 't', 't')",
            [(f"1980010120050110{i:02d}",) for i in range(10, 60)])
    assert hitung(db) == sedikit <= 8
    db.close()
