"""The roster tables: pegawai (and the units derived from it)."""

from __future__ import annotations

from sqlite_utils import Database

from ..errors import DataTidakValid
from ..model import Pegawai
from ..validation.unit import cocokkan_unit
from .db import sekarang

_KOLOM = ("nip", "nama", "jabatan", "jenis_jabatan", "golongan", "unit", "nip_atasan", "status", "aktif", "sub_unit",
          "gelar_depan", "gelar_belakang", "kedudukan", "unor_id")


def _ke_pegawai(row: tuple) -> Pegawai:
    d = dict(zip(_KOLOM, row))
    d["aktif"] = bool(d["aktif"])
    return Pegawai(**d)


def semua(db: Database) -> dict[str, Pegawai]:
    cur = db.execute(f"SELECT {', '.join(_KOLOM)} FROM pegawai")
    return {r[0]: _ke_pegawai(r) for r in cur}


def ambil(db: Database, nip: str) -> Pegawai | None:
    r = db.execute(f"SELECT {', '.join(_KOLOM)} FROM pegawai WHERE nip = ?", [nip]).fetchone()
    return _ke_pegawai(r) if r else None


def bawahan(db: Database, nip: str) -> list[Pegawai]:
    cur = db.execute(f"SELECT {', '.join(_KOLOM)} FROM pegawai WHERE nip_atasan = ? ORDER BY nama", [nip])
    return [_ke_pegawai(r) for r in cur]


def simpan_banyak(db: Database, baru: list[Pegawai], ubah: list[Pegawai]) -> None:
    t = sekarang()
    if baru:
        db.conn.executemany(
            f"INSERT INTO pegawai ({', '.join(_KOLOM)}, dibuat, diubah) VALUES ({', '.join('?' * (len(_KOLOM) + 2))})",
            [(*(_nilai(p)), t, t) for p in baru],
        )
    if ubah:
        set_ = ", ".join(f"{k} = ?" for k in _KOLOM[1:])
        db.conn.executemany(
            f"UPDATE pegawai SET {set_}, diubah = ? WHERE nip = ?",
            [(*(_nilai(p)[1:]), t, p.nip) for p in ubah],
        )


def _nilai(p: Pegawai) -> tuple:
    return (p.nip, p.nama, p.jabatan, p.jenis_jabatan, p.golongan, p.unit, p.nip_atasan, p.status, int(p.aktif),
            p.sub_unit, p.gelar_depan, p.gelar_belakang, p.kedudukan, p.unor_id)


def cari(db: Database, unit: str | None = None, teks: str | None = None, hanya_aktif: bool = True,
         sub_unit: str | None = None) -> list[Pegawai]:
    where, args = [], []
    if hanya_aktif:
        where.append("aktif = 1")
    if unit:
        where.append("unit = ? COLLATE NOCASE")
        args.append(unit)
    if sub_unit:
        where.append("sub_unit LIKE ?")
        args.append(f"%{sub_unit}%")
    if teks:
        where.append("(nama LIKE ? OR nip LIKE ? OR jabatan LIKE ?)")
        args += [f"%{teks}%"] * 3
    sql = f"SELECT {', '.join(_KOLOM)} FROM pegawai"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY unit, kinerja_nama(nama), nip"  # names without titles (store.db)
    return [_ke_pegawai(r) for r in db.execute(sql, args)]


def daftar_unit(db: Database) -> list[dict]:
    cur = db.execute(
        """SELECT unit, SUM(aktif) AS aktif, SUM(CASE WHEN aktif = 1 AND status IN ('PNS', 'CPNS') THEN 1 ELSE 0 END) AS pns,
                  SUM(CASE WHEN aktif = 1 AND status LIKE 'PPPK%' THEN 1 ELSE 0 END) AS pppk,
                  SUM(1 - aktif) AS nonaktif
           FROM pegawai GROUP BY unit ORDER BY unit"""
    )
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur]


def semua_unit(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT unit FROM pegawai ORDER BY unit")]


def unit_ada(db: Database, unit: str) -> str | None:
    """The unit's stored spelling: exact (any case), its official short name (`kinerja unit singkatan`:
    Disdukcapil), acronym (DPMPTSP) or a unique part of the name.

    Several units matching raises DataTidakValid listing them.
    """
    r = db.execute("SELECT unit FROM pegawai WHERE unit = ? COLLATE NOCASE LIMIT 1", [unit]).fetchone()
    if r:
        return r[0]
    r = db.execute("SELECT p.unit FROM unit_singkatan s JOIN pegawai p ON p.unit = s.unit COLLATE NOCASE "
                   "WHERE s.singkatan = ? COLLATE NOCASE LIMIT 1", [unit.strip()]).fetchone()
    if r:
        return r[0]
    calon = cocokkan_unit(unit, semua_unit(db))
    if len(calon) > 1:
        raise DataTidakValid(f"'{unit}' cocok dengan beberapa unit kerja: {'; '.join(calon)}.",
                             "Tulis nama unit lebih lengkap (pakai tanda kutip bila ada spasi).")
    return calon[0] if calon else None


def atur_atasan(db: Database, ubah: list[tuple[str, str | None]]) -> None:
    """Set only the atasan links: [(nip, nip_atasan)]."""
    db.conn.executemany("UPDATE pegawai SET nip_atasan = ?, diubah = ? WHERE nip = ?",
                        [(a, sekarang(), n) for n, a in ubah])
