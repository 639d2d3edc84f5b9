"""Writing files and folders safely: one message for every way a write can fail, private folders,
and one private folder for temporary files that a killed run cannot leave behind for long.

- :func:`galat_tulis` turns an OSError of a write (no permission, read-only, disk full, past
  `ulimit -f`, a parent that is a file, a missing folder) into one Indonesian message naming the
  path and the fix. Every writer of a file goes through it.
- :func:`buat_folder` creates folders as 0700 whatever the umask (os.makedirs' mode is masked
  by the umask; an explicit chmod is not).
- :func:`ruang_sementara` is the run's private folder for temporary files (openpyxl's spill
  files, the workbook before it is renamed into place):
  ``<target folder>/.kinerja-sementara/<host>-<pid>-<random>/``, 0700. It is on the target's
  file system, so the final rename is atomic and a full disk shows up where the user writes. It
  is removed at the end whatever happens; a run that was SIGKILLed leaves its folder, which the
  next run into the same folder removes (its process is gone, or it is older than a day when it
  came from another computer on a shared drive).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Iterator

from .errors import BerkasTidakValid

NAMA_RUANG = ".kinerja-sementara"
BASI_DETIK = 24 * 3600  # a run folder of another computer (shared drive) older than this is stale


def penghalang(path: Path) -> Path | None:
    """The first existing ancestor of `path` that is a file, not a folder."""
    for induk in reversed(Path(path).absolute().parents):
        if induk.exists() and not induk.is_dir():
            return induk
    return None


def galat_tulis(e: OSError, path: os.PathLike | str, apa: str = "Berkas") -> BerkasTidakValid:
    """The one message for a failed write of `path` (a file, or a folder with apa="Folder")."""
    global _gagal
    _gagal = True
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    kode = e.errno
    sisa = " Tidak ada berkas setengah jadi yang tertinggal."
    if kode in (errno.EACCES, errno.EPERM):
        return BerkasTidakValid(f"{apa} {path} tidak dapat ditulis: izin ditolak.{sisa}",
                                f"Pilih folder yang dapat Anda tulisi, atau minta izin tulis untuk {folder}.")
    if kode == errno.EROFS:
        return BerkasTidakValid(f"{apa} {path} tidak dapat ditulis: {folder} hanya-baca (read-only).{sisa}",
                                "Pilih folder lain yang dapat ditulisi, misalnya di disk lokal.")
    if kode in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return BerkasTidakValid(f"{apa} {path} tidak dapat ditulis: disk penuh.{sisa}",
                                "Kosongkan ruang di disk itu atau pilih folder di disk lain, lalu ulangi.")
    if kode == errno.EFBIG:
        return BerkasTidakValid(f"{apa} {path} tidak dapat ditulis: melebihi batas ukuran berkas (ulimit -f).{sisa}",
                                "Naikkan batas ukuran berkas (ulimit -f unlimited) atau minta pengelola sistem, "
                                "lalu ulangi.")
    if kode in (errno.ENOTDIR, errno.EEXIST, errno.ENOENT) and penghalang(path) is not None:
        p = penghalang(path)
        return BerkasTidakValid(f"{apa} {path} tidak dapat ditulis: {p} adalah berkas, bukan folder.{sisa}",
                                "Pilih folder tujuan lain (bagian path sebelum nama berkas harus folder).")
    if kode == errno.ENOENT:
        return BerkasTidakValid(f"{apa} {path} tidak dapat ditulis: folder {folder} tidak ada.{sisa}",
                                f"Buat foldernya dulu (mkdir \"{folder}\") atau pilih folder lain.")
    if kode == errno.EISDIR:
        return BerkasTidakValid(f"{path} adalah folder, bukan berkas.", "Sebutkan nama berkas yang akan dibuat.")
    return BerkasTidakValid(
        f"{apa} {path} tidak dapat ditulis ({e.strerror or e}).{sisa}",
        "Tutup berkasnya bila sedang dibuka (misalnya di Excel), periksa izin dan ruang kosong foldernya, "
        "atau pilih nama lain, lalu ulangi.")


def sudah_dilaporkan(exc: BaseException | None) -> bool:
    """After a reported write failure, the same failure raised again by a library's half-closed writer
    (openpyxl's sheet generators, closed when collected) is no news: the entry point stays quiet."""
    if not _gagal:
        return False
    if isinstance(exc, OSError):
        return True
    return isinstance(exc, ValueError) and "closed file" in str(exc)


def periksa_folder_tujuan(folder: Path) -> None:
    """Refuse a target folder that does not exist or that is a file (before any work)."""
    folder = Path(folder) if str(folder) else Path(".")
    if folder.is_dir():
        return
    p = penghalang(folder / "x")
    if p is not None:
        raise BerkasTidakValid(f"{p} adalah berkas, bukan folder; {folder} tidak dapat dipakai sebagai folder tujuan.",
                               "Pilih folder tujuan lain.")
    raise BerkasTidakValid(f"Folder {folder} tidak ada.", f"Buat foldernya dulu (mkdir \"{folder}\") atau pilih folder lain.")


def buat_folder(folder: os.PathLike | str) -> Path:
    """Create `folder` (and missing parents) owner-only (0700), whatever the umask.

    Only folders made here are changed; an existing folder keeps its mode."""
    folder = Path(folder)
    dibuat = []
    p = folder
    while not p.exists() and p != p.parent:
        dibuat.append(p)
        p = p.parent
    try:
        for d in reversed(dibuat):
            try:
                os.mkdir(d, 0o700)
            except FileExistsError:
                if not d.is_dir():
                    raise
                continue
            os.chmod(d, 0o700)
    except OSError as e:
        raise galat_tulis(e, folder, "Folder") from None
    if not folder.is_dir():
        raise galat_tulis(OSError(errno.ENOTDIR, "Not a directory"), folder, "Folder")
    return folder


# -- the private folder for temporary files --------------------------------------

_gagal = False  # a write failure was reported (see sudah_dilaporkan)
_aktif: list[tuple[Path, Path]] = []  # (target folder, run folder) of the runs in progress (nested)


def _host() -> str:
    import socket

    try:
        return "".join(c for c in socket.gethostname() if c.isalnum() or c in "-_")[:40] or "host"
    except OSError:
        return "host"


def _hidup(pid: int) -> bool:
    if os.name != "posix":
        return True  # no safe check without a dependency (os.kill ends a process on Windows): age decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _basi(run: Path, host: str) -> bool:
    """A run folder whose process is gone (this computer) or that is older than a day (another one)."""
    try:
        h, pid, _ = run.name.rsplit("-", 2)
        pid_ = int(pid)
    except ValueError:
        h, pid_ = "", 0
    if h == host and os.name == "posix":
        return not _hidup(pid_)
    try:
        return time.time() - run.stat().st_mtime > BASI_DETIK
    except OSError:
        return False


def bersihkan_basi(folder: Path) -> int:
    """Remove what killed runs left in `folder`'s private folder; the number of run folders removed."""
    akar = Path(folder) / NAMA_RUANG
    try:
        isi = list(akar.iterdir())
    except OSError:
        return 0
    host, n = _host(), 0
    for run in isi:
        if run.is_dir() and not run.is_symlink() and _basi(run, host):
            shutil.rmtree(run, ignore_errors=True)
            n += 1
    with contextlib.suppress(OSError):
        akar.rmdir()  # only when empty
    return n


def _buat_run(folder: Path) -> Path:
    akar = folder / NAMA_RUANG
    for _ in range(3):  # another run may remove the (empty) private folder just between these steps
        try:
            try:
                os.mkdir(akar, 0o700)
                os.chmod(akar, 0o700)
            except FileExistsError:
                if akar.is_symlink() or not akar.is_dir():
                    raise BerkasTidakValid(f"{akar} bukan folder sementara milik kinerja.",
                                           f"Hapus atau pindahkan {akar}, lalu ulangi.") from None
            return Path(tempfile.mkdtemp(prefix=f"{_host()}-{os.getpid()}-", dir=akar))  # mode 0700
        except FileNotFoundError:
            if not folder.is_dir():
                raise
    return Path(tempfile.mkdtemp(prefix=f"{_host()}-{os.getpid()}-", dir=akar))


@contextlib.contextmanager
def ruang_sementara(folder: os.PathLike | str, tujuan: os.PathLike | str | None = None) -> Iterator[Path]:
    """This run's private folder for temporary files beside `folder`'s targets (see the module doc).

    While it is active, tempfile's default folder is the run folder, so openpyxl's spill files
    land there too (process-wide: the CLI is single-threaded). Nested use for the same folder
    shares one run folder. `tujuan`: the file being written (named in the message when the
    private folder cannot be made, e.g. in a read-only folder).
    """
    folder = Path(folder).absolute() if str(folder) else Path(".").absolute()
    for f, run in _aktif:
        if f == folder:
            yield run
            return
    periksa_folder_tujuan(folder)
    bersihkan_basi(folder)
    try:
        run = _buat_run(folder)
    except OSError as e:
        raise galat_tulis(e, tujuan) if tujuan is not None else galat_tulis(e, folder / NAMA_RUANG, "Folder") from None
    except BaseException:  # Ctrl-C / SIGTERM while the folders were being made: leave nothing of this run
        _hapus_run_sendiri(folder)
        raise
    lama = tempfile.tempdir
    tempfile.tempdir = str(run)
    _aktif.append((folder, run))
    try:
        yield run
    finally:
        _aktif.remove((folder, run))
        tempfile.tempdir = lama
        shutil.rmtree(run, ignore_errors=True)
        with contextlib.suppress(OSError):
            (folder / NAMA_RUANG).rmdir()  # only when empty (another run may still be using it)


def _hapus_run_sendiri(folder: Path) -> None:
    """Remove this process's run folders in `folder`'s private folder, then the private folder if empty."""
    akar = folder / NAMA_RUANG
    with contextlib.suppress(OSError):
        for run in akar.glob(f"{_host()}-{os.getpid()}-*"):
            shutil.rmtree(run, ignore_errors=True)
    with contextlib.suppress(OSError):
        akar.rmdir()


# -- where the database lives: shared drives, other readers -------------------------

FS_JARINGAN = frozenset({"cifs", "smb3", "smbfs", "smb2", "nfs", "nfs4", "ncpfs", "afs", "coda", "9p", "v9fs",
                         "ceph", "glusterfs", "lustre", "gpfs", "davfs", "webdav", "sshfs", "fuse.sshfs",
                         "fuse.glusterfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs", "fuse.cephfs", "drvfs"})


def _urai_mount(baris: str) -> tuple[str, str] | None:
    """(mount point, fstype) of a /proc/mounts line (spaces in paths are written \\040)."""
    bagian = baris.split()
    if len(bagian) < 3:
        return None
    titik = bagian[1].replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\")
    return titik, bagian[2]


def fs_jaringan(path: os.PathLike | str, tabel_mount: str | None = None) -> str | None:
    """The network file system type holding `path` ("cifs", "nfs4", "UNC", ...), or None when it is
    local or unknown. Linux: the longest mount point of /proc/mounts (or `tabel_mount`, the same text)
    containing the path; Windows: a \\\\server\\share path or a drive GetDriveType calls remote."""
    p = os.path.abspath(os.path.realpath(os.fspath(path)))
    if os.name == "nt" and tabel_mount is None:
        return _fs_jaringan_windows(p)
    if tabel_mount is None:
        try:
            with open("/proc/mounts", encoding="utf-8", errors="replace") as f:
                tabel_mount = f.read()
        except OSError:
            return None
    terbaik, jenis = "", None
    for baris in tabel_mount.splitlines():
        m = _urai_mount(baris)
        if m is None:
            continue
        titik, fs = m
        dalam = p == titik or p.startswith(titik.rstrip("/") + "/") or titik == "/"
        if dalam and len(titik) >= len(terbaik):
            terbaik, jenis = titik, fs
    if jenis is None:
        return None
    j = jenis.lower()
    return jenis if (j in FS_JARINGAN or j.startswith(("nfs", "smb", "cifs"))) else None


def _fs_jaringan_windows(p: str) -> str | None:
    if p.startswith(("\\\\", "//")):
        return "UNC"
    try:
        import ctypes

        akar = os.path.splitdrive(p)[0] + "\\"
        if ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(akar)) == 4:  # DRIVE_REMOTE
            return "drive jaringan"
    except (AttributeError, OSError, ValueError):
        pass
    return None


def pesan_fs_jaringan(path: os.PathLike | str, jenis: str) -> str:
    return (f"Basis data {path} berada di drive jaringan ({jenis}). SQLite (mode WAL) tidak aman di drive jaringan: "
            "data dapat rusak bila dua komputer menulis bersamaan. Simpan basis data di disk lokal komputer ini "
            "(bagikan hasilnya lewat ekspor/cadangan), atau pastikan hanya satu orang yang menulis pada satu waktu.")


def izin_terbuka(path: os.PathLike | str) -> int | None:
    """The mode bits of `path` that let others read or write it (0o077 part), or None if none/unknown."""
    if os.name != "posix":
        return None
    try:
        mode = os.stat(path).st_mode & 0o777
    except OSError:
        return None
    return mode if mode & 0o077 else None
