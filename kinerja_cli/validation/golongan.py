"""Golongan/ruang of PNS and golongan of PPPK (DOMAIN.md section 1)."""

from __future__ import annotations

import re

PANGKAT_PNS = {
    "I/a": "Juru Muda", "I/b": "Juru Muda Tingkat I", "I/c": "Juru", "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda", "II/b": "Pengatur Muda Tingkat I", "II/c": "Pengatur", "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda", "III/b": "Penata Muda Tingkat I", "III/c": "Penata", "III/d": "Penata Tingkat I",
    "IV/a": "Pembina", "IV/b": "Pembina Tingkat I", "IV/c": "Pembina Utama Muda", "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
GOLONGAN_PPPK = tuple(
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"]
)
_ARAB_KE_ROMAWI = {str(i + 1): r for i, r in enumerate(GOLONGAN_PPPK)}
_POLA_PNS = re.compile(r"^(IV|III|II|I|[1-4])\s*[/\-.]?\s*([A-Ea-e])$")


def normalisasi_golongan(nilai: object, status: str) -> str | None:
    """Canonical golongan ('III/a', 'IX') or None when unknown for that status.

    Accepts 'III/A', 'III a', '3a', 'Penata Muda, III/a', 'IX', '9' (PPPK).
    """
    s = str(nilai or "").strip()
    if not s:
        return None
    if "," in s:  # 'Penata Muda, III/a'
        s = s.split(",")[-1].strip()
    if status == "PPPK":
        s2 = s.upper().replace("GOL.", "").replace("GOLONGAN", "").strip()
        s2 = _ARAB_KE_ROMAWI.get(s2, s2)
        return s2 if s2 in GOLONGAN_PPPK else None
    m = _POLA_PNS.match(s.upper().replace("GOL.", "").replace("GOLONGAN", "").strip())
    if not m:
        return None
    romawi = {"1": "I", "2": "II", "3": "III", "4": "IV"}.get(m.group(1), m.group(1))
    gol = f"{romawi}/{m.group(2).lower()}"
    return gol if gol in PANGKAT_PNS else None


def pangkat(golongan: str | None) -> str:
    return PANGKAT_PNS.get(golongan or "", "")
