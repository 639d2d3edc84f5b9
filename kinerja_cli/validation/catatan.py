"""Checks of dated notes: umpan balik (feedback) and inovasi rows, dates as people write them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Mapping

from ..model import BarisSumber, Pegawai
from .masalah import GALAT, PERINGATAN, Masalah
from .nip import NIPTidakValid, periksa_nip
from .tanggal_id import tanggal_id
from .teks import TanggalTidakValid, baca_tanggal  # noqa: F401 (re-exported)


def bersihkan_teks(nilai: object) -> str | None:
    """Trimmed text (inner line breaks kept, Windows line ends unified); None when empty."""
    if nilai is None:
        return None
    s = "\n".join(" ".join(baris.split()) for baris in str(nilai).replace("\r\n", "\n").split("\n")).strip()
    return s or None


@dataclass(frozen=True)
class UmpanBalik:
    nip: str
    dari: str
    tanggal: date | None  # None: not given in the file
    teks: str


@dataclass(frozen=True)
class Inovasi:
    nip: str
    uraian: str
    tanggal: date | None


@dataclass
class HasilPeriksaCatatan:
    data: list  # list[tuple[BarisSumber, UmpanBalik | Inovasi]] without errors, duplicates dropped
    masalah: list
    baris_galat: set


def _m(b: BarisSumber, key: str, judul: str, pesan: str, saran: str = "", tingkat: str = GALAT,
       kunci: str = "") -> Masalah:
    h = b.huruf.get(key)
    return Masalah(pesan, saran, b.nilai.get(key), b.sheet, b.baris, f"{h} ({judul})" if h else judul, tingkat, kunci)


def _nip(b: BarisSumber, key: str, judul: str, pegawai: Mapping[str, Pegawai], ms: list) -> str | None:
    try:
        n = periksa_nip(b.nilai.get(key)).nip
    except NIPTidakValid as e:
        ms.append(_m(b, key, judul, f"{judul}: {e.pesan}", e.saran))
        return None
    if n not in pegawai:
        ms.append(_m(b, key, judul, f"{judul} {n} tidak ada di daftar pegawai", "impor pegawai dulu, atau periksa NIP"))
        return None
    return n


def _tanggal(b: BarisSumber, ms: list, mulai: date | None, selesai: date | None, kunci: str) -> date | None:
    try:
        t = baca_tanggal(b.nilai.get("tanggal"))
    except TanggalTidakValid as e:
        ms.append(_m(b, "tanggal", "tanggal", f"Tanggal: {e.pesan}", e.saran, kunci=kunci))
        return None
    if t and mulai and selesai and not (mulai <= t <= selesai):
        ms.append(_m(b, "tanggal", "tanggal", f"Tanggal {tanggal_id(t)} di luar periode ({tanggal_id(mulai)} s.d. {tanggal_id(selesai)})",
                     "periksa tanggal atau periodenya", PERINGATAN, kunci))
    return t


def periksa_umpan_balik(baris: list[BarisSumber], pegawai: Mapping[str, Pegawai], mulai: date | None = None,
                        selesai: date | None = None) -> HasilPeriksaCatatan:
    masalah, data, galat, pertama = [], [], set(), {}
    for b in baris:
        ms: list[Masalah] = []
        nip = _nip(b, "nip", "NIP", pegawai, ms)
        dari = _nip(b, "dari", "NIP pemberi", pegawai, ms)
        if nip and dari and nip == dari:
            ms.append(_m(b, "dari", "NIP pemberi", "Pemberi umpan balik sama dengan pegawai yang diberi",
                         "isi NIP atasan atau rekan yang memberi umpan balik", kunci=nip))
        tanggal = _tanggal(b, ms, mulai, selesai, nip or "")
        teks = bersihkan_teks(b.nilai.get("teks"))
        if not teks:
            ms.append(_m(b, "teks", "umpan balik", "Teks umpan balik kosong", "tulis isi umpan baliknya", kunci=nip or ""))
        masalah += ms
        if any(m.galat for m in ms):
            galat.add(b.baris)
            continue
        u = UmpanBalik(nip, dari, tanggal, teks)
        if u in pertama:
            masalah.append(_m(b, "teks", "umpan balik", f"Sama dengan baris {pertama[u]}; dicatat sekali",
                              "hapus baris ganda", PERINGATAN, nip))
            continue
        pertama[u] = b.baris
        data.append((b, u))
    return HasilPeriksaCatatan(data, masalah, galat)


def periksa_inovasi(baris: list[BarisSumber], pegawai: Mapping[str, Pegawai], mulai: date | None = None,
                    selesai: date | None = None) -> HasilPeriksaCatatan:
    masalah, data, galat, pertama = [], [], set(), {}
    for b in baris:
        ms: list[Masalah] = []
        nip = _nip(b, "nip", "NIP", pegawai, ms)
        tanggal = _tanggal(b, ms, mulai, selesai, nip or "")
        uraian = bersihkan_teks(b.nilai.get("uraian"))
        if not uraian:
            ms.append(_m(b, "uraian", "uraian", "Uraian inovasi kosong", "tulis uraian inovasinya", kunci=nip or ""))
        masalah += ms
        if any(m.galat for m in ms):
            galat.add(b.baris)
            continue
        k = (nip, uraian)
        if k in pertama:
            masalah.append(_m(b, "uraian", "uraian", f"Inovasi yang sama sudah ada di baris {pertama[k]}; dicatat sekali",
                              "hapus baris ganda", PERINGATAN, nip))
            continue
        pertama[k] = b.baris
        data.append((b, Inovasi(nip, uraian, tanggal)))
    return HasilPeriksaCatatan(data, masalah, galat)
