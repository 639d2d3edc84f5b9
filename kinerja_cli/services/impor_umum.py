"""Plumbing shared by every importer: read the sheet, decide (refuse / skip), mark the copy.

An importer does:

    isi = impor_umum.baca(berkas, TATA, sheet, tandai)     # refuses unusable files
    masalah = ...                                          # pure checks collect Masalah
    galat = impor_umum.putuskan(isi, masalah, lewati_galat, tandai, hasil)
    ... compute changes; if not uji_coba: one transaction ...

A large importer streams instead (`with impor_umum.alir(...) as isi: for b in isi.baris: ...`):
the rows are read from the workbook as they are consumed, so memory stays flat.

`putuskan` raises ImporDitolak (after writing the marked copy when --tandai is given)
unless --lewati-galat, and returns the error problems of the rows that will be skipped.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from ..errors import BerkasTidakValid, ImporDitolak, SelGalatExcel
from ..model import HasilImpor

SARAN_TOLAK = "Perbaiki berkasnya lalu impor ulang, atau pakai --lewati-galat untuk menyimpan baris yang benar saja."


def baca(berkas: Path | str, tata, sheet: str | None = None, tandai: Path | None = None):
    """The sheet's data rows (excel.baca.IsiSheet, `baris` a list); refuse a sheet without data rows."""
    with alir(berkas, tata, sheet, tandai) as isi:
        isi.baris = list(isi.baris)
    return isi


@contextmanager
def alir(berkas: Path | str, tata, sheet: str | None = None, tandai: Path | None = None):
    """Like `baca`, for the large importers: yields an IsiSheet whose `baris` is a one-pass
    iterator of BarisSumber, read from the workbook as it is consumed (flat memory).

    The same refusals as `baca` happen before the first row is yielded (no file, not a
    workbook, headers missing, no data rows: the first data row is read ahead). A sheet that
    turns out broken further down raises BerkasTidakValid while iterating, so a caller writes
    inside its transaction only after consuming the rows, or lets the error roll it back.
    Use it as `with impor_umum.alir(...) as isi:`.
    """
    from itertools import chain

    from ..excel.baca import alir_sheet

    berkas = Path(berkas)
    if tandai is not None:
        from ..excel.tandai import periksa_tujuan

        periksa_tujuan(berkas, Path(tandai))
    try:
        with alir_sheet(berkas, tata, sheet) as isi:
            baris = iter(isi.baris)
            pertama = next(baris, None)
            if pertama is None:
                raise BerkasTidakValid(
                    f"Sheet '{isi.sheet}' di {berkas.name} tidak berisi data di bawah baris judul "
                    f"(baris {isi.baris_judul}).",
                    f"Isi satu baris per data di bawah judul kolom ({', '.join(k.judul for k in tata.wajib())}).",
                )
            isi.baris = chain((pertama,), baris)
            yield isi
    except SelGalatExcel as e:  # Excel error cells (#N/A...): the reader refuses them once the rows are read
        p = tandai_bila_perlu(berkas, e.masalah, tandai)
        if p is not None:
            e.saran = f"{e.saran} Sel galat ditandai merah di {p}."
        raise


def berkas_terbuka(berkas: Path | str) -> Path | None:
    """Excel's lock file beside `berkas` when the workbook seems open in Excel (reading still works)."""
    from ..excel.baca import berkas_kunci_excel

    return berkas_kunci_excel(berkas)


def saran_tandai(berkas: Path | str) -> str:
    return f"Tambahkan --tandai {Path(berkas).stem}.galat.xlsx untuk menandai sel yang salah."


def tandai_bila_perlu(berkas: Path | str, masalah: list, tandai: Path | None, hasil: HasilImpor | None = None):
    """Write the marked copy when asked and there is something to mark; return its path or None."""
    if tandai is None or not masalah:
        return None
    from ..excel.tandai import tulis

    p = tulis(Path(berkas), Path(tandai), masalah)
    if hasil is not None:
        hasil.keterangan["ditandai"] = str(p)
    return p


def putuskan(berkas: Path | str, masalah: list, lewati_galat: bool, tandai: Path | None = None,
             hasil: HasilImpor | None = None) -> list:
    """Refuse the import if any problem is an error (unless --lewati-galat); return the errors.

    With --tandai the marked copy is written in every case where problems exist.
    """
    berkas = Path(berkas)
    galat = [m for m in masalah if m.galat]
    p = tandai_bila_perlu(berkas, masalah, tandai, hasil)
    if galat and not lewati_galat:
        n_baris = len({(m.sheet, m.baris) for m in galat})
        saran = SARAN_TOLAK + " " + (f"Sel yang salah ditandai merah di {p}." if p else saran_tandai(berkas))
        raise ImporDitolak(
            f"Impor {berkas.name} ditolak: {len(galat)} galat di {n_baris} baris. Tidak ada data yang ditulis.",
            masalah, saran)
    if hasil is not None:
        hasil.dilewati = galat
        hasil.peringatan = [m for m in masalah if not m.galat]
    return galat


def baris_dilewati(hasil: HasilImpor) -> int:
    return len({(m.sheet, m.baris) for m in hasil.dilewati})


def simpan_tampungan(db, tabel, kode: str, hasil: HasilImpor, uji_coba: bool, banding) -> None:
    """After the checks of a staged import: count what the staged rows change and write them.

    `tabel` is the store module of the staging table (ada_di_periode, jumlah_tampungan,
    tulis_tampungan); `banding()` returns (ditambah, diubah) for a period that already has
    rows. A first import into an empty period needs no comparison. Nothing is written with
    --dry-run or when nothing changes; otherwise everything in one transaction.
    """
    from ..store.db import transaksi

    ubah = tabel.ada_di_periode(db, kode)
    if ubah:
        hasil.ditambah, hasil.diubah = banding()
        hasil.tetap = tabel.jumlah_tampungan(db) - hasil.ditambah - hasil.diubah
    else:
        hasil.ditambah = tabel.jumlah_tampungan(db)
    if not uji_coba and (hasil.ditambah or hasil.diubah):
        with transaksi(db):
            tabel.tulis_tampungan(db, kode, ubah)
