"""The test helper buat_xlsx (tests/xlsx_cepat.py) writes the workbook openpyxl writes, part for part."""

from __future__ import annotations

from datetime import date

import pytest
from python_calamine import CalamineWorkbook

import xlsx_cepat

KASUS = {
    "plain": {"Pegawai": [["NIP", "Nama", None, " spasi "], [], [1, 2.5, True, None], [None, None],
                          [10**20, -0.0, 1e-7, "a&<b>\"'\r\n\t"], ["", "   ", " a", "b\n", "ü 中 \u200b"]],
              "Kosong": [], "Dua": [(1, 2), [None, None, None, "z"]]},
    "first row empty": {"S": [[], [None, "x"]]},
    "formula and date (openpyxl writes)": {"S": [["=A1", date(2026, 1, 1), "#N/A", float("nan")]]},
}


@pytest.mark.parametrize("sheets", list(KASUS.values()), ids=list(KASUS))
def test_same_parts_as_openpyxl_and_both_readers_agree(tmp_path, monkeypatch, sheets):
    monkeypatch.setenv("KINERJA_UJI_BANDING_XLSX", "1")  # asserts every part equal to openpyxl's
    cepat = xlsx_cepat.tulis(tmp_path / "cepat.xlsx", sheets)
    acuan = xlsx_cepat._openpyxl(tmp_path / "acuan.xlsx", sheets)
    a, b = CalamineWorkbook.from_path(acuan), CalamineWorkbook.from_path(cepat)
    assert a.sheet_names == b.sheet_names == list(sheets)
    for n in a.sheet_names:
        assert a.get_sheet_by_name(n).to_python() == b.get_sheet_by_name(n).to_python()
