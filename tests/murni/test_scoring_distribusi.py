"""Kurva distribusi (DOMAIN.md 5): warnings only."""

from decimal import Decimal as D

import pytest

from kinerja_cli.scoring import Parameter, cek_distribusi

P = Parameter.bawaan()
SB, B, BP, KM, SK = "Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"


@pytest.mark.parametrize(
    "unit, jumlah",
    [
        ("istimewa", {SB: 7, B: 3}),  # SB 70% ≤ 70%
        ("baik", {B: 7, BP: 3}),  # B 70%, one or more BP/K
        ("baik", {B: 7, SB: 2, "Kurang": 1}),  # pp30 "Kurang" counts as Kurang/Misconduct
        ("butuh-perbaikan", {BP: 6, SB: 1, B: 3}),  # BP 60%, SB 10%
        ("kurang", {KM: 6, BP: 1, SB: 1, B: 2}),  # K 60%, BP 10%, SB 10%
        ("sangat-kurang", {SK: 6, KM: 1, B: 3}),  # SK 60%, K/BP 10%, no SB
        ("istimewa", {}),  # empty unit
        ("sangat-kurang", {SB: 0}),
    ],
)
def test_lolos(unit, jumlah):
    assert cek_distribusi(unit, jumlah, P) == []


@pytest.mark.parametrize(
    "unit, jumlah, dilanggar",
    [
        # 8/10 = 80% > 70%
        ("istimewa", {SB: 8, B: 2}, [("maks", "80.00", 8)]),
        # B 8/10 = 80% > 70%; no BP or K at all
        ("baik", {B: 8, SB: 2}, [("maks", "80.00", 8), ("min_jumlah", "0", 0)]),
        # BP 5/10 = 50% < 60%; SB 2/10 = 20% > 10%
        ("butuh-perbaikan", {BP: 5, SB: 2, B: 3}, [("min", "50.00", 5), ("maks", "20.00", 2)]),
        # K 2/3 = 66.67% ok; BP 0% < 10%; SB 1/3 = 33.33% > 10%
        ("kurang", {"Kurang": 2, SB: 1}, [("min", "0.00", 0), ("maks", "33.33", 1)]),
        # SK 6/10 ok; K/BP 0% < 10%; one SB > 0
        ("sangat-kurang", {SK: 6, SB: 1, B: 3}, [("min", "0.00", 0), ("maks_jumlah", "1", 1)]),
    ],
)
def test_gagal(unit, jumlah, dilanggar):
    hasil = cek_distribusi(unit, jumlah, P)
    assert [(p.jenis, p.ditemukan, p.jumlah) for p in hasil] == [
        (j, D(x), n) for j, x, n in dilanggar
    ]
    assert all(p.total == sum(jumlah.values()) for p in hasil)


def test_pesan_dalam_bahasa_indonesia():
    [p] = cek_distribusi("istimewa", {SB: 8, B: 2}, P)
    assert p.aturan == "Predikat Sangat Baik paling banyak 70% pegawai"
    assert p.batas == D(70)
    assert p.pesan == (
        'Unit berpredikat Istimewa: aturan "Predikat Sangat Baik paling banyak 70% pegawai" '
        "tidak terpenuhi — Sangat Baik: 80,00% (8 dari 10 pegawai), batas paling banyak 70%."
    )


def test_pembagian_dibandingkan_setelah_dibulatkan():
    # BP 3/5 = 60% exactly -> ok; 59.996..% style shares are compared as shown (2 decimals)
    assert cek_distribusi("butuh-perbaikan", {BP: 3, B: 2}, P) == []
    # BP 2/3 ok; SB 1/3 = 33.33% > 10%
    [p] = cek_distribusi("butuh-perbaikan", {BP: 2, SB: 1}, P)
    assert p.ditemukan == D("33.33")


def test_kunci_unit_bebas_penulisan_dan_tidak_dikenal():
    assert cek_distribusi("Butuh Perbaikan", {BP: 6, B: 4}, P) == []
    assert cek_distribusi("butuh_perbaikan", {BP: 6, B: 4}, P) == []
    with pytest.raises(ValueError):
        cek_distribusi("luar-biasa", {B: 1}, P)


def test_aturan_dari_parameter_periode():
    p = Parameter.dari_dict(
        {"kurva_distribusi": {"istimewa": [{"kategori": ["Sangat Baik"], "maks": "50", "uraian": "x"}]}}
    )
    assert len(cek_distribusi("istimewa", {SB: 6, B: 4}, p)) == 1
    # other units keep the defaults
    assert cek_distribusi("baik", {B: 7, BP: 3}, p) == []


def test_sebaran_dari_hitungan():
    """The spread of a unit from its counts per predikat (no records needed): columns, shares
    rounded half up, pp30 "Kurang" in the Kurang column, and the curve's verdict."""
    from kinerja_cli.scoring.distribusi import sebaran

    s = sebaran({B: 1, SB: 1, "Kurang": 1}, None, P)
    assert (s["jumlah"], s["sangat_baik"], s["baik"], s["butuh_perbaikan"], s["kurang"], s["sangat_kurang"]) == \
        (3, 1, 1, 0, 1, 0)
    assert (s["persen_sangat_baik"], s["persen_kurang"], s["persen_butuh_perbaikan"]) == (D("33.33"), D("33.33"), D(0))
    assert (s["predikat_unit"], s["pelanggaran"], s["sesuai_kurva"]) == (None, [], None)
    s = sebaran({B: 2, SB: 1}, "baik", P)  # no Butuh Perbaikan or Kurang at all
    assert s["predikat_unit"] == "baik" and s["sesuai_kurva"] is False
    assert s["pelanggaran"] == [x.pesan for x in cek_distribusi("baik", {B: 2, SB: 1}, P)]
    assert s["pelanggaran"] and s["pelanggaran"][0].startswith("Unit berpredikat Baik: aturan")
    assert sebaran({B: 7, BP: 3}, "baik", P)["sesuai_kurva"] is True
    kosong = sebaran({}, "istimewa", P)
    assert (kosong["jumlah"], kosong["persen_baik"], kosong["pelanggaran"], kosong["sesuai_kurva"]) == (0, D(0), [], True)
