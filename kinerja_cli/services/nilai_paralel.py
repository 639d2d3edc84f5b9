"""Sharing a large period's summary computation between two processes.

The employees are split by NIP into two shares of equal size; a forked child computes one
share on its own read connection while this process computes the other, and the two lists
are joined in NIP order. Results are identical to the single-process pass (a test holds
that); only summaries (`ringkas`) are shared this way. Below `KINERJA_PARALEL_MIN`
employees (default 4,000: below it the fork costs more than it saves), or without fork or a second core, nothing changes.
"""

from __future__ import annotations

import os

BAWAAN_MIN = 4_000


def _batas_minimum() -> int:
    try:
        return int(os.environ.get("KINERJA_PARALEL_MIN", BAWAAN_MIN))
    except ValueError:
        return BAWAAN_MIN


def _bagian(path: str, periode: dict, unit: str | None, metode: str, rentang: tuple) -> list[dict]:
    """One share, computed in the child on its own connection."""
    from pathlib import Path

    from ..store.db import buka_db
    from .nilai import _rekaman_langsung

    db = buka_db(Path(path))
    try:
        return _rekaman_langsung(db, periode, unit, None, metode, ringkas=True, rentang=rentang)
    finally:
        db.close()


def coba(db, periode: dict, unit: str | None, metode: str) -> list[dict] | None:
    """The summaries computed by two processes, or None when not worth it / not possible."""
    import multiprocessing

    from ..store import nilai as tabel
    from ..store.db import db_path
    from .nilai import _rekaman_langsung

    if (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    if tabel.jumlah_aktif(db, unit) < _batas_minimum():
        return None
    pembagi = tabel.nip_pembagi(db, unit, 2)
    path = db_path(db)
    if not pembagi or not path or path == "?":
        return None
    from concurrent.futures import ProcessPoolExecutor

    konteks = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=konteks) as pool:
        kedua = pool.submit(_bagian, path, periode, unit, metode, (pembagi[0], None))
        pertama = _rekaman_langsung(db, periode, unit, None, metode, ringkas=True, rentang=(None, pembagi[0]))
        return pertama + kedua.result()
