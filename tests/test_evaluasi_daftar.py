"""Issue 16 §2 (the rest): `kinerja evaluasi daftar|hapus` of the pejabat penilai's CATATAN/REKOMENDASI, and
the recommendation on the D.1.2 page. Read back from the database and the workbooks."""

from __future__ import annotations

import json
import sqlite3

import openpyxl
from conftest import KADIS, STAF1
from test_dokumen_form import _sel, _siap


def test_evaluasi_daftar_and_hapus(db_siap, kinerja, db_path, monkeypatch):
    _siap(kinerja, db_path)
    teks = "Ikutkan pelatihan analisis kebijakan perizinan berusaha berbasis risiko pada triwulan kedua."
    assert kinerja("evaluasi", "catat", STAF1, "-p", "2026", "--rekomendasi", teks).exit_code == 0
    assert kinerja("evaluasi", "catat", KADIS, "-p", "2026", "--rekomendasi", "Pertahankan").exit_code == 0
    r = kinerja("evaluasi", "daftar", "-p", "2026", "--format", "json")
    assert [(x["nip"], x["nama"], x["unit"], x["rekomendasi"], x["oleh"], x["nama_oleh"], x["periode"]) for x in r.json()] == [
        (KADIS, "Budi Santoso, S.E.", "DPMPTSP", "Pertahankan", "196711101992031001", "Drs. H. Ahmad Yani", "2026"),
        (STAF1, "Citra Lestari", "DPMPTSP", teks, KADIS, "Budi Santoso, S.E.", "2026")]
    r = kinerja("evaluasi", "daftar", "-p", "2026", "--unit", "sekretariat daerah", "--format", "csv")
    assert r.exit_code == 0 and r.stdout.strip().splitlines() == [
        "periode,nip,nama,unit,rekomendasi,nama_oleh,oleh,diubah"]
    r = kinerja("evaluasi", "daftar", "-p", "2026", "--unit", "Dinas Entah")
    assert r.exit_code == 1 and "Unit kerja 'Dinas Entah' tidak ditemukan" in r.stderr
    monkeypatch.setenv("COLUMNS", "80")
    r = kinerja("evaluasi", "daftar", "-p", "2026")
    assert r.exit_code == 0 and all(len(x) <= 80 for x in r.stdout.splitlines())
    assert STAF1 in r.stdout and all(k in r.stdout for k in teks.split())  # NIP whole, the text wrapped, not cut
    assert "Rekomendasi" in r.stdout and "Nama" in r.stdout
    # hapus: gone, audited; again: a clear message; an unknown NIP; a closed period
    r = kinerja("evaluasi", "hapus", STAF1, "-p", "2026")
    assert r.exit_code == 0 and "Rekomendasi untuk Citra Lestari (198502142010012003) periode 2026 dihapus" in " ".join(
        r.output.split())
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT nip FROM evaluasi_rekomendasi").fetchall() == [(KADIS,)]
        aksi, lama, baru = c.execute("SELECT aksi, lama, baru FROM audit WHERE tabel = 'evaluasi_rekomendasi' "
                                     "ORDER BY id DESC LIMIT 1").fetchone()
    assert aksi == "hapus" and json.loads(lama) == {"rekomendasi": teks, "oleh": KADIS} and baru is None
    r = kinerja("evaluasi", "hapus", STAF1, "-p", "2026")
    assert r.exit_code == 1 and "Citra Lestari (198502142010012003) belum punya rekomendasi periode 2026" in " ".join(
        r.stderr.split()) and "kinerja evaluasi daftar -p 2026" in r.stderr
    r = kinerja("evaluasi", "hapus", "199912312020121001", "-p", "2026")
    assert r.exit_code == 1 and "Pegawai dengan NIP 199912312020121001 tidak ada di basis data" in r.stderr
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    r = kinerja("evaluasi", "hapus", KADIS, "-p", "2026")
    assert r.exit_code == 1 and "Periode 2026 sudah ditutup" in r.stderr
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT nip FROM evaluasi_rekomendasi").fetchall() == [(KADIS,)]


def test_d12_prints_the_pejabat_penilai_recommendation(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path, "permenpan6")
    assert kinerja("evaluasi", "catat", KADIS, "-p", "2026", "--rekomendasi", "Percepat layanan izin daring").exit_code == 0
    f = tmp_path / "kadis.xlsx"
    assert kinerja("ekspor", "dokumen", KADIS, f, "-p", "2026").exit_code == 0
    wb = openpyxl.load_workbook(f)
    assert len(wb.sheetnames) == 2
    d12 = wb.worksheets[1]
    judul = _sel(d12, "CATATAN/REKOMENDASI")[0]
    assert d12.cell(row=judul.row + 1, column=1).value == "Percepat layanan izin daring"
    assert _sel(d12, "Atasan Pejabat Penilai Kinerja")
