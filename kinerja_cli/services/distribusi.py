"""A unit's own predikat and the spread of its employees' predikat against the curve."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..errors import DataTidakValid
from ..kosakata import KOLOM_PREDIKAT, KUNCI_PREDIKAT, KURANG, KURANG_MISCONDUCT, PREDIKAT_UNIT
from ..scoring import Parameter, cek_distribusi
from ..store import audit
from ..store import nilai as tabel
from ..store import pegawai as tabel_pegawai
from ..store.db import sekarang, transaksi
from . import nilai, periode
from .tren import tercatat



def _unit(db, unit: str) -> str:
    u = tabel_pegawai.unit_ada(db, unit)
    if not u:
        raise DataTidakValid(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
    return u


def tetapkan(db, unit: str, kode: str, predikat: str) -> dict:
    p = periode.pastikan_terbuka(db, kode)
    u = _unit(db, unit)
    if predikat not in PREDIKAT_UNIT:
        raise DataTidakValid(f"Predikat unit '{predikat}' tidak dikenal.", f"Pilih: {', '.join(PREDIKAT_UNIT)}.")
    with transaksi(db):
        lama = tabel.simpan_unit_predikat(db, p["kode"], u, predikat, sekarang())
        if lama != predikat:
            audit.catat(db, "unit_predikat", f"{p['kode']}/{u}", "ubah" if lama else "tambah",
                        {"predikat": lama} if lama else None, {"predikat": predikat})
    return {"unit": u, "periode": p["kode"], "predikat": predikat, "sebelumnya": lama}


def _kolom(predikat: str) -> str:
    if predikat == KURANG_MISCONDUCT:  # one column for both schemes' fourth predikat
        return KUNCI_PREDIKAT[KURANG]
    return predikat.lower().replace(" ", "_")


def distribusi(db, kode: str, unit: str | None = None) -> list[dict]:
    """Per unit: count and share of each predikat, the unit's curve verdict."""
    return dari_laporan(db, nilai.laporan(db, kode, unit, ringkas=True))


def dari_laporan(db, lap) -> list[dict]:
    """`distribusi` of an already computed report (the recap reuses its own report).

    Employees with nothing recorded in the period (no SKP row, no behaviour score, no direct
    rating) are counted apart as `tanpa_data`: their computed 0 / Sangat Kurang says nothing
    about their performance, so it stays out of the spread and of the curve check.
    """
    param = Parameter.dari_dict(lap.periode["parameter"])
    per_unit: dict[str, dict[str, int]] = {}
    tanpa_data: dict[str, int] = {}
    for r in lap.rekaman:
        u = r["pegawai"]["unit"]
        per_unit.setdefault(u, {})
        if not tercatat(r):
            tanpa_data[u] = tanpa_data.get(u, 0) + 1
            continue
        pr = r["hasil"]["predikat"]
        per_unit[u][pr] = per_unit[u].get(pr, 0) + 1
    predikat_unit = tabel.unit_predikat(db, lap.periode["kode"])
    hasil = []
    for u in sorted(per_unit, key=str.lower):
        jumlah = per_unit[u]
        total = sum(jumlah.values())
        baris = {"unit": u, "jumlah": total, "tanpa_data": tanpa_data.get(u, 0)}
        for key, _ in KOLOM_PREDIKAT:
            baris[key] = 0
        for pr, n in jumlah.items():
            baris[_kolom(pr)] += n
        for key, _ in KOLOM_PREDIKAT:
            baris[f"persen_{key}"] = (Decimal(100) * baris[key] / total).quantize(Decimal("0.01"), ROUND_HALF_UP) \
                if total else Decimal(0)
        pu = predikat_unit.get(u)
        baris["predikat_unit"] = pu
        if pu:
            langgar = cek_distribusi(pu, jumlah, param)
            baris["pelanggaran"] = [x.pesan for x in langgar]
            baris["sesuai_kurva"] = not langgar
        else:
            baris["pelanggaran"] = []
            baris["sesuai_kurva"] = None
        hasil.append(baris)
    return hasil
