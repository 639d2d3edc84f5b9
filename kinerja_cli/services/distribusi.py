"""A unit's own predikat and the spread of its employees' predikat against the curve."""

from __future__ import annotations

from ..errors import DataTidakValid
from ..kosakata import BUTUH_PERBAIKAN, KUNCI_PREDIKAT, PREDIKAT_UNIT
from ..kosakata import kolom_predikat as kolom_predikat_kosakata
from ..model import Periode, masuk_sebaran
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
    """Per unit: count and share of each predikat, the unit's curve verdict. The 70-<90 band's keys follow the
    period's name for it (`kolom_predikat`): 'cukup' / 'persen_cukup' in a pp30 period that names it Cukup."""
    lap = nilai.laporan(db, kode, unit, ringkas=True)
    baris = dari_laporan(db, lap)
    kunci = _kunci_tengah(lap.periode)
    if kunci != KUNCI_PREDIKAT[BUTUH_PERBAIKAN]:
        lama = KUNCI_PREDIKAT[BUTUH_PERBAIKAN]
        baris = [{(kunci if k == lama else f"persen_{kunci}" if k == f"persen_{lama}" else k): v for k, v in b.items()}
                 for b in baris]
    return baris


def _nama_tengah(per: Periode) -> str:
    """The period's name of the 70-<90 band: Butuh Perbaikan (permenpan6), the period's setting in pp30."""
    if per.metode != "pp30":
        return BUTUH_PERBAIKAN
    try:
        return per.param.nama_cukup_pp30
    except (KeyError, TypeError, ValueError):
        return BUTUH_PERBAIKAN


def _kunci_tengah(per: Periode) -> str:
    return KUNCI_PREDIKAT[_nama_tengah(per)]


def kolom_predikat(db, kode: str) -> tuple:
    """The spread's (key, label) columns as the period names them (kosakata.kolom_predikat)."""
    return kolom_predikat_kosakata(_nama_tengah(periode.wajib_ada(db, kode)))


def dari_laporan(db, lap) -> list[dict]:
    """`distribusi` of an already computed report: its records counted per unit and predikat.

    Employees with nothing recorded in the period (no SKP row, no behaviour score, no direct
    rating) are counted apart as `tanpa_data`, and those whose SKP rows still wait for any
    realisation as `menunggu_realisasi` (mid-period): their computed 0 / Sangat Kurang says
    nothing about their performance, so it stays out of the spread and of the curve check.
    """
    per_unit: dict[str, dict[str, int]] = {}
    tanpa_data: dict[str, int] = {}
    menunggu: dict[str, int] = {}
    for r in lap.rekaman:
        u = r.pegawai.unit
        per_unit.setdefault(u, {})
        if not tercatat(r):
            tanpa_data[u] = tanpa_data.get(u, 0) + 1
        elif not masuk_sebaran(r):
            menunggu[u] = menunggu.get(u, 0) + 1
        else:
            pr = r.hasil.predikat
            per_unit[u][pr] = per_unit[u].get(pr, 0) + 1
    return dari_hitungan(db, lap.periode, per_unit, tanpa_data, menunggu)


def dari_hitungan(db, periode: Periode, per_unit: dict[str, dict[str, int]], tanpa_data: dict[str, int],
                  menunggu: dict[str, int] | None = None) -> list[dict]:
    """Per unit (by name, case-folded): the spread of `per_unit` (unit -> {predikat: count} of the
    employees counted, `model.masuk_sebaran`) against the unit's curve, `tanpa_data` (unit -> employees
    without data) and `menunggu_realisasi` (unit -> employees whose SKP waits for any realisation)."""
    menunggu = menunggu or {}
    param = periode.param
    predikat_unit = tabel.unit_predikat(db, periode.kode)
    return [{"unit": u, "jumlah": 0, "tanpa_data": tanpa_data.get(u, 0), "menunggu_realisasi": menunggu.get(u, 0),
             **sebaran(per_unit[u], predikat_unit.get(u), param)}
            for u in sorted(per_unit, key=str.lower)]
