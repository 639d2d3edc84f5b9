"""A progress bar over a known number of steps (files), on stderr, only for a person at a terminal.

Shown when both stdout and stderr are terminals; when either is piped or redirected (a script, a
log file, `| tee`) nothing is drawn, so the output stays plain text.
"""

from __future__ import annotations

import contextlib
import sys

from . import esc, konsol_err


def _di_terminal() -> bool:
    try:
        keluar = sys.stdout.isatty()
    except (AttributeError, ValueError):
        keluar = False
    return keluar and konsol_err().is_terminal


@contextlib.contextmanager
def kemajuan(jumlah: int, judul: str):
    """Yield `langkah(nama)`: call it before each step; the bar shows the step's name and how many are done."""
    if jumlah < 1 or not _di_terminal():
        yield lambda nama: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=konsol_err(), transient=True) as p:
        tugas = p.add_task(esc(judul), total=jumlah)
        mulai = [False]

        def langkah(nama) -> None:
            if mulai[0]:
                p.advance(tugas)
            mulai[0] = True
            p.update(tugas, description=esc(f"{judul} {nama}"))

        yield langkah
        p.update(tugas, completed=jumlah)
