"""A problem found in input data, with the place it was found."""

from __future__ import annotations

from dataclasses import dataclass

GALAT = "galat"
PERINGATAN = "peringatan"


@dataclass(frozen=True)
class Masalah:
    pesan: str  # what is wrong, Indonesian
    saran: str = ""  # how to fix it
    nilai: object = None  # the value found
    sheet: str = ""
    baris: int | None = None  # 1-based Excel row
    kolom: str = ""  # column letter or header
    tingkat: str = GALAT  # galat | peringatan
    kunci: str = ""  # e.g. the NIP concerned
    huruf: str = ""  # bare column letter ("B") for marking the cell; "" = the row as a whole

    @property
    def galat(self) -> bool:
        return self.tingkat == GALAT

    def tempat(self) -> str:
        bagian = [p for p in (self.sheet, f"baris {self.baris}" if self.baris else "", self.kolom) if p]
        return ", ".join(bagian)


def huruf_sel(m: Masalah) -> str:
    """The column letter of a cell problem: `huruf`, else the letter 'D' of a kolom 'D (jp)'; "" for a row."""
    if m.huruf:
        return m.huruf
    h = m.kolom.split(" (", 1)[0]
    return h if h.isascii() and h.isalpha() and h.isupper() and len(h) <= 3 else ""


def di_sel(b, key: str, pesan: str, saran: str = "", tingkat: str = GALAT, kunci: str = "",
           nilai: object = ...) -> Masalah:
    """A problem in field `key` of the source row `b` (a model.BarisSumber): place and letter filled in."""
    h = b.huruf.get(key, "")
    kolom = f"{h} ({key.replace('_', ' ')})" if h else key.replace("_", " ")
    return Masalah(pesan, saran, b.nilai.get(key) if nilai is ... else nilai, b.sheet, b.baris, kolom, tingkat,
                   kunci, h)



BATAS_SAMA = 5  # the same problem on more rows than this is shown once, with the count and the first rows


def ringkas(masalah, batas: int = BATAS_SAMA) -> list:
    """The problems to show: one that repeats on more than `batas` rows (same level, sheet, column and
    message) becomes one line, 'NIP diawali tanda petik: 4.180 baris, misalnya baris 2, 3, 4', at its
    first row; the others stay as they are. (The marked copy still marks every cell: it gets them all.)"""
    from dataclasses import replace

    kelompok: dict = {}
    for m in masalah:
        kelompok.setdefault((m.tingkat, m.sheet, m.kolom, m.pesan), []).append(m)
    hasil = []
    for ms in kelompok.values():
        if len(ms) <= batas or not all(m.baris for m in ms):
            hasil += ms
            continue
        baris = sorted({m.baris for m in ms})
        n = f"{len(baris):,}".replace(",", ".")
        saran = ms[0].saran if all(m.saran == ms[0].saran for m in ms) else ms[0].saran + " (dan seterusnya)"
        hasil.append(replace(ms[0], pesan=f"{ms[0].pesan}: {n} baris, misalnya baris {', '.join(map(str, baris[:3]))}",
                             saran=saran))
    return hasil
