"""Issue 12 section 1: one rule for numbers typed as text, on every importer (real .xlsx, real database).

Comma is the decimal mark, the dot groups thousands. '1.200' (dots only, three digits after each) is
refused with both readings unless the same column of the same file proves the convention; number
cells are never re-parsed. Each importer below stores the tested cells in one column, in file order.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from conftest import KADIS, PPPK1, STAF1, STAF2, buat_xlsx

HS = ["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]
AMBIGU, TOLAK = "ambigu", "tolak"
_BOBOT = {1: [100], 2: [50, 50], 3: [30, 30, 40], 4: [25, 25, 25, 25]}


def _q(db_path, sql):
    with sqlite3.connect(db_path) as c:
        return [r[0] for r in c.execute(sql)]


def _skp(kinerja, tmp_path):
    f = buat_xlsx(tmp_path / "skp_dasar.xlsx", {"Sasaran": [HS, *[[STAF1, i, f"RHK {i}", f"IKI {i}", 100, "dokumen", b]
                                                                   for i, b in zip((1, 2, 3, 4), _BOBOT[4])]]})
    r = kinerja("sasaran", "impor", f, "--periode", "2026")
    assert r.exit_code == 0, r.output


# name: (extra set-up, sheet, header, row builder, column letter, command, stored values in file order, valid value)
IMPORTIR = {
    "sasaran": (None, "Sasaran", HS,
                lambda i, v, n: [STAF1, i + 1, f"RHK {i}", f"IKI {i}", v, "dokumen", _BOBOT[n][i]], "E",
                ("sasaran", "impor", "--periode", "2026"),
                "SELECT target_lo FROM sasaran WHERE periode = '2026' ORDER BY nomor", lambda d: d > 0),
    "realisasi": (_skp, "Realisasi", ["NIP", "Nomor", "Realisasi"], lambda i, v, n: [STAF1, i + 1, v], "C",
                  ("realisasi", "impor", "--periode", "2026"),
                  "SELECT nilai FROM realisasi WHERE periode = '2026' ORDER BY nomor", lambda d: d >= 0),
    "perilaku": (None, "Perilaku", ["NIP", "NIP Penilai", "Peran", "Berorientasi Pelayanan", "Akuntabel", "Kompeten",
                                    "Harmonis", "Loyal", "Adaptif", "Kolaboratif"],
                 lambda i, v, n: [(STAF1, STAF2, PPPK1)[i], KADIS, "atasan", v, *[100] * 6], "D",
                 ("perilaku", "impor", "--periode", "2026"),
                 f"SELECT pelayanan FROM perilaku ORDER BY CASE nip WHEN '{STAF1}' THEN 1 WHEN '{STAF2}' THEN 2 "
                 "ELSE 3 END", lambda d: 0 <= d <= 120),
    "pelatihan": (None, "Pelatihan", ["NIP", "Kegiatan", "Tanggal", "JP"],
                  lambda i, v, n: [STAF1, f"Bimtek {i}", f"2026-03-0{i + 1}", v], "D", ("pelatihan", "impor"),
                  "SELECT jp FROM pelatihan ORDER BY tanggal", lambda d: 0 < d <= 1000),
    "layanan": (None, "Layanan", ["Unit Kerja", "Indikator", "Periode", "Nilai"],
                lambda i, v, n: ["DPMPTSP", "Waktu izin", f"2026-0{i + 1}", v], "D", ("layanan", "impor"),
                "SELECT nilai FROM layanan_nilai ORDER BY periode", lambda d: d >= 0),
}


def _impor(nama, kinerja, tmp_path, db_path, sel, *opsi):
    siap, sheet, header, baris, _, perintah, _, _ = IMPORTIR[nama]
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    if siap:
        siap(kinerja, tmp_path)
    f = buat_xlsx(tmp_path / f"{nama}.xlsx", {sheet: [header, *[baris(i, v, len(sel)) for i, v in enumerate(sel)]]})
    return kinerja(*perintah[:2], f, *perintah[2:], *opsi)


def _tersimpan(nama, db_path):
    return [Decimal(x) for x in _q(db_path, IMPORTIR[nama][6])]


# every example of the issue, as one text (or number) cell
TABEL = [
    ("1.200", AMBIGU, "'1.200' bisa dibaca 1200 (titik pemisah ribuan) atau 1,2 (titik desimal)", "tulis 1200 atau 1,2"),
    ("1.000", AMBIGU, "'1.000' bisa dibaca 1000 (titik pemisah ribuan) atau 1 (titik desimal)", "tulis 1000 atau 1"),
    ("100.000", AMBIGU, "'100.000' bisa dibaca 100000 (titik pemisah ribuan) atau 100 (titik desimal)",
     "tulis 100000 atau 100"),
    ("12.500", AMBIGU, "'12.500' bisa dibaca 12500 (titik pemisah ribuan) atau 12,5 (titik desimal)",
     "tulis 12500 atau 12,5"),
    ("1,250.5", AMBIGU, "'1,250.5' bisa dibaca 1250,5 (koma pemisah ribuan, titik desimal: cara Inggris)",
     "tulis 1250,5"),
    ("1.000.000", Decimal(1000000), None, None),
    ("1.234,5", Decimal("1234.5"), None, None),
    ("1.200.000", Decimal(1200000), None, None),
    ("95,5", Decimal("95.5"), None, None),
    ("95.5", Decimal("95.5"), None, None),
    ("95%", Decimal(95), None, None),
    ("1_000", TOLAK, "'1_000' bukan angka: garis bawah", "tulis 1000 tanpa garis bawah"),
    ("95e2", TOLAK, "'95e2' bukan angka: bentuk eksponen", "tanpa huruf e"),
    (",5", TOLAK, "',5' bukan angka: tidak ada angka sebelum koma", "tulis 0,5"),
    ("5,", TOLAK, "'5,' bukan angka: tidak ada angka sesudah koma", "tulis 5"),
    ("1.2.3", TOLAK, "'1.2.3' bukan angka", "koma untuk desimal, titik untuk ribuan"),
    # number cells are taken as they are, never re-read as text
    (1200, Decimal(1200), None, None),
    (1.2, Decimal("1.2"), None, None),
    (1234.5, Decimal("1234.5"), None, None),
]


def _satu_baris(teks: str) -> str:
    return " ".join(teks.replace("│", " ").split())


@pytest.mark.parametrize("nama", list(IMPORTIR))
@pytest.mark.parametrize("sel,harap,pesan,saran", TABEL, ids=[repr(t[0]) for t in TABEL])
def test_every_example_on_every_importer(nama, sel, harap, pesan, saran, db_siap, kinerja, tmp_path, db_path):
    r = _impor(nama, kinerja, tmp_path, db_path, [sel])
    huruf, sah = IMPORTIR[nama][4], IMPORTIR[nama][7]
    if isinstance(harap, Decimal) and sah(harap):
        assert r.exit_code == 0, r.output
        assert _tersimpan(nama, db_path) == [harap]
        return
    assert r.exit_code == 1, r.output
    assert _tersimpan(nama, db_path) == []  # nothing stored, never a plausible wrong value
    teks = _satu_baris(r.output)
    assert "ditolak" in teks
    if pesan:
        assert pesan in teks and saran in teks
        assert f" 2 {huruf} (" in teks  # the cell: row 2 of that column


BUKTI = [  # cells of one column -> stored values, or AMBIGU (refused with both readings)
    (["1.200", "95,5"], [Decimal(1200), Decimal("95.5")]),  # a decimal comma proves the rule's reading
    (["1.200", "95.5"], [Decimal("1.2"), Decimal("95.5")]),  # a dot decimal proves the English reading
    (["95,5", "1.050", "12.500"], [Decimal("95.5"), Decimal(1050), Decimal(12500)]),  # evidence before or after
    (["1.050", "1.234,5"], [Decimal(1050), Decimal("1234.5")]),
    (["1,250.5", "0.25"], [Decimal("1250.5"), Decimal("0.25")]),
    (["1.200", "95,5", "95.5"], AMBIGU),  # both kinds of evidence: still refused
    (["1.200", 95.5], AMBIGU),  # a number cell proves nothing about how people type
    (["1,250.5", "95,5"], AMBIGU),  # English grouping in a comma-decimal column
]


@pytest.mark.parametrize("nama", list(IMPORTIR))
@pytest.mark.parametrize("sel,harap", BUKTI, ids=[str(b[0]) for b in BUKTI])
def test_the_column_proves_the_convention(nama, sel, harap, db_siap, kinerja, tmp_path, db_path):
    r = _impor(nama, kinerja, tmp_path, db_path, sel)
    sah = IMPORTIR[nama][7]
    if harap is AMBIGU:
        assert r.exit_code == 1, r.output
        assert "bisa dibaca" in _satu_baris(r.output)
        assert _tersimpan(nama, db_path) == []
        if "95.5" in sel and "95,5" in sel:
            assert "sekaligus" in _satu_baris(r.output) and "ditentukan" in _satu_baris(r.output)
        return
    if not all(sah(d) for d in harap):  # read by the convention, then refused by the importer's own range
        assert r.exit_code == 1 and _tersimpan(nama, db_path) == []
        assert "bisa dibaca" not in _satu_baris(r.output)
        return
    assert r.exit_code == 0, r.output
    assert _tersimpan(nama, db_path) == harap
    teks = _satu_baris(r.output)
    assert "di kolom ini dibaca cara" in teks and "karena kolom ini memakai '" in teks  # said, not silent


def test_evidence_in_another_column_does_not_count(db_siap, kinerja, tmp_path, db_path):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    h = ["NIP", "NIP Penilai", "Peran", "Berorientasi Pelayanan", "Akuntabel"]
    f = buat_xlsx(tmp_path / "p.xlsx", {"Perilaku": [h, [STAF1, KADIS, "atasan", "1.050", "95.5"],
                                                     [STAF2, KADIS, "atasan", 100, "95,5"]]})
    from kinerja_cli.errors import ImporDitolak
    from kinerja_cli.services import perilaku
    from kinerja_cli.store.db import buka_db

    db = buka_db(db_path)
    with pytest.raises(ImporDitolak) as e:
        perilaku.impor(db, f, "2026")
    db.close()
    assert [(m.baris, m.kolom, m.pesan, m.saran) for m in e.value.masalah if m.galat] == [
        (2, "D (pelayanan)", "Berorientasi Pelayanan: Skor '1.050' bisa dibaca 1050 (titik pemisah ribuan) atau 1,05 "
         "(titik desimal)", "tulis 1050 atau 1,05")]
    assert kinerja("perilaku", "impor", f, "--periode", "2026").exit_code == 1
    f = buat_xlsx(tmp_path / "p2.xlsx", {"Perilaku": [h, [STAF1, KADIS, "atasan", "1.050", 100],
                                                      [STAF2, KADIS, "atasan", "95.5", 100]]})
    r = kinerja("perilaku", "impor", f, "--periode", "2026")
    assert r.exit_code == 0, r.output
    assert _q(db_path, f"SELECT pelayanan FROM perilaku WHERE nip = '{STAF1}'") == ["1.05"]


def test_range_target_keeps_working_and_follows_the_rule(db_siap, kinerja, tmp_path, db_path):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    rows = [[STAF1, 1, "R1", "I1", "80-90", "%", 30], [STAF1, 2, "R2", "I2", "80,5 s.d. 90,5", "%", 30],
            [STAF1, 3, "R3", "I3", "1.200-1.500", "dokumen", 40]]
    r = kinerja("sasaran", "impor", buat_xlsx(tmp_path / "s.xlsx", {"Sasaran": [HS, *rows]}), "--periode", "2026")
    assert r.exit_code == 0, r.output  # the comma decimals of row 3 prove the dot groups thousands
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT target_lo, target_hi FROM sasaran ORDER BY nomor").fetchall() == [
            ("80", "90"), ("80.5", "90.5"), ("1200", "1500")]
    rows[1][4] = "80-90"
    r = kinerja("sasaran", "impor", buat_xlsx(tmp_path / "s2.xlsx", {"Sasaran": [HS, *rows]}), "--periode", "2026")
    assert r.exit_code == 1
    assert "Target '1.200' bisa dibaca 1200 (titik pemisah ribuan) atau 1,2 (titik desimal)" in _satu_baris(r.output)


def test_lewati_galat_keeps_a_resolved_row_and_skips_an_ambiguous_one(db_siap, kinerja, tmp_path, db_path):
    r = _impor("realisasi", kinerja, tmp_path, db_path, ["1.200", "95,5", "7"], "--lewati-galat")
    assert r.exit_code == 0, r.output
    assert _tersimpan("realisasi", db_path) == [Decimal(1200), Decimal("95.5"), Decimal(7)]
    f = buat_xlsx(tmp_path / "r2.xlsx", {"Realisasi": [["NIP", "Nomor", "Realisasi"], [STAF1, 4, "2.500"]]})
    r = kinerja("realisasi", "impor", f, "--periode", "2026", "--lewati-galat")
    assert r.exit_code == 0, r.output
    assert "'2.500' bisa dibaca 2500" in _satu_baris(r.output)
    assert _q(db_path, "SELECT COUNT(*) FROM realisasi WHERE nomor = 4") == [0]


@pytest.mark.parametrize("argumen,pesan", [
    (("realisasi", "catat", STAF1, "--periode", "2026", "--nomor", "1", "--nilai", "1.200"),
     "'1.200' bisa dibaca 1200 (titik pemisah ribuan) atau 1,2 (titik desimal)"),
    (("realisasi", "catat", STAF1, "--periode", "2026", "--nomor", "1", "--nilai", "1_000"), "garis bawah"),
    (("perilaku", "catat", STAF1, "--periode", "2026", "--penilai", KADIS, "--peran", "atasan", "--skor",
      "pelayanan=1.000"), "'1.000' bisa dibaca 1000"),
    (("perilaku", "catat", STAF1, "--periode", "2026", "--penilai", KADIS, "--peran", "atasan", "--skor",
      "pelayanan=,5"), "tidak ada angka sebelum koma"),
    (("sasaran", "tambah", STAF1, "--periode", "2026", "--rhk", "R", "--indikator", "I", "--target", "12.500",
      "--bobot", "100"), "'12.500' bisa dibaca 12500"),
    (("sasaran", "tambah", STAF1, "--periode", "2026", "--rhk", "R", "--indikator", "I", "--target", "95",
      "--bobot", "95e2"), "eksponen"),
    (("pelatihan", "catat", STAF1, "--kegiatan", "K", "--jenis", "pelatihan", "--tanggal", "2026-03-01", "--jp",
      "1,250.5"), "cara Inggris"),
    (("layanan", "catat", "DPMPTSP", "--indikator", "Waktu izin", "--periode", "2026", "--nilai", "1.2.3"),
     "'1.2.3' bukan angka"),
])
def test_command_line_numbers_follow_the_same_rule(argumen, pesan, db_siap, kinerja, tmp_path, db_path):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    _skp(kinerja, tmp_path)
    assert kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", "Waktu izin").exit_code == 0
    sebelum = _q(db_path, "SELECT COUNT(*) FROM audit")
    r = kinerja(*argumen)
    assert r.exit_code == 1, r.output
    assert pesan in _satu_baris(r.output)
    assert _q(db_path, "SELECT COUNT(*) FROM audit") == sebelum


def test_command_line_unambiguous_numbers_accepted(db_siap, kinerja, tmp_path, db_path):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    _skp(kinerja, tmp_path)
    r = kinerja("realisasi", "catat", STAF1, "--periode", "2026", "--nomor", "1", "--nilai", "1.234,5")
    assert r.exit_code == 0, r.output
    assert _q(db_path, "SELECT nilai FROM realisasi") == ["1234.5"]


@pytest.mark.parametrize("argumen,pesan", [
    (("--nomor", "1_000"), "'1_000' bukan angka: garis bawah"),
    (("--nomor", "1.000"), "'1.000' bisa dibaca 1000 (titik pemisah ribuan) atau 1 (titik desimal)"),
    (("--nomor", "2,5"), "'2,5' bukan bilangan bulat"),
])
def test_integer_options_follow_the_same_rule(argumen, pesan, db_siap, kinerja, tmp_path, db_path):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    _skp(kinerja, tmp_path)
    r = kinerja("realisasi", "catat", STAF1, "--periode", "2026", *argumen, "--nilai", "5")
    assert r.exit_code == 2, r.output
    assert pesan in _satu_baris(r.output)
    assert _q(db_path, "SELECT COUNT(*) FROM realisasi") == [0]
    r = kinerja("realisasi", "catat", STAF1, "--periode", "2026", "--nomor", "1", "--nilai", "5")
    assert r.exit_code == 0 and _q(db_path, "SELECT nomor FROM realisasi") == [1]
    r = kinerja("riwayat", "--batas", "1.000")
    assert r.exit_code == 2 and "bisa dibaca 1000" in _satu_baris(r.output)


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from angka_bantu import teks_angka  # noqa: E402
from conftest import contoh  # noqa: E402


@settings(max_examples=contoh(20), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sel=st.sampled_from(["id", "en"]).flatmap(lambda cara: st.lists(teks_angka(cara), min_size=1, max_size=3)))
def test_generated_number_texts_stored_as_meant_or_refused(sel, db_siap, kinerja, tmp_path, db_path):
    """Realisasi cells typed by one writer, Indonesian or English: what is stored is what the writer meant
    (the column proved the convention), or the import is refused; never another number."""
    if not _q(db_path, "SELECT COUNT(*) FROM periode")[0]:
        assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
        _skp(kinerja, tmp_path)
    with sqlite3.connect(db_path) as c:
        c.execute("DELETE FROM realisasi")
    rows = [[STAF1, i + 1, t] for i, (t, _, _, _) in enumerate(sel)]
    r = kinerja("realisasi", "impor", buat_xlsx(tmp_path / "acak.xlsx", {"Realisasi": [
        ["NIP", "Nomor", "Realisasi"], *rows]}), "--periode", "2026")
    assert r.exit_code in (0, 1), r.output
    tersimpan = _tersimpan("realisasi", db_path)
    if r.exit_code == 1:
        assert tersimpan == []
        return
    assert tersimpan == [m for _, m, _, _ in sel], (sel, tersimpan)


def test_arabic_indic_and_full_width_digits_refused_on_import(db_siap, kinerja, tmp_path, db_path):
    r = _impor("realisasi", kinerja, tmp_path, db_path, ["١٢", "１２"])
    assert r.exit_code == 1 and _tersimpan("realisasi", db_path) == []
    teks = _satu_baris(r.output)
    assert "'١٢' bukan angka: ada angka selain 0–9" in teks and "'１２' bukan angka: ada angka selain 0–9" in teks
    assert "tulis angka dengan 0–9" in teks


def _layanan(tmp_path, db_path, sel):
    """The layanan importer run as a service: (its result, or the refusal) with the problems' texts unwrapped."""
    from kinerja_cli.errors import ImporDitolak
    from kinerja_cli.services import layanan
    from kinerja_cli.store.db import buka_db

    _, sheet, header, baris, *_ = IMPORTIR["layanan"]
    f = buat_xlsx(tmp_path / "layanan.xlsx", {sheet: [header, *[baris(i, v, len(sel)) for i, v in enumerate(sel)]]})
    db = buka_db(db_path)
    try:
        h = layanan.impor(db, f)
        return h, [m.pesan for m in h.peringatan]
    except ImporDitolak as e:
        return None, [m.pesan for m in e.masalah]
    finally:
        db.close()


def test_thousands_grouping_and_a_dot_decimal_in_one_column_named_as_found(db_siap, tmp_path, db_path):
    h, pesan = _layanan(tmp_path, db_path, ["1.200", "95.5", "1.000.000"])
    assert h is None and _tersimpan("layanan", db_path) == []
    assert pesan == ["Nilai '1.200' bisa dibaca 1200 (titik pemisah ribuan) atau 1,2 (titik desimal); kolom ini memakai "
                     "cara Indonesia (koma desimal atau titik ribuan, misalnya '1.000.000') dan cara Inggris (titik "
                     "desimal, misalnya '95.5') sekaligus, jadi cara bacanya tidak bisa ditentukan"], pesan


def test_the_warning_lists_each_reading_of_the_column(db_siap, tmp_path, db_path):
    h, pesan = _layanan(tmp_path, db_path, ["1.200", "95,5", "1,250"])
    assert h is not None, pesan
    assert _tersimpan("layanan", db_path) == [Decimal(1200), Decimal("95.5"), Decimal("1.25")]
    assert pesan == ["2 sel di kolom ini dibaca cara Indonesia (koma desimal, titik ribuan) karena kolom ini memakai "
                     "'95,5': '1.200' = 1200, '1,250' = 1,25"], pesan


def test_the_warning_lists_three_readings_then_how_many_more(db_siap, tmp_path, db_path):
    h, pesan = _layanan(tmp_path, db_path, ["95.5", "3.750", "1,250", "2.500", "1.200"])
    assert h is not None, pesan
    assert _tersimpan("layanan", db_path) == [Decimal("95.5"), Decimal("3.75"), Decimal(1250), Decimal("2.5"),
                                              Decimal("1.2")]
    assert pesan == ["4 sel di kolom ini dibaca cara Inggris (titik desimal, koma ribuan) karena kolom ini memakai "
                     "'95.5': '3.750' = 3,75, '1,250' = 1250, '2.500' = 2,5 dan 1 sel lain"], pesan


def test_a_command_s_saran_is_a_sentence_like_every_other(db_siap, kinerja):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    r = kinerja("perilaku", "catat", STAF1, "--periode", "2026", "--penilai", KADIS, "--peran", "atasan",
                "--skor", "pelayanan=1.000")
    assert r.exit_code == 1
    assert "Saran: Tulis 1000 atau 1." in r.stderr, r.stderr
    r = kinerja("perilaku", "catat", STAF1, "--periode", "2026", "--penilai", KADIS, "--peran", "atasan",
                "--skor", "pelayanan=١٠٠")
    assert r.exit_code == 1 and "Saran: Tulis angka dengan 0–9" in r.stderr, r.stderr
