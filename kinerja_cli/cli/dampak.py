"""kinerja dampak: service indicators across periods beside the unit's share of employees rated Baik or better."""


from typing import Annotated, Optional

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka

KOLOM = ("unit", "indikator_id", "indikator", "satuan", "arah", "target", "periode_awal", "nilai_awal",
         "periode_akhir", "nilai_akhir", "perubahan", "perubahan_persen", "penilaian", "jarak_target",
         "target_tercapai", "nilai_per_periode")


def _teks_deret(per: list[dict]) -> str:
    from ..validation.angka import teks_desimal

    return ";".join(f"{x['periode']}={teks_desimal(x['nilai'])}" for x in per)


def dampak(
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya unit kerja ini.")] = None,
    indikator: Annotated[Optional[str], typer.Option("--indikator", help="Nomor atau nama indikator layanan.")] = None,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Dampak pada layanan publik: nilai indikator layanan per periode, perubahan dan jarak ke target,
    berdampingan dengan persentase pegawai unit berpredikat Baik ke atas.

    Contoh: kinerja dampak --unit DPMPTSP

    Contoh: kinerja dampak --format json > dampak.json
    """
    from .. import output
    from ..services import dampak

    data = dampak.data_dampak(buka(db), unit, indikator)
    if fmt is Format.tabel:
        if not data:
            output.info("Belum ada indikator layanan. Tambah dengan: kinerja layanan indikator tambah atau kinerja layanan impor")
            return
        from ..output import dampak as output_dampak

        output_dampak.tabel_dampak(data)
    elif fmt is Format.csv:
        baris = [{**d, "nilai_per_periode": _teks_deret(d["nilai_per_periode"])} for d in data]
        output.tampilkan(baris, [output.Kolom(k, k) for k in KOLOM], "csv")
    else:
        output.tampilkan(data, [output.Kolom(k, k) for k in KOLOM], "json")


def daftarkan(app: typer.Typer) -> None:
    app.command("dampak")(dampak)
