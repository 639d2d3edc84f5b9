"""The rating_langsung table: the atasan's direct ratings (permenpan6 scheme)."""

from __future__ import annotations

from sqlite_utils import Database

from .db import sekarang

# each rating with its reason and its pejabat penilai (oleh_*: NIP, migration 0014); `oleh`: who last set a rating
_KOLOM = ("hasil_kerja", "perilaku", "alasan_hasil_kerja", "alasan_perilaku", "oleh", "oleh_hasil_kerja", "oleh_perilaku")


def ambil(db: Database, kode: str, nip: str) -> dict | None:
    r = db.execute(f"SELECT {', '.join(_KOLOM)} FROM rating_langsung WHERE periode = ? AND nip = ?", [kode, nip]).fetchone()
    return dict(zip(_KOLOM, r)) if r else None


def simpan(db: Database, kode: str, nip: str, data: dict) -> None:
    db.execute(
        f"INSERT INTO rating_langsung (periode, nip, {', '.join(_KOLOM)}, diubah) VALUES ({', '.join('?' * (len(_KOLOM) + 3))})"
        f" ON CONFLICT (periode, nip) DO UPDATE SET {', '.join(f'{k} = excluded.{k}' for k in _KOLOM)},"
        " diubah = excluded.diubah",
        [kode, nip, *(data.get(k) for k in _KOLOM), sekarang()],
    )


def hapus(db: Database, kode: str, nip: str) -> int:
    return db.execute("DELETE FROM rating_langsung WHERE periode = ? AND nip = ?", [kode, nip]).rowcount


def rating_periode(db: Database, kode: str) -> dict[str, dict]:
    """{nip: {hasil_kerja, perilaku, alasan_hasil_kerja, alasan_perilaku, oleh, oleh_hasil_kerja, oleh_perilaku,
    diubah}} of a period in ONE query.

    hasil_kerja / perilaku hold 'di-atas' | 'sesuai' | 'di-bawah' or None (not set).
    """
    cur = db.execute(f"SELECT nip, {', '.join(_KOLOM)}, diubah FROM rating_langsung WHERE periode = ?", [kode])
    return {r[0]: dict(zip((*_KOLOM, "diubah"), r[1:])) for r in cur}


def daftar(db: Database, kode: str) -> list[dict]:
    cur = db.execute(
        """SELECT r.nip, p.nama, p.unit, r.hasil_kerja, r.perilaku, r.alasan_hasil_kerja, r.alasan_perilaku, r.oleh,
                  q.nama AS nama_oleh, r.oleh_hasil_kerja, qh.nama AS nama_oleh_hasil_kerja, r.oleh_perilaku,
                  qp.nama AS nama_oleh_perilaku, r.diubah
           FROM rating_langsung r JOIN pegawai p ON p.nip = r.nip LEFT JOIN pegawai q ON q.nip = r.oleh
                LEFT JOIN pegawai qh ON qh.nip = r.oleh_hasil_kerja LEFT JOIN pegawai qp ON qp.nip = r.oleh_perilaku
           WHERE r.periode = ? ORDER BY p.unit, p.nama, r.nip""",
        [kode],
    )
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur]
