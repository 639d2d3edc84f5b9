"""The recap workbook (``kinerja ekspor rekap``), written streaming in one pass over the records.

Sheets, in order: Ringkasan, Rekap, Rincian, the extra sheets (``services.ekspor``'s
``lembar_tambahan``), then with ``--per-unit`` one sheet per unit. All sheets are created
first (the order of the workbook), then the records are read ONCE, in the recap's order
(unit, nama), and each one goes straight into its Rekap row, its Rincian rows and its unit
sheet's row, then is dropped: memory stays flat however large the period. Ringkasan, which
needs the whole spread, and the extra sheets are written after that pass.

Each extra writer ``tulis(ws, data)`` receives a fresh write-only worksheet already named
(made valid and unique by ``nama_sheet``) and the :class:`DataRekap`. A writer must set
column widths, freeze panes and print setup *before* its first ``ws.append`` (write-only
sheets write those with the first row), and write rows one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Callable, Iterable

from ..kosakata import BELUM_DINILAI, NAMA_CATATAN, NONAKTIF
from ..model import Periode, Rekaman, ada_data
from ..validation.golongan import pangkat as nama_pangkat
from .baris_xml import (
    BARIS,
    BarisKolom,
    BukanSederhana,
    GayaXML,
    PenampungBaris,
    Penyaji,
    SelKolom,
    kolom_angka,
    kolom_sel,
)
from .kop import tulis_ttd
from .lembar import (
    FORMAT_ANGKA,
    Aliran,
    Gaya,
    atur_cetak,
    baris_blok_judul,
    baris_kepala,
    baris_terbanyak,
    info_periode,
    lebar_kolom,
    tambah_sel,
)
from .lembar_cepat import GayaSel, buat_lembar, buku_cepat
from .nama_sheet import PANJANG_MAKS, nama_sheet
from .rincian import TabelRincian
from .ringkasan import tulis_ringkasan

Penulis = Callable[[Any, "DataRekap"], None]


@dataclass
class DataRekap:
    """Everything a recap sheet may need.

    `rekaman`: the period's records (model.Rekaman) in the recap's order; an iterable
    (each iteration reads the database again) with ``len()``, never a list held in memory.
    `distribusi` (per-unit rows of ``services.distribusi``) is set after the pass over the records,
    before Ringkasan and the extra sheets are written.
    """

    periode: Periode
    metode: str
    rekaman: Iterable
    distribusi: list  # rows of services.distribusi (per unit counts, shares, curve verdict)
    dari_snapshot: bool
    dibuat: datetime
    unit: str | None = None  # --unit filter, if any
    rentang_unit: dict = field(default_factory=dict)  # unit -> (start, end) in the recap's order (after the pass)
    db: Any = None  # for extra sheets that read more data through their own service
    gaya: Any = None  # excel.lembar.Gaya of this workbook (set by tulis_buku)
    jumlah: int = 0  # records written (after the pass)
    hitungan: Any = None  # compact results collected during the pass (services.ekspor._Hitungan)
    profil: Any = None  # validation.instansi.ProfilInstansi, or None (neutral kop, dotted signature lines)
    tanggal: date | None = None  # date of the signatures (None: the day `dibuat`)
    singkatan: dict = field(default_factory=dict)  # unit (casefolded) -> official short name
    pangkat: bool = False  # a Pangkat column beside Golongan
    sub_unit: bool = False  # a Sub Unit column (Rekap, Rincian): some employee of the recap has one (SIASN unor)
    nomor_kolom: bool = False  # a row numbering the columns under the header: (1) (2) ...
    peringatan: list = field(default_factory=list)  # warnings for the command (sheet names cut...)

    @property
    def tanggal_ttd(self) -> date:
        return self.tanggal or self.dibuat.date()


def tulis_buku(data: DataRekap, tambahan: list[tuple[str, Penulis]], per_unit: bool = False, hitungan=None,
               sesudah: Callable[[], None] | None = None):
    """The write-only workbook (not yet saved).

    `hitungan` sees every record during the pass (``tambah(record)``); `sesudah()` runs after the
    pass (the caller sets `data.distribusi` there), before Ringkasan and the extra sheets.
    """
    wb = buku_cepat()
    data.gaya = Gaya()
    penyaji = Penyaji()
    dipakai: set[str] = set()
    ws_ringkasan = buat_lembar(wb, nama_sheet("Ringkasan", dipakai))
    ws_rekap = buat_lembar(wb, nama_sheet("Rekap", dipakai))
    ws_rincian = buat_lembar(wb, nama_sheet("Rincian", dipakai))
    lain = [(buat_lembar(wb, nama_sheet(nama, dipakai)), tulis) for nama, tulis in tambahan]

    rekaman = iter(data.rekaman)
    pertama = next(rekaman, None)
    if data.unit and pertama is not None:
        data.unit = pertama.pegawai.unit  # the spelling stored with the employees
    lingkup = f" — {data.unit}" if data.unit else ""
    pass_ = _Lintasan(data, wb, dipakai, penyaji, per_unit, hitungan,
                      TabelRekap(ws_rekap, data, f"REKAPITULASI PENILAIAN KINERJA PEGAWAI{lingkup}", penyaji,
                                 ttd=bool(data.unit)),
                      TabelRincian(ws_rincian, data, penyaji))
    if pertama is not None:
        pass_.tambah(pertama)
    for r in rekaman:
        pass_.tambah(r)
    pass_.selesai()
    if sesudah:
        sesudah()
    tulis_ringkasan(ws_ringkasan, data)
    for ws, tulis in lain:
        tulis(ws, data)
    return wb


class _Lintasan:
    """The single pass: each record into Rekap, Rincian and (with --per-unit) its unit's sheet."""

    def __init__(self, data, wb, dipakai, penyaji, per_unit, hitungan, rekap, rincian):
        self.data, self.wb, self.dipakai, self.penyaji = data, wb, dipakai, penyaji
        self.per_unit, self.hitungan, self.rekap, self.rincian = per_unit, hitungan, rekap, rincian
        self.tabel_unit, self.kunci_unit, self.nama_unit = None, None, None
        self.rentang: dict[str, list] = {}
        self.n = 0

    def tambah(self, rec: Rekaman) -> None:
        self.rekap.tambah(rec)
        self.rincian.tambah(rec)
        if self.hitungan is not None:
            self.hitungan.tambah(rec)
        u = rec.pegawai.unit
        if self.kunci_unit is None or u.lower() != self.kunci_unit:
            self.kunci_unit, self.nama_unit = u.lower(), u
            self.rentang[u] = [self.n, self.n]
            if self.per_unit:
                if self.tabel_unit:
                    self.tabel_unit.selesai()
                self.tabel_unit = TabelRekap(buat_lembar(self.wb, nama_sheet(_nama_tab(u, self.data), self.dipakai)),
                                             self.data, f"REKAPITULASI PENILAIAN KINERJA PEGAWAI — {u}", self.penyaji,
                                             ttd=True)
        self.rentang[self.nama_unit][1] = self.n + 1
        if self.tabel_unit:
            self.tabel_unit.tambah(rec)
        self.n += 1

    def selesai(self) -> None:
        for t in (self.rekap, self.rincian, self.tabel_unit):
            if t:
                t.selesai()
        self.data.jumlah = self.n
        self.data.rentang_unit = {u: tuple(x) for u, x in self.rentang.items()}


def _nama_tab(u: str, data: DataRekap) -> str:
    """A unit's sheet tab: its official short name (`kinerja unit singkatan`), else its name (cut at
    31 characters, with a warning; no made-up acronym)."""
    s = data.singkatan.get(u.casefold())
    if s:
        return s
    if len(u) > PANJANG_MAKS:
        data.peringatan.append(f"Nama unit '{u}' lebih dari {PANJANG_MAKS} karakter; nama sheet-nya dipotong. "
                               f"Tetapkan singkatan resminya: kinerja unit singkatan \"{u}\" SINGKATAN")
    return u


# -- Rekap ---------------------------------------------------------------------


def baris_nomor_kolom(ws, gaya: Gaya, n: int) -> list:
    """The row numbering the columns under a header: (1) (2) ... as on printed government tables."""
    sg = GayaSel(ws, font=gaya.kecil, alignment=gaya.tengah, border=gaya.border, fill=gaya.kepala_fill)
    return [sg(f"({i})") for i in range(1, n + 1)]


def kolom_rekap(metode: str, pangkat: bool = False, sub_unit: bool = False) -> list[tuple[str, float]]:
    dasar = [("No", 5), ("NIP", 20), ("Nama", 24), ("Jabatan", 22), ("Golongan", 9), ("Unit", 18)]
    if pangkat:
        dasar.insert(5, ("Pangkat", 16))
    if sub_unit:
        dasar.append(("Sub Unit", 18))
    if metode == "permenpan6":
        nilai = [("NHK", 8), ("Rating Hasil Kerja", 17), ("NPK", 8), ("Rating Perilaku Kerja", 17), ("Predikat", 16)]
    else:
        nilai = [("NHK", 8), ("NPK", 8), ("NA", 8), ("Predikat", 16)]
    return dasar + nilai + [("Catatan", 28)]


def nama_catatan(r: Rekaman) -> str:
    """Incomplete-data flags in words, and the atasan's reason for each direct rating; a deactivated
    employee (pensiun, mutasi) with data in the period is marked first."""
    h = r.hasil
    bagian = [] if r.pegawai.aktif else [f"pegawai {NONAKTIF}"]
    bagian += [NAMA_CATATAN.get(c, c.replace("_", " ")) for c in h.catatan]
    lg = r.rating_langsung
    langsung = [(nama, getattr(lg, "alasan_" + kunci, None), (lg.pejabat(kunci) if lg else None) or "atasan")
                for ada, nama, kunci in
                ((h.rating_hk_langsung, "hasil kerja", "hasil_kerja"), (h.rating_pk_langsung, "perilaku kerja", "perilaku"))
                if ada]
    if len({(a, o) for _, a, o in langsung}) == 1:  # one reason and one pejabat penilai (or one rating): said once
        alasan, oleh = langsung[0][1:]
        bagian.append(f"rating {' dan '.join(n for n, _, _ in langsung)} ditetapkan {oleh}" + (f": {alasan}" if alasan else ""))
    else:  # each rating with its own reason and pejabat penilai
        bagian += [f"rating {n} ditetapkan {o}" + (f": {a}" if a else "") for n, a, o in langsung]
    return "; ".join(bagian)


def _rating(rating: str | None, langsung: bool) -> str:
    teks = rating or "-"
    return teks + (" *" if langsung else " (saran)" if rating else "")


def jenis_rekap(metode: str, pangkat: bool = False, sub_unit: bool = False) -> list[str]:
    """The kind of each Rekap column (as `isi_rekap` gives them): 'n' No, 't' text, 'a' number, 'p' predikat."""
    return ["n"] + ["t"] * (5 + pangkat + sub_unit) + (["a", "t", "a", "t"] if metode == "permenpan6" else ["a"] * 3) \
        + ["p", "t"]


def isi_rekap(no: int, r: Rekaman, metode: str, pangkat: bool = False, singkatan: dict | None = None,
              sub_unit: bool = False) -> list[tuple[Any, str]]:
    """(value, kind) of one employee's Rekap row: 'n' No, 't' text, 'a' number, 'p' predikat.
    `pangkat`: the Pangkat column (from the golongan; PPPK have none); `singkatan`: units shown by
    their official short name in the narrow Unit column; `sub_unit`: the Sub Unit column after it."""
    p, h = r.pegawai, r.hasil
    teks, angka = "t", "a"
    unit = p.unit
    if singkatan:
        unit = singkatan.get(unit.casefold(), unit)
    isi = [(no, "n"), (p.nip, teks), (p.nama, teks), (p.jabatan, teks), (p.golongan, teks), (unit, teks)]
    if pangkat:
        isi.insert(5, (nama_pangkat(p.golongan) or None, teks))
    if sub_unit:
        isi.append((p.sub_unit, teks))
    if not ada_data(r):  # nobody has started on this person: no numbers, no predikat yet (as in `nilai`)
        kosong = [(None, angka), ("-", teks), (None, angka), ("-", teks)] if metode == "permenpan6" else \
            [(None, angka)] * 3
        return isi + kosong + [(BELUM_DINILAI, "p"), ("belum ada data periode ini", teks)]
    if metode == "permenpan6":
        isi += [(h.nhk, angka), (_rating(h.rating_hk, h.rating_hk_langsung), teks), (h.npk, angka),
                (_rating(h.rating_pk, h.rating_pk_langsung), teks)]
    else:
        isi += [(h.nhk, angka), (h.npk, angka), (h.na, angka)]
    return isi + [(h.predikat, "p"), (nama_catatan(r), teks)]


def baris_rekap(ws, gaya: Gaya, no: int, r: Rekaman, metode: str, pangkat: bool = False,
                singkatan: dict | None = None, sub_unit: bool = False) -> tuple[list, int]:
    """(cells, lines the tallest wrapped cell needs) of one employee's Rekap row."""
    sg = _gaya_rekap(ws, gaya)
    isi = isi_rekap(no, r, metode, pangkat, singkatan, sub_unit)
    sel, lebar = [], [w for _, w in kolom_rekap(metode, pangkat, sub_unit)]
    for v, jenis in isi:
        if jenis == "a":
            sel.append(sg["a"](Decimal(v)) if v is not None else sg["t"]("-"))
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


def _catatan_kaki(data: DataRekap) -> list[str]:
    if data.metode == "permenpan6":
        return ["* rating ditetapkan pejabat penilai (alasannya di kolom Catatan); (saran): rating usulan kinerja "
                "dari angka, belum ditetapkan — hasilnya belum final"]
    return []


def _kolom_predikat(penyaji: Penyaji, h: str, gx: dict) -> SelKolom:
    """Predikat cells: filled in the predikat's colour ('-' when empty)."""

    def buat(v):
        return penyaji.sel(h, BARIS, v if v not in (None, "") else "-", gx.get(v, gx["t"]))

    return SelKolom(buat)


class TabelRekap:
    """One Rekap table (the Rekap sheet, or a unit's sheet): title block and header on creation,
    then one row per `tambah(record)`, the filter range on `selesai()`."""

    def __init__(self, ws, data: DataRekap, judul: str, penyaji: Penyaji, ttd: bool = False):
        from openpyxl.utils import get_column_letter

        g = data.gaya
        kolom = kolom_rekap(data.metode, data.pangkat, data.sub_unit)
        blok = baris_blok_judul(ws, g, judul, info_periode(data) + _catatan_kaki(data), data.profil)
        self.kepala = len(blok) + 1
        nomor = 1 if data.nomor_kolom else 0
        lebar_kolom(ws, [w for _, w in kolom])
        ws.freeze_panes = f"D{self.kepala + 1 + nomor}"
        atur_cetak(ws, lanskap=True, baris_judul=self.kepala, sampai=self.kepala + nomor)
        aliran = Aliran(ws)
        for b in blok:
            aliran.tambah(b)
        aliran.tambah(baris_kepala(ws, g, [j for j, _ in kolom]), baris_terbanyak(kolom, 0.85))
        if nomor:
            aliran.tambah(baris_nomor_kolom(ws, g, len(kolom)))
        self.ttd = ttd
        self.ws, self.data, self.p = ws, data, penyaji
        self.gaya = gx = {k: GayaXML(v) for k, v in _gaya_rekap(ws, g).items()}
        self.lebar = [w for _, w in kolom]
        self.huruf = [get_column_letter(i) for i in range(1, len(kolom) + 1)]
        self.no = 0
        # per column: a cache of rendered cells, and of wrapped-line counts (of the value as given)
        self.sel, self.k_baris = [], []
        for jenis, h, w in zip(jenis_rekap(data.metode, data.pangkat, data.sub_unit), self.huruf, self.lebar):
            if jenis == "a":
                self.sel.append(kolom_angka(penyaji, h, gx["a"], gx["t"]))  # None (no data yet): "-"
            elif jenis == "p":
                self.sel.append(_kolom_predikat(penyaji, h, gx))
            elif jenis == "t":
                self.sel.append(kolom_sel(penyaji, h, gx["t"], strip=True))
            else:
                self.sel.append(None)
            self.k_baris.append(None if jenis == "a" else BarisKolom(w))
        self.rows = PenampungBaris(ws)

    def tambah(self, r: Rekaman) -> None:
        self.no += 1
        isi = isi_rekap(self.no, r, self.data.metode, self.data.pangkat, self.data.singkatan, self.data.sub_unit)
        try:
            sel, n = [], 1
            for (v, jenis), k, kb, h in zip(isi, self.sel, self.k_baris, self.huruf):
                sel.append(k[v] if k is not None else self.p.sel(h, BARIS, v, self.gaya["n"]))
                if kb is not None:
                    b = kb[v]
                    if b > n:
                        n = b
            self.rows.tambah(sel, n)
        except BukanSederhana:
            self.rows.kirim()
            tambah_sel(self.ws, *baris_rekap(self.ws, self.data.gaya, self.no, r, self.data.metode, self.data.pangkat,
                                             self.data.singkatan, self.data.sub_unit))
            self.rows.kirim()

    def selesai(self) -> None:
        from openpyxl.utils import get_column_letter

        self.rows.kirim()
        nomor = 1 if self.data.nomor_kolom else 0
        self.ws.auto_filter.ref = (f"A{self.kepala + nomor}:{get_column_letter(len(self.lebar))}"
                                   f"{self.kepala + nomor + self.no}")
        if self.ttd:
            tulis_ttd(self.ws, self.data.gaya, self.data.profil, self.data.tanggal_ttd, self.ws.baris_berikut,
                      self.lebar)
