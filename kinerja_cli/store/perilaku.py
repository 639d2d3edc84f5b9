"""The perilaku table: one row per (periode, nip, penilai), scores as decimal TEXT."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Iterable

from sqlite_utils import Database

from ..kosakata import ASPEK_BERAKHLAK
from . import audit_json, tampungan
from .db import sekarang

_ASPEK = ", ".join(ASPEK_BERAKHLAK)
_URUT_PERAN = "CASE peran WHEN 'atasan' THEN 0 WHEN 'rekan' THEN 1 WHEN 'bawahan' THEN 2 ELSE 3 END"


def _desimal(v: str | None) -> Decimal | None:
    return None if v is None else Decimal(v)


def ambil(db: Database, kode: str, nip: str, penilai: str) -> tuple[str, dict] | None:
    r = db.execute(f"SELECT peran, {_ASPEK} FROM perilaku WHERE periode = ? AND nip = ? AND penilai = ?",
                   [kode, nip, penilai]).fetchone()
    return (r[0], dict(zip(ASPEK_BERAKHLAK, r[1:]))) if r else None


def simpan_banyak(db: Database, kode: str, baris: list[tuple[str, str, str, dict]]) -> None:
    """Upsert (nip, penilai, peran, {aspek: text|None}) rows of one period."""
    if not baris:
        return
    t = sekarang()
    tanda = ", ".join("?" * (len(ASPEK_BERAKHLAK) + 5))
    ubah = ", ".join(f"{a} = excluded.{a}" for a in ("peran", *ASPEK_BERAKHLAK, "diubah"))
    db.conn.executemany(
        f"INSERT INTO perilaku (periode, nip, penilai, peran, {_ASPEK}, diubah) VALUES ({tanda})"
        f" ON CONFLICT (periode, nip, penilai) DO UPDATE SET {ubah}",
        [(kode, nip, penilai, peran, *(skor.get(a) for a in ASPEK_BERAKHLAK), t) for nip, penilai, peran, skor in baris],
    )


def baris_periode(db: Database, kode: str, nips: Iterable[str] | None = None) -> list[tuple[str, str, str, dict]]:
    """Every behaviour row of a period in ONE query, ordered by nip (then role, rater).

    Returns (nip, penilai, peran, {aspek: Decimal | None}) for each rater row; `nips`
    restricts to those employees. Self-ratings (peran 'diri') are included: the caller
    decides not to count them.
    """
    sql = f"SELECT nip, penilai, peran, {_ASPEK} FROM perilaku WHERE periode = ?"
    args: list = [kode]
    if nips is not None:
        sql += " AND nip IN (SELECT value FROM json_each(?))"
        args.append(json.dumps(sorted(set(nips))))
    sql += f" ORDER BY nip, {_URUT_PERAN}, penilai"
    return [(r[0], r[1], r[2], {a: _desimal(v) for a, v in zip(ASPEK_BERAKHLAK, r[3:])}) for r in db.execute(sql, args)]


def daftar(db: Database, kode: str, nip: str | None = None, unit: str | None = None) -> list[dict]:
    """Rows for listing, with the names of the employee and the rater."""
    where, args = ["b.periode = ?"], [kode]
    if nip:
        where.append("b.nip = ?")
        args.append(nip)
    if unit:
        where.append("p.unit = ? COLLATE NOCASE")
        args.append(unit)
    cur = db.execute(
        f"""SELECT b.nip, p.nama, p.unit, b.penilai, q.nama AS nama_penilai, b.peran,
                   {', '.join('b.' + a for a in ASPEK_BERAKHLAK)}, b.diubah
            FROM perilaku b JOIN pegawai p ON p.nip = b.nip LEFT JOIN pegawai q ON q.nip = b.penilai
            WHERE {' AND '.join(where)}
            ORDER BY p.unit, p.nama, b.nip, {_URUT_PERAN.replace('peran', 'b.peran')}, b.penilai""",
        args,
    )
    cols = [c[0] for c in cur.description]
    hasil = []
    for r in cur:
        d = dict(zip(cols, r))
        for a in ASPEK_BERAKHLAK:
            d[a] = _desimal(d[a])
        hasil.append(d)
    return hasil


# --- the streaming import: compact roster, TEMP staging tables -----------------------------------

_TAMPUNG = "kinerja_tampung_perilaku"  # the good rows of the file, in file order
_UBAH = "kinerja_ubah_perilaku"  # re-import: only the rows that change something
_KOLOM_TAMPUNG = ("baris INTEGER PRIMARY KEY, nip TEXT NOT NULL, penilai TEXT NOT NULL, peran TEXT NOT NULL, "
                  + ", ".join(f"{a} TEXT" for a in ASPEK_BERAKHLAK) + ", baru TEXT NOT NULL, lama TEXT")


def roster_ringkas(db: Database) -> dict[str, tuple]:
    """nip -> (index, nip_atasan, unit, unit casefolded): what validation.perilaku.hubungan needs.
    Strings are shared: an atasan NIP is the object of that employee's own key, a unit is kept once."""
    rows = db.execute("SELECT nip, nip_atasan, unit FROM pegawai").fetchall()
    nips = {r[0]: r[0] for r in rows}
    unit: dict = {}
    hasil: dict = {}
    for i, (nip, atasan, u) in enumerate(rows):
        if u not in unit:
            unit[u] = (u, u.casefold())
        hasil[nips[nip]] = (i, nips.get(atasan, atasan), *unit[u])
    return hasil


def tampungan_baru(db: Database) -> None:
    tampungan.buat(db, (_TAMPUNG, _UBAH), _KOLOM_TAMPUNG)


def hapus_tampungan(db: Database) -> None:
    tampungan.hapus(db, (_TAMPUNG, _UBAH))


def tampung(db: Database, baris: list[tuple]) -> None:
    """Stage (Excel row, nip, penilai, peran, 7 score texts, audit JSON of the new row) rows."""
    tanda = ", ".join("?" * (len(ASPEK_BERAKHLAK) + 5))
    tampungan.tulis_banyak(db, f"INSERT INTO temp.{_TAMPUNG} (baris, nip, penilai, peran, {_ASPEK}, baru) "
                                 f"VALUES ({tanda})", baris)


def buang_tampungan(db: Database, baris: Iterable[int]) -> None:
    """Drop staged rows (by Excel row) refused after they were staged."""
    tampungan.tulis_banyak(db, f"DELETE FROM temp.{_TAMPUNG} WHERE baris = ?", [(b,) for b in baris])


def ada_di_periode(db: Database, kode: str) -> bool:
    return db.execute("SELECT 1 FROM perilaku WHERE periode = ? LIMIT 1", [kode]).fetchone() is not None


def jumlah_tampungan(db: Database) -> int:
    return db.execute(f"SELECT COUNT(*) FROM temp.{_TAMPUNG}").fetchone()[0]


def calon_ubah(db: Database, kode: str, setelah: int, batas: int) -> list[tuple]:
    """Up to `batas` staged rows after Excel row `setelah` whose stored row is missing or differs,
    in file order: (baris, nip, penilai, peran, 7 scores, baru, stored peran, 7 stored scores, stored?)."""
    beda = " OR ".join(f"r.{k} IS NOT s.{k}" for k in ("peran", *ASPEK_BERAKHLAK))
    return db.execute(
        f"SELECT s.baris, s.nip, s.penilai, s.peran, {', '.join('s.' + a for a in ASPEK_BERAKHLAK)}, s.baru, "
        f"r.peran, {', '.join('r.' + a for a in ASPEK_BERAKHLAK)}, r.nip IS NOT NULL "
        f"FROM temp.{_TAMPUNG} s LEFT JOIN perilaku r ON r.periode = ? AND r.nip = s.nip AND r.penilai = s.penilai "
        f"WHERE s.baris > ? AND (r.nip IS NULL OR {beda}) ORDER BY s.baris LIMIT ?", [kode, setelah, batas]).fetchall()


def simpan_ubah(db: Database, baris: list[tuple]) -> None:
    """Stage (baris, nip, penilai, peran, 7 scores, baru, lama) rows that change something."""
    tanda = ", ".join("?" * (len(ASPEK_BERAKHLAK) + 6))
    tampungan.tulis_banyak(db, f"INSERT INTO temp.{_UBAH} VALUES ({tanda})", baris)


def tulis_tampungan(db: Database, kode: str, ubah: bool) -> int:
    """Upsert the staged rows (all of them, or only the changes) in file order and log each one
    (call inside a transaction); returns the number of rows written."""
    sumber = f"temp.{_UBAH if ubah else _TAMPUNG}"
    set_ubah = ", ".join(f"{a} = excluded.{a}" for a in ("peran", *ASPEK_BERAKHLAK, "diubah"))
    db.conn.execute(
        f"INSERT INTO perilaku (periode, nip, penilai, peran, {_ASPEK}, diubah) "
        f"SELECT ?, nip, penilai, peran, {_ASPEK}, ? FROM {sumber} WHERE 1 ORDER BY baris "
        f"ON CONFLICT (periode, nip, penilai) DO UPDATE SET {set_ubah}", [kode, sekarang()])
    return audit_json.salin(
        db, "'perilaku', ? || '/' || nip || '/' || penilai, CASE WHEN lama IS NULL THEN 'tambah' ELSE 'ubah' END, "
            f"lama, baru, nip FROM {sumber} ORDER BY baris", [kode])
