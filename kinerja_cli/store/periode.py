"""The periode table and the closed-period snapshot."""

from __future__ import annotations

import json

from sqlite_utils import Database

from ..model import Rekaman
from .db import sekarang

_KOLOM = ("kode", "jenis", "mulai", "selesai", "metode", "parameter", "status", "dibuat", "ditutup_pada")


def _baris(r) -> dict:
    d = dict(zip(_KOLOM, r))
    d["parameter"] = json.loads(d["parameter"])
    return d


def ambil(db: Database, kode: str) -> dict | None:
    r = db.execute(f"SELECT {', '.join(_KOLOM)} FROM periode WHERE kode = ?", [kode]).fetchone()
    return _baris(r) if r else None


def semua(db: Database) -> list[dict]:
    return [_baris(r) for r in db.execute(f"SELECT {', '.join(_KOLOM)} FROM periode ORDER BY mulai, kode")]


def tambah(db: Database, kode: str, jenis: str, mulai: str, selesai: str, metode: str, parameter: dict) -> dict:
    d = {"kode": kode, "jenis": jenis, "mulai": mulai, "selesai": selesai, "metode": metode,
         "parameter": json.dumps(parameter, ensure_ascii=False, sort_keys=True), "status": "terbuka",
         "dibuat": sekarang(), "ditutup_pada": None}
    db.execute(f"INSERT INTO periode ({', '.join(_KOLOM)}) VALUES ({', '.join('?' * len(_KOLOM))})",
               [d[k] for k in _KOLOM])
    return {**d, "parameter": parameter}


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


def hapus_snapshot(db: Database, kode: str) -> int:
    return db.execute("DELETE FROM hasil_snapshot WHERE periode = ?", [kode]).rowcount


def jumlah_data(db: Database, kode: str) -> dict:
    hasil = {}
    for t in ("sasaran", "realisasi", "perilaku", "umpan_balik", "inovasi"):
        hasil[t] = db.execute(f"SELECT COUNT(*) FROM {t} WHERE periode = ?", [kode]).fetchone()[0]
    return hasil
