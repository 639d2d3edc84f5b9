"""The one writer of audit JSON for rows of plain values (every importer, one entry or a million).

`store.audit.teks_json` is the definition: json.dumps(sort_keys=True, ensure_ascii=False) of the
`lama`/`baru` dict. For tens of thousands of flat rows that general encoder is most of the cost of
writing the log, so `pembuat_objek(kunci)` builds the very same text directly for rows whose values
are str, None, bool or int (keys sorted once, each value as json writes it); any other value sends
the row to the general encoder, so the text never differs. Bulk SQL uses the same function: `daftarkan`
registers it on the connection as an SQLite function (INSERT ... SELECT into the log calls it per row),
so staged and single entries are byte-identical by construction. `salin` copies staged rows into the
log with one INSERT ... SELECT, with the same who/when/command fields as `audit.catat_banyak`.
"""

from __future__ import annotations

import sqlite3
from json.encoder import encode_basestring  # what json.dumps(ensure_ascii=False) uses for strings
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from . import audit
from .db import sekarang_utc

if TYPE_CHECKING:
    from sqlite_utils import Database


class _BukanDatar(Exception):
    """A value the direct writer does not handle: the row goes to the general encoder."""


def _nilai(v) -> str:
    c = v.__class__
    if c is str:
        return encode_basestring(v)
    if v is None:
        return "null"
    if c is bool:
        return "true" if v else "false"
    if c is int:
        return int.__repr__(v)
    raise _BukanDatar


def teks(v) -> str:
    """One JSON value (a string, null, true/false or an integer) as audit.teks_json writes it."""
    try:
        return _nilai(v)
    except _BukanDatar:
        return audit.teks_json(v)


def pembuat_objek(kunci: Sequence[str]) -> Callable[[Sequence], str]:
    """f(values in `kunci` order) -> audit.teks_json(dict(zip(kunci, values))), written directly."""
    kunci = tuple(kunci)
    urut = sorted(range(len(kunci)), key=kunci.__getitem__)
    pola = "{" + ", ".join(f"{encode_basestring(kunci[i])}: %s" for i in urut) + "}"
    nilai = _nilai
    if urut == list(range(len(kunci))):
        def susun(v):
            return tuple(map(nilai, v))
    else:
        def susun(v):
            return tuple([nilai(v[i]) for i in urut])

    def buat(v: Sequence) -> str:
        try:
            return pola % susun(v)
        except _BukanDatar:
            return audit.teks_json(dict(zip(kunci, v)))

    return buat


def objek(kunci: Sequence[str], nilai: Iterable) -> str:
    """audit.teks_json(dict(zip(kunci, nilai))) for a row of plain values."""
    return pembuat_objek(kunci)(tuple(nilai))


def daftarkan(conn: sqlite3.Connection, nama: str, jumlah: int, buat: Callable[..., str]) -> str:
    """Register `buat(*columns)` as the SQLite function `nama` of `jumlah` arguments on `conn`, for the
    bulk SQL that writes audit text; returns `nama`."""
    conn.create_function(nama, jumlah, buat, deterministic=True)
    return nama


def salin(db: Database, pilih: str, args: list) -> int:
    """Append audit rows selected by `pilih`: "<tabel>, <kunci>, <aksi>, <lama>, <baru>, <nip> FROM ...
    ORDER BY ...", in the order of the changes (call inside the command's transaction). Its `?`
    placeholders take `args`. Returns the number of rows written."""
    cur = db.conn.execute(
        "INSERT INTO audit (waktu, pengguna, perintah, tabel, kunci, aksi, lama, baru, nip) SELECT ?, ?, ?, " + pilih,
        [sekarang_utc(), audit.pengguna(), audit.perintah(), *args])
    return cur.rowcount
