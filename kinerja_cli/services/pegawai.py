"""Use cases of the roster: import from Excel, list, look up one person (the full view: services.profil)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import DataTidakValid, TidakDitemukan
from ..excel.kolom_hilang import KolomTidakLengkap
from ..kolom import PEGAWAI
from ..model import HasilImpor, Pegawai
from ..store import audit
from ..store import pegawai as tabel
from ..validation.masalah import PERINGATAN, Masalah
from ..validation.nip import NIPTidakValid, periksa_nip
from ..validation.roster import periksa_berkas, periksa_silang
from . import impor_umum


KOLOM_BOLEH_ABSEN = ("jabatan", "jenis_jabatan", "golongan", "nip_atasan", "status")
# Kept without a word when a roster lacks them (most rosters do): what SIASN or a fuller roster set.
_TAMBAHAN_DIPERTAHANKAN = ("sub_unit", "kedudukan", "unor_id")


def impor(db, berkas: Path, sheet: str | None = None, uji_coba: bool = False, lewati_galat: bool = False,
          nonaktifkan_hilang: bool = False, tandai: Path | None = None, hierarki: Path | None = None,
          unit_dari: str | None = None) -> HasilImpor:
    """The file is read and checked on its own first (no lock held); then, in the one write
    transaction, the stored roster is read, the cross checks (unit spelling, atasan, loops) run on
    it, and the real changes are written and logged: two imports at once act as one after the other.

    The file's header row decides what it is: a roster, SIASN's roster export (pegawai_siasn), SIASN's
    unor hierarchy, or the workbook of `kinerja templat atasan` (atasan links only)."""
    from . import pegawai_siasn as siasn

    hier = siasn.baca_hierarki(hierarki) if hierarki is not None else None
    try:
        with impor_umum.alir(berkas, PEGAWAI, sheet, tandai) as isi:  # rows checked as they are read
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
    return hasil


def simpan(db, berkas: Path, sheet: str, dari_berkas, absen: list, uji_coba: bool, lewati_galat: bool,
           nonaktifkan_hilang: bool, tandai: Path | None, hier=None, tambahan_absen: tuple | list = (),
           ingatkan_absen: bool = True) -> HasilImpor:
    """The write half of a roster import (any source): cross checks against what is stored, refuse or
    skip, then write the changes and their audit entries in the one transaction. `hier` (a hierarchy
    given with --hierarki) is stored in the same transaction."""
    from . import pegawai_siasn as siasn

    with impor_umum.tulis(db, uji_coba):
        tersimpan = tabel.semua(db)
        cek = periksa_silang(dari_berkas, tersimpan)
        hasil = HasilImpor(uji_coba=uji_coba)
        impor_umum.putuskan(berkas, cek.masalah, lewati_galat, tandai, hasil)
        baru, ubah, log, dipertahankan = _rencana(cek, tersimpan, absen, nonaktifkan_hilang, hasil, tambahan_absen)
        if absen and dipertahankan and ingatkan_absen:
            judul = {k.key: k.judul for k in PEGAWAI.kolom}
            nama = ", ".join(judul[k] for k in absen)
            hasil.peringatan.append(Masalah(
                f"Kolom {nama} tidak ada di berkas: isinya untuk {dipertahankan} pegawai yang sudah tersimpan tidak "
                "diubah", "tambahkan kolomnya bila memang ingin mengubah atau mengosongkan isinya", None, sheet,
                None, nama, PERINGATAN))
        if hier is not None:
            siasn.simpan_hierarki(db, hier, uji_coba, hasil)
        if not uji_coba:
            tabel.simpan_banyak(db, baru, ubah)
            audit.catat_banyak(db, log)
    return hasil


def jenis_pegawai(status: str | None) -> str | None:
    """The kind of employee a file covers (--nonaktifkan-yang-hilang): CPNS go with PNS."""
    return "PNS" if status == "CPNS" else status


def _rencana(cek, tersimpan: dict, absen: list, nonaktifkan_hilang: bool, hasil: HasilImpor,
             tambahan_absen: tuple | list = ()):
    """(new people, changed people, audit entries, people whose absent columns were kept); counts into hasil."""
    baru, ubah, log = [], [], []
    di_berkas = set()
    dipertahankan = 0
    for _, p in cek.pegawai:
        di_berkas.add(p.nip)
        lama = tersimpan.get(p.nip)
        if lama is not None and absen:
            p = replace(p, **{k: getattr(lama, k) for k in absen})
            dipertahankan += 1
        if lama is not None and tambahan_absen:
            p = replace(p, **{k: getattr(lama, k) for k in tambahan_absen})
            if lama.nama == p.nama and p.gelar_depan is None and p.gelar_belakang is None:
                p = replace(p, gelar_depan=lama.gelar_depan, gelar_belakang=lama.gelar_belakang)
        if lama is None:
            baru.append(p)
            log.append(("pegawai", p.nip, "tambah", None, p.ke_dict(), p.nip))
        elif lama != p:
            ubah.append(p)
            log.append(("pegawai", p.nip, "ubah", *_beda(lama.ke_dict(), p.ke_dict()), p.nip))
        else:
            hasil.tetap += 1
    if nonaktifkan_hilang:  # only within the units and the kinds of employee (PNS, PPPK ...) the file covers
        unit_berkas = {p.unit for _, p in cek.pegawai}
        jenis_berkas = {jenis_pegawai(p.status) for _, p in cek.pegawai}
        for nip, lama in tersimpan.items():
            if (nip not in di_berkas and lama.aktif and lama.unit in unit_berkas
                    and jenis_pegawai(lama.status) in jenis_berkas):
                p = replace(lama, aktif=False)
                ubah.append(p)
                hasil.dinonaktifkan += 1
                log.append(("pegawai", nip, "ubah", {"aktif": True}, {"aktif": False}, nip))
    hasil.ditambah = len(baru)
    hasil.diubah = len(ubah) - hasil.dinonaktifkan
    return baru, ubah, log, dipertahankan


def _beda(lama: dict, baru: dict) -> tuple[dict, dict]:
    kunci = [k for k in baru if lama.get(k) != baru.get(k)]
    return {k: lama.get(k) for k in kunci}, {k: baru.get(k) for k in kunci}


def daftar(db, unit: str | None = None, cari: str | None = None, hanya_aktif: bool = True,
           sub_unit: str | None = None) -> list[dict]:
    if unit:
        nama_unit = tabel.unit_ada(db, unit)
        if not nama_unit:
            raise TidakDitemukan(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
        unit = nama_unit
    return [p.ke_dict() for p in tabel.cari(db, unit, cari, hanya_aktif, sub_unit)]


def nip_dari_argumen(nip: str) -> str:
    """Normalise a NIP typed on the command line; refuse an invalid one."""
    try:
        return periksa_nip(nip).nip
    except NIPTidakValid as e:
        raise DataTidakValid(f"NIP '{nip}' tidak valid: {e.pesan}.", e.saran or None) from None


def wajib_ada(db, nip: str) -> Pegawai:
    n = nip_dari_argumen(nip)
    p = tabel.ambil(db, n)
    if p is None:
        raise TidakDitemukan(f"Pegawai dengan NIP {n} tidak ada di basis data.",
                             "Cari dengan: kinerja pegawai daftar --cari NAMA")
    return p


def daftar_unit(db) -> list[dict]:
    return tabel.daftar_unit(db)
