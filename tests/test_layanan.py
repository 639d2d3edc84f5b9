"""kinerja layanan: indicators, values, the importer (every bad-input kind), listings."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import buat_xlsx

HEADER = ["Unit Kerja", "Indikator", "Satuan", "Arah", "Target", "Periode", "Nilai", "Sumber"]
IZIN = "Rata-rata waktu penerbitan izin usaha"
BAIK = [
    ["DPMPTSP", IZIN, "hari", "turun", 3, "2026-T1", 7.5, "SIMPEL"],
    ["dpmptsp", IZIN, "hari", "turun", 3, "2026-T2", "6", "SIMPEL"],
    ["DPMPTSP", IZIN, None, None, None, "2026-T3", "4,5", "SIMPEL"],
    ["DPMPTSP", "Kepuasan masyarakat (IKM)", "%", None, "85,5", "2026-T1", "80,25", None],
]


def _q(db_path, sql, args=()):
    with sqlite3.connect(db_path) as c:
        return c.execute(sql, args).fetchall()


def _jumlah(db_path):
    return tuple(_q(db_path, f"SELECT COUNT(*) FROM {t}")[0][0] for t in ("layanan_indikator", "layanan_nilai", "audit"))


def _xlsx(tmp_path, rows, nama="layanan.xlsx", header=HEADER):
    return buat_xlsx(tmp_path / nama, {"Layanan": [header, *rows] if header else rows})


# --- indikator tambah / daftar -----------------------------------------------------------------

def test_indikator_tambah_matches_unit_spelling_and_parses_comma_target(db_siap, kinerja, db_path):
    r = kinerja("layanan", "indikator", "tambah", "dpmptsp", "--nama", IZIN, "--satuan", "hari", "--arah", "turun",
                "--target", "2,5")
    assert r.exit_code == 0, r.output
    assert _q(db_path, "SELECT unit, nama, satuan, arah, target FROM layanan_indikator") == [
        ("DPMPTSP", IZIN, "hari", "turun", "2.5")]
    assert _q(db_path, "SELECT tabel, kunci, aksi FROM audit WHERE tabel = 'layanan_indikator'") == [
        ("layanan_indikator", f"DPMPTSP/{IZIN}", "tambah")]
    d = kinerja("layanan", "indikator", "daftar", "--format", "json").json()
    assert d == [{"id": 1, "unit": "DPMPTSP", "nama": IZIN, "satuan": "hari", "arah": "turun", "target": 2.5,
                  "jumlah_periode": 0}]


def test_indikator_tambah_refusals(db_siap, kinerja, db_path):
    assert kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", IZIN).exit_code == 0
    r = kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", IZIN.upper())
    assert r.exit_code == 1 and "sudah punya indikator" in r.stderr
    r = kinerja("layanan", "indikator", "tambah", "Dinas Antah", "--nama", "X")
    assert r.exit_code == 1 and "tidak ditemukan" in r.stderr
    r = kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", "Y", "--target", "banyak")
    assert r.exit_code == 1 and "Target" in r.stderr
    r = kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", "Y", "--arah", "miring")
    assert r.exit_code == 2
    assert _q(db_path, "SELECT COUNT(*), MIN(arah) FROM layanan_indikator") == [(1, "naik")]


# --- catat ---------------------------------------------------------------------------------------

def test_catat_by_id_or_name_replaces_and_audits(db_siap, kinerja, db_path):
    kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", IZIN, "--satuan", "hari", "--arah", "turun")
    r = kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", "--periode", "2026-t1", "--nilai", "4,5")
    assert r.exit_code == 0, r.output
    r = kinerja("layanan", "catat", "dpmptsp", "--indikator", IZIN, "--periode", "2026-T1", "--nilai", "5",
                "--sumber", "SIMPEL")
    assert r.exit_code == 0 and "sebelumnya 4,5" in r.stderr
    assert _q(db_path, "SELECT indikator_id, periode, nilai, sumber FROM layanan_nilai") == [(1, "2026-T1", "5", "SIMPEL")]
    aud = _q(db_path, "SELECT aksi, lama, baru FROM audit WHERE tabel = 'layanan_nilai' ORDER BY id")
    assert [a[0] for a in aud] == ["tambah", "ubah"]
    assert '"nilai": "4.5"' in aud[1][1] and '"nilai": "5"' in aud[1][2]
    # same value again: nothing written
    n = _jumlah(db_path)
    r = kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", "--periode", "2026-T1", "--nilai", "5,0",
                "--sumber", "SIMPEL")
    assert r.exit_code == 0 and "Tidak berubah" in r.stderr and _jumlah(db_path) == n


@pytest.mark.parametrize("args, pesan", [
    (["--periode", "2026-T5", "--nilai", "3"], "Kode periode"),
    (["--periode", "2026-13", "--nilai", "3"], "Bulan 13"),
    (["--periode", "2026", "--nilai", "-1"], "negatif"),
    (["--periode", "2026", "--nilai", "cepat"], "bukan angka"),
])
def test_catat_refusals(db_siap, kinerja, db_path, args, pesan):
    kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", IZIN)
    r = kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", *args)
    assert r.exit_code == 1 and pesan in r.stderr, r.output
    assert _q(db_path, "SELECT COUNT(*) FROM layanan_nilai") == [(0,)]


def test_catat_unknown_indicator_or_indicator_of_another_unit(db_siap, kinerja):
    kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", IZIN)
    r = kinerja("layanan", "catat", "Sekretariat Daerah", "--indikator", "1", "--periode", "2026", "--nilai", "1")
    assert r.exit_code == 1 and "tidak ditemukan di unit Sekretariat Daerah" in r.stderr
    r = kinerja("layanan", "catat", "DPMPTSP", "--indikator", "Tidak ada", "--periode", "2026", "--nilai", "1")
    assert r.exit_code == 1


# --- impor ---------------------------------------------------------------------------------------

def test_impor_creates_indicators_values_and_reimport_changes_nothing(db_siap, kinerja, db_path, tmp_path):
    f = _xlsx(tmp_path, BAIK)
    r = kinerja("layanan", "impor", f, "--dry-run")
    assert r.exit_code == 0 and "Uji coba" in r.stderr and "2 indikator baru" in r.stderr
    assert _jumlah(db_path)[:2] == (0, 0)
    r = kinerja("layanan", "impor", f)
    assert r.exit_code == 0, r.output
    assert "4 ditambah" in r.stderr
    assert _q(db_path, "SELECT id, unit, nama, satuan, arah, target FROM layanan_indikator ORDER BY id") == [
        (1, "DPMPTSP", IZIN, "hari", "turun", "3"),
        (2, "DPMPTSP", "Kepuasan masyarakat (IKM)", "%", "naik", "85.5"),
    ]
    assert _q(db_path, "SELECT indikator_id, periode, nilai, sumber FROM layanan_nilai ORDER BY 1, 2") == [
        (1, "2026-T1", "7.5", "SIMPEL"), (1, "2026-T2", "6", "SIMPEL"), (1, "2026-T3", "4.5", "SIMPEL"),
        (2, "2026-T1", "80.25", None)]
    n = _jumlah(db_path)
    r = kinerja("layanan", "impor", f)
    assert r.exit_code == 0 and "0 ditambah, 0 diubah, 4 tetap" in r.stderr
    assert _jumlah(db_path) == n
    # a changed value is updated and audited once
    rows = [list(x) for x in BAIK]
    rows[2][6] = "4"
    r = kinerja("layanan", "impor", _xlsx(tmp_path, rows, "ubah.xlsx"))
    assert "1 diubah, 3 tetap" in r.stderr
    assert _q(db_path, "SELECT nilai FROM layanan_nilai WHERE periode = '2026-T3'") == [("4",)]
    assert _jumlah(db_path)[2] == n[2] + 1
    d = kinerja("layanan", "daftar", "--indikator", "1", "--format", "json").json()
    assert [(x["periode"], x["nilai"]) for x in d] == [("2026-T1", 7.5), ("2026-T2", 6.0), ("2026-T3", 4.0)]


def _ditolak(kinerja, db_path, f, *teks):
    sebelum = _jumlah(db_path)
    r = kinerja("layanan", "impor", f)
    assert r.exit_code == 1, r.output
    for t in teks:
        assert t in r.stderr, (t, r.stderr)
    assert _jumlah(db_path) == sebelum  # nothing written, audit unchanged
    return r


def test_impor_every_bad_row_listed_and_nothing_written(db_siap, kinerja, db_path, tmp_path):
    rows = [
        ["Dinas Antah", IZIN, "hari", "turun", 3, "2026-T1", 7, None],   # unknown unit
        ["DPMPTSP", IZIN, "hari", "turun", 3, "2026-T9", 7, None],       # bad period code
        ["DPMPTSP", IZIN, "hari", "turun", 3, "2026-T2", "cepat", None],  # text in Nilai
        ["DPMPTSP", IZIN, "hari", "turun", 3, "2026-T3", -2, None],      # negative
        ["DPMPTSP", IZIN, "hari", "turun", 3, "2026-T4", 3.5, None],
        ["DPMPTSP", IZIN.lower(), "hari", "turun", 3, "2026-t4", 3.5, None],  # duplicate of the row above
        ["DPMPTSP", IZIN, "hari", "naik", 3, "2027-T1", 3, None],        # conflicting arah
        ["DPMPTSP", IZIN, "hari", "miring", 3, "2027-T2", 3, None],      # unknown arah
        ["DPMPTSP", "IKM", "%", "naik", "tinggi", "2026-T1", 80, None],  # text in Target
    ]
    r = _ditolak(kinerja, db_path, _xlsx(tmp_path, rows), "8 galat", "Tidak ada data yang ditulis")
    for t in ("Dinas Antah", "2026-T9", "cepat", "negatif", "Duplikat", "bertentangan", "miring", "Target"):
        assert t in r.stderr, t


def test_impor_conflicts_with_stored_indicator_arah(db_siap, kinerja, db_path, tmp_path):
    kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", IZIN, "--arah", "turun")
    _ditolak(kinerja, db_path, _xlsx(tmp_path, [["DPMPTSP", IZIN, "hari", "naik", None, "2026", 3, None]]),
             "bertentangan dengan indikator tersimpan")


def test_impor_lewati_galat_keeps_good_rows(db_siap, kinerja, db_path, tmp_path):
    rows = [BAIK[0], ["DPMPTSP", IZIN, "hari", "turun", 3, "2026-T2", "x", None]]
    r = kinerja("layanan", "impor", _xlsx(tmp_path, rows), "--lewati-galat")
    assert r.exit_code == 0 and "1 baris dilewati" in r.stderr
    assert _q(db_path, "SELECT periode, nilai FROM layanan_nilai") == [("2026-T1", "7.5")]


def test_impor_wrong_headers(db_siap, kinerja, db_path, tmp_path):
    f = _xlsx(tmp_path, BAIK, header=["OPD", "Nama Layanan", "Periode", "Angka"])
    r = _ditolak(kinerja, db_path, f, "kolom wajib tidak ditemukan")
    assert "Indikator" in r.stderr and "Nilai" in r.stderr


def test_impor_empty_sheet_and_header_only(db_siap, kinerja, db_path, tmp_path):
    _ditolak(kinerja, db_path, buat_xlsx(tmp_path / "kosong.xlsx", {"Layanan": []}), "kosong")
    _ditolak(kinerja, db_path, _xlsx(tmp_path, [], "judul.xlsx"), "tidak berisi data")


def test_impor_not_xlsx(db_siap, kinerja, db_path, tmp_path):
    f = tmp_path / "layanan.xlsx"
    f.write_text("Unit Kerja;Indikator;Periode;Nilai\nDPMPTSP;Izin;2026;3\n")
    _ditolak(kinerja, db_path, f, "bukan berkas Excel")
    _ditolak(kinerja, db_path, tmp_path / "tidak-ada.xlsx", "tidak ditemukan")


def test_period_need_not_exist_but_listing_is_in_period_order(db_siap, kinerja, tmp_path):
    rows = [["DPMPTSP", "IKM", "%", None, None, p, v, None] for p, v in
            (("2026-T2", 2), ("2025", 9), ("2026-01", 1), ("2026", 5), ("2026-T1", 3))]
    assert kinerja("layanan", "impor", _xlsx(tmp_path, rows)).exit_code == 0
    d = kinerja("layanan", "daftar", "--unit", "dpmptsp", "--format", "json").json()
    assert [x["periode"] for x in d] == ["2025", "2026", "2026-T1", "2026-01", "2026-T2"]
    c = kinerja("layanan", "daftar", "--format", "csv").stdout.splitlines()
    assert c[0].startswith("unit,indikator_id,indikator,satuan,arah,periode,nilai")
