"""Capaian IKI and its conversion into nilai capaian (DOMAIN.md 4.1, 4.2).

The conversion table is fixed by Lampiran PermenPANRB 8/2021 bab VI:
100% -> 109 ("Baik"), 98% -> 88 ("Cukup").  Slopes are computed as
``numerator x (C - start) / denominator`` so no repeating fraction is rounded
before the final (r) step.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .angka import DUA_RATUS, NOL, SERATUS, Q
from .angka import bulat as _b
from .tipe import BarisSKP

_C100 = Decimal("100.00")
_NOL2 = Decimal("0.00")
_120 = Decimal("120.00")
_109 = Decimal("109.00")
_110 = Decimal(110)
_101 = Decimal(101)
_80 = Decimal(80)
_70 = Decimal(70)
_60 = Decimal(60)
_50 = Decimal(50)
_59 = Decimal(59)
_49 = Decimal(49)
_19 = Decimal(19)
_10 = Decimal(10)
_9 = Decimal(9)

CABANG_DI_ATAS_110 = "C > 110 → 120"
CABANG_101_110 = "101 ≤ C ≤ 110 → 110 + 10/9 × (C − 101)"
CABANG_100_101 = "100 ≤ C < 101 → 109"
CABANG_TARGET_MAKSIMAL = "target maksimal dan C ≥ 100 → 120"
CABANG_80_100 = "80 ≤ C < 100 → 70 + (89 − 70)/(99 − 80) × (C − 80) = C − 10"
CABANG_60_80 = "60 ≤ C < 80 → 50 + (69 − 50)/(79 − 60) × (C − 60) = C − 10"
CABANG_DI_BAWAH_60 = "C < 60 → C / 59 × 49"
CABANG_REALISASI_KOSONG = "realisasi belum diisi → 0"
CABANG_TARGET_TIDAK_VALID = "target tidak lebih dari 0, capaian tak terhitung → 0"


def capaian(baris: BarisSKP, param=None) -> tuple:
    """Capaian C (%), rounded (r), and the target used.

    Returns ``(None, None)`` when no realisasi is recorded, ``(None, T)`` when
    the target used is not above 0 (C undefined), ``(100.00, None)`` when the
    realisasi lies inside a range target, else ``(C, T)``.  C never goes
    below 0 (DOMAIN.md says so for arah turun; a negative realisasi with arah
    naik is clamped the same way).

    ``param`` (a scoring.Parameter, None: today's defaults) carries the period's local
    conventions: the (r) rounding, C inside a range (100) and C >= 0 for arah turun.
    """
    r = baris.realisasi
    if r is None:
        return None, None
    hi = baris.target_hi
    if hi is None:
        t = baris.target_lo
    else:
        lo = baris.target_lo
        if hi < lo:
            lo, hi = hi, lo
        if r > hi:
            t = hi
        elif r < lo:
            t = lo
        else:
            return (_C100 if param is None else param.bulat(param.capaian_rentang)), None
    if t <= 0:
        return None, t
    if baris.arah == "turun":
        c = DUA_RATUS - SERATUS * r / t
        if c < 0 and (param is None or param.capaian_turun_min_nol):
            c = NOL
    else:
        c = SERATUS * r / t
        if c < 0:
            c = NOL
    if param is None or param.bawaan_bulat:
        return c.quantize(Q, ROUND_HALF_UP), t
    return param.bulat(c), t


def nilai_capaian(c: Decimal, target_maksimal: bool = False, param=None) -> tuple:
    """Nilai capaian IKI (0..120), rounded (r), and the branch used.

    ``c`` is rounded (r) first, so the bands meet without gaps.
    """
    b = _b if param is None else param.bulat
    return konversi(b(c), target_maksimal, b, param is not None and not param.capaian_turun_min_nol)


def konversi(c: Decimal, target_maksimal: bool, _b=_b, negatif: bool = False) -> tuple:
    """:func:`nilai_capaian` for a C that is already rounded (hot path); ``_b`` is the (r) step; ``negatif``:
    a C below 0 keeps the formula's negative nilai (the period's capaian_turun_min_nol is off), else 0."""
    if c >= SERATUS:
        if target_maksimal:
            return _120, CABANG_TARGET_MAKSIMAL
        if c > _110:
            return _120, CABANG_DI_ATAS_110
        if c >= _101:
            return _b(_110 + _10 * (c - _101) / _9), CABANG_101_110
        return _109, CABANG_100_101
    if c >= _80:
        return _b(_70 + _19 * (c - _80) / _19), CABANG_80_100
    if c >= _60:
        return _b(_50 + _19 * (c - _60) / _19), CABANG_60_80
    if c == 0 or (c < 0 and not negatif):
        return _NOL2, CABANG_DI_BAWAH_60
    # `negatif`: the period lets C of arah turun go below 0 (--capaian-turun-boleh-negatif); the formula then
    # gives a negative nilai, which is the point of that setting (C = -40 -> -33.22)
    return _b(c * _49 / _59), CABANG_DI_BAWAH_60
