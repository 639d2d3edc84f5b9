"""Parts shared by the signed documents (evaluation D.1.1/D.1.2, SKP A.1.x): a cell writer over a
6-column A4 portrait sheet, the kop, the period as the forms write it, identity blocks and
side-by-side signature blocks.

A person on a document is a dict: nama, nip, pangkat, jabatan, unit, and ``kepala`` True for the
kepala daerah of the profile (no NIP and no pangkat: those lines are left out, never "NIP -").
Every text from user data goes through ``aman.isi_teks``.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from ..model import Periode
from ..validation.instansi import nip_cetak
from .aman import isi_teks
from .kop import TITIK, baris_kop, logo
from .lembar import BULAN, jumlah_baris_teks, tanggal_id

ROMAWI_TRIWULAN = {1: "I", 2: "II", 3: "III", 4: "IV/AKHIR"}


@lru_cache(maxsize=None)
def _rataan(rata: str | None):
    from openpyxl.styles import Alignment

    return Alignment(horizontal=rata, vertical="top" if rata != "center" else "center", wrap_text=True)


@lru_cache(maxsize=None)
def _huruf(tebal: bool, ukuran: int, garis_bawah: bool, miring: bool):
    from openpyxl.styles import Font

    return Font(bold=tebal, size=ukuran, underline="single" if garis_bawah else None, italic=miring)


@lru_cache(maxsize=None)
def bingkai_gabungan(border, lebar: int, tinggi: int) -> tuple[tuple, tuple]:
    """How openpyxl's MergedCellRange.format() borders a `lebar` x `tinggi` merged range whose top-left cell
    has `border`: (every assignment it makes, in its order; each bordered cell's final border), as
    ((row offset, column offset), Border) pairs. Same additions to the same starting borders (the covered cells
    are new, unbordered MergedCells). The same Border objects every call: a workbook that registered one finds
    it again by identity (an equal but other object is compared field by field, several times slower)."""
    from openpyxl.styles.borders import DEFAULT_BORDER, Border

    tepi = {"top": [(0, k) for k in range(lebar)], "left": [(r, 0) for r in range(tinggi)],
            "right": [(r, lebar - 1) for r in range(tinggi)], "bottom": [(tinggi - 1, k) for k in range(lebar)]}
    nilai, langkah = {(0, 0): border}, []
    for nama, sel in tepi.items():
        sisi = getattr(border, nama)
        if sisi and sisi.style is None:
            continue
        tambah = Border(**{nama: sisi})
        for pos in sel:
            nilai[pos] = nilai.get(pos, DEFAULT_BORDER) + tambah
            langkah.append((pos, nilai[pos]))
    if nilai[(0, 0)] == border:  # a border with all four sides: the top-left cell keeps it (set by the caller)
        del nilai[(0, 0)]
    return tuple(langkah), tuple(nilai.items())


def baris_teks(teks: str, lebar: float) -> int:
    """Lines a wrapped 10-pt text needs in a column `lebar` characters (11-pt) wide."""
    return jumlah_baris_teks(teks, lebar, 1.15)


def rentang_tanggal(mulai: str, selesai: str) -> str:
    """'2026-01-01', '2026-03-31' -> '1 JANUARI S.D. 31 MARET 2026' (the year once when both share it)."""
    a, b = date.fromisoformat(mulai[:10]), date.fromisoformat(selesai[:10])
    awal = f"{a.day} {BULAN[a.month - 1]}" if a.year == b.year else tanggal_id(a)
    return f"{awal} s.d. {tanggal_id(b)}".upper()


def baris_periode(p: Periode) -> list[str]:
    """The period lines as the forms write them: 'PERIODE: 1 JANUARI S.D. 31 DESEMBER 2026' for a year;
    'PERIODE: TRIWULAN I' .. 'TRIWULAN IV/AKHIR' or 'PERIODE: BULAN JANUARI' then the dates."""
    rentang = rentang_tanggal(p.mulai, p.selesai)
    mulai = date.fromisoformat(p.mulai[:10])
    if p.jenis == "triwulan":
        label = f"TRIWULAN {ROMAWI_TRIWULAN[(mulai.month - 1) // 3 + 1]}"
    elif p.jenis == "bulanan":
        label = f"BULAN {BULAN[mulai.month - 1].upper()}"
    else:
        return [f"PERIODE: {rentang}"]
    return [f"PERIODE: {label}", f"PERIODE PENILAIAN: {rentang}"]


class Penulis:
    """Writes rows top-down on a sheet whose column widths are `lebar` (characters); each cell is written once.

    openpyxl hashes a style object on every assignment and borders a merged range edge by edge
    (MergedCellRange.format); both are most of a document's CPU, so each distinct Font/Alignment is built once
    (`_huruf`, `_rataan`) and the borders of a merged range are set from `bingkai_gabungan` (a repeated shape:
    only the final ones). The written workbook is the same, byte for byte, as with plain openpyxl calls."""

    def __init__(self, ws, g, lebar: list[float]):
        self.ws, self.g, self.r, self.lebar = ws, g, 1, lebar
        self._bingkai: dict[tuple[int, int], tuple] = {}  # (width, height) of a merge made here -> final borders

    def sel(self, kolom: int, nilai, tebal=False, rata=None, border=True, fmt=None, fill=None, ukuran=None,
            garis_bawah=False, miring=False):
        c = self.ws.cell(row=self.r, column=kolom)
        isi_teks(c, nilai)
        c.alignment = _rataan(rata)
        c.font = _huruf(tebal, ukuran or 10, garis_bawah, miring)
        if border:
            c.border = self.g.border
        if fmt:
            c.number_format = fmt
        if fill:
            c.fill = fill
        return c

    def gabung(self, kolom_awal: int, kolom_akhir: int, nilai, baris_akhir: int | None = None, border=True, **k):
        """Cells kolom_awal..kolom_akhir of this row (down to `baris_akhir`) merged, every covered cell's border
        drawn as openpyxl's merge_cells draws it. The first bordered merge of a shape on the sheet makes all of
        openpyxl's assignments, in its order (the workbook's border styles are numbered in that order); a
        repeat sets only the final borders."""
        akhir = baris_akhir or self.r
        if kolom_akhir == kolom_awal and akhir == self.r:
            return self.sel(kolom_awal, nilai, border=border, **k)
        c = self.sel(kolom_awal, nilai, border=False, **k)
        self.ws.merge_cells(start_row=self.r, start_column=kolom_awal, end_row=akhir, end_column=kolom_akhir)
        if border:
            c.border = self.g.border
            bentuk = (kolom_akhir - kolom_awal + 1, akhir - self.r + 1)
            if bentuk in self._bingkai:
                bingkai = self._bingkai[bentuk]
            else:
                bingkai, self._bingkai[bentuk] = bingkai_gabungan(self.g.border, *bentuk)
            for (dr, dk), b in bingkai:
                self.ws.cell(row=self.r + dr, column=kolom_awal + dk).border = b
        return c

    def lebar_antara(self, awal: int, akhir: int) -> float:
        return sum(self.lebar[awal - 1:akhir])

    def tinggi(self, baris: int):
        """Row height for `baris` lines of 10-pt text (never lower than already set)."""
        lama = self.ws.row_dimensions[self.r].height or 0
        self.ws.row_dimensions[self.r].height = max(14, 12 * baris + 2, lama)

    def teks_penuh(self, teks: str, tebal=False, border=True, fill=None, ukuran=None, rata=None, miring=False):
        """One row merged over every column, as high as the wrapped text needs."""
        n = len(self.lebar)
        self.gabung(1, n, teks, tebal=tebal, border=border, fill=fill, ukuran=ukuran, rata=rata, miring=miring)
        faktor = 10 / ukuran if ukuran else 1
        self.tinggi(baris_teks(teks, self.lebar_antara(1, n) * faktor))
        self.maju()

    def maju(self, n: int = 1):
        self.r += n


def tulis_kop(w: Penulis, profil) -> None:
    """Logo at the left, pemda / instansi / address centred, a rule under the kop (nothing without a profile)."""
    from openpyxl.styles import Border, Side

    kop = baris_kop(profil)
    if not kop:
        return
    n = len(w.lebar)
    ukuran = {"pemda": 12, "instansi": 12, "alamat": 8}
    for i, (teks, jenis) in enumerate(kop):
        w.gabung(1, n, teks, tebal=jenis != "alamat", rata="center", border=False, ukuran=ukuran[jenis])
        if i == len(kop) - 1:
            for k in range(1, n + 1):
                w.ws.cell(row=w.r, column=k).border = Border(bottom=Side(style="medium"))
        if len(kop) < 3:  # room for the logo
            w.tinggi(2)
        w.maju()
    gambar = logo(profil, tinggi=56)
    if gambar is not None:
        w.ws.add_image(gambar, "A1")
    w.maju()


def kepala_daerah(profil, tanpa_nama: bool = False) -> dict | None:
    """The kepala daerah of the profile as a document person, or None when the profile names none
    (with `tanpa_nama`: an unnamed kepala daerah instead, whose name is written by hand)."""
    if profil is None or not profil.kepala_nama:
        if not tanpa_nama:
            return None
        jabatan = (profil.kepala_jabatan if profil is not None else None) or "Kepala Daerah"
        return {"nama": None, "nip": None, "pangkat": None, "jabatan": jabatan,
                "unit": profil.pemda if profil is not None else None, "kepala": True}
    jabatan = profil.kepala_jabatan or "Kepala Daerah"
    wilayah = _wilayah(profil.pemda)
    return {"nama": profil.kepala_nama, "nip": None, "pangkat": None,
            "jabatan": f"{jabatan} {wilayah}".strip() if wilayah and wilayah.lower() not in jabatan.lower() else jabatan,
            "unit": profil.pemda or "-", "kepala": True}


def penilai_kepala_daerah(atasan: dict | None) -> bool:
    """Is the pejabat penilai the kepala daerah? Then there is no atasan pejabat penilai (and no D.1.2)."""
    return bool(atasan and atasan.get("kepala"))


TANPA_ATASAN_PENILAI = "— (pejabat penilai adalah kepala daerah)"


def _wilayah(pemda: str | None) -> str | None:
    """'Pemerintah Kota Bukittinggi' -> 'Bukittinggi' (the place a Wali Kota / Bupati heads)."""
    if not pemda:
        return None
    kata = pemda.split()
    for i, k in enumerate(kata):
        if k.lower() in ("kota", "kabupaten", "provinsi") and i + 1 < len(kata):
            return " ".join(kata[i + 1:])
    return None


def unit_kerja(orang: dict) -> str:
    """The UNIT KERJA line: the sub-unit (the SIASN unor) before its unit when one is stored,
    'UPT Puskesmas X — Dinas Kesehatan'; else the unit."""
    unit, sub = orang.get("unit") or "-", (orang.get("sub_unit") or "").strip()
    return f"{sub} — {unit}" if sub and sub.casefold() != unit.casefold() else unit


def identitas(w: Penulis, judul: str, orang: dict | None, kolom_isi: int = 3,
              satu_baris: str | None = None) -> None:
    """The numbered identity block of the forms (NAMA, NIP, PANGKAT/GOL. RUANG, JABATAN, UNIT KERJA); a
    kepala daerah has no NIP and no pangkat: those rows are left out. Nobody known (or a kepala daerah the
    profile does not name): dotted lines to fill in by hand, never "-". `satu_baris`: the block is that one
    line instead (the atasan pejabat penilai of someone assessed by the kepala daerah)."""
    n = len(w.lebar)
    w.sel(1, "NO", tebal=True, rata="center", fill=w.g.kepala_fill)
    w.gabung(2, n, judul, tebal=True, fill=w.g.kepala_fill)
    w.maju()
    if satu_baris is not None:
        w.gabung(1, n, satu_baris)
        w.maju()
        return
    o = orang or {}
    baris = [("NAMA", "nama"), ("NIP", "nip"), ("PANGKAT/GOL. RUANG", "pangkat"), ("JABATAN", "jabatan"),
             ("UNIT KERJA", "unit")]
    if o.get("kepala"):
        baris = [("NAMA", "nama"), ("JABATAN", "jabatan"), ("INSTANSI", "unit")]
    elif o.get("luar"):  # an atasan outside the roster (kinerja pegawai atasan-luar): name and jabatan only
        baris = [("NAMA", "nama"), ("JABATAN", "jabatan")]
    kosong = TITIK if orang is None or o.get("kepala") else "-"
    for i, (label, kunci) in enumerate(baris, 1):
        w.sel(1, i, rata="center")
        w.gabung(2, kolom_isi - 1, label)
        nilai = unit_kerja(o) if label == "UNIT KERJA" else o.get(kunci) or kosong
        w.gabung(kolom_isi, n, nilai)
        if baris_teks(nilai, w.lebar_antara(kolom_isi, n)) > 1:
            w.tinggi(baris_teks(nilai, w.lebar_antara(kolom_isi, n)))
        w.maju()


def baris_ttd(peran: str, orang: dict | None, tempat_tgl: str | None) -> list[tuple[str, str]]:
    """(text, kind) lines of one signature block: place and date, the role, room to sign, the name ('nama':
    bold, underlined), pangkat, NIP printed `NIP. 19800908 200904 1 482`. A kepala daerah: his jabatan under
    the name and no NIP line. Nobody known: dotted lines to fill in by hand."""
    hasil = [(tempat_tgl, "biasa")] if tempat_tgl is not None else [("", "biasa")]
    hasil += [(peran, "biasa"), ("", "ruang"), ("", "ruang"), ("", "ruang")]
    if not orang:
        return hasil + [(f"( {TITIK}{TITIK} )", "nama"), (f"NIP. {TITIK}", "biasa")]
    hasil.append((orang["nama"] or f"( {TITIK}{TITIK} )", "nama"))
    if orang.get("kepala") or orang.get("luar"):  # no NIP recorded for them
        return hasil + [(orang.get("jabatan") or "", "biasa")]
    if orang.get("pangkat") and orang["pangkat"] != "-":
        hasil.append((orang["pangkat"], "biasa"))
    return hasil + [(nip_cetak(orang["nip"]), "biasa")]


def tulis_ttd(w: Penulis, kiri: list | None, kanan: list | None, kolom_kiri=(1, 3), kolom_kanan=(5, 6)) -> None:
    """Two signature blocks side by side (either may be None), one text per row, centred, no borders."""
    kiri, kanan = kiri or [], kanan or []
    for i in range(max(len(kiri), len(kanan))):
        for blok, (a, b) in ((kiri, kolom_kiri), (kanan, kolom_kanan)):
            if i < len(blok):
                teks, jenis = blok[i]
                w.gabung(a, b, teks, border=False, rata="center", tebal=jenis == "nama", garis_bawah=jenis == "nama")
        w.maju()


def per_jenis(w: "Penulis", baris: list, kolom: int):
    """The SKP rows of each jenis in the form's order, each group under its heading (A. UTAMA, B. TAMBAHAN)
    written across `kolom` columns; a jenis without rows gets no heading. Shared by the SKP and D.1.1 tables."""
    for jenis, judul in (("utama", "A. UTAMA"), ("tambahan", "B. TAMBAHAN")):
        isi = [b for b in baris if b.jenis == jenis]
        if isi:
            w.gabung(1, kolom, judul, tebal=True)
            w.maju()
            yield isi
