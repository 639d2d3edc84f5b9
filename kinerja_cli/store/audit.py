"""The audit log: every change to data, with who, when and which command."""

from __future__ import annotations

import getpass
import json
import sys
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:  # `kinerja --help` imports this module (set_perintah): keep sqlite_utils out of start-up
    from sqlite_utils import Database

_perintah: str | None = None


def set_perintah(teks: str) -> None:
    global _perintah
    _perintah = teks


def perintah() -> str:
    import shlex

    return _perintah or shlex.join(["kinerja", *sys.argv[1:]])


def pengguna() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "tidak-diketahui"


_ENKODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str).encode  # built once, not per entry


def _json(x: Any) -> str | None:
    if x is None:
        return None
    return _ENKODE(x)


def catat(db: Database, tabel: str, kunci: str, aksi: str, lama: Any = None, baru: Any = None,
          nip: str | None = None) -> None:
    catat_banyak(db, [(tabel, kunci, aksi, lama, baru, nip)])


def catat_banyak(db: Database, entri: Iterable[tuple[str, str, str, Any, Any, str | None]]) -> int:
    """entri: (tabel, kunci, aksi, lama, baru, nip). Call inside the command's transaction."""
    p = Pencatat(db)
    p.tambah_banyak(entri)
    return p.selesai()


_SQL = ("INSERT INTO audit (waktu, pengguna, perintah, tabel, kunci, aksi, lama, baru, nip)"
        " VALUES (?,?,?,?,?,?,?,?,?)")


class Pencatat:
    """Audit entries of one command written in batches (a large import logs hundreds of thousands):
    one time stamp, user and command line for all, as catat_banyak gives them. Use inside the
    command's transaction and call `selesai()` at the end. `tambah_json` takes lama/baru already
    encoded as `teks_json` would encode them (a caller with a faster exact encoder)."""

    BATCH = 5000

    def __init__(self, db: Database):
        from .db import sekarang_utc  # lazy: store.db loads sqlite_utils and kinerja --help imports this module

        self.db = db
        self._awal = (sekarang_utc(), pengguna(), perintah())
        self._buf: list[tuple] = []
        self.jumlah = 0

    def tambah_json(self, tabel: str, kunci: str, aksi: str, lama: str | None, baru: str | None,
                    nip: str | None) -> None:
        self._buf.append((*self._awal, tabel, kunci, aksi, lama, baru, nip))
        if len(self._buf) >= self.BATCH:
            self._tulis()

    def tambah_banyak(self, entri: Iterable[tuple[str, str, str, Any, Any, str | None]]) -> None:
        for (t, k, a, lm, br, n) in entri:
            self.tambah_json(t, k, a, _json(lm), _json(br), n)

    def tambah_dari(self, kolom: str, dari: str, args: list) -> None:
        """Entries selected by SQL: `kolom` gives tabel, kunci, aksi, lama, baru, nip (lama/baru as audit
        text) for the rows of `dari` (FROM ... ORDER BY ...); args: the parameters of kolom then dari."""
        self._tulis()
        cur = self.db.conn.execute(f"INSERT INTO audit (waktu, pengguna, perintah, tabel, kunci, aksi, lama, baru, nip)"
                                   f" SELECT ?, ?, ?, {kolom} {dari}", [*self._awal, *args])
        self.jumlah += cur.rowcount

    def _tulis(self) -> None:
        if self._buf:
            self.db.conn.executemany(_SQL, self._buf)
            self.jumlah += len(self._buf)
            self._buf = []

    def selesai(self) -> int:
        """Write what is left; the number of entries written."""
        self._tulis()
        return self.jumlah


teks_json = _json  # the encoding of lama/baru in the audit table


def riwayat(db: Database, nip: str | None = None, sejak=None, batas: int | None = None) -> list[dict]:
    where, args = [], []
    if nip:
        where.append("(nip = ? OR kunci LIKE ?)")
        args += [nip, f"%{nip}%"]
    if sejak:
        # Entries since the instant `sejak` (aware datetime). Entries are written in UTC with
        # "+00:00"; entries of older versions hold naive local time of the PC that wrote them and
        # are compared with `sejak` in this PC's local time (the best reading of them there is).
        from datetime import timezone

        utc = sejak.astimezone(timezone.utc).isoformat(timespec="seconds")
        lokal = sejak.astimezone().replace(tzinfo=None).isoformat(timespec="seconds")
        where.append("((waktu LIKE '%+00:00' AND waktu >= ?) OR (waktu NOT LIKE '%+%' AND waktu >= ?))")
        args += [utc, lokal]
    sql = "SELECT id, waktu, pengguna, perintah, tabel, kunci, aksi, lama, baru, nip FROM audit"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC"
    if batas:
        sql += f" LIMIT {int(batas)}"
    cur = db.execute(sql, args)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]
