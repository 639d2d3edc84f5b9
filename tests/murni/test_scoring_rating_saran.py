"""permenpan6: the derived ratings are a saran; only the pejabat penilai's set ratings make a result final
(DOMAIN.md 5, issue 14 section 2). pp30 is numeric and never carries the flag."""

from kinerja_cli.scoring import Parameter, hitung

from scoring_bantu import atasan, pegawai, satu_baris, semua

P = Parameter.bawaan()
FLAG = "rating_belum_ditetapkan"


def _data(**kw):
    # one row, target 10 realisasi 11: C = 110 -> nilai 119 -> NHK 119 saran Di Atas; atasan 100 -> NPK 100 saran Sesuai
    return pegawai(satu_baris("10", "11"), (atasan(semua("100")),), **kw)


def test_saran_only_is_flagged_and_not_lengkap():
    h = hitung(_data(), "permenpan6", P)
    assert (h.rating_hk, h.rating_pk, h.predikat) == ("Di Atas Ekspektasi", "Sesuai Ekspektasi", "Baik")
    assert h.catatan == (FLAG,) and h.lengkap is False


def test_one_rating_set_still_rests_on_a_saran():
    h = hitung(_data(rating_hk_langsung="sesuai"), "permenpan6", P)
    assert h.catatan == (FLAG,) and not h.lengkap


def test_both_set_no_flag_and_the_set_ratings_decide_the_quadrant():
    h = hitung(_data(rating_hk_langsung="di-atas", rating_pk_langsung="di-atas"), "permenpan6", P)
    assert h.catatan == () and h.lengkap
    assert (h.rating_hk_turunan, h.rating_pk_turunan) == ("Di Atas Ekspektasi", "Sesuai Ekspektasi")
    assert h.predikat == "Sangat Baik"  # Di Atas x Di Atas; the saran (Di Atas x Sesuai) would give Baik


def test_pp30_never_carries_the_flag():
    h = hitung(_data(), "pp30", P)
    assert "rating_belum_ditetapkan" not in h.catatan and h.rating_hk is None
