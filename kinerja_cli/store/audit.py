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
    return _perintah or " ".join(["kinerja", *sys.argv[1:]])


def pengguna() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "tidak-diketahui"


def _json(x: Any) -> str | None:
    if x is None:
        return None
    return json.dumps(x, ensure_ascii=False, sort_keys=True, default=str)


def catat(db: Database, tabel: str, kunci: str, aksi: str, lama: Any = None, baru: Any = None,
          nip: str | None = None) -> None:
    catat_banyak(db, [(tabel, kunci, aksi, lama, baru, nip)])


def catat_banyak(db: Database, entri: Iterable[tuple[str, str, str, Any, Any, str | None]]) -> int:
    """entri: (tabel, kunci, aksi, lama, baru, nip). Call inside the command's transaction."""
    from .db import sekarang

    waktu, siapa, cmd = sekarang(), pengguna(), perintah()
    rows = [(waktu, siapa, cmd, t, k, a, _json(lm), _json(br), n) for (t, k, a, lm, br, n) in entri]
    db.conn.executemany(
        "INSERT INTO audit (waktu, pengguna, perintah, tabel, kunci, aksi, lama, baru, nip)"
        " VALUES (?,?,?,?,?,?,?,?,?)",
        rows,
    )
    return len(rows)


def riwayat(db: Database, nip: str | None = None, sejak: str | None = None, batas: int | None = None) -> list[dict]:
    where, args = [], []
    if nip:
        where.append("(nip = ? OR kunci LIKE ?)")
        args += [nip, f"%{nip}%"]
    if sejak:
        where.append("waktu >= ?")
        args.append(sejak)
    sql = "SELECT id, waktu, pengguna, perintah, tabel, kunci, aksi, lama, baru, nip FROM audit"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC"
    if batas:
        sql += f" LIMIT {int(batas)}"
    cur = db.execute(sql, args)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]
