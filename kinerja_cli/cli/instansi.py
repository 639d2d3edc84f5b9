"""kinerja instansi"""


from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka


def _o(nama: str, bantuan: str):
    return Annotated[Optional[str], typer.Option(nama, help=bantuan + " Teks kosong \"\" menghapusnya.",
                                                 show_default=False)]


def instansi(
    pemda: _o("--pemda", "Nama pemerintah daerah, misalnya \"Pemerintah Kota Bukittinggi\" (baris pertama kop).") = None,
    nama: _o("--nama", "Nama instansi, misalnya \"Badan Kepegawaian dan Pengembangan Sumber Daya Manusia\".") = None,
    tempat: _o("--tempat", "Tempat di depan setiap tanggal tanda tangan (kota/kabupaten), misalnya Bukittinggi.") = None,
    alamat: _o("--alamat", "Alamat untuk kop.") = None,
    kontak: _o("--kontak", "Baris kontak kop: telepon, surel, laman.") = None,
    logo: Annotated[Optional[Path], typer.Option("--logo", help="Gambar logo kop (PNG atau JPG, paling besar 1 MB); "
                                                 "disimpan di dalam basis data.", show_default=False)] = None,
    hapus_logo: Annotated[bool, typer.Option("--hapus-logo", help="Hapus logo kop.")] = False,
    kepala_nama: _o("--kepala-nama", "Nama kepala daerah (pejabat penilai Sekretaris Daerah).") = None,
    kepala_jabatan: _o("--kepala-jabatan", "Jabatan kepala daerah: Wali Kota, Bupati, atau Gubernur (boleh diawali Pj., Plt., Plh.).") = None,
    ttd_jabatan: _o("--ttd-jabatan", "Jabatan pejabat yang menandatangani rekap, misalnya \"Kepala BKPSDM\".") = None,
    ttd_nama: _o("--ttd-nama", "Nama pejabat yang menandatangani rekap.") = None,
    ttd_nip: _o("--ttd-nip", "NIP pejabat yang menandatangani rekap (18 digit).") = None,
    ttd_pangkat: _o("--ttd-pangkat", "Pangkat penandatangan, misalnya \"Pembina Utama Muda (IV/c)\" atau IV/c.") = None,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Profil instansi untuk kop, tempat tanggal, dan penanda tangan setiap dokumen dan rekap.

    Tanpa opsi: tampilkan profil. Dengan opsi: ubah isian itu saja (tercatat di riwayat).

    Contoh: kinerja instansi --pemda "Pemerintah Kota Bukittinggi" --nama "Badan Kepegawaian dan Pengembangan
    Sumber Daya Manusia" --tempat Bukittinggi --logo logo.png

    Contoh: kinerja instansi --ttd-jabatan "Kepala BKPSDM" --ttd-nama "Drs. Ahmad" --ttd-nip 198009082009041482
    --ttd-pangkat IV/c
    """
    from .. import output
    from ..services import instansi as layanan

    teks = {"pemda": pemda, "instansi": nama, "tempat": tempat, "alamat": alamat, "kontak": kontak,
            "kepala_nama": kepala_nama, "kepala_jabatan": kepala_jabatan, "ttd_jabatan": ttd_jabatan,
            "ttd_nama": ttd_nama, "ttd_nip": ttd_nip, "ttd_pangkat": ttd_pangkat}
    conn = buka(db)
    if any(x is not None for x in teks.values()) or logo is not None or hapus_logo:
        h = layanan.atur(conn, logo, hapus_logo, **teks)
        data = h["profil"]
        if h["diubah"]:
            output.sukses(f"Profil instansi diubah: {', '.join(h['diubah'])}.")
            if layanan.catatan_beku(h["tetap_beku"]):
                output.info(layanan.catatan_beku(h["tetap_beku"]))
        else:
            output.info("Profil instansi tidak berubah (isian sama dengan yang tersimpan).")
    else:
        p = layanan.profil(conn)
        data = layanan.tampil(p)
        if p is None and fmt == Format.tabel:
            output.peringatan(layanan.PERINGATAN_KOSONG)
    _tampil(data, fmt.value)


def _tampil(data: dict, fmt: str) -> None:
    from .. import output
    from ..validation.instansi import LABEL, nip_cetak

    def render():
        baris = []
        for k, label in LABEL.items():
            x = data.get(k)
            if k == "ttd_nip" and x:
                x = nip_cetak(x)
            baris.append({"isian": label, "nilai": x if x else "-"})
        output.tampilkan(baris, [output.Kolom("isian", "Isian"), output.Kolom("nilai", "Nilai")], "tabel",
                         judul="Profil instansi")

    output.tampilkan_satu(data, fmt, render)


def daftarkan(app: typer.Typer) -> None:
    app.command("instansi")(instansi)
