"""Options shared by every command, and opening the database for a command."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

OpsiDB = Annotated[
    Optional[Path],
    typer.Option("--db", help="Berkas basis data (bawaan: $KINERJA_DB, atau ./kinerja.db).", show_default=False),
]


class Format(str, Enum):
    tabel = "tabel"
    json = "json"
    csv = "csv"


OpsiFormat = Annotated[
    Format, typer.Option("--format", "-f", help="tabel untuk dibaca orang; json/csv untuk skrip.")
]


def buka(db: Optional[Path]):
    """The database for this command (found the same way everywhere)."""
    from ..store.db import buka_db, lokasi_db

    return buka_db(lokasi_db(db))
