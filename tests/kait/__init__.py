"""Test hooks for child processes: `dengan_kait(env)` puts this folder on the child's PYTHONPATH, so
Python loads sitecustomize.py from here at start-up; that file reads the KINERJA_UJI_* variables."""

from __future__ import annotations

import os
from pathlib import Path

FOLDER = str(Path(__file__).resolve().parent)


def dengan_kait(env: dict) -> dict:
    """`env` for a child `kinerja` process in which KINERJA_UJI_JEDA_BEGIN / _COMMIT / _CADANGAN pause."""
    lama = env.get("PYTHONPATH")
    return {**env, "PYTHONPATH": FOLDER + (os.pathsep + lama if lama else "")}
