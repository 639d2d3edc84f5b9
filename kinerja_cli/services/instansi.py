"""`kinerja instansi` and `kinerja unit singkatan`: the profile every document and recap uses.

Nothing in the code names a particular pemda: kop, place of dates and signatories come from here.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import DataTidakValid
from ..store import audit
from ..store import instansi as tabel
from ..store import pegawai as tabel_pegawai
from ..store import periode as tabel_periode
from ..store.db import transaksi
from ..validation import instansi as v
from ..validation.instansi import ProfilInstansi, ProfilTidakValid
from . import pegawai

PERINGATAN_KOSONG = "profil instansi belum diisi — kinerja instansi --help"


def profil(db) -> ProfilInstansi | None:
    return v.dari_dict(tabel.ambil(db))


def peringatan(p: ProfilInstansi | None, penandatangan: bool = False) -> str | None:
    """The one-line warning of a document written without (part of) the profile, else None."""
    if p is None:
        return PERINGATAN_KOSONG
    kosong = [x for x in p.kosong() if penandatangan or x != "penandatangan rekap"]
    if kosong:
        return f"profil instansi belum lengkap ({', '.join(kosong)}) — kinerja instansi --help"
    return None


def _ringkas_logo(p: ProfilInstansi) -> str | None:
    if not p.logo:
        return None
    sidik = hashlib.sha256(p.logo).hexdigest()[:12]
    return f"{p.logo_jenis.upper()} {p.logo_lebar}x{p.logo_tinggi} piksel, {max(len(p.logo) // 1024, 1)} KB (sha256 {sidik})"


def tampil(p: ProfilInstansi | None) -> dict:
    """The profile as plain data for the terminal and --format json (the logo described, not its bytes)."""
    p = p or ProfilInstansi()
    return {**{k: getattr(p, k) for k in v.TEKS}, "logo": _ringkas_logo(p)}


def _baca_logo(berkas: Path) -> tuple[bytes, str, int, int]:
    b = Path(berkas)
    if not b.exists():
        raise DataTidakValid(f"Berkas logo {b} tidak ditemukan.", "Periksa path berkas logo (PNG atau JPG).")
    if not b.is_file():
        raise DataTidakValid(f"{b} bukan berkas gambar (folder?).", "Sebutkan berkas logo PNG atau JPG.")
    ukuran = b.stat().st_size
    if ukuran > v.LOGO_MAKS:  # refused before it is read
        raise DataTidakValid(f"Berkas logo {b.name} terlalu besar ({ukuran // 1024} KB; paling besar "
                             f"{v.LOGO_MAKS // 1024} KB).", "Perkecil gambarnya (logo kop cukup 300-600 piksel).")
    try:
        isi = b.read_bytes()
    except OSError as e:
        raise DataTidakValid(f"Berkas logo {b} tidak dapat dibaca ({e.strerror}).", "Periksa izin berkasnya.") from None
    try:
        return (isi, *v.periksa_logo(isi, b.name))
    except ProfilTidakValid as e:
        raise DataTidakValid(e.pesan, e.saran) from None


def atur(db, logo: Path | None = None, hapus_logo: bool = False, **teks) -> dict:
    """Change the given fields ('' clears one); audited. Returns {'profil': tampil(...), 'diubah': [labels]}."""
    if logo is not None and hapus_logo:
        raise DataTidakValid("--logo dan --hapus-logo tidak dapat dipakai bersama.", "Pilih salah satu.")
    lama = profil(db)
    try:
        baru = v.ubah(lama, **teks)
    except ProfilTidakValid as e:
        raise DataTidakValid(e.pesan, e.saran) from None
    ganti_logo = {}
    if logo is not None:
        isi, jenis, lebar, tinggi = _baca_logo(logo)
        ganti_logo = {"logo": isi, "logo_jenis": jenis, "logo_lebar": lebar, "logo_tinggi": tinggi}
    elif hapus_logo:
        ganti_logo = {"logo": None, "logo_jenis": None, "logo_lebar": None, "logo_tinggi": None}
    if ganti_logo:
        from dataclasses import replace

        baru = replace(baru, **ganti_logo)
    a, b = tampil(lama), tampil(baru)
    beda = [k for k in b if a[k] != b[k]]
    if beda:
        with transaksi(db):
            tabel.simpan(db, {k: getattr(baru, k) for k in tabel.KOLOM})
            audit.catat(db, "instansi", "profil", "ubah" if lama else "tambah",
                        {k: a[k] for k in beda} if lama else None, {k: b[k] for k in beda})
    return {"profil": b, "diubah": [v.LABEL[k] for k in beda], "tetap_beku": _tetap_beku(db) if beda else []}


def _tetap_beku(db) -> list[str]:
    """The closed periods a change leaves as they were: they keep the profile frozen at close."""
    return tabel_periode.kode_beku(db, tabel_periode.BEKU_PROFIL)


def catatan_beku(kode: list[str]) -> str | None:
    """The one-line note after a change to the profile or a short name, when closed periods keep theirs."""
    if not kode:
        return None
    daftar = ", ".join(kode)
    return (f"Periode yang sudah ditutup ({daftar}) tetap memakai profil dan singkatan unit saat ditutup. "
            f"Bila perubahan ini perlu tampil di sana: kinerja periode buka {kode[0]} --alasan \"...\" lalu tutup lagi.")


def atur_singkatan(db, unit: str, singkatan: str | None) -> dict:
    """Set (or with None remove) a unit's official short name; audited."""
    u = tabel_pegawai.unit_ada(db, unit)
    if not u:
        raise DataTidakValid(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
    if singkatan is not None:
        try:
            singkatan = v.periksa_singkatan(singkatan)
        except ProfilTidakValid as e:
            raise DataTidakValid(e.pesan, e.saran) from None
        lain = {s.casefold(): x for x, s in tabel.singkatan_unit(db).items() if x != u.casefold()}
        if singkatan.casefold() in lain:
            raise DataTidakValid(f"Singkatan '{singkatan}' sudah dipakai unit lain.",
                                 "Setiap unit perlu singkatan sendiri (dipakai sebagai nama sheet).")
    with transaksi(db):
        lama = tabel.simpan_singkatan(db, u, singkatan)
        if lama != singkatan:
            audit.catat(db, "unit_singkatan", u, "hapus" if singkatan is None else ("ubah" if lama else "tambah"),
                        {"singkatan": lama} if lama else None, {"singkatan": singkatan} if singkatan else None)
    return {"unit": u, "singkatan": singkatan, "sebelumnya": lama,
            "tetap_beku": _tetap_beku(db) if lama != singkatan else []}


def singkatan_unit(db) -> dict[str, str]:
    return tabel.singkatan_unit(db)


def dengan_singkatan(db, baris: list[dict], kunci: str = "unit") -> list[dict]:
    """Each row gets `unit_singkat`: its unit's official short name (singkatan), else the unit's name;
    narrow tables show it instead of the full name (output.Kolom.pendek). The rows are changed in place."""
    singkat = tabel.singkatan_unit(db)
    for b in baris:
        u = b.get(kunci)
        b["unit_singkat"] = singkat.get(u.casefold(), u) if isinstance(u, str) else u
    return baris


def daftar_unit(db) -> list[dict]:
    """The units (services.pegawai.daftar_unit) with their short name."""
    singkat = tabel.singkatan_unit(db)
    return [{**b, "singkatan": singkat.get(b["unit"].casefold())} for b in pegawai.daftar_unit(db)]
