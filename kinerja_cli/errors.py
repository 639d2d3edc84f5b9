"""Errors a user can cause, each carrying its Indonesian message.

Errors are values until the command boundary (kinerja_cli.app), where one
handler prints the message and exits with `kode_keluar`.
"""

from __future__ import annotations


class KinerjaError(Exception):
    """A refusal the user can act on. `saran` tells how to fix it."""

    kode_keluar = 1

    def __init__(self, pesan: str, saran: str | None = None):
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran

    def __str__(self) -> str:
        return self.pesan if not self.saran else f"{self.pesan}\n{self.saran}"


def kalimat(saran: str | None) -> str | None:
    """A rule's fix as written in the problem table's Perbaikan column ('tulis 1200 atau 1,2': lower
    case, no full stop, like every fix there) made the Saran line of a command's error, which is a
    sentence like every other Saran line: 'Tulis 1200 atau 1,2.' Commands and options are kept as typed."""
    if not saran:
        return saran
    s = saran.strip()
    if s[:1].islower() and not s.startswith(("kinerja ", "--", "mkdir ")):
        s = s[0].upper() + s[1:]
    return s if s.endswith((".", "!", "?", ")")) else s + "."


class TidakDitemukan(KinerjaError):
    """A NIP, period, row or file that does not exist."""


class DataTidakValid(KinerjaError):
    """A value the rules refuse."""


class SalahKetik(DataTidakValid):
    """A value typed on the command line that cannot be read at all (a NIP with letters or the wrong
    number of digits): wrong usage, exit 2, like any malformed option value."""

    kode_keluar = 2


class PeriodeDitutup(KinerjaError):
    """A write to a closed period."""


class BasisDataError(KinerjaError):
    """The database is missing, newer than this program, locked or damaged."""


class BasisDataRusak(BasisDataError):
    """The database file is damaged (SQLite reports it malformed or unreadable): restore a backup."""


class ImporDitolak(KinerjaError):
    """An import refused; `masalah` lists every problem found in the file."""

    def __init__(self, pesan: str, masalah: list | None = None, saran: str | None = None):
        super().__init__(pesan, saran)
        self.masalah = list(masalah or [])


class BerkasTidakValid(KinerjaError):
    """A file that is not a usable workbook (not xlsx, empty, no headers)."""


class PeriodeBerkasLain(BerkasTidakValid):
    """A kinerja template made for another period than the import's (excel/penanda.py): nothing to mark."""


class SelGalatExcel(ImporDitolak):
    """A data sheet holding Excel error cells (#N/A, #REF!, ...); `masalah` names each cell."""
