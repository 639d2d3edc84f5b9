"""Loading everything the scoring needs for one period, in a few queries.

One query per table, each ordered by NIP, merged in one pass: no query per
employee, so a period of 100,000 employees loads in seconds.
"""

from __future__ import annotations

from collections import defaultdict

from sqlite_utils import Database

from ..excel.kolom import ASPEK_BERAKHLAK


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
