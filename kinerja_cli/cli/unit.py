"""kinerja unit daftar"""

from __future__ import annotations

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka

app = typer.Typer(help="Unit kerja (OPD): daftar dengan jumlah pegawai." "\n\nContoh: kinerja unit daftar", no_args_is_help=True)


@app.command("daftar")
def daftar(fmt: OpsiFormat = Format.tabel, db: OpsiDB = None) -> None:
    """Daftar unit kerja dengan jumlah pegawai aktif (PNS, PPPK) dan nonaktif.

    Contoh: kinerja unit daftar --format json
    """
    from .. import output
    from ..services import pegawai

    baris = pegawai.daftar_unit(buka(db))
    kolom = [output.Kolom("unit", "Unit Kerja", penting=1), output.Kolom("aktif", "Aktif", True, penting=1),
             output.Kolom("pns", "PNS", True, penting=2), output.Kolom("pppk", "PPPK", True, penting=2),
             output.Kolom("nonaktif", "Nonaktif", True, penting=3)]
    output.tampilkan(baris, kolom, fmt.value, judul=f"Unit kerja ({len(baris)})", kosong="Belum ada pegawai.")
