"""Names and labels used by the scoring rules (DOMAIN.md sections 4-6)."""

from __future__ import annotations

METODE = ("pp30", "permenpan6")

ASPEK = (
    "pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
)

PERAN = ("atasan", "rekan", "bawahan", "diri")
PERAN_DIHITUNG = ("atasan", "rekan", "bawahan")  # diri is shown, never counted

# permenpan6 ratings: display labels and the keys used on input.
DI_ATAS = "Di Atas Ekspektasi"
SESUAI = "Sesuai Ekspektasi"
DI_BAWAH = "Di Bawah Ekspektasi"
RATING = (DI_ATAS, SESUAI, DI_BAWAH)
KUNCI_RATING = {"di-atas": DI_ATAS, "sesuai": SESUAI, "di-bawah": DI_BAWAH}

# Predikat labels.
SANGAT_BAIK = "Sangat Baik"
BAIK = "Baik"
BUTUH_PERBAIKAN = "Butuh Perbaikan"
KURANG = "Kurang"  # pp30
KURANG_MISCONDUCT = "Kurang/Misconduct"  # permenpan6
SANGAT_KURANG = "Sangat Kurang"

ORDER_PREDIKAT_PP30 = (SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)
ORDER_PREDIKAT_PERMENPAN6 = (
    SANGAT_BAIK,
    BAIK,
    BUTUH_PERBAIKAN,
    KURANG_MISCONDUCT,
    SANGAT_KURANG,
)
# Both schemes, best first (pp30 "Kurang" sits with "Kurang/Misconduct").
ORDER_PREDIKAT = (
    SANGAT_BAIK,
    BAIK,
    BUTUH_PERBAIKAN,
    KURANG,
    KURANG_MISCONDUCT,
    SANGAT_KURANG,
)

# A unit's own predikat (kurva distribusi keys).
PREDIKAT_UNIT = ("istimewa", "baik", "butuh-perbaikan", "kurang", "sangat-kurang")

# Flags in Hasil.catatan (stable keys, used by scripts).
TANPA_SASARAN = "tanpa_sasaran"
BOBOT_TIDAK_100 = "bobot_tidak_100"
REALISASI_KOSONG = "realisasi_kosong"
TARGET_TIDAK_VALID = "target_tidak_valid"
TANPA_PENILAIAN_ATASAN = "tanpa_penilaian_atasan"
TANPA_PENILAIAN_PERILAKU = "tanpa_penilaian_perilaku"
ASPEK_TIDAK_LENGKAP = "aspek_tidak_lengkap"  # a counted rater scored some, not all, of the 7 aspects
