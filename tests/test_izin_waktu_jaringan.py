"""Issue 12 section 10: folders kinerja creates are private, audit times are UTC and shown locally,
a database on a network drive or readable by others is warned about."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import STAF1
from data_nilai import isi

from kinerja_cli.berkas_aman import fs_jaringan

_BESIDE = Path(sys.executable).parent / "kinerja"
KINERJA = [str(_BESIDE)] if _BESIDE.exists() else [sys.executable, "-m", "kinerja_cli"]


@pytest.fixture
def umask_000():
    lama = os.umask(0)
    yield
    os.umask(lama)


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_demo_folder_is_private_under_umask_000(kinerja, tmp_path, umask_000):
    folder = tmp_path / "baru" / "kinerja-demo"
    r = kinerja("demo", "--folder", folder)
    assert r.exit_code == 0, r.output
    assert _mode(folder) == 0o700 and _mode(folder.parent) == 0o700


def test_document_folder_is_private_under_umask_000(db_siap, kinerja, tmp_path, umask_000):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_siap)
    folder = tmp_path / "dokumen-2026"
    r = kinerja("ekspor", "dokumen", "--unit", "DPMPTSP", "--periode", "2026", "--folder", folder)
    assert r.exit_code == 0, r.output
    assert _mode(folder) == 0o700
    assert all(_mode(p) == 0o600 for p in folder.iterdir())


def test_database_readable_by_others_is_warned_with_the_fix(db_siap, kinerja):
    os.chmod(db_siap, 0o644)
    r = kinerja("pegawai", "daftar", "--format", "json")
    assert r.exit_code == 0
    assert len(r.json()) == 5  # stdout stays pure JSON
    teks = " ".join(r.stderr.split())
    assert "dapat dibaca pengguna lain (izin 644)" in teks and f'chmod 600 "{db_siap}"' in teks
    os.chmod(db_siap, 0o600)
    assert "pengguna lain" not in kinerja("pegawai", "daftar").stderr


MOUNTS = """sysfs /sys sysfs rw,nosuid 0 0
/dev/sda2 / ext4 rw,relatime 0 0
/dev/sda3 /home ext4 rw,relatime 0 0
//fileserver/bkpsdm /mnt/bersama cifs rw,vers=3.0 0 0
nas:/export/kinerja /srv/data\\040kantor nfs4 rw 0 0
sshfs#pc:/x /media/jauh fuse.sshfs rw 0 0
"""


@pytest.mark.parametrize("path, jenis", [
    ("/mnt/bersama/kinerja.db", "cifs"),
    ("/mnt/bersama/sub/dalam/kinerja.db", "cifs"),
    ("/srv/data kantor/kinerja.db", "nfs4"),
    ("/media/jauh/k.db", "fuse.sshfs"),
    ("/home/bkpsdm/kinerja.db", None),
    ("/mnt/bersama-lokal/kinerja.db", None),  # a prefix of the name is not the mount point
    ("/tmp/kinerja.db", None),
])
def test_network_file_system_detection_from_the_mount_table(path, jenis):
    assert fs_jaringan(path, MOUNTS) == jenis


def test_network_drive_warned_once_on_every_writing_command_only(db_siap, kinerja, monkeypatch):
    import kinerja_cli.berkas_aman as ba

    asli = ba.fs_jaringan
    monkeypatch.setattr(ba, "fs_jaringan", lambda p, t=None: asli("/mnt/bersama/k.db", MOUNTS))
    r = kinerja("periode", "buat", "2026", "--metode", "pp30")  # writes
    assert r.exit_code == 0, r.output
    teks = " ".join(r.stderr.split())
    assert teks.count("berada di drive jaringan (cifs)") == 1
    assert "Simpan basis data di disk lokal" in teks and "hanya satu orang yang menulis pada satu waktu" in teks
    r = kinerja("pegawai", "daftar")  # reads only
    assert "drive jaringan" not in r.stderr


def _kinerja_tz(tz: str, *args, db: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "TZ": tz, "KINERJA_DB": str(db), "COLUMNS": "300"}
    return subprocess.run([*KINERJA, *map(str, args)], capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.skipif(not Path("/usr/share/zoneinfo/Asia/Jayapura").exists(), reason="no tz database")
def test_changes_from_pcs_in_other_time_zones_are_found_since_and_in_order(db_siap):
    """A change from a PC on WIT (UTC+9), then one from a PC on WIB (UTC+7): the WIB one was logged
    as local time two hours 'earlier', and riwayat --sejak on the WIT PC skipped it."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    awal = datetime.now(ZoneInfo("Asia/Jayapura")).replace(second=0, microsecond=0)
    r = _kinerja_tz("Asia/Jayapura", "periode", "buat", "2026", "--metode", "pp30", db=db_siap)
    assert r.returncode == 0, r.stderr
    r = _kinerja_tz("Asia/Jakarta", "periode", "buat", "2026-T1", "--metode", "pp30", db=db_siap)
    assert r.returncode == 0, r.stderr
    sejak = awal.strftime("%Y-%m-%d %H:%M")  # on the WIT PC, its own local time
    r = _kinerja_tz("Asia/Jayapura", "riwayat", "--sejak", sejak, "--format", "json", db=db_siap)
    assert r.returncode == 0, r.stderr
    baris = json.loads(r.stdout)
    kunci = [b["kunci"] for b in baris if b["tabel"] == "periode"]
    assert kunci == ["2026-T1", "2026"]  # both, newest first
    for b in baris:  # shown in the reader's local time, with its offset
        assert b["waktu"].endswith("+09:00"), b["waktu"]
    r = _kinerja_tz("Asia/Jakarta", "riwayat", "--sejak", sejak + "+09:00", db=db_siap)
    teks = r.stdout
    assert "2026-T1" in teks and " WIB" in teks and "WIT" not in teks
    import sqlite3

    with sqlite3.connect(db_siap) as c:  # stored as UTC with its offset
        w = c.execute("SELECT waktu FROM audit WHERE tabel = 'periode' ORDER BY id").fetchall()
    assert all(x[0].endswith("+00:00") for x in w)


def test_old_naive_audit_rows_still_filter_in_local_time(db_siap, kinerja):
    import sqlite3

    with sqlite3.connect(db_siap) as c:  # an entry written by an older version (naive local time)
        c.execute("INSERT INTO audit (waktu, pengguna, perintah, tabel, kunci, aksi, nip) "
                  "VALUES ('2020-05-01T10:00:00', 'lama', 'kinerja lama', 'pegawai', ?, 'ubah', ?)", [STAF1, STAF1])
    semua = kinerja("riwayat", "--format", "json").json()
    assert any(b["waktu"] == "2020-05-01T10:00:00" for b in semua)
    assert not any(b["pengguna"] == "lama" for b in kinerja("riwayat", "--sejak", "2020-05-02", "--format", "json").json())
    assert any(b["pengguna"] == "lama" for b in kinerja("riwayat", "--sejak", "2020-05-01", "--format", "json").json())
