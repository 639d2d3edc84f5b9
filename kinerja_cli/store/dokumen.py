"""Reads for the exports: continuous feedback notes, the database file name."""

from __future__ import annotations

from collections import defaultdict

from sqlite_utils import Database


def umpan_balik(db: Database, kode: str, nips: list[str]) -> dict[str, list[dict]]:
    """nip -> feedback notes of the period (tanggal, dari, nama_dari, teks), oldest first."""
    hasil: dict[str, list[dict]] = defaultdict(list)
    daftar = sorted(set(nips))
    for i in range(0, len(daftar), 500):
        potong = daftar[i:i + 500]
        q = ", ".join("?" * len(potong))
        cur = db.execute(
            f"""SELECT u.nip, u.tanggal, u.dari, p.nama, u.teks FROM umpan_balik u
                LEFT JOIN pegawai p ON p.nip = u.dari
                WHERE u.periode = ? AND u.nip IN ({q}) ORDER BY u.nip, u.tanggal, u.id""", [kode, *potong])
        for nip, tanggal, dari, nama, teks in cur:
            hasil[nip].append({"tanggal": tanggal, "dari": dari, "nama_dari": nama, "teks": teks})
    return hasil

