"""kinerja evaluasi catat|daftar|hapus"""


from typing import Annotated, Optional

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka

app = typer.Typer(help="Catatan/rekomendasi pejabat penilai pada Dokumen Evaluasi Kinerja Pegawai (Format D.1.1): "
                       "catat, daftar, hapus."
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
    penilai = f" Pejabat penilai: {h['nama_oleh']}." if h["nama_oleh"] else ""
    output.sukses(f"Rekomendasi untuk {h['nama']} ({h['nip']}) periode {h['periode']} {kata}.{penilai}")


@app.command("daftar")
def daftar(
    periode: Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026.")],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya pegawai unit kerja ini.")] = None,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Daftar CATATAN/REKOMENDASI pejabat penilai satu periode, per unit dan nama pegawai.

    Contoh: kinerja evaluasi daftar -p 2026 --unit DPMPTSP
    """
    from .. import output
    from ..output.lebar import TEKS
    from ..services import evaluasi

    baris = evaluasi.daftar(buka(db), periode, unit)
    kolom = [output.Kolom("nip", "NIP", penting=1), output.Kolom("nama", "Nama", jenis=TEKS, penting=2),
             output.Kolom("unit", "Unit Kerja", jenis=TEKS, penting=5),
             output.Kolom("rekomendasi", "Rekomendasi", jenis=TEKS, penting=1),
             output.Kolom("nama_oleh", "Pejabat Penilai", jenis=TEKS, penting=4),
             output.Kolom("oleh", "NIP Pejabat Penilai", penting=6)]
    if fmt != Format.tabel:
        kolom = [output.Kolom("periode", "Periode"), *kolom, output.Kolom("diubah", "Diubah")]
    saring = f" unit {unit}" if unit else ""
    output.tampilkan(baris, kolom, fmt.value, judul=f"Rekomendasi pejabat penilai periode {periode}{saring} ({len(baris)})",
                     kosong=f"Belum ada rekomendasi periode {periode}{saring}. Catat dengan: kinerja evaluasi catat NIP "
                            f'-p {periode} --rekomendasi "..."')


@app.command("hapus")
def hapus(
    nip: Annotated[str, typer.Argument(help="NIP pegawai yang rekomendasinya dihapus.")],
    periode: Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026.")],
    db: OpsiDB = None,
) -> None:
    """Hapus CATATAN/REKOMENDASI satu pegawai pada satu periode (tercatat di log audit).

    Dokumen evaluasinya lalu mencetak kotak kosong untuk ditulis tangan.

    Contoh: kinerja evaluasi hapus 198502142010012003 -p 2026
    """
    from .. import output
    from ..services import evaluasi

    h = evaluasi.hapus(buka(db), nip, periode)
    output.sukses(f"Rekomendasi untuk {h['nama']} ({h['nip']}) periode {h['periode']} dihapus (tercatat di log audit); "
                  f"isinya dulu: \"{h['rekomendasi']}\"")
