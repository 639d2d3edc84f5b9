"""The evaluasi_rekomendasi table: the pejabat penilai's CATATAN/REKOMENDASI per employee and period."""

from __future__ import annotations

import json

from sqlite_utils import Database

from .db import sekarang

KOLOM = ("rekomendasi", "oleh")


def ambil(db: Database, kode: str, nips=None) -> dict[str, dict]:
    """nip -> {rekomendasi, oleh, diubah} of the period (all employees, or those in `nips`), ONE query."""
    sql, args = "SELECT nip, rekomendasi, oleh, diubah FROM evaluasi_rekomendasi WHERE periode = ?", [kode]
    if nips is not None:
        sql += " AND nip IN (SELECT value FROM json_each(?))"
        args.append(json.dumps(sorted(set(nips))))
    return {r[0]: {"rekomendasi": r[1], "oleh": r[2], "diubah": r[3]} for r in db.execute(sql, args)}


def simpan(db: Database, kode: str, nip: str, rekomendasi: str, oleh: str | None) -> None:
    """Insert or replace one recommendation (call inside a transaction)."""
    db.execute(
        """INSERT INTO evaluasi_rekomendasi (periode, nip, rekomendasi, oleh, diubah) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (periode, nip) DO UPDATE SET rekomendasi = excluded.rekomendasi, oleh = excluded.oleh,
           diubah = excluded.diubah""",
        [kode, nip, rekomendasi, oleh, sekarang()])


def daftar(db: Database, kode: str, unit: str | None = None) -> list[dict]:
    """The period's recommendations with the employee's name and unit and the pejabat penilai's name,
    by unit then name (only `unit`'s employees when given)."""
    sql = """SELECT e.nip, p.nama, p.unit, e.rekomendasi, e.oleh, o.nama, e.diubah
             FROM evaluasi_rekomendasi e JOIN pegawai p ON p.nip = e.nip LEFT JOIN pegawai o ON o.nip = e.oleh
             WHERE e.periode = ?"""
    args = [kode]
    if unit is not None:
        sql += " AND p.unit = ? COLLATE NOCASE"
        args.append(unit)
    kolom = ("nip", "nama", "unit", "rekomendasi", "oleh", "nama_oleh", "diubah")
    return [dict(zip(kolom, r)) for r in db.execute(sql + " ORDER BY p.unit COLLATE NOCASE, p.nama COLLATE NOCASE, e.nip",
                                                    args)]


def hapus(db: Database, kode: str, nip: str) -> int:
    """Delete one recommendation (call inside a transaction); the number of rows deleted."""
    return db.execute("DELETE FROM evaluasi_rekomendasi WHERE periode = ? AND nip = ?", [kode, nip]).rowcount
