"""Backup and restore files: a copy is written under a hidden temporary name beside its target,
verified (integrity, schema version, row counts equal to the source in the same read snapshot),
flushed to disk, and only then given its name. A killed backup leaves only a temporary file,
which the next backup or restore in that folder removes."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BasisDataError, BasisDataRusak
from .audit import catat
from .db import AWAL_SQLITE, NAMA_SET, SARAN_PULIHKAN, batas_tunggu, galat_sqlite, transaksi
from .skema import nama_dikenal

_SEMENTARA = re.compile(r"^\.~(cadangan|pulihkan)-(\d+)-[^/]*\.tmp(-journal|-wal|-shm)?$")
_AKHIRAN = ("-journal", "-wal", "-shm")


@dataclass
class Ringkasan:
    """What a verified copy holds."""

    versi: list[str] = field(default_factory=list)
    jumlah: dict[str, int] = field(default_factory=dict)
    ukuran: int = 0


class SalinanGagal(Exception):
    """A copy that did not verify; `masalah` says why (Indonesian)."""

    def __init__(self, masalah: list[str], rusak: bool = False):
        super().__init__("; ".join(masalah))
        self.masalah = masalah
        self.rusak = rusak  # SQLite found damaged pages (the copy is page for page its source)


def isi_kinerja(conn: sqlite3.Connection) -> Ringkasan:
    """Schema versions (kinerja's migrations, in order) and the row count of every table."""
    tabel = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    versi = []
    if "_sqlite_migrations" in tabel:
        versi = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                                            [NAMA_SET])]
    jumlah = {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tabel}
    return Ringkasan(versi, jumlah)


def salin_halaman(sumber: sqlite3.Connection, tujuan: sqlite3.Connection) -> None:
    """Copy every page of `sumber` into `tujuan` (SQLite backup API, 1024 pages per step)."""
    sumber.backup(tujuan, pages=1024)


def _salin(sumber: sqlite3.Connection, tmp: Path) -> Ringkasan:
    """Copy `sumber` into `tmp` (SQLite backup API) and count the source in the same read snapshot."""
    sendiri = not sumber.in_transaction
    if sendiri:
        sumber.execute("BEGIN")  # one read snapshot: the counts and the pages copied are the same state
    try:
        isi = isi_kinerja(sumber)
        tujuan = sqlite3.connect(str(tmp))
        try:
            salin_halaman(sumber, tujuan)
            tujuan.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            tujuan.close()
    finally:
        if sendiri and sumber.in_transaction:
            sumber.execute("ROLLBACK")
    return isi


TEMUAN_DITAMPILKAN = 3


def ringkas_temuan(hasil: list[str]) -> str:
    """integrity_check's findings for a one-paragraph message: the first few lines (a row can hold
    many lines), then how many more there are; `kinerja periksa` lists them all."""
    baris = [b.strip() for r in hasil for b in str(r).splitlines()]
    baris = [b for b in baris if b and not b.startswith("***")]  # "*** in database main ***" headers
    teks = "; ".join(baris[:TEMUAN_DITAMPILKAN])
    sisa = len(baris) - TEMUAN_DITAMPILKAN
    return teks + (f" ({sisa} temuan lain; lihat kinerja periksa)" if sisa > 0 else "")


def verifikasi(path: Path, harapan: Ringkasan | None = None) -> Ringkasan:
    """Check a copy: SQLite integrity, a kinerja schema this program can open, and (given `harapan`)
    the same schema version and row counts as the source. SalinanGagal lists what is wrong."""
    conn = sqlite3.connect(str(path))
    try:
        hasil = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if hasil != ["ok"]:
            raise SalinanGagal([f"pemeriksaan integritas SQLite: {ringkas_temuan(hasil)}"], rusak=True)
        isi = isi_kinerja(conn)
    except sqlite3.DatabaseError as e:
        raise SalinanGagal([f"SQLite: {e}"], rusak=True) from None
    finally:
        conn.close()
    masalah = []
    if not isi.versi:
        masalah.append("bukan basis data kinerja (tidak ada catatan versi skema kinerja)")
    asing = [v for v in isi.versi if v not in set(nama_dikenal())]
    if asing:
        masalah.append(f"dibuat oleh versi kinerja yang lebih baru (skema {asing[-1]}); perbarui program kinerja dulu")
    if harapan is not None:
        if isi.versi != harapan.versi:
            masalah.append(f"versi skema salinan {isi.versi[-1:]} berbeda dengan sumbernya {harapan.versi[-1:]}")
        beda = [f"{t}: {harapan.jumlah.get(t)} → {isi.jumlah.get(t)}"
                for t in sorted(harapan.jumlah.keys() | isi.jumlah.keys()) if harapan.jumlah.get(t) != isi.jumlah.get(t)]
        if beda:
            masalah.append("jumlah baris salinan berbeda dengan sumbernya (" + ", ".join(beda) + ")")
    if masalah:
        raise SalinanGagal(masalah)
    isi.ukuran = path.stat().st_size
    return isi


def berkas_sementara(folder: Path, jenis: str) -> Path:
    """A new hidden temporary file (0600) in `folder`, named with this process id, after removing the
    leftovers of killed runs there."""
    bersihkan_sisa(folder)
    fd, nama = tempfile.mkstemp(prefix=f".~{jenis}-{os.getpid()}-", suffix=".tmp", dir=folder)
    os.close(fd)
    return Path(nama)


def bersihkan_sisa(folder: Path) -> list[Path]:
    """Remove temporary backup/restore files left by a process that no longer runs."""
    dihapus = []
    with contextlib.suppress(OSError):
        for p in folder.iterdir():
            m = _SEMENTARA.match(p.name)
            if m and not _masih_jalan(int(m.group(2)), p):
                with contextlib.suppress(OSError):
                    p.unlink()
                    dihapus.append(p)
    return dihapus


def _masih_jalan(pid: int, p: Path) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill would end the process there: go by age instead
        with contextlib.suppress(OSError):
            return time.time() - p.stat().st_mtime < 3600
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def hapus(tmp: Path) -> None:
    for akhiran in ("", *_AKHIRAN):
        with contextlib.suppress(OSError):
            Path(f"{tmp}{akhiran}").unlink()


def tulis_ke_disk(path: Path) -> None:
    """fsync the file, so its name never points at data still in the cache."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def tulis_folder_ke_disk(folder: Path) -> None:
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def cadangkan(conn: sqlite3.Connection, sumber: Path, tujuan: Path) -> Ringkasan:
    """Write a verified backup of the open database to `tujuan`, which must not exist."""
    tmp = berkas_sementara(tujuan.parent, "cadangan")
    try:
        try:
            harapan = _salin(conn, tmp)
        except sqlite3.DatabaseError as e:
            g = galat_sqlite(e, sumber)
            if isinstance(g, BasisDataRusak) and not isinstance(e, sqlite3.OperationalError):  # not I/O on the target
                raise BasisDataRusak(f"{g.pesan} Cadangan tidak dibuat; cadangan yang lama tidak diubah.",
                                     g.saran) from None
            raise
        try:
            isi = verifikasi(tmp, harapan)
        except SalinanGagal as e:
            if e.rusak:
                raise BasisDataRusak(f"Basis data {sumber} rusak ({'; '.join(e.masalah)}). Cadangan tidak dibuat; "
                                     "cadangan yang lama tidak diubah.", f"{SARAN_PULIHKAN} --db {sumber}") from None
            raise BasisDataError(f"Cadangan dari {sumber} tidak lolos pemeriksaan: {'; '.join(e.masalah)}. Cadangan "
                                 "tidak dibuat; cadangan yang lama tidak diubah.",
                                 f"Ulangi; bila tetap gagal jalankan kinerja periksa --db {sumber}") from None
        tulis_ke_disk(tmp)
        if tujuan.exists():
            raise FileExistsError(17, "berkas sudah ada")
        os.replace(tmp, tujuan)
        tulis_folder_ke_disk(tujuan.parent)
        return isi
    finally:
        hapus(tmp)


def berkas_sqlite(path: Path) -> str | None:
    """Why `path` cannot be a SQLite database (Indonesian), or None when it may be one."""
    if not path.exists():
        return "berkasnya tidak ada"
    if path.is_dir():
        return "itu folder, bukan berkas"
    try:
        with open(path, "rb") as f:
            awal = f.read(len(AWAL_SQLITE))
    except OSError as e:
        return f"tidak dapat dibaca ({e.strerror})"
    if not awal:
        return "berkasnya kosong (0 bita): salinan yang terputus"
    if awal != AWAL_SQLITE:
        return "bukan berkas SQLite" + (" (buku kerja Excel atau arsip zip)" if awal.startswith(b"PK\x03\x04") else "")
    return None


def salin_cadangan(cadangan: Path, folder: Path) -> tuple[Path, Ringkasan]:
    """Copy a backup (opened read-only, never changed) into a temporary file in `folder` and verify it."""
    tmp = berkas_sementara(folder, "pulihkan")
    try:
        sumber = sqlite3.connect(f"{cadangan.resolve().as_uri()}?mode=ro", uri=True)
        try:
            harapan = _salin(sumber, tmp)
        finally:
            sumber.close()
        return tmp, verifikasi(tmp, harapan)
    except sqlite3.DatabaseError as e:
        hapus(tmp)
        raise SalinanGagal([f"SQLite: {e}"]) from None
    except BaseException:
        hapus(tmp)
        raise


def catat_pemulihan(tmp: Path, kunci: str, baru: dict) -> None:
    """The restore's audit entry (who, when, which file), written into the restored copy itself,
    so the database put in place already carries it."""
    from sqlite_utils import Database

    db = Database(sqlite3.connect(str(tmp), isolation_level=None))
    try:
        with transaksi(db):
            catat(db, "basis_data", kunci, "pulihkan", None, baru)
    finally:
        db.close()


def kunci_lama(path: Path) -> sqlite3.Connection | None:
    """Take the current database for replacement: fold its WAL into the file, switch it to a
    single-file journal and hold an exclusive lock, so no other kinerja process is inside it and
    nothing of it lives outside the file copied. None when SQLite cannot read it (damaged): then
    its files are copied as they are. Refused while another process has it open."""
    conn = sqlite3.connect(str(path), timeout=batas_tunggu(), isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() == "wal":
            raise sqlite3.OperationalError("database is locked")
        conn.execute("BEGIN EXCLUSIVE")
        return conn
    except sqlite3.DatabaseError as e:
        conn.close()
        teks = str(e).lower()
        if "locked" in teks or "busy" in teks:
            raise BasisDataError(f"Basis data {path} sedang dibuka proses lain; pemulihan tidak dilakukan, "
                                 "tidak ada yang diubah.",
                                 "Tutup perintah kinerja lain yang memakai basis data ini, lalu ulangi.") from None
        return None


def simpan_pengaman(path: Path, cap: str) -> Path:
    """Copy the current database file to `<name>.sebelum-pulihkan-<cap>` (0600) beside it, then move
    its journal / WAL (if any) beside the copy, so they never meet the restored file."""
    dasar = path.with_name(f"{path.name}.sebelum-pulihkan-{cap}")
    salinan, ke = dasar, 2
    while True:
        try:
            fd = os.open(salinan, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            break
        except FileExistsError:
            salinan = dasar.with_name(f"{dasar.name}-{ke}")
            ke += 1
    try:
        with os.fdopen(fd, "wb") as keluar, open(path, "rb") as masuk:
            while blok := masuk.read(1 << 20):
                keluar.write(blok)
            keluar.flush()
            os.fsync(keluar.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            salinan.unlink()
        raise
    for akhiran in ("-wal", "-journal"):
        lama = Path(f"{path}{akhiran}")
        if lama.exists():
            os.replace(lama, Path(f"{salinan}{akhiran}"))
    with contextlib.suppress(OSError):
        Path(f"{path}-shm").unlink()
    return salinan
