"""Ctrl-C or SIGTERM in the middle of `ekspor rekap`: a short Indonesian message, exit 130/143,
no traceback, no temporary file left, no process left running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import _templat
from kinerja_cli.bench_data import PERIODE, buat_berkas

_BESIDE = Path(sys.executable).parent / "kinerja"
KINERJA = [str(_BESIDE)] if _BESIDE.exists() else [sys.executable, "-m", "kinerja_cli"]


@pytest.fixture(scope="module")
def kantor(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kantor")
    buat_berkas(folder, 3000)
    # the set-up runs in-process (no signal here); only the recap the tests stop runs as its own process
    db = _templat(folder / "k.db", ["init"], ["periode", "buat", PERIODE, "--metode", "pp30"],
                  ["pegawai", "impor", folder / "pegawai.xlsx"], ["sasaran", "impor", folder / "sasaran.xlsx", "-p", PERIODE],
                  ["realisasi", "impor", folder / "realisasi.xlsx", "-p", PERIODE])
    return folder, db


@pytest.mark.parametrize("sinyal, kode", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_cancelled_recap_cleans_up(kantor, tmp_path, sinyal, kode):
    folder, db = kantor
    keluar = tmp_path / "rekap"
    keluar.mkdir()
    env = {**os.environ, "KINERJA_DB": str(db)}
    for jeda in (0.6, 0.45, 0.3):  # stop it while it works (a fast machine may finish early: try sooner)
        p = subprocess.Popen([*KINERJA, "ekspor", "rekap", str(keluar / "r.xlsx"), "-p", PERIODE, "--timpa"],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(jeda)
        if p.poll() is None:
            p.send_signal(sinyal)
            _, err = p.communicate(timeout=60)
            break
        p.communicate()
        (keluar / "r.xlsx").unlink(missing_ok=True)
    else:
        pytest.skip("the recap finished before it could be stopped")
    if p.returncode == 0:
        pytest.skip("the signal arrived after the recap was written")
    assert p.returncode == kode, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert "tidak disimpan dan berkas sementara dihapus" in " ".join(err.split())  # the line may wrap at the path
    assert list(keluar.iterdir()) == []  # no half-written recap, no openpyxl temp files
    time.sleep(0.3)
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert str(keluar / "r.xlsx") not in ps  # the process ended
