"""Shared pieces of the workbooks kinerja writes: styles, title blocks, Indonesian
dates, predikat colours, and saving safely (temp file in the target folder, then
``os.replace``; mode 0600; no overwrite unless asked).

Other sheet writers (e.g. a recap sheet registered through
``services.ekspor.lembar_tambahan``) use these so every sheet looks alike.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from ..berkas_aman import periksa_folder_tujuan
from ..errors import DataTidakValid
from ..kosakata import BAIK, BUTUH_PERBAIKAN, CUKUP, KURANG, KURANG_MISCONDUCT, SANGAT_BAIK, SANGAT_KURANG
from ..model import Periode
from .aman import sel_aman
from .lembar_cepat import adalah_cepat
from .tulis import simpan_atomik

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")
NAMA_METODE = {
    "pp30": "PP 30/2019 jo. PermenPANRB 8/2021 (nilai angka: NHK, NPK, NA)",
    "permenpan6": "PermenPANRB 6/2022 (rating hasil kerja x rating perilaku kerja)",
}
NAMA_STATUS = {"terbuka": "terbuka (hasil sementara, data masih dapat berubah)",
               "ditutup": "ditutup (hasil beku)"}
WARNA_PREDIKAT = {  # fill colours (light, print well in grey too)
    SANGAT_BAIK: "63BE7B",
    BAIK: "C6EFCE",
    BUTUH_PERBAIKAN: "FFEB9C",
    CUKUP: "FFEB9C",
    KURANG: "F8CBAD",
    KURANG_MISCONDUCT: "F8CBAD",
    SANGAT_KURANG: "FFC7CE",
}
FORMAT_ANGKA = "0.00"
FORMAT_PERSEN = "0.00%"


def tanggal_id(t: date | str | None) -> str:
    """date(2026, 11, 29) or '2026-11-29' -> '29 November 2026'."""
    if t is None or t == "":
        return "-"
    if isinstance(t, str):
        t = date.fromisoformat(t[:10])
    return f"{t.day} {BULAN[t.month - 1]} {t.year}"


def waktu_id(t: datetime) -> str:
    """'29 November 2026 pukul 14.05'."""
    return f"{tanggal_id(t)} pukul {t:%H.%M}"


def teks_periode(p: Periode) -> str:
    return f"{p.kode} ({p.jenis}, {tanggal_id(p.mulai)} s.d. {tanggal_id(p.selesai)})"


def info_periode(data) -> list[str]:
    """The info lines of every title block of the recap (`data`: an excel.rekap.DataRekap):
    periode, metode, status, made when (no file path: these sheets go to the leadership)."""
    p = data.periode
    status = NAMA_STATUS.get(p.status, p.status)
    if p.ditutup and p.ditutup_pada:
        status += f", ditutup {waktu_id(datetime.fromisoformat(p.ditutup_pada))}"
    return [
        f"Periode: {teks_periode(p)}",
        f"Metode: {NAMA_METODE.get(data.metode, data.metode)}",
        f"Status periode: {status}",
        f"Dibuat: {waktu_id(data.dibuat)}",
    ]


class Gaya:
    """Style objects made once per workbook (openpyxl hashes them per cell)."""

    def __init__(self):
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        tipis = Side(style="thin", color="808080")
        self.border = Border(left=tipis, right=tipis, top=tipis, bottom=tipis)
        self.judul = Font(bold=True, size=14)
        self.subjudul = Font(bold=True, size=12)
        self.tebal = Font(bold=True)
        self.kecil = Font(size=9, italic=True)
        self.kepala_fill = PatternFill("solid", fgColor="D9E1F2")
        self.kepala_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.bungkus = Alignment(vertical="top", wrap_text=True)
        self.atas = Alignment(vertical="top")
        self.tengah = Alignment(horizontal="center", vertical="top")
        self.fill_predikat = {k: PatternFill("solid", fgColor=v) for k, v in WARNA_PREDIKAT.items()}
        self.fill_total = PatternFill("solid", fgColor="EDEDED")


def atur_cetak(ws, lanskap: bool = True, baris_judul: int | None = None, sampai: int | None = None) -> None:
    """A4, fit to the page width (any number of pages down), optional repeated header rows
    (`baris_judul` to `sampai`), footer "Halaman N dari M".

    On a write-only sheet call this before the first row is appended
    (sheet properties are written with the first row).
    """
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.orientation = "landscape" if lanskap else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "Halaman &P dari &N"
    if baris_judul:
        ws.print_title_rows = f"{baris_judul}:{sampai or baris_judul}"


def lebar_kolom(ws, lebar: list[float]) -> None:
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(lebar, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def baris_kop_singkat(profil) -> list[str]:
    """The kop lines of a recap sheet (a validation.instansi.ProfilInstansi): pemda and instansi in
    capitals; none without a profile (a neutral kop)."""
    if profil is None:
        return []
    return [x.upper() for x in (profil.pemda, profil.instansi) if x]


def baris_blok_judul(ws, gaya: Gaya, judul: str, baris: list[str], profil=None) -> list[list]:
    """The title block rows of a write-only sheet: pemda and instansi from the profile (none without
    one: a neutral kop), title, then info lines, then a blank row."""
    hasil = [[sel_aman(ws, t, font=gaya.subjudul)] for t in baris_kop_singkat(profil)]
    hasil.append([sel_aman(ws, judul, font=gaya.judul)])
    hasil += [[sel_aman(ws, b)] for b in baris]
    hasil.append([])
    return hasil


def baris_kepala(ws, gaya: Gaya, judul: list[str]) -> list:
    return [sel_aman(ws, j, font=gaya.tebal, fill=gaya.kepala_fill, alignment=gaya.kepala_align, border=gaya.border)
            for j in judul]


# -- saving --------------------------------------------------------------------


def periksa_tujuan(tujuan: Path, timpa: bool) -> Path:
    """Refuse a missing folder, a folder as target, or an existing file without --timpa."""
    tujuan = Path(tujuan)

    periksa_folder_tujuan(tujuan.parent)  # missing, or a parent in the path is a file
    if tujuan.is_dir():
        raise DataTidakValid(f"{tujuan} adalah folder, bukan nama berkas.", "Tulis nama berkas, misalnya rekap-2026.xlsx.")
    if tujuan.suffix.lower() != ".xlsx":
        raise DataTidakValid(f"Nama berkas {tujuan.name} harus berakhiran .xlsx.", "Contoh: rekap-2026.xlsx")
    if tujuan.exists() and not timpa:
        raise DataTidakValid(f"Berkas {tujuan} sudah ada; tidak ditimpa.",
                             "Pakai nama lain, atau tambahkan --timpa untuk menggantinya.")
    return tujuan


def simpan_aman(wb, tujuan: Path, timpa: bool, kompresi: int | None = None) -> Path:
    """Save to a temp file beside the target, then move it into place (never half-written); mode 0600.
    `kompresi`: the zip's zlib level (None: openpyxl's default)."""
    return simpan_atomik(wb, periksa_tujuan(tujuan, timpa), timpa, kompresi)


# -- row heights (spreadsheet programs do not grow rows of wrapped text on their own) --


def jumlah_baris_teks(teks: object, lebar: float, per_satuan: float = 1.05) -> int:
    """Lines a wrapped text needs in a column `lebar` characters wide (an estimate)."""
    if teks is None:
        return 1
    per = max(int(lebar * per_satuan), 1)
    if isinstance(teks, str) and len(teks) <= per and "\n" not in teks:
        return 1  # fits on one line (most cells)
    total = 0
    for b in str(teks).split("\n"):
        kata, n, panjang = b.split(" "), 1, 0
        for k in kata:  # greedy word wrap, like the spreadsheet does
            if panjang and panjang + 1 + len(k) > per:
                n, panjang = n + 1, len(k)
            else:
                panjang += (1 if panjang else 0) + len(k)
            while panjang > per:
                n, panjang = n + 1, panjang - per
        total += n
    return total


def baris_terbanyak(nilai_lebar, per_satuan: float = 1.05) -> int:
    """Most lines among (value, width) pairs of one row; numbers take one line."""
    return max((jumlah_baris_teks(v, w, per_satuan) for v, w in nilai_lebar if isinstance(v, str)), default=1)


class Aliran:
    """Appends rows to a write-only sheet, keeping the row number and giving a row with
    several lines of wrapped text its height (dropped after the row is written, so
    memory stays flat)."""

    TINGGI_BARIS = 14.5

    def __init__(self, ws):
        self.ws, self.n = ws, 0

    def tambah(self, sel: list, baris: int = 1) -> int:
        self.n += 1
        if adalah_cepat(self.ws):  # height handed over without a RowDimension
            self.ws.tinggi_baris = round(self.TINGGI_BARIS * baris + 3, 1) if baris > 1 else None
            self.ws.append(sel)
            return self.n
        if baris > 1:
            self.ws.row_dimensions[self.n].height = round(self.TINGGI_BARIS * baris + 3, 1)
        self.ws.append(sel)
        self.ws.row_dimensions.pop(self.n, None)
        return self.n


def tambah_sel(ws, sel: list, banyak_baris: int) -> None:
    """Append cell objects as one row of a LembarCepat, with the height `Aliran` gives."""
    ws.tinggi_baris = round(Aliran.TINGGI_BARIS * banyak_baris + 3, 1) if banyak_baris > 1 else None
    ws.append(sel)
