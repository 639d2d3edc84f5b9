"""kinerja pelatihan impor|catat|daftar|rekap"""


from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import (Format, OpsiDB, OpsiFormat, OpsiTandai, OpsiTimpaTandai, bantuan_tanggal, bilangan_bulat, buka,
                   impor_berkas)

app = typer.Typer(help="Pengembangan kompetensi: catatan pelatihan (JP) dan rekap kekurangan 20 JP per tahun." "\n\nContoh: kinerja pelatihan rekap --tahun 2026 --prioritas",
                  no_args_is_help=True)

# (key, header, number, importance on a narrow screen: 1 always shown, the highest hidden first)
KOLOM_DAFTAR = (("id", "No", False, 1), ("nip", "NIP", False, 1), ("nama", "Nama", False, 2),
                ("unit", "Unit Kerja", False, 7), ("tanggal", "Tanggal", False, 3), ("kegiatan", "Kegiatan", False, 2),
                ("jenis", "Jenis", False, 5), ("jp", "JP", True, 1), ("penyelenggara", "Penyelenggara", False, 6))
KOLOM_REKAP = (("nip", "NIP", False, 1), ("nama", "Nama", False, 2), ("unit", "Unit Kerja", False, 7),
               ("status", "Status", False, 3), ("jumlah_kegiatan", "Kegiatan", False, 5), ("jp", "JP", True, 1),
               ("ketentuan_jp", "Ketentuan JP", False, 6), ("kekurangan_jp", "Kekurangan JP", True, 2),
               ("melebihi_batas", "Melebihi Batas", False, 4), ("memenuhi", "Memenuhi", False, 3),
               ("predikat_terburuk", "Predikat Terburuk", False, 4),
               ("perlu_tindak_lanjut", "Perlu Tindak Lanjut", False, 6), ("prioritas", "Prioritas", False, 3))


def _kolom(spec) -> list:
    from .. import output

    return [output.Kolom(k, j, rata_kanan=k in ("jumlah_kegiatan", "id"), angka=a, penting=p) for k, j, a, p in spec]


@app.command("impor")
def impor(
    berkas: Annotated[Path, typer.Argument(help="Berkas .xlsx (kolom: NIP, Nama, Kegiatan (atau Nama Diklat), Jenis, Tanggal, JP, Penyelenggara).")],
    sheet: Annotated[Optional[str], typer.Option("--sheet", help="Nama sheet (bawaan: 'Pelatihan' atau sheet pertama yang cocok).")] = None,
    uji_coba: Annotated[bool, typer.Option("--dry-run", help="Periksa dan hitung saja, tanpa menyimpan.")] = False,
    lewati_galat: Annotated[bool, typer.Option("--lewati-galat", help="Simpan baris yang benar, lewati baris bergalat.")] = False,
    tandai: OpsiTandai = None,
    timpa: OpsiTimpaTandai = False,
    db: OpsiDB = None,
) -> None:
    """Impor catatan pengembangan kompetensi (pelatihan, workshop, seminar, coaching, e-learning) dari Excel.

    Tanggal: sel tanggal Excel atau teks TTTT-BB-HH / HH-BB-TTTT / HH/BB/TTTT. JP boleh berkoma (2,5).
    Kunci: NIP + kegiatan + tanggal; impor ulang berkas yang sama tidak mengubah apa pun.

    Contoh: kinerja pelatihan impor pelatihan_2026.xlsx --dry-run
    """
    from .. import output
    from ..services import pelatihan

    h = impor_berkas(berkas, tandai, timpa,
                     lambda: pelatihan.impor(buka(db), berkas, sheet, uji_coba, lewati_galat, tandai))
    output.tabel_masalah(h.dilewati + h.peringatan, judul="Baris dilewati dan peringatan")
    if h.keterangan.get("ditandai"):
        output.info(f"Sel bermasalah ditandai di: {h.keterangan['ditandai']}")
    for teks in h.keterangan.get("info", ()):
        output.info(teks)
    awalan = "Uji coba (tidak disimpan): " if h.uji_coba else "Impor selesai: "
    output.sukses(f"{awalan}{h.ditambah} ditambah, {h.diubah} diubah, {h.tetap} tetap, "
                  f"{len({m.baris for m in h.dilewati})} baris dilewati.")


@app.command("templat")
def templat(
    berkas: Annotated[Path, typer.Argument(help="Berkas .xlsx yang akan dibuat.")],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Isi awal: satu baris (NIP, Nama) per pegawai aktif unit ini.")] = None,
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa berkas yang sudah ada.")] = False,
    db: OpsiDB = None,
) -> None:
    """Buat buku kerja Pelatihan untuk diisi (kolom sesuai kinerja pelatihan impor, daftar pilihan Jenis).

    Contoh: kinerja pelatihan templat pelatihan-dpmptsp.xlsx --unit DPMPTSP
    """
    from .. import output
    from ..services import pelatihan

    h = pelatihan.templat(buka(db), berkas, unit, timpa)
    output.sukses(f"Templat pelatihan ditulis ke {h['berkas']}"
                  + (f": {h['pegawai']} pegawai {h['unit']}." if h["unit"] else "."))
    output.info(f"Setelah diisi: kinerja pelatihan impor {h['berkas']}")


@app.command("catat")
def catat(
    nip: Annotated[str, typer.Argument(help="NIP pegawai.")],
    kegiatan: Annotated[str, typer.Option("--kegiatan", help="Nama kegiatan.")],
    jenis: Annotated[str, typer.Option("--jenis", help="pelatihan, workshop, seminar, coaching, e-learning atau lainnya.")],
    tanggal: Annotated[str, typer.Option("--tanggal", help=bantuan_tanggal("Tanggal kegiatan"))],
    jp: Annotated[str, typer.Option("--jp", help="Jumlah jam pelajaran (boleh 2,5).")],
    penyelenggara: Annotated[Optional[str], typer.Option("--penyelenggara", help="Penyelenggara kegiatan.")] = None,
    db: OpsiDB = None,
) -> None:
    """Catat satu kegiatan pengembangan kompetensi seorang pegawai.

    Kegiatan yang sama (NIP, kegiatan, tanggal) diperbarui, tidak digandakan.

    Contoh: kinerja pelatihan catat 198502142010012003 --kegiatan "Bimtek SAKIP" --jenis pelatihan --tanggal 2026-03-15 --jp 8
    """
    from .. import output
    from ..services import pelatihan
    from ..validation.angka import angka_id

    c = pelatihan.catat(buka(db), nip, kegiatan, jenis, tanggal, jp, penyelenggara)
    for p in c["peringatan"]:
        output.peringatan(p)
    from ..validation.tanggal_id import tanggal_id

    teks = f"{c['kegiatan']} ({c['jenis']}, {tanggal_id(c['tanggal'])}, {angka_id(c['jp'])} JP) untuk {c['nama']}"
    if c["aksi"] == "tambah":
        output.sukses(f"Dicatat: {teks}.")
    elif c["aksi"] == "ubah":
        output.sukses(f"Diperbarui: {teks}.")
    else:
        output.info(f"Sudah tercatat, tidak ada perubahan: {teks}.")


@app.command("daftar")
def daftar(
    nip: Annotated[Optional[str], typer.Option("--nip", help="Hanya pegawai ini.")] = None,
    tahun: Annotated[Optional[int], typer.Option("--tahun", help="Hanya kegiatan pada tahun ini.", parser=bilangan_bulat, metavar="<bilangan>")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya unit kerja ini.")] = None,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Daftar kegiatan pengembangan kompetensi yang tercatat.

    Contoh: kinerja pelatihan daftar --unit DPMPTSP --tahun 2026
    """
    from decimal import Decimal

    from .. import output
    from ..services import pelatihan
    from ..validation.angka import angka_id

    baris = pelatihan.daftar(buka(db), nip, tahun, unit)
    total = sum((b["jp"] for b in baris), Decimal(0))
    output.tampilkan(baris, _kolom(KOLOM_DAFTAR), fmt.value, judul=f"Kegiatan pengembangan kompetensi ({len(baris)})",
                     catatan=f"Jumlah: {len(baris)} kegiatan, {angka_id(total)} JP",
                     kosong="Belum ada kegiatan pengembangan yang cocok.")


@app.command("rekap")
def rekap(
    tahun: Annotated[Optional[int], typer.Option("--tahun", help="Tahun kalender (bawaan: tahun ini).", parser=bilangan_bulat, metavar="<bilangan>")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya unit kerja ini.")] = None,
    periode: Annotated[Optional[str], typer.Option("--periode", "-p", help="Rekap seperti lembar Pengembangan rekap periode ini (periode yang sudah ditutup: keadaan saat ditutup).")] = None,
    prioritas: Annotated[bool, typer.Option("--prioritas", help="Tampilkan dulu pegawai prioritas: predikat Butuh Perbaikan/Cukup atau lebih buruk dan PNS dengan JP kurang.")] = False,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Rekap JP tiap pegawai aktif (dan pegawai nonaktif yang punya data di periode tahun itu) dalam satu tahun: PNS terhadap minimal 20 JP (PP 11/2017 Pasal 203 ayat 4),
    PPPK terhadap batas paling lama 24 JP (PP 49/2018 Pasal 40 ayat 1; PPPK tidak punya batas minimal).

    Predikat terburuk diambil dari periode penilaian yang mulai pada tahun itu; predikat Butuh Perbaikan
    (Cukup) atau lebih buruk perlu tindak lanjut, dan bila PNS itu juga kurang JP, pegawai itu prioritas.

    Dengan --periode: baris lembar Pengembangan rekap periode itu; periode yang sudah ditutup
    ditampilkan seperti saat ditutup (unit kerja, JP dan predikat saat itu).

    Contoh: kinerja pelatihan rekap --tahun 2026 --prioritas
    """
    from .. import output
    from ..errors import DataTidakValid
    from ..services import pelatihan
    from ..validation.angka import angka_id

    if tahun is not None and periode:
        raise DataTidakValid("--tahun dan --periode tidak dapat dipakai bersama.",
                             "Pakai --periode untuk rekap satu periode (seperti saat ditutup), --tahun untuk data terkini.")
    conn = buka(db)
    if periode:
        from ..services.pelatihan_periode import rekap_periode

        baris, th, catatan_awal = rekap_periode(conn, periode, unit, prioritas)
    else:
        th = tahun if tahun is not None else pelatihan.tahun_ini()
        baris, catatan_awal = pelatihan.rekap(conn, th, unit, prioritas), pelatihan.catatan_tahun(conn, th)
    for teks in catatan_awal:
        output.info(teks)
    r = pelatihan.ringkasan(baris)
    minimal = angka_id(pelatihan.MINIMAL_JP, 0)
    maks = angka_id(pelatihan.MAKSIMAL_JP_PPPK, 0)
    asal = f" (periode {periode})" if periode else ""
    judul = (f"Rekap pengembangan kompetensi {th}{asal}{' — ' + unit if unit else ''}: PNS minimal {minimal} JP per tahun "
             f"({pelatihan.DASAR_HUKUM_JP}); PPPK paling lama {maks} JP ({pelatihan.DASAR_HUKUM_JP_PPPK})")
    catatan = (f"{r['jumlah_pegawai']} pegawai; {r['di_bawah_minimal']} PNS di bawah {minimal} JP; "
               f"{r['pppk_melebihi_batas']} dari {r['pppk']} PPPK di atas {maks} JP; "
               f"{r['prioritas']} prioritas (predikat Butuh Perbaikan/Cukup atau lebih buruk dan PNS dengan JP kurang)")
    if fmt == Format.tabel:
        for b in baris:
            if b["melebihi_batas"]:
                output.peringatan(f"{b['nama']} ({b['nip']}), PPPK: {angka_id(b['jp'])} JP pada {th} melebihi batas "
                                  f"paling lama {maks} JP setahun masa perjanjian kerja ({pelatihan.DASAR_HUKUM_JP_PPPK}).")
    if fmt == Format.tabel:  # one who left (with data in the year's periods) is listed, marked as in `nilai`
        from ..kosakata import NONAKTIF

        baris = [b if b["aktif"] else {**b, "nama": f"{b['nama']} ({NONAKTIF})"} for b in baris]
    kolom = KOLOM_REKAP if fmt == Format.tabel else (*KOLOM_REKAP, ("aktif", "Aktif", False, 7))
    output.tampilkan(baris, _kolom(kolom), fmt.value, judul=judul, catatan=catatan,
                     kosong="Tidak ada pegawai yang cocok.",
                     gaya_baris=lambda b: "bold red" if b["prioritas"] else ("yellow" if not b["memenuhi"] else None))
