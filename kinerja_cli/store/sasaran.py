"""The sasaran table (SKP rows) and reading them with their realisasi.

Rows come in and out as dicts of the stored fields; numbers are Decimal, target_maksimal bool.
"""

from __future__ import annotations

import json
from decimal import Decimal

from sqlite_utils import Database

from ..kolom import KOLOM_SKP
from ..validation.angka import teks_desimal
from .audit_json import pembuat_objek
from .db import sekarang

KOLOM = KOLOM_SKP  # the stored fields, in store order (kolom.KOLOM_SKP: the one list)
_DESIMAL = ("target_lo", "target_hi", "bobot")


def _dari_db(d: dict) -> dict:
    for k in _DESIMAL + ("realisasi",):
        if k in d and d[k] is not None:
            d[k] = Decimal(d[k])
    if "target_maksimal" in d:
        d["target_maksimal"] = bool(d["target_maksimal"])
    return d


def _ke_db(row: dict) -> list:
    return [teks_desimal(row[k]) if k in _DESIMAL else (int(row[k]) if k == "target_maksimal" else row[k])
            for k in KOLOM]


def _dicts(cur) -> list[dict]:
    cols = [c[0] for c in cur.description]
    return [_dari_db(dict(zip(cols, r))) for r in cur.fetchall()]


def _saring_nip(nips) -> tuple[str, list]:
    if nips is None:
        return "", []
    return " AND s.nip IN (SELECT value FROM json_each(?))", [json.dumps(sorted(set(nips)))]


def baris_pegawai(db: Database, kode: str, nips=None) -> dict[str, dict[int, dict]]:
    """nip -> nomor -> row (stored fields only) for the period."""
    w, a = _saring_nip(nips)
    cur = db.execute(f"SELECT s.nip, {', '.join('s.' + k for k in KOLOM)} FROM sasaran s WHERE s.periode = ?{w}",
                     [kode, *a])
    hasil: dict[str, dict[int, dict]] = {}
    for d in _dicts(cur):
        nip = d.pop("nip")
        hasil.setdefault(nip, {})[d["nomor"]] = d
    return hasil


def nomor_per_pegawai(db: Database, kode: str, nips=None) -> dict[str, set[int]]:
    w, a = _saring_nip(nips)
    hasil: dict[str, set[int]] = {}
    for nip, nomor in db.execute(f"SELECT s.nip, s.nomor FROM sasaran s WHERE s.periode = ?{w}", [kode, *a]):
        hasil.setdefault(nip, set()).add(nomor)
    return hasil


def tautan_periode_terbuka(db: Database, nips) -> dict[str, list[tuple[str, int, int]]]:
    """nip -> [(period, SKP nomor, RHK atasan nomor)] of the rows of open periods that link an RHK atasan."""
    w, a = _saring_nip(nips)
    hasil: dict[str, list] = {}
    for kode, nip, nomor, atas in db.execute(
            "SELECT s.periode, s.nip, s.nomor, s.rhk_atasan_nomor FROM sasaran s JOIN periode p ON p.kode = s.periode "
            f"WHERE p.status = 'terbuka' AND s.rhk_atasan_nomor IS NOT NULL{w} ORDER BY s.nip, s.periode, s.nomor", a):
        hasil.setdefault(nip, []).append((kode, nomor, atas))
    return hasil


def daftar(db: Database, kode: str, nip: str | None = None, unit: str | None = None) -> list[dict]:
    """Every SKP row of the period with nama, unit and its realisasi (None when not recorded), filtered by
    one NIP or one unit, ordered by unit, nama, nomor."""
    where, args = ["s.periode = ?"], [kode]
    if nip:
        where.append("s.nip = ?")
        args.append(nip)
    if unit:
        where.append("p.unit = ? COLLATE NOCASE")
        args.append(unit)
    cur = db.execute(
        f"""SELECT s.nip, p.nama, p.unit, {', '.join('s.' + k for k in KOLOM)}, r.nilai AS realisasi, r.bukti
            FROM sasaran s JOIN pegawai p ON p.nip = s.nip
            LEFT JOIN realisasi r ON r.periode = s.periode AND r.nip = s.nip AND r.nomor = s.nomor
            WHERE {' AND '.join(where)} ORDER BY p.unit, p.nama, s.nip, s.nomor""",
        args,
    )
    return _dicts(cur)


def simpan_satu(db: Database, kode: str, nip: str, row: dict) -> None:
    """Insert or replace one row (periode, nip, nomor)."""
    db.execute(
        f"INSERT OR REPLACE INTO sasaran (periode, nip, {', '.join(KOLOM)}, diubah) "
        f"VALUES ({', '.join('?' * (len(KOLOM) + 3))})",
        [kode, nip, *_ke_db(row), sekarang()],
    )


def bobot_per_pegawai(db: Database, kode: str, nips=None) -> dict[str, Decimal]:
    w, a = _saring_nip(nips)
    hasil: dict[str, Decimal] = {}
    for nip, bobot in db.execute(f"SELECT s.nip, s.bobot FROM sasaran s WHERE s.periode = ?{w}", [kode, *a]):
        hasil[nip] = hasil.get(nip, Decimal(0)) + Decimal(bobot)
    return hasil


def ke_audit(row: dict) -> dict:
    """A row as JSON-friendly audit data (decimals as canonical text)."""
    return {k: (teks_desimal(row[k]) if k in _DESIMAL and row[k] is not None else row[k]) for k in KOLOM}


audit_json = pembuat_objek(KOLOM)
"""The audit text of a row given as a tuple in KOLOM order in audit form (decimals as canonical text,
target_maksimal bool): store.audit.teks_json(dict(zip(KOLOM, t))), by the one writer (store.audit_json)."""
