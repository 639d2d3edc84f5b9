"""Excel error cells (#N/A, #REF!, #DIV/0!, ...): a failed formula is not an empty cell.

python-calamine reads an error cell as '' (and refuses #SPILL!, #CALC!, #GETTING_DATA outright),
openpyxl as the text '#N/A'. Read as empty, a failed VLOOKUP in "NIP Atasan" would erase the
stored atasan. So every reader path records the error cells of the data columns (below the
header row) in one `PenampungGalat`, hands the rows on with that cell empty, and when the rows
are exhausted refuses the sheet (`SelGalatExcel`) naming every such cell, its error and the fix.
Nothing is written: the importers write only after consuming every row.

A text cell whose whole text is one of the error values (typed, or pasted from a CSV) is
refused the same way: it is never valid data, and both reader paths then agree whatever
the cell's type.

The calamine slices see error cells in their XML (`dalam_xml`), since calamine hides them;
the openpyxl path sees the error text in the cell value.
"""

from __future__ import annotations

import re

from ..errors import SelGalatExcel
from ..validation.masalah import Masalah
from .rumus import Rumus

KODE_GALAT = frozenset({"#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!",
                        "#SPILL!", "#CALC!", "#GETTING_DATA"})
SARAN = "perbaiki rumusnya di Excel atau tempel sebagai nilai (Paste Special > Values)"
SARAN_RUMUS = ("buka berkasnya di Excel lalu simpan (Excel menghitung dan menyimpan hasil rumus), atau salin sel "
               "itu lalu tempel sebagai nilai (Paste Values)")
BATAS = 1000  # cells listed at most (all are counted)

_KODE_CALAMINE = {b"#N/A", b"#REF!", b"#DIV/0!", b"#VALUE!", b"#NAME?", b"#NUM!", b"#NULL!"}  # the rest: it refuses
_SEL_E = re.compile(rb'<(?:\w+:)?c\b[^>]*?\bt\s*=\s*["\']e["\'][^>]*>')
_REF = re.compile(rb'\br\s*=\s*["\']([A-Z]{1,3})([0-9]+)["\']')
_AKHIR = re.compile(rb"</(?:\w+:)?c>")
_V = re.compile(rb"(<(?:\w+:)?v\b[^>/]*>)([^<]*)(</(?:\w+:)?v>)")


def dalam_xml(isi: bytes) -> tuple[list, bytes]:
    """([(column letter, row, error text)], the XML calamine can take) for a run of whole rows.

    Error values calamine does not know (#SPILL!, #CALC!, #GETTING_DATA, newer ones) are
    written as #N/A in the returned XML; calamine reads every error as '' anyway.
    """
    if b'"e"' not in isi and b"'e'" not in isi:  # t="e" (or t='e')
        return [], isi
    hasil, bagian, dari = [], [], 0
    for m in _SEL_E.finditer(isi):
        if m.group().endswith(b"/>"):
            continue  # an error cell without a value: empty on every path
        akhir = _AKHIR.search(isi, m.end())
        ref = _REF.search(m.group())
        if akhir is None or ref is None:
            continue
        v = _V.search(isi, m.end(), akhir.start())
        kode = v.group(2).strip() if v else b""
        if not kode:
            continue
        hasil.append((ref.group(1).decode(), int(ref.group(2)), kode.decode("utf-8", "replace")))
        if kode not in _KODE_CALAMINE:
            bagian += [isi[dari:v.start(2)], b"#N/A"]
            dari = v.end(2)
    if bagian:
        isi = b"".join(bagian) + isi[dari:]
    return hasil, isi


def ref_sel(sheet: str, huruf: str, baris: int) -> str:
    """'Realisasi!D7'; a sheet name with spaces or signs quoted as Excel does ('Umpan Balik'!D7)."""
    nama = sheet if re.fullmatch(r"\w+", sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{nama}!{huruf}{baris}"


def _urut_kolom(h: str) -> tuple[int, str]:
    return len(h), h


class PenampungGalat:
    """The error cells of one sheet's data columns, from whichever reader path saw them."""

    def __init__(self, nama_berkas: str, sheet: str, huruf: dict, baris_judul: int, teks: dict | None = None):
        self.nama_berkas, self.sheet, self.baris_judul = nama_berkas, sheet, baris_judul
        self.kunci = {h: k for k, h in huruf.items()}  # column letter -> field key
        self.teks = teks or {}  # field key -> the header text found in the file: a column is named as the user sees it
        self.sel: dict = {}  # (row, letter) -> error text
        self.lebih = 0  # cells beyond BATAS
        self.tunda = False  # True: the caller lists the cells with the import's other problems (no refusal here)

    def catat(self, baris: int, huruf: str, kode: str) -> None:
        if (baris, huruf) in self.sel:
            return
        if len(self.sel) >= BATAS:
            self.lebih += 1
            return
        self.sel[(baris, huruf)] = kode

    def catat_xml(self, daftar: list) -> None:
        """Cells found by `dalam_xml`: only those in a data column below the header count."""
        for h, r, kode in daftar:
            if r > self.baris_judul and h in self.kunci:
                self.catat(r, h, kode)

    @property
    def jumlah(self) -> int:
        return len(self.sel) + self.lebih

    def masalah(self) -> list:
        """One problem per error cell (row, then column order): the cell, its error and the fix."""
        hasil = []
        for r, h in sorted(self.sel, key=lambda x: (x[0], _urut_kolom(x[1]))):
            kode = self.sel[(r, h)]
            key = self.kunci[h]
            judul = " ".join(str(self.teks.get(key) or "").split()) or key.replace("_", " ")
            kolom = f"{h} ({judul})"
            if isinstance(kode, Rumus):
                isi = f" ({kode})" if kode else ""
                hasil.append(Masalah(f"Sel {ref_sel(self.sheet, h, r)} berisi rumus{isi} tanpa hasil tersimpan di "
                                     "berkas", SARAN_RUMUS, str(kode) or None, self.sheet, r, kolom,
                                     huruf=h))
                continue
            hasil.append(Masalah(f"Sel {ref_sel(self.sheet, h, r)} berisi galat Excel {kode}, bukan nilai",
                                 SARAN, kode, self.sheet, r, kolom, huruf=h))
        return hasil

    def tolak_bila_ada(self) -> None:
        if not self.sel:
            return
        masalah = self.masalah()
        raise SelGalatExcel(f"Impor {self.nama_berkas} ditolak: {uraian(masalah, self.jumlah)}. " + AKIBAT,
                            masalah, saran(masalah))


AKIBAT = "Sel seperti itu tidak dibaca sebagai sel kosong, jadi tidak ada nilai tersimpan yang dihapus. Tidak ada data yang ditulis."


def uraian(masalah: list, jumlah: int) -> str:
    """'3 sel di sheet 'Realisasi' berisi galat Excel (#N/A, #REF!), misalnya Realisasi!G3, ...' for the
    error-cell problems of one sheet (`jumlah` counts those beyond BATAS too); formulas without a
    stored result named as such."""
    kode = sorted({str(m.nilai) for m in masalah if m.saran != SARAN_RUMUS})
    apa = [f"galat Excel ({', '.join(kode)})"] if kode else []
    if any(m.saran == SARAN_RUMUS for m in masalah):
        apa.append("rumus tanpa hasil tersimpan")
    contoh = ", ".join(ref_sel(m.sheet, m.huruf, m.baris) for m in masalah[:5])
    return f"{jumlah} sel di sheet '{masalah[0].sheet}' berisi {' atau '.join(apa)}, misalnya {contoh}"


def saran(masalah: list) -> str:
    """The advice for the refused cells of `masalah` (error cells, formulas without result)."""
    teks = "; ".join(dict.fromkeys(m.saran for m in masalah if m.saran in (SARAN, SARAN_RUMUS))) or SARAN
    return teks[0].upper() + teks[1:] + ", lalu impor ulang."
