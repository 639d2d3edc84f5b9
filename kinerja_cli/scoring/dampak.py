"""Impact of performance management on public service: pure rules, no I/O.

A unit's service indicator (e.g. days to issue a business permit) has a direction:
`naik` (higher is better) or `turun` (lower is better). These functions judge the
change between the first and the latest period, the distance to the target, draw
a terminal sparkline and compute the share of employees rated Baik or better.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..kosakata import BAIK, SANGAT_BAIK

ARAH = ("naik", "turun")
MEMBAIK, MEMBURUK, TETAP = "membaik", "memburuk", "tetap"
PREDIKAT_BAIK_KE_ATAS = (SANGAT_BAIK, BAIK)
BLOK = "▁▂▃▄▅▆▇█"

_SERATUS = Decimal(100)
_DUA = Decimal("0.01")


def bulat2(d: Decimal) -> Decimal:
    return d.quantize(_DUA, rounding=ROUND_HALF_UP)


def penilaian(awal: Decimal, akhir: Decimal, arah: str) -> str:
    """membaik | memburuk | tetap, judged with the indicator's direction."""
    if akhir == awal:
        return TETAP
    naik = akhir > awal
    if arah == "turun":
        naik = not naik
    return MEMBAIK if naik else MEMBURUK


def perubahan(awal: Decimal, akhir: Decimal) -> tuple[Decimal, Decimal | None]:
    """(absolute change, change in % of the first value); % is None when the first value is 0."""
    beda = akhir - awal
    if awal == 0:
        return beda, None
    return beda, bulat2(beda / awal * _SERATUS)


def jarak_target(akhir: Decimal, target: Decimal | None, arah: str) -> tuple[Decimal | None, bool | None]:
    """(distance still to go, reached?). Distance is 0 when the target is reached; (None, None) without target."""
    if target is None:
        return None, None
    sisa = target - akhir if arah == "naik" else akhir - target
    if sisa <= 0:
        return Decimal(0), True
    return sisa, False


def sparkline(nilai: list[Decimal]) -> str:
    """One block character per value, scaled between the min and the max (all equal: middle blocks)."""
    if not nilai:
        return ""
    lo, hi = min(nilai), max(nilai)
    if hi == lo:
        return BLOK[3] * len(nilai)
    top = len(BLOK) - 1
    return "".join(BLOK[int(((v - lo) / (hi - lo) * top).to_integral_value(rounding=ROUND_HALF_UP))] for v in nilai)


def persen_baik(predikat: list[str]) -> Decimal | None:
    """Share (%) of employees rated Sangat Baik or Baik; None when there is nobody."""
    if not predikat:
        return None
    n = sum(1 for p in predikat if p in PREDIKAT_BAIK_KE_ATAS)
    return bulat2(Decimal(n) / Decimal(len(predikat)) * _SERATUS)


@dataclass(frozen=True)
class Ringkasan:
    periode_awal: str | None
    nilai_awal: Decimal | None
    periode_akhir: str | None
    nilai_akhir: Decimal | None
    perubahan: Decimal | None
    perubahan_persen: Decimal | None
    penilaian: str | None
    jarak_target: Decimal | None
    target_tercapai: bool | None


def ringkas(deret: list[tuple[str, Decimal]], arah: str, target: Decimal | None) -> Ringkasan:
    """Summarise a series of (period, value) already in period order.

    No value: everything None. One value: no change (None), but the distance to target is known.
    """
    if not deret:
        return Ringkasan(None, None, None, None, None, None, None, None, None)
    (pa, va), (pz, vz) = deret[0], deret[-1]
    jarak, capai = jarak_target(vz, target, arah)
    if len(deret) == 1:
        return Ringkasan(pa, va, pz, vz, None, None, None, jarak, capai)
    beda, persen = perubahan(va, vz)
    return Ringkasan(pa, va, pz, vz, beda, persen, penilaian(va, vz, arah), jarak, capai)


def angka_ringkas(d: Decimal | None, digit: int = 2) -> str:
    """Indonesian number without trailing zeros: 7.5 -> '7,5', 3 -> '3', 1234.5 -> '1.234,5'."""
    if d is None:
        return "-"
    q = d.quantize(Decimal(1).scaleb(-digit), rounding=ROUND_HALF_UP)
    t = f"{q:,.{digit}f}"
    if "." in t:
        t = t.rstrip("0").rstrip(".")
    return t.replace(",", "_").replace(".", ",").replace("_", ".")


def dengan_satuan(d: Decimal | None, satuan: str | None, digit: int = 2) -> str:
    """'0,5 hari', '75%' (no space before %), '4' without unit."""
    t = angka_ringkas(d, digit)
    if not satuan or d is None:
        return t
    return f"{t}{satuan}" if satuan == "%" else f"{t} {satuan}"


def teks_jarak(jarak: Decimal | None, tercapai: bool | None, satuan: str | None) -> str:
    """'0,5 hari lagi' | 'target tercapai' | '-' (no target or no value)."""
    if tercapai is None:
        return "-"
    if tercapai:
        return "target tercapai"
    return f"{dengan_satuan(jarak, satuan)} lagi"
