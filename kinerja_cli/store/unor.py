"""SIASN's unor hierarchy (table unor): stored whole, replaced whole on re-import."""

from __future__ import annotations

from sqlite_utils import Database


def semua(db: Database) -> dict[str, tuple[str, str | None]]:
    """{id: (name, parent id)} in the export's order."""
    return {r[0]: (r[1], r[2]) for r in db.execute("SELECT id, nama, id_atasan FROM unor ORDER BY urutan")}


def jumlah(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM unor").fetchone()[0]


def ganti(db: Database, unor: list[tuple[str, str, str | None]]) -> None:
    """Replace the stored hierarchy with [(id, name, parent id)] (inside the caller's transaction)."""
    db.execute("DELETE FROM unor")
    db.conn.executemany("INSERT INTO unor (id, nama, id_atasan, urutan) VALUES (?, ?, ?, ?)",
                        [(i, n, a, k) for k, (i, n, a) in enumerate(unor)])
