"""User text printed or written back (issue 12, section 9): Rich markup and control characters in
names, formula-like text in CSV, one text rule for every Excel sheet, --tandai never overwrites."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import openpyxl
import pytest
from conftest import HEADER_PEGAWAI, KADIS, ROSTER, SEKDA, STAF1, STAF2, buat_xlsx
from data_nilai import isi

from kinerja_cli import output
from kinerja_cli.excel.aman import BATAS_SEL, TANDA_POTONG, bersihkan
from kinerja_cli.validation.teks import karakter_kendali

MARKUP = {STAF1: "Budi [/]", STAF2: "[bold red]X[/bold red] [link=http://x]y[/link]"}
RUMUS = '=HYPERLINK("http://x","y")'
PERINTAH = "+1+cmd|' /C calc'!A0"


def _roster(path, ganti: dict, kolom: int = 1, teks_rumus: bool = True):
    """The small roster with column `kolom` (1: Nama) of some people replaced; text cells stay text."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Pegawai"
    ws.append(HEADER_PEGAWAI)
    for r in ROSTER:
        r = list(r)
        if r[0] in ganti:
            r[kolom] = ganti[r[0]]
        ws.append(r)
    if teks_rumus:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.data_type == "f":
                    c.data_type = "s"  # a text cell that starts with '=' (as Excel stores '=... typed as text)
    wb.save(path)
    return path


def _ubah_nama(db_path, nama: dict):
    with sqlite3.connect(db_path) as c:
        for nip, n in nama.items():
            c.execute("UPDATE pegawai SET nama = ? WHERE nip = ?", [n, nip])


# --- Rich markup and control characters on the terminal -------------------------------------------

def test_markup_in_names_is_printed_literally(kinerja, db_path, tmp_path):
    assert kinerja("init").exit_code == 0
    r = kinerja("pegawai", "impor", _roster(tmp_path / "p.xlsx", MARKUP))
    assert r.exit_code == 0, r.output
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    daftar = kinerja("pegawai", "daftar")
    assert daftar.exit_code == 0, daftar.output
    assert "Budi [/]" in daftar.stdout
    assert "[bold red]X[/bold red]" in daftar.stdout and "[link=http://x]y[/link]" in daftar.stdout
    lihat = kinerja("pegawai", "lihat", STAF2)
    assert lihat.exit_code == 0 and "[bold red]X[/bold red] [link=http://x]y[/link]" in lihat.stdout
    nilai = kinerja("nilai", "--periode", "2026")
    assert nilai.exit_code == 0, nilai.output
    assert "Budi [/]" in nilai.stdout and "[bold red]X[/bold red]" in nilai.stdout
    rinci = kinerja("nilai", "--periode", "2026", "--nip", STAF1, "--rinci")
    assert rinci.exit_code == 0 and "Budi [/]" in rinci.stdout


def test_markup_in_file_and_period_names_reaches_the_message(kinerja, db_path, tmp_path):
    assert kinerja("init").exit_code == 0
    f = buat_xlsx(tmp_path / "[x].xlsx", {"Pegawai": [HEADER_PEGAWAI, ["123", "Budi [/]", None, None, None, "X", None, None]]})
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1
    assert "Impor [x].xlsx ditolak" in r.stderr and "Masalah di berkas" in r.stderr
    r = kinerja("nilai", "--periode", "[/]")
    assert r.exit_code == 1 and "Kode periode '[/]' tidak dikenal" in r.stderr
    r = kinerja("pegawai", "impor", tmp_path / "[bold]tidak-ada[/bold].xlsx")
    assert r.exit_code == 1 and "[bold]tidak-ada[/bold].xlsx" in r.stderr


def test_control_characters_already_stored_never_reach_the_terminal(db_siap, kinerja, db_path):
    """Data stored before this rule (or written by another tool) is cleaned on output."""
    _ubah_nama(db_path, {STAF1: "Citra\x1b[2J\x1b]0;judul\x07 Lestari\x9b31m"})
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    for args in (("pegawai", "daftar"), ("pegawai", "lihat", STAF1), ("nilai", "--periode", "2026"),
                 ("pegawai", "daftar", "--format", "csv")):
        r = kinerja(*args)
        assert r.exit_code == 0, r.output
        assert "\x1b" not in r.output and "\x07" not in r.output and "\x9b" not in r.output, args
        assert "Citra[2J]0;judul Lestari31m" in r.stdout, args
    # JSON stays exact (escaped by JSON itself)
    js = kinerja("pegawai", "daftar", "--format", "json").json()
    assert {x["nip"]: x["nama"] for x in js}[STAF1] == "Citra\x1b[2J\x1b]0;judul\x07 Lestari\x9b31m"


def test_escape_sequence_in_an_imported_cell_is_refused_naming_the_cell(kinerja, db_path, tmp_path):
    """Excel writes ESC as _x001B_; the reader decodes it. The import is refused, nothing stored."""
    assert kinerja("init").exit_code == 0
    f = _roster(tmp_path / "p.xlsx", {STAF1: "Citra _x001B_[2J Lestari"})
    f2 = _roster(tmp_path / "j.xlsx", {STAF2: "Staf\x7fTU"}, kolom=2)
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1
    assert "\x1b" not in r.output
    assert "1 sel berisi karakter kendali" in r.stderr and "di sel B4" in r.stderr
    assert "ESC (kode 27)" in r.stderr and "=CLEAN" in r.stderr and "Tidak ada data yang ditulis" in r.stderr
    assert kinerja("pegawai", "daftar", "--format", "json").json() == []
    r = kinerja("pegawai", "impor", f2, "--lewati-galat")  # a whole-file refusal: no row is kept
    assert r.exit_code == 1 and "di sel C5" in r.stderr and "DEL (kode 127)" in r.stderr
    assert kinerja("pegawai", "daftar", "--format", "json").json() == []


@pytest.mark.parametrize("teks, apa", [
    ("a\x1bb", "ESC (kode 27)"), ("a_x001B_b", "ESC (kode 27), tertulis _x001B_"), ("x\x85", "karakter kendali (kode 133)"),
    ("a\tb\nc\r", None), ("baris_x000D_", None), ("é ñ 中 a\u00a0b", None), ("_x0009_", None), (12, None),
    ("Budi \u202eitnaS", "RIGHT-TO-LEFT OVERRIDE (U+202E)"), ("a\u202ab", "LEFT-TO-RIGHT EMBEDDING (U+202A)"),
    ("a\u2066b\u2069", "LEFT-TO-RIGHT ISOLATE (U+2066)"), ("a\u2069", "POP DIRECTIONAL ISOLATE (U+2069)"),
    ("a\u200eb", "LEFT-TO-RIGHT MARK (U+200E)"), ("a\u200f", "RIGHT-TO-LEFT MARK (U+200F)"),
    ("a\u061c", "ARABIC LETTER MARK (U+061C)"), ("Bu\u200bdi", "ZERO WIDTH SPACE (U+200B)"),
    ("Bu\u2060di", "WORD JOINER (U+2060)"), ("Budi\ufeff", "ZERO WIDTH NO-BREAK SPACE (U+FEFF)"),
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", None), ("👩\u200d💻", None),  # ZWNJ, ZWJ: kept
    ("a\x1b\u202e", "ESC (kode 27)")])
def test_control_character_rule(teks, apa):
    """Both reader paths: calamine decodes _x001B_ into ESC, openpyxl keeps the text _x001B_."""
    assert karakter_kendali(teks) == apa


# --- CSV ----------------------------------------------------------------------------------------

def test_csv_neutralises_formula_text_json_stays_exact(kinerja, db_path, tmp_path):
    import csv
    import io

    assert kinerja("init").exit_code == 0
    nama = {STAF1: RUMUS, STAF2: PERINTAH, KADIS: "@SUM(1+1)*cmd", SEKDA: "-2+3+cmd"}
    r = kinerja("pegawai", "impor", _roster(tmp_path / "p.xlsx", nama))
    assert r.exit_code == 0, r.output
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    for args in (("pegawai", "daftar"), ("nilai", "--periode", "2026")):
        baris = list(csv.DictReader(io.StringIO(kinerja(*args, "--format", "csv").stdout)))
        dapat = {b["nip"]: b["nama"] for b in baris}
        assert dapat[STAF1] == "'" + RUMUS, args
        assert dapat[STAF2] == "'" + PERINTAH and dapat[KADIS] == "'@SUM(1+1)*cmd" and dapat[SEKDA] == "'-2+3+cmd"
        assert {b["nip"] for b in baris} >= set(nama)  # NIPs (digits) untouched
        js = {x["nip"]: x["nama"] for x in kinerja(*args, "--format", "json").json()}
        assert js[STAF1] == RUMUS and js[STAF2] == PERINTAH and js[SEKDA] == "-2+3+cmd"


def test_csv_numbers_are_never_prefixed():
    assert output._csv_nilai(Decimal("-5")) == "-5.00"
    assert output._csv_nilai(-5) == -5
    assert output._csv_nilai("-5") == "-5" and output._csv_nilai("-2,5") == "-2,5"
    assert output._csv_nilai("-5 hari") == "'-5 hari"
    assert output._csv_nilai("\tx") == "'\tx" and output._csv_nilai("\r=1") == "'=1"
    assert output._csv_nilai(["=a", "b"]) == "'=a;b"


# --- Excel: one rule for every sheet --------------------------------------------------------------

def _periksa_semua_sel(lembar, nilai_panjang: str):
    """Every text cell in these sheets: within Excel's limit, literal text, formula-like text quoted."""
    panjang = rumus = 0
    for ws in lembar:
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if not isinstance(v, str):
                    continue
                assert len(v.encode("utf-16-le")) // 2 <= BATAS_SEL, (ws.title, c.coordinate)
                assert c.data_type == "s", (ws.title, c.coordinate, v[:30])
                if v.startswith(("=", "+", "-", "@")):
                    assert c.quotePrefix, (ws.title, c.coordinate, v[:30])
                    rumus += 1
                if v.endswith(TANDA_POTONG):
                    assert v.startswith(nilai_panjang[:50])
                    panjang += 1
    return panjang, rumus


def test_recap_every_sheet_cuts_long_text_and_quotes_formula_text(db_siap, kinerja, db_path, tmp_path):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_path)
    kinerja("pelatihan", "catat", STAF2, "--kegiatan", "Workshop", "--jenis", "workshop", "--tanggal", "2026-03-02",
            "--jp", "8")
    panjang = "Nama sangat panjang " + "x" * 40_001
    _ubah_nama(db_path, {STAF1: panjang, STAF2: "=cmd|' /C calc'!A0"})
    f = tmp_path / "rekap.xlsx"
    r = kinerja("ekspor", "rekap", f, "--periode", "2026", "--per-unit")
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(f)
    assert "Pengembangan" in wb.sheetnames
    per_sheet = {}
    for ws in wb.worksheets:
        per_sheet[ws.title] = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)
                               and (c.value.endswith(TANDA_POTONG) or c.value.startswith("=cmd"))]
    for nama in ("Rekap", "Rincian", "Pengembangan", "DPMPTSP"):
        assert len(per_sheet[nama]) >= 2, nama  # both names are in every people sheet
    cut, quoted = _periksa_semua_sel(wb.worksheets, panjang)
    assert cut >= 4 and quoted >= 4


def test_tandai_error_sheet_follows_the_same_rule(kinerja, db_path, tmp_path):
    assert kinerja("init").exit_code == 0
    panjang = "=HYPERLINK(\"http://x\")" + "9" * 40_001
    f = _roster(tmp_path / "p.xlsx", {STAF1: panjang}, kolom=0)  # an invalid NIP: the value is listed
    r = kinerja("pegawai", "impor", f, "--tandai", tmp_path / "p.galat.xlsx")
    assert r.exit_code == 1
    wb = openpyxl.load_workbook(tmp_path / "p.galat.xlsx")
    ws = wb["Galat kinerja"]
    nilai = [c for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str) and c.value.startswith("=HYP")]
    assert nilai, [[c.value for c in row] for row in ws.iter_rows(max_row=3)]
    for c in nilai:
        assert c.data_type == "s" and c.quotePrefix and len(c.value) <= BATAS_SEL
    _periksa_semua_sel([ws], panjang)  # the user's own sheets are copied as they are
    # a problem carrying a text longer than a cell holds (the reader already cuts cells it reads)
    from kinerja_cli.excel import tandai
    from kinerja_cli.validation.masalah import Masalah

    lebih = "=cmd" + "y" * 40_001
    tandai.tulis(f, tmp_path / "langsung.xlsx", [Masalah(lebih, lebih, lebih, "Pegawai", 3, "B (nama)", huruf="B")])
    wb = openpyxl.load_workbook(tmp_path / "langsung.xlsx")
    baris = list(wb["Galat kinerja"].iter_rows(min_row=2, max_row=2))[0]
    for c in (baris[4], baris[5], baris[6]):
        assert c.value.endswith(TANDA_POTONG) and len(c.value) == BATAS_SEL and c.data_type == "s" and c.quotePrefix
    _periksa_semua_sel([wb["Galat kinerja"]], lebih)


def test_cut_counts_utf16_units_and_keeps_short_text():
    assert bersihkan("a" * BATAS_SEL) == "a" * BATAS_SEL
    t = bersihkan("😀" * 20_000)  # 40,000 UTF-16 units
    assert len(t.encode("utf-16-le")) // 2 <= BATAS_SEL and t.endswith(TANDA_POTONG)
    assert "\ud83d" not in t  # never half a surrogate pair
    assert bersihkan("a\x1bb\x7fc\x85d") == "abcd"


# --- --tandai never overwrites without --timpa -------------------------------------------------------

def test_tandai_refuses_an_existing_file_unless_timpa(kinerja, db_path, tmp_path):
    assert kinerja("init").exit_code == 0
    lama = tmp_path / "rekap-minggu-lalu.xlsx"
    buat_xlsx(lama, {"Rekap": [["isi penting"]]})
    isi_lama = lama.read_bytes()
    f = buat_xlsx(tmp_path / "pegawai.xlsx", {"Pegawai": [HEADER_PEGAWAI, *ROSTER]})
    r = kinerja("pegawai", "impor", f, "--tandai", lama)
    assert r.exit_code == 1
    assert "rekap-minggu-lalu.xlsx sudah ada" in r.stderr and "--timpa" in r.stderr and "Tidak ada yang diimpor" in r.stderr
    assert lama.read_bytes() == isi_lama
    assert kinerja("pegawai", "daftar", "--format", "json").json() == []  # refused up front: nothing imported
    for perintah in (("sasaran", "impor"), ("realisasi", "impor"), ("perilaku", "impor"), ("umpan-balik", "impor"),
                     ("inovasi", "impor")):
        r = kinerja(*perintah, f, "--periode", "2026", "--tandai", lama)
        assert r.exit_code == 1 and "sudah ada" in r.stderr, (perintah, r.output)
    assert lama.read_bytes() == isi_lama
    r = kinerja("pegawai", "impor", f, "--tandai", lama, "--timpa")
    assert r.exit_code == 0, r.output
    assert len(kinerja("pegawai", "daftar", "--format", "json").json()) == len(ROSTER)
    buruk = buat_xlsx(tmp_path / "buruk.xlsx", {"Pegawai": [HEADER_PEGAWAI, ["123", "X", None, None, None, "U", None, None]]})
    r = kinerja("pegawai", "impor", buruk, "--tandai", lama, "--timpa")
    assert r.exit_code == 1 and "ditandai merah" in r.stderr
    assert "Galat kinerja" in openpyxl.load_workbook(lama).sheetnames


def test_bidi_override_in_an_imported_cell_is_refused_and_stripped_on_output(kinerja, db_path, tmp_path, monkeypatch):
    """'Trojan Source': U+202E shows a name reversed; zero-width characters make equal-looking names differ."""
    monkeypatch.setenv("COLUMNS", "400")  # the problem table on one line per cell
    assert kinerja("init").exit_code == 0
    f = _roster(tmp_path / "p.xlsx", {STAF1: "Citra \u202eiratseL", STAF2: "De\u200bwi"})
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1
    teks = " ".join(r.stderr.replace("│", " ").split())
    assert "2 sel berisi karakter kendali" in teks
    assert "RIGHT-TO-LEFT OVERRIDE (U+202E)" in teks and "ZERO WIDTH SPACE (U+200B)" in teks
    assert "=CLEAN tidak menghapusnya" in teks
    assert "\u202e" not in r.output and "\u200b" not in r.output
    assert kinerja("pegawai", "daftar", "--format", "json").json() == []
    # stored before this rule (or by another tool): removed on output, JSON stays exact
    assert kinerja("pegawai", "impor", _roster(tmp_path / "b.xlsx", {})).exit_code == 0
    _ubah_nama(db_path, {STAF1: "Citra \u202eiratseL\u2066\ufeff"})
    for args in (("pegawai", "daftar"), ("pegawai", "daftar", "--format", "csv"), ("pegawai", "lihat", STAF1)):
        r = kinerja(*args)
        assert r.exit_code == 0, r.output
        assert "Citra iratseL" in r.stdout and not any(c in r.output for c in "\u202e\u2066\ufeff"), args
    js = kinerja("pegawai", "daftar", "--format", "json").json()
    assert {x["nip"]: x["nama"] for x in js}[STAF1] == "Citra \u202eiratseL\u2066\ufeff"
