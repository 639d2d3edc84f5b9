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


def di_sel(b, key: str, pesan: str, saran: str = "", tingkat: str = GALAT, kunci: str = "",
           nilai: object = ...) -> Masalah:
    """A problem in field `key` of the source row `b` (a model.BarisSumber): place and letter filled in."""
    h = b.huruf.get(key, "")
    kolom = f"{h} ({key.replace('_', ' ')})" if h else key.replace("_", " ")
    return Masalah(pesan, saran, b.nilai.get(key) if nilai is ... else nilai, b.sheet, b.baris, kolom, tingkat,
                   kunci, h)

