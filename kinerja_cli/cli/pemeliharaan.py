"""kinerja cadangan, kinerja pulihkan, kinerja periksa"""


import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka

_LABEL = (("pegawai", "pegawai"), ("periode", "periode"), ("sasaran", "baris SKP"), ("realisasi", "realisasi"),
          ("perilaku", "penilaian perilaku"), ("audit", "catatan audit"))


def _isi(jumlah: dict, versi: list) -> str:
    bagian = [f"{jumlah.get(t, 0):,} {label}".replace(",", ".") for t, label in _LABEL]
    return ", ".join(bagian) + f"; skema {versi[-1] if versi else '-'}"


def cadangan(
    berkas: Annotated[Optional[str], typer.Argument(  # str: Path() would drop the trailing "/" that means a folder
        help="Berkas cadangan, atau folder yang sudah ada (diakhiri /, misalnya /media/usb/) untuk nama bercap waktu "
             "(bawaan: di samping basis data, bercap waktu).", show_default=False)] = None,
    db: OpsiDB = None,
) -> None:
    """Buat cadangan basis data yang konsisten, aman walau proses lain sedang menulis.

    Cadangan ditulis dengan nama sementara, diperiksa (keutuhan, versi skema, jumlah baris sama
    dengan sumbernya), baru diberi namanya.

    Contoh: kinerja cadangan /media/usb/kinerja-2026-12-31.db
    """
    from .. import output
    from ..services import pemeliharaan

    h = pemeliharaan.cadangan(buka(db), berkas)
    output.sukses(f"Cadangan dibuat dan diperiksa: {h['berkas']} ({h['ukuran']:,} bita; ".replace(",", ".")
                  + _isi(h["jumlah"], h["versi"]) + "; integritas: baik).")


def pulihkan(
    berkas: Annotated[Path, typer.Argument(help="Berkas cadangan yang dipulihkan.", show_default=False)],
    ya: Annotated[bool, typer.Option("--ya", help="Jangan bertanya lagi (untuk skrip).")] = False,
    db: OpsiDB = None,
) -> None:
    """Ganti basis data dengan isi sebuah cadangan, setelah cadangannya diperiksa.

    Basis data yang sekarang disimpan dulu di sampingnya sebagai
    NAMA.sebelum-pulihkan-TTTTBBHH-JJMMDD; pemulihan tercatat di kinerja riwayat.

    Contoh: kinerja pulihkan /media/usb/kinerja-cadangan-20261231-170000.db
    """
    from .. import output
    from ..errors import DataTidakValid
    from ..services import pemeliharaan
    from ..store.db import lokasi_db

    path = lokasi_db(db)
    with pemeliharaan.pemulihan(berkas, path) as p:
        output.info(f"Cadangan {berkas} diperiksa: utuh ({_isi(p.isi.jumlah, p.isi.versi)}).")
        if not ya:
            if not sys.stdin.isatty():
                raise DataTidakValid(f"Pemulihan mengganti seluruh isi {path}; perlu persetujuan. Basis data tidak diubah.",
                                     "Jalankan di terminal untuk menjawab pertanyaannya, atau tambahkan --ya.")
            if not typer.confirm(f"Ganti seluruh isi {path} dengan cadangan ini?", default=False, err=True):
                raise DataTidakValid("Pemulihan dibatalkan; basis data tidak diubah.")
        h = p.jalankan()
    output.sukses(f"Basis data {h['db']} dipulihkan dari {h['cadangan']} ({_isi(h['jumlah'], h['versi'])}).")
    if h["salinan_pengaman"]:
        output.info(f"Basis data yang lama disimpan sebagai {h['salinan_pengaman']}.")
    output.info("Pemulihan tercatat di kinerja riwayat.")


def periksa(fmt: OpsiFormat = Format.tabel, db: OpsiDB = None) -> None:
    """Periksa keutuhan basis data dan konsistensi data (rujukan, rantai atasan, bobot periode ditutup).

    Kode keluar 1 bila ada galat.

    Contoh: kinerja periksa
    """
    from .. import output
    from ..services import pemeliharaan
    from ..store.db import SARAN_PULIHKAN, lokasi_db

    path = lokasi_db(db)
    temuan = pemeliharaan.periksa_berkas(path)
    kolom = [output.Kolom("tingkat", "Tingkat", penting=1), output.Kolom("jenis", "Jenis", penting=3),
             output.Kolom("kunci", "Kunci", penting=2), output.Kolom("pesan", "Temuan", penting=1)]
    output.tampilkan(temuan, kolom, fmt.value, judul="Hasil pemeriksaan basis data",
                     kosong="Basis data utuh dan konsisten: tidak ada temuan.")
    if any(t["jenis"] == "integritas" for t in temuan):
        output.galat(f"Basis data {path} rusak.", f"{SARAN_PULIHKAN} --db {path}")
    if any(t["tingkat"] == "galat" for t in temuan):
        raise typer.Exit(1)


def daftarkan(app: typer.Typer) -> None:
    app.command("cadangan")(cadangan)
    app.command("pulihkan")(pulihkan)
    app.command("periksa")(periksa)
