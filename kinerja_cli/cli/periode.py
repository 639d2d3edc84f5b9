"""kinerja periode buat|daftar|tutup|buka"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka

app = typer.Typer(help="Periode penilaian: buat, daftar, tutup (hasil dibekukan), buka kembali." "\n\nContoh: kinerja periode buat 2026 --metode pp30", no_args_is_help=True)


class Jenis(str, Enum):
    tahunan = "tahunan"
    triwulan = "triwulan"
    bulanan = "bulanan"


class Metode(str, Enum):
    pp30 = "pp30"
    permenpan6 = "permenpan6"


@app.command("buat")
def buat(
    kode: Annotated[str, typer.Argument(help="2026 (tahunan), 2026-T1 (triwulan) atau 2026-01 (bulanan).")],
    jenis: Annotated[Optional[Jenis], typer.Option("--jenis", help="Jenis periode (bawaan: dari kode).")] = None,
    mulai: Annotated[Optional[str], typer.Option("--mulai", help="Tanggal mulai TTTT-BB-HH (bawaan: dari kode).")] = None,
    selesai: Annotated[Optional[str], typer.Option("--selesai", help="Tanggal selesai TTTT-BB-HH.")] = None,
    metode: Annotated[Metode, typer.Option("--metode", help="pp30 (angka, PP 30/2019) atau permenpan6 (matriks rating).")] = Metode.pp30,
    db: OpsiDB = None,
) -> None:
    """Buat periode penilaian. Semua parameter aturan disimpan bersama periode.

    Contoh: kinerja periode buat 2026 --metode permenpan6
    """
    from .. import output
    from ..services import periode

    p = periode.buat(buka(db), kode, jenis.value if jenis else None, mulai, selesai, metode.value)
    output.sukses(f"Periode {p['kode']} ({p['jenis']}, {p['mulai']} s.d. {p['selesai']}, metode {p['metode']}) dibuat.")


@app.command("daftar")
def daftar(fmt: OpsiFormat = Format.tabel, db: OpsiDB = None) -> None:
    """Daftar periode dengan status dan jumlah data.

    Contoh: kinerja periode daftar --format json
    """
    from .. import output
    from ..services import periode

    kolom = [output.Kolom(k, j, r, penting=p) for k, j, r, p in (
        ("kode", "Kode", False, 1), ("jenis", "Jenis", False, 4), ("mulai", "Mulai", False, 3),
        ("selesai", "Selesai", False, 3), ("metode", "Metode", False, 2), ("status", "Status", False, 2),
        ("sasaran", "Baris SKP", True, 5), ("realisasi", "Realisasi", True, 5), ("perilaku", "Penilaian perilaku", True, 5))]
    output.tampilkan(periode.daftar(buka(db)), kolom, fmt.value, judul="Periode penilaian",
                     kosong="Belum ada periode. Buat dengan: kinerja periode buat 2026")


@app.command("tutup")
def tutup(kode: Annotated[str, typer.Argument(help="Kode periode.")], db: OpsiDB = None) -> None:
    """Tutup periode: hasil semua pegawai dibekukan, dan semua perubahan data periode ditolak.

    Contoh: kinerja periode tutup 2026
    """
    from .. import output
    from ..services import penutupan

    with output.sibuk("Menghitung dan membekukan hasil semua pegawai ..."):
        p = penutupan.tutup(buka(db), kode)
    output.sukses(f"Periode {p['kode']} ditutup; hasil {p['jumlah_hasil']} pegawai dibekukan.")
    if p["tidak_lengkap"]:
        output.peringatan(f"{p['tidak_lengkap']} pegawai dibekukan dengan data belum lengkap"
                          + (f" ({p['tanpa_data']} tanpa data sama sekali)" if p["tanpa_data"] else "")
                          + f". Lihat: kinerja nilai --periode {p['kode']}; bila perlu dibetulkan: "
                          f'kinerja periode buka {p["kode"]} --alasan "..."')


@app.command("buka")
def buka_kembali(
    kode: Annotated[str, typer.Argument(help="Kode periode.")],
    alasan: Annotated[str, typer.Option("--alasan", help="Alasan membuka kembali (dicatat di log audit).")],
    db: OpsiDB = None,
) -> None:
    """Buka kembali periode yang ditutup (hasil beku dibuang, alasan dicatat).

    Contoh: kinerja periode buka 2026 --alasan "koreksi realisasi DPMPTSP"
    """
    from .. import output
    from ..services import periode

    p = periode.buka(buka(db), kode, alasan)
    output.sukses(f"Periode {p['kode']} dibuka kembali.")
