"""Extra recap sheets: Pengembangan (training hours, 20 JP) and Dampak (service indicators).

Registered with services.ekspor's hook; loaded lazily before each recap.
"""

from __future__ import annotations

from ..excel import lembar_dampak, lembar_pengembangan
from . import dampak, ekspor, pelatihan


def _pengembangan(ws, data) -> None:
    tahun = int(str(data.periode["mulai"])[:4])
    # this period's predikat were collected during the recap's pass: not scored a second time
    dikenal = data.hitungan.predikat if data.hitungan is not None else pelatihan.predikat_per_nip(data.rekaman)
    lembar_pengembangan.tulis(ws, pelatihan.rekap(data.db, tahun, data.unit, prioritas=True,
                                                  dikenal={data.periode["kode"]: dikenal}), tahun)


def _dampak(ws, data) -> None:
    lembar_dampak.tulis(ws, dampak.data_dampak(data.db, data.unit))


ekspor.daftarkan_lembar("Pengembangan", _pengembangan)
ekspor.daftarkan_lembar("Dampak", _dampak)
