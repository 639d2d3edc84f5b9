"""The skp_status table: the agreement state of each employee's SKP per period.

An employee with SKP rows and no row here is in state `draf`.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

KOLOM = ("status", "oleh", "tanggal", "alasan")


def ambil(db: Database, kode: str, nips=None) -> dict[str, dict]:
    """nip -> {status, oleh, tanggal, alasan} for the period (all employees, or those in `nips`)."""
    sql, args = "SELECT nip, status, oleh, tanggal, alasan FROM skp_status WHERE periode = ?", [kode]
    if nips is not None:
        sql += " AND nip IN (SELECT value FROM json_each(?))"
        args.append(json.dumps(sorted(set(nips))))
    return {r[0]: dict(zip(KOLOM, r[1:])) for r in db.execute(sql, args)}


def simpan(db: Database, kode: str, nip: str, status: str, oleh: str | None, tanggal: str | None,
           alasan: str | None) -> None:
    """Insert or replace the state of one employee's SKP (call inside a transaction)."""
    db.execute(
        """INSERT INTO skp_status (periode, nip, status, oleh, tanggal, alasan) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (periode, nip) DO UPDATE SET status = excluded.status, oleh = excluded.oleh,
           tanggal = excluded.tanggal, alasan = excluded.alasan""",
        [kode, nip, status, oleh, tanggal, alasan])


def simpan_banyak(db: Database, kode: str, baris: dict[str, dict]) -> None:
    """simpan for many employees: nip -> {status, oleh, tanggal, alasan} (call inside a transaction)."""
    db.conn.executemany(
        """INSERT INTO skp_status (periode, nip, status, oleh, tanggal, alasan) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (periode, nip) DO UPDATE SET status = excluded.status, oleh = excluded.oleh,
           tanggal = excluded.tanggal, alasan = excluded.alasan""",
        [(kode, nip, b["status"], b["oleh"], b["tanggal"], b["alasan"]) for nip, b in baris.items()])


def dipakai(db: Database, kode: str) -> bool:
    """Does the period use the agreement workflow (its setting persetujuan_skp)?"""
    r = db.execute("SELECT persetujuan_skp FROM periode WHERE kode = ?", [kode]).fetchone()
    return bool(r and r[0])


def atur_dipakai(db: Database, kode: str, aktif: bool) -> None:
    """Set the period's agreement workflow on or off (call inside a transaction)."""
    db.execute("UPDATE periode SET persetujuan_skp = ? WHERE kode = ?", [int(aktif), kode])


def daftar(db: Database, kode: str, unit: str | None = None) -> list[dict]:
    """Active employees with SKP rows or a state row in the period, with their state, in ONE query.

    Keys: nip, nama, unit, nip_atasan, baris_skp, status (None: no state row), oleh, nama_oleh, tanggal, alasan.
    Ordered by unit, nama.
    """
    where, args = ["p.aktif = 1", "(s.n IS NOT NULL OR st.nip IS NOT NULL)"], [kode, kode]
    if unit:
        where.append("p.unit = ? COLLATE NOCASE")
        args.append(unit)
    cur = db.execute(
        f"""SELECT p.nip, p.nama, p.unit, p.nip_atasan, COALESCE(s.n, 0) AS baris_skp, st.status, st.oleh,
                   COALESCE(o.nama, st.oleh) AS nama_oleh, st.tanggal, st.alasan
            FROM pegawai p
            LEFT JOIN (SELECT nip, COUNT(*) AS n FROM sasaran WHERE periode = ? GROUP BY nip) s ON s.nip = p.nip
            LEFT JOIN skp_status st ON st.nip = p.nip AND st.periode = ?
            LEFT JOIN pegawai o ON o.nip = st.oleh
            WHERE {' AND '.join(where)} ORDER BY p.unit, kinerja_nama(p.nama), p.nip""", args)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur]
