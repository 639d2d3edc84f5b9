"""Aggregate queries behind `kinerja status`: a handful of GROUP BY queries per period.

The sasaran and realisasi tables belong to the SKP importers; this module only reads them.
Each function returns one dict keyed by NIP, computed with ONE query, whatever the number
of employees. `unit` restricts to the active employees of that unit.
"""

from __future__ import annotations

from decimal import Decimal

from sqlite_utils import Database

_PEGAWAI_UNIT = "SELECT nip FROM pegawai WHERE aktif = 1 AND unit = ? COLLATE NOCASE"


def _saring(sql: str, args: list, unit: str | None, kolom: str = "nip") -> tuple[str, list]:
    if unit:
        sql += f" AND {kolom} IN ({_PEGAWAI_UNIT})"
        args = [*args, unit]
    return sql, args


def pegawai_aktif(db: Database, unit: str | None = None) -> list[tuple[str, str, str, str | None]]:
    """(nip, nama, unit, nip_atasan) of the active employees, ordered by unit and name."""
    sql, args = "SELECT nip, nama, unit, nip_atasan FROM pegawai WHERE aktif = 1", []
    if unit:
        sql += " AND unit = ? COLLATE NOCASE"
        args.append(unit)
    return [tuple(r) for r in db.execute(sql + " ORDER BY unit, kinerja_nama(nama), nip", args)]


def ringkasan_skp(db: Database, kode: str, unit: str | None = None) -> dict[str, tuple[int, Decimal, int]]:
    """{nip: (SKP rows, total bobot, rows with a realisation)}.

    The bobot total is summed as REAL and rounded to 4 decimals: exact for weights written
    with up to 4 decimals, which is what the 0.01 tolerance check needs.
    """
    sql, args = _saring(
        """SELECT s.nip, COUNT(*), ROUND(SUM(CAST(s.bobot AS REAL)), 4), COUNT(r.nomor)
           FROM sasaran s LEFT JOIN realisasi r ON r.periode = s.periode AND r.nip = s.nip AND r.nomor = s.nomor
           WHERE s.periode = ?""", [kode], unit, "s.nip")
    cur = db.execute(sql + " GROUP BY s.nip", args)
    desimal: dict[float, Decimal] = {}  # most totals repeat (100.0): convert each value once
    hasil = {}
    for nip, n, b, terisi in cur:
        d = desimal.get(b)
        if d is None:
            d = desimal[b] = Decimal(repr(b or 0.0)).normalize()
        hasil[nip] = (n, d, terisi)
    return hasil


def ringkasan_perilaku(db: Database, kode: str, unit: str | None = None) -> dict[str, tuple[int, int, int]]:
    """{nip: (atasan raters, rekan raters, bawahan raters)}; self-ratings are not counted."""
    sql, args = _saring(
        """SELECT nip, SUM(peran = 'atasan'), SUM(peran = 'rekan'), SUM(peran = 'bawahan')
           FROM perilaku WHERE periode = ?""", [kode], unit)
    return {r[0]: (r[1], r[2], r[3]) for r in db.execute(sql + " GROUP BY nip", args)}


def jumlah_umpan_balik(db: Database, kode: str, unit: str | None = None) -> dict[str, int]:
    sql, args = _saring("SELECT nip, COUNT(*) FROM umpan_balik WHERE periode = ?", [kode], unit)
    return dict(db.execute(sql + " GROUP BY nip", args).fetchall())


def status_skp(db: Database, kode: str) -> dict[str, str]:
    """{nip: SKP agreement state} of every employee of the period with a state row (not filtered by
    unit: whether the period uses the agreement workflow at all depends on every unit)."""
    return dict(db.execute("SELECT nip, status FROM skp_status WHERE periode = ?", [kode]).fetchall())
