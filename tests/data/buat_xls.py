"""Rebuild the legacy .xls files of tests/test_format_lain.py (needs LibreOffice: soffice).

    python tests/data/buat_xls.py

Each workbook is written with openpyxl, then converted by LibreOffice to Excel 97-2003 (.xls),
so the .xls files are real BIFF8 workbooks as Excel or LibreOffice write them.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).parents[1]))
from test_format_lain import FORMAT_XLS  # noqa: E402


def main() -> None:
    sini = Path(__file__).parent
    with tempfile.TemporaryDirectory() as tmp:
        for nama, (sheet, rows, persen) in FORMAT_XLS.items():
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = sheet
            for r in rows:
                ws.append(r)
            for ref in persen:
                ws[ref].number_format = "0.0%"
            x = Path(tmp) / f"{nama}.xlsx"
            wb.save(x)
            subprocess.run(["soffice", "--headless", "--convert-to", "xls", "--outdir", str(sini), str(x)],
                           check=True, capture_output=True)


if __name__ == "__main__":
    main()
