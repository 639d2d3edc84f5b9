"""The private openpyxl names the hand-written sheet writer (excel/lembar_cepat.py, excel/baris_xml.py)
relies on. pyproject pins openpyxl to the minor version tested (>=3.1.5,<3.2); if a new openpyxl moves
any of these, this test fails and names what moved, instead of a recap failing in an office."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import openpyxl

# (module, attribute path): every private name lembar_cepat.py / aman.py use on openpyxl objects
MODUL = [
    ("openpyxl.cell._writer", "write_cell"),
    ("openpyxl.worksheet._write_only", "WriteOnlyWorksheet"),
    ("openpyxl.compat", "safe_string"),
    ("openpyxl.comments.comment_sheet", "CommentRecord.from_cell"),
    ("openpyxl.drawing.image", "Image._data"),  # excel/kop.py: the logo's bytes without PIL
]
LEMBAR = ["_write_rows", "_get_writer", "_already_saved", "_rows", "_comments", "_writer", "parent"]
PENULIS = ["xf"]
BUKU = ["_cell_styles", "_add_sheet"]
SEL = ["_comment", "_value", "_style", "has_style", "hyperlink", "data_type", "quotePrefix"]


def _ambil(obj, jalur: str):
    for bagian in jalur.split("."):
        obj = getattr(obj, bagian)
    return obj


def test_openpyxl_version_is_the_pinned_minor():
    teks = (Path(__file__).parents[1] / "pyproject.toml").read_text()
    bawah, atas = re.search(r'"openpyxl>=([0-9.]+),<([0-9.]+)"', teks).groups()
    versi = tuple(int(x) for x in openpyxl.__version__.split(".")[:3])
    assert tuple(map(int, bawah.split("."))) <= versi < tuple(map(int, atas.split("."))), (
        f"openpyxl {openpyxl.__version__} is outside the pin >={bawah},<{atas} in pyproject.toml")


def test_private_openpyxl_names_of_the_sheet_writer_still_exist():
    from openpyxl import Workbook
    from openpyxl.cell import Cell

    from kinerja_cli.excel.lembar_cepat import buat_lembar

    hilang = []
    for modul, jalur in MODUL:
        try:
            _ambil(importlib.import_module(modul), jalur)
        except (ImportError, AttributeError):
            hilang.append(f"{modul}.{jalur}")
    wb = Workbook(write_only=True)
    ws = buat_lembar(wb, "S")
    ws._get_writer()
    hilang += [f"WriteOnlyWorksheet.{n}" for n in LEMBAR if not hasattr(ws, n)]
    hilang += [f"WorksheetWriter.{n}" for n in PENULIS if not hasattr(ws._writer, n)]
    hilang += [f"Workbook.{n}" for n in BUKU if not hasattr(wb, n)]
    sel = Cell(ws, value="x")
    hilang += [f"Cell.{n}" for n in SEL if not hasattr(sel, n)]
    from io import BytesIO

    from openpyxl.xml.functions import xmlfile

    with xmlfile(BytesIO()) as xf:  # et_xmlfile's stream, which LembarCepat writes its rows into
        if not callable(getattr(xf, "_file", None)):
            hilang.append("et_xmlfile xmlfile._file")
    assert not hilang, ("openpyxl " + openpyxl.__version__ + " no longer has the private names used by "
                        "excel/lembar_cepat.py and excel/kop.py: " + ", ".join(hilang))


def test_sheet_writer_output_reads_back(tmp_path):
    """End to end through every private path (fast text cells, styled cells, the slow per-cell path
    with a comment and a date): the saved workbook holds exactly what was appended."""
    from datetime import datetime

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment

    from kinerja_cli.excel.lembar_cepat import GayaSel, buat_lembar

    wb = Workbook(write_only=True)
    ws = buat_lembar(wb, "S")
    from openpyxl.styles import Font

    tebal = GayaSel(ws, font=Font(bold=True))
    c = WriteOnlyCell(ws, value="catatan")
    c.comment = Comment("isi", "kinerja")
    ws.append(["NIP", "=bukan rumus", 3, 2.5, datetime(2026, 1, 2), c])
    ws.tambah_xml('<row r="2"><c r="A2" t="inlineStr"><is><t>xml</t></is></c></row>')
    ws.append([tebal("tebal"), tebal(7)])
    wb.save(tmp_path / "s.xlsx")
    baca = openpyxl.load_workbook(tmp_path / "s.xlsx")["S"]
    assert [v.value for v in baca[1]] == ["NIP", "=bukan rumus", 3, 2.5, datetime(2026, 1, 2), "catatan"]
    assert baca["F1"].comment.text.startswith("isi") and baca["A2"].value == "xml"
    assert baca["A3"].value == "tebal" and baca["A3"].font.b and baca["B3"].value == 7



def test_with_lxml_in_openpyxl_the_recap_is_refused_with_a_message_not_a_traceback(kinerja, db_periode, tmp_path,
                                                                                    monkeypatch):
    """`kinerja` turns openpyxl's lxml writer off at start (masuk.main); a library caller with lxml on
    gets one message and no half-written file, never an AttributeError from inside openpyxl."""
    import openpyxl as op

    monkeypatch.setattr(op, "LXML", True)
    for perintah in (("ekspor", "rekap", tmp_path / "rekap.xlsx"), ("templat", tmp_path / "templat.xlsx"),
                     ("templat", "pelatihan", tmp_path / "pelatihan.xlsx")):
        r = kinerja(*perintah, "--periode", "2026")
        assert r.exit_code == 1 and "Traceback" not in r.output and "Exception ignored" not in r.output, perintah
        assert "openpyxl menulis XML dengan lxml" in r.stderr and "OPENPYXL_LXML=False" in " ".join(r.stderr.split())
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("uji.db")] == []


def test_the_command_turns_lxml_off_before_openpyxl_is_imported(tmp_path):
    """With lxml installed openpyxl would write through it: the entry point sets OPENPYXL_LXML=False first
    (a real process, as the entry point runs; the value is read back from the child's openpyxl)."""
    import os
    import subprocess
    import sys

    kode = ("import sys, kinerja_cli.masuk as m; sys.argv = ['kinerja', '--version']\n"
            "try:\n    m.main()\nexcept SystemExit:\n    pass\n"
            "import os, openpyxl.xml as x; print(os.environ['OPENPYXL_LXML'], x.lxml_env_set())")
    r = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True,
                       env={**os.environ, "OPENPYXL_LXML": "True"})
    assert r.stdout.split()[-2:] == ["False", "False"], r.stdout + r.stderr
