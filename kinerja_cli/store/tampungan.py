"""TEMP staging tables of the streaming importers (realisasi, perilaku).

An importer checks its rows one at a time and stages the good ones in a TEMP table of its own
connection, so a file of hundreds of thousands of rows never sits in Python memory. The real
tables are only written afterwards, in the command's one transaction; a refused import just
drops its staging tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .db import sementara

if TYPE_CHECKING:
    from sqlite_utils import Database


def buat(db: Database, nama: str | tuple[str, ...], kolom: str) -> None:
    """Fresh TEMP table(s) `nama`, all with `kolom` (dropped first if a previous run left them)."""
    hapus(db, nama)
    for n in (nama,) if isinstance(nama, str) else nama:
        db.conn.execute(f"CREATE TEMP TABLE {n} ({kolom})")


def hapus(db: Database, nama: str | tuple[str, ...]) -> None:
    for n in (nama,) if isinstance(nama, str) else nama:
        db.conn.execute(f"DROP TABLE IF EXISTS temp.{n}")


def tulis_banyak(db: Database, sql: str, rows) -> None:
    """executemany on a TEMP table, in one TEMP-only transaction (no write lock on the database file;
    inside a caller's transaction, part of it)."""
    with sementara(db.conn):
        db.conn.executemany(sql, rows)
