"""Staging an SKP import in TEMP tables: the checked rows of a large sheet wait in the connection's
temporary database (a file SQLite manages, with a small page cache) instead of in Python memory,
until they are numbered, compared with the stored rows and written in one INSERT ... SELECT.

Tables (dropped by `hapus`): skp_tahap, one row per staged sheet row, keyed (urut, baris): urut is
the employee's position of first appearance in the sheet, baris the Excel row; skp_pegawai (urut ->
nip); skp_nomor (row numbers given during the checks); skp_ganti (employees whose rows are replaced).
Columns without a declared type keep a cell's value exactly as it came (text stays text).
"""

from __future__ import annotations

import heapq
import sqlite3
from decimal import Decimal
from itertools import groupby

from sqlite_utils import Database

from ..validation.angka import teks_desimal
from .sasaran import KOLOM

MENTAH = ("nip_mentah", "nomor_mentah", "rhk_atasan_mentah", "status_mentah")
_SEMUA = ("urut", "baris", "nip", *MENTAH, *KOLOM)
BATCH = 10_000
_TABEL = ("skp_tahap", "skp_pegawai", "skp_nomor", "skp_ganti")


class Tahap:
    def __init__(self, db: Database):
        self.db = db
        self.c = db.conn
        self.hapus()
        kolom = ", ".join(k for k in _SEMUA if k not in ("urut", "baris"))
        self.c.execute(f"CREATE TEMP TABLE skp_tahap (urut INTEGER NOT NULL, baris INTEGER NOT NULL, {kolom}, "
                       "PRIMARY KEY (urut, baris)) WITHOUT ROWID")
        self.c.execute("CREATE TEMP TABLE skp_nomor (urut INTEGER NOT NULL, baris INTEGER NOT NULL, nomor INTEGER, "
                       "PRIMARY KEY (urut, baris)) WITHOUT ROWID")
        self.c.execute("CREATE TEMP TABLE skp_pegawai (urut INTEGER PRIMARY KEY, nip TEXT NOT NULL)")
        self.c.execute("CREATE TEMP TABLE skp_ganti (urut INTEGER PRIMARY KEY)")
        self._sql = f"INSERT INTO skp_tahap ({', '.join(_SEMUA)}) VALUES ({', '.join('?' * len(_SEMUA))})"

    def hapus(self, diam: bool = False) -> None:
        """Drop the staging tables. diam: after an error, a table still read by an unfinished query
        stays (it goes with the connection; the next import drops it first)."""
        for t in _TABEL:
            try:
                self.c.execute(f"DROP TABLE IF EXISTS temp.{t}")
            except sqlite3.Error:
                if not diam:
                    raise

    def tambah(self, rows: list[tuple]) -> None:
        """Staged rows as validation.sasaran_lembar.PemeriksaSasaran.baris returns them."""
        self.c.executemany(self._sql, rows)

    def per_pegawai(self):
        """(urut, [(baris, nip cell, nomor, nomor cell, bobot, status cell)]) per employee, rows in file order."""
        cur = self.c.execute("SELECT urut, baris, nip_mentah, nomor, nomor_mentah, bobot, status_mentah "
                             "FROM skp_tahap ORDER BY urut, baris")
        for urut, rows in groupby(cur, key=_pertama):
            yield urut, [r[1:] for r in rows]

    def beri_nomor(self, rows: list[tuple[int, int, int]]) -> None:
        """(nomor, urut, baris) for rows numbered during the checks (applied by `kunci_nomor`)."""
        self.c.executemany("INSERT INTO skp_nomor (nomor, urut, baris) VALUES (?, ?, ?)", rows)

    def kunci_nomor(self, nips: list[str]) -> None:
        """After the numbering pass: every staged row has its nomor; the employees are listed."""
        if self.c.execute("SELECT 1 FROM skp_nomor LIMIT 1").fetchone():
            self.c.execute("UPDATE skp_tahap SET nomor = (SELECT n.nomor FROM skp_nomor n WHERE n.urut = "
                           "skp_tahap.urut AND n.baris = skp_tahap.baris) WHERE nomor IS NULL")
        self.c.execute("CREATE INDEX temp.skp_tahap_nomor ON skp_tahap (urut, nomor)")
        self.c.executemany("INSERT INTO skp_pegawai (urut, nip) VALUES (?, ?)", enumerate(nips))

    def kaskade(self):
        """(urut, [(baris, nomor RHK atasan, its cell)]) for the rows that name an RHK atasan, file order."""
        cur = self.c.execute("SELECT urut, baris, rhk_atasan_nomor, rhk_atasan_mentah FROM skp_tahap "
                             "WHERE rhk_atasan_nomor IS NOT NULL ORDER BY urut, baris")
        for urut, rows in groupby(cur, key=_pertama):
            yield urut, [r[1:] for r in rows]

    def baris_dari(self, urut: set[int]):
        """(urut, baris, nip cell) of the rows of these employees, in employee then file order."""
        for r in self.c.execute("SELECT urut, baris, nip_mentah FROM skp_tahap ORDER BY urut, baris"):
            if r[0] in urut:
                yield r

    def beda(self, kode: str, ada_tersimpan: bool):
        """Per employee: (urut, [(nomor, new row or None, stored row or None, stored row has realisasi)])
        by nomor, rows as tuples in KOLOM order in audit form (decimals canonical text, target_maksimal
        bool). ada_tersimpan False (nothing stored for the period): no stored side is looked up."""
        k = ", ".join("a." + x for x in KOLOM)
        if not ada_tersimpan:
            baru = ((r[0], r[1], _audit(r[1:]), None, False)
                    for r in self.c.execute(f"SELECT a.urut, {k} FROM skp_tahap a ORDER BY a.urut, a.nomor"))
            for urut, rows in groupby(baru, key=_pertama):
                yield urut, [r[1:] for r in rows]
            return
        n = len(KOLOM)
        t = ", ".join("t." + x for x in KOLOM)
        kiri = self.c.execute(
            f"""SELECT a.urut, {k}, {t} FROM skp_tahap a
                LEFT JOIN main.sasaran t ON t.periode = ? AND t.nip = a.nip AND t.nomor = a.nomor
                ORDER BY a.urut, a.nomor""", [kode])
        kanan = self.db.conn.cursor().execute(
            f"""SELECT e.urut, {t}, EXISTS (SELECT 1 FROM main.realisasi r
                    WHERE r.periode = t.periode AND r.nip = t.nip AND r.nomor = t.nomor)
                FROM skp_pegawai e JOIN main.sasaran t ON t.periode = ? AND t.nip = e.nip
                WHERE NOT EXISTS (SELECT 1 FROM skp_tahap a WHERE a.urut = e.urut AND a.nomor = t.nomor)
                ORDER BY e.urut, t.nomor""", [kode])
        ubah = _Kanonik()
        a = ((r[0], r[1], _audit(r[1:n + 1]), ubah(r[n + 1:]) if r[n + 1] is not None else None, False)
             for r in kiri)
        b = ((r[0], r[1], None, ubah(r[1:n + 1]), bool(r[n + 1])) for r in kanan)
        for urut, rows in groupby(heapq.merge(a, b, key=lambda r: (r[0], r[1])), key=_pertama):
            yield urut, [r[1:] for r in rows]

    def ganti(self, urut: list[int]) -> None:
        """The employees whose stored rows `tulis` replaces."""
        self.c.executemany("INSERT INTO skp_ganti (urut) VALUES (?)", ((u,) for u in urut))

    def tulis(self, kode: str, waktu: str, hapus_dulu: bool) -> None:
        """Replace the period's rows of the employees in skp_ganti by their staged rows (inside the
        command's transaction). hapus_dulu False: none of them has stored rows."""
        if hapus_dulu:
            self.c.execute("DELETE FROM main.sasaran WHERE periode = ? AND nip IN "
                           "(SELECT e.nip FROM skp_ganti g JOIN skp_pegawai e ON e.urut = g.urut)", [kode])
        self.c.execute(
            f"""INSERT INTO main.sasaran (periode, nip, {', '.join(KOLOM)}, diubah)
                SELECT ?, a.nip, {', '.join('a.' + x for x in KOLOM)}, ? FROM skp_ganti g
                JOIN skp_tahap a ON a.urut = g.urut ORDER BY a.urut, a.nomor""", [kode, waktu])


def _pertama(r):
    return r[0]


_DESIMAL = tuple(i for i, k in enumerate(KOLOM) if k in ("target_lo", "target_hi", "bobot"))
_MAKS = KOLOM.index("target_maksimal")


def _audit(r: tuple) -> tuple:
    """A staged row in audit form (staged decimals are canonical already; target_maksimal back to bool)."""
    m = r[_MAKS]
    return (*r[:_MAKS], bool(m) if m is not None else None, *r[_MAKS + 1:])


class _Kanonik:
    """A stored row in audit form (store.sasaran.ke_audit): decimals re-read and written canonically
    (one conversion per distinct text), target_maksimal bool."""

    def __init__(self):
        self._teks: dict[str, str] = {}

    def _desimal(self, x):
        if x is None:
            return None
        r = self._teks.get(x)
        if r is None:
            r = teks_desimal(Decimal(x))
            if len(self._teks) < 100_000:
                self._teks[x] = r
        return r

    def __call__(self, r: tuple) -> tuple:
        r = list(r)
        for i in _DESIMAL:
            r[i] = self._desimal(r[i])
        r[_MAKS] = bool(r[_MAKS])
        return tuple(r)
