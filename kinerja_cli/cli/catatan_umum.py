"""Options and the import summary shared by the umpan-balik and inovasi commands."""


from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import bantuan_tanggal

OpsiPeriode = Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026 atau 2026-T1.")]
OpsiPeriodeSaring = Annotated[Optional[str], typer.Option(
    "--periode", "-p", help="Hanya periode ini (bawaan: periode bawaan bila ada, lihat kinerja periode pakai).")]
OpsiSemuaPeriode = Annotated[bool, typer.Option("--semua-periode", help="Semua periode, walau ada periode bawaan.")]
OpsiTanggal = Annotated[Optional[str], typer.Option("--tanggal", help=bantuan_tanggal("Tanggal", "hari ini"))]
OpsiSheet = Annotated[Optional[str], typer.Option("--sheet", help="Nama sheet (bawaan: sheet yang cocok).")]
OpsiUjiCoba = Annotated[bool, typer.Option("--dry-run", help="Periksa dan hitung saja, tanpa menyimpan.")]
OpsiLewati = Annotated[bool, typer.Option("--lewati-galat", help="Simpan baris yang benar, lewati baris bergalat.")]
ArgBerkas = Annotated[Path, typer.Argument(help="Berkas .xlsx.")]


def periode_saring(periode: str | None, semua: bool) -> str | None:
    """The period a listing is filtered on: -p, else the default period (named on stderr, as in every
    command), else none; --semua-periode lists every period."""
    if periode and semua:
        raise typer.BadParameter("pilih salah satu: --periode atau --semua-periode", param_hint="--periode")
    if periode or semua:
        return periode
    from .periode_bawaan import periode_bawaan

    return periode_bawaan()


def judul_daftar(benda: str, periode: str | None, n: int) -> str:
    """'Inovasi periode 2026 (3)' / 'Inovasi, semua periode (5)': the listing always says which periods."""
    return f"{benda} periode {periode} ({n})" if periode else f"{benda}, semua periode ({n})"


def laporkan_impor(h) -> None:
    from .. import output

    output.tabel_masalah(h.dilewati + h.peringatan, judul="Baris dilewati dan peringatan")
    for teks in h.keterangan.get("info", ()):
        output.info(teks)
    awalan = "Uji coba (tidak disimpan): " if h.uji_coba else "Impor selesai: "
    output.sukses(f"{awalan}{h.ditambah} ditambah, {h.tetap} sudah tercatat, "
                  f"{h.keterangan.get('baris_dilewati', 0)} baris dilewati.")


def laporkan_catat(h: dict, benda: str) -> None:
    from .. import output

    for p in h["peringatan"]:
        output.peringatan(p)
    if h["baru"]:
        output.sukses(f"{benda} dicatat (nomor {h['id']}).")
    else:
        output.info(f"{benda} yang sama sudah tercatat; tidak ada perubahan.")
