"""The one reader interface of every importer (`Pembaca`), and the choice of its concrete reader.

A reader opens one spreadsheet file and gives, per sheet, the first rows (for the header search)
and then the data rows as BarisSumber (cell values, the percent formats where the file has them,
the origin of every cell). Which reader reads a file is decided once, here, from the file's
content (never its name alone) and size, in `baca.buka_pembaca`:

* `.xlsx` with a percent number format in its styles: `PembacaOpenpyxl` (formats per cell).
* other `.xlsx`: `baca_cepat.PembacaCalamineXlsx` (python-calamine; a sheet whose XML fits
  `baca_cepat.BATAS_UTUH` in one call, a larger one in slices). If calamine cannot read the
  file, `excel.baca` reads it again with `PembacaOpenpyxl`, which gives the proper message.
* `.ods`: `baca_lain.PembacaOds` (calamine; error cells and percent cells from content.xml).
* legacy `.xls`: `baca_lain.PembacaXls` (xlrd: values, error cells and number formats).
* `.csv` / `.tsv` / `.txt`: `baca_lain.PembacaCsv` (every cell text; encoding and delimiter detected).

Every reader gives the same values (what openpyxl read-only gives: stripped text or None,
whole numbers as int, dates as datetime) and reports Excel error cells to the same
`sel_galat.PenampungGalat`, so every check and message is the same whatever the format.
"""

from __future__ import annotations

import zipfile
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Iterator

from ..errors import BerkasTidakValid, KinerjaError, TidakDitemukan
from ..model import BarisSumber
from .jenis_berkas import tolak_format_lain
from .periksa_lembar import periksa_lembar
from .periksa_zip import cari_bagian_rusak, periksa_zip
from .rumus import sel_berkas
from .sel_galat import KODE_GALAT

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
AKHIRAN_TEKS = (".csv", ".tsv", ".txt")


class Pembaca(ABC):
    """One opened spreadsheet file, read sheet by sheet."""

    jenis = "xlsx"  # shown in messages: xlsx, ods, xls, csv
    cadangan_openpyxl = False  # True: when this reader fails, excel.baca reads the file with openpyxl

    def __init__(self, path: Path):
        self.path = Path(path)

    @property
    @abstractmethod
    def nama_lembar(self) -> list[str]:
        """The sheets that hold cells (tables), in the workbook's order."""

    @property
    def semua_lembar(self) -> list[str]:
        """Every sheet, chart sheets included (named in messages)."""
        return self.nama_lembar

    @abstractmethod
    def kepala(self, sheet: str, n: int) -> Iterator[tuple]:
        """The values of rows 1..n of `sheet`, row by row (fewer when the sheet ends earlier); read
        lazily where the format allows, so a header found in row 1 never reads row 15."""

    @abstractmethod
    def baris(self, sheet: str, baris_judul: int, keys: list, huruf: dict, galat) -> Iterator[BarisSumber]:
        """The non-empty rows below `baris_judul`, one by one: `keys` [(field key, 0-based column)],
        `huruf` field key -> column letter; error cells go to `galat` (sel_galat.PenampungGalat) and
        read as None. A sheet that turns out broken raises BerkasTidakValid while iterating."""

    def periksa_sebelum_baris(self, sheet: str, galat=None) -> None:
        """Cells to refuse that need the whole sheet before its rows are used, given to `galat`
        (sel_galat.PenampungGalat) like error cells (nothing by default)."""

    def close(self) -> None:
        """Release the file."""

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()


def jenis_berkas(path: Path) -> str:
    """'xlsx', 'ods', 'xls' or 'csv' for a readable file, or BerkasTidakValid naming what it is."""
    if not path.exists():
        raise TidakDitemukan(f"Berkas tidak ditemukan: {path}", "Periksa nama dan folder berkasnya.")
    if path.is_dir():
        raise BerkasTidakValid(f"{path} adalah folder, bukan berkas Excel.", "Sebutkan berkas .xlsx atau .csv-nya.")
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
        return "xls"  # a legacy workbook, or an encrypted .xlsx: baca_lain.PembacaXls tells them apart
    if not zipfile.is_zipfile(path):
        if awal.startswith(b"PK\x03\x04"):  # a zip's start without its end (the central directory)
            raise BerkasTidakValid(
                f"{path.name}: berkas .xlsx tidak utuh, mungkin unduhan atau salinannya terputus "
                "(bagian akhir berkas zip-nya tidak ada).",
                "Unduh atau salin ulang berkasnya dari sumber aslinya, lalu impor lagi.",
            )
        if path.suffix.lower() in AKHIRAN_TEKS:
            return "csv"
        raise BerkasTidakValid(
            f"{path.name} bukan berkas Excel .xlsx/.xls, OpenDocument .ods atau CSV "
            "(isinya mungkin PDF, atau CSV dengan nama lain).",
            "Bila isinya tabel CSV (teks dipisah titik koma, koma atau tab), ganti akhiran namanya menjadi .csv "
            "lalu impor lagi; selain itu pilih berkas tabelnya yang asli.",
        )

    jenis = tolak_format_lain(path)  # .xlsb, .numbers, .docx...: refused by name; 'ods' or 'xlsx'

    periksa_zip(path)  # sizes and zip bombs, before any parser
    return jenis


class PembacaOpenpyxl(Pembaca):
    """An .xlsx read with openpyxl read-only: slower, but with every cell's number format."""

    def __init__(self, path: Path):
        super().__init__(path)

        periksa_lembar(self.path)  # row numbers, references and the dimension: openpyxl trusts them all
        import openpyxl

        try:
            self._wb = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except Exception as e:  # openpyxl raises many kinds for broken files
            utuh = cari_bagian_rusak(self.path, e)  # a part that does not decompress whole: named
            if utuh is not None:
                raise utuh from None
            raise BerkasTidakValid(
                f"{self.path.name} tidak dapat dibaca sebagai buku kerja Excel: isinya rusak atau bukan format .xlsx.",
                "Buka di Excel, periksa isinya, lalu simpan ulang sebagai .xlsx.",
            ) from None
        from openpyxl.chartsheet import Chartsheet

        self._lembar = {ws.title: ws for ws in self._wb.worksheets if not isinstance(ws, Chartsheet)}

    @property
    def nama_lembar(self) -> list[str]:
        return list(self._lembar)

    @property
    def semua_lembar(self) -> list[str]:
        return list(self._wb.sheetnames)

    def kepala(self, sheet: str, n: int) -> Iterator[tuple]:
        return self._lembar[sheet].iter_rows(max_row=n, values_only=True)

    def periksa_sebelum_baris(self, sheet: str, galat=None) -> None:
        """Formulas without a stored result would read as empty cells, and an import would then clear
        stored values or skip rows without a word: each one in a data column is refused as its cell
        (excel/rumus.py; the calamine slices see them in each slice as they go)."""
        if galat is not None:
            galat.catat_xml(sel_berkas(self.path, sheet))

    def baris(self, sheet, baris_judul, keys, huruf, galat, mulai: int | None = None):
        return baris_openpyxl(self.path, self._lembar[sheet], keys, huruf,
                              baris_judul + 1 if mulai is None else mulai, galat)

    def close(self) -> None:
        self._wb.close()


def nilai_sel(v):
    if isinstance(v, str):
        v = v.strip()
        return v if v else None
    return v


def rusak(path: Path, e: Exception, jenis: str = "xlsx") -> BerkasTidakValid:
    if jenis != "xlsx":
        return BerkasTidakValid(f"{path.name} rusak: isi sheet-nya tidak dapat dibaca.",
                                "Buka berkasnya di Excel atau LibreOffice, periksa isinya, lalu simpan ulang "
                                "dalam format yang sama.")

    utuh = cari_bagian_rusak(path, e)  # a part that does not decompress whole: named
    if utuh is not None:
        return utuh
    return BerkasTidakValid(
        f"{path.name} rusak: isi sheet-nya tidak dapat dibaca.",
        "Buka di Excel (Excel menawarkan perbaikan berkas), lalu simpan ulang sebagai .xlsx.",
    )


def baris_openpyxl(path: Path, ws, keys: list, huruf: dict, mulai: int, galat):
    """BarisSumber rows of an openpyxl read-only sheet from row `mulai` on, one by one.
    Excel error cells (and error texts) go to `galat` and read as None, as on the calamine path."""
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
                v = nilai_sel(getattr(c, "value", None))
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
        raise rusak(path, e) from None
