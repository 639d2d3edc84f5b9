"""`kinerja templat atasan`: the atasan links of a unit (or all units) in a workbook to check and
fill in, with a suggestion from the SIASN unor hierarchy and the jabatan names where one is likely."""

from __future__ import annotations

from pathlib import Path

from ..errors import DataTidakValid, TidakDitemukan
from ..excel import templat_atasan as lembar
from ..store import pegawai as tabel
from ..store import unor as tabel_unor
from ..validation.siasn import saran_atasan
from .templat_unit import rencana


def buat_per_unit(db, folder: Path, timpa: bool = False) -> dict:
    """One atasan workbook per unit with active employees in `folder` (<unit>_atasan.xlsx); refused
    before writing any when one exists, unless `timpa`."""
    folder = Path(folder)
    if not folder.is_dir():
        raise TidakDitemukan(f"Folder {folder} tidak ada.", f"Buat foldernya dulu: mkdir \"{folder}\"")
    daftar = rencana(db, folder, "atasan")
    if not daftar:
        raise TidakDitemukan("Belum ada pegawai aktif.", "Impor daftar pegawai dulu: kinerja pegawai impor BERKAS")
    ada = [b for _, b in daftar if b.exists() or b.is_symlink()]
    if ada and not timpa:
        raise DataTidakValid(f"{len(ada)} berkas sudah ada di {folder}: {', '.join(b.name for b in ada[:5])}. "
                             "Tidak ada berkas yang ditulis.", "Pakai --timpa untuk menimpanya, atau pilih folder lain.")
    semua = tabel.cari(db)
    saran = saran_atasan(semua, tabel_unor.semua(db))
    return {"folder": str(folder), "berkas": [buat(db, b, u, timpa, (semua, saran)) for u, b in daftar]}


def buat(db, berkas: Path, unit: str | None = None, timpa: bool = False, siap: tuple | None = None) -> dict:
    nama_unit = None
    if unit:
        nama_unit = tabel.unit_ada(db, unit)
        if not nama_unit:
            raise TidakDitemukan(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
    # active people: heads may sit in another unit (the OPD's head for a UPT)
    semua, saran = siap if siap is not None else (tabel.cari(db), None)
    per_nip = {p.nip: p for p in semua}
    if saran is None:
        saran = saran_atasan(semua, tabel_unor.semua(db))
    baris, n_saran = [], 0
    for p in sorted(semua, key=lambda p: (p.unit, p.sub_unit or "", p.nama)):
        if nama_unit and p.unit != nama_unit:
            continue
        sub = p.sub_unit if nama_unit else " › ".join(x for x in (p.unit, p.sub_unit) if x)
        atasan = per_nip.get(p.nip_atasan) if p.nip_atasan else None
        teks = None
        if p.nip in saran and saran[p.nip][0] != p.nip_atasan:
            s = per_nip[saran[p.nip][0]]
            teks = (f"Saran atasan: {s.nip}\n{s.nama} ({s.jabatan or '-'}), kepala {saran[p.nip][1]}.\n"
                    "Salin NIP ini ke sel bila benar.")
            n_saran += 1
        baris.append({"nip": p.nip, "nama": p.nama, "jabatan": p.jabatan, "sub_unit": sub, "nip_atasan": p.nip_atasan,
                      "nama_atasan": atasan.nama if atasan else None, "saran": teks})
    path = lembar.tulis(Path(berkas), baris, timpa)
    return {"berkas": str(path), "unit": nama_unit, "pegawai": len(baris), "saran": n_saran,
            "tanpa_atasan": sum(1 for b in baris if not b["nip_atasan"])}
