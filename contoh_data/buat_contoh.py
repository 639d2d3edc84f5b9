"""Seeded, reproducible generator of realistic sample data for kinerja.

Run ``python contoh_data/buat_contoh.py`` (writes into ``contoh_data/``) or call
``buat(folder, seed)``. Everything comes from ``random.Random(seed)``: the same seed
gives the same cell contents (the xlsx files themselves carry a save timestamp).

Files: pegawai.xlsx, skp_2026.xlsx (Sasaran, Realisasi, Perilaku),
umpan_balik_2026.xlsx, inovasi_2026.xlsx, pelatihan_2026.xlsx, layanan.xlsx.

The sample is fictitious: names, NIPs, targets and results are invented.
The numbers are steered so that, under scheme pp30 (DOMAIN.md section 4), every
predikat occurs and Baik is the most common.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

try:
    from kinerja_cli import kolom as K
except ImportError:  # run as a script from the repository root or elsewhere
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from kinerja_cli import kolom as K

from openpyxl import Workbook
from openpyxl.styles import Font

TAHUN = 2026
PERIODE = "2026"

# --------------------------------------------------------------------------------------
# NIP
# --------------------------------------------------------------------------------------


def normalisasi_nip(s: object) -> str:
    return re.sub(r"[\s.\-]+", "", str(s or ""))


def urai_nip(s: object) -> dict | None:
    """Split a NIP / NI PPPK into its parts (DOMAIN section 1); None when invalid."""
    n = normalisasi_nip(s)
    if not re.fullmatch(r"\d{18}", n):
        return None
    try:
        lahir = dt.date(int(n[0:4]), int(n[4:6]), int(n[6:8]))
    except ValueError:
        return None
    if n[14] not in "12" or n[15:18] == "000":
        return None
    if n[12] == "2":  # PPPK marker
        if n[13] == "0":
            return None
        return {"jenis": "PPPK", "lahir": lahir, "tahun": int(n[8:12]), "kontrak": int(n[13]),
                "kelamin": int(n[14]), "seri": int(n[15:18])}
    bulan = int(n[12:14])
    if not 1 <= bulan <= 12:
        return None
    return {"jenis": "PNS", "lahir": lahir, "tahun": int(n[8:12]), "bulan": bulan,
            "kelamin": int(n[14]), "seri": int(n[15:18])}


def nip_valid(s: object) -> bool:
    """True when ``s`` is a valid NIP or NI PPPK by DOMAIN section 1 (for our own tests)."""
    if isinstance(s, (int, float)) and not isinstance(s, bool):
        return False  # a number has lost the last digits of an 18-digit NIP
    return urai_nip(s) is not None


# --------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------

DEPAN_L = (
    "Afrizal Yuliadi Hendri Syafrizal Zulkifli Erman Fauzan Rahmat Ridwan Yusrizal Irwandi "
    "Defrizal Rizki Fadli Andri Wahyu Hafiz Ilham Taufik Deswandi Edwar Jasman Marzuki Nasrul "
    "Nofrizal Ramli Syahrial Zainal Alfian Budi Candra Doni Febri Gusrizal Hardi Irfan Joni "
    "Khairul Mardianto Novri Rendi Roni Syamsul Yose Zulfadli Arif Ikhsan Reza Fikri Dafrizal "
    "Heru Aldi Bima Dedi Eka Fajar Guswandi Harmen Indra Jufri Muhammad Ahmad Nazif Oki "
    "Rusdi Safrudin Teguh Yudi Zikri Azwir Bakhtiar Desrizal Efrizon Hamdani Yon Rido"
).split()
DEPAN_P = (
    "Yulia Rahmi Fitri Nurhayati Desi Elvi Sri Yenni Rina Mira Silvia Novia Wulan Dewi Yusnita "
    "Erlina Rosmaini Syafrida Hasnah Zurniati Fauziah Nelfi Oktavia Putri Ratna Suci Tika Vivi "
    "Yelli Aulia Annisa Dina Hayati Indah Lidya Meri Nofita Rahmadani Widia Yolanda Zakiah Anita "
    "Elsa Afnidar Delfi Eliza Fadhilah Gustina Hilda Irma Jusnimar Khairunnisa Lusi Mutia Nadia "
    "Rezki Sonia Trisna Ulfa Weni Yessi Zulfia Asmiati Febriyanti Nurul Rosalina"
).split()
TENGAH_L = "Rahmat Hidayat Nur Putra Syah Arif Fajar Dwi Eka".split()
TENGAH_P = "Nur Dwi Eka Sri Rahma Putri Ayu".split()
BELAKANG_L = (
    "Putra Saputra Syahputra Hidayat Rahman Syafri Efendi Hakim Amir Yusuf Azwar Anwar Syukri "
    "Malik Tanjung Koto Chaniago Piliang Sikumbang Jambak Pratama Ramadhan Kurniawan Firdaus "
    "Sutan Mulyadi Hasan Nasution Harahap Lubis"
).split()
BELAKANG_P = (
    "Putri Sari Yanti Wati Rahmawati Novita Handayani Susanti Fitriani Oktaviani Marlina Yusra "
    "Tanjung Koto Chaniago Piliang Sikumbang Jambak Amelia Rahayu Nasution Lubis Safitri Wahyuni"
).split()

# --------------------------------------------------------------------------------------
# SKP content
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class R:
    """A template SKP row."""

    rhk: str
    indikator: str
    target: float | int | str  # number or "lo-hi"
    satuan: str
    aspek: str = "kuantitas"
    arah: str = "naik"
    maks: bool = False


@dataclass(frozen=True)
class Jab:
    """A staff position: name, kind, golongan range, degree options, PPPK golongan."""

    nama: str
    jenis: str
    gol_lo: str
    gol_hi: str
    gelar: tuple[str, ...]
    pppk: str | None = None


@dataclass
class Program:
    kode: str
    head: R | None  # the head's row (None in Setda: the Sekda's rows serve)
    admin: list[R]
    staf: list[tuple[R, int]]  # (row, index of the admin row it supports)
    jabatan: list[Jab]
    induk: str = ""  # key of the Sekda row the program supports


@dataclass
class Opd:
    nama: str
    singkat: str
    kepala: str
    induk: str
    admin: list[tuple[str, str, str]]  # (jabatan, jenis, program kode)
    n_staf: int
    pppk: float
    programs: dict[str, Program]
    gelar_kepala: tuple[str, ...]
    gelar_admin: tuple[str, ...]


def J(nama, jenis, lo, hi, gelar, pppk=None):
    return Jab(nama, jenis, lo, hi, tuple(gelar), pppk)


G1 = R("Terwujudnya akuntabilitas kinerja dan keuangan perangkat daerah", "Laporan keuangan tanpa temuan",
       100, "%", "kualitas", maks=True)
G2 = R("Terwujudnya akuntabilitas kinerja dan keuangan perangkat daerah", "Persentase realisasi anggaran",
       "90-95", "%", "biaya")

SEKDA_RHK = {
    "S1": R("Meningkatnya kualitas pelayanan publik pemerintah kota", "Indeks Kepuasan Masyarakat Kota Bukittinggi",
            85, "nilai", "kualitas"),
    "S2": R("Meningkatnya kualitas sumber daya manusia", "Indeks Pembangunan Manusia Kota Bukittinggi",
            82.5, "nilai", "kualitas"),
    "S3": R("Meningkatnya kualitas tata kelola pemerintahan", "Indeks Reformasi Birokrasi Kota Bukittinggi",
            75, "nilai", "kualitas"),
    "S4": R("Meningkatnya daya saing perekonomian daerah", "Laju pertumbuhan ekonomi Kota Bukittinggi", 5.2, "%"),
    "S5": R("Terwujudnya pengelolaan keuangan daerah yang akuntabel",
            "Laporan keuangan pemerintah daerah memperoleh opini WTP", 100, "%", "kualitas", maks=True),
}

ADMIN_UMUM = R("Tersusunnya laporan kinerja bidang", "Jumlah laporan kinerja bidang yang disusun tepat waktu",
               4, "laporan", "waktu")
STAF_UMUM = R("Tersusunnya laporan pelaksanaan tugas", "Jumlah laporan bulanan yang disusun", 12, "laporan", "waktu")

TAMBAHAN = [
    R("Menjadi anggota tim penyusun Renstra perangkat daerah", "Jumlah rapat tim yang diikuti", 6, "kali"),
    R("Menjadi panitia peringatan Hari Jadi Kota Bukittinggi", "Jumlah kegiatan kepanitiaan yang dilaksanakan",
      3, "kegiatan"),
    R("Menjadi narasumber sosialisasi", "Jumlah kegiatan sebagai narasumber", 2, "kegiatan"),
    R("Menjadi anggota tim SPBE perangkat daerah", "Jumlah laporan tim yang disusun", 2, "laporan"),
    R("Menjadi agen perubahan reformasi birokrasi", "Jumlah aksi perubahan yang dilaksanakan", 2, "aksi"),
    R("Menjadi pengelola media sosial perangkat daerah", "Jumlah unggahan informasi layanan", 48, "unggahan"),
]

JAB_SEK = [
    J("Pengadministrasi Perkantoran", "pelaksana", "II/a", "II/c", ["", "A.Md."], "V"),
    J("Penata Layanan Operasional", "pelaksana", "III/a", "III/c", ["S.E.", "S.Sos.", "S.AP.", "S.H."], "IX"),
    J("Pengelola Layanan Operasional", "pelaksana", "II/b", "III/a", ["A.Md.", "A.Md.Ak."], "VII"),
    J("Operator Layanan Operasional", "pelaksana", "II/a", "II/c", [""], "V"),
    J("Arsiparis Terampil", "fungsional", "II/b", "II/d", ["A.Md."]),
    J("Analis Keuangan Pusat dan Daerah Ahli Pertama", "fungsional", "III/a", "III/b", ["S.E.", "S.Ak."]),
    J("Pranata Komputer Ahli Pertama", "fungsional", "III/a", "III/b", ["S.Kom.", "S.T."], "IX"),
    J("Perencana Ahli Pertama", "fungsional", "III/a", "III/c", ["S.E.", "S.T.", "S.P."]),
]


def program_sek() -> Program:
    """The secretariat's work (finance, staffing, planning), the same in every OPD."""
    return Program(
        "SEK",
        None,
        [
            R("Terwujudnya pengelolaan keuangan perangkat daerah yang akuntabel", "Laporan keuangan tanpa temuan",
              100, "%", "kualitas", maks=True),
            R("Terlaksananya penyerapan anggaran sesuai rencana", "Persentase realisasi anggaran perangkat daerah",
              "90-95", "%", "biaya"),
            R("Terlaksananya pelayanan administrasi kepegawaian dan umum",
              "Persentase usulan layanan kepegawaian yang diproses tepat waktu", 95, "%", "waktu"),
            R("Tersusunnya dokumen perencanaan dan pelaporan kinerja",
              "Jumlah dokumen perencanaan dan pelaporan yang disusun tepat waktu", 6, "dokumen", "waktu"),
        ],
        [
            (R("Terlaksananya penatausahaan keuangan", "Jumlah dokumen SPJ yang diverifikasi", 480, "dokumen"), 0),
            (R("Terlaksananya penatausahaan keuangan", "Rata-rata waktu verifikasi SPJ", 3, "hari", "waktu",
               "turun"), 0),
            (R("Terlaksananya pengelolaan naskah dinas", "Jumlah naskah dinas yang diagendakan dan didistribusikan",
               1200, "naskah"), 2),
            (R("Termutakhirkannya data kepegawaian", "Persentase data pegawai pada SIASN yang dimutakhirkan", 100,
               "%", "kualitas", maks=True), 2),
            (R("Terkelolanya barang milik daerah", "Jumlah laporan inventarisasi barang milik daerah", 12,
               "laporan"), 0),
            (R("Tersusunnya bahan laporan kinerja perangkat daerah", "Jumlah bahan laporan kinerja yang disusun", 4,
               "laporan", "waktu"), 3),
            (R("Terlaksananya realisasi belanja sesuai anggaran kas",
               "Persentase realisasi belanja sesuai anggaran kas", "90-95", "%", "biaya"), 1),
        ],
        JAB_SEK,
    )


def P(kode, head, admin, staf, jabatan, induk=""):
    return Program(kode, head, list(admin), [(r, i) for r, i in staf], list(jabatan), induk)


def daftar_opd() -> list[Opd]:
    """The OPD of the sample, with their programmes and positions."""
    opd: list[Opd] = []

    # Sekretariat Daerah: the head is the Sekda; the Kabag rows support the Sekda's rows.
    opd.append(Opd(
        "Sekretariat Daerah", "Setda", "Sekretaris Daerah", "",
        [("Kepala Bagian Tata Pemerintahan", "administrator", "PEM"),
         ("Kepala Bagian Hukum", "administrator", "HUK"),
         ("Kepala Bagian Organisasi", "administrator", "ORG"),
         ("Kepala Bagian Umum", "administrator", "SEK")],
        20, 0.05,
        {
            "PEM": P("PEM", None, [
                R("Terselenggaranya koordinasi pemerintahan kecamatan dan kelurahan",
                  "Jumlah kecamatan yang dievaluasi kinerjanya", 3, "kecamatan"),
                R("Tersusunnya Laporan Penyelenggaraan Pemerintahan Daerah", "LPPD disampaikan tepat waktu", 1,
                  "dokumen", "waktu"),
                R("Terfasilitasinya kerja sama daerah", "Jumlah naskah kerja sama daerah yang difasilitasi", 8,
                  "naskah"),
            ], [
                (R("Tersusunnya bahan LPPD", "Jumlah indikator kinerja kunci LPPD yang diverifikasi", 120,
                   "indikator"), 1),
                (R("Terlaksananya evaluasi kinerja kelurahan", "Jumlah kelurahan yang dievaluasi", 24,
                   "kelurahan"), 0),
                (R("Terfasilitasinya kerja sama daerah", "Jumlah draf naskah kerja sama yang ditelaah", 8,
                   "naskah"), 2),
            ], [J("Analis Kebijakan Ahli Pertama", "fungsional", "III/a", "III/c", ["S.IP.", "S.Sos.", "S.STP."]),
                J("Penata Layanan Operasional", "pelaksana", "III/a", "III/c", ["S.IP.", "S.Sos."], "IX")], "S3"),
            "HUK": P("HUK", None, [
                R("Tersusunnya produk hukum daerah",
                  "Jumlah rancangan peraturan daerah dan peraturan wali kota yang difasilitasi", 40, "rancangan"),
                R("Terlaksananya bantuan hukum bagi pemerintah daerah",
                  "Persentase perkara yang ditangani tepat waktu", 100, "%", "waktu", maks=True),
                R("Terpublikasinya produk hukum daerah", "Persentase produk hukum yang diunggah ke JDIH", 100, "%",
                  "kualitas"),
            ], [
                (R("Tersusunnya draf produk hukum", "Jumlah draf peraturan wali kota yang dikaji", 15, "draf"), 0),
                (R("Terkelolanya JDIH", "Jumlah produk hukum yang diunggah ke JDIH", 60, "dokumen"), 2),
                (R("Terlaksananya harmonisasi produk hukum", "Rata-rata waktu harmonisasi rancangan peraturan", 10,
                   "hari", "waktu", "turun"), 0),
            ], [J("Analis Hukum Ahli Pertama", "fungsional", "III/a", "III/c", ["S.H."]),
                J("Perancang Peraturan Perundang-undangan Ahli Pertama", "fungsional", "III/a", "III/c", ["S.H."])],
                "S3"),
            "ORG": P("ORG", None, [
                R("Meningkatnya kualitas kelembagaan dan tata laksana",
                  "Jumlah perangkat daerah yang dievaluasi kelembagaannya", 30, "perangkat daerah"),
                R("Terlaksananya reformasi birokrasi", "Nilai evaluasi SAKIP Kota Bukittinggi", "70-80", "nilai",
                  "kualitas"),
                R("Tersusunnya standar pelayanan", "Persentase perangkat daerah yang memiliki standar pelayanan",
                  100, "%", "kualitas"),
            ], [
                (R("Terlaksananya analisis jabatan", "Jumlah dokumen analisis jabatan yang diverifikasi", 150,
                   "dokumen"), 0),
                (R("Terlaksananya evaluasi SAKIP", "Jumlah perangkat daerah yang didampingi penyusunan SAKIP", 10,
                   "perangkat daerah"), 1),
                (R("Terlaksananya survei kepuasan masyarakat", "Jumlah unit layanan yang disurvei", 12, "unit"), 2),
            ], [J("Analis Kebijakan Ahli Pertama", "fungsional", "III/a", "III/c", ["S.AP.", "S.Sos."]),
                J("Analis Sumber Daya Manusia Aparatur Ahli Pertama", "fungsional", "III/a", "III/b",
                  ["S.Psi.", "S.AP."])], "S3"),
            "SEK": program_sek(),
        },
        ("S.H., M.Si.", "S.STP., M.Si.", "S.E., M.M."),
        ("S.H., M.H.", "S.STP., M.Si.", "S.Sos., M.AP.", "S.E.", "S.IP., M.Si."),
    ))

    opd.append(Opd(
        "Dinas Pendidikan dan Kebudayaan", "Disdikbud", "Kepala Dinas Pendidikan dan Kebudayaan", "S2",
        [("Sekretaris Dinas Pendidikan dan Kebudayaan", "administrator", "SEK"),
         ("Kepala Bidang Pembinaan Sekolah Menengah Pertama", "administrator", "SMP"),
         ("Kepala Bidang Pembinaan Sekolah Dasar", "administrator", "SD"),
         ("Kepala Bidang Kebudayaan", "administrator", "BUD")],
        32, 0.35,
        {
            "SMP": P("SMP", R("Meningkatnya mutu pendidikan menengah pertama", "Persentase kelulusan siswa SMP", 98,
                              "%", "kualitas"), [
                R("Terlaksananya pembinaan sekolah menengah pertama", "Persentase kelulusan siswa SMP", 98, "%",
                  "kualitas"),
                R("Meningkatnya partisipasi siswa dalam kegiatan ekstrakurikuler",
                  "Angka partisipasi ekstrakurikuler siswa SMP", 80, "%"),
                R("Terlaksananya asesmen nasional", "Persentase SMP yang melaksanakan asesmen nasional tepat waktu",
                  100, "%", "waktu", maks=True),
            ], [
                (R("Terlaksananya pendampingan sekolah", "Jumlah SMP yang didampingi", 6, "sekolah"), 0),
                (R("Terlaksananya pembinaan ekstrakurikuler", "Jumlah kegiatan ekstrakurikuler yang dimonitor", 24,
                   "kegiatan"), 1),
                (R("Termutakhirkannya data pokok pendidikan", "Persentase sekolah dengan Dapodik mutakhir", 100, "%",
                   "kualitas", maks=True), 2),
                (R("Terlaksananya pembelajaran di kelas", "Jumlah jam tatap muka per minggu", 24, "jam"), 0),
            ], [J("Pengawas Sekolah Ahli Muda", "fungsional", "III/c", "III/c", ["S.Pd.", "S.Pd., M.Pd."]),
                J("Guru Ahli Pertama", "fungsional", "III/a", "III/b", ["S.Pd.", "S.Pd.I."], "IX"),
                J("Pranata Komputer Ahli Pertama", "fungsional", "III/a", "III/b", ["S.Kom."], "IX")]),
            "SD": P("SD", R("Meningkatnya akses dan mutu pendidikan dasar", "Angka partisipasi murni SD", 99, "%"), [
                R("Terlaksananya pembinaan sekolah dasar", "Persentase SD terakreditasi minimal B", 95, "%",
                  "kualitas"),
                R("Tersalurkannya bantuan operasional sekolah",
                  "Persentase SD yang menyampaikan laporan BOS tepat waktu", 100, "%", "waktu"),
                R("Meningkatnya kompetensi guru SD", "Jumlah guru SD yang mengikuti pelatihan", 150, "orang"),
            ], [
                (R("Terlaksananya monitoring dana BOS", "Jumlah SD yang dimonitor penggunaan dana BOS", 20,
                   "sekolah"), 1),
                (R("Terlaksananya pendataan peserta didik", "Jumlah data peserta didik yang diverifikasi", 9000,
                   "siswa"), 0),
                (R("Terlaksananya pendampingan akreditasi", "Jumlah SD yang didampingi akreditasi", 8, "sekolah"), 0),
                (R("Terlaksananya pelatihan guru", "Jumlah kegiatan pelatihan guru yang difasilitasi", 6,
                   "kegiatan"), 2),
            ], [J("Penilik Ahli Pertama", "fungsional", "III/a", "III/b", ["S.Pd."]),
                J("Guru Ahli Pertama", "fungsional", "III/a", "III/b", ["S.Pd."], "IX"),
                J("Penata Layanan Operasional", "pelaksana", "III/a", "III/b", ["S.Pd.", "S.E."])]),
            "BUD": P("BUD", R("Terlestarikannya kebudayaan daerah", "Jumlah objek cagar budaya yang dilestarikan", 12,
                              "objek"), [
                R("Terlaksananya pelestarian cagar budaya", "Jumlah objek cagar budaya yang didata dan dipelihara",
                  12, "objek"),
                R("Terselenggaranya festival budaya Minangkabau", "Jumlah pengunjung festival budaya", 15000,
                  "orang"),
                R("Terbinanya sanggar seni", "Jumlah sanggar seni yang dibina", 25, "sanggar"),
            ], [
                (R("Terdatanya cagar budaya", "Jumlah objek cagar budaya yang diverifikasi", 12, "objek"), 0),
                (R("Terlaksananya pembinaan sanggar seni", "Jumlah kunjungan pembinaan sanggar", 24, "kunjungan"),
                 2),
                (R("Terdokumentasinya kegiatan kebudayaan", "Jumlah dokumentasi kegiatan budaya yang diterbitkan",
                   10, "publikasi"), 1),
            ], [J("Pamong Budaya Ahli Pertama", "fungsional", "III/a", "III/b", ["S.S.", "S.Hum.", "S.Sn."]),
                J("Penata Layanan Operasional", "pelaksana", "III/a", "III/b", ["S.Sn.", "S.Sos."], "IX")]),
            "SEK": program_sek(),
        },
        ("S.Pd., M.Pd.", "Dr.|S.Pd., M.Pd."), ("S.Pd., M.Pd.", "S.Pd., M.Si.", "S.E., M.M.", "S.Pd."),
    ))

    opd.append(Opd(
        "Dinas Kesehatan", "Dinkes", "Kepala Dinas Kesehatan", "S2",
        [("Sekretaris Dinas Kesehatan", "administrator", "SEK"),
         ("Kepala Bidang Kesehatan Masyarakat", "administrator", "KESMAS"),
         ("Kepala Bidang Pencegahan dan Pengendalian Penyakit", "administrator", "P2P"),
         ("Kepala UPTD Puskesmas Mandiangin", "pengawas", "KESMAS")],
        26, 0.3,
        {
            "KESMAS": P("KESMAS", R("Meningkatnya derajat kesehatan masyarakat", "Prevalensi stunting pada balita",
                                    10, "%", "kualitas", "turun"), [
                R("Terlaksananya program perbaikan gizi masyarakat", "Prevalensi stunting pada balita", 10, "%",
                  "kualitas", "turun"),
                R("Meningkatnya cakupan kesehatan ibu dan anak",
                  "Persentase ibu hamil yang mendapat pelayanan antenatal K6", 90, "%"),
                R("Terlaksananya promosi kesehatan", "Jumlah kelurahan ODF dan sehat", 24, "kelurahan"),
            ], [
                (R("Terlaksananya pemantauan status gizi", "Jumlah balita yang ditimbang dan diukur", 7500,
                   "balita"), 0),
                (R("Terlaksananya penyuluhan kesehatan", "Jumlah kegiatan penyuluhan kesehatan", 36, "kegiatan"), 2),
                (R("Terlaksananya pelayanan kesehatan ibu hamil", "Persentase ibu hamil yang dipantau", 95, "%"), 1),
                (R("Terlaksananya pemberian makanan tambahan", "Jumlah balita gizi kurang yang mendapat PMT", 200,
                   "balita"), 0),
            ], [J("Nutrisionis Ahli Pertama", "fungsional", "III/a", "III/b", ["S.Gz."], "IX"),
                J("Penyuluh Kesehatan Masyarakat Ahli Pertama", "fungsional", "III/a", "III/b", ["S.KM."]),
                J("Bidan Terampil", "fungsional", "II/c", "II/d", ["A.Md.Keb."], "VII"),
                J("Dokter Ahli Pertama", "fungsional", "III/b", "III/b", ["dr.|"])]),
            "P2P": P("P2P", R("Terkendalinya penyakit menular", "Cakupan imunisasi dasar lengkap", "90-95", "%"), [
                R("Terlaksananya imunisasi rutin", "Cakupan imunisasi dasar lengkap", "90-95", "%"),
                R("Terlaksananya penanggulangan TBC", "Persentase keberhasilan pengobatan TBC", 90, "%", "kualitas"),
                R("Terlaksananya surveilans penyakit", "Persentase laporan surveilans mingguan tepat waktu", 100,
                  "%", "waktu", maks=True),
            ], [
                (R("Terlaksananya surveilans epidemiologi", "Jumlah laporan surveilans mingguan yang disusun", 52,
                   "laporan"), 2),
                (R("Terlaksananya pelacakan kasus TBC", "Jumlah kontak kasus TBC yang diinvestigasi", 300,
                   "orang"), 1),
                (R("Terlaksananya inspeksi kesehatan lingkungan", "Jumlah tempat pengelolaan pangan yang diinspeksi",
                   120, "tempat"), 2),
                (R("Terlaksananya imunisasi", "Jumlah bayi yang diimunisasi lengkap", 1800, "bayi"), 0),
            ], [J("Epidemiolog Kesehatan Ahli Pertama", "fungsional", "III/a", "III/b", ["S.KM."], "IX"),
                J("Sanitarian Terampil", "fungsional", "II/b", "II/d", ["A.Md.Kes."], "VII"),
                J("Administrator Kesehatan Ahli Pertama", "fungsional", "III/a", "III/c", ["S.KM."]),
                J("Apoteker Ahli Pertama", "fungsional", "III/b", "III/b", ["S.Farm., Apt."], "IX")]),
            "SEK": program_sek(),
        },
        ("dr.|M.Kes.", "S.KM., M.Kes."), ("S.KM., M.Kes.", "dr.|", "dr.|M.K.M.", "S.ST., M.Kes."),
    ))

    opd.append(Opd(
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP",
        "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "S4",
        [("Sekretaris Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "administrator", "SEK"),
         ("Kepala Bidang Pelayanan Perizinan dan Non Perizinan", "administrator", "IZIN"),
         ("Kepala Bidang Penanaman Modal", "administrator", "PM")],
        18, 0.12,
        {
            "IZIN": P("IZIN", R("Meningkatnya kualitas pelayanan perizinan", "Rata-rata waktu penerbitan izin usaha",
                                5, "hari", "waktu", "turun"), [
                R("Terlaksananya pelayanan perizinan berusaha", "Rata-rata waktu penerbitan izin usaha", 5, "hari",
                  "waktu", "turun"),
                R("Meningkatnya kepuasan pemohon izin", "Indeks Kepuasan Masyarakat layanan perizinan", 85, "nilai",
                  "kualitas"),
                R("Terlaksananya pelayanan perizinan", "Jumlah izin dan nonizin yang diterbitkan", 3500, "izin"),
            ], [
                (R("Terprosesnya permohonan izin usaha", "Rata-rata waktu penerbitan izin usaha", 5, "hari", "waktu",
                   "turun"), 0),
                (R("Terverifikasinya berkas permohonan izin", "Jumlah berkas permohonan yang diverifikasi", 900,
                   "berkas"), 2),
                (R("Terlaksananya pelayanan informasi dan pengaduan", "Persentase pengaduan yang ditindaklanjuti",
                   100, "%", "kualitas", maks=True), 1),
                (R("Terlaksananya pendampingan OSS", "Jumlah pelaku usaha yang didampingi pada OSS RBA", 400,
                   "pelaku usaha"), 2),
            ], [J("Penata Layanan Operasional", "pelaksana", "III/a", "III/c", ["S.E.", "S.H.", "S.AP."], "IX"),
                J("Pengelola Layanan Operasional", "pelaksana", "II/b", "III/a", ["A.Md."], "VII"),
                J("Pranata Komputer Ahli Pertama", "fungsional", "III/a", "III/b", ["S.Kom."])]),
            "PM": P("PM", R("Meningkatnya investasi daerah", "Nilai realisasi investasi", 350, "miliar rupiah"), [
                R("Terlaksananya promosi penanaman modal", "Nilai realisasi investasi", 350, "miliar rupiah"),
                R("Terlaksananya pengawasan penanaman modal", "Persentase pelaku usaha yang menyampaikan LKPM", 80,
                  "%"),
                R("Tersusunnya profil peluang investasi", "Jumlah profil peluang investasi yang disusun", 3,
                  "dokumen"),
            ], [
                (R("Terlaksananya pengawasan LKPM", "Jumlah perusahaan yang dipantau LKPM", 250, "perusahaan"), 1),
                (R("Terlaksananya promosi investasi", "Jumlah kegiatan promosi investasi", 6, "kegiatan"), 0),
                (R("Tersusunnya data realisasi investasi", "Jumlah laporan realisasi investasi", 4, "laporan",
                   "waktu"), 0),
            ], [J("Analis Kebijakan Ahli Pertama", "fungsional", "III/a", "III/c", ["S.E."]),
                J("Penata Layanan Operasional", "pelaksana", "III/a", "III/b", ["S.E."])]),
            "SEK": program_sek(),
        },
        ("S.E., M.Si.", "S.H., M.H."), ("S.E., M.M.", "S.H.", "S.Sos., M.Si.", "S.T."),
    ))

    opd.append(Opd(
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM",
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "S3",
        [("Sekretaris Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "administrator", "SEK"),
         ("Kepala Bidang Pengadaan, Pemberhentian dan Informasi", "administrator", "MUTASI"),
         ("Kepala Bidang Pengembangan Kompetensi Aparatur", "administrator", "BANGKOM"),
         ("Kepala Bidang Penilaian Kinerja Aparatur dan Penghargaan", "administrator", "KINERJA")],
        17, 0.1,
        {
            "MUTASI": P("MUTASI", R("Meningkatnya kualitas pelayanan administrasi kepegawaian",
                                    "Persentase layanan kepegawaian yang selesai sesuai SOP", 95, "%", "waktu"), [
                R("Terlaksananya layanan kenaikan pangkat dan pensiun",
                  "Persentase usulan kenaikan pangkat yang ditetapkan tepat waktu", 100, "%", "waktu", maks=True),
                R("Termutakhirkannya data ASN di SIASN", "Persentase data ASN yang valid pada SIASN", 98, "%",
                  "kualitas"),
                R("Terlaksananya pengadaan ASN", "Jumlah formasi ASN yang diusulkan", 150, "formasi"),
            ], [
                (R("Terprosesnya usulan kenaikan pangkat", "Jumlah usulan kenaikan pangkat yang diproses", 450,
                   "usulan"), 0),
                (R("Terprosesnya usulan pensiun", "Jumlah usulan pensiun yang diproses", 90, "usulan"), 0),
                (R("Termutakhirkannya data SIASN", "Jumlah data ASN yang diverifikasi di SIASN", 2800, "data"), 1),
                (R("Terlaksananya layanan kepegawaian", "Rata-rata waktu penyelesaian layanan kepegawaian", 7,
                   "hari", "waktu", "turun"), 0),
            ], [J("Analis Sumber Daya Manusia Aparatur Ahli Pertama", "fungsional", "III/a", "III/c",
                  ["S.Psi.", "S.AP.", "S.Sos."]),
                J("Pranata Sumber Daya Manusia Aparatur Terampil", "fungsional", "II/b", "II/d", ["A.Md."]),
                J("Pranata Komputer Ahli Pertama", "fungsional", "III/a", "III/b", ["S.Kom."], "IX")]),
            "BANGKOM": P("BANGKOM", R("Meningkatnya kompetensi ASN",
                                      "Persentase ASN yang memenuhi 20 JP pengembangan kompetensi", 80, "%"), [
                R("Terlaksananya pengembangan kompetensi ASN",
                  "Persentase ASN yang memenuhi 20 JP pengembangan kompetensi", 80, "%"),
                R("Terlaksananya pelatihan teknis", "Jumlah peserta pelatihan teknis", 600, "orang"),
                R("Terlaksananya uji kompetensi", "Jumlah ASN yang mengikuti uji kompetensi", 120, "orang"),
            ], [
                (R("Terlaksananya pelatihan", "Jumlah kegiatan pelatihan yang difasilitasi", 12, "kegiatan"), 1),
                (R("Terdatanya riwayat pengembangan kompetensi", "Jumlah data JP pengembangan kompetensi yang direkam",
                   2800, "data"), 0),
                (R("Terlaksananya seleksi tugas belajar", "Jumlah usulan tugas belajar dan izin belajar yang diproses",
                   60, "usulan"), 0),
                (R("Terlaksananya uji kompetensi", "Persentase peserta uji kompetensi yang dinilai tepat waktu", 100,
                   "%", "waktu"), 2),
            ], [J("Analis Sumber Daya Manusia Aparatur Ahli Pertama", "fungsional", "III/a", "III/c",
                  ["S.Psi.", "S.Pd."]),
                J("Asesor Sumber Daya Manusia Aparatur Ahli Pertama", "fungsional", "III/a", "III/b", ["S.Psi."])]),
            "KINERJA": P("KINERJA", R("Terwujudnya manajemen kinerja ASN yang objektif",
                                      "Persentase ASN yang SKP-nya dinilai tepat waktu", 95, "%", "waktu"), [
                R("Terlaksananya penilaian kinerja ASN", "Persentase ASN yang SKP-nya dinilai tepat waktu", 95, "%",
                  "waktu"),
                R("Terlaksananya pemberian penghargaan ASN", "Jumlah ASN yang diusulkan Satyalancana Karya Satya",
                  120, "orang"),
                R("Terlaksananya pembinaan disiplin ASN", "Persentase kasus disiplin yang diselesaikan", 100, "%",
                  "kualitas", maks=True),
            ], [
                (R("Terverifikasinya SKP ASN", "Jumlah dokumen SKP yang diverifikasi", 2800, "dokumen"), 0),
                (R("Tersusunnya rekap penilaian kinerja", "Jumlah laporan rekapitulasi penilaian kinerja", 4,
                   "laporan", "waktu"), 0),
                (R("Terprosesnya usulan penghargaan", "Jumlah usulan penghargaan yang diproses", 120, "usulan"), 1),
                (R("Terlaksananya pemeriksaan disiplin", "Jumlah berita acara pemeriksaan yang disusun", 10,
                   "berkas"), 2),
            ], [J("Analis Sumber Daya Manusia Aparatur Ahli Pertama", "fungsional", "III/a", "III/c",
                  ["S.AP.", "S.H."]),
                J("Penata Layanan Operasional", "pelaksana", "III/a", "III/b", ["S.Sos."], "IX")]),
            "SEK": program_sek(),
        },
        ("S.STP., M.Si.", "S.Psi., M.Si."), ("S.Psi., M.Psi.", "S.AP., M.Si.", "S.H.", "S.E., M.M."),
    ))

    opd.append(Opd(
        "Dinas Pariwisata", "Dispar", "Kepala Dinas Pariwisata", "S4",
        [("Sekretaris Dinas Pariwisata", "administrator", "SEK"),
         ("Kepala Bidang Destinasi Pariwisata", "administrator", "DEST"),
         ("Kepala Bidang Pemasaran Pariwisata dan Ekonomi Kreatif", "administrator", "PASAR"),
         ("Kepala UPTD Taman Marga Satwa dan Budaya Kinantan", "pengawas", "DEST")],
        14, 0.12,
        {
            "DEST": P("DEST", R("Meningkatnya daya tarik destinasi wisata", "Jumlah kunjungan wisatawan", 1200000,
                                "orang"), [
                R("Terkelolanya destinasi wisata kota",
                  "Jumlah kunjungan wisatawan ke objek wisata milik pemerintah kota", 900000, "orang"),
                R("Meningkatnya kualitas destinasi", "Persentase destinasi yang memenuhi standar CHSE", 80, "%",
                  "kualitas"),
                R("Terbinanya pelaku usaha pariwisata", "Jumlah kelompok sadar wisata yang dibina", 10, "kelompok"),
            ], [
                (R("Terlaksananya pendataan kunjungan", "Jumlah laporan kunjungan wisatawan", 12, "laporan"), 0),
                (R("Terlaksananya pengelolaan kawasan wisata",
                   "Jumlah kegiatan pemeliharaan kawasan Jam Gadang dan Taman Panorama", 24, "kegiatan"), 1),
                (R("Terbinanya kelompok sadar wisata", "Jumlah pembinaan kelompok sadar wisata", 20, "kegiatan"), 2),
            ], [J("Adyatama Kepariwisataan dan Ekonomi Kreatif Ahli Pertama", "fungsional", "III/a", "III/b",
                  ["S.Par.", "S.E."], "IX"),
                J("Pengelola Layanan Operasional", "pelaksana", "II/b", "III/a", ["A.Md.Par."])]),
            "PASAR": P("PASAR", R("Meningkatnya promosi pariwisata dan ekonomi kreatif", "Tingkat hunian hotel",
                                  "60-70", "%"), [
                R("Terlaksananya promosi pariwisata", "Tingkat hunian hotel", "60-70", "%"),
                R("Terselenggaranya event pariwisata", "Jumlah event pariwisata berskala nasional", 4, "event"),
                R("Terbinanya pelaku ekonomi kreatif", "Jumlah pelaku ekonomi kreatif yang difasilitasi", 100,
                  "pelaku"),
            ], [
                (R("Terlaksananya promosi digital", "Jumlah konten promosi wisata yang dipublikasikan", 150,
                   "konten"), 0),
                (R("Terselenggaranya event pariwisata", "Jumlah event yang difasilitasi", 6, "event"), 1),
                (R("Terfasilitasinya pelaku ekonomi kreatif", "Jumlah pelaku ekonomi kreatif yang didampingi", 40,
                   "pelaku"), 2),
            ], [J("Pranata Hubungan Masyarakat Ahli Pertama", "fungsional", "III/a", "III/b", ["S.I.Kom."]),
                J("Adyatama Kepariwisataan dan Ekonomi Kreatif Ahli Pertama", "fungsional", "III/a", "III/b",
                  ["S.Par."])]),
            "SEK": program_sek(),
        },
        ("S.Sos., M.Si.", "S.E., M.M."), ("S.Par., M.Par.", "S.E.", "S.Sos., M.Si.", "S.Sn."),
    ))

    opd.append(Opd(
        "RSUD Kota Bukittinggi", "RSUD", "Direktur RSUD Kota Bukittinggi", "S1",
        [("Kepala Bagian Tata Usaha", "administrator", "SEK"),
         ("Kepala Bidang Pelayanan Medik", "administrator", "YANMED"),
         ("Kepala Bidang Keperawatan", "administrator", "KEP"),
         ("Kepala Bidang Penunjang Medik", "administrator", "JANG")],
        36, 0.45,
        {
            "YANMED": P("YANMED", R("Meningkatnya mutu pelayanan rumah sakit", "Indeks Kepuasan Masyarakat RSUD", 85,
                                    "nilai", "kualitas"), [
                R("Terlaksananya pelayanan medik sesuai standar", "Rata-rata waktu tunggu rawat jalan", 60, "menit",
                  "waktu", "turun"),
                R("Meningkatnya kepuasan pasien", "Indeks Kepuasan Masyarakat RSUD", 85, "nilai", "kualitas"),
                R("Terlaksananya pelayanan gawat darurat", "Persentase pasien IGD ditangani kurang dari 5 menit",
                  100, "%", "waktu"),
            ], [
                (R("Terlaksananya pelayanan pasien rawat jalan", "Jumlah pasien rawat jalan yang dilayani", 2400,
                   "pasien"), 0),
                (R("Terlaksananya pelayanan gawat darurat", "Jumlah pasien IGD yang ditangani", 900, "pasien"), 2),
                (R("Tersusunnya rekam medis", "Persentase kelengkapan rekam medis 1x24 jam", 100, "%", "kualitas",
                   maks=True), 1),
            ], [J("Dokter Ahli Pertama", "fungsional", "III/b", "III/b", ["dr.|"], "IX"),
                J("Perekam Medis Terampil", "fungsional", "II/b", "II/d", ["A.Md.RMIK"], "VII"),
                J("Perawat Ahli Pertama", "fungsional", "III/a", "III/b", ["S.Kep., Ners"], "IX")]),
            "KEP": P("KEP", R("Meningkatnya keselamatan pasien", "Persentase kepatuhan identifikasi pasien", 100, "%",
                              "kualitas", maks=True), [
                R("Terlaksananya asuhan keperawatan sesuai standar", "Persentase kepatuhan identifikasi pasien",
                  100, "%", "kualitas", maks=True),
                R("Terlaksananya pencegahan infeksi", "Persentase kepatuhan kebersihan tangan", 85, "%",
                  "kualitas"),
                R("Terlaksananya pengembangan kompetensi perawat", "Jumlah perawat yang mengikuti pelatihan", 60,
                  "orang"),
            ], [
                (R("Terlaksananya asuhan keperawatan", "Jumlah pasien yang diberikan asuhan keperawatan", 600,
                   "pasien"), 0),
                (R("Terlaksananya dokumentasi keperawatan", "Persentase dokumentasi asuhan keperawatan lengkap",
                   95, "%", "kualitas"), 0),
                (R("Terlaksananya edukasi pasien", "Jumlah edukasi pasien dan keluarga", 240, "kali"), 1),
                (R("Terlaksananya pertolongan persalinan", "Jumlah persalinan yang ditolong", 150, "persalinan"), 0),
            ], [J("Perawat Ahli Pertama", "fungsional", "III/a", "III/b", ["S.Kep., Ners"], "IX"),
                J("Perawat Terampil", "fungsional", "II/b", "II/d", ["A.Md.Kep."], "VII"),
                J("Bidan Terampil", "fungsional", "II/b", "II/d", ["A.Md.Keb."], "VII")]),
            "JANG": P("JANG", R("Meningkatnya mutu pelayanan penunjang medik", "Waktu tunggu hasil laboratorium",
                                140, "menit", "waktu", "turun"), [
                R("Terlaksananya pelayanan laboratorium", "Waktu tunggu hasil laboratorium", 140, "menit", "waktu",
                  "turun"),
                R("Terlaksananya pelayanan farmasi", "Waktu tunggu pelayanan resep obat jadi", 30, "menit", "waktu",
                  "turun"),
                R("Terlaksananya pelayanan radiologi", "Jumlah pemeriksaan radiologi", 3000, "pemeriksaan"),
            ], [
                (R("Terlaksananya pemeriksaan laboratorium", "Jumlah pemeriksaan laboratorium", 8000,
                   "pemeriksaan"), 0),
                (R("Terlaksananya pelayanan resep", "Jumlah resep yang dilayani", 12000, "resep"), 1),
                (R("Terlaksananya pemeriksaan radiologi", "Jumlah pemeriksaan radiologi yang dikerjakan", 1000,
                   "pemeriksaan"), 2),
                (R("Terlaksananya pelayanan gizi pasien", "Persentase ketepatan diet pasien", 100, "%",
                   "kualitas"), 1),
            ], [J("Pranata Laboratorium Kesehatan Terampil", "fungsional", "II/b", "II/d", ["A.Md.AK."], "VII"),
                J("Apoteker Ahli Pertama", "fungsional", "III/b", "III/b", ["S.Farm., Apt."], "IX"),
                J("Radiografer Terampil", "fungsional", "II/b", "II/d", ["A.Md.Rad."], "VII"),
                J("Nutrisionis Terampil", "fungsional", "II/b", "II/d", ["A.Md.Gz."])]),
            "SEK": program_sek(),
        },
        ("dr.|M.A.R.S.", "dr.|Sp.PD"), ("S.KM., M.Kes.", "dr.|M.A.R.S.", "S.Kep., Ners, M.Kep.", "S.Farm., Apt."),
    ))

    opd.append(Opd(
        "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "S4",
        [("Sekretaris Dinas Pekerjaan Umum dan Penataan Ruang", "administrator", "SEK"),
         ("Kepala Bidang Bina Marga", "administrator", "BM"),
         ("Kepala Bidang Sumber Daya Air", "administrator", "SDA"),
         ("Kepala Bidang Penataan Ruang", "administrator", "TR")],
        20, 0.05,
        {
            "BM": P("BM", R("Meningkatnya kualitas infrastruktur jalan", "Persentase jalan kota dalam kondisi mantap",
                            90, "%", "kualitas"), [
                R("Terpeliharanya jalan dan jembatan kota", "Persentase jalan kota dalam kondisi mantap", 90, "%",
                  "kualitas"),
                R("Terlaksananya pembangunan trotoar", "Panjang trotoar yang dibangun", 2.5, "km"),
                R("Terlaksananya pekerjaan fisik tepat waktu", "Persentase paket pekerjaan jalan selesai tepat waktu",
                  100, "%", "waktu", maks=True),
            ], [
                (R("Terlaksananya pengawasan pekerjaan jalan", "Jumlah paket pekerjaan jalan yang diawasi", 12,
                   "paket"), 2),
                (R("Terlaksananya survei kondisi jalan", "Panjang ruas jalan yang disurvei", 100, "km"), 0),
                (R("Tersusunnya dokumen perencanaan teknis", "Jumlah DED yang direviu", 8, "dokumen"), 1),
            ], [J("Teknik Jalan dan Jembatan Ahli Pertama", "fungsional", "III/a", "III/c", ["S.T."], "IX"),
                J("Teknik Jalan dan Jembatan Terampil", "fungsional", "II/b", "II/d", ["A.Md.T."])]),
            "SDA": P("SDA", R("Meningkatnya pengelolaan sumber daya air dan drainase",
                              "Persentase saluran drainase dalam kondisi baik", 75, "%", "kualitas"), [
                R("Terpeliharanya saluran drainase", "Panjang saluran drainase yang dinormalisasi", 8, "km"),
                R("Berkurangnya genangan", "Jumlah titik genangan di kawasan perkotaan", 12, "titik", "kualitas",
                  "turun"),
                R("Terlaksananya pelayanan air minum", "Persentase rumah tangga dengan akses air minum layak", 95,
                  "%"),
            ], [
                (R("Terlaksananya normalisasi drainase", "Panjang saluran drainase yang diawasi normalisasinya", 4,
                   "km"), 0),
                (R("Terpantaunya titik genangan", "Jumlah laporan pemantauan genangan", 12, "laporan"), 1),
                (R("Terlaksananya pengawasan SPAM", "Jumlah kegiatan pengawasan jaringan air minum", 10,
                   "kegiatan"), 2),
            ], [J("Teknik Pengairan Ahli Pertama", "fungsional", "III/a", "III/c", ["S.T."]),
                J("Pengelola Layanan Operasional", "pelaksana", "II/b", "III/a", ["A.Md.T."])]),
            "TR": P("TR", R("Terwujudnya pemanfaatan ruang sesuai rencana tata ruang",
                            "Persentase KKPR yang diterbitkan sesuai RTRW", 100, "%", "kualitas", maks=True), [
                R("Terlaksananya penerbitan rekomendasi tata ruang", "Rata-rata waktu penerbitan rekomendasi KKPR",
                  10, "hari", "waktu", "turun"),
                R("Terlaksananya pengendalian pemanfaatan ruang",
                  "Jumlah lokasi pelanggaran tata ruang yang ditindaklanjuti", 20, "lokasi"),
                R("Tersusunnya Rencana Detail Tata Ruang", "Persentase penyelesaian dokumen RDTR", 100, "%",
                  "waktu"),
            ], [
                (R("Terlaksananya verifikasi KKPR", "Jumlah berkas KKPR yang diverifikasi", 200, "berkas"), 0),
                (R("Terlaksananya pengawasan bangunan", "Jumlah lokasi bangunan yang diperiksa kesesuaian PBG", 60,
                   "lokasi"), 1),
                (R("Tersusunnya peta tematik", "Jumlah peta tematik yang diperbarui", 10, "peta"), 2),
            ], [J("Penata Ruang Ahli Pertama", "fungsional", "III/a", "III/c", ["S.T.", "S.PWK."]),
                J("Teknik Tata Bangunan dan Perumahan Ahli Pertama", "fungsional", "III/a", "III/b", ["S.T."])]),
            "SEK": program_sek(),
        },
        ("Ir.|M.T.", "S.T., M.T."), ("S.T., M.T.", "S.T.", "S.T., M.Eng.", "S.E."),
    ))

    opd.append(Opd(
        "Dinas Sosial", "Dinsos", "Kepala Dinas Sosial", "S2",
        [("Sekretaris Dinas Sosial", "administrator", "SEK"),
         ("Kepala Bidang Rehabilitasi Sosial", "administrator", "REHSOS"),
         ("Kepala Bidang Perlindungan dan Jaminan Sosial", "administrator", "LINJAM")],
        14, 0.12,
        {
            "REHSOS": P("REHSOS", R("Meningkatnya penanganan penyandang masalah kesejahteraan sosial",
                                    "Persentase PPKS yang mendapat rehabilitasi sosial", 85, "%"), [
                R("Terlaksananya rehabilitasi sosial", "Persentase PPKS yang mendapat rehabilitasi sosial", 85,
                  "%"),
                R("Terlaksananya penjangkauan PPKS", "Jumlah PPKS yang dijangkau", 150, "orang"),
                R("Terlaksananya pembinaan lanjut", "Persentase klien yang mendapat pendampingan lanjutan", 80, "%",
                  "kualitas"),
            ], [
                (R("Terlaksananya asesmen klien", "Jumlah asesmen klien yang disusun", 80, "asesmen"), 0),
                (R("Terlaksananya penjangkauan", "Jumlah kegiatan penjangkauan", 24, "kegiatan"), 1),
                (R("Terlaksananya pendampingan penyandang disabilitas", "Jumlah penyandang disabilitas yang didampingi",
                   40, "orang"), 2),
            ], [J("Pekerja Sosial Ahli Pertama", "fungsional", "III/a", "III/c", ["S.Sos.", "S.Tr.Sos."], "IX"),
                J("Pekerja Sosial Terampil", "fungsional", "II/b", "II/d", ["A.Md."])]),
            "LINJAM": P("LINJAM", R("Terlindunginya masyarakat miskin dan rentan",
                                    "Persentase data terpadu kesejahteraan sosial yang dimutakhirkan", 100, "%",
                                    "kualitas"), [
                R("Termutakhirkannya DTKS", "Persentase data DTKS yang dimutakhirkan", 100, "%", "kualitas"),
                R("Tersalurkannya bantuan sosial tepat sasaran", "Persentase bantuan sosial yang tersalur tepat waktu",
                  100, "%", "waktu", maks=True),
                R("Terlaksananya penanganan korban bencana", "Jumlah keluarga korban bencana yang dibantu", 50,
                  "keluarga"),
            ], [
                (R("Terverifikasinya data DTKS", "Jumlah data keluarga yang diverifikasi", 3000, "keluarga"), 0),
                (R("Terlaksananya penyaluran bantuan", "Jumlah penerima bantuan yang diverifikasi", 800, "orang"), 1),
                (R("Terlaksananya layanan pengaduan sosial", "Rata-rata waktu tindak lanjut pengaduan", 3, "hari",
                   "waktu", "turun"), 1),
            ], [J("Penyuluh Sosial Ahli Pertama", "fungsional", "III/a", "III/b", ["S.Sos."]),
                J("Penata Layanan Operasional", "pelaksana", "III/a", "III/b", ["S.Sos.", "S.Kom."], "IX")]),
            "SEK": program_sek(),
        },
        ("S.Sos., M.Si.", "S.Ag., M.Si."), ("S.Sos., M.Si.", "S.Sos.", "S.E.", "S.Psi."),
    ))

    opd.append(Opd(
        "Badan Perencanaan Pembangunan Daerah", "Bappeda", "Kepala Badan Perencanaan Pembangunan Daerah", "S3",
        [("Sekretaris Badan Perencanaan Pembangunan Daerah", "administrator", "SEK"),
         ("Kepala Bidang Perencanaan Pemerintahan dan Pembangunan Manusia", "administrator", "PPM"),
         ("Kepala Bidang Perencanaan Perekonomian, Infrastruktur dan Kewilayahan", "administrator", "PEKI")],
        14, 0.05,
        {
            "PPM": P("PPM", R("Meningkatnya kualitas perencanaan pembangunan daerah",
                              "Persentase keselarasan program Renja dengan RPJMD", "80-90", "%", "kualitas"), [
                R("Tersusunnya RKPD tepat waktu", "Persentase keselarasan program Renja dengan RPJMD", "80-90", "%",
                  "kualitas"),
                R("Terlaksananya musyawarah perencanaan pembangunan", "Jumlah musrenbang kecamatan yang difasilitasi",
                  3, "kecamatan"),
                R("Terlaksananya evaluasi RKPD", "Jumlah laporan evaluasi RKPD", 4, "laporan", "waktu"),
            ], [
                (R("Tersusunnya bahan RKPD", "Jumlah rancangan Renja perangkat daerah yang diverifikasi", 15,
                   "dokumen"), 0),
                (R("Terlaksananya pengolahan data pembangunan", "Jumlah indikator makro yang dianalisis", 40,
                   "indikator"), 2),
                (R("Terlaksananya fasilitasi musrenbang", "Jumlah usulan musrenbang yang diinput ke SIPD", 300,
                   "usulan"), 1),
            ], [J("Perencana Ahli Pertama", "fungsional", "III/a", "III/c", ["S.E.", "S.Pd.", "S.KM."]),
                J("Statistisi Ahli Pertama", "fungsional", "III/a", "III/b", ["S.Si.", "S.Stat."], "IX")]),
            "PEKI": P("PEKI", R("Meningkatnya sinkronisasi perencanaan infrastruktur dan perekonomian",
                                "Persentase usulan infrastruktur prioritas yang terakomodasi", 75, "%"), [
                R("Tersinkronnya perencanaan infrastruktur",
                  "Persentase usulan infrastruktur prioritas yang terakomodasi", 75, "%"),
                R("Tersusunnya kajian perekonomian daerah", "Jumlah kajian perekonomian yang diselesaikan", 2,
                  "kajian"),
                R("Terlaksananya pengendalian program", "Jumlah laporan pengendalian program infrastruktur", 4,
                  "laporan", "waktu"),
            ], [
                (R("Tersusunnya bahan kajian", "Jumlah bahan kajian yang disusun", 4, "dokumen"), 1),
                (R("Terlaksananya verifikasi usulan", "Jumlah usulan program infrastruktur yang diverifikasi", 120,
                   "usulan"), 0),
                (R("Terlaksananya pengendalian lapangan", "Jumlah kunjungan lapangan pengendalian program", 12,
                   "kunjungan"), 2),
            ], [J("Perencana Ahli Pertama", "fungsional", "III/a", "III/c", ["S.T.", "S.PWK.", "S.E."]),
                J("Penata Layanan Operasional", "pelaksana", "III/a", "III/b", ["S.E."])]),
            "SEK": program_sek(),
        },
        ("S.E., M.Si.", "S.T., M.T."), ("S.E., M.E.", "S.T., M.T.", "S.PWK.", "S.Si."),
    ))

    opd.append(Opd(
        "Inspektorat", "Inspektorat", "Inspektur", "S3",
        [("Sekretaris Inspektorat", "administrator", "SEK"),
         ("Inspektur Pembantu Wilayah I", "administrator", "WIL1"),
         ("Inspektur Pembantu Wilayah II", "administrator", "WIL2")],
        16, 0.0,
        {
            "WIL1": P("WIL1", R("Meningkatnya kualitas pengawasan internal",
                                "Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti", 90, "%",
                                "kualitas"), [
                R("Terlaksananya audit kinerja perangkat daerah wilayah I", "Jumlah perangkat daerah yang diaudit",
                  10, "perangkat daerah"),
                R("Terlaksananya pemantauan tindak lanjut",
                  "Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti", 90, "%", "kualitas"),
                R("Terlaksananya reviu laporan keuangan", "Laporan hasil reviu LKPD yang disampaikan tepat waktu", 1,
                  "laporan", "waktu"),
            ], [
                (R("Terlaksananya audit", "Jumlah laporan hasil audit yang disusun", 8, "laporan"), 0),
                (R("Terlaksananya reviu", "Jumlah kertas kerja reviu yang diselesaikan", 30, "kertas kerja"), 2),
                (R("Terlaksananya pemantauan tindak lanjut", "Jumlah rekomendasi yang dipantau", 120,
                   "rekomendasi"), 1),
            ], [J("Auditor Ahli Pertama", "fungsional", "III/a", "III/b", ["S.E.", "S.Ak."]),
                J("Auditor Ahli Muda", "fungsional", "III/c", "III/c", ["S.E.", "S.Ak.", "S.E., M.Ak."])]),
            "WIL2": P("WIL2", R("Meningkatnya kapabilitas APIP", "Level kapabilitas APIP", 3, "level", "kualitas"), [
                R("Terlaksananya audit kinerja perangkat daerah wilayah II", "Jumlah perangkat daerah yang diaudit",
                  10, "perangkat daerah"),
                R("Terlaksananya penanganan pengaduan masyarakat", "Persentase pengaduan yang diselesaikan", 100, "%",
                  "waktu", maks=True),
                R("Terlaksananya evaluasi SAKIP perangkat daerah", "Jumlah perangkat daerah yang dievaluasi SAKIP-nya",
                  15, "perangkat daerah"),
            ], [
                (R("Terlaksananya pemeriksaan khusus", "Jumlah pemeriksaan khusus yang diselesaikan", 4,
                   "pemeriksaan"), 1),
                (R("Terlaksananya evaluasi SAKIP", "Jumlah lembar kerja evaluasi SAKIP", 15, "dokumen"), 2),
                (R("Terlaksananya probity audit", "Jumlah paket pengadaan yang di-probity audit", 6, "paket"), 0),
            ], [J("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Pertama", "fungsional", "III/a",
                  "III/c", ["S.H.", "S.IP."]),
                J("Auditor Ahli Pertama", "fungsional", "III/a", "III/b", ["S.E."])]),
            "SEK": program_sek(),
        },
        ("S.E., M.Ak.", "S.H., M.H."), ("S.E., M.Ak.", "S.H., M.H.", "S.E.", "S.Ak., M.M."),
    ))

    opd.append(Opd(
        "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "Kepala Dinas Kependudukan dan Pencatatan Sipil",
        "S1",
        [("Sekretaris Dinas Kependudukan dan Pencatatan Sipil", "administrator", "SEK"),
         ("Kepala Bidang Pelayanan Pendaftaran Penduduk", "administrator", "DAFDUK"),
         ("Kepala Bidang Pelayanan Pencatatan Sipil", "administrator", "CAPIL")],
        20, 0.15,
        {
            "DAFDUK": P("DAFDUK", R("Meningkatnya kualitas pelayanan administrasi kependudukan",
                                    "Persentase penduduk wajib KTP yang memiliki KTP-el", 99, "%"), [
                R("Terlaksananya pelayanan KTP-el", "Persentase penduduk wajib KTP yang memiliki KTP-el", 99, "%"),
                R("Terlaksananya pelayanan KTP-el yang cepat", "Rata-rata waktu penerbitan KTP-el", 2, "hari",
                  "waktu", "turun"),
                R("Terlaksananya aktivasi IKD", "Jumlah penduduk yang mengaktivasi Identitas Kependudukan Digital",
                  15000, "orang"),
            ], [
                (R("Terlaksananya perekaman KTP-el", "Jumlah perekaman KTP-el", 4000, "perekaman"), 0),
                (R("Terlaksananya pencetakan KTP-el", "Rata-rata waktu penerbitan KTP-el", 2, "hari", "waktu",
                   "turun"), 1),
                (R("Terlaksananya aktivasi IKD", "Jumlah aktivasi IKD yang dilayani", 3000, "orang"), 2),
                (R("Terlaksananya pelayanan jemput bola", "Jumlah kegiatan pelayanan jemput bola", 24, "kegiatan"),
                 0),
            ], [J("Administrator Database Kependudukan Ahli Pertama", "fungsional", "III/a", "III/b", ["S.Kom."],
                  "IX"),
                J("Operator Layanan Operasional", "pelaksana", "II/a", "II/c", [""], "V"),
                J("Penata Layanan Operasional", "pelaksana", "III/a", "III/b", ["S.Sos."])]),
            "CAPIL": P("CAPIL", R("Meningkatnya cakupan kepemilikan akta pencatatan sipil",
                                  "Persentase anak yang memiliki akta kelahiran", 98, "%"), [
                R("Terlaksananya pencatatan kelahiran", "Persentase anak yang memiliki akta kelahiran", 98, "%"),
                R("Terlaksananya pencatatan kematian", "Persentase kematian yang tercatat", 90, "%"),
                R("Terlaksananya pelayanan akta tepat waktu", "Persentase akta yang terbit dalam 1 hari kerja", 100,
                  "%", "waktu", maks=True),
            ], [
                (R("Terbitnya akta kelahiran", "Jumlah akta kelahiran yang diterbitkan", 2500, "akta"), 0),
                (R("Terbitnya akta kematian", "Jumlah akta kematian yang diterbitkan", 600, "akta"), 1),
                (R("Terverifikasinya berkas pencatatan sipil", "Jumlah berkas pencatatan sipil yang diverifikasi",
                   3500, "berkas"), 2),
            ], [J("Pengelola Layanan Operasional", "pelaksana", "II/b", "III/a", ["A.Md."], "VII"),
                J("Penata Layanan Operasional", "pelaksana", "III/a", "III/b", ["S.H.", "S.Sos."])]),
            "SEK": program_sek(),
        },
        ("S.STP., M.Si.", "S.Sos., M.Si."), ("S.Kom., M.Kom.", "S.Sos.", "S.STP.", "S.E."),
    ))
    return opd


# --------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------

GOLONGAN = ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d",
            "IV/e"]
# minimum years of service (since TMT CPNS) that make a golongan plausible
MASA_MIN = {"II/a": 0, "II/b": 3, "II/c": 7, "II/d": 11, "III/a": 0, "III/b": 3, "III/c": 7, "III/d": 10,
            "IV/a": 13, "IV/b": 17, "IV/c": 21, "IV/d": 24, "IV/e": 27}


@dataclass
class Pegawai:
    nip: str  # canonical 18 digits
    nip_tulis: str  # as written in pegawai.xlsx
    nama: str
    kelamin: int  # 1 male, 2 female
    jabatan: str
    jenis: str
    golongan: str
    opd: Opd
    status: str  # PNS | PPPK
    peran: str  # sekda | kepala | admin | staf
    program: str = ""
    atasan: Pegawai | None = None
    bawahan: list[Pegawai] = field(default_factory=list)
    skp: list[dict] = field(default_factory=list)
    profil: str = "B"
    penilai: list[tuple[str, Pegawai]] = field(default_factory=list)  # (peran, rater)
    skor: list[tuple[str, Pegawai, list[float]]] = field(default_factory=list)
    inovasi: bool = False
    na: float = 0.0

    @property
    def unit(self) -> str:
        return self.opd.nama


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seri = list(range(1, 1000))
        self.rng.shuffle(self.seri)
        self.nama_dipakai: set[str] = set()
        self.nip_dipakai: set[str] = set()
        self.pegawai: list[Pegawai] = []

    # ---- identities ------------------------------------------------------------------

    def tanggal(self, tahun: int) -> dt.date:
        awal = dt.date(tahun, 1, 1)
        return awal + dt.timedelta(days=self.rng.randrange((dt.date(tahun + 1, 1, 1) - awal).days))

    def hari_kerja(self, mulai: dt.date, selesai: dt.date) -> dt.date:
        while True:
            d = mulai + dt.timedelta(days=self.rng.randrange((selesai - mulai).days + 1))
            if d.weekday() < 5:
                return d

    def buat_nip_pns(self, golongan: str, kelamin: int) -> str:
        rng = self.rng
        while True:
            masa = MASA_MIN[golongan] + rng.randint(0, 7)
            tmt = min(TAHUN - max(masa, 2), 2024)
            umur_masuk = rng.randint(19, 30) if golongan.startswith("II/") else rng.randint(22, 35)
            lahir = self.tanggal(tmt - umur_masuk)
            if not 1966 <= lahir.year <= 2000:
                continue
            bulan = rng.choice([1, 1, 1, 3, 3, 12, 2, 4, 5, 6, 7, 8, 9, 10, 11])
            if dt.date(tmt, bulan, 1) < dt.date(lahir.year + 18, lahir.month, 1):
                continue
            nip = f"{lahir:%Y%m%d}{tmt:04d}{bulan:02d}{kelamin}{self.seri.pop():03d}"
            if nip not in self.nip_dipakai:
                self.nip_dipakai.add(nip)
                return nip

    def buat_nip_pppk(self, kelamin: int) -> str:
        rng = self.rng
        while True:
            tahun = rng.randint(2021, 2024)
            lahir = self.tanggal(rng.randint(1978, 2000))
            if tahun - lahir.year < 21:
                continue
            kontrak = rng.choice([1, 2]) if tahun <= 2022 else 1
            nip = f"{lahir:%Y%m%d}{tahun:04d}2{kontrak}{kelamin}{self.seri.pop():03d}"
            if nip not in self.nip_dipakai:
                self.nip_dipakai.add(nip)
                return nip

    def buat_nama(self, kelamin: int, gelar: str) -> str:
        rng = self.rng
        depan, tengah, belakang = (DEPAN_L, TENGAH_L, BELAKANG_L) if kelamin == 1 else (DEPAN_P, TENGAH_P, BELAKANG_P)
        muka, _, ekor = gelar.rpartition("|")
        while True:
            u = rng.random()
            if u < 0.15:
                dasar = rng.choice(depan)
            elif u < 0.8:
                dasar = f"{rng.choice(depan)} {rng.choice(belakang)}"
            else:
                dasar = f"{rng.choice(depan)} {rng.choice(tengah)} {rng.choice(belakang)}"
            if len(set(dasar.split())) < len(dasar.split()) or dasar in self.nama_dipakai:
                continue
            self.nama_dipakai.add(dasar)
            nama = f"{muka} {dasar}" if muka else dasar
            return f"{nama}, {ekor}" if ekor else nama

    def orang(self, opd: Opd, peran: str, jabatan: str, jenis: str, golongan: str, gelar: str,
              status: str = "PNS", kelamin: int | None = None) -> Pegawai:
        if kelamin is None:
            p_laki = {"sekda": 0.85, "kepala": 0.7, "admin": 0.6}.get(peran, 0.45)
            kelamin = 1 if self.rng.random() < p_laki else 2
        nip = self.buat_nip_pppk(kelamin) if status == "PPPK" else self.buat_nip_pns(golongan, kelamin)
        tulis = nip
        if self.rng.random() < 0.06:  # the way some HR staff type it
            tulis = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
        p = Pegawai(nip, tulis, self.buat_nama(kelamin, gelar), kelamin, jabatan, jenis, golongan, opd, status,
                    peran)
        self.pegawai.append(p)
        return p

    def susun_organisasi(self, daftar: list[Opd]) -> Pegawai:
        rng = self.rng
        setda = daftar[0]
        sekda = self.orang(setda, "sekda", "Sekretaris Daerah", "JPT", rng.choice(["IV/d", "IV/e"]),
                           rng.choice(setda.gelar_kepala))
        for opd in daftar:
            if opd is setda:
                kepala = sekda
            else:
                kepala = self.orang(opd, "kepala", opd.kepala, "JPT", rng.choice(["IV/c", "IV/c", "IV/d"]),
                                    rng.choice(opd.gelar_kepala))
                kepala.atasan = sekda
            admins = []
            for jab, jenis, kode in opd.admin:
                a = self.orang(opd, "admin", jab, jenis, rng.choice(["III/d", "IV/a", "IV/a", "IV/b"]),
                               rng.choice(opd.gelar_admin))
                a.program, a.atasan = kode, kepala
                admins.append(a)
            # staff, spread over the administrators (a little more under the technical fields)
            for i in range(opd.n_staf):
                a = admins[i % len(admins)] if i < 2 * len(admins) else rng.choice(admins)
                prog = opd.programs[a.program]
                pppk = rng.random() < opd.pppk
                pilihan = [j for j in prog.jabatan if j.pppk] if pppk else prog.jabatan
                if not pilihan:
                    pppk, pilihan = False, prog.jabatan
                jab = rng.choice(pilihan)
                lo, hi = GOLONGAN.index(jab.gol_lo), GOLONGAN.index(jab.gol_hi)
                gol = jab.pppk if pppk else GOLONGAN[rng.randint(lo, hi)]
                kelamin = 2 if jab.nama.startswith("Bidan") else None
                s = self.orang(opd, "staf", jab.nama, jab.jenis, gol, rng.choice(jab.gelar),
                               "PPPK" if pppk else "PNS", kelamin)
                s.program, s.atasan = a.program, a
        for p in self.pegawai:
            if p.atasan is not None:
                p.atasan.bawahan.append(p)
        return sekda

    # ---- SKP -------------------------------------------------------------------------

    def baris(self, r: R, jenis: str = "utama", kunci=(), induk=None) -> dict:
        return {"jenis": jenis, "r": r, "kunci": list(kunci), "induk": induk, "rhk_atasan": None,
                "bobot": 0, "realisasi": None, "kosong": False, "bukti": None}

    def susun_skp(self, p: Pegawai) -> None:
        rng = self.rng
        opd = p.opd
        rows: list[dict] = []
        if p.peran == "sekda":
            for k, r in SEKDA_RHK.items():
                kunci = [k] + [c for c, pr in opd.programs.items() if pr.induk == k]
                if k == "S5":
                    kunci += ["G1", "G2"]
                rows.append(self.baris(r, kunci=kunci))
        elif p.peran == "kepala":
            for kode in dict.fromkeys(k for _, _, k in opd.admin):
                if kode != "SEK":
                    prog = opd.programs[kode]
                    rows.append(self.baris(prog.head, kunci=[kode], induk=prog.induk or opd.induk))
            rows.append(self.baris(G1, kunci=["G1"], induk="G1"))
            if rng.random() < 0.6:
                rows.append(self.baris(G2, kunci=["G2"], induk="G2"))
        elif p.peran == "admin":
            prog = opd.programs[p.program]
            if p.program == "SEK":
                pilih = [0, 1, 2, 3] if rng.random() < 0.6 else [0, rng.choice([1, 2]), 3]
                induk = {0: "G1", 1: "G2", 2: "G1", 3: "G1"}
                for i in pilih:
                    rows.append(self.baris(prog.admin[i], kunci=[("SEK", i)], induk=induk[i]))
            else:
                for i, r in enumerate(prog.admin):
                    rows.append(self.baris(r, kunci=[(p.program, i)], induk=p.program))
                if rng.random() < 0.5:
                    rows.append(self.baris(ADMIN_UMUM, kunci=[(p.program, "umum")], induk="G1"))
        else:
            prog = opd.programs[p.program]
            n = min(len(prog.staf), rng.choice([3, 3, 4]))
            idx = sorted(rng.sample(range(len(prog.staf)), n))
            if p.program == "IZIN" and 0 not in idx and rng.random() < 0.8:
                idx = [0] + idx[1:]
            for i in idx:
                r, ai = prog.staf[i]
                rows.append(self.baris(r, induk=(p.program, ai)))
            if rng.random() < 0.3:
                rows.append(self.baris(STAF_UMUM, induk="*"))
        if len(rows) < 6 and rng.random() < (0.25 if p.peran != "staf" else 0.12):
            rows.append(self.baris(rng.choice(TAMBAHAN), jenis="tambahan"))
        for i, b in enumerate(rows, 1):
            b["nomor"] = i
        # cascade: link each utama row to the atasan's row it supports
        if p.atasan is not None:
            sasaran = p.atasan.skp
            for b in rows:
                if b["jenis"] != "utama" or b["induk"] is None:
                    continue
                cocok = [a for a in sasaran if b["induk"] in a["kunci"]]
                if not cocok and isinstance(b["induk"], tuple):
                    cocok = [a for a in sasaran if any(isinstance(k, tuple) and k[0] == b["induk"][0]
                                                       for k in a["kunci"])]
                if not cocok:
                    cocok = [a for a in sasaran if a["jenis"] == "utama"]
                b["rhk_atasan"] = cocok[0]["nomor"]
        self.beri_bobot(rows)
        p.skp = rows

    def beri_bobot(self, rows: list[dict]) -> None:
        rng = self.rng
        utama = [b for b in rows if b["jenis"] == "utama"]
        tambahan = [b for b in rows if b["jenis"] == "tambahan"]
        for b in tambahan:
            b["bobot"] = rng.choice([5, 10])
        sisa = 100 - sum(b["bobot"] for b in tambahan)
        n = len(utama)
        if not tambahan and n in (3, 6) and rng.random() < 0.3:
            rata = round(100 / n * 2) / 2
            nilai = [rata] * n
            nilai[-1] = 100 - rata * (n - 1)
        else:
            nilai = [10] * n
            for _ in range((sisa - 10 * n) // 5):
                nilai[min(rng.randrange(n), rng.randrange(n))] += 5
        for b, v in zip(utama, nilai):
            b["bobot"] = int(v) if float(v).is_integer() else float(v)

    # ---- profiles and raters ---------------------------------------------------------

    def tentukan_profil(self, sekda: Pegawai) -> None:
        """Intended predikat per person (SB, Bt = NA >= 110 without inovasi, B, BP, K, SK)."""
        rng = self.rng
        kepala = [p for p in self.pegawai if p.peran == "kepala"]
        admin = [p for p in self.pegawai if p.peran == "admin"]
        staf = [p for p in self.pegawai if p.peran == "staf"]
        izin = [p for p in staf if p.program == "IZIN"
                and any(b["r"].indikator.startswith("Rata-rata waktu penerbitan izin") for b in p.skp)]
        sb = rng.sample(kepala, 1) + rng.sample(admin, 2) + izin[:1]
        sb += rng.sample([p for p in staf if p not in sb], 2)
        for p in sb:
            p.profil, p.inovasi = "SB", True
        bebas = [p for p in staf if p.profil == "B"]
        rng.shuffle(bebas)
        n = len(self.pegawai)
        for profil, jumlah in (("SK", 2), ("K", 11), ("BP", round(0.14 * n)), ("Bt", 3)):
            for p in bebas[:jumlah]:
                p.profil = profil
            bebas = bebas[jumlah:]
        rng.choice([p for p in admin if p.profil == "B"]).profil = "K"
        for p in rng.sample([p for p in admin if p.profil == "B"], 3):
            p.profil = "BP"
        rng.choice([p for p in kepala if p.profil == "B"]).profil = "BP"
        for p in rng.sample([p for p in self.pegawai if p.profil == "B" and p is not sekda], 4):
            p.inovasi = True  # innovation recorded, but NA stays below 110

    def tentukan_penilai(self, sekda: Pegawai) -> None:
        rng = self.rng
        tanpa_perilaku = next(p for p in self.pegawai if p.profil == "SK")  # e.g. long sick leave
        for p in self.pegawai:
            if p is tanpa_perilaku:
                continue
            if p.atasan is not None:
                p.penilai.append(("atasan", p.atasan))
            if p.peran in ("staf", "admin") and rng.random() < 0.85:
                calon = [q for q in p.atasan.bawahan if q is not p and q.peran == p.peran]
                if len(calon) < 2:
                    calon += [q for q in self.pegawai if q.opd is p.opd and q.peran == p.peran
                              and q is not p and q not in calon]
                for q in rng.sample(calon, min(len(calon), rng.choice([1, 2, 2, 3]))):
                    p.penilai.append(("rekan", q))
            if p.peran in ("kepala", "sekda"):
                for q in rng.sample(p.bawahan, min(len(p.bawahan), 3 if p is sekda else rng.choice([2, 3]))):
                    p.penilai.append(("bawahan", q))
            if p is sekda or rng.random() < 0.08:
                p.penilai.append(("diri", p))

    # ---- realisasi and scores steered to the intended predikat -----------------------

    def realisasi_dari(self, r: R, c: float):
        """A realisasi that gives roughly capaian c (%) on row r."""
        rng = self.rng
        batas = 100.0 if r.satuan in ("%", "nilai") else None
        if isinstance(r.target, str):
            lo, hi = (float(x) for x in r.target.split("-"))
            if 100 <= c < 104:
                v = rng.uniform(lo, hi)
            elif c >= 104:
                v = hi * c / 100
            else:
                v = lo * c / 100
        elif r.maks and c >= 100:
            v = float(r.target)
        elif r.arah == "turun":
            v = max(float(r.target) * (2 - c / 100), float(r.target) * 0.3)
        else:
            v = float(r.target) * c / 100
        if batas is not None:
            v = min(v, batas)
        if r.satuan in ("%", "nilai", "hari", "menit", "km", "miliar rupiah"):
            v = round(v, 1)
            return int(v) if v.is_integer() and r.satuan != "hari" else v
        return max(0, int(round(v)))

    def arah_capaian(self, profil: str) -> float:
        rng = self.rng
        if profil in ("SB", "Bt"):
            return rng.uniform(104, 125)
        if profil == "B":
            return rng.uniform(99.5, 108) if rng.random() < 0.8 else rng.uniform(92, 99.5)
        if profil == "BP":
            return rng.uniform(80, 98)
        if profil == "K":
            return rng.uniform(60, 85)
        return rng.uniform(20, 62)

    def skor_aspek(self, pusat: float) -> list[float]:
        rng = self.rng
        hasil = []
        for _ in K.ASPEK_BERAKHLAK:
            v = min(120.0, max(0.0, pusat + rng.uniform(-4, 4)))
            v = round(v * 2) / 2
            if rng.random() < 0.7:
                v = float(round(v))
            hasil.append(int(v) if v.is_integer() else v)
        return hasil

    def kemudikan(self, p: Pegawai) -> None:
        rng = self.rng
        pita = {"SB": (111, 118), "Bt": (110.8, 116), "B": (91.5, 108.5), "BP": (72, 88), "K": (52, 68),
                "SK": (5, 47)}[p.profil]
        for _ in range(2000):
            for b in p.skp:
                b["realisasi"] = None if b["kosong"] else self.realisasi_dari(b["r"], self.arah_capaian(p.profil))
            nhk = nilai_hasil_kerja(p.skp)
            dinilai = [x for x in p.penilai if x[0] != "diri"]
            if not dinilai:
                p.skor = []
                na = hitung_na(nhk, 0, False)
                if pita[0] <= na <= pita[1]:
                    p.na = na
                    return
                continue
            w = 0.6 if any(x[0] in ("rekan", "bawahan") for x in dinilai) else 0.7
            npk_pusat = (rng.uniform(*pita) - w * nhk) / (1 - w)
            if not 15 <= npk_pusat <= 119 or abs(npk_pusat - nhk) > (32 if p.profil in ("BP", "K", "SK") else 22):
                continue
            p.skor = []
            for peran, q in p.penilai:
                pusat = min(118.0, max(npk_pusat, 95.0) + rng.uniform(0, 8)) if peran == "diri" else npk_pusat
                p.skor.append((peran, q, self.skor_aspek(pusat + rng.uniform(-1.5, 1.5))))
            npk = nilai_perilaku(p.skor)
            na = hitung_na(nhk, npk, w == 0.6)
            if pita[0] <= na <= pita[1]:
                p.na = na
                return
        if any(b["kosong"] for b in p.skp):  # the empty rows make the band unreachable: fill them
            for b in p.skp:
                b["kosong"] = False
            return self.kemudikan(p)
        raise RuntimeError(f"cannot steer {p.nip} to {p.profil}")


# --------------------------------------------------------------------------------------
# pp30 estimate (DOMAIN section 4), used to steer the numbers
# --------------------------------------------------------------------------------------

def _r2(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def capaian(realisasi, target, arah: str) -> Decimal:
    if realisasi is None:
        return Decimal(0)
    rv = Decimal(str(realisasi))
    if isinstance(target, str):
        lo, hi = (Decimal(x) for x in target.split("-"))
        if lo <= rv <= hi:
            return Decimal(100)
        t = hi if rv > hi else lo
    else:
        t = Decimal(str(target))
    c = rv / t * 100 if arah == "naik" else (1 + (1 - rv / t)) * 100
    return _r2(max(c, Decimal(0)))


def nilai_capaian(c: Decimal, maks: bool) -> Decimal:
    if c >= 100 and maks:
        return Decimal(120)
    if c > 110:
        v = Decimal(120)
    elif c >= 101:
        v = 110 + Decimal(10) / 9 * (c - 101)
    elif c >= 100:
        v = Decimal(109)
    elif c >= 80:
        v = 70 + Decimal(19) / 19 * (c - 80)
    elif c >= 60:
        v = 50 + Decimal(19) / 19 * (c - 60)
    else:
        v = c / 59 * 49
    return _r2(v)


def nilai_hasil_kerja(rows: list[dict]) -> float:
    jumlah = sum(Decimal(str(b["bobot"])) for b in rows)
    s = sum(Decimal(str(b["bobot"])) * nilai_capaian(capaian(b["realisasi"], b["r"].target, b["r"].arah),
                                                     b["r"].maks) for b in rows)
    return float(_r2(s / jumlah))


def nilai_perilaku(skor: list[tuple[str, object, list[float]]]) -> float:
    bobot = {"atasan": 60, "rekan": 20, "bawahan": 20}
    per_peran: dict[str, list[Decimal]] = {}
    for peran, _, aspek in skor:
        if peran in bobot:
            per_peran.setdefault(peran, []).append(sum(Decimal(str(a)) for a in aspek) / len(aspek))
    if not per_peran:
        return 0.0
    s = sum(bobot[k] * (sum(v) / len(v)) for k, v in per_peran.items())
    return float(_r2(s / sum(bobot[k] for k in per_peran)))


def hitung_na(nhk: float, npk: float, ada_rekan: bool) -> float:
    w = (Decimal("0.6"), Decimal("0.4")) if ada_rekan else (Decimal("0.7"), Decimal("0.3"))
    return float(_r2(w[0] * Decimal(str(nhk)) + w[1] * Decimal(str(npk))))


def predikat(na: float, inovasi: bool) -> str:
    if na >= 110 and inovasi:
        return "Sangat Baik"
    if na >= 90:
        return "Baik"
    if na >= 70:
        return "Butuh Perbaikan"
    if na >= 50:
        return "Kurang"
    return "Sangat Kurang"


# --------------------------------------------------------------------------------------
# Other records: inovasi, umpan balik, pelatihan, layanan
# --------------------------------------------------------------------------------------

INOVASI = {
    "DPMPTSP": ["Layanan izin usaha cukup dari rumah melalui WhatsApp (IZIN KITO)",
                "Pojok pendampingan OSS RBA bagi pelaku UMKM di Pasar Atas"],
    "Disdukcapil": ["Jemput bola perekaman KTP-el bagi lansia dan penyandang disabilitas (DUKCAPIL MANJAPUIK)",
                    "Akta kelahiran terbit langsung di rumah sakit bersalin (AKU SAYANG)"],
    "Disdikbud": ["Rapor ekstrakurikuler digital untuk memantau partisipasi siswa SMP",
                  "Kelas literasi budaya Minangkabau bersama sanggar seni di sekolah"],
    "RSUD": ["Antrean poliklinik daring dengan notifikasi SMS (SIANTAR)",
             "Papan visual kepatuhan kebersihan tangan per ruang rawat inap"],
    "Dinkes": ["Kartu pantau gizi balita berbasis aplikasi posyandu (SIGIZI)",
               "Kelas ibu hamil daring untuk kelurahan dengan kasus stunting tertinggi"],
    "BKPSDM": ["Dasbor pemenuhan 20 JP pengembangan kompetensi per perangkat daerah",
               "Layanan konsultasi kepegawaian terjadwal tanpa antre (KONSUL ASN)"],
    "Setda": ["Basis data produk hukum daerah yang dapat dicari dengan kata kunci"],
    "Dispar": ["Kalender event wisata terpadu Kota Bukittinggi dalam satu laman"],
    "DPUPR": ["Pelaporan kerusakan jalan melalui foto bertitik koordinat"],
    "Dinsos": ["Verifikasi DTKS dengan formulir daring di tingkat kelurahan"],
    "Bappeda": ["Peta usulan musrenbang terbuka untuk warga"],
    "Inspektorat": ["Lembar kerja tindak lanjut rekomendasi audit bersama yang diperbarui mingguan"],
}

UMPAN_BALIK = {
    "SB": [
        "Capaian target melampaui rencana dan inovasinya sudah dipakai unit lain. Mohon dokumentasikan "
        "langkah kerjanya agar dapat direplikasi.",
        "Kerja sama dengan bidang lain sangat baik. Pertahankan, dan bantu rekan yang baru bergabung memahami "
        "prosedur layanan.",
    ],
    "B": [
        "Target triwulan tercapai. Ke depan, lengkapi bukti dukung setiap bulan agar tidak menumpuk di akhir "
        "tahun.",
        "Pelayanan kepada masyarakat ramah dan cepat. Tingkatkan ketelitian pada laporan bulanan.",
        "Hasil kerja sesuai ekspektasi. Silakan ikut pelatihan yang relevan agar target 20 JP terpenuhi.",
    ],
    "BP": [
        "Beberapa laporan terlambat disampaikan. Mohon susun jadwal kerja mingguan dan sampaikan kendala lebih "
        "awal kepada atasan.",
        "Capaian indikator utama masih di bawah target. Kita sepakati rencana aksi bulanan dan evaluasi "
        "bersama setiap akhir bulan.",
        "Bukti dukung realisasi belum lengkap. Mohon unggah dokumen pendukung paling lambat tanggal 5 setiap "
        "bulan.",
        "Koordinasi dengan rekan satu bidang perlu ditingkatkan; ikuti rapat koordinasi mingguan secara rutin.",
        "Disarankan mengikuti Pelatihan Manajemen Waktu agar penyelesaian tugas lebih teratur.",
    ],
    "K": [
        "Realisasi jauh di bawah target dan beberapa tugas tidak selesai. Kita jadwalkan sesi bimbingan kinerja "
        "dua minggu sekali.",
        "Kehadiran pada kegiatan lapangan perlu diperbaiki. Mohon konfirmasi setiap penugasan dan laporkan "
        "hasilnya pada hari yang sama.",
        "Mohon pelajari kembali SOP layanan; kesalahan input data berulang kali ditemukan saat verifikasi.",
    ],
    "SK": [
        "Sebagian besar target belum dikerjakan dan realisasi tidak dilaporkan. Perlu konseling kinerja dan "
        "rencana perbaikan tertulis bulan ini.",
        "Tugas yang diberikan belum ditindaklanjuti. Kita bertemu setiap minggu untuk memantau kemajuan "
        "pekerjaan.",
    ],
}

# (kegiatan, jenis, JP options, penyelenggara options)
PELATIHAN = [
    ("Pelatihan Manajemen Waktu", "pelatihan", (8, 12, 16), ("BKPSDM Kota Bukittinggi",)),
    ("Pelatihan Pelayanan Publik Berbasis Digital", "pelatihan", (16, 24, 32),
     ("BPSDM Provinsi Sumatera Barat", "LAN RI")),
    ("Pelatihan Penyusunan SKP dan Indikator Kinerja Individu", "pelatihan", (12, 16),
     ("BKPSDM Kota Bukittinggi", "BKN Kantor Regional XII Pekanbaru")),
    ("Pelatihan Pengadaan Barang/Jasa Pemerintah Tingkat Dasar", "pelatihan", (24, 32, 40), ("LKPP",)),
    ("Pelatihan Penulisan Naskah Dinas", "pelatihan", (8, 12), ("BKPSDM Kota Bukittinggi",)),
    ("Pelatihan Analisis Data dengan Spreadsheet", "pelatihan", (12, 16, 20),
     ("BPSDM Provinsi Sumatera Barat", "BKPSDM Kota Bukittinggi")),
    ("Pelatihan Teknis Penatausahaan Keuangan Daerah", "pelatihan", (24, 30),
     ("BPSDM Provinsi Sumatera Barat",)),
    ("Workshop Pelayanan Prima", "workshop", (6, 8, 12), ("BKPSDM Kota Bukittinggi", "Ombudsman RI Perwakilan Sumatera Barat")),
    ("Workshop Penyusunan Laporan Kinerja Instansi Pemerintah", "workshop", (8, 12),
     ("Bappeda Kota Bukittinggi", "Inspektorat Kota Bukittinggi")),
    ("Workshop Manajemen Risiko Perangkat Daerah", "workshop", (6, 8), ("Inspektorat Kota Bukittinggi",)),
    ("Workshop Keterbukaan Informasi Publik", "workshop", (4, 6), ("Dinas Komunikasi dan Informatika Kota Bukittinggi",)),
    ("Seminar Budaya Kerja BerAKHLAK", "seminar", (2, 3, 4), ("BKPSDM Kota Bukittinggi",)),
    ("Seminar Transformasi Digital Pemerintahan", "seminar", (3, 4), ("LAN RI", "BPSDM Provinsi Sumatera Barat")),
    ("Seminar Kesehatan Mental di Tempat Kerja", "seminar", (2, 3), ("RSUD Kota Bukittinggi",)),
    ("Coaching Kinerja oleh Atasan Langsung", "coaching", (2, 4, 6), ("unit kerja",)),
    ("Mentoring Penyusunan Rencana Aksi Inovasi", "coaching", (4, 8), ("BKPSDM Kota Bukittinggi",)),
    ("E-Learning Literasi Digital ASN", "e-learning", (10, 15, 20), ("LAN RI",)),
    ("E-Learning Manajemen ASN", "e-learning", (8, 12, 16), ("BKN",)),
    ("E-Learning Wawasan Kebangsaan dan Nilai Bela Negara", "e-learning", (6, 10), ("LAN RI",)),
    ("Studi Banding Pelayanan Publik ke Kota Payakumbuh", "lainnya", (6, 8), ("BKPSDM Kota Bukittinggi",)),
    ("Diskusi Kelompok Terpumpun Penyusunan Renstra", "lainnya", (4, 6), ("Bappeda Kota Bukittinggi",)),
]

PELATIHAN_TEKNIS = {
    "RSUD": [("Pelatihan Bantuan Hidup Dasar", "pelatihan", (16, 24), ("RSUD Kota Bukittinggi",)),
             ("Pelatihan Pencegahan dan Pengendalian Infeksi", "pelatihan", (24, 32),
              ("Kementerian Kesehatan",))],
    "Dinkes": [("Pelatihan Tata Laksana Gizi Buruk pada Balita", "pelatihan", (24, 32), ("Kementerian Kesehatan",))],
    "Disdikbud": [("Workshop Implementasi Kurikulum Merdeka", "workshop", (16, 24),
                   ("Balai Guru Penggerak Sumatera Barat",))],
    "DPMPTSP": [("Bimbingan Teknis Sistem OSS Berbasis Risiko", "pelatihan", (16, 24),
                 ("Kementerian Investasi/BKPM",))],
    "Inspektorat": [("Pelatihan Audit Kinerja", "pelatihan", (30, 40), ("BPKP Perwakilan Sumatera Barat",))],
    "BKPSDM": [("Bimbingan Teknis Pengelolaan SIASN", "pelatihan", (12, 16), ("BKN Kantor Regional XII Pekanbaru",))],
}

BUKTI = [
    "Laporan kegiatan Januari-Desember 2026", "Rekapitulasi data tahunan 2026", "Notulen rapat dan daftar hadir",
    "Dokumentasi kegiatan", "Laporan bulanan", "Berita acara dan laporan hasil", "Surat keputusan dan lampiran",
    "Rekap aplikasi per 31 Desember 2026",
]

LAYANAN = [
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Rata-rata waktu penerbitan izin usaha", "hari",
     "turun", 3, (7.5, 6, 4.5, 3.5), "Laporan aplikasi SiCantik Cloud"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Indeks Kepuasan Masyarakat layanan perizinan",
     "nilai", "naik", 85, (81.2, 82.5, 84.1, 86.3), "Survei kepuasan masyarakat triwulanan"),
    ("Dinas Pendidikan dan Kebudayaan", "Angka partisipasi ekstrakurikuler", "%", "naik", 80,
     (62, 68.5, 74, 79.5), "Rekap laporan sekolah"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Rata-rata waktu penerbitan KTP-el", "hari", "turun", 1,
     (3, 2.5, 1.5, 1), "SIAK Terpusat"),
    ("RSUD Kota Bukittinggi", "Rata-rata waktu tunggu rawat jalan", "menit", "turun", 60, (95, 80, 70, 58),
     "SIMRS"),
]


def _selesaikan(g: Generator, sekda: Pegawai) -> dict:
    """Everything after the organisation: SKP, profiles, scores and the other records."""
    rng = g.rng
    urut = sorted(g.pegawai, key=lambda p: ("sekda", "kepala", "admin", "staf").index(p.peran))
    for p in urut:
        g.susun_skp(p)
    g.tentukan_profil(sekda)
    g.tentukan_penilai(sekda)
    # ~2% of realisasi left empty, among the weaker performers
    for p in g.pegawai:
        if p.profil in ("BP", "K", "SK") and p.skp:
            peluang = {"BP": 0.4, "K": 0.7, "SK": 1.0}[p.profil]
            if rng.random() < peluang:
                calon = [b for b in p.skp if b["bobot"] <= {"BP": 20, "K": 25, "SK": 100}[p.profil]]
                for b in rng.sample(calon, min(len(calon), 2 if p.profil == "SK" else 1)):
                    b["kosong"] = True
    for p in g.pegawai:
        g.kemudikan(p)
    for p in g.pegawai:
        for b in p.skp:
            if b["realisasi"] is not None:
                b["bukti"] = (f"https://e-kinerja.bukittinggikota.go.id/bukti/{PERIODE}/{p.nip}/{b['nomor']}"
                              if rng.random() < 0.35 else rng.choice(BUKTI))

    inovasi = []
    for p in g.pegawai:
        if p.inovasi:
            pilihan = INOVASI.get(p.opd.singkat) or ["Penyederhanaan alur layanan dengan formulir daring"]
            dipakai = [x["uraian"] for x in inovasi]
            sisa = [t for t in pilihan if t not in dipakai] or pilihan
            inovasi.append({"nip": p.nip, "uraian": rng.choice(sisa),
                            "tanggal": g.hari_kerja(dt.date(TAHUN, 3, 1), dt.date(TAHUN, 11, 30))})

    umpan = []
    for p in g.pegawai:
        if p.atasan is None:
            continue
        peluang = {"SB": 1.0, "Bt": 0.3, "B": 0.05, "BP": 0.45, "K": 1.0, "SK": 1.0}[p.profil]
        if rng.random() < peluang:
            n = 2 if p.profil in ("K", "SK") else 1
            teks = rng.sample(UMPAN_BALIK["B" if p.profil == "Bt" else p.profil], n)
            for i, t in enumerate(teks):
                d = g.hari_kerja(dt.date(TAHUN, 4 + 4 * i, 1), dt.date(TAHUN, 7 + 5 * i, 30))
                umpan.append({"nip": p.nip, "dari": p.atasan.nip, "tanggal": d, "teks": t})
    umpan.sort(key=lambda x: (x["tanggal"], x["nip"]))

    pelatihan = []
    for p in g.pegawai:
        kurang = rng.random() < {"BP": 0.6, "K": 0.7, "SK": 0.9}.get(p.profil, 0.3)
        katalog = PELATIHAN + PELATIHAN_TEKNIS.get(p.opd.singkat, [])
        total, catatan = 0, []
        if kurang:
            for _ in range(rng.choice([0, 1, 1, 2, 2])):
                keg = rng.choice([k for k in katalog if min(k[2]) <= 19 - total] or [None])
                if keg is None:
                    break
                jp = rng.choice([j for j in keg[2] if j <= 19 - total])
                catatan.append((keg, jp))
                total += jp
        else:
            while total < 20 and len(catatan) < 5:
                keg = rng.choice(katalog)
                jp = rng.choice(keg[2])
                catatan.append((keg, jp))
                total += jp
            if total < 20:
                catatan.append((PELATIHAN[3], 24))
        milik: dict = {}  # (kegiatan, tanggal) -> record: one record per activity and day (the natural key)
        for (kegiatan, jenis, _, penyelenggara), jp in catatan:
            org = rng.choice(penyelenggara)
            tanggal = g.hari_kerja(dt.date(TAHUN, 1, 15), dt.date(TAHUN, 12, 10))
            if (kegiatan, tanggal) in milik:
                milik[(kegiatan, tanggal)]["jp"] += jp
                continue
            milik[(kegiatan, tanggal)] = {"nip": p.nip, "nama": p.nama, "kegiatan": kegiatan, "jenis": jenis,
                                          "tanggal": tanggal, "jp": jp,
                                          "penyelenggara": p.unit if org == "unit kerja" else org}
        pelatihan += milik.values()
    pelatihan.sort(key=lambda x: (x["tanggal"], x["nip"]))

    layanan = []
    for unit, ind, sat, arah, target, nilai, sumber in LAYANAN:
        for t, v in enumerate(nilai, 1):
            layanan.append({"unit": unit, "indikator": ind, "satuan": sat, "arah": arah, "target": target,
                            "periode": f"{TAHUN}-T{t}", "nilai": v, "sumber": sumber})
    return {"inovasi": inovasi, "umpan_balik": umpan, "pelatihan": pelatihan, "layanan": layanan}


# --------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------

KOLOM_NIP = {"nip", "nip_atasan", "penilai", "dari"}
TETAP = dt.datetime(TAHUN, 1, 2, 8, 0, 0)


def _tulis_sheet(ws, tata: K.Tata, baris: list[dict]) -> None:
    ws.title = tata.nama_sheet
    kunci = [k.key for k in tata.kolom]
    ws.append([k.judul for k in tata.kolom])
    for c in ws[1]:
        c.font = Font(bold=True)
    ws.freeze_panes = "A2"
    lebar = [len(k.judul) for k in tata.kolom]
    for b in baris:
        ws.append([b.get(k) for k in kunci])
        r = ws.max_row
        for i, k in enumerate(kunci):
            v = b.get(k)
            if v is None:
                continue
            sel = ws.cell(row=r, column=i + 1)
            if k in KOLOM_NIP:
                sel.number_format = "@"
            elif isinstance(v, dt.date):
                sel.number_format = "DD-MM-YYYY"
            lebar[i] = max(lebar[i], 10 if isinstance(v, dt.date) else len(str(v)))
    for i, w in enumerate(lebar):
        ws.column_dimensions[ws.cell(row=1, column=i + 1).column_letter].width = min(60, w + 2)


def _simpan(path: Path, sheets: list[tuple[K.Tata, list[dict]]]) -> None:
    wb = Workbook()
    wb.properties.creator = "kinerja contoh_data"
    wb.properties.created = TETAP
    for i, (tata, baris) in enumerate(sheets):
        ws = wb.active if i == 0 else wb.create_sheet()
        _tulis_sheet(ws, tata, baris)
    wb.save(path)


def _sebagai_angka(v):
    return int(v) if isinstance(v, float) and v.is_integer() else v


def buat(folder: Path, seed: int = 2026) -> dict:
    """Generate the sample workbooks into ``folder``; returns a summary (people, NA, predikat)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    g = Generator(seed)
    sekda = g.susun_organisasi(daftar_opd())
    lain = _selesaikan(g, sekda)
    rng = g.rng

    def tulis_nip(p: Pegawai | None) -> str | None:
        if p is None:
            return None
        return p.nip_tulis if rng.random() < 0.5 else p.nip

    pegawai = [{"nip": p.nip_tulis, "nama": p.nama, "jabatan": p.jabatan, "jenis_jabatan": p.jenis,
                "golongan": p.golongan, "unit": p.unit, "nip_atasan": tulis_nip(p.atasan), "status": p.status}
               for p in g.pegawai]
    sasaran, realisasi, perilaku = [], [], []
    for p in g.pegawai:
        for b in p.skp:
            r = b["r"]
            target = r.target if isinstance(r.target, str) else _sebagai_angka(r.target)
            sasaran.append({"nip": p.nip, "nama": p.nama, "jabatan": p.jabatan, "nomor": b["nomor"],
                            "jenis": b["jenis"], "rhk": r.rhk, "rhk_atasan": b["rhk_atasan"], "aspek": r.aspek,
                            "indikator": r.indikator, "target": target, "satuan": r.satuan, "bobot": b["bobot"],
                            "arah": r.arah, "target_maksimal": "ya" if r.maks else "tidak",
                            # agreed by the atasan; the Sekda's atasan (the mayor) is not in the roster
                            "status_skp": "disetujui" if p.atasan is not None else None})
            realisasi.append({"nip": p.nip, "nama": p.nama, "nomor": b["nomor"], "indikator": r.indikator,
                              "target": target, "satuan": r.satuan, "realisasi": b["realisasi"],
                              "bukti": b["bukti"]})
        for peran, q, aspek in p.skor:
            baris = {"nip": p.nip, "nama": p.nama, "penilai": q.nip, "peran": peran}
            baris.update(zip(K.ASPEK_BERAKHLAK, aspek))
            perilaku.append(baris)

    _simpan(folder / "pegawai.xlsx", [(K.PEGAWAI, pegawai)])
    _simpan(folder / "skp_2026.xlsx", [(K.SASARAN, sasaran), (K.REALISASI, realisasi), (K.PERILAKU, perilaku)])
    _simpan(folder / "umpan_balik_2026.xlsx", [(K.UMPAN_BALIK, lain["umpan_balik"])])
    _simpan(folder / "inovasi_2026.xlsx", [(K.INOVASI, lain["inovasi"])])
    _simpan(folder / "pelatihan_2026.xlsx", [(K.PELATIHAN, lain["pelatihan"])])
    _simpan(folder / "layanan.xlsx", [(K.LAYANAN, lain["layanan"])])

    return {
        "pegawai": g.pegawai,
        "sekda": sekda,
        "predikat": {p.nip: predikat(p.na, p.inovasi) for p in g.pegawai},
        "jumlah": {"sasaran": len(sasaran), "realisasi_kosong": sum(1 for x in realisasi if x["realisasi"] is None),
                   "perilaku": len(perilaku), "umpan_balik": len(lain["umpan_balik"]),
                   "inovasi": len(lain["inovasi"]), "pelatihan": len(lain["pelatihan"]),
                   "layanan": len(lain["layanan"])},
    }


def main() -> None:
    from collections import Counter

    folder = Path(__file__).resolve().parent
    hasil = buat(folder, int(sys.argv[1]) if len(sys.argv) > 1 else 2026)
    peg = hasil["pegawai"]
    print(f"{len(peg)} pegawai in {len({p.unit for p in peg})} OPD -> {folder}")
    for unit, n in Counter(p.unit for p in peg).items():
        print(f"  {n:4d}  {unit}")
    print("  status:", dict(Counter(p.status for p in peg)))
    print("  predikat (pp30 estimate):", dict(Counter(hasil["predikat"].values()).most_common()))
    print("  rows:", hasil["jumlah"])


if __name__ == "__main__":
    main()
