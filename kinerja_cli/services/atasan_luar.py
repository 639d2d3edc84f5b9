"""A named atasan outside the roster (issue 17 §3): the head of an OPD whose roster has no NIP Atasan,
or a Sekda whose atasan is the kepala daerah, gets an approver for their SKP. Audited."""

from __future__ import annotations

from ..errors import DataTidakValid, TidakDitemukan
from ..store import atasan_luar as tabel
from ..store import audit
from ..store.db import transaksi
from ..validation.catatan import bersihkan_teks
from .pegawai import wajib_ada


def teks(a: dict) -> str:
    """'H. Erman Safar (Wali Kota Bukittinggi)': how messages and the SKP state name this atasan."""
    return f"{a['nama']} ({a['jabatan']})" if a.get("jabatan") else a["nama"]


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
