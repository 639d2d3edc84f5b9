"""The write half of every roster import (a roster, SIASN's export): cross checks against what is
stored, refuse or skip, then the changes and their audit entries in the one write transaction."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..kolom import PEGAWAI
from ..model import HasilImpor
from ..store import audit
from ..store import pegawai as tabel
from ..validation.masalah import PERINGATAN, Masalah
from ..validation.roster import periksa_silang
from . import impor_umum
from .unor import simpan_hierarki


def simpan(db, berkas: Path, sheet: str, dari_berkas, absen: list, uji_coba: bool, lewati_galat: bool,
           nonaktifkan_hilang: bool, tandai: Path | None, hier=None, tambahan_absen: tuple | list = (),
           ingatkan_absen: bool = True) -> HasilImpor:
    """The write half of a roster import (any source): cross checks against what is stored, refuse or
    skip, then write the changes and their audit entries in the one transaction. `hier` (a hierarchy
    given with --hierarki) is stored in the same transaction."""
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
            simpan_hierarki(db, hier, uji_coba, hasil)
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
