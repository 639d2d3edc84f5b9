"""Cell text and dates as people type them (shared by every importer)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

_ISO = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
_DMY = re.compile(r"^([0-9]{1,2})([/\-.])([0-9]{1,2})\2([0-9]{4})$")
SARAN_TANGGAL_OPSI = "tulis misalnya 2026-01-31, 31-01-2026 atau 31/01/2026"
SARAN_TANGGAL = ("isi sel tanggal Excel, atau teks TTTT-BB-HH (2026-03-31), HH-BB-TTTT (31-03-2026) atau "
                 "HH/BB/TTTT (31/03/2026)")


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
# Invisible characters that change how text is shown, refused too: the bidi controls (an override
# such as U+202E displays "Budi" typed backwards as something else: "Trojan Source") and zero-width
# characters that make two equal-looking texts differ (U+FEFF anywhere in a cell: a cell is never the
# start of a file). Their names are Unicode's own (unicodedata). Kept allowed: ZWNJ and ZWJ
# (U+200C, U+200D), which some scripts need to be spelled right (Persian/Arabic-script names,
# Indic conjuncts) and which emoji sequences use; they never reorder or hide other text.
TAK_TERLIHAT = "؜​‎‏‪-‮⁠⁦-⁩﻿"
SARAN_TAK_TERLIHAT = ("ketik ulang isi sel itu tanpa karakter tersebut (=CLEAN tidak menghapusnya; pakai "
                      "=SUBSTITUTE(sel;UNICHAR(kode);\"\") lalu tempel sebagai nilai)")
_TAK_TERLIHAT = re.compile(f"[{TAK_TERLIHAT}]")


def saran_karakter(apa: str) -> str:
    """The fix for a character `karakter_kendali` described."""
    return SARAN_TAK_TERLIHAT if "(U+" in apa else SARAN_KENDALI


def karakter_kendali(v) -> str | None:
    """The first control character in text `v`, described ("ESC (kode 27)"), else the first invisible
    bidi or zero-width one ("RIGHT-TO-LEFT OVERRIDE (U+202E)"); None when clean."""
    if v.__class__ is not str or (v.isprintable() and "_x" not in v):
        return None
    m = _KENDALI.search(v)
    if m is None:
        t = _TAK_TERLIHAT.search(v)
        if t is None:
            return None
        c = t.group()
        return f"{unicodedata.name(c)} (U+{ord(c):04X})"
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

