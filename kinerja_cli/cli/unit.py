"""kinerja unit daftar|singkatan"""


from typing import Annotated, Optional

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka

app = typer.Typer(help="Unit kerja (OPD): daftar dengan jumlah pegawai; singkatan resmi unit." "\n\nContoh: kinerja unit daftar", no_args_is_help=True)


@app.command("daftar")
def daftar(fmt: OpsiFormat = Format.tabel, db: OpsiDB = None) -> None:
    """Daftar unit kerja dengan singkatan resmi dan jumlah pegawai aktif (PNS, PPPK) dan nonaktif.

    Contoh: kinerja unit daftar --format json
    """
    from .. import output
    from ..services import instansi

    baris = instansi.daftar_unit(buka(db))
    kolom = [output.Kolom("unit", "Unit Kerja", penting=1), output.Kolom("singkatan", "Singkatan", penting=2),
             output.Kolom("aktif", "Aktif", True, penting=1), output.Kolom("pns", "PNS", True, penting=2),
             output.Kolom("pppk", "PPPK", True, penting=2), output.Kolom("nonaktif", "Nonaktif", True, penting=3)]
    output.tampilkan(baris, kolom, fmt.value, judul=f"Unit kerja ({len(baris)})", kosong="Belum ada pegawai.")


@app.command("singkatan")
def singkatan(
    unit: Annotated[str, typer.Argument(help="Nama unit kerja (atau bagian namanya yang unik).", show_default=False)],
    teks: Annotated[Optional[str], typer.Argument(help="Singkatan resmi, misalnya Disdukcapil.", show_default=False)] = None,
    hapus: Annotated[bool, typer.Option("--hapus", help="Hapus singkatan unit ini.")] = False,
    db: OpsiDB = None,
) -> None:
    """Tetapkan singkatan resmi unit (Bappeda, Disdukcapil, DPMPTSP): dipakai untuk nama sheet per unit dan
    kolom Unit yang sempit di rekap.

    Contoh: kinerja unit singkatan "Dinas Kependudukan dan Pencatatan Sipil" Disdukcapil
    """
    from .. import output
    from ..errors import DataTidakValid
    from ..services import instansi

    if bool(teks) == hapus:
        raise DataTidakValid("Sebutkan singkatannya, atau --hapus untuk menghapusnya.",
                             "Contoh: kinerja unit singkatan \"Dinas Kependudukan dan Pencatatan Sipil\" Disdukcapil")
    h = instansi.atur_singkatan(buka(db), unit, None if hapus else teks)
    if hapus:
        output.sukses(f"Singkatan unit {h['unit']} dihapus" + (f" (sebelumnya {h['sebelumnya']})." if h["sebelumnya"] else
                                                               " (memang belum ada)."))
    else:
        output.sukses(f"Singkatan unit {h['unit']}: {h['singkatan']}"
                      + (f" (sebelumnya {h['sebelumnya']})." if h["sebelumnya"] and h["sebelumnya"] != h["singkatan"] else "."))
    if instansi.catatan_beku(h["tetap_beku"]):
        output.info(instansi.catatan_beku(h["tetap_beku"]))
