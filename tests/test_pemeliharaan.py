"""kinerja cadangan and kinerja periksa."""

from __future__ import annotations

import os
import sqlite3
import stat

from conftest import KADIS, STAF1
from data_nilai import isi


def test_backup_is_consistent_and_private(db_siap, kinerja, tmp_path, db_path):
    tujuan = tmp_path / "cadangan.db"
    r = kinerja("cadangan", tujuan)
    assert r.exit_code == 0 and "integritas: baik" in r.stderr
    assert stat.S_IMODE(os.stat(tujuan).st_mode) == 0o600
    with sqlite3.connect(tujuan) as c:
        assert c.execute("SELECT COUNT(*) FROM pegawai").fetchone()[0] == 5
    r = kinerja("cadangan", tujuan)
    assert r.exit_code == 1 and "sudah ada" in r.stderr
    r = kinerja("cadangan")
    assert r.exit_code == 0
    assert any("cadangan-" in p.name for p in db_path.parent.iterdir())


def test_periksa_clean_then_findings(db_siap, kinerja, db_path):
    r = kinerja("periksa")
    assert r.exit_code == 0 and "tidak ada temuan" in r.stderr
    kinerja("periode", "buat", "2026", "--metode", "pp30")
    isi(db_path)
    kinerja("periode", "tutup", "2026", "--ya")
    with sqlite3.connect(db_path) as c:
        c.execute("PRAGMA foreign_keys = OFF")
        c.execute("UPDATE pegawai SET nip_atasan = ? WHERE nip = ?", [STAF1, KADIS])  # KADIS -> STAF1 -> KADIS
        c.execute("DELETE FROM sasaran WHERE nip = ? AND nomor = 2", [STAF1])  # closed period: bobot 60, orphan realisasi
        c.execute("DELETE FROM hasil_snapshot")
    r = kinerja("periksa", "--format", "json")
    assert r.exit_code == 1
    jenis = {t["jenis"]: t for t in r.json()}
    assert {"rantai_atasan", "bobot", "realisasi_yatim", "snapshot"} <= jenis.keys()
    assert "berjumlah 60" in jenis["bobot"]["pesan"]


def test_backup_into_a_folder_gets_the_dated_name(db_siap, kinerja, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    r = kinerja("cadangan", folder)
    assert r.exit_code == 0, r.output
    isi = list(folder.iterdir())
    assert len(isi) == 1 and isi[0].name.startswith("uji-cadangan-") and isi[0].suffix == ".db"
    assert (isi[0].stat().st_mode & 0o777) == 0o600


def test_two_backups_into_a_folder_in_the_same_second(db_siap, kinerja, tmp_path):
    folder = tmp_path / "usb2"
    folder.mkdir()
    for _ in range(3):
        assert kinerja("cadangan", folder).exit_code == 0
    assert len(list(folder.iterdir())) == 3  # numbered, never refused, never overwritten


def test_a_target_ending_in_a_separator_is_a_folder_that_must_exist(db_siap, kinerja, tmp_path):
    # an unmounted USB stick (README: kinerja cadangan /media/usb/): never a file named like the folder
    r = kinerja("cadangan", f"{tmp_path}/notmounted/")
    assert r.exit_code == 1
    assert f"Folder {tmp_path}/notmounted/ tidak ada (diska USB belum terpasang?). Cadangan tidak dibuat." in r.stderr
    assert "mkdir" in r.stderr and "Cadangan dibuat" not in r.stderr
    assert not (tmp_path / "notmounted").exists()
    (tmp_path / "usb").mkdir()
    r = kinerja("cadangan", f"{tmp_path}/usb/")
    assert r.exit_code == 0, r.output
    assert [p.name.startswith("uji-cadangan-") for p in (tmp_path / "usb").iterdir()] == [True]


def test_a_parent_that_is_a_file_is_named(db_siap, kinerja, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bk").write_text("bukan folder")
    r = kinerja("cadangan", "bk/x.db")
    assert r.exit_code == 1
    assert "bk adalah berkas, bukan folder" in r.stderr, r.stderr
    assert "Not a directory" not in r.stderr and "izin" not in r.stderr
    r = kinerja("cadangan", "bk/")
    assert r.exit_code == 1 and "bk adalah berkas, bukan folder" in r.stderr, r.stderr
    assert (tmp_path / "bk").read_text() == "bukan folder"


def test_backup_of_a_damaged_database_shows_three_findings_and_the_count(db_siap, kinerja, tmp_path):
    from bantu_cadangan import siapkan

    siapkan(kinerja, db_siap)
    with sqlite3.connect(db_siap) as c:
        akar = [h for (h,) in c.execute("SELECT rootpage FROM sqlite_master WHERE name LIKE 'ix_%'")]
        ukuran = c.execute("PRAGMA page_size").fetchone()[0]
    c.close()
    with open(db_siap, "r+b") as f:  # empty the indexes: every row is "missing from index" (32 findings)
        for h in akar:
            f.seek((h - 1) * ukuran)
            f.write(b"\x0a\x00\x00\x00\x00" + ukuran.to_bytes(2, "big") + b"\x00")
    r = kinerja("cadangan", tmp_path / "c.db")
    assert r.exit_code == 1 and not (tmp_path / "c.db").exists()
    pesan = r.stderr.replace("\n", " ")
    assert pesan.count("missing from index") == 3, r.stderr
    assert "(29 temuan lain; lihat kinerja periksa)" in pesan
    assert "kinerja pulihkan" in pesan
