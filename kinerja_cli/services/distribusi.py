"""A unit's own predikat and the spread of its employees' predikat against the curve."""

from __future__ import annotations

from ..errors import DataTidakValid
from ..kosakata import PREDIKAT_UNIT
from ..model import Periode
from ..scoring.distribusi import sebaran
from ..store import audit
from ..store import nilai as tabel
from ..store import pegawai as tabel_pegawai
from ..store.db import sekarang, transaksi
from . import nilai, periode
from .tren import tercatat


def _unit(db, unit: str) -> str:
    u = tabel_pegawai.unit_ada(db, unit)
    if not u:
        raise DataTidakValid(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
    return u


def tetapkan(db, unit: str, kode: str, predikat: str) -> dict:
    p = periode.pastikan_terbuka(db, kode)
    u = _unit(db, unit)
    if predikat not in PREDIKAT_UNIT:
        raise DataTidakValid(f"Predikat unit '{predikat}' tidak dikenal.", f"Pilih: {', '.join(PREDIKAT_UNIT)}.")
    with transaksi(db):
        lama = tabel.simpan_unit_predikat(db, p.kode, u, predikat, sekarang())
        if lama != predikat:
            audit.catat(db, "unit_predikat", f"{p.kode}/{u}", "ubah" if lama else "tambah",
                        {"predikat": lama} if lama else None, {"predikat": predikat})
    return {"unit": u, "periode": p.kode, "predikat": predikat, "sebelumnya": lama}


def distribusi(db, kode: str, unit: str | None = None) -> list[dict]:
    """Per unit: count and share of each predikat, the unit's curve verdict."""
    return dari_laporan(db, nilai.laporan(db, kode, unit, ringkas=True))


def dari_laporan(db, lap) -> list[dict]:
    """`distribusi` of an already computed report: its records counted per unit and predikat.

    Employees with nothing recorded in the period (no SKP row, no behaviour score, no direct
    rating) are counted apart as `tanpa_data`: their computed 0 / Sangat Kurang says nothing
    about their performance, so it stays out of the spread and of the curve check.
    """
    per_unit: dict[str, dict[str, int]] = {}
    tanpa_data: dict[str, int] = {}
    for r in lap.rekaman:
        u = r.pegawai.unit
        per_unit.setdefault(u, {})
        if not tercatat(r):
            tanpa_data[u] = tanpa_data.get(u, 0) + 1
            continue
        pr = r.hasil.predikat
        per_unit[u][pr] = per_unit[u].get(pr, 0) + 1
    return dari_hitungan(db, lap.periode, per_unit, tanpa_data)


def dari_hitungan(db, periode: Periode, per_unit: dict[str, dict[str, int]], tanpa_data: dict[str, int]) -> list[dict]:
    """Per unit (by name, case-folded): the spread of `per_unit` (unit -> {predikat: count} of the
    employees with data) against the unit's curve, and `tanpa_data` (unit -> employees without)."""
    param = periode.param
    predikat_unit = tabel.unit_predikat(db, periode.kode)
    return [{"unit": u, "jumlah": 0, "tanpa_data": tanpa_data.get(u, 0),
             **sebaran(per_unit[u], predikat_unit.get(u), param)}
            for u in sorted(per_unit, key=str.lower)]
