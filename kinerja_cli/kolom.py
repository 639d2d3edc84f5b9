"""Column layouts of every workbook kinerja reads and writes.

One place for the headers: the templates write them, the importers find them
(case- and space-insensitive, with the aliases real spreadsheets use), the
sample data generator uses them. Pure data shared by excel, validation, store and
services, so it sits below them all; no openpyxl.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .kosakata import ASPEK_BERAKHLAK, NAMA_ASPEK, NAMA_PERSPEKTIF, PERAN, RATING

# THE stored fields of an SKP row (table sasaran), in store order: store.sasaran.KOLOM, the staging
# table, the audit JSON, the templates' reads and the parser's output tuple all follow this list.
# A new SKP field is added here (and as a Kolom of SASARAN below when the sheet carries it).
KOLOM_SKP = ("nomor", "jenis", "rhk", "rhk_atasan_nomor", "aspek", "indikator", "target_lo", "target_hi", "satuan",
             "bobot", "arah", "target_maksimal", "perspektif")


# Allowed values of the drop-down columns of the templates (field key -> choices).
PILIHAN = {
    "jenis": ("utama", "tambahan"),
    "aspek": ("kuantitas", "kualitas", "waktu", "biaya"),
    "perspektif": tuple(NAMA_PERSPEKTIF.values()),  # the labels; keys and "Perspektif ..." are read too
    "arah": ("naik", "turun"),
    "target_maksimal": ("ya", "tidak"),
    "status_skp": ("draf", "diajukan", "disetujui", "dikembalikan"),
    "peran": PERAN,
    "rating_hk": RATING,  # the regulation's words (input is case-insensitive; di-atas, sesuai, di-bawah too)
    "rating_pk": RATING,
}


@dataclass(frozen=True)
class Kolom:
    key: str  # field name used in code
    judul: str  # header written in templates
    alias: tuple[str, ...] = ()  # other headers accepted on import
    wajib: bool = True  # import refused when the header is missing
    keterangan: str = ""  # shown in template instructions
    # optional column added later: a sheet without it leaves the stored values as they are (an older
    # workbook must not wipe what was set since); an empty cell in the column does clear the value
    tetap_bila_hilang: bool = False


@dataclass(frozen=True)
class Tata:
    """The layout of one sheet."""

    nama_sheet: str
    kolom: tuple[Kolom, ...] = field(default_factory=tuple)

    def wajib(self) -> list[Kolom]:
        return [k for k in self.kolom if k.wajib]


def normalisasi_judul(teks: object) -> str:
    """'  NIP  Atasan\nLangsung ' -> 'nipatasanlangsung' (header matching key)."""
    if teks is None:
        return ""
    s = str(teks)
    return _normalisasi_pendek(s) if len(s) <= 200 else _normalisasi_teks(s)


_PEMISAH_JUDUL = re.compile(r"[\s_.\-/()]+")


def _normalisasi_teks(s: str) -> str:
    return _PEMISAH_JUDUL.sub("", s.strip().lower())


# The header search asks for the same few texts thousands of times: a memo keyed by the text (never by
# the cell value: 1, 1.0 and True read differently), for short texts only so that memory stays small.
_normalisasi_pendek = functools.lru_cache(maxsize=4096)(_normalisasi_teks)


PEGAWAI = Tata(
    "Pegawai",
    (
        Kolom("nip", "NIP", ("NIP Baru", "NIP/NI PPPK", "NI PPPK", "NIP Pegawai", "Nomor Induk Pegawai")),
        Kolom("nama", "Nama", ("Nama Lengkap", "Nama Pegawai", "Nama ASN")),
        Kolom("jabatan", "Jabatan", ("Nama Jabatan", "Jabatan Terakhir"), wajib=False),
        Kolom("jenis_jabatan", "Jenis Jabatan", ("Jenis Jab", "Kelompok Jabatan"), wajib=False,
              keterangan="JPT, administrator, pengawas, pelaksana, fungsional"),
        Kolom("golongan", "Golongan", ("Gol/Ruang", "Gol", "Golongan/Ruang", "Pangkat/Gol", "Gol. Ruang"), wajib=False),
        Kolom("unit", "Unit Kerja", ("OPD", "Unit Organisasi", "Perangkat Daerah", "Satuan Kerja", "SKPD", "Unor")),
        Kolom("nip_atasan", "NIP Atasan", ("NIP Atasan Langsung", "Atasan Langsung", "NIP Pejabat Penilai"), wajib=False),
        Kolom("status", "Status", ("Status Kepegawaian", "Jenis Pegawai", "Kedudukan", "PNS/PPPK"), wajib=False,
              keterangan="PNS, CPNS, PPPK atau PPPK Paruh Waktu (kosong: dari NIP)"),
    ),
)

# What `pegawai impor` reads: the roster's columns and two extras read when a file has them.
PEGAWAI_IMPOR = Tata(
    "Pegawai",
    PEGAWAI.kolom + (
        Kolom("sub_unit", "Sub Unit", ("Sub Unit Kerja", "Subunit", "Unit Organisasi Terendah"), wajib=False),
        Kolom("eselon", "Eselon", (), wajib=False, keterangan="I.a s.d. IV.b; menentukan jenis jabatan struktural"),
    ),
)

# The header row of SIASN's roster export (BKN), in order: a file whose header row holds these is
# read as such an export (services.pegawai_siasn). Only the columns of SIASN below are ever read;
# the personal ones (NIK, NOMOR HP, ALAMAT, NPWP, BPJS, EMAIL ...) are never read nor stored.
JUDUL_SIASN = (
    "PNS ID", "NIP BARU", "NIP LAMA", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TEMPAT LAHIR ID",
    "TEMPAT LAHIR NAMA", "TANGGAL LAHIR", "JENIS KELAMIN", "AGAMA ID", "AGAMA NAMA", "JENIS KAWIN ID",
    "JENIS KAWIN NAMA", "NIK", "NOMOR HP", "EMAIL", "EMAIL GOV", "ALAMAT", "NPWP NOMOR", "BPJS",
    "JENIS PEGAWAI ID", "JENIS PEGAWAI NAMA", "KEDUDUKAN HUKUM ID", "KEDUDUKAN HUKUM NAMA", "STATUS CPNS PNS",
    "KARTU ASN VIRTUAL", "NOMOR SK CPNS", "TANGGAL SK CPNS", "TMT CPNS", "NOMOR SK PNS", "TANGGAL SK PNS",
    "TMT PNS", "GOL AWAL ID", "GOL AWAL NAMA", "GOL AKHIR ID", "GOL AKHIR NAMA", "TMT GOLONGAN", "MK TAHUN",
    "MK BULAN", "JENIS JABATAN ID", "JENIS JABATAN NAMA", "JABATAN ID", "JABATAN NAMA", "TMT JABATAN",
    "TINGKAT PENDIDIKAN ID", "TINGKAT PENDIDIKAN NAMA", "PENDIDIKAN ID", "PENDIDIKAN NAMA", "TAHUN LULUS",
    "KPKN ID", "KPKN NAMA", "LOKASI KERJA ID", "LOKASI KERJA NAMA", "UNOR ID", "UNOR NAMA", "INSTANSI INDUK ID",
    "INSTANSI INDUK NAMA", "INSTANSI KERJA ID", "INSTANSI KERJA NAMA", "SATUAN KERJA INDUK ID",
    "SATUAN KERJA INDUK NAMA", "SATUAN KERJA KERJA ID", "SATUAN KERJA KERJA NAMA", "IS VALID NIK",
    "NAMA SEKOLAH", "FLAG IKD",
)

SIASN = Tata(
    "SIASN",
    (
        Kolom("nip", "NIP BARU"),
        Kolom("nama", "NAMA"),
        Kolom("gelar_depan", "GELAR DEPAN"),
        Kolom("gelar_belakang", "GELAR BELAKANG"),
        Kolom("jenis_pegawai", "JENIS PEGAWAI NAMA", wajib=False),
        Kolom("kedudukan", "KEDUDUKAN HUKUM NAMA"),
        Kolom("status_cpns", "STATUS CPNS PNS"),
        Kolom("golongan", "GOL AKHIR NAMA"),
        Kolom("jenis_jabatan", "JENIS JABATAN NAMA"),
        Kolom("jabatan", "JABATAN NAMA"),
        Kolom("unor_id", "UNOR ID"),
        Kolom("unor_nama", "UNOR NAMA"),
    ),
)

# SIASN's unor hierarchy (HIERARKI_UNOR): the root is the pemda, names indented by depth.
HIERARKI = Tata(
    "Hierarki Unor",
    (
        Kolom("id", "ID", ("ID UNOR", "UNOR ID")),
        Kolom("nama", "NAMA_UNOR", ("NAMA UNOR", "UNOR NAMA")),
        Kolom("id_atasan", "ID_ATASAN", ("ID ATASAN", "DIATASAN ID", "ID UNOR ATASAN")),
    ),
)

# The workbook of `kinerja templat atasan`: read back by `pegawai impor` to set atasan links only.
ATASAN = Tata(
    "Atasan",
    (
        Kolom("nip", "NIP"),
        Kolom("nama", "Nama", wajib=False),
        Kolom("jabatan", "Jabatan", wajib=False),
        Kolom("sub_unit", "Sub Unit", wajib=False),
        Kolom("nip_atasan", "NIP Atasan"),
        Kolom("nama_atasan", "Nama Atasan", wajib=False),
    ),
)

SASARAN = Tata(
    "Sasaran",
    (
        Kolom("nip", "NIP", ("NIP Baru", "NIP Pegawai")),
        Kolom("nama", "Nama", ("Nama Pegawai", "Nama Lengkap"), wajib=False),
        Kolom("jabatan", "Jabatan", (), wajib=False),
        Kolom("nomor", "Nomor", ("No", "No.", "No Urut"), wajib=False,
              keterangan="urutan baris SKP pegawai (kosong: diberi nomor otomatis)"),
        Kolom("jenis", "Jenis", ("Jenis RHK",), wajib=False, keterangan="utama atau tambahan (kosong: utama)"),
        Kolom("rhk", "RHK", ("Rencana Hasil Kerja", "Rencana Hasil Kerja (RHK)")),
        Kolom("rhk_atasan", "RHK Atasan (Nomor)", ("RHK Atasan", "RHK Atasan yang Diintervensi", "Nomor RHK Atasan"),
              wajib=False, keterangan="nomor baris SKP atasan langsung yang diintervensi (boleh kosong)"),
        Kolom("aspek", "Aspek", (), wajib=False, keterangan="kuantitas, kualitas, waktu atau biaya (kosong: kuantitas)"),
        Kolom("perspektif", "Perspektif", ("Perspektif BSC", "Perspektif Balanced Scorecard"), wajib=False,
              keterangan="untuk SKP JPT: Penerima Layanan, Proses Bisnis, Penguatan Internal atau Anggaran (kosong: "
              "tanpa perspektif; bila kolom ini tidak ada di berkas, perspektif tersimpan tidak diubah)",
              tetap_bila_hilang=True),
        Kolom("indikator", "Indikator", ("Indikator Kinerja", "Indikator Kinerja Individu", "IKI")),
        Kolom("target", "Target", (), keterangan="angka (95 atau 95,5) atau rentang (80-90)"),
        Kolom("satuan", "Satuan", ("Satuan Target",), wajib=False),
        Kolom("bobot", "Bobot (%)", ("Bobot", "Bobot %"), keterangan="jumlah bobot satu pegawai harus 100"),
        Kolom("arah", "Arah", (), wajib=False, keterangan="naik (makin tinggi makin baik) atau turun (kosong: naik)"),
        Kolom("target_maksimal", "Target Maksimal", (), wajib=False, keterangan="ya atau tidak (kosong: tidak)"),
        Kolom("status_skp", "Status SKP", ("Status",), wajib=False,
              keterangan="draf, diajukan, disetujui atau dikembalikan (kosong: status tidak diubah; disetujui dan "
              "dikembalikan dicatat atas nama atasan langsung)"),
    ),
)

# The fill-in columns of the Sasaran sheet (not the pre-filled NIP, Nama, Jabatan): a row with none of
# them filled is a template row nobody filled in.
ISIAN_SASARAN = tuple(k.key for k in SASARAN.kolom if k.key not in ("nip", "nama", "jabatan"))

REALISASI = Tata(
    "Realisasi",
    (
        Kolom("nip", "NIP", ("NIP Baru", "NIP Pegawai")),
        Kolom("nama", "Nama", ("Nama Pegawai",), wajib=False),
        Kolom("nomor", "Nomor", ("No", "No.", "Nomor RHK")),
        Kolom("indikator", "Indikator", (), wajib=False),
        Kolom("target", "Target", (), wajib=False),
        Kolom("satuan", "Satuan", (), wajib=False),
        Kolom("realisasi", "Realisasi", ("Capaian Realisasi", "Nilai Realisasi")),
        Kolom("bukti", "Bukti", ("Bukti Dukung", "Keterangan", "Tautan Bukti"), wajib=False),
    ),
)

PERILAKU = Tata(
    "Perilaku",
    (
        Kolom("nip", "NIP", ("NIP Dinilai", "NIP Pegawai", "NIP Yang Dinilai")),
        Kolom("nama", "Nama", ("Nama Pegawai",), wajib=False),
        Kolom("penilai", "NIP Penilai", ("Penilai", "NIP Rater")),
        Kolom("peran", "Peran", ("Peran Penilai", "Hubungan"), keterangan="atasan, rekan, bawahan atau diri"),
    )
    + tuple(
        Kolom(a, NAMA_ASPEK[a], (a.capitalize(),) if NAMA_ASPEK[a] != a.capitalize() else (), wajib=False,
              keterangan="skor 0-120")
        for a in ASPEK_BERAKHLAK
    ),
)

UMPAN_BALIK = Tata(
    "Umpan Balik",
    (
        Kolom("nip", "NIP", ("NIP Pegawai",)),
        Kolom("dari", "NIP Pemberi", ("Dari", "NIP Atasan", "Pemberi")),
        Kolom("tanggal", "Tanggal", (), wajib=False),
        Kolom("teks", "Umpan Balik", ("Catatan", "Teks")),
    ),
)

INOVASI = Tata(
    "Inovasi",
    (
        Kolom("nip", "NIP", ("NIP Pegawai",)),
        Kolom("uraian", "Uraian Inovasi", ("Inovasi", "Uraian")),
        Kolom("tanggal", "Tanggal", (), wajib=False),
    ),
)

PELATIHAN = Tata(
    "Pelatihan",
    (
        Kolom("nip", "NIP", ("NIP Pegawai", "NIP Baru")),
        Kolom("nama", "Nama", ("Nama Pegawai",), wajib=False),
        Kolom("kegiatan", "Kegiatan", ("Nama Kegiatan", "Nama Pelatihan", "Nama Diklat", "Diklat", "Judul")),
        Kolom("jenis", "Jenis", ("Jenis Kegiatan", "Jenis Pengembangan"), wajib=False,
              keterangan="pelatihan, workshop, seminar, coaching, e-learning atau lainnya"),
        Kolom("tanggal", "Tanggal", ("Tanggal Mulai", "Tgl")),
        Kolom("jp", "JP", ("Jumlah JP", "Jam Pelajaran", "Jumlah Jam Pelajaran")),
        Kolom("penyelenggara", "Penyelenggara", (), wajib=False),
    ),
)

LAYANAN = Tata(
    "Layanan",
    (
        Kolom("unit", "Unit Kerja", ("OPD", "Unit", "Perangkat Daerah")),
        Kolom("indikator", "Indikator", ("Nama Indikator", "Indikator Layanan")),
        Kolom("satuan", "Satuan", (), wajib=False),
        Kolom("arah", "Arah", (), wajib=False),
        Kolom("target", "Target", (), wajib=False),
        Kolom("periode", "Periode", ("Kode Periode",)),
        Kolom("nilai", "Nilai", ("Realisasi", "Capaian")),
        Kolom("sumber", "Sumber", ("Sumber Data", "Keterangan"), wajib=False),
    ),
)

# The pejabat penilai's ratings (permenpan6, PermenPANRB 6/2022): one row per employee.
RATING_PEJABAT = Tata(
    "Rating",
    (
        Kolom("nip", "NIP", ("NIP Pegawai", "NIP Baru", "NIP Dinilai")),
        Kolom("nama", "Nama", ("Nama Pegawai",), wajib=False),
        Kolom("rating_hk", "Rating Hasil Kerja", ("Rating HK",),
              keterangan="Di Atas Ekspektasi, Sesuai Ekspektasi atau Di Bawah Ekspektasi (kosong: tidak diubah)"),
        Kolom("rating_pk", "Rating Perilaku", ("Rating Perilaku Kerja", "Rating PK"),
              keterangan="Di Atas Ekspektasi, Sesuai Ekspektasi atau Di Bawah Ekspektasi (kosong: tidak diubah)"),
        Kolom("alasan", "Alasan", ("Alasan Penetapan", "Keterangan"),
              keterangan="alasan penetapan, berlaku untuk rating yang diisi di baris ini yang tidak punya alasannya "
                         "sendiri (wajib bila rating diisi tanpa alasan per rating)"),
        Kolom("oleh", "NIP Pejabat Penilai", ("Pejabat Penilai", "NIP Penilai", "NIP Atasan"),
              keterangan="NIP atasan langsung pegawai (pejabat penilai kinerja) "
                         "(kosong bila pejabat penilai di luar daftar pegawai)"),
        Kolom("rekomendasi", "Rekomendasi", ("Catatan/Rekomendasi", "Catatan Rekomendasi", "Catatan"), wajib=False,
              keterangan="CATATAN/REKOMENDASI pejabat penilai di Dokumen Evaluasi (kosong: tidak diubah)"),
        Kolom("alasan_hasil_kerja", "Alasan Hasil Kerja", ("Alasan Rating Hasil Kerja", "Alasan HK"), wajib=False,
              keterangan="alasan khusus Rating Hasil Kerja, bila berbeda dari Alasan (kosong: memakai Alasan)"),
        Kolom("alasan_perilaku", "Alasan Perilaku", ("Alasan Rating Perilaku", "Alasan Perilaku Kerja", "Alasan PK"),
              wajib=False, keterangan="alasan khusus Rating Perilaku, bila berbeda dari Alasan (kosong: memakai Alasan)"),
    ),
)
