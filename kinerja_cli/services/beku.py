"""A closed period is closed for everything in its recap and documents (issue 16 §5).

At close (`services.penutupan.tutup`), beside the results' snapshot, this module freezes what the
period's outputs show besides the results: the recap's Pengembangan sheet (JP per employee of the
period's year, with the follow-up flags), its Dampak sheet (the service indicators and their values
per period as they stood), each employee's document context (pejabat penilai and atasan as the
roster held them, the period's umpan balik, the SKP's lampiran and ekspektasi khusus pimpinan) and the
instansi profile with the units' short names (kop, logo, place of dates, kepala daerah, the recap's
signatory; sheet names and Unit columns). A closed period's recap and documents are then built from that
frozen state only (`pengembangan`, `dampak`, `konteks_dokumen`, `profil`); a period closed by an older
version, which froze the results alone, falls back to the current data with one note (`CATATAN_LAMA`).

The writes dated inside a closed period are refused by services.tolak_tutup.
"""

from __future__ import annotations

import base64
import json
from decimal import Decimal

from ..model import Periode, Rekaman
from ..store import instansi as tabel_instansi
from ..store import periode as tabel_periode
from ..store import skp_lampiran as tabel_lampiran
from ..store.dokumen import umpan_balik
from ..validation.instansi import dari_dict
from . import dampak as layanan_dampak
from . import instansi, pelatihan
from .dokumen_data import orang, rantai

PENGEMBANGAN, DAMPAK, DOKUMEN, PROFIL = "pengembangan", "dampak", "dokumen", tabel_periode.BEKU_PROFIL
LAMPIRAN_SKP = "lampiran_skp"  # key of the document context: the SKP's lampiran and ekspektasi khusus pimpinan
CATATAN_LAMA = ("Periode {kode} ditutup oleh versi kinerja sebelumnya yang hanya membekukan nilai: lembar "
                "Pengembangan dan Dampak serta pejabat penilai dan umpan balik di dokumen diambil dari data terkini.")


# -- JSON with exact decimals ------------------------------------------------------------------

def _ke_json(x) -> str:
    def lain(o):
        if isinstance(o, Decimal):
            return {"$desimal": str(o)}
        if isinstance(o, bytes):  # the profile's logo
            return {"$bita": base64.b64encode(o).decode("ascii")}
        raise TypeError(f"{type(o).__name__} tidak dapat dibekukan")

    return json.dumps(x, ensure_ascii=False, default=lain)


def _dari_json(teks: str):
    def kait(d: dict):
        if d.keys() == {"$desimal"}:
            return Decimal(d["$desimal"])
        if d.keys() == {"$bita"}:
            return base64.b64decode(d["$bita"])
        return d

    return json.loads(teks, object_hook=kait)


# -- freezing at close -------------------------------------------------------------------------

def bekukan(db, p: Periode, rekaman: list[Rekaman]) -> None:
    """Freeze the period's Pengembangan and Dampak sheets and every record's document context.

    Runs inside the close transaction, after the snapshot is stored and the period marked closed
    (so the period's own results are read from the snapshot)."""
    kode = p.kode
    dikenal = {kode: pelatihan.predikat_per_nip(rekaman)}
    baris = pelatihan.rekap(db, p.tahun, None, prioritas=True, dikenal=dikenal)
    tabel_periode.simpan_beku(db, kode, PENGEMBANGAN, [("", _ke_json(baris))])
    tabel_periode.simpan_beku(db, kode, DAMPAK, [("", _ke_json(layanan_dampak.data_dampak(db)))])
    ktx = _konteks_langsung(db, kode, [r.pegawai for r in rekaman])
    tabel_periode.simpan_beku(db, kode, DOKUMEN, [(n, _ke_json(k)) for n, k in ktx.items()])
    profil_kini = {"profil": tabel_instansi.ambil(db), "singkatan": tabel_instansi.singkatan_unit(db)}
    tabel_periode.simpan_beku(db, kode, PROFIL, [("", _ke_json(profil_kini))])


def lama(db, p: Periode) -> bool:
    """A closed period whose other outputs were not frozen (closed by an older version)."""
    return p.ditutup and not tabel_periode.ada_beku(db, p.kode)


def catatan(db, p: Periode) -> list[str]:
    """The one-line note for a period closed by an older version (else nothing)."""
    return [CATATAN_LAMA.format(kode=p.kode)] if lama(db, p) else []


# -- reading: frozen when closed, current data otherwise --------------------------------------

def pengembangan(db, p: Periode, unit: str | None, dikenal: dict | None) -> tuple[list[dict], int]:
    """(rows of the Pengembangan sheet, year): the frozen rows of a closed period (only `unit`'s
    when given), else services.pelatihan.rekap of the period's year."""
    if p.ditutup:
        beku = tabel_periode.baca_beku(db, p.kode, PENGEMBANGAN, [""])
        if beku:
            baris = _dari_json(beku[""])
            return [b for b in baris if unit is None or b["unit"].casefold() == unit.casefold()], p.tahun
    return pelatihan.rekap(db, p.tahun, unit, prioritas=True, dikenal=dikenal), p.tahun


def jp_tahun(db, p: Periode) -> dict[str, Decimal] | None:
    """nip -> JP of the period's year as frozen at close (the Pengembangan part) for a closed period; None for an
    open one, and for a period closed before that part was frozen (the caller reads the current hours)."""
    if not p.ditutup:
        return None
    beku = tabel_periode.baca_beku(db, p.kode, PENGEMBANGAN, [""])
    return {b["nip"]: Decimal(b["jp"]) for b in _dari_json(beku[""])} if beku else None


def dampak(db, p: Periode, unit: str | None) -> list[dict]:
    """The Dampak sheet's data: frozen at close for a closed period, else the current indicators."""
    if p.ditutup:
        beku = tabel_periode.baca_beku(db, p.kode, DAMPAK, [""])
        if beku:
            data = _dari_json(beku[""])
            return [d for d in data if unit is None or d["unit"].casefold() == unit.casefold()]
    return layanan_dampak.data_dampak(db, unit)


def profil(db, p: Periode):
    """(ProfilInstansi | None, {unit casefolded: short name}) the period's recap and documents show: as
    frozen at close for a closed period, so a later `kinerja instansi` or `unit singkatan` leaves its
    outputs as they were. An open period, and a period closed before the profile was frozen with it
    (no PROFIL part: closed by an older version), take the current profile and short names."""
    if p.ditutup:
        beku = tabel_periode.baca_beku(db, p.kode, PROFIL, [""])
        if beku:
            d = _dari_json(beku[""])
            return dari_dict(d["profil"]), d["singkatan"]
    return dari_dict(tabel_instansi.ambil(db)), tabel_instansi.singkatan_unit(db)


def identitas(db, p: Periode) -> dict | None:
    """nip -> model.IdentitasPegawai (name, unit, atasan) as frozen at close for a closed period; None for an open
    one (listings then use the current roster)."""
    return tabel_periode.identitas_snapshot(db, p.kode) if p.ditutup else None


def konteks_dokumen(db, p: Periode, pegawai: list) -> dict[str, dict]:
    """nip -> {"atasan", "atasan_atasan" (the document's identity blocks, or None), "umpan_balik"}
    of each employee (the records' IdentitasPegawai): frozen at close for a closed period."""
    if p.ditutup:
        beku = tabel_periode.baca_beku(db, p.kode, DOKUMEN, [x.nip for x in pegawai])
        if beku:
            hasil = {n: _pangkat_satu_bentuk(_dari_json(t)) for n, t in beku.items()}
            kurang = [x for x in pegawai if x.nip not in hasil]
            if kurang:  # not in the snapshot at close: nothing was frozen for them
                hasil.update(_konteks_langsung(db, p.kode, kurang))
            return hasil
    return _konteks_langsung(db, p.kode, pegawai)


def _pangkat_satu_bentuk(k: dict) -> dict:
    """A context frozen when documents printed 'Pembina Utama Muda, IV/c': its people's pangkat in today's one form
    (validation.golongan.pangkat_golongan, 'Pembina Utama Muda (IV/c)'), so one document never prints both."""
    import re

    for kunci in ("atasan", "atasan_atasan"):
        o = k.get(kunci)
        m = re.fullmatch(r"(.+), ([IV]+/[a-e])", (o or {}).get("pangkat") or "")
        if m:
            k[kunci] = {**o, "pangkat": f"{m.group(1)} ({m.group(2)})"}
    return k


def _konteks_langsung(db, kode: str, pegawai: list) -> dict[str, dict]:
    """The document context from live data: the chain of atasan (services.dokumen_data.rantai, with the
    kepala daerah of the instansi profile where the roster's chain ends) and the umpan balik."""
    umpan = umpan_balik(db, kode, [x.nip for x in pegawai])
    lampiran = tabel_lampiran.ambil(db, kode, [x.nip for x in pegawai])
    profil = instansi.profil(db)
    hasil = {}
    for x in pegawai:
        atasan, atasan2, d12 = rantai(db, orang(x), profil)
        hasil[x.nip] = {"atasan": atasan, "atasan_atasan": atasan2, "d12": d12, "umpan_balik": umpan.get(x.nip, []),
                        LAMPIRAN_SKP: lampiran.get(x.nip) or tabel_lampiran.kosong()}
    return hasil


def lampiran_skp(db, kode: str, konteks: dict, nip: str) -> dict:
    """The SKP's lampiran and ekspektasi khusus pimpinan ({"lampiran", "ekspektasi"}) of one employee's document
    context: as frozen at close; from the current data for a context frozen before they were stored."""
    if LAMPIRAN_SKP in konteks:
        return konteks[LAMPIRAN_SKP]
    return tabel_lampiran.ambil(db, kode, [nip]).get(nip) or tabel_lampiran.kosong()
