"""`kinerja umpan-balik` and `kinerja inovasi`: record, import (dedupe), list."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from conftest import KADIS, SEKDA, STAF1, STAF2, buat_xlsx

TIDAK_ADA = "199912312020121999"


def _n(db_path, tabel):
    with sqlite3.connect(db_path) as c:
        return c.execute(f"SELECT COUNT(*) FROM {tabel}").fetchone()[0]


def _semua(db_path, sql):
    with sqlite3.connect(db_path) as c:
        return c.execute(sql).fetchall()


@pytest.fixture
def siap(db_periode, kinerja):
    return db_periode


def test_feedback_record_list_and_dedupe(siap, kinerja, db_path):
    r = kinerja("umpan-balik", "catat", STAF1, "--periode", "2026", "--dari", KADIS, "Laporan tepat waktu",
                "--tanggal", "31/03/2026")
    assert r.exit_code == 0, r.output
    assert _semua(db_path, "SELECT periode, nip, dari, tanggal, teks FROM umpan_balik") == [
        ("2026", STAF1, KADIS, "2026-03-31", "Laporan tepat waktu")]
    r = kinerja("umpan-balik", "catat", STAF1, "--periode", "2026", "--dari", KADIS, "  Laporan tepat waktu ",
                "--tanggal", "2026-03-31")
    assert r.exit_code == 0 and "sudah tercatat" in r.stderr and _n(db_path, "umpan_balik") == 1
    r = kinerja("umpan-balik", "catat", STAF2, "--periode", "2026", "--dari", "19800101 200501 1 002", "Perlu teliti")
    assert r.exit_code == 0
    assert _semua(db_path, f"SELECT tanggal FROM umpan_balik WHERE nip = '{STAF2}'") == [(date.today().isoformat(),)]
    d = kinerja("umpan-balik", "daftar", "--periode", "2026", "--nip", STAF1, "--format", "json").json()
    assert [(x["dari"], x["nama_dari"], x["teks"]) for x in d] == [(KADIS, "Budi Santoso, S.E.", "Laporan tepat waktu")]
    assert len(kinerja("umpan-balik", "daftar", "--unit", "dpmptsp", "--format", "json").json()) == 2
    assert kinerja("umpan-balik", "daftar", "--unit", "Sekretariat Daerah", "--format", "json").json() == []
    h = kinerja("riwayat", "--nip", STAF1, "--format", "json").json()[0]
    assert h["tabel"] == "umpan_balik" and h["aksi"] == "tambah"


def test_feedback_record_refusals(siap, kinerja, db_path):
    def catat(nip, dari, teks, *lain):
        return kinerja("umpan-balik", "catat", nip, "--periode", "2026", "--dari", dari, teks, *lain)

    r = catat(STAF1, KADIS, "   ")
    assert r.exit_code == 1 and "kosong" in r.stderr
    r = catat(STAF1, STAF1, "bagus")
    assert r.exit_code == 1 and "sama dengan pegawai" in r.stderr
    r = catat(STAF1, TIDAK_ADA, "bagus")
    assert r.exit_code == 1 and "tidak ada di basis data" in r.stderr
    r = catat(STAF1, KADIS, "bagus", "--tanggal", "31-02-2026")
    assert r.exit_code == 1 and "tidak ada di kalender" in r.stderr
    r = catat(STAF1, KADIS, "bagus", "--tanggal", "kemarin")
    assert r.exit_code == 1 and "tidak dikenal" in r.stderr
    assert _n(db_path, "umpan_balik") == 0
    r = catat(STAF1, KADIS, "bagus", "--tanggal", "2025-12-31")
    assert r.exit_code == 0 and "di luar periode" in r.stderr


JUDUL_UB = ["NIP", "NIP Pemberi", "Tanggal", "Umpan Balik"]


def test_feedback_import_dates_and_reimport_adds_nothing(siap, kinerja, tmp_path, db_path):
    rows = [JUDUL_UB,
            [STAF1, KADIS, datetime(2026, 2, 1), "Tepat waktu"],
            [STAF2, KADIS, "2026-02-02", "Perlu teliti"],
            [STAF2, KADIS, "03/02/2026", "Rapi"],
            [KADIS, SEKDA, None, "Koordinasi baik"],
            [STAF1, KADIS, datetime(2026, 2, 1), "Tepat waktu"]]  # same note twice in the file
    f = buat_xlsx(tmp_path / "ub.xlsx", {"Umpan Balik": rows})
    r = kinerja("umpan-balik", "impor", f, "--periode", "2026")
    assert r.exit_code == 0, r.output
    assert "4 ditambah" in r.stderr and "dicatat sekali" in r.stderr
    assert sorted(_semua(db_path, "SELECT nip, tanggal, teks FROM umpan_balik")) == sorted([
        (STAF1, "2026-02-01", "Tepat waktu"), (STAF2, "2026-02-02", "Perlu teliti"), (STAF2, "2026-02-03", "Rapi"),
        (KADIS, date.today().isoformat(), "Koordinasi baik")])
    audit = _n(db_path, "audit")
    r = kinerja("umpan-balik", "impor", f, "--periode", "2026")
    assert r.exit_code == 0 and "0 ditambah, 4 sudah tercatat" in r.stderr
    assert _n(db_path, "umpan_balik") == 4 and _n(db_path, "audit") == audit


def test_feedback_import_errors_write_nothing(siap, kinerja, tmp_path, db_path):
    rows = [JUDUL_UB,
            [STAF1, KADIS, "2026-02-01", "Baik"],
            [int(STAF2), KADIS, "2026-02-01", "Baik"],
            [STAF2, TIDAK_ADA, "2026-02-01", "Baik"],
            [STAF2, KADIS, "32/01/2026", "Baik"],
            [STAF2, KADIS, 46000, "Baik"],
            [STAF2, KADIS, "2026-02-01", None]]
    r = kinerja("umpan-balik", "impor", buat_xlsx(tmp_path / "b.xlsx", {"Umpan Balik": rows}), "--periode", "2026")
    assert r.exit_code == 1
    for potongan in ("tersimpan sebagai angka", "tidak ada di daftar", "tidak ada di kalender",
                     "tanggal berisi angka", "kosong", "Tidak ada data yang ditulis"):
        assert potongan in r.stderr, potongan
    assert _n(db_path, "umpan_balik") == 0
    salah = buat_xlsx(tmp_path / "s.xlsx", {"Umpan Balik": [["NIP", "Isi"], [STAF1, "x"]]})
    r = kinerja("umpan-balik", "impor", salah, "--periode", "2026")
    assert r.exit_code == 1 and "kolom wajib tidak ditemukan" in r.stderr
    bukan = tmp_path / "ub.xlsx"
    bukan.write_text("bukan excel")
    r = kinerja("umpan-balik", "impor", bukan, "--periode", "2026")
    assert r.exit_code == 1 and "bukan berkas Excel" in r.stderr


def test_innovation_record_import_list(siap, kinerja, tmp_path, db_path):
    r = kinerja("inovasi", "catat", STAF1, "--periode", "2026", "Izin daring 1 hari", "--tanggal", "2026-05-01")
    assert r.exit_code == 0, r.output
    r = kinerja("inovasi", "catat", STAF1, "--periode", "2026", "Izin daring 1 hari", "--tanggal", "2026-06-01")
    assert "sudah tercatat" in r.stderr and _n(db_path, "inovasi") == 1
    r = kinerja("inovasi", "catat", STAF1, "--periode", "2026", " ")
    assert r.exit_code == 1 and "kosong" in r.stderr
    rows = [["NIP", "Uraian Inovasi", "Tanggal"],
            [STAF1, "Izin daring 1 hari", "01/05/2026"],
            [STAF2, "Arsip digital", datetime(2026, 7, 1)],
            [KADIS, "Mal pelayanan", None]]
    f = buat_xlsx(tmp_path / "inov.xlsx", {"Inovasi": rows})
    r = kinerja("inovasi", "impor", f, "--periode", "2026")
    assert r.exit_code == 0 and "2 ditambah, 1 sudah tercatat" in r.stderr
    r = kinerja("inovasi", "impor", f, "--periode", "2026")
    assert "0 ditambah, 3 sudah tercatat" in r.stderr and _n(db_path, "inovasi") == 3
    d = kinerja("inovasi", "daftar", "--periode", "2026", "--nip", STAF2, "--format", "json").json()
    assert [(x["uraian"], x["tanggal"]) for x in d] == [("Arsip digital", "2026-07-01")]
    from kinerja_cli.store.catatan import nip_berinovasi
    from kinerja_cli.store.db import buka_db

    db = buka_db(db_path)
    assert nip_berinovasi(db, "2026") == {STAF1, STAF2, KADIS}
    db.close()
    rows = [["NIP", "Uraian Inovasi"], [TIDAK_ADA, "x"], [STAF1, None]]
    r = kinerja("inovasi", "impor", buat_xlsx(tmp_path / "b.xlsx", {"Inovasi": rows}), "--periode", "2026")
    assert r.exit_code == 1 and "tidak ada di daftar" in r.stderr and "kosong" in r.stderr
    assert _n(db_path, "inovasi") == 3


def test_closed_period_refuses_notes(siap, kinerja, tmp_path, db_path):
    kinerja("periode", "tutup", "2026", "--ya")
    audit = _n(db_path, "audit")
    r = kinerja("umpan-balik", "catat", STAF1, "--periode", "2026", "--dari", KADIS, "bagus")
    assert r.exit_code == 1 and "sudah ditutup" in r.stderr
    r = kinerja("inovasi", "catat", STAF1, "--periode", "2026", "Izin daring")
    assert r.exit_code == 1 and "sudah ditutup" in r.stderr
    f = buat_xlsx(tmp_path / "ub.xlsx", {"Umpan Balik": [JUDUL_UB, [STAF1, KADIS, "2026-01-02", "x"]]})
    r = kinerja("umpan-balik", "impor", f, "--periode", "2026")
    assert r.exit_code == 1 and "sudah ditutup" in r.stderr
    f = buat_xlsx(tmp_path / "in.xlsx", {"Inovasi": [["NIP", "Uraian Inovasi"], [STAF1, "x"]]})
    r = kinerja("inovasi", "impor", f, "--periode", "2026")
    assert r.exit_code == 1 and "sudah ditutup" in r.stderr
    assert _n(db_path, "umpan_balik") == 0 and _n(db_path, "inovasi") == 0 and _n(db_path, "audit") == audit


def test_feedback_import_refused_writes_marked_copy(siap, kinerja, tmp_path, db_path):
    import openpyxl

    rows = [JUDUL_UB, [STAF1, KADIS, "2026-02-01", "Baik"], [STAF2, KADIS, "32/01/2026", "Baik"]]
    f = buat_xlsx(tmp_path / "ub.xlsx", {"Umpan Balik": rows})
    tanda = tmp_path / "ub.galat.xlsx"
    r = kinerja("umpan-balik", "impor", f, "--periode", "2026", "--tandai", tanda)
    assert r.exit_code == 1 and tanda.exists()
    ws = openpyxl.load_workbook(tanda)["Umpan Balik"]
    sel = ws["C3"]
    assert sel.comment is not None and "kalender" in sel.comment.text
    assert _n(db_path, "umpan_balik") == 0
