"""Correcting mistakes one entry at a time (issue 17 §3): delete or change an innovation, a feedback
note, a training record, a service-indicator value; delete a period created by mistake while it holds
no data. Every change is audited; entries of a closed period are refused."""

from __future__ import annotations

from ..errors import DataTidakValid, PeriodeDitutup, TidakDitemukan
from ..model import Periode
from ..store import audit
from ..store import koreksi as tabel
from ..store import layanan as tabel_layanan
from ..store import periode as tabel_periode
from ..store import setelan
from ..store.db import transaksi
from ..validation.catatan import TanggalTidakValid, baca_tanggal, bersihkan_teks
from ..validation.periode import urai_kode
from ..validation.tanggal_id import tanggal_id
from . import periode, tolak_tutup
from .catatan import di_luar_periode
from .layanan import cari_indikator, kode_periode, unit_wajib

NAMA = {"inovasi": "Inovasi", "umpan_balik": "Umpan balik", "pelatihan": "Kegiatan pengembangan"}
_DAFTAR = {"inovasi": "kinerja inovasi daftar", "umpan_balik": "kinerja umpan-balik daftar",
           "pelatihan": "kinerja pelatihan daftar"}


def _entri(db, jenis: str, id_: int) -> dict:
    """The stored entry, or TidakDitemukan; PeriodeDitutup when it belongs to a closed period."""
    e = tabel.ambil(db, jenis, id_)
    if e is None:
        raise TidakDitemukan(f"{NAMA[jenis]} nomor {id_} tidak ada.", f"Lihat nomornya (kolom No) dengan: {_DAFTAR[jenis]}")
    if "periode" in e:
        periode.pastikan_terbuka(db, e["periode"])
    else:  # a training record belongs to the periods its date falls in
        kode = tabel.periode_ditutup_pada(db, e["tanggal"])
        if kode is not None:
            raise PeriodeDitutup(f"Kegiatan nomor {id_} ({tanggal_id(e['tanggal'])}) termasuk periode {kode} yang sudah ditutup; "
                                 "datanya tidak dapat diubah.",
                                 f'Bila memang perlu diubah, buka kembali dengan: kinerja periode buka {kode} --alasan "..."')
    return e


def hapus(db, jenis: str, id_: int) -> dict:
    """Delete one entry (inovasi, umpan_balik, pelatihan) by its number; returns the deleted entry."""
    e = _entri(db, jenis, id_)
    with transaksi(db):
        tabel.hapus(db, jenis, id_)
        audit.catat(db, jenis, str(id_), "hapus", {k: v for k, v in e.items() if k != "id"}, None, e["nip"])
    return e


def ubah(db, jenis: str, id_: int, teks: str | None = None, tanggal: str | None = None) -> dict:
    """Change the text and/or date of an innovation or a feedback note; returns {'lama', 'baru', 'berubah',
    'peringatan'} (a new date outside the entry's period is warned about, as when it is recorded)."""
    kolom_teks = {"inovasi": "uraian", "umpan_balik": "teks"}[jenis]
    if teks is None and tanggal is None:
        raise DataTidakValid("Tidak ada yang diubah.", f"Sebutkan --{kolom_teks} dan/atau --tanggal.")
    e = _entri(db, jenis, id_)
    baru = {}
    if teks is not None:
        isi = bersihkan_teks(teks)
        if not isi:
            raise DataTidakValid(f"--{kolom_teks} kosong.", "Tulis isinya di antara tanda petik.")
        baru[kolom_teks] = isi
    if tanggal is not None:
        try:
            t = baca_tanggal(tanggal)
        except TanggalTidakValid as x:
            raise DataTidakValid(f"--tanggal: {x.pesan}.", x.saran) from None
        baru["tanggal"] = t.isoformat()
        peringatan = [x for x in (di_luar_periode(t, periode.wajib_ada(db, e["periode"])),) if x]
    else:
        peringatan = []
    berubah = {k: v for k, v in baru.items() if e[k] != v}
    if berubah:
        with transaksi(db):
            tabel.ubah(db, jenis, id_, berubah)
            audit.catat(db, jenis, str(id_), "ubah", {k: e[k] for k in berubah}, berubah, e["nip"])
    return {"lama": e, "baru": {**e, **berubah}, "berubah": bool(berubah), "peringatan": peringatan}


def hapus_layanan(db, unit: str, indikator: str, kode: str) -> dict:
    """Delete one value of a service indicator (unit, indicator, period)."""
    kode = kode_periode(kode)
    p = tabel_layanan_periode(db, kode)
    if p is not None:
        periode.pastikan_terbuka(db, kode)
    u = unit_wajib(db, unit)
    ind = cari_indikator(db, indikator, u)[0]
    lama = tabel_layanan.nilai_ambil(db, ind["id"], kode)
    if lama is None:
        raise TidakDitemukan(f"{u} — {ind['nama']} belum punya nilai untuk periode {kode}.",
                             f"Lihat nilai yang tercatat dengan: kinerja layanan daftar --unit \"{u}\"")
    k = urai_kode(kode)
    with transaksi(db):
        # as `layanan catat`: a value of a period lying inside a closed one (2026-T2 in 2026) is frozen too
        tolak_tutup.tolak_bila_ditutup(db, f"Nilai layanan periode {kode}", k.mulai.isoformat(), k.selesai.isoformat())
        tabel.hapus_layanan_nilai(db, ind["id"], kode)
        audit.catat(db, "layanan_nilai", f"{u}/{ind['nama']}/{kode}", "hapus",
                    {"nilai": lama["nilai"], "sumber": lama["sumber"]}, None)
    return {"unit": u, "indikator": ind["nama"], "satuan": ind["satuan"], "periode": kode, "nilai": lama["nilai"]}


def tabel_layanan_periode(db, kode: str):
    return tabel_periode.ambil(db, kode)


def hapus_periode(db, kode: str) -> Periode:
    """Delete a period created by mistake: only while it is open and holds no data at all."""
    p = periode.pastikan_terbuka(db, kode)
    data = tabel.data_periode(db, p.kode)
    if data:
        isi = ", ".join(f"{t.replace('_', ' ')} {n}" for t, n in data.items())
        raise DataTidakValid(f"Periode {p.kode} tidak dapat dihapus: sudah berisi data ({isi}).",
                             "Hanya periode yang dibuat keliru dan belum berisi data yang dapat dihapus.")

    with transaksi(db):
        tabel.hapus_periode(db, p.kode)
        if setelan.ambil(db, setelan.PERIODE_BAWAAN) == p.kode:
            setelan.hapus(db, setelan.PERIODE_BAWAAN)
        audit.catat(db, "periode", p.kode, "hapus",
                    {"jenis": p.jenis, "mulai": p.mulai, "selesai": p.selesai, "metode": p.metode, "status": p.status},
                    None)
    return p
