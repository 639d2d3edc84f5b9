"""The header search of the importers: which row of a sheet's first rows is the header, and which
column holds which field (one row, or two rows with merged group cells; a column-numbering row under
it passed over). Shared by every reader format (excel.baca) and by excel.kenali."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..kolom import Tata, normalisasi_judul
from .tata_kantor import judul_tampak_dua_baris, kandidat_dua_baris, nomor_kolom


@functools.lru_cache(maxsize=64)
def _peta_judul(tata: Tata) -> dict:
    """normalised header text -> the field keys it names (templates' header, key, aliases)."""
    peta: dict[str, list[str]] = {}
    for k in tata.kolom:
        for nama in (k.judul, k.key, *k.alias):
            peta.setdefault(normalisasi_judul(nama), []).append(k.key)
    return peta


def cocokkan_judul(sel: list, tata: Tata) -> tuple[dict, dict]:
    """Map field key -> column index (first match wins) for one candidate row. A cell is a value, or a
    tuple of the texts the column may be known by, best first (a two-row header: excel.tata_kantor)."""
    return _cocokkan_isi([(i, v) for i, v in enumerate(sel) if v is not None], tata)


def _cocokkan_isi(isi: list, tata: Tata) -> tuple[dict, dict]:
    """cocokkan_judul over the (column, cell) pairs of a row's non-empty cells only (a wide row is
    mostly empty cells, and every layout searches the same rows)."""
    peta = _peta_judul(tata)
    idx: dict[str, int] = {}
    teks: dict[str, str] = {}
    for i, v in isi:
        for calon in v if isinstance(v, tuple) else (v,):
            n = normalisasi_judul(calon)
            key = next((key for key in peta.get(n, ()) if key not in idx), None) if n else None
            if key is not None:
                idx[key] = i
                teks[key] = str(calon).strip()
                break
    return idx, teks


@dataclass
class Judul:
    """The header found in the first rows of a sheet."""

    baris: int  # the (last) header row
    idx: dict  # field key -> 0-based column
    teks: dict  # field key -> header text found
    lengkap: bool  # every required column found
    sel: list  # the header's texts per column (for the refusal of missing columns)
    lewati: int = 0  # the last row above the data (the header, or the column-numbering row under it)
    info: list = field(default_factory=list)


def _cocokkan_dua_baris(awal: AwalSheet, r: int, tata: Tata) -> tuple[dict, dict, list]:
    """A two-row header (excel.tata_kantor), rows r over r + 1 (0-based) of `awal`: the columns' own
    texts first, then a group's text alone at its first column when none of the group's columns is
    known otherwise."""
    isi, grup, tampil = awal.dua_baris(r)
    idx, teks = _cocokkan_isi(isi, tata)
    dipakai = set(idx.values())
    for mulai, (teks_grup, anggota) in grup.items():
        if dipakai.isdisjoint(anggota):
            i2, t2 = _cocokkan_isi([(mulai, teks_grup)], tata)
            for key, i in i2.items():
                if key not in idx:
                    idx[key], teks[key] = i, t2[key]
    return idx, teks, list(tampil)


def cari_judul(baris, tata: Tata, batas: int = 0) -> Judul | None:
    """The header of a sheet from its first rows (`baris`, row 1 first, read lazily: a header found in
    row 1 never reads row 15; a header may start in the first `batas` rows, any when 0): one row, or
    two rows with merged group cells; then a column-numbering row right under it is passed over.
    None when the rows are all empty. `baris` may be an `AwalSheet`, to share the rows read among searches."""
    awal = baris if isinstance(baris, AwalSheet) else AwalSheet(baris)
    wajib = {k.key for k in tata.wajib()}
    satu: list = []
    terbaik: Judul | None = None
    r = 0
    while (not batas or r < batas) and awal.ada(r + 1):
        r += 1
        while len(satu) < r + 1 and awal.ada(len(satu) + 1):
            satu.append(_cocokkan_isi(awal.isi(len(satu)), tata))
        idx, teks = satu[r - 1]
        j = Judul(r, idx, teks, wajib <= idx.keys(), list(awal[r - 1]))
        if len(satu) > r and judul_tampak_dua_baris(awal[r]):
            bawah = awal[r]
            i2, t2, sel2 = _cocokkan_dua_baris(awal, r - 1, tata)
            lebih = len(i2) > max(len(idx), len(satu[r][0]))  # the lower row names more columns
            # ...or names none, while every column the upper row names is empty below (merged down):
            # the lower row holds only sub-headers of other columns (MASA KERJA over THN and BLN)
            turun = bool(idx) and len(i2) >= len(idx) and not satu[r][0] and all(
                i >= len(bawah) or bawah[i] in (None, "") for i in idx.values())
            if (lebih or turun) and (wajib <= i2.keys() or not j.lengkap):
                j = Judul(r + 1, i2, t2, wajib <= i2.keys(), sel2)
        if j.lengkap:
            return _lewati_nomor(j, awal)
        if j.idx and (terbaik is None or len(j.idx) > len(terbaik.idx)):
            terbaik = j
    if terbaik:
        return terbaik
    if any(v not in (None, "") for row in awal.dibaca[:len(satu)] for v in row):  # the rows this search read
        return Judul(1, {}, {}, False, list(awal[0]))
    return None


class AwalSheet:
    """The first rows of a sheet, read from the reader only as far as they are asked for."""

    def __init__(self, baris):
        self._it = iter(baris)
        self.dibaca: list[tuple] = []
        self._isi: dict = {}  # row index -> [(column, value)] of its non-empty cells
        self._dua: dict = {}  # row index -> the two-row header candidates of it over the next row

    def isi(self, i: int) -> list:
        """(column, value) of the non-empty cells of row i (0-based, read already), the same for every layout."""
        if i not in self._isi:
            self._isi[i] = [(c, v) for c, v in enumerate(self.dibaca[i]) if v is not None]
        return self._isi[i]

    def dua_baris(self, i: int) -> tuple:
        """Rows i over i + 1 as a two-row header (tata_kantor.kandidat_dua_baris): the (column, texts) of
        the columns with a text, the groups, and the header's texts as shown per column."""
        if i not in self._dua:
            atas, bawah = self.dibaca[i], self.dibaca[i + 1]
            sel, grup = kandidat_dua_baris(atas, bawah)
            tampil = [" ".join(dict.fromkeys(str(t).strip() for t in (atas[c] if c < len(atas) else None,
                                                                       bawah[c] if c < len(bawah) else None)
                                             if t is not None)) or None
                      for c in range(len(sel))]
            self._dua[i] = ([(c, v) for c, v in enumerate(sel) if v], grup, tampil)
        return self._dua[i]

    def ada(self, n: int) -> bool:
        """True when the sheet has a row `n` (1-based; rows 1..n are then read)."""
        while len(self.dibaca) < n:
            row = next(self._it, None)
            if row is None:
                return False
            self.dibaca.append(tuple(row))
        return True

    def __getitem__(self, i: int) -> tuple:
        return self.dibaca[i]


def _lewati_nomor(j: Judul, awal: AwalSheet) -> Judul:
    j.lewati = j.baris
    if awal.ada(j.baris + 1):
        contoh = nomor_kolom(awal[j.baris])
        if contoh:
            j.lewati = j.baris + 1
            j.info.append(f"Baris {j.lewati} berisi nomor kolom {contoh}; dilewati.")
    return j
