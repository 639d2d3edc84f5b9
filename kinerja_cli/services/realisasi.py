"""Use cases of realisations: import a sheet, record one value."""

from __future__ import annotations

from pathlib import Path

from ..errors import DataTidakValid, TidakDitemukan
from ..excel.kolom import REALISASI
from ..model import HasilImpor
from ..store import audit
from ..store import pegawai as tabel_pegawai
from ..store import realisasi as tabel
from ..store import sasaran as tabel_sasaran
from ..store.db import transaksi
from ..validation.angka import teks_desimal
from ..validation.realisasi import RealisasiTidakValid, periksa_sheet, urai_realisasi


def _audit(nilai, bukti) -> dict:
    return {"nilai": teks_desimal(nilai), "bukti": bukti}


def _rencana(kode: str, tersimpan: dict, baris: list) -> tuple[list, list, int, int, int]:
    """Rows to upsert and audit entries: only real changes. baris: (nip, nomor, nilai, bukti|...)."""
    ubah, log, baru_n, ubah_n, tetap = [], [], 0, 0, 0
    for nip, nomor, nilai, bukti in baris:
        lama = tersimpan.get((nip, nomor))
        if bukti is ...:  # no Bukti column: keep what is stored
            bukti = lama["bukti"] if lama else None
        if lama and lama["nilai"] == nilai and lama["bukti"] == bukti:
            tetap += 1
            continue
        ubah.append((nip, nomor, nilai, bukti))
        log.append(("realisasi", f"{kode}/{nip}/{nomor}", "ubah" if lama else "tambah",
                    _audit(lama["nilai"], lama["bukti"]) if lama else None, _audit(nilai, bukti), nip))
        if lama:
            ubah_n += 1
        else:
            baru_n += 1
    return ubah, log, baru_n, ubah_n, tetap


def impor(db, berkas: Path, kode: str, sheet: str | None = None, uji_coba: bool = False, lewati_galat: bool = False,
          tandai: Path | None = None) -> HasilImpor:
    """Upsert realisations by (periode, nip, nomor); empty Realisasi cells are counted, not stored."""
    from . import impor_umum
    from .periode import pastikan_terbuka

    kode = pastikan_terbuka(db, kode)["kode"]
    isi = impor_umum.baca(berkas, REALISASI, sheet, tandai)
    satuan = {(r["nip"], r["nomor"]): r["satuan"] for r in tabel_sasaran.baris_periode(db, kode)}
    cek = periksa_sheet(isi.baris, tabel_pegawai.semua(db), satuan, kode, "bukti" in isi.huruf)
    hasil = HasilImpor(uji_coba=uji_coba)
    impor_umum.putuskan(berkas, cek.masalah, lewati_galat, tandai, hasil)
    ada_bukti = "bukti" in isi.huruf
    tersimpan = tabel.per_kunci(db, kode, {nip for _, nip, _, _, _ in cek.baris})
    ubah, log, hasil.ditambah, hasil.diubah, hasil.tetap = _rencana(
        kode, tersimpan, [(nip, nomor, nilai, bukti if ada_bukti else ...) for _, nip, nomor, nilai, bukti in cek.baris])
    hasil.keterangan["kosong"] = cek.kosong
    if uji_coba or not ubah:
        return hasil
    with transaksi(db):
        tabel.simpan_banyak(db, kode, ubah)
        audit.catat_banyak(db, log)
    return hasil


def catat(db, nip: str, kode: str, nomor: int, nilai: str, bukti: str | None = None) -> dict:
    """Record one realisation; returns it with 'aksi' (tambah | ubah | tetap) and the SKP row."""
    from .pegawai import wajib_ada
    from .periode import pastikan_terbuka

    kode = pastikan_terbuka(db, kode)["kode"]
    p = wajib_ada(db, nip)
    skp = tabel_sasaran.baris_pegawai(db, kode, [p.nip]).get(p.nip, {})
    if nomor not in skp:
        raise TidakDitemukan(f"Baris SKP nomor {nomor} tidak ada untuk NIP {p.nip} di periode {kode}.",
                             f"Lihat nomornya dengan: kinerja sasaran daftar --periode {kode} --nip {p.nip}")
    try:
        d = urai_realisasi(nilai)
    except RealisasiTidakValid as e:
        raise DataTidakValid(e.pesan + ".", e.saran) from None
    bukti = " ".join(bukti.split()) if bukti and bukti.strip() else ...
    tersimpan = tabel.per_kunci(db, kode, [p.nip])
    ubah, log, baru_n, _, _ = _rencana(kode, tersimpan, [(p.nip, nomor, d, bukti)])
    if ubah:
        with transaksi(db):
            tabel.simpan_banyak(db, kode, ubah)
            audit.catat_banyak(db, log)
    aksi = "tetap" if not ubah else ("tambah" if baru_n else "ubah")
    row = skp[nomor]
    return {"nip": p.nip, "nama": p.nama, "periode": kode, "nomor": nomor, "nilai": d, "aksi": aksi,
            "indikator": row["indikator"], "satuan": row["satuan"]}
