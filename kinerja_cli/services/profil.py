"""One employee in full (`kinerja pegawai lihat`): identity, what the NIP says, atasan and
bawahan, and the rating history across periods.

Above `pegawai` (the roster) and `tren` (the history), which itself rests on `nilai`; the roster
module stays free of the results, so `nilai` can look people up without a cycle.
"""

from __future__ import annotations

from ..errors import TidakDitemukan
from ..store import pegawai as tabel_pegawai
from ..validation.golongan import pangkat
from ..validation.nip import periksa_nip
from . import pegawai
from .tren import tren_pegawai


def lihat(db, nip: str) -> dict:
    p = pegawai.wajib_ada(db, nip)
    info = periksa_nip(p.nip)
    atasan = tabel_pegawai.ambil(db, p.nip_atasan) if p.nip_atasan else None
    return {
        **p.ke_dict(),
        "pangkat": pangkat(p.golongan) or None,
        "tanggal_lahir": info.tanggal_lahir.isoformat(),
        "tmt": info.tmt,
        "jenis_kelamin": info.jenis_kelamin,
        "jenis_nomor_induk": "NI PPPK" if info.jenis == "PPPK" else "NIP PNS",
        "atasan": atasan.ke_dict() if atasan else None,
        "bawahan": [b.ke_dict() for b in tabel_pegawai.bawahan(db, p.nip)],
        "riwayat_nilai": _riwayat_nilai(db, p.nip),
    }


def _riwayat_nilai(db, nip: str) -> list[dict]:
    """NA and predikat in every period with data for this person (kinerja tren gives the full view)."""
    try:
        baris = tren_pegawai(db, nip)["baris"]
    except TidakDitemukan:
        return []
    return [{k: b[k] for k in ("periode", "metode", "status", "nhk", "npk", "na", "predikat", "lengkap")} for b in baris]
