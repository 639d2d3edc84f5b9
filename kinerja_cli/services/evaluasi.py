"""`kinerja evaluasi catat|daftar|hapus`: the pejabat penilai's CATATAN/REKOMENDASI of the evaluation document (Format D.1.1).

One text per employee and period, written by the pejabat penilai kinerja (the atasan langsung); stored,
audited, refused in a closed period. The Rating sheet's Rekomendasi column goes through `rencana` too.
"""

from __future__ import annotations

from ..errors import DataTidakValid, TidakDitemukan
from ..store import audit
from ..store import evaluasi as tabel
from ..store import pegawai as tabel_pegawai
from ..store.db import transaksi
from ..validation.catatan import bersihkan_teks
from . import beku, pegawai, periode
from .atasan_luar import pejabat_luar_nip

PANJANG_MAKS = 1000  # characters: the document stays one A4 page


def _kunci(kode: str, nip: str) -> str:
    return f"{kode}/{nip}"


def periksa_teks(teks: str | None) -> str:
    """The recommendation cleaned, or DataTidakValid (empty, too long)."""
    isi = bersihkan_teks(teks)
    if not isi:
        raise DataTidakValid("Rekomendasi kosong.",
                             'Tulis isinya, misalnya --rekomendasi "Ikutkan pelatihan analisis kebijakan."')
    if len(isi) > PANJANG_MAKS:
        raise DataTidakValid(f"Rekomendasi terlalu panjang ({len(isi)} karakter; paling banyak {PANJANG_MAKS}).",
                             "Ringkas rekomendasinya: dokumen evaluasi harus muat satu halaman A4.")
    return isi


def catat(db, nip: str, kode: str, rekomendasi: str, oleh: str | None = None) -> dict:
    """Store (or replace) the recommendation; audited. Returns {nip, nama, periode, rekomendasi, oleh, nama_oleh (the
    pejabat penilai's name: outside the roster when `oleh` is None), aksi, peringatan}."""
    per = periode.pastikan_terbuka(db, kode)
    isi = periksa_teks(rekomendasi)
    with transaksi(db):
        p = pegawai.wajib_ada(db, nip)
        peringatan = []
        if oleh:
            penilai = pegawai.wajib_ada(db, oleh).nip
            if penilai != p.nip_atasan:
                tercatat = f"atasan tercatat {p.nip_atasan}" if p.nip_atasan else "tidak ada atasan tercatat"
                raise DataTidakValid(f"{penilai} bukan atasan langsung {p.nip} di daftar pegawai ({tercatat}).",
                                     "Rekomendasi ditulis pejabat penilai kinerja (atasan langsung); periksa --oleh "
                                     "atau perbarui daftar pegawai.")
        else:
            penilai = p.nip_atasan
        nama_oleh = pegawai.wajib_ada(db, penilai).nama if penilai else _penilai_luar(db, [p.nip]).get(p.nip)
        if not penilai and not nama_oleh:
            peringatan.append(f"{p.nip} tidak punya atasan langsung di daftar pegawai dan tidak ada pejabat penilai di "
                              "luar daftar (atasan luar atau kepala daerah): rekomendasi dicatat tanpa pejabat penilai. "
                              "Catat dengan: kinerja pegawai atasan-luar NIP --nama ... atau kinerja instansi "
                              "--kepala-nama ...")
        lama = tabel.ambil(db, per.kode, [p.nip]).get(p.nip)
        lama = {k: lama[k] for k in tabel.KOLOM} if lama else None
        baru = {"rekomendasi": isi, "oleh": penilai}
        aksi = "tetap" if lama == baru else ("ubah" if lama else "tambah")
        if aksi != "tetap":
            tabel.simpan(db, per.kode, p.nip, isi, penilai)
            audit.catat(db, "evaluasi_rekomendasi", _kunci(per.kode, p.nip), aksi, lama, baru, p.nip)
    return {"nip": p.nip, "nama": p.nama, "periode": per.kode, **baru, "nama_oleh": nama_oleh, "aksi": aksi,
            "peringatan": peringatan}


def _penilai_luar(db, nips: list[str]) -> dict[str, str]:
    """nip -> the name of the pejabat penilai outside the roster of employees without NIP Atasan (the one rule,
    services.atasan_luar.pejabat_luar: their atasan luar, else the kepala daerah of the profile)."""
    return {n: t for n, (_, t) in pejabat_luar_nip(db, nips).items()}


def rekomendasi(db, kode: str, nips=None) -> dict[str, str]:
    """nip -> the recommendation text of the period."""
    return {n: d["rekomendasi"] for n, d in tabel.ambil(db, kode, nips).items()}


def daftar(db, kode: str, unit: str | None = None) -> list[dict]:
    """The period's recommendations (all, or `unit`'s employees): nip, nama, unit, rekomendasi, oleh, nama_oleh,
    diubah, periode; nama_oleh of a row without `oleh` names the pejabat penilai outside the roster (atasan luar
    or kepala daerah), who has no NIP. A closed period shows each employee's name and unit as frozen at close (services.beku),
    so a later roster move leaves its listing as its recap and documents are."""
    per = periode.wajib_ada(db, kode)
    beku_ = beku.identitas(db, per)
    u = None
    if unit:
        u = tabel_pegawai.unit_ada(db, unit)
        if u is None and not (beku_ and any(x.unit.casefold() == unit.strip().casefold() for x in beku_.values())):
            raise TidakDitemukan(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
        u = u or unit.strip()
    if beku_ is None:
        return _nama_luar(db, [{**b, "periode": per.kode} for b in tabel.daftar(db, per.kode, u)])
    hasil = []
    for b in tabel.daftar(db, per.kode):
        x, o = beku_.get(b["nip"]), beku_.get(b["oleh"] or "")
        b = {**b, "nama": x.nama if x else b["nama"], "unit": x.unit if x else b["unit"],
             "nama_oleh": o.nama if o else b["nama_oleh"], "periode": per.kode}
        if u is None or b["unit"].casefold() == u.casefold():
            hasil.append(b)
    return _nama_luar(db, sorted(hasil, key=lambda b: (b["unit"].casefold(), b["nama"].casefold(), b["nip"])))


def _nama_luar(db, baris: list[dict]) -> list[dict]:
    """Rows written without a pejabat penilai's NIP (no NIP Atasan) name the pejabat penilai outside the roster."""
    luar = _penilai_luar(db, [b["nip"] for b in baris if not b["oleh"]])
    return [{**b, "nama_oleh": luar.get(b["nip"])} if not b["oleh"] else b for b in baris]


def hapus(db, nip: str, kode: str) -> dict:
    """Delete the recommendation of one employee and period; audited, refused in a closed period.
    Returns {nip, nama, periode, rekomendasi (the text deleted)}."""
    per = periode.pastikan_terbuka(db, kode)
    p = pegawai.wajib_ada(db, nip)
    with transaksi(db):
        lama = tabel.ambil(db, per.kode, [p.nip]).get(p.nip)
        if lama is None:
            raise TidakDitemukan(f"{p.nama} ({p.nip}) belum punya rekomendasi periode {per.kode}; tidak ada yang dihapus.",
                                 f"Lihat rekomendasi yang tercatat dengan: kinerja evaluasi daftar -p {per.kode}")
        tabel.hapus(db, per.kode, p.nip)
        audit.catat(db, "evaluasi_rekomendasi", _kunci(per.kode, p.nip), "hapus",
                    {k: lama[k] for k in tabel.KOLOM}, None, p.nip)
    return {"nip": p.nip, "nama": p.nama, "periode": per.kode, "rekomendasi": lama["rekomendasi"]}
