"""pp30 bands (DOMAIN.md 4.6), permenpan6 ratings and matrix (5)."""

from decimal import Decimal as D

import pytest

from kinerja_cli.scoring import (
    Parameter,
    Penilaian,
    hitung,
    label_rating,
    predikat_matriks,
    predikat_pp30,
    rating,
)

from scoring_bantu import P_LAMA, P_TIDAK_360, atasan, baris, pegawai, satu_baris, semua

P = Parameter.bawaan()
ATAS, SES, BAW = "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"


@pytest.mark.parametrize(
    "na, inovasi, predikat, aturan",
    [
        ("112.4", True, "Sangat Baik", "NA 112,40 ≥ 110 dan ada inovasi → Sangat Baik"),
        ("112.4", False, "Baik", "NA 112,40 ≥ 110 tetapi tidak ada inovasi → Baik"),
        ("110", True, "Sangat Baik", "NA 110,00 ≥ 110 dan ada inovasi → Sangat Baik"),
        ("110", False, "Baik", "NA 110,00 ≥ 110 tetapi tidak ada inovasi → Baik"),
        ("109.99", True, "Baik", "90 ≤ NA 109,99 < 110 → Baik"),
        ("90", False, "Baik", "90 ≤ NA 90,00 < 110 → Baik"),
        # PP 30/2019 Pasal 41 ayat 5 huruf c names this band Cukup (issue 14; was Butuh Perbaikan)
        ("89.99", True, "Cukup", "70 ≤ NA 89,99 < 90 → Cukup"),
        ("70", False, "Cukup", "70 ≤ NA 70,00 < 90 → Cukup"),
        ("69.99", False, "Kurang", "50 ≤ NA 69,99 < 70 → Kurang"),
        ("50", False, "Kurang", "50 ≤ NA 50,00 < 70 → Kurang"),
        ("49.99", False, "Sangat Kurang", "NA 49,99 < 50 → Sangat Kurang"),
        ("0", False, "Sangat Kurang", "NA 0,00 < 50 → Sangat Kurang"),
    ],
)
def test_predikat_pp30(na, inovasi, predikat, aturan):
    assert predikat_pp30(D(na), inovasi, P) == (predikat, aturan)


def test_predikat_pp30_periode_lama_tetap_butuh_perbaikan():
    # a period created before issue 14 keeps the name its results carried
    assert predikat_pp30(D("89.99"), False, P_LAMA) == ("Butuh Perbaikan", "70 ≤ NA 89,99 < 90 → Butuh Perbaikan")


def test_predikat_pp30_lewat_hitung():
    # one row C 150 -> 120; atasan 120 -> NA 0.7×120 + 0.3×120 = 120.00
    data = pegawai(satu_baris("10", "15"), (atasan(semua("120")),), ada_inovasi=True)
    h = hitung(data, "pp30", P)
    assert (h.na, h.predikat) == (D(120), "Sangat Baik")
    assert h.rating_hk is None and h.sel_matriks is None  # pp30: no permenpan6 ratings
    assert h.baris[0].rating == ATAS  # each row's rating is always shown


@pytest.mark.parametrize(
    "x, hasil",
    [
        ("120", ATAS),
        ("110", ATAS),
        ("109.995", ATAS),  # compared rounded: 110.00
        ("109.99", SES),
        ("90", SES),
        ("89.99", BAW),
        ("0", BAW),
    ],
)
def test_batas_rating(x, hasil):
    assert rating(D(x), P) == hasil


def test_batas_rating_dari_parameter():
    p = Parameter.dari_dict({"ambang_di_atas": "105", "ambang_sesuai": "85"})
    assert rating(D(105), p) == ATAS
    assert rating(D("104.99"), p) == SES
    assert rating(D(85), p) == SES
    assert rating(D("84.99"), p) == BAW


@pytest.mark.parametrize(
    "hk, pk, predikat",
    [
        (ATAS, BAW, "Kurang/Misconduct"),
        (ATAS, SES, "Baik"),
        (ATAS, ATAS, "Sangat Baik"),
        (SES, BAW, "Kurang/Misconduct"),
        (SES, SES, "Baik"),
        (SES, ATAS, "Baik"),
        (BAW, BAW, "Sangat Kurang"),
        (BAW, SES, "Butuh Perbaikan"),
        (BAW, ATAS, "Butuh Perbaikan"),
    ],
)
def test_matriks_setiap_sel(hk, pk, predikat):
    assert predikat_matriks(hk, pk) == (predikat, f"Hasil Kerja {hk} × Perilaku {pk}")


def test_matriks_menerima_kunci():
    assert predikat_matriks("sesuai", "di-atas") == (
        "Baik",
        "Hasil Kerja Sesuai Ekspektasi × Perilaku Di Atas Ekspektasi",
    )
    assert label_rating("di-bawah") == BAW
    with pytest.raises(ValueError):
        label_rating("luar-biasa")


@pytest.mark.parametrize(
    "realisasi, skor, hk, pk, predikat",
    [
        # C 150 -> NHK 120 (Di Atas); NPK 120 (Di Atas)
        ("15", "120", ATAS, ATAS, "Sangat Baik"),
        # C 100 -> NHK 109 (Sesuai); NPK 95 (Sesuai)
        ("10", "95", SES, SES, "Baik"),
        # C 85 -> 70 + 5 = 75 (Di Bawah); NPK 89.99 (Di Bawah)
        ("8.5", "89.99", BAW, BAW, "Sangat Kurang"),
        # NHK 109 Sesuai, NPK 89.99 Di Bawah
        ("10", "89.99", SES, BAW, "Kurang/Misconduct"),
    ],
)
def test_permenpan6_lewat_hitung(realisasi, skor, hk, pk, predikat):
    h = hitung(pegawai(satu_baris("10", realisasi), (atasan(semua(skor)),)), "permenpan6", P_TIDAK_360)
    assert (h.rating_hk, h.rating_pk, h.predikat) == (hk, pk, predikat)
    assert h.sel_matriks == f"Hasil Kerja {hk} × Perilaku {pk}"
    assert h.aturan_predikat == f"{h.sel_matriks} → {predikat}"
    # NA is computed for comparison: 0.7×NHK + 0.3×NPK (penilaian 360 tidak)
    assert h.na == (D("0.7") * h.nhk + D("0.3") * h.npk).quantize(D("0.01"))


def _dua_baris(jenis_kedua):
    # row 1: bobot 90, C 150 -> 120; row 2: bobot 10, C 98 -> 88 (Di Bawah)
    # NHK = (90×120 + 10×88) / 100 = (10800 + 880) / 100 = 116.80 -> Di Atas
    return (
        baris(1, "10", "15", bobot="90"),
        baris(2, "100", "98", bobot="10", jenis=jenis_kedua),
    )


def test_batas_baris_utama_di_bawah():
    h = hitung(pegawai(_dua_baris("utama"), (atasan(semua("120")),)), "permenpan6", P)
    assert h.nhk == D("116.80")
    assert h.baris[1].rating == BAW
    assert h.rating_hk_turunan == SES
    assert h.rating_hk == SES
    assert h.predikat == "Baik"  # Sesuai × Di Atas
    assert h.alasan_rating_hk == (
        "NHK 116,80 ≥ 110 → Di Atas Ekspektasi, tetapi sasaran utama nomor 2 "
        "Di Bawah Ekspektasi → Sesuai Ekspektasi"
    )


def test_baris_tambahan_di_bawah_tidak_membatasi():
    h = hitung(pegawai(_dua_baris("tambahan"), (atasan(semua("120")),)), "permenpan6", P)
    assert h.rating_hk == ATAS
    assert h.predikat == "Sangat Baik"


def test_rating_langsung_menang_dan_turunan_tetap_ada():
    data = pegawai(
        satu_baris("10", "15"),
        (atasan(semua("120")),),
        rating_hk_langsung="di-bawah",
        rating_pk_langsung="sesuai",
    )
    h = hitung(data, "permenpan6", P)
    assert (h.rating_hk, h.rating_hk_turunan, h.rating_hk_langsung) == (BAW, ATAS, True)
    assert (h.rating_pk, h.rating_pk_turunan, h.rating_pk_langsung) == (SES, ATAS, True)
    assert h.predikat == "Butuh Perbaikan"
    assert h.aturan_predikat.endswith(
        "→ Butuh Perbaikan (rating hasil kerja dan perilaku ditetapkan langsung oleh atasan)"
    )
    assert h.alasan_rating_hk.startswith("Ditetapkan langsung oleh atasan: Di Bawah Ekspektasi")


def test_rating_langsung_hanya_satu():
    data = pegawai(satu_baris("10", "10"), (atasan(semua("95")),), rating_pk_langsung="di-atas")
    h = hitung(data, "permenpan6", P)
    assert (h.rating_hk, h.rating_hk_langsung) == (SES, False)
    assert (h.rating_pk, h.rating_pk_turunan, h.rating_pk_langsung) == (ATAS, SES, True)
    assert h.predikat == "Baik"


def test_rekan_saja_tanpa_saran_perilaku():
    """The NPK is counted from the rekan, but without the atasan's score there is no saran of perilaku
    (re-tester 17 R4: the rule the template's Rating sheet used, now the result's)."""
    data = pegawai(satu_baris(), (Penilaian("R", "rekan", semua("112")),))
    h = hitung(data, "permenpan6", P)
    assert h.npk == D("112.00") and (h.rating_pk, h.rating_pk_turunan, h.predikat) == (None, None, None)
    assert h.alasan_rating_pk == "belum ada saran: atasan belum menilai"
    assert h.catatan == ("tanpa_penilaian_atasan", "rating_belum_ditetapkan")  # a saran is not a set rating
