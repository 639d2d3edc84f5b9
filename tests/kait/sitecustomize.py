"""Loaded by Python at start-up in a child process whose PYTHONPATH holds this folder (tests/kait,
kait.dengan_kait). When a KINERJA_UJI_* variable is set, it wraps a store function so the process
pauses at one moment; production code carries no test branch. Each pause first writes one line to
stderr ("KINERJA_UJI: menunggu ..."), so a test knows the process got there.

KINERJA_UJI_JEDA_BEGIN=N     N seconds before BEGIN IMMEDIATE of a command's write transaction (an
                             import has read its file, not yet the write lock: concurrency tests)
KINERJA_UJI_JEDA_COMMIT=N    N seconds before its COMMIT, after every write (crash tests kill here)
KINERJA_UJI_JEDA_CADANGAN=N  a backup/restore copy goes page by page and pauses N seconds after the
                             first page (crash tests kill in the middle of the copy)
KINERJA_UJI_PALANG=FOLDER:K  with KINERJA_UJI_JEDA_BEGIN: a barrier instead of a fixed pause. Before its
                             n-th outermost BEGIN the process adds the entry "n-PID" to FOLDER and waits
                             until K entries "n-*" are there (JEDA_BEGIN seconds at most), so K processes
                             (or the test, adding one itself) all get there before any goes on.
"""

import os

_BEGIN = os.environ.get("KINERJA_UJI_JEDA_BEGIN")
_COMMIT = os.environ.get("KINERJA_UJI_JEDA_COMMIT")
_CADANGAN = os.environ.get("KINERJA_UJI_JEDA_CADANGAN")
_PALANG = os.environ.get("KINERJA_UJI_PALANG")
_sudah_begin = []


def _palang(detik: str) -> None:
    """Wait at the barrier KINERJA_UJI_PALANG (bounded by `detik`)."""
    import time
    from pathlib import Path

    folder, _, jumlah = _PALANG.rpartition(":")
    _sudah_begin.append(1)
    awalan = f"{len(_sudah_begin)}-"
    (Path(folder) / f"{awalan}{os.getpid()}").touch()
    batas = time.monotonic() + float(detik)
    while time.monotonic() < batas:
        if sum(1 for n in os.listdir(folder) if n.startswith(awalan)) >= int(jumlah):
            return
        time.sleep(0.005)


def _tunggu(saat: str, detik: str) -> None:
    import sys
    import time

    sys.stderr.write(f"KINERJA_UJI: menunggu {saat}\n")
    sys.stderr.flush()
    if _PALANG and saat == "sebelum BEGIN":
        _palang(detik)
    else:
        time.sleep(float(detik))


def _pasang_transaksi() -> None:
    import contextlib

    from kinerja_cli.store import db as modul

    asli = modul.transaksi

    @contextlib.contextmanager
    def transaksi(db):
        luar = not db.conn.in_transaction  # only the outermost transaction has BEGIN and COMMIT
        if luar and _BEGIN:
            _tunggu("sebelum BEGIN", _BEGIN)
        with asli(db) as x:
            yield x
            if luar and _COMMIT:
                _tunggu("sebelum COMMIT", _COMMIT)

    modul.transaksi = transaksi


def _pasang_cadangan() -> None:
    from kinerja_cli.store import cadangan

    def salin_halaman(sumber, tujuan):
        sudah = []

        def berhenti(status, sisa, total):
            if not sudah:
                sudah.append(1)
                _tunggu("di tengah cadangan", _CADANGAN)

        sumber.backup(tujuan, pages=1, progress=berhenti)

    cadangan.salin_halaman = salin_halaman


if _BEGIN or _COMMIT:
    _pasang_transaksi()  # before any module binds `from ..store.db import transaksi`
if _CADANGAN:
    _pasang_cadangan()
