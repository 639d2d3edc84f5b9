"""Clear messages on odd files: digits other than 0-9 in a NIP, TRUE in the NIP column, other
spreadsheet formats (.xlsb, .numbers; .ods is read, tests/test_format_lain.py) and broken workbooks, never an internal class name."""

from __future__ import annotations

import zipfile

import pytest
from conftest import HEADER_PEGAWAI, ROSTER, buat_xlsx


def _teks(r) -> str:
    return " ".join(r.stderr.split())


def test_odd_nip_cells_get_clear_messages(db_siap, kinerja, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "2000")  # the table unwrapped
    rows = [list(x) for x in ROSTER]
    rows[0][0] = "١٩٦٧١١١٠١٩٩٢٠٣١٠٠١"  # Arabic-Indic digits
    rows[1][0] = "１９８００１０１２００５０１１００２"  # full-width digits
    rows[2][0] = True
    rows[3][6] = "۱۹۸۰۰۱۰۱۲۰۰۵۰۱۱۰۰۲"  # extended Arabic-Indic, in NIP Atasan
    r = kinerja("pegawai", "impor", buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": [HEADER_PEGAWAI, *rows]}))
    assert r.exit_code == 1
    t = _teks(r)
    for angka in ("١", "１", "۱"):
        assert f"NIP harus ditulis dengan angka 0–9; ditemukan angka lain ('{angka}')" in t
    assert "sel NIP berisi nilai logika TRUE, bukan NIP" in t and "tersimpan sebagai angka" not in t


@pytest.mark.parametrize("nama, isi, format_", [
    ("data.xlsb", {"[Content_Types].xml": "<Types/>", "xl/workbook.bin": "\x00"}, "Excel Binary (.xlsb)"),
    ("data.numbers", {"Index/Document.iwa": "\x00", "Metadata/Properties.plist": "x"}, "Apple Numbers (.numbers)"),
    ("ganti-nama.xlsx", {"[Content_Types].xml": "<Types/>", "xl/workbook.bin": "\x00"}, "Excel Binary (.xlsb)"),
])
def test_other_spreadsheet_formats_are_named_with_the_fix(db_siap, kinerja, tmp_path, nama, isi, format_):
    with zipfile.ZipFile(tmp_path / nama, "w") as z:
        for n, v in isi.items():
            z.writestr(n, v)
    r = kinerja("pegawai", "impor", tmp_path / nama)
    assert r.exit_code == 1
    t = _teks(r)
    assert format_ in t and ".xlsx" in t.split("Saran:")[1]
    assert "Exception" not in t and "Error" not in t


def test_broken_workbook_message_has_no_class_name(db_siap, kinerja, tmp_path):
    with zipfile.ZipFile(tmp_path / "rusak.xlsx", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook><sheets>")  # broken XML
    r = kinerja("pegawai", "impor", tmp_path / "rusak.xlsx", "--tandai", tmp_path / "t.xlsx")
    assert r.exit_code == 1
    t = _teks(r)
    assert "rusak.xlsx tidak dapat dibaca sebagai buku kerja Excel: isinya rusak atau bukan format .xlsx" in t
    assert "(" not in t.split("Saran:")[0].split("Excel", 1)[1]
