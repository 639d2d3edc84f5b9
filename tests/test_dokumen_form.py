"""Issue 16 §2/§3: the evaluation document per Format D.1.1/D.1.2, `kinerja evaluasi catat`, the Rating
sheet's Rekomendasi column, and `kinerja ekspor skp` (Format A.1.x), read back from the workbooks."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

import openpyxl
import pytest
from cetak_bantu import cetak_pdf
from conftest import KADIS, SEKDA, STAF1, STAF2, buat_xlsx
from data_nilai import isi

from kinerja_cli.excel.dokumen_bagian import baris_periode
from kinerja_cli.model import Periode

PROFIL = ("instansi", "--pemda", "Pemerintah Kabupaten Tanah Datar", "--nama", "BKPSDM", "--tempat", "Batusangkar",
          "--kepala-nama", "H. Eka Putra, S.E., M.M.", "--kepala-jabatan", "Bupati")


def _siap(kinerja, db_path, metode="pp30", profil=True):
    assert kinerja("periode", "buat", "2026", "--metode", metode).exit_code == 0
    isi(db_path, inovasi_staf1=True)
    if profil:
        r = kinerja(*PROFIL)
        assert r.exit_code == 0, r.output


def _teks(ws) -> list[str]:
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def _sel(ws, teks):
    return [c for row in ws.iter_rows() for c in row if c.value == teks]


def _bawah(ws, c, n):
    return [ws.cell(row=c.row + i, column=c.column).value for i in range(1, n + 1)]


def _periode(jenis: str, mulai: str, selesai: str) -> Periode:
    return Periode(mulai[:4], jenis, mulai, selesai, "pp30", {}, "terbuka", "2026-01-01T08:00:00")


def test_period_lines_as_the_form_writes_them():
    assert baris_periode(_periode("tahunan", "2026-01-01", "2026-12-31")) == ["PERIODE: 1 JANUARI S.D. 31 DESEMBER 2026"]
    assert baris_periode(_periode("triwulan", "2026-01-01", "2026-03-31")) == [
        "PERIODE: TRIWULAN I", "PERIODE PENILAIAN: 1 JANUARI S.D. 31 MARET 2026"]
    assert baris_periode(_periode("triwulan", "2026-10-01", "2026-12-31"))[0] == "PERIODE: TRIWULAN IV/AKHIR"
    assert baris_periode(_periode("bulanan", "2026-02-01", "2026-02-28")) == [
        "PERIODE: BULAN FEBRUARI", "PERIODE PENILAIAN: 1 FEBRUARI S.D. 28 FEBRUARI 2026"]


def test_evaluasi_catat_stored_audited_printed_and_refused_when_closed(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    r = kinerja("evaluasi", "catat", STAF1, "--periode", "2026", "--rekomendasi", "  Ikutkan pelatihan\nanalisis kebijakan. ")
    assert r.exit_code == 0 and "Rekomendasi untuk Citra Lestari" in r.output and "dicatat" in r.output
    r = kinerja("evaluasi", "catat", STAF1, "-p", "2026", "--rekomendasi", "=HYPERLINK(1) diganti")
    assert r.exit_code == 0 and "diganti" in r.output
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT rekomendasi, oleh FROM evaluasi_rekomendasi").fetchall() == [
            ("=HYPERLINK(1) diganti", KADIS)]
        log = c.execute("SELECT aksi, nip FROM audit WHERE tabel = 'evaluasi_rekomendasi' ORDER BY id").fetchall()
    assert log == [("tambah", STAF1), ("ubah", STAF1)]
    r = kinerja("evaluasi", "catat", STAF1, "-p", "2026", "--rekomendasi", "x", "--oleh", STAF2)
    assert r.exit_code == 1 and f"{STAF2} bukan atasan langsung {STAF1}" in r.stderr
    r = kinerja("evaluasi", "catat", STAF1, "-p", "2026", "--rekomendasi", "   ")
    assert r.exit_code == 1 and "Rekomendasi kosong" in r.stderr
    r = kinerja("evaluasi", "catat", STAF1, "-p", "2026", "--rekomendasi", "a" * 1001)
    assert r.exit_code == 1 and "terlalu panjang (1001 karakter" in r.stderr

    f = tmp_path / "citra.xlsx"
    assert kinerja("ekspor", "dokumen", STAF1, f, "-p", "2026", "--tanggal", "2026-12-30").exit_code == 0
    wb = openpyxl.load_workbook(f)
    assert wb.sheetnames == ["Dokumen Evaluasi"]  # a staff member: D.1.1 only
    ws = wb.active
    kep = _sel(ws, "CATATAN/REKOMENDASI")[0]
    rek = ws.cell(row=kep.row + 1, column=1)
    assert rek.value == "=HYPERLINK(1) diganti" and rek.data_type == "s"  # never a formula
    lain = [t for t in _teks(ws) if t.startswith(("Inovasi periode ini", "Tindak lanjut"))]
    assert lain[0] == "Inovasi periode ini:\n1. Izin kilat daring"
    assert lain[1] == "Tindak lanjut pengembangan:\n1. Pengembangan kompetensi tahun 2026: 0 JP dari minimal 20 JP (kurang 20 JP)."
    # capaian kinerja organisasi and its pola distribusi come from the unit's predikat
    assert kinerja("unit", "predikat", "DPMPTSP", "baik", "--periode", "2026").exit_code == 0
    assert kinerja("ekspor", "dokumen", STAF1, f, "-p", "2026", "--timpa").exit_code == 0
    ws = openpyxl.load_workbook(f).active
    org = _sel(ws, "CAPAIAN KINERJA ORGANISASI")[0]
    assert ws.cell(row=org.row, column=5).value == "BAIK"
    assert ws.cell(row=org.row + 1, column=5).value.startswith("Predikat Baik paling banyak 70% pegawai; Paling sedikit")

    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    r = kinerja("evaluasi", "catat", STAF1, "-p", "2026", "--rekomendasi", "baru")
    assert r.exit_code == 1 and "sudah ditutup" in r.stderr and "kinerja periode buka 2026" in r.stderr


def test_kepala_daerah_closes_the_chain_and_d12_for_a_head_of_opd(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path, "permenpan6")
    # the Sekda: pejabat penilai is the Bupati of the profile, without NIP or pangkat lines
    f = tmp_path / "sekda.xlsx"
    assert kinerja("ekspor", "dokumen", SEKDA, f, "-p", "2026", "--tanggal", "2026-12-30").exit_code == 0
    wb = openpyxl.load_workbook(f)
    assert wb.sheetnames == ["Dokumen Evaluasi"]  # the kepala daerah has no atasan: no D.1.2
    ws = wb["Dokumen Evaluasi"]
    atas = _sel(ws, "ATASAN PEJABAT PENILAI KINERJA")[0]
    assert [ws.cell(row=atas.row + i, column=1).value for i in (1, 2)] == [
        "— (pejabat penilai adalah kepala daerah)", "CAPAIAN KINERJA ORGANISASI"]
    assert "-" not in [ws.cell(row=c.row, column=3).value for c in _sel(ws, "NAMA")]
    assert "Atasan Pejabat Penilai Kinerja" not in _teks(ws)
    judul = _sel(ws, "PEJABAT PENILAI KINERJA")[0]
    blok = [(ws.cell(row=judul.row + i, column=2).value, ws.cell(row=judul.row + i, column=3).value) for i in (1, 2, 3)]
    assert blok == [("NAMA", "H. Eka Putra, S.E., M.M."), ("JABATAN", "Bupati Tanah Datar"),
                    ("INSTANSI", "Pemerintah Kabupaten Tanah Datar")]
    tt = [c for c in _sel(ws, "Pejabat Penilai Kinerja") if c.column == 5][0]
    assert _bawah(ws, tt, 5)[3:] == ["H. Eka Putra, S.E., M.M.", "Bupati Tanah Datar"]
    assert not any(t.startswith("NIP -") or t == "NIP. -" for t in _teks(ws))
    assert ws.cell(row=tt.row - 1, column=5).value == "Batusangkar, 30 Desember 2026"
    # the Kadis (pejabat penilai the Sekda, top of the roster): D.1.2 signed by the Bupati as atasan
    f = tmp_path / "kadis.xlsx"
    assert kinerja("ekspor", "dokumen", KADIS, f, "-p", "2026").exit_code == 0
    wb = openpyxl.load_workbook(f)
    assert wb.sheetnames == ["Dokumen Evaluasi", "D.1.2 Atasan Penilai"]
    d12 = wb["D.1.2 Atasan Penilai"]
    assert "(PENETAPAN OLEH ATASAN PEJABAT PENILAI KINERJA)" in _teks(d12)
    atas = _sel(d12, "Atasan Pejabat Penilai Kinerja")[0]
    assert _bawah(d12, atas, 5)[3:] == ["H. Eka Putra, S.E., M.M.", "Bupati Tanah Datar"]
    kiri = [c for c in _sel(d12, "Pejabat Penilai Kinerja") if c.row == atas.row][0]
    assert _bawah(d12, kiri, 6)[3:] == ["Drs. H. Ahmad Yani", "Pembina Utama Madya (IV/d)", "NIP. 19671110 199203 1 001"]
    for s in wb.worksheets:  # each page A4 portrait, fitted to one page
        assert int(s.page_setup.paperSize) == 9 and s.page_setup.orientation == "portrait"
        assert s.page_setup.fitToWidth == 1 and s.page_setup.fitToHeight == 1 and s.print_area


def test_rating_sheet_rekomendasi_column_template_and_import(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path, "permenpan6")
    assert kinerja("evaluasi", "catat", STAF2, "-p", "2026", "--rekomendasi", "Rapikan arsip").exit_code == 0
    t = tmp_path / "t.xlsx"
    assert kinerja("templat", t, "--periode", "2026").exit_code == 0
    ws = openpyxl.load_workbook(t)["Rating"]
    kepala = [c.value for c in ws[1]]
    i = kepala.index("Rekomendasi")  # then the optional reason per rating (issue 14)
    assert kepala[i:] == ["Rekomendasi", "Alasan Hasil Kerja", "Alasan Perilaku"]
    baris = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}
    assert baris[STAF2][i] == "Rapikan arsip" and baris[STAF1][i] is None
    f = buat_xlsx(tmp_path / "r.xlsx", {"Rating": [kepala, [STAF1, "Citra", None, None, None, KADIS, "Ikut diklat PIM"],
                                                     [STAF2, "Dewi", "sesuai", None, "bukti cukup", KADIS, None]]})
    r = kinerja("rating", "impor", f, "-p", "2026")
    assert r.exit_code == 0, r.output
    assert "1 rekomendasi dicatat" in r.output
    with sqlite3.connect(db_path) as c:
        rek = dict(c.execute("SELECT nip, rekomendasi FROM evaluasi_rekomendasi").fetchall())
        assert c.execute("SELECT nip FROM rating_langsung").fetchall() == [(STAF2,)]
    assert rek == {STAF1: "Ikut diklat PIM", STAF2: "Rapikan arsip"}  # an empty cell keeps the stored text


def _skp_siap(kinerja, db_path):
    _siap(kinerja, db_path, "permenpan6")
    with sqlite3.connect(db_path) as c:
        c.execute("INSERT INTO sasaran (periode, nip, nomor, jenis, rhk, aspek, indikator, target_lo, bobot, arah,"
                  " target_maksimal, diubah) VALUES ('2026', ?, 1, 'utama', 'Investasi daerah meningkat', 'kuantitas',"
                  " 'Nilai investasi', '50', '100', 'naik', 0, 'x')", [KADIS])
        c.execute("UPDATE sasaran SET rhk_atasan_nomor = 1 WHERE nip = ? AND nomor = 1", [STAF1])


def test_skp_document_rows_status_and_signatures(db_siap, kinerja, db_path, tmp_path):
    _skp_siap(kinerja, db_path)
    assert kinerja("periode", "ubah", "2026", "--persetujuan-skp", "ya").exit_code == 0
    assert kinerja("sasaran", "ajukan", STAF1, "-p", "2026").exit_code == 0
    r = kinerja("sasaran", "setujui", STAF1, "-p", "2026", "--oleh", KADIS, "--tanggal", "2026-01-05")
    assert r.exit_code == 0, r.output
    f = tmp_path / "skp.xlsx"
    r = kinerja("ekspor", "skp", STAF1, f, "--periode", "2026")
    assert r.exit_code == 0 and "Dokumen SKP ditulis" in r.output
    ws = openpyxl.load_workbook(f).active
    teks = _teks(ws)
    assert "SASARAN KINERJA PEGAWAI" in teks and "PEMERINTAH KABUPATEN TANAH DATAR" in teks
    kep = _sel(ws, "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI")[0]
    assert [ws.cell(row=kep.row, column=i).value for i in range(1, 7)] == [
        "NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA", "ASPEK",
        "INDIKATOR KINERJA INDIVIDU", "TARGET"]
    assert ws.cell(row=kep.row + 1, column=1).value == "A. UTAMA"
    assert [ws.cell(row=kep.row + 2, column=i).value for i in range(2, 7)] == [
        "1. Investasi daerah meningkat", "Izin terbit", "Kuantitas", "Izin diproses", "100 %"]
    assert ws.cell(row=kep.row + 3, column=2).value == "-" and ws.cell(row=kep.row + 3, column=6).value == "5 hari"
    assert "Melakukan perbaikan tiada henti" in ws.cell(row=_sel(ws, "Berorientasi Pelayanan")[0].row, column=3).value
    assert "EKSPEKTASI KHUSUS PIMPINAN" in teks
    for judul in ("DUKUNGAN SUMBER DAYA", "SKEMA PERTANGGUNGJAWABAN", "KONSEKUENSI"):  # empty: filled by hand
        c = _sel(ws, judul)[0]
        assert ws.cell(row=c.row, column=3).value is None
    assert "Status persetujuan SKP: Disetujui oleh Budi Santoso, S.E. pada 5 Januari 2026." in teks
    kanan = [c for c in _sel(ws, "Pejabat Penilai Kinerja") if c.column == 5][0]
    assert ws.cell(row=kanan.row - 1, column=5).value == "Batusangkar, 5 Januari 2026"
    assert _bawah(ws, kanan, 6)[3:] == ["Budi Santoso, S.E.", "Pembina Utama Muda (IV/c)", "NIP. 19800101 200501 1 002"]
    assert ws.page_setup.fitToHeight == 1 and ws.page_setup.orientation == "portrait"
    # not agreed yet: the state is said and the date is left to be written by hand
    f2 = tmp_path / "skp2.xlsx"
    assert kinerja("ekspor", "skp", STAF2, f2, "--periode", "2026").exit_code == 0
    ws = openpyxl.load_workbook(f2).active
    assert "Status persetujuan SKP: Draf (belum diajukan)." in _teks(ws)
    assert "Batusangkar, ……………………" in _teks(ws)
    # --tanggal is for an SKP not agreed yet: on an agreed one it is not used, and the command says so
    f3 = tmp_path / "skp3.xlsx"
    r = kinerja("ekspor", "skp", STAF1, f3, "--periode", "2026", "--tanggal", "25/01/2026")
    assert r.exit_code == 0, r.output
    assert ("--tanggal 25 Januari 2026 tidak dipakai untuk 1 SKP yang sudah disetujui: yang dicetak tanggal "
            "persetujuannya (Citra Lestari: 5 Januari 2026).") in " ".join(r.output.split())
    kanan = [c for c in _sel(openpyxl.load_workbook(f3).active, "Pejabat Penilai Kinerja") if c.column == 5][0]
    assert openpyxl.load_workbook(f3).active.cell(row=kanan.row - 1, column=5).value == "Batusangkar, 5 Januari 2026"


def test_skp_unit_folder_and_refusals(db_siap, kinerja, db_path, tmp_path):
    _skp_siap(kinerja, db_path)
    d = tmp_path / "skp"
    r = kinerja("ekspor", "skp", "--unit", "DPMPTSP", "-p", "2026", "--folder", d)
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in d.iterdir()) == sorted(
        [f"SKP_{KADIS}_Budi-Santoso_2026.xlsx", f"SKP_{STAF1}_Citra-Lestari_2026.xlsx", f"SKP_{STAF2}_Dewi-Sartika_2026.xlsx",
         "SKP_199001012022211005_Eko-Prasetyo_2026.xlsx"])
    r = kinerja("ekspor", "skp", "--unit", "DPMPTSP", "-p", "2026", "--folder", d)
    assert r.exit_code == 1 and "4 berkas sudah ada" in r.stderr
    r = kinerja("ekspor", "skp", SEKDA, "-p", "2026")
    assert r.exit_code == 1 and "Drs. H. Ahmad Yani (196711101992031001) belum punya SKP periode 2026" in r.stderr
    r = kinerja("ekspor", "skp", "--unit", "DPMPTSP", "-p", "2026")
    assert r.exit_code == 1 and "--folder" in r.stderr


def _buku_satu_halaman(kinerja, db_path, folder):
    """The workbooks of test_each_document_prints_on_one_a4_page, printed in the session's soffice run."""
    _skp_siap(kinerja, db_path)
    assert kinerja("evaluasi", "catat", STAF1, "-p", "2026", "--rekomendasi", "Pertahankan. " * 40).exit_code == 0
    for args in ((STAF1, folder / "staf.xlsx"), (KADIS, folder / "kadis.xlsx")):
        assert kinerja("ekspor", "dokumen", *args, "-p", "2026").exit_code == 0
    assert kinerja("ekspor", "skp", STAF1, folder / "skp.xlsx", "-p", "2026").exit_code == 0
    return [folder / n for n in ("staf.xlsx", "kadis.xlsx", "skp.xlsx")]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice tidak terpasang")
@cetak_pdf(_buku_satu_halaman)
def test_each_document_prints_on_one_a4_page(cetakan):
    halaman = {}
    for n in ("staf", "kadis", "skp"):
        info = subprocess.run(["pdfinfo", str(cetakan / f"{n}.pdf")], capture_output=True, text=True).stdout
        halaman[n] = int(next(x for x in info.splitlines() if x.startswith("Pages:")).split()[1])
        assert "595" in next(x for x in info.splitlines() if x.startswith("Page size:"))
    assert halaman == {"staf": 1, "kadis": 2, "skp": 1}  # D.1.1 one page; D.1.1 + D.1.2 one page each


def _semua_sel(f) -> dict:
    ws = openpyxl.load_workbook(f).active
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


def test_skp_of_a_closed_period_is_frozen(db_siap, kinerja, db_path, tmp_path):
    _skp_siap(kinerja, db_path)
    with sqlite3.connect(db_path) as c:  # the Sekda's own RHK 1, which Citra never intervened
        c.execute("INSERT INTO sasaran (periode, nip, nomor, jenis, rhk, aspek, indikator, target_lo, bobot, arah,"
                  " target_maksimal, diubah) VALUES ('2026', ?, 1, 'utama', 'Tata kelola pemerintahan baik',"
                  " 'kuantitas', 'Indeks RB', '80', '100', 'naik', 0, 'x')", [SEKDA])
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    r = kinerja("ekspor", "skp", STAF1, tmp_path / "a.xlsx", "-p", "2026")
    assert r.exit_code == 0, r.output
    sebelum = _semua_sel(tmp_path / "a.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    kep = _sel(ws, "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI")[0]
    assert ws.cell(row=kep.row + 2, column=2).value == "1. Investasi daerah meningkat"
    # later: Citra moves to another unit under the Sekda with another jabatan and golongan
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE pegawai SET unit = 'BKPSDM', nip_atasan = ?, jabatan = 'Analis SDM', golongan = 'III/b'"
                  " WHERE nip = ?", [SEKDA, STAF1])
    r = kinerja("ekspor", "skp", STAF1, tmp_path / "b.xlsx", "-p", "2026")
    assert r.exit_code == 0, r.output
    sesudah = _semua_sel(tmp_path / "b.xlsx")
    assert sesudah == sebelum
    assert "Budi Santoso, S.E." in sesudah.values() and "Tata kelola pemerintahan baik" not in str(sesudah)
    # the unit's documents follow the frozen unit: Citra is still among DPMPTSP's
    d = tmp_path / "skp"
    assert kinerja("ekspor", "skp", "--unit", "DPMPTSP", "-p", "2026", "--folder", d).exit_code == 0
    assert f"SKP_{STAF1}_Citra-Lestari_2026.xlsx" in [p.name for p in d.iterdir()]
    # someone missing from the snapshot: built from current data, with one line saying so
    with sqlite3.connect(db_path) as c:
        c.execute("DELETE FROM hasil_snapshot WHERE nip = ?", [STAF2])
    r = kinerja("ekspor", "skp", STAF2, tmp_path / "c.xlsx", "-p", "2026")
    assert r.exit_code == 0, r.output
    assert f"Dewi Sartika ({STAF2}) tidak ada di hasil beku periode 2026: dokumen SKP-nya memakai data pegawai" \
        in " ".join(r.stderr.split())


def test_acting_kepala_daerah_accepted_and_printed(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path, "permenpan6")
    r = kinerja("instansi", "--kepala-jabatan", "pj. bupati")
    assert r.exit_code == 0, r.output
    assert kinerja("instansi", "--format", "json").json()["kepala_jabatan"] == "Pj. Bupati"
    for jabatan, baku in (("PLT. Wali Kota", "Plt. Wali Kota"), ("Plh Gubernur", "Plh. Gubernur")):
        assert kinerja("instansi", "--kepala-jabatan", jabatan).exit_code == 0
        assert kinerja("instansi", "--format", "json").json()["kepala_jabatan"] == baku
    r = kinerja("instansi", "--kepala-jabatan", "Pj. Camat")
    assert r.exit_code == 1 and "Jabatan kepala daerah 'Pj. Camat' tidak dikenal" in r.stderr and "Pj." in r.stderr
    assert kinerja("instansi", "--kepala-jabatan", "Pj. Bupati").exit_code == 0
    f = tmp_path / "sekda.xlsx"
    assert kinerja("ekspor", "dokumen", SEKDA, f, "-p", "2026").exit_code == 0
    ws = openpyxl.load_workbook(f).active
    judul = _sel(ws, "PEJABAT PENILAI KINERJA")[0]
    assert ws.cell(row=judul.row + 2, column=3).value == "Pj. Bupati Tanah Datar"
    tt = [c for c in _sel(ws, "Pejabat Penilai Kinerja") if c.column == 5][0]
    assert _bawah(ws, tt, 5)[3:] == ["H. Eka Putra, S.E., M.M.", "Pj. Bupati Tanah Datar"]
