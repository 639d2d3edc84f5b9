"""Kop, place of dates and signature blocks from the instansi profile (validation.instansi.ProfilInstansi).

Without a profile the documents still work: a neutral kop (no pemda line), a dotted place before
the date and dotted signature lines to be filled in by hand; the command warns once.
"""

from __future__ import annotations

from datetime import date

from ..validation.instansi import ProfilInstansi, nip_cetak
from .aman import bersihkan
from .lembar import Aliran, tanggal_id
from .lembar_cepat import adalah_cepat

TITIK = "……………………"
TINGGI_LOGO = 68  # pixels (about 1.8 cm): three kop lines


def baris_kop(p: ProfilInstansi | None) -> list[tuple[str, str]]:
    """(text, kind) of a full kop: 'pemda', 'instansi' (capitals, bold), 'alamat' (small)."""
    if p is None:
        return []
    hasil = [(x.upper(), k) for x, k in ((p.pemda, "pemda"), (p.instansi, "instansi")) if x]
    return hasil + [(x, "alamat") for x in (p.alamat, p.kontak) if x]


def tempat_tanggal(p: ProfilInstansi | None, tanggal: date | str | None) -> str:
    tempat = p.tempat if p is not None and p.tempat else TITIK
    return f"{tempat}, {tanggal_id(tanggal)}"


def baris_ttd_rekap(p: ProfilInstansi | None, tanggal) -> list[tuple[str, str]]:
    """(text, kind) of the recap's signature block: place and date, jabatan, room to sign, name
    ('nama': bold, underlined), pangkat, NIP. Without a signatory: dotted lines to fill in."""
    ada = p is not None and p.ada_penandatangan
    jabatan = (p.ttd_jabatan if p is not None and p.ttd_jabatan else TITIK) + ","
    hasil = [(tempat_tanggal(p, tanggal), "biasa"), (jabatan, "biasa"), ("", "ruang"), ("", "ruang"), ("", "ruang"),
             (p.ttd_nama if ada else f"( {TITIK}{TITIK} )", "nama")]
    if ada and p.ttd_pangkat:
        hasil.append((p.ttd_pangkat, "biasa"))
    hasil.append((nip_cetak(p.ttd_nip) if ada and p.ttd_nip else f"NIP. {TITIK}", "biasa"))
    return hasil


def kolom_ttd(lebar: list[float], minimal: float = 40) -> tuple[int, int]:
    """(first, last) 1-based columns of the signature block: the fewest right-hand columns at least
    `minimal` characters wide."""
    total, i = 0.0, len(lebar)
    while i > 1 and total < minimal:
        i -= 1
        total += lebar[i]
    return i + 1, len(lebar)


def tulis_ttd(ws, gaya, p: ProfilInstansi | None, tanggal, baris: int, lebar: list[float]) -> int:
    """Append the signature block to a write-only sheet whose next row is `baris`: a blank row, then
    the whole block as ONE row (a row is never split across printed pages, so the block stays
    together), its text centred in one cell merged over the right-hand columns, the name bold and
    underlined. Returns the rows appended (2)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    awal, akhir = kolom_ttd(lebar)
    bagian = baris_ttd_rekap(p, tanggal)
    runs: list = []
    teks = ""
    for i, (t, jenis) in enumerate(bagian):
        t = bersihkan(t) + ("\n" if i < len(bagian) - 1 else "")
        if jenis == "nama":
            if teks:
                runs.append(teks)
                teks = ""
            runs.append(TextBlock(InlineFont(b=True, u="single"), t))
        else:
            teks += t
    if teks:
        runs.append(teks)
    c = WriteOnlyCell(ws)
    c.value = CellRichText(runs)
    c.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
    ws.append([])
    tinggi = round(Aliran.TINGGI_BARIS * len(bagian) + 6, 1)
    if adalah_cepat(ws):
        ws.tinggi_baris = tinggi
    else:
        ws.row_dimensions[baris + 1].height = tinggi
    ws.append([None] * (awal - 1) + [c])
    if akhir > awal:
        ws.merged_cells.add(f"{get_column_letter(awal)}{baris + 1}:{get_column_letter(akhir)}{baris + 1}")
    return 2


def logo(p: ProfilInstansi | None, tinggi: int = TINGGI_LOGO):
    """The profile's logo as an openpyxl image `tinggi` pixels high (None without a logo). The bytes
    are written as stored (PNG or JPEG, checked when set); no image library is needed."""
    if p is None or not p.logo:
        return None
    from openpyxl.drawing.image import Image

    class _Logo(Image):
        def __init__(self, isi: bytes, jenis: str, lebar: int, tinggi_asli: int):  # no PIL: size known already
            self.ref, self._isi, self.format = None, isi, jenis
            self.height = tinggi
            self.width = max(1, round(lebar * tinggi / tinggi_asli))

        def _data(self):
            return self._isi

    return _Logo(p.logo, p.logo_jenis, p.logo_lebar, p.logo_tinggi)
