"""Input and result types of the scoring core (frozen dataclasses).

Numbers are ``decimal.Decimal``.  ``int`` inputs work too; ``float`` inputs are
refused by Decimal arithmetic (a TypeError), on purpose: a float has already
lost the exact value the user typed.

Snapshot format: :meth:`Hasil.ke_dict` writes every Decimal as a *string*
(``"109.00"``; exact means such as ``"86.66666666666666666666666667"``) so that
``Hasil.dari_dict(h.ke_dict()) == h`` holds exactly.  Callers that print JSON
numbers use :meth:`Hasil.ke_dict_angka` (floats rounded to 2 decimals).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Optional

from .angka import Q

VERSI_FORMAT = 1


@dataclass(frozen=True, slots=True)
class BarisSKP:
    """One SKP row: target (a number, or a range lo-hi), weight, direction."""

    nomor: int
    jenis: str  # 'utama' | 'tambahan'
    target_lo: Decimal
    target_hi: Optional[Decimal]
    bobot: Decimal
    arah: str  # 'naik' | 'turun'
    target_maksimal: bool
    realisasi: Optional[Decimal]
    rhk: str = ""
    indikator: str = ""
    satuan: str = ""


@dataclass(frozen=True, slots=True)
class Penilaian:
    """One rater's behaviour scores; keys are the 7 BerAKHLAK aspects."""

    penilai: str
    peran: str  # 'atasan' | 'rekan' | 'bawahan' | 'diri'
    skor: dict  # dict[str, Decimal | None]; missing/None = not scored


@dataclass(frozen=True, slots=True)
class DataPegawai:
    """Everything the scoring needs about one employee in one period."""

    nip: str
    baris: tuple  # tuple[BarisSKP, ...]
    penilaian: tuple  # tuple[Penilaian, ...]
    ada_inovasi: bool = False
    rating_hk_langsung: Optional[str] = None  # 'di-atas' | 'sesuai' | 'di-bawah'
    rating_pk_langsung: Optional[str] = None
    catatan_tambahan: tuple = ()  # tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HasilBaris:
    nomor: int
    capaian: Decimal  # C, rounded (r); 0 when no realisasi
    nilai: Decimal  # nilai capaian IKI, rounded (r)
    cabang: str  # which conversion branch, e.g. "100 ≤ C < 101 → 109"
    target_dipakai: Optional[Decimal]  # None: inside a range, or no realisasi
    lengkap: bool
    rating: str  # permenpan6 rating of nilai


@dataclass(frozen=True, slots=True)
class HasilPerilaku:
    per_penilai: tuple  # tuple[(penilai, peran, rata: Decimal exact), ...]
    per_peran: dict  # peran -> exact mean of its raters (diri included, for display)
    bobot_peran: dict  # peran -> re-normalised weight (%) actually used; no diri
    npk: Decimal  # rounded (r)


@dataclass(frozen=True, slots=True)
class Hasil:
    nip: str
    metode: str
    baris: tuple  # tuple[HasilBaris, ...]
    nhk: Decimal
    perilaku: HasilPerilaku
    npk: Decimal
    w_hk: Decimal  # percent, e.g. 70
    w_pk: Decimal  # percent, e.g. 30
    alasan_bobot: str
    na: Decimal
    predikat: Optional[str]  # None (permenpan6): a rating neither set nor suggested (no data to rest a saran on)
    aturan_predikat: str
    rating_hk: Optional[str]  # final (direct wins); None under pp30
    rating_hk_turunan: Optional[str]  # derived from NHK and the utama-row cap
    rating_hk_langsung: bool  # True when the atasan set it directly
    rating_pk: Optional[str]
    rating_pk_turunan: Optional[str]
    rating_pk_langsung: bool
    sel_matriks: Optional[str]
    catatan: tuple  # tuple[str, ...] flags
    lengkap: bool
    alasan_rating_hk: Optional[str] = None
    alasan_rating_pk: Optional[str] = None

    # -- snapshot ---------------------------------------------------------

    def ke_dict(self) -> dict:
        """JSON-able dict, Decimals as exact strings (lossless, see module doc)."""
        return _ke_dict(self, _s)

    def ke_dict_angka(self) -> dict:
        """JSON-able dict for machine output: Decimals as floats rounded to 2."""
        return _ke_dict(self, _f)

    @classmethod
    def dari_dict(cls, d: dict) -> "Hasil":
        """Restore a :class:`Hasil` written by :meth:`ke_dict`."""
        p = d["perilaku"]
        perilaku = HasilPerilaku(
            per_penilai=tuple(
                (x["penilai"], x["peran"], Decimal(x["rata"])) for x in p["per_penilai"]
            ),
            per_peran={k: Decimal(v) for k, v in p["per_peran"].items()},
            bobot_peran={k: Decimal(v) for k, v in p["bobot_peran"].items()},
            npk=Decimal(p["npk"]),
        )
        baris = tuple(
            HasilBaris(
                nomor=b["nomor"],
                capaian=Decimal(b["capaian"]),
                nilai=Decimal(b["nilai"]),
                cabang=b["cabang"],
                target_dipakai=_d(b["target_dipakai"]),
                lengkap=b["lengkap"],
                rating=b["rating"],
            )
            for b in d["baris"]
        )
        return cls(
            nip=d["nip"],
            metode=d["metode"],
            baris=baris,
            nhk=Decimal(d["nhk"]),
            perilaku=perilaku,
            npk=Decimal(d["npk"]),
            w_hk=Decimal(d["w_hk"]),
            w_pk=Decimal(d["w_pk"]),
            alasan_bobot=d["alasan_bobot"],
            na=Decimal(d["na"]),
            predikat=d["predikat"],
            aturan_predikat=d["aturan_predikat"],
            rating_hk=d["rating_hk"],
            rating_hk_turunan=d["rating_hk_turunan"],
            rating_hk_langsung=d["rating_hk_langsung"],
            rating_pk=d["rating_pk"],
            rating_pk_turunan=d["rating_pk_turunan"],
            rating_pk_langsung=d["rating_pk_langsung"],
            sel_matriks=d["sel_matriks"],
            catatan=tuple(d["catatan"]),
            lengkap=d["lengkap"],
            alasan_rating_hk=d.get("alasan_rating_hk"),
            alasan_rating_pk=d.get("alasan_rating_pk"),
        )


@dataclass(frozen=True, slots=True)
class Pelanggaran:
    """One kurva-distribusi rule a unit does not meet (a warning, never a block)."""

    predikat_unit: str  # key, e.g. 'baik'
    aturan: str  # the rule's Indonesian description
    kategori: tuple  # employee predikat categories the rule counts
    jenis: str  # 'maks' | 'min' (percent) | 'min_jumlah' | 'maks_jumlah' (count)
    batas: Decimal
    ditemukan: Decimal  # percent (rounded) or count, matching `jenis`
    jumlah: int  # employees in the categories
    total: int  # employees in the unit
    pesan: str  # full Indonesian sentence


# -- helpers ------------------------------------------------------------------


def _s(x: Optional[Decimal]) -> Optional[str]:
    return None if x is None else str(x)


def _f(x: Optional[Decimal]) -> Optional[float]:
    return None if x is None else float(x.quantize(Q, rounding=ROUND_HALF_UP))


def _d(x: Any) -> Optional[Decimal]:
    return None if x is None else Decimal(x)


def _ke_dict(h: Hasil, num) -> dict:
    p = h.perilaku
    return {
        "versi_format": VERSI_FORMAT,
        "nip": h.nip,
        "metode": h.metode,
        "baris": [
            {
                "nomor": b.nomor,
                "capaian": num(b.capaian),
                "nilai": num(b.nilai),
                "cabang": b.cabang,
                "target_dipakai": num(b.target_dipakai),
                "lengkap": b.lengkap,
                "rating": b.rating,
            }
            for b in h.baris
        ],
        "nhk": num(h.nhk),
        "perilaku": {
            "per_penilai": [
                {"penilai": n, "peran": r, "rata": num(m)} for n, r, m in p.per_penilai
            ],
            "per_peran": {k: num(v) for k, v in p.per_peran.items()},
            "bobot_peran": {k: num(v) for k, v in p.bobot_peran.items()},
            "npk": num(p.npk),
        },
        "npk": num(h.npk),
        "w_hk": num(h.w_hk),
        "w_pk": num(h.w_pk),
        "alasan_bobot": h.alasan_bobot,
        "na": num(h.na),
        "predikat": h.predikat,
        "aturan_predikat": h.aturan_predikat,
        "rating_hk": h.rating_hk,
        "rating_hk_turunan": h.rating_hk_turunan,
        "rating_hk_langsung": h.rating_hk_langsung,
        "rating_pk": h.rating_pk,
        "rating_pk_turunan": h.rating_pk_turunan,
        "rating_pk_langsung": h.rating_pk_langsung,
        "sel_matriks": h.sel_matriks,
        "catatan": list(h.catatan),
        "lengkap": h.lengkap,
        "alasan_rating_hk": h.alasan_rating_hk,
        "alasan_rating_pk": h.alasan_rating_pk,
    }
