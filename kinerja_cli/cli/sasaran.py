"""kinerja sasaran impor|tambah|daftar|salin (ajukan|setujui|kembalikan|status: cli/persetujuan.py;
lampiran|ekspektasi: cli/skp_lampiran.py)"""


from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import (Format, bilangan_bulat, OpsiDB, OpsiFormat, OpsiLewatiGalat, OpsiSheet, OpsiTandai, OpsiTimpaTandai, OpsiUjiCoba,
                   buka, impor_berkas, laporkan_impor)

app = typer.Typer(help="SKP: rencana hasil kerja, indikator, target dan bobot per pegawai per periode; "
                  "persetujuan SKP oleh atasan langsung (ajukan, setujui, kembalikan, status); lampiran SKP dan ekspektasi "
                  "khusus pimpinan (lampiran, ekspektasi)." "\n\nContoh: kinerja sasaran impor skp-dpmptsp.xlsx --periode 2026",
                  no_args_is_help=True)

OpsiPeriode = Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026 atau 2026-T1.")]


class Jenis(str, Enum):
    utama = "utama"
    tambahan = "tambahan"


class Aspek(str, Enum):
    kuantitas = "kuantitas"
    kualitas = "kualitas"
    waktu = "waktu"
    biaya = "biaya"


class Arah(str, Enum):
    naik = "naik"
    turun = "turun"


# (key, header, right-aligned, number, importance on a narrow screen: 1 always shown, the highest hidden first)
KOLOM_DAFTAR = (("nip", "NIP", False, False, 1), ("nama", "Nama", False, False, 4), ("nomor", "No", True, False, 1),
                ("jenis", "Jenis", False, False, 7), ("rhk", "RHK", False, False, 6),
                ("rhk_atasan_nomor", "RHK Atasan", True, False, 9), ("aspek", "Aspek", False, False, 8),
                ("indikator", "Indikator", False, False, 2), ("target", "Target", True, False, 2),
                ("satuan", "Satuan", False, False, 5), ("bobot", "Bobot (%)", True, True, 3), ("arah", "Arah", False, False, 8),
                ("target_maksimal", "Target Maks", False, False, 9), ("realisasi", "Realisasi", True, True, 1),
                # last, so that the columns of --format csv/json before it stay where scripts expect them
                ("perspektif", "Perspektif", False, False, 9))


@app.command("impor")
def impor(
    berkas: Annotated[Path, typer.Argument(help="Berkas .xlsx berisi sheet Sasaran.")],
    periode: OpsiPeriode,
    sheet: OpsiSheet = None,
    uji_coba: OpsiUjiCoba = False,
    lewati_galat: OpsiLewatiGalat = False,
    tandai: OpsiTandai = None,
    timpa: OpsiTimpaTandai = False,
    db: OpsiDB = None,
) -> None:
    """Impor SKP dari Excel (kolom: NIP, Nomor, Jenis, RHK, RHK Atasan (Nomor), Aspek, Perspektif, Indikator, Target, Satuan, Bobot (%), Arah, Target Maksimal).

    Baris SKP setiap pegawai yang ada di berkas diganti seluruhnya untuk periode itu; pegawai lain tidak
    tersentuh. Jumlah bobot tiap pegawai harus 100. Realisasi yang sudah dicatat tetap tersimpan.
    SKP yang diajukan/disetujui dan barisnya berubah kembali ke draf. Kolom Status SKP (boleh kosong)
    diterapkan setelah baris: draf, diajukan, disetujui atau dikembalikan (dua terakhir dicatat atas nama
    atasan langsung, "dari impor berkas").

    Contoh: kinerja sasaran impor skp-dpmptsp.xlsx --periode 2026 --tandai skp-dpmptsp.galat.xlsx
    """
    from ..services import sasaran
    from ..services.impor_umum import baris_dilewati

    h = impor_berkas(berkas, tandai, timpa,
                     lambda: sasaran.impor(buka(db), berkas, periode, sheet, uji_coba, lewati_galat, tandai))
    laporkan_impor(h, f"{h.keterangan.get('pegawai', 0)} pegawai; baris SKP {h.ditambah} ditambah, {h.diubah} diubah, "
                      f"{h.keterangan.get('dihapus', 0)} dihapus, {h.tetap} tetap, {baris_dilewati(h)} baris dilewati"
                      + (f", {h.keterangan['kosong']} baris templat belum diisi" if h.keterangan.get("kosong") else "")
                      + (f"; status SKP {h.keterangan['status_diubah']} pegawai diubah dari kolom Status SKP"
                         if h.keterangan.get("status_diubah") else "") + ".")


@app.command("tambah")
def tambah(
    nip: Annotated[str, typer.Argument(help="NIP atau NI PPPK.")],
    periode: OpsiPeriode,
    rhk: Annotated[str, typer.Option("--rhk", help="Rencana hasil kerja.")],
    indikator: Annotated[str, typer.Option("--indikator", help="Indikator kinerja individu.")],
    target: Annotated[str, typer.Option("--target", help="Angka (95 atau 95,5) atau rentang (80-90).")],
    bobot: Annotated[str, typer.Option("--bobot", help="Bobot dalam persen (jumlah semua baris pegawai: 100).")],
    satuan: Annotated[Optional[str], typer.Option("--satuan", help="Satuan target, misalnya %, dokumen, hari.")] = None,
    arah: Annotated[Arah, typer.Option("--arah", help="naik: makin tinggi makin baik; turun: makin rendah makin baik.")] = Arah.naik,
    jenis: Annotated[Jenis, typer.Option("--jenis", help="RHK utama atau tambahan.")] = Jenis.utama,
    aspek: Annotated[Aspek, typer.Option("--aspek", help="Aspek indikator.")] = Aspek.kuantitas,
    target_maksimal: Annotated[bool, typer.Option("--target-maksimal", help="Target ini adalah capaian paling tinggi yang mungkin.")] = False,
    rhk_atasan: Annotated[Optional[int], typer.Option("--rhk-atasan", help="Nomor baris SKP atasan langsung yang diintervensi.", parser=bilangan_bulat, metavar="<bilangan>")] = None,
    nomor: Annotated[Optional[int], typer.Option("--nomor", help="Nomor baris (bawaan: nomor berikutnya; nomor yang sudah ada diganti).", parser=bilangan_bulat, metavar="<bilangan>")] = None,
    perspektif: Annotated[Optional[str], typer.Option("--perspektif", help="Perspektif hasil kerja (SKP JPT): Penerima Layanan, Proses Bisnis, Penguatan Internal atau Anggaran.", metavar="<perspektif>")] = None,
    db: OpsiDB = None,
) -> None:
    """Tambah satu baris SKP pegawai, atau ganti baris dengan --nomor yang sudah ada.

    Contoh: kinerja sasaran tambah 198502142010012003 --periode 2026 --rhk "Izin terbit tepat waktu" --indikator "Rata-rata hari proses izin" --target 5 --satuan hari --bobot 30 --arah turun --aspek waktu
    """
    from .. import output
    from ..services import sasaran
    from ..validation.angka import angka_id

    r = sasaran.tambah(buka(db), nip, periode, rhk, indikator, target, bobot, satuan, arah.value, jenis.value,
                       aspek.value, target_maksimal, rhk_atasan, nomor, perspektif)
    kata = {"tambah": "ditambahkan", "ubah": "diganti", "tetap": "sudah sama, tidak ada yang diubah"}[r["aksi"]]
    output.sukses(f"Baris SKP nomor {r['nomor']} {r['nama']} ({r['nip']}) periode {r['periode']} {kata}.")
    if not r["bobot_pas"]:
        output.peringatan(f"Jumlah bobot SKP {r['nama']} periode {r['periode']} sekarang {angka_id(r['jumlah_bobot'])}, "
                          "belum 100.")
    if r["kembali_draf"]:
        from ..services.sasaran_impor import teks_kembali_draf

        output.peringatan(teks_kembali_draf([{"nip": r["nip"], "nama": r["nama"], "status_lama": r["kembali_draf"]}],
                                            r["periode"]))


@app.command("daftar")
def daftar(
    periode: OpsiPeriode,
    nip: Annotated[Optional[str], typer.Option("--nip", help="Hanya pegawai ini.")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya unit kerja ini.")] = None,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Daftar baris SKP satu periode beserta realisasinya; jumlah bobot yang bukan 100 disebutkan.

    Contoh: kinerja sasaran daftar --periode 2026 --unit DPMPTSP --format csv > skp.csv
    """
    from .. import output
    from ..services import sasaran

    if nip and unit:
        raise typer.BadParameter("pilih salah satu: --nip atau --unit", param_hint="--nip/--unit")
    baris, tidak_pas = sasaran.daftar(buka(db), periode, nip, unit)
    catatan = None
    if tidak_pas:
        catatan = "Jumlah bobot bukan 100: " + "; ".join(sasaran.teks_jumlah(d) for d in tidak_pas)
        if fmt != Format.tabel:
            output.peringatan(catatan)
    kolom = [output.Kolom(k, j, r, a, penting=p) for k, j, r, a, p in KOLOM_DAFTAR]
    if fmt == Format.tabel:  # on screen the Indonesian way, target and realisasi alike: 3.000, 95,5 and 80-90;
        from ..kosakata import NAMA_PERSPEKTIF  # the perspektif by its label
        from ..validation.angka import angka_id_tersimpan as a

        baris = [{**b, "target": a(b["target_lo"]) + (f"-{a(b['target_hi'])}" if b.get("target_hi") is not None else ""),
                  "realisasi": a(b["realisasi"]),
                  "perspektif": NAMA_PERSPEKTIF.get(b["perspektif"], b["perspektif"])} for b in baris]
    n = len({b["nip"] for b in baris})
    output.tampilkan(baris, kolom, fmt.value, judul=f"SKP periode {periode} ({n} pegawai, {len(baris)} baris)",
                     catatan=catatan, kosong="Belum ada baris SKP. Impor dengan: kinerja sasaran impor BERKAS --periode "
                     + periode)


@app.command("salin")
def salin(
    dari: Annotated[str, typer.Option("--dari", help="Periode asal, misalnya 2025.")],
    ke: Annotated[str, typer.Option("--ke", help="Periode tujuan (terbuka), misalnya 2026.")],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya pegawai unit kerja ini.")] = None,
    nip: Annotated[Optional[str], typer.Option("--nip", help="Hanya pegawai ini.")] = None,
    db: OpsiDB = None,
) -> None:
    """Salin baris SKP ke periode baru sebagai draf: target dan bobot tetap, realisasi tidak ikut.

    Lampiran SKP dan ekspektasi khusus pimpinan ikut disalin (kecuali pegawai sudah punya di periode tujuan).
    Pegawai yang sudah punya baris SKP di periode tujuan dilewati (tidak ada yang ditimpa); hanya pegawai aktif.

    Contoh: kinerja sasaran salin --dari 2025 --ke 2026 --unit DPMPTSP
    """
    from .. import output
    from ..services import sasaran

    if nip and unit:
        raise typer.BadParameter("pilih salah satu: --nip atau --unit", param_hint="--nip/--unit")
    from ..services.sasaran_tautan import teks as teks_tautan

    r = sasaran.salin(buka(db), dari, ke, unit, nip)
    output.sukses(f"SKP {len(r['disalin'])} pegawai ({r['baris']} baris) disalin dari periode {r['dari']} ke "
                  f"{r['ke']} sebagai draf; {len(r['dilewati'])} pegawai dilewati karena sudah punya SKP di periode "
                  f"{r['ke']}" + (f": {_beberapa(r['dilewati_nama'])}." if r["dilewati"] else "."))
    if r["nonaktif_nama"]:
        output.info(sasaran.teks_nonaktif(r["nonaktif_nama"]) + ".")
    lepas = r["tautan_dilepas"]
    if lepas:
        atasan = sorted({d["atasan"] for d in lepas if d["atasan"]})
        output.peringatan(
            f"RHK atasan tidak disalin pada {len(lepas)} baris, karena baris SKP atasan yang dirujuk tidak ada di "
            f"periode {r['ke']}: {_beberapa(teks_tautan(lepas))}. Kolom RHK Atasan baris itu dikosongkan. "
            + (f"Salin atau impor dulu SKP atasannya (kinerja sasaran salin --dari {r['dari']} --ke {r['ke']} --nip "
               f"{atasan[0]}), lalu isi lagi RHK Atasan lewat templat dan kinerja sasaran impor."
               if atasan else "Isi NIP atasan di daftar pegawai bila perlu."))
    if r.get("lampiran"):
        output.info(f"Lampiran SKP dan ekspektasi khusus pimpinan {r['lampiran']} pegawai ikut disalin.")
    if r["disalin"]:
        output.info(f"Isi realisasinya nanti dengan: kinerja realisasi impor BERKAS --periode {r['ke']}")


def _beberapa(nama: list[str], n: int = 5) -> str:
    """The first `n` of a list, then how many more ('A; B; C; dan 4 lainnya')."""
    return "; ".join(nama[:n]) + (f"; dan {len(nama) - n} lainnya" if len(nama) > n else "")


def _daftarkan_persetujuan() -> None:
    from . import persetujuan

    persetujuan.daftarkan(app)


def _daftarkan_lampiran() -> None:
    from . import skp_lampiran

    skp_lampiran.daftarkan(app)


_daftarkan_persetujuan()
_daftarkan_lampiran()
