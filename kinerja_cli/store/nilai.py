"""Loading everything the scoring needs for one period, in a few queries.

One query per table, each ordered like the employees, merged in one pass: no query per
employee, so a period of 100,000 employees loads in seconds. Rows come out named
(:class:`BarisSkp`, :class:`BarisPerilaku`, :class:`DataPegawaiPeriode`), each from the one
query of its table below.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Iterator, NamedTuple

from sqlite_utils import Database

from ..kosakata import ASPEK_BERAKHLAK
from ..model import KOLOM_IDENTITAS, IdentitasPegawai, Rekaman
from ..validation.nama import kunci_nama
from .db import sementara


class BarisSkp(NamedTuple):
    """One SKP row of an employee with its realisation (the one SKP query: `_sql_skp`)."""

    nip: str
    nomor: int
    jenis: str
    target_lo: str
    target_hi: str | None
    bobot: str
    arah: str
    target_maksimal: int
    realisasi: str | None  # realisasi.nilai; None: not recorded
    # texts (None when the caller asked for the scoring columns only)
    rhk: str | None = None
    indikator: str | None = None
    satuan: str | None = None
    bukti: str | None = None
    aspek: str | None = None
    rhk_atasan_nomor: int | None = None
    perspektif: str | None = None


class BarisPerilaku(NamedTuple):
    """One rater's behaviour scores of an employee (the one behaviour query: `_sql_perilaku`)."""

    penilai: str
    peran: str
    skor: dict  # aspek -> text | None


class DataPegawaiPeriode(NamedTuple):
    """What the period holds of one employee: identity, SKP rows, raters."""

    pegawai: IdentitasPegawai
    skp: list  # BarisSkp, by nomor
    perilaku: list  # BarisPerilaku, by penilai


_SELECT_PEGAWAI = "SELECT " + ", ".join(f"p.{k}" for k in KOLOM_IDENTITAS)  # the fields of IdentitasPegawai
# The text columns of BarisSkp (from `rhk` on), read from the SKP row (s) or its realisation (r): derived
# from the NamedTuple, so a new SKP field is one line in BarisSkp.
_KOLOM_TEKS = BarisSkp._fields[BarisSkp._fields.index("rhk"):]
_TEKS_SKP = ", ".join(("r." if k == "bukti" else "s.") + k for k in _KOLOM_TEKS)
_TANPA_TEKS = ", ".join("NULL" for _ in _KOLOM_TEKS)


def _sql_skp(dari: str, syarat: str, urut: str, teks: bool = True) -> str:
    """THE SKP query: each SKP row (alias s, joined as `dari` says) with its realisation, in the
    columns of BarisSkp; `teks` False leaves the texts out (NULL: the scoring input only)."""
    return f"""SELECT s.nip, s.nomor, s.jenis, s.target_lo, s.target_hi, s.bobot, s.arah, s.target_maksimal,
                      r.nilai, {_TEKS_SKP if teks else _TANPA_TEKS}
               FROM {dari}
               LEFT JOIN realisasi r ON r.periode = s.periode AND r.nip = s.nip AND r.nomor = s.nomor
               WHERE s.periode = ? {syarat} ORDER BY {urut}"""


def _sql_perilaku(dari: str, syarat: str, urut: str) -> str:
    """THE behaviour query: nip, penilai, peran, then the 7 aspects (alias b)."""
    aspek = ", ".join(f"b.{x}" for x in ASPEK_BERAKHLAK)
    return f"SELECT b.nip, b.penilai, b.peran, {aspek} FROM {dari} WHERE b.periode = ? {syarat} ORDER BY {urut}"


# THE rule of who belongs to a period's results: every active employee, and every deactivated one
# (pensiun, mutasi) with data recorded in that period -- SKP rows, a behaviour rating or a direct
# rating, the data `Rekaman.tercatat` rests on. He is marked nonaktif (IdentitasPegawai.aktif) and
# still gets his result and his document. `semua`: every employee, inactive ones without data too.
_ADA_DATA = ("EXISTS (SELECT 1 FROM sasaran x WHERE x.periode = ? AND x.nip = {p}.nip)"
             " OR EXISTS (SELECT 1 FROM perilaku x WHERE x.periode = ? AND x.nip = {p}.nip)"
             " OR EXISTS (SELECT 1 FROM rating_langsung x WHERE x.periode = ? AND x.nip = {p}.nip)")


def _filter_pegawai(kode: str, unit: str | None, nip: str | None, semua: bool = False,
                    alias: str = "p") -> tuple[str, list]:
    """The WHERE condition (and its arguments) selecting the employees of period `kode`'s results."""
    where, args = (["1 = 1"], []) if semua else ([f"({alias}.aktif = 1 OR {_ADA_DATA.format(p=alias)})"], [kode] * 3)
    if unit:
        where.append(f"{alias}.unit = ? COLLATE NOCASE")
        args.append(unit)
    if nip:
        where.append(f"{alias}.nip = ?")
        args.append(nip)
    return " AND ".join(where), args


def nip_berinovasi(db: Database, kode: str) -> set[str]:
    return {r[0] for r in db.execute("SELECT DISTINCT nip FROM inovasi WHERE periode = ?", [kode])}


def rating_langsung(db: Database, kode: str) -> dict[str, dict]:
    """nip -> {"hasil_kerja", "perilaku", "alasan_hasil_kerja", "alasan_perilaku", "oleh_hasil_kerja",
    "oleh_perilaku", "nama_oleh_hasil_kerja", "nama_oleh_perilaku"} of the ratings the pejabat penilai set
    directly, each with its own reason and its own pejabat penilai (NIP and name)."""
    kolom = ("hasil_kerja", "perilaku", "alasan_hasil_kerja", "alasan_perilaku", "oleh_hasil_kerja", "oleh_perilaku",
             "nama_oleh_hasil_kerja", "nama_oleh_perilaku")
    cur = db.execute("SELECT r.nip, r.hasil_kerja, r.perilaku, r.alasan_hasil_kerja, r.alasan_perilaku, r.oleh_hasil_kerja,"
                     " r.oleh_perilaku, qh.nama, qp.nama FROM rating_langsung r"
                     " LEFT JOIN pegawai qh ON qh.nip = r.oleh_hasil_kerja LEFT JOIN pegawai qp ON qp.nip = r.oleh_perilaku"
                     " WHERE r.periode = ?", [kode])
    return {r[0]: dict(zip(kolom, r[1:])) for r in cur}


def status_skp(db: Database, kode: str) -> dict[str, str]:
    return {r[0]: r[1] for r in db.execute("SELECT nip, status FROM skp_status WHERE periode = ?", [kode])}


def nama_pegawai(db: Database, nips: set[str]) -> dict[str, str]:
    if not nips:
        return {}
    hasil = {}
    daftar = sorted(nips)
    for i in range(0, len(daftar), 500):
        potong = daftar[i:i + 500]
        q = ", ".join("?" * len(potong))
        hasil.update({r[0]: r[1] for r in db.execute(f"SELECT nip, nama FROM pegawai WHERE nip IN ({q})", potong)})
    return hasil


def unit_predikat(db: Database, kode: str) -> dict[str, str]:
    return {r[0]: r[1] for r in db.execute("SELECT unit, predikat FROM unit_predikat WHERE periode = ?", [kode])}


def simpan_unit_predikat(db: Database, kode: str, unit: str, predikat: str, waktu: str) -> str | None:
    lama = db.execute("SELECT predikat FROM unit_predikat WHERE periode = ? AND unit = ?", [kode, unit]).fetchone()
    db.execute(
        """INSERT INTO unit_predikat (periode, unit, predikat, diubah) VALUES (?, ?, ?, ?)
           ON CONFLICT (periode, unit) DO UPDATE SET predikat = excluded.predikat, diubah = excluded.diubah""",
        [kode, unit, predikat, waktu])
    return lama[0] if lama else None


def alir_periode(db: Database, kode: str, unit: str | None = None, nip: str | None = None,
                 teks: bool = True, semua: bool = False) -> Iterator[DataPegawaiPeriode]:
    """Each DataPegawaiPeriode of the period's employees (`_filter_pegawai`), in NIP order.

    Three cursors ordered by NIP (each served by its primary key, no sorting), merged in one
    pass: memory stays flat however large the period, and there is no query per employee.
    Rows of people outside the selection (inactive, other units) are skipped by the merge, so
    the row queries join the roster only to narrow a --unit selection.
    `teks` False: SKP rows carry the scoring columns only (no texts: a listing).
    """
    w, a = _filter_pegawai(kode, unit, nip, semua)
    conn = db.conn
    peg = conn.execute(f"{_SELECT_PEGAWAI} FROM pegawai p WHERE {w} ORDER BY p.nip", a)
    if unit:
        gabung, syarat, arg = "JOIN pegawai p ON p.nip = {t}.nip", f"AND {w}", a
    elif nip:
        gabung, syarat, arg = "", "AND {t}.nip = ?", [nip]
    else:
        gabung, syarat, arg = "", "", []
    skp = conn.execute(_sql_skp(f"sasaran s {gabung.format(t='s')}", syarat.format(t="s"), "s.nip, s.nomor", teks),
                       [kode, *arg])
    per = conn.execute(_sql_perilaku(f"perilaku b {gabung.format(t='b')}", syarat.format(t="b"), "b.nip, b.penilai"),
                       [kode, *arg])
    return _gabung(peg, skp, per, lewati_lain=True)


def _gabung(peg, skp, per, lewati_lain: bool) -> Iterator[DataPegawaiPeriode]:
    """THE merge: the employees' cursor with their SKP and behaviour rows, all three in the same order.
    `lewati_lain`: the row cursors (NIP order) may hold people outside the selection: skip them."""
    skp = map(BarisSkp._make, _baris_demi_baris(skp))
    per = _baris_demi_baris(per)
    s_row, b_row = next(skp, None), next(per, None)
    for row in _baris_demi_baris(peg):
        n = row[0]
        baris = []
        if lewati_lain:
            while s_row is not None and s_row.nip < n:
                s_row = next(skp, None)
            while b_row is not None and b_row[0] < n:
                b_row = next(per, None)
        while s_row is not None and s_row.nip == n:
            baris.append(s_row)
            s_row = next(skp, None)
        nilai = []
        while b_row is not None and b_row[0] == n:
            nilai.append(BarisPerilaku(b_row[1], b_row[2], dict(zip(ASPEK_BERAKHLAK, b_row[3:]))))
            b_row = next(per, None)
        yield DataPegawaiPeriode(IdentitasPegawai(*row[:-2], row[-2] == 1, row[-1] or None), baris, nilai)


def _baris_demi_baris(cur, ukuran: int = 4096):
    """Rows of a cursor, fetched in batches (far cheaper than fetchone per row)."""
    while True:
        potong = cur.fetchmany(ukuran)
        if not potong:
            return
        yield from potong


def jumlah_pegawai(db: Database, kode: str, unit: str | None) -> int:
    """How many employees `alir_periode_urut` gives (the period's employees, `_filter_pegawai`)."""
    w, a = _filter_pegawai(kode, unit, None)
    return db.execute(f"SELECT COUNT(*) FROM pegawai p WHERE {w}", a).fetchone()[0]


# -- streaming in the recap's order (unit, nama, NIP) ----------------------------------------------

_URUT_REKAP = "kinerja_lower({p}.unit), kinerja_nama({p}.nama), {p}.nip"


def _fungsi_lower(conn) -> None:
    """`kinerja_lower(x)`: Python's str.lower in SQL, so SQLite sorts exactly like
    ``sorted(key=lambda r: (unit.lower(), nama.lower()))`` over NIP order (SQLite's own lower()
    only folds ASCII)."""
    conn.create_function("kinerja_lower", 1, lambda x: x.lower() if isinstance(x, str) else x, deterministic=True)
    # names sort without their titles (validation.nama), as services.nilai sorts them
    conn.create_function("kinerja_nama", 1, lambda x: kunci_nama(x) if isinstance(x, str) else x, deterministic=True)


def alir_periode_urut(db: Database, kode: str, unit: str | None = None) -> Iterator[DataPegawaiPeriode]:
    """Like `alir_periode`, but in the recap's order: unit, then nama (both case-folded by Python's
    str.lower), then NIP -- the order of ``services.nilai.laporan(urut="unit")``.

    The selected NIPs are ranked once into a TEMP table (a write to the connection's temporary
    database only); the SKP and behaviour rows are then read by rank through their primary keys,
    so nothing large is sorted or held. SKP rows carry their texts.
    """
    global _NOMOR_URUT
    conn = db.conn
    _fungsi_lower(conn)
    _NOMOR_URUT += 1
    t = f"temp.kinerja_urut_{_NOMOR_URUT}"
    w, a = _filter_pegawai(kode, unit, None)
    _tulis_sementara(conn, [f"CREATE TABLE {t} (rk INTEGER PRIMARY KEY, nip TEXT NOT NULL)",
                            (f"INSERT INTO {t} (nip) SELECT p.nip FROM pegawai p WHERE {w} "
                             f"ORDER BY {_URUT_REKAP.format(p='p')}", a)])
    try:
        peg = conn.execute(f"{_SELECT_PEGAWAI} FROM {t} u JOIN pegawai p ON p.nip = u.nip ORDER BY u.rk")
        skp = conn.execute(_sql_skp(f"{t} u JOIN sasaran s ON s.nip = u.nip", "", "u.rk, s.nomor"), [kode])
        per = conn.execute(_sql_perilaku(f"{t} u JOIN perilaku b ON b.nip = u.nip", "", "u.rk, b.penilai"), [kode])
        yield from _gabung(peg, skp, per, lewati_lain=False)
    finally:
        peg = skp = per = None  # finish the statements before dropping their table
        try:
            _tulis_sementara(conn, [f"DROP TABLE IF EXISTS {t}"])
        except (sqlite3.OperationalError, sqlite3.ProgrammingError):  # in use, or closed (command ended): goes with it
            pass


_NOMOR_URUT = 0


def _tulis_sementara(conn, perintah: list) -> None:
    """Run statements on the TEMP database, in one TEMP-only transaction (store.db.sementara)."""
    with sementara(conn):
        for p in perintah:
            q, a = (p, []) if isinstance(p, str) else p
            conn.execute(q, a)


def alir_snapshot_urut(db: Database, kode: str, unit: str | None = None) -> Iterator[Rekaman]:
    """A closed period's frozen records, one at a time, in the recap's order
    (unit, nama, NIP as `alir_periode_urut`); `unit`: only records of exactly that unit.

    Ranked first into a TEMP table (NIPs only), then read by rank: the sort never carries the
    records themselves."""
    global _NOMOR_URUT
    conn = db.conn
    _fungsi_lower(conn)
    _NOMOR_URUT += 1
    t = f"temp.kinerja_urut_{_NOMOR_URUT}"
    u = "json_extract(data, '$.pegawai.unit')"
    n = "json_extract(data, '$.pegawai.nama')"
    syarat, arg = ("", []) if unit is None else (f" AND {u} = ?", [unit])
    _tulis_sementara(conn, [f"CREATE TABLE {t} (rk INTEGER PRIMARY KEY, nip TEXT NOT NULL)",
                            (f"INSERT INTO {t} (nip) SELECT nip FROM hasil_snapshot WHERE periode = ?{syarat} "
                             f"ORDER BY kinerja_lower({u}), kinerja_nama({n}), nip", [kode, *arg])])
    cur = None
    try:
        cur = conn.execute(f"""SELECT h.data FROM {t} x JOIN hasil_snapshot h ON h.periode = ? AND h.nip = x.nip
                               ORDER BY x.rk""", [kode])
        for (data,) in _baris_demi_baris(cur, 512):
            yield Rekaman.dari_dict(json.loads(data))
    finally:
        cur = None  # finish the statement before dropping its table
        try:
            _tulis_sementara(conn, [f"DROP TABLE IF EXISTS {t}"])
        except (sqlite3.OperationalError, sqlite3.ProgrammingError):  # in use, or closed (command ended): goes with it
            pass


def ada_sub_unit(db: Database, kode: str, unit: str | None, snapshot: bool) -> bool:
    """Whether any employee of the period's results (of `unit`, when given) has a sub-unit: the live
    roster (`_filter_pegawai`) of an open period, the frozen records of a closed one."""
    if snapshot:
        syarat, arg = ("", []) if unit is None else (" AND json_extract(data, '$.pegawai.unit') = ?", [unit])
        sql = (f"SELECT 1 FROM hasil_snapshot WHERE periode = ?{syarat} "
               "AND COALESCE(json_extract(data, '$.pegawai.sub_unit'), '') <> '' LIMIT 1")
        return db.execute(sql, [kode, *arg]).fetchone() is not None
    w, a = _filter_pegawai(kode, unit, None)
    return db.execute(f"SELECT 1 FROM pegawai p WHERE {w} AND COALESCE(p.sub_unit, '') <> '' LIMIT 1",
                      a).fetchone() is not None


def jumlah_snapshot(db: Database, kode: str, unit: str | None = None) -> int:
    syarat, arg = ("", []) if unit is None else (" AND json_extract(data, '$.pegawai.unit') = ?", [unit])
    return db.execute(f"SELECT COUNT(*) FROM hasil_snapshot WHERE periode = ?{syarat}", [kode, *arg]).fetchone()[0]
