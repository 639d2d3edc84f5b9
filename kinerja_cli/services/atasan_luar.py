"""A named atasan outside the roster (issue 17 §3): the head of an OPD whose roster has no NIP Atasan,
or a Sekda whose atasan is the kepala daerah, gets an approver for their SKP. Audited."""

from __future__ import annotations

from ..errors import DataTidakValid, TidakDitemukan
from ..kosakata import ATASAN_LUAR, KEPALA_DAERAH, PENILAI_LUAR
from ..store import atasan_luar as tabel
from ..store import audit
from ..store.db import transaksi
from ..validation.catatan import bersihkan_teks
from .instansi import profil
from .pegawai import wajib_ada


def teks(a: dict) -> str:
    """'H. Erman Safar (Wali Kota Bukittinggi)': how messages and the SKP state name this atasan."""
    return f"{a['nama']} ({a['jabatan']})" if a.get("jabatan") else a["nama"]


def pejabat_luar(db, pegawai) -> dict[str, tuple[str, str]]:
    """THE rule of the pejabat penilai outside the roster: {nip: (kata, name)} of every employee in
    `pegawai` (model.Pegawai) without NIP Atasan: their atasan outside the roster (kata 'atasan-luar'), else
    the kepala daerah of the instansi profile (kata 'kepala-daerah'; PermenPANRB 6/2022: the kepala daerah
    assesses the heads at the top of the roster). `kata` is what the NIP Penilai of his perilaku scores
    holds (he has no NIP in the roster). An employee with neither is left out: nobody is recorded as their
    pejabat penilai. Used by `rating tetapkan`/`impor` and `perilaku catat`/`impor` alike."""
    return pejabat_luar_nip(db, [p.nip for p in pegawai if not p.nip_atasan])


def pejabat_luar_nip(db, tanpa) -> dict[str, tuple[str, str]]:
    """`pejabat_luar` of the NIPs `tanpa` of employees known to have no NIP Atasan."""
    if not tanpa:
        return {}
    luar = tabel.semua(db)
    kepala = _kepala(db)
    hasil = {n: (ATASAN_LUAR, teks(luar[n])) if n in luar else (KEPALA_DAERAH, kepala) for n in tanpa}
    return {n: (k, t) for n, (k, t) in hasil.items() if t}


def punya_pejabat_luar(db):
    """nip -> bool for employees without NIP Atasan: does `pejabat_luar` name someone for them (their atasan
    outside the roster, else the profile's kepala daerah)? The same rule, read once, for a whole period
    (the flag "SKP belum disetujui" of `nilai` and `status`)."""
    luar = tabel.semua_nip(db)
    kepala = _kepala(db) is not None
    return lambda nip: kepala or nip in luar


def penilai_luar(db, pegawai) -> dict[str, str]:
    """{nip: name} of `pejabat_luar`: how messages and documents name that pejabat penilai."""
    return {n: t for n, (_, t) in pejabat_luar(db, pegawai).items()}


def _kepala(db) -> str | None:
    pr = profil(db)
    return teks({"nama": pr.kepala_nama, "jabatan": pr.kepala_jabatan}) if pr and pr.kepala_nama else None


def nama_penilai(db):
    """(nip, penilai) -> the name of a stored perilaku penilai outside the roster ('atasan-luar': the atasan
    recorded for that employee, 'kepala-daerah': the profile's kepala daerah), None for anything else.
    Reads the two tables once; for listings, `nilai --rinci` and documents."""
    luar = None
    kepala: list = []

    def nama(nip: str, penilai: str) -> str | None:
        nonlocal luar
        if penilai == ATASAN_LUAR:
            if luar is None:
                luar = tabel.semua(db)
            return teks(luar[nip]) if nip in luar else "atasan luar (tidak tercatat lagi)"
        if penilai == KEPALA_DAERAH:
            if not kepala:
                kepala.append(_kepala(db) or "kepala daerah")
            return kepala[0]
        return None

    return nama


def nama_oleh(db, baris: dict) -> dict:
    """{nip: stored rating row}: the rows whose pejabat penilai (`oleh`, `oleh_hasil_kerja`, `oleh_perilaku`) is
    one outside the roster (a token of kosakata.PENILAI_LUAR) get his name in `nama_oleh*` (nama_penilai, the one
    rule); the others are returned as they are. For `rating daftar`, `nilai`, the recap and the documents."""
    nama = None
    hasil = {}
    for nip, b in baris.items():
        kolom = [k for k in ("oleh", "oleh_hasil_kerja", "oleh_perilaku") if b.get(k) in PENILAI_LUAR]
        if kolom:
            nama = nama or nama_penilai(db)
            b = {**b, **{"nama_" + k: nama(nip, b[k]) for k in kolom}}
        hasil[nip] = b
    return hasil


def ambil(db, nip: str) -> dict | None:
    return tabel.ambil(db, nip)


def atur(db, nip: str, nama: str, jabatan: str | None) -> dict:
    p = wajib_ada(db, nip)
    if p.nip_atasan:
        atasan = wajib_ada(db, p.nip_atasan)
        raise DataTidakValid(f"{p.nama} ({p.nip}) sudah punya atasan langsung di daftar pegawai: {atasan.nama} "
                             f"({atasan.nip}).", "Atasan luar hanya untuk pegawai tanpa NIP Atasan; ubah NIP Atasan "
                             "lewat kinerja pegawai impor bila atasannya berganti.")
    nama = bersihkan_teks(nama)
    if not nama:
        raise DataTidakValid("--nama atasan kosong.", 'Contoh: --nama "H. Erman Safar" --jabatan "Wali Kota"')
    jabatan = bersihkan_teks(jabatan)
    lama = tabel.ambil(db, p.nip)
    baru = {"nama": nama, "jabatan": jabatan}
    if lama != baru:
        with transaksi(db):
            tabel.simpan(db, p.nip, nama, jabatan)
            audit.catat(db, "atasan_luar", p.nip, "ubah" if lama else "tambah", lama, baru, p.nip)
    return {"nip": p.nip, "nama_pegawai": p.nama, **baru, "berubah": lama != baru}


def hapus(db, nip: str) -> dict:
    p = wajib_ada(db, nip)
    lama = tabel.ambil(db, p.nip)
    if lama is None:
        raise TidakDitemukan(f"{p.nama} ({p.nip}) tidak punya atasan luar.")
    with transaksi(db):
        tabel.hapus(db, p.nip)
        audit.catat(db, "atasan_luar", p.nip, "hapus", lama, None, p.nip)
    return {"nip": p.nip, "nama_pegawai": p.nama, **lama}
