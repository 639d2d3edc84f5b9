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

Numbers typed as text follow one rule (validation.angka). A cell the rule alone cannot read
('1.200': 1200 or 1,2) is resolved by its column: an importer decorated with `@konvensi_angka`
whose only obstacle is such cells has its sheet columns scanned for cells that prove the
convention ('95,5' or '95.5'); a column with one kind of evidence is read again with it (the
import runs once more with those cells rewritten as the convention reads them, before any
check); otherwise the cell stays refused with both readings.
"""

from __future__ import annotations

import functools
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from pathlib import Path

from ..errors import BasisDataError, BerkasTidakValid, ImporDitolak, PeriodeBerkasLain, SelGalatExcel
from ..excel.baca import alir_sheet, berkas_kunci_excel
from ..excel.tandai import periksa_tujuan
from ..excel.tandai import tulis as tulis_tandai
from ..model import HasilImpor
from ..store.db import transaksi, versi_data
from ..validation.angka import ID, PENANDA_AMBIGU, bukti_konvensi, perlu_konvensi, terapkan_konvensi
from ..validation.masalah import PERINGATAN, Masalah, huruf_sel
from . import tolakan_baca

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


# --- numbers whose column decides their reading (validation.angka, README "Keamanan data") ---

class _Konvensi:
    """One import call: where its rows come from, and the convention of each (sheet, column letter)."""

    def __init__(self):
        self.sumber: tuple | None = None  # (berkas, tata, sheet name)
        self.konvensi: dict[tuple[str, str], str] = {}
        self.bukti: dict[tuple[str, str], set] = {}
        self.contoh: dict[tuple[str, str], dict] = {}  # column -> {convention: the first text proving it}
        self.dibaca: dict[tuple[str, str], list] = {}  # column -> [key, cells rewritten, first row, [(text, reading)]]
        self.ulang = False


_KEADAAN: ContextVar[_Konvensi | None] = ContextVar("kinerja_konvensi_angka", default=None)


class _Ulangi(Exception):
    """Raised before anything is written: run the import again with the columns' conventions."""


def konvensi_angka(impor):
    """Decorator of an importer: ambiguous number texts are read by their column's proven convention
    (the import runs a second time, with those cells rewritten) or refused with both readings."""

    @functools.wraps(impor)
    def bungkus(*args, **kwargs):
        k = _Konvensi()
        token = _KEADAAN.set(k)
        try:
            try:
                return impor(*args, **kwargs)
            except _Ulangi:
                k.ulang = True
                tolakan_baca.kosongkan()  # the file is read again from the start
                return impor(*args, **kwargs)
        finally:
            _KEADAAN.reset(token)

    return tolakan_baca.lingkup(bungkus)


def sesuaikan_angka(berkas, tata, isi):
    """The rows of `isi` with every ambiguous number text in a column of known convention rewritten as
    that convention reads it; remembers the source so that `selesaikan_angka` can scan its columns."""
    k = _KEADAAN.get()
    if k is None:
        return isi.baris
    k.sumber = (Path(berkas), tata, isi.sheet)
    kunci = [(key, k.konvensi[(isi.sheet, h)]) for key, h in isi.huruf.items() if (isi.sheet, h) in k.konvensi]
    if not kunci:
        return isi.baris

    def baris():
        for b in isi.baris:
            for key, c in kunci:
                v = b.nilai.get(key)
                if v.__class__ is str:
                    t = b.nilai[key] = terapkan_konvensi(v, c)
                    if t is not v:
                        d = k.dibaca.setdefault((b.sheet, b.huruf.get(key, "")), [key, 0, b.baris, []])
                        d[1] += 1
                        if len(d[3]) < _CONTOH_DIBACA:
                            d[3].append((v, t))
            yield b

    return baris() if not isinstance(isi.baris, list) else list(baris())


_huruf = huruf_sel

def _ambigu(m) -> bool:
    return m.galat and PENANDA_AMBIGU in m.pesan and perlu_konvensi(m.nilai) and bool(_huruf(m))


def _bukti_kolom(sumber: tuple, kolom: set) -> tuple[dict, dict]:
    """{(sheet, letter): conventions proven by the text cells of that column} for the wanted columns,
    and {(sheet, letter): {convention: the first text proving it}} (named in the messages)."""
    berkas, tata, sheet = sumber
    hasil: dict = {c: set() for c in kolom}
    contoh: dict = {c: {} for c in kolom}
    with alir_sheet(berkas, tata, sheet) as isi:
        if isi.galat_sel is not None:
            isi.galat_sel.tunda = True  # a scan for evidence: the import itself lists the error cells
        kunci = [(key, (isi.sheet, h)) for key, h in isi.huruf.items() if (isi.sheet, h) in kolom]
        dilihat: dict = {}
        for b in isi.baris:
            for key, c in kunci:
                v = b.nilai.get(key)
                if v.__class__ is str:
                    t = dilihat.get((c, v))
                    if t is None:
                        t = bukti_konvensi(v)
                        if len(dilihat) < 100_000:
                            dilihat[(c, v)] = t
                    hasil[c] |= t
                    for konv in t:
                        contoh[c].setdefault(konv, v.strip())
    return hasil, contoh


_CONTOH_DIBACA = 3  # readings listed in the warning of a column read by its convention
_CARA = {"id": "cara Indonesia (koma desimal, titik ribuan)", "en": "cara Inggris (titik desimal, koma ribuan)"}


def _dibaca(k: _Konvensi) -> list:
    """One warning per column whose ambiguous cells were read by the column's convention, listing
    each reading (a few, then how many more) and the cell that proves the convention."""
    hasil = []
    for (sheet, h), (key, n, baris, contoh) in k.dibaca.items():
        c = k.konvensi.get((sheet, h))
        bukti = k.contoh.get((sheet, h), {}).get(c)
        karena = f"karena kolom ini memakai '{bukti}'" if bukti else (
            "karena kolom ini memakai " + ("koma desimal" if c == ID else "titik desimal"))
        bacaan = ", ".join(f"'{teks}' = {jadi}" for teks, jadi in contoh)
        lain = f" dan {n - len(contoh)} sel lain" if n > len(contoh) else ""
        teks = contoh[0][0]
        hasil.append(Masalah(
            f"{n} sel di kolom ini dibaca {_CARA[c]} {karena}: {bacaan}{lain}",
            "periksa hasilnya; tulis angka tanpa pemisah ribuan (misalnya 1200) agar tidak bergantung pada sel lain",
            teks, sheet, baris, f"{h} ({key.replace('_', ' ')})" if h else key.replace("_", " "), PERINGATAN, "", h))
    return hasil


def selesaikan_angka(masalah: list) -> list:
    """Before an importer refuses or skips rows: when ambiguous number cells are among the errors and
    their column proves one convention, raise _Ulangi (the decorated import runs again reading them
    so); else return the problems, an ambiguous cell in a column with both kinds of evidence saying so."""
    k = _KEADAAN.get()
    if k is None:
        return masalah
    if k.dibaca:
        masalah = masalah + _dibaca(k)
        k.dibaca = {}
    ambigu = [m for m in masalah if _ambigu(m)]
    if not ambigu:
        return masalah
    kolom = {(m.sheet, _huruf(m)) for m in ambigu}
    if not k.ulang and k.sumber is not None:
        k.bukti, k.contoh = _bukti_kolom(k.sumber, kolom)
        k.konvensi = {c: next(iter(b)) for c, b in k.bukti.items() if len(b) == 1}
        if k.konvensi:
            raise _Ulangi()
    konflik = {c for c, b in k.bukti.items() if len(b) > 1}
    if not konflik:
        return masalah

    def tambahan(c) -> str:
        from ..validation.angka import EN, ID

        contoh = k.contoh.get(c, {})
        return (f"; kolom ini memakai cara Indonesia (koma desimal atau titik ribuan, misalnya '{contoh.get(ID, '')}') "
                f"dan cara Inggris (titik desimal, misalnya '{contoh.get(EN, '')}') sekaligus, "
                "jadi cara bacanya tidak bisa ditentukan")

    return [replace(m, pesan=m.pesan + tambahan((m.sheet, _huruf(m))))
            if _ambigu(m) and (m.sheet, _huruf(m)) in konflik else m for m in masalah]
