"""The instansi profile (pemda, instansi, kop, signatories): its value type and its checks.

Pure: the logo arrives as bytes (the service reads the file), nothing here touches a disk.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, fields, replace

from .golongan import PANGKAT_PNS, normalisasi_golongan, pangkat_golongan
from .nip import NIPTidakValid, normalisasi_nip, periksa_nip

LOGO_MAKS = 1024 * 1024  # bytes: a kop logo is a few hundred KB at most; the database stays small
LOGO_SISI_MAKS = 8000  # pixels
JABATAN_KEPALA = ("Wali Kota", "Bupati", "Gubernur")
# An acting head (penjabat, pelaksana tugas, pelaksana harian) keeps the prefix on every document.
AWALAN_KEPALA = ("Pj.", "Plt.", "Plh.")
_AWALAN = re.compile(r"^(pj|plt|plh)\.?\s*", re.IGNORECASE)
SINGKATAN_MAKS = 20


@dataclass(frozen=True)
class ProfilInstansi:
    """What every document and recap takes from the profile. Empty text fields are None."""

    pemda: str | None = None  # "Pemerintah Kota Bukittinggi"
    instansi: str | None = None  # "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
    tempat: str | None = None  # place written before every date: "Bukittinggi"
    alamat: str | None = None  # kop line: street address
    kontak: str | None = None  # kop line: telephone, e-mail, website
    kepala_nama: str | None = None  # the kepala daerah
    kepala_jabatan: str | None = None  # Wali Kota | Bupati | Gubernur
    ttd_jabatan: str | None = None  # the official who signs recaps
    ttd_nama: str | None = None
    ttd_nip: str | None = None  # 18 digits, stored without spaces
    ttd_pangkat: str | None = None
    logo: bytes | None = None
    logo_jenis: str | None = None  # png | jpeg
    logo_lebar: int | None = None  # pixels
    logo_tinggi: int | None = None

    @property
    def ada_penandatangan(self) -> bool:
        return bool(self.ttd_nama)

    def kosong(self) -> list[str]:
        """Labels of the fields a document uses that are still empty."""
        label = {"pemda": "nama pemerintah daerah", "instansi": "nama instansi", "tempat": "tempat (kota/kabupaten)",
                 "ttd_nama": "penandatangan rekap"}
        return [v for k, v in label.items() if not getattr(self, k)]


TEKS = ("pemda", "instansi", "tempat", "alamat", "kontak", "kepala_nama", "kepala_jabatan", "ttd_jabatan", "ttd_nama",
        "ttd_nip", "ttd_pangkat")
LABEL = {"pemda": "Pemerintah daerah", "instansi": "Instansi", "tempat": "Tempat (untuk tanggal)", "alamat": "Alamat",
         "kontak": "Kontak", "kepala_nama": "Kepala daerah", "kepala_jabatan": "Jabatan kepala daerah",
         "ttd_jabatan": "Penandatangan rekap: jabatan", "ttd_nama": "Penandatangan rekap: nama",
         "ttd_nip": "Penandatangan rekap: NIP", "ttd_pangkat": "Penandatangan rekap: pangkat", "logo": "Logo"}


class ProfilTidakValid(ValueError):
    def __init__(self, pesan: str, saran: str = ""):
        super().__init__(pesan)
        self.pesan, self.saran = pesan, saran


def dari_dict(d: dict | None) -> ProfilInstansi | None:
    if d is None:
        return None
    nama = {f.name for f in fields(ProfilInstansi)}
    return ProfilInstansi(**{k: v for k, v in d.items() if k in nama})


def ubah(lama: ProfilInstansi | None, **baru) -> ProfilInstansi:
    """`lama` with the given fields replaced (None: unchanged; '' clears a text field), each checked."""
    p = lama or ProfilInstansi()
    ganti = {}
    for k, v in baru.items():
        if v is None:
            continue
        if k not in TEKS:
            raise ValueError(k)
        v = " ".join(str(v).split())
        if any(ord(c) < 32 or 0x200b <= ord(c) <= 0x200f or 0x202a <= ord(c) <= 0x202e for c in v):
            raise ProfilTidakValid(f"{LABEL[k]} berisi karakter kendali.", "Ketik ulang teksnya.")
        if len(v) > 200:
            raise ProfilTidakValid(f"{LABEL[k]} terlalu panjang ({len(v)} karakter; paling banyak 200).",
                                   "Singkat teksnya.")
        ganti[k] = _periksa(k, v) if v else None
    return replace(p, **ganti)


def _periksa(k: str, v: str) -> str:
    if k == "kepala_jabatan":
        return _jabatan_kepala(v)
    if k == "ttd_nip":
        try:
            return periksa_nip(v).nip
        except NIPTidakValid as e:
            raise ProfilTidakValid(f"NIP penandatangan rekap '{v}' tidak valid: {e.pesan}.", e.saran) from None
    if k == "ttd_pangkat":
        return normalisasi_pangkat(v)
    return v


def _jabatan_kepala(v: str) -> str:
    """'bupati' -> 'Bupati'; 'PJ. bupati', 'Plt Wali Kota' -> 'Pj. Bupati', 'Plt. Wali Kota' (an acting head)."""
    m = _AWALAN.match(v)
    awalan = next(a for a in AWALAN_KEPALA if a[:-1].lower() == m.group(1).lower()) if m else None
    inti = v[m.end():] if m else v
    cocok = [j for j in JABATAN_KEPALA if j.replace(" ", "").lower() == inti.replace(" ", "").lower()]
    if not cocok:
        raise ProfilTidakValid(f"Jabatan kepala daerah '{v}' tidak dikenal.",
                               f"Pilih salah satu: {', '.join(JABATAN_KEPALA)}, boleh diawali "
                               f"{', '.join(AWALAN_KEPALA)} untuk penjabat/pelaksana (Pj. Bupati).")
    return f"{awalan} {cocok[0]}" if awalan else cocok[0]


def normalisasi_pangkat(v: str) -> str:
    """'IV/c', 'Pembina Utama Muda', 'Pembina Utama Muda, IV/c' or '... (IV/c)' -> 'Pembina Utama Muda (IV/c)'
    or the pangkat name alone; a pangkat name that does not match its golongan is refused."""
    teks = v.strip()
    m = re.match(r"^(.*?)[\s,]*\(?\s*([IVXivx1-4]+\s*[/\-.]?\s*[A-Ea-e])\s*\)?$", teks)
    nama, gol = (m.group(1).strip(" ,"), m.group(2)) if m else (teks, None)
    if gol:
        g = normalisasi_golongan(gol, "PNS")
        if g is None:
            raise ProfilTidakValid(f"Golongan '{gol}' pada pangkat tidak dikenal.", "Contoh: Pembina Utama Muda (IV/c).")
        if nama and nama.lower() != PANGKAT_PNS[g].lower():
            raise ProfilTidakValid(f"Pangkat '{nama}' tidak cocok dengan golongan {g} ({PANGKAT_PNS[g]}).",
                                   f"Tulis '{PANGKAT_PNS[g]} ({g})', atau golongannya saja: {g}.")
        return pangkat_golongan(g)
    nama_dikenal = {x.lower(): x for x in PANGKAT_PNS.values()}
    if nama.lower() not in nama_dikenal:
        raise ProfilTidakValid(f"Pangkat '{v}' tidak dikenal.",
                               "Tulis nama pangkat PNS dan golongannya, misalnya 'Pembina Utama Muda (IV/c)' atau 'IV/c'.")
    return nama_dikenal[nama.lower()]


def nip_cetak(nip: str | None) -> str:
    """'198009082009041482' -> 'NIP. 19800908 200904 1 482' (the customary printed form); other
    lengths (NI PPPK) are printed as stored."""
    s = normalisasi_nip(nip)
    if len(s) == 18 and s.isdigit():
        return f"NIP. {s[:8]} {s[8:14]} {s[14]} {s[15:]}"
    return f"NIP. {s}" if s else "NIP. -"


# -- logo ------------------------------------------------------------------------


def periksa_logo(isi: bytes, nama: str = "logo") -> tuple[str, int, int]:
    """(png | jpeg, width, height) of a logo image, or ProfilTidakValid naming what is wrong."""
    if len(isi) == 0:
        raise ProfilTidakValid(f"Berkas logo {nama} kosong (0 byte).", "Pilih berkas gambar PNG atau JPG.")
    if len(isi) > LOGO_MAKS:
        raise ProfilTidakValid(f"Berkas logo {nama} terlalu besar ({len(isi) // 1024} KB; paling besar "
                               f"{LOGO_MAKS // 1024} KB).", "Perkecil gambarnya (logo kop cukup 300-600 piksel).")
    if isi.startswith(b"\x89PNG\r\n\x1a\n"):
        jenis, ukuran = "png", _ukuran_png(isi)
    elif isi.startswith(b"\xff\xd8\xff"):
        jenis, ukuran = "jpeg", _ukuran_jpeg(isi)
    else:
        raise ProfilTidakValid(f"Berkas logo {nama} bukan gambar PNG atau JPG (isinya bukan gambar; nama berkas "
                               "tidak menentukan jenisnya).", "Simpan logo sebagai PNG atau JPG lalu coba lagi.")
    if ukuran is None:
        raise ProfilTidakValid(f"Berkas logo {nama} rusak atau terpotong ({jenis.upper()} tanpa ukuran gambar).",
                               "Simpan ulang logonya dari program gambar.")
    lebar, tinggi = ukuran
    if not (0 < lebar <= LOGO_SISI_MAKS and 0 < tinggi <= LOGO_SISI_MAKS):
        raise ProfilTidakValid(f"Ukuran logo {nama} tidak wajar ({lebar} x {tinggi} piksel).",
                               f"Pakai gambar paling besar {LOGO_SISI_MAKS} piksel per sisi.")
    return jenis, lebar, tinggi


def _ukuran_png(isi: bytes) -> tuple[int, int] | None:
    if len(isi) < 33 or isi[12:16] != b"IHDR" or not isi.rstrip(b"\x00").endswith(b"IEND\xaeB`\x82"):
        return None
    return struct.unpack(">II", isi[16:24])


def _ukuran_jpeg(isi: bytes) -> tuple[int, int] | None:
    i, n = 2, len(isi)
    if b"\xff\xd9" not in isi[-64:]:
        return None  # truncated: no end-of-image marker
    while i + 4 <= n:
        if isi[i] != 0xFF:
            return None
        penanda = isi[i + 1]
        if penanda == 0xFF:
            i += 1
            continue
        if penanda in (0xD8, 0x01) or 0xD0 <= penanda <= 0xD7:
            i += 2
            continue
        panjang = struct.unpack(">H", isi[i + 2:i + 4])[0]
        if 0xC0 <= penanda <= 0xCF and penanda not in (0xC4, 0xC8, 0xCC):
            if i + 9 > n:
                return None
            tinggi, lebar = struct.unpack(">HH", isi[i + 5:i + 9])
            return lebar, tinggi
        i += 2 + panjang
    return None


# -- unit short names ----------------------------------------------------------


def periksa_singkatan(v: str) -> str:
    s = " ".join(str(v).split())
    if not s:
        raise ProfilTidakValid("Singkatan unit kosong.", "Contoh: Bappeda, Disdukcapil, DPMPTSP.")
    if len(s) > SINGKATAN_MAKS:
        raise ProfilTidakValid(f"Singkatan '{s}' terlalu panjang ({len(s)} karakter; paling banyak {SINGKATAN_MAKS}).",
                               "Pakai singkatan resmi unit, misalnya Disdukcapil.")
    if re.search(r"[\[\]:*?/\\\x00-\x1f]", s) or s.startswith(("'", "=", "+", "-", "@")):
        raise ProfilTidakValid(f"Singkatan '{s}' berisi karakter yang tidak dapat dipakai sebagai nama sheet "
                               "( [ ] : * ? / \\ atau awalan ' = + - @ ).", "Pakai huruf, angka, spasi, titik.")
    return s
