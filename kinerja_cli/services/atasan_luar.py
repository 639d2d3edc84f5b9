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


def penilai_luar(db, pegawai) -> dict[str, str]:
    """{nip: name} of the pejabat penilai outside the roster of every employee in `pegawai` (model.Pegawai)
    without NIP Atasan: their atasan outside the roster, else the kepala daerah of the instansi profile
    (PermenPANRB 6/2022: the kepala daerah assesses the heads at the top of the roster). An employee with
    neither is left out: nobody is recorded as their pejabat penilai."""
    from .instansi import profil

    tanpa = [p.nip for p in pegawai if not p.nip_atasan]
    if not tanpa:
        return {}
    luar = tabel.semua(db)
    pr = profil(db)
    kepala = teks({"nama": pr.kepala_nama, "jabatan": pr.kepala_jabatan}) if pr and pr.kepala_nama else None
    hasil = {n: teks(luar[n]) if n in luar else kepala for n in tanpa}
    return {n: t for n, t in hasil.items() if t}


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
