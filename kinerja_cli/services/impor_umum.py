"""Plumbing shared by every importer: read the sheet, decide (refuse / skip), mark the copy.

An importer does:

    isi = impor_umum.baca(berkas, TATA, sheet, tandai)     # refuses unusable files
    masalah = ...                                          # pure checks collect Masalah
    galat = impor_umum.putuskan(isi, masalah, lewati_galat, tandai, hasil)
    with impor_umum.tulis(db, uji_coba, bacaan):           # BEGIN IMMEDIATE (none for --dry-run)
        ... read what is stored, compute the changes, write them and their audit entries ...

The file is read and checked outside the write lock; what is stored now is read, compared and
written inside the one write transaction, so two imports at once behave as one after the other
(the second sees what the first wrote: "tidak berubah", never a second "ditambah"). Stored data a
file's checks needed (the roster, the period's SKP rows) is read through a `Bacaan` before the
file; `tulis` refuses the import when another process changed it in between.

A large importer streams instead (`with impor_umum.alir(...) as isi: for b in isi.baris: ...`):
the rows are read from the workbook as they are consumed, so memory stays flat.

`putuskan` raises ImporDitolak (after writing the marked copy when --tandai is given)
unless --lewati-galat, and returns the error problems of the rows that will be skipped.

Numbers typed as text whose reading depends on their column (`@konvensi_angka`, re-exported here
for the importers) live in services/angka_kolom.py; `alir` and `putuskan` call into it.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from ..errors import BasisDataError, BerkasTidakValid, ImporDitolak, PeriodeBerkasLain, SelGalatExcel
from ..excel.baca import alir_sheet, berkas_kunci_excel
from ..excel.tandai import periksa_tujuan
from ..excel.tandai import tulis as tulis_tandai
from ..model import HasilImpor
from ..store.db import transaksi, versi_data
from . import tolakan_baca

# konvensi_angka is imported from here by the importers
from .angka_kolom import konvensi_angka, selesaikan_angka, sesuaikan_angka  # noqa: F401

lingkup_impor = tolakan_baca.lingkup  # decorator of an importer without @konvensi_angka (which includes it)

SARAN_TOLAK = "Perbaiki berkasnya lalu impor ulang, atau pakai --lewati-galat untuk menyimpan baris yang benar saja."


def baca(berkas: Path | str, tata, sheet: str | None = None, tandai: Path | None = None, periode: str | None = None):
    """The sheet's data rows (excel.baca.IsiSheet, `baris` a list); refuse a sheet without data rows."""
    with alir(berkas, tata, sheet, tandai, periode) as isi:
        isi.baris = list(isi.baris)
    return isi


@contextmanager
def alir(berkas: Path | str, tata, sheet: str | None = None, tandai: Path | None = None, periode: str | None = None):
    """Like `baca`, for the large importers: yields an IsiSheet whose `baris` is a one-pass
    iterator of BarisSumber, read from the workbook as it is consumed (flat memory).

    The same refusals as `baca` happen before the first row is yielded (no file, not a
    workbook, headers missing, no data rows: the first data row is read ahead). A sheet that
    turns out broken further down raises BerkasTidakValid while iterating, so a caller writes
    inside its transaction only after consuming the rows, or lets the error roll it back.
    Use it as `with impor_umum.alir(...) as isi:`. `periode`: the period the rows go to; a kinerja
    template made for another one is refused before any row is read (periksa_periode).
    """
    from itertools import chain

    berkas = Path(berkas)
    if tandai is not None:
        periksa_tujuan(berkas, Path(tandai))
    try:
        with alir_sheet(berkas, tata, sheet) as isi:
            periksa_periode(berkas, periode, isi.penanda)
            baris = iter(sesuaikan_angka(berkas, tata, isi))
            pertama = next(baris, None)
            if pertama is None:
                raise BerkasTidakValid(
                    f"Sheet '{isi.sheet}' di {berkas.name} tidak berisi data di bawah baris judul "
                    f"(baris {isi.baris_judul}).",
                    f"Isi satu baris per data di bawah judul kolom ({', '.join(k.judul for k in tata.wajib())}).",
                )
            if tolakan_baca.aktif() and isi.galat_sel is not None:
                isi.galat_sel.tunda = True  # listed by putuskan with the rows' problems (services/tolakan_baca.py)
            isi.baris = tolakan_baca.awasi(chain((pertama,), baris), berkas, isi, tandai_bila_perlu, tandai)
            yield isi
    except SelGalatExcel as e:  # Excel error cells (#N/A...) outside an import scope: refused once the rows are read
        p = tandai_bila_perlu(berkas, e.masalah, tandai)
        if p is not None:
            e.saran = f"{e.saran} Sel galat ditandai merah di {p}."
        raise


def periksa_periode(berkas: Path | str, periode: str | None, penanda) -> None:
    """Refuse a kinerja template made for another period than `periode` (excel.penanda.Penanda; None: a
    workbook that records no period, the office's own Excel, is accepted). The one rule of every importer
    of period data and of `kinerja impor`: rows of 2027 never overwrite those of 2026 in silence."""
    if periode is None or penanda is None or penanda.kode == str(periode).strip().upper():
        return
    nama = Path(berkas).name
    raise PeriodeBerkasLain(
        f"{nama} adalah templat periode {penanda.kode} ({penanda.asal}), bukan periode {periode} yang dituju "
        "impor ini. Tidak ada data yang ditulis.",
        f"Bila isinya data periode {penanda.kode}, ulangi perintah dengan --periode {penanda.kode} (-p "
        f"{penanda.kode}). Bila isinya memang data periode {periode}, minta OPD mengisi templat periode "
        f"{periode} (kinerja templat --per-unit FOLDER --periode {periode}).")


def periksa_tandai(berkas: Path | str, tandai: Path | str, timpa: bool) -> None:
    """Refuse a --tandai target that cannot be used (or exists, unless `timpa`), before any work."""
    periksa_tujuan(Path(berkas), Path(tandai), timpa)


def berkas_terbuka(berkas: Path | str) -> Path | None:
    """Excel's lock file beside `berkas` when the workbook seems open in Excel (reading still works)."""
    return berkas_kunci_excel(berkas)


def saran_tandai(berkas: Path | str) -> str:
    return f"Tambahkan --tandai {Path(berkas).stem}.galat.xlsx untuk menandai sel yang salah."


def tandai_bila_perlu(berkas: Path | str, masalah: list, tandai: Path | None, hasil: HasilImpor | None = None):
    """Write the marked copy when asked and there is something to mark; return its path or None."""
    if tandai is None or not masalah:
        return None

    p = tulis_tandai(Path(berkas), Path(tandai), masalah)
    if hasil is not None:
        hasil.keterangan["ditandai"] = str(p)
    return p


def info_tata(hasil: HasilImpor, isi) -> None:
    """The lines about rows of an office layout the reader passed over (a column-numbering row, a
    signature block under the data: excel.tata_kantor), for the command to print after the problems."""
    for teks in getattr(isi, "peringatan", ()):  # a header spelt almost like a column not found: not read
        if teks not in hasil.keterangan.get("awas", ()):
            hasil.awas(teks)
    daftar = hasil.keterangan.setdefault("info", [])
    for teks in getattr(isi, "info", ()):
        if teks not in daftar:
            daftar.append(teks)
    if not daftar:
        del hasil.keterangan["info"]


def putuskan(berkas: Path | str, masalah: list, lewati_galat: bool, tandai: Path | None = None,
             hasil: HasilImpor | None = None) -> list:
    """Refuse the import if any problem is an error (unless --lewati-galat); return the errors.

    With --tandai the marked copy is written in every case where problems exist. Cells the reader
    refused (Excel error cells, control characters: services/tolakan_baca.py) are listed with the
    rows' problems and refuse the import even with --lewati-galat.
    """
    berkas = Path(berkas)
    masalah[:] = selesaikan_angka(masalah)
    tolakan = tolakan_baca.ambil(berkas)
    if tolakan:
        masalah[:] = tolakan_baca.gabung(tolakan, masalah)
    galat = [m for m in masalah if m.galat]
    p = tandai_bila_perlu(berkas, masalah, tandai, hasil)
    if tolakan:
        tolakan_baca.tolak(berkas, tolakan, masalah, lewati_galat, p)
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


class Bacaan:
    """Stored data the checks of a file depend on (read before the file, outside the write lock).

    `ambil(apa, baca)` returns baca() and remembers how to read it again; `ambil_alir` does the same
    for a one-pass cursor (only a hash of its rows is kept). `pastikan()`, inside the write
    transaction, does nothing when no other process has committed since (PRAGMA data_version);
    otherwise it reads everything again and refuses the import if anything differs, so a file is
    never written on checks made against data that is gone (a person removed, an SKP row replaced).
    """

    def __init__(self, db, berkas: Path | str):
        self.db = db
        self.berkas = Path(berkas)
        self.versi = versi_data(db)
        self._bacaan: list = []  # (apa, baca, value or hash, is a stream)

    def ambil(self, apa: str, baca):
        nilai = baca()
        self._bacaan.append((apa, baca, nilai, False))
        return nilai

    def ambil_alir(self, apa: str, baca):
        catatan = [apa, baca, None, True]
        self._bacaan.append(catatan)

        def alir():
            h = 0
            for r in baca():
                h = hash((h, r))
                yield r
            catatan[2] = h
        return alir()

    @staticmethod
    def _sidik(baris) -> int:
        h = 0
        for r in baris:
            h = hash((h, r))
        return h

    def pastikan(self) -> None:
        if versi_data(self.db) == self.versi:
            return
        for apa, baca, nilai, alir in self._bacaan:
            if (self._sidik(baca()) if alir else baca()) != nilai:
                raise BasisDataError(
                    f"{apa} diubah oleh proses lain selama {self.berkas.name} dibaca. Tidak ada data yang ditulis.",
                    "Jalankan ulang perintah ini: berkasnya akan diperiksa lagi terhadap data yang sekarang.")


@contextmanager
def tulis(db, uji_coba: bool, bacaan: Bacaan | None = None):
    """The import's one write transaction (BEGIN IMMEDIATE; `bacaan` re-checked first). With --dry-run
    (uji_coba) no transaction: the same reads and comparisons run, nothing is written."""
    if uji_coba:
        yield
        tolakan_baca.sisa()
        return

    with transaksi(db):
        if bacaan is not None:
            bacaan.pastikan()
        yield
        tolakan_baca.sisa()  # never commit while a cell the reader refused is undecided


def baris_dilewati(hasil: HasilImpor) -> int:
    return len({(m.sheet, m.baris) for m in hasil.dilewati})


def simpan_tampungan(db, tabel, kode: str, hasil: HasilImpor, uji_coba: bool, banding,
                     bacaan: Bacaan | None = None) -> None:
    """After the checks of a staged import: count what the staged rows change and write them.

    `tabel` is the store module of the staging table (ada_di_periode, jumlah_tampungan,
    tulis_tampungan); `banding()` returns (ditambah, diubah) for a period that already has
    rows. A first import into an empty period needs no comparison. The comparison, the writes
    and the audit entries happen in one write transaction (`tulis`), so the counts are what this
    import really changed even when another import of the same period ran at the same time.
    """
    with tulis(db, uji_coba, bacaan):
        ubah = tabel.ada_di_periode(db, kode)
        if ubah:
            hasil.ditambah, hasil.diubah = banding()
            hasil.tetap = tabel.jumlah_tampungan(db) - hasil.ditambah - hasil.diubah
        else:
            hasil.ditambah = tabel.jumlah_tampungan(db)
        if not uji_coba and (hasil.ditambah or hasil.diubah):
            tabel.tulis_tampungan(db, kode, ubah)
