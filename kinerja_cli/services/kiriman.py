"""`kinerja status --kiriman`: which unit sent what for a period, so the officer knows whom to chase."""

from __future__ import annotations

from datetime import datetime

from ..store import kiriman as tabel
from ..store import pegawai as tabel_pegawai
from .instansi import singkatan_unit
from .periode import wajib_ada as periode_wajib_ada

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")
LEMBAR = ("Sasaran", "Realisasi", "Perilaku", "Rating")


def waktu_lokal(teks: str | None) -> str | None:
    """An audit time (UTC ISO text) in the PC's own time, the Indonesian way: '6 Desember 2026 09.18'."""
    if not teks:
        return None
    try:
        d = datetime.fromisoformat(teks).astimezone()
    except ValueError:
        return teks
    return f"{d.day} {BULAN[d.month - 1]} {d.year} {d:%H.%M}"


def status_kiriman(db, kode: str) -> dict:
    """{periode, unit: [{unit, sasaran, realisasi, perilaku, rating, terakhir, terakhir_waktu, belum,
    dikirim_kosong, kurang}]}, one row per unit with active employees (and any other unit a workbook was
    received for), by name. A sheet of a returned workbook imported with filled rows is received, changed
    or not; a sheet sent unfilled (the template's rows only, "belum diisi") is not: '-'. `kurang`: the sheets still missing ('Realisasi, Perilaku'; Rating only in a permenpan6 period)."""
    p = periode_wajib_ada(db, kode)
    wajib = [lb for lb in LEMBAR if lb != "Rating" or p.metode == "permenpan6"]

    singkat = singkatan_unit(db)
    terima = tabel.terakhir(db, p.kode)
    unit = [u["unit"] for u in tabel_pegawai.daftar_unit(db) if u["aktif"]]
    unit += sorted(u for u in terima if u and u not in unit)
    baris = []
    for u in unit:
        per = terima.get(u, {})
        b = {"unit": u}
        for lb in LEMBAR:
            b[lb.lower()] = waktu_lokal(per.get(lb))
        kosong = bool(per.get(tabel.KOSONG)) and not any(per.get(lb) for lb in LEMBAR)
        b["terakhir"] = ("dikirim kosong, " if kosong else "") + (waktu_lokal(per.get("")) or "belum mengirim")
        b["terakhir_waktu"] = per.get("")
        b["belum"] = not per
        b["dikirim_kosong"] = kosong
        b["kurang"] = ", ".join(lb for lb in wajib if not per.get(lb))
        b["singkatan"] = singkat.get(u.casefold()) or u  # named so in the line of units still missing sheets
        baris.append(b)
    return {"periode": p, "unit": baris}


def gaya(b: dict) -> str:
    return "red" if b["belum"] else ("yellow" if b["dikirim_kosong"] else "")
