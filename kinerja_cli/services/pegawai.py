"""Use cases of the roster: import from Excel, list, look up one person (the full view: services.profil)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import DataTidakValid, TidakDitemukan
from ..kolom import PEGAWAI
from ..model import HasilImpor, Pegawai
from ..store import audit
from ..store import pegawai as tabel
from ..validation.masalah import PERINGATAN, Masalah
from ..validation.nip import NIPTidakValid, periksa_nip
from ..validation.roster import periksa_berkas, periksa_silang
from . import impor_umum


KOLOM_BOLEH_ABSEN = ("jabatan", "jenis_jabatan", "golongan", "nip_atasan", "status")


def impor(db, berkas: Path, sheet: str | None = None, uji_coba: bool = False, lewati_galat: bool = False,
          nonaktifkan_hilang: bool = False, tandai: Path | None = None) -> HasilImpor:
    """The file is read and checked on its own first (no lock held); then, in the one write
    transaction, the stored roster is read, the cross checks (unit spelling, atasan, loops) run on
    it, and the real changes are written and logged: two imports at once act as one after the other."""
    with impor_umum.alir(berkas, PEGAWAI, sheet, tandai) as isi:  # rows checked as they are read
        dari_berkas = periksa_berkas(isi.baris)
    # An optional column missing from the file changes nothing stored (a blank cell in a column that
    # is there does clear it): a short roster from an OPD must not wipe atasan links or golongan.
    absen = [k for k in KOLOM_BOLEH_ABSEN if k not in isi.huruf]
    with impor_umum.tulis(db, uji_coba):
        tersimpan = tabel.semua(db)
        cek = periksa_silang(dari_berkas, tersimpan)
        hasil = HasilImpor(uji_coba=uji_coba)
        impor_umum.putuskan(berkas, cek.masalah, lewati_galat, tandai, hasil)
        baru, ubah, log, dipertahankan = _rencana(cek, tersimpan, absen, nonaktifkan_hilang, hasil)
        if absen and dipertahankan:
            judul = {k.key: k.judul for k in PEGAWAI.kolom}
            nama = ", ".join(judul[k] for k in absen)
            hasil.peringatan.append(Masalah(
                f"Kolom {nama} tidak ada di berkas: isinya untuk {dipertahankan} pegawai yang sudah tersimpan tidak "
                "diubah", "tambahkan kolomnya bila memang ingin mengubah atau mengosongkan isinya", None, isi.sheet,
                None, nama, PERINGATAN))
        if not uji_coba:
            tabel.simpan_banyak(db, baru, ubah)
            audit.catat_banyak(db, log)
    return hasil


def _rencana(cek, tersimpan: dict, absen: list, nonaktifkan_hilang: bool, hasil: HasilImpor):
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
        if lama is None:
            baru.append(p)
            log.append(("pegawai", p.nip, "tambah", None, p.ke_dict(), p.nip))
        elif lama != p:
            ubah.append(p)
            log.append(("pegawai", p.nip, "ubah", *_beda(lama.ke_dict(), p.ke_dict()), p.nip))
        else:
            hasil.tetap += 1
    if nonaktifkan_hilang:  # only within the units the file covers: a file of one OPD never touches the others
        unit_berkas = {p.unit for _, p in cek.pegawai}
        for nip, lama in tersimpan.items():
            if nip not in di_berkas and lama.aktif and lama.unit in unit_berkas:
                p = Pegawai(**{**lama.ke_dict(), "aktif": False})
                ubah.append(p)
                hasil.dinonaktifkan += 1
                log.append(("pegawai", nip, "ubah", {"aktif": True}, {"aktif": False}, nip))
    hasil.ditambah = len(baru)
    hasil.diubah = len(ubah) - hasil.dinonaktifkan
    return baru, ubah, log, dipertahankan


def _beda(lama: dict, baru: dict) -> tuple[dict, dict]:
    kunci = [k for k in baru if lama.get(k) != baru.get(k)]
    return {k: lama.get(k) for k in kunci}, {k: baru.get(k) for k in kunci}


def daftar(db, unit: str | None = None, cari: str | None = None, hanya_aktif: bool = True) -> list[dict]:
    if unit:
        nama_unit = tabel.unit_ada(db, unit)
        if not nama_unit:
            raise TidakDitemukan(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
        unit = nama_unit
    return [p.ke_dict() for p in tabel.cari(db, unit, cari, hanya_aktif)]


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
