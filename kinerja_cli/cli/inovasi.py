"""kinerja inovasi catat|daftar|impor"""


from typing import Annotated, Optional

import typer

from .catatan_umum import (ArgBerkas, OpsiLewati, OpsiPeriode, OpsiPeriodeSaring, OpsiSemuaPeriode, OpsiSheet,
                           OpsiTanggal, OpsiUjiCoba, judul_daftar, periode_saring,
                           laporkan_catat, laporkan_impor)
from .umum import Format, OpsiDB, OpsiFormat, OpsiTandai, OpsiTimpaTandai, buka, impor_berkas

app = typer.Typer(help="Inovasi pegawai per periode (syarat predikat Sangat Baik pada metode pp30)." '\n\nContoh: kinerja inovasi catat 198502142010012003 --periode 2026 "Izin usaha daring dalam 1 hari"',
                  no_args_is_help=True)


@app.command("catat")
def catat(
    nip: Annotated[str, typer.Argument(help="NIP pegawai.")],
    uraian: Annotated[str, typer.Argument(help="Uraian inovasi (dalam tanda petik).")],
    periode: OpsiPeriode,
    tanggal: OpsiTanggal = None,
    db: OpsiDB = None,
) -> None:
    """Catat satu inovasi pegawai pada suatu periode.

    Contoh: kinerja inovasi catat 198502142010012003 --periode 2026 "Izin usaha daring selesai dalam 1 hari"
    """
    from ..services import catatan

    laporkan_catat(catatan.catat_inovasi(buka(db), nip, periode, uraian, tanggal), "Inovasi")


@app.command("impor")
def impor(
    berkas: ArgBerkas,
    periode: OpsiPeriode,
    sheet: OpsiSheet = None,
    uji_coba: OpsiUjiCoba = False,
    lewati_galat: OpsiLewati = False,
    tandai: OpsiTandai = None,
    timpa: OpsiTimpaTandai = False,
    db: OpsiDB = None,
) -> None:
    """Impor inovasi dari Excel (kolom: NIP, Uraian Inovasi, Tanggal).

    Inovasi yang sama (pegawai dan uraian) tidak dicatat dua kali.

    Contoh: kinerja inovasi impor inovasi-2026.xlsx --periode 2026
    """
    from ..services import catatan

    h = impor_berkas(berkas, tandai, timpa,
                     lambda: catatan.impor_inovasi(buka(db), berkas, periode, sheet, uji_coba, lewati_galat, tandai))
    laporkan_impor(h)


@app.command("daftar")
def daftar(
    periode: OpsiPeriodeSaring = None,
    semua_periode: OpsiSemuaPeriode = False,
    nip: Annotated[Optional[str], typer.Option("--nip", help="Hanya pegawai ini.")] = None,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Daftar inovasi, bisa disaring per periode atau pegawai.

    Contoh: kinerja inovasi daftar --periode 2026 --format json
    """
    from .. import output
    from ..services import catatan

    basis = buka(db)
    periode = periode_saring(periode, semua_periode)
    baris = catatan.daftar_inovasi(basis, periode, nip)
    kolom = [output.Kolom(k, j, penting=p) for k, j, p in (  # p: importance on a narrow screen (1 always shown)
        ("id", "No", 1), ("periode", "Periode", 5), ("tanggal", "Tanggal", 4), ("nip", "NIP", 1), ("nama", "Nama", 2),
        ("unit", "Unit Kerja", 6), ("uraian", "Uraian Inovasi", 1))]
    output.tampilkan(baris, kolom, fmt.value, judul=judul_daftar("Inovasi", periode, len(baris)), kosong="Belum ada inovasi yang cocok.")
