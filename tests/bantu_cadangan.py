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
    gc.collect()  # connections the in-process commands left behind
    with sqlite3.connect(p) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        c.execute("PRAGMA journal_mode = DELETE")
    c.close()


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
