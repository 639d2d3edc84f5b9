"""kinerja cadangan, kinerja periksa"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka


def cadangan(
    berkas: Annotated[Optional[Path], typer.Argument(help="Berkas cadangan (bawaan: di samping basis data, bercap waktu).")] = None,
    db: OpsiDB = None,
) -> None:
    """Buat cadangan basis data yang konsisten, aman walau proses lain sedang menulis.

    Contoh: kinerja cadangan /media/usb/kinerja-2026-12-31.db
    """
    from .. import output
    from ..services import pemeliharaan as layanan

    h = layanan.cadangan(buka(db), berkas)
    output.sukses(f"Cadangan dibuat: {h['berkas']} ({h['ukuran']:,} bita; pemeriksaan integritas: "
                  f"{'baik' if h['integritas'] else 'GAGAL'}).".replace(",", "."))


def periksa(fmt: OpsiFormat = Format.tabel, db: OpsiDB = None) -> None:
    """Periksa keutuhan basis data dan konsistensi data (rujukan, rantai atasan, bobot periode ditutup).

    Kode keluar 1 bila ada galat.

    Contoh: kinerja periksa
    """
    from .. import output
    from ..services import pemeliharaan as layanan

    temuan = layanan.periksa(buka(db))
    kolom = [output.Kolom("tingkat", "Tingkat"), output.Kolom("jenis", "Jenis"), output.Kolom("kunci", "Kunci"),
             output.Kolom("pesan", "Temuan")]
    output.tampilkan(temuan, kolom, fmt.value, judul="Hasil pemeriksaan basis data",
                     kosong="Basis data utuh dan konsisten: tidak ada temuan.")
    if any(t["tingkat"] == "galat" for t in temuan):
        raise typer.Exit(1)


def daftarkan(app: typer.Typer) -> None:
    app.command("cadangan")(cadangan)
    app.command("periksa")(periksa)
