"""What the signed documents show beyond the result record: the people (pejabat penilai and atasan
pejabat penilai, the kepala daerah of the profile where the chain of atasan reaches the top), the
unit's curve, the pejabat penilai's recommendation, the innovations and the development follow-up.

Reads for many employees are done once (`Bacaan`), then each document takes its part.
"""

from __future__ import annotations

from decimal import Decimal

from ..excel.dokumen_bagian import kepala_daerah, penilai_kepala_daerah
from ..kosakata import CUKUP, jenis_dasar
from ..model import Periode, Rekaman
from ..store import atasan_luar, catatan, evaluasi
from ..store import pegawai as tabel_pegawai
from ..store import pelatihan as tabel_pelatihan
from ..validation.angka import angka_id
from ..validation.golongan import pangkat_golongan
from .pelatihan import MINIMAL_JP, PREDIKAT_TINDAK_LANJUT, aturan_jp


def orang(p) -> dict | None:
    """A document person from model.Pegawai or the record's IdentitasPegawai (None stays None)."""
    if p is None:
        return None
    gol = p.golongan
    if jenis_dasar(p.status) == "PPPK":
        pg = f"Golongan {gol}" if gol else "-"
    else:
        pg = pangkat_golongan(gol) or "-"
    d = {"nama": p.nama, "nip": p.nip, "pangkat": pg, "jabatan": p.jabatan or "-", "unit": p.unit or "-",
         "nip_atasan": p.nip_atasan, "jenis_jabatan": getattr(p, "jenis_jabatan", None), "kepala": False}
    if getattr(p, "sub_unit", None):  # only when stored: a frozen document context keeps its old form
        d["sub_unit"] = p.sub_unit
    return d


def rantai(db, pegawai: dict, profil) -> tuple[dict | None, dict | None, bool]:
    """(pejabat penilai, atasan pejabat penilai, D.1.2 applies) of an employee.

    The chain follows the roster's atasan; where it ends (someone with no atasan in the roster, the
    Sekretaris Daerah) the next link is the kepala daerah of the profile (PermenPANRB 6/2022: the kepala
    daerah assesses the Sekda and is the atasan pejabat penilai of the heads of OPD). D.1.2, the page the
    atasan pejabat penilai signs, applies to a head of OPD (a JPT, or anyone whose pejabat penilai is the top
    of the roster) who has an atasan pejabat penilai: never to someone the kepala daerah assesses himself.
    Without a profile naming him the kepala daerah is unnamed (dotted lines on the document), never "-"."""
    kepala = kepala_daerah(profil, tanpa_nama=True)  # unnamed without a profile: name written by hand
    if pegawai["nip_atasan"]:
        atasan = orang(tabel_pegawai.ambil(db, pegawai["nip_atasan"]))
    else:  # outside the roster: the atasan recorded with `pegawai atasan-luar`, else the kepala daerah
        atasan = _atasan_luar(db, pegawai["nip"], kepala) or kepala
    if atasan is None or penilai_kepala_daerah(atasan):  # the kepala daerah has no atasan pejabat penilai
        atasan2 = None
    elif atasan["nip_atasan"]:
        atasan2 = orang(tabel_pegawai.ambil(db, atasan["nip_atasan"]))
    else:
        atasan2 = kepala
    jpt = (pegawai.get("jenis_jabatan") or "").strip().upper() == "JPT"
    puncak = atasan is not None and not atasan.get("kepala") and not atasan["nip_atasan"]
    return atasan, atasan2, bool((jpt or puncak) and atasan2 is not None)


def _atasan_luar(db, nip: str, kepala: dict | None) -> dict | None:
    """The atasan outside the roster of `nip` (services.atasan_luar) as a document person without NIP
    ('luar': the NIP and pangkat lines are left out, as for the kepala daerah); the kepala daerah himself
    when the name recorded is his. None when none is recorded."""
    a = atasan_luar.ambil(db, nip)
    if a is None:
        return None
    if kepala and kepala.get("nama") and " ".join(a["nama"].split()).casefold() == " ".join(kepala["nama"].split()).casefold():
        return kepala
    return {"nama": a["nama"], "nip": None, "pangkat": None, "jabatan": a["jabatan"] or "-", "unit": "-",
            "nip_atasan": None, "jenis_jabatan": None, "kepala": False, "luar": True}


class Bacaan:
    """The period's recommendations, innovations and development hours, read once for many documents (`jp_beku`:
    the hours of a closed period's year as frozen at close, services.beku.jp_tahun; None reads the current ones)."""

    def __init__(self, db, periode: Periode, nips: list[str], jp_beku: dict | None = None):
        self.periode = periode
        tersimpan = evaluasi.ambil(db, periode.kode, nips)
        self.rekomendasi = {n: x["rekomendasi"] for n, x in tersimpan.items()}
        self._penulis = {n: x["oleh"] for n, x in tersimpan.items() if x["oleh"]}
        self._nama = {n: x.nama for n in set(self._penulis.values()) if (x := tabel_pegawai.ambil(db, n))}
        dicari = set(nips)
        self.inovasi: dict[str, list[str]] = {}
        for i in catatan.daftar_inovasi(db, periode.kode):
            if i["nip"] in dicari:
                self.inovasi.setdefault(i["nip"], []).append(i["uraian"])
        self.tahun = periode.tahun
        beku = jp_beku  # a closed period: the hours of its year as frozen at close (services.beku.jp_tahun)
        self.jp = ({n: jp for n, jp in beku.items() if n in dicari} if beku is not None else
                   {n: sum((Decimal(x) for x in v), Decimal(0))
                    for n, v in tabel_pelatihan.jp_tahun(db, self.tahun).items() if n in dicari})
        try:
            self.param = periode.param
        except (KeyError, TypeError, ValueError):
            self.param = None

    def penulis_lain(self, nip: str, atasan: dict | None) -> dict | None:
        """{"nama", "nip"} of who wrote `nip`'s recommendation when that is not the pejabat penilai signing the
        document (`atasan`: the roster changed since it was written), else None."""
        oleh = self._penulis.get(nip)
        if not oleh or (atasan or {}).get("nip") == oleh:
            return None
        return {"nama": self._nama.get(oleh, oleh), "nip": oleh}

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
        local practice); the hours of the period's year against the rule of the employee's status
        (pelatihan.aturan_jp, the one rule): a PNS under 20 JP has a development gap (PP 11/2017 Pasal 203),
        a PPPK's hours stand against the 24 JP ceiling (PP 49/2018 Pasal 40), with a warning above it."""
        hasil = []
        pr = r.hasil.predikat
        if r.tercatat and (pr in PREDIKAT_TINDAK_LANJUT or pr == CUKUP):
            hasil.append(f"Predikat {pr}: bimbingan/konseling kinerja oleh pejabat penilai kinerja.")
        jp = self.jp.get(r.pegawai.nip, Decimal(0))
        aturan = aturan_jp(r.pegawai.status or "PNS", jp)
        if jenis_dasar(r.pegawai.status or "PNS") == "PPPK":
            awal = "Peringatan — " if aturan["melebihi_batas"] else ""
            hasil.append(f"{awal}Pengembangan kompetensi tahun {self.tahun}: {aturan['keterangan']}.")
        elif aturan["kekurangan_jp"]:
            hasil.append(f"Pengembangan kompetensi tahun {self.tahun}: {_jp(jp)} JP dari minimal {MINIMAL_JP} JP "
                         f"(kurang {_jp(aturan['kekurangan_jp'])} JP).")
        return hasil


def _jp(x: Decimal) -> str:
    return angka_id(x, 0) if x == x.to_integral_value() else angka_id(x)
