"""Numbers as people type them: 95, 95.5, '95,5', '1.250,5', 0.95 in a % cell."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation


class AngkaTidakValid(ValueError):
    def __init__(self, pesan: str, saran: str = ""):
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran


_RIBUAN_TITIK = re.compile(r"^-?\d{1,3}(\.\d{3}){2,}$")  # 1.000.000
BATAS_DIGIT = 15  # |number| < 10**15: more than any target, score or count, and exact in a float
BATAS_KECIL = -20  # a non-zero number under 10**-20 is a typing slip ('1e-400'), not data


def baca_angka(nilai: object, persen: bool = False) -> Decimal:
    """Parse a number from a cell or an argument; raise AngkaTidakValid.

    `persen`: the cell is shown as a percentage in Excel (0.95 shown as 95%),
    so the stored fraction is multiplied by 100.
    """
    if isinstance(nilai, bool):
        raise AngkaTidakValid(f"'{nilai}' bukan angka", "isi dengan angka")
    if isinstance(nilai, (datetime, date, time)):
        raise AngkaTidakValid("berisi tanggal/jam, bukan angka", "ubah format sel menjadi Angka (Number) lalu isi angkanya")
    if isinstance(nilai, int):
        d = Decimal(nilai)
    elif isinstance(nilai, float):
        if math.isnan(nilai) or math.isinf(nilai):
            raise AngkaTidakValid("bukan angka yang sah (NaN/tak hingga)", "isi dengan angka")
        d = Decimal(repr(nilai))
    else:
        s = str(nilai if nilai is not None else "").strip().replace("\u00a0", "").replace(" ", "")
        if not s:
            raise AngkaTidakValid("kosong", "isi dengan angka")
        pakai_persen = s.endswith("%")
        if pakai_persen:
            s = s[:-1]
        if "," in s and "." in s:
            if s.rfind(",") > s.rfind("."):  # 1.250,5
                s = s.replace(".", "").replace(",", ".")
            else:  # 1,250.5
                s = s.replace(",", "")
        elif "," in s:
            if s.count(",") > 1:
                raise AngkaTidakValid(f"'{nilai}' bukan angka", "gunakan satu koma desimal, misalnya 95,5")
            s = s.replace(",", ".")
        elif _RIBUAN_TITIK.match(s):
            s = s.replace(".", "")
        try:
            d = Decimal(s)
        except InvalidOperation:
            raise AngkaTidakValid(f"'{nilai}' bukan angka", "isi dengan angka, misalnya 95 atau 95,5") from None
        if not d.is_finite():
            raise AngkaTidakValid(f"'{nilai}' bukan angka", "isi dengan angka")
        _periksa_jangkauan(d, nilai)
        return d.normalize() if d != 0 else Decimal(0)
    _periksa_jangkauan(d, nilai)
    if persen:
        d = d * 100
    return d.normalize() if d != 0 else Decimal(0)


def _periksa_jangkauan(d: Decimal, nilai: object) -> None:
    """Refuse absurd magnitudes before any arithmetic ('1e999999999' would overflow or fill memory)."""
    if d != 0 and not BATAS_KECIL <= d.adjusted() < BATAS_DIGIT:
        tampil = str(nilai) if len(str(nilai)) <= 40 else str(nilai)[:40] + "..."
        raise AngkaTidakValid(f"'{tampil}' di luar jangkauan angka yang wajar",
                              f"isi angka biasa (kurang dari {BATAS_DIGIT} digit), misalnya 95 atau 95,5")


def teks_desimal(d: Decimal | None) -> str | None:
    """Canonical storage text of a Decimal: '95.5', '100', '0.25' (never exponent)."""
    if d is None:
        return None
    t = format(d.normalize(), "f")
    return "0" if t in ("-0", "") else t


def angka_id(d: Decimal | float | None, digit: int = 2) -> str:
    """Indonesian display: 109 -> '109,00'; 1234.5 -> '1.234,50'."""
    if d is None:
        return "-"
    if not isinstance(d, Decimal):
        d = Decimal(str(d))
    q = Decimal(1).scaleb(-digit)
    from decimal import ROUND_HALF_UP

    t = f"{d.quantize(q, rounding=ROUND_HALF_UP):,.{digit}f}"
    return t.replace(",", "_").replace(".", ",").replace("_", ".")
