"""kinerja pegawai atasan-luar: a named atasan outside the roster (issue 17 §3)."""


from typing import Annotated, Optional

import typer

from .umum import OpsiDB, buka


def atasan_luar(
    nip: Annotated[str, typer.Argument(help="NIP pegawai tanpa NIP Atasan di daftar pegawai.")],
    nama: Annotated[Optional[str], typer.Option("--nama", help="Nama atasan (misalnya kepala daerah).")] = None,
    jabatan: Annotated[Optional[str], typer.Option("--jabatan", help="Jabatan atasan, misalnya Wali Kota.")] = None,
    hapus: Annotated[bool, typer.Option("--hapus", help="Hapus atasan luar pegawai ini.")] = False,
    db: OpsiDB = None,
) -> None:
    """Catat atasan di luar daftar pegawai (misalnya kepala daerah bagi Sekda, atau atasan kepala OPD yang
    daftar pegawainya tanpa NIP Atasan): dialah yang menyetujui SKP pegawai itu (sasaran setujui tanpa --oleh).

    Contoh: kinerja pegawai atasan-luar 196711101992031001 --nama "H. Erman Safar" --jabatan "Wali Kota"
    """
    from .. import output
    from ..services import atasan_luar as layanan

    basis = buka(db)
    if hapus:
        r = layanan.hapus(basis, nip)
        output.sukses(f"Atasan luar {r['nama_pegawai']} ({r['nip']}) dihapus (tercatat di log audit).")
        return
    if not nama:
        a = layanan.ambil(basis, nip)
        if a is None:
            raise typer.BadParameter('sebutkan --nama (dan --jabatan), misalnya --nama "H. Erman Safar" --jabatan '
                                     '"Wali Kota"', param_hint="--nama")
        output.info(f"Atasan luar {nip}: {layanan.teks(a)}.")
        return
    r = layanan.atur(basis, nip, nama, jabatan)
    kata = "dicatat" if r["berubah"] else "sudah tercatat; tidak ada yang diubah"
    output.sukses(f"Atasan {r['nama_pegawai']} ({r['nip']}) di luar daftar pegawai {kata}: {layanan.teks(r)}. "
                  f"SKP-nya disetujui dengan: kinerja sasaran setujui {r['nip']} -p PERIODE (tanpa --oleh).")


def daftarkan(pegawai_app: typer.Typer) -> None:
    pegawai_app.command("atasan-luar")(atasan_luar)
