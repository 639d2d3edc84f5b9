"""The documents' cell writer (excel/dokumen_bagian.Penulis) sets styles and merged-range borders its own
cheaper way; the saved workbook must be byte for byte what plain openpyxl calls write (a cell's style,
a covered cell's edge border, the numbering of the workbook's border/font styles)."""

from __future__ import annotations

import zipfile
from io import BytesIO

from kinerja_cli.excel.aman import isi_teks
from kinerja_cli.excel.dokumen_bagian import Penulis
from kinerja_cli.excel.lembar import Gaya


class PenulisPolos(Penulis):
    """The writer as it was: a new Font/Alignment per cell, every covered cell bordered, then merge_cells."""

    def sel(self, kolom, nilai, tebal=False, rata=None, border=True, fmt=None, fill=None, ukuran=None,
            garis_bawah=False, miring=False):
        from openpyxl.styles import Alignment, Font

        c = self.ws.cell(row=self.r, column=kolom)
        isi_teks(c, nilai)
        c.alignment = Alignment(horizontal=rata, vertical="top" if rata != "center" else "center", wrap_text=True)
        c.font = Font(bold=tebal, size=ukuran or 10, underline="single" if garis_bawah else None, italic=miring)
        if border:
            c.border = self.g.border
        if fmt:
            c.number_format = fmt
        if fill:
            c.fill = fill
        return c

    def gabung(self, kolom_awal, kolom_akhir, nilai, baris_akhir=None, **k):
        c = self.sel(kolom_awal, nilai, **k)
        akhir = baris_akhir or self.r
        if k.get("border", True):
            for rr in range(self.r, akhir + 1):
                for kk in range(kolom_awal, kolom_akhir + 1):
                    self.ws.cell(row=rr, column=kk).border = self.g.border
        if kolom_akhir > kolom_awal or akhir > self.r:
            self.ws.merge_cells(start_row=self.r, start_column=kolom_awal, end_row=akhir, end_column=kolom_akhir)
        return c


def _tulis(kelas) -> dict[str, bytes]:
    """Two sheets of every kind of row the documents write, each merge shape several times; the xml parts."""
    from openpyxl import Workbook

    g = Gaya()
    wb = Workbook()
    for i in range(2):
        w = kelas(wb.active if i == 0 else wb.create_sheet(), g, [5, 24, 30, 11, 11, 34])
        w.gabung(1, 6, "KOP", tebal=True, rata="center", border=False, ukuran=12)
        w.maju()
        for n in range(3):  # identity blocks: a numbered cell, a merged label, a merged value
            w.sel(1, "NO", tebal=True, rata="center", fill=g.kepala_fill)
            w.gabung(2, 6, "PEGAWAI YANG DINILAI", tebal=True, fill=g.kepala_fill)
            w.maju()
            w.sel(1, n + 1, rata="center")
            w.gabung(2, 2, "NAMA")
            w.gabung(3, 6, f"=Nama {n}")  # a formula-like text stays text
            w.maju()
        awal = w.r
        for n in range(4):  # a table with a merged column down its rows, written after them
            w.sel(1, n + 1, rata="center")
            w.gabung(2, 5 if n % 2 else 4, f"baris {n}", fmt="0.00")
            w.maju()
        simpan, w.r = w.r, awal
        w.gabung(6, 6, "umpan balik", baris_akhir=simpan - 1)
        w.r = simpan
        w.gabung(1, 4, "PREDIKAT", tebal=True)
        w.gabung(5, 6, "BAIK", tebal=True, rata="left", fill=g.fill_predikat.get("Baik"))
        w.maju()
        w.gabung(1, 2, "", baris_akhir=w.r + 2)  # a bordered block over three rows
        w.maju(3)
        for n in range(3):  # signature blocks: merged, no border, underlined name
            w.gabung(1, 3, f"Nama {n}", border=False, rata="center", tebal=True, garis_bawah=True)
            w.gabung(5, 6, f"NIP {n}", border=False, rata="center", miring=True, ukuran=8)
            w.maju()
    buf = BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def test_document_writer_writes_what_plain_openpyxl_writes():
    cepat, polos = _tulis(Penulis), _tulis(PenulisPolos)
    assert cepat.keys() == polos.keys()
    beda = [n for n in polos if cepat[n] != polos[n]]
    assert not beda, f"parts that differ from plain openpyxl: {beda}"
    assert b"<mergeCell " in polos["xl/worksheets/sheet1.xml"] and b"<border>" in polos["xl/styles.xml"]
