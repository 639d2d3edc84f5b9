"""The marked error copy: the user's own workbook with every bad cell coloured and explained.

The input is never touched: it is loaded (normal mode, formulas kept), marked, and saved
under a new name. Errors are filled red, warnings yellow; each marked cell gets a comment
saying what is wrong, what was found and how to fix it. A problem without a column marks
the first cell of its row. A sheet listing every problem is added at the end.
"""

from __future__ import annotations

from pathlib import Path

from .. import kolom
from ..errors import BerkasTidakValid, DataTidakValid
from .aman import bersihkan, isi_teks
from .baca import buka_pembaca
from .pembaca import jenis_berkas
from .tulis import simpan_atomik

WARNA_GALAT = "FFFFC7CE"  # light red (Excel's "Bad")
WARNA_PERINGATAN = "FFFFEB9C"  # light yellow (Excel's "Neutral")
SHEET_DAFTAR = "Galat kinerja"


def periksa_tujuan(sumber: Path, tujuan: Path, timpa: bool = True) -> None:
    """Refuse a target that would overwrite the input, an existing file (unless `timpa`), or
    cannot be written."""
    sumber, tujuan = Path(sumber), Path(tujuan)
    if tujuan.suffix.lower() != ".xlsx":
        raise DataTidakValid(f"Berkas tanda galat harus berakhiran .xlsx, bukan '{tujuan.name}'.",
                             f"Contoh: --tandai {sumber.stem}.galat.xlsx")
    try:
        sama = tujuan.exists() and sumber.exists() and tujuan.resolve() == sumber.resolve()
    except OSError:
        sama = False
    if sama or tujuan.absolute() == sumber.absolute():
        raise DataTidakValid("Berkas tanda galat tidak boleh sama dengan berkas yang diimpor (berkas asli tidak ditimpa).",
                             f"Pakai nama lain, misalnya --tandai {sumber.stem}.galat.xlsx")
    folder = tujuan.absolute().parent
    if not folder.is_dir():
        raise DataTidakValid(f"Folder {folder} untuk berkas tanda galat tidak ada.", "Buat foldernya dulu atau pilih path lain.")
    if not timpa and (tujuan.exists() or tujuan.is_symlink()):
        raise DataTidakValid(f"{tujuan} sudah ada; berkas tanda galat tidak menimpanya tanpa diminta. "
                             "Tidak ada yang diimpor.",
                             f"Pakai --timpa untuk menimpanya, atau pilih nama lain (misalnya --tandai "
                             f"{nama_bebas(sumber, tujuan)}).")


def nama_bebas(sumber: Path, tujuan: Path) -> Path:
    """A marked-copy name beside `tujuan` that does not exist yet: NAME.galat.xlsx, else NAME.galat-2.xlsx, ..."""
    folder = Path(tujuan).parent
    for i in range(1, 1000):
        calon = folder / f"{Path(sumber).stem}.galat{'' if i == 1 else f'-{i}'}.xlsx"
        if not (calon.exists() or calon.is_symlink()):
            return calon
    return folder / f"{Path(sumber).stem}.galat-baru.xlsx"




def _sel_tanda(ws, koordinat: str):
    """The cell to mark, or None. Inside a merged range only its top-left cell can be written; but a
    range that starts in a row above the problem's row with a column header in it (NAMA merged over a
    two-row header) is a header: never marked for a data row's problem, which stays listed in the
    problem sheet (SHEET_DAFTAR)."""
    sel = ws[koordinat]
    if type(sel).__name__ == "MergedCell":
        for rentang in ws.merged_cells.ranges:
            if koordinat in rentang:
                kiri_atas = ws.cell(rentang.min_row, rentang.min_col)
                if rentang.min_row < sel.row and _judul_kolom(kiri_atas.value):
                    return None
                return kiri_atas
    return sel


def _judul_kolom(v) -> bool:
    """True for a text that is a column header kinerja reads (any layout's header or alias)."""
    if not isinstance(v, str):
        return False
    n = kolom.normalisasi_judul(v)
    return any(n == kolom.normalisasi_judul(nama) for t in vars(kolom).values() if isinstance(t, kolom.Tata)
               for k in t.kolom for nama in (k.judul, k.key, *k.alias))


def _isi_komentar(daftar: list) -> str:
    bagian = []
    for m in daftar:
        baris = [("GALAT: " if m.galat else "PERINGATAN: ") + m.pesan]
        if m.nilai is not None:
            baris.append(f"Ditemukan: {str(m.nilai)[:80]}")
        if m.saran:
            baris.append(f"Perbaikan: {m.saran}")
        bagian.append("\n".join(baris))
    return "\n\n".join(bagian)


def _huruf(m) -> str:
    """The problem's column letter: its own field, else the letter its `kolom` text starts with
    ("C (tanggal)"), else column A (the row as a whole)."""
    if m.huruf:
        return m.huruf
    awal = (m.kolom or "").split(" ", 1)[0]
    return awal if awal.isalpha() and awal.isupper() and len(awal) <= 3 else "A"


def tulis(sumber: Path, tujuan: Path, masalah: list) -> Path:
    """Save a copy of `sumber` at `tujuan` with the cells of `masalah` marked; return `tujuan`."""
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    sumber, tujuan = Path(sumber), Path(tujuan)
    periksa_tujuan(sumber, tujuan)
    try:
        wb = openpyxl.load_workbook(sumber) if _jenis(sumber) == "xlsx" else _salin_ke_buku(sumber)
    except Exception:  # openpyxl raises many kinds for broken files
        raise BerkasTidakValid(f"{sumber.name} tidak dapat dibuka untuk ditandai (isinya rusak atau bukan format .xlsx).",
                               "Perbaiki galat menurut tabel di layar.") from None
    per_sel: dict[tuple[str, str], tuple] = {}
    for m in masalah:
        if not m.baris or m.sheet not in wb.sheetnames:
            continue
        sel = _sel_tanda(wb[m.sheet], f"{_huruf(m)}{m.baris}")
        if sel is None:
            continue
        per_sel.setdefault((m.sheet, sel.coordinate), (sel, []))[1].append(m)
    for sel, daftar in per_sel.values():
        warna = WARNA_GALAT if any(m.galat for m in daftar) else WARNA_PERINGATAN
        sel.fill = PatternFill(fill_type="solid", start_color=warna, end_color=warna)
        teks = bersihkan(_isi_komentar(daftar))
        k = Comment(teks, "kinerja")
        k.width = 320
        k.height = min(60 + 18 * teks.count("\n") + len(teks) // 3, 600)
        sel.comment = k
    _daftar_masalah(wb, masalah)
    try:
        simpan_atomik(wb, tujuan, timpa=True)  # owner-only, via a temp file beside it; replaces an older copy
    finally:
        wb.close()
    return tujuan


def _jenis(sumber: Path) -> str:
    return jenis_berkas(sumber)


def _salin_ke_buku(sumber: Path):
    """A .csv, .ods or .xls cannot be marked in place: its cells, as read, in a new workbook (text stays
    text, so an 18-digit NIP of a CSV is shown whole), sheet by sheet under the same names."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    with buka_pembaca(sumber) as pb:
        for nama in pb.nama_lembar:
            ws = wb.create_sheet(nama[:31])
            for r, baris in enumerate(pb.kepala(nama, 1_048_576), start=1):
                for c, v in enumerate(baris, start=1):
                    if v is None:
                        continue
                    if isinstance(v, str):
                        isi_teks(ws.cell(r, c), v)
                    else:
                        ws.cell(r, c, v)
    return wb


def _daftar_masalah(wb, masalah: list) -> None:
    nama = SHEET_DAFTAR
    while nama in wb.sheetnames:
        nama += "_"
    ws = wb.create_sheet(nama)

    ws.append(["Tingkat", "Sheet", "Baris", "Kolom", "Nilai", "Masalah", "Perbaikan"])
    urut = sorted(masalah, key=lambda m: (0 if m.galat else 1, m.sheet, m.baris or 0, m.kolom))
    for r, m in enumerate(urut, start=2):
        for c, v in enumerate(("galat" if m.galat else "peringatan", m.sheet, m.baris, m.kolom, m.nilai, m.pesan,
                               m.saran), start=1):
            if isinstance(v, int) and not isinstance(v, bool):
                ws.cell(r, c, v)
            elif v is not None:
                isi_teks(ws.cell(r, c), str(v))  # the one text rule of every sheet (aman)
    for huruf, lebar in zip("ABCDEFG", (11, 14, 7, 18, 24, 60, 60)):
        ws.column_dimensions[huruf].width = lebar
