"""Opening the database: where it is, creating it, schema versions, transactions."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Iterator

from sqlite_utils import Database

from ..berkas_aman import galat_tulis
from ..errors import BasisDataError, BasisDataRusak, TidakDitemukan
from ..validation.nama import kunci_nama
from .skema import NAMA_SET, migrasi, nama_dikenal

NAMA_BAWAAN = "kinerja.db"
VAR_LINGKUNGAN = "KINERJA_DB"
BATAS_TUNGGU_BAWAAN = 30.0  # seconds a writer waits for another one (KINERJA_BUSY_TIMEOUT)
AWAL_SQLITE = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database file
SARAN_PULIHKAN = "Pulihkan dari cadangan terakhir: kinerja pulihkan CADANGAN.db"

_terakhir: Path | None = None  # the database this command opened, named by errors raised later


def batas_tunggu() -> float:
    """Seconds to wait for the write lock: $KINERJA_BUSY_TIMEOUT, else 30. A value that is not a
    number of seconds (0 or more) is refused with a message, not silently replaced."""
    teks = os.environ.get("KINERJA_BUSY_TIMEOUT")
    if teks is None:
        return BATAS_TUNGGU_BAWAAN
    try:
        detik = float(teks.strip().replace(",", "."))
    except ValueError:
        detik = float("nan")
    if not (0 <= detik < 86400):
        raise BasisDataError(
            f"Variabel KINERJA_BUSY_TIMEOUT berisi '{teks}', bukan jumlah detik (0 sampai 86400).",
            "Isi angka detik, misalnya KINERJA_BUSY_TIMEOUT=30, atau hapus variabelnya (bawaan 30 detik).")
    return detik


def lokasi_db(db: str | os.PathLike | None = None) -> Path:
    """--db, else $KINERJA_DB, else ./kinerja.db."""
    if db:
        return Path(db)
    env = os.environ.get(VAR_LINGKUNGAN)
    if env:
        return Path(env)
    return Path(NAMA_BAWAAN)


def sekarang() -> str:
    return datetime.now().isoformat(timespec="seconds")


def sekarang_utc() -> str:
    """The audit log's time: UTC with its offset ("2026-12-06T05:20:18+00:00"), so changes made
    from PCs in other time zones (WIB, WITA, WIT) sort and filter as they happened."""
    from datetime import timezone

    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Sambungan(sqlite3.Connection):
    """kinerja's connection: autocommit (isolation_level=None: sqlite3 never opens a transaction on its
    own; every write of data goes through `transaksi`, TEMP-only staging through `sementara`), and the
    checks `jaga` registers for its write transactions, held here beside the connection."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.penjaga: dict = {}


def _kunci_nama(x):
    return kunci_nama(x) if isinstance(x, str) else x


def _sambung(path: Path) -> Database:
    """Connect without writing anything: the file may still be refused (periksa_versi)."""
    if path.is_dir():
        raise BasisDataError(f"{path} adalah folder, bukan berkas basis data.",
                             f"Sebutkan nama berkasnya, misalnya --db {path / NAMA_BAWAAN}")
    try:
        tunggu = batas_tunggu()
        conn = sqlite3.connect(str(path), timeout=tunggu, isolation_level=None, factory=Sambungan)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(tunggu * 1000)}")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.create_function("kinerja_nama", 1, _kunci_nama, deterministic=True)  # ORDER BY a name without titles
    except sqlite3.DatabaseError as e:
        raise _galat_sqlite(e, path) from None
    return Database(conn, execute_plugins=False)


def _pakai_wal(db: Database, path: Path) -> None:
    """Switch to WAL (concurrent readers). This rewrites the file header of a rollback-journal
    database, so it only happens after the file has been accepted."""
    try:
        mode = db.conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode.lower() != "wal":
            db.conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.DatabaseError as e:
        raise _galat_sqlite(e, path) from None


def _galat_sqlite(e: sqlite3.Error, path: Path) -> BasisDataError:
    return galat_sqlite(e, path) or BasisDataError(f"Basis data {path} tidak dapat dibuka: {e}",
                                                   "Periksa path dan izin berkasnya.")


_RUSAK = (("malformed", "isi berkasnya tidak utuh"), ("not a database", "kepala berkasnya rusak"),
          ("disk i/o error", "berkasnya tidak dapat dibaca dari disk"), ("corrupt", "isi berkasnya tidak utuh"),
          ("encrypted", "kepala berkasnya rusak"))


def galat_sqlite(e: BaseException, path: Path | None = None) -> BasisDataError | None:
    """The user's message for an SQLite error a user can meet (locked, damaged file), else None (a bug).
    Used when opening and at the command boundary, so an error raised deep inside a command's query
    reads the same as one raised while opening."""
    if not isinstance(e, sqlite3.DatabaseError):
        return None
    path = path or _terakhir or lokasi_db()
    teks = str(e).lower()
    if "locked" in teks or "busy" in teks:
        return BasisDataError(
            f"Basis data {path} sedang dipakai proses lain terlalu lama (lebih dari {_tunggu_teks()} detik).",
            "Tunggu proses lain selesai lalu ulangi perintah ini.",
        )
    if "disk is full" in teks:
        return BasisDataError(
            f"Basis data {path} tidak dapat ditulis: disk penuh. Perubahan perintah ini dibatalkan; tidak ada yang disimpan.",
            "Kosongkan ruang di disk tempat basis data berada (atau pindahkan basis data ke disk lain), "
            "lalu ulangi perintah ini.",
        )
    for kata, sebab in _RUSAK:
        if kata in teks:
            return BasisDataRusak(f"Basis data {path} rusak: {sebab} (SQLite: {e}).",
                                  f"{SARAN_PULIHKAN} --db {path}  (yang rusak disimpan sebagai salinan pengaman).")
    return None


def _tunggu_teks() -> str:
    try:
        return f"{batas_tunggu():g}"
    except BasisDataError:
        return f"{BATAS_TUNGGU_BAWAAN:g}"


def _cek_berkas(path: Path, *, buat: bool = False) -> None:
    """Refuse, before SQLite touches it, a file that cannot be a kinerja database: empty (0 bytes: an
    interrupted copy; only `init` may fill it) or not SQLite at all (a workbook, a text)."""
    try:
        ukuran = path.stat().st_size
        with open(path, "rb") as f:
            awal = f.read(len(AWAL_SQLITE))
    except OSError:  # a folder, no permission: SQLite's own message says which
        return
    saran = (f"Periksa --db atau variabel KINERJA_DB. Untuk basis data baru: kinerja init --db BARU.db; "
             f"untuk memulihkan isinya: kinerja pulihkan CADANGAN.db --db {path}")
    if ukuran == 0:
        wal = Path(f"{path}-wal")
        if buat or (wal.exists() and wal.stat().st_size > 0):
            return
        raise BasisDataError(f"Berkas {path} kosong (0 bita), bukan basis data kinerja; mungkin salinan yang "
                             "terputus. Berkas tidak diubah.", saran)
    if awal != AWAL_SQLITE:
        jenis = "buku kerja Excel atau arsip zip" if awal.startswith(b"PK\x03\x04") else "bukan berkas SQLite"
        raise BasisDataError(f"Berkas {path} bukan basis data kinerja ({jenis}). Berkas tidak diubah.", saran)


def _versi_diterapkan(db: Database) -> list[str]:
    """The applied migrations of kinerja's set in the order applied (what `migrasi.applied` reads, in
    two queries instead of a dozen: every command opens the database)."""
    tabel = migrasi.migrations_table
    if db.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [tabel]).fetchone() is None:
        return []
    return [r[0] for r in db.conn.execute(f"SELECT name FROM [{tabel}] WHERE migration_set = ? ORDER BY rowid",
                                          [migrasi.name])]


def periksa_versi(db: Database, path: Path, *, buat: bool = False) -> list[str]:
    """Refuse a schema newer than this program, and (unless `buat`: init) a SQLite file that kinerja
    never set up; return the pending migrations."""
    try:
        diterapkan = _versi_diterapkan(db)
    except sqlite3.DatabaseError as e:
        raise _galat_sqlite(e, path) from None
    dikenal = set(nama_dikenal())
    asing = [n for n in diterapkan if n not in dikenal]
    if asing:
        raise BasisDataError(
            f"Basis data {path} dibuat oleh versi kinerja yang lebih baru (skema {asing[-1]}).",
            "Perbarui program kinerja (pip install -U kinerja) sebelum memakai basis data ini; berkas tidak diubah.",
        )
    if not diterapkan:
        try:
            tabel = db.table_names()
        except sqlite3.DatabaseError as e:
            raise _galat_sqlite(e, path) from None
        if tabel and "pegawai" not in tabel:
            raise BasisDataError(f"Berkas {path} adalah basis data SQLite lain, bukan milik kinerja.", "Periksa path --db.")
        if not buat:  # an empty SQLite file (e.g. an interrupted copy rolled back) is never silently filled
            keadaan = "kosong, tanpa tabel" if not tabel else "tanpa catatan versi skema kinerja"
            raise BasisDataError(
                f"Berkas {path} adalah basis data SQLite {keadaan}: bukan basis data kinerja (mungkin salinan "
                "yang terputus). Berkas tidak diubah.",
                f"Periksa --db atau variabel KINERJA_DB. Untuk basis data baru: kinerja init --db BARU.db; "
                f"untuk memulihkan isinya: kinerja pulihkan CADANGAN.db --db {path}")
    sudah = set(diterapkan)
    return [n for n in nama_dikenal() if n not in sudah]


def terapkan_migrasi(db: Database, tertunda: list[str] | None = None) -> list[str]:
    """Apply every pending migration in ONE transaction (all or nothing). `tertunda`: the pending ones as
    periksa_versi just found them (the transaction's own check still decides what is applied)."""
    if tertunda is None:
        tertunda = [m.name for m in migrasi.pending(db)] if db["_sqlite_migrations"].exists() else nama_dikenal()
    if not tertunda:
        return []
    # foreign keys off while migrating, as SQLite prescribes for rebuilding a table (lang_altertable.html
    # #otheralter, step 1: outside the transaction); a rebuilding migration runs foreign_key_check itself
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with transaksi(db):
            migrasi.apply(db)
    except sqlite3.Error as e:
        if isinstance(e, sqlite3.OperationalError) and ("locked" in str(e).lower() or "busy" in str(e).lower()):
            raise _galat_sqlite(e, Path(db_path(db))) from None
        raise BasisDataError(
            f"Pembaruan skema basis data {db_path(db)} ke {tertunda[-1]} gagal ({e}); basis data tidak diubah.",
            "Buat cadangan berkasnya lalu laporkan pesan ini ke pengelola aplikasi kinerja.",
        ) from None
    finally:
        db.execute("PRAGMA foreign_keys = ON")
    return tertunda


def buat_db(path: Path) -> bool:
    """Create the database file (mode 0600) and its schema. False if it existed."""
    baru = not path.exists()
    if baru:
        if path.is_symlink():  # a link to a file that does not exist (O_EXCL never follows it)
            raise BasisDataError(
                f"{path} adalah tautan (symlink) ke {os.readlink(path)}, yang tidak ada; basis data tidak dibuat.",
                f"Hapus tautannya (rm \"{path}\") atau sebutkan path berkas yang sebenarnya dengan --db.")
        if path.parent and not path.parent.exists():
            raise TidakDitemukan(f"Folder {path.parent} tidak ada.", "Buat foldernya dulu atau pilih path lain dengan --db.")
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except OSError as e:
            raise galat_tulis(e, path, "Basis data") from None
        os.close(fd)
    _cek_berkas(path, buat=True)
    db = _sambung(path)
    try:
        periksa_versi(db, path, buat=True)
        _pakai_wal(db, path)
        terapkan_migrasi(db)
    finally:
        db.close()
    return baru


def buka_db(path: Path) -> Database:
    """Open an existing database, upgrading an older schema in place."""
    if not path.exists():
        raise BasisDataError(
            f"Basis data tidak ditemukan: {path}",
            f"Buat dulu dengan: kinerja init --db {path}  (atau atur variabel KINERJA_DB)",
        )
    global _terakhir
    _terakhir = path
    _cek_berkas(path)
    db = _sambung(path)
    try:
        tertunda = periksa_versi(db, path)
        _pakai_wal(db, path)
        terapkan_migrasi(db, tertunda)
    except BaseException:
        db.close()
        raise
    return db


@contextlib.contextmanager
def transaksi(db: Database) -> Iterator[Database]:
    """One write transaction (BEGIN IMMEDIATE: waits for other writers), committed at the end of the
    block, rolled back on any error. Inside another one it is a savepoint of that one.

    The checks registered with `jaga` run first, under the write lock: what another process
    changed between the command's first check and this moment is seen here.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:
        raise _galat_sqlite(e, Path(db_path(db))) from None
    try:
        for periksa in list(getattr(conn, "penjaga", {}).values()):
            periksa()
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        try:
            conn.execute("COMMIT")
        except sqlite3.OperationalError as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise _galat_sqlite(e, Path(db_path(db))) from None


@contextlib.contextmanager
def sementara(conn: sqlite3.Connection) -> Iterator[None]:
    """Writes to TEMP tables only (an importer's staging), batched in one deferred transaction: it
    takes no write lock on the database file, so other processes keep writing meanwhile, and the
    command's `transaksi` can begin right after it. Inside a caller's transaction: part of that one."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        if conn.in_transaction:
            conn.execute("COMMIT")


def jaga(db: Database, kunci, periksa) -> None:
    """Register `periksa()` to run at the start of every later write transaction on this connection
    (e.g. "the period is still open": a period closed by another process while an import was reading
    its file must still refuse the import's writes). It raises to refuse; the transaction rolls back."""
    db.conn.penjaga[kunci] = periksa


def versi_data(db: Database) -> int:
    """SQLite's PRAGMA data_version: it changes when ANOTHER connection commits to the database (never
    for this connection's own writes). Equal before and inside a write transaction = nobody else wrote."""
    return db.conn.execute("PRAGMA data_version").fetchone()[0]


def db_path(db: Database) -> str:
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] if row else "?"


__all__ = ["lokasi_db", "buat_db", "buka_db", "transaksi", "sekarang", "NAMA_SET"]
