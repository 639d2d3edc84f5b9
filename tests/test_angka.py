from datetime import date
from decimal import Decimal

import pytest

from kinerja_cli.validation.angka import AngkaTidakValid, angka_id, baca_angka, teks_desimal


@pytest.mark.parametrize("masuk,keluar", [
    (95, "95"), (95.5, "95.5"), ("95,5", "95.5"), ("95.5", "95.5"), (" 1.250,75 ", "1250.75"),
    ("1,250.75", "1250.75"), ("1.000.000", "1000000"), ("0", "0"), ("87%", "87"), (0.1, "0.1"),
])
def test_numbers_as_people_type_them(masuk, keluar):
    assert teks_desimal(baca_angka(masuk)) == keluar


def test_percent_cell_is_multiplied():
    assert baca_angka(0.955, persen=True) == Decimal("95.5")


@pytest.mark.parametrize("masuk", ["abc", "9,5,5", True, date(2026, 1, 1), float("nan"), "", None, "inf"])
def test_not_numbers(masuk):
    with pytest.raises(AngkaTidakValid):
        baca_angka(masuk)


def test_indonesian_display():
    assert angka_id(Decimal("109")) == "109,00"
    assert angka_id(Decimal("1234.565")) == "1.234,57"
    assert angka_id(None) == "-"


@pytest.mark.parametrize("masuk", ["1e999999999", "10e999999", "-1E+400", "1e-400", 10**30, 1e300, "9" * 300])
def test_absurd_magnitudes_refused_without_overflow(masuk):
    # regression (fuzz): '10e999999' raised decimal.Overflow from normalize() -> a traceback
    with pytest.raises(AngkaTidakValid, match="jangkauan"):
        baca_angka(masuk)


def test_largest_plausible_numbers_still_read():
    assert teks_desimal(baca_angka(999_999_999_999_999)) == "999999999999999"
    assert teks_desimal(baca_angka(0.30000000000000004)) == "0.30000000000000004"
