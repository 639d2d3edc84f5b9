"""kinerja templat"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import OpsiDB, buka


def templat(
    berkas: Annotated[Path, typer.Argument(help="Berkas .xlsx yang akan dibuat.")],
    periode: Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026.")],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya pegawai unit kerja ini (bawaan: semua unit).")] = None,
    kosong: Annotated[bool, typer.Option("--kosong", help="Tanpa isian awal: hanya judul kolom dan petunjuk.")] = False,
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa berkas yang sudah ada.")] = False,
    db: OpsiDB = None,
) -> None:
    """Buat buku kerja Excel untuk diisi OPD: petunjuk, Sasaran (SKP), Realisasi, Perilaku.

    Pegawai aktif (dan SKP yang sudah tersimpan) dituliskan lebih dulu; berkas yang sudah
    diisi dapat langsung diimpor dengan kinerja sasaran/realisasi/perilaku impor.

    Contoh: kinerja templat skp-dpmptsp.xlsx --periode 2026 --unit DPMPTSP
    """
    from .. import output
    from ..services import templat

    h = templat.buat(buka(db), berkas, periode, unit, kosong, timpa)
    if h["status_periode"] == "ditutup":
        output.peringatan(f"Periode {h['periode']} sudah ditutup: berkas yang diisi baru dapat diimpor "
                          "setelah periode dibuka kembali.")
    if h["kosong"]:
        output.sukses(f"Templat kosong periode {h['periode']} ditulis ke {h['berkas']}.")
        return
    output.sukses(f"Templat periode {h['periode']} ({h['unit'] or 'semua unit'}) ditulis ke {h['berkas']}: "
                  f"{h['pegawai']} pegawai, {h['sasaran']} baris Sasaran, {h['realisasi']} baris Realisasi, "
                  f"{h['perilaku']} baris Perilaku" + (f", {h['rating']} baris Rating." if h.get("rating") is not None else "."))
    if h["pegawai"] == 0:
        output.peringatan("Tidak ada pegawai aktif untuk templat ini; hanya judul kolom yang ditulis.")
    output.info(f"Setelah diisi: kinerja sasaran impor {h['berkas']} --periode {h['periode']}  "
                f"(lalu realisasi impor dan perilaku impor; lihat sheet Petunjuk)")


def daftarkan(app: typer.Typer) -> None:
    app.command("templat")(templat)
