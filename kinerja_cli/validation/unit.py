"""Finding a unit from what a person types: exact name, acronym (DPMPTSP) or a unique part."""

from __future__ import annotations

_KATA_SAMBUNG = {"dan", "dr", "dr.", "&", "kota", "daerah"}


def singkatan(nama: str) -> str:
    """'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu' -> 'DPMPTSP'."""
    kata = [k for k in nama.replace("-", " ").split() if k.lower() not in {"dan", "&"}]
    return "".join(k[0] for k in kata if k[0].isalnum()).upper()


def cocokkan_unit(teks: str, daftar: list[str]) -> list[str]:
    """Candidates for `teks`: an exact match wins, then acronyms, then unique substrings."""
    t = " ".join(teks.split()).lower()
    if not t:
        return []
    persis = [u for u in daftar if u.lower() == t]
    if persis:
        return persis[:1]
    akronim = [u for u in daftar if singkatan(u).lower() == t.replace(".", "")]
    if akronim:
        return akronim
    return [u for u in daftar if t in u.lower()]
