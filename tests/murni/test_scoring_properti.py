"""Property tests of the scoring core (hypothesis)."""

import dataclasses
from decimal import Decimal as D

from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import contoh
from kinerja_cli.kosakata import BOBOT_TIDAK_100
from kinerja_cli.scoring import (
    ASPEK,
    BarisSKP,
    DataPegawai,
    Parameter,
    Penilaian,
    hitung,
    nilai_capaian,
)

P = Parameter.bawaan()
NOL, SERATUS_DUA_PULUH = D(0), D(120)


def angka(lo, hi, places=2):
    return st.decimals(min_value=lo, max_value=hi, places=places, allow_nan=False, allow_infinity=False)


@st.composite
def satu_baris(draw, nomor):
    target = draw(angka("0.01", "1000"))
    rentang = draw(st.booleans())
    hi = target + draw(angka("0", "100")) if rentang else None
    return BarisSKP(
        nomor=nomor,
        jenis=draw(st.sampled_from(["utama", "tambahan"])),
        target_lo=target,
        target_hi=hi,
        bobot=draw(angka("0.01", "100")),
        arah=draw(st.sampled_from(["naik", "turun"])),
        target_maksimal=draw(st.booleans()),
        realisasi=draw(st.none() | angka("0", "2000")),
    )


@st.composite
def data_pegawai(draw, wajib_realisasi=False):
    n = draw(st.integers(min_value=1, max_value=6))
    rows = tuple(draw(satu_baris(i + 1)) for i in range(n))
    if wajib_realisasi:
        rows = tuple(
            dataclasses.replace(b, realisasi=draw(angka("0", "2000"))) if b.realisasi is None else b
            for b in rows
        )
    skor = st.dictionaries(st.sampled_from(ASPEK), st.none() | angka("0", "120"), max_size=7)
    pen = tuple(
        Penilaian(f"P{i}", draw(st.sampled_from(["atasan", "rekan", "bawahan", "diri"])), draw(skor))
        for i in range(draw(st.integers(min_value=0, max_value=5)))
    )
    return DataPegawai("1", rows, pen, ada_inovasi=draw(st.booleans()))


@given(angka("-50", "100000"), st.booleans())
def test_nilai_dalam_0_sampai_120(c, maks):
    n, _ = nilai_capaian(c, maks)
    assert NOL <= n <= SERATUS_DUA_PULUH
    assert n == n.quantize(D("0.01"))


@given(angka("0", "200"), angka("0", "200"), st.booleans())
def test_nilai_tidak_turun_saat_capaian_naik(a, b, maks):
    lo, hi = min(a, b), max(a, b)
    assert nilai_capaian(lo, maks)[0] <= nilai_capaian(hi, maks)[0]


@settings(max_examples=contoh(100))
@given(data_pegawai(), st.sampled_from(["pp30", "permenpan6"]))
def test_nhk_npk_na_dalam_0_sampai_120(data, metode):
    h = hitung(data, metode, P)
    for x in (h.nhk, h.npk, h.na):
        assert NOL <= x <= SERATUS_DUA_PULUH
        assert x == x.quantize(D("0.01"))
    for b in h.baris:
        assert NOL <= b.nilai <= SERATUS_DUA_PULUH


@settings(max_examples=contoh(100))
@given(data_pegawai(wajib_realisasi=True), st.data())
def test_realisasi_lebih_baik_tidak_menurunkan_nhk(data, d):
    i = d.draw(st.integers(min_value=0, max_value=len(data.baris) - 1))
    b = data.baris[i]
    langkah = d.draw(angka("0", "500"))
    if b.arah == "turun":
        baru = max(NOL, b.realisasi - langkah)
    else:
        baru = b.realisasi + langkah
    rows = list(data.baris)
    rows[i] = dataclasses.replace(b, realisasi=baru)
    lebih_baik = dataclasses.replace(data, baris=tuple(rows))
    assert hitung(lebih_baik, "pp30", P).nhk >= hitung(data, "pp30", P).nhk


@settings(max_examples=contoh(100))
@given(data_pegawai(), st.integers(min_value=1, max_value=1000) | angka("0.01", "50"))
# Weights 50 -> 100: only the scaled SKP has its weights complete, so only it has a saran.
@example(DataPegawai("1", (BarisSKP(1, "utama", D("0.01"), None, D("50"), "naik", False, D("0")),), ()), 2)
def test_skala_bobot_tidak_mengubah_apa_pun(data, faktor):
    """Scaling every weight changes no number. The one thing it may change is whether the weights add
    up to 100: an SKP whose weights do not has no saran of hasil kerja (so no predikat under
    permenpan6), the other keeps its saran."""
    rows = tuple(dataclasses.replace(b, bobot=b.bobot * faktor) for b in data.baris)
    skala = dataclasses.replace(data, baris=rows)
    for metode in ("pp30", "permenpan6"):
        a, b = hitung(data, metode, P), hitung(skala, metode, P)
        assert (a.baris, a.nhk, a.npk, a.na) == (b.baris, b.nhk, b.npk, b.na)
        if (BOBOT_TIDAK_100 in a.catatan) == (BOBOT_TIDAK_100 in b.catatan):
            assert (a.predikat, a.rating_hk) == (b.predikat, b.rating_hk)
        else:
            tidak_100 = a if BOBOT_TIDAK_100 in a.catatan else b
            assert tidak_100.rating_hk is None
            assert metode == "pp30" or tidak_100.predikat is None
