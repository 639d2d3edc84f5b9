"""The skp_lampiran and skp_ekspektasi tables: the SKP's LAMPIRAN (dukungan sumber daya, skema
pertanggungjawaban, konsekuensi: numbered lines) and the ekspektasi khusus pimpinan per BerAKHLAK aspect."""

from __future__ import annotations

import json

from sqlite_utils import Database

from ..kosakata import ASPEK_BERAKHLAK, BAGIAN_LAMPIRAN
from .db import sekarang


def kosong() -> dict:
    """What an employee without anything recorded has: {"lampiran": {part: []}, "ekspektasi": {}}."""
    return {"lampiran": {b: [] for b in BAGIAN_LAMPIRAN}, "ekspektasi": {}}


def _saring(sql: str, args: list, nips) -> tuple[str, list]:
    if nips is not None:
        sql += " AND nip IN (SELECT value FROM json_each(?))"
        args.append(json.dumps(sorted(set(nips))))
    return sql, args


def ambil(db: Database, kode: str, nips=None) -> dict[str, dict]:
    """nip -> {"lampiran": {dukungan|skema|konsekuensi: [lines in order]}, "ekspektasi": {aspek: text}} of the
    period, for the employees with anything recorded (all, or those in `nips`), in two queries."""
    hasil: dict[str, dict] = {}
    sql, args = _saring("SELECT nip, bagian, teks FROM skp_lampiran WHERE periode = ?", [kode], nips)
    for nip, bagian, teks in db.execute(sql + " ORDER BY nip, bagian, urutan", args):
        hasil.setdefault(nip, kosong())["lampiran"][bagian].append(teks)
    sql, args = _saring("SELECT nip, aspek, teks FROM skp_ekspektasi WHERE periode = ?", [kode], nips)
    for nip, aspek, teks in db.execute(sql, args):
        hasil.setdefault(nip, kosong())["ekspektasi"][aspek] = teks
    for d in hasil.values():  # the aspects in BerAKHLAK order
        d["ekspektasi"] = {a: d["ekspektasi"][a] for a in ASPEK_BERAKHLAK if a in d["ekspektasi"]}
    return hasil


def ganti_bagian(db: Database, kode: str, nip: str, bagian: str, baris: list[str]) -> None:
    """Replace one part of an employee's lampiran by `baris` (empty: the part is cleared); in a transaction."""
    db.execute("DELETE FROM skp_lampiran WHERE periode = ? AND nip = ? AND bagian = ?", [kode, nip, bagian])
    waktu = sekarang()
    db.conn.executemany("INSERT INTO skp_lampiran (periode, nip, bagian, urutan, teks, diubah) VALUES (?, ?, ?, ?, ?, ?)",
                        [(kode, nip, bagian, i, t, waktu) for i, t in enumerate(baris, 1)])


def simpan_ekspektasi(db: Database, kode: str, nip: str, aspek: str, teks: str | None) -> None:
    """Set (or, with None, clear) the ekspektasi khusus pimpinan of one aspect; in a transaction."""
    if teks is None:
        db.execute("DELETE FROM skp_ekspektasi WHERE periode = ? AND nip = ? AND aspek = ?", [kode, nip, aspek])
        return
    db.execute(
        """INSERT INTO skp_ekspektasi (periode, nip, aspek, teks, diubah) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (periode, nip, aspek) DO UPDATE SET teks = excluded.teks, diubah = excluded.diubah""",
        [kode, nip, aspek, teks, sekarang()])
