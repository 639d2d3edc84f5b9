"""Checks of a roster sheet: every problem collected, none stops the others."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..model import BarisSumber, Pegawai
from .golongan import normalisasi_golongan
from .masalah import GALAT, PERINGATAN, Masalah, di_sel
from .nip import NIPTidakValid, periksa_nip
from .teks import teks as _teks
from .unit import singkatan

JENIS_JABATAN = ("JPT", "administrator", "pengawas", "pelaksana", "fungsional")
_ALIAS_JENIS = {
    "jpt": "JPT", "pimpinantinggi": "JPT", "jabatanpimpinantinggi": "JPT", "struktural": "administrator",
    "administrator": "administrator", "administrasi": "administrator", "pengawas": "pengawas",
    "pelaksana": "pelaksana", "fungsional": "fungsional", "jft": "fungsional", "jfu": "pelaksana",
    "fungsionaltertentu": "fungsional", "fungsionalumum": "pelaksana",
}


@dataclass
class HasilPeriksaRoster:
    pegawai: list  # list[tuple[BarisSumber, Pegawai]] of rows without errors
    masalah: list  # list[Masalah]
    baris_galat: set  # Excel rows with at least one error


def _m(b: BarisSumber, key: str, pesan: str, saran: str = "", tingkat: str = GALAT, kunci: str = "") -> Masalah:
    return di_sel(b, key, pesan, saran, tingkat, kunci)


def _jenis_jabatan(v) -> str | None:
    s = _teks(v)
    if not s:
        return None
    return _ALIAS_JENIS.get("".join(s.lower().split()).replace("-", ""))


# Values that repeat row after row (unit, status, golongan, jenis jabatan, the atasan's NIP) are
# checked once per distinct value; typed=True keeps 1, 1.0 and True apart.
_teks_ulang = lru_cache(maxsize=4096, typed=True)(_teks)
_jenis_ulang = lru_cache(maxsize=1024, typed=True)(_jenis_jabatan)
_golongan_ulang = lru_cache(maxsize=1024, typed=True)(normalisasi_golongan)


@lru_cache(maxsize=65536, typed=True)
def _nip_atasan(v) -> tuple[str | None, NIPTidakValid | None]:
    try:
        return periksa_nip(v).nip, None
    except NIPTidakValid as e:
        return None, e


def periksa_baris(b: BarisSumber) -> tuple[Pegawai | None, list[Masalah]]:
    """One row on its own (no cross-row checks)."""
    ms: list[Masalah] = []
    v = b.nilai
    info = None
    try:
        info = periksa_nip(v.get("nip"))
    except NIPTidakValid as e:
        ms.append(_m(b, "nip", e.pesan, e.saran))
    nip = info.nip if info else None
    nama = _teks(v.get("nama"))
    if not nama:
        ms.append(_m(b, "nama", "Nama kosong", "isi nama pegawai", kunci=nip or ""))
    unit = _teks_ulang(v.get("unit"))
    if not unit:
        ms.append(_m(b, "unit", "Unit kerja kosong", "isi nama OPD/unit kerja", kunci=nip or ""))
    status = _teks_ulang(v.get("status"))
    if status:
        status = status.upper()
        if status not in ("PNS", "PPPK"):
            ms.append(_m(b, "status", f"Status '{status}' tidak dikenal", "isi PNS atau PPPK", kunci=nip or ""))
            status = None
        elif info and info.jenis != status:
            ms.append(_m(b, "status", f"Status {status} tidak cocok dengan nomor induk, yang berformat {info.jenis}",
                         "periksa status atau NIP/NI PPPK-nya", kunci=nip or ""))
    elif info:
        status = info.jenis
    gol_mentah = v.get("golongan")
    golongan = None
    if _teks_ulang(gol_mentah):
        golongan = _golongan_ulang(gol_mentah, status or "PNS")
        if golongan is None:
            contoh = "I s.d. XVII" if status == "PPPK" else "I/a s.d. IV/e, misalnya III/b"
            ms.append(_m(b, "golongan", f"Golongan '{_teks(gol_mentah)}' tidak dikenal untuk {status or 'PNS'}",
                         f"tulis golongan {contoh}", kunci=nip or ""))
    jj_mentah = v.get("jenis_jabatan")
    jenis_jabatan = _jenis_ulang(jj_mentah)
    if jenis_jabatan is None and _teks_ulang(jj_mentah):
        ms.append(_m(b, "jenis_jabatan", f"Jenis jabatan '{_teks(jj_mentah)}' tidak dikenal",
                     "isi salah satu: " + ", ".join(JENIS_JABATAN), kunci=nip or ""))
    atasan = None
    if v.get("nip_atasan") not in (None, ""):
        atasan, e = _nip_atasan(v.get("nip_atasan"))
        if e is not None:
            ms.append(_m(b, "nip_atasan", "NIP atasan tidak valid: " + e.pesan, e.saran, kunci=nip or ""))
        if atasan and atasan == nip:
            ms.append(_m(b, "nip_atasan", "Pegawai tidak boleh menjadi atasan dirinya sendiri",
                         "isi NIP atasan langsung yang benar", kunci=nip or ""))
            atasan = None
    if ms or not (nip and nama and unit and status):
        return None, ms
    return Pegawai(nip, nama, _teks_ulang(v.get("jabatan")), jenis_jabatan, golongan, unit, atasan, status), ms


def periksa_roster(baris: Iterable[BarisSumber], tersimpan: dict[str, Pegawai]) -> HasilPeriksaRoster:
    """All rows (a list or a one-pass stream), then the cross-row checks: duplicates, unknown atasan, loops."""
    return periksa_silang(periksa_berkas(baris), tersimpan)


@dataclass
class IsiRoster:
    """What the file alone says (periksa_berkas): kept rows, problems, error rows, first row per NIP."""
    baik: list
    masalah: list
    galat: set
    pertama: dict


def periksa_berkas(baris: Iterable[BarisSumber]) -> IsiRoster:
    """The checks that need only the file: every row, and NIPs given twice."""
    masalah: list[Masalah] = []
    baik: list[tuple[BarisSumber, Pegawai]] = []
    galat: set[int] = set()
    pertama: dict[str, BarisSumber] = {}
    for b in baris:
        p, ms = periksa_baris(b)
        if ms:
            masalah += ms
            if any(m.galat for m in ms):
                galat.add(b.baris)
        nip = p.nip if p is not None else _nip_saja(b)  # a row with other errors still counts for duplicates
        if nip is None:
            continue
        if nip in pertama:
            masalah.append(_m(b, "nip", f"NIP {nip} ganda: sudah ada di baris {pertama[nip].baris}",
                              "hapus salah satu baris", kunci=nip))
            galat.add(b.baris)
            continue
        pertama[nip] = b
        if p is not None:
            baik.append((b, p))
    return IsiRoster(baik, masalah, galat, pertama)


def periksa_silang(isi: IsiRoster, tersimpan: dict[str, Pegawai]) -> HasilPeriksaRoster:
    """The checks against the stored roster (unit spelling, unknown atasan, atasan loops): run where
    `tersimpan` is current, i.e. inside the import's write transaction. `isi` is not changed."""
    masalah = list(isi.masalah)
    galat = set(isi.galat)
    pertama = isi.pertama
    baik = _samakan_unit(isi.baik, tersimpan, masalah)
    # the roster as it will be: stored people overlaid with the file
    atasan_dari = {nip: p.nip_atasan for nip, p in tersimpan.items()}
    atasan_dari.update({p.nip: p.nip_atasan for _, p in baik})
    for b, p in baik:
        if p.nip_atasan and p.nip_atasan not in atasan_dari:
            masalah.append(_m(b, "nip_atasan", f"Atasan {p.nip_atasan} tidak ada di daftar pegawai",
                              "tambahkan atasan ke berkas, atau periksa NIP atasan", PERINGATAN, p.nip))
    for nip_loop in cari_lingkaran(atasan_dari):
        b = pertama.get(nip_loop)
        if b is None:
            continue
        rantai = " → ".join(rantai_atasan(atasan_dari, nip_loop))
        masalah.append(_m(b, "nip_atasan", f"Rantai atasan berputar: {rantai}",
                          "perbaiki NIP atasan agar rantai berakhir pada pimpinan tertinggi", kunci=nip_loop))
        galat.add(b.baris)
    if galat:
        baik = [(b, p) for b, p in baik if b.baris not in galat]
    return HasilPeriksaRoster(baik, masalah, galat)


def _nip_saja(b: BarisSumber) -> str | None:
    """The row's NIP when that cell alone is valid (its error, if any, is already reported)."""
    try:
        return periksa_nip(b.nilai.get("nip")).nip
    except NIPTidakValid:
        return None


def _samakan_unit(baik: list, tersimpan: dict[str, Pegawai], masalah: list[Masalah]) -> list:
    """Units written differently from the ones known: same name in other letter case, or an acronym
    (DPMPTSP) of a known unit, are read as that unit (with a warning); a new unit gets a warning
    so a typo does not silently split a unit in two."""
    from dataclasses import replace

    dikenal = sorted({p.unit for p in tersimpan.values()})
    di_berkas = sorted({p.unit for _, p in baik})
    per_huruf = {u.lower(): u for u in dikenal}
    peta: dict[str, str] = {}
    for u in di_berkas:
        if u in dikenal:
            continue
        if u.lower() in per_huruf:
            peta[u] = per_huruf[u.lower()]
            continue
        kunci = u.upper().replace(".", "")
        for daftar in (dikenal, di_berkas):  # a known unit first, else a full name in the same file
            calon = {k.lower(): k for k in daftar if k != u and " " in k and singkatan(k) == kunci}
            if len(calon) == 1:
                peta[u] = per_huruf.get(next(iter(calon)), next(iter(calon.values())))
                break
    hasil, baru_dilapor = [], set()
    for b, p in baik:
        if p.unit in peta:
            masalah.append(di_sel(b, "unit", f"Unit '{p.unit}' dibaca sebagai '{peta[p.unit]}'",
                                  "tulis nama unit lengkap seperti di daftar unit agar jelas", PERINGATAN, p.nip))
            p = replace(p, unit=peta[p.unit])
        elif dikenal and p.unit not in dikenal and p.unit.lower() not in per_huruf and p.unit not in baru_dilapor:
            baru_dilapor.add(p.unit)
            n = sum(1 for _, q in baik if q.unit == p.unit)
            masalah.append(di_sel(b, "unit", f"Unit kerja baru '{p.unit}' ({n} pegawai) belum ada di basis data",
                                  "periksa ejaannya bila ini bukan unit baru (lihat: kinerja unit daftar)",
                                  PERINGATAN, p.nip))
        hasil.append((b, p))
    return hasil


def cari_lingkaran(atasan_dari: dict[str, str | None]) -> list[str]:
    """Every NIP that lies on a loop of the atasan chain (linear time)."""
    keadaan: dict[str, int] = {}  # 1 = being walked, 2 = done
    pada_lingkaran: list[str] = []
    for awal in atasan_dari:
        if keadaan.get(awal):
            continue
        jalur: list[str] = []
        posisi: dict[str, int] = {}
        n: str | None = awal
        while n is not None and n in atasan_dari and not keadaan.get(n):
            keadaan[n] = 1
            posisi[n] = len(jalur)
            jalur.append(n)
            n = atasan_dari.get(n)
        if n is not None and keadaan.get(n) == 1 and n in posisi:
            pada_lingkaran += jalur[posisi[n]:]
        for x in jalur:
            keadaan[x] = 2
    return pada_lingkaran


def rantai_atasan(atasan_dari: dict[str, str | None], nip: str, batas: int = 50) -> list[str]:
    """nip, its atasan, the atasan's atasan ... until the top or a repeat."""
    hasil, dilihat, n = [], set(), nip
    while n and n not in dilihat and len(hasil) < batas:
        hasil.append(n)
        dilihat.add(n)
        n = atasan_dari.get(n)
    if n in dilihat:
        hasil.append(n)
    return hasil
