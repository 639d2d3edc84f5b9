"""kinerja unit predikat, kinerja distribusi"""


from enum import Enum
from typing import Annotated, Optional

import typer

from ..kosakata import NAMA_PREDIKAT_UNIT, PREDIKAT_UNIT
from .umum import Format, OpsiDB, OpsiFormat, buka


PredikatUnit = Enum("PredikatUnit", [(k.replace("-", "_"), k) for k in PREDIKAT_UNIT], type=str)


def predikat_unit(
    unit: Annotated[str, typer.Argument(help="Nama unit kerja (OPD).")],
    predikat: Annotated[PredikatUnit, typer.Argument(help="Predikat kinerja unit itu sendiri.")],
    periode: Annotated[str, typer.Option("--periode", "-p", help="Kode periode.")],
    db: OpsiDB = None,
) -> None:
    """Catat predikat kinerja unit untuk satu periode (dasar kurva distribusi).

    Contoh: kinerja unit predikat DPMPTSP baik --periode 2026
    """
    from .. import output
    from ..services import distribusi

    h = distribusi.tetapkan(buka(db), unit, periode, predikat.value)
    output.sukses(f"Predikat unit {h['unit']} periode {h['periode']}: {NAMA_PREDIKAT_UNIT[h['predikat']]}"
                  + (f" (sebelumnya {NAMA_PREDIKAT_UNIT[h['sebelumnya']]})" if h["sebelumnya"] and h["sebelumnya"] != h["predikat"] else ""))


def distribusi(
    periode: Annotated[str, typer.Option("--periode", "-p", help="Kode periode.")],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya unit kerja ini.")] = None,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Sebaran predikat pegawai per unit dibanding kurva distribusi predikat unit (peringatan saja).

    Contoh: kinerja distribusi --periode 2026
    """
    from .. import output
    from ..output import nilai as output_nilai
    from ..services import distribusi

    basis = buka(db)
    baris = distribusi.distribusi(basis, periode, unit)
    kolom = distribusi.kolom_predikat(basis, periode)  # pp30: 'cukup' / Cukup for the 70-<90 band
    if fmt is not Format.tabel:
        kunci = ["unit", "jumlah", "tanpa_data", "menunggu_realisasi", *[k for k, _ in kolom],
                 *[f"persen_{k}" for k, _ in kolom], "predikat_unit", "sesuai_kurva", "pelanggaran"]
        output.tampilkan(baris, [output.Kolom(k, k) for k in kunci], fmt.value)
        return
    output_nilai.tabel_distribusi(baris, periode, kolom)


def daftarkan(app: typer.Typer, app_unit: typer.Typer) -> None:
    app.command("distribusi")(distribusi)
    app_unit.command("predikat")(predikat_unit)
