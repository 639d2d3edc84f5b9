"""Audit rows whose JSON is built beforehand, for the large importers (realisasi, perilaku).

`store.audit.catat_banyak` encodes each `lama`/`baru` dict with json.dumps(sort_keys=True,
ensure_ascii=False); for tens of thousands of flat dicts of strings that is most of the cost of
writing the log. `objek` builds the very same text from keys given already in sorted order, so an
importer can keep it beside a staged row, and `salin` copies staged rows into the log with one
INSERT ... SELECT, with the same who/when/command fields as `audit.catat_banyak`.
"""

from __future__ import annotations

from json.encoder import encode_basestring  # what json.dumps(ensure_ascii=False) uses for strings
from typing import TYPE_CHECKING, Iterable

from . import audit

if TYPE_CHECKING:
    from sqlite_utils import Database


def teks(v: str | None) -> str:
    """One JSON value: a string or null."""
    return "null" if v is None else encode_basestring(v)


def objek(kunci_urut: tuple[str, ...], nilai: Iterable[str | None]) -> str:
    """json.dumps(dict(zip(kunci_urut, nilai)), sort_keys=True, ensure_ascii=False) for string/None
    values, when `kunci_urut` is already sorted."""
    return "{" + ", ".join(f'"{k}": {teks(v)}' for k, v in zip(kunci_urut, nilai)) + "}"


def pembuat_objek(kunci_urut: tuple[str, ...]):
    """A faster `objek` for many rows with the same keys: f(values in key order) -> JSON text."""
    pola = "{" + ", ".join(f"{encode_basestring(k)}: %s" for k in kunci_urut) + "}"

    def buat(nilai) -> str:
        return pola % tuple(["null" if v is None else encode_basestring(v) for v in nilai])

    return buat


def salin(db: Database, pilih: str, args: list) -> int:
    """Append audit rows selected by `pilih`: "<tabel>, <kunci>, <aksi>, <lama>, <baru>, <nip> FROM ...
    ORDER BY ...", in the order of the changes (call inside the command's transaction). Its `?`
    placeholders take `args`. Returns the number of rows written."""
    from .db import sekarang_utc

    cur = db.conn.execute(
        "INSERT INTO audit (waktu, pengguna, perintah, tabel, kunci, aksi, lama, baru, nip) SELECT ?, ?, ?, " + pilih,
        [sekarang_utc(), audit.pengguna(), audit.perintah(), *args])
    return cur.rowcount
