"""kinerja rating tetapkan|impor|terima-saran|hapus|daftar"""


from pathlib import Path
from typing import Annotated, Optional

import typer

from ..kosakata import KUNCI_RATING
from .umum import (Format, OpsiDB, OpsiFormat, OpsiLewatiGalat, OpsiSheet, OpsiTandai, OpsiTimpaTandai, OpsiUjiCoba,
                   buka, impor_berkas, laporkan_impor)

app = typer.Typer(help="Rating yang ditetapkan pejabat penilai (atasan langsung) pada metode permenpan6, dengan alasan. "
                  "Rating dari angka hanya saran sampai ditetapkan: satu per satu, diimpor dari sheet Rating, atau "
                  "saran satu unit diterima sekaligus." '\n\nContoh: kinerja rating tetapkan 198502142010012003 --periode 2026 --hasil-kerja di-atas --alasan "..."', no_args_is_help=True)

OpsiPeriode = Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026.")]


def _baca_rating(nilai: Optional[str]) -> Optional[str]:
    """The option's word read by the Rating sheet's own parser (validation.rating.baca_rating): 'Di Atas
    Ekspektasi', 'di atas', 'di-atas' ... -> 'di-atas'; an unknown word is a usage error (exit 2)."""
    from ..validation.rating import KATA_DITERIMA, RatingTidakDikenal, baca_rating

    try:
        return baca_rating(nilai)
    except RatingTidakDikenal:
        raise typer.BadParameter(f"'{nilai}' tidak dikenal; isi salah satu: {KATA_DITERIMA}.") from None


_BANTU_RATING = "Di Atas Ekspektasi, Sesuai Ekspektasi, Di Bawah Ekspektasi (atau di-atas, sesuai, di-bawah)."


@app.command("tetapkan")
def tetapkan(
    nip: Annotated[str, typer.Argument(help="NIP pegawai.")],
    periode: OpsiPeriode,
    alasan: Annotated[str, typer.Option("--alasan", help="Alasan penetapan (wajib, dicatat): alasan rating yang "
                                        "ditetapkan di perintah ini; alasan rating yang lain tetap.")],
    hasil_kerja: Annotated[Optional[str], typer.Option("--hasil-kerja", callback=_baca_rating,
                                                       help=f"Rating hasil kerja: {_BANTU_RATING}")] = None,
    perilaku: Annotated[Optional[str], typer.Option("--perilaku", callback=_baca_rating,
                                                    help=f"Rating perilaku kerja: {_BANTU_RATING}")] = None,
    oleh: Annotated[Optional[str], typer.Option("--oleh", help="NIP atasan langsung yang menetapkan.")] = None,
    db: OpsiDB = None,
) -> None:
    """Tetapkan rating hasil kerja dan/atau perilaku secara langsung; rating ini mengalahkan rating hitungan.

    Rating yang tidak disebut tetap seperti yang tersimpan, beserta alasannya; --alasan menjadi alasan
    setiap rating yang ditetapkan di perintah ini.

    Contoh: kinerja rating tetapkan 198502142010012003 --periode 2026 --hasil-kerja di-atas --alasan "target utama terlampaui jauh" --oleh 198001012005011002
    """
    from .. import output
    from ..services import rating

    h = rating.tetapkan(buka(db), nip, periode, hasil_kerja, perilaku, alasan, oleh)
    for p in h["peringatan"]:
        output.peringatan(p)
    nama = {None: "-", **KUNCI_RATING}
    keadaan = ", ".join(f"{judul} {nama[h[k]]}" + (f" (alasan: {h['alasan_' + k]})" if h[k] else "")
                        for judul, k in (("hasil kerja", "hasil_kerja"), ("perilaku", "perilaku")))
    keadaan += f"; pejabat penilai {h['pejabat_penilai'] or 'tidak tercatat'}"
    if h["aksi"] == "tetap":
        output.info(f"Rating langsung sudah sama ({keadaan}); tidak ada perubahan.")
    else:
        output.sukses(f"Rating langsung {'ditetapkan' if h['aksi'] == 'tambah' else 'diubah'}: {keadaan}.")


@app.command("impor")
def impor(
    berkas: Annotated[Path, typer.Argument(help="Berkas .xlsx dengan sheet Rating.")],
    periode: OpsiPeriode,
    sheet: OpsiSheet = None,
    uji_coba: OpsiUjiCoba = False,
    lewati_galat: OpsiLewatiGalat = False,
    tandai: OpsiTandai = None,
    timpa: OpsiTimpaTandai = False,
    db: OpsiDB = None,
) -> None:
    """Impor rating pejabat penilai dari sheet Rating (kolom: NIP, Rating Hasil Kerja, Rating Perilaku, Alasan,
    NIP Pejabat Penilai, Rekomendasi).

    Rating: Di Atas Ekspektasi, Sesuai Ekspektasi, Di Bawah Ekspektasi (huruf besar/kecil bebas). Pejabat
    penilai harus atasan langsung pegawai di daftar pegawai. Sel rating kosong: rating tersimpan tidak
    diubah; baris tanpa rating dan alasan dilewati. Rekomendasi (boleh tanpa rating): CATATAN/REKOMENDASI
    pejabat penilai di Dokumen Evaluasi, seperti kinerja evaluasi catat. Satu galat: seluruh berkas ditolak.

    Contoh: kinerja rating impor templat-dpmptsp.xlsx -p 2026 --dry-run
    """
    from ..services import rating

    h = impor_berkas(berkas, tandai, timpa,
                     lambda: rating.impor(buka(db), berkas, periode, sheet, uji_coba, lewati_galat, tandai))
    kosong = h.keterangan.get("kosong", 0)
    laporkan_impor(h, f"{h.ditambah} rating ditetapkan, {h.diubah} diubah, {h.tetap} tetap, "
                      f"{h.keterangan.get('baris_dilewati', 0)} baris dilewati"
                      + (f", {h.keterangan['rekomendasi']} rekomendasi dicatat" if h.keterangan.get("rekomendasi") else "")
                      + (f", {kosong} baris belum diisi." if kosong else "."))


@app.command("terima-saran")
def terima_saran(
    periode: OpsiPeriode,
    unit: Annotated[str, typer.Option("--unit", help="Unit kerja yang sarannya diterima.")],
    oleh: Annotated[str, typer.Option("--oleh", help="NIP pejabat yang menerima saran (dicatat): atasan langsung "
                                      "seorang pegawai unit itu, atau pimpinan unit (JPT/administrator); hanya "
                                      "untuk pegawai di bawahnya dalam rantai atasan.")],
    alasan: Annotated[str, typer.Option("--alasan", help="Alasan menerima saran (wajib, dicatat).")],
    uji_coba: OpsiUjiCoba = False,
    db: OpsiDB = None,
) -> None:
    """Terima saran rating dari angka sebagai rating pejabat penilai, untuk semua pegawai satu unit yang
    hasilnya masih saran dan datanya lengkap.

    Pejabat penilai tiap pegawai adalah atasan langsungnya di daftar pegawai; siapa yang menerima dan
    alasannya dicatat di log audit. Saran hanya diterima untuk pegawai di bawah --oleh dalam rantai atasan
    (tidak untuk diri sendiri atau atasannya). Pegawai lain dan yang datanya belum lengkap dilewati, dengan
    alasannya.

    Contoh: kinerja rating terima-saran --unit DPMPTSP -p 2026 --oleh 198001012005011002 --alasan "sesuai bukti dukung"
    """
    from .. import output
    from ..services import rating

    h = rating.terima_saran(buka(db), periode, unit, oleh, alasan, uji_coba)
    if h["dilewati"]:
        output.tampilkan(h["dilewati"], [output.Kolom("nip", "NIP"), output.Kolom("nama", "Nama"),
                                         output.Kolom("alasan", "Dilewati karena")],
                         judul=f"Dilewati ({len(h['dilewati'])})")
    awalan = "Uji coba (tidak disimpan): " if h["uji_coba"] else ""
    teks = (f"{awalan}{len(h['ditetapkan'])} pegawai ditetapkan dari saran, {len(h['dilewati'])} dilewati, "
            f"{h['sudah']} sudah ditetapkan sebelumnya.")
    (output.sukses if h["ditetapkan"] else output.info)(teks)


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

    h = rating.hapus(buka(db), nip, periode, alasan)
    nama = {None: "-", **KUNCI_RATING}
    output.sukses(f"Rating langsung {h['nama']} ({h['nip']}) periode {h['periode']} dihapus (hasil kerja "
                  f"{nama.get(h['hasil_kerja'], h['hasil_kerja'])}, perilaku {nama.get(h['perilaku'], h['perilaku'])}; "
                  "tercatat di log audit). Rating hitungan berlaku kembali.")


@app.command("daftar")
def daftar(periode: OpsiPeriode, fmt: OpsiFormat = Format.tabel, db: OpsiDB = None) -> None:
    """Daftar rating langsung pada suatu periode, tiap rating dengan alasannya.

    JSON/CSV: alasan_hasil_kerja dan alasan_perilaku; kolom alasan (untuk skrip lama) berisi kedua alasan
    dalam satu teks: alasan itu saja bila keduanya sama atau hanya satu rating ditetapkan, selain itu
    "hasil kerja: ...; perilaku: ...". Pejabat penilai tiap rating: oleh_hasil_kerja dan oleh_perilaku (NIP,
    dengan nama_oleh_*); kolom oleh (untuk skrip lama) berisi pejabat penilai yang terakhir menetapkan rating.

    Contoh: kinerja rating daftar --periode 2026 --format csv
    """
    from .. import output
    from ..services import rating

    baris = rating.daftar(buka(db), periode)
    if fmt is Format.tabel:  # on screen the regulation's words; scripts keep the stable keys
        label = KUNCI_RATING
        baris = [{**b, "hasil_kerja": label.get(b["hasil_kerja"], b["hasil_kerja"]),
                  "perilaku": label.get(b["perilaku"], b["perilaku"])} for b in baris]
    kolom = [output.Kolom(k, j, penting=p) for k, j, p in (  # p: importance on a narrow screen (1 always shown)
        ("nip", "NIP", 1), ("nama", "Nama", 2), ("unit", "Unit Kerja", 6), ("hasil_kerja", "Rating Hasil Kerja", 1),
        ("alasan_hasil_kerja", "Alasan Hasil Kerja", 4), ("perilaku", "Rating Perilaku", 1),
        ("alasan_perilaku", "Alasan Perilaku", 4), ("nama_oleh_hasil_kerja", "Penilai Hasil Kerja", 3),
        ("nama_oleh_perilaku", "Penilai Perilaku", 3), ("diubah", "Diubah", 7))]  # each rating's pejabat penilai
    if fmt is not Format.tabel:  # scripts written before the reasons were split read `alasan`: both in one text;
        kolom.insert(7, output.Kolom("alasan", "alasan"))  # before 0014 they read `oleh`: who last set a rating
        kolom[8:8] = [output.Kolom("oleh", "oleh"), output.Kolom("nama_oleh", "nama_oleh"),
                      output.Kolom("oleh_hasil_kerja", "oleh_hasil_kerja"), output.Kolom("oleh_perilaku", "oleh_perilaku")]
    else:  # on screen: the name with the NIP, the NIP alone for a name not in the roster, and the name with
        from ..kosakata import pejabat_tampil  # its kind for one outside the roster

        baris = [{**b, **{f"nama_oleh_{k}": pejabat_tampil(b[f"oleh_{k}"], b[f"nama_oleh_{k}"])
                          for k in ("hasil_kerja", "perilaku")}} for b in baris]
    output.tampilkan(baris, kolom, fmt.value, judul=f"Rating langsung {periode.upper()} ({len(baris)})",
                     kosong="Belum ada rating langsung pada periode ini.")
