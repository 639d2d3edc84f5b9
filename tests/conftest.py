"""Shared fixtures: a real temporary database and real .xlsx files."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from kinerja_cli import output
from kinerja_cli.app import app

# A small valid roster used across tests: Sekda -> Kadis -> staff.
SEKDA = "196711101992031001"
KADIS = "198001012005011002"
STAF1 = "198502142010012003"
STAF2 = "199003032015032004"
PPPK1 = "199001012022211005"

HEADER_PEGAWAI = ["NIP", "Nama", "Jabatan", "Jenis Jabatan", "Golongan", "Unit Kerja", "NIP Atasan", "Status"]
ROSTER = [
    [SEKDA, "Drs. H. Ahmad Yani", "Sekretaris Daerah", "JPT", "IV/d", "Sekretariat Daerah", None, "PNS"],
    [KADIS, "Budi Santoso, S.E.", "Kepala Dinas", "JPT", "IV/c", "DPMPTSP", SEKDA, "PNS"],
    [STAF1, "Citra Lestari", "Analis Perizinan", "pelaksana", "III/a", "DPMPTSP", KADIS, "PNS"],
    [STAF2, "Dewi Sartika", "Pengadministrasi", "pelaksana", "II/c", "DPMPTSP", KADIS, "PNS"],
    [PPPK1, "Eko Prasetyo", "Pranata Komputer", "fungsional", "IX", "DPMPTSP", KADIS, "PPPK"],
]


def buat_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    """Write a real workbook: {sheet name: rows}."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for nama, rows in sheets.items():
        ws = wb.create_sheet(nama)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


class Hasil:
    def __init__(self, r):
        self.exit_code = r.exit_code
        self.stdout = r.stdout
        self.stderr = r.stderr
        self.output = r.stdout + r.stderr
        self.exception = r.exception

    def json(self):
        return json.loads(self.stdout)


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    p = tmp_path / "uji.db"
    monkeypatch.setenv("KINERJA_DB", str(p))
    monkeypatch.setenv("COLUMNS", "200")
    return p


@pytest.fixture
def kinerja(db_path):
    """Run `kinerja ARGS...` in-process against the test database."""
    runner = CliRunner()

    def jalankan(*args: str, input: str | None = None) -> Hasil:
        output.reset()
        r = runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
        return Hasil(r)

    return jalankan


@pytest.fixture
def db_siap(kinerja, tmp_path, db_path):
    """A database with the small roster imported."""
    assert kinerja("init").exit_code == 0
    f = buat_xlsx(tmp_path / "pegawai.xlsx", {"Pegawai": [HEADER_PEGAWAI, *ROSTER]})
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0, r.output
    return db_path
