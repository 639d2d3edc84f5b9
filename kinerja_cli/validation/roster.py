"""Checks of a roster sheet: every problem collected, none stops the others."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..kosakata import STATUS_PEGAWAI, jenis_dasar
from ..model import BarisSumber, Pegawai
from .golongan import normalisasi_golongan
from .masalah import GALAT, PERINGATAN, Masalah, di_sel
from .nip import NIPTidakValid, periksa_nip
from .siasn import jenis_dari_eselon, jenis_dari_nama_jabatan
from .teks import teks as _teks
from .unit import singkatan

JENIS_JABATAN = ("JPT", "administrator", "pengawas", "pelaksana", "fungsional")
_ALIAS_JENIS = {
    "jpt": "JPT", "pimpinantinggi": "JPT", "jabatanpimpinantinggi": "JPT", "jptpratama": "JPT", "jptmadya": "JPT",
    "jptutama": "JPT", "administrator": "administrator", "administrasi": "administrator",
    "jabatanadministrator": "administrator", "pengawas": "pengawas", "jabatanpengawas": "pengawas",
    "pelaksana": "pelaksana", "jabatanpelaksana": "pelaksana", "fungsional": "fungsional",
    "jabatanfungsional": "fungsional", "jft": "fungsional", "jfu": "pelaksana", "fungsionaltertentu": "fungsional",
    "fungsionalumum": "pelaksana", "jabatanfungsionaltertentu": "fungsional", "jabatanfungsionalumum": "pelaksana",
}
_STRUKTURAL = {"struktural", "jabatanstruktural"}
EJAAN_JENIS = ("JPT Pratama", "JPT Madya", "Eselon II.b", "Eselon III.a", "Eselon IV.a", "Jabatan Administrator",
               "Jabatan Pengawas", "Jabatan Fungsional", "Jabatan Pelaksana", "Struktural (dengan kolom Eselon)")
_ALIAS_STATUS = {
    "pns": "PNS", "pnsd": "PNS", "pnsdaerah": "PNS", "pegawainegerisipil": "PNS", "cpns": "CPNS", "calonpns": "CPNS",
    "cpnsd": "CPNS", "pppk": "PPPK", "p3k": "PPPK", "pppkparuhwaktu": "PPPK Paruh Waktu",
    "p3kparuhwaktu": "PPPK Paruh Waktu", "paruhwaktu": "PPPK Paruh Waktu",
}
JENIS_STRUKTURAL_DITEBAK = "Jenis jabatan struktural ditentukan dari nama jabatan"
@dataclass
class HasilPeriksaRoster:
    pegawai: list  # list[tuple[BarisSumber, Pegawai]] of rows without errors
    masalah: list  # list[Masalah]
    baris_galat: set  # Excel rows with at least one error


def _m(b: BarisSumber, key: str, pesan: str, saran: str = "", tingkat: str = GALAT, kunci: str = "") -> Masalah:
    return di_sel(b, key, pesan, saran, tingkat, kunci)


def _kunci(s: str) -> str:
    return "".join(s.lower().split()).replace("-", "").replace(".", "").replace("_", "")


def _jenis_jabatan(v) -> str | None:
    """The canonical jenis jabatan; 'struktural' for a struktural post whose kind needs an eselon."""
    s = _teks(v)
    if not s:
        return None
    k = _kunci(s)
    if k in _STRUKTURAL:
        return "struktural"
    return _ALIAS_JENIS.get(k) or jenis_dari_eselon(s)


def jenis_jabatan_pasti(v) -> str | None:
    """The canonical jenis jabatan of a value typed by hand (JPT, 'Eselon III.a', 'Jabatan Pengawas' ...);
    None when it says no kind (a bare 'struktural' needs its eselon)."""
    j = _jenis_jabatan(v)
    return None if j == "struktural" else j


def normalisasi_status(v) -> str | None:
    """'PNS Daerah' -> PNS, 'P3K' -> PPPK, 'PPPK Paruh Waktu', 'CPNS'; None when unknown."""
    s = _teks(v)
    return _ALIAS_STATUS.get(_kunci(s)) if s else None


# Values that repeat row after row (unit, status, golongan, jenis jabatan, the atasan's NIP) are
# checked once per distinct value; typed=True keeps 1, 1.0 and True apart.
_teks_ulang = lru_cache(maxsize=4096, typed=True)(_teks)
_jenis_ulang = lru_cache(maxsize=1024, typed=True)(_jenis_jabatan)
_status_ulang = lru_cache(maxsize=256, typed=True)(normalisasi_status)
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
    status_mentah = _teks_ulang(v.get("status"))
    status = None
    if status_mentah:
        status = _status_ulang(status_mentah)
        if status is None:
            ms.append(_m(b, "status", f"Status '{status_mentah}' tidak dikenal",
                         "isi salah satu: " + ", ".join(STATUS_PEGAWAI) + " (juga diterima: P3K, PNS Daerah, "
                         "Calon PNS)", kunci=nip or ""))
        elif info and info.jenis != jenis_dasar(status):
            ms.append(_m(b, "status", f"Status {status} tidak cocok dengan nomor induk, yang berformat {info.jenis}",
                         "periksa status atau NIP/NI PPPK-nya", kunci=nip or ""))
    elif info:
        status = info.jenis
    gol_mentah = v.get("golongan")
    golongan = None
    if _teks_ulang(gol_mentah):
        # the status unknown (NIP unreadable, no Status column): never assume PNS, accept either reading
        dicoba = [status] if status else ["PNS", "PPPK"]
        golongan = next((g for g in (_golongan_ulang(gol_mentah, s) for s in dicoba) if g), None)
        if golongan is None and not (status_mentah and status is None):
            dasar = jenis_dasar(status)
            contoh = ("I s.d. XVII" if dasar == "PPPK" else
                      "I/a s.d. IV/e, misalnya III/b atau Penata Muda Tingkat I (III/b)" if dasar == "PNS" else
                      "I/a s.d. IV/e untuk PNS atau I s.d. XVII untuk PPPK")
            untuk = f" untuk {status}" if status else ""
            ms.append(_m(b, "golongan", f"Golongan '{_teks(gol_mentah)}' tidak dikenal{untuk}",
                         f"tulis golongan {contoh}", kunci=nip or ""))
    jj_mentah = v.get("jenis_jabatan")
    jenis_jabatan = _jenis_ulang(jj_mentah)
    if jenis_jabatan is None and _teks_ulang(jj_mentah):
        ms.append(_m(b, "jenis_jabatan", f"Jenis jabatan '{_teks(jj_mentah)}' tidak dikenal",
                     "isi salah satu: " + ", ".join(JENIS_JABATAN) + " (juga diterima: " + ", ".join(EJAAN_JENIS) + ")",
                     kunci=nip or ""))
    if jenis_jabatan == "struktural":
        jenis_jabatan = jenis_dari_eselon(v.get("eselon"))
        if jenis_jabatan is None:
            jenis_jabatan = jenis_dari_nama_jabatan(v.get("jabatan"))
            if jenis_jabatan is not None:
                ms.append(_m(b, "jenis_jabatan", JENIS_STRUKTURAL_DITEBAK,
                             f"dibaca {jenis_jabatan} dari '{_teks(v.get('jabatan'))}'; isi JPT, administrator atau "
                             "pengawas (atau kolom Eselon) bila salah", PERINGATAN, kunci=nip or ""))
            else:
                ms.append(_m(b, "jenis_jabatan", f"Jenis jabatan '{_teks(jj_mentah)}' tanpa eselon: JPT, administrator "
                             "atau pengawas tidak dapat ditentukan dari nama jabatan", "isi JPT, administrator atau "
                             "pengawas, atau tambahkan kolom Eselon (misalnya III.a)", kunci=nip or ""))
    atasan = None
    if v.get("nip_atasan") not in (None, ""):
        atasan, e = _nip_atasan(v.get("nip_atasan"))
        if e is not None:
            ms.append(_m(b, "nip_atasan", "NIP atasan tidak valid: " + e.pesan, e.saran, kunci=nip or ""))
        if atasan and atasan == nip:
            ms.append(_m(b, "nip_atasan", "Pegawai tidak boleh menjadi atasan dirinya sendiri",
                         "isi NIP atasan langsung yang benar", kunci=nip or ""))
            atasan = None
    if any(m.galat for m in ms) or not (nip and nama and unit and status):
        return None, ms
    aktif = v.get("aktif")
    return Pegawai(nip, nama, _teks_ulang(v.get("jabatan")), jenis_jabatan, golongan, unit, atasan, status,
                   True if aktif is None else aktif, _teks_ulang(v.get("sub_unit")), _teks_ulang(v.get("gelar_depan")),
                   _teks_ulang(v.get("gelar_belakang")), _teks_ulang(v.get("kedudukan")),
                   _teks_ulang(v.get("unor_id"))), ms


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
