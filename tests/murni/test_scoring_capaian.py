"""Capaian IKI and nilai capaian (DOMAIN.md 4.1-4.2); expected values by hand."""

from decimal import Decimal as D

import pytest

from kinerja_cli.scoring import BarisSKP, capaian, nilai_capaian


def baris(target, realisasi, arah="naik", hi=None, maks=False):
    return BarisSKP(
        nomor=1,
        jenis="utama",
        target_lo=D(target),
        target_hi=None if hi is None else D(hi),
        bobot=D(100),
        arah=arah,
        target_maksimal=maks,
        realisasi=None if realisasi is None else D(realisasi),
    )


@pytest.mark.parametrize(
    "c, nilai, cabang",
    [
        ("0", "0.00", "C < 60 → C / 59 × 49"),  # 0 / 59 × 49 = 0
        ("30", "24.92", "C < 60 → C / 59 × 49"),  # 1470 / 59 = 24.915..
        ("59.99", "49.82", "C < 60 → C / 59 × 49"),  # 2939.51 / 59 = 49.822..
        ("60", "50.00", "60 ≤ C < 80 → 50 + (69 − 50)/(79 − 60) × (C − 60) = C − 10"),  # 50 + 0
        ("79.99", "69.99", "60 ≤ C < 80 → 50 + (69 − 50)/(79 − 60) × (C − 60) = C − 10"),  # 50 + 19.99
        ("80", "70.00", "80 ≤ C < 100 → 70 + (89 − 70)/(99 − 80) × (C − 80) = C − 10"),  # 70 + 0
        ("98", "88.00", "80 ≤ C < 100 → 70 + (89 − 70)/(99 − 80) × (C − 80) = C − 10"),  # 70 + 18 (lampiran: 98% -> 88)
        ("99.99", "89.99", "80 ≤ C < 100 → 70 + (89 − 70)/(99 − 80) × (C − 80) = C − 10"),  # 70 + 19.99
        ("100", "109", "100 ≤ C < 101 → 109"),  # lampiran: 100% -> 109
        ("100.5", "109", "100 ≤ C < 101 → 109"),
        ("100.99", "109", "100 ≤ C < 101 → 109"),
        ("101", "110.00", "101 ≤ C ≤ 110 → 110 + 10/9 × (C − 101)"),  # 110 + 0
        ("102", "111.11", "101 ≤ C ≤ 110 → 110 + 10/9 × (C − 101)"),  # 110 + 1.111..
        ("105.5", "115.00", "101 ≤ C ≤ 110 → 110 + 10/9 × (C − 101)"),  # 110 + 45/9
        ("110", "120.00", "101 ≤ C ≤ 110 → 110 + 10/9 × (C − 101)"),  # 110 + 90/9
        ("110.01", "120", "C > 110 → 120"),
        ("150", "120", "C > 110 → 120"),
    ],
)
def test_nilai_capaian_setiap_cabang(c, nilai, cabang):
    n, cab = nilai_capaian(D(c), False)
    assert n == D(nilai)
    assert n == n.quantize(D("0.01"))
    assert cab == cabang


@pytest.mark.parametrize(
    "c, nilai, cabang",
    [
        ("100", "120", "target maksimal dan C ≥ 100 → 120"),
        ("100.5", "120", "target maksimal dan C ≥ 100 → 120"),
        ("105.5", "120", "target maksimal dan C ≥ 100 → 120"),
        ("150", "120", "target maksimal dan C ≥ 100 → 120"),
        ("99.99", "89.99", "80 ≤ C < 100 → 70 + (89 − 70)/(99 − 80) × (C − 80) = C − 10"),  # below 100: normal
    ],
)
def test_target_maksimal(c, nilai, cabang):
    assert nilai_capaian(D(c), True) == (D(nilai), cabang)


def test_nilai_capaian_membulatkan_c_dulu():
    # 99.995 rounds (half up) to 100.00 before the conversion -> 109
    assert nilai_capaian(D("99.995"))[0] == D(109)
    # 99.994 rounds to 99.99 -> 89.99
    assert nilai_capaian(D("99.994"))[0] == D("89.99")


@pytest.mark.parametrize(
    "target, realisasi, arah, c, t",
    [
        ("10", "10", "naik", "100.00", "10"),  # 10/10 × 100
        ("8", "6", "naik", "75.00", "8"),  # 6/8 × 100
        ("32", "1", "naik", "3.13", "32"),  # 3.125 rounds half up to 3.13
        ("3", "1", "naik", "33.33", "3"),  # 33.333..
        ("10", "0", "naik", "0.00", "10"),
        ("5", "4", "turun", "120.00", "5"),  # (1 + (1 − 0.8)) × 100
        ("5", "6", "turun", "80.00", "5"),  # (1 + (1 − 1.2)) × 100
        ("5", "5", "turun", "100.00", "5"),
        ("5", "0", "turun", "200.00", "5"),  # (1 + 1) × 100
        ("5", "15", "turun", "0.00", "5"),  # (1 + (1 − 3)) × 100 = −100 -> not below 0
    ],
)
def test_capaian_angka(target, realisasi, arah, c, t):
    assert capaian(baris(target, realisasi, arah)) == (D(c), D(t))


@pytest.mark.parametrize(
    "lo, hi, realisasi, arah, c, t",
    [
        ("80", "90", "85", "naik", "100.00", None),  # inside the range
        ("80", "90", "80", "naik", "100.00", None),  # bounds are inside
        ("80", "90", "90", "naik", "100.00", None),
        ("80", "90", "72", "naik", "90.00", "80"),  # below: 72/80 × 100
        ("80", "90", "99", "naik", "110.00", "90"),  # above: 99/90 × 100
        ("90", "80", "85", "naik", "100.00", None),  # lo/hi written the wrong way round
        ("3", "5", "4", "turun", "100.00", None),  # inside
        ("3", "5", "6", "turun", "80.00", "5"),  # above hi: (2 − 6/5) × 100
        ("3", "5", "2", "turun", "133.33", "3"),  # below lo: (2 − 2/3) × 100 = 133.333..
        ("3", "5", "2.97", "turun", "101.00", "3"),  # (2 − 0.99) × 100
    ],
)
def test_capaian_rentang(lo, hi, realisasi, arah, c, t):
    hasil = capaian(baris(lo, realisasi, arah, hi=hi))
    assert hasil == (D(c), None if t is None else D(t))


@pytest.mark.parametrize(
    "lo, hi, realisasi, arah, nilai",
    [
        ("80", "90", "85", "naik", "109"),  # C 100 -> 109
        ("80", "90", "72", "naik", "80.00"),  # C 90 -> 70 + 10
        ("80", "90", "94.5", "naik", "114.44"),  # C 105 -> 110 + 40/9 = 114.444..
        ("3", "5", "6", "turun", "70.00"),  # C 80 -> 70
        ("3", "5", "2.7", "turun", "120"),  # C (2 − 0.9) × 100 = 110 -> 120
    ],
)
def test_rentang_sampai_nilai(lo, hi, realisasi, arah, nilai):
    c, _ = capaian(baris(lo, realisasi, arah, hi=hi))
    assert nilai_capaian(c, False)[0] == D(nilai)


def test_tanpa_realisasi_dan_target_tidak_valid():
    assert capaian(baris("10", None)) == (None, None)
    assert capaian(baris("0", "5")) == (None, D(0))
