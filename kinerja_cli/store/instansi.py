"""The instansi table (one row: the profile every document uses) and unit_singkatan."""

from __future__ import annotations

from sqlite_utils import Database

from .db import sekarang

KOLOM = ("pemda", "instansi", "tempat", "alamat", "kontak", "kepala_nama", "kepala_jabatan", "ttd_jabatan",
         "ttd_nama", "ttd_nip", "ttd_pangkat", "logo", "logo_jenis", "logo_lebar", "logo_tinggi")


def ambil(db: Database) -> dict | None:
    r = db.execute(f"SELECT {', '.join(KOLOM)} FROM instansi WHERE id = 1").fetchone()
    return dict(zip(KOLOM, r)) if r else None


def simpan(db: Database, data: dict) -> None:
    nilai = [data.get(k) for k in KOLOM]
    db.execute(
        f"INSERT INTO instansi (id, {', '.join(KOLOM)}, diubah) VALUES (1, {', '.join('?' * len(KOLOM))}, ?)"
        f" ON CONFLICT (id) DO UPDATE SET {', '.join(f'{k} = excluded.{k}' for k in KOLOM)}, diubah = excluded.diubah",
        [*nilai, sekarang()],
    )


def singkatan_unit(db: Database) -> dict[str, str]:
    """unit (casefolded) -> official short name."""
    return {u.casefold(): s for u, s in db.execute("SELECT unit, singkatan FROM unit_singkatan")}


def simpan_singkatan(db: Database, unit: str, singkatan: str | None) -> str | None:
    """Set (or with None remove) a unit's short name; returns the old one."""
    r = db.execute("SELECT singkatan FROM unit_singkatan WHERE unit = ?", [unit]).fetchone()
    if singkatan is None:
        db.execute("DELETE FROM unit_singkatan WHERE unit = ?", [unit])
    else:
        db.execute("INSERT INTO unit_singkatan (unit, singkatan, diubah) VALUES (?, ?, ?) ON CONFLICT (unit) DO UPDATE"
                   " SET unit = excluded.unit, singkatan = excluded.singkatan, diubah = excluded.diubah",
                   [unit, singkatan, sekarang()])
    return r[0] if r else None
