"""Office layouts of a roster (issue 15 §3): a DUK table with title rows, a two-row header with merged
group cells, a column-numbering row and a signature block under the data, read as it comes."""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest
from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2
from test_format_lain import tulis_csv, tulis_ods

from kinerja_cli.excel import tandai

JUDUL_ATAS = ["NO", "NIP", "NAMA", "PANGKAT TERAKHIR", None, "JABATAN", None, "UNIT KERJA", "KET"]
JUDUL_BAWAH = [None, None, None, "GOL/RUANG", "TMT", "NAMA", "TMT", None, None]
GABUNG = ("A1:I1", "A2:I2", "A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:G4", "H4:H5", "I4:I5")
PEGAWAI = [
    (SEKDA, "Drs. H. Ahmad Yani", "IV/d", "Sekretaris Daerah", "Sekretariat Daerah"),
    (KADIS, "Budi Santoso, S.E.", "IV/c", "Kepala Dinas", "DPMPTSP"),
    (STAF1, "Citra Lestari", "III/a", "Analis Perizinan", "DPMPTSP"),
    (STAF2, "Dewi Sartika", "II/c", "Pengadministrasi", "DPMPTSP"),
    (PPPK1, "Eko Prasetyo", "IX", "Pranata Komputer", "DPMPTSP"),
]


def _ttd(teks: str) -> list:
    return [None] * 7 + [teks]  # column H (the unit column): a signature block printed on the right


TANDA_TANGAN = [[], [], _ttd("Bukittinggi, 31 Desember 2026"), _ttd("Kepala BKPSDM"), [], [],
                _ttd("Drs. Rahmat Hidayat, M.Si"), _ttd("NIP. 19800908 200904 1 482")]


def duk(pegawai=PEGAWAI, nomor=("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"), kaki=TANDA_TANGAN):
    """Rows 1-2 titles, 4-5 the two-row header, 6 the numbering row, data from row 7, then the footer."""
    rows = [["DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL"], ["PEMERINTAH KOTA BUKITTINGGI TAHUN 2026"], [],
            JUDUL_ATAS, JUDUL_BAWAH, list(nomor)]
    for i, (nip, nama, gol, jab, unit) in enumerate(pegawai, start=1):
        rows.append([i, nip, nama, gol, "01-04-2020", jab, "01-01-2021", unit, None])
    return rows + [list(r) for r in kaki]


def buat_duk(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DUK"
    for r in rows:
        ws.append(r)
    for rentang in GABUNG:
        ws.merge_cells(rentang)
    wb.save(path)
    return path


@pytest.fixture
def db_path(db_path, kinerja):
    assert kinerja("init").exit_code == 0
    return db_path


def tersimpan(db):
    with sqlite3.connect(db) as c:
        return {r[0]: r[1:] for r in c.execute("SELECT nip, nama, golongan, jabatan, unit FROM pegawai")}


def _cek_tersimpan(db):
    assert tersimpan(db) == {nip: (nama, gol, jab, unit) for nip, nama, gol, jab, unit in PEGAWAI}


def test_duk_xlsx_imports_unchanged(db_path, kinerja, tmp_path):
    f = buat_duk(tmp_path / "duk.xlsx", duk())
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0, r.output
    _cek_tersimpan(db_path)  # GOL/RUANG under PANGKAT TERAKHIR is Golongan; NAMA under JABATAN is Jabatan
    assert "Baris 6 berisi nomor kolom (1) (2) (3) …; dilewati." in r.stderr
    assert "Baris 14–19 di bawah data tampaknya blok tanda tangan; dilewati." in r.stderr
    assert "NIP kosong" not in r.output and "angka" not in r.output
    assert "5 ditambah" in r.stderr


def test_duk_csv_with_numbering_row_and_footer(db_path, kinerja, tmp_path):
    f = tulis_csv(tmp_path / "duk.csv", duk())
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0, r.output
    _cek_tersimpan(db_path)
    assert "Baris 6 berisi nomor kolom (1) (2) (3) …; dilewati." in r.stderr
    assert "Baris 14–19 di bawah data tampaknya blok tanda tangan; dilewati." in r.stderr


def test_duk_ods_with_plain_numbers_in_the_numbering_row(db_path, kinerja, tmp_path):
    f = tulis_ods(tmp_path / "duk.ods", {"DUK": duk(nomor=range(1, 10))})
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0, r.output
    _cek_tersimpan(db_path)
    assert "Baris 6 berisi nomor kolom 1 2 3 …; dilewati." in r.stderr


def test_two_row_header_whose_lower_row_names_no_field(db_path, kinerja, tmp_path):
    """MASA KERJA over THN and BLN: the lower header row is not read as an employee without NIP."""
    rows = [["NIP", "NAMA", "UNIT KERJA", "MASA KERJA", None], [None, None, None, "THN", "BLN"]]
    rows += [[nip, nama, unit, 10, 2] for nip, nama, _, _, unit in PEGAWAI]
    f = tulis_csv(tmp_path / "mk.csv", rows)
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0, r.output
    assert {n: v[0] for n, v in tersimpan(db_path).items()} == {p[0]: p[1] for p in PEGAWAI}


def test_footer_like_row_in_the_middle_of_the_data_is_reported(db_path, kinerja, tmp_path):
    rows = duk(PEGAWAI[:2], kaki=[])
    rows += [[], _ttd("Bukittinggi, 31 Desember 2026"), []]  # rows 9-11: looks like a footer, data follows
    rows += duk(PEGAWAI[2:], kaki=TANDA_TANGAN)[6:]  # rows 12-14 data, then the real footer
    f = buat_duk(tmp_path / "duk.xlsx", rows)
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1
    assert "Impor duk.xlsx ditolak: 2 galat di 1 baris" in r.stderr  # NIP and Nama of row 10, nothing else
    baris_10 = [b for b in r.stderr.splitlines() if "│ 10 " in b]
    assert any("NIP kosong" in b for b in baris_10), r.stderr
    assert "tanda tangan" not in r.stderr  # the refusal comes first; nothing is stored
    assert tersimpan(db_path) == {}


def test_last_row_with_a_name_only_is_never_taken_for_a_signature(db_path, kinerja, tmp_path):
    rows = duk(kaki=[[], [None, None, "Fajar Nugroho"]])  # row 13: a person whose NIP is not filled in yet
    f = buat_duk(tmp_path / "duk.xlsx", rows)
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1
    assert any("│ 13 " in b and "NIP kosong" in b for b in r.stderr.splitlines()), r.stderr
    assert "galat di 1 baris" in r.stderr  # that row only: header, numbering row read as such
    assert "tanda tangan" not in r.stderr


def test_tandai_marks_the_data_cell_never_the_merged_header(db_path, kinerja, tmp_path):
    salah = [(PEGAWAI[0][0][:-1], *PEGAWAI[0][1:]), *PEGAWAI[1:]]  # 17 digits in row 7
    f = buat_duk(tmp_path / "duk.xlsx", duk(salah))
    keluar = tmp_path / "duk.galat.xlsx"
    r = kinerja("pegawai", "impor", f, "--tandai", keluar)
    assert r.exit_code == 1
    ws = openpyxl.load_workbook(keluar)["DUK"]
    assert ws["B7"].fill.fgColor.rgb == tandai.WARNA_GALAT and "NIP" in ws["B7"].comment.text
    for baris in ws.iter_rows(min_row=1, max_row=6):
        for sel in baris:
            if type(sel).__name__ == "MergedCell":
                continue
            assert sel.comment is None and sel.fill.fill_type is None, sel.coordinate
    bertanda = [s.coordinate for b in ws.iter_rows() for s in b if getattr(s, "comment", None) is not None]
    assert bertanda == ["B7"]


def test_tandai_never_moves_a_mark_up_into_a_merged_header(tmp_path):
    """A problem in a cell covered by a range merged from the row above is listed, not marked on the header."""
    from kinerja_cli.validation.masalah import Masalah

    f = tmp_path / "b.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Pegawai"
    ws.append(["NIP", "Nama"])
    ws.append([None, "Budi"])
    ws.merge_cells("A1:A2")
    wb.save(f)
    keluar = tandai.tulis(f, tmp_path / "b.galat.xlsx", [Masalah("NIP kosong", "isi NIP", None, "Pegawai", 2,
                                                                   "A (nip)", huruf="A")])
    wb2 = openpyxl.load_workbook(keluar)
    assert wb2["Pegawai"]["A1"].comment is None and wb2["Pegawai"]["A1"].fill.fill_type is None
    assert wb2[tandai.SHEET_DAFTAR]["F2"].value == "NIP kosong"
