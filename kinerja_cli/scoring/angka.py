"""Decimal helpers shared by the scoring modules: constants, rounding, display.

Every value marked (r) in DOMAIN.md goes through :func:`bulat` (2 decimals,
ROUND_HALF_UP) before the next step uses it.  Arithmetic runs in
:data:`KONTEKS` (28 significant digits, traps on) so a caller's changed
decimal context cannot alter a result.
"""

from __future__ import annotations

from decimal import (
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)

Q = Decimal("0.01")
NOL = Decimal(0)
SERATUS = Decimal(100)
DUA_RATUS = Decimal(200)
TOLERANSI_BOBOT = Decimal("0.01")

KONTEKS = Context(
    prec=28,
    rounding=ROUND_HALF_EVEN,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)


def bulat(x: Decimal) -> Decimal:
    """Round to 2 decimals, half up (the (r) step of DOMAIN.md)."""
    return x.quantize(Q, ROUND_HALF_UP)


def teks(x: Decimal) -> str:
    """A 2-decimal number the Indonesian way: ``112,40``."""
    return format(bulat(x), "f").replace(".", ",")


_TEKS_AMBANG: dict = {}


def teks_ambang(x: Decimal) -> str:
    """A parameter without needless zeros: ``110``, ``90,5`` (cached)."""
    s = _TEKS_AMBANG.get(x)
    if s is None:
        s = format(x.normalize(), "f").replace(".", ",")
        if len(_TEKS_AMBANG) < 1024:
            _TEKS_AMBANG[x] = s
    return s


def ke_decimal(x: object, nama: str = "nilai") -> Decimal:
    """Read a stored number (string, int or Decimal) exactly; floats go via str."""
    if isinstance(x, Decimal):
        return x
    if isinstance(x, bool):
        raise ValueError(f"{nama}: bukan angka: {x!r}")
    if isinstance(x, (int, str, float)):
        try:
            d = Decimal(str(x).strip().replace(",", ".")) if isinstance(x, str) else Decimal(str(x))
        except InvalidOperation:
            raise ValueError(f"{nama}: bukan angka: {x!r}") from None
        if not d.is_finite():
            raise ValueError(f"{nama}: bukan angka: {x!r}")
        return d
    raise ValueError(f"{nama}: bukan angka: {x!r}")
