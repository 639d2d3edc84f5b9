"""NPK (DOMAIN.md 4.4) and the NA component weights (4.5)."""

from decimal import Decimal as D

import pytest

from kinerja_cli.scoring import Parameter, Penilaian, hitung, hitung_perilaku

from scoring_bantu import P_LAMA, atasan, nilai_list, pegawai, satu_baris, semua

# The per-employee 70/30-or-60/40 rule of periods created before issue 14 (stored as penilaian_360 =
# per-pegawai); the period-wide ya/tidak of PP 30/2019 Pasal 41 ayat 2-4 is tested in test_contoh_regulasi.py.
P = P_LAMA

ATASAN = atasan(semua("100"))  # mean 100
REKAN = (
    Penilaian("R1", "rekan", semua("90")),
    Penilaian("R2", "rekan", semua("80")),
)  # rater means 90 and 80 -> role mean 85
BAWAHAN = (Penilaian("B1", "bawahan", nilai_list("110", "117")),)  # 2 aspects -> 113.5
DIRI = (Penilaian("D", "diri", semua("120")),)


@pytest.mark.parametrize(
    "penilaian, npk, bobot, flags",
    [
        # atasan only -> NPK = atasan's score
        ((ATASAN,), "100.00", {"atasan": D(100)}, ()),
        # (60×100 + 20×85) / 80 = 7700 / 80 = 96.25
        ((ATASAN, *REKAN), "96.25", {"atasan": D(75), "rekan": D(25)}, ()),
        # (60×100 + 20×113.5) / 80 = 8270 / 80 = 103.375 -> 103.38
        # (the bawahan scored 2 of 7 aspects: flagged, issue 12 section 4)
        ((ATASAN, *BAWAHAN), "103.38", {"atasan": D(75), "bawahan": D(25)}, ("aspek_tidak_lengkap",)),
        # (60×100 + 20×85 + 20×113.5) / 100 = 9970 / 100 = 99.70
        (
            (ATASAN, *REKAN, *BAWAHAN),
            "99.70",
            {"atasan": D(60), "rekan": D(20), "bawahan": D(20)},
            ("aspek_tidak_lengkap",),
        ),
        # rekan only -> 85; flagged: no atasan
        (REKAN, "85.00", {"rekan": D(100)}, ("tanpa_penilaian_atasan",)),
        # (20×85 + 20×113.5) / 40 = 3970 / 40 = 99.25
        ((*REKAN, *BAWAHAN), "99.25", {"rekan": D(50), "bawahan": D(50)},
         ("tanpa_penilaian_atasan", "aspek_tidak_lengkap")),
        # diri is shown, never counted: nothing counted -> 0
        (DIRI, "0.00", {}, ("tanpa_penilaian_atasan", "tanpa_penilaian_perilaku")),
        ((), "0.00", {}, ("tanpa_penilaian_atasan", "tanpa_penilaian_perilaku")),
        # diri does not change the atasan-only result
        ((ATASAN, *DIRI), "100.00", {"atasan": D(100)}, ()),
    ],
)
def test_npk_kombinasi_peran(penilaian, npk, bobot, flags):
    hp = hitung_perilaku(penilaian, P)
    assert hp.npk == D(npk)
    assert hp.bobot_peran == bobot
    h = hitung(pegawai(satu_baris(), penilaian), "pp30", P)
    assert h.npk == D(npk)
    assert h.catatan == flags


def test_per_peran_termasuk_diri_dan_per_penilai():
    hp = hitung_perilaku((ATASAN, *REKAN, *BAWAHAN, *DIRI), P)
    assert hp.per_peran == {"atasan": D(100), "rekan": D(85), "bawahan": D("113.5"), "diri": D(120)}
    assert hp.per_penilai == (
        ("A", "atasan", D(100)),
        ("R1", "rekan", D(90)),
        ("R2", "rekan", D(80)),
        ("B1", "bawahan", D("113.5")),
        ("D", "diri", D(120)),
    )


def test_rata_rata_penilai_dan_peran_tidak_dibulatkan():
    # R1: (4×100 + 100.03)/5 = 100.006; R2: (4×100 + 100.01)/5 = 100.002.
    # Exact rekan mean 100.004 -> NPK 100.00. (Rounding the raters first would give
    # (100.01 + 100.00)/2 = 100.005 -> 100.01, which is wrong.)
    r1 = Penilaian("R1", "rekan", nilai_list("100", "100", "100", "100", "100.03"))
    r2 = Penilaian("R2", "rekan", nilai_list("100", "100", "100", "100", "100.01"))
    hp = hitung_perilaku((r1, r2), P)
    assert hp.per_peran["rekan"] == D("100.004")
    assert hp.npk == D("100.00")


def test_npk_dibulatkan_setengah_ke_atas():
    # (3×100 + 100.02)/4 = 100.005 -> 100.01 (half up; half even would give 100.00)
    hp = hitung_perilaku((atasan(nilai_list("100", "100", "100", "100.02")),), P)
    assert hp.npk == D("100.01")


def test_penilai_tanpa_skor_diabaikan():
    kosong = Penilaian("X", "atasan", {"pelayanan": None})
    hp = hitung_perilaku((kosong, *REKAN), P)
    assert hp.npk == D(85)
    assert "atasan" not in hp.per_peran


def test_aspek_tidak_dikenal_diabaikan():
    hp = hitung_perilaku((atasan({"pelayanan": D(100), "lain": D(0)}),), P)
    assert hp.npk == D(100)


@pytest.mark.parametrize(
    "penilaian, w_hk, w_pk, na, alasan",
    [
        # NHK 109 (C 100). 0.7×109 + 0.3×100 = 76.3 + 30 = 106.30
        ((ATASAN,), 70, 30, "106.30", "Hanya atasan yang menilai perilaku → 70% hasil kerja, 30% perilaku kerja"),
        # 0.6×109 + 0.4×96.25 = 65.4 + 38.5 = 103.90
        ((ATASAN, *REKAN), 60, 40, "103.90", "Rekan kerja ikut menilai perilaku → 60% hasil kerja, 40% perilaku kerja"),
        # 0.6×109 + 0.4×103.38 = 65.4 + 41.352 = 106.752 -> 106.75
        ((ATASAN, *BAWAHAN), 60, 40, "106.75", "Bawahan ikut menilai perilaku → 60% hasil kerja, 40% perilaku kerja"),
        # 0.6×109 + 0.4×99.70 = 65.4 + 39.88 = 105.28
        ((ATASAN, *REKAN, *BAWAHAN), 60, 40, "105.28", "Rekan kerja dan bawahan ikut menilai perilaku → 60% hasil kerja, 40% perilaku kerja"),
        # diri does not switch to 60/40: 0.7×109 + 0.3×100 = 106.30
        ((ATASAN, *DIRI), 70, 30, "106.30", "Hanya atasan yang menilai perilaku → 70% hasil kerja, 30% perilaku kerja"),
        # nobody: 0.7×109 + 0.3×0 = 76.30
        ((), 70, 30, "76.30", "Belum ada penilaian perilaku yang dihitung (diperlakukan seperti hanya atasan) → 70% hasil kerja, 30% perilaku kerja"),
    ],
)
def test_bobot_komponen_70_30_atau_60_40(penilaian, w_hk, w_pk, na, alasan):
    h = hitung(pegawai(satu_baris(), penilaian), "pp30", P)
    assert h.nhk == D(109)
    assert (h.w_hk, h.w_pk) == (D(w_hk), D(w_pk))
    assert h.na == D(na)
    assert h.alasan_bobot == alasan


# Issue 12 section 4: a counted rater who scored fewer than the 7 aspects is flagged; the NPK stays the
# mean of the aspects scored (DOMAIN.md 4.4).
@pytest.mark.parametrize(
    "penilaian, npk, flags",
    [
        # atasan scored pelayanan=100 and akuntabel=90 only: rater mean (100 + 90) / 2 = 95.00
        ((atasan(nilai_list("100", "90")),), "95.00", ("aspek_tidak_lengkap",)),
        # atasan all 7 at 100, rekan 2 aspects 80 and 70 -> 75: (60×100 + 20×75) / 80 = 7500 / 80 = 93.75
        ((ATASAN, Penilaian("R1", "rekan", nilai_list("80", "70"))), "93.75", ("aspek_tidak_lengkap",)),
        # a self-rating with gaps is never counted, so never flagged
        ((ATASAN, Penilaian("D", "diri", nilai_list("120"))), "100.00", ()),
        # 7 of 7: no flag; 6 of 7 (kolaboratif missing): 600 / 6 = 100.00, flagged
        ((atasan(semua("100")),), "100.00", ()),
        ((atasan(nilai_list(*["100"] * 6)),), "100.00", ("aspek_tidak_lengkap",)),
    ],
)
def test_rater_with_missing_aspects_is_flagged(penilaian, npk, flags):
    h = hitung(pegawai(satu_baris(), penilaian), "pp30", P)
    assert h.npk == D(npk)
    assert h.catatan == flags
    assert h.lengkap is (not flags)

