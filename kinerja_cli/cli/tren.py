"""kinerja tren: the rating across periods, for one employee or a unit."""


from typing import Annotated, Optional

import typer

from ..kosakata import KUNCI_PREDIKAT
from .umum import Format, OpsiDB, OpsiFormat, buka

KOLOM_PEGAWAI = ("nip", "nama", "periode", "mulai", "metode", "status", "nhk", "npk", "na", "predikat", "lengkap",
                 "selisih")
KOLOM_UNIT = ("unit", "periode", "mulai", "metode", "status", "jumlah_pegawai", "menunggu_realisasi", "rata_na", "persen_baik",
              *KUNCI_PREDIKAT.values(), "selisih")


def tren(
    nip: Annotated[Optional[str], typer.Argument(help="NIP pegawai (atau pakai --unit).", show_default=False)] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Tren satu unit kerja, bukan satu pegawai.")] = None,
    nip_opsi: Annotated[Optional[str], typer.Option("--nip", help="Sama dengan NIP di atas (seperti perintah lain).")] = None,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Tren nilai kinerja dari periode ke periode (urut tanggal mulai periode).

    Satu pegawai: NHK, NPK, NA, predikat, batang NA dan perubahan dari periode sebelumnya.
    Satu unit: jumlah pegawai, rata-rata NA, persentase Baik ke atas, jumlah per predikat.

    Contoh: kinerja tren 196711101992031001

    Contoh: kinerja tren --unit DPMPTSP --format csv
    """
    from .. import output
    from ..output import tren as output_tren
    from ..services import tren

    nip = nip or nip_opsi
    if bool(nip) == bool(unit):
        raise typer.BadParameter("Sebutkan NIP pegawai, atau --unit UNIT (salah satu saja).")
    basis = buka(db)
    if nip:
        data = tren.tren_pegawai(basis, nip)
        if fmt is Format.tabel:
            output_tren.tren_pegawai(data)
        else:
            output.tampilkan(data["baris"], [output.Kolom(k, k) for k in KOLOM_PEGAWAI], fmt.value)
    else:
        data = tren.tren_unit(basis, unit)
        if fmt is Format.tabel:
            output_tren.tren_unit(data)
        else:
            output.tampilkan(data["baris"], [output.Kolom(k, k) for k in KOLOM_UNIT], fmt.value)


def daftarkan(app: typer.Typer) -> None:
    app.command("tren")(tren)
