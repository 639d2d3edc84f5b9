"""Tester findings of issue 17 part A (the period-end inbox): every problem of a workbook in one run,
what a workbook brought, file names and columns at 80 columns, the marked copies, the Rating sheet's
saran comments and a Peran that contradicts the roster."""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest
from conftest import KADIS, SEKDA, STAF1, STAF2, buat_xlsx

from kinerja_cli.kosakata import ASPEK_BERAKHLAK, NAMA_ASPEK

H_SASARAN = ["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]
H_REALISASI = ["NIP", "Nomor", "Realisasi"]
H_PERILAKU = ["NIP", "NIP Penilai", "Peran", *(NAMA_ASPEK[a] for a in ASPEK_BERAKHLAK)]
TAK_DIKENAL = "199901012020011999"


def _q(db, sql, *args):
    with sqlite3.connect(db) as c:
        return c.execute(sql, args).fetchall()


def _teks(r) -> str:
    return " ".join(r.output.split())


def _kolom(teks: str, i: int) -> str:
    """The text of column `i` of a Rich table, its wrapped lines joined (to read a cell as a user does)."""
    sel = [b.split("│")[1:-1][i].strip() for b in teks.splitlines() if b.startswith("│")]
    return " ".join(x for x in sel if x)


def _galat(ws, koordinat: str, kode: str) -> None:
    """A real error cell (t="e"), as Excel saves a failed formula's result."""
    ws[koordinat] = kode
    ws[koordinat].data_type = "e"


def _buku(path, sheets: dict, galat: dict | None = None):
    buat_xlsx(path, sheets)
    if galat:
        wb = openpyxl.load_workbook(path)
        for ref, kode in galat.items():
            sheet, sel = ref.split("!")
            _galat(wb[sheet], sel, kode)
        wb.save(path)
    return path


@pytest.fixture
def periode(db_periode, kinerja, tmp_path):
    r = kinerja("sasaran", "impor", buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [
        H_SASARAN, [KADIS, 1, "Investasi", "Nilai", 100, "%", 60], [KADIS, 2, "Izin", "Hari", 5, "hari", 40],
        [STAF1, 1, "Berkas", "Berkas", 10, "dok", 100]]}), "--periode", "2026")
    assert r.exit_code == 0, r.output
    return db_periode


# --- A1: an error cell is one problem of its cell; every other problem is listed in the same run ---

def test_a1_sel_galat_tidak_menyembunyikan_masalah_lain_realisasi(periode, kinerja, tmp_path):
    f = _buku(tmp_path / "r.xlsx", {"Realisasi": [
        H_REALISASI, [KADIS, 1, 97], [KADIS, 2, 0], [TAK_DIKENAL, 1, 80], [STAF1, 1, "sepuluh"]]},
        {"Realisasi!C3": "#N/A"})
    sebelum = _q(periode, "SELECT COUNT(*) FROM audit")
    r = kinerja("realisasi", "impor", f, "--periode", "2026", "--tandai", tmp_path / "r.galat.xlsx")
    assert r.exit_code == 1, r.output
    t = _teks(r)
    assert "Sel Realisasi!C3 berisi galat Excel #N/A" in t
    assert TAK_DIKENAL in t and "'sepuluh'" in t  # the rows after the error cell were checked too
    assert "1 sel di sheet 'Realisasi' berisi galat Excel (#N/A), misalnya Realisasi!C3; dan 2 galat lain di 2 baris" in t
    assert "belum diisi" not in t  # the error cell is not read as an unfilled realisation
    assert _q(periode, "SELECT COUNT(*) FROM realisasi") == [(0,)]
    assert _q(periode, "SELECT COUNT(*) FROM audit") == sebelum
    ws = openpyxl.load_workbook(tmp_path / "r.galat.xlsx")["Realisasi"]  # every problem marked in one copy
    assert "#N/A" in ws["C3"].comment.text and ws["A4"].comment is not None and ws["C5"].comment is not None
    # --lewati-galat keeps the good rows of a file with wrong values, never one with an error cell
    r = kinerja("realisasi", "impor", f, "--periode", "2026", "--lewati-galat")
    assert r.exit_code == 1 and "--lewati-galat tidak melewati sel seperti ini" in _teks(r)
    assert _q(periode, "SELECT COUNT(*) FROM realisasi") == [(0,)]


def test_a1_pelatihan_ref_tidak_menyembunyikan_tanggal_dan_nip(db_periode, kinerja, tmp_path):
    f = _buku(tmp_path / "p.xlsx", {"Pelatihan": [
        ["NIP", "Kegiatan", "Tanggal", "JP"], [STAF1, "Diklat A", "2026-03-01", 8],
        [STAF1, "Diklat B", "31/02/2026", 8], [TAK_DIKENAL, "Diklat C", "2026-03-02", 8]]},
        {"Pelatihan!D2": "#REF!"})
    r = kinerja("pelatihan", "impor", f)
    assert r.exit_code == 1, r.output
    t = _teks(r)
    assert "Sel Pelatihan!D2 berisi galat Excel #REF!" in t and "31/02/2026" in t and TAK_DIKENAL in t
    assert "JP kosong" not in t  # the error cell's own problem says it, not a second 'empty' one
    assert _q(db_periode, "SELECT COUNT(*) FROM pelatihan") == [(0,)]


def test_a1_karakter_kendali_dan_galat_lain_satu_kali(db_periode, kinerja, tmp_path):
    f = buat_xlsx(tmp_path / "u.xlsx", {"Umpan Balik": [
        ["NIP", "Dari", "Tanggal", "Catatan"], [STAF1, KADIS, "2026-03-01", "baik_x001B_"],
        [TAK_DIKENAL, KADIS, "2026-03-01", "baik"]]})
    r = kinerja("umpan-balik", "impor", f, "--periode", "2026")
    assert r.exit_code == 1, r.output
    t = _teks(r)
    assert "1 sel berisi karakter kendali" in t and "di sel D2" in t and TAK_DIKENAL in t


def test_a1_impor_buku_semua_masalah_semua_sheet_dalam_satu_kali(periode, kinerja, tmp_path):
    """Realisasi!C2 #N/A, a score 130 and an unknown NIP penilai in Perilaku, and the '1.200' warning: one run."""
    f = _buku(tmp_path / "dinsos.xlsx", {
        "Realisasi": [H_REALISASI, [KADIS, 1, 97], [KADIS, 2, "1.200"], [STAF1, 1, "95,5"]],
        "Perilaku": [H_PERILAKU, [STAF1, KADIS, "atasan", 130, *([100] * 6)],
                     [STAF2, TAK_DIKENAL, "atasan", *([100] * 7)]],
    }, {"Realisasi!C2": "#N/A"})
    kembali = tmp_path / "kembali"
    r = kinerja("impor", f, "--periode", "2026", "--tandai-folder", kembali)
    assert r.exit_code == 1, r.output
    t = _teks(r)
    assert "Sel Realisasi!C2 berisi galat Excel #N/A" in t
    assert "130" in t and f"Penilai {TAK_DIKENAL} tidak ada di daftar pegawai" in t
    assert "'1.200'" in t and "dibaca cara Indonesia" in t  # A2: the warning of the refused workbook is shown with its problems
    assert "2 sheet bermasalah" in t
    assert _q(periode, "SELECT COUNT(*) FROM realisasi") == [(0,)] and _q(periode, "SELECT COUNT(*) FROM perilaku") == [(0,)]
    wb = openpyxl.load_workbook(kembali / "dinsos.galat.xlsx")  # one marked copy with every sheet's cells
    assert "#N/A" in wb["Realisasi"]["C2"].comment.text and "130" in wb["Perilaku"]["D2"].comment.text


def test_a1_sheet_yang_bergantung_pada_sheet_ditolak_tidak_diperiksa(periode, kinerja, tmp_path):
    f = buat_xlsx(tmp_path / "b.xlsx", {
        "Sasaran": [H_SASARAN, [STAF2, 1, "Berkas", "Berkas", "#N/A", "dok", 100]],
        "Realisasi": [H_REALISASI, [STAF2, 1, 90]],  # against stored targets: a false 'no SKP row'
        "Perilaku": [H_PERILAKU, [STAF2, KADIS, "atasan", 130, *([100] * 6)]],
    })
    b = kinerja("impor", f, "--periode", "2026", "--format", "json").json()[0]
    assert b["ditolak"] and "Realisasi (tidak diperiksa: sheet Sasaran ditolak)" in b["sheet"]
    assert "sheet Perilaku" in b["galat"] and "#N/A" in b["galat"]


def test_a2_peringatan_sheet_yang_diterima_tampil_bila_buku_ditolak(periode, kinerja, tmp_path):
    f = buat_xlsx(tmp_path / "b.xlsx", {
        "Realisasi": [H_REALISASI, [KADIS, 1, "1.200"], [KADIS, 2, "4,5"]],  # accepted, with a warning
        "Perilaku": [H_PERILAKU, [STAF1, KADIS, "atasan", 130, *([100] * 6)]],  # refused
    })
    r = kinerja("impor", f, "--periode", "2026")
    assert r.exit_code == 1, r.output
    t = _teks(r)
    assert "130" in t and "'1.200'" in t and "dibaca cara Indonesia" in t
    assert "peringatan" in t


# --- A3/A4: a workbook sent back as it went out brought nothing; status names who still owes what ---

def _kiriman_sekda_tanpa_isi(kinerja, tmp_path):
    """Sekretariat Daerah's targets are stored, so its workbook goes out with its Sasaran pre-filled;
    DPMPTSP fills and returns its workbook, Sekretariat Daerah returns its own unchanged."""
    from test_impor_buku import _isi_templat

    r = kinerja("sasaran", "impor", buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [
        H_SASARAN, [SEKDA, 1, "Tata kelola", "Indeks", 80, "indeks", 100]]}), "--periode", "2026")
    assert r.exit_code == 0, r.output
    kirim = tmp_path / "kirim"
    assert kinerja("templat", "--per-unit", kirim, "--periode", "2026").exit_code == 0
    _isi_templat(kirim / "DPMPTSP_2026.xlsx", {})
    return kirim


def test_a3_a4_buku_dikirim_balik_tanpa_isi_bukan_kiriman(kinerja, db_periode, tmp_path, monkeypatch):
    kirim = _kiriman_sekda_tanpa_isi(kinerja, tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    r = kinerja("impor", kirim, "--periode", "2026")
    assert r.exit_code == 0, r.output
    t = _teks(r)
    # A4: at 80 columns (the Sheet column hidden) the result says the workbook brought nothing new
    assert "disembunyikan agar muat di layar 80 kolom: Sheet" in t
    assert "diimpor, tidak ada data baru; belum diisi: Realisasi, Perilaku" in _kolom(r.output, -1), r.output
    b = {x["berkas"]: x for x in kinerja("impor", kirim, "--periode", "2026", "--format", "json").json()}
    assert b["Sekretariat-Daerah_2026.xlsx"]["hasil"] == "diimpor, tidak ada data baru; belum diisi: Realisasi, Perilaku"
    # A3 (rule of temuan17e E1): the pre-filled Sasaran returned with its rows counts as sent, changed or not;
    # the sheets left empty ("belum diisi") do not
    lembar = _q(db_periode, "SELECT json_extract(baru, '$.lembar') FROM audit WHERE tabel = 'kiriman' "
                            "AND kunci = '2026/Sekretariat Daerah'")
    assert lembar and all(x == ('["Sasaran"]',) for x in lembar)
    k = {x["unit"]: x for x in kinerja("status", "-p", "2026", "--kiriman", "--format", "json").json()}
    assert k["Sekretariat Daerah"]["sasaran"] and k["Sekretariat Daerah"]["realisasi"] is None
    assert k["Sekretariat Daerah"]["kurang"] == "Realisasi, Perilaku"
    assert k["DPMPTSP"]["kurang"] == ""
    monkeypatch.setenv("COLUMNS", "200")
    t = _teks(kinerja("status", "-p", "2026", "--kiriman"))
    assert "sudah mengirim" not in t
    assert "Belum lengkap: 1 unit. Belum Realisasi, Perilaku: Sekretariat Daerah." in t


@pytest.mark.parametrize("lebar", ["80", "100"])
def test_a5_tabel_masalah_beberapa_sheet_tetap_menampilkan_sheet(periode, kinerja, tmp_path, monkeypatch, lebar):
    f = buat_xlsx(tmp_path / "b.xlsx", {
        "Realisasi": [H_REALISASI, [TAK_DIKENAL, 1, 90]],
        "Perilaku": [H_PERILAKU, [STAF1, TAK_DIKENAL, "atasan", *([100] * 7)]],
    })
    monkeypatch.setenv("COLUMNS", lebar)
    r = kinerja("impor", f, "--periode", "2026")
    assert r.exit_code == 1, r.output
    tabel = r.stderr.split("Masalah di b.xlsx", 1)[1]
    assert "┃ Sheet" in tabel.splitlines()[2] and {"Realisasi", "Perilaku"} <= set(_kolom(tabel, 1).split())
    t = _teks(r)
    assert "--tandai-folder" in t.split("Masalah di b.xlsx", 1)[1] and "(--tandai)" not in t


# --- A7/A8: a file name is never split mid-word; the hidden-columns line names only options the command has ---

def test_a7_kata_panjang_di_kolom_teks_dipecah_di_tanda_pisah():
    from rich.console import Console

    from kinerja_cli.output import Kolom
    from kinerja_cli.output.lebar import TEKS, tabel_pas

    kolom = [Kolom("berkas", "Berkas", jenis="pecah", penting=1), Kolom("hasil", "Hasil", jenis=TEKS, penting=1)]
    baris = [["Dinas-Sosial_2026.xlsx", "ditolak: Impor Dinas-Sosial_2026.xlsx ditolak karena 3 galat di 2 baris"]]
    c = Console(width=44, record=True, color_system=None)
    c.print(tabel_pas(kolom, baris, lebar=44))
    teks = c.export_text()
    assert "2026.xl" not in teks.replace("2026.xlsx", "")  # never 'Dinas-Sosial_2026.xl' / 'sx'
    potongan = [x for x in _kolom(teks, 1).split() if "Sosial" in x or "2026" in x]
    assert potongan and all(p in ("Dinas-Sosial_", "Dinas-", "Sosial_", "2026.xlsx", "Dinas-Sosial_2026.xlsx") for p in potongan)


@pytest.mark.parametrize("lebar", ["50", "80", "160"])
def test_a7_a8_templat_per_unit_nama_berkas_utuh_dan_tanpa_format(kinerja, db_periode, tmp_path, monkeypatch, lebar):
    monkeypatch.setenv("COLUMNS", lebar)
    r = kinerja("templat", "--per-unit", tmp_path / "kirim", "--periode", "2026")
    assert r.exit_code == 0, r.output
    sel = [b.split("│")[1].strip() for b in r.stdout.splitlines() if b.startswith("│")]
    nama = "".join(sel)  # the Berkas column, its lines joined: the file names, each whole
    assert nama == "DPMPTSP_2026.xlsxSekretariat-Daerah_2026.xlsx", r.stdout
    assert all(s.endswith(("_", "-", ".xlsx")) for s in sel if s), sel  # folded only after _ or -
    assert "--format" not in r.output  # templat has no --format
    if lebar == "50":
        assert "Kolom disembunyikan" in r.output and "Semua kolom: terminal yang lebih lebar." in " ".join(r.output.split())


# --- A6: --tandai-folder never overwrites a marked copy without --timpa (as --tandai) ---

def test_a6_tandai_folder_tidak_menimpa_tanpa_timpa(periode, kinerja, tmp_path):
    f = buat_xlsx(tmp_path / "b.xlsx", {"Perilaku": [H_PERILAKU, [STAF1, KADIS, "atasan", 130, *([100] * 6)]]})
    kembali = tmp_path / "kembali"
    kembali.mkdir()
    (kembali / "b.galat.xlsx").write_bytes(b"salinan yang sudah dikirim ke OPD")
    r = kinerja("impor", f, "--periode", "2026", "--tandai-folder", kembali)
    assert r.exit_code == 1
    t = _teks(r)
    assert "1 salinan bertanda sudah ada di" in t and "b.galat.xlsx" in t and "--timpa" in t
    assert (kembali / "b.galat.xlsx").read_bytes() == b"salinan yang sudah dikirim ke OPD"
    r = kinerja("impor", f, "--periode", "2026", "--tandai-folder", kembali, "--timpa")
    assert r.exit_code == 1 and "130" in _teks(r)
    assert "130" in openpyxl.load_workbook(kembali / "b.galat.xlsx")["Perilaku"]["D2"].comment.text


# --- A9: no saran from zeros on the Rating sheet before the realisations are in ---

def test_a9_templat_rating_tanpa_saran_sebelum_realisasi_lengkap(db_siap, kinerja, tmp_path):
    assert kinerja("periode", "buat", "2026", "--metode", "permenpan6").exit_code == 0
    assert kinerja("sasaran", "impor", buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [
        H_SASARAN, [STAF1, 1, "Berkas", "Berkas", 10, "dok", 100], [STAF2, 1, "Surat", "Surat", 10, "surat", 100]]}),
        "--periode", "2026").exit_code == 0
    assert kinerja("perilaku", "impor", buat_xlsx(tmp_path / "p.xlsx", {"Perilaku": [
        H_PERILAKU, [STAF1, KADIS, "atasan", *([100] * 7)], [STAF2, KADIS, "atasan", *([100] * 7)]]}),
        "--periode", "2026").exit_code == 0
    assert kinerja("realisasi", "impor", buat_xlsx(tmp_path / "r.xlsx", {"Realisasi": [
        H_REALISASI, [STAF2, 1, 10]]}), "--periode", "2026").exit_code == 0  # Dewi's realisation only
    f = tmp_path / "templat.xlsx"
    assert kinerja("templat", f, "-p", "2026", "--unit", "DPMPTSP").exit_code == 0
    ws = openpyxl.load_workbook(f)["Rating"]
    judul = [c.value for c in ws[1]]
    hk, pk = judul.index("Rating Hasil Kerja") + 1, judul.index("Rating Perilaku") + 1
    baris = {ws.cell(row=i, column=1).value: i for i in range(2, ws.max_row + 1)}
    citra, dewi = baris[STAF1], baris[STAF2]
    assert ws.cell(row=citra, column=hk).comment is None  # no realisation yet: no 'Di Bawah Ekspektasi (NHK 0,00 ...)'
    assert ws.cell(row=citra, column=pk).comment is not None  # the behaviour scores are complete: its saran stays
    assert ws.cell(row=dewi, column=hk).comment.text.startswith("Saran kinerja dari angka:")


# --- A10: a Peran that contradicts the roster is named with both readings ---

def test_a10_peran_rekan_padahal_atasan_langsung_diperingatkan(db_periode, kinerja, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # the warning read whole, on one line
    f = buat_xlsx(tmp_path / "p.xlsx", {"Perilaku": [H_PERILAKU, [STAF1, KADIS, "rekan kerja", *([100] * 7)]]})
    r = kinerja("perilaku", "impor", f, "--periode", "2026")
    assert r.exit_code == 0, r.output
    t = _teks(r)
    assert (f"NIP Penilai {KADIS} adalah atasan langsung pegawai {STAF1} menurut data pegawai, tetapi Peran ditulis "
            "rekan") in t
    assert "tulis Peran atasan" in t
    assert _q(db_periode, "SELECT peran FROM perilaku WHERE nip = ?", STAF1) == [("rekan",)]  # the file's role kept
