"""Saving a workbook: owner-only, atomic, never clobbering by accident.

The workbook is saved to a temporary file (mode 0600) in the target's folder
and then moved into place, so a crash never leaves a half-written file and a
file that already exists is only replaced when the user asked for it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import BerkasTidakValid, DataTidakValid, TidakDitemukan


def periksa_tujuan(path: Path, timpa: bool) -> None:
    """Refuse a target we must not write (before doing any work)."""
    if path.suffix.lower() != ".xlsx":
        raise DataTidakValid(f"Nama berkas {path.name} harus berakhiran .xlsx.",
                             f"Contoh: {path.with_suffix('.xlsx').name}")
    if path.parent and not path.parent.exists():
        raise TidakDitemukan(f"Folder {path.parent} tidak ada.", "Buat foldernya dulu atau pilih folder lain.")
    if path.is_dir():
        raise DataTidakValid(f"{path} adalah folder, bukan berkas.", "Sebutkan nama berkas .xlsx yang akan dibuat.")
    if path.exists() and not timpa:
        raise DataTidakValid(f"Berkas {path} sudah ada.", "Pakai --timpa untuk menimpanya, atau pilih nama berkas lain.")


def simpan_atomik(wb, path: Path, timpa: bool = False) -> Path:
    """Save `wb` (openpyxl Workbook) to `path` with mode 0600, atomically."""
    path = Path(path)
    periksa_tujuan(path, timpa)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, sementara = tempfile.mkstemp(prefix=".~kinerja-", suffix=".xlsx", dir=folder)  # mode 0600
    except PermissionError:
        raise BerkasTidakValid(f"Tidak ada izin menulis di folder {folder}.", "Pilih folder lain.") from None
    os.close(fd)
    try:
        wb.save(sementara)
        os.chmod(sementara, 0o600)
        if timpa:
            os.replace(sementara, path)
        else:
            _pindah_tanpa_timpa(sementara, path)
    except PermissionError:
        raise BerkasTidakValid(
            f"Berkas {path} tidak dapat ditulis (izin ditolak, atau sedang dibuka di Excel).",
            "Tutup berkasnya di Excel atau pilih nama lain, lalu ulangi.",
        ) from None
    finally:
        if os.path.exists(sementara):
            os.unlink(sementara)
    return path


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
