"""Impact: service indicators across periods, beside the unit's share of employees rated Baik or better."""

from __future__ import annotations

from decimal import Decimal

from ..model import Periode
from ..scoring import dampak as aturan
from ..store import layanan as tabel
from ..store import periode as tabel_periode
from ..validation.periode import KodeTidakValid, urai_kode
from . import layanan, nilai
from .tren import tercatat


def _periode_penilaian(db, kode: str) -> str | None:
    """The assessment period for a service period: the same code when it exists, else the shortest
    recorded period that covers it (e.g. the annual 2026 for the quarter 2026-T1)."""
    if tabel_periode.ambil(db, kode) is not None:
        return kode

    try:
        k = urai_kode(kode)
    except KodeTidakValid:
        return None
    awal, akhir = k.mulai.isoformat(), k.selesai.isoformat()
    from datetime import date

    def lama(p: Periode) -> int:
        return (date.fromisoformat(p.selesai) - date.fromisoformat(p.mulai)).days

    calon = [p for p in tabel_periode.semua(db) if p.mulai <= awal and p.selesai >= akhir]
    return min(calon, key=lama).kode if calon else None


def _persen_baik(db, unit: str, kode: str, cache: dict) -> Decimal | None:
    """Share of the unit's assessed employees rated Sangat Baik or Baik in a period (None when the period does
    not exist or nobody in the unit has any data in it yet). Each assessment period is computed once
    (`cache`), for all its units."""
    persen, per_periode = cache.setdefault("persen", {}), cache.setdefault("laporan", {})
    k = (unit, kode)
    if k not in persen:
        kode = _periode_penilaian(db, kode)
        if kode is None:
            persen[k] = None
        else:
            if kode not in per_periode:
                per_periode[kode] = nilai.laporan(db, kode, ringkas=True)
            dinilai = [r.hasil.predikat for r in nilai.rekaman_unit(db, per_periode[kode], unit) if tercatat(r)]
            persen[k] = aturan.persen_baik(dinilai) if dinilai else None  # nobody assessed yet: no share
    return persen[k]


def data_dampak(db, unit: str | None = None, indikator: str | None = None) -> list[dict]:
    """One row per indicator (the JSON contract of `kinerja dampak`; also the input of excel.lembar_dampak.tulis).

    Numbers are Decimal; absent values None. `nilai_per_periode` is in period order (start date).
    """
    u = layanan.unit_wajib(db, unit) if unit else None
    daftar = layanan.cari_indikator(db, indikator, u) if indikator else tabel.indikator_semua(db, u)
    nilai = tabel.nilai_indikator(db, [i["id"] for i in daftar])
    cache: dict = {}
    hasil = []
    for i in daftar:
        per = nilai.get(i["id"], {})
        urut = sorted(per, key=layanan.urutan_periode)
        deret = [(p, Decimal(per[p]["nilai"])) for p in urut]
        target = Decimal(i["target"]) if i["target"] is not None else None
        r = aturan.ringkas(deret, i["arah"], target)
        hasil.append({
            "unit": i["unit"], "indikator_id": i["id"], "indikator": i["nama"], "satuan": i["satuan"],
            "arah": i["arah"], "target": target,
            "periode_awal": r.periode_awal, "nilai_awal": r.nilai_awal,
            "periode_akhir": r.periode_akhir, "nilai_akhir": r.nilai_akhir,
            "perubahan": r.perubahan, "perubahan_persen": r.perubahan_persen, "penilaian": r.penilaian,
            "jarak_target": r.jarak_target, "target_tercapai": r.target_tercapai,
            "nilai_per_periode": [{"periode": p, "nilai": v, "persen_baik": _persen_baik(db, i["unit"], p, cache)}
                                  for p, v in deret],
        })
    return hasil


def kalimat(d: dict) -> str:
    """One Indonesian sentence about an indicator's impact."""
    a, sat, s = aturan.angka_ringkas, aturan.dengan_satuan, d["satuan"]
    judul = f"{d['unit']} — {d['indikator']}"
    if d["nilai_akhir"] is None:
        return f"{judul}: belum ada nilai tercatat."
    if d["perubahan"] is None:
        teks = (f"{judul}: {sat(d['nilai_akhir'], s)} ({d['periode_akhir']}, baru satu periode, "
                "perubahan belum dapat dihitung)")
    else:
        teks = (f"{judul}: {a(d['nilai_awal'])} → {sat(d['nilai_akhir'], s)} "
                f"({d['periode_awal']} s.d. {d['periode_akhir']}), {d['penilaian']}")
        if d["perubahan_persen"] is not None and d["penilaian"] != aturan.TETAP:
            teks += f" {a(abs(d['perubahan_persen']), 1)}%"
    if d["target_tercapai"] is None:
        return teks + "."
    if d["target_tercapai"]:
        return teks + f"; target {sat(d['target'], s)}: tercapai."
    return teks + f"; target {sat(d['target'], s)}: kurang {sat(d['jarak_target'], s)}."


def ringkasan_demo(db) -> list[str]:
    """Short impact sentences for the demo, one per indicator that has values, e.g.
    'DPMPTSP — Rata-rata waktu penerbitan izin usaha: 7,5 → 3,5 hari (2026-T1 s.d. 2026-T4), membaik 53,3%;
    target 3 hari: kurang 0,5 hari.' (empty list when no indicator has a value)."""
    hasil = []
    for d in data_dampak(db):
        if d["nilai_akhir"] is None:
            continue
        baris = kalimat(d)
        terakhir = [x for x in d["nilai_per_periode"] if x["persen_baik"] is not None]
        if terakhir:
            x = terakhir[-1]
            baris += f" Pegawai berpredikat Baik ke atas di {d['unit']} pada {x['periode']}: {aturan.angka_ringkas(x['persen_baik'], 1)}%."
        hasil.append(baris)
    return hasil
