"""NHK, flags, the Hasil snapshot round trip and the stored parameters."""

import json
from decimal import Decimal as D

import pytest

from kinerja_cli.scoring import (
    Hasil,
    Parameter,
    Penilaian,
    hitung,
    hitung_banyak,
    parameter_bawaan,
)

from scoring_bantu import P_TIDAK_360, atasan, baris, nilai_list, pegawai, satu_baris, semua

# These tests rate with the atasan only: with penilaian 360 = ya (today's default) every pp30 result
# would also carry the flag tanpa_penilaian_rekan_bawahan (tested in test_contoh_regulasi.py).
P = P_TIDAK_360


def test_nhk_rata_rata_berbobot():
    rows = (
        baris(1, "10", "10", bobot="60"),  # C 100 -> 109
        baris(2, "5", "4", bobot="30", arah="turun"),  # C 120 -> 120
        baris(3, "100", "70", bobot="10"),  # C 70 -> 50 + 10 = 60
    )
    # (60×109 + 30×120 + 10×60) / 100 = (6540 + 3600 + 600) / 100 = 107.40
    h = hitung(pegawai(rows, (atasan(),)), "pp30", P)
    assert [b.nilai for b in h.baris] == [D(109), D(120), D(60)]
    assert h.nhk == D("107.40")
    assert h.lengkap and h.catatan == ()


def test_nhk_dibulatkan_setengah_ke_atas():
    # nilai 109 and 88.01 (C 98.01), bobot 50/50 -> 197.01/2 = 98.505 -> 98.51
    rows = (baris(1, "10", "10", bobot="50"), baris(2, "100", "98.01", bobot="50"))
    assert hitung(pegawai(rows, (atasan(),)), "pp30", P).nhk == D("98.51")


def test_tanpa_sasaran():
    h = hitung(pegawai((), (atasan(),)), "pp30", P)
    assert h.nhk == D(0)
    assert h.catatan == ("tanpa_sasaran",)
    assert not h.lengkap
    # still computed: 0.7×0 + 0.3×100 = 30.00
    assert h.na == D(30)


@pytest.mark.parametrize(
    "bobot, flag",
    [(("50", "49.99"), False), (("50", "50.01"), False), (("50", "49.98"), True), (("60", "60"), True)],
)
def test_bobot_tidak_100(bobot, flag):
    rows = (baris(1, "10", "10", bobot=bobot[0]), baris(2, "10", "10", bobot=bobot[1]))
    h = hitung(pegawai(rows, (atasan(),)), "pp30", P)
    assert ("bobot_tidak_100" in h.catatan) is flag
    assert h.nhk == D(109)  # the weighted mean is still taken


def test_realisasi_kosong_tetap_dihitung():
    rows = (baris(1, "10", "10", bobot="50"), baris(2, "10", None, bobot="50"))
    h = hitung(pegawai(rows, (atasan(),)), "pp30", P)
    b2 = h.baris[1]
    assert (b2.capaian, b2.nilai, b2.lengkap, b2.target_dipakai) == (D(0), D(0), False, None)
    assert b2.cabang == "realisasi belum diisi → 0"
    assert h.nhk == D("54.50")  # (50×109 + 50×0) / 100
    assert h.catatan == ("realisasi_kosong",)
    assert not h.lengkap


def test_target_tidak_valid():
    h = hitung(pegawai((baris(1, "0", "3"),), (atasan(),)), "pp30", P)
    assert h.baris[0].nilai == D(0)
    assert h.catatan == ("target_tidak_valid",)


def test_catatan_tambahan_membuat_tidak_lengkap():
    h = hitung(pegawai(satu_baris(), (atasan(),), catatan_tambahan=("nip_tidak_valid",)), "pp30", P)
    assert h.catatan == ("nip_tidak_valid",)
    assert not h.lengkap


def test_urutan_catatan():
    h = hitung(pegawai((), (), catatan_tambahan=("x",)), "pp30", P)
    assert h.catatan == ("tanpa_sasaran", "tanpa_penilaian_atasan", "tanpa_penilaian_perilaku", "x")


def _contoh():
    rows = (
        baris(1, "10", "10.05", bobot="40"),  # C 100.5 -> 109
        baris(2, "80", None, bobot="30", hi="90"),
        baris(3, "5", "6", bobot="30", arah="turun", jenis="tambahan"),
    )
    pen = (
        atasan(nilai_list("100", "101", "101")),  # 302/3 = 100.666.. exact
        Penilaian("R", "rekan", semua("95")),
        Penilaian("D", "diri", semua("120")),
    )
    return pegawai(rows, pen, ada_inovasi=True, rating_pk_langsung="di-atas", catatan_tambahan=("c",))


@pytest.mark.parametrize("metode", ["pp30", "permenpan6"])
def test_ke_dict_dari_dict_bolak_balik(metode):
    h = hitung(_contoh(), metode, P)
    d = h.ke_dict()
    assert d["nhk"] == str(h.nhk) and d["baris"][0]["nilai"] == "109.00"
    via_json = json.loads(json.dumps(d))
    h2 = Hasil.dari_dict(via_json)
    assert h2 == h
    assert h2.perilaku.per_peran["atasan"] == h.perilaku.per_peran["atasan"]
    assert str(h2.na) == str(h.na)


def test_ke_dict_angka():
    h = hitung(_contoh(), "pp30", P)
    d = h.ke_dict_angka()
    json.dumps(d)
    assert d["baris"][0]["nilai"] == 109.0
    assert d["perilaku"]["per_peran"]["atasan"] == 100.67
    assert d["baris"][1]["target_dipakai"] is None


def test_hitung_banyak_sama_dengan_hitung():
    data = [_contoh(), pegawai(satu_baris(), (atasan(),))]
    assert list(hitung_banyak(iter(data), "permenpan6", P)) == [hitung(x, "permenpan6", P) for x in data]


def test_metode_tidak_dikenal():
    with pytest.raises(ValueError):
        hitung(_contoh(), "pp46", P)


def test_parameter_bawaan_dan_cadangan():
    d = parameter_bawaan()
    json.dumps(d)
    assert d["ambang_di_atas"] == "110" and d["bobot_peran"]["atasan"] == "60"
    assert Parameter.dari_dict(d) == Parameter.bawaan()
    assert Parameter.dari_dict(P.ke_dict()) == P
    p = Parameter.dari_dict({"ambang_di_atas": "105", "bobot_peran": {"rekan": "30"}, "asing": 1})
    assert p.ambang_di_atas == D(105)
    assert (p.bobot_atasan, p.bobot_rekan, p.bobot_bawahan) == (D(60), D(30), D(20))
    assert p.ambang_sesuai == D(90)
    parameter_bawaan()["ambang_di_atas"] = "1"  # a copy: defaults stay untouched
    assert parameter_bawaan()["ambang_di_atas"] == "110"


def test_parameter_periode_mengubah_hasil():
    p = Parameter.dari_dict({"bobot_komponen_atasan_saja": {"hasil_kerja": "80", "perilaku": "20"}})
    # 0.8×109 + 0.2×100 = 87.2 + 20 = 107.20
    assert hitung(pegawai(satu_baris(), (atasan(),)), "pp30", p).na == D("107.20")


def test_parameter_tidak_valid():
    with pytest.raises(ValueError):
        Parameter.dari_dict({"ambang_di_atas": "banyak"})
