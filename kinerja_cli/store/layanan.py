"""Unit service indicators (layanan_indikator) and their values per period (layanan_nilai)."""

from __future__ import annotations

from sqlite_utils import Database

from .db import sekarang

_KOLOM_IND = ("id", "unit", "nama", "satuan", "arah", "target", "dibuat")


def _ind(r) -> dict:
    return dict(zip(_KOLOM_IND, r))


def indikator_semua(db: Database, unit: str | None = None) -> list[dict]:
    sql = f"SELECT {', '.join(_KOLOM_IND)} FROM layanan_indikator"
    args: list = []
    if unit:
        sql += " WHERE unit = ? COLLATE NOCASE"
        args.append(unit)
    sql += " ORDER BY unit, nama, id"
    return [_ind(r) for r in db.execute(sql, args)]


def indikator_ambil(db: Database, id_: int) -> dict | None:
    r = db.execute(f"SELECT {', '.join(_KOLOM_IND)} FROM layanan_indikator WHERE id = ?", [id_]).fetchone()
    return _ind(r) if r else None


def indikator_nama(db: Database, nama: str, unit: str | None = None) -> list[dict]:
    """Indicators with this name (case-insensitive), optionally only in one unit."""
    sql = f"SELECT {', '.join(_KOLOM_IND)} FROM layanan_indikator WHERE nama = ? COLLATE NOCASE"
    args: list = [nama]
    if unit:
        sql += " AND unit = ? COLLATE NOCASE"
        args.append(unit)
    return [_ind(r) for r in db.execute(sql + " ORDER BY unit, id", args)]


def indikator_tambah(db: Database, unit: str, nama: str, satuan: str | None, arah: str, target: str | None) -> dict:
    t = sekarang()
    cur = db.execute(
        "INSERT INTO layanan_indikator (unit, nama, satuan, arah, target, dibuat) VALUES (?,?,?,?,?,?)",
        [unit, nama, satuan, arah, target, t],
    )
    return {"id": cur.lastrowid, "unit": unit, "nama": nama, "satuan": satuan, "arah": arah, "target": target,
            "dibuat": t}


def indikator_ubah(db: Database, id_: int, satuan: str | None, target: str | None) -> None:
    db.execute("UPDATE layanan_indikator SET satuan = ?, target = ? WHERE id = ?", [satuan, target, id_])


def jumlah_nilai(db: Database) -> dict[int, int]:
    return {r[0]: r[1] for r in db.execute("SELECT indikator_id, COUNT(*) FROM layanan_nilai GROUP BY indikator_id")}


def nilai_ambil(db: Database, indikator_id: int, periode: str) -> dict | None:
    r = db.execute("SELECT nilai, sumber, diubah FROM layanan_nilai WHERE indikator_id = ? AND periode = ?",
                   [indikator_id, periode]).fetchone()
    return {"nilai": r[0], "sumber": r[1], "diubah": r[2]} if r else None


def nilai_indikator(db: Database, ids: list[int] | None = None) -> dict[int, dict[str, dict]]:
    """indikator_id -> {periode: {nilai, sumber, diubah}} (all, or only these indicators)."""
    sql = "SELECT indikator_id, periode, nilai, sumber, diubah FROM layanan_nilai"
    args: list = []
    if ids is not None:
        if not ids:
            return {}
        sql += f" WHERE indikator_id IN ({', '.join('?' * len(ids))})"
        args = list(ids)
    hasil: dict[int, dict[str, dict]] = {}
    for i, p, n, s, d in db.execute(sql, args):
        hasil.setdefault(i, {})[p] = {"nilai": n, "sumber": s, "diubah": d}
    return hasil


def nilai_simpan(db: Database, indikator_id: int, periode: str, nilai: str, sumber: str | None) -> None:
    """Insert or replace one value (natural key: indicator, period)."""
    db.execute(
        "INSERT INTO layanan_nilai (indikator_id, periode, nilai, sumber, diubah) VALUES (?,?,?,?,?)"
        " ON CONFLICT (indikator_id, periode) DO UPDATE SET nilai = excluded.nilai, sumber = excluded.sumber,"
        " diubah = excluded.diubah",
        [indikator_id, periode, nilai, sumber, sekarang()],
    )
