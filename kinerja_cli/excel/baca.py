"""Reading a table for an importer: find the sheet and its header row, stream the data rows.

The file is read through one interface, `pembaca.Pembaca` (.xlsx, .ods, .xls, .csv; the
concrete reader is chosen in `buka_pembaca` below). Libraries are imported inside the
readers so that `kinerja --help` stays light. Every row keeps its origin (sheet, row,
column letter) for messages.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .. import kolom
from ..errors import BerkasTidakValid, KinerjaError
from ..kolom import Tata
from . import baca_cepat, kolom_hilang
from .baca_lain import PembacaCsv, PembacaOds, PembacaXls
from .judul import AwalSheet, Judul, cari_judul
from .pembaca import Pembaca, PembacaOpenpyxl, jenis_berkas, rusak
from .penanda import dari_pembaca
from .sel_galat import PenampungGalat
from .tata_kantor import saring_tanda_tangan

BARIS_CARI_JUDUL = 15  # the header row must stand in the first rows


@dataclass
class IsiSheet:
    berkas: Path
    sheet: str
    baris_judul: int
    huruf: dict  # field key -> column letter
    judul: dict  # field key -> header text found
    baris: object  # list[BarisSumber], or a one-pass iterator of them (alir_sheet)
    info: list = field(default_factory=list)  # lines for the officer: rows of an office layout passed over
    galat_sel: object = None  # sel_galat.PenampungGalat: the Excel error cells of the data columns seen so far
    penanda: object = None  # excel.penanda.Penanda: the period the workbook's template was made for, or None
    peringatan: list = field(default_factory=list)  # headers spelt almost like a column not found (not read)


def buka_pembaca(path: Path, paksa_openpyxl: bool = False) -> Pembaca:
    """The reader for `path`, chosen by its content and size (see excel/pembaca.py)."""
    path = Path(path)
    jenis = jenis_berkas(path)
    if jenis == "csv":
        return PembacaCsv(path)
    if jenis == "xls":
        return PembacaXls(path)
    if jenis == "ods":
        return PembacaOds(path)
    if not paksa_openpyxl:
        if not baca_cepat.ada_format_persen(path):
            p = baca_cepat.buka(path)
            if p is not None:
                return p
    return PembacaOpenpyxl(path)


def huruf_kolom(idx: int) -> str:
    """0 -> 'A', 27 -> 'AB'."""
    s = ""
    idx += 1
    while idx:
        idx, r = divmod(idx - 1, 26)
        s = chr(65 + r) + s
    return s


def berkas_kunci_excel(path: Path | str) -> Path | None:
    """Excel's owner file (~$name.xlsx) beside `path` while the workbook is open in Excel, or None."""
    path = Path(path)
    nama = path.name
    if not nama or not path.is_file():  # "." or "": a folder, refused by the reader with its own message
        return None
    for calon in {"~$" + nama, "~$" + nama[2:]} if len(path.stem) > 2 else {"~$" + nama}:
        p = path.with_name(calon)
        if p != path and p.is_file():
            return p
    return None


def _pilih_sheet(pb: Pembaca, tata: Tata, sheet: str | None, nama_berkas: str) -> str | None:
    nama = pb.nama_lembar
    if not nama:
        raise BerkasTidakValid(
            f"{nama_berkas} tidak berisi sheet tabel (hanya grafik: {', '.join(pb.semua_lembar)}).",
            "Impor berkas yang berisi data tabelnya, atau salin datanya ke sheet biasa lalu simpan ulang.",
        )
    if sheet:
        for n in nama:
            if n.strip().lower() == sheet.strip().lower():
                return n
        grafik = [n for n in pb.semua_lembar if n not in nama and n.strip().lower() == sheet.strip().lower()]
        raise BerkasTidakValid(
            f"Sheet '{sheet}' {'berisi grafik, bukan tabel,' if grafik else 'tidak ada'} di {nama_berkas}.",
            f"Sheet yang ada: {', '.join(nama)}. Pilih dengan --sheet.",
        )
    for n in nama:
        if n.strip().lower() == tata.nama_sheet.lower():
            return n
    return None


def penanda_berkas(path: Path | str):
    """The period the kinerja template `path` was made for (excel.penanda.Penanda), or None."""
    with buka_pembaca(Path(path)) as pb:
        return dari_pembaca(pb)


def baca_sheet(path: Path | str, tata: Tata, sheet: str | None = None) -> IsiSheet:
    """Read the data rows of the sheet that holds `tata`'s headers, as a list.

    The reader is chosen by the file (excel/pembaca.py); every reader gives the same rows.
    """
    with alir_sheet(path, tata, sheet) as isi:
        isi.baris = list(isi.baris)
    return isi


def baca_sheet_openpyxl(path: Path | str, tata: Tata, sheet: str | None = None) -> IsiSheet:
    """The same as baca_sheet, always with openpyxl (number formats read per cell)."""
    with alir_sheet(path, tata, sheet, paksa_openpyxl=True) as isi:
        isi.baris = list(isi.baris)
    return isi


@contextmanager
def alir_sheet(path: Path | str, tata: Tata, sheet: str | None = None, paksa_openpyxl: bool = False):
    """Find the sheet and its header row, then yield an IsiSheet whose `baris` streams the rows.

    Every refusal about the file, the sheet or its headers happens before the yield. The rows
    come one by one: memory stays flat whatever the sheet's size. A broken sheet found while
    streaming raises BerkasTidakValid. An .xlsx that calamine cannot read (or refuses) is read
    again with openpyxl, which decides (`Pembaca.cadangan_openpyxl`).
    """
    path = Path(path)
    pb = buka_pembaca(path, paksa_openpyxl)
    try:
        isi = _baca_buku(path, pb, tata, sheet)
    except Exception as e:
        pb.close()
        if not pb.cadangan_openpyxl:
            if isinstance(e, KinerjaError):
                raise
            raise rusak(path, e, pb.jenis) from None
        pb = PembacaOpenpyxl(path)
        try:
            isi = _baca_buku(path, pb, tata, sheet)
        except KinerjaError:
            pb.close()
            raise
        except Exception as e:  # a broken sheet inside a valid zip: bad XML, truncated stream, odd cell refs
            pb.close()
            raise rusak(path, e) from None
    aliran = isi.baris  # the caller may replace isi.baris (a list, a chain): close the stream itself
    try:
        isi.penanda = dari_pembaca(pb)
        pb.periksa_sebelum_baris(isi.sheet, isi.galat_sel)
        yield isi
    finally:
        aliran.close()
        pb.close()


def _baca_buku(path: Path, pb: Pembaca, tata: Tata, sheet: str | None) -> IsiSheet:
    ws = _pilih_sheet(pb, tata, sheet, path.name)
    kandidat = [ws] if ws is not None else pb.nama_lembar
    terbaik = None  # (sheet, Judul)
    awal: dict = {}  # sheet -> its first rows read, shared by the searches below
    for ws in kandidat:
        judul = _cari_judul(pb, ws, tata, awal)
        if judul and judul.lengkap:
            return _baca_data(path, pb, ws, judul, tata)
        if judul and (terbaik is None or len(judul.idx) > len(terbaik[1].idx)):
            terbaik = (ws, judul)
    ws0 = kandidat[0]
    if terbaik is None:
        raise BerkasTidakValid(
            f"Sheet '{ws0}' di {path.name} kosong.",
            f"Isi data mulai dari baris judul ({', '.join(k.judul for k in tata.wajib())}), "
            "atau pakai kinerja templat untuk contoh berkas.",
        )
    ws, judul = terbaik
    _tolak_bila_berkas_lain(path, pb, ws, tata, awal)

    raise kolom_hilang.galat(path, ws, tata, judul.baris, judul.idx, judul.teks, judul.sel)


_JENIS = {  # sheet layout -> (what the workbook is, the command that imports it)
    "Pegawai": ("daftar pegawai", "kinerja pegawai impor"),
    "Sasaran": ("SKP (sasaran)", "kinerja sasaran impor"),
    "Realisasi": ("realisasi", "kinerja realisasi impor"),
    "Perilaku": ("penilaian perilaku", "kinerja perilaku impor"),
    "Umpan Balik": ("umpan balik", "kinerja umpan-balik impor"),
    "Inovasi": ("inovasi", "kinerja inovasi impor"),
    "Pelatihan": ("pelatihan", "kinerja pelatihan impor"),
    "Layanan": ("indikator layanan", "kinerja layanan impor"),
}


def _tolak_bila_berkas_lain(path: Path, pb: Pembaca, ws: str, tata: Tata, awal: dict) -> None:
    """A workbook of another kind (an SKP file given to `pegawai impor`): say so, not "column missing"."""
    lain = [t for t in vars(kolom).values() if isinstance(t, Tata) and t.nama_sheet != tata.nama_sheet]
    for t in sorted(lain, key=lambda t: -len(t.wajib())):  # the most specific layout first
        judul = _cari_judul(pb, ws, t, awal)
        if judul and judul.lengkap and t.nama_sheet in _JENIS:
            jenis, perintah = _JENIS[t.nama_sheet]
            diminta = _JENIS.get(tata.nama_sheet, (tata.nama_sheet, ""))[0]
            contoh = (" Contoh berkas yang benar: kinerja templat CONTOH.xlsx --periode KODE"
                      if tata.nama_sheet in ("Sasaran", "Realisasi", "Perilaku") else "")
            raise BerkasTidakValid(
                f"{path.name} tampaknya berkas {jenis}: judul kolom sheet '{ws}' cocok dengan berkas itu, "
                f"bukan dengan berkas {diminta}.",
                f"Bila memang berkas {jenis}, impor dengan: {perintah} {path.name}. Bila bukan, pilih berkas "
                f"{diminta} yang benar.{contoh}")


def _cari_judul(pb: Pembaca, ws: str, tata: Tata, awal: dict) -> Judul | None:
    """The header of sheet `ws` (cari_judul), or None if its first rows are empty. Up to two rows beyond
    BARIS_CARI_JUDUL are read when the header reaches them (the lower row of a two-row header, a
    column-numbering row under it). `awal` (sheet -> AwalSheet) keeps the rows read for the next search of
    the same sheet with another layout: each row is read once."""
    if ws not in awal:
        awal[ws] = AwalSheet(pb.kepala(ws, BARIS_CARI_JUDUL + 2))
    return cari_judul(awal[ws], tata, BARIS_CARI_JUDUL)


def _baca_data(path: Path, pb: Pembaca, ws: str, judul: Judul, tata: Tata) -> IsiSheet:
    huruf = {k: huruf_kolom(i) for k, i in judul.idx.items()}
    keys = list(judul.idx.items())
    galat = PenampungGalat(path.name, ws, huruf, judul.lewati, judul.teks)
    info = list(judul.info)
    baris = saring_tanda_tangan(pb.baris(ws, judul.lewati, keys, huruf, galat), info)
    mirip = kolom_hilang.judul_mirip(tata, judul.sel, judul.teks, judul.baris, huruf_kolom)
    return IsiSheet(path, ws, judul.baris, huruf, judul.teks, _tolak_sel_galat(baris, galat), info, galat,
                    peringatan=mirip)


def _tolak_sel_galat(baris, galat):
    """The rows; once they are exhausted, the refusal of the Excel error cells seen (excel/sel_galat.py),
    unless the caller takes them as problems of the import (`galat.tunda`: services.impor_umum lists them
    with every other problem of the file instead of stopping at them)."""
    try:
        yield from baris
    finally:
        baris.close()
    if not galat.tunda:
        galat.tolak_bila_ada()
