"""`kinerja perilaku impor|catat|daftar` on real workbooks, read back from the real database."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal

import pytest

from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2, buat_xlsx

KUNCI = ["pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif"]
NAMA = ["Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif"]
JUDUL = ["NIP", "Nama", "NIP Penilai", "Peran", *NAMA]
TIDAK_ADA = "199912312020121999"


def _n(db_path, tabel):
    with sqlite3.connect(db_path) as c:
        return c.execute(f"SELECT COUNT(*) FROM {tabel}").fetchone()[0]


def _baris(db_path, nip, penilai, periode="2026"):
    with sqlite3.connect(db_path) as c:
        c.row_factory = sqlite3.Row
        r = c.execute("SELECT * FROM perilaku WHERE periode = ? AND nip = ? AND penilai = ?",
                      [periode, nip, penilai]).fetchone()
        return dict(r) if r else None


@pytest.fixture
def siap(db_periode, kinerja):
    return db_periode


def _file(tmp_path, rows, judul=JUDUL, nama="perilaku.xlsx"):
    return buat_xlsx(tmp_path / nama, {"Perilaku": [judul, *rows]})


BAIK = [
    [STAF1, "Citra", KADIS, "atasan", 100, "95,5", 110.25, 120, 0, None, 88],
    [STAF1, "Citra", STAF2, "rekan", 90, 90, 90, 90, 90, 90, 90],
    [KADIS, "Budi", STAF1, "bawahan", 101, None, None, None, None, None, None],
    [STAF2, "Dewi", STAF2, "diri", 120, 120, 120, 120, 120, 120, 120],
]


def test_good_file_stored_exactly_and_listed(siap, kinerja, tmp_path, db_path):
    r = kinerja("perilaku", "impor", _file(tmp_path, BAIK), "--periode", "2026")
    assert r.exit_code == 0, r.output
    assert "4 ditambah, 0 diubah, 0 tetap" in r.stderr
    b = _baris(db_path, STAF1, KADIS)
    assert b["peran"] == "atasan"
    assert [b[k] for k in KUNCI] == ["100", "95.5", "110.25", "120", "0", None, "88"]
    assert Decimal(b["akuntabel"]) == Decimal("95.5")
    assert _baris(db_path, KADIS, STAF1)["pelayanan"] == "101"
    assert _baris(db_path, STAF2, STAF2)["peran"] == "diri"
    assert _n(db_path, "audit") == 5 + 1 + 4  # roster, period, 4 rows
    d = kinerja("perilaku", "daftar", "--periode", "2026", "--nip", STAF1, "--format", "json").json()
    assert [(x["penilai"], x["peran"]) for x in d] == [(KADIS, "atasan"), (STAF2, "rekan")]
    # rater mean of the scored aspects: (100 + 95.5 + 110.25 + 120 + 0 + 88) / 6 = 85.625 -> 85.63
    assert d[0]["rata"] == 85.63 and d[0]["adaptif"] is None and d[1]["rata"] == 90
    csv = kinerja("perilaku", "daftar", "--periode", "2026", "--unit", "dpmptsp", "--format", "csv").stdout
    assert csv.splitlines()[0] == "nip,nama,unit,penilai,nama_penilai,peran," + ",".join(KUNCI) + ",rata"
    assert len(csv.splitlines()) == 5


def test_store_function_returns_decimals_in_one_call(siap, kinerja, tmp_path, db_path):
    from kinerja_cli.store.db import buka_db
    from kinerja_cli.store.perilaku import baris_periode

    kinerja("perilaku", "impor", _file(tmp_path, BAIK), "--periode", "2026")
    db = buka_db(db_path)
    semua = baris_periode(db, "2026")
    assert [x[0] for x in semua] == sorted(x[0] for x in semua)
    nip, penilai, peran, skor = [x for x in semua if x[0] == STAF1][0]
    assert (penilai, peran) == (KADIS, "atasan")
    assert skor["kompeten"] == Decimal("110.25") and skor["adaptif"] is None
    assert {x[0] for x in baris_periode(db, "2026", [KADIS])} == {KADIS}
    db.close()


def test_keys_as_headers_and_comma_decimals(siap, kinerja, tmp_path, db_path):
    judul = ["NIP", "NIP Penilai", "Peran", *KUNCI]
    rows = [[STAF1, KADIS, "Atasan", "95,5", "100,25", None, None, None, None, "1.5"]]
    r = kinerja("perilaku", "impor", _file(tmp_path, rows, judul), "--periode", "2026")
    assert r.exit_code == 0, r.output
    b = _baris(db_path, STAF1, KADIS)
    assert (b["pelayanan"], b["akuntabel"], b["kolaboratif"], b["kompeten"]) == ("95.5", "100.25", "1.5", None)


@pytest.mark.parametrize("baris,potongan", [
    ([STAF1, "x", KADIS, "atasan", 121], "Skor 121 di luar rentang 0-120"),
    ([STAF1, "x", KADIS, "atasan", -5], "Skor -5 di luar rentang 0-120"),
    ([STAF1, "x", KADIS, "atasan", "baik"], "Skor 'baik' bukan angka"),
    ([int(STAF1), "x", KADIS, "atasan", 100], "NIP tersimpan sebagai angka"),
    ([STAF1, "x", int(KADIS), "atasan", 100], "NIP penilai: NIP tersimpan sebagai angka"),
    ([TIDAK_ADA, "x", KADIS, "atasan", 100], f"Pegawai {TIDAK_ADA} tidak ada di daftar pegawai"),
    ([STAF1, "x", TIDAK_ADA, "rekan", 100], f"Penilai {TIDAK_ADA} tidak ada di daftar pegawai"),
    ([STAF1, "x", STAF1, "rekan", 100], "tidak boleh menilai dirinya sendiri sebagai rekan"),
    ([STAF1, "x", KADIS, "diri", 100], "Peran 'diri' hanya untuk penilaian diri sendiri"),
    ([STAF1, "x", STAF2, "bawahan", 100], f"Penilai {STAF2} bukan bawahan langsung {STAF1}"),
    ([STAF1, "x", KADIS, "kepala", 100], "Peran 'kepala' tidak dikenal"),
])
def test_each_error_refuses_the_import_and_writes_nothing(siap, kinerja, tmp_path, db_path, baris, potongan):
    kinerja("perilaku", "impor", _file(tmp_path, [BAIK[1]], nama="awal.xlsx"), "--periode", "2026")
    sebelum = (_n(db_path, "perilaku"), _n(db_path, "audit"))
    rows = [BAIK[0], baris + [None] * (11 - len(baris))]
    r = kinerja("perilaku", "impor", _file(tmp_path, rows), "--periode", "2026")
    assert r.exit_code == 1
    assert potongan in r.stderr, r.stderr
    assert "ditolak" in r.stderr and "Tidak ada data yang ditulis" in r.stderr and "Traceback" not in r.output
    assert (_n(db_path, "perilaku"), _n(db_path, "audit")) == sebelum


def test_duplicate_rater_rows_refused(siap, kinerja, tmp_path, db_path):
    rows = [BAIK[0], [STAF1, "x", KADIS, "atasan", 90]]
    r = kinerja("perilaku", "impor", _file(tmp_path, rows), "--periode", "2026")
    assert r.exit_code == 1 and "ganda: sudah ada di" in r.stderr and "baris 2" in r.stderr
    assert _n(db_path, "perilaku") == 0


def test_skip_errors_keeps_good_rows_and_dry_run_writes_nothing(siap, kinerja, tmp_path, db_path):
    rows = [BAIK[0], [STAF1, "x", STAF2, "rekan", 121]]
    f = _file(tmp_path, rows)
    r = kinerja("perilaku", "impor", f, "--periode", "2026", "--dry-run", "--lewati-galat")
    assert r.exit_code == 0 and "Uji coba" in r.stderr and "1 ditambah" in r.stderr
    assert _n(db_path, "perilaku") == 0
    r = kinerja("perilaku", "impor", f, "--periode", "2026", "--lewati-galat")
    assert r.exit_code == 0 and "1 ditambah" in r.stderr and "1 baris dilewati" in r.stderr
    assert _baris(db_path, STAF1, KADIS) and _baris(db_path, STAF1, STAF2) is None


def test_atasan_mismatch_and_other_unit_rekan_are_warnings(siap, kinerja, tmp_path, db_path):
    rows = [[STAF1, "x", SEKDA, "atasan", 100], [KADIS, "x", STAF1, "rekan", 100]]
    rows = [r + [None] * 6 for r in rows]
    r = kinerja("perilaku", "impor", _file(tmp_path, rows), "--periode", "2026")
    assert r.exit_code == 0, r.output
    assert "peringatan" in r.stderr and "bukan atasan" in r.stderr and "Plt" in r.stderr
    assert "2 ditambah" in r.stderr
    r = kinerja("perilaku", "catat", STAF2, "--periode", "2026", "--penilai", SEKDA, "--peran", "atasan",
                "--skor", "pelayanan=100")
    assert r.exit_code == 0 and "Peringatan" in r.stderr and "bukan atasan langsung" in r.stderr
    # a rekan from another unit: warning only
    r = kinerja("perilaku", "catat", KADIS, "--periode", "2026", "--penilai", SEKDA, "--peran", "rekan",
                "--skor", "loyal=100")
    assert r.exit_code == 0 and "unit lain" in r.stderr


def test_reentry_changes_the_aspects_given_and_is_audited_identical_reimport_changes_nothing(siap, kinerja, tmp_path,
                                                                                             db_path):
    f = _file(tmp_path, BAIK)
    kinerja("perilaku", "impor", f, "--periode", "2026")
    audit = _n(db_path, "audit")
    r = kinerja("perilaku", "impor", f, "--periode", "2026")
    assert "0 ditambah, 0 diubah, 4 tetap" in r.stderr
    assert _n(db_path, "audit") == audit and _n(db_path, "perilaku") == 4
    r = kinerja("perilaku", "catat", STAF1, "--periode", "2026", "--penilai", KADIS, "--peran", "atasan",
                "--skor", "pelayanan=95,5", "--skor", "akuntabel=105")
    assert r.exit_code == 0 and "diubah" in r.stderr
    b = _baris(db_path, STAF1, KADIS)
    assert [b[k] for k in KUNCI] == ["95.5", "105", "110.25", "120", "0", None, "88"]  # the others are kept
    h = kinerja("riwayat", "--nip", STAF1, "--format", "json").json()[0]
    assert h["aksi"] == "ubah" and h["tabel"] == "perilaku"
    assert '"pelayanan": "100"' in h["lama"] and '"pelayanan": "95.5"' in h["baru"]
    assert "kompeten" not in h["lama"] + h["baru"]  # only what changed
    assert _n(db_path, "audit") == audit + 1
    r = kinerja("perilaku", "catat", STAF1, "--periode", "2026", "--penilai", KADIS, "--peran", "atasan",
                "--skor", "akuntabel=105", "--skor", "pelayanan=95.5")
    assert "tidak ada perubahan" in r.stderr and _n(db_path, "audit") == audit + 1


def test_record_checks(siap, kinerja, db_path):
    def catat(*args):
        return kinerja("perilaku", "catat", STAF1, "--periode", "2026", *args)

    r = catat("--penilai", KADIS, "--peran", "atasan", "--skor", "pelayanan=121")
    assert r.exit_code == 1 and "di luar rentang 0-120" in r.stderr
    r = catat("--penilai", KADIS, "--peran", "atasan", "--skor", "jujur=100")
    assert r.exit_code == 1 and "Aspek 'jujur' tidak dikenal" in r.stderr
    r = catat("--penilai", KADIS, "--peran", "atasan", "--skor", "pelayanan")
    assert r.exit_code == 1 and "ASPEK=NILAI" in r.stderr
    r = catat("--penilai", STAF1, "--peran", "rekan", "--skor", "pelayanan=100")
    assert r.exit_code == 1 and "dirinya sendiri" in r.stderr
    r = catat("--penilai", PPPK1, "--peran", "bawahan", "--skor", "pelayanan=100")
    assert r.exit_code == 1 and "bukan bawahan langsung" in r.stderr
    r = catat("--penilai", TIDAK_ADA, "--peran", "rekan", "--skor", "pelayanan=100")
    assert r.exit_code == 1 and "tidak ada di daftar pegawai" in r.stderr
    r = catat("--penilai", KADIS, "--peran", "kepala", "--skor", "pelayanan=100")
    assert r.exit_code == 2
    assert _n(db_path, "perilaku") == 0
    r = catat("--penilai", STAF1, "--peran", "diri", "--skor", "Berorientasi Pelayanan=100", "--skor", "loyal=99,5")
    assert r.exit_code == 0, r.output
    assert _baris(db_path, STAF1, STAF1)["loyal"] == "99.5"


def test_files_that_are_not_usable(siap, kinerja, tmp_path):
    bukan = tmp_path / "data.xlsx"
    bukan.write_text("NIP;Peran\n1;2\n")
    r = kinerja("perilaku", "impor", bukan, "--periode", "2026")
    assert r.exit_code == 1 and "bukan berkas Excel .xlsx" in r.stderr
    kosong = buat_xlsx(tmp_path / "kosong.xlsx", {"Perilaku": []})
    r = kinerja("perilaku", "impor", kosong, "--periode", "2026")
    assert r.exit_code == 1 and "kosong" in r.stderr
    salah = buat_xlsx(tmp_path / "salah.xlsx", {"Perilaku": [["Nomor", "Nama", "Nilai"], [1, "x", 100]]})
    r = kinerja("perilaku", "impor", salah, "--periode", "2026")
    assert r.exit_code == 1 and "kolom wajib tidak ditemukan: NIP, NIP Penilai, Peran" in r.stderr
    tanpa_aspek = buat_xlsx(tmp_path / "ta.xlsx", {"Perilaku": [["NIP", "NIP Penilai", "Peran", "Nilai"],
                                                               [STAF1, KADIS, "atasan", 100]]})
    r = kinerja("perilaku", "impor", tanpa_aspek, "--periode", "2026")
    assert r.exit_code == 1 and "tidak ada kolom aspek BerAKHLAK" in r.stderr
    judul = buat_xlsx(tmp_path / "judul.xlsx", {"Perilaku": [JUDUL]})
    r = kinerja("perilaku", "impor", judul, "--periode", "2026")
    assert r.exit_code == 1 and "tidak berisi data" in r.stderr
    r = kinerja("perilaku", "impor", judul, "--periode", "2027")
    assert r.exit_code == 1 and "Periode 2027 belum dibuat" in r.stderr
    assert "Traceback" not in r.output


def test_closed_period_refuses_import_and_record(siap, kinerja, tmp_path, db_path):
    f = _file(tmp_path, BAIK)
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    audit = _n(db_path, "audit")
    r = kinerja("perilaku", "impor", f, "--periode", "2026")
    assert r.exit_code == 1 and "sudah ditutup" in r.stderr and "kinerja periode buka 2026" in r.stderr
    r = kinerja("perilaku", "catat", STAF1, "--periode", "2026", "--penilai", KADIS, "--peran", "atasan",
                "--skor", "pelayanan=100")
    assert r.exit_code == 1 and "sudah ditutup" in r.stderr
    assert _n(db_path, "perilaku") == 0 and _n(db_path, "audit") == audit


def test_rows_without_any_score_are_skipped_not_refused(siap, kinerja, tmp_path, db_path):
    """A template pre-fills one atasan row per employee; rows nobody filled in are skipped."""
    rows = [BAIK[0], BAIK[1], [STAF2, "x", KADIS, "atasan"] + [None] * 7]
    r = kinerja("perilaku", "impor", _file(tmp_path, rows), "--periode", "2026")
    assert r.exit_code == 0, r.output
    assert "2 ditambah" in r.stderr and "1 baris belum diisi" in r.stderr
    assert _n(db_path, "perilaku") == 2


def test_unknown_rater_reported_even_when_the_role_is_wrong_too(siap, kinerja, tmp_path, db_path):
    """Every problem of the row in one run: the unknown rater is not held back until the role is fixed."""
    audit0 = _n(db_path, "audit")
    r = kinerja("perilaku", "impor", _file(tmp_path, [[STAF1, "Citra", TIDAK_ADA, "bos", 90, 90, 90, 90, 90, 90, 90]]),
                "--periode", "2026")
    assert r.exit_code == 1
    assert "Peran 'bos' tidak dikenal" in r.stderr and f"Penilai {TIDAK_ADA} tidak ada di daftar pegawai" in r.stderr
    assert _n(db_path, "perilaku") == 0 and _n(db_path, "audit") == audit0


# --- issue 12 section 4: a rater who left aspects out ------------------------------------------------

def _satu_baris(teks: str) -> str:
    return " ".join(teks.replace("│", " ").split())


def test_record_with_missing_aspects_warns_and_nilai_flags_it(siap, kinerja, db_path):
    r = kinerja("perilaku", "catat", STAF1, "--periode", "2026", "--penilai", KADIS, "--peran", "atasan",
                "--skor", "pelayanan=100", "--skor", "akuntabel=90")
    assert r.exit_code == 0, r.output
    teks = _satu_baris(r.stderr)
    assert (f"Penilai Budi Santoso, S.E. ({KADIS}) menilai Citra Lestari ({STAF1}) hanya pada 2 dari 7 aspek "
            "BerAKHLAK; belum dinilai: Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif") in teks
    assert "rata-rata penilai: 95" in teks  # (100 + 90) / 2, the scores are stored as given
    j = {x["nip"]: x for x in kinerja("nilai", "--periode", "2026", "--format", "json").json()}
    # NPK from the atasan only: 95.00; flagged so the officer sees it before closing
    assert j[STAF1]["npk"] == 95.0
    assert "aspek_tidak_lengkap" in j[STAF1]["catatan"] and j[STAF1]["lengkap"] is False
    csv = kinerja("nilai", "--periode", "2026", "--format", "csv").stdout
    baris = next(b for b in csv.splitlines() if b.startswith(STAF1))
    assert "aspek_tidak_lengkap" in baris
    assert "aspek perilaku tidak lengkap" in _satu_baris(kinerja("nilai", "--periode", "2026").output)
    # all 7 aspects: no warning, no flag
    r = kinerja("perilaku", "catat", STAF1, "--periode", "2026", "--penilai", KADIS, "--peran", "atasan",
                *[f"--skor={k}=100" for k in KUNCI])
    assert r.exit_code == 0 and "belum dinilai" not in r.output
    j = {x["nip"]: x for x in kinerja("nilai", "--periode", "2026", "--format", "json").json()}
    assert "aspek_tidak_lengkap" not in j[STAF1]["catatan"] and j[STAF1]["npk"] == 100.0


def test_import_with_missing_aspects_warns_per_rater(siap, kinerja, tmp_path, db_path):
    rows = [[STAF1, "Citra", KADIS, "atasan", 100, 90, None, None, None, None, None],
            [STAF2, "Dewi", KADIS, "atasan", *[100] * 7],
            [STAF1, "Citra", STAF1, "diri", 120, None, None, None, None, None, None]]
    from kinerja_cli.services import perilaku
    from kinerja_cli.store.db import buka_db

    db = buka_db(db_path)
    h = perilaku.impor(db, _file(tmp_path, rows), "2026")
    db.close()
    pesan = [(m.baris, m.pesan, m.tingkat) for m in h.peringatan]
    assert pesan == [(2, f"Penilai {KADIS} menilai {STAF1} hanya pada 2 dari 7 aspek BerAKHLAK; belum dinilai: "
                      "Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif. NPK dihitung dari aspek yang dinilai saja",
                      "peringatan")]  # not for the full rater, not for the self-rating
    r = kinerja("perilaku", "impor", _file(tmp_path, rows, nama="lagi.xlsx"), "--periode", "2026")
    assert r.exit_code == 0 and "belum dinilai" in _satu_baris(r.output)  # shown on every import
    j = {x["nip"]: x for x in kinerja("nilai", "--periode", "2026", "--format", "json").json()}
    assert j[STAF1]["npk"] == 95.0 and "aspek_tidak_lengkap" in j[STAF1]["catatan"]
    assert j[STAF2]["npk"] == 100.0 and "aspek_tidak_lengkap" not in j[STAF2]["catatan"]


def test_record_one_aspect_keeps_the_rater_s_other_stored_aspects(siap, kinerja, db_path):
    """An officer correcting one aspect must not lose the other five (issue 12 follow-up)."""
    r = kinerja("perilaku", "catat", STAF1, "--periode", "2026", "--penilai", KADIS, "--peran", "atasan",
                *[f"--skor={k}=100" for k in KUNCI])
    assert r.exit_code == 0, r.output
    r = kinerja("perilaku", "catat", STAF1, "--periode", "2026", "--penilai", KADIS, "--peran", "atasan",
                "--skor", "pelayanan=100", "--skor", "akuntabel=95,5")
    assert r.exit_code == 0, r.output
    assert [_baris(db_path, STAF1, KADIS)[k] for k in KUNCI] == ["100", "95.5", "100", "100", "100", "100", "100"]
    assert "belum dinilai" not in r.stderr and "rata-rata penilai: 99,36" in r.stderr
    h = kinerja("riwayat", "--nip", STAF1, "--format", "json").json()[0]
    assert json.loads(h["lama"]) == {"akuntabel": "100"} and json.loads(h["baru"]) == {"akuntabel": "95.5"}


def test_an_empty_value_clears_one_aspect_and_the_warning_names_only_empty_ones(siap, kinerja, db_path):
    kinerja("perilaku", "catat", STAF1, "--periode", "2026", "--penilai", KADIS, "--peran", "atasan",
            *[f"--skor={k}=100" for k in KUNCI])
    r = kinerja("perilaku", "catat", STAF1, "--periode", "2026", "--penilai", KADIS, "--peran", "atasan",
                "--skor", "kompeten=", "--skor", "loyal=90")
    assert r.exit_code == 0, r.output
    b = _baris(db_path, STAF1, KADIS)
    assert (b["kompeten"], b["loyal"], b["pelayanan"]) == (None, "90", "100")
    teks = _satu_baris(r.stderr)
    assert "hanya pada 6 dari 7 aspek BerAKHLAK; belum dinilai: Kompeten. NPK" in teks, teks
    # one level of parentheses in the warning
    assert ("(lengkapi skor ketujuh aspek; sampai dilengkapi, hasil nilai ditandai 'aspek perilaku tidak "
            "lengkap')." in teks), teks
    h = kinerja("riwayat", "--nip", STAF1, "--format", "json").json()[0]
    assert json.loads(h["lama"]) == {"kompeten": "100", "loyal": "100"}
    assert json.loads(h["baru"]) == {"kompeten": None, "loyal": "90"}
    # clearing every aspect a rater has scored is refused, nothing changes
    r = kinerja("perilaku", "catat", KADIS, "--periode", "2026", "--penilai", STAF1, "--peran", "bawahan",
                "--skor", "pelayanan=")
    assert r.exit_code == 1 and "tidak menilai satu aspek pun" in r.stderr
    assert _baris(db_path, KADIS, STAF1) is None
