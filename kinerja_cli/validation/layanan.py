"""Checks of a service-indicator sheet (layout LAYANAN): every problem collected."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..model import BarisSumber
from .angka import AngkaTidakValid, baca_angka
from .masalah import GALAT, Masalah
from .periode import KodeTidakValid, urai_kode
from .teks import teks

ARAH = ("naik", "turun")


@dataclass(frozen=True)
class BarisLayanan:
    sumber: BarisSumber
    unit: str  # stored spelling of the unit
    indikator: str
    satuan: str | None
    arah: str | None  # None: not given in the row
    target: Decimal | None
    periode: str
    nilai: Decimal
    keterangan: str | None

    @property
    def kunci_indikator(self) -> tuple[str, str]:
        return (self.unit, self.indikator.casefold())


@dataclass
class HasilPeriksaLayanan:
    baris: list = field(default_factory=list)  # list[BarisLayanan] without errors
    masalah: list = field(default_factory=list)
    baris_galat: set = field(default_factory=set)


def arah_dari_teks(v) -> str | None:
    """'Naik'/'turun' (also 'lebih tinggi lebih baik' style words); None when empty; ValueError when unknown."""
    s = teks(v)
    if not s:
        return None
    s = s.lower()
    if s in ARAH:
        return s
    if s in ("turun (makin rendah makin baik)", "makin rendah makin baik", "rendah"):
        return "turun"
    if s in ("naik (makin tinggi makin baik)", "makin tinggi makin baik", "tinggi"):
        return "naik"
    raise ValueError(s)


def _kolom(b: BarisSumber, key: str) -> str:
    h = b.huruf.get(key)
    return f"{h} ({key})" if h else key


def periksa_layanan(baris: list[BarisSumber], unit_dikenal: dict[str, str],
                    indikator_ada: dict[tuple[str, str], dict]) -> HasilPeriksaLayanan:
    """unit_dikenal: casefold -> stored spelling; indikator_ada: (unit, name casefold) -> stored indicator."""
    h = HasilPeriksaLayanan()
    calon: list[BarisLayanan] = []

    def m(b: BarisSumber, key: str, pesan: str, saran: str = "", nilai=None, kunci: str = "") -> None:
        h.masalah.append(Masalah(pesan, saran, b.nilai.get(key) if nilai is None else nilai, b.sheet, b.baris,
                                 _kolom(b, key), GALAT, kunci))
        h.baris_galat.add(b.baris)

    for b in baris:
        v = b.nilai
        n_awal = len(h.masalah)
        unit_teks = teks(v.get("unit"))
        unit = None
        if not unit_teks:
            m(b, "unit", "Unit kerja kosong", "isi nama unit kerja seperti di daftar pegawai")
        else:
            unit = unit_dikenal.get(unit_teks.casefold())
            if unit is None:
                m(b, "unit", f"Unit kerja '{unit_teks}' tidak ada di daftar pegawai",
                  "tulis nama unit seperti di: kinerja unit daftar")
        nama = teks(v.get("indikator"))
        if not nama:
            m(b, "indikator", "Nama indikator kosong", "isi nama indikator layanan")
        try:
            arah = arah_dari_teks(v.get("arah"))
        except ValueError:
            arah = None
            m(b, "arah", f"Arah '{teks(v.get('arah'))}' tidak dikenal",
              "isi naik (makin tinggi makin baik) atau turun (makin rendah makin baik)")
        target = None
        if v.get("target") is not None:
            try:
                target = baca_angka(v.get("target"), "%" in b.format.get("target", ""))
                if target < 0:
                    m(b, "target", "Target negatif", "target harus angka 0 atau lebih")
            except AngkaTidakValid as e:
                m(b, "target", f"Target {e.pesan}", e.saran)
        kode = None
        try:
            kode = urai_kode(teks(v.get("periode")) or "").kode
        except KodeTidakValid as e:
            m(b, "periode", e.pesan if v.get("periode") is not None else "Kode periode kosong", e.saran)
        nilai = None
        try:
            nilai = baca_angka(v.get("nilai"), "%" in b.format.get("nilai", ""))
            if nilai < 0:
                m(b, "nilai", "Nilai negatif", "nilai indikator layanan harus 0 atau lebih")
        except AngkaTidakValid as e:
            m(b, "nilai", f"Nilai {e.pesan}", e.saran)
        if len(h.masalah) == n_awal:
            calon.append(BarisLayanan(b, unit, nama, teks(v.get("satuan")), arah, target, kode, nilai,
                                      teks(v.get("sumber"))))

    # Cross-row checks: duplicates and conflicting indicator attributes.
    pertama: dict[tuple, BarisLayanan] = {}
    atribut: dict[tuple[str, str], dict[str, tuple]] = {}
    buruk: set[int] = set()
    for r in calon:
        b = r.sumber
        k = (*r.kunci_indikator, r.periode)
        if k in pertama:
            m(b, "periode", f"Duplikat: {r.unit} / {r.indikator} / {r.periode} sudah ada di baris {pertama[k].sumber.baris}",
              "hapus salah satu baris", nilai=r.periode, kunci=r.indikator)
            buruk.add(b.baris)
            continue
        pertama[k] = r
        tersimpan = indikator_ada.get(r.kunci_indikator)
        seen = atribut.setdefault(r.kunci_indikator, {})
        if r.arah is not None:
            if tersimpan and tersimpan["arah"] != r.arah:
                m(b, "arah", f"Arah '{r.arah}' bertentangan dengan indikator tersimpan '{tersimpan['nama']}' "
                  f"(arah {tersimpan['arah']})", "samakan arahnya; arah indikator tidak dapat diubah lewat impor",
                  kunci=r.indikator)
                buruk.add(b.baris)
            elif "arah" in seen and seen["arah"][0] != r.arah:
                m(b, "arah", f"Arah '{r.arah}' bertentangan dengan baris {seen['arah'][1]} "
                  f"(arah {seen['arah'][0]}) untuk indikator yang sama", "satu indikator hanya punya satu arah",
                  kunci=r.indikator)
                buruk.add(b.baris)
            else:
                seen.setdefault("arah", (r.arah, b.baris))
        for key, val in (("satuan", r.satuan), ("target", r.target)):
            if val is None:
                continue
            if key in seen and seen[key][0] != val:
                m(b, key, f"{key.capitalize()} '{val}' berbeda dengan baris {seen[key][1]} ('{seen[key][0]}') "
                  "untuk indikator yang sama", f"samakan {key} indikator ini di semua barisnya", kunci=r.indikator)
                buruk.add(b.baris)
            else:
                seen.setdefault(key, (val, b.baris))
    h.baris = [r for r in calon if r.sumber.baris not in buruk]
    return h
