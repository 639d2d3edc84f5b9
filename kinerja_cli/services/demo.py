"""`kinerja demo`: a database of its own, built from contoh_data/."""

from __future__ import annotations

from pathlib import Path

from ..errors import TidakDitemukan


def folder_contoh() -> Path:
    """contoh_data/ of the source tree (editable install or a checkout)."""
    here = Path(__file__).resolve().parent.parent.parent / "contoh_data"
    if (here / "pegawai.xlsx").exists():
        return here
    cwd = Path.cwd() / "contoh_data"
    if (cwd / "pegawai.xlsx").exists():
        return cwd
    raise TidakDitemukan("Folder contoh_data/ tidak ditemukan.", "Jalankan kinerja demo dari folder proyek kinerja.")


def jalankan(folder: Path) -> None:
    from .. import output
    from ..store.db import buat_db, buka_db
    from . import pegawai

    contoh = folder_contoh()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kinerja-demo.db"
    for akhiran in ("", "-wal", "-shm"):
        p = Path(str(path) + akhiran)
        if p.exists():
            p.unlink()
    buat_db(path)
    db = buka_db(path)
    h = pegawai.impor(db, contoh / "pegawai.xlsx")
    output.sukses(f"Daftar pegawai contoh diimpor: {h.ditambah} pegawai.")
    unit = pegawai.daftar_unit(db)
    output.tampilkan(unit, [output.Kolom("unit", "Unit Kerja"), output.Kolom("aktif", "Pegawai", True),
                            output.Kolom("pns", "PNS", True), output.Kolom("pppk", "PPPK", True)],
                     judul="Unit kerja Pemerintah Kota Bukittinggi (data contoh)")
    output.info(f"Basis data demo: {path}  (coba: kinerja pegawai daftar --db {path})")
