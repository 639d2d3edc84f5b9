"""Dates shown the Indonesian way (issue 17 §4): 6 Desember 2026, 6 Desember 2026 09.18.

Pure: the one place that turns a stored ISO date or time into text for a table or a message.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?(\s*(?:UTC|Z|WIB|WITA|WIT|[+-]\d{2}:?\d{2}))?$")


def tanggal_id(v) -> str:
    """A date or date-time (object or ISO text) as '6 Desember 2026' / '6 Desember 2026 09.18';
    anything else unchanged (as text)."""
    if v is None:
        return ""
    if isinstance(v, datetime):
        return f"{v.day} {BULAN[v.month - 1]} {v.year} {v.hour:02d}.{v.minute:02d}"
    if isinstance(v, date):
        return f"{v.day} {BULAN[v.month - 1]} {v.year}"
    s = str(v).strip()
    m = _ISO.match(s)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return s
    y, mo, d, jam, menit, zona = m.groups()
    if jam is not None and zona and zona.strip() in ("UTC", "Z"):  # a stored UTC time: shown in local time
        try:
            w = datetime(int(y), int(mo), int(d), int(jam), int(menit), tzinfo=timezone.utc).astimezone()
        except ValueError:
            return s
        return tanggal_id(w.replace(tzinfo=None))
    teks = f"{int(d)} {BULAN[int(mo) - 1]} {y}"
    if jam is not None:
        teks += f" {jam}.{menit}"
        if zona and zona.strip() in ("WIB", "WITA", "WIT"):
            teks += f" {zona.strip()}"
    return teks


def tampak_tanggal(v) -> bool:
    """Is `v` a date or an ISO date/time text that tanggal_id would rewrite?"""
    if isinstance(v, date):
        return True
    return isinstance(v, str) and bool(_ISO.match(v.strip()))
