"""Loading everything the scoring needs for one period, in a few queries.

One query per table, each ordered by NIP, merged in one pass: no query per
employee, so a period of 100,000 employees loads in seconds.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from sqlite_utils import Database

from ..kosakata import ASPEK_BERAKHLAK


def _filter_pegawai(unit: str | None, nip: str | None, alias: str = "p") -> tuple[str, list]:
    where, args = [f"{alias}.aktif = 1"], []
    if unit:
        where.append(f"{alias}.unit = ? COLLATE NOCASE")
        args.append(unit)
    if nip:
        where.append(f"{alias}.nip = ?")
        args.append(nip)
    return " AND ".join(where), args


def pegawai_periode(db: Database, unit: str | None = None, nip: str | None = None) -> list[dict]:
    """Active employees (the people a period computes), by NIP."""
    w, a = _filter_pegawai(unit, nip)
    cur = db.execute(
        f"""SELECT p.nip, p.nama, p.unit, p.jabatan, p.golongan, p.status, p.nip_atasan, p.jenis_jabatan
            FROM pegawai p WHERE {w} ORDER BY p.nip""", a)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur]


def sasaran_periode(db: Database, kode: str, unit: str | None = None, nip: str | None = None) -> dict[str, list]:
    """nip -> SKP rows with their realisasi (tuples), ordered by nomor."""
    w, a = _filter_pegawai(unit, nip)
    cur = db.execute(
        f"""SELECT s.nip, s.nomor, s.jenis, s.target_lo, s.target_hi, s.bobot, s.arah, s.target_maksimal,
                   r.nilai, s.rhk, s.indikator, s.satuan, r.bukti, s.aspek, s.rhk_atasan_nomor
            FROM sasaran s JOIN pegawai p ON p.nip = s.nip
            LEFT JOIN realisasi r ON r.periode = s.periode AND r.nip = s.nip AND r.nomor = s.nomor
            WHERE s.periode = ? AND {w} ORDER BY s.nip, s.nomor""", [kode, *a])
    hasil: dict[str, list] = defaultdict(list)
    for row in cur:
        hasil[row[0]].append(row)
    return hasil


def perilaku_periode(db: Database, kode: str, unit: str | None = None, nip: str | None = None) -> dict[str, list]:
    """nip -> (penilai, peran, {aspek: text|None}) rows."""
    w, a = _filter_pegawai(unit, nip)
    aspek = ", ".join(f"b.{x}" for x in ASPEK_BERAKHLAK)
    cur = db.execute(
        f"""SELECT b.nip, b.penilai, b.peran, {aspek} FROM perilaku b JOIN pegawai p ON p.nip = b.nip
            WHERE b.periode = ? AND {w} ORDER BY b.nip, b.peran, b.penilai""", [kode, *a])
    hasil: dict[str, list] = defaultdict(list)
    for row in cur:
        hasil[row[0]].append((row[1], row[2], dict(zip(ASPEK_BERAKHLAK, row[3:]))))
    return hasil


def nip_berinovasi(db: Database, kode: str) -> set[str]:
    return {r[0] for r in db.execute("SELECT DISTINCT nip FROM inovasi WHERE periode = ?", [kode])}


def rating_langsung(db: Database, kode: str) -> dict[str, tuple]:
    """nip -> (hasil_kerja, perilaku, alasan)."""
    return {r[0]: (r[1], r[2], r[3]) for r in
            db.execute("SELECT nip, hasil_kerja, perilaku, alasan FROM rating_langsung WHERE periode = ?", [kode])}


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
                 rentang: tuple[str | None, str | None] = (None, None), ringkas: bool = False):
    """Stream (pegawai, skp rows, behaviour rows) per active employee, in NIP order.

    Three cursors ordered by NIP (each served by its primary key, no sorting), merged in one
    pass: memory stays flat however large the period, and there is no query per employee.
    Rows of people outside the selection (inactive, other units) are skipped by the merge, so
    the row queries join the roster only to narrow a --unit selection. SKP rows are the tuples
    of `sasaran_periode`; behaviour rows are (penilai, peran, {aspek: text|None}).
    `rentang` (dari, sampai): only NIPs with dari <= NIP < sampai (a share of the work).
    `ringkas`: SKP rows stop after the realisation value (the scoring input only; no texts).
    """
    w, a = _filter_pegawai(unit, nip)
    r_syarat, r_arg = "", []
    if rentang[0] is not None:
        r_syarat += " AND {t}.nip >= ?"
        r_arg.append(rentang[0])
    if rentang[1] is not None:
        r_syarat += " AND {t}.nip < ?"
        r_arg.append(rentang[1])
    conn = db.conn
    peg = conn.execute(
        f"""SELECT p.nip, p.nama, p.unit, p.jabatan, p.golongan, p.status, p.nip_atasan, p.jenis_jabatan
            FROM pegawai p WHERE {w}{r_syarat.format(t="p")} ORDER BY p.nip""", [*a, *r_arg])
    kolom_peg = [c[0] for c in peg.description]
    if unit:
        gabung, syarat, arg = "JOIN pegawai p ON p.nip = {t}.nip", f"AND {w}", a
    elif nip:
        gabung, syarat, arg = "", "AND {t}.nip = ?", [nip]
    else:
        gabung, syarat, arg = "", "", []
    skp = conn.execute(
        f"""SELECT s.nip, s.nomor, s.jenis, s.target_lo, s.target_hi, s.bobot, s.arah, s.target_maksimal,
                   r.nilai{"" if ringkas else ", s.rhk, s.indikator, s.satuan, r.bukti, s.aspek, s.rhk_atasan_nomor"}
            FROM sasaran s {gabung.format(t="s")}
            LEFT JOIN realisasi r ON r.periode = s.periode AND r.nip = s.nip AND r.nomor = s.nomor
            WHERE s.periode = ? {syarat.format(t="s")}{r_syarat.format(t="s")} ORDER BY s.nip, s.nomor""",
        [kode, *arg, *r_arg])
    aspek = ", ".join(f"b.{x}" for x in ASPEK_BERAKHLAK)
    per = conn.execute(
        f"""SELECT b.nip, b.penilai, b.peran, {aspek} FROM perilaku b {gabung.format(t="b")}
            WHERE b.periode = ? {syarat.format(t="b")}{r_syarat.format(t="b")} ORDER BY b.nip, b.penilai""",
        [kode, *arg, *r_arg])
    skp, per = _baris_demi_baris(skp), _baris_demi_baris(per)
    s_row, b_row = next(skp, None), next(per, None)
    for row in peg:
        n = row[0]
        baris = []
        while s_row is not None and s_row[0] < n:  # someone outside the selection
            s_row = next(skp, None)
        while s_row is not None and s_row[0] == n:
            baris.append(s_row)
            s_row = next(skp, None)
        nilai = []
        while b_row is not None and b_row[0] < n:
            b_row = next(per, None)
        while b_row is not None and b_row[0] == n:
            nilai.append((b_row[1], b_row[2], dict(zip(ASPEK_BERAKHLAK, b_row[3:]))))
            b_row = next(per, None)
        yield dict(zip(kolom_peg, row)), baris, nilai


def _baris_demi_baris(cur, ukuran: int = 4096):
    """Rows of a cursor, fetched in batches (far cheaper than fetchone per row)."""
    while True:
        potong = cur.fetchmany(ukuran)
        if not potong:
            return
        yield from potong


def nip_pembagi(db: Database, unit: str | None, bagian: int) -> list[str]:
    """NIPs splitting the active selection into `bagian` shares of (nearly) equal size."""
    w, a = _filter_pegawai(unit, None)
    n = db.execute(f"SELECT COUNT(*) FROM pegawai p WHERE {w}", a).fetchone()[0]
    hasil = []
    for i in range(1, bagian):
        r = db.execute(f"SELECT p.nip FROM pegawai p WHERE {w} ORDER BY p.nip LIMIT 1 OFFSET ?",
                       [*a, n * i // bagian]).fetchone()
        if r:
            hasil.append(r[0])
    return hasil


def jumlah_aktif(db: Database, unit: str | None) -> int:
    w, a = _filter_pegawai(unit, None)
    return db.execute(f"SELECT COUNT(*) FROM pegawai p WHERE {w}", a).fetchone()[0]


# -- streaming in the recap's order (unit, nama, NIP) ----------------------------------------------

_URUT_REKAP = "kinerja_lower({p}.unit), kinerja_lower({p}.nama), {p}.nip"


def _fungsi_lower(conn) -> None:
    """`kinerja_lower(x)`: Python's str.lower in SQL, so SQLite sorts exactly like
    ``sorted(key=lambda r: (unit.lower(), nama.lower()))`` over NIP order (SQLite's own lower()
    only folds ASCII)."""
    conn.create_function("kinerja_lower", 1, lambda x: x.lower() if isinstance(x, str) else x, deterministic=True)


def _syarat_kunci(rentang: tuple) -> tuple[str, list]:
    """SQL (on alias p) for dari <= (unit, nama, NIP key) < sampai; keys from `kunci_urut`."""
    syarat, arg = "", []
    kunci = "(kinerja_lower(p.unit), kinerja_lower(p.nama), p.nip)"
    if rentang[0] is not None:
        syarat += f" AND {kunci} >= (?, ?, ?)"
        arg += list(rentang[0])
    if rentang[1] is not None:
        syarat += f" AND {kunci} < (?, ?, ?)"
        arg += list(rentang[1])
    return syarat, arg


def kunci_urut(db: Database, unit: str | None, ke: int) -> tuple | None:
    """The recap-order key (unit, nama case-folded, NIP) of the `ke`-th (0-based) active employee."""
    _fungsi_lower(db.conn)
    w, a = _filter_pegawai(unit, None)
    r = db.execute(f"""SELECT kinerja_lower(p.unit), kinerja_lower(p.nama), p.nip FROM pegawai p WHERE {w}
                       ORDER BY {_URUT_REKAP.format(p="p")} LIMIT 1 OFFSET ?""", [*a, ke]).fetchone()
    return tuple(r) if r else None


def jumlah_skp_sebelum(db: Database, kode: str, unit: str | None, kunci: tuple) -> int:
    """SKP rows of the period held by active employees ordered before `kunci` (see `kunci_urut`)."""
    _fungsi_lower(db.conn)
    w, a = _filter_pegawai(unit, None)
    syarat, arg = _syarat_kunci((None, kunci))
    return db.execute(f"""SELECT COUNT(*) FROM sasaran s WHERE s.periode = ?
                          AND s.nip IN (SELECT p.nip FROM pegawai p WHERE {w}{syarat})""",
                      [kode, *a, *arg]).fetchone()[0]


def alir_periode_urut(db: Database, kode: str, unit: str | None = None, rentang: tuple = (None, None)):
    """Like `alir_periode`, but in the recap's order: unit, then nama (both case-folded by Python's
    str.lower), then NIP -- the order of ``services.nilai.laporan(urut="unit")``.

    The selected NIPs are ranked once into a TEMP table (a write to the connection's temporary
    database only); the SKP and behaviour rows are then read by rank through their primary keys,
    so nothing large is sorted or held. Yields (pegawai dict, skp rows, behaviour rows) like
    `alir_periode`. `rentang` (dari, sampai): keys of `kunci_urut`, only dari <= key < sampai.
    """
    global _NOMOR_URUT
    conn = db.conn
    _fungsi_lower(conn)
    _NOMOR_URUT += 1
    t = f"temp.kinerja_urut_{_NOMOR_URUT}"
    w, a = _filter_pegawai(unit, None)
    syarat, arg = _syarat_kunci(rentang)
    _tulis_sementara(conn, [f"CREATE TABLE {t} (rk INTEGER PRIMARY KEY, nip TEXT NOT NULL)",
                            (f"INSERT INTO {t} (nip) SELECT p.nip FROM pegawai p WHERE {w}{syarat} "
                             f"ORDER BY {_URUT_REKAP.format(p='p')}", [*a, *arg])])
    try:
        peg = conn.execute(
            f"""SELECT p.nip, p.nama, p.unit, p.jabatan, p.golongan, p.status, p.nip_atasan, p.jenis_jabatan
                FROM {t} u JOIN pegawai p ON p.nip = u.nip ORDER BY u.rk""")
        kolom_peg = [c[0] for c in peg.description]
        skp = conn.execute(
            f"""SELECT s.nip, s.nomor, s.jenis, s.target_lo, s.target_hi, s.bobot, s.arah, s.target_maksimal,
                       r.nilai, s.rhk, s.indikator, s.satuan, r.bukti, s.aspek, s.rhk_atasan_nomor
                FROM {t} u JOIN sasaran s ON s.periode = ? AND s.nip = u.nip
                LEFT JOIN realisasi r ON r.periode = s.periode AND r.nip = s.nip AND r.nomor = s.nomor
                ORDER BY u.rk, s.nomor""", [kode])
        aspek = ", ".join(f"b.{x}" for x in ASPEK_BERAKHLAK)
        per = conn.execute(
            f"""SELECT b.nip, b.penilai, b.peran, {aspek} FROM {t} u JOIN perilaku b ON b.periode = ? AND b.nip = u.nip
                ORDER BY u.rk, b.penilai""", [kode])
        skp, per = _baris_demi_baris(skp), _baris_demi_baris(per)
        s_row, b_row = next(skp, None), next(per, None)
        for row in _baris_demi_baris(peg):
            n = row[0]
            baris = []
            while s_row is not None and s_row[0] == n:
                baris.append(s_row)
                s_row = next(skp, None)
            nilai = []
            while b_row is not None and b_row[0] == n:
                nilai.append((b_row[1], b_row[2], dict(zip(ASPEK_BERAKHLAK, b_row[3:]))))
                b_row = next(per, None)
            yield dict(zip(kolom_peg, row)), baris, nilai
    finally:
        peg = skp = per = None  # finish the statements before dropping their table
        try:
            _tulis_sementara(conn, [f"DROP TABLE IF EXISTS {t}"])
        except sqlite3.OperationalError:  # still in use: it goes with the connection
            pass


_NOMOR_URUT = 0


def _tulis_sementara(conn, perintah: list) -> None:
    """Run statements on the TEMP database, in one TEMP-only transaction (store.db.sementara)."""
    from .db import sementara

    with sementara(conn):
        for p in perintah:
            q, a = (p, []) if isinstance(p, str) else p
            conn.execute(q, a)


def alir_snapshot_urut(db: Database, kode: str, unit: str | None = None):
    """A closed period's frozen records (JSON text), one at a time, in the recap's order
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
                             f"ORDER BY kinerja_lower({u}), kinerja_lower({n}), nip", [kode, *arg])])
    cur = None
    try:
        cur = conn.execute(f"""SELECT h.data FROM {t} x JOIN hasil_snapshot h ON h.periode = ? AND h.nip = x.nip
                               ORDER BY x.rk""", [kode])
        for (data,) in _baris_demi_baris(cur, 512):
            yield data
    finally:
        cur = None  # finish the statement before dropping its table
        try:
            _tulis_sementara(conn, [f"DROP TABLE IF EXISTS {t}"])
        except sqlite3.OperationalError:  # still in use: it goes with the connection
            pass


def jumlah_snapshot(db: Database, kode: str, unit: str | None = None) -> int:
    syarat, arg = ("", []) if unit is None else (" AND json_extract(data, '$.pegawai.unit') = ?", [unit])
    return db.execute(f"SELECT COUNT(*) FROM hasil_snapshot WHERE periode = ?{syarat}", [kode, *arg]).fetchone()[0]
