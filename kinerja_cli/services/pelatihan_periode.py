"""The Pengembangan rows of one period (`kinerja pelatihan rekap --periode P`): above services.pelatihan
(the year's hours) and services.beku (what a closed period froze), so neither imports the other."""

from __future__ import annotations

from ..store import pegawai as tabel_pegawai
from . import beku
from . import periode as layanan_periode
from .pegawai import unit_wajib_ada


def rekap_periode(db, kode: str, unit: str | None = None, prioritas: bool = False) -> tuple[list[dict], int, list[str]]:
    """(rows, year, notes) of period `kode`'s Pengembangan, the rows of its recap sheet: a closed period's
    as frozen at close (services.beku: the unit each employee had then), an open one's from `rekap`."""
    p = layanan_periode.wajib_ada(db, kode)
    u = (tabel_pegawai.unit_ada(db, unit) or unit.strip()) if (unit and p.ditutup) else (
        unit_wajib_ada(db, unit) if unit else None)
    baris, tahun = beku.pengembangan(db, p, u, None)
    if unit and not baris and p.ditutup:
        unit_wajib_ada(db, unit)  # neither in the frozen rows nor in the roster: refused as unknown
    baris = [{"aktif": True, **b} for b in baris]  # rows frozen before `aktif` was kept: everyone was active
    if not prioritas:
        baris.sort(key=lambda b: (b["unit"].lower(), b["nama"].lower(), b["nip"]))
    return baris, tahun, beku.catatan(db, p)
