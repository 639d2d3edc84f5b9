"""A period's full records streamed one at a time in the recap's order (unit, nama, NIP).

`services.nilai.laporan(urut="unit")` computes every record, keeps them all and sorts them;
for 100,000 employees that is gigabytes. :func:`rekaman_urut_unit` gives the same records in
the same order (a test holds that) but computes each one only when it is consumed, so a
writer can put it in the workbook and drop it: memory stays flat. Open periods are computed
from the current data (store.nilai.alir_periode_urut), closed ones read their frozen snapshot.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable, Iterator

BATCH_NAMA = 256  # records whose raters' names are looked up in one query


@dataclass
class AlirRekaman:
    """The period's records, re-iterable (each iteration reads the database again) and sized."""

    periode: dict
    metode: str
    dari_snapshot: bool
    unit: str | None
    jumlah: int
    _buka: Callable[[], Iterator[dict]]

    def __iter__(self) -> Iterator[dict]:
        return self._buka()

    def __len__(self) -> int:
        return self.jumlah

    # -- sharing the work between two processes (excel.rekap_paralel) --

    db: object = None

    def belah(self, ke: int) -> tuple | None:
        """(key of the `ke`-th record, SKP rows before it), to share a live period's records in two;
        None when they cannot be shared (a closed period, an in-memory database, too few records)."""
        from ..store import nilai as tabel
        from ..store.db import db_path

        if self.dari_snapshot or self.db is None or not 0 < ke < self.jumlah:
            return None
        path = db_path(self.db)
        if not path or path == "?":
            return None
        kunci = tabel.kunci_urut(self.db, self.unit, ke)
        if kunci is None:
            return None
        return kunci, tabel.jumlah_skp_sebelum(self.db, self.periode["kode"], self.unit, kunci)

    def bagian(self, dari: tuple | None, sampai: tuple | None, sambungan_baru: bool = False) -> Iterator[dict]:
        """The records with dari <= key < sampai (keys of `belah`); `sambungan_baru`: read through a
        connection of its own (in a forked process: never use the parent's connection there)."""
        db = self.db
        if sambungan_baru:
            from pathlib import Path

            from ..store.db import buka_db, db_path

            db = buka_db(Path(db_path(self.db)))
        return _hitung_urut(db, self.periode, self.unit, self.metode, (dari, sampai))


def rekaman_urut_unit(db, kode: str, unit: str | None = None) -> AlirRekaman:
    """The records of `laporan(db, kode, unit, urut="unit")`, streamed (same checks, same errors)."""
    from ..errors import DataTidakValid
    from ..store import nilai as tabel
    from ..store import pegawai as tabel_pegawai
    from . import periode as layanan_periode

    p = layanan_periode.wajib_ada(db, kode)
    if unit:
        u = tabel_pegawai.unit_ada(db, unit)
        if not u:
            raise DataTidakValid(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
        unit = u
    if p["status"] == "ditutup":
        return AlirRekaman(p, p["metode"], True, unit, tabel.jumlah_snapshot(db, p["kode"], unit),
                           lambda: (json.loads(t) for t in tabel.alir_snapshot_urut(db, p["kode"], unit)))
    alir = AlirRekaman(p, p["metode"], False, unit, tabel.jumlah_aktif(db, unit),
                       lambda: _hitung_urut(db, p, unit, p["metode"]))
    alir.db = db
    return alir


def _hitung_urut(db, periode: dict, unit: str | None, metode: str, rentang: tuple = (None, None)) -> Iterator[dict]:
    """Each active employee's full record, computed as `nilai._rekaman_langsung` does."""
    from ..store import nilai as tabel
    from .nilai import _data_cepat, _langsung_dict, _masukan_baris, _urut_peran, konteks_hitung, perlu_persetujuan

    kode = periode["kode"]
    inovasi, langsung, status, hitung, d = konteks_hitung(db, periode, metode)
    tunggu: list[dict] = []
    for p, skp, perilaku in tabel.alir_periode_urut(db, kode, unit, rentang):
        n = p["nip"]
        tambahan = ("skp_belum_disetujui",) if perlu_persetujuan(status, n, bool(skp), p["nip_atasan"]) else ()
        h = hitung(_data_cepat(n, skp, perilaku, n in inovasi, langsung.get(n), tambahan, d))
        masukan = {"baris": [_masukan_baris(r) for r in skp],
                   "penilaian": [{"penilai": pen, "nama_penilai": None, "peran": peran, "skor": skor}
                                 for pen, peran, skor in sorted(perilaku, key=_urut_peran)]}
        tunggu.append({"pegawai": p, "ada_inovasi": n in inovasi, "masukan": masukan,
                       "rating_langsung": _langsung_dict(langsung.get(n)), "hasil": h.ke_dict()})
        if len(tunggu) >= BATCH_NAMA:
            yield from _dengan_nama_penilai(db, tunggu)
            tunggu = []
    yield from _dengan_nama_penilai(db, tunggu)


def _dengan_nama_penilai(db, rekaman: list[dict]) -> list[dict]:
    from ..store import nilai as tabel

    penilaian = [x for r in rekaman for x in r["masukan"]["penilaian"]]
    if penilaian:
        nama = tabel.nama_pegawai(db, {x["penilai"] for x in penilaian})
        for x in penilaian:
            x["nama_penilai"] = nama.get(x["penilai"])
    return rekaman
