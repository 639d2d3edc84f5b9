"""kinerja nilai: compute and show the period's ratings (the main job)."""


from enum import Enum
from typing import Annotated, Optional

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka

KOLOM_JSON = ("nip", "nama", "unit", "jabatan", "golongan", "nhk", "npk", "na", "predikat", "rating_hasil_kerja",
              "rating_hasil_kerja_langsung", "rating_perilaku", "rating_perilaku_langsung", "metode", "lengkap",
              "catatan", "ada_data", "aktif")
KOLOM_BANDING = ("nip", "nama", "unit", "nhk", "npk", "na", "predikat_pp30", "rating_hasil_kerja", "rating_perilaku",
                 "predikat_permenpan6", "sama", "lengkap", "ada_data")


class Urut(str, Enum):
    unit = "unit"
    nama = "nama"
    nilai = "nilai"
    jabatan = "jabatan"


def nilai(
    periode: Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026.")],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya unit kerja ini.")] = None,
    nip: Annotated[Optional[str], typer.Option("--nip", help="Hanya pegawai ini.")] = None,
    sub_unit: Annotated[Optional[str], typer.Option("--sub-unit", help="Hanya pegawai yang nama sub unitnya (unor SIASN) memuat teks ini.")] = None,
    urut: Annotated[Urut, typer.Option("--urut", help="Urutkan menurut unit, nama (tanpa gelar), nilai (tertinggi dulu), atau jabatan (atasan sebelum bawahan).")] = Urut.unit,
    hanya_lengkap: Annotated[bool, typer.Option("--hanya-lengkap", help="Tampilkan hanya pegawai yang datanya lengkap.")] = False,
    rinci: Annotated[bool, typer.Option("--rinci", help="Uraikan langkah demi langkah perhitungan satu pegawai (perlu --nip).")] = False,
    bandingkan: Annotated[bool, typer.Option("--bandingkan", help="Bandingkan metode pp30 dan permenpan6 berdampingan.")] = False,
    semua: Annotated[bool, typer.Option("--semua", help="Tampilkan juga pegawai nonaktif yang tidak punya data di periode ini.")] = False,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Hitung dan tampilkan nilai kinerja semua pegawai aktif dalam satu periode.

    Pegawai nonaktif (pensiun, mutasi) yang punya data di periode itu ikut ditampilkan, bertanda
    nonaktif; --semua menampilkan juga pegawai nonaktif tanpa data.

    Metode mengikuti periode: pp30 (NHK, NPK, NA, predikat) atau permenpan6 (rating dan matriks).
    Periode yang sudah ditutup menampilkan hasil bekunya.

    Contoh: kinerja nilai --periode 2026 --unit DPMPTSP --urut nilai

    Contoh: kinerja nilai --periode 2026 --nip 196711101992031001 --rinci
    """
    from .. import output
    from ..output import nilai as output_nilai
    from ..errors import DataTidakValid
    from ..services import nilai

    basis = buka(db)
    if rinci and not nip:
        raise DataTidakValid("--rinci menguraikan satu pegawai.", "Tambahkan --nip NIP.")
    if bandingkan:
        baris = nilai.bandingkan(basis, periode, unit, nip, urut.value, hanya_lengkap)
        if fmt is Format.tabel:
            from ..services.periode import wajib_ada

            output_nilai.tabel_banding(baris, wajib_ada(basis, periode))
        else:
            output.tampilkan(baris, [output.Kolom(k, k) for k in KOLOM_BANDING], fmt.value)
        return
    with output.sibuk("Menghitung nilai ..."):
        lap = nilai.laporan(basis, periode, unit, nip, urut.value, hanya_lengkap, ringkas=not rinci, semua=semua,
                            sub_unit=sub_unit)
    if lap.dari_snapshot:
        from ..validation.tanggal_id import tanggal_id

        output.info(f"Periode {lap.periode.kode} sudah ditutup ({tanggal_id(lap.periode.ditutup_pada)}): "
                    "hasil dibaca dari data beku saat penutupan.")
    if rinci:
        r = lap.rekaman[0]
        output.tampilkan_satu({**nilai.baris_keluaran(r), "rincian": r.ke_dict()}, fmt.value,
                              lambda: output_nilai.rinci(r, lap.periode, lap.dari_snapshot))
        return
    baris = [nilai.baris_keluaran(r) for r in lap.rekaman]
    if fmt is Format.tabel:
        if not baris:
            output.info("Belum ada pegawai yang datanya lengkap; tanpa --hanya-lengkap semua pegawai aktif ditampilkan."
                        if hanya_lengkap else f"Tidak ada pegawai dengan sub unit memuat '{sub_unit}'."
                        if sub_unit else "Tidak ada pegawai aktif yang cocok.")
            return
        from ..services.instansi import dengan_singkatan

        output_nilai.tabel_nilai(dengan_singkatan(basis, baris), lap.periode, lap.metode, lap.dari_snapshot)
    else:
        output.tampilkan(baris, [output.Kolom(k, k) for k in KOLOM_JSON], fmt.value)


def daftarkan(app: typer.Typer) -> None:
    app.command("nilai")(nilai)
