"""kinerja aturan: the rules of a period, each with its source and the period's stored value."""


from typing import Annotated

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka

KOLOM = (("aturan", "Aturan"), ("berlaku", "Berlaku"), ("sumber", "Sumber"), ("nilai", "Nilai periode"),
         ("opsi", "Opsi periode buat"))


def aturan(
    periode: Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026.")],
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Aturan penilaian periode: setiap aturan dengan sumbernya (peraturan dan pasal, atau kebijakan lokal),
    nilai yang tersimpan bersama periode, dan opsi `kinerja periode buat` yang mengubahnya.

    Contoh: kinerja aturan -p 2026
    """
    from .. import output
    from ..services import periode as layanan

    p, baris = layanan.aturan(buka(db), periode)
    kolom = [output.Kolom("kunci", "Kunci")] if fmt != Format.tabel else []
    kolom += [output.Kolom(k, j) for k, j in KOLOM]
    output.tampilkan(baris, kolom, fmt.value,
                     judul=f"Aturan penilaian periode {p.kode} (metode {p.metode}, {p.status})",
                     catatan=f"Berlaku: apakah aturan dipakai pada metode {p.metode}. "
                             "Sumber \"kebijakan lokal\": pilihan instansi, disimpan bersama periode; "
                             "opsi \"-\": tidak dapat diubah per periode (teks peraturan, atau kebijakan lokal "
                             "yang tetap di kinerja).")


def daftarkan(app: typer.Typer) -> None:
    app.command("aturan")(aturan)
