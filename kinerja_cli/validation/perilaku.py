"""Checks of behaviour scores (BerAKHLAK, DOMAIN.md section 6): scores, roles, who may rate whom.

Pure: the roster comes in as a mapping NIP -> Pegawai; problems are collected, never raised
one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Mapping

from ..excel.kolom import ASPEK_BERAKHLAK, NAMA_ASPEK, normalisasi_judul
from ..model import BarisSumber, Pegawai
from .angka import AngkaTidakValid, baca_angka, teks_desimal
from .masalah import GALAT, PERINGATAN, Masalah
from .nip import NIPTidakValid, periksa_nip

PERAN = ("atasan", "rekan", "bawahan", "diri")
SKOR_MIN, SKOR_MAKS = Decimal(0), Decimal(120)
_ALIAS_PERAN = {
    "atasan": "atasan", "atasanlangsung": "atasan", "pejabatpenilai": "atasan",
    "rekan": "rekan", "rekankerja": "rekan", "sejawat": "rekan", "teman": "rekan",
    "bawahan": "bawahan", "bawahanlangsung": "bawahan",
    "diri": "diri", "dirisendiri": "diri", "sendiri": "diri",
}
_ALIAS_ASPEK = {normalisasi_judul(a): a for a in ASPEK_BERAKHLAK}
_ALIAS_ASPEK.update({normalisasi_judul(NAMA_ASPEK[a]): a for a in ASPEK_BERAKHLAK})


class SkorTidakValid(ValueError):
    def __init__(self, pesan: str, saran: str = ""):
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran


@dataclass(frozen=True)
class Penilaian:
    """One rater's scores of one employee (aspect -> Decimal, or None when not scored)."""

    nip: str
    penilai: str
    peran: str
    skor: dict

    def skor_teks(self) -> dict:
        return {a: teks_desimal(self.skor.get(a)) for a in ASPEK_BERAKHLAK}


def rata_rata(skor: Mapping[str, Decimal | None]) -> Decimal | None:
    """The rater's score: mean of the aspects it scored, rounded to 2 decimals (half up)."""
    ada = [v for v in skor.values() if v is not None]
    if not ada:
        return None
    return (sum(ada, Decimal(0)) / len(ada)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def baca_skor(nilai: object) -> Decimal | None:
    """A score cell or argument: None when empty, else a Decimal in 0..120."""
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    try:
        d = baca_angka(nilai)
    except AngkaTidakValid as e:
        raise SkorTidakValid(f"Skor {e.pesan}", "isi angka 0 sampai 120, misalnya 100 atau 95,5") from None
    if d < SKOR_MIN or d > SKOR_MAKS:
        raise SkorTidakValid(f"Skor {teks_desimal(d)} di luar rentang 0-120", "isi angka 0 sampai 120")
    return d


def baca_peran(nilai: object) -> str | None:
    return _ALIAS_PERAN.get(normalisasi_judul(nilai))


def kunci_aspek(teks: str) -> str | None:
    """'pelayanan' or 'Berorientasi Pelayanan' -> 'pelayanan'."""
    return _ALIAS_ASPEK.get(normalisasi_judul(teks))


def periksa_hubungan(nip: str, penilai: str, peran: str,
                     pegawai: Mapping[str, Pegawai]) -> list[tuple[str, str, str, str]]:
    """Who may rate whom. Returns (tingkat, field, pesan, saran) items."""
    hasil: list[tuple[str, str, str, str]] = []
    p, q = pegawai.get(nip), pegawai.get(penilai)
    if p is None:
        hasil.append((GALAT, "nip", f"Pegawai {nip} tidak ada di daftar pegawai",
                      "impor/tambahkan pegawai dulu, atau periksa NIP"))
    if q is None:
        hasil.append((GALAT, "penilai", f"Penilai {penilai} tidak ada di daftar pegawai",
                      "impor/tambahkan penilai dulu, atau periksa NIP penilai"))
    if peran == "diri":
        if penilai != nip:
            hasil.append((GALAT, "peran", "Peran 'diri' hanya untuk penilaian diri sendiri (NIP penilai = NIP pegawai)",
                          "isi peran atasan, rekan atau bawahan, atau samakan NIP penilai"))
        return hasil
    if penilai == nip:
        hasil.append((GALAT, "penilai", f"Pegawai tidak boleh menilai dirinya sendiri sebagai {peran}",
                      "pakai peran 'diri' untuk penilaian diri sendiri"))
        return hasil
    if p is None or q is None:
        return hasil
    if peran == "atasan" and p.nip_atasan != penilai:
        tercatat = f"atasan tercatat {p.nip_atasan}" if p.nip_atasan else "tidak ada atasan tercatat"
        hasil.append((PERINGATAN, "penilai", f"Penilai {penilai} bukan atasan langsung {nip} di daftar pegawai ({tercatat})",
                      "wajar bila pelaksana tugas (Plt) atasan; bila bukan, periksa NIP penilai atau perbarui daftar pegawai"))
    elif peran == "bawahan" and q.nip_atasan != nip:
        hasil.append((GALAT, "peran", f"Penilai {penilai} bukan bawahan langsung {nip} di daftar pegawai",
                      "pakai peran rekan, atau periksa NIP atasan penilai di daftar pegawai"))
    elif peran == "rekan" and p.unit.casefold() != q.unit.casefold():
        hasil.append((PERINGATAN, "penilai", f"Rekan penilai {penilai} berada di unit lain ({q.unit}, pegawai di {p.unit})",
                      "periksa NIP penilai bila ini tidak disengaja"))
    return hasil


@dataclass
class HasilPeriksaPerilaku:
    penilaian: list  # list[tuple[BarisSumber, Penilaian]] of rows without errors
    masalah: list  # list[Masalah]
    baris_galat: set
    belum_diisi: int = 0  # rows with no score at all (e.g. pre-filled template rows): skipped


def _kolom(b: BarisSumber, key: str) -> str:
    h = b.huruf.get(key)
    nama = {"nip": "NIP", "penilai": "NIP penilai"}.get(key, key)
    return f"{h} ({nama})" if h else nama


def _m(b: BarisSumber, key: str, pesan: str, saran: str = "", tingkat: str = GALAT, kunci: str = "") -> Masalah:
    return Masalah(pesan, saran, b.nilai.get(key), b.sheet, b.baris, _kolom(b, key), tingkat, kunci)


def periksa_baris(b: BarisSumber, pegawai: Mapping[str, Pegawai]) -> tuple[Penilaian | None, list[Masalah]]:
    ms: list[Masalah] = []
    v = b.nilai
    nips = {}
    for key, label in (("nip", "NIP"), ("penilai", "NIP penilai")):
        try:
            nips[key] = periksa_nip(v.get(key)).nip
        except NIPTidakValid as e:
            ms.append(_m(b, key, f"{label}: {e.pesan}", e.saran))
    nip, penilai = nips.get("nip"), nips.get("penilai")
    peran = baca_peran(v.get("peran"))
    if peran is None:
        isi = v.get("peran")
        ms.append(_m(b, "peran", "Peran kosong" if isi is None else f"Peran '{isi}' tidak dikenal",
                     "isi salah satu: " + ", ".join(PERAN), kunci=nip or ""))
    skor: dict[str, Decimal | None] = {}
    aspek_salah = False
    for a in ASPEK_BERAKHLAK:
        try:
            skor[a] = baca_skor(v.get(a))
        except SkorTidakValid as e:
            ms.append(Masalah(f"{NAMA_ASPEK[a]}: {e.pesan}", e.saran, v.get(a), b.sheet, b.baris,
                              f"{b.huruf.get(a, '')} ({a})".strip(), GALAT, nip or ""))
            skor[a] = None
            aspek_salah = True
    if not aspek_salah and all(x is None for x in skor.values()):
        ms.append(Masalah("Tidak ada skor aspek yang diisi", "isi skor 0-120 untuk paling sedikit satu aspek BerAKHLAK",
                          None, b.sheet, b.baris, "aspek", GALAT, nip or ""))
    if nip and penilai and peran:
        for tingkat, key, pesan, saran in periksa_hubungan(nip, penilai, peran, pegawai):
            ms.append(_m(b, key, pesan, saran, tingkat, nip))
    if any(m.galat for m in ms):
        return None, ms
    return Penilaian(nip, penilai, peran, skor), ms


def periksa_perilaku(baris: list[BarisSumber], pegawai: Mapping[str, Pegawai]) -> HasilPeriksaPerilaku:
    """Every row, then duplicates of (nip, penilai) within the file."""
    masalah: list[Masalah] = []
    baik: list[tuple[BarisSumber, Penilaian]] = []
    galat: set[int] = set()
    pertama: dict[tuple[str, str], BarisSumber] = {}
    belum_diisi = 0
    for b in baris:
        if all(b.nilai.get(a) in (None, "") for a in ASPEK_BERAKHLAK):
            belum_diisi += 1  # nobody scored this row yet: not an error, nothing to store
            continue
        p, ms = periksa_baris(b, pegawai)
        masalah += ms
        if p is None:
            galat.add(b.baris)
            continue
        k = (p.nip, p.penilai)
        if k in pertama:
            masalah.append(_m(b, "penilai", f"Penilai {p.penilai} untuk pegawai {p.nip} ganda: sudah ada di baris "
                              f"{pertama[k].baris}", "satu penilai menilai satu pegawai sekali per periode; hapus salah satu baris",
                              kunci=p.nip))
            galat.add(b.baris)
            galat.add(pertama[k].baris)
            continue
        pertama[k] = b
        baik.append((b, p))
    baik = [(b, p) for b, p in baik if b.baris not in galat]
    return HasilPeriksaPerilaku(baik, masalah, galat, belum_diisi)
