"""The streaming path of `realisasi impor` and `perilaku impor`: rows read once, good rows staged in a
TEMP table in batches, then one transaction. Batches are made tiny here (UKURAN_BATCH) so that every
test crosses batch boundaries; the results must be the same as with one batch."""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager

import pytest
from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2, buat_xlsx

from kinerja_cli.services import impor_umum
from kinerja_cli.services import perilaku as layanan_perilaku
from kinerja_cli.services import realisasi as layanan_realisasi
from kinerja_cli.store import audit_json

HS = ["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]
HR = ["NIP", "Nama", "Nomor", "Realisasi", "Bukti"]
HP = ["NIP", "NIP Penilai", "Peran", "Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal",
      "Adaptif", "Kolaboratif"]


@pytest.fixture
def siap(db_periode, kinerja, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "2000")
    skp = [[nip, no, "RHK", "Indikator", 100, "%" if no == 1 else "dokumen", 50]
           for nip in (KADIS, STAF1, STAF2, PPPK1) for no in (1, 2)]
    r = kinerja("sasaran", "impor", buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [HS, *skp]}), "--periode", "2026")
    assert r.exit_code == 0, r.output
    return db_periode


@pytest.fixture
def batch_kecil(monkeypatch):
    monkeypatch.setattr(layanan_realisasi, "UKURAN_BATCH", 2)
    monkeypatch.setattr(layanan_perilaku, "UKURAN_BATCH", 1)


def q(db_path, sql, *args):
    with sqlite3.connect(db_path) as c:
        return c.execute(sql, args).fetchall()


def isi_db(db_path):
    """Everything the imports write, without timestamps, in write order."""
    return (q(db_path, "SELECT nip, nomor, nilai, bukti FROM realisasi ORDER BY rowid"),
            [r[:-1] for r in q(db_path, "SELECT * FROM perilaku ORDER BY rowid")],
            q(db_path, "SELECT tabel, kunci, aksi, lama, baru, nip FROM audit ORDER BY id"))


def realisasi(kinerja, tmp_path, rows, nama, *opsi, header=HR):
    return kinerja("realisasi", "impor", buat_xlsx(tmp_path / nama, {"Realisasi": [header, *rows]}),
                   "--periode", "2026", *opsi)


def perilaku(kinerja, tmp_path, rows, nama, *opsi):
    return kinerja("perilaku", "impor", buat_xlsx(tmp_path / nama, {"Perilaku": [HP, *rows]}), "--periode", "2026", *opsi)


REAL = [[KADIS, "", 1, 95, "a.pdf"], [KADIS, "", 2, "12,5", None], [STAF1, "", 1, 100.25, None],
        [STAF1, "", 2, 7, "b"], [STAF2, "", 1, 0, None], [PPPK1, "", 2, 3, None], [STAF2, "", 2, None, None]]
PER = [[STAF1, KADIS, "atasan", 100, 90, None, 110, 95.5, "99,5", 0], [STAF1, STAF2, "rekan", *[90] * 7],
       [STAF2, KADIS, "atasan", 101, *[None] * 6], [KADIS, STAF1, "bawahan", *[88] * 7],
       [STAF2, STAF2, "diri", *[120] * 7]]


def test_small_batches_write_what_one_batch_writes(siap, kinerja, tmp_path, db_path, monkeypatch):
    """Import, re-import with changes, re-import unchanged: with batches of 1-2 rows and with one
    batch, the rows, their order and every audit entry are the same."""
    ubah_r = [list(x) for x in REAL]
    ubah_r[1][3], ubah_r[2][4], ubah_r[6][3] = 13, "baru.pdf", 4  # value, bukti, a new row
    ubah_p = [list(x) for x in PER]
    ubah_p[0][4], ubah_p[2][2] = None, "rekan"
    ubah_p.append([PPPK1, KADIS, "atasan", *[100] * 7])

    def semua(nama_db, kecil):
        with monkeypatch.context() as m:
            m.setenv("KINERJA_DB", str(tmp_path / nama_db))
            if kecil:
                m.setattr(layanan_realisasi, "UKURAN_BATCH", 2)
                m.setattr(layanan_perilaku, "UKURAN_BATCH", 1)
            hasil = []
            for i, (r, p) in enumerate([(REAL, PER), (ubah_r, ubah_p), (ubah_r, ubah_p)]):
                hasil.append(realisasi(kinerja, tmp_path, r, f"r{i}.xlsx").stderr.splitlines()[-1])
                hasil.append(perilaku(kinerja, tmp_path, p, f"p{i}.xlsx").stderr.splitlines()[-1])
            return hasil, isi_db(tmp_path / nama_db)

    for nama in ("satu.db", "kecil.db"):  # copies of the prepared database (sqlite backup: WAL included)
        with sqlite3.connect(db_path) as src, sqlite3.connect(tmp_path / nama) as dst:
            src.backup(dst)
    besar, kecil = semua("satu.db", False), semua("kecil.db", True)
    assert kecil == besar
    pesan, (rows_r, rows_p, log) = kecil
    assert "realisasi 6 ditambah, 0 diubah, 0 tetap, 1 belum diisi" in pesan[0]
    assert "realisasi 1 ditambah, 2 diubah, 4 tetap" in pesan[2] and "0 ditambah, 0 diubah, 7 tetap" in pesan[4]
    assert "5 ditambah, 0 diubah, 0 tetap" in pesan[1] and "1 ditambah, 2 diubah, 3 tetap" in pesan[3]
    assert "0 ditambah, 0 diubah, 6 tetap" in pesan[5]
    assert rows_r[:3] == [(KADIS, 1, "95", "a.pdf"), (KADIS, 2, "13", None), (STAF1, 1, "100.25", "baru.pdf")]
    assert (STAF2, 2, "4", None) in rows_r
    per = [(x[1], x[2], x[3]) for x in rows_p]
    assert (STAF2, STAF2, "diri") in per and (STAF2, KADIS, "rekan") in per  # self-rating kept
    ubah = [x for x in log if x[2] == "ubah"]
    assert [(x[0], x[1]) for x in ubah] == [("realisasi", f"2026/{KADIS}/2"), ("realisasi", f"2026/{STAF1}/1"),
                                            ("perilaku", f"2026/{STAF1}/{KADIS}"), ("perilaku", f"2026/{STAF2}/{KADIS}")]
    assert json.loads(ubah[0][3]) == {"nilai": "12.5", "bukti": None} and json.loads(ubah[0][4])["nilai"] == "13"
    assert json.loads(ubah[2][3])["akuntabel"] == "90" and json.loads(ubah[2][4])["akuntabel"] is None


@pytest.mark.parametrize("jenis", ["realisasi", "perilaku"])
def test_refused_after_staged_batches_changes_nothing(siap, kinerja, tmp_path, db_path, batch_kecil, jenis):
    """Good rows are staged batch after batch before the error at the end is found: the refusal
    still leaves every table and the audit log as they were."""
    if jenis == "realisasi":
        assert realisasi(kinerja, tmp_path, REAL[:3], "awal.xlsx").exit_code == 0
        rows = [list(x) for x in REAL]
        rows[0][3] = 96
        rows.append([STAF1, "", 1, "sembilan", None])  # also a duplicate of row 4
        r = realisasi(kinerja, tmp_path, rows, "buruk.xlsx")
    else:
        assert perilaku(kinerja, tmp_path, PER[:2], "awal.xlsx").exit_code == 0
        rows = [list(x) for x in PER]
        rows[0][3] = 96
        rows.append([STAF1, KADIS, "atasan", 121, *[None] * 6])
        r = perilaku(kinerja, tmp_path, rows, "buruk.xlsx")
    sebelum = isi_db(db_path)
    assert r.exit_code == 1 and "Tidak ada data yang ditulis" in r.stderr
    assert isi_db(db_path) == sebelum
    r = (realisasi if jenis == "realisasi" else perilaku)(kinerja, tmp_path, rows, "uji.xlsx", "--dry-run")
    assert r.exit_code == 1 and isi_db(db_path) == sebelum


def test_refused_import_leaves_no_staging_table(siap, tmp_path, db_path, batch_kecil):
    from kinerja_cli.errors import ImporDitolak
    from kinerja_cli.store.db import buka_db

    db = buka_db(db_path)
    try:
        f = buat_xlsx(tmp_path / "b.xlsx", {"Realisasi": [HR, *REAL, [KADIS, "", 9, 1, None]]})
        with pytest.raises(ImporDitolak):
            layanan_realisasi.impor(db, f, "2026")
        g = buat_xlsx(tmp_path / "p.xlsx", {"Perilaku": [HP, *PER, [STAF1, STAF1, "rekan", 1]]})
        with pytest.raises(ImporDitolak):
            layanan_perilaku.impor(db, g, "2026")
        assert db.execute("SELECT name FROM sqlite_temp_master").fetchall() == []
        assert not db.conn.in_transaction
        h = layanan_realisasi.impor(db, f, "2026", lewati_galat=True)
        assert h.ditambah == 6 and db.execute("SELECT name FROM sqlite_temp_master").fetchall() == []
    finally:
        db.close()


def test_duplicate_of_a_row_staged_in_an_earlier_batch(siap, kinerja, tmp_path, db_path, batch_kecil):
    """Both rows of a duplicate rater pair are skipped, even when the first one was already staged."""
    rows = [PER[0], PER[1], [STAF1, KADIS, "atasan", *[70] * 7], PER[3], [STAF1, KADIS, "atasan", *[71] * 7]]
    r = perilaku(kinerja, tmp_path, rows, "ganda.xlsx")
    assert r.exit_code == 1 and "ganda: sudah ada di baris 2" in r.stderr and r.stderr.count("ganda: sudah ada di baris 2") == 2
    r = perilaku(kinerja, tmp_path, rows, "ganda2.xlsx", "--lewati-galat")
    assert r.exit_code == 0 and "2 ditambah, 0 diubah, 0 tetap, 3 baris dilewati" in r.stderr
    assert sorted((x[1], x[2]) for x in q(db_path, "SELECT * FROM perilaku")) == [(KADIS, STAF1), (STAF1, STAF2)]


def test_realisasi_duplicate_nomor_across_batches(siap, kinerja, tmp_path, db_path, batch_kecil):
    rows = [*REAL[:5], [KADIS, "", 1, 50, None]]
    r = realisasi(kinerja, tmp_path, rows, "ganda.xlsx", "--lewati-galat")
    assert r.exit_code == 0 and f"Realisasi NIP {KADIS} nomor 1 ganda: sudah ada di baris 2" in r.stderr
    assert q(db_path, "SELECT nilai FROM realisasi WHERE nip = ? AND nomor = 1", KADIS) == [("95",)]


def test_stored_number_written_differently_is_unchanged(siap, kinerja, tmp_path, db_path):
    assert realisasi(kinerja, tmp_path, REAL, "a.xlsx").exit_code == 0
    with sqlite3.connect(db_path) as c:  # e.g. written by an older version: same number, other text
        c.execute("UPDATE realisasi SET nilai = '100.250' WHERE nip = ? AND nomor = 1", [STAF1])
    audit0 = q(db_path, "SELECT COUNT(*) FROM audit")
    r = realisasi(kinerja, tmp_path, REAL, "b.xlsx")
    assert "0 ditambah, 0 diubah, 6 tetap" in r.stderr and q(db_path, "SELECT COUNT(*) FROM audit") == audit0


def test_without_bukti_column_the_stored_bukti_is_kept(siap, kinerja, tmp_path, db_path, batch_kecil):
    assert realisasi(kinerja, tmp_path, REAL, "a.xlsx").exit_code == 0
    rows = [[KADIS, "", 1, 94], [KADIS, "", 2, "12,5"], [STAF2, "", 2, 1]]
    r = realisasi(kinerja, tmp_path, rows, "b.xlsx", header=HR[:4])
    assert "1 ditambah, 1 diubah, 1 tetap" in r.stderr
    assert q(db_path, "SELECT nilai, bukti FROM realisasi WHERE nip = ? AND nomor = 1", KADIS) == [("94", "a.pdf")]
    lama, baru = q(db_path, "SELECT lama, baru FROM audit WHERE aksi = 'ubah'")[0]
    assert (lama, baru) == ('{"bukti": "a.pdf", "nilai": "95"}', '{"bukti": "a.pdf", "nilai": "94"}')


def test_dry_run_of_a_reimport_counts_and_writes_nothing(siap, kinerja, tmp_path, db_path, batch_kecil):
    assert realisasi(kinerja, tmp_path, REAL[:2], "a.xlsx").exit_code == 0
    assert perilaku(kinerja, tmp_path, PER[:2], "a.xlsx").exit_code == 0
    sebelum = isi_db(db_path)
    rows = [list(x) for x in REAL]
    rows[0][3] = 1
    r = realisasi(kinerja, tmp_path, rows, "b.xlsx", "--dry-run")
    assert "Uji coba" in r.stderr and "4 ditambah, 1 diubah, 1 tetap" in r.stderr
    r = perilaku(kinerja, tmp_path, PER, "b.xlsx", "--dry-run")
    assert "Uji coba" in r.stderr and "3 ditambah, 0 diubah, 2 tetap" in r.stderr
    assert isi_db(db_path) == sebelum


@pytest.mark.parametrize("jenis", ["realisasi", "perilaku"])
def test_rows_come_through_the_streaming_reader_once(siap, kinerja, tmp_path, db_path, monkeypatch, jenis):
    asli = impor_umum.alir
    dibaca = []

    @contextmanager
    def alir(*args, **kw):
        with asli(*args, **kw) as isi:
            sumber = isi.baris

            def satu_kali():
                for b in sumber:
                    dibaca.append(b.baris)
                    yield b

            isi.baris = satu_kali()
            yield isi

    monkeypatch.setattr(impor_umum, "alir", alir)
    if jenis == "realisasi":
        r = realisasi(kinerja, tmp_path, REAL, "a.xlsx")
    else:
        r = perilaku(kinerja, tmp_path, PER, "a.xlsx")
    assert r.exit_code == 0, r.output
    n = len(REAL if jenis == "realisasi" else PER)
    assert dibaca == list(range(2, n + 2))


def test_audit_json_is_what_json_dumps_writes():
    kunci = ("adaptif", "akuntabel", "peran")
    buat = audit_json.pembuat_objek(kunci)
    for nilai in [("1", None, "atasan"), ('"\\', "\n\t\x00\x1f\x7f", "é€😀\u2028"), (None, None, None), ("", " ", "/")]:
        harap = json.dumps(dict(zip(kunci, nilai)), ensure_ascii=False, sort_keys=True, default=str)
        assert audit_json.objek(kunci, nilai) == harap == buat(nilai)
    assert layanan_realisasi._json_audit("95.5", 'a"b') == json.dumps({"nilai": "95.5", "bukti": 'a"b'},
                                                                      ensure_ascii=False, sort_keys=True)
    assert SEKDA  # the roster fixture's NIPs are the ones used above
