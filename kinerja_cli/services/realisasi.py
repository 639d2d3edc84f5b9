"""Use cases of realisations: import a sheet, record one value."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..errors import DataTidakValid, TidakDitemukan, kalimat
from ..kolom import REALISASI
from ..model import HasilImpor
from ..store import audit, audit_json
from ..store import realisasi as tabel
from ..store import sasaran as tabel_sasaran
from ..store.db import transaksi
from ..validation.angka import teks_desimal
from ..validation.realisasi import IndeksSKP, PemeriksaRealisasi, RealisasiTidakValid, urai_realisasi
from . import impor_umum
from .impor_umum import konvensi_angka
from .pegawai import wajib_ada
from .periode import pastikan_terbuka


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


UKURAN_BATCH = 10_000  # rows per executemany while staging and writing the log


@konvensi_angka
def impor(db, berkas: Path, kode: str, sheet: str | None = None, uji_coba: bool = False, lewati_galat: bool = False,
          tandai: Path | None = None) -> HasilImpor:
    """Upsert realisations by (periode, nip, nomor); empty Realisasi cells are counted, not stored.

    The rows stream once through the checks; the good ones go to a TEMP table, so memory stays
    flat. Nothing touches the real tables before every row is checked (refused = nothing written);
    then one transaction writes the changes and their audit entries.
    """
    kode = pastikan_terbuka(db, kode).kode
    hasil = HasilImpor(uji_coba=uji_coba)
    tabel.tampungan_baru(db)
    try:
        with impor_umum.alir(berkas, REALISASI, sheet, tandai, kode) as isi:
            ada_bukti = "bukti" in isi.huruf
            bacaan = impor_umum.Bacaan(db, berkas)
            roster = bacaan.ambil("Daftar pegawai", lambda: tabel.roster_ringkas(db))
            skp = IndeksSKP.dari_baris(bacaan.ambil_alir(f"Baris SKP periode {kode}",
                                                         lambda: tabel.satuan_periode(db, kode)))
            cek = PemeriksaRealisasi(roster, skp, kode, ada_bukti)
            antre: list = []
            for b in isi.baris:
                r = cek.periksa(b)
                if r is not None:
                    nip, nomor, nilai, bukti = r
                    antre.append((b.baris, nip, nomor, nilai, bukti, _json_audit(nilai, bukti)))
                    if len(antre) >= UKURAN_BATCH:
                        tabel.tampung(db, antre)
                        antre = []
            tabel.tampung(db, antre)
            masalah, kosong = cek.masalah, cek.kosong
            del cek, antre, skp  # the lookups are no longer needed (bacaan keeps the roster to re-check it)
        impor_umum.putuskan(berkas, masalah, lewati_galat, tandai, hasil)
        impor_umum.info_tata(hasil, isi)
        hasil.keterangan["kosong"] = kosong
        impor_umum.simpan_tampungan(db, tabel, kode, hasil, uji_coba, lambda: _banding(db, kode, ada_bukti), bacaan)
        return hasil
    finally:
        tabel.hapus_tampungan(db)


_OBJEK_JSON = audit_json.pembuat_objek(("nilai", "bukti"))


def _json_audit(nilai: str, bukti: str | None) -> str:
    """The text audit.catat_banyak writes for _audit(nilai, bukti)."""
    return _OBJEK_JSON((nilai, bukti))


def _banding(db, kode: str, ada_bukti: bool) -> tuple[int, int]:
    """Re-import: stage the rows that change something, with the audit JSON of the old values;
    returns (added, changed). Reads page by page, so no query is open while staging."""
    tambah = ubah = 0
    setelah = 0
    while True:
        calon = tabel.calon_ubah(db, kode, ada_bukti, setelah, UKURAN_BATCH)
        if not calon:
            return tambah, ubah
        antre = []
        for baris, nip, nomor, nilai, bukti, baru, lama_nilai, lama_bukti, ada_lama in calon:
            lama = None
            if ada_lama:
                if bukti == lama_bukti and Decimal(lama_nilai) == Decimal(nilai):
                    continue  # the same number written differently: nothing changes
                ubah += 1
                lama = _json_audit(teks_desimal(Decimal(lama_nilai)), lama_bukti)
                if not ada_bukti:
                    baru = _json_audit(nilai, bukti)  # the stored bukti is kept
            else:
                tambah += 1
            antre.append((baris, nip, nomor, nilai, bukti, baru, lama))
        tabel.simpan_ubah(db, antre)
        setelah = calon[-1][0]


def catat(db, nip: str, kode: str, nomor: int, nilai: str, bukti: str | None = None) -> dict:
    """Record one realisation; returns it with 'aksi' (tambah | ubah | tetap) and the SKP row."""
    kode = pastikan_terbuka(db, kode).kode
    with transaksi(db):  # the SKP row, the stored value, the comparison and the write: under one lock
        return _catat(db, wajib_ada(db, nip), kode, nomor, nilai, bukti)


def _catat(db, p, kode: str, nomor: int, nilai: str, bukti: str | None) -> dict:
    skp = tabel_sasaran.baris_pegawai(db, kode, [p.nip]).get(p.nip, {})
    if nomor not in skp:
        raise TidakDitemukan(f"Baris SKP nomor {nomor} tidak ada untuk NIP {p.nip} di periode {kode}.",
                             f"Lihat nomornya dengan: kinerja sasaran daftar --periode {kode} --nip {p.nip}")
    try:
        d = urai_realisasi(nilai)
    except RealisasiTidakValid as e:
        raise DataTidakValid(e.pesan + ".", kalimat(e.saran)) from None
    bukti = " ".join(bukti.split()) if bukti and bukti.strip() else ...
    tersimpan = tabel.per_kunci(db, kode, [p.nip])
    ubah, log, baru_n, _, _ = _rencana(kode, tersimpan, [(p.nip, nomor, d, bukti)])
    if ubah:
        tabel.simpan_banyak(db, kode, ubah)
        audit.catat_banyak(db, log)
    aksi = "tetap" if not ubah else ("tambah" if baru_n else "ubah")
    row = skp[nomor]
    return {"nip": p.nip, "nama": p.nama, "periode": kode, "nomor": nomor, "nilai": d, "aksi": aksi,
            "indikator": row["indikator"], "satuan": row["satuan"]}
