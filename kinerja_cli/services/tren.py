"""Ratings across periods: one employee's trend, or a unit's.

Periods are taken in order of their start date; each period's results come
from `services.nilai.laporan` (live when open, the snapshot when closed), one
call per period. An employee with nothing recorded in a period (no SKP row,
no behaviour score, no direct rating) has no result there: an open period
would otherwise show NA 0 for people whose data is simply not in yet.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..errors import DataTidakValid, TidakDitemukan
from ..kosakata import BAIK, KUNCI_PREDIKAT, ORDER_PREDIKAT, SANGAT_BAIK
from ..model import Periode, Rekaman, ada_data, masuk_sebaran
from ..store import periode as tabel_periode
from . import nilai
from .instansi import singkatan_unit
from .pegawai import unit_wajib_ada, wajib_ada

DUA = Decimal("0.01")


def tercatat(r: Rekaman) -> bool:
    """True when the record rests on data recorded for that employee in that period."""
    return ada_data(r)


def periode_urut(db, tahun: int | None = None) -> list[Periode]:
    """Periods by start date (optionally only those starting in `tahun`)."""
    semua = sorted(tabel_periode.semua(db), key=lambda p: (p.mulai, p.kode))
    if tahun is not None:
        semua = [p for p in semua if p.tahun == tahun]
    return semua


def _arah(pertama: Decimal, terakhir: Decimal) -> str:
    return "naik" if terakhir > pertama else "turun" if terakhir < pertama else "tetap"


def _tambah_selisih(baris: list[dict], kunci: str) -> dict:
    """Each row's change from the previous counted period, and the overall direction, reading only
    periods with realisations (`dihitung`): a period in progress (no realisation yet) is no drop. Returns
    {'arah', 'selisih_total', 'banding': [periods compared], 'belum_lengkap': [periods left out]}."""
    sebelum = None
    banding = []
    for b in baris:
        if not b["dihitung"]:
            b["selisih"] = None
            continue
        b["selisih"] = None if sebelum is None else b[kunci] - sebelum
        sebelum = b[kunci]
        banding.append(b)
    ringkas = {"banding": [b["periode"] for b in banding],
               "belum_lengkap": [b["periode"] for b in baris if not b["dihitung"]],
               "arah": None, "selisih_total": None}
    if banding:
        ringkas.update(arah=_arah(banding[0][kunci], banding[-1][kunci]),
                       selisih_total=banding[-1][kunci] - banding[0][kunci])
    return ringkas


def tren_pegawai(db, nip: str) -> dict:
    """{'pegawai', 'baris': [per period], 'arah', 'selisih_total'} for one employee."""
    p = wajib_ada(db, nip)
    baris = []
    for per in periode_urut(db):
        try:
            lap = nilai.laporan(db, per.kode, nip=p.nip, ringkas=True)
        except DataTidakValid:  # not part of that period (inactive, or absent when it was closed)
            continue
        rek = [r for r in lap.rekaman if tercatat(r)]
        if not rek:
            continue
        h = rek[0].hasil
        baris.append({"nip": p.nip, "nama": p.nama, "periode": per.kode, "mulai": per.mulai,
                      "metode": h.metode, "status": per.status, "nhk": h.nhk,
                      "npk": h.npk, "na": h.na, "predikat": h.predikat,
                      "lengkap": h.lengkap, "dihitung": masuk_sebaran(rek[0])})
    if not baris:
        raise TidakDitemukan(
            f"Belum ada hasil penilaian untuk {p.nama} ({p.nip}) di periode mana pun.",
            "Tren butuh data SKP atau penilaian perilaku pegawai ini; lihat periode dengan: kinerja periode daftar")

    return {"pegawai": p.ke_dict(), "singkatan": singkatan_unit(db).get((p.unit or "").casefold()), "baris": baris,
            **_tambah_selisih(baris, "na")}


def tren_unit(db, unit: str) -> dict:
    """{'unit', 'baris': [per period: count, mean NA, share Baik or better, counts per predikat], 'arah', ...}.

    `jumlah_pegawai` counts everyone with data in the period; of them, `menunggu_realisasi` still wait
    for any realisation (mid-period) and stay out of the mean, the share and the counts per predikat
    (`model.masuk_sebaran`): `rata_na` and `persen_baik` are None while nobody has realisations yet."""
    u = unit_wajib_ada(db, unit)
    baris = []
    for per in periode_urut(db):
        rek = [r for r in nilai.laporan(db, per.kode, unit=u, ringkas=True).rekaman if tercatat(r)]
        if not rek:
            continue
        dihitung = [r for r in rek if masuk_sebaran(r)]
        hitung = {KUNCI_PREDIKAT[p]: 0 for p in ORDER_PREDIKAT}
        for r in dihitung:
            k = KUNCI_PREDIKAT.get(r.hasil.predikat)
            if k:
                hitung[k] += 1
        baik = sum(1 for r in dihitung if r.hasil.predikat in (SANGAT_BAIK, BAIK))
        n = len(dihitung)
        baris.append({"unit": u, "periode": per.kode, "mulai": per.mulai, "metode": rek[0].hasil.metode,
                      "status": per.status, "jumlah_pegawai": len(rek), "menunggu_realisasi": len(rek) - n,
                      "rata_na": (sum(r.hasil.na for r in dihitung) / n).quantize(DUA, ROUND_HALF_UP) if n else None,
                      "persen_baik": (Decimal(100) * baik / n).quantize(DUA, ROUND_HALF_UP) if n else None,
                      **hitung, "dihitung": bool(n)})
    if not baris:
        raise TidakDitemukan(f"Belum ada hasil penilaian untuk unit {u} di periode mana pun.",
                             "Lihat periode dengan: kinerja periode daftar")

    return {"unit": u, "singkatan": singkatan_unit(db).get(u.casefold()), "baris": baris,
            **_tambah_selisih(baris, "rata_na")}
