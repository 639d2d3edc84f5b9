import pytest

from kinerja_cli.validation.golongan import normalisasi_golongan, pangkat


@pytest.mark.parametrize("masuk,keluar", [("III/a", "III/a"), ("III/A", "III/a"), ("iii a", "III/a"), ("3a", "III/a"),
                                          ("Penata Muda, III/a", "III/a"), ("IV/e", "IV/e"), ("I/d", "I/d")])
def test_pns(masuk, keluar):
    assert normalisasi_golongan(masuk, "PNS") == keluar


@pytest.mark.parametrize("masuk", ["IV/f", "V/a", "III/z", "X", "0"])
def test_pns_unknown(masuk):
    assert normalisasi_golongan(masuk, "PNS") is None


@pytest.mark.parametrize("masuk,keluar", [("IX", "IX"), ("ix", "IX"), ("9", "IX"), ("XVII", "XVII")])
def test_pppk(masuk, keluar):
    assert normalisasi_golongan(masuk, "PPPK") == keluar


def test_pppk_unknown_and_pangkat():
    assert normalisasi_golongan("XVIII", "PPPK") is None
    assert normalisasi_golongan("III/a", "PPPK") is None
    assert pangkat("IV/e") == "Pembina Utama"
