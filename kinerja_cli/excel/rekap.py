"""The recap workbook (``kinerja ekspor rekap``), written streaming (openpyxl write_only).

The workbook is a list of sheet writers ``[(nama, tulis), ...]``; each ``tulis(ws, data)``
receives a fresh write-only worksheet already named ``nama`` (made valid and unique by
``nama_sheet``) and the :class:`DataRekap`. The standard sheets come from
:func:`lembar_baku`; features add their own through ``services.ekspor.lembar_tambahan``
(see that module). A writer must set column widths, freeze panes and print setup
*before* its first ``ws.append`` (write-only sheets write those with the first row),
and write rows one at a time (never collect a sheet in memory).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Callable

from .lembar_cepat import GayaSel, buat_lembar
from .lembar import (FORMAT_ANGKA, NAMA_METODE, NAMA_STATUS, Aliran, Gaya, atur_cetak, baris_blok_judul,
                     baris_kepala, baris_terbanyak, lebar_kolom, teks_periode, waktu_id)
from .nama_sheet import nama_sheet

Penulis = Callable[[Any, "DataRekap"], None]


@dataclass
class DataRekap:
    """Everything a recap sheet may need. `rekaman` is the list from ``services.nilai.laporan``."""

    periode: dict
    metode: str
    rekaman: list
    distribusi: list  # rows of services.distribusi (per unit counts, shares, curve verdict)
    dari_snapshot: bool
    dibuat: datetime
    nama_db: str
    unit: str | None = None  # --unit filter, if any
    rentang_unit: dict = field(default_factory=dict)  # unit -> (start, end) slice of rekaman (sorted by unit)
    db: Any = None  # for extra sheets that read more data through their own service
    gaya: Any = None  # excel.lembar.Gaya of this workbook (set by tulis_buku)


def tulis_buku(data: DataRekap, lembar: list[tuple[str, Penulis]]):
    """A write-only workbook with one sheet per writer, in order (not yet saved)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    data.gaya = Gaya()
    dipakai: set[str] = set()
    for nama, tulis in lembar:
        ws = buat_lembar(wb, nama_sheet(nama, dipakai))
        tulis(ws, data)
    return wb


def lembar_baku(data: DataRekap, per_unit: bool) -> tuple[list, list]:
    """(sheets before the extra ones, per-unit sheets that come last)."""
    from .ringkasan import tulis_ringkasan

    depan = [("Ringkasan", tulis_ringkasan), ("Rekap", tulis_rekap), ("Rincian", tulis_rincian)]
    belakang = []
    if per_unit:
        from ..validation.unit import singkatan

        for u in data.rentang_unit:  # a name too long for a sheet tab goes by its acronym (DPMPTSP)
            belakang.append((singkatan(u) if len(u) > 31 and len(singkatan(u)) >= 3 else u, _penulis_unit(u)))
    return depan, belakang


def info_periode(data: DataRekap) -> list[str]:
    """The info lines of every title block: periode, metode, status, made when and from what."""
    p = data.periode
    status = NAMA_STATUS.get(p["status"], p["status"])
    if p["status"] == "ditutup" and p.get("ditutup_pada"):
        status += f", ditutup {waktu_id(datetime.fromisoformat(p['ditutup_pada']))}"
    return [
        f"Periode: {teks_periode(p)}",
        f"Metode: {NAMA_METODE.get(data.metode, data.metode)}",
        f"Status periode: {status}",
        f"Dibuat: {waktu_id(data.dibuat)} dari basis data {data.nama_db}",
    ]


# -- Rekap ---------------------------------------------------------------------


def kolom_rekap(metode: str) -> list[tuple[str, float]]:
    dasar = [("No", 5), ("NIP", 20), ("Nama", 24), ("Jabatan", 22), ("Golongan", 9), ("Unit", 18)]
    if metode == "permenpan6":
        nilai = [("NHK", 8), ("Rating Hasil Kerja", 17), ("NPK", 8), ("Rating Perilaku Kerja", 17), ("Predikat", 16)]
    else:
        nilai = [("NHK", 8), ("NPK", 8), ("NA", 8), ("Predikat", 16)]
    return dasar + nilai + [("Catatan", 28)]


def nama_catatan(r: dict) -> str:
    """Incomplete-data flags in words, and the atasan's reason for a direct rating."""
    from ..output_nilai import NAMA_CATATAN

    h = r["hasil"]
    bagian = [NAMA_CATATAN.get(c, c.replace("_", " ")) for c in h["catatan"]]
    langsung = [nama for kunci, nama in (("hk", "hasil kerja"), ("pk", "perilaku kerja"))
                if h.get(f"rating_{kunci}_langsung")]
    if langsung:
        alasan = (r.get("rating_langsung") or {}).get("alasan")
        bagian.append(f"rating {' dan '.join(langsung)} ditetapkan atasan" + (f": {alasan}" if alasan else ""))
    return "; ".join(bagian)


def _rating(h: dict, kunci: str) -> str:
    teks = h.get(f"rating_{kunci}") or "-"
    return teks + " *" if h.get(f"rating_{kunci}_langsung") else teks


def baris_rekap(ws, gaya: Gaya, no: int, r: dict, metode: str) -> tuple[list, int]:
    """(cells, lines the tallest wrapped cell needs) of one employee's Rekap row."""
    p, h = r["pegawai"], r["hasil"]
    teks, angka = "t", "a"
    sg = _gaya_rekap(ws, gaya)
    isi = [(no, "n"), (p["nip"], teks), (p["nama"], teks), (p.get("jabatan"), teks), (p.get("golongan"), teks),
           (p["unit"], teks)]
    if metode == "permenpan6":
        isi += [(h["nhk"], angka), (_rating(h, "hk"), teks), (h["npk"], angka), (_rating(h, "pk"), teks)]
    else:
        isi += [(h["nhk"], angka), (h["npk"], angka), (h["na"], angka)]
    isi += [(h["predikat"], "p"), (nama_catatan(r), teks)]
    sel, lebar = [], [w for _, w in kolom_rekap(metode)]
    for v, jenis in isi:
        if jenis == "a":
            sel.append(sg["a"](Decimal(v)))
        elif jenis == "n":
            sel.append(sg["n"](v))
        elif jenis == "p":
            sel.append(sg.get(v, sg["t"])(v if v not in (None, "") else "-"))
        else:
            sel.append(sg["t"](v if v not in (None, "") else "-"))
    return sel, baris_terbanyak((v, w) for (v, j), w in zip(isi, lebar) if j != "a")


def _gaya_rekap(ws, gaya: Gaya) -> dict:
    """The cell styles of Rekap rows, resolved once per sheet: 'a' numbers, 'n' No, 't' text, predikat fills."""
    cache = ws.__dict__.get("_kinerja_gaya_rekap")
    if cache is None:
        cache = {"a": GayaSel(ws, number_format=FORMAT_ANGKA, border=gaya.border, alignment=gaya.atas),
                 "n": GayaSel(ws, border=gaya.border, alignment=gaya.atas),
                 "t": GayaSel(ws, alignment=gaya.bungkus, border=gaya.border)}
        for nama, fill in gaya.fill_predikat.items():
            cache[nama] = GayaSel(ws, alignment=gaya.bungkus, border=gaya.border, fill=fill)
        ws.__dict__["_kinerja_gaya_rekap"] = cache
    return cache


def _tulis_tabel_rekap(ws, data: DataRekap, judul: str, awal: int, akhir: int) -> None:
    from openpyxl.utils import get_column_letter

    g = data.gaya
    kolom = kolom_rekap(data.metode)
    blok = baris_blok_judul(ws, g, judul, info_periode(data) + _catatan_kaki(data))
    kepala = len(blok) + 1
    lebar_kolom(ws, [w for _, w in kolom])
    ws.freeze_panes = f"D{kepala + 1}"
    atur_cetak(ws, lanskap=True, baris_judul=kepala)
    aliran = Aliran(ws)
    for b in blok:
        aliran.tambah(b)
    aliran.tambah(baris_kepala(ws, g, [j for j, _ in kolom]), baris_terbanyak(kolom, 0.85))
    rekaman = data.rekaman
    for i in range(awal, akhir):
        aliran.tambah(*baris_rekap(ws, g, i - awal + 1, rekaman[i], data.metode))
    ws.auto_filter.ref = f"A{kepala}:{get_column_letter(len(kolom))}{kepala + max(akhir - awal, 0)}"


def _catatan_kaki(data: DataRekap) -> list[str]:
    if data.metode == "permenpan6":
        return ["* rating ditetapkan langsung oleh atasan (menggantikan rating turunan; alasannya di kolom Catatan)"]
    return []


def tulis_rekap(ws, data: DataRekap) -> None:
    lingkup = f" — {data.unit}" if data.unit else ""
    _tulis_tabel_rekap(ws, data, f"REKAPITULASI PENILAIAN KINERJA PEGAWAI{lingkup}", 0, len(data.rekaman))


def _penulis_unit(unit: str) -> Penulis:
    def tulis(ws, data: DataRekap) -> None:
        awal, akhir = data.rentang_unit[unit]
        _tulis_tabel_rekap(ws, data, f"REKAPITULASI PENILAIAN KINERJA PEGAWAI — {unit}", awal, akhir)

    return tulis


# -- Rincian -------------------------------------------------------------------


def kolom_rincian(metode: str) -> list[tuple[str, float]]:
    k = [("NIP", 19), ("Nama", 18), ("No", 4), ("Jenis", 8), ("Rencana Hasil Kerja", 24), ("Indikator", 24),
         ("Target", 8), ("Satuan", 7), ("Arah", 6), ("Realisasi", 9), ("Capaian (%)", 9), ("Nilai Capaian", 8),
         ("Bobot (%)", 7), ("Cabang Konversi", 20)]
    if metode == "permenpan6":
        k.append(("Rating IKI", 13))
    return k + [("Bukti", 14)]


def _target(b: dict):
    if b.get("target_hi"):
        return f"{b['target_lo']}-{b['target_hi']}"
    return Decimal(b["target_lo"])


def tulis_rincian(ws, data: DataRekap) -> None:
    from openpyxl.utils import get_column_letter

    g = data.gaya
    kolom = kolom_rincian(data.metode)
    blok = baris_blok_judul(ws, g, "RINCIAN HASIL KERJA (SKP) PER PEGAWAI",
                            info_periode(data) + ["Setiap NHK di sheet Rekap = Σ(Bobot × Nilai Capaian) / Σ Bobot "
                                                  "atas baris pegawai itu."])
    kepala = len(blok) + 1
    lebar_kolom(ws, [w for _, w in kolom])
    ws.freeze_panes = f"C{kepala + 1}"
    atur_cetak(ws, lanskap=True, baris_judul=kepala)
    aliran = Aliran(ws)
    for b in blok:
        aliran.tambah(b)
    aliran.tambah(baris_kepala(ws, g, [j for j, _ in kolom]), baris_terbanyak(kolom, 0.85))
    lebar = [w for _, w in kolom]
    n = 0

    g_teks = GayaSel(ws, alignment=g.bungkus, border=g.border)
    g_kosong = GayaSel(ws, border=g.border, alignment=g.tengah)
    g_nomor = GayaSel(ws, border=g.border, alignment=g.atas)
    g_angka = {f: GayaSel(ws, number_format=f, border=g.border, alignment=g.atas) for f in (FORMAT_ANGKA, "General")}

    def teks(v):
        return g_teks(v if v not in (None, "") else "-")

    def angka(v, fmt=FORMAT_ANGKA):
        if v is None:
            return g_kosong("-")
        return g_angka[fmt](Decimal(v))

    for r in data.rekaman:
        p, hasil = r["pegawai"], {x["nomor"]: x for x in r["hasil"]["baris"]}
        for b in r["masukan"]["baris"]:
            x = hasil.get(b["nomor"], {})
            arah = b["arah"] + (" (maks.)" if b.get("target_maksimal") else "")
            target = _target(b)
            sel = [teks(p["nip"]), teks(p["nama"]), g_nomor(b["nomor"]),
                   teks(b["jenis"]), teks(b.get("rhk")), teks(b.get("indikator")),
                   teks(target) if isinstance(target, str) else angka(target, "General"), teks(b.get("satuan")),
                   teks(arah), angka(b.get("realisasi"), "General"), angka(x.get("capaian")), angka(x.get("nilai")),
                   angka(b["bobot"], "General"), teks(x.get("cabang"))]
            if data.metode == "permenpan6":
                sel.append(teks(x.get("rating")))
            sel.append(teks(b.get("bukti")))
            aliran.tambah(sel, baris_terbanyak((getattr(c, "value", c), w) for c, w in zip(sel, lebar)))
            n += 1
    ws.auto_filter.ref = f"A{kepala}:{get_column_letter(len(kolom))}{kepala + n}"
