"""kinerja sasaran ajukan|setujui|kembalikan|status: agreement of an employee's SKP with their atasan."""


from typing import Annotated, Optional

import typer

from ..validation.tanggal_id import tanggal_id
from .umum import Format, OpsiDB, OpsiFormat, buka, bantuan_tanggal

OpsiPeriode = Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026 atau 2026-T1.")]
ArgNip = Annotated[str, typer.Argument(help="NIP atau NI PPPK pegawai pemilik SKP.")]
OpsiOleh = Annotated[Optional[str], typer.Option("--oleh", help="NIP atasan langsung pegawai (sesuai daftar pegawai); "
                                                  "tidak ditulis (atau kepala-daerah / atasan-luar) bila pejabat "
                                                  "penilainya di luar daftar: atasan-luar (kinerja pegawai atasan-luar) "
                                                  "atau kepala daerah dari profil instansi.", show_default=False)]

# (key, header, right-aligned, number, importance on a narrow screen: 1 always shown, the highest hidden first)
KOLOM_STATUS = (("nip", "NIP", False, False, 1), ("nama", "Nama", False, False, 2), ("unit", "Unit Kerja", False, False, 6),
                ("baris_skp", "Baris SKP", True, False, 4), ("status", "Status SKP", False, False, 1),
                ("oleh", "Oleh (NIP)", False, False, 5), ("nama_oleh", "Oleh", False, False, 3),
                ("tanggal", "Tanggal", False, False, 3), ("alasan", "Alasan", False, False, 4))
GAYA_STATUS = {"draf": None, "diajukan": "cyan", "disetujui": "green", "dikembalikan": "yellow"}


def ajukan(nip: ArgNip, periode: OpsiPeriode, db: OpsiDB = None) -> None:
    """Pegawai mengajukan SKP-nya kepada atasan langsung (draf atau dikembalikan -> diajukan).

    Jumlah bobot baris SKP harus 100.

    Contoh: kinerja sasaran ajukan 198502142010012003 --periode 2026
    """
    from .. import output
    from ..services import persetujuan

    r = persetujuan.ajukan(buka(db), nip, periode)
    k = r["kepada"]
    if k is None:
        output.sukses(f"SKP {r['nama']} ({r['nip']}) periode {r['periode']} diajukan (sebelumnya {r['status_lama']}).")
        output.peringatan(f"{r['nama']} tidak punya atasan langsung di daftar pegawai, jadi belum ada yang dapat "
                          f"menyetujuinya. Catat atasannya: kinerja pegawai atasan-luar {r['nip']} --nama \"...\" "
                          "--jabatan \"...\" (atau isi NIP Atasan di daftar pegawai, atau catat kepala daerah di "
                          "profil instansi: kinerja instansi --kepala-nama \"...\").")
        return
    from ..kosakata import KEPALA_DAERAH

    kepada = {None: f"atasan langsung, {k['nama']}",
              KEPALA_DAERAH: f"kepala daerah (profil instansi), {k['nama']}"}.get(
                  k["luar"], f"atasannya di luar daftar pegawai, {k['nama']}")
    output.sukses(f"SKP {r['nama']} ({r['nip']}) periode {r['periode']} diajukan kepada {kepada} "
                  f"(sebelumnya {r['status_lama']}).")


def setujui(
    nip: ArgNip,
    periode: OpsiPeriode,
    oleh: OpsiOleh = None,
    tanggal: Annotated[Optional[str], typer.Option("--tanggal", help=bantuan_tanggal("Tanggal persetujuan", "hari ini"))] = None,
    db: OpsiDB = None,
) -> None:
    """Atasan langsung menyetujui SKP yang sudah diajukan (diajukan -> disetujui).

    Contoh: kinerja sasaran setujui 198502142010012003 --periode 2026 --oleh 198001012005011002 --tanggal 2026-01-15
    """
    from .. import output
    from ..services import persetujuan

    r = persetujuan.setujui(buka(db), nip, periode, oleh, tanggal)
    oleh = r["nama_oleh"] if r["oleh"] == r["nama_oleh"] else f"{r['nama_oleh']} ({r['oleh']})"
    output.sukses(f"SKP {r['nama']} ({r['nip']}) periode {r['periode']} disetujui oleh {oleh} "
                  f"pada {tanggal_id(r['tanggal'])}.")


def kembalikan(
    nip: ArgNip,
    periode: OpsiPeriode,
    alasan: Annotated[str, typer.Option("--alasan", help="Apa yang perlu diperbaiki pegawai (wajib).")],
    oleh: OpsiOleh = None,
    db: OpsiDB = None,
) -> None:
    """Atasan langsung mengembalikan SKP yang diajukan untuk diperbaiki, dengan alasan (diajukan -> dikembalikan).

    Contoh: kinerja sasaran kembalikan 198502142010012003 --periode 2026 --oleh 198001012005011002 --alasan "target RHK 2 terlalu rendah"
    """
    from .. import output
    from ..services import persetujuan

    r = persetujuan.kembalikan(buka(db), nip, periode, oleh, alasan)
    oleh = r["nama_oleh"] if r["oleh"] == r["nama_oleh"] else f"{r['nama_oleh']} ({r['oleh']})"
    output.sukses(f"SKP {r['nama']} ({r['nip']}) periode {r['periode']} dikembalikan oleh {oleh}: {r['alasan']}")


def status(
    periode: OpsiPeriode,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya unit kerja ini.")] = None,
    nip: Annotated[Optional[str], typer.Option("--nip", help="Hanya pegawai ini.")] = None,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Status persetujuan SKP setiap pegawai: draf, diajukan, disetujui atau dikembalikan.

    Contoh: kinerja sasaran status --periode 2026 --unit DPMPTSP --format csv > status-skp.csv
    """
    from .. import output
    from ..services import persetujuan

    baris = persetujuan.daftar(buka(db), periode, unit, nip)
    hitung = {s: sum(1 for b in baris if b["status"] == s) for s in GAYA_STATUS}
    catatan = ", ".join(f"{s} {n}" for s, n in hitung.items())
    output.tampilkan(baris, [output.Kolom(k, j, r, a, penting=p) for k, j, r, a, p in KOLOM_STATUS], fmt.value,
                     judul=f"Status persetujuan SKP periode {periode} ({len(baris)} pegawai)", catatan=catatan,
                     kosong=f"Belum ada SKP{f' pegawai {nip}' if nip else ''} pada periode {periode}.", gaya_baris=lambda b: GAYA_STATUS[b["status"]])


def daftarkan(app: typer.Typer) -> None:
    app.command("ajukan")(ajukan)
    app.command("setujui")(setujui)
    app.command("kembalikan")(kembalikan)
    app.command("status")(status)
