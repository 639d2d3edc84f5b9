"""Staging an SKP import in TEMP tables: the checked rows of a large sheet wait in the connection's
temporary database (a file SQLite manages, with a small page cache) instead of in Python memory,
until they are numbered, compared with the stored rows and written with INSERT ... SELECT.

Tables (dropped by `hapus`): skp_tahap, one row per staged sheet row (the stored fields, KOLOM), keyed
(urut, baris): urut is the employee's position of first appearance in the sheet, baris the Excel
row; skp_mentah, for the few rows whose NIP/Nomor/RHK Atasan/Status SKP cell a message would show
differently from the parsed value; skp_nomor (row numbers given during the checks); skp_pegawai
(urut -> nip, ok: no error, ganti: rows replaced). Columns without a declared type keep a cell's
value exactly as it came (text stays text).
"""

from __future__ import annotations

import contextlib
import heapq
import json
import sqlite3
from decimal import Decimal
from itertools import groupby

from sqlite_utils import Database

from ..validation.angka import teks_desimal
from .audit_json import daftarkan
from .sasaran import KOLOM, audit_json

MENTAH = ("nip_mentah", "nomor_mentah", "rhk_atasan_mentah", "status_mentah")
BATCH = 10_000
CACHE_TULIS_KB = 65_536
_TABEL = ("skp_tahap", "skp_mentah", "skp_pegawai", "skp_nomor")
_A = ", ".join("a." + k for k in KOLOM)
_T = ", ".join("t." + k for k in KOLOM)
_SAMA = " AND ".join(f"t.{k} IS a.{k}" for k in KOLOM)
_OK = "JOIN skp_pegawai e ON e.urut = a.urut AND e.ok"
_TERSIMPAN = "main.sasaran t ON t.periode = ? AND t.nip = e.nip AND t.nomor = a.nomor"
_JSON = f"kinerja_audit_sasaran({_A})"  # a staged row's audit text: the function Tahap registers


class Tahap:
    def __init__(self, db: Database):
        self.db = db
        self.c = db.conn
        self.hapus()
        self.c.execute(f"CREATE TEMP TABLE skp_tahap (urut INTEGER NOT NULL, baris INTEGER NOT NULL, "
                       f"{', '.join(KOLOM)}, PRIMARY KEY (urut, baris)) WITHOUT ROWID")
        self.c.execute(f"CREATE TEMP TABLE skp_mentah (urut INTEGER NOT NULL, baris INTEGER NOT NULL, "
                       f"{', '.join(MENTAH)}, PRIMARY KEY (urut, baris)) WITHOUT ROWID")
        self.c.execute("CREATE TEMP TABLE skp_nomor (urut INTEGER NOT NULL, baris INTEGER NOT NULL, nomor INTEGER, "
                       "PRIMARY KEY (urut, baris)) WITHOUT ROWID")
        self.c.execute("CREATE TEMP TABLE skp_pegawai (urut INTEGER PRIMARY KEY, nip TEXT NOT NULL, "
                       "ok INTEGER NOT NULL DEFAULT 1, ganti INTEGER NOT NULL DEFAULT 0)")
        self._ada_mentah = False
        daftarkan(self.c, "kinerja_audit_sasaran", len(KOLOM), _json_tahap)

    def hapus(self, diam: bool = False) -> None:
        """Drop the staging tables. diam: after an error, a table still read by an unfinished query
        stays (it goes with the connection; the next import drops it first)."""
        for t in _TABEL:
            try:
                self.c.execute(f"DROP TABLE IF EXISTS temp.{t}")
            except sqlite3.Error:
                if not diam:
                    raise

    def tambah(self, rows: list[tuple], mentah: list[tuple]) -> None:
        """Rows (urut, baris, *KOLOM) and (urut, baris, *MENTAH) as validation.sasaran_lembar returns them."""
        self.c.executemany(f"INSERT INTO skp_tahap VALUES ({', '.join('?' * (len(KOLOM) + 2))})", rows)
        if mentah:
            self._ada_mentah = True
            self.c.executemany("INSERT INTO skp_mentah VALUES (?, ?, ?, ?, ?, ?)", mentah)

    def _dengan_mentah(self, kolom: str, syarat: str = "", args: list | None = None):
        """SELECT a.urut, {kolom}, then the side row or None, in employee then file order."""
        if self._ada_mentah:
            m = ", ".join("m." + k for k in MENTAH)
            cur = self.c.execute(f"SELECT a.urut, {kolom}, m.urut IS NOT NULL, {m} FROM skp_tahap a LEFT JOIN "
                                 f"skp_mentah m ON m.urut = a.urut AND m.baris = a.baris {syarat} "
                                 "ORDER BY a.urut, a.baris", args or [])
            k = len(MENTAH)
            return ((*r[:-k - 1], r[-k:] if r[-k - 1] else None) for r in cur)
        cur = self.c.execute(f"SELECT a.urut, {kolom}, NULL FROM skp_tahap a {syarat} ORDER BY a.urut, a.baris",
                             args or [])
        return cur

    def per_pegawai(self, urut: set[int]):
        """(urut, [(baris, nomor as in the sheet, bobot, side row or None)]) for these employees, rows in
        file order; side row: (nip cell, nomor cell, rhk atasan cell, status cell)."""
        cur = self._dengan_mentah("a.baris, a.nomor, a.bobot",
                                  "WHERE a.urut IN (SELECT value FROM json_each(?))", [json.dumps(sorted(urut))])
        for u, rows in groupby(cur, key=_pertama):
            yield u, [r[1:] for r in rows]

    def beri_nomor(self, rows: list[tuple[int, int, int]]) -> None:
        """(nomor, urut, baris) for rows numbered during the checks (applied by `kunci_nomor`)."""
        self.c.executemany("INSERT OR REPLACE INTO skp_nomor (nomor, urut, baris) VALUES (?, ?, ?)", rows)

    def lupakan_nomor(self, urut: set[int]) -> None:
        """Drop the numbers given to these employees' rows (they are numbered again)."""
        self.c.execute("DELETE FROM skp_nomor WHERE urut IN (SELECT value FROM json_each(?))", [json.dumps(sorted(urut))])

    def kunci_nomor(self, nips: list[str], nomor_naik: bool) -> None:
        """After the numbering: every staged row has its nomor; the employees are listed.
        nomor_naik: within every employee the nomors rise with the Excel row, so (urut, baris) order
        is (urut, nomor) order and no index on nomor is needed to write in that order."""
        if self.c.execute("SELECT 1 FROM skp_nomor LIMIT 1").fetchone():
            self.c.execute("UPDATE skp_tahap SET nomor = (SELECT n.nomor FROM skp_nomor n WHERE n.urut = "
                           "skp_tahap.urut AND n.baris = skp_tahap.baris) WHERE nomor IS NULL")
        self._urutan = "a.urut, a.baris" if nomor_naik else "a.urut, a.nomor"
        self._indeks = False
        if not nomor_naik:
            self._indeks_nomor()
        self.c.executemany("INSERT INTO skp_pegawai (urut, nip) VALUES (?, ?)", enumerate(nips))

    def pertahankan(self, kode: str, kolom: list[str]) -> None:
        """Columns the sheet does not have (kolom.Kolom.tetap_bila_hilang): each staged row takes the
        value stored for the same employee and nomor, so comparing and writing leave it as it is (a row
        new to the period stays NULL). After `kunci_nomor`."""
        for k in kolom:
            assert k in KOLOM
            self.c.execute(f"""UPDATE skp_tahap SET {k} = (SELECT t.{k} FROM skp_pegawai e JOIN main.sasaran t
                                   ON t.periode = ? AND t.nip = e.nip AND t.nomor = skp_tahap.nomor
                               WHERE e.urut = skp_tahap.urut)""", [kode])

    def _indeks_nomor(self) -> None:
        if not self._indeks:
            self.c.execute("CREATE INDEX temp.skp_tahap_nomor ON skp_tahap (urut, nomor)")
            self._indeks = True

    def kaskade(self):
        """(urut, [(baris, nomor RHK atasan, side row or None)]) for the rows that name an RHK atasan."""
        cur = self._dengan_mentah("a.baris, a.rhk_atasan_nomor", "WHERE a.rhk_atasan_nomor IS NOT NULL")
        for urut, rows in groupby(cur, key=_pertama):
            yield urut, [r[1:] for r in rows]

    def baris_dari(self, urut: set[int]):
        """(urut, baris, side row or None) of the rows of these employees, in employee then file order."""
        for r in self._dengan_mentah("a.baris"):
            if r[0] in urut:
                yield r

    def tandai_galat(self, urut: set[int]) -> None:
        self.c.executemany("UPDATE skp_pegawai SET ok = 0 WHERE urut = ?", ((u,) for u in urut))

    def punya_baris(self, kode: str) -> list[int]:
        """The employees without errors that have stored rows for the period."""
        return [r[0] for r in self.c.execute(
            "SELECT e.urut FROM skp_pegawai e WHERE e.ok AND EXISTS (SELECT 1 FROM main.sasaran t "
            "WHERE t.periode = ? AND t.nip = e.nip)", [kode])]

    def jumlah_baris(self) -> int:
        return self.c.execute(f"SELECT COUNT(*) FROM skp_tahap a {_OK}").fetchone()[0]

    def jumlah_sama(self, kode: str) -> int:
        """Staged rows of employees without errors stored exactly so already."""
        return self.c.execute(f"SELECT COUNT(*) FROM skp_tahap a {_OK} JOIN {_TERSIMPAN} WHERE {_SAMA}",
                              [kode]).fetchone()[0]

    def beda(self, kode: str):
        """Per employee without errors: (urut, [(nomor, new row or None, stored row or None, stored row
        has realisasi)]) by nomor, only rows not stored exactly so already; rows as tuples in KOLOM
        order in audit form (decimals canonical text, target_maksimal bool)."""
        n = len(KOLOM)
        self._indeks_nomor()  # the stored rows no longer in the file are found by (urut, nomor)
        kiri = self.c.execute(
            f"""SELECT a.urut, {_A}, {_T} FROM skp_tahap a {_OK} LEFT JOIN {_TERSIMPAN}
                WHERE t.nomor IS NULL OR NOT ({_SAMA}) ORDER BY a.urut, a.nomor""", [kode])
        kanan = self.c.cursor().execute(
            f"""SELECT e.urut, {_T}, EXISTS (SELECT 1 FROM main.realisasi r
                    WHERE r.periode = t.periode AND r.nip = t.nip AND r.nomor = t.nomor)
                FROM skp_pegawai e JOIN main.sasaran t ON t.periode = ? AND t.nip = e.nip
                WHERE e.ok AND NOT EXISTS (SELECT 1 FROM skp_tahap a WHERE a.urut = e.urut AND a.nomor = t.nomor)
                ORDER BY e.urut, t.nomor""", [kode])
        ubah = _Kanonik()
        a = ((r[0], r[1], _audit(r[1:n + 1]), ubah(r[n + 1:]) if r[n + 1] is not None else None, False)
             for r in kiri)
        b = ((r[0], r[1], None, ubah(r[1:n + 1]), bool(r[n + 1])) for r in kanan)
        for urut, rows in groupby(heapq.merge(a, b, key=lambda r: (r[0], r[1])), key=_pertama):
            yield urut, [r[1:] for r in rows]

    def json_baru_semua(self, kode: str) -> tuple[str, str, list]:
        """(columns, FROM clause, args) selecting for every staged row of the employees without errors:
        kunci, aksi 'tambah', lama NULL, baru (audit text), nip; for store.audit.Pencatat.tambah_dari."""
        return (f"'sasaran', ? || '/' || e.nip || '/' || a.nomor, 'tambah', NULL, {_JSON}, e.nip",
                f"FROM skp_tahap a {_OK} ORDER BY {self._urutan}", [kode])

    @contextlib.contextmanager
    def cache_tulis(self):
        """A larger page cache (64 MB) for the main database while hundreds of thousands of rows go
        into the sasaran and audit indexes (fewer page re-reads: time stays linear in the rows)."""
        lama = self.c.execute("PRAGMA main.cache_size").fetchone()[0]
        self.c.execute(f"PRAGMA main.cache_size = {min(lama, -CACHE_TULIS_KB) if lama < 0 else -CACHE_TULIS_KB}")
        try:
            yield
        finally:
            self.c.execute(f"PRAGMA main.cache_size = {lama}")

    def ganti(self, urut: list[int] | None) -> None:
        """The employees whose stored rows `tulis` replaces (None: every employee without errors)."""
        if urut is None:
            self.c.execute("UPDATE skp_pegawai SET ganti = ok")
        else:
            self.c.executemany("UPDATE skp_pegawai SET ganti = 1 WHERE urut = ?", ((u,) for u in urut))

    def tulis(self, kode: str, waktu: str, hapus_dulu: bool) -> None:
        """Replace the period's rows of the employees marked by `ganti` by their staged rows (inside the
        command's transaction). hapus_dulu False: none of them has stored rows."""
        if hapus_dulu:
            self.c.execute("DELETE FROM main.sasaran WHERE periode = ? AND nip IN "
                           "(SELECT nip FROM skp_pegawai WHERE ganti)", [kode])
        self.c.execute(
            f"""INSERT INTO main.sasaran (periode, nip, {', '.join(KOLOM)}, diubah)
                SELECT ?, e.nip, {_A}, ? FROM skp_pegawai e JOIN skp_tahap a ON a.urut = e.urut
                WHERE e.ganti ORDER BY {self._urutan}""", [kode, waktu])


def _pertama(r):
    return r[0]


_DESIMAL = tuple(i for i, k in enumerate(KOLOM) if k in ("target_lo", "target_hi", "bobot"))
_MAKS = KOLOM.index("target_maksimal")


def _audit(r: tuple) -> tuple:
    """A staged row in audit form (staged decimals are canonical already; target_maksimal back to bool)."""
    m = r[_MAKS]
    return (*r[:_MAKS], bool(m) if m is not None else None, *r[_MAKS + 1:])


def _json_tahap(*r) -> str:
    """The audit text of a staged row (its KOLOM values): SQL calls this, as kinerja_audit_sasaran."""
    return audit_json(_audit(r))


class _Kanonik:
    """A stored row in audit form (store.sasaran.ke_audit): decimals re-read and written canonically
    (one conversion per distinct text), target_maksimal bool."""

    def __init__(self):
        self._teks: dict = {}

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
