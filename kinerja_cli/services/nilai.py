"""Computing a period's results: live from the data, or from a closed period's snapshot.

Every employee's result travels as one record (a plain dict, the same shape
that the snapshot stores), so the table, --rinci, the exports and the snapshot
all read the same thing:

    {"pegawai": {...identity...}, "ada_inovasi": bool,
     "masukan": {"baris": [SKP rows with realisasi], "penilaian": [raters]},
     "hasil": Hasil.ke_dict()}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import DataTidakValid
from ..model import ada_data
from ..store import nilai as tabel
from ..store import periode as tabel_periode
from . import periode as layanan_periode

URUTAN = ("unit", "nama", "nilai")


@dataclass
class Laporan:
    periode: dict
    metode: str
    rekaman: list  # list of records (see module doc)
    dari_snapshot: bool = False
    catatan: list = field(default_factory=list)


def _d(x) -> Decimal | None:
    return None if x is None or x == "" else Decimal(x)


def _masukan_baris(row: tuple) -> dict:
    (_, nomor, jenis, lo, hi, bobot, arah, tmaks, real, rhk, indikator, satuan, bukti, aspek, rhk_atasan) = row
    return {"nomor": nomor, "jenis": jenis, "rhk": rhk, "rhk_atasan_nomor": rhk_atasan, "aspek": aspek,
            "indikator": indikator, "target_lo": lo, "target_hi": hi, "satuan": satuan, "bobot": bobot,
            "arah": arah, "target_maksimal": bool(tmaks), "realisasi": real, "bukti": bukti}


def data_pegawai(nip: str, masukan: dict, ada_inovasi: bool, langsung: tuple | None, tambahan: tuple = ()):
    """Build the scoring input from a record's `masukan` (live or frozen)."""
    from ..scoring import BarisSKP, DataPegawai, Penilaian

    baris = tuple(
        BarisSKP(b["nomor"], b["jenis"], Decimal(b["target_lo"]), _d(b["target_hi"]), Decimal(b["bobot"]), b["arah"],
                 b["target_maksimal"], _d(b["realisasi"]), b["rhk"] or "", b["indikator"] or "", b["satuan"] or "")
        for b in masukan["baris"]
    )
    penilaian = tuple(
        Penilaian(p["penilai"], p["peran"], {k: _d(v) for k, v in p["skor"].items()}) for p in masukan["penilaian"]
    )
    hk, pk = (langsung[0], langsung[1]) if langsung else (None, None)
    return DataPegawai(nip, baris, penilaian, ada_inovasi, hk, pk, tambahan)


def perlu_persetujuan(status: dict[str, str], nip: str, ada_skp: bool, nip_atasan: str | None) -> bool:
    """Is this employee's SKP still waiting for agreement (flag `skp_belum_disetujui`)?

    Only when the period uses the agreement workflow (any employee of the period has a state row),
    for an employee with SKP rows whose state is not `disetujui`. An employee without an atasan in
    the roster is never flagged: nobody in kinerja can agree to that SKP.
    """
    return bool(status) and ada_skp and bool(nip_atasan) and status.get(nip) != "disetujui"


class _Desimal(dict):
    """Text -> Decimal, converted once: a period repeats the same few targets, weights and scores."""

    def __missing__(self, teks):
        d = self[teks] = None if teks is None or teks == "" else Decimal(teks)
        return d


def _data_cepat(nip: str, skp: list, perilaku: list, ada_inovasi: bool, langsung: tuple | None,
                tambahan: tuple, d: _Desimal):
    """The scoring input straight from the stored rows (the listing path: no record kept)."""
    from ..scoring import BarisSKP, DataPegawai, Penilaian

    baris = tuple(BarisSKP(r[1], r[2], d[r[3]], d[r[4]], d[r[5]], r[6], bool(r[7]), d[r[8]]) for r in skp)
    penilaian = tuple(Penilaian(pen, peran, {k: d[v] for k, v in skor.items()}) for pen, peran, skor in perilaku)
    hk, pk = (langsung[0], langsung[1]) if langsung else (None, None)
    return DataPegawai(nip, baris, penilaian, ada_inovasi, hk, pk, tambahan)


_PERAN_URUT = {"atasan": 0, "rekan": 1, "bawahan": 2, "diri": 3}


def _urut_peran(x: tuple) -> tuple:
    return (_PERAN_URUT.get(x[1], 9), x[0])


def konteks_hitung(db, periode: dict, metode: str) -> tuple:
    """What scoring a period needs besides each employee's rows: (NIPs with an innovation, direct
    ratings, SKP agreement states, the scheme's scorer, the text -> Decimal cache)."""
    from ..scoring import Parameter, penghitung

    kode = periode["kode"]
    return (tabel.nip_berinovasi(db, kode), tabel.rating_langsung(db, kode), tabel.status_skp(db, kode),
            penghitung(metode, Parameter.dari_dict(periode["parameter"])), _Desimal())


def _ringkas(h) -> dict:
    """The part of a result that listings, sorting and the distribution need (numbers stay Decimal)."""
    return {"nhk": h.nhk, "npk": h.npk, "na": h.na, "predikat": h.predikat, "metode": h.metode,
            "rating_hk": h.rating_hk, "rating_hk_langsung": h.rating_hk_langsung, "rating_pk": h.rating_pk,
            "rating_pk_langsung": h.rating_pk_langsung, "lengkap": h.lengkap, "catatan": list(h.catatan)}


def _rekaman_langsung(db, periode: dict, unit: str | None, nip: str | None, metode: str,
                      ringkas: bool = False, rentang: tuple = (None, None)) -> list[dict]:
    """Compute every active employee of the period from the current data, in one streamed pass.

    `ringkas`: keep only identity and the summary of each result (listings of a large period);
    otherwise each record carries its inputs and full breakdown (--rinci, exports, the snapshot).
    A large summary listing is shared between two processes (services.nilai_paralel).
    """
    if ringkas and not nip and rentang == (None, None):
        from . import nilai_paralel

        hasil = nilai_paralel.coba(db, periode, unit, metode)
        if hasil is not None:
            return hasil

    kode = periode["kode"]
    inovasi, langsung, status, hitung, d = konteks_hitung(db, periode, metode)
    rekaman, tanpa_nama = [], []
    for p, skp, perilaku in tabel.alir_periode(db, kode, unit, nip, rentang, ringkas):
        n = p["nip"]
        tambahan = ("skp_belum_disetujui",) if perlu_persetujuan(status, n, bool(skp), p["nip_atasan"]) else ()
        data = _data_cepat(n, skp, perilaku, n in inovasi, langsung.get(n), tambahan, d)
        h = hitung(data)
        if ringkas:
            rekaman.append({"pegawai": p, "hasil": _ringkas(h),
                            "tercatat": bool(skp or perilaku or langsung.get(n))})
            continue
        masukan = {"baris": [_masukan_baris(r) for r in skp],
                   "penilaian": [{"penilai": pen, "nama_penilai": None, "peran": peran, "skor": skor}
                                 for pen, peran, skor in sorted(perilaku, key=_urut_peran)]}
        tanpa_nama += masukan["penilaian"]
        rekaman.append({"pegawai": p, "ada_inovasi": n in inovasi, "masukan": masukan,
                        "rating_langsung": _langsung_dict(langsung.get(n)), "hasil": h.ke_dict()})
    if tanpa_nama:
        nama = tabel.nama_pegawai(db, {x["penilai"] for x in tanpa_nama})
        for x in tanpa_nama:
            x["nama_penilai"] = nama.get(x["penilai"])
    return rekaman


def _langsung_dict(t: tuple | None) -> dict | None:
    if not t:
        return None
    return {"hasil_kerja": t[0], "perilaku": t[1], "alasan": t[2]}


def hitung_untuk_snapshot(db, periode: dict) -> list[tuple[str, dict]]:
    """(nip, record) of every active employee, for `periode tutup`."""
    return [(r["pegawai"]["nip"], r) for r in _rekaman_langsung(db, periode, None, None, periode["metode"])]


def laporan(db, kode: str, unit: str | None = None, nip: str | None = None, urut: str = "unit",
            hanya_lengkap: bool = False, metode: str | None = None, ringkas: bool = False) -> Laporan:
    """The period's results (live when open, the frozen snapshot when closed)."""
    from ..store import pegawai as tabel_pegawai

    p = layanan_periode.wajib_ada(db, kode)
    if urut not in URUTAN:
        raise DataTidakValid(f"Urutan '{urut}' tidak dikenal.", f"Pilih: {', '.join(URUTAN)}.")
    if unit:
        u = tabel_pegawai.unit_ada(db, unit)
        if not u:
            raise DataTidakValid(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
        unit = u
    if nip:
        from .pegawai import wajib_ada

        nip = wajib_ada(db, nip).nip
    metode = metode or p["metode"]
    if p["status"] == "ditutup":
        rekaman = [r for r in tabel_periode.baca_snapshot(db, p["kode"])
                   if (not unit or r["pegawai"]["unit"] == unit) and (not nip or r["pegawai"]["nip"] == nip)]
        if metode != p["metode"]:  # recompute the frozen inputs under the other scheme
            rekaman = _hitung_ulang(rekaman, p, metode)
        lap = Laporan(p, metode, rekaman, dari_snapshot=True)
    else:
        lap = Laporan(p, metode, _rekaman_langsung(db, p, unit, nip, metode, ringkas))
    if nip and not lap.rekaman:
        raise DataTidakValid(f"Pegawai {nip} tidak termasuk hasil periode {p['kode']} (nonaktif atau belum ada saat ditutup).")
    if hanya_lengkap:
        lap.rekaman = [r for r in lap.rekaman if r["hasil"]["lengkap"]]
    lap.rekaman.sort(key=_kunci_urut(urut))
    return lap


def _hitung_ulang(rekaman: list[dict], periode: dict, metode: str) -> list[dict]:
    from ..scoring import Parameter, hitung_banyak

    param = Parameter.dari_dict(periode["parameter"])
    data = []
    for r in rekaman:
        lg = r.get("rating_langsung")
        data.append(data_pegawai(r["pegawai"]["nip"], r["masukan"], r["ada_inovasi"],
                                 (lg["hasil_kerja"], lg["perilaku"], lg["alasan"]) if lg else None))
    return [{**r, "hasil": h.ke_dict()} for r, h in zip(rekaman, hitung_banyak(data, metode, param))]


def _kunci_urut(urut: str):
    if urut == "nama":
        return lambda r: (r["pegawai"]["nama"].lower(), r["pegawai"]["nip"])
    if urut == "nilai":
        return lambda r: (-Decimal(r["hasil"]["na"]), -Decimal(r["hasil"]["nhk"]), r["pegawai"]["nama"].lower())
    return lambda r: (r["pegawai"]["unit"].lower(), r["pegawai"]["nama"].lower())


def baris_keluaran(r: dict) -> dict:
    """The machine-output row of one record (the JSON/CSV contract of DESIGN.md)."""
    h, p = r["hasil"], r["pegawai"]
    return {
        "nip": p["nip"], "nama": p["nama"], "unit": p["unit"], "jabatan": p["jabatan"], "golongan": p.get("golongan"),
        "nhk": Decimal(h["nhk"]), "npk": Decimal(h["npk"]), "na": Decimal(h["na"]), "predikat": h["predikat"],
        "rating_hasil_kerja": h["rating_hk"], "rating_hasil_kerja_langsung": h["rating_hk_langsung"],
        "rating_perilaku": h["rating_pk"], "rating_perilaku_langsung": h["rating_pk_langsung"],
        "metode": h["metode"], "lengkap": h["lengkap"], "catatan": list(h["catatan"]), "ada_data": ada_data(r),
    }


def bandingkan(db, kode: str, unit: str | None = None, nip: str | None = None, urut: str = "unit",
               hanya_lengkap: bool = False) -> list[dict]:
    """Both schemes side by side; the period's own scheme is not changed."""
    a = laporan(db, kode, unit, nip, urut, hanya_lengkap, metode="pp30", ringkas=True)
    b = {r["pegawai"]["nip"]: r for r in laporan(db, kode, unit, nip, urut, metode="permenpan6", ringkas=True).rekaman}
    hasil = []
    for r in a.rekaman:
        x, y = r["hasil"], b[r["pegawai"]["nip"]]["hasil"]
        hasil.append({
            "nip": r["pegawai"]["nip"], "nama": r["pegawai"]["nama"], "unit": r["pegawai"]["unit"],
            "nhk": Decimal(x["nhk"]), "npk": Decimal(x["npk"]), "na": Decimal(x["na"]),
            "predikat_pp30": x["predikat"], "rating_hasil_kerja": y["rating_hk"], "rating_perilaku": y["rating_pk"],
            "predikat_permenpan6": y["predikat"], "sama": _setara(x["predikat"], y["predikat"]),
            "lengkap": x["lengkap"], "ada_data": ada_data(r),
        })
    return hasil


def _setara(a: str, b: str) -> bool:
    return a == b or {a, b} == {"Kurang", "Kurang/Misconduct"}


def hitung_predikat(rekaman: list[dict]) -> dict[str, int]:
    hasil: dict[str, int] = {}
    for r in rekaman:
        hasil[r["hasil"]["predikat"]] = hasil.get(r["hasil"]["predikat"], 0) + 1
    return hasil
