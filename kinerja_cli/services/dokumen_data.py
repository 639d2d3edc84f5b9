"""What the signed documents show beyond the result record: the people (pejabat penilai and atasan
pejabat penilai, the kepala daerah of the profile where the chain of atasan reaches the top), the
unit's curve, the pejabat penilai's recommendation, the innovations and the development follow-up.

Reads for many employees are done once (`Bacaan`), then each document takes its part.
"""

from __future__ import annotations

from decimal import Decimal

from ..kosakata import jenis_dasar
from ..model import Rekaman


def orang(p) -> dict | None:
    """A document person from model.Pegawai or the record's IdentitasPegawai (None stays None)."""
    from ..validation.golongan import pangkat

    if p is None:
        return None
    gol = p.golongan
    if jenis_dasar(p.status) == "PPPK":
        pg = f"Golongan {gol}" if gol else "-"
    else:
        pg = ", ".join(x for x in (pangkat(gol), gol) if x) or "-"
    return {"nama": p.nama, "nip": p.nip, "pangkat": pg, "jabatan": p.jabatan or "-", "unit": p.unit or "-",
            "nip_atasan": p.nip_atasan, "jenis_jabatan": getattr(p, "jenis_jabatan", None), "kepala": False}


def rantai(db, pegawai: dict, profil) -> tuple[dict | None, dict | None, bool]:
    """(pejabat penilai, atasan pejabat penilai, D.1.2 applies) of an employee.

    The chain follows the roster's atasan; where it ends (someone with no atasan in the roster, the
    Sekretaris Daerah) the next link is the kepala daerah of the profile (PermenPANRB 6/2022: the kepala
    daerah assesses the Sekda and is the atasan pejabat penilai of the heads of OPD). D.1.2, the page the
    atasan pejabat penilai signs, applies to a head of OPD (a JPT, or anyone whose pejabat penilai is the top
    of the roster) who has an atasan pejabat penilai: never to someone the kepala daerah assesses himself.
    Without a profile naming him the kepala daerah is unnamed (dotted lines on the document), never "-"."""
    from ..excel.dokumen_bagian import kepala_daerah, penilai_kepala_daerah
    from ..store import pegawai as tabel_pegawai

    kepala = kepala_daerah(profil, tanpa_nama=True)  # unnamed without a profile: name written by hand
    if pegawai["nip_atasan"]:
        atasan = orang(tabel_pegawai.ambil(db, pegawai["nip_atasan"]))
    else:
        atasan = kepala
    if atasan is None or penilai_kepala_daerah(atasan):  # the kepala daerah has no atasan pejabat penilai
        atasan2 = None
    elif atasan["nip_atasan"]:
        atasan2 = orang(tabel_pegawai.ambil(db, atasan["nip_atasan"]))
    else:
        atasan2 = kepala
    jpt = (pegawai.get("jenis_jabatan") or "").strip().upper() == "JPT"
    puncak = atasan is not None and not atasan.get("kepala") and not atasan["nip_atasan"]
    return atasan, atasan2, bool((jpt or puncak) and atasan2 is not None)


class Bacaan:
    """The period's recommendations, innovations and development hours, read once for many documents."""

    def __init__(self, db, periode: dict, nips: list[str]):
        from ..scoring.parameter import Parameter
        from ..store import catatan, evaluasi
        from ..store import pelatihan as tabel_pelatihan

        self.periode = periode
        self.rekomendasi = {n: x["rekomendasi"] for n, x in evaluasi.ambil(db, periode["kode"], nips).items()}
        dicari = set(nips)
        self.inovasi: dict[str, list[str]] = {}
        for i in catatan.daftar_inovasi(db, periode["kode"]):
            if i["nip"] in dicari:
                self.inovasi.setdefault(i["nip"], []).append(i["uraian"])
        self.tahun = int(periode["mulai"][:4])
        self.jp = {n: sum((Decimal(x) for x in v), Decimal(0))
                   for n, v in tabel_pelatihan.jp_tahun(db, self.tahun).items() if n in dicari}
        try:
            self.param = Parameter.dari_dict(periode["parameter"])
        except (KeyError, TypeError, ValueError):
            self.param = None

    def pola(self, predikat_unit: str | None) -> str | None:
        """The curve's rules for the unit's predikat, as one line ('...; ...'), or None."""
        if not predikat_unit or self.param is None:
            return None
        try:
            return "; ".join(a.uraian for a in self.param.aturan_kurva(predikat_unit))
        except (KeyError, ValueError):
            return None

    def tindak_lanjut(self, r: Rekaman) -> list[str]:
        """Development follow-up: Butuh Perbaikan / Cukup or worse calls for bimbingan kinerja (DOMAIN.md 7,
        local practice); a PNS under 20 JP in the period's year has a development gap (PP 11/2017 Pasal 203)."""
        from .pelatihan import MINIMAL_JP, PREDIKAT_TINDAK_LANJUT

        hasil = []
        pr = r.hasil.predikat
        if r.tercatat and (pr in PREDIKAT_TINDAK_LANJUT or pr == "Cukup"):
            hasil.append(f"Predikat {pr}: bimbingan/konseling kinerja oleh pejabat penilai kinerja.")
        if jenis_dasar(r.pegawai.status or "PNS") != "PPPK":
            jp = self.jp.get(r.pegawai.nip, Decimal(0))
            if jp < MINIMAL_JP:
                hasil.append(f"Pengembangan kompetensi tahun {self.tahun}: {_jp(jp)} JP dari minimal {MINIMAL_JP} JP "
                             f"(kurang {_jp(MINIMAL_JP - jp)} JP).")
        return hasil


def _jp(x: Decimal) -> str:
    from ..validation.angka import angka_id

    return angka_id(x, 0) if x == x.to_integral_value() else angka_id(x)
