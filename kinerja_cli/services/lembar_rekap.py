"""Extra recap sheets: Pengembangan (training hours, 20 JP) and Dampak (service indicators).

Registered with services.ekspor's hook; loaded lazily before each recap. A closed period's
sheets come from what was frozen at close (services.beku).
"""

from __future__ import annotations

from ..excel import lembar_dampak, lembar_pengembangan
from . import beku, ekspor, pelatihan


def _pengembangan(ws, data) -> None:
    # this period's predikat were collected during the recap's pass: not scored a second time
    dikenal = data.hitungan.predikat if data.hitungan is not None else pelatihan.predikat_per_nip(data.rekaman)
    baris, tahun = beku.pengembangan(data.db, data.periode, data.unit, {data.periode.kode: dikenal})
    lembar_pengembangan.tulis(ws, baris, tahun, singkatan=data.singkatan)  # a closed period: frozen at close


def _dampak(ws, data) -> None:
    # a closed period: frozen at close
    lembar_dampak.tulis(ws, beku.dampak(data.db, data.periode, data.unit), singkatan=data.singkatan)


ekspor.daftarkan_lembar("Pengembangan", _pengembangan)
ekspor.daftarkan_lembar("Dampak", _dampak)
