"""The scoring core stays pure: no CLI, terminal, database or Excel imports."""

import subprocess
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parents[2]
TERLARANG = ("typer", "click", "rich", "sqlite_utils", "sqlite3", "openpyxl")


def test_scoring_tidak_mengimpor_io():
    kode = (
        "import sys, kinerja_cli.scoring\n"
        f"print(','.join(m for m in {TERLARANG!r} if m in sys.modules))\n"
    )
    hasil = subprocess.run(
        [sys.executable, "-c", kode], cwd=AKAR, capture_output=True, text=True, check=True
    )
    assert hasil.stdout.strip() == ""
