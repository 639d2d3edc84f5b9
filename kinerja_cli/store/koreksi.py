"""Single entries that can be corrected one by one (issue 17 §3): read, update, delete by key.

The tables named here are the only ones `hapus`/`ubah` of a single entry touch; every caller logs
the change in the audit table (services.koreksi).
"""

from __future__ import annotations

from sqlite_utils import Database

# table -> (columns read back for the audit log and the message, the column naming the employee)
TABEL = {
    "inovasi": ("id", "periode", "nip", "uraian", "tanggal"),
    "umpan_balik": ("id", "periode", "nip", "dari", "tanggal", "teks"),
    "pelatihan": ("id", "nip", "kegiatan", "jenis", "tanggal", "jp", "penyelenggara"),
}
_UBAH = {"inovasi": ("uraian", "tanggal"), "umpan_balik": ("teks", "tanggal")}


def ambil(db: Database, tabel: str, id_: int) -> dict | None:
    kolom = TABEL[tabel]
    r = db.execute(f"SELECT {', '.join(kolom)} FROM {tabel} WHERE id = ?", [id_]).fetchone()
    return dict(zip(kolom, r)) if r else None


def hapus(db: Database, tabel: str, id_: int) -> int:
    TABEL[tabel]  # only the tables above
    return db.execute(f"DELETE FROM {tabel} WHERE id = ?", [id_]).rowcount


def ubah(db: Database, tabel: str, id_: int, nilai: dict) -> None:
    kolom = [k for k in nilai if k in _UBAH[tabel]]
    if kolom:
        db.execute(f"UPDATE {tabel} SET {', '.join(k + ' = ?' for k in kolom)} WHERE id = ?",
                   [nilai[k] for k in kolom] + [id_])


def hapus_layanan_nilai(db: Database, indikator_id: int, periode: str) -> int:
    return db.execute("DELETE FROM layanan_nilai WHERE indikator_id = ? AND periode = ?",
                      [indikator_id, periode]).rowcount


def periode_ditutup_pada(db: Database, tanggal: str) -> str | None:
    """The code of a closed period whose dates include `tanggal` (ISO), else None."""
    r = db.execute("SELECT kode FROM periode WHERE status = 'ditutup' AND ? BETWEEN mulai AND selesai "
                   "ORDER BY mulai LIMIT 1", [tanggal]).fetchone()
    return r[0] if r else None


_DATA_PERIODE = ("sasaran", "realisasi", "perilaku", "umpan_balik", "inovasi", "rating_langsung", "unit_predikat",
                 "hasil_snapshot", "skp_status", "evaluasi_rekomendasi", "skp_lampiran", "skp_ekspektasi")


def data_periode(db: Database, kode: str) -> dict[str, int]:
    """Rows of each table that belong to period `kode` (only tables with any), plus layanan values."""
    hasil = {}
    for t in _DATA_PERIODE:
        n = db.execute(f"SELECT COUNT(*) FROM {t} WHERE periode = ?", [kode]).fetchone()[0]
        if n:
            hasil[t] = n
    n = db.execute("SELECT COUNT(*) FROM layanan_nilai WHERE periode = ?", [kode]).fetchone()[0]
    if n:
        hasil["layanan_nilai"] = n
    return hasil


def hapus_periode(db: Database, kode: str) -> int:
    return db.execute("DELETE FROM periode WHERE kode = ?", [kode]).rowcount
