"""The periode table and the closed-period snapshot."""

from __future__ import annotations

import json

from sqlite_utils import Database

from ..model import KOLOM_PERIODE, IdentitasPegawai, Periode, Rekaman
from .db import sekarang

_PILIH = f"SELECT {', '.join(KOLOM_PERIODE)} FROM periode"


def _periode(r) -> Periode:
    """THE one place a stored period row becomes a model.Periode (parameter: the stored JSON, parsed)."""
    kode, jenis, mulai, selesai, metode, parameter, status, dibuat, ditutup_pada, persetujuan = r
    return Periode(kode, jenis, mulai, selesai, metode, json.loads(parameter), status, dibuat, ditutup_pada,
                   bool(persetujuan))


def ambil(db: Database, kode: str) -> Periode | None:
    r = db.execute(f"{_PILIH} WHERE kode = ?", [kode]).fetchone()
    return _periode(r) if r else None


def semua(db: Database) -> list[Periode]:
    return [_periode(r) for r in db.execute(f"{_PILIH} ORDER BY mulai, kode")]


def tambah(db: Database, kode: str, jenis: str, mulai: str, selesai: str, metode: str, parameter: dict,
           persetujuan_skp: bool = False) -> Periode:
    baris = (kode, jenis, mulai, selesai, metode, json.dumps(parameter, ensure_ascii=False, sort_keys=True),
             "terbuka", sekarang(), None, int(persetujuan_skp))
    db.execute(f"INSERT INTO periode ({', '.join(KOLOM_PERIODE)}) VALUES ({', '.join('?' * len(KOLOM_PERIODE))})",
               list(baris))
    return _periode(baris)


def set_status(db: Database, kode: str, status: str) -> None:
    db.execute("UPDATE periode SET status = ?, ditutup_pada = ? WHERE kode = ?",
               [status, sekarang() if status == "ditutup" else None, kode])


def simpan_snapshot(db: Database, kode: str, rekaman: list[Rekaman]) -> None:
    """The period's records frozen, one JSON text each (Rekaman.ke_dict: the format every version reads)."""
    db.execute("DELETE FROM hasil_snapshot WHERE periode = ?", [kode])
    db.conn.executemany("INSERT INTO hasil_snapshot (periode, nip, data) VALUES (?, ?, ?)",
                        [(kode, r.pegawai.nip, json.dumps(r.ke_dict(), ensure_ascii=False)) for r in rekaman])


def baca_snapshot(db: Database, kode: str) -> list[Rekaman]:
    return [Rekaman.dari_dict(json.loads(r[0]))
            for r in db.execute("SELECT data FROM hasil_snapshot WHERE periode = ? ORDER BY nip", [kode])]


def identitas_snapshot(db: Database, kode: str) -> dict:
    """nip -> model.IdentitasPegawai of every frozen record (the roster as it stood at close), without
    reading the records' inputs and results."""
    return {r[0]: IdentitasPegawai.dari_dict(json.loads(r[1])) for r in db.execute(
        "SELECT nip, json_extract(data, '$.pegawai') FROM hasil_snapshot WHERE periode = ?", [kode])}


def hapus_snapshot(db: Database, kode: str) -> int:
    """Drop the frozen records (their count) and every other frozen part of the period (periode_beku)."""
    db.execute("DELETE FROM periode_beku WHERE periode = ?", [kode])
    return db.execute("DELETE FROM hasil_snapshot WHERE periode = ?", [kode]).rowcount


# -- the rest of what a closed period shows, frozen at close (issue 16 §5) --------------------------

def simpan_beku(db: Database, kode: str, bagian: str, isi: list[tuple[str, str]]) -> None:
    """Store a frozen part: (kunci, JSON text) rows ('' for a whole sheet, the NIP per employee)."""
    db.execute("DELETE FROM periode_beku WHERE periode = ? AND bagian = ?", [kode, bagian])
    db.conn.executemany("INSERT INTO periode_beku (periode, bagian, kunci, data) VALUES (?, ?, ?, ?)",
                        [(kode, bagian, k, d) for k, d in isi])


def baca_beku(db: Database, kode: str, bagian: str, kunci: list[str] | None = None) -> dict[str, str]:
    """kunci -> JSON text of a frozen part (every row, or only these kunci)."""
    if kunci is None:
        cur = db.execute("SELECT kunci, data FROM periode_beku WHERE periode = ? AND bagian = ?", [kode, bagian])
        return dict(cur.fetchall())
    hasil: dict[str, str] = {}
    daftar = sorted(set(kunci))
    for i in range(0, len(daftar), 500):
        potong = daftar[i:i + 500]
        cur = db.execute(f"SELECT kunci, data FROM periode_beku WHERE periode = ? AND bagian = ? "
                         f"AND kunci IN ({', '.join('?' * len(potong))})", [kode, bagian, *potong])
        hasil.update(cur.fetchall())
    return hasil


BEKU_PROFIL = "profil"  # the frozen part holding the instansi profile and the units' short names (services.beku)


def kode_beku(db: Database, bagian: str) -> list[str]:
    """The periods holding a frozen part `bagian`, by code."""
    return [r[0] for r in db.execute("SELECT DISTINCT periode FROM periode_beku WHERE bagian = ? ORDER BY periode",
                                     [bagian])]


def ada_beku(db: Database, kode: str) -> bool:
    """Was the period closed by a version that froze more than the results?"""
    return db.execute("SELECT 1 FROM periode_beku WHERE periode = ? LIMIT 1", [kode]).fetchone() is not None


def ditutup_meliputi(db: Database, mulai: str, selesai: str) -> list[Periode]:
    """The closed periods whose dates hold all of mulai..selesai (ISO dates), shortest first."""
    cur = db.execute(f"{_PILIH} WHERE status = 'ditutup' AND mulai <= ? "
                     "AND selesai >= ? ORDER BY julianday(selesai) - julianday(mulai), kode", [mulai, selesai])
    return [_periode(r) for r in cur]


def jumlah_data(db: Database, kode: str) -> dict:
    hasil = {}
    for t in ("sasaran", "realisasi", "perilaku", "umpan_balik", "inovasi"):
        hasil[t] = db.execute(f"SELECT COUNT(*) FROM {t} WHERE periode = ?", [kode]).fetchone()[0]
    return hasil
