"""Readiness of a period at a glance: what is still missing, per unit and per employee."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..errors import TidakDitemukan
from ..kosakata import BOBOT_TIDAK_100, NAMA_CATATAN, RATING_BELUM_DITETAPKAN, TANPA_PENILAIAN_REKAN, TANPA_SASARAN
from ..model import Periode
from ..scoring.hitung import tanpa_rekan_bawahan
from ..store import pegawai as tabel_pegawai
from ..store import rating as tabel_rating
from ..store import status as tabel
from ..validation.angka import angka_id
from ..validation.persetujuan import STATUS as STATUS_SKP
from . import periode
from .nilai import _status_skp, perlu_persetujuan

TOLERANSI_BOBOT = Decimal("0.01")

SERATUS = Decimal(100)


def _angka(d: Decimal) -> str:
    t = angka_id(d)
    return t[:-3] if t.endswith(",00") else t


def _pegawai(nip: str, nama: str, unit: str, nip_atasan: str | None, skp, nilai, ub: int, status: dict | None,
             rating: dict | None = None, perlu_360=None) -> dict:
    """One employee's readiness; `rating` is the period's set ratings ({nip: row}) under permenpan6, else None;
    `perlu_360(peran)`: True when the roles that scored leave the NPK without rekan/bawahan where the period
    needs them (scoring.hitung.tanpa_rekan_bawahan, the rule of `kinerja nilai`)."""
    baris, bobot, terisi = skp or (0, None, 0)
    atasan, rekan, bawahan = nilai or (0, 0, 0)
    status_skp = (status or {}).get(nip) or ("draf" if baris else None)
    kurang = []
    if not baris:
        kurang.append(NAMA_CATATAN[TANPA_SASARAN])
    else:
        if abs(bobot - SERATUS) > TOLERANSI_BOBOT:
            kurang.append(f"bobot {_angka(bobot)}, harus 100")
        if terisi < baris:
            kurang.append(f"{baris - terisi} realisasi belum diisi")
        if perlu_persetujuan(status, nip, True, nip_atasan):  # the same rule as the flag of `kinerja nilai`
            kurang.append(f"SKP belum disetujui atasan ({status_skp})")
    if not atasan:
        kurang.append("belum dinilai atasan")
    peran = [p for p, n in (("atasan", atasan), ("rekan", rekan), ("bawahan", bawahan)) if n]
    if perlu_360 is not None and perlu_360(peran):
        kurang.append(NAMA_CATATAN[TANPA_PENILAIAN_REKAN])
    ditetapkan = None
    if rating is not None:  # permenpan6: the same rule as the flag of `kinerja nilai` (both ratings set)
        r = rating.get(nip) or {}
        ditetapkan = bool(r.get("hasil_kerja") and r.get("perilaku"))
        if not ditetapkan and not (baris or nilai or r):  # no data at all: "belum punya data", not a saran
            ditetapkan = None
        if ditetapkan is False:
            kurang.append(NAMA_CATATAN[RATING_BELUM_DITETAPKAN])
    return {"nip": nip, "nama": nama, "unit": unit, "baris_skp": baris, "total_bobot": bobot,
            "realisasi_terisi": terisi, "status_skp": status_skp, "atasan_menilai": bool(atasan),
            "jumlah_rekan": rekan or 0, "jumlah_bawahan": bawahan or 0, "umpan_balik": ub, "rating_ditetapkan": ditetapkan,
            "lengkap": not kurang,
            "kurang": "; ".join(kurang)}


def _unit(nama: str, rows: list[dict]) -> dict:
    n = len(rows)
    rekan = sum(r["jumlah_rekan"] for r in rows)
    return {
        "unit": nama,
        "pegawai": n,
        TANPA_SASARAN: sum(1 for r in rows if not r["baris_skp"]),
        BOBOT_TIDAK_100: sum(1 for r in rows if r["baris_skp"] and abs(r["total_bobot"] - SERATUS) > TOLERANSI_BOBOT),
        "baris_tanpa_realisasi": sum(r["baris_skp"] - r["realisasi_terisi"] for r in rows),
        "tanpa_nilai_atasan": sum(1 for r in rows if not r["atasan_menilai"]),
        **{f"skp_{s}": sum(1 for r in rows if r["status_skp"] == s) for s in STATUS_SKP},
        "rata_rekan": (Decimal(rekan) / n).quantize(Decimal("0.01"), ROUND_HALF_UP) if n else Decimal(0),
        RATING_BELUM_DITETAPKAN: sum(1 for r in rows if r["rating_ditetapkan"] is False),
        "siap": sum(1 for r in rows if r["lengkap"]),
    }


def status(db, kode: str, unit: str | None = None) -> dict:
    """{'periode', 'unit': [per-unit rows], 'pegawai': [per-employee rows]} from 5 aggregate queries."""
    per = periode.wajib_ada(db, kode)
    u = None
    if unit:
        u = tabel_pegawai.unit_ada(db, unit)
        if u is None:
            raise TidakDitemukan(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
    k = per.kode
    skp = tabel.ringkasan_skp(db, k, u)
    nilai = tabel.ringkasan_perilaku(db, k, u)
    ub = tabel.jumlah_umpan_balik(db, k, u)
    alur = per.persetujuan_skp
    status_skp = _status_skp(db, k)
    rating = tabel_rating.rating_periode(db, k) if per.metode == "permenpan6" else None
    perlu_360 = _aturan_360(per)
    pegawai = [_pegawai(nip, nama, un, atasan, skp.get(nip), nilai.get(nip), ub.get(nip, 0), status_skp, rating,
                        perlu_360)
               for nip, nama, un, atasan in tabel.pegawai_aktif(db, u)]
    per_unit: dict[str, list[dict]] = {}
    for r in pegawai:
        per_unit.setdefault(r["unit"], []).append(r)
    return {"periode": per, "persetujuan_skp": alur, "unit": [_unit(n, rows) for n, rows in per_unit.items()], "pegawai": pegawai}


def _aturan_360(per: Periode):
    """The period's completeness rule on rekan/bawahan scores as a function of the roles that scored."""
    try:
        param = per.param
    except (KeyError, TypeError, ValueError):
        return None
    return lambda peran: tanpa_rekan_bawahan(per.metode, param, peran)


def gaya_unit(r: dict) -> str:
    """green: every employee complete; red: under half complete (or none active); else yellow."""
    if r["pegawai"] and r["siap"] == r["pegawai"]:
        return "green"
    return "red" if r["siap"] * 2 < r["pegawai"] or not r["pegawai"] else "yellow"


def gaya_pegawai(r: dict) -> str:
    if r["lengkap"]:
        return "green"
    return "red" if not r["baris_skp"] and not r["atasan_menilai"] else "yellow"
