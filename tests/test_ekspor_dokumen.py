"""`kinerja ekspor dokumen`: the individual evaluation document, read back with openpyxl."""

from __future__ import annotations

import os
import sqlite3
import stat

import openpyxl
import pytest
from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2
from data_nilai import isi

from kinerja_cli.excel.lembar import tanggal_id


def _siap(kinerja, db_path, metode="pp30"):
    assert kinerja("periode", "buat", "2026", "--metode", metode).exit_code == 0
    isi(db_path)
    with sqlite3.connect(db_path) as c:
        for nip, dari, tgl, teks in ((STAF1, KADIS, "2026-05-12", "Penerbitan izin sudah cepat; pertahankan."),
                                     (STAF1, KADIS, "2026-08-01", "-tolong lengkapi bukti realisasi"),
                                     (STAF2, KADIS, "2026-06-01", "Arsip perlu dirapikan")):
            c.execute("INSERT INTO umpan_balik (periode, nip, dari, tanggal, teks, dibuat) VALUES ('2026',?,?,?,?,'x')",
                      [nip, dari, tgl, teks])


def _sel(ws):
    return {(c.row, c.column): c for row in ws.iter_rows() for c in row if c.value is not None}


def _cari(ws, teks):
    return [c for c in _sel(ws).values() if c.value == teks]


def _kanan(ws, label, ke=0):
    """The value cell (column C) of the ke-th row labelled `label` in column B."""
    c = [x for x in _cari(ws, label) if x.column == 2][ke]
    return ws.cell(row=c.row, column=3)


def _nilai_label(ws, awal):
    c = [x for x in _sel(ws).values() if isinstance(x.value, str) and x.value.startswith(awal) and x.column == 1][0]
    return ws.cell(row=c.row, column=5)


def test_document_identity_atasan_feedback_scores_date(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    # kop and place come from the profile (a city other than the demo's: nothing is hard-coded)
    assert kinerja("instansi", "--pemda", "Pemerintah Kota Padang Panjang", "--tempat", "Padang Panjang").exit_code == 0
    f = tmp_path / "citra.xlsx"
    r = kinerja("ekspor", "dokumen", "19850214 201001 2 003", f, "--periode", "2026", "--tanggal", "2026-11-29")
    assert r.exit_code == 0, r.output
    assert stat.S_IMODE(os.stat(f).st_mode) == 0o600
    ws = openpyxl.load_workbook(f).active
    teks = [c.value for c in _sel(ws).values() if isinstance(c.value, str)]
    assert "PEMERINTAH KOTA PADANG PANJANG" in teks and "DOKUMEN EVALUASI KINERJA PEGAWAI" in teks
    assert "profil instansi belum lengkap (nama instansi)" in r.stderr
    assert "PERIODE: 1 JANUARI S.D. 31 DESEMBER 2026" in teks  # a year, as the form writes it
    # identity: employee, pejabat penilai (atasan), atasan pejabat penilai (atasan's atasan)
    assert [_kanan(ws, "NAMA", i).value for i in range(3)] == ["Citra Lestari", "Budi Santoso, S.E.", "Drs. H. Ahmad Yani"]
    assert [_kanan(ws, "NIP", i).value for i in range(3)] == [STAF1, KADIS, SEKDA]
    assert all(_kanan(ws, "NIP", i).data_type == "s" for i in range(3))
    assert _kanan(ws, "PANGKAT/GOL. RUANG").value == "Penata Muda (III/a)"
    assert _kanan(ws, "JABATAN").value == "Analis Perizinan" and _kanan(ws, "UNIT KERJA").value == "DPMPTSP"
    assert "PEJABAT PENILAI KINERJA" in teks and "ATASAN PEJABAT PENILAI KINERJA" in teks
    # hasil kerja table and feedback notes
    kep = _cari(ws, "UMPAN BALIK BERKELANJUTAN")[0]
    assert [ws.cell(row=kep.row, column=i).value for i in range(1, 7)] == [
        "NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "REALISASI", "UMPAN BALIK BERKELANJUTAN"]
    umpan = ws.cell(row=kep.row + 1, column=6).value
    assert "12 Mei 2026 — Budi Santoso, S.E.: Penerbitan izin sudah cepat; pertahankan." in umpan
    assert "1 Agustus 2026" in umpan and "-tolong lengkapi bukti realisasi" in umpan
    assert ws.cell(row=kep.row + 2, column=2).value == "Izin terbit"
    assert ws.cell(row=kep.row + 3, column=4).value == "5 hari" and ws.cell(row=kep.row + 3, column=5).value == "4 hari"
    nhk = _nilai_label(ws, "NILAI HASIL KERJA")
    assert nhk.value == pytest.approx(113.40) and nhk.number_format == "0.00"
    # perilaku: 7 aspects with their panduan, score = role-weighted mean (atasan 110, rekan 100 -> 107.50)
    aspek = _cari(ws, "ASPEK PERILAKU")[0].row
    nama = [ws.cell(row=aspek + i, column=2).value for i in range(1, 8)]
    assert nama == ["Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif"]
    assert ws.cell(row=aspek + 1, column=3).value.count("\n") == 2
    assert "Melakukan perbaikan tiada henti" in ws.cell(row=aspek + 1, column=3).value
    assert ws.cell(row=aspek + 1, column=5).value == pytest.approx(107.50)
    assert "atasan 110,00" in ws.cell(row=aspek + 1, column=6).value
    assert _nilai_label(ws, "NILAI PERILAKU KERJA").value == pytest.approx(107.50)
    assert _nilai_label(ws, "NILAI AKHIR").value == pytest.approx(111.04)
    assert _nilai_label(ws, "PREDIKAT KINERJA PEGAWAI").value == "BAIK"
    # two signature blocks, each with place and date: the employee left, the pejabat penilai right
    assert "Padang Panjang, 29 November 2026" in teks and "Pejabat Penilai Kinerja" in teks
    tt = _cari(ws, "Pejabat Penilai Kinerja")[0]
    bawah = [ws.cell(row=tt.row + i, column=tt.column).value for i in range(1, 7)]
    assert bawah[3:] == ["Budi Santoso, S.E.", "Pembina Utama Muda (IV/c)", "NIP. 19800101 200501 1 002"]
    assert ws.cell(row=tt.row - 1, column=tt.column).value == "Padang Panjang, 29 November 2026"
    kiri = _cari(ws, "Pegawai yang Dinilai")[0]
    assert kiri.row == tt.row and kiri.column < tt.column
    assert [ws.cell(row=kiri.row + i, column=kiri.column).value for i in (4, 5, 6)] == [
        "Citra Lestari", "Penata Muda (III/a)", "NIP. 19850214 201001 2 003"]
    # layout
    assert ws.page_setup.orientation == "portrait" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True and ws.merged_cells.ranges


def test_no_atasan_no_dash_rows_and_default_name_with_period(db_siap, kinerja, db_path, tmp_path, monkeypatch):
    _siap(kinerja, db_path)
    assert kinerja("periode", "buat", "2025").exit_code == 0
    monkeypatch.chdir(tmp_path)
    r = kinerja("ekspor", "dokumen", SEKDA, "--periode", "2026")
    assert r.exit_code == 0, r.output
    f = tmp_path / f"{SEKDA}_Drs-H-Ahmad-Yani_2026.xlsx"
    wb = openpyxl.load_workbook(f)
    assert wb.sheetnames == ["Dokumen Evaluasi"]  # assessed by the kepala daerah: no D.1.2
    ws = wb.active
    # no profile: the pejabat penilai is the (unnamed) kepala daerah, his name to be written by hand
    assert _kanan(ws, "NAMA", 1).value == "……………………" and _kanan(ws, "JABATAN", 1).value == "Kepala Daerah"
    assert "— (pejabat penilai adalah kepala daerah)" in [c.value for c in _sel(ws).values()]
    assert len(_cari(ws, "NAMA")) == 2 and not [c for c in _sel(ws).values() if c.value == "-" and c.column == 3]
    assert tanggal_id(__import__("datetime").date.today()) in " ".join(
        str(c.value) for c in _sel(ws).values())
    assert "( ………………………………………… )" in [c.value for c in _sel(ws).values()]  # his signature: name by hand
    assert "NIP. ……………………" not in [c.value for c in _sel(ws).values()]  # a kepala daerah has no NIP
    # the head of OPD without a profile: his atasan pejabat penilai is the unnamed kepala daerah, not "-"
    r = kinerja("ekspor", "dokumen", KADIS, "--periode", "2026")
    wb = openpyxl.load_workbook(tmp_path / f"{KADIS}_Budi-Santoso_2026.xlsx")
    ws = wb["Dokumen Evaluasi"]
    assert _kanan(ws, "NAMA", 2).value == "……………………" and _kanan(ws, "JABATAN", 2).value == "Kepala Daerah"
    assert wb.sheetnames == ["Dokumen Evaluasi", "D.1.2 Atasan Penilai"]
    assert not [c for c in _sel(ws).values() if c.value == "-" and c.column == 3]
    # the 2025 document sits beside the 2026 one instead of replacing it
    r = kinerja("ekspor", "dokumen", SEKDA, "--periode", "2025")
    assert r.exit_code == 0, r.output
    assert (tmp_path / f"{SEKDA}_Drs-H-Ahmad-Yani_2025.xlsx").exists() and f.exists()


def test_formula_injection_in_document(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE pegawai SET nama = '=1+1' WHERE nip = ?", [STAF1])
        c.execute("UPDATE pegawai SET jabatan = '@atasan' WHERE nip = ?", [KADIS])
        c.execute("UPDATE sasaran SET rhk = '@cmd' WHERE nip = ? AND nomor = 1", [STAF1])
    f = tmp_path / "d.xlsx"
    assert kinerja("ekspor", "dokumen", STAF1, f, "--periode", "2026").exit_code == 0
    ws = openpyxl.load_workbook(f).active
    for nilai in ("=1+1", "@atasan", "@cmd"):
        c = _cari(ws, nilai)
        assert c and all(x.data_type == "s" for x in c), nilai
    umpan = [c for c in _sel(ws).values() if isinstance(c.value, str) and "-tolong" in c.value]
    assert umpan and umpan[0].data_type == "s"
    kep = _cari(ws, "UMPAN BALIK BERKELANJUTAN")[0]
    assert ws.cell(row=kep.row + 2, column=2).value == "@cmd"


def test_unit_folder_one_file_each_and_refusals(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path, "permenpan6")
    d = tmp_path / "dok"
    r = kinerja("ekspor", "dokumen", "--unit", "DPMPTSP", "--periode", "2026", "--folder", d)
    assert r.exit_code == 0, r.output  # the folder is created when missing
    assert d.is_dir()
    nama = sorted(p.name for p in d.iterdir())
    assert nama == sorted([f"{KADIS}_Budi-Santoso_2026.xlsx", f"{STAF1}_Citra-Lestari_2026.xlsx",
                           f"{STAF2}_Dewi-Sartika_2026.xlsx", f"{PPPK1}_Eko-Prasetyo_2026.xlsx"])
    ws = openpyxl.load_workbook(d / f"{STAF2}_Dewi-Sartika_2026.xlsx").active
    assert _nilai_label(ws, "RATING HASIL KERJA").value == \
        "Di Bawah Ekspektasi (saran dari angka; belum ditetapkan pejabat penilai)"
    assert any("rating masih saran, belum ditetapkan pejabat penilai" in str(c.value) and str(c.value).startswith("Catatan:")
               for c in _sel(ws).values())
    assert _nilai_label(ws, "RATING PERILAKU KERJA").value == "-"  # 2 of 7 aspects scored: no saran (re-tester 17 R4)
    assert _nilai_label(ws, "PREDIKAT KINERJA PEGAWAI").value == "-"
    assert "Arsip perlu dirapikan" in ws.cell(row=_cari(ws, "UMPAN BALIK BERKELANJUTAN")[0].row + 1, column=6).value
    assert _kanan(ws, "PANGKAT/GOL. RUANG").value == "Pengatur (II/c)"
    pp = openpyxl.load_workbook(d / f"{PPPK1}_Eko-Prasetyo_2026.xlsx").active
    assert _kanan(pp, "PANGKAT/GOL. RUANG").value == "Golongan IX"
    waktu = os.stat(d / f"{KADIS}_Budi-Santoso_2026.xlsx").st_mtime_ns
    r = kinerja("ekspor", "dokumen", "--unit", "DPMPTSP", "--periode", "2026", "--folder", d)
    assert r.exit_code == 1 and "4 berkas sudah ada" in r.stderr and "--timpa" in r.stderr
    assert os.stat(d / f"{KADIS}_Budi-Santoso_2026.xlsx").st_mtime_ns == waktu
    assert kinerja("ekspor", "dokumen", "--unit", "DPMPTSP", "--periode", "2026", "--folder", d, "--timpa").exit_code == 0
    # usage mistakes
    r = kinerja("ekspor", "dokumen", "--periode", "2026")
    assert r.exit_code == 1 and "NIP" in r.stderr
    r = kinerja("ekspor", "dokumen", "--unit", "DPMPTSP", "--periode", "2026")
    assert r.exit_code == 1 and "--folder" in r.stderr
    r = kinerja("ekspor", "dokumen", "--unit", "DPMPTSP", "--periode", "2026", "dok")  # a folder name read as the NIP
    err = " ".join(r.stderr.split())
    assert r.exit_code == 1 and "NIP ('dok') dan --unit tidak dapat dipakai bersama" in err
    assert "kinerja ekspor dokumen --unit DPMPTSP --periode KODE --folder FOLDER" in err
    r = kinerja("ekspor", "dokumen", STAF1, "--periode", "2026", "--tanggal", "29-13-2026")  # 29-11-2026 is fine now
    assert r.exit_code == 1 and "31-01-2026 atau 31/01/2026" in r.stderr
    r = kinerja("ekspor", "dokumen", "123", "--periode", "2026")
    assert r.exit_code == 2 and "tidak valid" in r.stderr  # a malformed NIP is wrong usage


def test_closed_period_document_uses_snapshot(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE realisasi SET nilai = '50' WHERE nip = ? AND nomor = 1", [STAF1])
        c.execute("UPDATE pegawai SET jabatan = 'Jabatan Baru' WHERE nip = ?", [STAF1])
    f = tmp_path / "beku.xlsx"
    r = kinerja("ekspor", "dokumen", STAF1, f, "--periode", "2026")
    assert r.exit_code == 0 and "hasil beku" in r.stderr
    ws = openpyxl.load_workbook(f).active
    assert _kanan(ws, "JABATAN").value == "Analis Perizinan"
    assert _nilai_label(ws, "NILAI HASIL KERJA").value == pytest.approx(113.40)
    assert any(isinstance(c.value, str) and c.value.startswith("Hasil beku") for c in _sel(ws).values())
