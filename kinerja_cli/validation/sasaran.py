"""Checks of SKP rows (DOMAIN.md section 3): one value, one row (the whole sheet: sasaran_lembar.py).

Pure. A parsed row is a dict with the stored fields (numbers as Decimal):
nomor, jenis, rhk, rhk_atasan_nomor, aspek, indikator, target_lo, target_hi,
satuan, bobot, arah, target_maksimal, perspektif (kolom.KOLOM_SKP).
"""

from __future__ import annotations

import re
from decimal import Decimal
from operator import itemgetter

from ..kolom import KOLOM_SKP
from ..kosakata import NAMA_PERSPEKTIF
from .angka import RENTANG, AngkaAmbigu, AngkaTidakValid, baca_angka, teks_desimal
from .masalah import GALAT, PERINGATAN
from .teks import teks

JENIS = ("utama", "tambahan")
ASPEK = ("kuantitas", "kualitas", "waktu", "biaya")
ARAH = ("naik", "turun")
_YA = ("ya", "y", "true", "1", "x", "benar", "yes")
_TIDAK = ("tidak", "n", "false", "0", "salah", "no", "tdk")
TOLERANSI_BOBOT = Decimal("0.01")
_RENTANG = RENTANG


class NilaiTidakValid(ValueError):
    def __init__(self, pesan: str, saran: str = ""):
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran


def satuan_persen(satuan: str | None) -> bool:
    return (satuan or "").strip().lower() in ("%", "persen", "percent")


def urai_target(v, persen: bool = False) -> tuple[Decimal, Decimal | None]:
    """'95', '95,5', 95.5, '80-90', '80 s.d. 90' -> (lo, hi or None); raise NilaiTidakValid."""
    saran = "isi angka lebih dari 0 (95 atau 95,5) atau rentang (80-90)"
    if isinstance(v, str):
        m = _RENTANG.match(v)
        if m:
            try:
                lo, hi = baca_angka(m.group(1)), baca_angka(m.group(2))
            except AngkaAmbigu as e:
                raise NilaiTidakValid(f"target {e.pesan}", e.saran) from None
            except AngkaTidakValid:
                raise NilaiTidakValid(f"target '{v}' bukan angka atau rentang", saran) from None
            if lo <= 0 or hi <= 0:
                raise NilaiTidakValid(f"batas rentang target '{v}' harus lebih dari 0", saran)
            if lo >= hi:
                raise NilaiTidakValid(f"rentang target '{v}': batas bawah harus lebih kecil dari batas atas",
                                      "tulis rentang dari kecil ke besar, misalnya 80-90")
            return lo, hi
    try:
        d = baca_angka(v, persen=persen)
    except AngkaTidakValid as e:
        if e.pesan == "kosong":
            raise NilaiTidakValid("target kosong", saran) from None
        raise NilaiTidakValid(f"target {e.pesan}", e.saran_atau(saran)) from None
    if d <= 0:
        raise NilaiTidakValid(f"target harus lebih dari 0, ditemukan {v}", saran)
    return d, None


def teks_target(lo, hi) -> str:
    lo = teks_desimal(Decimal(lo))
    return lo if hi is None else f"{lo}-{teks_desimal(Decimal(hi))}"


def _pilihan(v, pilihan: tuple[str, ...], bawaan: str, nama: str) -> str:
    s = teks(v)
    if s is None:
        return bawaan
    s = s.lower()
    if s not in pilihan:
        raise NilaiTidakValid(f"{nama} '{teks(v)}' tidak dikenal", "isi salah satu: " + ", ".join(pilihan))
    return s


_PERSPEKTIF = {**{k: k for k in NAMA_PERSPEKTIF}, **{v.lower(): k for k, v in NAMA_PERSPEKTIF.items()}}
_AWALAN_PERSPEKTIF = re.compile(r"^perspektif\s*:?\s*")
SARAN_PERSPEKTIF = ("isi salah satu: " + ", ".join(NAMA_PERSPEKTIF.values())
                    + " (boleh diawali 'Perspektif'; kosong: tanpa perspektif)")


def urai_perspektif(v) -> str | None:
    """'Perspektif Penerima Layanan', 'penerima layanan', 'penerima-layanan' -> 'penerima-layanan'
    (case-insensitive); empty -> None; anything else raises NilaiTidakValid naming the allowed values."""
    s = teks(v)
    if s is None:
        return None
    k = _PERSPEKTIF.get(_AWALAN_PERSPEKTIF.sub("", s.lower(), count=1))
    if k is None:
        raise NilaiTidakValid(f"perspektif '{s}' tidak dikenal", SARAN_PERSPEKTIF)
    return k


def ya_tidak(v, nama: str = "target maksimal") -> bool:
    if v is None or isinstance(v, bool):
        return bool(v)
    s = (teks(v) or "").lower()
    if not s or s in _TIDAK:
        return False
    if s in _YA:
        return True
    raise NilaiTidakValid(f"{nama} '{teks(v)}' tidak dikenal", "isi ya atau tidak (kosong: tidak)")


def nomor_positif(v, nama: str = "nomor") -> int:
    try:
        d = baca_angka(v)
    except AngkaTidakValid as e:
        raise NilaiTidakValid(f"{nama} {e.pesan}", e.saran_atau("isi bilangan bulat 1, 2, 3, ...")) from None
    if d != d.to_integral_value() or d < 1:
        raise NilaiTidakValid(f"{nama} harus bilangan bulat mulai 1, ditemukan {v}", "isi bilangan bulat 1, 2, 3, ...")
    return int(d)


def urai_bobot(v, persen: bool = False) -> Decimal:
    try:
        d = baca_angka(v, persen=persen)
    except AngkaTidakValid as e:
        raise NilaiTidakValid(f"bobot {e.pesan}", e.saran_atau("isi bobot dalam persen, misalnya 30 atau 12,5")) from None
    if d <= 0:
        raise NilaiTidakValid(f"bobot harus lebih dari 0, ditemukan {v}", "isi bobot dalam persen, misalnya 30")
    return d


_KOSONG = (None, "")
_BATAS_CACHE = 50_000  # distinct values remembered per field (flat memory on a file of unique values)
_BATAS_NOMOR = 10 ** 15  # angka.BATAS_DIGIT: a whole number under it is its own nomor


def _galat(key: str, e: NilaiTidakValid) -> tuple[str, str, str, str]:
    return (key, e.pesan[0].upper() + e.pesan[1:], e.saran, GALAT)


def _teks(v) -> str | None:
    if v.__class__ is str:  # the common cell: the same result as teks(), without the checks
        return " ".join(v.split()) or None
    return teks(v)


def _nomor(v, nama: str = "nomor"):
    return nomor_positif(v, nama)


def _target(v, persen: bool):
    lo, hi = urai_target(v, persen)
    return lo, hi, teks_desimal(lo), teks_desimal(hi)


def _bobot(v, persen: bool):
    d = urai_bobot(v, persen)
    return d, teks_desimal(d)


class Pengurai:
    """urai_isi for many rows: each distinct value of a field is parsed once (a file repeats its
    bobot, targets, jenis, arah ... thousands of times). Results are the same as parsing each cell."""

    def __init__(self):
        self._cache: dict[str, dict] = {}

    def _sekali(self, nama: str, key: str, fungsi, v, *args):
        """(result, problem or None) of fungsi(v, *args), remembered per (type, value) in cache `nama`
        (one cache per field and per variant of args)."""
        c = self._cache.get(nama)
        if c is None:
            c = self._cache[nama] = {}
        k = (v.__class__, v)
        try:
            return c[k]
        except KeyError:
            pass
        except TypeError:  # an unhashable value: parse it every time
            k = None
        try:
            r = (fungsi(v, *args), None)
        except NilaiTidakValid as e:
            r = (None, _galat(key, e))
        if k is not None and len(c) < _BATAS_CACHE:
            c[k] = r
        return r

    def _sel_nomor(self, key: str, v, ms: list, *args):
        if v is None or v == "":
            return None
        if v.__class__ is int and 0 < v < _BATAS_NOMOR:  # what nomor_positif gives a plain count
            return v
        n, m = self._sekali(key, key, _nomor, v, *args)
        if m:
            ms.append(m)
        return n

    def _kelompok(self, g, fmt: dict | None) -> tuple:
        """The choice cells (_PILIHAN_SEL), satuan, target and bobot of a row, parsed together and remembered
        per combination of cells (a sheet repeats a few combinations thousands of times): ({field: value} of
        the choices, satuan, target (lo, hi, lo text, hi text) or None, bobot (Decimal, text) or None,
        problems before the RHK column's, problems after)."""
        sel = tuple(map(g, _KUNCI_SEL))
        k = (sel, tuple(map(type, sel)), (fmt.get("target"), fmt.get("bobot")) if fmt else None)
        c = self._cache.get("kelompok")
        if c is None:
            c = self._cache["kelompok"] = {}
        try:
            return c[k]
        except KeyError:
            pass
        except TypeError:  # an unhashable value: parse it every time
            k = None
        r = self._kelompok_baru(sel, fmt)
        if k is not None and len(c) < _BATAS_CACHE:
            c[k] = r
        return r

    def _kelompok_baru(self, sel: tuple, fmt: dict | None) -> tuple:
        c = self._sekali
        awal, akhir, pilihan = [], [], {}
        for (key, fungsi, args), v in zip(_PILIHAN_SEL, sel):
            pilihan[key], m = c(key, key, fungsi, v, *args)
            if m:
                awal.append(m)
        target, satuan, bobot = sel[len(_PILIHAN_SEL):]
        satuan = _teks(satuan)
        persen = False
        if fmt:
            sel_persen = "%" in (fmt.get("target") or "")
            persen = sel_persen and satuan_persen(satuan)
            if sel_persen and not persen and isinstance(target, (int, float)):
                akhir.append(("target", "Sel target berformat persen tetapi satuannya bukan %; nilainya dibaca apa "
                              "adanya", "isi satuan % bila target berupa persen, atau ubah format sel menjadi Angka",
                              PERINGATAN))
        t, m = c("target%" if persen else "target", "target", _target, target, persen)
        if m:
            akhir.append(m)
        persen = "%" in (fmt.get("bobot") or "") if fmt else False
        bb, m = c("bobot%" if persen else "bobot", "bobot", _bobot, bobot, persen)
        if m:
            akhir.append(m)
        return (pilihan, satuan, t, bb, tuple(awal), tuple(akhir))

    def urai(self, nilai: dict, fmt: dict | None = None) -> tuple[tuple, list[tuple[str, str, str, str]]]:
        """The row's fields in kolom.KOLOM_SKP order, decimals as their canonical text; problems."""
        ms: list[tuple[str, str, str, str]] = []
        g = nilai.get
        v = g("nomor")
        nomor = v if v.__class__ is int and 0 < v < _BATAS_NOMOR else self._sel_nomor("nomor", v, ms)
        v = g("rhk_atasan")
        atasan = (None if v is None else v if v.__class__ is int and 0 < v < _BATAS_NOMOR
                  else self._sel_nomor("rhk_atasan", v, ms, "nomor RHK atasan"))
        pilihan, satuan, t, bb, awal, akhir = self._kelompok(g, fmt)
        if awal:
            ms += awal
        v = g("rhk")
        rhk = (" ".join(v.split()) or None) if v.__class__ is str else teks(v)
        if not rhk:
            ms.append(("rhk", "RHK (rencana hasil kerja) kosong", "isi RHK", GALAT))
        v = g("indikator")
        indikator = (" ".join(v.split()) or None) if v.__class__ is str else teks(v)
        if not indikator:
            ms.append(("indikator", "Indikator kosong", "isi Indikator", GALAT))
        if akhir:
            ms += akhir
        row = {**pilihan, "nomor": nomor, "rhk": rhk, "rhk_atasan_nomor": atasan, "indikator": indikator,
               "target_lo": t[2] if t else None, "target_hi": t[3] if t else None, "satuan": satuan,
               "bobot": bb[1] if bb else None}
        return _URUTAN_SKP(row), ms


# The choice cells of an SKP row: (field, parser, its extra arguments). Parsed together with satuan, target and
# bobot, once per combination of cells (Pengurai._kelompok). A new choice field of an SKP row is one entry here.
_PILIHAN_SEL = (
    ("jenis", _pilihan, (JENIS, "utama", "jenis")),
    ("aspek", _pilihan, (ASPEK, "kuantitas", "aspek")),
    ("arah", _pilihan, (ARAH, "naik", "arah")),
    ("target_maksimal", ya_tidak, ()),
    ("perspektif", urai_perspektif, ()),
)
_KUNCI_SEL = (*(k for k, _, _ in _PILIHAN_SEL), "target", "satuan", "bobot")
_URUTAN_SKP = itemgetter(*KOLOM_SKP)  # a row's fields by name -> the tuple in kolom.KOLOM_SKP order


def urai_isi(nilai: dict, fmt: dict | None = None) -> tuple[dict, list[tuple[str, str, str, str]]]:
    """The fields of one row (without nip) by name (kolom.KOLOM_SKP), numbers as Decimal; problems as
    (key, pesan, saran, tingkat)."""
    t, ms = Pengurai().urai(nilai, fmt)
    row = dict(zip(KOLOM_SKP, t))
    for k in ("target_lo", "target_hi", "bobot"):
        if row[k] is not None:
            row[k] = Decimal(row[k])
    return row, ms


def tebak_nip_angka(nilai, roster: dict) -> str | None:
    """The roster NIP a NIP-typed-as-a-number most likely was: the one whose first 15 digits (all a
    float keeps) match. Only a hint for the message and for grouping; the row stays refused."""
    if isinstance(nilai, bool) or not isinstance(nilai, (int, float)):
        return None
    try:
        awal = f"{int(nilai):d}"[:15]
    except (OverflowError, ValueError):
        return None
    if len(awal) < 15:
        return None
    calon = [n for n in roster if n.startswith(awal)]
    return calon[0] if len(calon) == 1 else None
