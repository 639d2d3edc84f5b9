"""Re-tester findings of issue 17 part C (the import inbox): a template of another period is refused,
formula cells without a stored result are problems of their cells, dependent sheets say why they
were not checked, what kinerja writes it accepts, who sent what, dates shown the Indonesian way."""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest
from conftest import KADIS, STAF1, STAF2, buat_xlsx

H_SASARAN = ["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]
H_REALISASI = ["NIP", "Nomor", "Realisasi"]


def _q(db, sql, *args):
    with sqlite3.connect(db) as c:
        return c.execute(sql, args).fetchall()


def _teks(r) -> str:
    return " ".join(r.output.split())


@pytest.fixture
def dua_periode(db_periode, kinerja, tmp_path):
    """Periods 2026 (with KADIS's SKP and realisations) and 2027 (the same SKP, no realisations)."""
    assert kinerja("periode", "buat", "2027", "--metode", "pp30").exit_code == 0
    skp = buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [
        H_SASARAN, [KADIS, 1, "Investasi", "Nilai", 100, "%", 60], [KADIS, 2, "Izin", "Hari", 5, "hari", 40]]})
    for kode in ("2026", "2027"):
        r = kinerja("sasaran", "impor", skp, "--periode", kode)
        assert r.exit_code == 0, r.output
    r = kinerja("realisasi", "impor", buat_xlsx(tmp_path / "r26.xlsx", {"Realisasi": [
        H_REALISASI, [KADIS, 1, 90], [KADIS, 2, 4]]}), "--periode", "2026")
    assert r.exit_code == 0, r.output
    return db_periode


def _isi_realisasi(path, nilai=77):
    wb = openpyxl.load_workbook(path)
    ws = wb["Realisasi"]
    judul = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value:
            ws.cell(r, judul.index("Realisasi") + 1).value = nilai
    wb.save(path)
    return path


def _simpanan(db):
    return (_q(db, "SELECT periode, nip, nomor, nilai FROM realisasi ORDER BY 1, 2, 3"),
            _q(db, "SELECT COUNT(*) FROM audit"))


# --- R1: a workbook made for another period is never imported into the target period in silence ---

def test_r1_templat_periode_lain_ditolak_impor_buku_periode_bawaan(dua_periode, kinerja, tmp_path):
    f = tmp_path / "DPMPTSP_2027.xlsx"
    assert kinerja("templat", f, "--periode", "2027", "--unit", "DPMPTSP").exit_code == 0
    _isi_realisasi(f)
    assert kinerja("periode", "pakai", "2026").exit_code == 0
    sebelum = _simpanan(dua_periode)
    r = kinerja("impor", f)  # no -p: the default period 2026
    assert r.exit_code == 1, r.output
    t = _teks(r)
    assert ("DPMPTSP_2027.xlsx adalah templat periode 2027 (properti berkas kinerja_periode), bukan periode 2026 "
            "yang dituju impor ini. Tidak ada data yang ditulis.") in t
    assert "ulangi perintah dengan --periode 2027 (-p 2027)" in t
    assert "impor ulang berkas itu dengan --periode periode templatnya" in t
    assert _simpanan(dua_periode) == sebelum  # the 2026 realisations 90 and 4 are still there
    r = kinerja("impor", f, "--periode", "2027")  # the fix the message names
    assert r.exit_code == 0, r.output
    assert _q(dua_periode, "SELECT nomor, nilai FROM realisasi WHERE periode = '2027' ORDER BY 1") == [
        (1, "77"), (2, "77")]


def test_r1_templat_lama_dibaca_dari_petunjuk_setiap_importir(dua_periode, kinerja, tmp_path):
    """A template sent out before the property existed records its period in the Petunjuk title only;
    every importer of period data refuses it for another period, naming where it read the period."""
    f = buat_xlsx(tmp_path / "lama.xlsx", {
        "Petunjuk": [["Templat kinerja ASN, periode 2027"], [], ["Periode", "2027 (tahunan)"]],
        "Sasaran": [H_SASARAN, [KADIS, 1, "Investasi", "Nilai", 100, "%", 60], [KADIS, 2, "Izin", "Hari", 5, "hari", 40]],
        "Realisasi": [H_REALISASI, [KADIS, 1, 11], [KADIS, 2, 1]]})
    sebelum = _simpanan(dua_periode)
    for perintah in ("sasaran", "realisasi"):
        r = kinerja(perintah, "impor", f, "--periode", "2026")
        assert r.exit_code == 1, r.output
        assert ("lama.xlsx adalah templat periode 2027 (judul sheet Petunjuk, sel A1), bukan periode 2026 yang "
                "dituju impor ini") in _teks(r)
    r = kinerja("impor", f, "--periode", "2026", "--tandai-folder", tmp_path / "tandai")
    assert r.exit_code == 1 and "adalah templat periode 2027" in _teks(r)
    assert not (tmp_path / "tandai" / "lama.galat.xlsx").exists()  # nothing of the OPD's to mark
    assert _simpanan(dua_periode) == sebelum


def test_r1_berkas_kantor_tanpa_penanda_tetap_diterima(dua_periode, kinerja, tmp_path):
    f = buat_xlsx(tmp_path / "kantor.xlsx", {"Realisasi": [H_REALISASI, [KADIS, 1, 91]]})
    r = kinerja("realisasi", "impor", f, "--periode", "2026")
    assert r.exit_code == 0, r.output
    assert (1, "91") in _q(dua_periode, "SELECT nomor, nilai FROM realisasi WHERE periode = '2026'")


# --- R6: a formula cell without a stored result is one problem of its cell, not the end of the check ---

def _rumus(ws, koordinat: str, rumus: str) -> None:
    ws[koordinat] = rumus  # openpyxl stores the formula without a result, as a script would


def test_r6_rumus_tanpa_hasil_satu_masalah_selnya(dua_periode, kinerja, tmp_path):
    f = tmp_path / "DPMPTSP_2027.xlsx"
    assert kinerja("templat", f, "--periode", "2027", "--unit", "DPMPTSP").exit_code == 0
    _isi_realisasi(f, 80)
    wb = openpyxl.load_workbook(f)
    ws = wb["Realisasi"]
    _rumus(ws, "G2", "=40+40")
    ws["G3"] = "delapan"  # another problem further down the same sheet
    wp = wb["Perilaku"]
    aspek = [c.value for c in wp[1]].index("Berorientasi Pelayanan") + 1
    wp.cell(2, aspek).value = 500  # and one in a later sheet
    sel_perilaku = wp.cell(2, aspek).coordinate
    wb.save(f)
    sebelum = _simpanan(dua_periode)
    r = kinerja("impor", f, "--periode", "2027", "--tandai-folder", tmp_path / "tandai")
    assert r.exit_code == 1, r.output
    t = _teks(r)
    assert "1 sel di sheet 'Realisasi' berisi rumus tanpa hasil tersimpan, misalnya Realisasi!G2" in t
    assert "'delapan'" in t and "500" in t  # every other problem of the workbook, in the same run
    assert "DPMPTSP" in t  # the unit to chase is named, not "-"
    assert _simpanan(dua_periode) == sebelum
    tandai = openpyxl.load_workbook(tmp_path / "tandai" / "DPMPTSP_2027.galat.xlsx")
    komentar = tandai["Realisasi"]["G2"].comment.text
    assert "Sel Realisasi!G2 berisi rumus (=40+40) tanpa hasil tersimpan di berkas" in komentar
    assert "Paste Values" in komentar
    assert tandai["Realisasi"]["G3"].comment is not None and tandai["Perilaku"][sel_perilaku].comment is not None
    daftar = [c.value for row in tandai["Galat kinerja"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any("rumus (=40+40)" in v for v in daftar)


# --- R2: a sheet left unchecked because the sheet it depends on was refused says so, on every screen ---

def test_r2_realisasi_tidak_diperiksa_disebut_di_layar_80_dan_salinan(dua_periode, kinerja, tmp_path, monkeypatch):
    f = buat_xlsx(tmp_path / "dinsos.xlsx", {
        "Sasaran": [H_SASARAN, [KADIS, 1, "Investasi", "Nilai", 100, "%", 60], [KADIS, 2, "Izin", "Hari", 5, "hari", 99]],
        "Realisasi": [H_REALISASI, [KADIS, 1, "#N/A"], [KADIS, 2, "1.200"]]})
    monkeypatch.setenv("COLUMNS", "80")
    sebelum = _simpanan(dua_periode)
    r = kinerja("impor", f, "--periode", "2027", "--tandai-folder", tmp_path / "tandai")
    assert r.exit_code == 1, r.output
    hasil = " ".join(b.split("│")[-2].strip() for b in r.stdout.splitlines() if b.startswith("│"))
    # (the Realisasi rows of KADIS, whose Sasaran rows were refused, wait for his SKP: tests/test_impor_realisasi_tertunda.py)
    belum = "Baris sheet Realisasi milik 1 pegawai yang baris Sasarannya ditolak belum diperiksa terhadap SKP-nya."
    assert belum in hasil  # the column never hidden
    assert _simpanan(dua_periode) == sebelum
    ws = openpyxl.load_workbook(tmp_path / "tandai" / "dinsos.galat.xlsx")["Galat kinerja"]
    daftar = [" ".join(str(v) for v in row if v) for row in ws.iter_rows(values_only=True)]
    assert any(d.startswith(f"peringatan Realisasi Baris sheet Realisasi milik 1 pegawai yang baris Sasarannya ditolak "
                            f"({KADIS}) belum diperiksa") for d in daftar), daftar


# --- R8: the Petunjuk sheet shows when the template was made the Indonesian way ---

def test_r8_petunjuk_dibuat_cara_indonesia(db_periode, kinerja, tmp_path):
    import re

    from kinerja_cli.validation.tanggal_id import BULAN

    f = tmp_path / "t.xlsx"
    assert kinerja("templat", f, "--periode", "2026").exit_code == 0
    baris = {r[0]: r[1] for r in openpyxl.load_workbook(f)["Petunjuk"].iter_rows(values_only=True) if r and r[0]}
    assert re.fullmatch(rf"\d{{1,2}} ({'|'.join(BULAN)}) \d{{4}} \d{{2}}\.\d{{2}}", baris["Dibuat"]), baris["Dibuat"]


# --- R7: only a workbook imported counts as a unit sending; short unit names on a narrow screen ---

def test_r7_salin_bkpsdm_bukan_kiriman_unit(dua_periode, kinerja, tmp_path, monkeypatch):
    assert kinerja("periode", "buat", "2028", "--metode", "pp30").exit_code == 0
    assert kinerja("sasaran", "salin", "--dari", "2026", "--ke", "2028").exit_code == 0  # done by the HR office
    r = kinerja("status", "--kiriman", "-p", "2028", "--format", "json")
    baris = {b["unit"]: b for b in r.json()}
    assert baris["DPMPTSP"]["sasaran"] is None and baris["DPMPTSP"]["belum"] is True
    f = buat_xlsx(tmp_path / "r.xlsx", {"Realisasi": [H_REALISASI, [KADIS, 1, 50]]})
    assert kinerja("realisasi", "impor", f, "-p", "2028").exit_code == 0  # a workbook the unit sent
    baris = {b["unit"]: b for b in kinerja("status", "--kiriman", "-p", "2028", "--format", "json").json()}
    assert baris["DPMPTSP"]["realisasi"] and baris["DPMPTSP"]["sasaran"] is None


def test_r7_kiriman_nama_singkat_di_layar_sempit(dua_periode, kinerja, monkeypatch):
    assert kinerja("unit", "singkatan", "Sekretariat Daerah", "Setda").exit_code == 0
    monkeypatch.setenv("COLUMNS", "80")
    r = kinerja("status", "--kiriman", "-p", "2026")
    assert r.exit_code == 0, r.output
    unit = [b.split("│")[1].strip() for b in r.stdout.splitlines() if b.startswith("│")]
    assert "Setda" in unit and "Sekretariat" not in unit and "Daerah" not in unit


# --- R3: what kinerja writes, kinerja accepts; a roster change that strands RHK Atasan links is told ---

H_SASARAN_TAUT = [*H_SASARAN, "RHK Atasan (Nomor)"]


@pytest.fixture
def kadis_tanpa_atasan(db_periode, kinerja, tmp_path):
    """KADIS's SKP links RHK 2 of SEKDA; then a roster without KADIS's NIP Atasan is imported."""
    from conftest import HEADER_PEGAWAI, ROSTER, SEKDA

    skp = buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [
        H_SASARAN_TAUT, [SEKDA, 1, "Kota", "IKU", 100, "%", 50, None], [SEKDA, 2, "Investasi", "Nilai", 100, "%", 50, None],
        [KADIS, 1, "Investasi", "Nilai", 100, "%", 60, 2], [KADIS, 2, "Izin", "Hari", 5, "hari", 40, None]]})
    r = kinerja("sasaran", "impor", skp, "--periode", "2026")
    assert r.exit_code == 0, r.output
    roster = [list(b) for b in ROSTER]
    roster[1][6] = None  # KADIS's NIP Atasan cleared (rosters kept per OPD)
    r = kinerja("pegawai", "impor", buat_xlsx(tmp_path / "pegawai.xlsx", {"Pegawai": [HEADER_PEGAWAI, *roster]}))
    assert r.exit_code == 0, r.output
    return db_periode, r


def test_r3_templat_tidak_mengisi_tautan_yang_akan_ditolak(kadis_tanpa_atasan, kinerja, tmp_path):
    db, _ = kadis_tanpa_atasan
    f = tmp_path / "DPMPTSP.xlsx"
    assert kinerja("templat", f, "--periode", "2026", "--unit", "DPMPTSP").exit_code == 0
    wb = openpyxl.load_workbook(f)
    ws = wb["Sasaran"]
    judul = [c.value for c in ws[1]]
    kolom = judul.index("RHK Atasan (Nomor)") + 1
    baris = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == KADIS and ws.cell(r, judul.index("Nomor") + 1).value == 1]
    sel = ws.cell(baris[0], kolom)
    assert sel.value is None
    assert "Tersimpan RHK atasan nomor 2, tetapi pegawai ini tidak punya atasan langsung" in sel.comment.text
    petunjuk = " ".join(str(v) for r in wb["Petunjuk"].iter_rows(values_only=True) for v in r if v)
    assert "1 sel RHK Atasan (Nomor) sengaja dikosongkan" in petunjuk
    r = kinerja("impor", f, "--periode", "2026")  # the unchanged template is accepted
    assert r.exit_code == 0, r.output


def test_r3_pegawai_impor_memperingatkan_tautan_yang_menggantung(kadis_tanpa_atasan):
    _, r = kadis_tanpa_atasan
    t = _teks(r)
    assert ("NIP Atasan berubah, tetapi SKP masih menautkan nomor RHK atasan lama (1 pegawai): Budi Santoso, S.E. "
            "(198001012005011002): 1 baris SKP periode 2026 menautkan RHK atasan lama 196711101992031001, kini tanpa "
            "atasan.") in t
    assert "Perbaiki kolom RHK Atasan (Nomor) mereka" in t and "kinerja periksa" in t
