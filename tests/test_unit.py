import pytest

from kinerja_cli.validation.unit import cocokkan_unit, singkatan

UNIT = ["Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Dinas Pendidikan dan Kebudayaan",
        "Dinas Kesehatan", "RSUD Kota Bukittinggi", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"]


def test_acronyms():
    assert singkatan(UNIT[0]) == "DPMPTSP"
    assert singkatan(UNIT[4]) == "BKPSDM"


@pytest.mark.parametrize("teks,hasil", [
    ("dpmptsp", [UNIT[0]]), ("BKPSDM", [UNIT[4]]), ("dinas kesehatan", [UNIT[2]]), ("rsud", [UNIT[3]]),
    ("Kebudayaan", [UNIT[1]]), ("dinas", UNIT[:3]), ("tidak ada", []),
])
def test_matching(teks, hasil):
    assert cocokkan_unit(teks, UNIT) == hasil


def test_cli_unit_by_acronym_and_ambiguity(kinerja, tmp_path):
    from conftest import HEADER_PEGAWAI, KADIS, SEKDA, buat_xlsx

    kinerja("init")
    rows = [HEADER_PEGAWAI, [SEKDA, "A", "Sekda", "JPT", "IV/d", "Sekretariat Daerah", None, "PNS"],
            [KADIS, "B", "Kadis", "JPT", "IV/c", UNIT[0], SEKDA, "PNS"]]
    kinerja("pegawai", "impor", buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": rows}))
    d = kinerja("pegawai", "daftar", "--unit", "DPMPTSP", "--format", "json").json()
    assert [x["nip"] for x in d] == [KADIS]
    r = kinerja("pegawai", "daftar", "--unit", "a")
    assert r.exit_code == 1 and "beberapa unit kerja" in r.stderr
