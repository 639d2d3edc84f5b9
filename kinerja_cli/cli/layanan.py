"""kinerja layanan indikator tambah|daftar, kinerja layanan catat|impor|daftar"""


from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka, impor_berkas

app = typer.Typer(
    help="Indikator layanan publik per unit kerja (misalnya hari penerbitan izin usaha) dan nilainya per periode.\n\n"
         "Contoh: kinerja layanan catat DPMPTSP --indikator 1 --periode 2026-T1 --nilai 7,5",
    no_args_is_help=True,
)
indikator_app = typer.Typer(
    help="Indikator layanan unit kerja: tambah, daftar.\n\n"
         'Contoh: kinerja layanan indikator tambah DPMPTSP --nama "Rata-rata waktu penerbitan izin usaha" --satuan hari --arah turun',
    no_args_is_help=True,
)
app.add_typer(indikator_app, name="indikator")


class Arah(str, Enum):
    naik = "naik"
    turun = "turun"


# (key, header, right-aligned, number, importance on a narrow screen: 1 always shown, the highest hidden first)
KOLOM_INDIKATOR = (("id", "No", True, False, 1), ("unit", "Unit Kerja", False, False, 2),
                   ("nama", "Indikator", False, False, 1), ("satuan", "Satuan", False, False, 3),
                   ("arah", "Arah", False, False, 4), ("target", "Target", False, True, 3),
                   ("jumlah_periode", "Periode tercatat", True, False, 5))
KOLOM_NILAI = (("unit", "Unit Kerja", False, False, 4), ("indikator_id", "No", True, False, 1),
               ("indikator", "Indikator", False, False, 2), ("satuan", "Satuan", False, False, 3),
               ("arah", "Arah", False, False, 6), ("periode", "Periode", False, False, 1), ("nilai", "Nilai", False, True, 1),
               ("sumber", "Sumber", False, False, 5), ("diubah", "Diubah", False, False, 7))


def _kolom(spek):
    from .. import output

    return [output.Kolom(k, j, r, a, penting=p) for k, j, r, a, p in spek]


@indikator_app.command("tambah")
def indikator_tambah(
    unit: Annotated[str, typer.Argument(help="Unit kerja seperti di daftar pegawai (huruf besar/kecil bebas).")],
    nama: Annotated[str, typer.Option("--nama", help="Nama indikator layanan.")],
    satuan: Annotated[Optional[str], typer.Option("--satuan", help="Satuan, misalnya hari, %, izin.")] = None,
    arah: Annotated[Arah, typer.Option("--arah", help="naik: makin tinggi makin baik; turun: makin rendah makin baik.")] = Arah.naik,
    target: Annotated[Optional[str], typer.Option("--target", help="Target (angka, koma desimal boleh: 2,5).")] = None,
    db: OpsiDB = None,
) -> None:
    """Tambah indikator layanan publik untuk satu unit kerja.

    Contoh: kinerja layanan indikator tambah DPMPTSP --nama "Rata-rata waktu penerbitan izin usaha" --satuan hari --arah turun --target 3
    """
    from .. import output
    from ..services import layanan

    i = layanan.tambah_indikator(buka(db), unit, nama, satuan, arah.value, target)
    output.sukses(f"Indikator nomor {i['id']} '{i['nama']}' ({i['arah']}) ditambahkan untuk {i['unit']}.")


@indikator_app.command("daftar")
def indikator_daftar(
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya unit kerja ini.")] = None,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Daftar indikator layanan dengan nomornya (dipakai di --indikator).

    Contoh: kinerja layanan indikator daftar --unit DPMPTSP
    """
    from .. import output
    from ..services import layanan

    baris = layanan.daftar_indikator(buka(db), unit)
    output.tampilkan(baris, _kolom(KOLOM_INDIKATOR), fmt.value, judul=f"Indikator layanan ({len(baris)})",
                     kosong="Belum ada indikator layanan. Tambah dengan: kinerja layanan indikator tambah UNIT --nama ...")


@app.command("catat")
def catat(
    unit: Annotated[str, typer.Argument(help="Unit kerja.")],
    indikator: Annotated[str, typer.Option("--indikator", help="Nomor indikator, atau namanya persis.")],
    periode: Annotated[str, typer.Option("--periode", "-p", help="Kode periode: 2026, 2026-T1 atau 2026-01.")],
    nilai: Annotated[str, typer.Option("--nilai", help="Nilai (angka 0 atau lebih, koma desimal boleh: 4,5).")],
    sumber: Annotated[Optional[str], typer.Option("--sumber", help="Sumber data (teks bebas).")] = None,
    db: OpsiDB = None,
) -> None:
    """Catat nilai indikator layanan untuk satu periode; nilai lama diganti (dicatat di log audit).

    Periode tidak harus sudah dibuat sebagai periode penilaian.

    Contoh: kinerja layanan catat DPMPTSP --indikator 1 --periode 2026-T2 --nilai 4,5 --sumber "SIMPEL DPMPTSP"
    """
    from .. import output
    from ..scoring.dampak import dengan_satuan
    from ..services import layanan

    h = layanan.catat(buka(db), unit, indikator, periode, nilai, sumber)
    teks = f"{h['unit']} — {h['indikator']}, {h['periode']}: {dengan_satuan(h['nilai'], h['satuan'])}"
    if h["aksi"] == "tetap":
        output.info(f"Tidak berubah: {teks} (sudah tercatat).")
    elif h["aksi"] == "ubah":
        output.sukses(f"Diganti: {teks} (sebelumnya {dengan_satuan(h['sebelumnya'], h['satuan'])}).")
    else:
        output.sukses(f"Dicatat: {teks}.")


@app.command("impor")
def impor(
    berkas: Annotated[Path, typer.Argument(help="Berkas .xlsx: Unit Kerja, Indikator, Satuan, Arah, Target, Periode, Nilai, Sumber.")],
    sheet: Annotated[Optional[str], typer.Option("--sheet", help="Nama sheet (bawaan: 'Layanan' atau sheet pertama yang cocok).")] = None,
    uji_coba: Annotated[bool, typer.Option("--dry-run", help="Periksa dan hitung saja, tanpa menyimpan.")] = False,
    lewati_galat: Annotated[bool, typer.Option("--lewati-galat", help="Simpan baris yang benar, lewati baris bergalat.")] = False,
    db: OpsiDB = None,
) -> None:
    """Impor nilai indikator layanan dari Excel (satu baris per unit, indikator, periode).

    Indikator baru dibuat otomatis (arah kosong: naik). Impor ulang berkas yang sama tidak mengubah apa pun.

    Contoh: kinerja layanan impor layanan.xlsx --dry-run
    """
    from .. import output
    from ..services import layanan

    h = impor_berkas(berkas, None, False, lambda: layanan.impor(buka(db), berkas, sheet, uji_coba, lewati_galat))
    output.tabel_masalah(h.dilewati + h.peringatan, judul="Baris dilewati dan peringatan")
    for teks in h.keterangan.get("info", ()):
        output.info(teks)
    awalan = "Uji coba (tidak disimpan): " if h.uji_coba else "Impor selesai: "
    output.sukses(f"{awalan}{h.keterangan['indikator_baru']} indikator baru, {h.keterangan['indikator_diubah']} "
                  f"indikator diperbarui; nilai {h.ditambah} ditambah, {h.diubah} diubah, {h.tetap} tetap, "
                  f"{len({m.baris for m in h.dilewati})} baris dilewati.")


@app.command("daftar")
def daftar(
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya unit kerja ini.")] = None,
    indikator: Annotated[Optional[str], typer.Option("--indikator", help="Nomor atau nama indikator.")] = None,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Nilai indikator layanan per indikator dan periode (urut tanggal mulai periode).

    Contoh: kinerja layanan daftar --unit DPMPTSP --format csv
    """
    from .. import output
    from ..services import layanan

    baris = layanan.daftar_nilai(buka(db), unit, indikator)
    output.tampilkan(baris, _kolom(KOLOM_NILAI), fmt.value, judul="Nilai indikator layanan",
                     kosong="Belum ada nilai indikator layanan. Catat dengan: kinerja layanan catat atau kinerja layanan impor")
