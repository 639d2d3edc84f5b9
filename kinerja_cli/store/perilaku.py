"""The perilaku table: one row per (periode, nip, penilai), scores as decimal TEXT."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Iterable

from sqlite_utils import Database

from ..excel.kolom import ASPEK_BERAKHLAK
from .db import sekarang

_ASPEK = ", ".join(ASPEK_BERAKHLAK)
_URUT_PERAN = "CASE peran WHEN 'atasan' THEN 0 WHEN 'rekan' THEN 1 WHEN 'bawahan' THEN 2 ELSE 3 END"


def _desimal(v: str | None) -> Decimal | None:
    return None if v is None else Decimal(v)


def simpanan_periode(db: Database, kode: str, nips: Iterable[str] | None = None) -> dict:
    """{(nip, penilai): (peran, {aspek: text|None})} of a period (for comparing before a write)."""
    sql = f"SELECT nip, penilai, peran, {_ASPEK} FROM perilaku WHERE periode = ?"
    args: list = [kode]
    if nips is not None:
        sql += " AND nip IN (SELECT value FROM json_each(?))"
        args.append(json.dumps(sorted(set(nips))))
    return {(r[0], r[1]): (r[2], dict(zip(ASPEK_BERAKHLAK, r[3:]))) for r in db.execute(sql, args)}


def ambil(db: Database, kode: str, nip: str, penilai: str) -> tuple[str, dict] | None:
    r = db.execute(f"SELECT peran, {_ASPEK} FROM perilaku WHERE periode = ? AND nip = ? AND penilai = ?",
                   [kode, nip, penilai]).fetchone()
    return (r[0], dict(zip(ASPEK_BERAKHLAK, r[1:]))) if r else None


def simpan_banyak(db: Database, kode: str, baris: list[tuple[str, str, str, dict]]) -> None:
    """Upsert (nip, penilai, peran, {aspek: text|None}) rows of one period."""
    if not baris:
        return
    t = sekarang()
    tanda = ", ".join("?" * (len(ASPEK_BERAKHLAK) + 5))
    ubah = ", ".join(f"{a} = excluded.{a}" for a in ("peran", *ASPEK_BERAKHLAK, "diubah"))
    db.conn.executemany(
        f"INSERT INTO perilaku (periode, nip, penilai, peran, {_ASPEK}, diubah) VALUES ({tanda})"
        f" ON CONFLICT (periode, nip, penilai) DO UPDATE SET {ubah}",
        [(kode, nip, penilai, peran, *(skor.get(a) for a in ASPEK_BERAKHLAK), t) for nip, penilai, peran, skor in baris],
    )


def baris_periode(db: Database, kode: str, nips: Iterable[str] | None = None) -> list[tuple[str, str, str, dict]]:
    """Every behaviour row of a period in ONE query, ordered by nip (then role, rater).

    Returns (nip, penilai, peran, {aspek: Decimal | None}) for each rater row; `nips`
    restricts to those employees. Self-ratings (peran 'diri') are included: the caller
    decides not to count them.
    """
    sql = f"SELECT nip, penilai, peran, {_ASPEK} FROM perilaku WHERE periode = ?"
    args: list = [kode]
    if nips is not None:
        sql += " AND nip IN (SELECT value FROM json_each(?))"
        args.append(json.dumps(sorted(set(nips))))
    sql += f" ORDER BY nip, {_URUT_PERAN}, penilai"
    return [(r[0], r[1], r[2], {a: _desimal(v) for a, v in zip(ASPEK_BERAKHLAK, r[3:])}) for r in db.execute(sql, args)]


def daftar(db: Database, kode: str, nip: str | None = None, unit: str | None = None) -> list[dict]:
    """Rows for listing, with the names of the employee and the rater."""
    where, args = ["b.periode = ?"], [kode]
    if nip:
        where.append("b.nip = ?")
        args.append(nip)
    if unit:
        where.append("p.unit = ? COLLATE NOCASE")
        args.append(unit)
    cur = db.execute(
        f"""SELECT b.nip, p.nama, p.unit, b.penilai, q.nama AS nama_penilai, b.peran,
                   {', '.join('b.' + a for a in ASPEK_BERAKHLAK)}, b.diubah
            FROM perilaku b JOIN pegawai p ON p.nip = b.nip LEFT JOIN pegawai q ON q.nip = b.penilai
            WHERE {' AND '.join(where)}
            ORDER BY p.unit, p.nama, b.nip, {_URUT_PERAN.replace('peran', 'b.peran')}, b.penilai""",
        args,
    )
    cols = [c[0] for c in cur.description]
    hasil = []
    for r in cur:
        d = dict(zip(cols, r))
        for a in ASPEK_BERAKHLAK:
            d[a] = _desimal(d[a])
        hasil.append(d)
    return hasil
