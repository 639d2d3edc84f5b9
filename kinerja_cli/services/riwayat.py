"""Reading the audit log."""

from __future__ import annotations

from ..errors import DataTidakValid
from ..store import audit


def riwayat(db, nip: str | None = None, sejak: str | None = None, batas: int = 200) -> list[dict]:
    from datetime import date

    if sejak:
        try:
            date.fromisoformat(sejak[:10])
        except ValueError:
            raise DataTidakValid(f"Tanggal --sejak '{sejak}' tidak dikenal.", "Tulis sebagai TTTT-BB-HH, misalnya 2026-01-31.") from None
    if nip:
        from .pegawai import nip_dari_argumen

        nip = nip_dari_argumen(nip)
    return audit.riwayat(db, nip, sejak, batas or None)
