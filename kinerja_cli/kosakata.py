"""The vocabulary of kinerja: every name and label the program shares, each written once.

Methods, BerAKHLAK aspects, rater roles, rating and predikat labels, a unit's own predikat,
the catatan flags and their words (DOMAIN.md sections 4-7). Pure data at the bottom of the
house: it imports nothing of the project, and model, scoring, validation, store, excel and the
terminal views all take their labels from here.
"""

from __future__ import annotations

METODE = ("pp30", "permenpan6")

# The 7 BerAKHLAK aspects: the keys in the database, the workbooks and the scoring rules.
ASPEK_BERAKHLAK = (
    "pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
)
NAMA_ASPEK = {
    "pelayanan": "Berorientasi Pelayanan",
    "akuntabel": "Akuntabel",
    "kompeten": "Kompeten",
    "harmonis": "Harmonis",
    "loyal": "Loyal",
    "adaptif": "Adaptif",
    "kolaboratif": "Kolaboratif",
}

# Perspektif of a hasil kerja in the SKP of a JPT (PermenPANRB 6/2022, Balanced Scorecard): key stored
# -> label; other jabatan use aspek (kuantitas/kualitas/waktu/biaya). Optional per SKP row.
NAMA_PERSPEKTIF = {
    "penerima-layanan": "Penerima Layanan",
    "proses-bisnis": "Proses Bisnis",
    "penguatan-internal": "Penguatan Internal",
    "anggaran": "Anggaran",
}
PERSPEKTIF = tuple(NAMA_PERSPEKTIF)

PERAN = ("atasan", "rekan", "bawahan", "diri")
# NIP Penilai of a pejabat penilai outside the roster, who has no NIP there (issue 17 §3): the atasan recorded
# with `kinerja pegawai atasan-luar`, or the kepala daerah of the instansi profile (services.atasan_luar)
ATASAN_LUAR = "atasan-luar"
KEPALA_DAERAH = "kepala-daerah"
PENILAI_LUAR = (ATASAN_LUAR, KEPALA_DAERAH)
NAMA_PENILAI_LUAR = {ATASAN_LUAR: "atasan di luar daftar", KEPALA_DAERAH: "kepala daerah"}


def penilai_tampil(penilai: str, nama_penilai: str | None) -> str:
    """How a screen names a rater where the NIP stands: the NIP, or for a rater outside the roster (no NIP)
    the name with the kind, e.g. "H. Erman Safar (Wali Kota) — kepala daerah" (never the bare token)."""
    jenis = NAMA_PENILAI_LUAR.get(penilai)
    if jenis is None:
        return penilai
    return f"{nama_penilai} — {jenis}" if nama_penilai else jenis


def pejabat_tampil(nip: str | None, nama: str | None) -> str | None:
    """How a screen names the pejabat penilai who set a rating: 'Nama (NIP)', the NIP alone when the name is
    not known, `penilai_tampil` for one outside the roster (kepala-daerah / atasan-luar), None when none."""
    if nip in PENILAI_LUAR:
        return penilai_tampil(nip, nama)
    return f"{nama} ({nip})" if nip and nama else nip

# permenpan6 ratings: display labels and the keys used on input.
DI_ATAS = "Di Atas Ekspektasi"
SESUAI = "Sesuai Ekspektasi"
DI_BAWAH = "Di Bawah Ekspektasi"
RATING = (DI_ATAS, SESUAI, DI_BAWAH)
KUNCI_RATING = {"di-atas": DI_ATAS, "sesuai": SESUAI, "di-bawah": DI_BAWAH}  # input key -> label

# Predikat labels.
SANGAT_BAIK = "Sangat Baik"
BAIK = "Baik"
BUTUH_PERBAIKAN = "Butuh Perbaikan"  # permenpan6 (and pp30 periods created before issue 14)
CUKUP = "Cukup"  # pp30: 70 <= NA < 90 (PP 30/2019 Pasal 41 ayat 5 huruf c)
KURANG = "Kurang"  # pp30
KURANG_MISCONDUCT = "Kurang/Misconduct"  # permenpan6
SANGAT_KURANG = "Sangat Kurang"

ORDER_PREDIKAT_PP30 = (SANGAT_BAIK, BAIK, CUKUP, KURANG, SANGAT_KURANG)
ORDER_PREDIKAT_PERMENPAN6 = (
    SANGAT_BAIK,
    BAIK,
    BUTUH_PERBAIKAN,
    KURANG_MISCONDUCT,
    SANGAT_KURANG,
)
# Both schemes, best first (pp30 "Cukup" sits with "Butuh Perbaikan", "Kurang" with "Kurang/Misconduct").
ORDER_PREDIKAT = (
    SANGAT_BAIK,
    BAIK,
    BUTUH_PERBAIKAN,
    CUKUP,
    KURANG,
    KURANG_MISCONDUCT,
    SANGAT_KURANG,
)

# Per-predikat count columns of the machine output and the recap ('Kurang/Misconduct' -> 'kurang_misconduct').
KUNCI_PREDIKAT = {p: p.lower().replace("/", "_").replace(" ", "_") for p in ORDER_PREDIKAT}
# The five columns of a unit's spread (pp30 'Kurang' and permenpan6 'Kurang/Misconduct' share one,
# and so do pp30 'Cukup' and 'Butuh Perbaikan': the curve of SE MenPANRB 3/2023 counts Cukup there).
KOLOM_PREDIKAT = tuple((KUNCI_PREDIKAT[p], p) for p in (SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG))


def kolom_predikat(nama_tengah: str = BUTUH_PERBAIKAN) -> tuple:
    """KOLOM_PREDIKAT with the 70-<90 band named as the period names it (pp30 periods since issue 14: Cukup,
    key 'cukup', as `tren` shows it)."""
    return tuple((KUNCI_PREDIKAT[nama_tengah], nama_tengah) if p == BUTUH_PERBAIKAN else (k, p)
                 for k, p in KOLOM_PREDIKAT)


# A predikat of either scheme -> the predikat whose column / curve category it counts in.
SETARA_KURVA = {CUKUP: BUTUH_PERBAIKAN, KURANG: KURANG_MISCONDUCT}

# pp30 name of the 70 <= NA < 90 band, a period setting: Cukup (the law) for periods created since
# issue 14; periods created before keep "Butuh Perbaikan", the name their results carried.
NAMA_PREDIKAT_PP30_CUKUP = (CUKUP, BUTUH_PERBAIKAN)

# Period setting "penilaian 360" (PP 30/2019 Pasal 41 ayat 2-4): does the instansi count co-workers and
# subordinates? ya: NA 60/40 for everyone; tidak: NA 70/30, NPK = atasan only; per-pegawai: the rule of
# periods created before issue 14 (70/30 or 60/40 per employee, by who rated), kept so their results stay.
PENILAIAN_360 = ("ya", "tidak", "per-pegawai")
# Rounding of every (r) step, a period setting: name -> the decimal module's mode name.
CARA_PEMBULATAN = {"setengah-ke-atas": "ROUND_HALF_UP", "setengah-genap": "ROUND_HALF_EVEN", "ke-bawah": "ROUND_DOWN"}

BELUM_DINILAI = "belum dinilai"  # shown instead of a predikat for someone without any data in the period
BELUM_LENGKAP = "belum lengkap"  # shown instead of a predikat: rows waiting for realisations, or no rating yet
NONAKTIF = "nonaktif"  # marks a deactivated employee (pensiun, mutasi) in a period's results

# A unit's own predikat (kurva distribusi keys) and its display name.
NAMA_PREDIKAT_UNIT = {
    "istimewa": "Istimewa",
    "baik": BAIK,
    "butuh-perbaikan": BUTUH_PERBAIKAN,
    "kurang": KURANG,
    "sangat-kurang": SANGAT_KURANG,
}
PREDIKAT_UNIT = tuple(NAMA_PREDIKAT_UNIT)

# Flags in Hasil.catatan (stable keys, used by scripts).
TANPA_SASARAN = "tanpa_sasaran"
BOBOT_TIDAK_100 = "bobot_tidak_100"
REALISASI_KOSONG = "realisasi_kosong"
TARGET_TIDAK_VALID = "target_tidak_valid"
TANPA_PENILAIAN_ATASAN = "tanpa_penilaian_atasan"
TANPA_PENILAIAN_PERILAKU = "tanpa_penilaian_perilaku"
ASPEK_TIDAK_LENGKAP = "aspek_tidak_lengkap"  # a counted rater scored some, not all, of the 7 aspects
SKP_BELUM_DISETUJUI = "skp_belum_disetujui"  # the atasan has not agreed the SKP yet (services.nilai)
# permenpan6: a rating rests on kinerja's saran, not on the pejabat penilai's decision (DOMAIN.md 5)
RATING_BELUM_DITETAPKAN = "rating_belum_ditetapkan"
TANPA_PENILAIAN_REKAN = "tanpa_penilaian_rekan_bawahan"  # pp30, penilaian 360 ya: no rekan or bawahan score

# The flags in words (terminal table, recap, document).
NAMA_CATATAN = {
    TANPA_SASARAN: "belum ada SKP",
    BOBOT_TIDAK_100: "bobot ≠ 100",
    REALISASI_KOSONG: "realisasi belum lengkap",
    TANPA_PENILAIAN_ATASAN: "atasan belum menilai",
    TANPA_PENILAIAN_PERILAKU: "belum ada penilaian perilaku",
    ASPEK_TIDAK_LENGKAP: "aspek perilaku tidak lengkap",
    TARGET_TIDAK_VALID: "target tidak valid",
    SKP_BELUM_DISETUJUI: "SKP belum disetujui atasan",
    RATING_BELUM_DITETAPKAN: "rating masih saran, belum ditetapkan pejabat penilai",
    TANPA_PENILAIAN_REKAN: "rekan/bawahan belum menilai (penilaian 360)",
}

# Development hours (DOMAIN.md 7): the PNS minimum and the PPPK ceiling, in JP a year, with their sources.
JP_MINIMAL_PNS = 20
DASAR_JP_PNS = "PP 11/2017 Pasal 203 ayat 4"
JP_MAKSIMAL_PPPK = 24
DASAR_JP_PPPK = "PP 49/2018 Pasal 40 ayat 1"

# Employee status (pegawai.status). CPNS follow the rules of PNS, PPPK paruh waktu those of PPPK
# (NIP format, golongan, development hours): ask `jenis_dasar`, never compare with "PNS"/"PPPK".
STATUS_PEGAWAI = ("PNS", "CPNS", "PPPK", "PPPK Paruh Waktu")


def jenis_dasar(status: str | None) -> str | None:
    """'PNS' for PNS and CPNS, 'PPPK' for PPPK and PPPK Paruh Waktu, None otherwise."""
    if not status:
        return None
    return "PPPK" if status.upper().startswith("PPPK") else ("PNS" if status.upper() in ("PNS", "CPNS") else None)

# The LAMPIRAN SASARAN KINERJA PEGAWAI (PermenPANRB 6/2022 Format A.1.x): its three parts, in printed order,
# as keys (command line, database, JSON) and as the form titles them.
BAGIAN_LAMPIRAN = ("dukungan", "skema", "konsekuensi")
NAMA_BAGIAN_LAMPIRAN = {"dukungan": "Dukungan Sumber Daya", "skema": "Skema Pertanggungjawaban",
                        "konsekuensi": "Konsekuensi"}
