"""Checks of training records (DOMAIN.md section 7): kind, date, JP, duplicates.

Pure: no I/O. Every problem of a sheet is collected, none stops the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..kosakata import DASAR_JP_PNS, DASAR_JP_PPPK, JP_MAKSIMAL_PPPK, JP_MINIMAL_PNS
from ..model import BarisSumber
from .angka import AngkaTidakValid, baca_angka, teks_desimal
from .masalah import GALAT, PERINGATAN, Masalah
from .nama import kunci_nama
from .nip import NIPTidakValid, periksa_nip
from .teks import SARAN_TANGGAL, TanggalTidakValid
from .teks import baca_tanggal as _baca_tanggal
from .teks import teks

# PNS: PP 11/2017 Pasal 203 ayat 4 (jo. PP 17/2020): at least 20 JP of competence development a year.
# PPPK: no minimum; PP 49/2018 Pasal 40 ayat 1: at most 24 JP a contract year (DOMAIN.md 7).
MINIMAL_JP = Decimal(JP_MINIMAL_PNS)
DASAR_HUKUM_JP = DASAR_JP_PNS
MAKSIMAL_JP_PPPK = Decimal(JP_MAKSIMAL_PPPK)
DASAR_HUKUM_JP_PPPK = DASAR_JP_PPPK

JENIS = ("pelatihan", "workshop", "seminar", "coaching", "e-learning", "lainnya")
JP_MAKS = Decimal(1000)
PANJANG_KEGIATAN_MAKS = 500

# Normalised spelling (lower case, letters and digits only) -> kind.
_ALIAS_JENIS = {
    "pelatihan": "pelatihan", "diklat": "pelatihan", "bimtek": "pelatihan", "bimbinganteknis": "pelatihan",
    "pendidikandanpelatihan": "pelatihan", "training": "pelatihan", "kursus": "pelatihan",
    "workshop": "workshop", "lokakarya": "workshop",
    "seminar": "seminar", "webinar": "seminar",
    "coaching": "coaching", "mentoring": "coaching", "coachingmentoring": "coaching",
    "mentoringcoaching": "coaching", "coachingdanmentoring": "coaching",
    "elearning": "e-learning", "pembelajaranelektronik": "e-learning",
    "lainnya": "lainnya", "lain": "lainnya", "lainlain": "lainnya",
}



class NilaiTidakValid(ValueError):
    def __init__(self, pesan: str, saran: str = ""):
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran


@dataclass(frozen=True)
class Catatan:
    """One training record, checked."""

    nip: str
    kegiatan: str
    jenis: str
    tanggal: str  # ISO date
    jp: str  # canonical decimal text
    penyelenggara: str | None

    def kunci(self) -> tuple[str, str, str]:
        return (self.nip, self.kegiatan, self.tanggal)

    def ke_dict(self) -> dict:
        return {"nip": self.nip, "kegiatan": self.kegiatan, "jenis": self.jenis, "tanggal": self.tanggal,
                "jp": self.jp, "penyelenggara": self.penyelenggara}


@dataclass
class HasilPeriksa:
    catatan: list  # list[tuple[BarisSumber, Catatan]] of rows without errors
    masalah: list  # list[Masalah]
    baris_galat: set  # Excel rows with at least one error


def normalisasi_jenis(v) -> str:
    """'E-Learning', 'coaching/mentoring', 'Diklat' -> a kind of JENIS; empty -> 'lainnya'."""
    s = teks(v)
    if not s:
        return "lainnya"
    k = re.sub(r"[^a-z0-9]", "", s.lower())
    jenis = _ALIAS_JENIS.get(k)
    if jenis is None:
        raise NilaiTidakValid(f"Jenis kegiatan '{s}' tidak dikenal", "isi salah satu: " + ", ".join(JENIS))
    return jenis


def baca_tanggal(v) -> date:
    """An Excel date cell, or text TTTT-BB-HH, HH/BB/TTTT or HH-BB-TTTT (required)."""
    try:
        t = _baca_tanggal(v)
    except TanggalTidakValid as e:
        raise NilaiTidakValid(e.pesan[:1].upper() + e.pesan[1:], e.saran) from None
    if t is None:
        raise NilaiTidakValid("Tanggal kosong", SARAN_TANGGAL)
    return t

def baca_jp(v) -> Decimal:
    """JP: a number > 0 and <= 1000 (comma decimals accepted)."""
    try:
        d = baca_angka(v)
    except AngkaTidakValid as e:
        raise NilaiTidakValid(f"JP {e.pesan}", e.saran_atau("isi jumlah jam pelajaran, misalnya 8 atau 2,5")) from None
    if d <= 0:
        raise NilaiTidakValid(f"JP harus lebih dari 0, ditemukan {teks_desimal(d)}", "isi jumlah jam pelajaran kegiatan")
    if d > JP_MAKS:
        raise NilaiTidakValid(f"JP {teks_desimal(d)} melebihi batas {JP_MAKS}",
                              "periksa ketikan JP (satu kegiatan paling banyak 1000 JP)")
    return d


def periksa_kegiatan(v) -> str:
    s = teks(v)
    if not s:
        raise NilaiTidakValid("Nama kegiatan kosong", "isi nama kegiatan pengembangan")
    if len(s) > PANJANG_KEGIATAN_MAKS:
        raise NilaiTidakValid(f"Nama kegiatan terlalu panjang ({len(s)} huruf)",
                              f"persingkat menjadi paling banyak {PANJANG_KEGIATAN_MAKS} huruf")
    return s


def _kolom(b: BarisSumber, key: str) -> str:
    h = b.huruf.get(key)
    return f"{h} ({key})" if h else key


def _m(b: BarisSumber, key: str, pesan: str, saran: str = "", tingkat: str = GALAT, kunci: str = "") -> Masalah:
    return Masalah(pesan, saran, b.nilai.get(key), b.sheet, b.baris, _kolom(b, key), tingkat, kunci)


def periksa_baris(b: BarisSumber, pegawai: dict) -> tuple[Catatan | None, list[Masalah]]:
    """One row; `pegawai`: nip -> object with .nama and .aktif (the stored roster)."""
    ms: list[Masalah] = []
    v = b.nilai
    nip = None
    try:
        nip = periksa_nip(v.get("nip")).nip
    except NIPTidakValid as e:
        ms.append(_m(b, "nip", e.pesan, e.saran))
    kunci = nip or ""
    if nip and nip not in pegawai:
        ms.append(_m(b, "nip", f"NIP {nip} tidak ada di daftar pegawai",
                     "impor pegawainya dulu (kinerja pegawai impor) atau periksa NIP", kunci=kunci))
    elif nip:
        p = pegawai[nip]
        nama = teks(v.get("nama"))
        if nama and kunci_nama(nama) != kunci_nama(p.nama):  # titles left out ("Ahmad Yani") are no mismatch
            ms.append(_m(b, "nama", f"Nama '{nama}' berbeda dengan nama di daftar pegawai ({p.nama})",
                         "periksa apakah NIP-nya benar", PERINGATAN, kunci))
        if not p.aktif:
            ms.append(_m(b, "nip", f"Pegawai {nip} berstatus nonaktif", "catatan tetap disimpan", PERINGATAN, kunci))
    hasil: dict = {}
    for key, fungsi in (("kegiatan", periksa_kegiatan), ("jenis", normalisasi_jenis), ("tanggal", baca_tanggal),
                        ("jp", baca_jp)):
        try:
            hasil[key] = fungsi(v.get(key))
        except NilaiTidakValid as e:
            ms.append(_m(b, key, e.pesan, e.saran, kunci=kunci))
    if any(m.galat for m in ms):
        return None, ms
    return Catatan(nip, hasil["kegiatan"], hasil["jenis"], hasil["tanggal"].isoformat(), teks_desimal(hasil["jp"]),
                   teks(v.get("penyelenggara"))), ms


_ISIAN = ("kegiatan", "jenis", "tanggal", "jp", "penyelenggara")  # what a template row leaves for the OPD


def periksa_pelatihan(baris: list[BarisSumber], pegawai: dict) -> HasilPeriksa:
    """All rows, then duplicates within the file (same NIP, activity and date)."""
    masalah: list[Masalah] = []
    baik: list[tuple[BarisSumber, Catatan]] = []
    galat: set[int] = set()
    pertama: dict[tuple, int] = {}
    for b in baris:
        if all(teks(b.nilai.get(k)) is None for k in _ISIAN):  # a pre-filled template row nobody filled in
            continue
        c, ms = periksa_baris(b, pegawai)
        masalah += ms
        if c is None:
            galat.add(b.baris)
            continue
        k = (c.nip, c.kegiatan.casefold(), c.tanggal)
        if k in pertama:
            masalah.append(_m(b, "kegiatan", f"Baris ganda: NIP, kegiatan dan tanggal yang sama sudah ada di baris {pertama[k]}",
                              "hapus salah satu baris, atau gabungkan JP-nya", kunci=c.nip))
            galat.add(b.baris)
            continue
        pertama[k] = b.baris
        baik.append((b, c))
    return HasilPeriksa(baik, masalah, galat)
