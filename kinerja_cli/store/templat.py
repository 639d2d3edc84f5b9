"""Reads for the fill-in templates: a period's SKP rows with their SKP status."""

from __future__ import annotations

from sqlite_utils import Database

from .sasaran import KOLOM

_KOLOM = ("nip", *KOLOM)


def sasaran_periode(db: Database, periode: str, unit: str | None = None) -> list[dict]:
    """SKP rows of active employees in `periode` (optionally one unit), by NIP and nomor.

    Each row carries `status_skp` (the employee's SKP status, or None).
    """
    where = ["s.periode = ?", "p.aktif = 1"]
    args: list = [periode]
    if unit:
        where.append("p.unit = ? COLLATE NOCASE")
        args.append(unit)
    sql = (
        f"SELECT {', '.join('s.' + k for k in _KOLOM)}, st.status AS status_skp "
        "FROM sasaran s JOIN pegawai p ON p.nip = s.nip "
        "LEFT JOIN skp_status st ON st.periode = s.periode AND st.nip = s.nip "
        f"WHERE {' AND '.join(where)} ORDER BY s.nip, s.nomor"
    )
    cur = db.execute(sql, args)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur]
