"""Maintenance queries: consistent backup, integrity and consistency checks."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

from sqlite_utils import Database

from ..berkas_aman import galat_tulis
from ..errors import BasisDataError
from . import cadangan
from .db import db_path


def cadangkan(db: Database, tujuan: Path):
    """A consistent, verified copy while others may write (SQLite online backup API), mode 0600,
    written under a temporary name and renamed only once verified: see store.cadangan."""
    try:
        return cadangan.cadangkan(db.conn, Path(db_path(db)), tujuan)
    except (OSError, sqlite3.Error) as e:
        teks = str(e).lower()
        if isinstance(e, sqlite3.OperationalError) and ("locked" in teks or "busy" in teks):
            raise  # the source is busy: the boundary says so
        raise _gagal(tujuan, e) from None


def _gagal(tujuan: Path, e: Exception) -> Exception:
    if isinstance(e, OSError):  # the one message for a failed write (a parent that is a file, no permission, ...)
        return galat_tulis(e, tujuan, "Cadangan")
    sebab = getattr(e, "strerror", None) or str(e)
    return BasisDataError(f"Cadangan {tujuan} tidak dapat ditulis ({sebab}); tidak ada berkas cadangan yang dibuat.",
                          "Periksa izin dan ruang kosong folder tujuan, atau pilih folder lain, lalu ulangi.")


def cek_integritas(db: Database) -> list[str]:
    """integrity_check's findings; a file too damaged to check gives SQLite's error as the finding."""
    try:
        hasil = [r[0] for r in db.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as e:
        return [str(e)]
    return [] if hasil == ["ok"] else hasil


def cek_cepat(db: Database) -> list[str]:
    """quick_check's findings (the page-level part of integrity_check, much faster: run before a
    period's results are frozen); a file too damaged to check gives SQLite's error as the finding."""
    try:
        hasil = [r[0] for r in db.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as e:
        return [str(e)]
    return [] if hasil == ["ok"] else hasil


def cek_kunci_asing(db: Database) -> list[tuple]:
    return list(db.execute("PRAGMA foreign_key_check"))


def realisasi_yatim(db: Database) -> list[tuple]:
    """Realisations whose SKP row no longer exists."""
    return list(db.execute(
        """SELECT r.periode, r.nip, r.nomor FROM realisasi r
           LEFT JOIN sasaran s ON s.periode = r.periode AND s.nip = r.nip AND s.nomor = r.nomor
           WHERE s.nip IS NULL ORDER BY r.periode, r.nip, r.nomor"""))


def atasan_hilang(db: Database) -> list[tuple]:
    return list(db.execute(
        """SELECT p.nip, p.nip_atasan FROM pegawai p LEFT JOIN pegawai a ON a.nip = p.nip_atasan
           WHERE p.nip_atasan IS NOT NULL AND a.nip IS NULL ORDER BY p.nip"""))


def peta_atasan(db: Database) -> dict[str, str | None]:
    return {r[0]: r[1] for r in db.execute("SELECT nip, nip_atasan FROM pegawai")}


def bobot_periode_ditutup(db: Database) -> list[tuple[str, str, Decimal]]:
    """(periode, nip, sum) of closed periods whose bobot do not sum to 100."""
    hasil = []
    cur = db.execute(
        """SELECT s.periode, s.nip, s.bobot FROM sasaran s JOIN periode p ON p.kode = s.periode
           WHERE p.status = 'ditutup' ORDER BY s.periode, s.nip""")
    jumlah: dict[tuple[str, str], Decimal] = {}
    for periode, nip, bobot in cur:
        jumlah[(periode, nip)] = jumlah.get((periode, nip), Decimal(0)) + Decimal(bobot)
    for (periode, nip), s in jumlah.items():
        if abs(s - 100) > Decimal("0.01"):
            hasil.append((periode, nip, s))
    return hasil


def periode_tanpa_snapshot(db: Database) -> list[str]:
    return [r[0] for r in db.execute(
        """SELECT p.kode FROM periode p WHERE p.status = 'ditutup'
           AND NOT EXISTS (SELECT 1 FROM hasil_snapshot h WHERE h.periode = p.kode)""")]
