"""Databases of other schema versions: the first release opens and upgrades in one transaction,
a newer one is refused without a single byte changed."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from kinerja_cli.store import skema

LAMA = Path(__file__).parent / "data" / "skema-0001.db"
ISI_LAMA = {"_sqlite_migrations": 1, "audit": 2, "hasil_snapshot": 1, "inovasi": 1, "layanan_indikator": 1,
            "layanan_nilai": 1, "pegawai": 4, "pelatihan": 1, "perilaku": 2, "periode": 1, "rating_langsung": 1,
            "realisasi": 2, "sasaran": 3, "skp_status": 1, "umpan_balik": 1, "unit_predikat": 1}


@pytest.fixture
def salinan(tmp_path) -> Path:
    p = tmp_path / "lama.db"
    shutil.copyfile(LAMA, p)
    os.chmod(p, 0o600)
    return p


def isi(p: Path, kolom_lama: dict | None = None) -> dict:
    """Every table's rows (sorted), so 'unchanged' means the data, not only the counts. With
    `kolom_lama` ({table: columns}), only those columns of those tables (a later schema's rows)."""
    with sqlite3.connect(p) as c:
        tabel = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                         "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        pilih = {t: ", ".join(f'"{k}"' for k in kolom_lama[t]) if kolom_lama and t in kolom_lama else "*"
                 for t in tabel}
        return {t: sorted(map(repr, c.execute(f'SELECT {pilih[t]} FROM "{t}"'))) for t in tabel}


def kolom(p: Path, tabel: str) -> list[str]:
    with sqlite3.connect(p) as c:
        return [r[1] for r in c.execute(f'PRAGMA table_info("{tabel}")')]


def migrasi_sementara(monkeypatch, *fungsi):
    """Register extra migrations after today's last one (restored after the test)."""
    daftar = list(skema.migrasi._migrations)
    monkeypatch.setattr(skema.migrasi, "_migrations", daftar)
    for nama, fn in fungsi:
        skema.migrasi(name=nama)(fn)


def test_fixture_is_the_first_released_schema():
    with sqlite3.connect(f"file:{LAMA}?mode=ro", uri=True) as c:
        assert [r[0] for r in c.execute("SELECT name FROM _sqlite_migrations")] == ["0001_awal"]
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert {t: len(v) for t, v in isi(LAMA).items()} == ISI_LAMA


def test_first_release_opens_with_todays_code_and_keeps_every_row(kinerja, salinan):
    sebelum = isi(salinan)
    r = kinerja("pegawai", "daftar", "--db", salinan, "--format", "json")
    assert r.exit_code == 0, r.output
    assert {p["nip"] for p in r.json()} == {"196711101992031001", "198001012005011002", "198502142010012003",
                                            "199001012022211005"}
    baru = set(skema.nama_dikenal()) - {"0001_awal"}
    # every old row kept as it was (columns added since read NULL; the period's parameters below), tables
    # added since (instansi profile, unit short names, settings, atasan outside the roster, frozen parts of
    # closed periods, recommendations, the unor hierarchy) are empty
    sesudah = isi(salinan, {t: kolom(LAMA, t) for t in sebelum})
    lain = ("_sqlite_migrations", "periode", "rating_langsung")  # rating_langsung: its one reason split (below)
    assert {t: v for t, v in sesudah.items() if t in sebelum and t not in lain} == \
        {t: v for t, v in sebelum.items() if t not in lain}
    assert all(not v for t, v in sesudah.items() if t not in sebelum)
    assert {"instansi", "unit_singkatan", "setelan", "atasan_luar"} <= set(sesudah) - set(sebelum)
    assert kinerja("pegawai", "lihat", "196711101992031001", "--db", salinan, "--format", "json").json()["sub_unit"] is None
    # 0010_alasan_per_rating: the row's one reason is now the reason of each of its two ratings
    with sqlite3.connect(salinan) as c:
        assert c.execute("SELECT periode, nip, hasil_kerja, perilaku, alasan_hasil_kerja, alasan_perilaku, oleh, diubah "
                         "FROM rating_langsung").fetchall() == [
            ("2026", "198001012005011002", "di-atas", "sesuai", "Target investasi terlampaui",
             "Target investasi terlampaui", "196711101992031001", "2026-01-15T09:00:00")]
    # the period's parameters (issue 14) gain only the settings that keep its results:
    # the per-employee 70/30-or-60/40 choice and the pp30 band name Butuh Perbaikan
    with sqlite3.connect(salinan) as c:
        param_baru, setuju = c.execute("SELECT parameter, persetujuan_skp FROM periode WHERE kode = '2026'").fetchone()
    with sqlite3.connect(f"file:{LAMA}?mode=ro", uri=True) as c:
        (param_lama,) = c.execute("SELECT parameter FROM periode WHERE kode = '2026'").fetchone()
    assert json.loads(param_baru) == {**json.loads(param_lama), "penilaian_360": "per-pegawai",
                                      "nama_predikat_pp30_cukup": "Butuh Perbaikan"}
    assert setuju == 1  # the old period has a state row: it keeps the SKP agreement workflow
    with sqlite3.connect(salinan) as c:
        assert {r[0] for r in c.execute("SELECT name FROM _sqlite_migrations")} == {"0001_awal", *baru}
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert kinerja("periode", "daftar", "--db", salinan).exit_code == 0


def test_upgrade_runs_pending_migrations_and_keeps_rows(kinerja, salinan, monkeypatch):
    def tambah_kolom(db):
        db.execute("ALTER TABLE pegawai ADD COLUMN email TEXT")
        db.execute("UPDATE pegawai SET email = lower(replace(nama, ' ', '.')) || '@contoh.go.id'")

    migrasi_sementara(monkeypatch, ("9001_uji_email", tambah_kolom))
    sebelum = isi(salinan)
    r = kinerja("pegawai", "daftar", "--db", salinan)
    assert r.exit_code == 0, r.output
    assert "email" in kolom(salinan, "pegawai")
    with sqlite3.connect(salinan) as c:
        assert c.execute("SELECT COUNT(*) FROM pegawai WHERE email LIKE '%@contoh.go.id'").fetchone()[0] == 4
        assert c.execute("SELECT name FROM _sqlite_migrations ORDER BY id DESC").fetchone()[0] == "9001_uji_email"
    sesudah = isi(salinan, {t: kolom(LAMA, t) for t in ISI_LAMA})  # the old columns (0012 adds sasaran.perspektif)
    assert isi(salinan, {"sasaran": ["perspektif"]})["sasaran"] == ["(None,)"] * ISI_LAMA["sasaran"]
    for t in ISI_LAMA:
        if t not in ("pegawai", "periode", "_sqlite_migrations", "rating_langsung"):  # periode: 0002 adds a
            # column; rating_langsung: 0010 splits its reason (tests/test_alasan_rating.py)
            assert sesudah[t] == sebelum[t], t
    assert len(sesudah["pegawai"]) == 4


def test_failing_upgrade_rolls_back_every_migration_of_the_run(kinerja, salinan, monkeypatch):
    def berhasil(db):
        db.execute("ALTER TABLE pegawai ADD COLUMN email TEXT")

    def gagal_di_tengah(db):
        db.execute("ALTER TABLE sasaran ADD COLUMN catatan TEXT")
        db.execute("UPDATE sasaran SET catatan = 'x'")
        db.execute("INSERT INTO pegawai (nip) VALUES ('rusak')")  # NOT NULL nama: fails halfway

    migrasi_sementara(monkeypatch, ("9001_uji_email", berhasil), ("9002_uji_gagal", gagal_di_tengah))
    sebelum = isi(salinan)
    r = kinerja("pegawai", "daftar", "--db", salinan)
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "Pembaruan skema" in r.stderr and "tidak diubah" in r.stderr
    # one transaction: the first migration of the run is undone too
    assert isi(salinan) == sebelum
    assert "email" not in kolom(salinan, "pegawai") and "catatan" not in kolom(salinan, "sasaran")
    # and the file still opens once the program is fixed
    monkeypatch.setattr(skema.migrasi, "_migrations", list(skema.migrasi._migrations[:-1]))
    r = kinerja("pegawai", "daftar", "--db", salinan, "--format", "json")
    assert r.exit_code == 0 and len(r.json()) == 4
    assert "email" in kolom(salinan, "pegawai")


@pytest.mark.parametrize("jurnal", ["delete", "wal"])
def test_newer_database_refused_byte_identical(kinerja, salinan, jurnal):
    with sqlite3.connect(salinan) as c:
        c.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                  "VALUES ('kinerja', '9999_versi_mendatang', '2030-01-01')")
    with sqlite3.connect(salinan) as c:
        c.execute(f"PRAGMA journal_mode = {jurnal}")
    lalu = 1_700_000_000
    os.utime(salinan, (lalu, lalu))
    sebelum = salinan.read_bytes()
    for perintah in (["pegawai", "daftar"], ["init"], ["pegawai", "impor", salinan.with_name("x.xlsx")]):
        r = kinerja(*perintah, "--db", salinan)
        assert r.exit_code == 1 and "Traceback" not in r.output, perintah
        assert "lebih baru" in r.stderr and "9999_versi_mendatang" in r.stderr and "tidak diubah" in r.stderr
        assert salinan.read_bytes() == sebelum, perintah
        assert salinan.stat().st_mtime == lalu, perintah
    assert sorted(p.name for p in salinan.parent.iterdir()) == ["lama.db"]  # no -wal/-shm left behind


# Issue 14: a pp30 period of an existing database keeps its results. The rows below are added to the first
# release's file with plain sqlite3 (as users' files were written) so that both per-employee cases of the old
# rule occur; EXPECTED is `kinerja nilai -p 2026 --format json` printed by the code before issue 14 (commit
# 934d94c) on the same file, worked by hand:
#   Budi: row 1 C = 97,5 → 87,5 (×60), row 2 no realisasi → 0 (×40): NHK 52,50; atasan only → 70/30:
#         0,7×52,50 + 0,3×100 = 66,75 → Kurang (today's default, 360 ya, would give 0,6×52,5 + 0,4×100 = 71,50).
#   Citra: inside range 80-90 → C 100 → 109; NPK (60×710/7 + 20×585/6)/80 = 100,45; a rekan rated → 60/40:
#         65,40 + 40,18 = 105,58 → Baik.
#   Eko: C 85 → 75; atasan 90 → 70/30: 52,50 + 27,00 = 79,50 → Butuh Perbaikan (the name of that time).
W = "2026-01-15T09:00:00"
BUDI, AHMAD, EKO, CITRA = "198001012005011002", "196711101992031001", "199001012022211005", "198502142010012003"
EXPECTED = {
    BUDI: (52.5, 100.0, 66.75, "Kurang", ["realisasi_kosong", "skp_belum_disetujui"]),
    CITRA: (109.0, 100.45, 105.58, "Baik", ["aspek_tidak_lengkap"]),
    EKO: (75.0, 90.0, 79.5, "Butuh Perbaikan", ["skp_belum_disetujui"]),
    AHMAD: (0.0, 0.0, 0.0, "Sangat Kurang", ["tanpa_sasaran", "tanpa_penilaian_atasan", "tanpa_penilaian_perilaku"]),
}


def test_old_pp30_period_results_identical_after_upgrade(kinerja, salinan):
    with sqlite3.connect(salinan) as c:
        c.execute("INSERT INTO perilaku VALUES ('2026', ?, ?, 'atasan', '100', '100', '100', '100', '100', '100', "
                  "'100', ?)", [BUDI, AHMAD, W])
        c.execute("INSERT INTO sasaran VALUES ('2026', ?, 1, 'utama', 'Arsip tertata', NULL, 'kuantitas', 'Berkas', "
                  "'10', NULL, 'berkas', '100', 'naik', 0, ?)", [EKO, W])
        c.execute("INSERT INTO realisasi VALUES ('2026', ?, 1, '8.5', NULL, ?)", [EKO, W])
        c.execute("INSERT INTO perilaku VALUES ('2026', ?, ?, 'atasan', '90', '90', '90', '90', '90', '90', '90', ?)",
                  [EKO, BUDI, W])
    r = kinerja("nilai", "-p", "2026", "--db", salinan, "--format", "json")
    assert r.exit_code == 0, r.output
    assert {x["nip"]: (x["nhk"], x["npk"], x["na"], x["predikat"], x["catatan"]) for x in r.json()} == EXPECTED
    a = {x["kunci"]: x["nilai"] for x in kinerja("aturan", "-p", "2026", "--db", salinan, "--format", "json").json()}
    assert a["penilaian_360"].startswith("per-pegawai (aturan periode lama)")
    assert "≥ 70 Butuh Perbaikan" in a["predikat_pp30"]
    # a period created now in the same file follows today's rules
    assert kinerja("periode", "buat", "2027", "--db", salinan).exit_code == 0
    a = {x["kunci"]: x["nilai"] for x in kinerja("aturan", "-p", "2027", "--db", salinan, "--format", "json").json()}
    assert a["metode"] == "permenpan6" and a["penilaian_360"].startswith("ya") and "≥ 70 Cukup" in a["predikat_pp30"]
