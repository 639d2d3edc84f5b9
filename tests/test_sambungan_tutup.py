"""Every command closes the SQLite connection it opened, at the one command boundary
(app._GrupKinerja.invoke), whether it succeeds, refuses the input or is refused mid-work."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from typer.testing import CliRunner

from kinerja_cli.app import app

_dicatat: list | None = None


def _catat(peristiwa: str, argumen: tuple) -> None:
    if peristiwa == "sqlite3.connect/handle" and _dicatat is not None:
        _dicatat.append(argumen[0])


sys.addaudithook(_catat)


def _jalankan_tanpa_penutup(*args) -> tuple:
    """Run a command in-process WITHOUT the test harness's own closing (conftest._jalankan): the
    connections it opened, kept alive here, must already be closed by the command itself."""
    global _dicatat
    _dicatat = []
    try:
        r = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    finally:
        sambungan, _dicatat = _dicatat, None
    return r, sambungan


def _tertutup(c: sqlite3.Connection) -> bool:
    try:
        c.execute("select 1")
    except sqlite3.ProgrammingError:
        return True
    return False


@pytest.mark.parametrize("args,kode", [
    (("pegawai", "daftar"), 0),  # success
    (("pegawai", "impor", "tidak-ada.xlsx"), 1),  # the file is refused after the database was opened
    (("sasaran", "daftar", "--periode", "2099"), 1),  # a KinerjaError from the store layer
])
def test_command_closes_its_connection_on_every_path(db_siap, tmp_path, monkeypatch, args, kode):
    monkeypatch.chdir(tmp_path)
    r, sambungan = _jalankan_tanpa_penutup(*args)
    assert r.exit_code == kode, r.output
    assert sambungan, "the command opened no connection"
    terbuka = [c for c in sambungan if not _tertutup(c)]
    assert not terbuka, f"{len(terbuka)} SQLite connection(s) still open after `kinerja {' '.join(args)}`"
    # and nothing holds the database: another process could now take an exclusive lock at once
    lain = sqlite3.connect(db_siap, timeout=0)
    try:
        lain.execute("BEGIN EXCLUSIVE")
        lain.execute("ROLLBACK")
    finally:
        lain.close()
