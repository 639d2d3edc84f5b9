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
