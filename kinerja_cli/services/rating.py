"""Use cases of the atasan's direct rating (PermenPANRB 6/2022): set, remove, list."""

from __future__ import annotations

from ..errors import DataTidakValid, TidakDitemukan
from ..kosakata import KUNCI_RATING
from ..store import audit
from ..store import rating as tabel
from ..store.db import transaksi
from . import pegawai, periode

RATING = tuple(KUNCI_RATING)  # the keys typed and stored: di-atas, sesuai, di-bawah


def _kunci(kode: str, nip: str) -> str:
    return f"{kode}/{nip}"


def _rating(nilai: str | None, nama: str) -> str | None:
    if nilai is None:
        return None
    s = nilai.strip().lower().replace(" ", "-").replace("_", "-")
    s = {"diatas": "di-atas", "dibawah": "di-bawah"}.get(s, s)
    if s not in RATING:
        raise DataTidakValid(f"Rating {nama} '{nilai}' tidak dikenal.", "Pilih: " + ", ".join(RATING) + ".")
    return s


def tetapkan(db, nip: str, kode: str, hasil_kerja: str | None, perilaku: str | None, alasan: str,
             oleh: str | None = None) -> dict:
    """Set one or both ratings; a rating not given keeps its stored value. Returns the stored state."""
    per = periode.pastikan_terbuka(db, kode)
    hk, pk = _rating(hasil_kerja, "hasil kerja"), _rating(perilaku, "perilaku")
    if hk is None and pk is None:
        raise DataTidakValid("Tidak ada rating yang ditetapkan.",
                             "Beri --hasil-kerja dan/atau --perilaku (di-atas, sesuai, di-bawah).")
    teks = " ".join((alasan or "").split())
    if not teks:
        raise DataTidakValid("Alasan wajib diisi.", 'Contoh: --alasan "target utama terlampaui jauh"')
    with transaksi(db):  # the roster, the stored rating, the comparison and the write: under one lock
        return _tetapkan(db, per, pegawai.wajib_ada(db, nip), hk, pk, teks, oleh)


def _tetapkan(db, per: dict, p, hk: str | None, pk: str | None, teks: str, oleh: str | None) -> dict:
    penilai = None
    if oleh:
        penilai = pegawai.wajib_ada(db, oleh).nip
        if penilai != p.nip_atasan:
            tercatat = f"atasan tercatat {p.nip_atasan}" if p.nip_atasan else "tidak ada atasan tercatat"
            raise DataTidakValid(f"{penilai} bukan atasan langsung {p.nip} di daftar pegawai ({tercatat}).",
                                 "Rating langsung ditetapkan oleh atasan langsung; periksa --oleh atau perbarui daftar pegawai.")
    peringatan = []
    if per["metode"] != "permenpan6":
        peringatan.append(f"Periode {per['kode']} memakai metode {per['metode']}; rating langsung hanya dipakai "
                          "pada metode permenpan6, jadi tidak memengaruhi nilai periode ini.")
    lama = tabel.ambil(db, per["kode"], p.nip)
    baru = {"hasil_kerja": hk if hk else (lama or {}).get("hasil_kerja"),
            "perilaku": pk if pk else (lama or {}).get("perilaku"),
            "alasan": teks, "oleh": penilai if penilai else (lama or {}).get("oleh")}
    aksi = "tetap" if lama == baru else ("ubah" if lama else "tambah")
    if aksi != "tetap":
        tabel.simpan(db, per["kode"], p.nip, baru)
        audit.catat(db, "rating_langsung", _kunci(per["kode"], p.nip), aksi, lama, baru, p.nip)
    return {**baru, "aksi": aksi, "peringatan": peringatan}


def hapus(db, nip: str, kode: str, alasan: str) -> dict:
    per = periode.pastikan_terbuka(db, kode)
    teks = " ".join((alasan or "").split())
    if not teks:
        raise DataTidakValid("Alasan penghapusan wajib diisi.", 'Contoh: --alasan "rating ditetapkan keliru"')
    with transaksi(db):  # removed once: a second `hapus` at the same time finds nothing to remove
        p = pegawai.wajib_ada(db, nip)
        lama = tabel.ambil(db, per["kode"], p.nip)
        if lama is None:
            raise TidakDitemukan(f"Tidak ada rating langsung untuk {p.nip} pada periode {per['kode']}.",
                                 f"Lihat dengan: kinerja rating daftar --periode {per['kode']}")
        tabel.hapus(db, per["kode"], p.nip)
        audit.catat(db, "rating_langsung", _kunci(per["kode"], p.nip), "hapus", lama, {"alasan": teks}, p.nip)
    return lama


def daftar(db, kode: str) -> list[dict]:
    per = periode.wajib_ada(db, kode)
    return tabel.daftar(db, per["kode"])
