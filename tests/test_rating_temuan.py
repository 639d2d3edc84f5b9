"""Tester findings on the pejabat penilai's ratings (issue 14, fix14).

SEKDA has no NIP Atasan: his pejabat penilai is outside the roster -- the atasan recorded with
`pegawai atasan-luar`, else the kepala daerah of the instansi profile. An unchanged template (NIP Pejabat
Penilai empty for him) imports; `rating tetapkan` names that pejabat penilai.
"""

from __future__ import annotations

import json
import sqlite3

import openpyxl
import pytest

from conftest import KADIS, SEKDA, STAF1, STAF2, buat_xlsx
from data_nilai import isi

JUDUL = ["NIP", "Nama", "Rating Hasil Kerja", "Rating Perilaku", "Alasan", "NIP Pejabat Penilai"]


@pytest.fixture
def p6(db_siap, kinerja, db_path):
    assert kinerja("periode", "buat", "2026", "--metode", "permenpan6").exit_code == 0
    isi(db_path)
    return db_path


def _rating(db_path):
    with sqlite3.connect(db_path) as c:
        return {r[0]: r[1:] for r in c.execute("SELECT nip, hasil_kerja, perilaku, alasan_hasil_kerja, "
                                                            "alasan_perilaku, oleh FROM rating_langsung")}


def _audit_baru(db_path, nip):
    with sqlite3.connect(db_path) as c:
        return [json.loads(r[0]) for r in c.execute(
            "SELECT baru FROM audit WHERE tabel = 'rating_langsung' AND kunci = ? ORDER BY id", [f"2026/{nip}"])]


def _kepala(kinerja):
    r = kinerja("instansi", "--kepala-nama", "H. Erman Safar", "--kepala-jabatan", "Wali Kota")
    assert r.exit_code == 0, r.output


def test_head_without_atasan_set_by_the_kepala_daerah(p6, kinerja, db_path):
    _kepala(kinerja)
    r = kinerja("rating", "tetapkan", SEKDA, "-p", "2026", "--hasil-kerja", "sesuai", "--alasan", "sesuai target")
    assert r.exit_code == 0, r.output
    assert "pejabat penilai H. Erman Safar (Wali Kota)" in " ".join(r.stderr.split())
    assert "Peringatan" not in r.stderr
    assert _rating(db_path)[SEKDA] == ("sesuai", None, "sesuai target", None, "kepala-daerah")  # recorded (temuan17e E2)
    assert _audit_baru(db_path, SEKDA)[-1]["pejabat_penilai"] == "H. Erman Safar (Wali Kota)"
    # a roster atasan is named too, not only by NIP
    r = kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--hasil-kerja", "sesuai", "--alasan", "x")
    assert f"pejabat penilai Budi Santoso, S.E. ({KADIS})" in " ".join(r.stderr.split())


def test_unchanged_template_imports_for_the_head_without_atasan(p6, kinerja, db_path, tmp_path):
    kinerja("pegawai", "atasan-luar", SEKDA, "--nama", "H. Erman Safar", "--jabatan", "Wali Kota")
    r = kinerja("rating", "tetapkan", SEKDA, "-p", "2026", "--perilaku", "Di Atas Ekspektasi", "--alasan", "teladan")
    assert r.exit_code == 0, r.output
    assert "pejabat penilai H. Erman Safar (Wali Kota)" in " ".join(r.stderr.split())
    f = tmp_path / "templat.xlsx"
    assert kinerja("templat", f, "-p", "2026").exit_code == 0
    wb = openpyxl.load_workbook(f)
    ws = wb["Rating"]
    i = {ws.cell(row=j, column=1).value: j for j in range(2, ws.max_row + 1)}[SEKDA]
    assert ws.cell(row=i, column=6).value == "atasan-luar"  # outside the roster: his token (temuan17e E2)
    # the unchanged workbook imports (it refused "NIP Pejabat Penilai kosong" before)
    r = kinerja("rating", "impor", f, "-p", "2026")
    assert r.exit_code == 0, r.output
    assert "1 tetap" in r.stderr
    # a new reason for him: stored, audited with the named pejabat penilai
    ws.cell(row=i, column=5).value = "teladan bagi OPD"
    wb.save(f)
    r = kinerja("rating", "impor", f, "-p", "2026")
    assert r.exit_code == 0 and "1 diubah" in r.stderr, r.output
    assert _rating(db_path)[SEKDA] == (None, "di-atas", None, "teladan bagi OPD", "atasan-luar")
    assert _audit_baru(db_path, SEKDA)[-1]["pejabat_penilai"] == "H. Erman Safar (Wali Kota)"
    # the batch import of the same workbook
    r = kinerja("impor", f, "-p", "2026")
    assert "NIP Pejabat Penilai kosong" not in r.output


def test_head_with_no_pejabat_penilai_anywhere_is_still_refused(p6, kinerja, tmp_path):
    f = buat_xlsx(tmp_path / "r.xlsx", {"Rating": [JUDUL, [SEKDA, "Ahmad", "Sesuai Ekspektasi", None, "x", None]]})
    r = kinerja("rating", "impor", f, "-p", "2026")
    assert r.exit_code == 1
    t = " ".join(r.stderr.split())
    assert "NIP Pejabat Penilai kosong" in t and f"kinerja pegawai atasan-luar {SEKDA}" in t


def test_tetapkan_accepts_the_sheet_words_and_refuses_pp30(db_siap, kinerja, db_path):
    kinerja("periode", "buat", "2026", "--metode", "permenpan6")
    r = kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--hasil-kerja", "Di Atas Ekspektasi",
                "--perilaku", "sesuai ekspektasi", "--alasan", "x")
    assert r.exit_code == 0, r.output
    assert _rating(db_path)[STAF1][:2] == ("di-atas", "sesuai")
    r = kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--hasil-kerja", "bagus", "--alasan", "x")
    assert r.exit_code == 2 and "Di Atas Ekspektasi" in r.output
    kinerja("periode", "buat", "2027", "--metode", "pp30")
    r = kinerja("rating", "tetapkan", STAF2, "-p", "2027", "--perilaku", "di-bawah", "--alasan", "sering terlambat")
    assert r.exit_code == 1
    assert "metode pp30" in r.stderr and "hanya ada pada metode permenpan6" in " ".join(r.stderr.split())
    assert STAF2 not in _rating(db_path)


def test_terima_saran_only_by_an_atasan_or_head_of_the_unit(p6, kinerja, db_path):
    r = kinerja("rating", "terima-saran", "-p", "2026", "--unit", "DPMPTSP", "--oleh", STAF2, "--alasan", "x")
    assert r.exit_code == 1
    t = " ".join(r.stderr.split())
    assert f"Dewi Sartika ({STAF2}) tidak berwenang menerima saran rating unit DPMPTSP" in t
    assert f"Yang boleh menerima: Drs. H. Ahmad Yani ({SEKDA}); Budi Santoso, S.E. ({KADIS})." in t
    assert _rating(db_path) == {}
    r = kinerja("rating", "terima-saran", "-p", "2026", "--unit", "DPMPTSP", "--oleh", KADIS, "--alasan", "x")
    assert r.exit_code == 0, r.output
