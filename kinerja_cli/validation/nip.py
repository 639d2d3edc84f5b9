"""NIP (PNS) and NI PPPK: normalisation and checks (DOMAIN.md section 1)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_PEMISAH = re.compile(r"[\s.\-]+")
# A NIP Excel already turned into a number and wrote back as text (a CSV opened and saved in Excel).
_ILMIAH = re.compile(r"^\s*[+-]?\d+(?:[.,]\d+)?\s*[eE]\s*\+?\s*\d+\s*$")
_ANGKA = frozenset("0123456789")


@dataclass(frozen=True)
class InfoNIP:
    nip: str
    jenis: str  # PNS | PPPK
    tanggal_lahir: date
    tmt: str  # PNS: 'YYYY-MM' (TMT CPNS); PPPK: 'YYYY' (tahun pengangkatan)
    jenis_kelamin: str  # Laki-laki | Perempuan
    urut: int
    kontrak: int | None = None  # PPPK: contract count


class NIPTidakValid(ValueError):
    """Carries the Indonesian message and a fix hint."""

    def __init__(self, pesan: str, saran: str = ""):
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran


def normalisasi_nip(nilai: object) -> str:
    """'19671110 199203 1 001' -> '196711101992031001' (text only)."""
    return _PEMISAH.sub("", str(nilai or "")).strip()


def _tanggal(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def periksa_nip(nilai: object) -> InfoNIP:
    """Return what the NIP encodes, or raise NIPTidakValid with the reason.

    A NIP that arrives as a number (int/float: an Excel number cell) is
    refused: 18 digits do not survive a float, and rounding could turn it
    into another person's NIP.
    """
    if isinstance(nilai, bool):
        raise NIPTidakValid(
            f"sel NIP berisi nilai logika {'TRUE' if nilai else 'FALSE'}, bukan NIP",
            "ketik NIP 18 digit di sel itu (format sel sebagai Teks)",
        )
    if isinstance(nilai, (int, float)):
        raise NIPTidakValid(
            "NIP tersimpan sebagai angka, sehingga digit terakhirnya bisa hilang",
            "format sel NIP sebagai Teks (atau awali dengan tanda petik ') lalu ketik ulang NIP lengkap 18 digit",
        )
    if nilai is None or str(nilai).strip() == "":
        raise NIPTidakValid("NIP kosong", "isi NIP 18 digit")
    if isinstance(nilai, str) and _ILMIAH.match(nilai):
        raise NIPTidakValid(
            f"NIP ini sudah diubah Excel menjadi angka ilmiah ({nilai.strip()}): digit terakhirnya hilang",
            "Ambil berkas ekspor aslinya (jangan dibuka lalu disimpan di Excel).",
        )
    s = normalisasi_nip(nilai)
    lain = next((c for c in s if c.isdigit() and c not in _ANGKA), None)
    if lain is not None:  # Arabic-Indic, full-width...: never converted silently
        raise NIPTidakValid(f"NIP harus ditulis dengan angka 0–9; ditemukan angka lain ('{lain}')",
                            "ketik ulang NIP dengan angka 0–9 (papan ketik latin)")
    if not s.isdigit():
        raise NIPTidakValid("NIP hanya boleh berisi angka (spasi, titik, strip diabaikan)", "periksa ketikan NIP")
    if len(s) != 18:
        raise NIPTidakValid(f"NIP harus 18 digit, ditemukan {len(s)} digit", "periksa apakah ada digit yang kurang atau lebih")
    lahir = _tanggal(s[0:4], s[4:6], s[6:8])
    if lahir is None:
        raise NIPTidakValid(
            f"8 digit pertama NIP ({s[0:8]}) bukan tanggal lahir yang ada di kalender",
            "8 digit pertama adalah tanggal lahir TTTTBBHH",
        )
    kelamin_digit = s[14]
    if kelamin_digit not in "12":
        raise NIPTidakValid(f"digit ke-15 NIP (jenis kelamin) harus 1 atau 2, ditemukan {kelamin_digit}", "periksa NIP")
    urut = int(s[15:18])
    if urut == 0:
        raise NIPTidakValid("nomor urut NIP (3 digit terakhir) tidak boleh 000", "periksa NIP")
    kelamin = "Laki-laki" if kelamin_digit == "1" else "Perempuan"
    tahun = int(s[8:12])
    if s[12] == "2":  # PPPK marker where a PNS month would start with 0 or 1
        kontrak = int(s[13])
        if kontrak == 0:
            raise NIPTidakValid("digit ke-14 NI PPPK (jumlah kontrak) harus 1 sampai 9", "periksa NI PPPK")
        if tahun < lahir.year + 15:
            raise NIPTidakValid(f"tahun pengangkatan {tahun} tidak masuk akal untuk kelahiran {lahir.year}", "periksa NI PPPK")
        return InfoNIP(s, "PPPK", lahir, f"{tahun:04d}", kelamin, urut, kontrak)
    if s[12] not in "01":
        raise NIPTidakValid(
            f"digit ke-13 NIP harus 0 atau 1 (bulan TMT, PNS) atau 2 (NI PPPK), ditemukan {s[12]}", "periksa NIP"
        )
    bulan = int(s[12:14])
    if not 1 <= bulan <= 12:
        raise NIPTidakValid(f"bulan TMT CPNS pada NIP ({s[12:14]}) harus 01 sampai 12", "digit ke-9 s.d. 14 adalah TMT TTTTBB")
    if tahun < lahir.year + 15:
        raise NIPTidakValid(f"TMT CPNS {tahun} tidak masuk akal untuk kelahiran {lahir.year}", "periksa NIP")
    return InfoNIP(s, "PNS", lahir, f"{tahun:04d}-{bulan:02d}", kelamin, urut)

