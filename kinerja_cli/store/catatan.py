"""The umpan_balik and inovasi tables: dated notes about an employee in a period."""

from __future__ import annotations

from sqlite_utils import Database

from .db import sekarang


def _dicts(cur) -> list[dict]:
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur]


# --- umpan balik ---------------------------------------------------------------------------

def umpan_balik_tersimpan(db: Database, kode: str) -> set[tuple[str, str, str, str]]:
    """{(nip, dari, tanggal, teks)} of a period, for dedupe."""
    return {tuple(r) for r in db.execute("SELECT nip, dari, tanggal, teks FROM umpan_balik WHERE periode = ?", [kode])}


def tambah_umpan_balik(db: Database, kode: str, nip: str, dari: str, tanggal: str, teks: str) -> int:
    cur = db.execute("INSERT INTO umpan_balik (periode, nip, dari, tanggal, teks, dibuat) VALUES (?, ?, ?, ?, ?, ?)",
                     [kode, nip, dari, tanggal, teks, sekarang()])
    return cur.lastrowid


def daftar_umpan_balik(db: Database, kode: str | None = None, nip: str | None = None,
                       unit: str | None = None) -> list[dict]:
    where, args = [], []
    if kode:
        where.append("u.periode = ?")
        args.append(kode)
    if nip:
        where.append("u.nip = ?")
        args.append(nip)
    if unit:
        where.append("p.unit = ? COLLATE NOCASE")
        args.append(unit)
    sql = """SELECT u.id, u.periode, u.tanggal, u.nip, p.nama, p.unit, u.dari, q.nama AS nama_dari, u.teks
             FROM umpan_balik u JOIN pegawai p ON p.nip = u.nip LEFT JOIN pegawai q ON q.nip = u.dari"""
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY u.periode, p.unit, p.nama, u.nip, u.tanggal, u.id"
    return _dicts(db.execute(sql, args))


def jumlah_umpan_balik(db: Database, kode: str) -> dict[str, int]:
    return dict(db.execute("SELECT nip, COUNT(*) FROM umpan_balik WHERE periode = ? GROUP BY nip", [kode]).fetchall())


# --- inovasi -------------------------------------------------------------------------------

def inovasi_tersimpan(db: Database, kode: str) -> set[tuple[str, str]]:
    """{(nip, uraian)} of a period, for dedupe."""
    return {tuple(r) for r in db.execute("SELECT nip, uraian FROM inovasi WHERE periode = ?", [kode])}


def tambah_inovasi(db: Database, kode: str, nip: str, uraian: str, tanggal: str) -> int:
    cur = db.execute("INSERT INTO inovasi (periode, nip, uraian, tanggal, dibuat) VALUES (?, ?, ?, ?, ?)",
                     [kode, nip, uraian, tanggal, sekarang()])
    return cur.lastrowid


def daftar_inovasi(db: Database, kode: str | None = None, nip: str | None = None) -> list[dict]:
    where, args = [], []
    if kode:
        where.append("i.periode = ?")
        args.append(kode)
    if nip:
        where.append("i.nip = ?")
        args.append(nip)
    sql = """SELECT i.id, i.periode, i.tanggal, i.nip, p.nama, p.unit, i.uraian
             FROM inovasi i JOIN pegawai p ON p.nip = i.nip"""
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY i.periode, p.unit, p.nama, i.nip, i.tanggal, i.id"
    return _dicts(db.execute(sql, args))


def nip_berinovasi(db: Database, kode: str) -> set[str]:
    """NIPs with at least one inovasi recorded in the period (ONE query)."""
    return {r[0] for r in db.execute("SELECT DISTINCT nip FROM inovasi WHERE periode = ?", [kode])}
