"""Issue 16 §3 (the rest): the SKP's lampiran and ekspektasi khusus pimpinan stored, printed on the SKP
document (frozen for a closed period, carried over by `sasaran salin`). Read back from the database and the
workbooks."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess

import openpyxl
import pytest
from cetak_bantu import cetak_pdf
from conftest import KADIS, STAF1, STAF2
from test_dokumen_form import _sel, _semua_sel, _skp_siap, _teks

DUKUNGAN = "Aplikasi OSS RBA dan akses data LKPM"


def _lampiran_db(db_path, kode="2026") -> dict:
    with sqlite3.connect(db_path) as c:
        return {"lampiran": c.execute("SELECT nip, bagian, urutan, teks FROM skp_lampiran WHERE periode = ? "
                                      "ORDER BY nip, bagian, urutan", [kode]).fetchall(),
                "ekspektasi": c.execute("SELECT nip, aspek, teks FROM skp_ekspektasi WHERE periode = ? ORDER BY nip, aspek",
                                        [kode]).fetchall()}


def _isi(ws, judul: str, kolom: int):
    return ws.cell(row=_sel(ws, judul)[0].row, column=kolom).value


def test_lampiran_stored_replaced_per_part_audited_and_shown(db_siap, kinerja, db_path):
    _skp_siap(kinerja, db_path)
    r = kinerja("sasaran", "lampiran", STAF1, "-p", "2026", "--dukungan", f"  {DUKUNGAN} ", "--dukungan",
                "=Anggaran sosialisasi", "--konsekuensi", "Pembinaan oleh atasan bila target tidak tercapai")
    assert r.exit_code == 0, r.output
    assert ("Lampiran SKP Citra Lestari (198502142010012003) periode 2026 diperbarui: Dukungan Sumber Daya 2 baris, "
            "Konsekuensi 1 baris.") in " ".join(r.output.split())
    assert _lampiran_db(db_path)["lampiran"] == [
        (STAF1, "dukungan", 1, DUKUNGAN), (STAF1, "dukungan", 2, "=Anggaran sosialisasi"),
        (STAF1, "konsekuensi", 1, "Pembinaan oleh atasan bila target tidak tercapai")]
    # one part replaced, another cleared, the third kept
    r = kinerja("sasaran", "lampiran", STAF1, "-p", "2026", "--skema", "Laporan bulanan kepada Kepala Bidang",
                "--hapus", "dukungan")
    assert r.exit_code == 0, r.output
    assert "Skema Pertanggungjawaban 1 baris, Dukungan Sumber Daya dikosongkan" in " ".join(r.output.split()) or \
        "Dukungan Sumber Daya dikosongkan, Skema Pertanggungjawaban 1 baris" in " ".join(r.output.split())
    assert _lampiran_db(db_path)["lampiran"] == [
        (STAF1, "konsekuensi", 1, "Pembinaan oleh atasan bila target tidak tercapai"),
        (STAF1, "skema", 1, "Laporan bulanan kepada Kepala Bidang")]
    with sqlite3.connect(db_path) as c:
        log = c.execute("SELECT kunci, aksi, lama, baru FROM audit WHERE tabel = 'skp_lampiran' ORDER BY id").fetchall()
    assert [(k, a) for k, a, _, _ in log] == [
        (f"2026/{STAF1}/dukungan", "tambah"), (f"2026/{STAF1}/konsekuensi", "tambah"),
        (f"2026/{STAF1}/dukungan", "hapus"), (f"2026/{STAF1}/skema", "tambah")]
    assert json.loads(log[2][2]) == [DUKUNGAN, "=Anggaran sosialisasi"] and log[2][3] is None
    # the same again: nothing changes, nothing logged
    r = kinerja("sasaran", "lampiran", STAF1, "-p", "2026", "--skema", "Laporan bulanan kepada Kepala Bidang")
    assert r.exit_code == 0 and "sudah sama; tidak ada yang diubah" in " ".join(r.output.split())
    # without options: shown; as JSON the stored lines
    r = kinerja("sasaran", "lampiran", STAF1, "-p", "2026", "--format", "json")
    assert r.json() == [{"nip": STAF1, "bagian": "skema", "nomor": 1, "teks": "Laporan bulanan kepada Kepala Bidang"},
                        {"nip": STAF1, "bagian": "konsekuensi", "nomor": 1,
                         "teks": "Pembinaan oleh atasan bila target tidak tercapai"}]
    r = kinerja("sasaran", "lampiran", STAF1, "-p", "2026")
    assert "Dukungan Sumber Daya" in r.stdout and "(belum diisi)" in r.stdout and "Laporan bulanan" in r.stdout
    # refusals: an empty line, a part both set and cleared, an unknown employee
    r = kinerja("sasaran", "lampiran", STAF1, "-p", "2026", "--dukungan", "  ")
    assert r.exit_code == 1 and "Isi --dukungan ke-1 kosong" in r.stderr and "--hapus dukungan" in r.stderr
    r = kinerja("sasaran", "lampiran", STAF1, "-p", "2026", "--skema", "x", "--hapus", "skema")
    assert r.exit_code == 2 and "--hapus skema dan --skema tidak dapat dipakai bersama" in r.stderr
    r = kinerja("sasaran", "lampiran", "199912312020121001", "-p", "2026", "--skema", "x")
    assert r.exit_code == 1 and "tidak ada di basis data" in r.stderr


def test_ekspektasi_per_aspect_keys_case_and_full_names(db_siap, kinerja, db_path):
    _skp_siap(kinerja, db_path)
    r = kinerja("sasaran", "ekspektasi", STAF1, "-p", "2026", "--aspek", "PELAYANAN", "--teks", "Izin selesai 3 hari")
    assert r.exit_code == 0, r.output
    assert "Ekspektasi khusus pimpinan aspek Berorientasi Pelayanan untuk Citra Lestari" in " ".join(r.output.split())
    r = kinerja("sasaran", "ekspektasi", STAF1, "-p", "2026", "--aspek", "berorientasi pelayanan", "--teks", "Izin 2 hari")
    assert r.exit_code == 0 and "diganti" in r.output
    assert kinerja("sasaran", "ekspektasi", STAF1, "-p", "2026", "--aspek", "Kolaboratif", "--teks", "Aktif di tim").exit_code == 0
    assert _lampiran_db(db_path)["ekspektasi"] == [(STAF1, "kolaboratif", "Aktif di tim"), (STAF1, "pelayanan", "Izin 2 hari")]
    r = kinerja("sasaran", "ekspektasi", STAF1, "-p", "2026", "--format", "json")
    assert [(x["aspek"], x["teks"]) for x in r.json()] == [
        ("pelayanan", "Izin 2 hari"), ("akuntabel", None), ("kompeten", None), ("harmonis", None), ("loyal", None),
        ("adaptif", None), ("kolaboratif", "Aktif di tim")]
    r = kinerja("sasaran", "ekspektasi", STAF1, "-p", "2026", "--aspek", "kolaboratif", "--hapus")
    assert r.exit_code == 0 and "dihapus" in r.output
    r = kinerja("sasaran", "ekspektasi", STAF1, "-p", "2026", "--aspek", "kolaboratif", "--hapus")
    assert r.exit_code == 0 and "belum ada; tidak ada yang dihapus" in " ".join(r.output.split())
    assert _lampiran_db(db_path)["ekspektasi"] == [(STAF1, "pelayanan", "Izin 2 hari")]
    with sqlite3.connect(db_path) as c:
        assert [x[0] for x in c.execute("SELECT aksi FROM audit WHERE tabel = 'skp_ekspektasi' ORDER BY id")] == [
            "tambah", "ubah", "tambah", "hapus"]
    r = kinerja("sasaran", "ekspektasi", STAF1, "-p", "2026", "--aspek", "jujur", "--teks", "x")
    assert r.exit_code == 2 and "aspek 'jujur' tidak dikenal; pilih salah satu: pelayanan, akuntabel" in " ".join(r.stderr.split())
    r = kinerja("sasaran", "ekspektasi", STAF1, "-p", "2026", "--aspek", "loyal")
    assert r.exit_code == 2 and "--teks" in r.stderr and "--hapus" in r.stderr
    r = kinerja("sasaran", "ekspektasi", STAF1, "-p", "2026", "--teks", "x")
    assert r.exit_code == 2 and "--aspek" in r.stderr


def test_skp_document_prints_lampiran_and_ekspektasi(db_siap, kinerja, db_path, tmp_path):
    _skp_siap(kinerja, db_path)
    assert kinerja("sasaran", "lampiran", STAF1, "-p", "2026", "--dukungan", DUKUNGAN, "--dukungan", "=1+1",
                   "--konsekuensi", "Pembinaan oleh atasan").exit_code == 0
    assert kinerja("sasaran", "ekspektasi", STAF1, "-p", "2026", "--aspek", "adaptif", "--teks",
                   "Usulkan satu perbaikan layanan per triwulan").exit_code == 0
    f = tmp_path / "skp.xlsx"
    r = kinerja("ekspor", "skp", STAF1, f, "-p", "2026")
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(f)
    assert wb.sheetnames == ["SKP"]  # short: on the SKP's own page
    ws = wb.active
    assert _isi(ws, "DUKUNGAN SUMBER DAYA", 3) == f"1. {DUKUNGAN}\n2. =1+1"
    assert ws.cell(row=_sel(ws, "DUKUNGAN SUMBER DAYA")[0].row, column=3).data_type == "s"  # never a formula
    assert _isi(ws, "SKEMA PERTANGGUNGJAWABAN", 3) is None  # not recorded: an empty box for the pen
    assert _isi(ws, "KONSEKUENSI", 3) == "1. Pembinaan oleh atasan"
    assert _isi(ws, "Adaptif", 5) == "Usulkan satu perbaikan layanan per triwulan"
    assert _isi(ws, "Loyal", 5) is None
    # another employee's document has none of it
    f2 = tmp_path / "skp2.xlsx"
    assert kinerja("ekspor", "skp", STAF2, f2, "-p", "2026").exit_code == 0
    ws2 = openpyxl.load_workbook(f2).active
    assert _isi(ws2, "DUKUNGAN SUMBER DAYA", 3) is None and _isi(ws2, "Adaptif", 5) is None


def _panjang(kinerja):
    baris = ["Dukungan sumber daya yang cukup panjang untuk satu baris lampiran nomor %d: aplikasi, anggaran, "
             "sarana prasarana, dan pendampingan teknis dari bidang terkait selama periode penilaian" % i
             for i in range(1, 11)]
    args = [a for b in baris for a in ("--dukungan", b)] + [a for b in baris for a in ("--konsekuensi", b)]
    r = kinerja("sasaran", "lampiran", STAF1, "-p", "2026", *args)
    assert r.exit_code == 0, r.output


def test_long_lampiran_gets_its_own_sheet(db_siap, kinerja, db_path, tmp_path):
    _skp_siap(kinerja, db_path)
    _panjang(kinerja)
    f = tmp_path / "skp.xlsx"
    assert kinerja("ekspor", "skp", STAF1, f, "-p", "2026").exit_code == 0
    wb = openpyxl.load_workbook(f)
    assert wb.sheetnames == ["SKP", "Lampiran SKP"]
    skp, lamp = wb["SKP"], wb["Lampiran SKP"]
    assert "LAMPIRAN SASARAN KINERJA PEGAWAI" not in _teks(skp) and "Pejabat Penilai Kinerja" in _teks(skp)
    teks = _teks(lamp)
    assert teks.count("LAMPIRAN SASARAN KINERJA PEGAWAI") == 2  # the page title and the table's heading
    assert "Citra Lestari" in teks and "PERIODE: 1 JANUARI S.D. 31 DESEMBER 2026" in teks
    assert _isi(lamp, "DUKUNGAN SUMBER DAYA", 3).count("\n") == 9
    assert [c for c in _sel(lamp, "Pejabat Penilai Kinerja") if c.column == 5]
    assert lamp.page_setup.fitToHeight == 1 and lamp.page_setup.orientation == "portrait"
    assert lamp.print_area is not None


def _buku_skp(kinerja, db_path, folder):
    """The workbooks of test_skp_pages_in_libreoffice (a short lampiran, a long one), printed in the session's
    soffice run."""
    _skp_siap(kinerja, db_path)
    assert kinerja("sasaran", "lampiran", STAF2, "-p", "2026", "--dukungan", DUKUNGAN, "--skema", "Laporan bulanan",
                   "--konsekuensi", "Pembinaan").exit_code == 0
    _panjang(kinerja)
    for n, nip in (("pendek", STAF2), ("panjang", STAF1)):
        assert kinerja("ekspor", "skp", nip, folder / f"{n}.xlsx", "-p", "2026").exit_code == 0
    return [folder / "pendek.xlsx", folder / "panjang.xlsx"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice tidak terpasang")
@cetak_pdf(_buku_skp)
def test_skp_pages_in_libreoffice(cetakan):
    halaman = {}
    for n in ("pendek", "panjang"):
        info = subprocess.run(["pdfinfo", str(cetakan / f"{n}.pdf")], capture_output=True, text=True).stdout
        halaman[n] = int(next(x for x in info.splitlines() if x.startswith("Pages:")).split()[1])
    assert halaman == {"pendek": 1, "panjang": 2}
    if shutil.which("pdftotext"):
        kedua = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(cetakan / "panjang.pdf"), "-"],
                               capture_output=True, text=True).stdout
        assert "LAMPIRAN SASARAN KINERJA PEGAWAI" in kedua and "KONSEKUENSI" in kedua


def test_closed_period_refused_and_document_frozen(db_siap, kinerja, db_path, tmp_path):
    _skp_siap(kinerja, db_path)
    assert kinerja("sasaran", "lampiran", STAF1, "-p", "2026", "--dukungan", DUKUNGAN).exit_code == 0
    assert kinerja("sasaran", "ekspektasi", STAF1, "-p", "2026", "--aspek", "loyal", "--teks", "Jaga rahasia").exit_code == 0
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    for args in (("lampiran", STAF1, "-p", "2026", "--skema", "x"),
                 ("ekspektasi", STAF1, "-p", "2026", "--aspek", "loyal", "--hapus")):
        r = kinerja("sasaran", *args)
        assert r.exit_code == 1 and "Periode 2026 sudah ditutup" in r.stderr and "kinerja periode buka 2026" in r.stderr
    assert kinerja("ekspor", "skp", STAF1, tmp_path / "a.xlsx", "-p", "2026").exit_code == 0
    sebelum = _semua_sel(tmp_path / "a.xlsx")
    assert f"1. {DUKUNGAN}" in sebelum.values() and "Jaga rahasia" in sebelum.values()
    with sqlite3.connect(db_path) as c:  # whatever changes the stored rows later, the closed period's SKP stays
        c.execute("UPDATE skp_lampiran SET teks = 'diubah kemudian'")
        c.execute("DELETE FROM skp_ekspektasi")
    assert kinerja("ekspor", "skp", STAF1, tmp_path / "b.xlsx", "-p", "2026").exit_code == 0
    assert _semua_sel(tmp_path / "b.xlsx") == sebelum
    # still viewable
    r = kinerja("sasaran", "lampiran", STAF1, "-p", "2026", "--format", "json")
    assert r.exit_code == 0 and r.json()[0]["teks"] == "diubah kemudian"


def test_change_sends_agreed_skp_back_to_draf(db_siap, kinerja, db_path):
    _skp_siap(kinerja, db_path)
    assert kinerja("periode", "ubah", "2026", "--persetujuan-skp", "ya").exit_code == 0
    assert kinerja("sasaran", "ajukan", STAF1, "-p", "2026").exit_code == 0
    assert kinerja("sasaran", "setujui", STAF1, "-p", "2026", "--oleh", KADIS).exit_code == 0
    r = kinerja("sasaran", "ekspektasi", STAF1, "-p", "2026", "--aspek", "kompeten", "--teks", "Ikut pelatihan OSS")
    assert r.exit_code == 0, r.output
    assert ("SKP Citra Lestari (198502142010012003) kembali ke draf (sebelumnya disetujui) dan perlu diajukan serta "
            "disetujui lagi") in " ".join(r.stderr.split())
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT status, alasan FROM skp_status WHERE nip = ?", [STAF1]).fetchone() == (
            "draf", "ekspektasi khusus pimpinan berubah")


def test_salin_carries_lampiran_and_ekspektasi(db_siap, kinerja, db_path):
    _skp_siap(kinerja, db_path)
    assert kinerja("sasaran", "lampiran", STAF1, "-p", "2026", "--dukungan", DUKUNGAN, "--konsekuensi", "Teguran").exit_code == 0
    assert kinerja("sasaran", "ekspektasi", STAF1, "-p", "2026", "--aspek", "harmonis", "--teks", "Bantu rekan").exit_code == 0
    assert kinerja("periode", "buat", "2027").exit_code == 0
    assert kinerja("sasaran", "ekspektasi", STAF2, "-p", "2027", "--aspek", "loyal", "--teks", "Sudah ada").exit_code == 0
    assert kinerja("sasaran", "lampiran", STAF2, "-p", "2026", "--skema", "Tidak ikut").exit_code == 0
    r = kinerja("sasaran", "salin", "--dari", "2026", "--ke", "2027")
    assert r.exit_code == 0, r.output
    assert "Lampiran SKP dan ekspektasi khusus pimpinan 1 pegawai ikut disalin" in " ".join(r.output.split())
    assert _lampiran_db(db_path, "2027") == {
        "lampiran": [(STAF1, "dukungan", 1, DUKUNGAN), (STAF1, "konsekuensi", 1, "Teguran")],
        "ekspektasi": [(STAF1, "harmonis", "Bantu rekan"), (STAF2, "loyal", "Sudah ada")]}  # STAF2's own kept
    with sqlite3.connect(db_path) as c:
        baru = [json.loads(x[0]) for x in c.execute("SELECT baru FROM audit WHERE tabel IN ('skp_lampiran', "
                                                    "'skp_ekspektasi') AND kunci LIKE '2027/%' AND nip = ?", [STAF1])]
    assert len(baru) == 3 and all(b["disalin_dari"] == "2026" for b in baru)
