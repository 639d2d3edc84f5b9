"""Options shared by every command, and opening the database for a command."""


from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

BENTUK_TANGGAL = "2026-01-31, 31-01-2026 atau 31/01/2026"  # what baca_tanggal reads, named by every date option


def bantuan_tanggal(apa: str, bawaan: str | None = None) -> str:
    """The help of a date option: what it is and the forms it accepts (one wording for every option)."""
    return f"{apa}: {BENTUK_TANGGAL}" + (f" (bawaan: {bawaan})." if bawaan else ".")


OpsiDB = Annotated[
    Optional[Path],
    typer.Option("--db", help="Berkas basis data (bawaan: $KINERJA_DB, atau ./kinerja.db).", show_default=False,
                 is_eager=True),  # read first: the default period (cli.periode_bawaan) comes from this database
]


class Format(str, Enum):
    tabel = "tabel"
    json = "json"
    csv = "csv"


OpsiFormat = Annotated[
    Format, typer.Option("--format", "-f", help="tabel untuk dibaca orang; json/csv untuk skrip.")
]


OpsiTandai = Annotated[
    Optional[Path],
    typer.Option("--tandai", help="Bila ada masalah: tulis salinan berkas dengan sel bergalat diwarnai merah "
                 "(peringatan kuning) dan diberi komentar. Berkas asli tidak diubah.", show_default=False),
]

OpsiTimpaTandai = Annotated[
    bool, typer.Option("--timpa", help="Dengan --tandai: timpa berkas tanda galat yang sudah ada (tanpa ini, "
                       "perintah ditolak bila berkas itu sudah ada).")]

OpsiSheet = Annotated[Optional[str], typer.Option("--sheet", help="Nama sheet (bawaan: sheet bernama sesuai data, "
                                                  "atau sheet pertama yang judul kolomnya cocok).")]
OpsiUjiCoba = Annotated[bool, typer.Option("--dry-run", help="Periksa dan hitung saja, tanpa menyimpan.")]
OpsiLewatiGalat = Annotated[bool, typer.Option("--lewati-galat", help="Simpan baris yang benar, lewati baris bergalat.")]


def laporkan_impor(h, rincian: str) -> None:
    """Skipped rows and warnings, the marked copy, then the one-line summary (all on stderr)."""
    from .. import output

    output.tabel_masalah(h.dilewati + h.peringatan, judul="Baris dilewati dan peringatan")
    if h.keterangan.get("ditandai"):
        output.info(f"Sel bermasalah ditandai di: {h.keterangan['ditandai']}")
    tampilkan_info(h)
    awalan = "Uji coba (tidak disimpan): " if h.uji_coba else "Impor selesai: "
    output.sukses(awalan + rincian)


def tampilkan_info(h) -> None:
    """The importer's own lines for the officer (HasilImpor.info / .awas), on stderr."""
    from .. import output

    for teks in h.keterangan.get("awas", ()):
        output.peringatan(teks)
    for teks in h.keterangan.get("info", ()):
        output.info(teks)


def cek_berkas_terbuka(berkas: Path) -> None:
    """Warn (stderr) when the workbook seems open in Excel: the import reads the last saved version."""
    from .. import output
    from ..services.impor_umum import berkas_terbuka

    kunci = berkas_terbuka(berkas)
    if kunci is not None:
        output.peringatan(f"{Path(berkas).name} tampaknya sedang dibuka di Excel (ada {kunci.name}); yang diimpor "
                          "adalah versi yang terakhir disimpan. Simpan dulu perubahan di Excel bila ada.")


def cek_tandai(berkas: Path, tandai: Optional[Path], timpa: bool) -> None:
    """Refuse the whole import up front (before the database is opened) when the --tandai target
    already exists and --timpa was not given: last week's recap is never overwritten by accident."""
    if tandai is not None:
        from ..services.impor_umum import periksa_tandai

        periksa_tandai(berkas, tandai, timpa)


def impor_berkas(berkas: Path, tandai: Optional[Path], timpa: bool, impor):
    """What every import command does around its service call `impor()` (which opens the database):
    refuse an existing --tandai target up front, warn when the workbook is open in Excel, then read
    and check it under the spinner. Returns what `impor()` returns."""
    from .. import output

    cek_tandai(berkas, tandai, timpa)
    cek_berkas_terbuka(berkas)
    with output.sibuk(f"Membaca dan memeriksa {berkas} ..."):
        return impor()


_terbuka: list = []  # the databases this command opened; closed at the command boundary (app.py)


def buka(db: Optional[Path]):
    """The database for this command (found the same way everywhere), with the warnings about where
    it lives: readable by others (now), on a network drive (at the command's first write). It is
    closed by `tutup_semua` when the command ends, on every path (app._GrupKinerja.invoke)."""
    from ..store.db import buka_db, lokasi_db

    path = lokasi_db(db)
    hasil = tutup_nanti(buka_db(path))
    periksa_lokasi_db(path, hasil)
    return hasil


def tutup_nanti(db):
    """Register `db` to be closed at the command boundary; return it."""
    _terbuka.append(db)
    return db


def tutup_semua() -> None:
    """Close every database the command opened (success, refusal, error or Ctrl-C alike)."""
    while _terbuka:
        db = _terbuka.pop()
        try:
            db.close()
        except Exception:  # closing never hides the command's own outcome
            pass


def periksa_lokasi_db(path: Path, db=None) -> None:
    """Warn (stderr) when the database is readable by other users, and -- once, on the first write
    transaction of `db` (every writing command; without `db`: now) -- when it is on a network drive."""
    from .. import output
    from ..berkas_aman import fs_jaringan, izin_terbuka, pesan_fs_jaringan

    mode = izin_terbuka(path)
    if mode is not None:
        output.peringatan(f"Basis data {path} dapat dibaca pengguna lain (izin {mode:o}); isinya data pribadi pegawai. "
                          f"Perbaiki dengan: chmod 600 \"{path}\"")
    jenis = fs_jaringan(path)
    if jenis is None:
        return
    if db is None:
        output.peringatan(pesan_fs_jaringan(path, jenis))
        return
    from ..store.db import jaga

    sudah = []

    def peringatkan() -> None:
        if not sudah:
            sudah.append(True)
            output.peringatan(pesan_fs_jaringan(path, jenis))

    jaga(db, "fs_jaringan", peringatkan)


def bilangan_bulat(teks) -> int:
    """An integer option read by the number rule (validation.angka): '1_000', '1.000' or '2,5' are refused."""
    if isinstance(teks, int) and not isinstance(teks, bool):
        return teks
    from ..validation.angka import AngkaTidakValid, baca_angka, tulis_id

    try:
        d = baca_angka(teks)
    except AngkaTidakValid as e:
        if not e.tetap:
            raise typer.BadParameter(f"'{teks}' bukan bilangan bulat.") from None
        raise typer.BadParameter(f"{e.pesan}; {e.saran}") from None
    if d != d.to_integral_value():
        raise typer.BadParameter(f"'{teks}' bukan bilangan bulat (dibaca {tulis_id(d)}); tulis misalnya 3")
    return int(d)


def konfirmasi(pertanyaan: str, perintah_skrip: str, perhatian: str | None = None) -> None:
    """Ask on a terminal (ya/tidak, default tidak); without a terminal refuse at once with the --ya hint,
    so a batch script never hangs on a question nobody sees. `perhatian`: a fact to know before answering,
    shown before the question and in the refusal."""
    import sys

    from ..errors import DataTidakValid

    if not sys.stdin.isatty():
        raise DataTidakValid("Perintah ini perlu konfirmasi, tetapi tidak dijalankan di terminal."
                             + (f" Perhatian: {perhatian}." if perhatian else ""),
                             f"Untuk skrip, tambahkan --ya: {perintah_skrip}")
    from .. import output

    if perhatian:
        output.peringatan(f"{perhatian}.")
    while True:
        try:
            jawab = input(f"{pertanyaan} [ya/tidak] (bawaan: tidak): ").strip().lower()
        except EOFError:
            jawab = ""
        if jawab in ("y", "ya"):
            return
        if jawab in ("", "t", "tidak", "n"):
            output.info("Dibatalkan; tidak ada yang diubah.")
            raise typer.Exit(1)
        output.peringatan("Jawab ya atau tidak.")
