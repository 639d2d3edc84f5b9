"""Issue 15 §4 (spellings of the national and regional systems) and §5 (messages that lead to the fix)."""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest

from conftest import HEADER_PEGAWAI, KADIS, PPPK1, SEKDA, STAF1, STAF2, buat_xlsx
from kinerja_cli.validation.golongan import normalisasi_golongan


@pytest.mark.parametrize("teks, gol", [
    ("Penata Muda Tk. I (III/b)", "III/b"), ("III/b - Penata Muda Tingkat I", "III/b"),
    ("Penata Muda Tingkat I / III.b", "III/b"), ("Penata Muda Tingkat I", "III/b"), ("Pembina Utama Muda", "IV/c"),
    ("Penata Muda, III/a", "III/a"), ("Penata (III/b)", None), ("Penata Muda Tk. II", None),
])
def test_golongan_spellings(teks, gol):
    assert normalisasi_golongan(teks, "PNS") == gol
    assert normalisasi_golongan(teks, "CPNS") == gol


@pytest.fixture(autouse=True)
def _init(request):
    if "kinerja" in request.fixturenames:
        assert request.getfixturevalue("kinerja")("init").exit_code == 0


def _roster(tmp_path, rows, header=HEADER_PEGAWAI):
    return buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": [header, *rows]})


def _db(db_path, nip, kolom):
    with sqlite3.connect(db_path) as c:
        r = c.execute(f"SELECT {kolom} FROM pegawai WHERE nip = ?", [nip]).fetchone()
        return r[0] if r else None


def test_jenis_jabatan_and_status_spellings(kinerja, tmp_path, db_path):
    header = [*HEADER_PEGAWAI, "Eselon"]
    rows = [
        [SEKDA, "A", "Sekretaris Daerah", "JPT Madya", "Penata Muda Tk. I (III/b)", "Setda", None, "PNS Daerah", None],
        [KADIS, "B", "Kepala Dinas", "Eselon II.b", "IV/c", "Setda", SEKDA, "PNS", None],
        [STAF1, "C", "Kepala Seksi", "Struktural", "III/b - Penata Muda Tingkat I", "Setda", KADIS, "CPNS", "IV.a"],
        [STAF2, "D", "Kepala Bagian Umum", "Jabatan Administrator", "Penata Tingkat I", "Setda", KADIS, "PNS", None],
        [PPPK1, "E", "Pranata", "Jabatan Fungsional", "IX", "Setda", KADIS, "P3K", None],
    ]
    r = kinerja("pegawai", "impor", _roster(tmp_path, rows, header))
    assert r.exit_code == 0, r.output
    assert [_db(db_path, n, "jenis_jabatan") for n in (SEKDA, KADIS, STAF1, STAF2, PPPK1)] == \
        ["JPT", "JPT", "pengawas", "administrator", "fungsional"]
    assert [_db(db_path, n, "status") for n in (SEKDA, STAF1, PPPK1)] == ["PNS", "CPNS", "PPPK"]
    assert [_db(db_path, n, "golongan") for n in (SEKDA, STAF1, STAF2)] == ["III/b", "III/b", "III/d"]


def test_struktural_without_eselon_read_from_the_jabatan_or_refused(kinerja, tmp_path, db_path):
    rows = [[SEKDA, "A", "Kepala Badan Keuangan", "Struktural", "IV/c", "BKD", None, "PNS"],
            [KADIS, "B", "Analis Kebijakan", "Struktural", "IV/a", "BKD", None, "PNS"]]
    r = kinerja("pegawai", "impor", _roster(tmp_path, rows))
    assert r.exit_code == 1
    assert "Jenis jabatan 'Struktural' tanpa eselon" in r.stderr and "tambahkan kolom Eselon" in r.stderr
    r = kinerja("pegawai", "impor", _roster(tmp_path, rows[:1]))
    assert r.exit_code == 0 and _db(db_path, SEKDA, "jenis_jabatan") == "JPT"
    assert "Jenis jabatan struktural ditentukan dari nama jabatan" in r.stderr


def test_wrong_values_refused_with_what_is_accepted(kinerja, tmp_path):
    rows = [[SEKDA, "A", "X", "Eselon Sembilan", "IV/d", "Setda", None, "Honorer"]]
    r = kinerja("pegawai", "impor", _roster(tmp_path, rows))
    assert r.exit_code == 1
    out = " ".join(r.stderr.split())
    assert "Status 'Honorer' tidak dikenal" in out and "PPPK Paruh Waktu" in out and "P3K" in out
    assert "Jenis jabatan 'Eselon Sembilan' tidak dikenal" in out and "JPT Pratama" in out


def test_unreadable_nip_does_not_make_a_pppk_golongan_an_error(kinerja, tmp_path):
    rows = [["1990010120222110x5", "E", "Pranata", "fungsional", "IX", "Setda", None, None]]
    r = kinerja("pegawai", "impor", _roster(tmp_path, rows))
    assert r.exit_code == 1
    assert "hanya boleh berisi angka" in r.stderr or "NIP" in r.stderr
    assert "tidak dikenal untuk PNS" not in r.stderr and "Golongan" not in r.stderr


def test_missing_column_message_names_found_accepted_and_nearest(kinerja, tmp_path):
    rows = [["NIP", "Nama", "Jabatan", "UNOR NAMA"], [SEKDA, "A", "Sekda", "Setda"]]
    r = kinerja("pegawai", "impor", buat_xlsx(tmp_path / "p.xlsx", {"Data": rows}))
    assert r.exit_code == 1
    out = " ".join(r.stderr.split())
    assert "kolom wajib tidak ditemukan: Unit Kerja" in out
    assert "Kolom yang dikenali (baris 1): NIP, Nama, Jabatan" in out
    assert "Unit Kerja: tulis salah satu judul Unit Kerja, OPD, Unit Organisasi" in out
    assert "judul yang paling mirip di berkas: 'UNOR NAMA'" in out


def test_same_problem_on_many_rows_shown_once_and_every_cell_marked(kinerja, tmp_path):
    rows = [[f"19900101202221{i:04d}", f"N{i}", "X", "pelaksana", "III/a", "Setda", None, "Honorer"]
            for i in range(1, 41)]
    f = _roster(tmp_path, rows)
    tandai = tmp_path / "tanda.xlsx"
    r = kinerja("pegawai", "impor", f, "--tandai", tandai)
    assert r.exit_code == 1
    out = " ".join(r.stderr.split())
    assert "Status 'Honorer' tidak dikenal: 40 baris, misalnya baris 2, 3, 4" in out
    assert out.count("Status 'Honorer' tidak dikenal") == 1
    ws = openpyxl.load_workbook(tandai)["Pegawai"]
    merah = [r for r in range(2, 42) if ws.cell(r, 8).fill.fgColor.rgb not in (None, "00000000")]
    assert len(merah) == 40
