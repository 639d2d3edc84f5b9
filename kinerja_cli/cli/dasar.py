"""Top-level commands: init, riwayat, demo."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka


def init(db: OpsiDB = None) -> None:
    """Buat basis data baru (berkas SQLite, hanya bisa dibaca pemiliknya).

    Contoh: kinerja init --db /data/bkpsdm/kinerja.db
    """
    from .. import output
    from ..store.db import buat_db, lokasi_db

    path = lokasi_db(db)
    if buat_db(path):
        output.sukses(f"Basis data dibuat: {path}")
        output.info("Langkah berikutnya: kinerja pegawai impor DAFTAR_PEGAWAI.xlsx")
    else:
        output.info(f"Basis data sudah ada: {path} (skema diperiksa dan diperbarui bila perlu).")


def riwayat(
    nip: Annotated[Optional[str], typer.Option("--nip", help="Hanya perubahan tentang pegawai ini.")] = None,
    sejak: Annotated[Optional[str], typer.Option("--sejak", help="Tanggal awal, TTTT-BB-HH.")] = None,
    batas: Annotated[int, typer.Option("--batas", help="Jumlah baris terbaru yang ditampilkan (0: semua).")] = 200,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Tampilkan log audit: apa yang berubah, kapan, oleh siapa, dengan perintah apa.

    Contoh: kinerja riwayat --nip 196711101992031001 --sejak 2026-01-01
    """
    from .. import output
    from ..services import riwayat as layanan

    baris = layanan.riwayat(buka(db), nip, sejak, batas)
    kolom = [output.Kolom(k, j) for k, j in (("id", "No"), ("waktu", "Waktu"), ("pengguna", "Pengguna"),
                                              ("perintah", "Perintah"), ("tabel", "Tabel"), ("kunci", "Kunci"),
                                              ("aksi", "Aksi"), ("lama", "Lama"), ("baru", "Baru"))]
    output.tampilkan(baris, kolom, fmt.value, judul="Riwayat perubahan", kosong="Belum ada perubahan tercatat.")


def demo(
    folder: Annotated[Path, typer.Option("--folder", help="Folder tempat basis data demo dibuat.")] = Path("kinerja-demo"),
) -> None:
    """Bangun basis data demo dari contoh_data/ lalu tampilkan hasilnya.

    Basis data Anda sendiri tidak disentuh: demo memakai folder tersendiri.
    Contoh: kinerja demo --folder /tmp/demo
    """
    from ..services import demo as layanan

    layanan.jalankan(folder)


def daftarkan(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("riwayat")(riwayat)
    app.command("demo")(demo)
