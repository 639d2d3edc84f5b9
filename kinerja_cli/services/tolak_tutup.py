"""Writes dated inside a closed period are refused (issue 16 §5): a training record's date, a service
value's period, as SKP data is, with the reopen hint. Separate from services.beku (which freezes the
period's outputs at close and reads pelatihan/layanan) so that those writers import no cycle."""

from __future__ import annotations

from ..errors import PeriodeDitutup
from ..model import Periode
from ..store import periode as tabel_periode
from ..validation.tanggal_id import tanggal_id


def periode_ditutup(db, mulai: str, selesai: str | None = None) -> Periode | None:
    """The closed period (the shortest) holding the date `mulai` (or all of mulai..selesai), else None."""
    p = tabel_periode.ditutup_meliputi(db, mulai, selesai or mulai)
    return p[0] if p else None


def pesan_ditutup(apa: str, p: Periode) -> tuple[str, str]:
    """(message, saran) of a write refused because `apa` lies inside the closed period `p`."""
    return (f"{apa} termasuk periode {p.kode} yang sudah ditutup ({tanggal_id(p.ditutup_pada)}); datanya tidak dapat diubah.",
            f'Bila memang perlu diubah, buka kembali dengan: kinerja periode buka {p.kode} --alasan "..."')


def tolak_bila_ditutup(db, apa: str, mulai: str, selesai: str | None = None) -> None:
    """Refuse (PeriodeDitutup) a write of data dated mulai (..selesai) inside a closed period."""
    p = periode_ditutup(db, mulai, selesai)
    if p is not None:
        raise PeriodeDitutup(*pesan_ditutup(apa, p))
