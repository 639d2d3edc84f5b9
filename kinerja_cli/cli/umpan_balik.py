"""kinerja umpan-balik catat|daftar|impor"""


from typing import Annotated, Optional

import typer

from .catatan_umum import (ArgBerkas, OpsiLewati, OpsiPeriode, OpsiPeriodeSaring, OpsiSemuaPeriode, OpsiSheet,
                           OpsiTanggal, OpsiUjiCoba, judul_daftar, periode_saring,
                           laporkan_catat, laporkan_impor)
from .umum import Format, OpsiDB, OpsiFormat, OpsiTandai, OpsiTimpaTandai, buka, impor_berkas

app = typer.Typer(help="Umpan balik berkelanjutan: catatan bertanggal dari atasan atau rekan tentang pegawai." '\n\nContoh: kinerja umpan-balik catat 198502142010012003 --periode 2026 --dari 198001012005011002 "Laporan tepat waktu"',
                  no_args_is_help=True)


@app.command("catat")
def catat(
    nip: Annotated[str, typer.Argument(help="NIP pegawai yang diberi umpan balik.")],
    teks: Annotated[str, typer.Argument(help="Isi umpan balik (dalam tanda petik).")],
    periode: OpsiPeriode,
    dari: Annotated[str, typer.Option("--dari", help="NIP pemberi umpan balik (atasan atau rekan).")],
    tanggal: OpsiTanggal = None,
    db: OpsiDB = None,
) -> None:
    """Catat satu umpan balik untuk pegawai pada suatu periode.

    Contoh: kinerja umpan-balik catat 198502142010012003 --periode 2026 --dari 198001012005011002 "Laporan bulanan tepat waktu" --tanggal 2026-03-31
    """
    from ..services import catatan

    laporkan_catat(catatan.catat_umpan_balik(buka(db), nip, periode, dari, teks, tanggal), "Umpan balik")


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
    """Impor umpan balik dari Excel (kolom: NIP, NIP Pemberi, Tanggal, Umpan Balik).

    Impor ulang berkas yang sama tidak menambah apa pun.

    Contoh: kinerja umpan-balik impor umpan-balik-maret.xlsx --periode 2026
    """
    from ..services import catatan

    h = impor_berkas(berkas, tandai, timpa,
                     lambda: catatan.impor_umpan_balik(buka(db), berkas, periode, sheet, uji_coba, lewati_galat, tandai))
    laporkan_impor(h)


@app.command("daftar")
def daftar(
    periode: OpsiPeriodeSaring = None,
    semua_periode: OpsiSemuaPeriode = False,
    nip: Annotated[Optional[str], typer.Option("--nip", help="Hanya pegawai ini.")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya unit kerja ini.")] = None,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Daftar umpan balik, bisa disaring per periode, pegawai atau unit.

    Contoh: kinerja umpan-balik daftar --periode 2026 --nip 198502142010012003
    """
    from .. import output
    from ..services import catatan

    basis = buka(db)
    periode = periode_saring(periode, semua_periode)
    baris = catatan.daftar_umpan_balik(basis, periode, nip, unit)
    kolom = [output.Kolom(k, j, penting=p) for k, j, p in (  # p: importance on a narrow screen (1 always shown)
        ("id", "No", 1), ("periode", "Periode", 6), ("tanggal", "Tanggal", 3), ("nip", "NIP", 1), ("nama", "Nama", 2),
        ("unit", "Unit Kerja", 7), ("dari", "NIP Pemberi", 5), ("nama_dari", "Pemberi", 4), ("teks", "Umpan Balik", 1))]
    output.tampilkan(baris, kolom, fmt.value, judul=judul_daftar("Umpan balik", periode, len(baris)), kosong="Belum ada umpan balik yang cocok.")
