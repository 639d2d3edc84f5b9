"""Period codes: 2026 (tahunan), 2026-T1..T4 (triwulan), 2026-01..12 (bulanan)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .teks import SARAN_TANGGAL_OPSI, TanggalTidakValid, baca_tanggal

JENIS = ("tahunan", "triwulan", "bulanan")


class KodeTidakValid(ValueError):
    def __init__(self, pesan: str, saran: str = ""):
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran


@dataclass(frozen=True)
class KodePeriode:
    kode: str
    jenis: str
    tahun: int
    mulai: date
    selesai: date


def _akhir_bulan(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def urai_kode(teks: str) -> KodePeriode:
    s = (teks or "").strip().upper()
    saran = "Tulis kode periode seperti 2026 (tahunan), 2026-T1 (triwulan I) atau 2026-01 (Januari)."
    m = re.fullmatch(r"([0-9]{4})", s)
    if m:
        y = int(m.group(1))
        return KodePeriode(s, "tahunan", y, date(y, 1, 1), date(y, 12, 31))
    m = re.fullmatch(r"([0-9]{4})-?(?:T|TW|Q)([1-4])", s)
    if m:
        y, t = int(m.group(1)), int(m.group(2))
        return KodePeriode(f"{y}-T{t}", "triwulan", y, date(y, 3 * t - 2, 1), _akhir_bulan(y, 3 * t))
    m = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", s)
    if m:
        y, b = int(m.group(1)), int(m.group(2))
        if not 1 <= b <= 12:
            raise KodeTidakValid(f"Bulan {b} pada kode periode '{teks}' tidak ada.", saran)
        return KodePeriode(f"{y}-{b:02d}", "bulanan", y, date(y, b, 1), _akhir_bulan(y, b))
    raise KodeTidakValid(f"Kode periode '{teks}' tidak dikenal.", saran)


def urai_tanggal(teks: str, nama: str) -> date:
    """A date option, read by the one date rule (validation.teks.baca_tanggal): 2026-01-31, 31-01-2026, 31/01/2026."""
    try:
        t = baca_tanggal(teks)
    except TanggalTidakValid:
        t = None
    if t is None:
        raise KodeTidakValid(f"Tanggal {nama} '{teks}' tidak dikenal.", SARAN_TANGGAL_OPSI)
    return t
