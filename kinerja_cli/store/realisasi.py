"""The realisasi table: one value per SKP row (periode, nip, nomor)."""

from __future__ import annotations

import json
from decimal import Decimal

from sqlite_utils import Database

from ..validation.angka import teks_desimal
from . import audit_json, tampungan
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


# --- the streaming import: roster and SKP lookups, TEMP staging tables -------------------------

_TAMPUNG = "kinerja_tampung_realisasi"  # the good rows of the file, in file order
_UBAH = "kinerja_ubah_realisasi"  # re-import: only the rows that change something
_KOLOM_TAMPUNG = ("baris INTEGER PRIMARY KEY, nip TEXT NOT NULL, nomor INTEGER NOT NULL, nilai TEXT NOT NULL, "
                  "bukti TEXT, baru TEXT NOT NULL, lama TEXT")  # baru/lama: the audit JSON


def roster_ringkas(db: Database) -> dict[str, str | None]:
    """nip -> None for an active employee, the name for an inactive one."""
    return {nip: (None if aktif else nama) for nip, nama, aktif in db.execute("SELECT nip, nama, aktif FROM pegawai")}


def satuan_periode(db: Database, kode: str):
    """(nip, nomor, satuan) of every SKP row of the period, ordered by nip then nomor (a cursor)."""
    return db.execute("SELECT nip, nomor, satuan FROM sasaran WHERE periode = ? ORDER BY nip, nomor", [kode])


def tampungan_baru(db: Database) -> None:
    tampungan.buat(db, (_TAMPUNG, _UBAH), _KOLOM_TAMPUNG)


def hapus_tampungan(db: Database) -> None:
    tampungan.hapus(db, (_TAMPUNG, _UBAH))


def tampung(db: Database, baris: list[tuple[int, str, int, str, str | None, str]]) -> None:
    """Stage (Excel row, nip, nomor, nilai text, bukti, audit JSON of a new row) rows."""
    tampungan.tulis_banyak(db, f"INSERT INTO temp.{_TAMPUNG} (baris, nip, nomor, nilai, bukti, baru) "
                                 "VALUES (?,?,?,?,?,?)", baris)


def ada_di_periode(db: Database, kode: str) -> bool:
    return db.execute("SELECT 1 FROM realisasi WHERE periode = ? LIMIT 1", [kode]).fetchone() is not None


def jumlah_tampungan(db: Database) -> int:
    return db.execute(f"SELECT COUNT(*) FROM temp.{_TAMPUNG}").fetchone()[0]


def calon_ubah(db: Database, kode: str, ada_bukti: bool, setelah: int, batas: int) -> list[tuple]:
    """Up to `batas` staged rows after Excel row `setelah` whose stored row is missing or differs as
    text, in file order: (baris, nip, nomor, nilai, bukti, baru, lama_nilai, lama_bukti, ada_lama).
    Without a Bukti column the stored bukti is kept (bukti = lama_bukti)."""
    bukti = "s.bukti" if ada_bukti else "r.bukti"
    return db.execute(
        f"SELECT s.baris, s.nip, s.nomor, s.nilai, {bukti}, s.baru, r.nilai, r.bukti, r.nip IS NOT NULL "
        f"FROM temp.{_TAMPUNG} s LEFT JOIN realisasi r ON r.periode = ? AND r.nip = s.nip AND r.nomor = s.nomor "
        f"WHERE s.baris > ? AND (r.nip IS NULL OR r.nilai IS NOT s.nilai"
        + (" OR r.bukti IS NOT s.bukti" if ada_bukti else "") + ") ORDER BY s.baris LIMIT ?",
        [kode, setelah, batas]).fetchall()


def simpan_ubah(db: Database, baris: list[tuple]) -> None:
    """Stage (baris, nip, nomor, nilai, bukti, baru, lama) rows that really change something."""
    tampungan.tulis_banyak(db, f"INSERT INTO temp.{_UBAH} VALUES (?,?,?,?,?,?,?)", baris)


def tulis_tampungan(db: Database, kode: str, ubah: bool) -> int:
    """Upsert the staged rows (all of them, or only the changes) in file order and log each one
    (call inside a transaction); returns the number of rows written."""
    sumber = f"temp.{_UBAH if ubah else _TAMPUNG}"
    db.conn.execute(
        f"INSERT INTO realisasi (periode, nip, nomor, nilai, bukti, diubah) "
        f"SELECT ?, nip, nomor, nilai, bukti, ? FROM {sumber} WHERE 1 ORDER BY baris "
        "ON CONFLICT (periode, nip, nomor) DO UPDATE SET nilai = excluded.nilai, bukti = excluded.bukti, "
        "diubah = excluded.diubah", [kode, sekarang()])
    return audit_json.salin(
        db, "'realisasi', ? || '/' || nip || '/' || nomor, CASE WHEN lama IS NULL THEN 'tambah' ELSE 'ubah' END, "
            f"lama, baru, nip FROM {sumber} ORDER BY baris", [kode])
