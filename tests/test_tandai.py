"""The marked error copy (--tandai): red/yellow cells with comments, the input untouched."""

from __future__ import annotations

import hashlib
import sqlite3

import openpyxl
import pytest
from conftest import HEADER_PEGAWAI, KADIS, SEKDA, STAF1, STAF2, buat_xlsx

from kinerja_cli.excel import tandai
from kinerja_cli.validation.masalah import PERINGATAN, Masalah

HS = ["NIP", "Nama", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)", "RHK Atasan (Nomor)"]


def sidik(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def warna(sel) -> str | None:
    return sel.fill.fgColor.rgb if sel.fill and sel.fill.fill_type == "solid" else None


@pytest.fixture
def siap(db_periode, kinerja):
    return db_periode


def test_refused_sasaran_import_writes_marked_copy(siap, kinerja, tmp_path):
    rows = [HS,
            [KADIS, "Budi", None, "A", "i", "sembilan", "%", 60, None],  # F2 text target
            [KADIS, "Budi", None, "B", "i", 5, "hari", 30, None],  # bobot sum 90 -> H2
            [STAF1, "Citra", None, "C", "i", 1, "x", 100, 7]]  # I4 link to a KADIS row that does not exist
    f = buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": rows})
    sebelum = sidik(f)
    keluar = tmp_path / "skp.galat.xlsx"
    r = kinerja("sasaran", "impor", f, "--periode", "2026", "--tandai", keluar)
    assert r.exit_code == 1
    assert "ditandai merah" in r.stderr and "Tambahkan --tandai" not in r.stderr
    assert sidik(f) == sebelum
    with sqlite3.connect(siap) as c:
        assert c.execute("SELECT COUNT(*) FROM sasaran").fetchone()[0] == 0
    wb = openpyxl.load_workbook(keluar)
    ws = wb["Sasaran"]
    assert warna(ws["F2"]) == tandai.WARNA_GALAT
    assert "Target 'sembilan' bukan angka" in ws["F2"].comment.text and "Perbaikan:" in ws["F2"].comment.text
    assert warna(ws["H2"]) == tandai.WARNA_GALAT and "Jumlah bobot Budi Santoso, S.E." in ws["H2"].comment.text
    assert "adalah 90, harus 100" in ws["H2"].comment.text
    assert warna(ws["I4"]) == tandai.WARNA_GALAT and "RHK atasan nomor 7 tidak ada" in ws["I4"].comment.text
    for bersih in ("A2", "F3", "H3", "H4", "F4", "A4"):
        assert warna(ws[bersih]) is None and ws[bersih].comment is None, bersih
    assert ws["F2"].value == "sembilan" and ws["A2"].value == KADIS  # data kept as it was
    daftar = wb[tandai.SHEET_DAFTAR]
    assert daftar["A1"].value == "Tingkat" and daftar.max_row == 4


def test_hint_without_tandai_and_warning_yellow(siap, kinerja, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "2000")
    f = buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [HS, [KADIS, "B", None, "A", "i", "x", "", 100, None]]})
    r = kinerja("sasaran", "impor", f, "--periode", "2026")
    assert r.exit_code == 1 and "Tambahkan --tandai skp.galat.xlsx untuk menandai sel yang salah" in r.stderr
    assert not (tmp_path / "skp.galat.xlsx").exists()
    # realisasi: a percent cell whose SKP satuan is not % is a warning -> yellow, import goes through
    ok = buat_xlsx(tmp_path / "ok.xlsx", {"Sasaran": [HS, [KADIS, "B", None, "A", "i", 5, "hari", 100, None]]})
    assert kinerja("sasaran", "impor", ok, "--periode", "2026").exit_code == 0
    rf = buat_xlsx(tmp_path / "real.xlsx", {"Realisasi": [["NIP", "Nomor", "Realisasi"], [KADIS, 1, 0.5]]})
    wb = openpyxl.load_workbook(rf)
    wb["Realisasi"]["C2"].number_format = "0%"
    wb.save(rf)
    keluar = tmp_path / "real.galat.xlsx"
    r = kinerja("realisasi", "impor", rf, "--periode", "2026", "--tandai", keluar)
    assert r.exit_code == 0 and "ditandai di" in r.stderr
    ws = openpyxl.load_workbook(keluar)["Realisasi"]
    assert warna(ws["C2"]) == tandai.WARNA_PERINGATAN and "PERINGATAN" in ws["C2"].comment.text


def test_pegawai_import_marks_cells(kinerja, tmp_path):
    kinerja("init")
    rows = [HEADER_PEGAWAI,
            [SEKDA, "Ahmad", "Sekda", "JPT", "IV/d", "Setda", None, "PNS"],
            [198001012005011002, "Budi", "Kadis", "JPT", "IV/c", "DPMPTSP", SEKDA, "PNS"],
            [STAF2, "Dewi", "Staf", "pelaksana", "III/z", "DPMPTSP", SEKDA, "PNS"]]
    f = buat_xlsx(tmp_path / "pegawai.xlsx", {"Pegawai": rows})
    sebelum = sidik(f)
    r = kinerja("pegawai", "impor", f, "--tandai", tmp_path / "pegawai.galat.xlsx")
    assert r.exit_code == 1 and sidik(f) == sebelum
    ws = openpyxl.load_workbook(tmp_path / "pegawai.galat.xlsx")["Pegawai"]
    assert warna(ws["A3"]) == tandai.WARNA_GALAT and "tersimpan sebagai angka" in ws["A3"].comment.text
    assert warna(ws["E4"]) == tandai.WARNA_GALAT and "III/z" in ws["E4"].comment.text
    assert warna(ws["A2"]) is None


def test_target_path_checks(siap, kinerja, tmp_path):
    f = buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [HS, [KADIS, "B", None, "A", "i", "x", "", 100, None]]})
    sebelum = sidik(f)
    r = kinerja("sasaran", "impor", f, "--periode", "2026", "--tandai", f)
    assert r.exit_code == 1 and "tidak boleh sama" in r.stderr and sidik(f) == sebelum
    r = kinerja("sasaran", "impor", f, "--periode", "2026", "--tandai", tmp_path / "galat.csv")
    assert r.exit_code == 1 and "harus berakhiran .xlsx" in r.stderr
    r = kinerja("sasaran", "impor", f, "--periode", "2026", "--tandai", tmp_path / "tidak" / "ada.xlsx")
    assert r.exit_code == 1 and "tidak ada" in r.stderr


def test_problem_without_column_marks_first_cell_and_text_is_never_formula(tmp_path):
    f = buat_xlsx(tmp_path / "a.xlsx", {"Data": [["NIP", "Nilai"], ["1", "2"], ["3", "4"]]})
    ms = [Masalah("Baris ini aneh", "hapus barisnya", None, "Data", 2),
          Masalah("=SUM(A1:A9) bukan rumus", "", "=1+1", "Data", 3, "B (nilai)", PERINGATAN, "", "B"),
          Masalah("Tanpa baris", "", None, "Data", None)]
    keluar = tandai.tulis(f, tmp_path / "a.galat.xlsx", ms)
    wb = openpyxl.load_workbook(keluar)
    ws = wb["Data"]
    assert warna(ws["A2"]) == tandai.WARNA_GALAT and "Baris ini aneh" in ws["A2"].comment.text
    assert warna(ws["B3"]) == tandai.WARNA_PERINGATAN and warna(ws["A3"]) is None
    d = wb[tandai.SHEET_DAFTAR]
    teks = [d.cell(r, 6).value for r in range(2, d.max_row + 1)]
    assert "=SUM(A1:A9) bukan rumus" in teks and d.cell(teks.index("=SUM(A1:A9) bukan rumus") + 2, 6).data_type == "s"


def test_problems_inside_merged_cells_mark_the_top_left_cell(tmp_path):
    # regression (fuzz): a problem in a merged cell raised "'MergedCell' object attribute 'comment' is read-only"
    f = buat_xlsx(tmp_path / "gabung.xlsx", {"Data": [["NIP", "Nilai"], ["x", 1], ["y", 2], ["z", 3]]})
    wb = openpyxl.load_workbook(f)
    wb["Data"].merge_cells("A2:B3")
    wb.save(f)
    ms = [Masalah("satu", "", "x", "Data", 3, "B (nilai)", huruf="B"),
          Masalah("dua", "", "y", "Data", 2, "A (nip)", huruf="A"),
          Masalah("tiga", "", "z", "Data", 4, "A (nip)", huruf="A")]
    keluar = tandai.tulis(f, tmp_path / "gabung.galat.xlsx", ms)
    ws = openpyxl.load_workbook(keluar)["Data"]
    assert "satu" in ws["A2"].comment.text and "dua" in ws["A2"].comment.text  # both kept, none overwritten
    assert warna(ws["A2"]) == tandai.WARNA_GALAT and "tiga" in ws["A4"].comment.text


def test_huge_value_in_problem_list_fits_an_excel_cell(tmp_path):
    f = buat_xlsx(tmp_path / "besar.xlsx", {"Data": [["NIP"], ["x" * 40_000]]})
    keluar = tandai.tulis(f, tmp_path / "besar.galat.xlsx", [Masalah("terlalu panjang", "", "x" * 40_000, "Data", 2)])
    daftar = openpyxl.load_workbook(keluar)[tandai.SHEET_DAFTAR]
    assert len(daftar["E2"].value) == 32_767
