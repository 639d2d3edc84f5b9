"""kinerja templat"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import OpsiDB, buka


def templat(
    berkas: Annotated[Path, typer.Argument(help="Berkas .xlsx yang akan dibuat (atau: atasan BERKAS).")],
    berkas_atasan: Annotated[Optional[Path], typer.Argument(help="Dengan 'atasan': berkas .xlsx daftar atasan.", show_default=False)] = None,
    periode: Annotated[Optional[str], typer.Option("--periode", "-p", help="Kode periode, misalnya 2026.")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya pegawai unit kerja ini (bawaan: semua unit).")] = None,
    kosong: Annotated[bool, typer.Option("--kosong", help="Tanpa isian awal: hanya judul kolom dan petunjuk.")] = False,
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa berkas yang sudah ada.")] = False,
    db: OpsiDB = None,
) -> None:
    """Buat buku kerja Excel untuk diisi OPD: petunjuk, Sasaran (SKP), Realisasi, Perilaku.

    Pegawai aktif (dan SKP yang sudah tersimpan) dituliskan lebih dulu; berkas yang sudah
    diisi dapat langsung diimpor dengan kinerja sasaran/realisasi/perilaku impor.

    Contoh: kinerja templat skp-dpmptsp.xlsx --periode 2026 --unit DPMPTSP

    'kinerja templat atasan BERKAS [--unit U]' menulis daftar NIP Atasan yang tersimpan (dengan saran atasan
    dari hierarki unor SIASN sebagai komentar sel) untuk diperiksa lalu diimpor dengan kinerja pegawai impor.
    """
    from .. import output

    if str(berkas) == "atasan" and berkas_atasan is not None:
        return _templat_atasan(berkas_atasan, unit, timpa, db)
    if berkas_atasan is not None:
        raise typer.BadParameter(f"argumen kedua '{berkas_atasan}' hanya dipakai dengan: kinerja templat atasan BERKAS")
    if not periode:
        raise typer.BadParameter("opsi --periode wajib diisi, misalnya --periode 2026 (untuk daftar atasan: "
                                 "kinerja templat atasan BERKAS)", param_hint="--periode")
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
                  f"{h['perilaku']} baris Perilaku.")
    if h["pegawai"] == 0:
        output.peringatan("Tidak ada pegawai aktif untuk templat ini; hanya judul kolom yang ditulis.")
    output.info(f"Setelah diisi: kinerja sasaran impor {h['berkas']} --periode {h['periode']}  "
                f"(lalu realisasi impor dan perilaku impor; lihat sheet Petunjuk)")


def _templat_atasan(berkas: Path, unit: Optional[str], timpa: bool, db) -> None:
    from .. import output
    from ..services import templat_atasan

    h = templat_atasan.buat(buka(db), berkas, unit, timpa)
    output.sukses(f"Daftar atasan ({h['unit'] or 'semua unit'}) ditulis ke {h['berkas']}: {h['pegawai']} pegawai, "
                  f"{h['tanpa_atasan']} belum punya atasan, {h['saran']} saran atasan (komentar di kolom NIP Atasan).")
    output.info(f"Periksa dan isi kolom NIP Atasan, lalu: kinerja pegawai impor {h['berkas']}  "
                "(hanya tautan atasan yang diubah)")


def daftarkan(app: typer.Typer) -> None:
    app.command("templat")(templat)
