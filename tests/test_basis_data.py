"""Creating, finding, upgrading and refusing databases."""

from __future__ import annotations

import os
import sqlite3
import stat

from kinerja_cli.store.db import buat_db, buka_db
from kinerja_cli.store.skema import nama_dikenal


def test_init_creates_owner_only_file(kinerja, db_path):
    r = kinerja("init")
    assert r.exit_code == 0 and "dibuat" in r.stderr
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    r = kinerja("init")
    assert r.exit_code == 0 and "sudah ada" in r.stderr


def test_db_option_beats_env(kinerja, tmp_path, db_path):
    lain = tmp_path / "lain.db"
    assert kinerja("init", "--db", lain).exit_code == 0
    assert lain.exists() and not db_path.exists()


def test_missing_database_says_how_to_create(kinerja, db_path):
    r = kinerja("pegawai", "daftar")
    assert r.exit_code == 1
    assert "tidak ditemukan" in r.stderr and "kinerja init" in r.stderr


def test_newer_schema_refused_untouched(kinerja, db_path):
    kinerja("init")
    with sqlite3.connect(db_path) as c:
        c.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('kinerja', '9999_masa_depan', 'x')")
    sebelum = db_path.read_bytes()
    r = kinerja("pegawai", "daftar")
    assert r.exit_code == 1 and "lebih baru" in r.stderr
    assert db_path.read_bytes() == sebelum


def test_not_a_database(kinerja, db_path):
    db_path.write_text("ini bukan sqlite " * 100)
    r = kinerja("pegawai", "daftar")
    assert r.exit_code == 1 and "bukan basis data" in r.stderr


def test_older_schema_upgraded_in_place(tmp_path):
    p = tmp_path / "lama.db"
    buat_db(p)
    with sqlite3.connect(p) as c:  # pretend the newest migrations were never applied
        terakhir = nama_dikenal()[-1]
        if len(nama_dikenal()) > 1:
            c.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [terakhir])
    db = buka_db(p)
    assert [m for m in db["_sqlite_migrations"].rows] and set(nama_dikenal()) <= {
        r["name"] for r in db["_sqlite_migrations"].rows}
    db.close()
