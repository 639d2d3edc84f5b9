"""Cell text and dates as people type them (shared by every importer)."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
_DMY = re.compile(r"^([0-9]{1,2})([/\-.])([0-9]{1,2})\2([0-9]{4})$")
SARAN_TANGGAL = "isi sel tanggal Excel, atau teks TTTT-BB-HH (2026-03-31) atau HH/BB/TTTT (31/03/2026)"


def teks(v) -> str | None:
    """Cell text with whitespace collapsed ('1.0' floats shown as '1'); None when empty."""
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = " ".join(str(v).split())
    return s or None


# Control characters refused in every text cell of an import: C0 except tab, line feed and carriage
# return (whitespace, collapsed by `teks`), DEL and C1. Excel stores them as _xHHHH_ escapes, which
# python-calamine decodes into the real character and openpyxl leaves as text: both are refused.
_KENDALI = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|_x00(?:0[0-8BCEF]|1[0-9A-F]|7F|[89][0-9A-F])_", re.I)
_NAMA_KENDALI = {0x1B: "ESC", 0x07: "BEL", 0x08: "BS", 0x00: "NUL", 0x7F: "DEL", 0x0B: "VT", 0x0C: "FF"}
SARAN_KENDALI = ("ketik ulang isi sel itu tanpa karakter tersebut, atau pakai rumus =CLEAN(sel) lalu tempel "
                 "sebagai nilai (Paste Values)")


def karakter_kendali(v) -> str | None:
    """The first control character in text `v`, described ("ESC (kode 27)"); None when clean."""
    if v.__class__ is not str or (v.isprintable() and "_x" not in v):
        return None
    m = _KENDALI.search(v)
    if m is None:
        return None
    x = m.group()
    kode = ord(x) if len(x) == 1 else int(x[2:6], 16)
    nama = _NAMA_KENDALI.get(kode, "karakter kendali")
    return f"{nama} (kode {kode})" + (f", tertulis {x}" if len(x) > 1 else "")


class TanggalTidakValid(ValueError):
    def __init__(self, pesan: str, saran: str = SARAN_TANGGAL):
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran


def baca_tanggal(nilai: object) -> date | None:
    """An Excel date cell, 'YYYY-MM-DD', 'DD/MM/YYYY' or 'DD-MM-YYYY'; None when empty."""
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    if isinstance(nilai, datetime):
        return nilai.date()
    if isinstance(nilai, date):
        return nilai
    if isinstance(nilai, (int, float)) and not isinstance(nilai, bool):
        raise TanggalTidakValid(f"tanggal berisi angka, bukan tanggal ({nilai})",
                                "format sel sebagai Tanggal (Date), atau tulis sebagai teks TTTT-BB-HH")
    s = str(nilai).strip()
    m = _ISO.match(s)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    else:
        m = _DMY.match(s)
        if not m:
            raise TanggalTidakValid(f"tanggal '{s}' tidak dikenal")
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
    try:
        return date(y, mo, d)
    except ValueError:
        raise TanggalTidakValid(f"tanggal '{s}' tidak ada di kalender") from None


def bentuk_iso(v) -> bool:
    """True when `v` is text shaped TTTT-BB-HH (the command-line date form)."""
    return isinstance(v, str) and bool(_ISO.match(v.strip()))
