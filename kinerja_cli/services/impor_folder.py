"""The workbooks `kinerja impor` reads and the folder its marked copies go to (--tandai-folder): checked
before any workbook is opened."""

from __future__ import annotations

from pathlib import Path

from ..errors import DataTidakValid, TidakDitemukan

EKSTENSI = (".xlsx", ".xls", ".ods", ".csv")  # what excel.baca reads (each file recognised by its content)


def daftar_berkas(masukan: list[Path]) -> list[Path]:
    """The workbooks to import: files as given, folders' .xlsx files (not recursive, no Excel lock
    files ~$..., no hidden files) sorted by name. A folder with none, or a missing path, is refused."""
    hasil: list[Path] = []
    for p in masukan:
        p = Path(p)
        if p.is_dir():
            isi = sorted((f for f in p.iterdir() if f.is_file() and f.suffix.lower() in EKSTENSI
                          and not f.name.startswith(("~$", "."))), key=lambda f: f.name.casefold())
            if not isi:
                raise TidakDitemukan(f"Folder {p} tidak berisi buku kerja {', '.join(EKSTENSI)}.",
                                     "Simpan berkas dari OPD ke folder itu (format .xlsx), atau sebutkan berkasnya satu per satu.")
            hasil.extend(isi)
        elif p.exists():
            hasil.append(p)
        else:
            raise TidakDitemukan(f"Berkas atau folder tidak ditemukan: {p}", "Periksa nama dan foldernya.")
    unik = list(dict.fromkeys(hasil))
    if not unik:
        raise TidakDitemukan("Tidak ada berkas untuk diimpor.", "Sebutkan berkas .xlsx atau foldernya.")
    return unik


def nama_tandai(folder: Path, berkas: Path) -> Path:
    return Path(folder) / f"{Path(berkas).stem}.galat.xlsx"


def periksa_folder_tandai(folder: Path | None, daftar: list | None = None, timpa: bool = False) -> None:
    """Refuse up front a --tandai-folder that is a file, or that already holds the marked copy of one
    of the workbooks (`daftar`) unless `timpa` -- as --tandai of every importer: a copy sent to an OPD
    last week is never overwritten by accident. A missing folder is created when the first refused
    workbook is marked (berkas_aman.buat_folder)."""
    if folder is None:
        return
    if Path(folder).exists() and not Path(folder).is_dir():
        raise DataTidakValid(f"{folder} bukan folder: salinan bertanda tidak dapat ditulis ke sana.",
                             "Sebutkan folder (yang ada, atau yang akan dibuat) untuk --tandai-folder.")
    ada = [nama_tandai(folder, b) for b in daftar or () if not timpa and nama_tandai(folder, b).exists()]
    if ada:
        contoh = ", ".join(p.name for p in ada[:5]) + (f" dan {len(ada) - 5} lainnya" if len(ada) > 5 else "")
        raise DataTidakValid(f"{len(ada)} salinan bertanda sudah ada di {folder}: {contoh}; salinan bertanda tidak "
                             "menimpanya tanpa diminta. Tidak ada yang diimpor.",
                             "Pakai --timpa untuk menimpanya, atau pilih folder lain untuk --tandai-folder.")
