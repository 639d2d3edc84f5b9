"""Computing a period's results: live from the data, or from a closed period's snapshot.

Every employee's result travels as one record, model.Rekaman (identity, the inputs, the
scored Hasil, the direct rating, the innovation flag), built by `rekaman_pegawai` alone, so the
table, --rinci, the exports, tren and the snapshot all read the same thing; its `ke_dict` is the
snapshot's stored shape and the JSON of `nilai --rinci`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Callable, Iterable, Iterator

from ..errors import DataTidakValid
from ..kosakata import KURANG, KURANG_MISCONDUCT, PENILAI_LUAR, SKP_BELUM_DISETUJUI
from ..model import BarisMasukan, Masukan, PenilaianMasukan, Periode, RatingLangsung, Rekaman, ada_data
from ..scoring import BarisSKP, DataPegawai, Penilaian, penghitung
from ..store import nilai as tabel
from ..store import pegawai as tabel_pegawai
from ..store import periode as tabel_periode
from ..store import skp_status
from ..store.nilai import BarisPerilaku, BarisSkp
from ..validation.nama import kunci_nama
from ..validation.urut_jabatan import urutan_hirarki
from . import periode as layanan_periode
from .atasan_luar import nama_oleh, nama_penilai, punya_pejabat_luar
from .pegawai import wajib_ada

URUTAN = ("unit", "nama", "nilai", "jabatan")


@dataclass
class Laporan:
    periode: Periode
    metode: str
    rekaman: list  # list[Rekaman]
    dari_snapshot: bool = False
    catatan: list = field(default_factory=list)


BATCH_NAMA = 256  # full records whose raters' names are looked up in one query


def perlu_persetujuan(status: dict[str, str] | None, nip: str, ada_skp: bool, nip_atasan: str | None) -> bool:
    """Is this employee's SKP still waiting for agreement (flag `skp_belum_disetujui`)?

    status: nip -> state when the period uses the agreement workflow (its setting persetujuan_skp),
    None when it does not. Only in such a period,
    for an employee with SKP rows whose state is not `disetujui`. An employee without an atasan in
    the roster is flagged only when a pejabat penilai outside the roster can agree to it (their atasan
    outside the roster, or the kepala daerah of the instansi profile: services.atasan_luar.pejabat_luar).
    """
    punya_atasan = bool(nip_atasan) or getattr(status, "pejabat_luar", StatusSkp.pejabat_luar)(nip)
    return status is not None and ada_skp and punya_atasan and status.get(nip) != "disetujui"


class _Desimal(dict):
    """Text -> Decimal, converted once: a period repeats the same few targets, weights and scores."""

    def __missing__(self, teks):
        d = self[teks] = None if teks is None or teks == "" else Decimal(teks)
        return d


@dataclass
class _Konteks:
    """What scoring a period needs besides each employee's rows."""

    inovasi: set  # NIPs with an innovation recorded
    langsung: dict  # nip -> RatingLangsung: ratings set directly by the atasan
    status: dict | None  # nip -> SKP agreement state (None: the period does not use the agreement workflow)
    hitung: Callable  # the scheme's scorer: DataPegawai -> Hasil
    desimal: _Desimal = field(default_factory=_Desimal)


def _konteks(db, periode: Periode, metode: str) -> _Konteks:
    kode = periode.kode

    langsung = {n: RatingLangsung.dari_dict(d) for n, d in nama_oleh(db, tabel.rating_langsung(db, kode)).items()}
    return _Konteks(tabel.nip_berinovasi(db, kode), langsung, _status_skp(db, kode),
                    penghitung(metode, periode.param))


class StatusSkp(dict):
    """nip -> SKP state of a period using the agreement workflow; `pejabat_luar(nip)`: for an employee without
    NIP Atasan, can a pejabat penilai outside the roster agree to it (then it is flagged like everyone else)."""

    @staticmethod
    def pejabat_luar(nip: str) -> bool:
        return False


def _status_skp(db, kode: str) -> dict | None:
    if not skp_status.dipakai(db, kode):
        return None
    s = StatusSkp(tabel.status_skp(db, kode))
    s.pejabat_luar = punya_pejabat_luar(db)
    return s


def _hasil(k: _Konteks, nip: str, nip_atasan: str | None, skp, perilaku):
    """The scored Hasil of one employee from the store's named rows (BarisSkp, BarisPerilaku)."""
    d = k.desimal
    baris = tuple(BarisSKP(r.nomor, r.jenis, d[r.target_lo], d[r.target_hi], d[r.bobot], r.arah,
                           bool(r.target_maksimal), d[r.realisasi]) for r in skp)
    penilaian = tuple(Penilaian(b.penilai, b.peran, {a: d[v] for a, v in b.skor.items()}) for b in perilaku)
    lg = k.langsung.get(nip)
    tambahan = (SKP_BELUM_DISETUJUI,) if perlu_persetujuan(k.status, nip, bool(skp), nip_atasan) else ()
    return k.hitung(DataPegawai(nip, baris, penilaian, nip in k.inovasi, lg.hasil_kerja if lg else None,
                                lg.perilaku if lg else None, tambahan))


def _masukan_baris(r) -> BarisMasukan:
    """A BarisSkp as the record (and the snapshot) keeps it."""
    d = r._asdict()
    d["target_maksimal"] = bool(r.target_maksimal)
    return BarisMasukan.dari_dict(d)


_PERAN_URUT = {"atasan": 0, "rekan": 1, "bawahan": 2, "diri": 3}


def _urut_peran(b) -> tuple:
    return (_PERAN_URUT.get(b.peran, 9), b.penilai)


def rekaman_pegawai(k: _Konteks, data, ringkas: bool = False, nama_penilai: dict | None = None) -> Rekaman:
    """THE one function building an employee's record from the store's named rows
    (store.nilai.DataPegawaiPeriode): the listing, the recap's stream, the document, tren and the
    snapshot at close.

    `ringkas`: the summary form (no inputs: listings of a large period); otherwise the inputs too,
    raters by role with their names from `nama_penilai` (nip -> nama).
    """
    p, skp, perilaku = data.pegawai, data.skp, data.perilaku
    n = p.nip
    h = _hasil(k, n, p.nip_atasan, skp, perilaku)
    lg = k.langsung.get(n)
    tercatat = bool(skp or perilaku or lg)
    if ringkas:
        return Rekaman(p, h, tercatat, n in k.inovasi, None, lg)
    nama = nama_penilai or {}
    masukan = Masukan(tuple(_masukan_baris(r) for r in skp),
                      tuple(PenilaianMasukan(b.penilai, nama.get(b.penilai), b.peran, b.skor)
                            for b in sorted(perilaku, key=_urut_peran)))
    return Rekaman(p, h, tercatat, n in k.inovasi, masukan, lg)


def rekaman_periode(db, periode: Periode, metode: str, data: Iterable, ringkas: bool = False) -> Iterator[Rekaman]:
    """The records of the store's rows (`data`: DataPegawaiPeriode of store.nilai.alir_periode or
    alir_periode_urut), one at a time, in their order; full records get their raters' names, looked
    up in batches of BATCH_NAMA employees."""
    k = _konteks(db, periode, metode)
    if ringkas:
        for x in data:
            yield rekaman_pegawai(k, x, True)
        return
    tunggu: list = []
    for x in data:
        tunggu.append(x)
        if len(tunggu) >= BATCH_NAMA:
            yield from _dengan_nama_penilai(db, k, tunggu)
            tunggu = []
    yield from _dengan_nama_penilai(db, k, tunggu)


def _dengan_nama_penilai(db, k: _Konteks, data: list) -> Iterator[Rekaman]:
    penilai = {b.penilai for x in data for b in x.perilaku}
    nama = tabel.nama_pegawai(db, penilai) if penilai else {}
    luar = None
    for x in data:
        kata = {b.penilai for b in x.perilaku if b.penilai in PENILAI_LUAR}
        if kata:  # a pejabat penilai outside the roster: his name depends on the employee he rates
            if luar is None:
                luar = nama_penilai(db)
            yield rekaman_pegawai(k, x, nama_penilai={**nama, **{q: luar(x.pegawai.nip, q) for q in kata}})
        else:
            yield rekaman_pegawai(k, x, nama_penilai=nama)


def _rekaman_langsung(db, periode: Periode, unit: str | None, nip: str | None, metode: str,
                      ringkas: bool = False, semua: bool = False) -> list[Rekaman]:
    """Every employee of the period (the active ones and those deactivated with data in it: the one
    rule of store.nilai._filter_pegawai; `semua`: every inactive one too) computed from the current
    data, in one streamed pass (NIP order); `ringkas` as in `rekaman_pegawai`."""
    alir = tabel.alir_periode(db, periode.kode, unit, nip, teks=not ringkas, semua=semua)
    return list(rekaman_periode(db, periode, metode, alir, ringkas))


def hitung_untuk_snapshot(db, periode: Periode) -> list[Rekaman]:
    """The full record of every employee of the period (active, or inactive with data), for `periode tutup`."""
    return _rekaman_langsung(db, periode, None, None, periode.metode)


def unit_terdaftar(db, unit: str | None) -> str | None:
    """The unit's name as stored with the employees (matched without case), refused when unknown."""
    if not unit:
        return unit
    u = tabel_pegawai.unit_ada(db, unit)
    if not u:
        raise DataTidakValid(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
    return u


_ASCII_KECIL = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def rekaman_unit(db, lap: Laporan, unit: str) -> list[Rekaman]:
    """The records of a whole period's `lap` that `laporan(db, kode, unit)` gives: the unit as stored
    (unit_terdaftar), compared as the store compares it for a live period (SQLite NOCASE: ASCII
    letters without case) and exactly for a frozen one. One period computed once serves every unit."""
    u = unit_terdaftar(db, unit)
    if lap.dari_snapshot:
        return [r for r in lap.rekaman if r.pegawai.unit == u]
    kunci = u.translate(_ASCII_KECIL)
    return [r for r in lap.rekaman if r.pegawai.unit is not None and r.pegawai.unit.translate(_ASCII_KECIL) == kunci]


def laporan(db, kode: str, unit: str | None = None, nip: str | None = None, urut: str = "unit",
            hanya_lengkap: bool = False, metode: str | None = None, ringkas: bool = False,
            semua: bool = False, sub_unit: str | None = None) -> Laporan:
    """The period's results (live when open, the frozen snapshot when closed).

    `semua`: inactive employees without data in the period are listed too (an open period; a closed
    one holds what was frozen: the active employees and the inactive ones with data). `sub_unit`: only
    employees whose sub-unit (SIASN unor) contains this text, case-insensitive."""
    p = layanan_periode.wajib_ada(db, kode)
    if urut not in URUTAN:
        raise DataTidakValid(f"Urutan '{urut}' tidak dikenal.", f"Pilih: {', '.join(URUTAN)}.")
    unit = unit_terdaftar(db, unit)
    if nip:
        nip = wajib_ada(db, nip).nip
    metode = metode or p.metode
    if p.ditutup:
        rekaman = [r for r in tabel_periode.baca_snapshot(db, p.kode)
                   if (not unit or r.pegawai.unit == unit) and (not nip or r.pegawai.nip == nip)]
        if metode != p.metode:  # recompute the frozen inputs under the other scheme
            rekaman = _hitung_ulang(rekaman, p, metode)
        lap = Laporan(p, metode, rekaman, dari_snapshot=True)
    else:
        lap = Laporan(p, metode, _rekaman_langsung(db, p, unit, nip, metode, ringkas, semua))
    if nip and not lap.rekaman:
        raise DataTidakValid(f"Pegawai {nip} tidak termasuk hasil periode {p.kode} "
                             "(nonaktif tanpa data di periode ini, atau belum ada saat periode ditutup).")
    if hanya_lengkap:
        lap.rekaman = [r for r in lap.rekaman if r.hasil.lengkap]
    if sub_unit and sub_unit.strip():  # like `pegawai daftar --sub-unit`: the sub-unit's name contains the text
        cari = sub_unit.strip().casefold()
        lap.rekaman = [r for r in lap.rekaman if cari in (r.pegawai.sub_unit or "").casefold()]
    lap.rekaman.sort(key=_kunci_urut(urut, lap.rekaman))
    return lap


def _hitung_ulang(rekaman: list[Rekaman], periode: Periode, metode: str) -> list[Rekaman]:
    """Frozen records scored again under another scheme (their inputs and identity kept as frozen)."""
    k = _Konteks({r.pegawai.nip for r in rekaman if r.ada_inovasi},
                 {r.pegawai.nip: r.rating_langsung for r in rekaman if r.rating_langsung},
                 {}, penghitung(metode, periode.param))
    hasil = []
    for r in rekaman:
        n, m = r.pegawai.nip, r.masukan
        skp = [BarisSkp(n, b.nomor, b.jenis, b.target_lo, b.target_hi, b.bobot, b.arah, b.target_maksimal, b.realisasi)
               for b in m.baris]
        perilaku = [BarisPerilaku(x.penilai, x.peran, x.skor) for x in m.penilaian]
        hasil.append(replace(r, hasil=_hasil(k, n, None, skp, perilaku)))
    return hasil


def _kunci_urut(urut: str, rekaman: list):
    """Sort key of a record; names compare without their titles (Drs. H. Ahmad Yani under A)."""
    if urut == "nama":
        return lambda r: (kunci_nama(r.pegawai.nama), r.pegawai.nip)
    if urut == "nilai":
        return lambda r: (-r.hasil.na, -r.hasil.nhk, kunci_nama(r.pegawai.nama))
    if urut == "jabatan":  # the hierarchy: atasan before bawahan, within each unit
        posisi = urutan_hirarki((p.nip, p.nip_atasan, p.jenis_jabatan, p.nama, p.unit)
                                for p in (r.pegawai for r in rekaman))
        return lambda r: posisi[r.pegawai.nip]
    return lambda r: (r.pegawai.unit.lower(), kunci_nama(r.pegawai.nama))


def baris_keluaran(r: Rekaman) -> dict:
    """The machine-output row of one record (the JSON/CSV contract of DESIGN.md)."""
    h, p = r.hasil, r.pegawai
    return {
        "nip": p.nip, "nama": p.nama, "unit": p.unit, "jabatan": p.jabatan, "golongan": p.golongan,
        "nhk": h.nhk, "npk": h.npk, "na": h.na, "predikat": h.predikat,
        "rating_hasil_kerja": h.rating_hk, "rating_hasil_kerja_langsung": h.rating_hk_langsung,
        "rating_perilaku": h.rating_pk, "rating_perilaku_langsung": h.rating_pk_langsung,
        "metode": h.metode, "lengkap": h.lengkap, "catatan": list(h.catatan), "ada_data": ada_data(r),
        "aktif": p.aktif,
    }


def bandingkan(db, kode: str, unit: str | None = None, nip: str | None = None, urut: str = "unit",
               hanya_lengkap: bool = False) -> list[dict]:
    """Both schemes side by side; the period's own scheme is not changed."""
    a = laporan(db, kode, unit, nip, urut, hanya_lengkap, metode="pp30", ringkas=True)
    b = {r.pegawai.nip: r for r in laporan(db, kode, unit, nip, urut, metode="permenpan6", ringkas=True).rekaman}
    hasil = []
    for r in a.rekaman:
        x, y = r.hasil, b[r.pegawai.nip].hasil
        hasil.append({
            "nip": r.pegawai.nip, "nama": r.pegawai.nama, "unit": r.pegawai.unit,
            "nhk": x.nhk, "npk": x.npk, "na": x.na,
            "predikat_pp30": x.predikat, "rating_hasil_kerja": y.rating_hk, "rating_perilaku": y.rating_pk,
            "predikat_permenpan6": y.predikat, "sama": _setara(x.predikat, y.predikat),
            "lengkap": x.lengkap, "ada_data": ada_data(r),
        })
    return hasil


def _setara(a: str, b: str) -> bool:
    return a == b or {a, b} == {KURANG, KURANG_MISCONDUCT}
