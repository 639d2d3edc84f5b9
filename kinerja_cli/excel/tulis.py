"""Saving a workbook: owner-only, atomic, never clobbering by accident.

The workbook is saved to a temporary file (mode 0600) in the run's private folder
beside the target (berkas_aman.ruang_sementara) and then moved into place, so a crash
never leaves a half-written file and a file that already exists is only replaced when
the user asked for it. Every OSError becomes one message (berkas_aman.galat_tulis).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator

from ..berkas_aman import galat_tulis, periksa_folder_tujuan, ruang_sementara
from ..errors import DataTidakValid


def periksa_tujuan(path: Path, timpa: bool) -> None:
    """Refuse a target we must not write (before doing any work)."""
    if path.suffix.lower() != ".xlsx":
        raise DataTidakValid(f"Nama berkas {path.name} harus berakhiran .xlsx.",
                             f"Contoh: {path.with_suffix('.xlsx').name}")
    periksa_folder_tujuan(path.parent)
    if path.is_dir():
        raise DataTidakValid(f"{path} adalah folder, bukan berkas.", "Sebutkan nama berkas .xlsx yang akan dibuat.")
    if path.exists() and not timpa:
        raise DataTidakValid(f"Berkas {path} sudah ada.", "Pakai --timpa untuk menimpanya, atau pilih nama berkas lain.")


def simpan_atomik(wb, path: Path, timpa: bool = False, kompresi: int | None = None) -> Path:
    """Save `wb` (openpyxl Workbook) to `path` with mode 0600, atomically.

    Whatever fails (no permission, disk full, the folder made read-only meanwhile, a KinerjaError
    while openpyxl serialises), the temporary file is removed and the target is left as it was.
    `kompresi`: zlib level of the zip (None: openpyxl's default, 6); the content is the same,
    a lower level only makes a larger file faster.
    """
    path = Path(path)
    periksa_tujuan(path, timpa)
    folder = path.parent if str(path.parent) else Path(".")
    with sementara_di(folder, path) as run:
        try:
            fd, sementara = tempfile.mkstemp(prefix=".~kinerja-", suffix=".xlsx", dir=run)  # mode 0600
            os.close(fd)
            if kompresi is None:
                wb.save(sementara)
            else:
                _simpan_dengan_kompresi(wb, sementara, kompresi)
            os.chmod(sementara, 0o600)
            if timpa:
                os.replace(sementara, path)
            else:
                _pindah_tanpa_timpa(sementara, path)
        except OSError as e:
            raise galat_tulis(e, path) from None
    return path


def _simpan_dengan_kompresi(wb, path: str, tingkat: int) -> None:
    """`wb.save(path)` with the zip's zlib level chosen (openpyxl always uses the default, 6).

    openpyxl's writer opens the archive through the name `ZipFile` of its module; that name is
    pointed at a ZipFile with this level for the duration of the save (process-wide, like
    `sementara_di`; the CLI is single-threaded).
    """
    import functools
    import zipfile

    from openpyxl.writer import excel

    asli = excel.ZipFile
    excel.ZipFile = functools.partial(zipfile.ZipFile, compresslevel=tingkat)
    try:
        wb.save(path)
    finally:
        excel.ZipFile = asli


def _hapus(p: str) -> None:
    try:
        os.unlink(p)
    except FileNotFoundError:
        pass
    except OSError:  # the folder became read-only: nothing more we can do, the error is reported
        pass


@contextlib.contextmanager
def sementara_di(folder: Path, tujuan: Path | None = None) -> Iterator[Path]:
    """Keep openpyxl's spill files (write-only sheets stream rows to temp files) in this run's
    private folder beside the target (berkas_aman.ruang_sementara), never in the system temp folder
    or loose in the user's folder; remove them whatever happens. Yields the run folder.
    With `tujuan`, an OSError inside (a spill file on a full disk) is reported for that target.

    Wrap the building of a write-only workbook and its save in this. Not thread-safe
    (tempfile.tempdir is process-wide); the CLI is single-threaded.
    """
    from openpyxl.worksheet import _writer

    daftar = getattr(_writer, "ALL_TEMP_FILES", [])
    sebelum = set(daftar)
    try:
        with ruang_sementara(folder, tujuan) as run:
            try:
                yield run
            except OSError as e:
                if tujuan is None:
                    raise
                raise galat_tulis(e, tujuan) from None
    finally:
        for p in [p for p in daftar if p not in sebelum]:
            _hapus(p)
            daftar.remove(p)


def _pindah_tanpa_timpa(sumber: str, tujuan: Path) -> None:
    """Move into place, refusing (even in a race) if the target appeared meanwhile."""
    try:
        os.link(sumber, tujuan)  # atomic: fails if the target exists
    except FileExistsError:
        raise DataTidakValid(f"Berkas {tujuan} sudah ada.",
                             "Pakai --timpa untuk menimpanya, atau pilih nama berkas lain.") from None
    except OSError:  # file systems without hard links
        if tujuan.exists():
            raise DataTidakValid(f"Berkas {tujuan} sudah ada.",
                                 "Pakai --timpa untuk menimpanya, atau pilih nama berkas lain.") from None
        os.replace(sumber, tujuan)
        return
    os.unlink(sumber)
