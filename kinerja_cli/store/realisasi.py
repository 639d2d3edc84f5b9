"""The realisasi table: one value per SKP row (periode, nip, nomor)."""

from __future__ import annotations

import json
from decimal import Decimal

from sqlite_utils import Database

from ..validation.angka import teks_desimal
from .db import sekarang


def per_kunci(db: Database, kode: str, nips=None) -> dict[tuple[str, int], dict]:
    """(nip, nomor) -> {'nilai': Decimal, 'bukti': str|None} for the period."""
    sql, args = "SELECT nip, nomor, nilai, bukti FROM realisasi WHERE periode = ?", [kode]
    if nips is not None:
        sql += " AND nip IN (SELECT value FROM json_each(?))"
        args.append(json.dumps(sorted(set(nips))))
    return {(n, no): {"nilai": Decimal(v), "bukti": b} for n, no, v, b in db.execute(sql, args)}


def simpan_banyak(db: Database, kode: str, baris: list[tuple[str, int, Decimal, str | None]]) -> None:
    """Upsert (nip, nomor, nilai, bukti) rows (call inside a transaction)."""
    t = sekarang()
    db.conn.executemany(
        "INSERT INTO realisasi (periode, nip, nomor, nilai, bukti, diubah) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT (periode, nip, nomor) DO UPDATE SET nilai = excluded.nilai, bukti = excluded.bukti, "
        "diubah = excluded.diubah",
        [(kode, nip, nomor, teks_desimal(nilai), bukti, t) for nip, nomor, nilai, bukti in baris],
    )
