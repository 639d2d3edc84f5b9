"""SIASN files as BKN writes them, built in the tests: the roster export (exact 67-column header
row, apostrophe NIPs, split titles, date cells) and the unor hierarchy (indented names)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import buat_xlsx

from kinerja_cli.kolom import JUDUL_SIASN

# The header row exactly as the issue quotes it (one header wraps a line in the real file).
JUDUL = [("NAMA\n SEKOLAH" if j == "NAMA SEKOLAH" else j) for j in JUDUL_SIASN]
assert len(JUDUL) == 67

PEMDA = "R00"
HIERARKI = [
    ["ID", "NAMA_UNOR", "ID_ATASAN"],
    [PEMDA, "PEMERINTAH KABUPATEN CONTOH", None],
    ["D10", "  DINAS KESEHATAN", PEMDA],
    ["D11", "    UPT PUSKESMAS SUKAMAJU", "D10"],
    ["D12", "    BIDANG PELAYANAN KESEHATAN", "D10"],
    ["D13", "      SEKSI RUJUKAN", "D12"],
    ["S10", "  SEKRETARIAT DAERAH", PEMDA],
    ["S11", "    BAGIAN UMUM", "S10"],
    ["K10", "  KECAMATAN SUKAMAJU", PEMDA],
    ["K11", "    KELURAHAN SUKAMAJU", "K10"],
]
UNOR = {r[0]: r[1].strip() for r in HIERARKI[1:]}


def nip_pns(i: int) -> str:
    return f"{1970 + i:04d}0315{1998 + i:04d}03{1 + i % 2}{i + 1:03d}"


def nip_pppk(i: int) -> str:
    return f"{1985 + i:04d}0620" "2022" "2" "1" f"{1 + i % 2}{i + 1:03d}"


def baris(nip, nama, jabatan, jenis_jabatan, gol, unor, kedudukan="Aktif", cpns="P", depan=None, belakang=None,
          jenis_pegawai="PNS Daerah Kabupaten/Kota") -> list:
    d = dict.fromkeys(JUDUL_SIASN)
    d.update({
        "PNS ID": f"8ae48{nip[-6:]}", "NIP BARU": "'" + nip, "NAMA": nama, "GELAR DEPAN": depan,
        "GELAR BELAKANG": belakang, "TEMPAT LAHIR NAMA": "Sukamaju", "TANGGAL LAHIR": dt.datetime(1980, 1, 2),
        "JENIS KELAMIN": "M", "NIK": "3204010101800001", "NOMOR HP": "081234567890", "EMAIL": "rahasia@contoh.id",
        "ALAMAT": "Jl. Rahasia No. 1", "NPWP NOMOR": "12.345.678.9-012.000", "BPJS": "0001234567890",
        "JENIS PEGAWAI NAMA": jenis_pegawai, "KEDUDUKAN HUKUM NAMA": kedudukan, "STATUS CPNS PNS": cpns,
        "TMT CPNS": dt.datetime(2005, 1, 1), "GOL AKHIR NAMA": gol, "JENIS JABATAN NAMA": jenis_jabatan,
        "JABATAN NAMA": jabatan, "TMT JABATAN": dt.datetime(2020, 1, 1), "UNOR ID": unor,
        "UNOR NAMA": UNOR.get(unor, "UNOR LAIN"), "SATUAN KERJA INDUK NAMA": "PEMERINTAH KAB. CONTOH",
        "INSTANSI INDUK NAMA": "Pemerintah Kab. Contoh",
    })
    return [d[j] for j in JUDUL_SIASN]


SEKDA, KADIS, KABID, KASI, KAUPT, DOKTER, CPNS, CAMAT, LURAH, CLTN = (nip_pns(i) for i in range(10))
PNS = [
    baris(SEKDA, "Ahmad Yani", "Sekretaris Daerah", "Jabatan Struktural", "IV/d", "S10", depan="Drs.", belakang="M.Si."),
    baris(KADIS, "Budi Santoso", "Kepala Dinas Kesehatan", "Jabatan Struktural", "IV/c", "D10", depan="dr.",
          belakang="M.Kes"),
    baris(KABID, "Citra Lestari", "Kepala Bidang Pelayanan Kesehatan", "Jabatan Struktural", "IV/a", "D12",
          belakang="SKM"),
    baris(KASI, "Dewi Sartika", "Kepala Seksi Rujukan", "Jabatan Struktural", "III/d", "D13", belakang="S.Kep.Ners"),
    baris(KAUPT, "Eko Prasetyo", "Kepala UPT Puskesmas Sukamaju", "Jabatan Struktural", "III/d", "D11",
          belakang="SE"),
    baris(DOKTER, "Fajar Nugraha", "Dokter Ahli Pertama", "Jabatan Fungsional", "III/b", "D11", "Tugas Belajar",
          depan="dr."),
    baris(CPNS, "Gita Permata", "Pengadministrasi Perkantoran", "Jabatan Pelaksana", "II/a", "D11", cpns="C"),
    baris(CAMAT, "Hadi Wijaya", "Camat Sukamaju", "Jabatan Struktural", "IV/a", "K10", belakang="S.STP"),
    baris(LURAH, "Indah Sari", "Lurah Sukamaju", "Jabatan Struktural", "III/c", "K11", belakang="S.Pd.I"),
    baris(CLTN, "Joko Susilo", "Pengelola Data", "Jabatan Pelaksana", "III/a", "S11", "CLTN"),
]
PPPK_A, PPPK_B = nip_pppk(0), nip_pppk(1)
PPPK = [
    baris(PPPK_A, "Kartika Dewi", "Perawat Ahli Pertama", "Jabatan Fungsional", "IX", "D11", "PPPK Aktif",
          cpns=None, belakang="S.Kep.Ners", jenis_pegawai="PPPK"),
    baris(PPPK_B, "Lukman Hakim", "Guru Ahli Pertama", "Jabatan Fungsional", "IX", "K10", "PPPK Aktif", cpns=None,
          belakang="S.Pd", jenis_pegawai="PPPK"),
]
PW_A, PW_B = nip_pppk(2), nip_pppk(3)
PARUH_WAKTU = [
    baris(PW_A, "Maya Sari", "Operator Layanan Operasional", "Jabatan Pelaksana", None, "D11",
          "PPPK Paruh Waktu Aktif", cpns=None, jenis_pegawai="PPPK Paruh Waktu"),
    baris(PW_B, "Nanda Putra", "Pengelola Umum Operasional", "Jabatan Pelaksana", None, "D13",
          "PPPK Paruh Waktu Aktif", cpns=None, jenis_pegawai="PPPK Paruh Waktu"),
]


def ekspor(path: Path, sheet: str, rows: list) -> Path:
    return buat_xlsx(path, {sheet: [JUDUL, *rows]})


def hierarki(path: Path, rows: list | None = None) -> Path:
    return buat_xlsx(path, {"Sheet1": rows or HIERARKI})
