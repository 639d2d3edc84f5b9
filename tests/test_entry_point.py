"""The installed `kinerja` command, as a batch script would run it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import HEADER_PEGAWAI, ROSTER, buat_xlsx

from pathlib import Path

_BESIDE = Path(sys.executable).parent / "kinerja"
KINERJA = str(_BESIDE) if _BESIDE.exists() else shutil.which("kinerja")


def _jalankan(*args, env=None, cwd=None):
    cmd = [KINERJA, *map(str, args)] if KINERJA else [sys.executable, "-m", "kinerja_cli", *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


@pytest.mark.skipif(KINERJA is None, reason="kinerja is not installed on PATH")
def test_installed_entry_point_exit_codes_and_piped_json(tmp_path):
    env = {**os.environ, "KINERJA_DB": str(tmp_path / "k.db")}
    assert _jalankan("init", env=env).returncode == 0
    f = buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": [HEADER_PEGAWAI, *ROSTER]})
    r = _jalankan("pegawai", "impor", f, env=env)
    assert r.returncode == 0, r.stderr
    r = _jalankan("pegawai", "daftar", "--format", "json", env=env)
    assert r.returncode == 0
    data = json.loads(r.stdout)  # stdout holds only the JSON
    assert len(data) == 5 and {"nip", "nama", "unit"} <= data[0].keys()
    r = _jalankan("pegawai", "lihat", "199912312020121999", env=env)
    assert r.returncode == 1 and "Galat" in r.stderr and r.stdout == ""
    r = _jalankan("pegawai", "daftar", "--format", "xml", env=env)
    assert r.returncode == 2
    r = _jalankan("perintah-tidak-ada", env=env)
    assert r.returncode == 2
    # a pipe that closes early must not crash with a traceback
    p = subprocess.run(f"'{KINERJA}' pegawai daftar --format csv | head -1", shell=True, capture_output=True,
                       text=True, env=env)
    assert p.stdout.startswith("nip,nama") and "Traceback" not in p.stderr


def test_help_does_not_import_openpyxl():
    code = ("import sys; from kinerja_cli.app import app; from typer.testing import CliRunner; "
            "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0; "
            "print('openpyxl' in sys.modules, 'sqlite_utils' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.stdout.split() == ["False", "False"], r.stderr


def test_every_command_explains_itself_with_an_example(kinerja):
    from kinerja_cli.app import app
    import typer

    cmd = typer.main.get_command(app)

    def semua(c, jalur):
        sub = getattr(c, "commands", None)
        if not sub:
            yield jalur
            return
        for nama, s in sub.items():
            yield from semua(s, [*jalur, nama])

    jalur = list(semua(cmd, []))
    assert len(jalur) >= 6
    for j in jalur:
        r = kinerja(*j, "--help")
        assert r.exit_code == 0
        assert "Contoh" in r.stdout, f"{' '.join(j)} --help has no example"


def test_every_group_explains_itself_with_an_example(kinerja):
    for grup in ("pegawai", "unit", "periode", "sasaran", "realisasi", "perilaku", "umpan-balik", "inovasi", "rating",
                 "ekspor", "pelatihan", "layanan"):
        r = kinerja(grup, "--help")
        assert r.exit_code == 0 and "Contoh" in r.stdout, grup
