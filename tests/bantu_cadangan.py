"""Helpers for backup/restore and damaged-database tests: a database with a period of data in one
self-contained file, and ways to damage it as a disk or an interrupted copy would."""

from __future__ import annotations

import gc
import sqlite3
from pathlib import Path

from data_nilai import isi

KEPALA = 100  # the SQLite file header: damage goes after it, into the tables' pages


def siapkan(kinerja, db_path: Path) -> Path:
    """db_siap's roster plus period 2026 with targets, realisations and behaviour scores, with the
    WAL folded in so the whole database lives in the one file."""
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_path)
    satu_berkas(db_path)
    return db_path


def satu_berkas(p: Path) -> None:
    """Fold the WAL into the main file and leave WAL mode. SQLite only leaves WAL mode when no other
    connection has the file open; the in-process commands' connections are closed by the test
    runner (conftest._jalankan) and data_nilai.isi closes its own, so the garbage collector (0.1 s
    a call) is only asked to drop a connection something else left behind when the switch was refused."""
    for _ in range(2):
        c = sqlite3.connect(p)
        try:
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            mode = c.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        except sqlite3.OperationalError as e:  # "database is locked": another connection is still open
            mode = str(e)
        finally:
            c.close()
        if mode == "delete":
            break
        gc.collect()  # a connection left behind (an unclosed sqlite3 connection is a reference cycle)
    assert mode == "delete" and not Path(f"{p}-wal").exists(), mode


def halaman_akar(p: Path) -> dict[str, int]:
    with sqlite3.connect(p) as c:
        hasil = dict(c.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'table'"))
        ukuran = c.execute("PRAGMA page_size").fetchone()[0]
    c.close()
    return {t: (h - 1) * ukuran for t, h in hasil.items()}


def rusak_halaman(p: Path, *tabel: str) -> None:
    """Overwrite the b-tree header of the tables' root pages (in the middle of the file, never the
    file header), as a bad sector would."""
    awal = halaman_akar(p)
    with open(p, "r+b") as f:
        for t in tabel:
            assert awal[t] >= KEPALA
            f.seek(awal[t])
            f.write(b"\x0d\xff\xff\x7f\x7f" + b"\xa5" * 40)


def potong(p: Path, bagian: float = 0.5) -> None:
    """A file cut short (a copy that stopped half-way)."""
    data = p.read_bytes()
    p.write_bytes(data[: int(len(data) * bagian)])
