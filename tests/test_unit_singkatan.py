"""A unit's official short name (`kinerja unit singkatan`) names the unit in every --unit option
(issue 16 §1): one lookup in store.pegawai.unit_ada, used by nilai, ekspor, templat, tren..."""

from conftest import KADIS, SEKDA, STAF1


def test_short_name_is_accepted_wherever_a_unit_is_named(db_periode, kinerja, tmp_path):
    r = kinerja("nilai", "--periode", "2026", "--unit", "Setda")
    assert r.exit_code == 1 and "Unit kerja 'Setda' tidak ditemukan" in r.stderr  # not a short name yet
    assert kinerja("unit", "singkatan", "Sekretariat Daerah", "Setda").exit_code == 0
    d = kinerja("nilai", "--periode", "2026", "--unit", "setda", "--semua", "--format", "json").json()
    assert [x["nip"] for x in d] == [SEKDA] and d[0]["unit"] == "Sekretariat Daerah"
    f = tmp_path / "t.xlsx"
    r = kinerja("templat", str(f), "--periode", "2026", "--unit", "SETDA")
    assert r.exit_code == 0 and "Sekretariat Daerah" in r.stderr
    d = kinerja("nilai", "--periode", "2026", "--unit", "DPMPTSP", "--semua", "--format", "json").json()
    assert {x["nip"] for x in d} >= {KADIS, STAF1}  # a stored name still works as before
