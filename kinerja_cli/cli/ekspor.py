"""kinerja ekspor rekap|dokumen"""


from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import OpsiDB, buka, bantuan_tanggal

app = typer.Typer(help="Ekspor Excel: rekap nilai satu periode, dokumen evaluasi kinerja dan dokumen SKP per pegawai." "\n\nContoh: kinerja ekspor rekap rekap-2026.xlsx --periode 2026 --per-unit",
                  no_args_is_help=True)

OpsiPeriode = Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026.")]
OpsiTimpa = Annotated[bool, typer.Option("--timpa", help="Ganti berkas yang sudah ada.")]


@app.command("rekap")
def rekap(
    berkas: Annotated[Path, typer.Argument(help="Berkas .xlsx yang dibuat.", show_default=False)],
    periode: OpsiPeriode,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya unit kerja ini.")] = None,
    per_unit: Annotated[bool, typer.Option("--per-unit", help="Tambahkan satu sheet per unit kerja.")] = False,
    tanggal: Annotated[Optional[str], typer.Option("--tanggal", help=bantuan_tanggal("Tanggal tanda tangan", "hari ini"))] = None,
    pangkat: Annotated[bool, typer.Option("--pangkat", help="Tambahkan kolom Pangkat di samping Golongan.")] = False,
    nomor_kolom: Annotated[bool, typer.Option("--nomor-kolom", help="Tambahkan baris nomor kolom (1) (2) ... di bawah judul kolom.")] = False,
    timpa: OpsiTimpa = False,
    db: OpsiDB = None,
) -> None:
    """Tulis rekap Excel periode: Ringkasan (sebaran predikat, grafik, kurva), Rekap, Rincian SKP, Pengembangan (20 JP), Dampak.

    Siap dicetak dan ditandatangani: A4 lanskap, judul kolom berulang, "Halaman N dari M", kop dan blok tanda
    tangan dari profil instansi (kinerja instansi). Periode yang ditutup memakai hasil bekunya.

    Contoh: kinerja ekspor rekap rekap-2026.xlsx --periode 2026 --per-unit
    """
    from .. import output
    from ..services import ekspor

    tgl = _tanggal(tanggal)
    with output.sibuk(f"Menulis rekap {berkas} ..."):
        h = ekspor.rekap(buka(db), berkas, periode, unit, per_unit, timpa, tgl, pangkat, nomor_kolom)
    for p in h["peringatan"]:
        output.peringatan(p)
    if h["dari_snapshot"]:
        output.info(f"Periode {h['periode']} sudah ditutup: rekap memakai hasil beku saat penutupan.")
    for c in h.get("catatan", []):
        output.info(c)
    output.sukses(f"Rekap periode {h['periode']} ({h['pegawai']} pegawai) ditulis ke {h['berkas']} "
                  f"— sheet: {', '.join(h['sheet'])}.")


@app.command("dokumen")
def dokumen(
    nip: Annotated[Optional[str], typer.Argument(help="NIP pegawai (tanpa --unit).", show_default=False)] = None,
    berkas: Annotated[Optional[Path], typer.Argument(help="Berkas .xlsx (bawaan: NIP_Nama_PERIODE.xlsx).", show_default=False)] = None,
    periode: OpsiPeriode = ...,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Satu dokumen untuk setiap pegawai unit ini.")] = None,
    folder: Annotated[Optional[Path], typer.Option("--folder", help="Folder tujuan (wajib dengan --unit).")] = None,
    tanggal: Annotated[Optional[str], typer.Option("--tanggal", help=bantuan_tanggal("Tanggal tanda tangan", "hari ini"))] = None,
    timpa: OpsiTimpa = False,
    db: OpsiDB = None,
) -> None:
    """Tulis Dokumen Evaluasi Kinerja Pegawai (bentuk lampiran PermenPANRB 6/2022) ke Excel.

    Contoh: kinerja ekspor dokumen 198502142010012003 --periode 2026 evaluasi-citra.xlsx

    Contoh: kinerja ekspor dokumen --unit DPMPTSP --periode 2026 --folder dokumen-2026
    """
    from .. import output
    from ..services import ekspor

    h = ekspor.dokumen(buka(db), periode, nip, unit, berkas, folder, timpa, _tanggal(tanggal))
    for p in h["peringatan"]:
        output.peringatan(p)
    if h["dari_snapshot"]:
        output.info(f"Periode {h['periode']} sudah ditutup: dokumen memakai hasil beku saat penutupan.")
    for c in h.get("catatan", []):
        output.info(c)
    for p in h["tanpa_data"]:
        output.peringatan(f"{p.nama} ({p.nip}) belum punya data apa pun di periode ini (tanpa SKP dan penilaian)"
                          + ("; dokumennya tidak dibuat." if h["dilewati"] else "; predikat di dokumen belum bermakna."))
    if len(h["berkas"]) == 1:
        output.sukses(f"Dokumen evaluasi ditulis ke {h['berkas'][0]}.")
    else:
        output.sukses(f"{len(h['berkas'])} dokumen evaluasi ditulis ke {folder}.")


def _tanggal(teks: Optional[str]) -> Optional[date]:
    from ..errors import DataTidakValid

    if not teks:
        return None
    from ..validation.teks import SARAN_TANGGAL_OPSI, TanggalTidakValid, baca_tanggal

    try:
        return baca_tanggal(teks)
    except TanggalTidakValid:
        raise DataTidakValid(f"Tanggal '{teks}' tidak valid.", SARAN_TANGGAL_OPSI) from None


@app.command("skp")
def skp(
    nip: Annotated[Optional[str], typer.Argument(help="NIP pegawai (tanpa --unit).", show_default=False)] = None,
    berkas: Annotated[Optional[Path], typer.Argument(help="Berkas .xlsx (bawaan: SKP_NIP_Nama_PERIODE.xlsx).", show_default=False)] = None,
    periode: OpsiPeriode = ...,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Satu dokumen SKP untuk setiap pegawai unit ini.")] = None,
    folder: Annotated[Optional[Path], typer.Option("--folder", help="Folder tujuan (wajib dengan --unit).")] = None,
    tanggal: Annotated[Optional[str], typer.Option("--tanggal", help=bantuan_tanggal("Tanggal tanda tangan bila SKP belum disetujui",
                                                                                       "diisi tangan"))] = None,
    timpa: OpsiTimpa = False,
    db: OpsiDB = None,
) -> None:
    """Tulis dokumen SKP (Sasaran Kinerja Pegawai, Format A.1.x PermenPANRB 6/2022) ke Excel, satu halaman A4.

    Berisi hasil kerja utama dan tambahan dengan RHK atasan yang diintervensi, indikator, target, aspek,
    perilaku kerja BerAKHLAK dengan ekspektasi khusus pimpinan (dicatat dengan kinerja sasaran ekspektasi), lampiran
    SKP: dukungan sumber daya, skema pertanggungjawaban, konsekuensi (dicatat dengan kinerja sasaran lampiran; yang
    belum dicatat dicetak kosong untuk diisi tangan) dan tanda tangan dengan status persetujuan SKP.

    Contoh: kinerja ekspor skp 198502142010012003 --periode 2026

    Contoh: kinerja ekspor skp --unit DPMPTSP --periode 2026 --folder skp-2026
    """
    from .. import output
    from ..services import ekspor_skp

    h = ekspor_skp.skp(buka(db), periode, nip, unit, berkas, folder, timpa, _tanggal(tanggal))
    for p in h["peringatan"]:
        output.peringatan(p)
    for c in h.get("catatan", []):
        output.info(c)
    for p in h["tanpa_skp"]:
        output.peringatan(f"{p.nama} ({p.nip}) belum punya SKP periode {h['periode']}; dokumennya tidak dibuat.")
    if len(h["berkas"]) == 1 and not unit:
        output.sukses(f"Dokumen SKP ditulis ke {h['berkas'][0]}.")
    else:
        output.sukses(f"{len(h['berkas'])} dokumen SKP ditulis ke {folder}.")
