"""The pelatihan table: competence development records (DOMAIN.md section 7)."""

from __future__ import annotations

from sqlite_utils import Database

from .db import sekarang

_KOLOM = ("nip", "kegiatan", "jenis", "tanggal", "jp", "penyelenggara")


def _rentang_tahun(tahun: int) -> tuple[str, str]:
    return (f"{tahun:04d}-01-01", f"{tahun:04d}-12-31")


def ambil(db: Database, nip: str, kegiatan: str, tanggal: str) -> dict | None:
    r = db.execute(f"SELECT {', '.join(_KOLOM)} FROM pelatihan WHERE nip = ? AND kegiatan = ? AND tanggal = ?",
                   [nip, kegiatan, tanggal]).fetchone()
    return dict(zip(_KOLOM, r)) if r else None


def per_kunci(db: Database, nips: set[str]) -> dict[tuple[str, str, str], dict]:
    """(nip, kegiatan, tanggal) -> stored record, for the given employees."""
    hasil: dict[tuple[str, str, str], dict] = {}
    daftar = sorted(nips)
    for i in range(0, len(daftar), 500):
        potong = daftar[i:i + 500]
        q = ", ".join("?" * len(potong))
        for r in db.execute(f"SELECT {', '.join(_KOLOM)} FROM pelatihan WHERE nip IN ({q})", potong):
            d = dict(zip(_KOLOM, r))
            hasil[(d["nip"], d["kegiatan"], d["tanggal"])] = d
    return hasil


def simpan_banyak(db: Database, baru: list[dict], ubah: list[dict]) -> None:
    """Insert new records; update jenis/jp/penyelenggara of existing ones (by natural key)."""
    if baru:
        t = sekarang()
        db.conn.executemany(
            f"INSERT INTO pelatihan ({', '.join(_KOLOM)}, dibuat) VALUES ({', '.join('?' * (len(_KOLOM) + 1))})",
            [(*(d[k] for k in _KOLOM), t) for d in baru])
    if ubah:
        db.conn.executemany(
            "UPDATE pelatihan SET jenis = ?, jp = ?, penyelenggara = ? WHERE nip = ? AND kegiatan = ? AND tanggal = ?",
            [(d["jenis"], d["jp"], d["penyelenggara"], d["nip"], d["kegiatan"], d["tanggal"]) for d in ubah])


def daftar(db: Database, nip: str | None = None, tahun: int | None = None, unit: str | None = None) -> list[dict]:
    """Records with the employee's name and unit, by date."""
    where, args = [], []
    if nip:
        where.append("l.nip = ?")
        args.append(nip)
    if tahun:
        where.append("l.tanggal BETWEEN ? AND ?")
        args += list(_rentang_tahun(tahun))
    if unit:
        where.append("p.unit = ? COLLATE NOCASE")
        args.append(unit)
    sql = ("SELECT l.id, l.nip, p.nama, p.unit, l.kegiatan, l.jenis, l.tanggal, l.jp, l.penyelenggara"
           " FROM pelatihan l JOIN pegawai p ON p.nip = l.nip")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY l.tanggal, p.unit, p.nama, l.kegiatan"
    cur = db.execute(sql, args)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur]


def jp_tahun(db: Database, tahun: int, unit: str | None = None) -> dict[str, list[str]]:
    """nip -> JP texts of every record dated in that calendar year (inactive employees too: one who left
    still has his hours in the periods he has results in; the caller chooses whom it lists)."""
    sql = ("SELECT l.nip, l.jp FROM pelatihan l JOIN pegawai p ON p.nip = l.nip"
           " WHERE l.tanggal BETWEEN ? AND ?")
    args: list = list(_rentang_tahun(tahun))
    if unit:
        sql += " AND p.unit = ? COLLATE NOCASE"
        args.append(unit)
    hasil: dict[str, list[str]] = {}
    for nip, jp in db.execute(sql, args):
        hasil.setdefault(nip, []).append(jp)
    return hasil
