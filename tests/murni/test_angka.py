from datetime import date
from decimal import Decimal

import pytest

from kinerja_cli.validation.angka import (EN, ID, AngkaAmbigu, AngkaTidakValid, angka_id, baca_angka,
                                         bukti_konvensi, perlu_konvensi, teks_desimal, terapkan_konvensi)


@pytest.mark.parametrize("masuk,keluar", [
    (95, "95"), (95.5, "95.5"), ("95,5", "95.5"), ("95.5", "95.5"), (" 1.250,75 ", "1250.75"),
    ("1.000.000", "1000000"), ("0", "0"), ("87%", "87"), (0.1, "0.1"),
    # issue 12: the one rule (comma decimal, dot thousands)
    ("1.234,5", "1234.5"), ("1.200.000", "1200000"), ("-1.200.000", "-1200000"), ("0,125", "0.125"),
    ("0.125", "0.125"), ("95,5%", "95.5"), ("95 %", "95"), ("-5", "-5"), ("1 200", "1200"), ("1200", "1200"),
    # real numeric cells are never re-parsed
    (1200, "1200"), (1.2, "1.2"), (1000.0, "1000"), (1234.5, "1234.5"),
])
def test_numbers_as_people_type_them(masuk, keluar):
    assert teks_desimal(baca_angka(masuk)) == keluar


@pytest.mark.parametrize("masuk,id_,en,pesan,saran", [
    ("1.200", "1200", "1.2", "'1.200' bisa dibaca 1200 (titik pemisah ribuan) atau 1,2 (titik desimal)",
     "tulis 1200 atau 1,2"),
    ("1.000", "1000", "1", "'1.000' bisa dibaca 1000 (titik pemisah ribuan) atau 1 (titik desimal)",
     "tulis 1000 atau 1"),
    ("100.000", "100000", "100", "'100.000' bisa dibaca 100000 (titik pemisah ribuan) atau 100 (titik desimal)",
     "tulis 100000 atau 100"),
    ("12.500", "12500", "12.5", "'12.500' bisa dibaca 12500 (titik pemisah ribuan) atau 12,5 (titik desimal)",
     "tulis 12500 atau 12,5"),
    ("-1.200", "-1200", "-1.2", "'-1.200' bisa dibaca -1200", "tulis -1200 atau -1,2"),
    ("1,250", "1.25", "1250", "'1,250' bisa dibaca 1,25 (koma desimal) atau 1250 (koma pemisah ribuan)",
     "tulis 1,25 atau 1250"),
    ("1,250.5", None, "1250.5", "'1,250.5' bisa dibaca 1250,5 (koma pemisah ribuan, titik desimal: cara Inggris)",
     "tulis 1250,5"),
    ("1,250,000", None, "1250000", "'1,250,000' bisa dibaca 1250000 (koma pemisah ribuan: cara Inggris)",
     "tulis 1250000"),
])
def test_ambiguous_texts_refused_with_both_readings_unless_the_column_proves_the_convention(masuk, id_, en, pesan,
                                                                                          saran):
    with pytest.raises(AngkaAmbigu) as e:
        baca_angka(masuk)
    assert pesan in e.value.pesan and e.value.saran == saran
    assert perlu_konvensi(masuk) and bukti_konvensi(masuk) == set()
    assert teks_desimal(baca_angka(masuk, konvensi=EN)) == en
    if id_ is None:
        with pytest.raises(AngkaAmbigu):
            baca_angka(masuk, konvensi=ID)
    else:
        assert teks_desimal(baca_angka(masuk, konvensi=ID)) == id_
        assert teks_desimal(baca_angka(terapkan_konvensi(masuk, ID))) == id_
    assert teks_desimal(baca_angka(terapkan_konvensi(masuk, EN))) == en


@pytest.mark.parametrize("masuk,pesan,saran", [
    ("1_000", "garis bawah", "tulis 1000 tanpa garis bawah"),
    ("95e2", "eksponen", "tanpa huruf e"),
    (",5", "tidak ada angka sebelum koma", "tulis 0,5"),
    (".5", "tidak ada angka sebelum titik", "tulis 0,5"),
    ("5,", "tidak ada angka sesudah koma", "tulis 5"),
    ("1.2.3", "letak titik/koma", "koma untuk desimal"),
    ("1.234.5", "letak titik/koma", "koma untuk desimal"),
    ("95 5", "spasi", "hapus spasinya"),
])
def test_malformed_number_texts_refused_with_the_fix(masuk, pesan, saran):
    with pytest.raises(AngkaTidakValid) as e:
        baca_angka(masuk)
    assert not isinstance(e.value, AngkaAmbigu)
    assert pesan in e.value.pesan and saran in e.value.saran
    # a konvensi never makes a malformed text readable
    with pytest.raises(AngkaTidakValid):
        baca_angka(masuk, konvensi=ID)
    with pytest.raises(AngkaTidakValid):
        baca_angka(masuk, konvensi=EN)


@pytest.mark.parametrize("masuk,bukti", [
    ("95,5", {ID}), ("1.234,5", {ID}), ("1.200.000", {ID}), ("95.5", {EN}), ("0.25", {EN}), ("80,5-90,5", {ID}),
    ("80.5 s.d. 90.5", {EN}), ("1.200", set()), ("95", set()), (95.5, set()), ("abc", set()), ("1_000", set()),
])
def test_what_a_cell_proves_about_its_column(masuk, bukti):
    assert bukti_konvensi(masuk) == bukti


def test_unambiguous_texts_read_the_same_under_either_convention():
    for t in ("95,5", "95.5", "1.234,5", "1.200.000", "1200", "0,125"):
        assert baca_angka(t, konvensi=ID) == baca_angka(t, konvensi=EN) == baca_angka(t)


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


@pytest.mark.parametrize("masuk", [10**30, 1e300, "9" * 300, "0,000000000000000000000001"])
def test_absurd_magnitudes_refused_without_overflow(masuk):
    with pytest.raises(AngkaTidakValid, match="jangkauan"):
        baca_angka(masuk)


@pytest.mark.parametrize("masuk", ["1e999999999", "10e999999", "-1E+400", "1e-400"])
def test_exponents_refused_without_overflow(masuk):
    # regression (fuzz): '10e999999' raised decimal.Overflow from normalize() -> a traceback
    with pytest.raises(AngkaTidakValid, match="eksponen"):
        baca_angka(masuk)


def test_largest_plausible_numbers_still_read():
    assert teks_desimal(baca_angka(999_999_999_999_999)) == "999999999999999"
    assert teks_desimal(baca_angka(0.30000000000000004)) == "0.30000000000000004"


# --- property: a number text is read as its writer meant it, or refused; never as another number ---------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from angka_bantu import teks_angka  # noqa: E402
from conftest import contoh  # noqa: E402


@settings(max_examples=contoh(300))
@given(teks_angka())
def test_number_texts_read_as_meant_or_refused(x):
    t, maksud, cara, dikelompokkan = x
    try:
        d = baca_angka(t)
    except AngkaAmbigu as e:
        # refused with both readings, one of them what the writer meant
        assert maksud in (e.baca_id, e.baca_en), t
        return
    except AngkaTidakValid:
        assert cara == "en", t  # the rule's own spelling is refused only when ambiguous
        return
    assert d == maksud, (t, d, maksud)


@settings(max_examples=contoh(200))
@given(teks_angka(), st.sampled_from(["_", "e", "e2", ",,", "..", " ,", "x"]), st.integers(0, 12))
def test_malformed_number_texts_never_read(x, sisip, di):
    t = x[0]
    di = min(di, len(t))
    rusak = t[:di] + sisip + t[di:]
    try:
        d = baca_angka(rusak)
    except AngkaTidakValid:
        return
    # only an insertion that leaves a proper number ('1 ,5' is not one) may be read, and then as written
    assert d == baca_angka(rusak.replace(" ", "")), rusak


@pytest.mark.parametrize("masuk", ["١٢", "１２", "1.２00", "9٥,5", "٨٠-٩٠"])
def test_digits_other_than_0_to_9_refused(masuk):
    # Python's Decimal and \d take Arabic-Indic and full-width digits: the rule does not
    with pytest.raises(AngkaTidakValid) as e:
        baca_angka(masuk)
    assert "bukan angka: ada angka selain 0–9" in e.value.pesan and e.value.saran.startswith("tulis angka dengan 0–9")
    assert bukti_konvensi(masuk) == set() and not perlu_konvensi(masuk)


def test_dates_and_period_codes_take_only_0_to_9():
    from kinerja_cli.validation.periode import KodeTidakValid, urai_kode
    from kinerja_cli.validation.teks import TanggalTidakValid, baca_tanggal

    assert baca_tanggal("2026-03-01") == date(2026, 3, 1)
    for t in ("٢٠٢٦-03-01", "01/03/２０２６"):
        with pytest.raises(TanggalTidakValid):
            baca_tanggal(t)
    with pytest.raises(KodeTidakValid):
        urai_kode("٢٠٢٦")
