from datetime import date

import pytest

from kinerja_cli.validation.nip import NIPTidakValid, normalisasi_nip, periksa_nip


def test_pns_valid_decodes_birth_tmt_sex():
    i = periksa_nip("196711101992031001")
    assert (i.jenis, i.tanggal_lahir, i.tmt, i.jenis_kelamin, i.urut) == (
        "PNS", date(1967, 11, 10), "1992-03", "Laki-laki", 1)


@pytest.mark.parametrize("tulisan", ["19671110 199203 1 001", "19671110.199203.1.001", "19671110-199203-1-001",
                                      " 196711101992031001 "])
def test_separators_are_normalised(tulisan):
    assert periksa_nip(tulisan).nip == "196711101992031001"
    assert normalisasi_nip(tulisan) == "196711101992031001"


def test_pppk_valid():
    i = periksa_nip("199001012022211005")
    assert (i.jenis, i.tmt, i.kontrak, i.jenis_kelamin, i.urut) == ("PPPK", "2022", 1, "Laki-laki", 5)
    assert periksa_nip("199512312023232010").jenis_kelamin == "Perempuan"


@pytest.mark.parametrize("nip,bagian", [
    ("19671110199203100", "18 digit"),          # 17 digits
    ("1967111019920310011", "18 digit"),        # 19 digits
    ("19671110199203100A", "hanya boleh berisi angka"),
    ("196702301992031001", "tanggal lahir"),    # 30 February
    ("196713101992031001", "tanggal lahir"),    # month 13
    ("196711101992131001", "bulan TMT"),        # TMT month 13
    ("196711101992001001", "bulan TMT"),        # TMT month 00
    ("196711101992033001", "jenis kelamin"),    # sex digit 3
    ("196711101992031000", "000"),              # serial 000
    ("196711101992301001", "digit ke-13"),      # 3 is neither month nor PPPK marker
    ("199001012022201005", "jumlah kontrak"),   # PPPK contract 0
    ("199001011995031001", "tidak masuk akal"),  # TMT 1995, born 1990
    ("", "kosong"),
])
def test_invalid_nips_are_refused_with_reason(nip, bagian):
    with pytest.raises(NIPTidakValid) as e:
        periksa_nip(nip)
    assert bagian in e.value.pesan


@pytest.mark.parametrize("angka", [196711101992031001, 1.96711101992031e17])
def test_nip_as_number_is_refused_never_rounded(angka):
    with pytest.raises(NIPTidakValid) as e:
        periksa_nip(angka)
    assert "angka" in e.value.pesan
    assert "Teks" in e.value.saran
