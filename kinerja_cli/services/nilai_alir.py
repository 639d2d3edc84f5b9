"""A period's full records streamed one at a time in the recap's order (unit, nama, NIP).

`services.nilai.laporan(urut="unit")` computes every record, keeps them all and sorts them;
for 100,000 employees that is gigabytes. :func:`rekaman_urut_unit` gives the same records in
the same order (a test holds that) but computes each one only when it is consumed, so a
writer can put it in the workbook and drop it: memory stays flat. Open periods are computed
from the current data (store.nilai.alir_periode_urut, through services.nilai.rekaman_periode:
the same function as every other result), closed ones read their frozen snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from ..model import Periode, Rekaman
from ..store import nilai as tabel
from . import nilai
from . import periode as layanan_periode


@dataclass
class AlirRekaman:
    """The period's records, re-iterable (each iteration reads the database again) and sized."""

    periode: Periode
    metode: str
    dari_snapshot: bool
    unit: str | None
    jumlah: int
    _buka: Callable[[], Iterator[Rekaman]]

    def __iter__(self) -> Iterator[Rekaman]:
        return self._buka()

    def __len__(self) -> int:
        return self.jumlah


def rekaman_urut_unit(db, kode: str, unit: str | None = None) -> AlirRekaman:
    """The records of `laporan(db, kode, unit, urut="unit")`, streamed (same checks, same errors)."""
    p = layanan_periode.wajib_ada(db, kode)
    unit = nilai.unit_terdaftar(db, unit)
    if p.ditutup:
        return AlirRekaman(p, p.metode, True, unit, tabel.jumlah_snapshot(db, p.kode, unit),
                           lambda: tabel.alir_snapshot_urut(db, p.kode, unit))
    return AlirRekaman(p, p.metode, False, unit, tabel.jumlah_pegawai(db, p.kode, unit),
                       lambda: nilai.rekaman_periode(db, p, p.metode, tabel.alir_periode_urut(db, p.kode, unit)))
