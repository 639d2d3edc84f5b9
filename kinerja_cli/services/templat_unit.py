"""`kinerja templat --per-unit FOLDER`: one pre-filled workbook per unit, ready to send to each OPD."""

from __future__ import annotations

import re
from pathlib import Path

from ..berkas_aman import buat_folder
from ..errors import DataTidakValid, TidakDitemukan
from ..store import pegawai as tabel_pegawai
from . import templat
from .instansi import singkatan_unit as semua
from .periode import wajib_ada as periode_wajib_ada

PANJANG_NAMA = 60


def nama_berkas_unit(unit: str, singkatan: str | None = None) -> str:
    """The file name part for a unit: its short name when it has one, else a safe form of its name
    ('Dinas Kesehatan' -> 'Dinas-Kesehatan'): letters and digits only, words joined by '-'."""
    dasar = singkatan or unit
    kata = re.findall(r"[^\W_]+", str(dasar or ""))
    hasil = ""
    for k in kata:
        calon = f"{hasil}-{k}" if hasil else k
        if len(calon) > PANJANG_NAMA:
            break
        hasil = calon
    return hasil or "unit"


def singkatan_unit(db, unit: str) -> str | None:
    """The unit's official short name (`kinerja unit singkatan`), or None."""
    return semua(db).get(unit.casefold())


def rencana(db, folder: Path, kode: str) -> list[tuple[str, Path]]:
    """[(unit, target file)] for every unit with active employees, by unit name; names made unique."""
    units = [u["unit"] for u in tabel_pegawai.daftar_unit(db) if u["aktif"]]
    dipakai: set[str] = set()
    hasil = []
    for u in units:
        dasar = f"{nama_berkas_unit(u, singkatan_unit(db, u))}_{kode}"
        nama, n = dasar, 1
        while nama.casefold() in dipakai:
            n += 1
            nama = f"{dasar}-{n}"
        dipakai.add(nama.casefold())
        hasil.append((u, Path(folder) / f"{nama}.xlsx"))
    return hasil


def buat_per_unit(db, folder: Path, periode: str, timpa: bool = False, kemajuan=None) -> dict:
    """Write every unit's workbook into `folder`; refuse (before writing any) when one exists, unless `timpa`."""
    folder = Path(folder)
    p = periode_wajib_ada(db, periode)
    daftar = rencana(db, folder, p.kode)
    if not daftar:
        raise TidakDitemukan("Belum ada pegawai aktif, jadi tidak ada unit untuk dibuatkan templat.",
                             "Impor daftar pegawai dulu: kinerja pegawai impor pegawai.xlsx")
    ada = [b for _, b in daftar if b.exists() or b.is_symlink()]
    if ada and not timpa:
        contoh = ", ".join(b.name for b in ada[:5]) + (f" dan {len(ada) - 5} lainnya" if len(ada) > 5 else "")
        raise DataTidakValid(f"{len(ada)} berkas sudah ada di {folder}: {contoh}. Tidak ada berkas yang ditulis.",
                             "Pakai --timpa untuk menimpanya, atau pilih folder lain.")
    buat_folder(folder)  # a missing folder is created (owner-only), as `kinerja impor --tandai-folder` does
    hasil = []
    for unit, berkas in daftar:
        if kemajuan is not None:
            kemajuan(berkas.name)
        hasil.append(templat.buat(db, berkas, p.kode, unit, timpa=timpa))
    return {"periode": p.kode, "status_periode": p.status, "folder": str(folder), "berkas": hasil}
