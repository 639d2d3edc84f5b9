"""kinerja realisasi impor|catat"""


from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import (OpsiDB, OpsiLewatiGalat, OpsiSheet, OpsiTandai, OpsiTimpaTandai, OpsiUjiCoba, bilangan_bulat, buka,
                   impor_berkas, laporkan_impor)

app = typer.Typer(help="Realisasi: capaian tiap baris SKP per periode." "\n\nContoh: kinerja realisasi impor skp-dpmptsp.xlsx --periode 2026", no_args_is_help=True)

OpsiPeriode = Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026 atau 2026-T1.")]


@app.command("impor")
def impor(
    berkas: Annotated[Path, typer.Argument(help="Berkas .xlsx berisi sheet Realisasi.")],
    periode: OpsiPeriode,
    sheet: OpsiSheet = None,
    uji_coba: OpsiUjiCoba = False,
    lewati_galat: OpsiLewatiGalat = False,
    tandai: OpsiTandai = None,
    timpa: OpsiTimpaTandai = False,
    db: OpsiDB = None,
) -> None:
    """Impor realisasi dari Excel (kolom: NIP, Nomor, Realisasi, Bukti; kolom lain hanya keterangan).

    Sel Realisasi yang kosong dilewati (belum diisi) dan dihitung. Impor ulang berkas yang sama tidak mengubah apa pun.

    Contoh: kinerja realisasi impor realisasi-2026.xlsx --periode 2026 --dry-run
    """
    from ..services import realisasi
    from ..services.impor_umum import baris_dilewati

    h = impor_berkas(berkas, tandai, timpa,
                     lambda: realisasi.impor(buka(db), berkas, periode, sheet, uji_coba, lewati_galat, tandai))
    laporkan_impor(h, f"realisasi {h.ditambah} ditambah, {h.diubah} diubah, {h.tetap} tetap, "
                      f"{h.keterangan.get('kosong', 0)} belum diisi (sel kosong), {baris_dilewati(h)} baris dilewati.")


@app.command("catat")
def catat(
    nip: Annotated[str, typer.Argument(help="NIP atau NI PPPK.")],
    periode: OpsiPeriode,
    nomor: Annotated[int, typer.Option("--nomor", help="Nomor baris SKP.", parser=bilangan_bulat, metavar="<bilangan>")],
    nilai: Annotated[str, typer.Option("--nilai", help="Nilai realisasi (95 atau 95,5).")],
    bukti: Annotated[Optional[str], typer.Option("--bukti", help="Bukti dukung: tautan atau keterangan.")] = None,
    db: OpsiDB = None,
) -> None:
    """Catat realisasi satu baris SKP.

    Contoh: kinerja realisasi catat 198502142010012003 --periode 2026 --nomor 1 --nilai 97,5 --bukti "laporan-des.pdf"
    """
    from .. import output
    from ..services import realisasi
    from ..validation.angka import angka_id

    r = realisasi.catat(buka(db), nip, periode, nomor, nilai, bukti)
    kata = {"tambah": "dicatat", "ubah": "diperbarui", "tetap": "sudah sama, tidak ada yang diubah"}[r["aksi"]]
    output.sukses(f"Realisasi {r['nama']} ({r['nip']}) nomor {r['nomor']} periode {r['periode']}: "
                  f"{angka_id(r['nilai'])} {r['satuan'] or ''} {kata}.".replace("  ", " "))
