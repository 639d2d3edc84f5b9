"""TEMP staging tables of the streaming importers (realisasi, perilaku).

An importer checks its rows one at a time and stages the good ones in a TEMP table of its own
connection, so a file of hundreds of thousands of rows never sits in Python memory. The real
tables are only written afterwards, in the command's one transaction; a refused import just
drops its staging tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    """executemany on a TEMP table, then commit the implicit transaction Python's sqlite3 opened
    for it (it holds TEMP data only), so the command's write transaction can BEGIN IMMEDIATE.
    Inside a caller's transaction nothing is committed."""
    conn = db.conn
    sudah = conn.in_transaction
    conn.executemany(sql, rows)
    if not sudah and conn.in_transaction:
        conn.commit()
