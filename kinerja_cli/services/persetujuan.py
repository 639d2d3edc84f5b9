"""Use cases of SKP agreement (persetujuan SKP): submit, agree, return, list; state changes caused by
changes to the SKP rows and by the `Status SKP` column of an import.

The state machine itself is pure, in validation.persetujuan.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..errors import DataTidakValid, TidakDitemukan
from ..store import audit
from ..store import pegawai as tabel_pegawai
from ..store import sasaran as tabel_sasaran
from ..store import skp_status as tabel
from ..store.db import transaksi
from ..validation.angka import teks_desimal
from ..validation.catatan import TanggalTidakValid, baca_tanggal
from ..validation.persetujuan import DARI_BERKAS, KEMBALI_KE_DRAF, TransisiDitolak, dapat_dicapai, transisi
from ..validation.sasaran import TOLERANSI_BOBOT
from .atasan_luar import pejabat_luar
from .pegawai import unit_wajib_ada, wajib_ada
from .periode import pastikan_terbuka
from .periode import wajib_ada as periode_wajib_ada

ALASAN_BARIS_BERUBAH = "baris SKP berubah"


def _kunci(kode: str, nip: str) -> str:
    return f"{kode}/{nip}"


def _baris(status: str, oleh: str | None, tanggal: str | None, alasan: str | None) -> dict:
    return {"status": status, "oleh": oleh, "tanggal": tanggal, "alasan": alasan}


def entri_audit(kode: str, nip: str, lama: dict | None, ada_skp: bool, baru: dict) -> tuple:
    """One audit entry for a state change; an SKP with rows and no state row was `draf`."""
    if lama is None and ada_skp:
        lama = {"status": "draf"}
    return ("skp_status", _kunci(kode, nip), "tambah" if lama is None else "ubah", lama, baru, nip)


def _siapkan(db, nip: str, kode: str):
    """(period, employee, stored state row or None, current state) for a state command."""
    kode = pastikan_terbuka(db, kode).kode
    if not tabel.dipakai(db, kode):
        raise DataTidakValid(f"Periode {kode} tidak memakai persetujuan SKP, jadi SKP tidak perlu diajukan atau "
                             "disetujui.", f"Bila periode ini memakai persetujuan SKP, aktifkan dulu dengan: "
                             f"kinerja periode ubah {kode} --persetujuan-skp ya")
    p = wajib_ada(db, nip)
    bobot = tabel_sasaran.bobot_per_pegawai(db, kode, [p.nip]).get(p.nip)
    lama = tabel.ambil(db, kode, [p.nip]).get(p.nip)
    if bobot is None and lama is None:
        raise TidakDitemukan(f"{p.nama} ({p.nip}) belum punya SKP periode {kode}.",
                             f"Isi SKP dulu dengan: kinerja sasaran impor BERKAS --periode {kode} "
                             f"atau kinerja sasaran tambah {p.nip} --periode {kode} ...")
    return kode, p, bobot, lama, (lama["status"] if lama else "draf")


def _transisi(perintah: str, status: str, p, kode: str) -> str:
    try:
        return transisi(perintah, status, p.nip, kode, p.nama)
    except TransisiDitolak as e:
        raise DataTidakValid(e.pesan, e.saran) from None


def _atasan_berwenang(db, p, oleh: str | None, kode: str, kata: str) -> tuple[str, str]:
    """(what the state row records as `oleh`, the name to show) of the atasan who may act: the
    employee's atasan in the roster (--oleh NIP), or their atasan outside the roster (no --oleh);
    DataTidakValid naming the real atasan otherwise."""
    if not p.nip_atasan:
        kata_luar, t = _pejabat_luar(db, p, kata)
        if oleh and oleh.strip().lower() != kata_luar:
            raise DataTidakValid(f"SKP {p.nama} ({p.nip}) {kata} oleh pejabat penilainya di luar daftar pegawai, "
                                 f"{t}, bukan oleh {oleh}.", f"Tulis perintahnya tanpa --oleh, atau dengan --oleh {kata_luar}.")
        return t, t
    if not oleh:
        atasan = wajib_ada(db, p.nip_atasan)
        raise DataTidakValid(f"Sebutkan atasan yang {'menyetujui' if kata == 'disetujui' else 'mengembalikan'} dengan "
                             f"--oleh.", f"Atasan langsung {p.nama}: --oleh {atasan.nip} ({atasan.nama})")
    q = wajib_ada(db, oleh)
    if q.nip == p.nip_atasan:
        return q.nip, q.nama
    atasan = wajib_ada(db, p.nip_atasan)
    siapa = "pegawai itu sendiri" if q.nip == p.nip else f"{q.nama} ({q.nip})"
    raise DataTidakValid(f"SKP {p.nama} ({p.nip}) periode {kode} hanya dapat {kata} oleh atasan langsungnya, "
                         f"{atasan.nama} ({atasan.nip}), bukan oleh {siapa}.",
                         f"Pakai --oleh {atasan.nip}, atau perbaiki NIP Atasan di daftar pegawai bila atasannya "
                         "sudah berganti.")


def _simpan(db, kode: str, p, lama: dict | None, baru: dict, ada_skp: bool) -> None:
    with transaksi(db):
        tabel.simpan(db, kode, p.nip, **baru)
        audit.catat_banyak(db, [entri_audit(kode, p.nip, lama, ada_skp, baru)])


def _hasil(kode: str, p, status_lama: str, baru: dict, nama_oleh: str | None = None) -> dict:
    return {"periode": kode, "nip": p.nip, "nama": p.nama, "status_lama": status_lama, **baru, "nama_oleh": nama_oleh}


def ajukan(db, nip: str, kode: str) -> dict:
    """The employee submits their SKP: draf|dikembalikan -> diajukan; the bobot must sum to 100."""
    kode, p, bobot, lama, status = _siapkan(db, nip, kode)
    baru_status = _transisi("ajukan", status, p, kode)
    bobot = bobot if bobot is not None else Decimal(0)
    if abs(bobot - 100) > TOLERANSI_BOBOT:
        raise DataTidakValid(f"SKP {p.nama} ({p.nip}) periode {kode} belum dapat diajukan: jumlah bobotnya "
                             f"{teks_desimal(bobot)}, harus 100.",
                             f"Sesuaikan bobot barisnya (lihat: kinerja sasaran daftar --periode {kode} --nip {p.nip}) "
                             "lalu ajukan lagi.")
    baru = _baris(baru_status, p.nip, date.today().isoformat(), None)
    _simpan(db, kode, p, lama, baru, True)
    return {**_hasil(kode, p, status, baru, p.nama), "kepada": _kepada(db, p)}


def _kepada(db, p) -> dict | None:
    """Whom a submitted SKP goes to: {'nama', 'luar': None | 'atasan-luar' | 'kepala-daerah'}; None when nobody
    can agree to it."""
    if p.nip_atasan:
        a = tabel_pegawai.ambil(db, p.nip_atasan)
        return {"nama": f"{a.nama} ({a.nip})" if a else p.nip_atasan, "luar": None}

    luar = pejabat_luar(db, [p]).get(p.nip)
    return {"nama": luar[1], "luar": luar[0]} if luar else None


def _pejabat_luar(db, p, kata: str) -> tuple[str, str]:
    """(kata, name) of the pejabat penilai outside the roster of `p` (no NIP Atasan): services.atasan_luar.pejabat_luar,
    the one rule (their atasan outside the roster, else the kepala daerah of the instansi profile)."""
    luar = pejabat_luar(db, [p]).get(p.nip)
    if luar is None:
        raise DataTidakValid(f"{p.nama} ({p.nip}) tidak punya atasan langsung di daftar pegawai, dan profil instansi "
                             f"belum mencatat kepala daerah, jadi SKP-nya tidak dapat {kata} lewat kinerja.",
                             "Isi NIP Atasan pegawai ini di daftar pegawai lalu impor ulang (kinerja pegawai impor), "
                             f'catat atasan di luar daftar: kinerja pegawai atasan-luar {p.nip} --nama "..." '
                             '--jabatan "...", atau catat kepala daerah: kinerja instansi --kepala-nama "..." '
                             '--kepala-jabatan "..."')
    return luar


def setujui(db, nip: str, kode: str, oleh: str | None, tanggal: str | None = None) -> dict:
    """The employee's own atasan agrees to a submitted SKP: diajukan -> disetujui."""
    try:
        t = baca_tanggal(tanggal) if tanggal else date.today()
    except TanggalTidakValid as e:
        raise DataTidakValid(f"--tanggal: {e.pesan}.", e.saran) from None
    kode, p, bobot, lama, status = _siapkan(db, nip, kode)
    oleh, nama_oleh = _atasan_berwenang(db, p, oleh, kode, "disetujui")
    baru_status = _transisi("setujui", status, p, kode)
    baru = _baris(baru_status, oleh, t.isoformat(), None)
    _simpan(db, kode, p, lama, baru, bobot is not None)
    return _hasil(kode, p, status, baru, nama_oleh)


def kembalikan(db, nip: str, kode: str, oleh: str | None, alasan: str) -> dict:
    """The employee's own atasan returns a submitted SKP with a reason: diajukan -> dikembalikan."""
    alasan = " ".join((alasan or "").split())
    kode, p, bobot, lama, status = _siapkan(db, nip, kode)
    if not alasan:
        raise DataTidakValid("Alasan mengembalikan SKP wajib diisi.",
                             'Tulis apa yang perlu diperbaiki, misalnya: --alasan "target RHK 2 terlalu rendah"')
    oleh, nama_oleh = _atasan_berwenang(db, p, oleh, kode, "dikembalikan")
    baru_status = _transisi("kembalikan", status, p, kode)
    baru = _baris(baru_status, oleh, date.today().isoformat(), alasan)
    _simpan(db, kode, p, lama, baru, bobot is not None)
    return _hasil(kode, p, status, baru, nama_oleh)


def daftar(db, kode: str, unit: str | None = None, nip: str | None = None) -> list[dict]:
    """Employees with an SKP (rows or a state) in the period and the state of their SKP (one employee: `nip`)."""
    kode = periode_wajib_ada(db, kode).kode
    if nip:
        nip = wajib_ada(db, nip).nip
    if unit:
        unit = unit_wajib_ada(db, unit)
    baris = tabel.daftar(db, kode, unit)
    if nip:
        baris = [b for b in baris if b["nip"] == nip]
    for b in baris:
        b["status"] = b["status"] or "draf"
    return baris


# --- state changes caused by changes to the SKP rows (sasaran impor / tambah) ---

def kembali_ke_draf(kode: str, nip: str, lama: dict, alasan: str = ALASAN_BARIS_BERUBAH) -> tuple[dict, tuple]:
    """The draf row and audit entry for an SKP whose rows (or, with `alasan`, lampiran) changed while
    diajukan/disetujui."""
    baru = _baris("draf", None, date.today().isoformat(), alasan)
    return baru, entri_audit(kode, nip, lama, True, baru)


def rencana_impor(kode: str, tersimpan: dict, punya_baris: set[str], berubah: list[str],
                  status_berkas: dict[str, str], nips: list[str], roster: dict) -> dict:
    """What an SKP import does to the states of the employees `nips` it stores.

    tersimpan: nip -> stored state row; punya_baris: employees with SKP rows before the import;
    berubah: employees whose rows really change; status_berkas: nip -> state from the `Status SKP` column. Rule: a real change to the rows of a
    diajukan/disetujui SKP sends it back to draf; then the file's state, when it differs from the
    state the SKP had before the import, is applied (disetujui/dikembalikan recorded as by the
    employee's atasan, with alasan "dari impor berkas") only when it lies forward along the allowed
    steps: a file never moves a state back (an agreed SKP stays agreed, with its approver and date).
    A file state equal to the old one while the
    rows changed is the echo of a pre-filled template: the return to draf wins, with a warning.
    Returns {'simpan': {nip: row}, 'log': [...], 'kembali_draf': [(nip, old state)], 'diabaikan': [(nip, state)],
    'mundur': [(nip, stored state, file state)]}.
    """
    hari_ini = date.today().isoformat()
    rencana = {"simpan": {}, "log": [], "kembali_draf": [], "diabaikan": [], "mundur": []}
    berubah = set(berubah)
    for nip in nips:
        lama = tersimpan.get(nip)
        sebelum = lama["status"] if lama else "draf"
        sekarang, baru = sebelum, None
        if nip in berubah and sebelum in KEMBALI_KE_DRAF:
            baru = _baris("draf", None, hari_ini, ALASAN_BARIS_BERUBAH)
            sekarang = "draf"
        s = status_berkas.get(nip)
        if s is not None and baru is not None and s == sebelum:
            rencana["diabaikan"].append((nip, s))
        elif s is not None and s != sekarang and not dapat_dicapai(sekarang, s):
            rencana["mundur"].append((nip, sekarang, s))
        elif s is not None and s != sekarang:
            oleh = roster[nip].nip_atasan if s in ("disetujui", "dikembalikan") else None
            baru = _baris(s, oleh, hari_ini, DARI_BERKAS)
        if baru is None:
            continue
        if baru["status"] == "draf" and sebelum in KEMBALI_KE_DRAF:
            rencana["kembali_draf"].append((nip, sebelum))
        rencana["simpan"][nip] = baru
        rencana["log"].append(entri_audit(kode, nip, lama, nip in punya_baris, baru))
    return rencana
