"""The atasan_luar table: a named atasan outside the roster for an employee without NIP Atasan."""

from __future__ import annotations

from sqlite_utils import Database

from .db import sekarang


def ambil(db: Database, nip: str) -> dict | None:
    r = db.execute("SELECT nama, jabatan FROM atasan_luar WHERE nip = ?", [nip]).fetchone()
    return {"nama": r[0], "jabatan": r[1]} if r else None


def semua(db: Database) -> dict[str, dict]:
    """{nip: {nama, jabatan}} of every atasan outside the roster, in one query."""
    return {r[0]: {"nama": r[1], "jabatan": r[2]} for r in db.execute("SELECT nip, nama, jabatan FROM atasan_luar")}


def semua_nip(db: Database) -> frozenset[str]:
    return frozenset(r[0] for r in db.execute("SELECT nip FROM atasan_luar"))


def simpan(db: Database, nip: str, nama: str, jabatan: str | None) -> None:
    db.execute("INSERT INTO atasan_luar (nip, nama, jabatan, diubah) VALUES (?, ?, ?, ?) ON CONFLICT (nip) DO UPDATE "
               "SET nama = excluded.nama, jabatan = excluded.jabatan, diubah = excluded.diubah",
               [nip, nama, jabatan, sekarang()])


def hapus(db: Database, nip: str) -> int:
    return db.execute("DELETE FROM atasan_luar WHERE nip = ?", [nip]).rowcount
