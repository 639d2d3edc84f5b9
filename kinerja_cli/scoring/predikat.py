"""Ratings and predikat: pp30 bands (DOMAIN.md 4.6), permenpan6 matrix (5)."""

from __future__ import annotations

from decimal import Decimal

from ..kosakata import (
    BAIK,
    BUTUH_PERBAIKAN,
    DI_ATAS,
    DI_BAWAH,
    KUNCI_RATING,
    KURANG,
    KURANG_MISCONDUCT,
    RATING,
    SANGAT_BAIK,
    SANGAT_KURANG,
    SESUAI,
)
from .angka import teks, teks_ambang
from .parameter import Parameter

_PENDEK = {DI_ATAS: "Di Atas", SESUAI: "Sesuai", DI_BAWAH: "Di Bawah"}

# (rating hasil kerja, rating perilaku) -> predikat (PermenPANRB 6/2022).
MATRIKS = {
    (DI_ATAS, DI_BAWAH): KURANG_MISCONDUCT,
    (DI_ATAS, SESUAI): BAIK,
    (DI_ATAS, DI_ATAS): SANGAT_BAIK,
    (SESUAI, DI_BAWAH): KURANG_MISCONDUCT,
    (SESUAI, SESUAI): BAIK,
    (SESUAI, DI_ATAS): BAIK,
    (DI_BAWAH, DI_BAWAH): SANGAT_KURANG,
    (DI_BAWAH, SESUAI): BUTUH_PERBAIKAN,
    (DI_BAWAH, DI_ATAS): BUTUH_PERBAIKAN,
}

_SEL = {
    (hk, pk): f"Hasil Kerja {hk} × Perilaku {pk}" for hk, pk in MATRIKS
}


def rating(x: Decimal, param: Parameter) -> str:
    """Rating of a number (nilai capaian IKI, NHK or NPK), compared rounded."""
    x = param.bulat(x)
    if x >= param.ambang_di_atas:
        return DI_ATAS
    if x >= param.ambang_sesuai:
        return SESUAI
    return DI_BAWAH


def label_rating(kunci: str) -> str:
    """'di-atas' | 'sesuai' | 'di-bawah' (or a label already) -> display label."""
    if kunci in RATING:
        return kunci
    k = kunci.strip().lower().replace("_", "-").replace(" ", "-")
    if k.endswith("-ekspektasi"):
        k = k[: -len("-ekspektasi")]
    hasil = KUNCI_RATING.get(k)
    if hasil is None:
        raise ValueError(
            f"rating tidak dikenal: {kunci!r} (pilih di-atas, sesuai, atau di-bawah)"
        )
    return hasil


def predikat_matriks(rating_hk: str, rating_pk: str) -> tuple:
    """(predikat, sel_matriks) from the two ratings (labels or keys)."""
    hk = label_rating(rating_hk)
    pk = label_rating(rating_pk)
    return MATRIKS[(hk, pk)], _SEL[(hk, pk)]


def predikat_pp30(na: Decimal, ada_inovasi: bool, param: Parameter) -> tuple:
    """(predikat, aturan) from NA (rounded) by the PP 30/2019 Pasal 41 ayat 5 bands; the 70-<90
    band is named by the period (Cukup; Butuh Perbaikan in periods created before issue 14)."""
    na = param.bulat(na)
    t = teks(na)
    sb = param.pp30_sangat_baik
    b = param.pp30_baik
    bp = param.pp30_butuh_perbaikan
    k = param.pp30_kurang
    if na >= sb:
        if ada_inovasi:
            return SANGAT_BAIK, f"NA {t} ≥ {teks_ambang(sb)} dan ada inovasi → {SANGAT_BAIK}"
        return BAIK, f"NA {t} ≥ {teks_ambang(sb)} tetapi tidak ada inovasi → {BAIK}"
    if na >= b:
        return BAIK, f"{teks_ambang(b)} ≤ NA {t} < {teks_ambang(sb)} → {BAIK}"
    if na >= bp:
        nama = param.nama_cukup_pp30
        return nama, f"{teks_ambang(bp)} ≤ NA {t} < {teks_ambang(b)} → {nama}"
    if na >= k:
        return KURANG, f"{teks_ambang(k)} ≤ NA {t} < {teks_ambang(bp)} → {KURANG}"
    return SANGAT_KURANG, f"NA {t} < {teks_ambang(k)} → {SANGAT_KURANG}"


def alasan_rating(nama: str, x: Decimal, hasil: str, param: Parameter) -> str:
    """Why a number got its rating, e.g. 'NHK 112,40 ≥ 110 → Di Atas Ekspektasi'."""
    t = teks(x)
    a = teks_ambang(param.ambang_di_atas)
    s = teks_ambang(param.ambang_sesuai)
    if hasil == DI_ATAS:
        return f"{nama} {t} ≥ {a} → {DI_ATAS}"
    if hasil == SESUAI:
        return f"{s} ≤ {nama} {t} < {a} → {SESUAI}"
    return f"{nama} {t} < {s} → {DI_BAWAH}"


def pendek(label: str) -> str:
    """'Di Atas Ekspektasi' -> 'Di Atas' (for narrow tables)."""
    return _PENDEK.get(label, label)
