"""Valid, unique worksheet names (pure: no openpyxl).

Excel's rules: 1..31 characters, none of ``[ ] : * ? / \\``, not starting or ending
with an apostrophe, not the reserved name "History", and unique ignoring case.
"""

from __future__ import annotations

import re

PANJANG_MAKS = 31
_TERLARANG = re.compile(r"[\[\]:*?/\\]")
_CADANGAN = {"history"}


def bersihkan(nama: object, cadangan: str = "Unit") -> str:
    """One name made valid (not yet unique): forbidden characters become '-'."""
    s = _TERLARANG.sub("-", str(nama or ""))
    s = re.sub(r"[\x00-\x1f]", " ", s)
    s = re.sub(r"\s+", " ", s).strip().strip("'").strip()
    if not s:
        s = cadangan
    return s[:PANJANG_MAKS].rstrip().rstrip("'") or cadangan


def nama_sheet(nama: object, dipakai: set[str], cadangan: str = "Unit") -> str:
    """A valid name not in `dipakai` (compared case-insensitively); adds it to `dipakai`.

    A clash gets " (2)", " (3)", ... with the base shortened so the whole stays within
    31 characters. `dipakai` holds casefolded names.
    """
    dasar = bersihkan(nama, cadangan)
    calon, n = dasar, 1
    while calon.casefold() in dipakai or calon.casefold() in _CADANGAN:
        n += 1
        akhiran = f" ({n})"
        calon = dasar[:PANJANG_MAKS - len(akhiran)].rstrip().rstrip("'") + akhiran
    dipakai.add(calon.casefold())
    return calon


def nama_berkas(nip: str, nama: object, akhiran: str = ".xlsx", periode: str | None = None) -> str:
    """'<NIP>_<nama-ringkas>[_<periode>].xlsx': the name before any comma (degrees dropped), letters and
    digits only, words joined by '-', at most 40 characters. 'Budi Santoso, S.E.' -> 'Budi-Santoso'.
    With the period's code the documents of two periods never share a name (2025 beside 2026)."""
    s = str(nama or "").split(",")[0]
    kata = re.findall(r"[^\W_]+", s)
    ringkas = ""
    for k in kata:
        calon = f"{ringkas}-{k}" if ringkas else k
        if len(calon) > 40:
            break
        ringkas = calon
    kode = "_" + re.sub(r"[^0-9A-Za-z-]+", "-", periode) if periode else ""
    return f"{nip}_{ringkas}{kode}{akhiran}" if ringkas else f"{nip}{kode}{akhiran}"
