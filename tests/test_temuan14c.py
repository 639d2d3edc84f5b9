"""Re-tester findings on issue 14 (h14): saran counts leave out people without data (Q1), one pejabat penilai
per rating (Q3, migration 0014_rating_oleh_per_rating), the Rating import's error-cell column (Q2), the
penilaian-360 wording under permenpan6 (Q4), and smaller texts (Q5)."""

from __future__ import annotations

import json
import sqlite3

from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2
from data_nilai import isi


def _satu(teks: str) -> str:
    return " ".join(teks.split())


def _tetapkan(kinerja, nip, *args):
    r = kinerja("rating", "tetapkan", nip, "-p", "2026", *args)
    assert r.exit_code == 0, r.output
    return r


# --- Q1: a result without any data is "belum punya data", never "still saran" ---------------------------

def test_no_data_is_not_counted_as_saran_anywhere(db_siap, kinerja, db_path):
    """data_nilai: SEKDA has no data at all; STAF1's ratings set → saran: STAF2, PPPK1, KADIS (3), not SEKDA."""
    assert kinerja("periode", "buat", "2026").exit_code == 0
    isi(db_path)
    _tetapkan(kinerja, STAF1, "--hasil-kerja", "di-atas", "--perilaku", "sesuai", "--alasan", "bukti dukung")
    rows = {b["nip"]: b for b in kinerja("nilai", "-p", "2026", "--format", "json").json()}
    assert "rating_belum_ditetapkan" not in rows[SEKDA]["catatan"]
    assert [n for n, b in rows.items() if "rating_belum_ditetapkan" in b["catatan"]] == sorted(
        [STAF2, PPPK1, KADIS], key=list(rows).index)
    st = kinerja("status", "-p", "2026", "--format", "json").json()
    assert {u["unit"]: u["rating_belum_ditetapkan"] for u in st} == {"Sekretariat Daerah": 0, "DPMPTSP": 3}
    rinci = {b["nip"]: b for b in kinerja("status", "-p", "2026", "--rinci", "--format", "json").json()}
    assert "rating masih saran" not in rinci[SEKDA]["kurang"]
    assert "rating masih saran" in rinci[STAF2]["kurang"]
    r = kinerja("periode", "tutup", "2026", "--ya")
    assert r.exit_code == 0, r.output
    t = _satu(r.stderr)
    assert "3 hasil dibekukan masih berupa saran rating" in t
    assert "(1 tanpa data sama sekali)" in t


# --- Q3: each rating keeps its own pejabat penilai ------------------------------------------------------

def _ubah_atasan(kinerja, tmp_path, nip, atasan):
    from conftest import HEADER_PEGAWAI, ROSTER, buat_xlsx

    roster = [[*b[:6], atasan if b[0] == nip else b[6], b[7]] for b in ROSTER]
    r = kinerja("pegawai", "impor", str(buat_xlsx(tmp_path / "pegawai2.xlsx", {"Pegawai": [HEADER_PEGAWAI, *roster]})))
    assert r.exit_code == 0, r.output


def test_each_rating_keeps_its_pejabat_penilai(db_siap, kinerja, db_path, tmp_path):
    """The Kadis sets STAF2's hasil kerja; STAF2's atasan becomes the Sekda; the Sekda sets perilaku."""
    assert kinerja("periode", "buat", "2026").exit_code == 0
    isi(db_path)
    _tetapkan(kinerja, STAF2, "--hasil-kerja", "sesuai", "--alasan", "arsip tertata")
    _ubah_atasan(kinerja, tmp_path, STAF2, SEKDA)
    _tetapkan(kinerja, STAF2, "--perilaku", "di-atas", "--alasan", "teladan")
    d = {b["nip"]: b for b in kinerja("rating", "daftar", "-p", "2026", "--format", "json").json()}[STAF2]
    assert (d["oleh_hasil_kerja"], d["nama_oleh_hasil_kerja"]) == (KADIS, "Budi Santoso, S.E.")
    assert (d["oleh_perilaku"], d["nama_oleh_perilaku"]) == (SEKDA, "Drs. H. Ahmad Yani")
    assert d["oleh"] == SEKDA  # kept for scripts: who last set a rating
    t = _satu(kinerja("rating", "daftar", "-p", "2026").output)
    assert "Budi" in t and "Ahmad" in t  # each rating's own pejabat penilai
    rinci = _satu(kinerja("nilai", "-p", "2026", "--nip", STAF2, "--rinci").output)
    assert "Rating hasil kerja: Sesuai Ekspektasi (ditetapkan pejabat penilai Budi Santoso, S.E. (198001012005011002);" in rinci
    assert "Rating perilaku kerja: Di Atas Ekspektasi (ditetapkan pejabat penilai Drs. H. Ahmad Yani (196711101992031001);" in rinci
    f = tmp_path / "r.xlsx"
    assert kinerja("ekspor", "rekap", str(f), "-p", "2026").exit_code == 0
    import openpyxl

    sel = [c.value for row in openpyxl.load_workbook(f)["Rekap"].iter_rows() for c in row
           if isinstance(c.value, str) and "ditetapkan" in c.value and "arsip tertata" in c.value]
    assert sel and ("rating hasil kerja ditetapkan Budi Santoso, S.E. (198001012005011002): arsip tertata; "
                    "rating perilaku kerja ditetapkan Drs. H. Ahmad Yani (196711101992031001): teladan") in sel[0]


def test_migration_0014_from_a_0013_database(kinerja, db_path, tmp_path, monkeypatch):
    """A database at 0013 made by today's migrations: a period with ratings (both, one, none with an oleh) and a
    period closed with the snapshot rows of tests/data/snapshot-head.jsonl; opened by today's code: every row
    kept, oleh copied to the ratings each row holds, integrity and foreign keys clean, the snapshot read."""
    from pathlib import Path

    from conftest import HEADER_PEGAWAI, ROSTER, buat_xlsx
    from kinerja_cli.store import skema

    semua = list(skema.migrasi._migrations)
    assert semua[-1].name == "0014_rating_oleh_per_rating"
    monkeypatch.setattr(skema.migrasi, "_migrations", [m for m in semua if m.name != "0014_rating_oleh_per_rating"])
    assert kinerja("init").exit_code == 0
    f = buat_xlsx(tmp_path / "pegawai.xlsx", {"Pegawai": [HEADER_PEGAWAI, *ROSTER]})
    assert kinerja("pegawai", "impor", str(f)).exit_code == 0
    assert kinerja("periode", "buat", "2026").exit_code == 0
    assert kinerja("periode", "buat", "2025").exit_code == 0
    lama = (Path(__file__).parent / "data" / "snapshot-head.jsonl").read_text(encoding="utf-8").splitlines()
    with sqlite3.connect(db_path) as c:
        assert "oleh_perilaku" not in {r[1] for r in c.execute("PRAGMA table_info(rating_langsung)")}
        c.executemany("INSERT INTO rating_langsung (periode, nip, hasil_kerja, perilaku, alasan_hasil_kerja,"
                      " alasan_perilaku, oleh, diubah) VALUES ('2026', ?, ?, ?, ?, ?, ?, '2026-02-01T00:00:00')", [
                          (STAF1, "di-atas", "sesuai", "a", "a", KADIS), (STAF2, None, "sesuai", None, "b", KADIS),
                          (PPPK1, "di-bawah", None, "c", None, None)])
        c.execute("UPDATE periode SET status = 'ditutup' WHERE kode = '2025'")
        c.executemany("INSERT INTO hasil_snapshot (periode, nip, data) VALUES ('2025', ?, ?)",
                      [(json.loads(t)["pegawai"]["nip"], t) for t in lama])
        sebelum = {t: c.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2').fetchall()
                   for (t,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                                         " AND name != '_sqlite_migrations'").fetchall()}
    monkeypatch.setattr(skema.migrasi, "_migrations", semua)
    d = {b["nip"]: b for b in kinerja("rating", "daftar", "-p", "2026", "--format", "json").json()}
    assert [(d[n]["oleh"], d[n]["oleh_hasil_kerja"], d[n]["oleh_perilaku"]) for n in (STAF1, STAF2, PPPK1)] == [
        (KADIS, KADIS, KADIS), (KADIS, None, KADIS), (None, None, None)]
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT name FROM _sqlite_migrations ORDER BY id DESC").fetchone()[0] == \
            "0014_rating_oleh_per_rating"
        for t, rows in sebelum.items():
            n = len(rows[0]) if rows else 0
            assert [r[:n] for r in c.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2')] == rows, t
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
        assert [r[0] for r in c.execute("SELECT data FROM hasil_snapshot WHERE periode = '2025' ORDER BY rowid")] == lama
    n = {b["nip"]: b for b in kinerja("nilai", "-p", "2025", "--format", "json").json()}
    penuh = json.loads(lama[1])["pegawai"]["nip"]
    assert (n[penuh]["nhk"], n[penuh]["npk"], n[penuh]["predikat"]) == (109.63, 87.39, "Baik")
    assert n[penuh]["rating_hasil_kerja_langsung"] is True
    from kinerja_cli.model import Rekaman

    lg = Rekaman.dari_dict(json.loads(lama[1])).rating_langsung  # closed before 0014: no pejabat penilai recorded
    assert lg.hasil_kerja and lg.pejabat("hasil_kerja") is None


# --- Q2: an Excel error cell is named by the column's heading -------------------------------------------

def test_rating_impor_error_cell_named_by_heading(db_siap, kinerja, db_path, tmp_path):
    from conftest import buat_xlsx

    assert kinerja("periode", "buat", "2026").exit_code == 0
    isi(db_path)
    f = buat_xlsx(tmp_path / "r.xlsx", {"Rating": [
        ["NIP", "Nama", "Rating Hasil Kerja", "Rating Perilaku", "Alasan", "NIP Pejabat Penilai"],
        [STAF2, "Dewi Sartika", "#N/A", "Sesuai Ekspektasi", "x", KADIS]]})
    r = kinerja("rating", "impor", str(f), "-p", "2026")
    assert r.exit_code == 1, r.output
    t = _satu(r.output)
    assert "Sel Rating!C2 berisi galat Excel #N/A, bukan nilai" in t
    assert "C (Rating Hasil Kerja)" in t and "(rating hk)" not in t
