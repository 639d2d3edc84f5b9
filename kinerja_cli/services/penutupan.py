"""Closing a period: its results are computed once more and frozen as the snapshot, and what its
recap and documents show besides the results is frozen beside it (services.beku).

Above both `periode` (the period's record) and `nilai` (the results), so neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import BasisDataRusak, DataTidakValid
from ..kosakata import RATING_BELUM_DITETAPKAN
from ..model import Periode, ada_data
from ..store import audit
from ..store import periode as tabel_periode
from ..store.cadangan import ringkas_temuan
from ..store.db import SARAN_PULIHKAN, db_path, transaksi
from ..store.pemeliharaan import cek_cepat
from . import beku, nilai, periode


def masih_saran(db, kode: str) -> int:
    """How many results of an open permenpan6 period rest on a saran rating (flag rating_belum_ditetapkan):
    closing would freeze them so. 0 for a pp30 or closed period."""
    p = periode.wajib_ada(db, kode)
    if p.metode != "permenpan6" or p.ditutup:
        return 0
    return sum(1 for r in nilai.laporan(db, p.kode, ringkas=True).rekaman
               if RATING_BELUM_DITETAPKAN in r.hasil.catatan)


@dataclass(frozen=True, slots=True)
class HasilTutup:
    """What closing did: the period as now stored, and the frozen records counted."""

    periode: Periode
    jumlah_hasil: int
    tidak_lengkap: int  # frozen with incomplete data
    tanpa_data: int  # of them, nobody had started on
    saran: int = 0  # frozen on a saran rating (flag rating_belum_ditetapkan), counted among tidak_lengkap


def tutup(db, kode: str) -> HasilTutup:
    """Close the period and freeze its results as a snapshot."""
    p = periode.wajib_ada(db, kode)
    if p.ditutup:
        raise DataTidakValid(f"Periode {p.kode} sudah ditutup.", "Tidak ada yang perlu dilakukan.")
    temuan = cek_cepat(db)  # damage in pages the results do not read would otherwise go unnoticed
    if temuan:
        raise BasisDataRusak(
            f"Basis data {db_path(db)} rusak ({ringkas_temuan(temuan)}). Periode {p.kode} tidak ditutup: "
            "hasil yang dibekukan dari basis data yang rusak bisa salah.",
            f"{SARAN_PULIHKAN} --db {db_path(db)}, lalu ulangi kinerja periode tutup {p.kode}.")
    with transaksi(db):
        if periode.wajib_ada(db, p.kode).ditutup:  # closed by another process meanwhile
            raise DataTidakValid(f"Periode {p.kode} sudah ditutup.", "Tidak ada yang perlu dilakukan.")
        hasil = nilai.hitung_untuk_snapshot(db, p)
        tabel_periode.simpan_snapshot(db, p.kode, hasil)
        tabel_periode.set_status(db, p.kode, "ditutup")
        beku.bekukan(db, tabel_periode.ambil(db, p.kode), hasil)  # the recap's other sheets, the documents' context
        audit.catat(db, "periode", p.kode, "ubah", {"status": "terbuka"},
                    {"status": "ditutup", "jumlah_hasil": len(hasil)})

    return HasilTutup(tabel_periode.ambil(db, p.kode), len(hasil), sum(1 for r in hasil if not r.hasil.lengkap),
                      sum(1 for r in hasil if not ada_data(r)),
                      sum(1 for r in hasil if RATING_BELUM_DITETAPKAN in r.hasil.catatan))
