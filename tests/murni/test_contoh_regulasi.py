"""The regulations' own worked examples and tables (DOMAIN.md 4, 5, 9; issue 14 section 6), worked by hand.

Sources: Lampiran PermenPANRB 8/2021 bab VI (capaian and its conversion: "85 85 100% Baik 109",
"95 93 98% Cukup 88"; range targets; arah turun "kondisi khusus"; target maksimal), PP 30/2019 Pasal 41
(ayat 2-4: 70/30 or 60/40 chosen by the instansi; ayat 5: predikat bands), PermenPANRB 6/2022 (the
quadrant), SE MenPANRB 3/2023 (the distribution curve). The Lampiran prints whole numbers; kinerja rounds
every (r) step to 2 decimals (a local convention, a period setting), which is why 98% gives 87,89 here and
88 in the Lampiran: with the period setting "0 decimals" the Lampiran's own numbers come out.
"""

from decimal import Decimal as D

import pytest

from kinerja_cli.scoring import Parameter, Penilaian, cek_distribusi, hitung, nilai_capaian, parameter_bawaan
from kinerja_cli.scoring import predikat_matriks, predikat_pp30
from kinerja_cli.scoring.capaian import capaian

from scoring_bantu import P_LAMA, atasan, baris, param, pegawai, satu_baris, semua

P = Parameter.bawaan()
ATAS, SES, BAW = "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"


# -- capaian and nilai capaian (PermenPANRB 8/2021 Lampiran) ---------------------------------------------

def test_85_85_100_persen_nilai_109_baik():
    # target 85, realisasi 85: C = 85/85 × 100 = 100,00; 100 ≤ C < 101 → 109
    c, t = capaian(baris(1, "85", "85"), P)
    assert (c, t) == (D("100.00"), D(85))
    assert nilai_capaian(c) == (D("109.00"), "100 ≤ C < 101 → 109")
    # "Baik": an NA of 109 is in the band 90 ≤ NA < 110 of PP 30/2019 Pasal 41 ayat 5 huruf b.
    # One row (NHK 109), atasan 109, penilaian 360 tidak: NA = 0,7×109 + 0,3×109 = 109,00
    h = hitung(pegawai(satu_baris("85", "85"), (atasan(semua("109")),)), "pp30", param(penilaian_360="tidak"))
    assert (h.nhk, h.npk, h.na, h.predikat) == (D(109), D(109), D(109), "Baik")


def test_95_93_98_persen_nilai_87_89_lampiran_88_cukup():
    # target 95, realisasi 93: C = 93/95 × 100 = 97,894736… → (r) 97,89;
    # 80 ≤ C < 100: 70 + (89 − 70)/(99 − 80) × (97,89 − 80) = 70 + 17,89 = 87,89
    c, _ = capaian(baris(1, "95", "93"), P)
    assert c == D("97.89")
    assert nilai_capaian(c)[0] == D("87.89")
    # The Lampiran prints "98%" and "88": whole numbers. With the period setting pembulatan 0 desimal:
    # C = 97,89… → 98; nilai = 70 + (98 − 80) = 88
    p0 = param(pembulatan={"desimal": "0", "cara": "setengah-ke-atas"})
    c0, _ = capaian(baris(1, "95", "93"), p0)
    assert c0 == D(98) and nilai_capaian(c0, param=p0)[0] == D(88)
    # "Cukup": 70 ≤ 88 < 90 (PP 30/2019 Pasal 41 ayat 5 huruf c)
    h = hitung(pegawai(satu_baris("95", "93"), (atasan(semua("88")),)), "pp30",
               param(penilaian_360="tidak", pembulatan={"desimal": "0", "cara": "setengah-ke-atas"}))
    assert (h.baris[0].capaian, h.nhk, h.na, h.predikat) == (D(98), D(88), D(88), "Cukup")


def test_rentang_80_90_realisasi_70_capaian_87_5():
    # realisasi 70 below the range 80-90: the lower bound is the target: C = 70/80 × 100 = 87,50
    assert capaian(baris(1, "80", "70", hi="90"), P) == (D("87.50"), D(80))
    # inside the range: C = 100 (a local convention, the period setting capaian_dalam_rentang)
    assert capaian(baris(1, "80", "85", hi="90"), P) == (D("100.00"), None)
    assert capaian(baris(1, "80", "85", hi="90"), param(capaian_dalam_rentang="105"))[0] == D("105.00")
    # above it: the upper bound: 99/90 × 100 = 110,00
    assert capaian(baris(1, "80", "99", hi="90"), P) == (D("110.00"), D(90))


def test_arah_turun_7_8_bulan():
    # kondisi khusus (lower is better), target 7-8 months.
    # 6,5 < 7: T = 7: C = (1 + (1 − 6,5/7)) × 100 = 200 − 92,857142… = 107,142857… → 107,14 (Lampiran: 107%)
    assert capaian(baris(1, "7", "6.5", hi="8", arah="turun"), P) == (D("107.14"), D(7))
    # 9 > 8: T = 8: C = (1 + (1 − 9/8)) × 100 = 200 − 112,5 = 87,50
    assert capaian(baris(1, "7", "9", hi="8", arah="turun"), P) == (D("87.50"), D(8))
    # 7,5 inside: 100
    assert capaian(baris(1, "7", "7.5", hi="8", arah="turun"), P) == (D("100.00"), None)


def test_arah_turun_tidak_di_bawah_nol_adalah_kebijakan_lokal():
    # target 5 days, realisasi 12: (1 + (1 − 12/5)) × 100 = −40 → 0 by default (local convention)
    assert capaian(baris(1, "5", "12", arah="turun"), P)[0] == D("0.00")
    bebas = param(capaian_turun_min_nol=False)
    assert capaian(baris(1, "5", "12", arah="turun"), bebas)[0] == D("-40.00")
    # the nilai follows C: 0 → 0 by default; with the setting off, C < 60 → C / 59 × 49 = −40 × 49 / 59
    # = −33,2203… → −33,22 (f14: the setting changes the result, not only the C shown)
    assert nilai_capaian(D(0), param=P)[0] == D(0)
    assert nilai_capaian(D(-40), param=bebas)[0] == D("-33.22")


def test_target_maksimal_100_persen_nilai_120():
    # a target that is the most achievable (e.g. 100% clean audit): C ≥ 100 → 120, not 109
    c, _ = capaian(baris(1, "100", "100", maks=True), P)
    assert nilai_capaian(c, True) == (D("120.00"), "target maksimal dan C ≥ 100 → 120")
    assert nilai_capaian(c, False)[0] == D("109.00")


def test_pembulatan_ke_bawah():
    # 93/95 × 100 = 97,8947…: ke-bawah (ROUND_DOWN) gives 97,89 as well, 2/3 × 100 = 66,666… gives 66,66
    # (half up: 66,67): 60 ≤ C < 80: 50 + 19/19 × (66,66 − 60) = 56,66
    p = param(pembulatan={"desimal": "2", "cara": "ke-bawah"})
    c, _ = capaian(baris(1, "3", "2"), p)
    assert c == D("66.66") and nilai_capaian(c, param=p)[0] == D("56.66")
    assert capaian(baris(1, "3", "2"), P)[0] == D("66.67")


# -- PP 30/2019 Pasal 41 -------------------------------------------------------------------------------

@pytest.mark.parametrize("na, inovasi, predikat", [
    ("110", True, "Sangat Baik"),  # ayat 5 huruf a: ≥ 110 and an inovasi
    ("110", False, "Baik"),  # ≥ 110 without inovasi stays Baik
    ("109.99", True, "Baik"),
    ("90", False, "Baik"),  # huruf b: 90 ≤ NA < 110 (and ≥ 110 without inovasi)
    ("89.99", False, "Cukup"),  # huruf c: 70 ≤ NA < 90
    ("70", False, "Cukup"),
    ("69.99", False, "Kurang"),  # huruf d: 50 ≤ NA < 70
    ("50", False, "Kurang"),
    ("49.99", False, "Sangat Kurang"),  # huruf e: NA < 50
])
def test_pasal_41_ayat_5_di_tepi_pita(na, inovasi, predikat):
    assert predikat_pp30(D(na), inovasi, P)[0] == predikat


def test_pasal_41_ayat_5_periode_lama_butuh_perbaikan():
    # a period stored before issue 14 keeps the name its results carried
    assert predikat_pp30(D("89.99"), False, P_LAMA)[0] == "Butuh Perbaikan"


# Ayat 2-4: the instansi chooses 70/30 (atasan only) or 60/40 (with co-workers/subordinates) for the period.
# One row C 100 → NHK 109; atasan 100, two rekan 90 and 80 (role mean 85).
REKAN = (Penilaian("R1", "rekan", semua("90")), Penilaian("R2", "rekan", semua("80")))


def test_penilaian_360_ya_60_40_untuk_semua():
    p = param(penilaian_360="ya")
    # with rekan: NPK = (60×100 + 20×85)/80 = 7700/80 = 96,25; NA = 0,6×109 + 0,4×96,25 = 65,4 + 38,5 = 103,90
    h = hitung(pegawai(satu_baris(), (atasan(), *REKAN)), "pp30", p)
    assert (h.npk, h.w_hk, h.w_pk, h.na, h.catatan) == (D("96.25"), D(60), D(40), D("103.90"), ())
    assert h.alasan_bobot.startswith("Penilaian 360 periode ini: ya")
    # atasan only: still 60/40: 0,6×109 + 0,4×100 = 105,40, and flagged (the 40% rests on the atasan alone)
    h = hitung(pegawai(satu_baris(), (atasan(),)), "pp30", p)
    assert (h.w_hk, h.na, h.catatan, h.lengkap) == (D(60), D("105.40"), ("tanpa_penilaian_rekan_bawahan",), False)
    # permenpan6 uses the NPK only for the saran: no flag there
    assert hitung(pegawai(satu_baris(), (atasan(),)), "permenpan6", p).catatan == ("rating_belum_ditetapkan",)  # only the saran flag


def test_penilaian_360_tidak_70_30_npk_atasan_saja():
    p = param(penilaian_360="tidak")
    # rekan recorded and shown, not counted: NPK = 100; NA = 0,7×109 + 0,3×100 = 76,3 + 30 = 106,30
    h = hitung(pegawai(satu_baris(), (atasan(), *REKAN)), "pp30", p)
    assert (h.npk, h.w_hk, h.w_pk, h.na, h.catatan) == (D(100), D(70), D(30), D("106.30"), ())
    assert h.perilaku.per_peran["rekan"] == D(85) and h.perilaku.bobot_peran == {"atasan": D(100)}
    assert h.alasan_bobot.startswith("Penilaian 360 periode ini: tidak")


def test_periode_lama_per_pegawai():
    # the rule of periods created before issue 14: chosen per employee by who rated
    assert hitung(pegawai(satu_baris(), (atasan(), *REKAN)), "pp30", P_LAMA).na == D("103.90")  # 60/40
    assert hitung(pegawai(satu_baris(), (atasan(),)), "pp30", P_LAMA).na == D("106.30")  # 70/30


def test_dict_tanpa_kunci_baru_adalah_periode_lama():
    # a stored parameter dict without the issue-14 keys means a period created before: results unchanged
    lama = parameter_bawaan()
    del lama["penilaian_360"], lama["nama_predikat_pp30_cukup"]
    p = Parameter.dari_dict(lama)
    assert (p.penilaian_360, p.nama_cukup_pp30) == ("per-pegawai", "Butuh Perbaikan")
    assert Parameter.bawaan().penilaian_360 == "ya" and Parameter.bawaan().nama_cukup_pp30 == "Cukup"


# -- PermenPANRB 6/2022: the quadrant ------------------------------------------------------------------

@pytest.mark.parametrize("hk, pk, predikat", [
    (ATAS, BAW, "Kurang/Misconduct"), (ATAS, SES, "Baik"), (ATAS, ATAS, "Sangat Baik"),
    (SES, BAW, "Kurang/Misconduct"), (SES, SES, "Baik"), (SES, ATAS, "Baik"),
    (BAW, BAW, "Sangat Kurang"), (BAW, SES, "Butuh Perbaikan"), (BAW, ATAS, "Butuh Perbaikan"),
])
def test_sembilan_sel_kuadran(hk, pk, predikat):
    assert predikat_matriks(hk, pk) == (predikat, f"Hasil Kerja {hk} × Perilaku {pk}")


# -- SE MenPANRB 3/2023: the distribution curve --------------------------------------------------------

# DOMAIN.md 5, as written there: unit predikat -> [(categories, kind, bound)]
KURVA = {
    "istimewa": [(["Sangat Baik"], "maks", "70")],
    "baik": [(["Baik"], "maks", "70"), (["Butuh Perbaikan", "Kurang/Misconduct"], "min_jumlah", "1")],
    "butuh-perbaikan": [(["Butuh Perbaikan"], "min", "60"), (["Sangat Baik"], "maks", "10")],
    "kurang": [(["Kurang/Misconduct"], "min", "60"), (["Butuh Perbaikan"], "min", "10"),
               (["Sangat Baik"], "maks", "10")],
    "sangat-kurang": [(["Sangat Kurang"], "min", "60"), (["Kurang/Misconduct", "Butuh Perbaikan"], "min", "10"),
                      (["Sangat Baik"], "maks_jumlah", "0")],
}


def test_tabel_kurva_distribusi_bawaan():
    tersimpan = parameter_bawaan()["kurva_distribusi"]
    assert {k: [(a["kategori"], next(j for j in ("maks", "min", "min_jumlah", "maks_jumlah") if j in a),
                 next(a[j] for j in ("maks", "min", "min_jumlah", "maks_jumlah") if j in a)) for a in v]
            for k, v in tersimpan.items()} == KURVA


@pytest.mark.parametrize("unit, hitungan, langgar", [
    # Istimewa: Sangat Baik at most 70%: 7 of 10 = 70% keeps, 8 of 10 breaks
    ("istimewa", {"Sangat Baik": 7, "Baik": 3}, []),
    ("istimewa", {"Sangat Baik": 8, "Baik": 2}, ["Predikat Sangat Baik paling banyak 70% pegawai"]),
    # Baik: Baik at most 70% and at least one Butuh Perbaikan or Kurang
    ("baik", {"Baik": 7, "Sangat Baik": 2, "Butuh Perbaikan": 1}, []),
    ("baik", {"Baik": 7, "Sangat Baik": 3},
     ["Paling sedikit satu pegawai berpredikat Butuh Perbaikan atau Kurang/Misconduct"]),
    ("baik", {"Baik": 8, "Kurang": 2}, ["Predikat Baik paling banyak 70% pegawai"]),  # pp30 Kurang counts
    # Butuh Perbaikan: at least 60%, Sangat Baik at most 10%
    ("butuh-perbaikan", {"Butuh Perbaikan": 6, "Baik": 3, "Sangat Baik": 1}, []),
    ("butuh-perbaikan", {"Butuh Perbaikan": 5, "Baik": 3, "Sangat Baik": 2},
     ["Predikat Butuh Perbaikan paling sedikit 60% pegawai", "Predikat Sangat Baik paling banyak 10% pegawai"]),
    # a pp30 period: Cukup counts where the table says Butuh Perbaikan
    ("butuh-perbaikan", {"Cukup": 6, "Baik": 4}, []),
    # Kurang: Kurang/Misconduct ≥ 60%, Butuh Perbaikan ≥ 10%, Sangat Baik ≤ 10%
    ("kurang", {"Kurang/Misconduct": 6, "Butuh Perbaikan": 1, "Baik": 2, "Sangat Baik": 1}, []),
    ("kurang", {"Kurang/Misconduct": 6, "Baik": 4}, ["Predikat Butuh Perbaikan paling sedikit 10% pegawai"]),
    # Sangat Kurang: Sangat Kurang ≥ 60%, Kurang or Butuh Perbaikan ≥ 10%, no Sangat Baik
    ("sangat-kurang", {"Sangat Kurang": 6, "Kurang/Misconduct": 1, "Baik": 3}, []),
    ("sangat-kurang", {"Sangat Kurang": 6, "Cukup": 1, "Baik": 2, "Sangat Baik": 1},
     ["Tidak boleh ada pegawai berpredikat Sangat Baik"]),
])
def test_kurva_distribusi_di_tepi(unit, hitungan, langgar):
    assert [x.aturan for x in cek_distribusi(unit, hitungan, P)] == langgar
