"""Top-level commands: init, riwayat, demo."""


from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka, bilangan_bulat, bantuan_tanggal


def init(db: OpsiDB = None) -> None:
    """Buat basis data baru (berkas SQLite, hanya bisa dibaca pemiliknya).

    Contoh: kinerja init --db /data/bkpsdm/kinerja.db
    """
    from .. import output
    from ..store.db import buat_db, lokasi_db

    from .umum import periksa_lokasi_db

    path = lokasi_db(db)
    if path.exists() or path.parent.is_dir():
        periksa_lokasi_db(path)  # a new database on a network drive: said before it is made
    if buat_db(path):
        output.sukses(f"Basis data dibuat: {path}")
        output.info("Langkah berikutnya: kinerja pegawai impor DAFTAR_PEGAWAI.xlsx")
    else:
        output.info(f"Basis data sudah ada: {path} (skema diperiksa dan diperbarui bila perlu).")


def riwayat(
    nip: Annotated[Optional[str], typer.Option("--nip", help="Hanya perubahan tentang pegawai ini.")] = None,
    sejak: Annotated[Optional[str], typer.Option("--sejak", help=bantuan_tanggal("Sejak tanggal")[:-1]
                                                 + "; atau tanggal dan jam \"31/01/2026 08:00\" (waktu setempat komputer ini).")] = None,
    batas: Annotated[int, typer.Option("--batas", help="Jumlah baris terbaru yang ditampilkan (0: semua).", parser=bilangan_bulat, metavar="<bilangan>")] = 200,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Tampilkan log audit: apa yang berubah, kapan, oleh siapa, dengan perintah apa.

    Contoh: kinerja riwayat --nip 196711101992031001 --sejak 2026-01-01
    """
    from .. import output
    from ..services import riwayat

    if batas < 0:  # wrong usage (exit 2), like a non-number
        raise typer.BadParameter(f"{batas} tidak bisa dipakai: isi 0 untuk semua baris, atau jumlah baris terbaru",
                                 param_hint="'--batas'")
    if sejak and not riwayat.tanggal_sah(sejak):
        raise typer.BadParameter(f"'{sejak}' bukan tanggal; tulis misalnya 2026-01-31, 31-01-2026 atau 31/01/2026 (atau \"31/01/2026 08:00\")",
                                 param_hint="'--sejak'")
    baris = riwayat.riwayat(buka(db), nip, sejak, batas)
    isi = (("lama", "Lama", 1), ("baru", "Baru", 1))  # machine output keeps both values whole
    if fmt is Format.tabel:  # people read only what changed
        # a composite key (2026/NIP/NIP of a behaviour score) wraps between its parts, never inside a NIP
        baris = [{**b, "waktu": riwayat.waktu_lokal(b["waktu"]), "perubahan": riwayat.perubahan(b["lama"], b["baru"]),
                  "kunci": (b["kunci"] or "").replace("/", " / ") or b["kunci"]}
                 for b in baris]
        isi = (("perubahan", "Perubahan", 1),)
    else:  # local time with its offset: unambiguous for scripts
        baris = [{**b, "waktu": riwayat.waktu_lokal(b["waktu"], iso=True)} for b in baris]
    jenis = {"waktu": output.UTUH, "kunci": output.PECAH}  # a key 'periode/NIP' breaks at '/', never in the NIP
    kolom = [output.Kolom(k, j, penting=p, jenis=jenis.get(k)) for k, j, p in (
        ("id", "No", 1), ("waktu", "Waktu", 2), ("pengguna", "Pengguna", 6), ("perintah", "Perintah", 5),
        ("tabel", "Tabel", 4), ("kunci", "Kunci", 3), ("aksi", "Aksi", 3), *isi)]
    output.tampilkan(baris, kolom, fmt.value, judul="Riwayat perubahan", kosong="Belum ada perubahan tercatat.")


def demo(
    folder: Annotated[Path, typer.Option("--folder", help="Folder tempat basis data demo dibuat.")] = Path("kinerja-demo"),
    unit: Annotated[str, typer.Option("--unit", help="Unit yang tabel nilainya ditampilkan lengkap.")] = "DPMPTSP",
) -> None:
    """Bangun basis data demo dari contoh_data/ (Kota Bukittinggi, 302 pegawai) lalu tampilkan hasil periode 2026.

    Periode 2026 memakai metode permenpan6 (rating ditetapkan atasan langsung); di sampingnya periode 2025
    bermetode pp30 (nilai angka PP 30/2019) dari SKP contoh yang sama, sudah ditutup.

    Basis data Anda sendiri tidak disentuh: demo memakai folder tersendiri (bawaan ./kinerja-demo/),
    dan rekap Excel ditulis di folder yang sama.

    Contoh: kinerja demo --folder /tmp/demo
    """
    from .. import output
    from ..output import nilai as output_nilai
    from ..services import demo
    from ..services import distribusi, nilai
    from ..store.db import buka_db
    from .umum import tutup_nanti

    with output.sibuk("Membangun basis data demo dari contoh_data/ ..."):
        h = demo.bangun(folder)
    output.tampilkan([{"langkah": a, "hasil": b} for a, b in h.langkah],
                     [output.Kolom("langkah", "Langkah"), output.Kolom("hasil", "Hasil")],
                     judul=f"Demo kinerja: data contoh {demo.PROFIL_DEMO['pemda']}")
    db = tutup_nanti(buka_db(h.db))  # closed at the command boundary (app.py)
    lap = nilai.laporan(db, demo.PERIODE, unit, ringkas=True)
    semua = [nilai.baris_keluaran(r) for r in nilai.laporan(db, demo.PERIODE, ringkas=True).rekaman]
    from ..services.instansi import dengan_singkatan

    output_nilai.tabel_nilai(dengan_singkatan(db, [nilai.baris_keluaran(r) for r in lap.rekaman]), lap.periode,
                             lap.metode, False)
    output.cetak("[bold]Seluruh pemerintah kota[/] — " + output_nilai.ringkasan_predikat(semua))
    lalu = [nilai.baris_keluaran(r) for r in nilai.laporan(db, demo.PERIODE_PP30, ringkas=True).rekaman]
    output.cetak(f"[bold]Pembanding: periode {demo.PERIODE_PP30}, metode pp30[/] (data SKP yang sama, nilai angka PP 30/2019) — "
                 + output_nilai.ringkasan_predikat(lalu) + "\n")
    output_nilai.tabel_distribusi(distribusi.distribusi(db, demo.PERIODE), demo.PERIODE,
                                  distribusi.kolom_predikat(db, demo.PERIODE))
    if h.dampak:
        output.cetak("\n[bold]Dampak pada layanan publik[/]")
        for kalimat in h.dampak:
            output.cetak(output.teks(f"• {kalimat}"))
    output.cetak(f"\nRekap Excel untuk pimpinan: [bold]{output.esc(h.rekap)}[/]")
    output.cetak(output.teks(f"Basis data demo: {h.db}\nCoba: kinerja nilai --periode {demo.PERIODE} --db {h.db} "
                             f"--urut nilai\n      kinerja nilai --periode {demo.PERIODE} --db {h.db} --nip NIP --rinci"
                             f"\n      kinerja nilai --periode {demo.PERIODE_PP30} --db {h.db} --unit {unit}"))


def daftarkan(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("riwayat")(riwayat)
    app.command("demo")(demo)
