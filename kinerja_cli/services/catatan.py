"""Use cases of dated notes: umpan balik (continuous feedback) and inovasi."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..errors import DataTidakValid
from ..kolom import INOVASI, UMPAN_BALIK
from ..model import HasilImpor, Periode
from ..store import audit
from ..store import catatan as tabel
from ..store import pegawai as tabel_pegawai
from ..store.db import transaksi
from ..validation.catatan import TanggalTidakValid, baca_tanggal, bersihkan_teks, periksa_inovasi, periksa_umpan_balik
from ..validation.tanggal_id import tanggal_id
from . import impor_umum, pegawai, periode


def _tanggal_argumen(teks: str | None, per: Periode) -> tuple[str, list[str]]:
    """--tanggal (default today) as ISO text, with a warning when outside the period."""
    try:
        t = baca_tanggal(teks) if teks else date.today()
    except TanggalTidakValid as e:
        raise DataTidakValid(f"--tanggal: {e.pesan}.", e.saran) from None
    if t is None:
        t = date.today()
    luar = di_luar_periode(t, per)
    return t.isoformat(), [luar] if luar else []


def di_luar_periode(t: date, per: Periode) -> str | None:
    """The warning for a note dated outside its period (recorded anyway: a late note is still a note);
    None inside. One wording for catat and ubah."""
    if per.mulai <= t.isoformat() <= per.selesai:
        return None
    return f"Tanggal {tanggal_id(t)} di luar periode {per.kode} ({tanggal_id(per.mulai)} s.d. {tanggal_id(per.selesai)})."


def _batas(per: Periode) -> tuple[date, date]:
    return date.fromisoformat(per.mulai), date.fromisoformat(per.selesai)


# --- umpan balik ---------------------------------------------------------------------------

def catat_umpan_balik(db, nip: str, kode: str, dari: str, teks: str, tanggal: str | None = None) -> dict:
    per = periode.pastikan_terbuka(db, kode)
    p = pegawai.wajib_ada(db, nip)
    q = pegawai.wajib_ada(db, dari)
    if p.nip == q.nip:
        raise DataTidakValid("Pemberi umpan balik sama dengan pegawai yang diberi.",
                             "Isi --dari dengan NIP atasan atau rekan yang memberi umpan balik.")
    isi = bersihkan_teks(teks)
    if not isi:
        raise DataTidakValid("Teks umpan balik kosong.", 'Tulis isinya, misalnya "Laporan bulanan tepat waktu."')
    t, peringatan = _tanggal_argumen(tanggal, per)
    if (p.nip, q.nip, t, isi) in tabel.umpan_balik_tersimpan(db, per.kode):
        return {"baru": False, "peringatan": peringatan}
    with transaksi(db):
        i = tabel.tambah_umpan_balik(db, per.kode, p.nip, q.nip, t, isi)
        audit.catat(db, "umpan_balik", str(i), "tambah", None,
                    {"periode": per.kode, "dari": q.nip, "tanggal": t, "teks": isi}, p.nip)
    return {"baru": True, "id": i, "peringatan": peringatan}


@impor_umum.lingkup_impor
def impor_umpan_balik(db, berkas: Path, kode: str, sheet: str | None = None, uji_coba: bool = False,
                      lewati_galat: bool = False, tandai: Path | None = None) -> HasilImpor:
    return _impor(db, berkas, kode, UMPAN_BALIK, periksa_umpan_balik, _simpan_umpan_balik, sheet, uji_coba,
                  lewati_galat, tandai)


def _impor(db, berkas: Path, kode: str, tata, periksa, simpan, sheet: str | None, uji_coba: bool,
           lewati_galat: bool, tandai: Path | None) -> HasilImpor:
    """One import of dated notes (umpan balik, inovasi): read with layout `tata`, check the rows with
    `periksa` against the roster and the period's dates, then `simpan` what is new."""
    per = periode.pastikan_terbuka(db, kode)
    isi = impor_umum.baca(berkas, tata, sheet, tandai, per.kode)
    bacaan = impor_umum.Bacaan(db, berkas)
    cek = periksa(isi.baris, bacaan.ambil("Daftar pegawai", lambda: tabel_pegawai.semua(db)), *_batas(per))
    galat = impor_umum.putuskan(berkas, cek.masalah, lewati_galat, tandai)
    with impor_umum.tulis(db, uji_coba, bacaan):  # stored rows read, compared and written under one lock
        hasil = simpan(db, per, cek, galat, uji_coba, lewati_galat)
    impor_umum.info_tata(hasil, isi)
    return hasil


def _simpan_umpan_balik(db, per: Periode, cek, galat: list, uji_coba: bool, lewati_galat: bool) -> HasilImpor:
    tersimpan = tabel.umpan_balik_tersimpan(db, per.kode)
    tanpa_tanggal = {(n, d, x) for n, d, _, x in tersimpan}
    hari_ini = date.today().isoformat()
    tulis = []
    hasil = HasilImpor(uji_coba=uji_coba, dilewati=galat, peringatan=[m for m in cek.masalah if not m.galat])
    for _, u in cek.data:
        # no date in the file: same note already stored on any date counts as the same note
        sama = ((u.nip, u.dari, u.teks) in tanpa_tanggal if u.tanggal is None
                else (u.nip, u.dari, u.tanggal.isoformat(), u.teks) in tersimpan)
        if sama:
            hasil.tetap += 1
        else:
            tulis.append((u.nip, u.dari, u.tanggal.isoformat() if u.tanggal else hari_ini, u.teks))
    hasil.ditambah = len(tulis)
    hasil.keterangan["baris_dilewati"] = len(cek.baris_galat) if lewati_galat else 0
    if uji_coba or not tulis:
        return hasil
    log = []
    for nip, dari, t, teks in tulis:
        i = tabel.tambah_umpan_balik(db, per.kode, nip, dari, t, teks)
        log.append(("umpan_balik", str(i), "tambah", None,
                    {"periode": per.kode, "dari": dari, "tanggal": t, "teks": teks}, nip))
    audit.catat_banyak(db, log)
    return hasil


def daftar_umpan_balik(db, kode: str | None = None, nip: str | None = None, unit: str | None = None) -> list[dict]:
    k = periode.wajib_ada(db, kode).kode if kode else None
    n = pegawai.wajib_ada(db, nip).nip if nip else None
    u = _unit(db, unit)
    return tabel.daftar_umpan_balik(db, k, n, u)


def _unit(db, unit: str | None) -> str | None:
    if not unit:
        return None
    return pegawai.unit_wajib_ada(db, unit)


# --- inovasi -------------------------------------------------------------------------------

def catat_inovasi(db, nip: str, kode: str, uraian: str, tanggal: str | None = None) -> dict:
    per = periode.pastikan_terbuka(db, kode)
    p = pegawai.wajib_ada(db, nip)
    isi = bersihkan_teks(uraian)
    if not isi:
        raise DataTidakValid("Uraian inovasi kosong.", 'Tulis uraiannya, misalnya "Izin usaha daring dalam 1 hari."')
    t, peringatan = _tanggal_argumen(tanggal, per)
    if (p.nip, isi) in tabel.inovasi_tersimpan(db, per.kode):
        return {"baru": False, "peringatan": peringatan}
    with transaksi(db):
        i = tabel.tambah_inovasi(db, per.kode, p.nip, isi, t)
        audit.catat(db, "inovasi", str(i), "tambah", None, {"periode": per.kode, "uraian": isi, "tanggal": t}, p.nip)
    return {"baru": True, "id": i, "peringatan": peringatan}


@impor_umum.lingkup_impor
def impor_inovasi(db, berkas: Path, kode: str, sheet: str | None = None, uji_coba: bool = False,
                  lewati_galat: bool = False, tandai: Path | None = None) -> HasilImpor:
    return _impor(db, berkas, kode, INOVASI, periksa_inovasi, _simpan_inovasi, sheet, uji_coba, lewati_galat, tandai)


def _simpan_inovasi(db, per: Periode, cek, galat: list, uji_coba: bool, lewati_galat: bool) -> HasilImpor:
    tersimpan = tabel.inovasi_tersimpan(db, per.kode)
    hari_ini = date.today().isoformat()
    hasil = HasilImpor(uji_coba=uji_coba, dilewati=galat, peringatan=[m for m in cek.masalah if not m.galat])
    tulis = []
    for _, x in cek.data:
        if (x.nip, x.uraian) in tersimpan:
            hasil.tetap += 1
        else:
            tulis.append((x.nip, x.uraian, x.tanggal.isoformat() if x.tanggal else hari_ini))
    hasil.ditambah = len(tulis)
    hasil.keterangan["baris_dilewati"] = len(cek.baris_galat) if lewati_galat else 0
    if uji_coba or not tulis:
        return hasil
    log = []
    for nip, uraian, t in tulis:
        i = tabel.tambah_inovasi(db, per.kode, nip, uraian, t)
        log.append(("inovasi", str(i), "tambah", None, {"periode": per.kode, "uraian": uraian, "tanggal": t}, nip))
    audit.catat_banyak(db, log)
    return hasil


def daftar_inovasi(db, kode: str | None = None, nip: str | None = None) -> list[dict]:
    k = periode.wajib_ada(db, kode).kode if kode else None
    n = pegawai.wajib_ada(db, nip).nip if nip else None
    return tabel.daftar_inovasi(db, k, n)
