"""Formulas without a stored result read as empty cells: the user is told why."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import KADIS, buat_xlsx

from kinerja_cli.excel.rumus import rumus_tanpa_nilai

HS = ["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]


@pytest.fixture
def siap(db_siap, kinerja):
    assert kinerja("periode", "buat", "2026").exit_code == 0
    return db_siap


def test_refused_import_explains_formula_cells(siap, kinerja, tmp_path):
    f = buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [HS, [KADIS, 1, "Investasi", "Nilai", "=5+5", "%", 100]]})
    r = kinerja("sasaran", "impor", f, "--periode", "2026", "--tandai", tmp_path / "skp.galat.xlsx")
    assert r.exit_code == 1
    teks = " ".join(r.stderr.split())
    assert "1 sel berisi rumus tanpa hasil tersimpan (misalnya E2)" in teks and "simpan" in teks
    assert (tmp_path / "skp.galat.xlsx").exists()


def test_realisation_formula_warned_not_silently_empty(siap, kinerja, tmp_path):
    f = buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [HS, [KADIS, 1, "Investasi", "Nilai", 10, "%", 100]]})
    assert kinerja("sasaran", "impor", f, "--periode", "2026").exit_code == 0
    f = buat_xlsx(tmp_path / "real.xlsx", {"Realisasi": [["NIP", "Nomor", "Realisasi"], [KADIS, 1, "=4+5"]]})
    r = kinerja("realisasi", "impor", f, "--periode", "2026")
    assert r.exit_code == 0 and "1 belum diisi" in r.stderr
    assert "rumus tanpa hasil tersimpan" in " ".join(r.stderr.split())


def test_scanner_counts_across_chunks_and_ignores_formulas_with_values(tmp_path):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    for i in range(30000):  # well over one 1 MB read of sheet XML
        ws.append([f"teks panjang {i} " * 3, f"=A{i + 1}&\"x\"" if i % 1000 == 7 else i])
    wb.save(tmp_path / "besar.xlsx")
    n, sel = rumus_tanpa_nilai(tmp_path / "besar.xlsx")
    assert n == 30 and sel[:2] == ["B8", "B1008"]
    # a workbook saved by Excel stores the result next to the formula: nothing to report
    import zipfile

    with zipfile.ZipFile(tmp_path / "excel.xlsx", "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="1"><c r="A1"><f>5+5</f><v>10</v></c>'
                   '<c r="B1" t="str"><f>"a"</f><v>a</v></c></row></sheetData></worksheet>')
    assert rumus_tanpa_nilai(tmp_path / "excel.xlsx") == (0, [])
    assert rumus_tanpa_nilai(tmp_path / "tidak-ada.xlsx") == (0, [])
