"""Persetujuan SKP: the state machine (ajukan/setujui/kembalikan), who may agree, row changes sending an
agreed SKP back to draf, the `Status SKP` column, `kinerja status` and the `skp_belum_disetujui` flag.

Real database, real workbooks, the CLI in-process; states and the audit log read back with sqlite3.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2, buat_xlsx

H = ["NIP", "Nama", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)", "Status SKP"]
STATUS = ("draf", "diajukan", "disetujui", "dikembalikan")


def baris(nip, rhk, bobot, status=None, target=10):
    return [nip, "x", None, rhk, f"Indikator {rhk}", target, "dokumen", bobot, status]


def skp(nip, status=None, bobot=(60, 40)):
    return [baris(nip, f"RHK {i}", b, status) for i, b in enumerate(bobot, start=1)]


def q(db_path, sql, *args):
    with sqlite3.connect(db_path) as c:
        c.row_factory = sqlite3.Row
        return [dict(r) for r in c.execute(sql, args)]


def n_audit(db_path):
    return q(db_path, "SELECT COUNT(*) AS n FROM audit")[0]["n"]


def status_di_db(db_path, nip):
    r = q(db_path, "SELECT status, oleh, tanggal, alasan FROM skp_status WHERE periode = '2026' AND nip = ?", nip)
    return r[0] if r else None


def impor(kinerja, tmp_path, rows, nama="skp.xlsx", *opsi):
    f = buat_xlsx(tmp_path / nama, {"Sasaran": [H, *rows]})
    return kinerja("sasaran", "impor", f, "--periode", "2026", *opsi)


def set_status(db_path, nip, status, oleh=None, alasan=None):
    with sqlite3.connect(db_path) as c:
        c.execute("INSERT OR REPLACE INTO skp_status VALUES ('2026', ?, ?, ?, '2026-01-10', ?)",
                  [nip, status, oleh, alasan])


@pytest.fixture
def siap(db_periode, kinerja, tmp_path, monkeypatch):
    """Period 2026 using the agreement workflow, with an SKP (bobot 100) for every employee of the small
    roster; no state rows yet."""
    monkeypatch.setenv("COLUMNS", "2000")
    assert kinerja("periode", "ubah", "2026", "--persetujuan-skp", "ya").exit_code == 0
    r = impor(kinerja, tmp_path, [*skp(SEKDA), *skp(KADIS), *skp(STAF1), *skp(STAF2), *skp(PPPK1)], "awal.xlsx")
    assert r.exit_code == 0, r.output
    assert q(db_periode, "SELECT COUNT(*) AS n FROM skp_status")[0]["n"] == 0
    return db_periode


def ajukan(kinerja, nip=STAF1):
    return kinerja("sasaran", "ajukan", nip, "--periode", "2026")


def setujui(kinerja, nip=STAF1, oleh=KADIS, *opsi):
    return kinerja("sasaran", "setujui", nip, "--periode", "2026", "--oleh", oleh, *opsi)


def kembalikan(kinerja, nip=STAF1, oleh=KADIS, alasan="target RHK 2 terlalu rendah"):
    return kinerja("sasaran", "kembalikan", nip, "--periode", "2026", "--oleh", oleh, "--alasan", alasan)


PERINTAH = {"ajukan": ajukan, "setujui": setujui, "kembalikan": kembalikan}
BOLEH = {("draf", "ajukan"): "diajukan", ("dikembalikan", "ajukan"): "diajukan",
         ("diajukan", "setujui"): "disetujui", ("diajukan", "kembalikan"): "dikembalikan"}
LANGKAH = {"draf": "kinerja sasaran ajukan", "diajukan": "kinerja sasaran setujui",
           "disetujui": "tidak ada langkah berikutnya", "dikembalikan": "kinerja sasaran ajukan"}


@pytest.mark.parametrize("awal", STATUS)
@pytest.mark.parametrize("perintah", list(PERINTAH))
def test_every_state_and_command(siap, kinerja, awal, perintah):
    if awal != "draf":  # draf: rows and no state row at all
        set_status(siap, STAF1, awal, KADIS if awal in ("disetujui", "dikembalikan") else None)
    sebelum, audit0 = status_di_db(siap, STAF1), n_audit(siap)
    r = PERINTAH[perintah](kinerja)
    tujuan = BOLEH.get((awal, perintah))
    if tujuan:
        assert r.exit_code == 0, r.output
        st = status_di_db(siap, STAF1)
        assert st["status"] == tujuan
        assert st["oleh"] == (STAF1 if perintah == "ajukan" else KADIS)
        assert st["alasan"] == ("target RHK 2 terlalu rendah" if perintah == "kembalikan" else None)
        log = q(siap, "SELECT tabel, kunci, aksi, lama, baru, nip FROM audit WHERE id > (SELECT MAX(id) - 1 FROM audit)")
        assert n_audit(siap) == audit0 + 1
        e = log[0]
        assert (e["tabel"], e["kunci"], e["aksi"], e["nip"]) == ("skp_status", f"2026/{STAF1}", "ubah", STAF1)
        assert json.loads(e["lama"])["status"] == awal
        assert json.loads(e["baru"]) == st
    else:
        assert r.exit_code == 1, r.output
        assert f"berstatus {awal}" in r.stderr and LANGKAH[awal] in r.stderr, r.stderr
        assert "Traceback" not in r.output
        assert status_di_db(siap, STAF1) == sebelum and n_audit(siap) == audit0


def test_agree_to_draft_says_submit_first(siap, kinerja):
    r = setujui(kinerja)
    assert r.exit_code == 1
    assert "berstatus draf" in r.stderr and "hanya dapat menyetujui SKP yang sudah diajukan" in r.stderr
    assert f"kinerja sasaran ajukan {STAF1} --periode 2026" in r.stderr


def test_full_cycle_with_date_and_listing(siap, kinerja):
    assert ajukan(kinerja).exit_code == 0
    assert kembalikan(kinerja).exit_code == 0
    r = ajukan(kinerja)
    assert r.exit_code == 0 and "sebelumnya dikembalikan" in r.stderr
    r = setujui(kinerja, STAF1, KADIS, "--tanggal", "2026-01-15")
    assert r.exit_code == 0 and "disetujui oleh Budi Santoso, S.E." in r.stderr
    assert status_di_db(siap, STAF1) == {"status": "disetujui", "oleh": KADIS, "tanggal": "2026-01-15", "alasan": None}
    log = q(siap, "SELECT lama, baru FROM audit WHERE tabel = 'skp_status' ORDER BY id")
    assert [(json.loads(x["lama"])["status"], json.loads(x["baru"])["status"]) for x in log] == [
        ("draf", "diajukan"), ("diajukan", "dikembalikan"), ("dikembalikan", "diajukan"), ("diajukan", "disetujui")]
    assert json.loads(log[1]["baru"])["alasan"] == "target RHK 2 terlalu rendah"
    d = {x["nip"]: x for x in kinerja("sasaran", "status", "--periode", "2026", "--format", "json").json()}
    assert set(d) == {SEKDA, KADIS, STAF1, STAF2, PPPK1}
    assert d[STAF1] == {"nip": STAF1, "nama": "Citra Lestari", "unit": "DPMPTSP", "baris_skp": 2, "status": "disetujui",
                        "oleh": KADIS, "nama_oleh": "Budi Santoso, S.E.", "tanggal": "2026-01-15", "alasan": None}
    assert d[STAF2]["status"] == "draf" and d[STAF2]["oleh"] is None
    r = kinerja("sasaran", "status", "--periode", "2026", "--unit", "DPMPTSP", "--format", "csv")
    assert r.stdout.splitlines()[0] == "nip,nama,unit,baris_skp,status,oleh,nama_oleh,tanggal,alasan"
    assert len(r.stdout.splitlines()) == 5
    r = kinerja("sasaran", "status", "--periode", "2026")
    assert r.exit_code == 0 and "draf 4, diajukan 0, disetujui 1, dikembalikan 0" in r.stdout
    r = setujui(kinerja, STAF2, KADIS, "--tanggal", "15-15-2026")
    assert r.exit_code == 1 and "--tanggal" in r.stderr


def test_who_may_agree_or_return(siap, kinerja):
    assert ajukan(kinerja).exit_code == 0
    audit0 = n_audit(siap)
    for oleh, siapa in ((STAF2, "bukan oleh Dewi Sartika"), (STAF1, "bukan oleh pegawai itu sendiri"),
                        (SEKDA, "bukan oleh Drs. H. Ahmad Yani")):
        for r in (setujui(kinerja, STAF1, oleh), kembalikan(kinerja, STAF1, oleh)):
            assert r.exit_code == 1, r.output
            assert f"atasan langsungnya, Budi Santoso, S.E. ({KADIS})" in r.stderr and siapa in r.stderr
            assert f"--oleh {KADIS}" in r.stderr
    r = setujui(kinerja, STAF1, "199912312020121999")
    assert r.exit_code == 1 and "tidak ada di basis data" in r.stderr
    assert status_di_db(siap, STAF1)["status"] == "diajukan" and n_audit(siap) == audit0
    assert setujui(kinerja, STAF1, "19800101 200501 1 002").exit_code == 0  # the atasan, typed with spaces
    assert status_di_db(siap, STAF1)["oleh"] == KADIS
    # the Sekda has no atasan in the roster: nobody in kinerja can agree
    assert ajukan(kinerja, SEKDA).exit_code == 0
    r = setujui(kinerja, SEKDA, KADIS)
    assert r.exit_code == 1 and "tidak punya atasan langsung" in r.stderr


def test_submit_needs_bobot_100(siap, kinerja, tmp_path):
    assert kinerja("sasaran", "tambah", STAF2, "--periode", "2026", "--rhk", "Tambahan", "--indikator", "i",
                   "--target", "1", "--bobot", "12,5").exit_code == 0
    audit0 = n_audit(siap)
    r = ajukan(kinerja, STAF2)
    assert r.exit_code == 1 and "jumlah bobotnya 112.5, harus 100" in r.stderr
    assert status_di_db(siap, STAF2) is None and n_audit(siap) == audit0
    r = ajukan(kinerja, "199912312020121999")
    assert r.exit_code == 1 and "tidak ada di basis data" in r.stderr
    assert kinerja("pegawai", "impor", buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": [
        ["NIP", "Nama", "Unit Kerja", "NIP Atasan"], ["199505052020122006", "Baru", "DPMPTSP", KADIS]]})).exit_code == 0
    r = ajukan(kinerja, "199505052020122006")
    assert r.exit_code == 1 and "belum punya SKP periode 2026" in r.stderr


def test_return_needs_a_reason(siap, kinerja):
    assert ajukan(kinerja).exit_code == 0
    audit0 = n_audit(siap)
    r = kembalikan(kinerja, STAF1, KADIS, "   ")
    assert r.exit_code == 1 and "Alasan mengembalikan SKP wajib diisi" in r.stderr
    r = kinerja("sasaran", "kembalikan", STAF1, "--periode", "2026", "--oleh", KADIS)
    assert r.exit_code == 2
    assert status_di_db(siap, STAF1)["status"] == "diajukan" and n_audit(siap) == audit0


def test_closed_period_refused(siap, kinerja):
    assert ajukan(kinerja).exit_code == 0
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    audit0 = n_audit(siap)
    for r in (setujui(kinerja), kembalikan(kinerja), ajukan(kinerja, STAF2)):
        assert r.exit_code == 1 and "sudah ditutup" in r.stderr and "kinerja periode buka 2026" in r.stderr
    assert status_di_db(siap, STAF1)["status"] == "diajukan" and status_di_db(siap, STAF2) is None
    assert n_audit(siap) == audit0


def _setuju(kinerja, nip=STAF1):
    assert ajukan(kinerja, nip).exit_code == 0
    assert setujui(kinerja, nip, KADIS).exit_code == 0


def test_changed_rows_by_import_send_agreed_skp_back_to_draf(siap, kinerja, tmp_path):
    _setuju(kinerja, STAF1)
    assert ajukan(kinerja, STAF2).exit_code == 0
    set_status(siap, PPPK1, "dikembalikan", KADIS, "perbaiki target")
    # identical re-import: nothing changes, not even the audit log
    audit0 = n_audit(siap)
    r = impor(kinerja, tmp_path, [*skp(STAF1), *skp(STAF2), *skp(PPPK1)], "sama.xlsx")
    assert r.exit_code == 0 and "6 tetap" in r.stderr and "draf" not in r.stderr
    assert n_audit(siap) == audit0
    assert status_di_db(siap, STAF1)["status"] == "disetujui" and status_di_db(siap, STAF2)["status"] == "diajukan"
    # a dry run names them but writes nothing
    rows = [*skp(STAF1, bobot=(50, 50)), *skp(STAF2, bobot=(70, 30)), *skp(PPPK1, bobot=(50, 50))]
    r = impor(kinerja, tmp_path, rows, "uji.xlsx", "--dry-run")
    assert r.exit_code == 0 and "akan kembali ke draf" in r.stderr and n_audit(siap) == audit0
    r = impor(kinerja, tmp_path, rows, "ubah.xlsx")
    assert r.exit_code == 0, r.output
    teks = " ".join(r.stderr.split())
    assert "SKP 2 pegawai kembali ke draf" in teks
    assert f"Citra Lestari ({STAF1}, sebelumnya disetujui)" in teks
    assert f"Dewi Sartika ({STAF2}, sebelumnya diajukan)" in teks and "Eko Prasetyo" not in teks
    assert status_di_db(siap, STAF1)["status"] == "draf" and status_di_db(siap, STAF2)["status"] == "draf"
    assert status_di_db(siap, STAF1)["alasan"] == "baris SKP berubah"
    assert status_di_db(siap, PPPK1)["status"] == "dikembalikan"  # being fixed: stays until submitted again
    log = q(siap, "SELECT kunci, aksi, lama, baru, nip FROM audit WHERE tabel = 'skp_status' AND id > ? ORDER BY id",
            audit0)
    assert [(x["kunci"], json.loads(x["lama"])["status"], json.loads(x["baru"])["status"]) for x in log] == [
        (f"2026/{STAF1}", "disetujui", "draf"), (f"2026/{STAF2}", "diajukan", "draf")]
    assert json.loads(log[0]["lama"])["oleh"] == KADIS


def test_changed_row_by_tambah_sends_agreed_skp_back_to_draf(siap, kinerja):
    _setuju(kinerja)
    audit0 = n_audit(siap)
    opsi = ["--periode", "2026", "--rhk", "RHK 1", "--indikator", "Indikator RHK 1", "--target", "10", "--satuan",
            "dokumen", "--bobot", "60", "--nomor", "1"]
    r = kinerja("sasaran", "tambah", STAF1, *opsi)  # the same row again: no change
    assert r.exit_code == 0 and "sudah sama" in r.stderr and "draf" not in r.stderr
    assert status_di_db(siap, STAF1)["status"] == "disetujui" and n_audit(siap) == audit0
    opsi[opsi.index("--target") + 1] = "12"
    r = kinerja("sasaran", "tambah", STAF1, *opsi)
    assert r.exit_code == 0, r.output
    assert "kembali ke draf" in r.stderr and f"Citra Lestari ({STAF1}, sebelumnya disetujui)" in " ".join(r.stderr.split())
    assert status_di_db(siap, STAF1)["status"] == "draf"
    log = q(siap, "SELECT tabel, lama, baru FROM audit WHERE id > ? ORDER BY id", audit0)
    assert [x["tabel"] for x in log] == ["sasaran", "skp_status"]
    assert json.loads(log[1]["lama"])["status"] == "disetujui" and json.loads(log[1]["baru"])["status"] == "draf"
    assert ajukan(kinerja).exit_code == 0  # and the cycle starts again


def test_status_column_valid_values(siap, kinerja, tmp_path):
    set_status(siap, KADIS, "disetujui", SEKDA)
    rows = [*skp(STAF1, "DISETUJUI"), *skp(STAF2, " Diajukan "), *skp(PPPK1, "dikembalikan"),
            *skp(KADIS)]  # empty: KADIS keeps its state
    rows[1][8] = None  # one empty cell beside a filled one is fine
    audit0 = n_audit(siap)
    r = impor(kinerja, tmp_path, rows, "status.xlsx")
    assert r.exit_code == 0, r.output
    assert "status SKP 3 pegawai diubah dari kolom Status SKP" in r.stderr
    assert status_di_db(siap, STAF1)["status"] == "disetujui"
    assert status_di_db(siap, STAF1)["oleh"] == KADIS and status_di_db(siap, STAF1)["alasan"] == "dari impor berkas"
    assert status_di_db(siap, STAF2) == {**status_di_db(siap, STAF2), "status": "diajukan", "oleh": None}
    assert status_di_db(siap, PPPK1)["status"] == "dikembalikan" and status_di_db(siap, PPPK1)["oleh"] == KADIS
    assert status_di_db(siap, KADIS)["status"] == "disetujui" and status_di_db(siap, KADIS)["oleh"] == SEKDA
    log = q(siap, "SELECT kunci, lama, baru FROM audit WHERE id > ? ORDER BY id", audit0)
    assert [(json.loads(x["lama"])["status"], json.loads(x["baru"])["status"]) for x in log] == [
        ("draf", "disetujui"), ("draf", "diajukan"), ("draf", "dikembalikan")]
    # the same file again changes nothing; "draf" from a file never moves an agreed SKP back
    r = impor(kinerja, tmp_path, rows, "status2.xlsx")
    assert r.exit_code == 0 and "Status SKP" not in r.stderr and n_audit(siap) == audit0 + 3
    r = impor(kinerja, tmp_path, skp(STAF1, "draf"), "draf.xlsx")
    assert r.exit_code == 0 and status_di_db(siap, STAF1)["status"] == "disetujui"


def test_template_echo_does_not_reagree_changed_rows(siap, kinerja, tmp_path):
    """A pre-filled template carries 'disetujui'; when its rows were edited the SKP still goes back to draf."""
    _setuju(kinerja)
    r = impor(kinerja, tmp_path, skp(STAF1, "disetujui", bobot=(30, 70)), "templat.xlsx")
    assert r.exit_code == 0, r.output
    assert status_di_db(siap, STAF1)["status"] == "draf"
    teks = " ".join(r.stderr.split())
    assert "Status SKP 'disetujui' di berkas untuk Citra Lestari" in teks and "tidak diterapkan" in teks


def test_status_column_errors_write_nothing(siap, kinerja, tmp_path):
    audit0 = n_audit(siap)
    sebelum = q(siap, "SELECT * FROM sasaran ORDER BY nip, nomor")
    rows = [*skp(STAF1, "setuju", bobot=(50, 50)),
            baris(STAF2, "A", 50, "diajukan"), baris(STAF2, "B", 50, "disetujui"),
            *skp(SEKDA, "disetujui")]
    r = impor(kinerja, tmp_path, rows, "salah.xlsx")
    assert r.exit_code == 1
    e = " ".join(r.stderr.split())
    assert "Status SKP 'setuju' tidak dikenal" in e
    assert "Status SKP Dewi Sartika" in e and "tidak sama di semua barisnya: diajukan (baris 4), disetujui (baris 5)" in e
    assert "Status SKP 'disetujui' untuk Drs. H. Ahmad Yani" in e and "tidak punya atasan langsung" in e
    assert "Tidak ada data yang ditulis" in e
    assert n_audit(siap) == audit0 and q(siap, "SELECT * FROM sasaran ORDER BY nip, nomor") == sebelum
    assert q(siap, "SELECT COUNT(*) AS n FROM skp_status")[0]["n"] == 0
    # --lewati-galat keeps the good employees (and their states) only
    r = impor(kinerja, tmp_path, [*rows, *skp(PPPK1, "diajukan")], "salah2.xlsx", "--lewati-galat")
    assert r.exit_code == 0, r.output
    assert [x["nip"] for x in q(siap, "SELECT nip FROM skp_status")] == [PPPK1]


def test_readiness_counts_per_state(siap, kinerja):
    _setuju(kinerja, STAF1)
    assert ajukan(kinerja, STAF2).exit_code == 0
    set_status(siap, PPPK1, "dikembalikan", KADIS, "perbaiki")
    d = {u["unit"]: u for u in kinerja("status", "--periode", "2026", "--format", "json").json()}
    u = d["DPMPTSP"]
    assert (u["skp_draf"], u["skp_diajukan"], u["skp_disetujui"], u["skp_dikembalikan"]) == (1, 1, 1, 1)
    s = d["Sekretariat Daerah"]
    assert (s["skp_draf"], s["skp_diajukan"], s["skp_disetujui"], s["skp_dikembalikan"]) == (1, 0, 0, 0)
    p = {x["nip"]: x for x in kinerja("status", "--periode", "2026", "--rinci", "--format", "json").json()}
    assert {n: x["status_skp"] for n, x in p.items()} == {SEKDA: "draf", KADIS: "draf", STAF1: "disetujui",
                                                          STAF2: "diajukan", PPPK1: "dikembalikan"}
    assert "SKP belum disetujui atasan (diajukan)" in p[STAF2]["kurang"]
    assert "SKP belum disetujui" not in p[STAF1]["kurang"] and "SKP belum disetujui" not in p[SEKDA]["kurang"]
    r = kinerja("status", "--periode", "2026")
    assert r.exit_code == 0 and "Disetujui" in r.stdout
    # the unit filter does not change whether the period uses the workflow
    p = kinerja("status", "--periode", "2026", "--unit", "Sekretariat Daerah", "--format", "json").json()
    assert p[0]["status_skp"] == "draf"


def test_nilai_flags_skp_not_agreed(siap, kinerja):
    def catatan():
        r = kinerja("nilai", "--periode", "2026", "--format", "json")
        assert r.exit_code == 0, r.output
        return {x["nip"]: x for x in r.json()}

    # the workflow switched off: nobody is flagged
    assert kinerja("periode", "ubah", "2026", "--persetujuan-skp", "tidak").exit_code == 0
    assert all("skp_belum_disetujui" not in x["catatan"] for x in catatan().values())
    assert kinerja("periode", "ubah", "2026", "--persetujuan-skp", "ya").exit_code == 0
    _setuju(kinerja, STAF1)
    assert ajukan(kinerja, STAF2).exit_code == 0
    d = catatan()
    assert "skp_belum_disetujui" not in d[STAF1]["catatan"]
    assert "skp_belum_disetujui" in d[STAF2]["catatan"] and d[STAF2]["lengkap"] is False
    assert "skp_belum_disetujui" in d[PPPK1]["catatan"] and "skp_belum_disetujui" in d[KADIS]["catatan"]
    assert "skp_belum_disetujui" not in d[SEKDA]["catatan"]  # no atasan in the roster: nobody could agree
    r = kinerja("nilai", "--periode", "2026", "--unit", "DPMPTSP")
    assert r.exit_code == 0 and "SKP belum disetujui atasan" in r.stdout
