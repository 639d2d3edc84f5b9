"""Backups that can be trusted (written under a temporary name, verified, then renamed; a killed
backup leaves no file under the backup's name) and `kinerja pulihkan`."""

from __future__ import annotations

import getpass
import os
import re
import signal
import sqlite3
import subprocess
import sys

import pytest
from bantu_cadangan import rusak_halaman, satu_berkas, siapkan
from conftest import buat_xlsx
from kait import dengan_kait


def _sementara(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~"))


def _jumlah(p, tabel):
    with sqlite3.connect(p) as c:
        n = c.execute(f"SELECT COUNT(*) FROM {tabel}").fetchone()[0]
    c.close()
    return n


def test_backup_says_what_it_wrote_and_leaves_no_temporary_file(db_siap, kinerja, tmp_path):
    siapkan(kinerja, db_siap)
    folder = tmp_path / "usb"
    folder.mkdir()
    r = kinerja("cadangan", folder / "k.db")
    assert r.exit_code == 0, r.output
    assert "diperiksa" in r.stderr and "5 pegawai, 1 periode, 5 baris SKP, 4 realisasi" in r.stderr
    from kinerja_cli.store.skema import nama_dikenal

    assert f"skema {nama_dikenal()[-1]}" in r.stderr  # the newest migration (0001_awal until issue 15)
    assert os.listdir(folder) == ["k.db"]
    assert _jumlah(folder / "k.db", "sasaran") == 5
    with sqlite3.connect(folder / "k.db") as c:  # one self-contained file, intact
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    c.close()


def _jalankan_lalu_bunuh(args, env, tmp_path):
    p = subprocess.Popen([sys.executable, "-m", "kinerja_cli", *map(str, args)], env=dengan_kait(env), cwd=tmp_path,
                         stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        baris = p.stderr.readline()
        assert "KINERJA_UJI: menunggu di tengah cadangan" in baris, baris + p.stderr.read()
        os.kill(p.pid, signal.SIGKILL)
        p.wait(timeout=30)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    return p


def test_backup_killed_mid_copy_leaves_no_backup_and_is_cleaned_up(db_siap, kinerja, tmp_path):
    siapkan(kinerja, db_siap)
    folder = tmp_path / "usb"
    folder.mkdir()
    env = {**os.environ, "KINERJA_DB": str(db_siap), "KINERJA_UJI_JEDA_CADANGAN": "30"}
    _jalankan_lalu_bunuh(["cadangan", folder / "k.db"], env, tmp_path)
    assert not (folder / "k.db").exists()  # the backup's name never points at a partial copy
    sisa = _sementara(folder)
    assert sisa and all(re.fullmatch(r"\.~cadangan-\d+-.*\.tmp(-journal)?", n) for n in sisa), sisa
    r = kinerja("pulihkan", folder / sisa[0], "--ya")  # nor is the leftover usable as one
    assert r.exit_code == 1 and "tidak diubah" in r.stderr
    r = kinerja("cadangan", folder / "k.db")
    assert r.exit_code == 0, r.output
    assert os.listdir(folder) == ["k.db"]  # the killed run's temporary file is gone
    assert _jumlah(folder / "k.db", "pegawai") == 5


def test_restore_replaces_keeps_a_safety_copy_and_logs(db_siap, kinerja, tmp_path):
    siapkan(kinerja, db_siap)
    cadangan = tmp_path / "cadangan.db"
    assert kinerja("cadangan", cadangan).exit_code == 0
    assert kinerja("periode", "buat", "2027").exit_code == 0  # after the backup: lost by the restore
    r = kinerja("pulihkan", cadangan, "--ya")
    assert r.exit_code == 0, r.output
    assert "dipulihkan dari" in r.stderr and "5 pegawai, 1 periode" in r.stderr
    pengaman = [p for p in tmp_path.iterdir() if p.name.startswith("uji.db.sebelum-pulihkan-")]
    assert len(pengaman) == 1 and re.fullmatch(r"uji\.db\.sebelum-pulihkan-\d{8}-\d{6}", pengaman[0].name)
    assert pengaman[0].name in r.stderr
    assert (os.stat(pengaman[0]).st_mode & 0o777) == 0o600
    with sqlite3.connect(pengaman[0]) as c:  # the safety copy holds the replaced data, in one file
        assert {r[0] for r in c.execute("SELECT kode FROM periode")} == {"2026", "2027"}
    c.close()
    assert [p["kode"] for p in kinerja("periode", "daftar", "--format", "json").json()] == ["2026"]
    log = kinerja("riwayat", "--format", "json", "--batas", "1").json()[0]
    assert log["aksi"] == "pulihkan" and log["pengguna"] == getpass.getuser()
    assert str(cadangan) in log["baru"] and pengaman[0].name in log["baru"]
    assert _sementara(tmp_path) == []
    assert kinerja("periksa").exit_code == 0


def test_restore_of_a_damaged_database_from_the_last_backup(db_siap, kinerja, tmp_path):
    siapkan(kinerja, db_siap)
    cadangan = tmp_path / "cadangan.db"
    assert kinerja("cadangan", cadangan).exit_code == 0
    satu_berkas(db_siap)
    rusak_halaman(db_siap, "pegawai")
    assert kinerja("pegawai", "daftar").exit_code == 1
    r = kinerja("pulihkan", cadangan, "--ya")
    assert r.exit_code == 0, r.output
    assert len(kinerja("pegawai", "daftar", "--format", "json").json()) == 5
    assert len([p for p in tmp_path.iterdir() if ".sebelum-pulihkan-" in p.name]) == 1


def test_restore_without_a_terminal_needs_ya(db_siap, kinerja, tmp_path):
    cadangan = tmp_path / "cadangan.db"
    assert kinerja("cadangan", cadangan).exit_code == 0
    satu_berkas(db_siap)
    sebelum = db_siap.read_bytes()
    r = kinerja("pulihkan", cadangan)
    assert r.exit_code == 1 and "--ya" in r.stderr and "tidak diubah" in r.stderr
    assert db_siap.read_bytes() == sebelum
    assert not [p for p in tmp_path.iterdir() if ".sebelum-pulihkan-" in p.name or p.name.startswith(".~")]


def _rusak_cadangan(p):
    rusak_halaman(p, "pegawai")


BURUK = {
    "rusak": (_rusak_cadangan, "rusak"),
    "0 bita": (lambda p: p.write_bytes(b""), "0 bita"),
    "xlsx": (lambda p: (p.unlink(), buat_xlsx(p, {"Pegawai": [["NIP"]]})), "buku kerja Excel"),
    "sqlite lain": (lambda p: (p.unlink(), sqlite3.connect(p).execute("CREATE TABLE t (a)").connection.commit()),
                    "bukan basis data kinerja"),
    "tidak ada": (lambda p: p.unlink(), "tidak ada"),
}


@pytest.mark.parametrize("jenis", list(BURUK))
def test_a_bad_backup_is_refused_and_the_database_left_alone(db_siap, kinerja, tmp_path, jenis):
    cadangan = tmp_path / "cadangan.db"
    assert kinerja("cadangan", cadangan).exit_code == 0
    rusakkan, pesan = BURUK[jenis]
    rusakkan(cadangan)
    satu_berkas(db_siap)
    sebelum = db_siap.read_bytes()
    r = kinerja("pulihkan", cadangan, "--ya")
    assert r.exit_code == 1 and pesan in r.stderr and "tidak diubah" in r.stderr, r.stderr
    assert "Traceback" not in r.output
    assert db_siap.read_bytes() == sebelum
    assert not [p for p in tmp_path.iterdir() if ".sebelum-pulihkan-" in p.name or p.name.startswith(".~")]


def test_restore_refused_while_another_process_has_the_database_open(db_siap, kinerja, tmp_path, monkeypatch):
    cadangan = tmp_path / "cadangan.db"
    assert kinerja("cadangan", cadangan).exit_code == 0
    monkeypatch.setenv("KINERJA_BUSY_TIMEOUT", "0.2")
    lain = subprocess.Popen([sys.executable, "-c", "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]); "
                             "c.execute('SELECT COUNT(*) FROM pegawai').fetchall(); print('siap', flush=True); "
                             "time.sleep(30)", str(db_siap)], stdout=subprocess.PIPE, text=True)
    try:
        assert lain.stdout.readline().strip() == "siap"
        r = kinerja("pulihkan", cadangan, "--ya")
    finally:
        lain.kill()
        lain.wait()
    assert r.exit_code == 1 and "sedang dibuka proses lain" in r.stderr, r.output
    assert not [p for p in tmp_path.iterdir() if ".sebelum-pulihkan-" in p.name or p.name.startswith(".~")]


def test_restore_a_lost_database(db_siap, kinerja, tmp_path):
    cadangan = tmp_path / "cadangan.db"
    assert kinerja("cadangan", cadangan).exit_code == 0
    hilang = tmp_path / "baru" / "kinerja.db"
    hilang.parent.mkdir()
    r = kinerja("pulihkan", cadangan, "--ya", "--db", hilang)
    assert r.exit_code == 0, r.output
    assert len(kinerja("pegawai", "daftar", "--format", "json", "--db", hilang).json()) == 5
    assert (os.stat(hilang).st_mode & 0o777) == 0o600
    assert os.listdir(hilang.parent) == ["kinerja.db"] or set(os.listdir(hilang.parent)) <= {
        "kinerja.db", "kinerja.db-wal", "kinerja.db-shm"}


def test_backup_temp_files_of_a_running_backup_are_kept(tmp_path):
    from kinerja_cli.store.cadangan import bersihkan_sisa

    hidup = tmp_path / f".~cadangan-{os.getppid()}-abc.tmp"  # pid of a live process
    mati = subprocess.Popen([sys.executable, "-c", "pass"])
    mati.wait()
    yatim = tmp_path / f".~cadangan-{mati.pid}-def.tmp"
    for p in (hidup, yatim, tmp_path / "bukan.tmp"):
        p.write_bytes(b"x")
    assert bersihkan_sisa(tmp_path) == [yatim]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([hidup.name, "bukan.tmp"])


def test_backup_while_another_process_writes_is_one_consistent_snapshot(db_siap, kinerja, tmp_path):
    siapkan(kinerja, db_siap)
    env = {**os.environ, "KINERJA_DB": str(db_siap)}
    p = subprocess.Popen([sys.executable, "-m", "kinerja_cli", "cadangan", str(tmp_path / "k.db")],
                         env=dengan_kait({**env, "KINERJA_UJI_JEDA_CADANGAN": "1"}), stderr=subprocess.PIPE, text=True)
    try:
        assert "KINERJA_UJI: menunggu di tengah cadangan" in p.stderr.readline()
        tulis = subprocess.run([sys.executable, "-m", "kinerja_cli", "periode", "buat", "2027"], env=env,
                               capture_output=True, text=True, timeout=60)
        assert tulis.returncode == 0, tulis.stderr  # a writer is not blocked by the backup
        sisa = p.stderr.read()
        assert p.wait(timeout=60) == 0, sisa
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    assert "1 periode" in sisa
    with sqlite3.connect(tmp_path / "k.db") as c:  # the state when the backup began, whole
        assert [r[0] for r in c.execute("SELECT kode FROM periode")] == ["2026"]
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    c.close()
