"""Names of people without their titles (issue 17 §4): sorting by name and matching a name typed
without titles. Pure.

Indonesian names carry academic and religious titles in front (Dr., Drs., Dra., H., Hj., Ir.,
Prof., K.H., dr.) and degrees after a comma (", S.E.", ", M.Si."). Sorting "Drs. H. Ahmad Yani"
under D would put every doctorandus together; people look him up under A.
"""

from __future__ import annotations

import re
import unicodedata

GELAR_DEPAN = ("prof", "dr", "drs", "dra", "h", "hj", "ir", "kh", "k.h", "ust", "ustadz", "hc", "drg", "apt", "ns")
_DEPAN = re.compile(r"^(?:(?:" + "|".join(re.escape(g) for g in sorted(GELAR_DEPAN, key=len, reverse=True))
                    + r")\.\s*|(?:" + "|".join(re.escape(g) for g in GELAR_DEPAN) + r")\s+(?=\S))", re.I)


def tanpa_gelar(nama: str) -> str:
    """'Drs. H. Ahmad Yani, M.Si.' -> 'Ahmad Yani' (whitespace collapsed)."""
    s = " ".join(str(nama or "").split())
    s = s.split(",", 1)[0].strip()  # degrees after the first comma
    while True:
        t = _DEPAN.sub("", s, count=1).strip()
        if t == s or not t:
            break
        s = t
    return s


_GELAR = frozenset(GELAR_DEPAN)


def kunci_nama(nama: str) -> str:
    """Sort/match key: without titles, case (and accents, when there are any) folded."""
    s = str(nama or "")
    kata = s.split(None, 1)[0].replace(".", "").lower() if s.strip() else ""
    if "," in s or kata in _GELAR or "." in kata or not s.isascii():
        s = tanpa_gelar(s)
        if not s.isascii():
            s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return " ".join(s.split()).casefold()
