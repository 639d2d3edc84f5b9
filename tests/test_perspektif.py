"""The Perspektif of an SKP row (Balanced Scorecard, the SKP of a JPT, PermenPANRB 6/2022) through every
layer: sheet import, --tandai, `sasaran tambah|daftar|salin`, the audit log, the template, the result
record and the SKP document; real workbooks and a real database."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess

import openpyxl
import pytest
from cetak_bantu import cetak_pdf
from conftest import KADIS, STAF1, STAF2, buat_xlsx

H = ["NIP", "Nama", "Nomor", "RHK", "Aspek", "Perspektif", "Indikator", "Target", "Satuan", "Bobot (%)"]
H_LAMA = [h for h in H if h != "Perspektif"]  # a workbook made before the column existed


def baris(nip, nomor, rhk, persp, bobot, target=100):
    return [nip, "x", nomor, rhk, None, persp, f"Indikator {rhk}", target, "dokumen", bobot]


def lama(r):
    return [v for h, v in zip(H, r) if h != "Perspektif"]


KADIS_ROWS = [baris(KADIS, 1, "Layanan perizinan prima", "Perspektif Penerima Layanan", 40),
              baris(KADIS, 2, "Proses izin daring", "proses bisnis", 30),
              baris(KADIS, 3, "SDM kompeten", "PENGUATAN INTERNAL", 20),
              baris(KADIS, 4, "Serapan anggaran", "anggaran", 5),
              baris(KADIS, 5, "Laporan", None, 5)]
DISIMPAN = ["penerima-layanan", "proses-bisnis", "penguatan-internal", "anggaran", None]


@pytest.fixture
def siap(db_periode, monkeypatch):
    monkeypatch.setenv("COLUMNS", "2000")  # one problem per line
    return db_periode


def q(db, sql, *args):
    with sqlite3.connect(db) as c:
        return c.execute(sql, args).fetchall()


def perspektif(db, nip=KADIS, periode="2026"):
    return [r[0] for r in q(db, "SELECT perspektif FROM sasaran WHERE periode = ? AND nip = ? ORDER BY nomor",
                            periode, nip)]


def impor(kinerja, tmp_path, rows, nama="skp.xlsx", header=H, *opsi):
    f = buat_xlsx(tmp_path / nama, {"Sasaran": [header, *rows]})
    return kinerja("sasaran", "impor", f, "--periode", "2026", *opsi)


def test_import_stores_keys_from_labels_and_reimport_changes_nothing(siap, kinerja, tmp_path):
    r = impor(kinerja, tmp_path, KADIS_ROWS)
    assert r.exit_code == 0, r.output
    assert perspektif(siap) == DISIMPAN
    audit = q(siap, "SELECT baru FROM audit WHERE tabel = 'sasaran' ORDER BY id")
    assert [json.loads(b)["perspektif"] for (b,) in audit] == DISIMPAN  # the audit JSON carries it
    n_audit = q(siap, "SELECT COUNT(*) FROM audit")[0][0]
    r = impor(kinerja, tmp_path, KADIS_ROWS, "lagi.xlsx")
    assert r.exit_code == 0 and "baris SKP 0 ditambah, 0 diubah, 0 dihapus, 5 tetap" in r.stderr, r.output
    assert q(siap, "SELECT COUNT(*) FROM audit")[0][0] == n_audit
    # an empty cell in the column clears the value: a real change, logged
    rows = [*KADIS_ROWS[:3], baris(KADIS, 4, "Serapan anggaran", "", 5), KADIS_ROWS[4]]
    r = impor(kinerja, tmp_path, rows, "kosong.xlsx")
    assert r.exit_code == 0 and "0 ditambah, 1 diubah" in r.stderr, r.output
    assert perspektif(siap) == ["penerima-layanan", "proses-bisnis", "penguatan-internal", None, None]
    lama_, baru = q(siap, "SELECT lama, baru FROM audit WHERE tabel = 'sasaran' ORDER BY id DESC LIMIT 1")[0]
    assert json.loads(lama_)["perspektif"] == "anggaran" and json.loads(baru)["perspektif"] is None


def test_sheet_without_the_column_keeps_stored_values(siap, kinerja, tmp_path):
    """A workbook made before the Perspektif column existed must not wipe what was set since, even when it
    changes another cell of the same row; a new row of such a sheet has none."""
    assert impor(kinerja, tmp_path, KADIS_ROWS).exit_code == 0
    r = impor(kinerja, tmp_path, [lama(x) for x in KADIS_ROWS], "lama.xlsx", H_LAMA)
    assert r.exit_code == 0 and "0 ditambah, 0 diubah, 0 dihapus, 5 tetap" in r.stderr, r.output
    assert perspektif(siap) == DISIMPAN
    rows = [lama(x) for x in KADIS_ROWS]
    rows[0][6] = 120  # target of row 1 changes
    rows[4][-1] = 3
    rows.append(lama(baris(KADIS, 6, "Baris baru", None, 2)))
    r = impor(kinerja, tmp_path, rows, "lama2.xlsx", H_LAMA)
    assert r.exit_code == 0 and "1 ditambah, 2 diubah" in r.stderr, r.output
    assert perspektif(siap) == [*DISIMPAN, None]
    assert q(siap, "SELECT target_lo FROM sasaran WHERE nip = ? AND nomor = 1", KADIS)[0][0] == "120"


def test_unknown_value_refused_naming_cell_and_choices_and_marked(siap, kinerja, tmp_path):
    rows = [*KADIS_ROWS[:3], baris(KADIS, 4, "Serapan anggaran", "Perspektif Keuangan", 5), KADIS_ROWS[4]]
    tanda = tmp_path / "skp.galat.xlsx"
    r = impor(kinerja, tmp_path, rows, "skp.xlsx", H, "--tandai", tanda)
    assert r.exit_code == 1
    e = " ".join(r.stderr.split())
    assert "│ Sasaran │ 5 │ F (perspektif) │ Perspektif Keuangan │ Perspektif 'Perspektif Keuangan' tidak dikenal" in e, e
    assert ("isi salah satu: Penerima Layanan, Proses Bisnis, Penguatan Internal, Anggaran (boleh diawali "
            "'Perspektif'; kosong: tanpa perspektif)") in e
    assert q(siap, "SELECT COUNT(*) FROM sasaran")[0][0] == 0
    ws = openpyxl.load_workbook(tanda)["Sasaran"]
    assert ws["F5"].comment is not None and "tidak dikenal" in ws["F5"].comment.text
    assert ws["F4"].comment is None


def test_header_recognised_by_alias_and_listed_when_columns_missing(siap, kinerja, tmp_path):
    h = [("PERSPEKTIF BSC" if x == "Perspektif" else x) for x in H]
    assert impor(kinerja, tmp_path, KADIS_ROWS, "alias.xlsx", h).exit_code == 0
    assert perspektif(siap) == DISIMPAN
    tanpa_rhk = [x for x in H if x != "RHK"]
    r = impor(kinerja, tmp_path, [[v for h_, v in zip(H, x) if h_ != "RHK"] for x in KADIS_ROWS], "b.xlsx", tanpa_rhk)
    assert r.exit_code == 1
    assert "Perspektif" in r.stderr.split("Kolom yang dikenali")[1]


def test_tambah_daftar_and_salin(siap, kinerja, tmp_path):
    r = kinerja("sasaran", "tambah", KADIS, "-p", "2026", "--rhk", "Kepuasan masyarakat", "--indikator", "IKM",
                "--target", "85", "--bobot", "100", "--perspektif", "perspektif penerima layanan")
    assert r.exit_code == 0, r.output
    assert perspektif(siap) == ["penerima-layanan"]
    r = kinerja("sasaran", "tambah", KADIS, "-p", "2026", "--rhk", "X", "--indikator", "Y", "--target", "1",
                "--bobot", "1", "--perspektif", "keuangan")
    assert r.exit_code == 1
    e = " ".join(r.stderr.split())
    assert "Perspektif 'keuangan' tidak dikenal" in e and "Penerima Layanan, Proses Bisnis" in e
    assert perspektif(siap) == ["penerima-layanan"]
    r = kinerja("sasaran", "daftar", "-p", "2026", "--format", "json")
    assert [x["perspektif"] for x in r.json()] == ["penerima-layanan"]
    r = kinerja("sasaran", "daftar", "-p", "2026")
    assert "Penerima Layanan" in r.stdout and "Perspektif" in r.stdout
    r = kinerja("sasaran", "daftar", "-p", "2026", "--format", "csv")
    assert r.stdout.splitlines()[0].endswith(",realisasi,perspektif")
    assert kinerja("periode", "buat", "2027", "--metode", "pp30").exit_code == 0
    r = kinerja("sasaran", "salin", "--dari", "2026", "--ke", "2027", "--nip", KADIS)
    assert r.exit_code == 0, r.output
    assert perspektif(siap, periode="2027") == ["penerima-layanan"]
    (baru,) = q(siap, "SELECT baru FROM audit WHERE kunci = ?", f"2027/{KADIS}/1")[0]
    assert json.loads(baru)["perspektif"] == "penerima-layanan"


def test_template_prefills_the_label_and_imports_back_unchanged(siap, kinerja, tmp_path):
    assert impor(kinerja, tmp_path, KADIS_ROWS).exit_code == 0
    f = tmp_path / "templat.xlsx"
    r = kinerja("templat", f, "--periode", "2026")
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(f)["Sasaran"]
    judul = [c.value for c in ws[1]]
    k = judul.index("Perspektif")
    assert judul[k - 1] == "Aspek"
    isi = [r_[k] for r_ in ws.iter_rows(min_row=2, values_only=True) if r_[0] == KADIS]
    assert isi == ["Penerima Layanan", "Proses Bisnis", "Penguatan Internal", "Anggaran", None]
    dv = [d for d in ws.data_validations.dataValidation if f"{ws.cell(1, k + 1).column_letter}2" in str(d.sqref)]
    assert dv and dv[0].formula1 == '"Penerima Layanan,Proses Bisnis,Penguatan Internal,Anggaran"'
    r = kinerja("sasaran", "impor", f, "--periode", "2026")
    assert r.exit_code == 0 and "0 ditambah, 0 diubah, 0 dihapus, 5 tetap" in r.stderr, r.output
    assert perspektif(siap) == DISIMPAN


def test_result_record_carries_it_and_old_snapshots_read(siap, kinerja, tmp_path):
    from kinerja_cli.model import BarisMasukan
    from kinerja_cli.services import nilai, periode
    from kinerja_cli.store.db import buka_db

    assert impor(kinerja, tmp_path, KADIS_ROWS).exit_code == 0
    db = buka_db(siap)
    try:
        semua = nilai.hitung_untuk_snapshot(db, periode.wajib_ada(db, "2026"))
    finally:
        db.close()
    r = next(x for x in semua if x.pegawai.nip == KADIS)
    assert [b.perspektif for b in r.masukan.baris] == DISIMPAN
    d = r.masukan.baris[0].ke_dict()
    assert d["perspektif"] == "penerima-layanan"
    assert "perspektif" not in r.masukan.baris[4].ke_dict()  # unset: the dict of a row stays as before
    lama_ = {k: v for k, v in d.items() if k != "perspektif"}  # a snapshot stored before the field
    assert BarisMasukan.dari_dict(lama_).perspektif is None


def test_migration_adds_the_column_to_an_old_database(siap, kinerja):
    from kinerja_cli.store.skema import m0012_sasaran_perspektif
    from sqlite_utils import Database

    with sqlite3.connect(siap) as c:  # the database as the code before 0012 left it
        c.execute("INSERT INTO sasaran (periode, nip, nomor, jenis, rhk, aspek, indikator, target_lo, bobot, arah, "
                  "target_maksimal, diubah) VALUES ('2026', ?, 1, 'utama', 'R', 'kuantitas', 'I', '1', '100', 'naik', "
                  "0, 'x')", [STAF2])
        c.execute("ALTER TABLE sasaran DROP COLUMN perspektif")
        c.execute("DELETE FROM _sqlite_migrations WHERE name = '0012_sasaran_perspektif'")
    r = kinerja("sasaran", "daftar", "-p", "2026", "--format", "json")
    assert r.exit_code == 0, r.output
    assert [x["perspektif"] for x in r.json()] == [None]
    assert "perspektif" in [x[1] for x in q(siap, "PRAGMA table_info(sasaran)")]
    db = Database(sqlite3.connect(siap))
    m0012_sasaran_perspektif(db)  # idempotent
    db.conn.close()
    assert perspektif(siap, STAF2) == [None]


def _skp(kinerja, db, tmp_path, rows):
    assert impor(kinerja, tmp_path, rows, "isi.xlsx").exit_code == 0
    f = tmp_path / "skp_kadis.xlsx"
    r = kinerja("ekspor", "skp", KADIS, f, "--periode", "2026", "--timpa")
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(f).active
    kep = next(c for row in ws.iter_rows() for c in row if c.value == "INDIKATOR KINERJA INDIVIDU")
    return f, ws, kep.row


def test_skp_document_shows_the_perspektif(siap, kinerja, tmp_path):
    semua = [*KADIS_ROWS[:4], baris(KADIS, 5, "Laporan", "Anggaran", 5)]
    f, ws, r = _skp(kinerja, siap, tmp_path, semua)
    assert ws.cell(r, 4).value == "PERSPEKTIF"
    assert [ws.cell(r + 2 + i, 4).value for i in range(5)] == [
        "Penerima Layanan", "Proses Bisnis", "Penguatan Internal", "Anggaran", "Anggaran"]
    f, ws, r = _skp(kinerja, siap, tmp_path, KADIS_ROWS)  # one row without: its aspek, the header says both
    assert ws.cell(r, 4).value == "PERSPEKTIF / ASPEK"
    assert ws.cell(r + 6, 4).value == "Kuantitas"
    assert ws.max_column == 6 and ws.print_area.startswith("'SKP'!$A$1:$F$")  # still six columns wide
    f, ws, r = _skp(kinerja, siap, tmp_path, [[*x[:5], None, *x[6:]] for x in KADIS_ROWS])  # none: as before
    assert ws.cell(r, 4).value == "ASPEK" and ws.cell(r + 2, 4).value == "Kuantitas"


def _buku_skp_kadis(kinerja, db_path, folder):
    """The workbook of test_skp_document_with_perspektif_prints_one_a4_page_wide, printed in the session's
    soffice run."""
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0  # as the fixture siap (db_periode)
    f, _, _ = _skp(kinerja, db_path, folder, KADIS_ROWS)
    return [f]


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdfinfo") is None
                    or shutil.which("pdftotext") is None,
                    reason="LibreOffice tidak terpasang")
@cetak_pdf(_buku_skp_kadis)
def test_skp_document_with_perspektif_prints_one_a4_page_wide(cetakan):
    info = subprocess.run(["pdfinfo", str(cetakan / "skp_kadis.pdf")], capture_output=True, text=True).stdout
    teks = subprocess.run(["pdftotext", "-layout", str(cetakan / "skp_kadis.pdf"), "-"], capture_output=True,
                          text=True).stdout
    assert "PERSPEKTIF" in teks and "Proses Bisnis" in teks
    baris_info = dict(x.split(":", 1) for x in info.splitlines() if ":" in x)
    assert baris_info["Pages"].strip() == "1" and baris_info["Page size"].split()[0] == "595.304"


def test_parser_row_follows_the_one_list_of_skp_fields():
    """The parser's output tuple is in kolom.KOLOM_SKP order (the store, staging and audit follow it), and the
    one-row form (sasaran tambah) is the same parse by name."""
    from kinerja_cli.kolom import KOLOM_SKP
    from kinerja_cli.validation import sasaran as v

    t, ms = v.Pengurai().urai({"rhk": "R", "indikator": "I", "target": "80-90", "bobot": 100, "nomor": 2,
                               "aspek": "waktu", "perspektif": "Perspektif Anggaran", "satuan": "%"})
    assert ms == [] and dict(zip(KOLOM_SKP, t))["perspektif"] == "anggaran"
    assert dict(zip(KOLOM_SKP, t)) == {**v.urai_isi({"rhk": "R", "indikator": "I", "target": "80-90", "bobot": 100,
                                                     "nomor": 2, "aspek": "waktu", "satuan": "%",
                                                     "perspektif": "anggaran"})[0],
                                       "target_lo": "80", "target_hi": "90", "bobot": "100"}
