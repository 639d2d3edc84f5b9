"""kinerja pegawai impor|daftar|lihat"""


from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import (Format, OpsiDB, OpsiFormat, OpsiTandai, OpsiTimpaTandai, buka, impor_berkas, laporkan_impor)

app = typer.Typer(help="Daftar pegawai (roster): impor dari Excel, daftar, lihat satu pegawai." "\n\nContoh: kinerja pegawai impor daftar_pegawai.xlsx", no_args_is_help=True)

# (key, header, importance on a narrow screen: 1 always shown, the highest hidden first)
KOLOM_DAFTAR = (("nip", "NIP", 1), ("nama", "Nama", 1), ("jabatan", "Jabatan", 3), ("jenis_jabatan", "Jenis Jabatan", 6),
                ("golongan", "Gol", 4), ("unit", "Unit Kerja", 2), ("nip_atasan", "NIP Atasan", 5), ("status", "Status", 5),
                ("aktif", "Aktif", 7), ("sub_unit", "Sub Unit", 8), ("kedudukan", "Kedudukan", 9))


@app.command("impor")
def impor(
    berkas: Annotated[Path, typer.Argument(help="Berkas daftar pegawai (.xlsx, .ods, .xls atau .csv): daftar biasa, ekspor SIASN, hierarki unor SIASN, atau daftar atasan dari 'kinerja templat atasan'.")],
    sheet: Annotated[Optional[str], typer.Option("--sheet", help="Nama sheet (bawaan: 'Pegawai' atau sheet pertama yang cocok).")] = None,
    uji_coba: Annotated[bool, typer.Option("--dry-run", help="Periksa dan hitung saja, tanpa menyimpan.")] = False,
    lewati_galat: Annotated[bool, typer.Option("--lewati-galat", help="Simpan baris yang benar, lewati baris bergalat.")] = False,
    nonaktifkan: Annotated[bool, typer.Option("--nonaktifkan-yang-hilang", help="Tandai nonaktif pegawai yang tidak ada lagi di berkas, hanya di antara jenis pegawai yang ada di berkas (PNS/CPNS, PPPK, PPPK paruh waktu) dan, untuk daftar biasa, hanya di unit-unit di berkas; ekspor SIASN memuat seluruh pemda, jadi berlaku di semua unit.")] = False,
    hierarki: Annotated[Optional[Path], typer.Option("--hierarki", help="Hierarki unor SIASN (HIERARKI_UNOR.xlsx: ID, NAMA_UNOR, ID_ATASAN): menentukan OPD dari UNOR ID ekspor SIASN; disimpan untuk impor berikutnya.")] = None,
    unit_dari: Annotated[Optional[str], typer.Option("--unit-dari", help="Ekspor SIASN tanpa hierarki: 'unor' menjadikan UNOR NAMA (unor terendah) unit kerja.")] = None,
    tandai: OpsiTandai = None,
    timpa: OpsiTimpaTandai = False,
    db: OpsiDB = None,
) -> None:
    """Impor daftar pegawai dari Excel, ODS atau CSV (kolom: NIP, Nama, Jabatan, Jenis Jabatan, Golongan, Unit Kerja, NIP Atasan, Status).

    Ekspor daftar pegawai SIASN dikenali dari baris judulnya dan dibaca apa adanya (sertakan --hierarki);
    berkas hierarki unor SIASN dan berkas dari 'kinerja templat atasan' juga dapat diimpor dengan perintah ini.
    Impor ulang berkas yang sama tidak mengubah apa pun; pegawai tidak pernah dihapus.

    Contoh: kinerja pegawai impor pegawai.xlsx --dry-run

    Contoh: kinerja pegawai impor pns_ekspor.xlsx --hierarki HIERARKI_UNOR.xlsx
    """
    from ..services import pegawai
    from ..services.impor_umum import baris_dilewati

    if unit_dari is not None and unit_dari.strip().lower() != "unor":
        raise typer.BadParameter(f"'{unit_dari}' tidak dikenal; satu-satunya pilihan: unor", param_hint="--unit-dari")
    h = impor_berkas(berkas, tandai, timpa,
                     lambda: pegawai.impor(buka(db), berkas, sheet, uji_coba, lewati_galat, nonaktifkan, tandai,
                                           hierarki, "unor" if unit_dari else None))
    laporkan_impor(h, f"{h.ditambah} ditambah, {h.diubah} diubah, {h.tetap} tetap, "
                      f"{h.dinonaktifkan} dinonaktifkan, {baris_dilewati(h)} baris dilewati.")


@app.command("ubah")
def ubah(
    nip: Annotated[str, typer.Argument(help="NIP atau NI PPPK (boleh dengan spasi).")],
    jenis_jabatan: Annotated[str, typer.Option("--jenis-jabatan", help="JPT, administrator, pengawas, pelaksana atau fungsional (juga: 'Eselon III.a', 'JPT Pratama' ...).")],
    db: OpsiDB = None,
) -> None:
    """Ubah jenis jabatan satu pegawai (tercatat di log audit), misalnya jabatan struktural yang jenisnya tidak dapat disimpulkan dari ekspor SIASN.

    Impor ulang ekspor SIASN mempertahankan nilai ini selama jenisnya tetap tidak dapat disimpulkan.

    Contoh: kinerja pegawai ubah 196711101992031001 --jenis-jabatan JPT
    """
    from .. import output
    from ..services import pegawai

    h = pegawai.ubah(buka(db), nip, jenis_jabatan)
    if h["berubah"]:
        output.sukses(f"Jenis jabatan {h['nama']} ({h['nip']}) diubah: {h['lama'] or '-'} → {h['baru']} "
                      "(tercatat di log audit).")
    else:
        output.info(f"Jenis jabatan {h['nama']} ({h['nip']}) sudah {h['baru']}; tidak ada yang diubah.")


@app.command("daftar")
def daftar(
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya unit kerja ini.")] = None,
    cari: Annotated[Optional[str], typer.Option("--cari", help="Cari di nama, NIP atau jabatan.")] = None,
    aktif: Annotated[bool, typer.Option("--aktif/--semua", help="Hanya pegawai aktif (bawaan) atau semua.")] = True,
    sub_unit: Annotated[Optional[str], typer.Option("--sub-unit", help="Hanya sub unit (unor) yang namanya memuat teks ini.")] = None,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Daftar pegawai, bisa disaring per unit atau sub unit, atau dicari.

    Contoh: kinerja pegawai daftar --unit DPMPTSP --format csv > dpmptsp.csv
    """
    from .. import output
    from ..services import pegawai

    baris = pegawai.daftar(buka(db), unit, cari, aktif, sub_unit)
    kolom = [output.Kolom(k, j, penting=p) for k, j, p in KOLOM_DAFTAR]
    output.tampilkan(baris, kolom, fmt.value, judul=f"Pegawai ({len(baris)} orang)",
                     kosong="Tidak ada pegawai yang cocok.")


@app.command("lihat")
def lihat(
    nip: Annotated[str, typer.Argument(help="NIP atau NI PPPK (boleh dengan spasi).")],
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Satu pegawai: identitas, isi NIP (tanggal lahir, TMT, jenis kelamin), atasan dan bawahan.

    Contoh: kinerja pegawai lihat "19671110 199203 1 001"
    """
    from .. import output
    from ..services import profil

    data = profil.lihat(buka(db), nip)
    output.tampilkan_satu(data, fmt.value, lambda: _cetak_pegawai(data))


def _cetak_pegawai(d: dict) -> None:
    from rich.table import Table

    from .. import output

    t = Table(show_header=False, title=output.teks(d["nama"]), title_justify="left", box=None)
    t.add_column(style="bold")
    t.add_column()
    for label, key in (("NIP", "nip"), ("Nomor induk", "jenis_nomor_induk"), ("Jabatan", "jabatan"),
                       ("Jenis jabatan", "jenis_jabatan"), ("Golongan", "golongan"), ("Pangkat", "pangkat"),
                       ("Unit kerja", "unit"), ("Sub unit", "sub_unit"), ("Status", "status"),
                       ("Kedudukan", "kedudukan"), ("Tanggal lahir", "tanggal_lahir"),
                       ("TMT", "tmt"), ("Jenis kelamin", "jenis_kelamin")):
        t.add_row(label, output.teks(output.teks_sel(d.get(key))))
    t.add_row("Aktif", "ya" if d["aktif"] else "tidak (nonaktif)")
    a = d.get("atasan")
    t.add_row("Atasan langsung", output.teks(f"{a['nama']} ({a['nip']}), {a['jabatan'] or '-'}" if a else
                                             (f"{d['nip_atasan']} (tidak ada di daftar)" if d.get("nip_atasan") else "-")))
    output.cetak(t)
    if d["bawahan"]:
        output.cetak(output.tabel(d["bawahan"], [output.Kolom("nip", "NIP", penting=1), output.Kolom("nama", "Nama", penting=1),
                                                 output.Kolom("jabatan", "Jabatan", penting=2)],
                                  judul=f"Bawahan langsung ({len(d['bawahan'])})", semua="--format json"))
    if d.get("riwayat_nilai"):
        kolom = [output.Kolom("periode", "Periode", penting=1), output.Kolom("metode", "Metode", penting=4),
                 output.Kolom("status", "Status", penting=4), output.Kolom("nhk", "NHK", angka=True, penting=3),
                 output.Kolom("npk", "NPK", angka=True, penting=3), output.Kolom("na", "NA", angka=True, penting=2),
                 output.Kolom("predikat", "Predikat", penting=1)]
        output.cetak(output.tabel(d["riwayat_nilai"], kolom, judul="Riwayat nilai kinerja", semua="--format json"))
    else:
        output.cetak("Belum ada nilai kinerja di periode mana pun.")
