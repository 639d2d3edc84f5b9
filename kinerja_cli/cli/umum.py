"""Options shared by every command, and opening the database for a command."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

OpsiDB = Annotated[
    Optional[Path],
    typer.Option("--db", help="Berkas basis data (bawaan: $KINERJA_DB, atau ./kinerja.db).", show_default=False),
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
    awalan = "Uji coba (tidak disimpan): " if h.uji_coba else "Impor selesai: "
    output.sukses(awalan + rincian)


def cek_berkas_terbuka(berkas: Path) -> None:
    """Warn (stderr) when the workbook seems open in Excel: the import reads the last saved version."""
    from .. import output
    from ..services.impor_umum import berkas_terbuka

    kunci = berkas_terbuka(berkas)
    if kunci is not None:
        output.peringatan(f"{Path(berkas).name} tampaknya sedang dibuka di Excel (ada {kunci.name}); yang diimpor "
                          "adalah versi yang terakhir disimpan. Simpan dulu perubahan di Excel bila ada.")


def buka(db: Optional[Path]):
    """The database for this command (found the same way everywhere)."""
    from ..store.db import buka_db, lokasi_db

    return buka_db(lokasi_db(db))


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
