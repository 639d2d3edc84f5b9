"""The setelan table: settings of the database itself (today: the default period)."""

from __future__ import annotations

from sqlite_utils import Database

from .db import sekarang

PERIODE_BAWAAN = "periode_bawaan"


def ambil(db: Database, kunci: str) -> str | None:
    r = db.execute("SELECT nilai FROM setelan WHERE kunci = ?", [kunci]).fetchone()
    return r[0] if r else None


def simpan(db: Database, kunci: str, nilai: str) -> None:
    db.execute("INSERT INTO setelan (kunci, nilai, diubah) VALUES (?, ?, ?) ON CONFLICT (kunci) DO UPDATE SET "
               "nilai = excluded.nilai, diubah = excluded.diubah", [kunci, nilai, sekarang()])


def hapus(db: Database, kunci: str) -> None:
    db.execute("DELETE FROM setelan WHERE kunci = ?", [kunci])
