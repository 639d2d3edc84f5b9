"""kinerja evaluasi catat"""


from typing import Annotated, Optional

import typer

from .umum import OpsiDB, buka

app = typer.Typer(help="Catatan/rekomendasi pejabat penilai pada Dokumen Evaluasi Kinerja Pegawai (Format D.1.1)."
                       '\n\nContoh: kinerja evaluasi catat 198502142010012003 --periode 2026 --rekomendasi '
                       '"Ikutkan pelatihan analisis kebijakan."',
                  no_args_is_help=True)


@app.command("catat")
def catat(
    nip: Annotated[str, typer.Argument(help="NIP pegawai yang dinilai.")],
    periode: Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026.")],
    rekomendasi: Annotated[str, typer.Option("--rekomendasi", help="Catatan/rekomendasi pejabat penilai (dalam tanda petik).")],
    oleh: Annotated[Optional[str], typer.Option("--oleh", help="NIP pejabat penilai (bawaan: atasan langsung).")] = None,
    db: OpsiDB = None,
) -> None:
    """Catat CATATAN/REKOMENDASI pejabat penilai untuk satu pegawai dan periode (menggantikan yang lama).

    Dicetak di Dokumen Evaluasi Kinerja Pegawai (kinerja ekspor dokumen). Dapat juga diisi lewat kolom
    Rekomendasi di sheet Rating templat (kinerja rating impor).

    Contoh: kinerja evaluasi catat 198502142010012003 --periode 2026 --rekomendasi "Ikutkan pelatihan analisis kebijakan."
    """
    from .. import output
    from ..services import evaluasi

    h = evaluasi.catat(buka(db), nip, periode, rekomendasi, oleh)
    for p in h["peringatan"]:
        output.peringatan(p)
    kata = {"tambah": "dicatat", "ubah": "diganti", "tetap": "sudah tercatat sama; tidak ada yang diubah"}[h["aksi"]]
    output.sukses(f"Rekomendasi untuk {h['nama']} ({h['nip']}) periode {h['periode']} {kata}.")
