"""Reading workbooks: find the sheet and its header row, stream the data rows.

openpyxl is imported inside the functions so that `kinerja --help` stays light.
Every row keeps its origin (sheet, Excel row, column letter) for messages.
"""

from __future__ import annotations

import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import BerkasTidakValid, KinerjaError, TidakDitemukan
from ..model import BarisSumber
from ..kolom import Tata, normalisasi_judul

BARIS_CARI_JUDUL = 15  # the header row must stand in the first rows
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class IsiSheet:
    berkas: Path
    sheet: str
    baris_judul: int
    huruf: dict  # field key -> column letter
    judul: dict  # field key -> header text found
    baris: object  # list[BarisSumber], or a one-pass iterator of them (alir_sheet)


def huruf_kolom(idx: int) -> str:
    """0 -> 'A', 27 -> 'AB'."""
    s = ""
    idx += 1
    while idx:
        idx, r = divmod(idx - 1, 26)
        s = chr(65 + r) + s
    return s


def _periksa_berkas(path: Path) -> None:
    if not path.exists():
        raise TidakDitemukan(f"Berkas tidak ditemukan: {path}", "Periksa nama dan folder berkasnya.")
    if path.is_dir():
        raise BerkasTidakValid(f"{path} adalah folder, bukan berkas Excel.", "Sebutkan berkas .xlsx-nya.")
    if path.name.startswith("~$"):
        raise BerkasTidakValid(
            f"{path.name} adalah berkas kunci sementara Excel (dibuat saat berkas sedang dibuka), bukan data.",
            f"Tutup berkasnya di Excel lalu impor {path.name[2:]}.",
        )
    try:
        with open(path, "rb") as f:
            awal = f.read(8)
    except OSError as e:
        raise BerkasTidakValid(f"{path} tidak dapat dibaca: {e.strerror or e}.",
                               "Periksa izin berkasnya, atau salin berkasnya ke folder Anda lalu impor salinannya.") from None
    if not awal:
        raise BerkasTidakValid(
            f"{path.name} kosong (0 byte), bukan buku kerja Excel.",
            "Berkas mungkin belum selesai diunduh atau disalin; ambil ulang berkasnya atau simpan ulang dari Excel.",
        )
    if awal == _OLE_MAGIC:
        raise BerkasTidakValid(
            f"{path.name} berformat Excel lama (.xls) atau dilindungi kata sandi.",
            "Buka di Excel, hapus kata sandinya bila ada, lalu Simpan Sebagai 'Excel Workbook (.xlsx)'.",
        )
    if not zipfile.is_zipfile(path):
        if awal.startswith(b"PK\x03\x04"):  # a zip's start without its end (the central directory)
            raise BerkasTidakValid(
                f"{path.name}: berkas .xlsx tidak utuh, mungkin unduhan atau salinannya terputus "
                "(bagian akhir berkas zip-nya tidak ada).",
                "Unduh atau salin ulang berkasnya dari sumber aslinya, lalu impor lagi.",
            )
        raise BerkasTidakValid(
            f"{path.name} bukan berkas Excel .xlsx (isinya bukan buku kerja Excel, mungkin CSV/PDF yang diganti namanya).",
            "Buka di Excel lalu Simpan Sebagai 'Excel Workbook (.xlsx)'.",
        )
    from .jenis_berkas import tolak_format_lain

    tolak_format_lain(path)  # .xlsb, .ods, .numbers...: a zip too, named by its format
    from .periksa_zip import periksa_zip

    periksa_zip(path)  # sizes and zip bombs, before any parser


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


def buka_buku(path: Path):
    """Open a workbook read-only (streaming), or raise a clear BerkasTidakValid."""
    _periksa_berkas(path)
    from .periksa_zip import periksa_lembar

    periksa_lembar(path)  # row numbers, references and the dimension: openpyxl trusts them all
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for broken files
        from .periksa_zip import cari_bagian_rusak

        utuh = cari_bagian_rusak(path, e)  # a part that does not decompress whole: named
        if utuh is not None:
            raise utuh from None
        raise BerkasTidakValid(
            f"{path.name} tidak dapat dibaca sebagai buku kerja Excel: isinya rusak atau bukan format .xlsx.",
            "Buka di Excel, periksa isinya, lalu simpan ulang sebagai .xlsx.",
        ) from None


def _nilai_sel(v):
    if isinstance(v, str):
        v = v.strip()
        return v if v else None
    return v


def _cocokkan_judul(sel: list, tata: Tata) -> tuple[dict, dict]:
    """Map field key -> column index (first match wins) for one candidate row."""
    peta: dict[str, list[str]] = {}
    for k in tata.kolom:
        for nama in (k.judul, k.key, *k.alias):
            peta.setdefault(normalisasi_judul(nama), []).append(k.key)
    idx: dict[str, int] = {}
    teks: dict[str, str] = {}
    for i, v in enumerate(sel):
        n = normalisasi_judul(v)
        if not n:
            continue
        for key in peta.get(n, []):
            if key not in idx:
                idx[key] = i
                teks[key] = str(v).strip()
                break
    return idx, teks


def _lembar_data(wb) -> list:
    """The worksheets (tables) of the workbook: chart sheets hold no cells."""
    if not hasattr(wb, "worksheets"):  # the calamine reader lists only sheets with cells
        return [wb[n] for n in wb.sheetnames]
    return [ws for ws in wb.worksheets if hasattr(ws, "iter_rows")]


def _pilih_sheet(wb, tata: Tata, sheet: str | None, nama_berkas: str):
    lembar = _lembar_data(wb)
    nama = [ws.title for ws in lembar]
    if not lembar:
        raise BerkasTidakValid(
            f"{nama_berkas} tidak berisi sheet tabel (hanya grafik: {', '.join(wb.sheetnames)}).",
            "Impor berkas yang berisi data tabelnya, atau salin datanya ke sheet biasa lalu simpan ulang.",
        )
    if sheet:
        for ws in lembar:
            if ws.title.strip().lower() == sheet.strip().lower():
                return ws
        grafik = [n for n in wb.sheetnames if n not in nama and n.strip().lower() == sheet.strip().lower()]
        raise BerkasTidakValid(
            f"Sheet '{sheet}' {'berisi grafik, bukan tabel,' if grafik else 'tidak ada'} di {nama_berkas}.",
            f"Sheet yang ada: {', '.join(nama)}. Pilih dengan --sheet.",
        )
    for ws in lembar:
        if ws.title.strip().lower() == tata.nama_sheet.lower():
            return ws
    return None


def baca_sheet(path: Path | str, tata: Tata, sheet: str | None = None) -> IsiSheet:
    """Read the data rows of the sheet that holds `tata`'s headers, as a list.

    Values are read with python-calamine when no cell style of the workbook is a percent
    format (see excel/baca_cepat.py), else with openpyxl; both give the same rows.
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
    come one by one (calamine in slices, or openpyxl read_only): memory stays flat whatever
    the sheet's size. A broken sheet found while streaming raises BerkasTidakValid.
    """
    path = Path(path)
    _periksa_berkas(path)
    isi = wb = None
    if not paksa_openpyxl:
        from . import baca_cepat

        if not baca_cepat.ada_format_persen(path):
            wb = baca_cepat.buka(path)
            if wb is not None:
                try:
                    isi = _baca_buku(path, wb, tata, sheet)
                except Exception:  # a refusal or anything calamine-specific: openpyxl reads it again and decides
                    wb.close()
    lewat_openpyxl = isi is None
    if isi is None:
        wb = buka_buku(path)
        try:
            isi = _baca_buku(path, wb, tata, sheet)
        except KinerjaError:
            wb.close()
            raise
        except Exception as e:  # a broken sheet inside a valid zip: bad XML, truncated stream, odd cell refs
            wb.close()
            raise _rusak(path, e) from None
    aliran = isi.baris  # the caller may replace isi.baris (a list, a chain): close the stream itself
    try:
        if lewat_openpyxl:
            _tolak_rumus_kosong(path, isi.sheet)
        yield isi
    finally:
        aliran.close()
        wb.close()


def _tolak_rumus_kosong(path: Path, sheet: str) -> None:
    """Refuse a data sheet holding formulas without a stored result: they would read as empty
    cells, and an import would then clear stored values or skip rows without a word. (The calamine
    slices check each slice as they go, excel/baca_iris.py; this scan serves the openpyxl path.)"""
    from .rumus import galat_rumus, rumus_tanpa_nilai

    n, sel = rumus_tanpa_nilai(path, sheet)
    if n:
        raise galat_rumus(path.name, sheet, n, sel)


def _rusak(path: Path, e: Exception) -> BerkasTidakValid:
    from .periksa_zip import cari_bagian_rusak

    utuh = cari_bagian_rusak(path, e)  # a part that does not decompress whole: named
    if utuh is not None:
        return utuh
    return BerkasTidakValid(
        f"{path.name} rusak: isi sheet-nya tidak dapat dibaca.",
        "Buka di Excel (Excel menawarkan perbaikan berkas), lalu simpan ulang sebagai .xlsx.",
    )


def _baca_buku(path: Path, wb, tata: Tata, sheet: str | None) -> IsiSheet:
    ws = _pilih_sheet(wb, tata, sheet, path.name)
    kandidat = [ws] if ws is not None else _lembar_data(wb)
    terbaik = None  # (found count, sheet, row, idx, teks)
    for ws in kandidat:
        hasil = _cari_judul(ws, tata)
        if hasil and hasil[0] == "lengkap":
            _, baris_judul, idx, teks = hasil
            return _baca_data(path, ws, tata, baris_judul, idx, teks)
        if hasil and (terbaik is None or len(hasil[2]) > len(terbaik[3])):
            terbaik = (hasil[0], ws, hasil[1], hasil[2], hasil[3])
    ws0 = kandidat[0]
    if terbaik is None:
        raise BerkasTidakValid(
            f"Sheet '{ws0.title}' di {path.name} kosong.",
            f"Isi data mulai dari baris judul ({', '.join(k.judul for k in tata.wajib())}), "
            "atau pakai kinerja templat untuk contoh berkas.",
        )
    _, ws, baris_judul, idx, teks = terbaik
    _tolak_bila_berkas_lain(path, ws, tata)
    from . import kolom_hilang

    raise kolom_hilang.galat(path, ws.title, tata, baris_judul, idx, teks, kolom_hilang.baca_baris(ws, baris_judul))


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


def _tolak_bila_berkas_lain(path: Path, ws, tata: Tata) -> None:
    """A workbook of another kind (an SKP file given to `pegawai impor`): say so, not "column missing"."""
    from .. import kolom

    lain = [t for t in vars(kolom).values() if isinstance(t, Tata) and t.nama_sheet != tata.nama_sheet]
    for t in sorted(lain, key=lambda t: -len(t.wajib())):  # the most specific layout first
        hasil = _cari_judul(ws, t)
        if hasil and hasil[0] == "lengkap" and t.nama_sheet in _JENIS:
            jenis, perintah = _JENIS[t.nama_sheet]
            diminta = _JENIS.get(tata.nama_sheet, (tata.nama_sheet, ""))[0]
            contoh = (" Contoh berkas yang benar: kinerja templat CONTOH.xlsx --periode KODE"
                      if tata.nama_sheet in ("Sasaran", "Realisasi", "Perilaku") else "")
            raise BerkasTidakValid(
                f"{path.name} tampaknya berkas {jenis}: judul kolom sheet '{ws.title}' cocok dengan berkas itu, "
                f"bukan dengan berkas {diminta}.",
                f"Bila memang berkas {jenis}, impor dengan: {perintah} {path.name}. Bila bukan, pilih berkas "
                f"{diminta} yang benar.{contoh}")


def _cari_judul(ws, tata: Tata):
    """('lengkap'|'sebagian', row, idx, teks) for the best header row, or None if empty."""
    wajib = {k.key for k in tata.wajib()}
    terbaik = None
    ada_isi = False
    for r, sel in enumerate(ws.iter_rows(max_row=BARIS_CARI_JUDUL, values_only=True), start=1):
        if any(v not in (None, "") for v in sel):
            ada_isi = True
        idx, teks = _cocokkan_judul(list(sel), tata)
        if wajib <= idx.keys():
            return ("lengkap", r, idx, teks)
        if idx and (terbaik is None or len(idx) > len(terbaik[2])):
            terbaik = ("sebagian", r, idx, teks)
    if terbaik:
        return terbaik
    return ("sebagian", 1, {}, {}) if ada_isi else None


def _baca_data(path: Path, ws, tata: Tata, baris_judul: int, idx: dict, teks: dict) -> IsiSheet:
    from .sel_galat import PenampungGalat

    huruf = {k: huruf_kolom(i) for k, i in idx.items()}
    keys = list(idx.items())
    galat = PenampungGalat(path.name, ws.title, huruf, baris_judul)
    if hasattr(ws, "semua_irisan"):  # calamine, slice by slice
        from .baca_cepat import baris_data

        baris = _dengan_cadangan(path, ws, baris_data(ws, baris_judul, keys, huruf, galat), baris_judul, keys,
                                 huruf, galat)
    else:
        baris = _baris_openpyxl(path, ws, keys, huruf, baris_judul + 1, galat)
    return IsiSheet(path, ws.title, baris_judul, huruf, teks, _tolak_sel_galat(baris, galat))


def _tolak_sel_galat(baris, galat):
    """The rows; once they are exhausted, the refusal of the Excel error cells seen (excel/sel_galat.py)."""
    yield from baris
    galat.tolak_bila_ada()


def _dengan_cadangan(path: Path, ws, baris, baris_judul: int, keys: list, huruf: dict, galat):
    """The calamine rows; if a slice fails midway, openpyxl goes on from the next row."""
    terakhir = baris_judul
    try:
        try:
            for b in baris:
                terakhir = b.baris
                yield b
            return
        except KinerjaError:
            raise
        except Exception:  # a slice calamine refuses (or that cannot be cut): openpyxl reads the rest
            pass
    finally:
        baris.close()
        ws.close()
    wb = buka_buku(path)
    try:
        yield from _baris_openpyxl(path, wb[ws.title], keys, huruf, terakhir + 1, galat)
    finally:
        wb.close()


def _baris_openpyxl(path: Path, ws, keys: list, huruf: dict, mulai: int, galat):
    """BarisSumber rows of an openpyxl read-only sheet from row `mulai` on, one by one.
    Excel error cells (and error texts) go to `galat` and read as None, as on the calamine path."""
    from .sel_galat import KODE_GALAT

    try:
        # Only the columns we read: a stray value in column XFD must not widen every row to 16,384 cells.
        max_col = max((i for _, i in keys), default=0) + 1
        kosong_terakhir = None  # read_only yields one shared tuple for every missing row of a sparse sheet
        for r, row in enumerate(ws.iter_rows(min_row=mulai, max_col=max_col), start=mulai):
            if row is kosong_terakhir:
                continue  # a million-row gap costs a million identity checks, not a million row scans
            nilai, fmt = {}, {}
            kosong = True
            n = len(row)
            for key, i in keys:
                if i >= n:
                    nilai[key] = None
                    continue
                c = row[i]
                v = _nilai_sel(getattr(c, "value", None))
                if v.__class__ is str and v[:1] == "#" and (v in KODE_GALAT or getattr(c, "data_type", "") == "e"):
                    galat.catat(r, huruf[key], v)
                    v = None
                nilai[key] = v
                if v is not None:
                    kosong = False
                    f = getattr(c, "number_format", None)
                    if f and "%" in f:  # the only format the importers look at (the percent rule)
                        fmt[key] = f
            if not kosong:
                yield BarisSumber(ws.title, r, nilai, fmt, huruf)
            else:
                kosong_terakhir = row
    except KinerjaError:
        raise
    except Exception as e:  # a sheet that breaks while streaming (bad XML, truncated data)
        raise _rusak(path, e) from None
