"""A damaged database: every command says so in one message with the way out (kinerja pulihkan),
exit 1, never a traceback; `periksa` reports the damage as its finding. And only `init`/`demo`
create a database: an empty, interrupted or foreign file given as --db is refused untouched."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from bantu_cadangan import potong, rusak_halaman, siapkan
from conftest import buat_xlsx

PERINTAH = {
    "periksa": ["periksa"],
    "nilai": ["nilai", "--periode", "2026"],
    "status": ["status", "--periode", "2026"],
    "ekspor rekap": ["ekspor", "rekap", "{tmp}/rekap.xlsx", "--periode", "2026"],
    "cadangan": ["cadangan", "{tmp}/cadangan.db"],
    "periode tutup": ["periode", "tutup", "2026", "--ya"],
    "pegawai daftar": ["pegawai", "daftar"],
}
KERUSAKAN = {
    "halaman": lambda p: rusak_halaman(p, "pegawai", "sasaran", "realisasi"),
    "terpotong": lambda p: potong(p, 0.5),
}


@pytest.fixture
def rusak(db_siap, kinerja, request):
    siapkan(kinerja, db_siap)
    KERUSAKAN[request.param](db_siap)
    return db_siap


@pytest.mark.parametrize("rusak", list(KERUSAKAN), indirect=True)
@pytest.mark.parametrize("nama", list(PERINTAH))
def test_every_command_on_a_damaged_database_says_restore(rusak, kinerja, tmp_path, nama):
    r = kinerja(*[a.format(tmp=tmp_path) for a in PERINTAH[nama]])
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output and (r.exception is None or isinstance(r.exception, SystemExit))
    assert "rusak" in r.stderr and "kinerja pulihkan CADANGAN.db" in r.stderr, r.stderr
    assert r.stderr.count("Galat:") == 1
    assert not (tmp_path / "rekap.xlsx").exists() and not (tmp_path / "cadangan.db").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]  # no temporary copy left


@pytest.mark.parametrize("rusak", ["halaman"], indirect=True)
def test_periksa_reports_the_damage_as_its_finding(rusak, kinerja):
    r = kinerja("periksa", "--format", "json")
    assert r.exit_code == 1
    temuan = r.json()
    assert temuan and all(t["jenis"] == "integritas" and t["tingkat"] == "galat" for t in temuan)
    assert any("malformed" in t["pesan"] or "Page" in t["pesan"] or "btree" in t["pesan"].lower() for t in temuan)
    assert "kinerja pulihkan" in r.stderr


@pytest.mark.parametrize("rusak", ["halaman"], indirect=True)
def test_damage_found_in_a_real_process_is_one_message(rusak, tmp_path):
    env = {**os.environ, "KINERJA_DB": str(rusak)}
    p = subprocess.run([sys.executable, "-m", "kinerja_cli", "nilai", "--periode", "2026"], env=env,
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 1
    assert "Traceback" not in p.stderr and "sqlite3." not in p.stderr
    assert "rusak" in p.stderr and "kinerja pulihkan" in p.stderr


# Only init and demo create a database.

def _kosong_sqlite(p):
    with sqlite3.connect(p) as c:  # a valid SQLite file with no table: what an interrupted copy rolls back to
        c.execute("CREATE TABLE x (a)")
        c.execute("DROP TABLE x")
    c.close()


BUKAN_KINERJA = {
    "0 bita": (lambda p: p.write_bytes(b""), "kosong (0 bita)"),
    "sqlite kosong": (_kosong_sqlite, "bukan basis data kinerja"),
    "xlsx": (lambda p: buat_xlsx(p, {"Pegawai": [["NIP"]]}), "buku kerja Excel"),
    "teks": (lambda p: p.write_text("NIP;Nama\n1;Budi\n"), "bukan berkas SQLite"),
}


@pytest.mark.parametrize("perintah", [["pegawai", "daftar"], ["nilai", "--periode", "2026"], ["riwayat"],
                                      ["periksa"], ["periode", "buat", "2026", "--metode", "pp30"]])
@pytest.mark.parametrize("jenis", list(BUKAN_KINERJA))
def test_other_commands_never_create_a_database(kinerja, tmp_path, perintah, jenis):
    p = tmp_path / "lain.db"
    buat, pesan = BUKAN_KINERJA[jenis]
    buat(p)
    os.chmod(p, 0o640)
    sebelum = p.read_bytes()
    r = kinerja(*perintah, "--db", p)
    assert r.exit_code == 1, r.output
    assert pesan in r.stderr and "kinerja init --db" in r.stderr, r.stderr
    assert p.read_bytes() == sebelum and (os.stat(p).st_mode & 0o777) == 0o640
    assert sorted(x.name for x in tmp_path.iterdir()) == ["lain.db"]  # no -wal, -shm, journal


def test_init_still_fills_an_empty_file(kinerja, tmp_path):
    p = tmp_path / "baru.db"
    p.write_bytes(b"")
    assert kinerja("init", "--db", p).exit_code == 0
    r = kinerja("pegawai", "daftar", "--db", p)
    assert r.exit_code == 0, r.output


def test_closing_a_period_checks_the_pages_the_results_do_not_read(db_siap, kinerja):
    """Damage only in the audit log: nilai still computes, but closing would freeze results from a
    damaged file without a word. It is refused, nothing is frozen, and the way out is named."""
    siapkan(kinerja, db_siap)
    rusak_halaman(db_siap, "audit")
    assert kinerja("nilai", "--periode", "2026").exit_code == 0  # the results' pages read fine
    r = kinerja("periode", "tutup", "2026", "--ya")
    assert r.exit_code == 1, r.output
    assert "rusak" in r.stderr and "Periode 2026 tidak ditutup" in r.stderr, r.stderr
    assert "kinerja pulihkan CADANGAN.db" in r.stderr and "Traceback" not in r.output
    with sqlite3.connect(db_siap) as c:
        assert c.execute("SELECT status FROM periode WHERE kode = '2026'").fetchone()[0] == "terbuka"
    c.close()
