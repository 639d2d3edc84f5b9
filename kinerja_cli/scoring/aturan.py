"""Every rule of the scoring with its source and the period setting that changes it (DOMAIN.md 9).

THE one table of rule -> source -> setting: `kinerja aturan` prints it with a period's stored
values, and a test checks that the README section "Aturan penilaian" lists the same rows.
A source is a regulation with its article, or ``KEBIJAKAN_LOKAL`` (a local convention, then a
period option with today's value as default).  Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from ..kosakata import (
    DASAR_JP_PNS,
    DASAR_JP_PPPK,
    JP_MAKSIMAL_PPPK,
    JP_MINIMAL_PNS,
)
from .angka import ke_decimal, teks_ambang
from .parameter import Parameter, parameter_bawaan

KEBIJAKAN_LOKAL = "kebijakan lokal"
TETAP = "-"  # no option: the regulation's text


@dataclass(frozen=True)
class Aturan:
    kunci: str
    aturan: str  # the rule in words
    sumber: str  # regulation and article, or KEBIJAKAN_LOKAL
    opsi: str  # the option of `kinerja periode buat` that changes it, or TETAP
    nilai: Callable  # (Parameter, metode) -> the period's value in words
    metode: tuple = ("permenpan6", "pp30")  # the schemes whose results this rule shapes
    sebagian: dict | None = None  # metode -> what part of the rule still applies under a scheme not listed


PP30 = ("pp30",)
P6 = ("permenpan6",)


def berlaku(a: Aturan, metode: str) -> str:
    """Does rule `a` apply to a period of `metode`? 'ya', 'sebagian: ...' or 'tidak (hanya ...)'."""
    if metode in a.metode:
        return "ya"
    if a.sebagian and metode in a.sebagian:
        return f"sebagian: {a.sebagian[metode]}"
    return f"tidak (hanya {', '.join(a.metode)})"


def _t(x: Decimal) -> str:
    return teks_ambang(x)


def _pembulatan(p: Parameter, _m) -> str:
    return f"{p.desimal} desimal, {p.cara_bulat}"


def _360(p: Parameter, m) -> str:
    r = f"{_t(p.hk_dengan_rekan)}/{_t(p.pk_dengan_rekan)}"
    a = f"{_t(p.hk_atasan_saja)}/{_t(p.pk_atasan_saja)}"
    if m == "permenpan6" and p.penilaian_360 in ("ya", "tidak"):  # 6/2022 has no NA: only the saran's NPK changes
        return (f"{p.penilaian_360}: NPK (dasar saran rating perilaku) = "
                + ("nilai atasan, rekan dan bawahan menurut bobot peran" if p.penilaian_360 == "ya"
                   else "nilai atasan saja") + "; bobot NA tidak dipakai")
    if p.penilaian_360 == "ya":
        return f"ya: NA = {r} untuk semua pegawai; pegawai tanpa nilai rekan/bawahan ditandai (pp30)"
    if p.penilaian_360 == "tidak":
        return f"tidak: NA = {a}, NPK = nilai atasan saja"
    return f"per-pegawai (aturan periode lama): {a} bila hanya atasan menilai, {r} bila rekan/bawahan ikut"


def _pp30(p: Parameter, _m) -> str:
    return (f"≥ {_t(p.pp30_sangat_baik)} dan inovasi Sangat Baik; ≥ {_t(p.pp30_baik)} Baik; "
            f"≥ {_t(p.pp30_butuh_perbaikan)} {p.nama_cukup_pp30}; ≥ {_t(p.pp30_kurang)} Kurang; "
            f"di bawahnya Sangat Kurang")


ATURAN = (
    Aturan("metode", "Metode penilaian periode: permenpan6 (rating oleh pejabat penilai, kuadran) atau pp30 "
           "(nilai angka)", "PermenPANRB 6/2022 (permenpan6, berlaku); PP 30/2019 (pp30)", "--metode",
           lambda p, m: m),
    Aturan("capaian", "Capaian IKI: arah naik R/T × 100; arah turun (1 + (1 − R/T)) × 100; target rentang: "
           "batas yang dilewati", "PermenPANRB 8/2021 Lampiran (penilaian SKP)", TETAP, lambda p, m: "tetap"),
    Aturan("capaian_dalam_rentang", "Capaian bila realisasi di dalam rentang target", KEBIJAKAN_LOKAL,
           "--capaian-rentang", lambda p, m: f"{_t(p.capaian_rentang)}%"),
    Aturan("capaian_turun_min_nol", "Capaian arah turun tidak kurang dari 0", KEBIJAKAN_LOKAL,
           "--capaian-turun-min-nol, --capaian-turun-boleh-negatif",
           lambda p, m: "ya" if p.capaian_turun_min_nol else
           "tidak: capaian dan nilai capaian IKI arah turun boleh negatif (C / 59 × 49)"),
    Aturan("realisasi_kosong", "Realisasi yang belum diisi dihitung 0 (baris ditandai belum lengkap)",
           KEBIJAKAN_LOKAL, TETAP, lambda p, m: "0"),
    Aturan("konversi", "Konversi capaian ke nilai capaian IKI (100% → 109, di atas 110% → 120, target maksimal "
           "≥ 100% → 120)", "PermenPANRB 8/2021 Lampiran", TETAP, lambda p, m: "tetap"),
    Aturan("pembulatan", "Pembulatan setiap langkah (r) sebelum dipakai langkah berikutnya", KEBIJAKAN_LOKAL,
           "--pembulatan-desimal, --pembulatan", _pembulatan),
    Aturan("nhk", "NHK = rata-rata berbobot semua baris SKP, utama dan tambahan", KEBIJAKAN_LOKAL, TETAP,
           lambda p, m: "tetap"),
    Aturan("bobot_peran", "Bobot peran dalam NPK: atasan/rekan/bawahan (dinormalkan atas peran yang menilai)",
           KEBIJAKAN_LOKAL, "--bobot-atasan, --bobot-rekan, --bobot-bawahan",
           lambda p, m: f"{_t(p.bobot_atasan)}/{_t(p.bobot_rekan)}/{_t(p.bobot_bawahan)}"),
    Aturan("penilaian_360", "Bobot NA hasil kerja/perilaku: 60/40 bila instansi memakai penilaian 360 "
           "(rekan dan bawahan dihitung), 70/30 bila tidak", "PP 30/2019 Pasal 41 ayat 2-4", "--penilaian-360",
           _360, PP30, {"permenpan6": "rekan dan bawahan ikut dihitung dalam NPK (saran rating perilaku) atau tidak; "
                                      "bobot NA tidak dipakai"}),
    Aturan("predikat_pp30", "Predikat pp30 dari NA; Sangat Baik perlu inovasi", "PP 30/2019 Pasal 41 ayat 5",
           TETAP, _pp30, PP30),
    Aturan("rating_ditetapkan", "permenpan6: rating hasil kerja dan perilaku ditetapkan pejabat penilai; "
           "predikat dari kuadran", "PermenPANRB 6/2022; SE MenPANRB 3/2023", TETAP, lambda p, m: "tetap", P6),
    Aturan("ambang_saran", "Saran rating dari angka: Di Atas bila ≥ ambang atas, Sesuai bila ≥ ambang sesuai",
           KEBIJAKAN_LOKAL, "--ambang-di-atas, --ambang-sesuai",
           lambda p, m: f"{_t(p.ambang_di_atas)} / {_t(p.ambang_sesuai)}", P6),
    Aturan("utama_di_bawah", "Saran Hasil Kerja tidak Di Atas bila ada sasaran utama Di Bawah Ekspektasi",
           KEBIJAKAN_LOKAL, TETAP, lambda p, m: "tetap", P6),
    Aturan("kurva_distribusi", "Kurva distribusi predikat pegawai menurut predikat unit (diperiksa, tidak "
           "mengubah rating)", "SE MenPANRB 3/2023", TETAP,
           lambda p, m: "tabel bawaan" if p.kurva == Parameter.bawaan().kurva else "tabel periode"),
    Aturan("jp_pns", f"PNS: pengembangan kompetensi paling sedikit {JP_MINIMAL_PNS} JP setahun", DASAR_JP_PNS,
           TETAP, lambda p, m: f"{JP_MINIMAL_PNS} JP"),
    Aturan("jp_pppk", f"PPPK: pengembangan kompetensi paling lama {JP_MAKSIMAL_PPPK} JP setahun masa perjanjian "
           "kerja, tanpa batas minimal", DASAR_JP_PPPK, TETAP, lambda p, m: f"{JP_MAKSIMAL_PPPK} JP"),
)


def daftar_aturan(param: Parameter, metode: str) -> list[dict]:
    """The rules of a period: kunci, aturan, sumber, opsi, the period's nilai and whether it applies to the
    period's scheme (berlaku), in the table's order."""
    return [{"kunci": a.kunci, "aturan": a.aturan, "sumber": a.sumber, "opsi": a.opsi, "nilai": a.nilai(param, metode),
             "berlaku": berlaku(a, metode)} for a in ATURAN]


def pengaturan_periode(penilaian_360: str | None = None, pembulatan_desimal: object = None,
                       pembulatan: str | None = None, bobot_atasan: object = None, bobot_rekan: object = None,
                       bobot_bawahan: object = None, ambang_di_atas: object = None, ambang_sesuai: object = None,
                       capaian_rentang: object = None, capaian_turun_min_nol: bool | None = None) -> dict:
    """Today's defaults with the options of `kinerja periode buat` applied, checked (ValueError with
    the message in Indonesian); the dict stored with the new period."""
    d = parameter_bawaan()

    def angka(x, nama):
        if isinstance(x, str):  # a typed text is read by validation.angka.baca_angka first (services.periode)
            raise TypeError(f"{nama}: pass a number read by the number rule, not the text {x!r}")
        try:
            return ke_decimal(x, nama)
        except ValueError:
            raise ValueError(f"{nama} harus angka, ditemukan {x!r}") from None

    if penilaian_360 is not None:
        d["penilaian_360"] = penilaian_360
    if pembulatan_desimal is not None:
        angka(pembulatan_desimal, "--pembulatan-desimal")
        if not 0 <= int(pembulatan_desimal) <= 6:
            raise ValueError(f"--pembulatan-desimal harus 0 sampai 6, ditemukan {pembulatan_desimal}")
        d["pembulatan"]["desimal"] = str(int(pembulatan_desimal))
    if pembulatan is not None:
        d["pembulatan"]["cara"] = pembulatan
    for peran, x in (("atasan", bobot_atasan), ("rekan", bobot_rekan), ("bawahan", bobot_bawahan)):
        if x is not None:
            v = angka(x, f"--bobot-{peran}")
            if v < 0 or v > 100:
                raise ValueError(f"--bobot-{peran} harus 0 sampai 100, ditemukan {_t(v)}")
            d["bobot_peran"][peran] = str(v)
    if ke_decimal(d["bobot_peran"]["atasan"]) <= 0:
        raise ValueError("--bobot-atasan harus lebih dari 0 (NPK selalu memuat nilai atasan)")
    for kunci, x in (("ambang_di_atas", ambang_di_atas), ("ambang_sesuai", ambang_sesuai)):
        if x is not None:
            d[kunci] = str(angka(x, "--" + kunci.replace("_", "-")))
    if not 0 < ke_decimal(d["ambang_sesuai"]) < ke_decimal(d["ambang_di_atas"]):
        raise ValueError(f"--ambang-sesuai ({d['ambang_sesuai']}) harus lebih dari 0 dan di bawah "
                         f"--ambang-di-atas ({d['ambang_di_atas']})")
    if capaian_rentang is not None:
        v = angka(capaian_rentang, "--capaian-rentang")
        if not 0 < v <= 200:
            raise ValueError(f"--capaian-rentang harus lebih dari 0 dan paling besar 200, ditemukan {_t(v)}")
        d["capaian_dalam_rentang"] = str(v)
    if capaian_turun_min_nol is not None:
        d["capaian_turun_min_nol"] = bool(capaian_turun_min_nol)
    Parameter.dari_dict(d)  # every value readable (choices, decimals 0..6)
    return d
