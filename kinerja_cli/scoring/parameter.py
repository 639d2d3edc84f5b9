"""Scoring parameters: the defaults of DOMAIN.md and their frozen Decimal form.

A period stores ``parameter_bawaan()`` (a JSON-able dict, numbers as strings)
with itself when it is created; later runs read it back with
:meth:`Parameter.dari_dict`, so a closed period keeps its rules after the
defaults change.  Keys missing from a stored dict take today's default;
unknown keys are ignored.

Keys added later (issue 14: ``penilaian_360``, ``nama_predikat_pp30_cukup``)
take, when a stored dict lacks them, the value that reproduces the results
of the periods created before (:data:`_LAMA`), not today's default: every
period created since stores them explicitly (and migration 0002 writes them
into older databases).

The conversion of capaian into nilai capaian (DOMAIN.md 4.2) is regulation
text, not a tunable number, and lives in ``capaian.py``.
"""

from __future__ import annotations

import copy
import decimal
from dataclasses import dataclass
from decimal import Decimal

from ..kosakata import (
    BAIK,
    BUTUH_PERBAIKAN,
    CARA_PEMBULATAN,
    CUKUP,
    KURANG_MISCONDUCT,
    NAMA_PREDIKAT_PP30_CUKUP,
    PENILAIAN_360,
    PREDIKAT_UNIT,
    SANGAT_BAIK,
    SANGAT_KURANG,
)
from .angka import ke_decimal

JENIS_ATURAN = ("maks", "min", "min_jumlah", "maks_jumlah")

_BAWAAN = {
    # Rounding of every (r) step (local convention): decimals and mode (kosakata.CARA_PEMBULATAN).
    "pembulatan": {"desimal": "2", "cara": "setengah-ke-atas"},
    # Capaian of a realisasi inside a range target (local convention).
    "capaian_dalam_rentang": "100",
    # Arah turun: C never below 0 (local convention).
    "capaian_turun_min_nol": True,
    # PP 30/2019 Pasal 41 ayat 2-4: the instansi counts rekan/bawahan (60/40) or not (70/30).
    "penilaian_360": "ya",
    # pp30 name of 70 <= NA < 90 (PP 30/2019 Pasal 41 ayat 5 huruf c).
    "nama_predikat_pp30_cukup": CUKUP,
    # permenpan6 rating of a number x: x >= di_atas -> Di Atas; x >= sesuai -> Sesuai.
    "ambang_di_atas": "110",
    "ambang_sesuai": "90",
    # NPK role weights, re-normalised over the roles that rated.
    "bobot_peran": {"atasan": "60", "rekan": "20", "bawahan": "20"},
    # NA component weights (percent) - PP 30/2019 Pasal 41 ayat 2-4.
    "bobot_komponen_atasan_saja": {"hasil_kerja": "70", "perilaku": "30"},
    "bobot_komponen_dengan_rekan": {"hasil_kerja": "60", "perilaku": "40"},
    # pp30 predikat bands (lower bounds); Sangat Baik also needs an inovasi.
    "predikat_pp30": {
        "sangat_baik": "110",
        "baik": "90",
        "butuh_perbaikan": "70",
        "kurang": "50",
    },
    # permenpan6 kurva distribusi (DOMAIN.md 5): rules per unit predikat.
    # A rule counts employees whose predikat is in `kategori` (pp30 "Kurang"
    # counts as "Kurang/Misconduct") and bounds them with exactly one of
    # maks / min (percent of the unit) or min_jumlah / maks_jumlah (count).
    "kurva_distribusi": {
        "istimewa": [
            {
                "kategori": [SANGAT_BAIK],
                "maks": "70",
                "uraian": "Predikat Sangat Baik paling banyak 70% pegawai",
            },
        ],
        "baik": [
            {
                "kategori": [BAIK],
                "maks": "70",
                "uraian": "Predikat Baik paling banyak 70% pegawai",
            },
            {
                "kategori": [BUTUH_PERBAIKAN, KURANG_MISCONDUCT],
                "min_jumlah": "1",
                "uraian": "Paling sedikit satu pegawai berpredikat Butuh Perbaikan "
                "atau Kurang/Misconduct",
            },
        ],
        "butuh-perbaikan": [
            {
                "kategori": [BUTUH_PERBAIKAN],
                "min": "60",
                "uraian": "Predikat Butuh Perbaikan paling sedikit 60% pegawai",
            },
            {
                "kategori": [SANGAT_BAIK],
                "maks": "10",
                "uraian": "Predikat Sangat Baik paling banyak 10% pegawai",
            },
        ],
        "kurang": [
            {
                "kategori": [KURANG_MISCONDUCT],
                "min": "60",
                "uraian": "Predikat Kurang/Misconduct paling sedikit 60% pegawai",
            },
            {
                "kategori": [BUTUH_PERBAIKAN],
                "min": "10",
                "uraian": "Predikat Butuh Perbaikan paling sedikit 10% pegawai",
            },
            {
                "kategori": [SANGAT_BAIK],
                "maks": "10",
                "uraian": "Predikat Sangat Baik paling banyak 10% pegawai",
            },
        ],
        "sangat-kurang": [
            {
                "kategori": [SANGAT_KURANG],
                "min": "60",
                "uraian": "Predikat Sangat Kurang paling sedikit 60% pegawai",
            },
            {
                "kategori": [KURANG_MISCONDUCT, BUTUH_PERBAIKAN],
                "min": "10",
                "uraian": "Predikat Kurang/Misconduct atau Butuh Perbaikan paling "
                "sedikit 10% pegawai",
            },
            {
                "kategori": [SANGAT_BAIK],
                "maks_jumlah": "0",
                "uraian": "Tidak boleh ada pegawai berpredikat Sangat Baik",
            },
        ],
    },
}


# What a stored dict without these keys meant (periods created before issue 14).
_LAMA = {"penilaian_360": "per-pegawai", "nama_predikat_pp30_cukup": BUTUH_PERBAIKAN}


def parameter_bawaan() -> dict:
    """Today's defaults as a fresh JSON-able dict (numbers as strings)."""
    return copy.deepcopy(_BAWAAN)


@dataclass(frozen=True, slots=True)
class AturanKurva:
    kategori: tuple  # tuple[str, ...]
    jenis: str  # one of JENIS_ATURAN
    batas: Decimal
    uraian: str


@dataclass(frozen=True, slots=True)
class Parameter:
    ambang_di_atas: Decimal
    ambang_sesuai: Decimal
    bobot_atasan: Decimal
    bobot_rekan: Decimal
    bobot_bawahan: Decimal
    hk_atasan_saja: Decimal
    pk_atasan_saja: Decimal
    hk_dengan_rekan: Decimal
    pk_dengan_rekan: Decimal
    pp30_sangat_baik: Decimal
    pp30_baik: Decimal
    pp30_butuh_perbaikan: Decimal
    pp30_kurang: Decimal
    kurva: tuple  # tuple[(unit key, tuple[AturanKurva, ...]), ...]
    penilaian_360: str = "ya"  # one of kosakata.PENILAIAN_360
    nama_cukup_pp30: str = CUKUP
    desimal: int = 2
    cara_bulat: str = "setengah-ke-atas"  # a key of kosakata.CARA_PEMBULATAN
    capaian_rentang: Decimal = Decimal(100)
    capaian_turun_min_nol: bool = True

    # Derived from desimal and cara_bulat in __post_init__ (the (r) step is on the hot path).
    q: Decimal = Decimal("0.01")
    mode_bulat: str = decimal.ROUND_HALF_UP
    bawaan_bulat: bool = True  # today's 2 decimals half up: callers may use angka.bulat directly

    def __post_init__(self):
        object.__setattr__(self, "q", Decimal(1).scaleb(-self.desimal))
        object.__setattr__(self, "mode_bulat", getattr(decimal, CARA_PEMBULATAN[self.cara_bulat]))
        object.__setattr__(self, "bawaan_bulat", self.desimal == 2 and self.cara_bulat == "setengah-ke-atas")

    def teks_pembulatan(self) -> str:
        """'dibulatkan 2 desimal, setengah ke atas': the period's (r) step in words (nilai --rinci)."""
        return f"dibulatkan {self.desimal} desimal, {self.cara_bulat.replace('-', ' ')}"

    def bulat(self, x: Decimal) -> Decimal:
        """The (r) step of this period."""
        return x.quantize(self.q, self.mode_bulat)

    @property
    def bobot_peran(self) -> dict:
        return {
            "atasan": self.bobot_atasan,
            "rekan": self.bobot_rekan,
            "bawahan": self.bobot_bawahan,
        }

    def aturan_kurva(self, predikat_unit: str) -> tuple:
        for kunci, aturan in self.kurva:
            if kunci == predikat_unit:
                return aturan
        raise ValueError(f"predikat unit tidak dikenal: {predikat_unit!r}")

    @classmethod
    def bawaan(cls) -> "Parameter":
        """Today's defaults (what a new period stores)."""
        return cls.dari_dict(parameter_bawaan())

    @classmethod
    def dari_dict(cls, d: dict | None) -> "Parameter":
        """Read a stored parameter dict; missing keys take today's defaults, except the keys of
        :data:`_LAMA`, which take the value that reproduces a period stored before they existed."""
        d = d or {}
        m = _gabung(_BAWAAN, {**_LAMA, **{k: v for k, v in d.items() if v is not None}})

        def n(nilai, nama):
            return ke_decimal(nilai, nama)

        bp = m["bobot_peran"]
        ka = m["bobot_komponen_atasan_saja"]
        kr = m["bobot_komponen_dengan_rekan"]
        pp = m["predikat_pp30"]
        return cls(
            ambang_di_atas=n(m["ambang_di_atas"], "ambang_di_atas"),
            ambang_sesuai=n(m["ambang_sesuai"], "ambang_sesuai"),
            bobot_atasan=n(bp["atasan"], "bobot_peran.atasan"),
            bobot_rekan=n(bp["rekan"], "bobot_peran.rekan"),
            bobot_bawahan=n(bp["bawahan"], "bobot_peran.bawahan"),
            hk_atasan_saja=n(ka["hasil_kerja"], "bobot_komponen_atasan_saja.hasil_kerja"),
            pk_atasan_saja=n(ka["perilaku"], "bobot_komponen_atasan_saja.perilaku"),
            hk_dengan_rekan=n(kr["hasil_kerja"], "bobot_komponen_dengan_rekan.hasil_kerja"),
            pk_dengan_rekan=n(kr["perilaku"], "bobot_komponen_dengan_rekan.perilaku"),
            pp30_sangat_baik=n(pp["sangat_baik"], "predikat_pp30.sangat_baik"),
            pp30_baik=n(pp["baik"], "predikat_pp30.baik"),
            pp30_butuh_perbaikan=n(pp["butuh_perbaikan"], "predikat_pp30.butuh_perbaikan"),
            pp30_kurang=n(pp["kurang"], "predikat_pp30.kurang"),
            kurva=tuple(
                (kunci, tuple(_aturan(kunci, a) for a in m["kurva_distribusi"][kunci]))
                for kunci in _kunci_kurva(m["kurva_distribusi"])
            ),
            penilaian_360=_pilihan(m["penilaian_360"], PENILAIAN_360, "penilaian_360"),
            nama_cukup_pp30=_pilihan(m["nama_predikat_pp30_cukup"], NAMA_PREDIKAT_PP30_CUKUP,
                                     "nama_predikat_pp30_cukup"),
            desimal=_desimal(m["pembulatan"]["desimal"]),
            cara_bulat=_pilihan(m["pembulatan"]["cara"], tuple(CARA_PEMBULATAN), "pembulatan.cara"),
            capaian_rentang=n(m["capaian_dalam_rentang"], "capaian_dalam_rentang"),
            capaian_turun_min_nol=_ya_tidak(m["capaian_turun_min_nol"], "capaian_turun_min_nol"),
        )

    def ke_dict(self) -> dict:
        """Back to the stored form (numbers as strings)."""
        s = str
        kurva = {}
        for kunci, aturan in self.kurva:
            kurva[kunci] = [
                {"kategori": list(a.kategori), a.jenis: s(a.batas), "uraian": a.uraian}
                for a in aturan
            ]
        return {
            "pembulatan": {"desimal": s(self.desimal), "cara": self.cara_bulat},
            "capaian_dalam_rentang": s(self.capaian_rentang),
            "capaian_turun_min_nol": self.capaian_turun_min_nol,
            "penilaian_360": self.penilaian_360,
            "nama_predikat_pp30_cukup": self.nama_cukup_pp30,
            "ambang_di_atas": s(self.ambang_di_atas),
            "ambang_sesuai": s(self.ambang_sesuai),
            "bobot_peran": {k: s(v) for k, v in self.bobot_peran.items()},
            "bobot_komponen_atasan_saja": {
                "hasil_kerja": s(self.hk_atasan_saja),
                "perilaku": s(self.pk_atasan_saja),
            },
            "bobot_komponen_dengan_rekan": {
                "hasil_kerja": s(self.hk_dengan_rekan),
                "perilaku": s(self.pk_dengan_rekan),
            },
            "predikat_pp30": {
                "sangat_baik": s(self.pp30_sangat_baik),
                "baik": s(self.pp30_baik),
                "butuh_perbaikan": s(self.pp30_butuh_perbaikan),
                "kurang": s(self.pp30_kurang),
            },
            "kurva_distribusi": kurva,
        }


def _gabung(bawaan: dict, tersimpan: dict) -> dict:
    """Defaults overlaid with stored values; nested dicts merge key by key.

    Unknown keys are dropped, except unit keys inside ``kurva_distribusi``
    (a period may define its own curve for a unit predikat).  A stored list of
    kurva rules replaces the default list for that unit as a whole.
    """
    hasil = {}
    for k, v in bawaan.items():
        if k not in tersimpan or tersimpan[k] is None:
            hasil[k] = copy.deepcopy(v)
        elif isinstance(v, dict) and isinstance(tersimpan[k], dict):
            if k == "kurva_distribusi":
                hasil[k] = {**copy.deepcopy(v), **tersimpan[k]}
            else:
                hasil[k] = _gabung(v, tersimpan[k])
        else:
            hasil[k] = tersimpan[k]
    return hasil


def _pilihan(nilai, pilihan: tuple, nama: str) -> str:
    if nilai not in pilihan:
        raise ValueError(f"{nama}: {nilai!r} tidak dikenal (pilih {', '.join(pilihan)})")
    return nilai


def _desimal(nilai) -> int:
    d = ke_decimal(nilai, "pembulatan.desimal")
    if d != d.to_integral_value() or not 0 <= d <= 6:
        raise ValueError(f"pembulatan.desimal: {nilai!r} harus bilangan bulat 0 sampai 6")
    return int(d)


def _ya_tidak(nilai, nama: str) -> bool:
    if isinstance(nilai, bool):
        return nilai
    raise ValueError(f"{nama}: {nilai!r} harus true atau false")


def _kunci_kurva(kurva: dict) -> list:
    urut = [k for k in PREDIKAT_UNIT if k in kurva]
    return urut + [k for k in kurva if k not in PREDIKAT_UNIT]


def _aturan(kunci: str, a: dict) -> AturanKurva:
    jenis = [j for j in JENIS_ATURAN if j in a]
    if len(jenis) != 1:
        raise ValueError(
            f"kurva_distribusi.{kunci}: setiap aturan harus punya tepat satu dari "
            f"{', '.join(JENIS_ATURAN)}"
        )
    j = jenis[0]
    kategori = a.get("kategori") or []
    if isinstance(kategori, str):
        kategori = [kategori]
    return AturanKurva(
        kategori=tuple(kategori),
        jenis=j,
        batas=ke_decimal(a[j], f"kurva_distribusi.{kunci}.{j}"),
        uraian=str(a.get("uraian", "")),
    )
