"""kinerja templat: the fill-in workbook (sheets, headers, formats, validations, pre-fill, safety)."""

from __future__ import annotations

import os
import sqlite3
import stat

import openpyxl
import pytest

from kinerja_cli.excel.baca import baca_sheet
from kinerja_cli.kolom import PERILAKU, REALISASI, SASARAN
from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2

SEMUA = {SEKDA, KADIS, STAF1, STAF2, PPPK1}
DPMPTSP = {KADIS, STAF1, STAF2, PPPK1}


@pytest.fixture
def siap(db_periode, kinerja):
    return db_periode


def _templat(kinerja, path, *args):
    r = kinerja("templat", path, "--periode", "2026", *args)
    assert r.exit_code == 0, r.output
    return openpyxl.load_workbook(path)


def _judul(ws) -> list:
    return [c.value for c in ws[1]]


def _data(ws) -> list[dict]:
    """Data rows (with a value somewhere) as {header: value}."""
    kepala = _judul(ws)
    return [dict(zip(kepala, r)) for r in ws.iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]


def _huruf(ws, judul: str) -> str:
    return ws.cell(1, _judul(ws).index(judul) + 1).column_letter


def _validasi(ws) -> dict:
    """column letter -> DataValidation (every validation here covers one column)."""
    hasil = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            assert rng.min_col == rng.max_col
            hasil[openpyxl.utils.get_column_letter(rng.min_col)] = dv
    return hasil


def _sasaran(db_path, nip, nomor, rhk, indikator, lo, hi=None, bobot="50", arah="naik", maks=0):
    with sqlite3.connect(db_path) as c:
        c.execute(
            "INSERT INTO sasaran (periode, nip, nomor, jenis, rhk, rhk_atasan_nomor, aspek, indikator, target_lo, "
            "target_hi, satuan, bobot, arah, target_maksimal, diubah) "
            "VALUES ('2026', ?, ?, 'utama', ?, 1, 'kuantitas', ?, ?, ?, 'dokumen', ?, ?, ?, '2026-01-05T08:00:00')",
            [nip, nomor, rhk, indikator, lo, hi, bobot, arah, maks])


@pytest.mark.templat_penuh
def test_sheets_headers_and_formats(siap, kinerja, tmp_path):
    wb = _templat(kinerja, tmp_path / "t.xlsx")
    assert wb.sheetnames == ["Petunjuk", "Sasaran", "Realisasi", "Perilaku"]
    for tata in (SASARAN, REALISASI, PERILAKU):
        ws = wb[tata.nama_sheet]
        assert _judul(ws) == [k.judul for k in tata.kolom]
        assert ws["A1"].font.bold and ws["A1"].fill.fgColor.rgb.endswith("1F4E78")
        assert ws.freeze_panes is not None and ws.freeze_panes.endswith("2")
        assert ws.column_dimensions["A"].number_format == "@"  # whole NIP column is text
        assert ws["A5000"].number_format == "@"  # ...and each cell of the validated range
    ws = wb["Sasaran"]
    assert ws.freeze_panes == "D2"
    nip = [r["NIP"] for r in _data(ws)]
    assert set(nip) == SEMUA and all(isinstance(n, str) for n in nip)
    for row in ws.iter_rows(min_row=2, max_row=6):
        assert row[0].number_format == "@" and row[0].data_type == "s"
    # plain numbers, never percent, in Bobot and Target
    for judul in ("Bobot (%)", "Target"):
        assert "%" not in ws[f"{_huruf(ws, judul)}2"].number_format
    wp = wb["Perilaku"]
    assert wp.column_dimensions["C"].number_format == "@" and wp["C4000"].number_format == "@"
    assert wb["Petunjuk"].column_dimensions["B"].width >= 80
    assert wb["Petunjuk"]["B8"].alignment.wrap_text


@pytest.mark.templat_penuh
def test_data_validations(siap, kinerja, tmp_path):
    wb = _templat(kinerja, tmp_path / "t.xlsx")
    ws = wb["Sasaran"]
    v = _validasi(ws)
    daftar = {"Jenis": "utama,tambahan", "Aspek": "kuantitas,kualitas,waktu,biaya", "Arah": "naik,turun",
              "Target Maksimal": "ya,tidak", "Status SKP": "draf,diajukan,disetujui,dikembalikan"}
    for judul, isi in daftar.items():
        dv = v[_huruf(ws, judul)]
        assert dv.type == "list" and dv.formula1 == f'"{isi}"', judul
        assert dv.showErrorMessage and "hanya boleh berisi" in dv.error
        assert str(dv.sqref).endswith("5000") and str(dv.sqref).startswith(f"{_huruf(ws, judul)}2")
    bobot = v[_huruf(ws, "Bobot (%)")]
    assert (bobot.type, bobot.formula1, bobot.formula2) == ("decimal", "0", "100")
    assert _huruf(ws, "Target") not in v and _huruf(ws, "NIP") not in v
    wp = wb["Perilaku"]
    vp = _validasi(wp)
    assert vp[_huruf(wp, "Peran")].formula1 == '"atasan,rekan,bawahan,diri"'
    for judul in [k.judul for k in PERILAKU.kolom[4:]]:
        dv = vp[_huruf(wp, judul)]
        assert (dv.type, dv.formula1, dv.formula2) == ("decimal", "0", "120") and "0 sampai 120" in dv.error


def test_prefill_active_employees_and_atasan_rows(siap, kinerja, tmp_path, db_path):
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE pegawai SET aktif = 0 WHERE nip = ?", [STAF2])
    wb = _templat(kinerja, tmp_path / "t.xlsx")
    sas = _data(wb["Sasaran"])
    assert {r["NIP"] for r in sas} == SEMUA - {STAF2}
    citra = next(r for r in sas if r["NIP"] == STAF1)
    assert (citra["Nama"], citra["Jabatan"], citra["RHK"], citra["Bobot (%)"]) == \
        ("Citra Lestari", "Analis Perizinan", None, None)
    per = _data(wb["Perilaku"])
    assert {(r["NIP"], r["NIP Penilai"], r["Peran"]) for r in per} == {
        (KADIS, SEKDA, "atasan"), (STAF1, KADIS, "atasan"), (PPPK1, KADIS, "atasan")}  # Sekda has no atasan
    assert all(isinstance(r["NIP Penilai"], str) for r in per)
    assert wb["Perilaku"]["C2"].number_format == "@"
    assert _data(wb["Realisasi"]) == []  # no SKP yet: headers only, the note is in Petunjuk
    petunjuk = " ".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value)
    assert "belum ada SKP tersimpan" in petunjuk


def test_unit_filter_case_insensitive(siap, kinerja, tmp_path):
    wb = _templat(kinerja, tmp_path / "t.xlsx", "--unit", "dpmptsp")
    assert {r["NIP"] for r in _data(wb["Sasaran"])} == DPMPTSP
    assert {r["NIP"] for r in _data(wb["Perilaku"])} == DPMPTSP
    teks = [c.value for row in wb["Petunjuk"].iter_rows() for c in row]
    assert "DPMPTSP" in teks  # the stored spelling of the unit


def test_existing_skp_rows_prefilled(siap, kinerja, tmp_path, db_path):
    _sasaran(db_path, STAF1, 1, "Izin usaha terbit", "Lama penerbitan izin", "3", bobot="60", arah="turun")
    _sasaran(db_path, STAF1, 2, "Laporan bersih", "Persentase laporan tanpa temuan", "80", hi="90.50",
             bobot="40", maks=1)
    with sqlite3.connect(db_path) as c:
        c.execute("INSERT INTO skp_status (periode, nip, status) VALUES ('2026', ?, 'diajukan')", [STAF1])
    wb = _templat(kinerja, tmp_path / "t.xlsx")
    sas = _data(wb["Sasaran"])
    citra = [r for r in sas if r["NIP"] == STAF1]
    assert [r["Nomor"] for r in citra] == [1, 2]
    r1, r2 = citra
    assert (r1["RHK"], r1["Target"], r1["Bobot (%)"], r1["Arah"], r1["Target Maksimal"], r1["Status SKP"]) == \
        ("Izin usaha terbit", 3, 60, "turun", "tidak", "diajukan")
    # the stored link to RHK 1 of KADIS, who has no SKP row 1: left empty (the import would refuse it), said why
    assert (r2["Target"], r2["Bobot (%)"], r2["Target Maksimal"], r2["Satuan"], r2["RHK Atasan (Nomor)"]) == \
        ("80-90.5", 40, "ya", "dokumen", None)
    ws = wb["Sasaran"]
    judul = [c.value for c in ws[1]]
    sel = [ws.cell(i, judul.index("RHK Atasan (Nomor)") + 1) for i in range(2, ws.max_row + 1)
           if ws.cell(i, 1).value == STAF1 and ws.cell(i, judul.index("Nomor") + 1).value == 2][0]
    assert "Tersimpan RHK atasan nomor 1, tetapi SKP atasan langsungnya" in sel.comment.text
    assert len([r for r in sas if r["NIP"] == STAF2]) == 1  # others: one empty row each
    rea = _data(wb["Realisasi"])
    assert [(r["NIP"], r["Nomor"], r["Indikator"], r["Target"], r["Realisasi"], r["Bukti"]) for r in rea] == [
        (STAF1, 1, "Lama penerbitan izin", 3, None, None),
        (STAF1, 2, "Persentase laporan tanpa temuan", "80-90.5", None, None)]
    assert wb["Realisasi"]["A2"].data_type == "s" and wb["Realisasi"]["A2"].number_format == "@"


def test_kosong_has_headers_only(siap, kinerja, tmp_path, db_path):
    _sasaran(db_path, STAF1, 1, "RHK", "IKI", "10", bobot="100")
    wb = _templat(kinerja, tmp_path / "t.xlsx", "--kosong")
    for tata in (SASARAN, REALISASI, PERILAKU):
        ws = wb[tata.nama_sheet]
        assert _judul(ws) == [k.judul for k in tata.kolom]
        assert _data(ws) == []
        assert bool(_validasi(ws)) == (tata is not REALISASI)  # the drop-downs are there for typing


def test_user_text_never_becomes_formula(siap, kinerja, tmp_path, db_path):
    jahat = {"198601012010011001": ("=SUM(A1)", "=HYPERLINK(\"http://x\",\"klik\")"),
             "198601012010011002": ("@SUM(A1)", "+62 812"),
             "198601012010011003": ("-2+3", "Staf\x07 biasa")}
    with sqlite3.connect(db_path) as c:
        for nip, (nama, jabatan) in jahat.items():
            c.execute("INSERT INTO pegawai (nip, nama, jabatan, unit, nip_atasan, status, aktif, dibuat, diubah) "
                      "VALUES (?, ?, ?, 'DPMPTSP', ?, 'PNS', 1, 'x', 'x')", [nip, nama, jabatan, KADIS])
    _sasaran(db_path, "198601012010011001", 1, "=1+1", "+cmd|' /C calc'!A0", "5", bobot="100")
    path = tmp_path / "t.xlsx"
    wb = _templat(kinerja, path)
    ws = wb["Sasaran"]
    sel = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value}
    for nip, (nama, jabatan) in jahat.items():
        c_nama, c_jab = ws.cell(sel[nip], 2), ws.cell(sel[nip], 3)
        assert c_nama.value == nama and c_nama.data_type == "s"
        assert c_jab.data_type == "s"
    assert ws.cell(sel["198601012010011003"], 3).value == "Staf biasa"  # control character dropped
    assert ws.cell(sel["198601012010011001"], 2).quotePrefix  # stays text when edited in Excel
    baris = sel["198601012010011001"]
    assert ws.cell(baris, 6).value == "=1+1" and ws.cell(baris, 6).data_type == "s"
    assert ws.cell(baris, 10).value == "+cmd|' /C calc'!A0" and ws.cell(baris, 10).data_type == "s"
    ws_r = wb["Realisasi"]
    assert ws_r["D2"].value == "+cmd|' /C calc'!A0" and ws_r["D2"].data_type == "s"
    # and no formula anywhere in the file's XML
    import zipfile

    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            if n.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(n) and b"<f " not in z.read(n)


def test_teks_aman_helper_on_normal_workbook():
    from kinerja_cli.excel.aman import teks_aman

    ws = openpyxl.Workbook().active
    for i, v in enumerate(["=A1", "+1", "-1", "@x", "\tx", "biasa", 5, None], start=1):
        c = teks_aman(ws.cell(i, 1), v)
        if isinstance(v, str):
            assert c.value == v and c.data_type == "s"
            assert bool(c.quotePrefix) == (v != "biasa")
        else:
            assert c.value == v and c.data_type != "s" or v is None


def test_refuses_overwrite_without_timpa(siap, kinerja, tmp_path):
    path = tmp_path / "t.xlsx"
    path.write_bytes(b"punya orang lain")
    r = kinerja("templat", path, "--periode", "2026")
    assert r.exit_code == 1 and "sudah ada" in r.stderr and "--timpa" in r.stderr
    assert path.read_bytes() == b"punya orang lain"
    r = kinerja("templat", path, "--periode", "2026", "--timpa")
    assert r.exit_code == 0, r.output
    assert openpyxl.load_workbook(path).sheetnames[0] == "Petunjuk"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_file_mode_and_no_leftovers(siap, kinerja, tmp_path):
    folder = tmp_path / "keluar"
    folder.mkdir()
    path = folder / "t.xlsx"
    r = kinerja("templat", path, "--periode", "2026")
    assert r.exit_code == 0 and str(path) in r.stderr
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert os.listdir(folder) == ["t.xlsx"]  # the temporary file was moved, nothing left behind


def test_unknown_period_unit_and_bad_names(siap, kinerja, tmp_path):
    path = tmp_path / "t.xlsx"
    r = kinerja("templat", path, "--periode", "2027")
    assert r.exit_code == 1 and "Periode 2027 belum dibuat" in r.stderr and "kinerja periode buat 2027" in r.stderr
    r = kinerja("templat", path, "--periode", "2026", "--unit", "Dinas Antah")
    assert r.exit_code == 1 and "Unit kerja 'Dinas Antah' tidak ditemukan" in r.stderr
    assert "kinerja unit daftar" in r.stderr
    r = kinerja("templat", tmp_path / "t.xls", "--periode", "2026")
    assert r.exit_code == 1 and ".xlsx" in r.stderr
    r = kinerja("templat", tmp_path / "tidak-ada" / "t.xlsx", "--periode", "2026")
    assert r.exit_code == 1 and "Folder" in r.stderr
    r = kinerja("templat", path)
    assert r.exit_code == 2  # --periode is required
    assert os.listdir(tmp_path).count("t.xlsx") == 0


def test_closed_period_warns(siap, kinerja, tmp_path):
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    r = kinerja("templat", tmp_path / "t.xlsx", "--periode", "2026")
    assert r.exit_code == 0 and "sudah ditutup" in r.stderr


def test_header_detection_round_trip(siap, kinerja, tmp_path, db_path):
    _sasaran(db_path, STAF1, 1, "RHK satu", "IKI satu", "10", bobot="100")
    path = tmp_path / "t.xlsx"
    _templat(kinerja, path)
    for tata, jumlah in ((SASARAN, 5), (REALISASI, 1), (PERILAKU, 4)):
        isi = baca_sheet(path, tata)
        assert isi.sheet == tata.nama_sheet and isi.baris_judul == 1
        assert {k.key for k in tata.kolom} <= set(isi.huruf)  # every column found, required ones included
        assert len(isi.baris) == jumlah
        assert all(isinstance(b.nilai["nip"], str) and len(b.nilai["nip"]) == 18 for b in isi.baris)
        assert all(b.format == {} for b in isi.baris)  # rows carry percent formats only (the "@" is checked below)
    per = baca_sheet(path, PERILAKU)
    assert all(isinstance(b.nilai["penilai"], str) for b in per.baris)
    # a row typed by the OPD below the pre-filled ones: NIP typed into a text cell stays text
    wb = openpyxl.load_workbook(path)
    ws = wb["Realisasi"]
    ws["A3"].value, ws["C3"].value, ws["G3"].value = STAF1, 2, 7
    assert ws["A3"].number_format == "@"
    wb.save(path)
    assert [b.nilai["nip"] for b in baca_sheet(path, REALISASI).baris] == [STAF1, STAF1]


def test_validated_range_grows_with_rows(tmp_path, monkeypatch):
    from kinerja_cli.excel import templat as xt

    monkeypatch.setattr(xt, "BATAS_BARIS", 10)
    monkeypatch.setattr(xt, "CADANGAN_BARIS", 5)
    from kinerja_cli.model import Periode

    isi = xt.IsiTemplat(periode=Periode("2026", "tahunan", "2026-01-01", "2026-12-31", "pp30", {}, "terbuka",
                                        "2026-01-01T08:00:00"),
                        unit=None, dibuat="2026-01-01 08:00", jumlah_pegawai=20,
                        sasaran=[{"nip": f"1985021420100120{i:02d}", "nama": f"P{i}"} for i in range(20)])
    path = xt.tulis_templat(tmp_path / "b.xlsx", isi)
    ws = openpyxl.load_workbook(path)["Sasaran"]
    assert str(_validasi(ws)["E"].sqref) == "E2:E26"  # 20 rows + header + 5 spare
    assert ws["A26"].number_format == "@"
