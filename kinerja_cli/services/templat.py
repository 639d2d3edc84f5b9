"""Use case: write the fill-in workbook for a period (and optionally one unit)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..errors import TidakDitemukan
from ..excel.templat import IsiTemplat, tulis_templat
from ..excel.tulis import periksa_tujuan
from ..kosakata import KUNCI_RATING, NAMA_PERSPEKTIF
from ..model import Periode, Rekaman, ada_data
from ..scoring.hitung import alasan_saran, kurang_dasar_saran
from ..store import evaluasi as tabel_evaluasi
from ..store import pegawai as tabel_pegawai
from ..store import rating as tabel_rating
from ..store import sasaran as tabel_sasaran
from ..store import templat as tabel
from ..store.db import sekarang
from . import nilai
from .atasan_luar import pejabat_luar
from .periode import wajib_ada as periode_wajib_ada


def _desimal(s: str | None) -> Decimal | None:
    return Decimal(s) if s not in (None, "") else None


def _teks_desimal(d: Decimal) -> str:
    """Decimal('80.50') -> '80.5' (for a range written as text)."""
    t = format(d.normalize(), "f")
    return t


def _target(lo: str, hi: str | None):
    if hi not in (None, "") and Decimal(hi) != Decimal(lo):
        return f"{_teks_desimal(Decimal(lo))}-{_teks_desimal(Decimal(hi))}"
    return _desimal(lo)


def kumpulkan(db, periode: str, unit: str | None = None, kosong: bool = False):
    """The content of the template (excel.templat.IsiTemplat); raises for unknown period/unit."""
    p = periode_wajib_ada(db, periode)
    nama_unit = None
    if unit is not None:
        nama_unit = tabel_pegawai.unit_ada(db, unit.strip()) if unit.strip() else None
        if nama_unit is None:
            raise TidakDitemukan(f"Unit kerja '{unit}' tidak ditemukan.",
                                 "Lihat nama unit dengan: kinerja unit daftar  (tanpa --unit: semua unit)")
    isi = IsiTemplat(periode=p, unit=nama_unit,
                     dibuat=sekarang().replace("T", " "), kosong=kosong)
    if kosong:
        isi.rating = [] if p.metode == "permenpan6" else None
        return isi
    pegawai = tabel_pegawai.cari(db, nama_unit, None, hanya_aktif=True)
    isi.jumlah_pegawai = len(pegawai)
    skp: dict[str, list[dict]] = {}
    for s in tabel.sasaran_periode(db, p.kode, nama_unit):
        skp.setdefault(s["nip"], []).append(s)

    luar = pejabat_luar(db, pegawai)  # heads without NIP Atasan: their pejabat penilai outside the roster

    nomor_atasan = tabel_sasaran.nomor_per_pegawai(db, p.kode, {pg.nip_atasan for pg in pegawai if pg.nip_atasan})
    for pg in pegawai:
        dasar = {"nip": pg.nip, "nama": pg.nama}
        baris = skp.get(pg.nip, [])
        if not baris:
            isi.sasaran.append({**dasar, "jabatan": pg.jabatan})
        for s in baris:
            target = _target(s["target_lo"], s["target_hi"])
            rhk_atasan, komentar = _rhk_atasan(pg, s["rhk_atasan_nomor"], nomor_atasan)
            isi.rhk_atasan_dikosongkan += bool(komentar)
            isi.sasaran.append({
                **dasar, "jabatan": pg.jabatan, "nomor": s["nomor"], "jenis": s["jenis"], "rhk": s["rhk"],
                "rhk_atasan": rhk_atasan, "_komentar": komentar, "aspek": s["aspek"],
                "perspektif": NAMA_PERSPEKTIF.get(s["perspektif"], s["perspektif"]), "indikator": s["indikator"],
                "target": target, "satuan": s["satuan"], "bobot": _desimal(s["bobot"]), "arah": s["arah"],
                "target_maksimal": "ya" if s["target_maksimal"] else "tidak", "status_skp": s["status_skp"],
            })
            isi.realisasi.append({**dasar, "nomor": s["nomor"], "indikator": s["indikator"], "target": target,
                                  "satuan": s["satuan"]})
        if pg.nip_atasan or pg.nip in luar:
            isi.perilaku.append({**dasar, "penilai": pg.nip_atasan or luar[pg.nip][0], "peran": "atasan"})
    if p.metode == "permenpan6":
        isi.rating = _baris_rating(db, p, nama_unit, pegawai, luar)
    return isi


def _rhk_atasan(pg, nomor: int | None, nomor_atasan: dict) -> tuple[int | None, dict]:
    """The RHK Atasan cell of a stored SKP row, and its comment: a link the import would refuse (no atasan in
    the roster any more, or a number the atasan's stored SKP does not have) is left empty and the comment says
    why -- what kinerja writes, kinerja must accept (sasaran_lembar.kaskade is the rule)."""
    if nomor is None:
        return None, {}
    if not pg.nip_atasan:
        sebab = "pegawai ini tidak punya atasan langsung di daftar pegawai (kolom NIP Atasan kosong)"
    elif nomor not in nomor_atasan.get(pg.nip_atasan, ()):
        sebab = f"SKP atasan langsungnya ({pg.nip_atasan}) di periode ini tidak punya baris nomor {nomor}"
    else:
        return nomor, {}
    return None, {"rhk_atasan": f"Tersimpan RHK atasan nomor {nomor}, tetapi {sebab}; sel ini dikosongkan agar "
                                "berkas dapat diimpor (tautannya terhapus saat impor). Bila tautan itu benar, "
                                "perbaiki NIP Atasan di daftar pegawai lalu buat templat lagi."}


def _saran_rekaman(r: Rekaman) -> dict:
    """nip -> the saran of each rating with its reason (the one place this module reads a result record); none
    for an employee with no data at all in the period (no SKP, no score: a 'saran' from zeros says nothing),
    and none for a rating whose data is not complete yet: before the realisations are in, every NHK is 0
    and a saran 'Di Bawah Ekspektasi' would mislead the pejabat penilai who reads the comment."""
    if not ada_data(r):
        return {}
    h = r.hasil
    return {k: (getattr(h, f"rating_{k}_turunan"),
                alasan_saran(getattr(h, f"alasan_rating_{k}"), getattr(h, f"rating_{k}_langsung")))
            for k in ("hk", "pk") if not kurang_dasar_saran(k, h.catatan)}


def _baris_rating(db, p: Periode, unit: str | None, pegawai: list, luar: dict) -> list[dict]:
    """The Rating sheet: one row per active employee, the stored (set) ratings as values, kinerja's saran as a
    cell comment only (PermenPANRB 6/2022: the pejabat penilai sets the ratings). NIP Pejabat Penilai: the
    atasan langsung, or the token of the pejabat penilai outside the roster (`luar`: atasan_luar.pejabat_luar),
    as the Perilaku sheet holds it."""
    saran = {r.pegawai.nip: _saran_rekaman(r) for r in nilai.laporan(db, p.kode, unit).rekaman}
    tersimpan = tabel_rating.rating_periode(db, p.kode)

    rekomendasi = tabel_evaluasi.ambil(db, p.kode, [pg.nip for pg in pegawai])
    baris = []
    for pg in pegawai:
        t = tersimpan.get(pg.nip) or {}
        komentar = {}
        for k, kolom in (("hk", "rating_hk"), ("pk", "rating_pk")):
            label, alasan = saran.get(pg.nip, {}).get(k, (None, None))
            if label:
                komentar[kolom] = (f"Saran kinerja dari angka: {label}" + (f" ({alasan})" if alasan else "")
                                   + ". Hanya saran: pilih rating yang ditetapkan pejabat penilai.")
        baris.append({"nip": pg.nip, "nama": pg.nama, "rating_hk": KUNCI_RATING.get(t.get("hasil_kerja")),
                      "rating_pk": KUNCI_RATING.get(t.get("perilaku")), **_alasan_templat(t),
                      "oleh": t.get("oleh") or pg.nip_atasan or luar.get(pg.nip, (None,))[0], "_komentar": komentar,
                      "rekomendasi": (rekomendasi.get(pg.nip) or {}).get("rekomendasi")})
    return baris


def _alasan_templat(t: dict) -> dict:
    """The stored reasons as the Rating sheet holds them, so the unchanged sheet imports as 'tetap': one reason
    (the same for both ratings, or only one rating set) in Alasan; two different ones each in its own column."""
    a_hk, a_pk = t.get("alasan_hasil_kerja"), t.get("alasan_perilaku")
    if a_hk and a_pk and a_hk != a_pk:
        return {"alasan": None, "alasan_hasil_kerja": a_hk, "alasan_perilaku": a_pk}
    return {"alasan": a_hk or a_pk, "alasan_hasil_kerja": None, "alasan_perilaku": None}


def buat(db, berkas: Path, periode: str, unit: str | None = None, kosong: bool = False,
         timpa: bool = False) -> dict:
    """Write the template; returns a summary for the command to report."""
    berkas = Path(berkas)
    periksa_tujuan(berkas, timpa)  # refuse early, before reading anything
    isi = kumpulkan(db, periode, unit, kosong)
    tulis_templat(berkas, isi, timpa)
    return {
        "berkas": str(berkas), "periode": isi.periode.kode, "status_periode": isi.periode.status,
        "unit": isi.unit, "pegawai": isi.jumlah_pegawai, "sasaran": len(isi.sasaran),
        "realisasi": len(isi.realisasi), "perilaku": len(isi.perilaku), "kosong": kosong,
        "rating": None if isi.rating is None else len(isi.rating),
    }
