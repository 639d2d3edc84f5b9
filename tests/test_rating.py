"""`kinerja rating tetapkan|hapus|daftar`: the atasan's direct rating (permenpan6)."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import KADIS, SEKDA, STAF1, STAF2


def _n(db_path, tabel):
    with sqlite3.connect(db_path) as c:
        return c.execute(f"SELECT COUNT(*) FROM {tabel}").fetchone()[0]


def _rating(db_path, nip, periode="2026"):
    with sqlite3.connect(db_path) as c:
        r = c.execute("SELECT hasil_kerja, perilaku, alasan_hasil_kerja, alasan_perilaku, oleh FROM rating_langsung "
                      "WHERE periode = ? AND nip = ?",
                      [periode, nip]).fetchone()
    return r


@pytest.fixture
def siap(db_siap, kinerja):
    assert kinerja("periode", "buat", "2026", "--metode", "permenpan6").exit_code == 0
    return db_siap


def test_set_merge_list_remove(siap, kinerja, db_path):
    r = kinerja("rating", "tetapkan", STAF1, "--periode", "2026", "--hasil-kerja", "di-atas",
                "--alasan", "target utama terlampaui", "--oleh", KADIS)
    assert r.exit_code == 0, r.output
    assert "Peringatan" not in r.stderr
    assert _rating(db_path, STAF1) == ("di-atas", None, "target utama terlampaui", None, KADIS)
    r = kinerja("rating", "tetapkan", STAF1, "--periode", "2026", "--perilaku", "sesuai", "--alasan", "kolaborasi baik")
    assert r.exit_code == 0 and "diubah" in r.stderr
    # issue 14: the perilaku reason no longer overwrites the hasil kerja reason
    assert _rating(db_path, STAF1) == ("di-atas", "sesuai", "target utama terlampaui", "kolaborasi baik", KADIS)
    assert ("Rating langsung diubah: hasil kerja Di Atas Ekspektasi (alasan: target utama terlampaui), perilaku "
            "Sesuai Ekspektasi (alasan: kolaborasi baik)") in " ".join(r.stderr.split())
    audit = _n(db_path, "audit")
    r = kinerja("rating", "tetapkan", STAF1, "--periode", "2026", "--perilaku", "sesuai", "--alasan", "kolaborasi baik")
    assert "tidak ada perubahan" in r.stderr and _n(db_path, "audit") == audit
    d = kinerja("rating", "daftar", "--periode", "2026", "--format", "json").json()
    assert d == [{"nip": STAF1, "nama": "Citra Lestari", "unit": "DPMPTSP", "hasil_kerja": "di-atas",
                  "alasan_hasil_kerja": "target utama terlampaui", "perilaku": "sesuai",
                  "alasan_perilaku": "kolaborasi baik",
                  "alasan": "hasil kerja: target utama terlampaui; perilaku: kolaborasi baik",
                  "oleh": KADIS, "nama_oleh": "Budi Santoso, S.E.",  # each rating's own pejabat penilai too (0014)
                  "oleh_hasil_kerja": KADIS, "nama_oleh_hasil_kerja": "Budi Santoso, S.E.",
                  "oleh_perilaku": KADIS, "nama_oleh_perilaku": "Budi Santoso, S.E.",
                  "diubah": d[0]["diubah"]}]
    from kinerja_cli.store.db import buka_db
    from kinerja_cli.store.rating import rating_periode

    db = buka_db(db_path)
    assert rating_periode(db, "2026")[STAF1]["hasil_kerja"] == "di-atas"
    db.close()
    r = kinerja("rating", "hapus", STAF1, "--periode", "2026", "--alasan", "keliru")
    assert r.exit_code == 0 and _rating(db_path, STAF1) is None
    h = kinerja("riwayat", "--nip", STAF1, "--format", "json").json()[0]
    assert h["aksi"] == "hapus" and '"hasil_kerja": "di-atas"' in h["lama"] and "keliru" in h["baru"]
    r = kinerja("rating", "hapus", STAF1, "--periode", "2026", "--alasan", "lagi")
    assert r.exit_code == 1 and "Tidak ada rating langsung" in r.stderr


def test_refusals(siap, kinerja, db_path):
    r = kinerja("rating", "tetapkan", STAF1, "--periode", "2026", "--alasan", "x")
    assert r.exit_code == 1 and "Tidak ada rating" in r.stderr
    r = kinerja("rating", "tetapkan", STAF1, "--periode", "2026", "--hasil-kerja", "sesuai", "--alasan", "  ")
    assert r.exit_code == 1 and "Alasan wajib" in r.stderr
    r = kinerja("rating", "tetapkan", STAF1, "--periode", "2026", "--hasil-kerja", "sesuai")
    assert r.exit_code == 2
    r = kinerja("rating", "tetapkan", STAF1, "--periode", "2026", "--hasil-kerja", "bagus", "--alasan", "x")
    assert r.exit_code == 2
    r = kinerja("rating", "tetapkan", STAF1, "--periode", "2026", "--hasil-kerja", "sesuai", "--alasan", "x",
                "--oleh", SEKDA)
    assert r.exit_code == 1 and "bukan atasan langsung" in r.stderr
    r = kinerja("rating", "tetapkan", "199912312020121999", "--periode", "2026", "--hasil-kerja", "sesuai",
                "--alasan", "x")
    assert r.exit_code == 1 and "tidak ada di basis data" in r.stderr
    r = kinerja("rating", "hapus", STAF1, "--periode", "2026", "--alasan", " ")
    assert r.exit_code == 1 and "Alasan" in r.stderr
    assert _n(db_path, "rating_langsung") == 0


def test_without_oleh_the_atasan_langsung_is_recorded(siap, kinerja, db_path):
    # (a pp30 period is refused now: tests/test_rating_temuan.py)
    r = kinerja("rating", "tetapkan", STAF2, "--periode", "2026", "--perilaku", "di-bawah", "--alasan", "sering terlambat")
    assert r.exit_code == 0 and "Peringatan" not in r.stderr
    # no --oleh: the pejabat penilai recorded is the atasan langsung of the roster (PermenPANRB 6/2022)
    assert _rating(db_path, STAF2, "2026") == (None, "di-bawah", None, "sering terlambat", KADIS)


def test_closed_period_refuses_rating(siap, kinerja, db_path):
    kinerja("rating", "tetapkan", STAF1, "--periode", "2026", "--hasil-kerja", "sesuai", "--alasan", "x")
    kinerja("periode", "tutup", "2026", "--ya")
    audit = _n(db_path, "audit")
    r = kinerja("rating", "tetapkan", STAF2, "--periode", "2026", "--hasil-kerja", "sesuai", "--alasan", "x")
    assert r.exit_code == 1 and "sudah ditutup" in r.stderr
    r = kinerja("rating", "hapus", STAF1, "--periode", "2026", "--alasan", "x")
    assert r.exit_code == 1 and "sudah ditutup" in r.stderr
    assert _n(db_path, "rating_langsung") == 1 and _n(db_path, "audit") == audit
