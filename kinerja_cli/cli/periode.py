"""kinerja periode buat|ubah|daftar|tutup|buka|hapus|pakai"""


from enum import Enum
from typing import Annotated, Optional

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka, konfirmasi, bantuan_tanggal

app = typer.Typer(help="Periode penilaian: buat, daftar, tutup (hasil dibekukan), buka kembali." "\n\nContoh: kinerja periode buat 2026 --metode pp30", no_args_is_help=True)


class Jenis(str, Enum):
    tahunan = "tahunan"
    triwulan = "triwulan"
    bulanan = "bulanan"


class YaTidak(str, Enum):
    ya = "ya"
    tidak = "tidak"


OpsiPersetujuan = Annotated[Optional[YaTidak], typer.Option(
    "--persetujuan-skp", help="ya: SKP harus diajukan pegawai dan disetujui atasan (alur persetujuan, kolom Status "
    "SKP dipakai); tidak: tanpa alur persetujuan.", show_default=False)]


class Metode(str, Enum):
    pp30 = "pp30"
    permenpan6 = "permenpan6"


class Ya(str, Enum):
    ya = "ya"
    tidak = "tidak"


class CaraBulat(str, Enum):
    setengah_ke_atas = "setengah-ke-atas"
    setengah_genap = "setengah-genap"
    ke_bawah = "ke-bawah"


_ATURAN = "Aturan (kebijakan lokal, disimpan bersama periode)"


@app.command("buat")
def buat(
    kode: Annotated[str, typer.Argument(help="2026 (tahunan), 2026-T1 (triwulan) atau 2026-01 (bulanan).")],
    jenis: Annotated[Optional[Jenis], typer.Option("--jenis", help="Jenis periode (bawaan: dari kode).")] = None,
    mulai: Annotated[Optional[str], typer.Option("--mulai", help=bantuan_tanggal("Tanggal mulai", "dari kode"))] = None,
    selesai: Annotated[Optional[str], typer.Option("--selesai", help=bantuan_tanggal("Tanggal selesai", "dari kode"))] = None,
    metode: Annotated[Optional[Metode], typer.Option("--metode", help="permenpan6 (bawaan: PermenPANRB 6/2022, rating oleh pejabat penilai) atau pp30 (nilai angka, PP 30/2019).", show_default=False)] = None,
    persetujuan_skp: OpsiPersetujuan = None,
    penilaian_360: Annotated[Optional[Ya], typer.Option("--penilaian-360", help="PP 30/2019 Pasal 41 ayat 2-4: ya (bawaan) = rekan dan bawahan ikut dihitung, NA 60/40 untuk semua; tidak = hanya atasan, NA 70/30.", show_default=False, rich_help_panel=_ATURAN)] = None,
    pembulatan_desimal: Annotated[Optional[str], typer.Option("--pembulatan-desimal", metavar="<bilangan>", help="Jumlah desimal setiap langkah (r), 0-6 (bawaan 2).", show_default=False, rich_help_panel=_ATURAN)] = None,
    pembulatan: Annotated[Optional[CaraBulat], typer.Option("--pembulatan", help="Cara pembulatan (bawaan setengah-ke-atas).", show_default=False, rich_help_panel=_ATURAN)] = None,
    bobot_atasan: Annotated[Optional[str], typer.Option("--bobot-atasan", metavar="<angka>", help="Bobot atasan dalam NPK (bawaan 60).", show_default=False, rich_help_panel=_ATURAN)] = None,
    bobot_rekan: Annotated[Optional[str], typer.Option("--bobot-rekan", metavar="<angka>", help="Bobot rekan kerja dalam NPK (bawaan 20).", show_default=False, rich_help_panel=_ATURAN)] = None,
    bobot_bawahan: Annotated[Optional[str], typer.Option("--bobot-bawahan", metavar="<angka>", help="Bobot bawahan dalam NPK (bawaan 20).", show_default=False, rich_help_panel=_ATURAN)] = None,
    ambang_di_atas: Annotated[Optional[str], typer.Option("--ambang-di-atas", metavar="<angka>", help="Saran rating Di Atas Ekspektasi mulai nilai ini (bawaan 110).", show_default=False, rich_help_panel=_ATURAN)] = None,
    ambang_sesuai: Annotated[Optional[str], typer.Option("--ambang-sesuai", metavar="<angka>", help="Saran rating Sesuai Ekspektasi mulai nilai ini (bawaan 90).", show_default=False, rich_help_panel=_ATURAN)] = None,
    capaian_rentang: Annotated[Optional[str], typer.Option("--capaian-rentang", metavar="<angka>", help="Capaian (%) bila realisasi di dalam rentang target (bawaan 100).", show_default=False, rich_help_panel=_ATURAN)] = None,
    capaian_turun_min_nol: Annotated[Optional[bool], typer.Option("--capaian-turun-min-nol/--capaian-turun-boleh-negatif", help="Capaian arah turun tidak kurang dari 0 (bawaan: ya). Boleh negatif: nilai capaian IKI mengikuti rumus C / 59 × 49, jadi ikut negatif dan menurunkan NHK.", show_default=False, rich_help_panel=_ATURAN)] = None,
    db: OpsiDB = None,
) -> None:
    """Buat periode penilaian. Metode dan semua parameter aturan disimpan bersama periode.

    Metode bawaan permenpan6 (PermenPANRB 6/2022, aturan yang berlaku); --metode pp30 untuk nilai angka
    PP 30/2019. Aturan dan sumbernya: kinerja aturan -p KODE.

    Contoh: kinerja periode buat 2026 --metode pp30 --penilaian-360 tidak
    """
    from .. import output
    from ..services import periode

    pengaturan = {"penilaian_360": penilaian_360.value if penilaian_360 else None,
                  "pembulatan_desimal": pembulatan_desimal, "pembulatan": pembulatan.value if pembulatan else None,
                  "bobot_atasan": bobot_atasan, "bobot_rekan": bobot_rekan, "bobot_bawahan": bobot_bawahan,
                  "ambang_di_atas": ambang_di_atas, "ambang_sesuai": ambang_sesuai,
                  "capaian_rentang": capaian_rentang, "capaian_turun_min_nol": capaian_turun_min_nol}
    m = metode.value if metode else periode.METODE_BAWAAN
    p = periode.buat(buka(db), kode, jenis.value if jenis else None, mulai, selesai, m, pengaturan,
                     persetujuan_skp == YaTidak.ya)
    from ..validation.tanggal_id import tanggal_id

    output.sukses(f"Periode {p.kode} ({p.jenis}, {tanggal_id(p.mulai)} s.d. {tanggal_id(p.selesai)}, metode {p.metode}, "
                  f"persetujuan SKP {'ya' if p.persetujuan_skp else 'tidak'}) dibuat.")
    for baris in periode.keterangan_metode(p, dipilih=metode is not None) + periode.keterangan_pengaturan(
            p, [k for k, v in pengaturan.items() if v is not None]):
        output.info(baris)


@app.command("ubah")
def ubah(
    kode: Annotated[str, typer.Argument(help="Kode periode.")],
    persetujuan_skp: OpsiPersetujuan = None,
    db: OpsiDB = None,
) -> None:
    """Ubah setelan periode yang masih terbuka (dicatat di log audit).

    Contoh: kinerja periode ubah 2026 --persetujuan-skp ya
    """
    from .. import output
    from ..services import periode

    if persetujuan_skp is None:
        raise typer.BadParameter("sebutkan setelan yang diubah, misalnya --persetujuan-skp ya",
                                 param_hint="--persetujuan-skp")
    r = periode.ubah(buka(db), kode, persetujuan_skp == YaTidak.ya)
    if not r["berubah"]:
        output.info(f"Periode {r['kode']}: persetujuan SKP sudah {persetujuan_skp.value}; tidak ada yang diubah.")
        return
    output.sukses(f"Periode {r['kode']}: persetujuan SKP sekarang {persetujuan_skp.value}"
                  + (" (SKP harus diajukan pegawai dan disetujui atasan langsung sebelum hasilnya lengkap)."
                     if persetujuan_skp == YaTidak.ya else " (status SKP tidak lagi menentukan kelengkapan)."))


@app.command("daftar")
def daftar(fmt: OpsiFormat = Format.tabel, db: OpsiDB = None) -> None:
    """Daftar periode dengan status dan jumlah data.

    Contoh: kinerja periode daftar --format json
    """
    from .. import output
    from ..services import periode

    kolom = [output.Kolom(k, j, r, penting=p) for k, j, r, p in (
        ("kode", "Kode", False, 1), ("jenis", "Jenis", False, 4), ("mulai", "Mulai", False, 3),
        ("selesai", "Selesai", False, 3), ("metode", "Metode", False, 2),
        ("persetujuan_skp", "Persetujuan SKP", False, 4), ("status", "Status", False, 2),
        ("sasaran", "Baris SKP", True, 5), ("realisasi", "Realisasi", True, 5), ("perilaku", "Penilaian perilaku", True, 5))]
    output.tampilkan(periode.daftar(buka(db)), kolom, fmt.value, judul="Periode penilaian",
                     kosong="Belum ada periode. Buat dengan: kinerja periode buat 2026")


@app.command("tutup")
def tutup(
    kode: Annotated[str, typer.Argument(help="Kode periode.")],
    ya: Annotated[bool, typer.Option("--ya", "-y", help="Tanpa pertanyaan konfirmasi (untuk skrip).")] = False,
    db: OpsiDB = None,
) -> None:
    """Tutup periode: hasil semua pegawai dibekukan, dan semua perubahan data periode ditolak.

    Di terminal ditanyakan konfirmasi dulu; skrip memakai --ya.

    Contoh: kinerja periode tutup 2026
    """
    from .. import output
    from ..services import penutupan

    basis = buka(db)
    if not ya:
        saran = penutupan.masih_saran(basis, kode)
        konfirmasi(f"Tutup periode {kode}? Hasil semua pegawai dibekukan dan data periode tidak dapat diubah "
                   "sampai dibuka kembali.", f"kinerja periode tutup {kode} --ya",
                   f"{saran} hasil masih berupa saran rating (belum ditetapkan pejabat penilai); tetapkan dulu dengan "
                   f"kinerja rating impor / terima-saran -p {kode}" if saran else None)
    with output.sibuk("Menghitung dan membekukan hasil semua pegawai ..."):
        h = penutupan.tutup(basis, kode)
    k = h.periode.kode
    output.sukses(f"Periode {k} ditutup; hasil {h.jumlah_hasil} pegawai dibekukan.")
    if h.tidak_lengkap:
        output.peringatan(f"{h.tidak_lengkap} pegawai dibekukan dengan data belum lengkap"
                          + (f" ({h.tanpa_data} tanpa data sama sekali)" if h.tanpa_data else "")
                          + f". Lihat: kinerja nilai --periode {k}; bila perlu dibetulkan: "
                          f'kinerja periode buka {k} --alasan "..."')
    if h.saran:  # said with --ya too: the question's warning is not the only place it is told
        output.peringatan(f"{h.saran} hasil dibekukan masih berupa saran rating (belum ditetapkan pejabat penilai); "
                          f'untuk menetapkannya: kinerja periode buka {k} --alasan "...", lalu kinerja rating impor / '
                          f"terima-saran -p {k}")


@app.command("buka")
def buka_kembali(
    kode: Annotated[str, typer.Argument(help="Kode periode.")],
    alasan: Annotated[str, typer.Option("--alasan", help="Alasan membuka kembali (dicatat di log audit).")],
    db: OpsiDB = None,
) -> None:
    """Buka kembali periode yang ditutup (hasil beku dibuang, alasan dicatat).

    Contoh: kinerja periode buka 2026 --alasan "koreksi realisasi DPMPTSP"
    """
    from .. import output
    from ..services import periode

    p = periode.buka(buka(db), kode, alasan)
    output.sukses(f"Periode {p.kode} dibuka kembali.")


@app.command("pakai")
def pakai(
    kode: Annotated[Optional[str], typer.Argument(help="Kode periode bawaan (kosong: tampilkan yang berlaku).")] = None,
    lupakan: Annotated[bool, typer.Option("--lupakan", help="Hapus periode bawaan; -p wajib lagi.")] = False,
    db: OpsiDB = None,
) -> None:
    """Tetapkan periode bawaan: -p/--periode boleh tidak ditulis, dan setiap keluaran menyebut periodenya.

    Variabel KINERJA_PERIODE, bila diisi, menang atas periode bawaan ini; -p selalu menang.

    Contoh: kinerja periode pakai 2026
    """
    import os

    from .. import output
    from ..services import periode

    basis = buka(db)
    if lupakan:
        periode.pakai(basis, None)
        output.sukses("Periode bawaan dihapus; sebutkan periode dengan -p/--periode.")
        return
    if kode is None:
        k = periode.bawaan(basis)
        env = os.environ.get(periode.VAR_PERIODE, "").strip()
        if env:
            output.info(f"Periode bawaan: {env} (dari {periode.VAR_PERIODE})" + (f"; tersimpan: {k}." if k else "."))
        elif k:
            output.info(f"Periode bawaan: {k}.")
        else:
            output.info("Belum ada periode bawaan. Tetapkan dengan: kinerja periode pakai 2026")
        return
    p = periode.pakai(basis, kode)
    output.sukses(f"Periode bawaan sekarang {p.kode}: -p/--periode boleh tidak ditulis.")
