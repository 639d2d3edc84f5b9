"""kinerja rating tetapkan|hapus|daftar"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from ..kosakata import KUNCI_RATING
from .umum import Format, OpsiDB, OpsiFormat, buka

app = typer.Typer(help="Rating langsung dari atasan (metode permenpan6), dengan alasan." '\n\nContoh: kinerja rating tetapkan 198502142010012003 --periode 2026 --hasil-kerja di-atas --alasan "..."', no_args_is_help=True)

OpsiPeriode = Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026.")]


Rating = Enum("Rating", [(k.replace("-", "_"), k) for k in KUNCI_RATING], type=str)


@app.command("tetapkan")
def tetapkan(
    nip: Annotated[str, typer.Argument(help="NIP pegawai.")],
    periode: OpsiPeriode,
    alasan: Annotated[str, typer.Option("--alasan", help="Alasan penetapan (wajib, dicatat).")],
    hasil_kerja: Annotated[Optional[Rating], typer.Option("--hasil-kerja", help="Rating hasil kerja.")] = None,
    perilaku: Annotated[Optional[Rating], typer.Option("--perilaku", help="Rating perilaku kerja.")] = None,
    oleh: Annotated[Optional[str], typer.Option("--oleh", help="NIP atasan langsung yang menetapkan.")] = None,
    db: OpsiDB = None,
) -> None:
    """Tetapkan rating hasil kerja dan/atau perilaku secara langsung; rating ini mengalahkan rating hitungan.

    Rating yang tidak disebut tetap seperti yang tersimpan.

    Contoh: kinerja rating tetapkan 198502142010012003 --periode 2026 --hasil-kerja di-atas --alasan "target utama terlampaui jauh" --oleh 198001012005011002
    """
    from .. import output
    from ..services import rating

    h = rating.tetapkan(buka(db), nip, periode, hasil_kerja.value if hasil_kerja else None,
                         perilaku.value if perilaku else None, alasan, oleh)
    for p in h["peringatan"]:
        output.peringatan(p)
    nama = {None: "-", **KUNCI_RATING}
    keadaan = f"hasil kerja {nama[h['hasil_kerja']]}, perilaku {nama[h['perilaku']]}"
    if h["aksi"] == "tetap":
        output.info(f"Rating langsung sudah sama ({keadaan}); tidak ada perubahan.")
    else:
        output.sukses(f"Rating langsung {'ditetapkan' if h['aksi'] == 'tambah' else 'diubah'}: {keadaan}.")


@app.command("hapus")
def hapus(
    nip: Annotated[str, typer.Argument(help="NIP pegawai.")],
    periode: OpsiPeriode,
    alasan: Annotated[str, typer.Option("--alasan", help="Alasan penghapusan (wajib, dicatat).")],
    db: OpsiDB = None,
) -> None:
    """Hapus rating langsung pegawai; rating hitungan berlaku kembali.

    Contoh: kinerja rating hapus 198502142010012003 --periode 2026 --alasan "ditetapkan keliru"
    """
    from .. import output
    from ..services import rating

    rating.hapus(buka(db), nip, periode, alasan)
    output.sukses("Rating langsung dihapus (tercatat di log audit).")


@app.command("daftar")
def daftar(periode: OpsiPeriode, fmt: OpsiFormat = Format.tabel, db: OpsiDB = None) -> None:
    """Daftar rating langsung pada suatu periode.

    Contoh: kinerja rating daftar --periode 2026 --format csv
    """
    from .. import output
    from ..services import rating

    baris = rating.daftar(buka(db), periode)
    if fmt is Format.tabel:  # on screen the regulation's words; scripts keep the stable keys
        label = KUNCI_RATING
        baris = [{**b, "hasil_kerja": label.get(b["hasil_kerja"], b["hasil_kerja"]),
                  "perilaku": label.get(b["perilaku"], b["perilaku"])} for b in baris]
    kolom = [output.Kolom(k, j) for k, j in (
        ("nip", "NIP"), ("nama", "Nama"), ("unit", "Unit Kerja"), ("hasil_kerja", "Rating Hasil Kerja"),
        ("perilaku", "Rating Perilaku"), ("alasan", "Alasan"), ("oleh", "NIP Atasan"), ("nama_oleh", "Atasan"),
        ("diubah", "Diubah"))]
    output.tampilkan(baris, kolom, fmt.value, judul=f"Rating langsung {periode.upper()} ({len(baris)})",
                     kosong="Belum ada rating langsung pada periode ini.")
