"""The store's transactions: an autocommit connection where every write of data is one explicit
transaction (store.db.transaksi), TEMP staging without the write lock (store.db.sementara), the
guards held by the connection, the one audit-JSON writer, and no test hook in the program."""

from __future__ import annotations

import gc
import json
import sqlite3
import subprocess
import sys
import weakref
from decimal import Decimal
from pathlib import Path

import pytest

import kinerja_cli
from kinerja_cli.store import audit, audit_json, tampungan
from kinerja_cli.store.db import buka_db, jaga, sementara, transaksi

PENULIS_LAIN = """import sqlite3, sys
c = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
c.execute("BEGIN IMMEDIATE")
c.execute("INSERT INTO audit (waktu, pengguna, perintah, tabel, kunci, aksi) VALUES ('t', 'lain', 'lain', 'uji', 'lain', 'catatan')")
c.execute("COMMIT")
"""


@pytest.fixture
def db(kinerja, db_path):
    assert kinerja("init").exit_code == 0
    d = buka_db(db_path)
    yield d
    d.close()


def _kunci_audit(path: Path) -> list[str]:
    with sqlite3.connect(path) as c:
        return [r[0] for r in c.execute("SELECT kunci FROM audit WHERE tabel = 'uji' ORDER BY id")]


def test_a_write_is_never_left_in_a_transaction_sqlite3_opened_on_its_own(db, db_path):
    # autocommit connection: sqlite3 opens no implicit transaction that would hold the write lock
    # (and other processes waiting) until somebody remembers to commit
    audit.catat(db, "uji", "satu", "catatan")
    assert not db.conn.in_transaction
    assert _kunci_audit(db_path) == ["satu"]  # another connection sees it: committed
    with sqlite3.connect(db_path, timeout=0) as lain:
        lain.execute("BEGIN IMMEDIATE")  # and the write lock is free
        lain.rollback()


def test_sqlite_utils_helpers_commit_only_with_the_transaction(db, db_path):
    # Table.insert etc. wrap themselves in Database.atomic(): inside transaksi they are a savepoint of
    # it, never an early COMMIT of the command's transaction
    with transaksi(db):
        db["audit"].insert({"waktu": "t", "pengguna": "u", "perintah": "p", "tabel": "uji", "kunci": "a",
                            "aksi": "catatan"})
        db["audit"].insert_all([{"waktu": "t", "pengguna": "u", "perintah": "p", "tabel": "uji", "kunci": "b",
                                 "aksi": "catatan"}])
        assert _kunci_audit(db_path) == []  # not committed yet
    assert _kunci_audit(db_path) == ["a", "b"]
    with pytest.raises(RuntimeError):
        with transaksi(db):
            db["audit"].insert({"waktu": "t", "pengguna": "u", "perintah": "p", "tabel": "uji", "kunci": "c",
                                "aksi": "catatan"})
            raise RuntimeError("gagal")
    assert _kunci_audit(db_path) == ["a", "b"]  # rolled back as a whole
    assert not db.conn.in_transaction


def test_temp_staging_does_not_block_another_process_writing(db, db_path):
    tampungan.buat(db, "uji_tahap", "a, b")
    with sementara(db.conn):
        tampungan.tulis_banyak(db, "INSERT INTO temp.uji_tahap VALUES (?, ?)", [(i, f"x{i}") for i in range(5000)])
        db.conn.execute("UPDATE temp.uji_tahap SET b = 'y' WHERE a < 10")
        # another process takes the write lock at once (busy timeout 0) and commits
        lain = subprocess.run([sys.executable, "-c", PENULIS_LAIN, str(db_path)], capture_output=True, text=True,
                              timeout=30)
        assert lain.returncode == 0, lain.stderr
    assert not db.conn.in_transaction
    with transaksi(db):  # the command's own write transaction begins right after the staging
        audit.catat(db, "uji", "sendiri", "catatan")
    assert _kunci_audit(db_path) == ["lain", "sendiri"]
    assert db.conn.execute("SELECT COUNT(*), SUM(b = 'y') FROM temp.uji_tahap").fetchone() == (5000, 10)
    tampungan.hapus(db, "uji_tahap")


def test_staging_that_fails_is_rolled_back_and_leaves_no_transaction(db):
    tampungan.buat(db, "uji_tahap", "a")
    with pytest.raises(sqlite3.IntegrityError):
        with sementara(db.conn):
            db.conn.executemany("INSERT INTO temp.uji_tahap VALUES (?)", [(1,), (2,)])
            db.conn.execute("CREATE TEMP TABLE uji_unik (a PRIMARY KEY)")
            db.conn.executemany("INSERT INTO temp.uji_unik VALUES (?)", [(1,), (1,)])
    assert not db.conn.in_transaction
    assert db.conn.execute("SELECT COUNT(*) FROM temp.uji_tahap").fetchone()[0] == 0
    tampungan.hapus(db, ("uji_tahap", "uji_unik"))


def test_guards_belong_to_the_connection_and_refuse_its_write_transactions(db, db_path):
    dipanggil = []

    def tolak():
        dipanggil.append(1)
        raise RuntimeError("periode ditutup")

    jaga(db, "uji", tolak)
    assert not hasattr(db, "_kinerja_penjaga")  # nothing bolted on the sqlite-utils object
    with pytest.raises(RuntimeError):
        with transaksi(db):
            audit.catat(db, "uji", "x", "catatan")
    assert dipanggil == [1] and _kunci_audit(db_path) == []
    lain = buka_db(db_path)  # another connection: its own guards (none)
    try:
        with transaksi(lain):
            audit.catat(lain, "uji", "y", "catatan")
    finally:
        lain.close()
    assert _kunci_audit(db_path) == ["y"]
    # a guard that refers to its database does not keep the database alive after the command
    sendiri = buka_db(db_path)
    sisa = weakref.ref(sendiri.conn)
    jaga(sendiri, "lain", _memegang(sendiri))
    sendiri.close()
    del sendiri
    gc.collect()
    assert sisa() is None


def _memegang(db):
    return lambda: db


def test_the_program_carries_no_test_hook():
    # the pauses of the crash and concurrency tests live in tests/kait/sitecustomize.py
    akar = Path(kinerja_cli.__file__).parent
    berkas = [p.relative_to(akar) for p in akar.rglob("*.py") if "KINERJA_UJI" in p.read_text(encoding="utf-8")]
    assert berkas == []


ANEH = 'a "b" \\ c\x00\x01\x1f\x7f é – 中文 😀 \u2028 /'


@pytest.mark.parametrize("nilai", [
    (ANEH, None, 3, True, "95.5"),
    ("", "x", 0, False, None),
    (None, ANEH[::-1], -12, None, "1"),
])
def test_one_audit_writer_for_python_and_sql(nilai):
    kunci = ("rhk", "bukti", "nomor", "maks", "bobot")  # not sorted: the writer sorts them
    harap = json.dumps(dict(zip(kunci, nilai)), ensure_ascii=False, sort_keys=True)
    buat = audit_json.pembuat_objek(kunci)
    assert buat(nilai) == audit_json.objek(kunci, nilai) == audit.teks_json(dict(zip(kunci, nilai))) == harap
    c = sqlite3.connect(":memory:")
    audit_json.daftarkan(c, "uji_json", len(kunci), lambda *v: buat((*v[:3], None if v[3] is None else bool(v[3]),
                                                                      v[4])))
    assert c.execute("SELECT uji_json(?, ?, ?, ?, ?)", nilai).fetchone()[0] == harap
    c.close()


def test_audit_writer_hands_other_values_to_the_general_encoder():
    buat = audit_json.pembuat_objek(("b", "a"))
    for nilai in [(1.5, "x"), (Decimal("2.50"), None), ("x", [1, 2])]:
        assert buat(nilai) == json.dumps({"b": nilai[0], "a": nilai[1]}, ensure_ascii=False, sort_keys=True,
                                         default=str)
