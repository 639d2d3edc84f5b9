"""Issue 17 §3: a re-imported SKP workbook never undoes an approval, and the agreement workflow is an
explicit setting of the period (not switched on by one OPD's Status SKP column)."""

from __future__ import annotations

import json
import shutil
import sqlite3

from conftest import KADIS, SEKDA, STAF1, STAF2, buat_xlsx
from test_persetujuan_skp import H, n_audit, q, skp, status_di_db
from test_skema_lama import LAMA


def impor(kinerja, tmp_path, rows, nama):
    return kinerja("sasaran", "impor", buat_xlsx(tmp_path / nama, {"Sasaran": [H, *rows]}), "--periode", "2026")


def _pakai_alur(kinerja):
    r = kinerja("periode", "ubah", "2026", "--persetujuan-skp", "ya")
    assert r.exit_code == 0, r.output
    assert "persetujuan SKP sekarang ya" in r.stderr


def test_reimport_never_undoes_an_approval(db_periode, kinerja, tmp_path):
    _pakai_alur(kinerja)
    berkas = [*skp(STAF1, "diajukan"), *skp(STAF2, "diajukan")]
    assert impor(kinerja, tmp_path, berkas, "a.xlsx").exit_code == 0
    r = kinerja("sasaran", "setujui", STAF1, "--periode", "2026", "--oleh", KADIS, "--tanggal", "2026-01-20")
    assert r.exit_code == 0, r.output
    sebelum, audit0 = status_di_db(db_periode, STAF1), n_audit(db_periode)
    r = impor(kinerja, tmp_path, berkas, "b.xlsx")  # the same workbook again
    assert r.exit_code == 0, r.output
    assert status_di_db(db_periode, STAF1) == sebelum == {"status": "disetujui", "oleh": KADIS,
                                                           "tanggal": "2026-01-20", "alasan": None}
    assert n_audit(db_periode) == audit0  # nothing changed, nothing logged
    teks = " ".join(r.stderr.split())
    assert "diubah dari kolom Status SKP" not in teks
    assert "tidak boleh memundurkan status" in teks and f"({STAF1}): tersimpan disetujui, di berkas diajukan" in teks


def test_file_moves_a_state_forward_only(db_periode, kinerja, tmp_path):
    _pakai_alur(kinerja)
    assert impor(kinerja, tmp_path, skp(STAF1, "diajukan"), "a.xlsx").exit_code == 0
    r = impor(kinerja, tmp_path, skp(STAF1, "disetujui"), "b.xlsx")
    assert r.exit_code == 0 and "status SKP 1 pegawai diubah" in r.stderr
    assert status_di_db(db_periode, STAF1)["status"] == "disetujui"
    assert status_di_db(db_periode, STAF1)["oleh"] == KADIS
    for mundur in ("draf", "diajukan", "dikembalikan"):
        r = impor(kinerja, tmp_path, skp(STAF1, mundur), f"{mundur}.xlsx")
        assert r.exit_code == 0 and status_di_db(db_periode, STAF1)["status"] == "disetujui"


def test_one_opd_status_column_does_not_switch_the_period(db_periode, kinerja, tmp_path, monkeypatch):
    """Without the setting a Status SKP column is reported and not applied; nobody gets 'SKP belum disetujui'."""
    monkeypatch.setenv("COLUMNS", "2000")
    r = impor(kinerja, tmp_path, [*skp(STAF1, "diajukan"), *skp(KADIS), *skp(SEKDA)], "a.xlsx")
    assert r.exit_code == 0, r.output
    teks = " ".join(r.stderr.split())
    assert "Kolom Status SKP (1 pegawai) tidak diterapkan: periode 2026 tidak memakai persetujuan SKP" in teks
    assert "kinerja periode ubah 2026 --persetujuan-skp ya" in teks
    assert q(db_periode, "SELECT COUNT(*) AS n FROM skp_status")[0]["n"] == 0
    d = {x["nip"]: x for x in kinerja("nilai", "--periode", "2026", "--format", "json").json()}
    assert all("skp_belum_disetujui" not in x["catatan"] for x in d.values())
    r = kinerja("status", "--periode", "2026")
    assert "Persetujuan SKP: tidak" in " ".join(r.stdout.split())
    r = kinerja("sasaran", "ajukan", STAF1, "--periode", "2026")
    assert r.exit_code == 1 and "Periode 2026 tidak memakai persetujuan SKP" in " ".join(r.stderr.split())
    # switched on: every SKP not agreed is flagged, and `status` says so
    _pakai_alur(kinerja)
    d = {x["nip"]: x for x in kinerja("nilai", "--periode", "2026", "--format", "json").json()}
    assert "skp_belum_disetujui" in d[STAF1]["catatan"] and "skp_belum_disetujui" in d[KADIS]["catatan"]
    assert "Persetujuan SKP: ya" in " ".join(kinerja("status", "--periode", "2026").stdout.split())
    log = q(db_periode, "SELECT lama, baru FROM audit WHERE tabel = 'periode' AND aksi = 'ubah'")
    assert [(json.loads(x["lama"]), json.loads(x["baru"])) for x in log] == [
        ({"persetujuan_skp": False}, {"persetujuan_skp": True})]
    assert kinerja("periode", "daftar", "--format", "json").json()[0]["persetujuan_skp"] is True


def test_new_period_takes_the_setting(db_siap, kinerja):
    r = kinerja("periode", "buat", "2027", "--persetujuan-skp", "ya")
    assert r.exit_code == 0 and "persetujuan SKP ya" in r.stderr
    assert q(db_siap, "SELECT persetujuan_skp FROM periode WHERE kode = '2027'") == [{"persetujuan_skp": 1}]


def test_old_database_keeps_the_workflow_it_effectively_had(kinerja, tmp_path):
    """A period with a state row used the workflow under the old rule: the migration stores that."""
    lama = tmp_path / "lama.db"
    shutil.copyfile(LAMA, lama)
    lama.chmod(0o600)
    with sqlite3.connect(lama) as c:
        dengan = c.execute("SELECT DISTINCT periode FROM skp_status").fetchall()
    assert dengan
    r = kinerja("periode", "daftar", "--db", lama, "--format", "json")
    assert r.exit_code == 0, r.output
    assert {p["kode"]: p["persetujuan_skp"] for p in r.json()} == {dengan[0][0]: True}


def test_atasan_outside_the_roster_agrees_and_messages_say_so(db_periode, kinerja, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "2000")
    _pakai_alur(kinerja)
    assert impor(kinerja, tmp_path, [*skp(SEKDA), *skp(STAF1)], "a.xlsx").exit_code == 0
    r = kinerja("sasaran", "ajukan", SEKDA, "--periode", "2026")
    teks = " ".join(r.stderr.split())
    assert r.exit_code == 0 and "kepada atasan langsung" not in teks
    assert "tidak punya atasan langsung di daftar pegawai, jadi belum ada yang dapat menyetujuinya" in teks
    assert f"kinerja pegawai atasan-luar {SEKDA}" in teks
    d = {x["nip"]: x for x in kinerja("nilai", "--periode", "2026", "--format", "json").json()}
    assert "skp_belum_disetujui" not in d[SEKDA]["catatan"]  # nobody could agree yet
    r = kinerja("pegawai", "atasan-luar", SEKDA, "--nama", "H. Erman Safar", "--jabatan", "Wali Kota")
    assert r.exit_code == 0 and "H. Erman Safar (Wali Kota)" in r.stderr, r.output
    assert q(db_periode, "SELECT tabel, aksi FROM audit ORDER BY id DESC LIMIT 1") == [
        {"tabel": "atasan_luar", "aksi": "tambah"}]
    d = {x["nip"]: x for x in kinerja("nilai", "--periode", "2026", "--format", "json").json()}
    assert "skp_belum_disetujui" in d[SEKDA]["catatan"]  # now someone can agree: flagged until agreed
    r = kinerja("sasaran", "setujui", SEKDA, "--periode", "2026", "--oleh", KADIS)
    assert r.exit_code == 1 and "di luar daftar pegawai, H. Erman Safar (Wali Kota), bukan oleh" in " ".join(r.stderr.split())
    r = kinerja("sasaran", "setujui", SEKDA, "--periode", "2026", "--tanggal", "20/01/2026")
    assert r.exit_code == 0, r.output
    assert "disetujui oleh H. Erman Safar (Wali Kota) pada 20 Januari 2026" in " ".join(r.stderr.split())
    assert status_di_db(db_periode, SEKDA)["oleh"] == "H. Erman Safar (Wali Kota)"
    d = {x["nip"]: x for x in kinerja("nilai", "--periode", "2026", "--format", "json").json()}
    assert "skp_belum_disetujui" not in d[SEKDA]["catatan"]
    # an employee with an atasan in the roster: the ajukan message names that atasan; --oleh is needed
    r = kinerja("sasaran", "ajukan", STAF1, "--periode", "2026")
    assert "diajukan kepada atasan langsung, Budi Santoso, S.E. (198001012005011002)" in " ".join(r.stderr.split())
    r = kinerja("sasaran", "setujui", STAF1, "--periode", "2026")
    assert r.exit_code == 1 and f"--oleh {KADIS}" in r.stderr
