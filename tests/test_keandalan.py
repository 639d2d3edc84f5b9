"""Crash safety and concurrency, with real processes on a real database file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import HEADER_PEGAWAI, SEKDA, buat_xlsx
from kait import dengan_kait

_BESIDE = Path(sys.executable).parent / "kinerja"
KINERJA = [str(_BESIDE)] if _BESIDE.exists() else [sys.executable, "-m", "kinerja_cli"]



def _roster(path: Path, n: int, unit: str, tahun: int = 1970) -> Path:
    rows = [HEADER_PEGAWAI]
    for i in range(n):
        y = tahun + i // 999
        nip = f"{y:04d}0101{y + 25:04d}011{i % 999 + 1:03d}"
        rows.append([nip, f"Pegawai {unit} {i}", "Staf", "pelaksana", "II/a", unit, SEKDA, "PNS"])
    return buat_xlsx(path, {"Pegawai": rows})


def _keadaan(db: Path) -> tuple:
    with sqlite3.connect(db) as c:
        return (c.execute("PRAGMA integrity_check").fetchone()[0], c.execute("SELECT COUNT(*) FROM pegawai").fetchone()[0],
                c.execute("SELECT COUNT(*) FROM audit").fetchone()[0])


def _init(kinerja, db: Path) -> Path:
    """`kinerja init` in-process (what is tested runs in the child processes; the set-up needs no
    interpreter of its own)."""
    assert kinerja("init").exit_code == 0
    return db


def _env(db: Path, **extra) -> dict:
    return dengan_kait({**os.environ, "KINERJA_DB": str(db), **extra})  # KINERJA_UJI_*: tests/kait


def test_import_killed_before_commit_leaves_database_unchanged(kinerja, db_path, tmp_path):
    db = _init(kinerja, db_path)
    f = _roster(tmp_path / "besar.xlsx", 3000, "Dinas A")
    sebelum = _keadaan(db)
    p = subprocess.Popen([*KINERJA, "pegawai", "impor", str(f)], env=_env(db, KINERJA_UJI_JEDA_COMMIT="30"),
                         stderr=subprocess.PIPE, text=True)
    baris = p.stderr.readline()  # printed after every row was written, before COMMIT
    assert "sebelum COMMIT" in baris
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    assert _keadaan(db) == sebelum == ("ok", 0, 0)
    # and the next run works normally
    r = subprocess.run([*KINERJA, "pegawai", "impor", str(f)], env=_env(db), capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert _keadaan(db)[:2] == ("ok", 3000)


def test_two_imports_at_once_both_land(kinerja, db_path, tmp_path):
    db = _init(kinerja, db_path)
    a = _roster(tmp_path / "a.xlsx", 800, "Dinas A", 1960)
    b = _roster(tmp_path / "b.xlsx", 800, "Dinas B", 1975)
    procs = [subprocess.Popen([*KINERJA, "pegawai", "impor", str(f)], env=_env(db), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for f in (a, b)]
    hasil = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], hasil
    assert _keadaan(db) == ("ok", 1600, 1600)


def test_lock_held_too_long_gives_clear_message(kinerja, db_path, tmp_path):
    db = _init(kinerja, db_path)
    f = _roster(tmp_path / "a.xlsx", 5, "Dinas A")
    pemegang = sqlite3.connect(db, isolation_level=None)
    pemegang.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        r = subprocess.run([*KINERJA, "pegawai", "impor", str(f)], env=_env(db, KINERJA_BUSY_TIMEOUT="0.2"),
                           capture_output=True, text=True, timeout=60)
    finally:
        pemegang.execute("ROLLBACK")
        pemegang.close()
    assert r.returncode == 1
    assert "sedang dipakai proses lain" in r.stderr and "Traceback" not in r.stderr
    assert _keadaan(db) == ("ok", 0, 0)


def test_reader_during_import_waits_or_reads_consistently(kinerja, db_path, tmp_path):
    db = _init(kinerja, db_path)
    f = _roster(tmp_path / "a.xlsx", 1500, "Dinas A")
    p = subprocess.Popen([*KINERJA, "pegawai", "impor", str(f)], env=_env(db), stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    jumlah = []
    while p.poll() is None:
        r = subprocess.run([*KINERJA, "pegawai", "daftar", "--format", "csv"], env=_env(db), capture_output=True,
                           text=True)
        assert r.returncode == 0, r.stderr
        jumlah.append(len(r.stdout.splitlines()) - 1)
        time.sleep(0.05)
    assert p.returncode == 0
    assert set(jumlah) <= {0, 1500}  # never a half-written roster


def test_close_killed_before_commit_leaves_period_open_and_no_snapshot(kinerja, db_path, tmp_path):
    db = _init(kinerja, db_path)
    f = _roster(tmp_path / "a.xlsx", 300, "Dinas A")
    assert kinerja("pegawai", "impor", f).exit_code == 0
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    sebelum = _keadaan(db)
    p = subprocess.Popen([*KINERJA, "periode", "tutup", "2026", "--ya"], env=_env(db, KINERJA_UJI_JEDA_COMMIT="30"),
                         stderr=subprocess.PIPE, text=True)
    assert "sebelum COMMIT" in p.stderr.readline()  # the snapshot of 300 people is written, not committed
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    assert _keadaan(db) == sebelum
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT status FROM periode WHERE kode = '2026'").fetchone()[0] == "terbuka"
        assert c.execute("SELECT COUNT(*) FROM hasil_snapshot").fetchone()[0] == 0
    r = subprocess.run([*KINERJA, "periode", "tutup", "2026", "--ya"], env=_env(db), capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("nilai", ["abc", "", "-1", "nan", "1e9"])
def test_a_bad_busy_timeout_is_explained(db_siap, kinerja, monkeypatch, nilai):
    monkeypatch.setenv("KINERJA_BUSY_TIMEOUT", nilai)
    r = kinerja("pegawai", "daftar")
    assert r.exit_code == 1 and "KINERJA_BUSY_TIMEOUT" in r.stderr and "bukan jumlah detik" in r.stderr
    assert "Traceback" not in r.output


def test_busy_timeout_with_a_comma_is_read(db_siap, kinerja, monkeypatch):
    monkeypatch.setenv("KINERJA_BUSY_TIMEOUT", "2,5")
    assert kinerja("pegawai", "daftar").exit_code == 0
