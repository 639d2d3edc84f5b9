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

    Accepts 'III/A', 'III a', '3a', 'Penata Muda, III/a', 'Penata Muda Tk. I (III/b)',
    'III/b - Penata Muda Tingkat I', 'Penata Muda Tingkat I / III.b', the pangkat name alone
    ('Penata Muda Tingkat I'), and 'IX', '9', 'Golongan IX' (PPPK). A pangkat and a golongan that
    disagree ('Penata (III/b)') are refused. CPNS are read as PNS, PPPK paruh waktu as PPPK.
    """
    s = " ".join(str(nilai or "").split())
    if not s:
        return None
    if status.upper().startswith("PPPK"):
        s2 = s.upper().replace("GOL.", "").replace("GOLONGAN", "").strip()
        s2 = _ARAB_KE_ROMAWI.get(s2, s2)
        return s2 if s2 in GOLONGAN_PPPK else None
    s = _TK.sub("Tingkat ", s)
    dari_pangkat = None
    for gol, nama in _PANGKAT_PANJANG:
        m = re.search(r"(?<![\w])" + re.escape(nama) + r"(?![\w])", s, re.I)
        if m:
            dari_pangkat = gol
            s = s[:m.start()] + " " + s[m.end():]
            break
    sisa = s.upper().replace("GOL.", "").replace("GOLONGAN", "").replace("RUANG", "").strip(" ,-/()[]:")
    if not sisa:
        return dari_pangkat
    m = _POLA_PNS.match(sisa.strip())
    if not m:
        return None
    romawi = {"1": "I", "2": "II", "3": "III", "4": "IV"}.get(m.group(1), m.group(1))
    gol = f"{romawi}/{m.group(2).lower()}"
    if gol not in PANGKAT_PNS or (dari_pangkat is not None and dari_pangkat != gol):
        return None
    return gol


_TK = re.compile(r"\bTk\.?\s*", re.I)
_PANGKAT_PANJANG = sorted(PANGKAT_PNS.items(), key=lambda kv: -len(kv[1]))  # 'Penata Muda Tingkat I' before 'Penata Muda'


def pangkat(golongan: str | None) -> str:
    return PANGKAT_PNS.get(golongan or "", "")


def pangkat_golongan(golongan: str | None) -> str:
    """THE printed form of a PNS pangkat with its golongan, 'Pembina Utama Muda (IV/c)' (documents and the
    recap's signature alike); the golongan alone when it has no pangkat name; '' without a golongan."""
    nama = pangkat(golongan)
    return f"{nama} ({golongan})" if nama else (golongan or "")
