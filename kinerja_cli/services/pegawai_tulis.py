"""The write half of every roster import (a roster, SIASN's export): cross checks against what is
stored, refuse or skip, then the changes and their audit entries in the one write transaction."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..kolom import PEGAWAI
from ..model import HasilImpor
from ..store import audit
from ..store import pegawai as tabel
from ..store import sasaran as tabel_sasaran
from ..validation.masalah import PERINGATAN, Masalah
from ..validation.roster import periksa_silang
from . import impor_umum
from .unor import simpan_hierarki, tertinggal, uraian_tertinggal


def simpan(db, berkas: Path, sheet: str, dari_berkas, absen: list, uji_coba: bool, lewati_galat: bool,
           nonaktifkan_hilang: bool, tandai: Path | None, hier=None, tambahan_absen: tuple | list = (),
           ingatkan_absen: bool = True, seluruh_pemda: bool = False, jenis_tak_tentu: set | frozenset = frozenset()
           ) -> HasilImpor:
    """The write half of a roster import (any source): cross checks against what is stored, refuse or
    skip, then write the changes and their audit entries in the one transaction. `hier` (a hierarchy
    given with --hierarki) is stored in the same transaction.

    `seluruh_pemda` (SIASN's export covers the whole pemda): --nonaktifkan-yang-hilang is limited to
    the kinds of employee in the file only, not also to its units. `jenis_tak_tentu`: NIPs whose
    jenis jabatan the file could not give (stored without one): a stored jenis jabatan is kept."""
    with impor_umum.tulis(db, uji_coba):
        tersimpan = tabel.semua(db)
        cek = periksa_silang(dari_berkas, tersimpan)
        hasil = HasilImpor(uji_coba=uji_coba)
        impor_umum.putuskan(berkas, cek.masalah, lewati_galat, tandai, hasil)
        baru, ubah, log, dipertahankan = _rencana(cek, tersimpan, absen, nonaktifkan_hilang, hasil, tambahan_absen,
                                                  seluruh_pemda, jenis_tak_tentu)
        if "status" not in absen:  # an absent column keeps the stored status
            _ingatkan_status(cek, tersimpan, sheet, hasil)
        _ingatkan_tautan(db, ubah, tersimpan, hasil)
        if absen and dipertahankan and ingatkan_absen:
            judul = {k.key: k.judul for k in PEGAWAI.kolom}
            nama = ", ".join(judul[k] for k in absen)
            hasil.peringatan.append(Masalah(
                f"Kolom {nama} tidak ada di berkas: isinya untuk {dipertahankan} pegawai yang sudah tersimpan tidak "
                "diubah", "tambahkan kolomnya bila memang ingin mengubah atau mengosongkan isinya", None, sheet,
                None, nama, PERINGATAN))
        if hier is not None:
            _ingatkan_tertinggal(db, hier, {p.nip for _, p in cek.pegawai}, hasil)
            simpan_hierarki(db, hier, uji_coba, hasil)
        if not uji_coba:
            tabel.simpan_banyak(db, baru, ubah)
            audit.catat_banyak(db, log)
    return hasil


def jenis_pegawai(status: str | None) -> str | None:
    """The kind of employee a file covers (--nonaktifkan-yang-hilang): CPNS go with PNS."""
    return "PNS" if status == "CPNS" else status


def _ingatkan_tertinggal(db, hier, di_berkas: set, hasil: HasilImpor) -> None:
    """Stored employees outside this file left on a unor the new hierarchy no longer has: named (their
    own SIASN file, PPPK or paruh waktu, imported next moves them)."""
    hilang = tertinggal(db, hier, di_berkas)
    if hilang:
        n = sum(len(ps) for ps in hilang.values())
        hasil.keterangan.setdefault("awas", []).append(
            f"Hierarki unor {hier.berkas.name} tidak memuat {len(hilang)} unor yang masih menjadi unor {n} pegawai "
            f"aktif tersimpan di luar berkas ini: {uraian_tertinggal(db, hilang)}. Impor juga ekspor SIASN mereka "
            "(PPPK, PPPK paruh waktu): kinerja pegawai impor BERKAS")


BATAS_TAUTAN = 5  # people named in the warning about stranded RHK Atasan links


def _ingatkan_tautan(db, ubah: list, tersimpan: dict, hasil: HasilImpor) -> None:
    """A changed NIP Atasan leaves the SKP rows of open periods linking the old atasan's RHK numbers: the next
    SKP import of those people is refused ('RHK Atasan') -- named now, with the fix, not discovered then."""
    pindah = {p.nip: (tersimpan[p.nip].nip_atasan, p.nip_atasan) for p in ubah
              if p.nip in tersimpan and tersimpan[p.nip].nip_atasan and tersimpan[p.nip].nip_atasan != p.nip_atasan}
    if not pindah:
        return
    tautan = tabel_sasaran.tautan_periode_terbuka(db, pindah)
    if not tautan:
        return
    orang = []
    for nip, baris in tautan.items():
        lama, baru = pindah[nip]
        periode = sorted({k for k, _, _ in baris})
        orang.append(f"{tersimpan[nip].nama} ({nip}): {len(baris)} baris SKP periode {', '.join(periode)} menautkan "
                     f"RHK atasan lama {lama}" + (f", atasannya sekarang {baru}" if baru else ", kini tanpa atasan"))
    contoh = "; ".join(orang[:BATAS_TAUTAN]) + (f"; dan {len(orang) - BATAS_TAUTAN} pegawai lain" if len(orang) > BATAS_TAUTAN else "")
    hasil.keterangan.setdefault("awas", []).append(
        f"NIP Atasan berubah, tetapi SKP masih menautkan nomor RHK atasan lama ({len(orang)} pegawai): {contoh}. "
        "Impor SKP berikutnya menolak tautan itu. Perbaiki kolom RHK Atasan (Nomor) mereka (kinerja templat "
        "--periode KODE --unit UNIT, isi lalu impor; templat mengosongkan tautan yang tidak berlaku), atau "
        "kembalikan NIP Atasan bila perubahan ini keliru. Semua tautan yang menggantung: kinerja periksa")


def _ingatkan_status(cek, tersimpan: dict, sheet: str, hasil: HasilImpor) -> None:
    """A person whose kind of employee changes (PPPK -> PPPK Paruh Waktu: the same NIP in two SIASN
    files, or a mistyped status) is named, one warning per change, never overwritten silently."""
    berubah: dict[tuple, list] = {}
    for _, p in cek.pegawai:
        lama = tersimpan.get(p.nip)
        if (lama is not None and lama.status and p.status
                and jenis_pegawai(lama.status) != jenis_pegawai(p.status)):
            berubah.setdefault((lama.status, p.status), []).append(f"{lama.nama} ({p.nip})")
    for (a, b), orang in berubah.items():
        hasil.keterangan.setdefault("awas", []).append(
            f"Sheet {sheet}: status berubah dari {a} menjadi {b} (berkas ini): {len(orang)} pegawai, misalnya "
            + ", ".join(orang[:3]) + (" ..." if len(orang) > 3 else "") + ". Bila pegawai itu ada di dua berkas "
            "(misalnya PPPK dan PPPK paruh waktu), data berkas ini yang tersimpan (nama, golongan, jabatan, "
            "status); nilai lamanya ada di: kinerja riwayat --nip NIP")


def _rencana(cek, tersimpan: dict, absen: list, nonaktifkan_hilang: bool, hasil: HasilImpor,
             tambahan_absen: tuple | list = (), seluruh_pemda: bool = False,
             jenis_tak_tentu: set | frozenset = frozenset()):
    """(new people, changed people, audit entries, people whose absent columns were kept); counts into hasil."""
    baru, ubah, log = [], [], []
    di_berkas = set()
    dipertahankan = 0
    for _, p in cek.pegawai:
        di_berkas.add(p.nip)
        lama = tersimpan.get(p.nip)
        if lama is not None and p.nip in jenis_tak_tentu and lama.jenis_jabatan and p.jenis_jabatan is None:
            p = replace(p, jenis_jabatan=lama.jenis_jabatan)
            hasil.keterangan["jenis_dipertahankan"] = hasil.keterangan.get("jenis_dipertahankan", 0) + 1
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
    if nonaktifkan_hilang:  # only within the kinds of employee (PNS, PPPK ...) the file covers, and (an
        # office roster) its units; a SIASN export covers the whole pemda: every unit of those kinds
        unit_berkas = {p.unit for _, p in cek.pegawai}
        jenis_berkas = {jenis_pegawai(p.status) for _, p in cek.pegawai}
        for nip, lama in tersimpan.items():
            if (nip not in di_berkas and lama.aktif and (seluruh_pemda or lama.unit in unit_berkas)
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
