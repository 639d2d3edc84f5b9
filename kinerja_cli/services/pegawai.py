"""Use cases of the roster: import from Excel, list, look up one person (the full view: services.profil)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import DataTidakValid, SalahKetik, TidakDitemukan
from ..excel.kolom_hilang import KolomTidakLengkap
from ..kolom import PEGAWAI_IMPOR
from ..model import HasilImpor, Pegawai
from ..store import audit
from ..store import pegawai as tabel
from ..store.db import transaksi
from ..validation.nip import NIPTidakValid, periksa_nip
from ..validation.roster import EJAAN_JENIS, JENIS_JABATAN, jenis_jabatan_pasti, periksa_berkas
from . import impor_umum
from . import pegawai_siasn as siasn
from .pegawai_tulis import simpan

KOLOM_BOLEH_ABSEN = ("jabatan", "jenis_jabatan", "golongan", "nip_atasan", "status")
# Kept without a word when a roster lacks them (most rosters do): what SIASN or a fuller roster set.
_TAMBAHAN_DIPERTAHANKAN = ("sub_unit", "kedudukan", "unor_id")


@impor_umum.lingkup_impor
def impor(db, berkas: Path, sheet: str | None = None, uji_coba: bool = False, lewati_galat: bool = False,
          nonaktifkan_hilang: bool = False, tandai: Path | None = None, hierarki: Path | None = None,
          unit_dari: str | None = None) -> HasilImpor:
    """The file is read and checked on its own first (no lock held); then, in the one write
    transaction, the stored roster is read, the cross checks (unit spelling, atasan, loops) run on
    it, and the real changes are written and logged: two imports at once act as one after the other.

    The file's header row decides what it is: a roster, SIASN's roster export (pegawai_siasn), SIASN's
    unor hierarchy, or the workbook of `kinerja templat atasan` (atasan links only)."""
    hier = siasn.baca_hierarki(hierarki) if hierarki is not None else None
    try:
        with impor_umum.alir(berkas, PEGAWAI_IMPOR, sheet, tandai) as isi:  # rows checked as they are read
            petik = siasn.PenghitungPetik()
            dari_berkas = periksa_berkas(petik.lepas(isi.baris))
    except KolomTidakLengkap as e:
        return siasn.impor_dikenali(db, e, berkas, sheet, uji_coba, lewati_galat, nonaktifkan_hilang, tandai, hier,
                                    unit_dari)
    # An optional column missing from the file changes nothing stored (a blank cell in a column that
    # is there does clear it): a short roster from an OPD must not wipe atasan links or golongan.
    absen = [k for k in KOLOM_BOLEH_ABSEN if k not in isi.huruf]
    hasil = simpan(db, berkas, isi.sheet, dari_berkas, absen, uji_coba, lewati_galat, nonaktifkan_hilang, tandai,
                   hier, tambahan_absen=[k for k in _TAMBAHAN_DIPERTAHANKAN if k not in isi.huruf])
    petik.laporkan(hasil)
    impor_umum.info_tata(hasil, isi)
    return hasil


def daftar(db, unit: str | None = None, cari: str | None = None, hanya_aktif: bool = True,
           sub_unit: str | None = None) -> list[dict]:
    if unit:
        unit = unit_wajib_ada(db, unit)
    return [p.ke_dict() for p in tabel.cari(db, unit, cari, hanya_aktif, sub_unit)]


def nip_dari_argumen(nip: str) -> str:
    """Normalise a NIP typed on the command line; refuse an invalid one."""
    try:
        return periksa_nip(nip).nip
    except NIPTidakValid as e:
        raise SalahKetik(f"NIP '{nip}' tidak valid: {e.pesan}.", e.saran or None) from None


def wajib_ada(db, nip: str) -> Pegawai:
    n = nip_dari_argumen(nip)
    p = tabel.ambil(db, n)
    if p is None:
        raise TidakDitemukan(f"Pegawai dengan NIP {n} tidak ada di basis data.",
                             "Cari dengan: kinerja pegawai daftar --cari NAMA")
    return p


def unit_wajib_ada(db, unit: str) -> str:
    """The stored spelling of unit kerja `unit` (case-insensitive), or TidakDitemukan naming it."""
    u = tabel.unit_ada(db, unit)
    if not u:
        raise TidakDitemukan(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
    return u


def ubah(db, nip: str, jenis_jabatan: str) -> dict:
    """Set one employee's jenis jabatan by hand (what SIASN's export cannot say: a struktural post whose
    name gives no kind), audited. A later SIASN re-import keeps it while it still cannot infer one."""
    jenis = jenis_jabatan_pasti(jenis_jabatan)
    if jenis is None:
        raise DataTidakValid(f"Jenis jabatan '{jenis_jabatan}' tidak dikenal.",
                             f"Pilih salah satu: {', '.join(JENIS_JABATAN)} (juga diterima: {', '.join(EJAAN_JENIS[:-1])}).")
    p = wajib_ada(db, nip)
    with transaksi(db):
        p = wajib_ada(db, nip)  # read again inside the write transaction
        berubah = p.jenis_jabatan != jenis
        if berubah:
            tabel.simpan_banyak(db, [], [replace(p, jenis_jabatan=jenis)])
            audit.catat(db, "pegawai", p.nip, "ubah", {"jenis_jabatan": p.jenis_jabatan}, {"jenis_jabatan": jenis}, p.nip)
    return {"nip": p.nip, "nama": p.nama, "lama": p.jenis_jabatan, "baru": jenis, "berubah": berubah}


def daftar_unit(db) -> list[dict]:
    return tabel.daftar_unit(db)
