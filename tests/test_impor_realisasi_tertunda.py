"""`kinerja impor`: a refused Sasaran sheet does not hide the Realisasi sheet's problems until the next
round trip. Its rows are checked against the SKP rows that exist (stored, plus the Sasaran rows that had
no problem); the rows of the employees whose Sasaran rows were refused are left out, with one sentence."""

from __future__ import annotations

import sqlite3

import openpyxl
from conftest import KADIS, STAF1, buat_xlsx, salin_demo

H_SASARAN = ["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]
H_REALISASI = ["NIP", "Nomor", "Realisasi"]


def _simpanan(db):
    with sqlite3.connect(db) as c:
        return [c.execute(q).fetchall() for q in ("SELECT * FROM realisasi ORDER BY 1, 2, 3",
                                                  "SELECT * FROM sasaran ORDER BY 1, 2, 3", "SELECT COUNT(*) FROM audit")]


def _kolom(ws, judul: str) -> int:
    return [c.value for c in ws[1]].index(judul) + 1


def test_demo_sasaran_ditolak_masalah_realisasi_tetap_disebut(demo_sesi, kinerja, tmp_path, monkeypatch):
    """The issue's reproduction on the demo: one workbook with a bobot as text in Sasaran, #N/A and '1.200'
    in Realisasi; one `kinerja impor` lists all three and marks all three cells."""
    db = salin_demo(demo_sesi, tmp_path / "demo" / "kinerja-demo.db")
    (tmp_path / "DIR").mkdir()
    for args in (("periode", "buat", "2027"), ("sasaran", "salin", "--dari", "2026", "--ke", "2027", "--unit", "Dinsos"),
                 ("templat", tmp_path / "DIR" / "Dinsos_2027.xlsx", "-p", "2027", "--unit", "Dinsos")):
        # (the very workbook `templat --per-unit DIR` writes for Dinsos, without the 11 others: a fast test)
        r = kinerja(*args, "--db", db)
        assert r.exit_code == 0, r.output
    f = tmp_path / "DIR" / "Dinsos_2027.xlsx"
    wb = openpyxl.load_workbook(f)
    ws, wr = wb["Sasaran"], wb["Realisasi"]
    ws.cell(2, _kolom(ws, "Bobot (%)")).value = "tiga puluh"
    nip_ditolak = ws.cell(2, 1).value
    g = _kolom(wr, "Realisasi")
    baris = [r for r in range(2, wr.max_row + 1) if wr.cell(r, 1).value]
    for r in baris:
        wr.cell(r, g).value = 5
    lain = [r for r in baris if wr.cell(r, 1).value != nip_ditolak]
    na, ambigu = wr.cell(lain[0], g), wr.cell(lain[2], g)
    na.value, ambigu.value = "#N/A", "1.200"
    milik_ditolak = next(r for r in baris if wr.cell(r, 1).value == nip_ditolak)
    wr.cell(milik_ditolak, _kolom(wr, "Nomor")).value = 9  # no such SKP row: not judged while its SKP is refused
    wb.save(f)
    sebelum = _simpanan(db)
    monkeypatch.setenv("COLUMNS", "400")  # every message on one line
    r = kinerja("impor", tmp_path / "DIR", "-p", "2027", "--tandai-folder", tmp_path / "G", "--db", db)
    assert r.exit_code == 1, r.output
    t = " ".join(r.output.split())
    assert "Bobot 'tiga puluh' bukan angka" in t
    assert f"Sel Realisasi!{na.coordinate} berisi galat Excel #N/A" in t
    assert "Realisasi '1.200' bisa dibaca 1200 (titik pemisah ribuan) atau 1,2 (titik desimal)" in t
    assert "Sheet Realisasi tidak diperiksa" not in t
    assert (f"Baris sheet Realisasi milik 1 pegawai yang baris Sasarannya ditolak ({nip_ditolak}) belum diperiksa "
            "terhadap SKP-nya") in t
    assert "nomor 9 tidak ada" not in t  # no false problem
    assert _simpanan(db) == sebelum  # nothing written
    tandai = openpyxl.load_workbook(tmp_path / "G" / "Dinsos_2027.galat.xlsx")
    assert "tiga puluh" in tandai["Sasaran"].cell(2, _kolom(ws, "Bobot (%)")).comment.text
    assert "#N/A" in tandai["Realisasi"][na.coordinate].comment.text
    assert "'1.200'" in tandai["Realisasi"][ambigu.coordinate].comment.text
    assert tandai["Realisasi"].cell(milik_ditolak, _kolom(wr, "Nomor")).comment is None


def test_realisasi_diperiksa_terhadap_baris_sasaran_yang_diterima(db_periode, kinerja, tmp_path, monkeypatch):
    """KADIS's SKP rows, new in this workbook, are accepted: his realisations are checked against them (no false
    'no SKP row'); STAF1's SKP row is refused: his realisation is left out, with the sentence."""
    f = buat_xlsx(tmp_path / "b.xlsx", {
        "Sasaran": [H_SASARAN, [KADIS, 1, "Investasi", "Nilai", 100, "%", 60], [KADIS, 2, "Izin", "Hari", 5, "hari", 30],
                    [KADIS, 3, "Laporan", "Laporan", 4, "dok", 10], [STAF1, 1, "Arsip", "Arsip", 10, "dok", "x"]],
        "Realisasi": [H_REALISASI, [KADIS, 3, 4], [KADIS, 2, "abc"], [STAF1, 1, 8]]})
    sebelum = _simpanan(db_periode)
    monkeypatch.setenv("COLUMNS", "400")
    r = kinerja("impor", f, "--periode", "2026")
    assert r.exit_code == 1, r.output
    t = " ".join(r.output.split())
    assert "Realisasi 'abc' bukan angka" in t and "sheet Realisasi: 1 galat di 1 baris" in t
    assert "Baris SKP nomor" not in t  # neither KADIS's row 3 (in the workbook) nor STAF1's (refused)
    assert (f"Baris sheet Realisasi milik 1 pegawai yang baris Sasarannya ditolak ({STAF1}) belum diperiksa "
            "terhadap SKP-nya") in t
    assert _simpanan(db_periode) == sebelum
