"""`kinerja ekspor rekap`: every written workbook opened again with openpyxl and checked."""

from __future__ import annotations

import os
import sqlite3
import stat
from decimal import Decimal

import openpyxl
import pytest
from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2
from data_nilai import isi

from kinerja_cli.services import ekspor as layanan_ekspor

KEPALA_PP30 = ["No", "NIP", "Nama", "Jabatan", "Golongan", "Unit", "NHK", "NPK", "NA", "Predikat", "Catatan"]
KEPALA_P6 = ["No", "NIP", "Nama", "Jabatan", "Golongan", "Unit", "NHK", "Rating Hasil Kerja", "NPK",
             "Rating Perilaku Kerja", "Predikat", "Catatan"]


def _siap(kinerja, db_path, metode="pp30"):
    assert kinerja("periode", "buat", "2026", "--metode", metode).exit_code == 0
    isi(db_path)


def _rekap(kinerja, path, *extra):
    r = kinerja("ekspor", "rekap", path, "--periode", "2026", *extra)
    assert r.exit_code == 0, r.output
    return openpyxl.load_workbook(path)


def _baris_kepala(ws, judul="No"):
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == judul:
            return row[0].row
    raise AssertionError(f"no header in {ws.title}")


def _data(ws, kepala):
    judul = [c.value for c in ws[kepala] if c.value is not None]
    hasil = []
    for r in range(kepala + 1, ws.max_row + 1):
        sel = {j: ws.cell(row=r, column=i + 1) for i, j in enumerate(judul)}
        if sel[judul[0]].value is None:
            break
        hasil.append(sel)
    return judul, hasil


def test_rekap_sheets_numbers_formats_print(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    f = tmp_path / "rekap.xlsx"
    wb = _rekap(kinerja, f)
    assert wb.sheetnames == ["Ringkasan", "Rekap", "Rincian", "Pengembangan", "Dampak"]
    json_rows = {x["nip"]: x for x in kinerja("nilai", "--periode", "2026", "--format", "json").json()}
    ws = wb["Rekap"]
    assert ws["A1"].value == "REKAPITULASI PENILAIAN KINERJA PEGAWAI"  # no profile: a neutral kop
    teks_judul = " ".join(str(ws.cell(row=r, column=1).value) for r in range(2, 6))
    assert "Periode: 2026" in teks_judul and "PP 30/2019" in teks_judul and "terbuka" in teks_judul
    assert "pukul" in teks_judul
    # no file path in a document for the leadership
    assert not any(db_path.name in str(c.value) or "basis data" in str(c.value)
                   for w in wb for row in w.iter_rows() for c in row if c.value)
    k = _baris_kepala(ws)
    judul, data = _data(ws, k)
    assert judul == KEPALA_PP30
    assert len(data) == 5
    for s in data:
        nip = s["NIP"].value
        assert s["NIP"].data_type == "s"
        j = json_rows[nip]
        if not j["ada_data"]:  # no data at all in the period: no numbers, no predikat yet
            assert s["Nama"].value == j["nama"] and s["Predikat"].value == "belum dinilai"
            assert [s[k].value for k in ("NHK", "NPK", "NA")] == ["-", "-", "-"]
            continue
        assert s["Nama"].value == j["nama"] and s["Predikat"].value == j["predikat"]
        for kol, kunci in (("NHK", "nhk"), ("NPK", "npk"), ("NA", "na")):
            assert s[kol].data_type == "n" and s[kol].number_format == "0.00"
            assert s[kol].value == pytest.approx(j[kunci])
    per_nip = {s["NIP"].value: s for s in data}
    assert per_nip[STAF1]["NHK"].value == pytest.approx(113.40) and per_nip[STAF1]["NA"].value == pytest.approx(111.04)
    assert per_nip[STAF2]["Predikat"].fill.fgColor.rgb.endswith("FFEB9C")
    assert "realisasi belum lengkap" in per_nip[PPPK1]["Catatan"].value
    assert "belum ada SKP" in per_nip[KADIS]["Catatan"].value
    # layout and print setup
    assert ws.freeze_panes == f"D{k + 1}"
    assert ws.auto_filter.ref == f"A{k}:K{k + 5}"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert str(ws.page_setup.paperSize) == "9"
    assert ws.print_title_rows == f"${k}:${k}"
    assert ws.column_dimensions["C"].width >= 20
    # Ringkasan: counts, shares, chart
    rs = wb["Ringkasan"]
    kr = _baris_kepala(rs, "Unit Kerja")
    judul, data = _data(rs, kr)
    # a pp30 period: the 70-<90 column is Cukup (PP 30/2019 Pasal 41 ayat 5 huruf c)
    assert judul[:7] == ["Unit Kerja", "Jumlah", "Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"]
    baris = {s["Unit Kerja"].value: s for s in data}
    dp, total = baris["DPMPTSP"], baris["Jumlah"]
    assert (dp["Jumlah"].value, dp["Baik"].value, dp["Cukup"].value, dp["Sangat Kurang"].value) == (4, 1, 1, 2)
    assert dp["% Sangat Kurang"].value == pytest.approx(0.5) and dp["% Sangat Kurang"].number_format == "0.00%"
    # the Sekda has nothing recorded (no SKP, no score): left out of the spread (see services.distribusi)
    assert (total["Jumlah"].value, total["Sangat Kurang"].value) == (4, 2)
    assert total["% Sangat Kurang"].value == pytest.approx(0.5)
    assert dp["Predikat Unit"].value == "belum ditetapkan"
    assert len(rs._charts) == 2
    # Rincian: every SKP row, and NHK traceable
    rc = wb["Rincian"]
    judul, data = _data(rc, _baris_kepala(rc, "NIP"))
    assert judul[:6] == ["NIP", "Nama", "No", "Jenis", "Rencana Hasil Kerja", "Indikator"]
    assert "Cabang Konversi" in judul and "Capaian (%)" in judul
    assert len(data) == 5
    s1 = [s for s in data if s["NIP"].value == STAF1]
    nhk = sum(Decimal(str(s["Bobot (%)"].value)) * Decimal(str(s["Nilai Capaian"].value)) for s in s1) / 100
    assert nhk == Decimal("113.4")
    assert s1[1]["Cabang Konversi"].value == "C > 110 → 120" and s1[1]["Arah"].value == "turun"
    pp = [s for s in data if s["NIP"].value == PPPK1]
    assert pp[0]["Target"].value == "80-90" and pp[1]["Target"].value == 10
    assert pp[1]["Realisasi"].value == "-" and pp[1]["Capaian (%)"].value == 0
    assert rc.freeze_panes is not None and rc.auto_filter.ref.endswith(str(_baris_kepala(rc, "NIP") + 5))
    # file safety
    assert stat.S_IMODE(os.stat(f).st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_permenpan6_columns_and_direct_rating(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path, "permenpan6")
    with sqlite3.connect(db_path) as c:
        c.execute("INSERT INTO rating_langsung (periode, nip, hasil_kerja, perilaku, alasan_hasil_kerja, diubah)"
                  " VALUES ('2026', ?, 'sesuai', 'di-bawah', 'beban kerja berat', 'x')", [STAF2])  # 2 of 7 aspects: no saran
    wb = _rekap(kinerja, tmp_path / "r6.xlsx")
    ws = wb["Rekap"]
    judul, data = _data(ws, _baris_kepala(ws))
    assert judul == KEPALA_P6
    s = {x["NIP"].value: x for x in data}
    assert s[STAF1]["Rating Hasil Kerja"].value == "Di Atas Ekspektasi (saran)"  # not set by the pejabat penilai
    assert "rating masih saran, belum ditetapkan pejabat penilai" in s[STAF1]["Catatan"].value
    assert s[STAF2]["Rating Hasil Kerja"].value == "Sesuai Ekspektasi *"
    assert s[STAF2]["Predikat"].value == "Kurang/Misconduct"
    assert "beban kerja berat" in s[STAF2]["Catatan"].value
    assert "PermenPANRB 6/2022" in ws["A3"].value
    assert wb["Ringkasan"].cell(row=_baris_kepala(wb["Ringkasan"], "Unit Kerja"), column=6).value == "Kurang/Misconduct"
    assert "Rating IKI" in [c.value for c in wb["Rincian"][_baris_kepala(wb["Rincian"], "NIP")]]


def test_per_unit_sheet_names_and_filter(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    panjang = "Dinas Pemberdayaan Masyarakat dan Desa Kota Bukittinggi"
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE pegawai SET unit = 'Bagian Umum/Protokol' WHERE nip = ?", [SEKDA])
        c.execute("UPDATE pegawai SET unit = ? WHERE nip = ?", [panjang, PPPK1])
    r = kinerja("ekspor", "rekap", tmp_path / "u.xlsx", "--periode", "2026", "--per-unit")
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(tmp_path / "u.xlsx")
    # a name longer than a sheet tab allows (31) and without an official short name is cut (no made-up
    # acronym), with a warning naming the fix; the full name stays in the title
    assert wb.sheetnames == ["Ringkasan", "Rekap", "Rincian", "Pengembangan", "Dampak", "Bagian Umum-Protokol",
                             "Dinas Pemberdayaan Masyarakat d", "DPMPTSP"]
    assert f"Nama unit '{panjang}' lebih dari 31 karakter" in r.stderr and "kinerja unit singkatan" in r.stderr
    ws = wb["Dinas Pemberdayaan Masyarakat d"]
    assert panjang in ws["A1"].value
    _, data = _data(ws, _baris_kepala(ws))
    assert [s["NIP"].value for s in data] == [PPPK1]
    _, data = _data(wb["DPMPTSP"], _baris_kepala(wb["DPMPTSP"]))
    assert sorted(s["NIP"].value for s in data) == sorted([KADIS, STAF1, STAF2])
    assert wb["DPMPTSP"].freeze_panes and wb["DPMPTSP"].page_setup.orientation == "landscape"
    # --unit: only that unit, everywhere
    wb = _rekap(kinerja, tmp_path / "satu.xlsx", "--unit", "dpmptsp")
    _, data = _data(wb["Rekap"], _baris_kepala(wb["Rekap"]))
    assert len(data) == 3 and "DPMPTSP" in wb["Rekap"]["A1"].value
    assert "Lingkup: unit kerja DPMPTSP" in [c.value for c in wb["Ringkasan"]["A"]]


def test_user_text_never_becomes_formula(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE pegawai SET nama = '=1+1', jabatan = '+62 staf' WHERE nip = ?", [STAF2])
        c.execute("UPDATE sasaran SET rhk = '@cmd', indikator = '=HYPERLINK(\"x\")' WHERE nip = ? AND nomor = 1", [STAF1])
        c.execute("UPDATE realisasi SET bukti = '-tolong' WHERE nip = ? AND nomor = 1", [STAF1])
    wb = _rekap(kinerja, tmp_path / "f.xlsx", "--per-unit")
    for ws in (wb["Rekap"], wb["DPMPTSP"]):
        s = {x["NIP"].value: x for x in _data(ws, _baris_kepala(ws))[1]}
        assert s[STAF2]["Nama"].value == "=1+1" and s[STAF2]["Nama"].data_type == "s"
        assert s[STAF2]["Jabatan"].value == "+62 staf" and s[STAF2]["Jabatan"].data_type == "s"
    rc = wb["Rincian"]
    s = [x for x in _data(rc, _baris_kepala(rc, "NIP"))[1] if x["NIP"].value == STAF1][0]
    for kol, nilai in (("Rencana Hasil Kerja", "@cmd"), ("Indikator", '=HYPERLINK("x")'), ("Bukti", "-tolong")):
        assert s[kol].value == nilai and s[kol].data_type == "s", kol
    nama2 = [x for x in _data(rc, _baris_kepala(rc, "NIP"))[1] if x["NIP"].value == STAF2][0]["Nama"]
    assert nama2.value == "=1+1" and nama2.data_type == "s"


def test_closed_period_reads_snapshot(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE pegawai SET nama = 'Nama Baru' WHERE nip = ?", [STAF1])
        c.execute("UPDATE realisasi SET nilai = '50' WHERE nip = ? AND nomor = 1", [STAF1])
    r = kinerja("ekspor", "rekap", tmp_path / "t.xlsx", "--periode", "2026")
    assert r.exit_code == 0 and "hasil beku" in r.stderr
    wb = openpyxl.load_workbook(tmp_path / "t.xlsx")
    ws = wb["Rekap"]
    assert any("ditutup" in str(c.value) for c in ws["A"][:8])
    s = {x["NIP"].value: x for x in _data(ws, _baris_kepala(ws))[1]}
    assert s[STAF1]["Nama"].value == "Citra Lestari" and s[STAF1]["NHK"].value == pytest.approx(113.40)
    rc = wb["Rincian"]
    real = [x for x in _data(rc, _baris_kepala(rc, "NIP"))[1] if x["NIP"].value == STAF1][0]["Realisasi"].value
    assert real == 100


def test_unit_curve_verdict(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    assert kinerja("unit", "predikat", "DPMPTSP", "sangat-kurang", "--periode", "2026").exit_code == 0
    wb = _rekap(kinerja, tmp_path / "k.xlsx")
    rs = wb["Ringkasan"]
    s = {x["Unit Kerja"].value: x for x in _data(rs, _baris_kepala(rs, "Unit Kerja"))[1]}
    assert s["DPMPTSP"]["Predikat Unit"].value == "Sangat Kurang"
    assert s["DPMPTSP"]["Kurva Distribusi"].value.startswith("tidak sesuai: ")
    kinerja("unit", "predikat", "DPMPTSP", "baik", "--periode", "2026")
    wb = _rekap(kinerja, tmp_path / "k2.xlsx")
    rs = wb["Ringkasan"]
    s = {x["Unit Kerja"].value: x for x in _data(rs, _baris_kepala(rs, "Unit Kerja"))[1]}
    assert s["DPMPTSP"]["Kurva Distribusi"].value == "sesuai kurva distribusi"


def test_overwrite_folder_and_name_refusals(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    f = tmp_path / "ada.xlsx"
    f.write_bytes(b"lama")
    r = kinerja("ekspor", "rekap", f, "--periode", "2026")
    assert r.exit_code == 1 and "sudah ada" in r.stderr and "--timpa" in r.stderr
    assert f.read_bytes() == b"lama"
    r = kinerja("ekspor", "rekap", f, "--periode", "2026", "--timpa")
    assert r.exit_code == 0 and openpyxl.load_workbook(f).sheetnames[0] == "Ringkasan"
    assert stat.S_IMODE(os.stat(f).st_mode) == 0o600
    r = kinerja("ekspor", "rekap", tmp_path / "tidak-ada" / "r.xlsx", "--periode", "2026")
    assert r.exit_code == 1 and "tidak ada" in r.stderr and "Traceback" not in r.output
    r = kinerja("ekspor", "rekap", tmp_path / "r.csv", "--periode", "2026")
    assert r.exit_code == 1 and ".xlsx" in r.stderr
    r = kinerja("ekspor", "rekap", tmp_path / "x.xlsx", "--periode", "2031")
    assert r.exit_code == 1 and not (tmp_path / "x.xlsx").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_extra_sheet_hook(db_siap, kinerja, db_path, tmp_path, monkeypatch):
    _siap(kinerja, db_path)
    from kinerja_cli.excel.aman import sel_aman
    from kinerja_cli.excel.lembar import atur_cetak, baris_blok_judul, baris_kepala

    def tulis(ws, data):
        atur_cetak(ws, baris_judul=9)
        for b in baris_blok_judul(ws, data.gaya, "PENGEMBANGAN KOMPETENSI", ["uji"]):
            ws.append(b)
        ws.append(baris_kepala(ws, data.gaya, ["NIP", "JP"]))
        for r in data.rekaman:
            ws.append([sel_aman(ws, r.pegawai.nip), 20])

    monkeypatch.setattr(layanan_ekspor, "lembar_tambahan", [])
    monkeypatch.setattr(layanan_ekspor, "PENYEDIA_LEMBAR", ())
    layanan_ekspor.daftarkan_lembar("Pengembangan", tulis)
    layanan_ekspor.daftarkan_lembar("Pengembangan", tulis)  # same name: replaced, not doubled
    wb = _rekap(kinerja, tmp_path / "h.xlsx", "--per-unit")
    assert wb.sheetnames == ["Ringkasan", "Rekap", "Rincian", "Pengembangan", "DPMPTSP", "Sekretariat Daerah"]
    assert wb["Pengembangan"]["A1"].value == "PENGEMBANGAN KOMPETENSI" and wb["Pengembangan"].max_row == 9


def test_help_has_example(kinerja):
    for cmd in (["ekspor", "rekap"], ["ekspor", "dokumen"]):
        r = kinerja(*cmd, "--help")
        assert r.exit_code == 0 and "Contoh" in r.stdout


def test_recap_has_pengembangan_and_dampak_sheets(db_siap, kinerja, tmp_path, db_path):
    import openpyxl

    from conftest import STAF2
    from data_nilai import isi

    kinerja("periode", "buat", "2026", "--metode", "pp30")
    isi(db_path)
    kinerja("pelatihan", "catat", STAF2, "--kegiatan", "Workshop Pelayanan Prima", "--jenis", "workshop",
            "--tanggal", "2026-03-02", "--jp", "8")
    kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", "Rata-rata waktu penerbitan izin usaha",
            "--satuan", "hari", "--arah", "turun", "--target", "3")
    kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", "--periode", "2026-T1", "--nilai", "7,5")
    kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", "--periode", "2026-T2", "--nilai", "6")
    f = tmp_path / "rekap.xlsx"
    r = kinerja("ekspor", "rekap", f, "--periode", "2026")
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(f)
    assert wb.sheetnames[:5] == ["Ringkasan", "Rekap", "Rincian", "Pengembangan", "Dampak"]
    teks = [[c for c in row] for row in wb["Pengembangan"].iter_rows(values_only=True)]
    baris_staf2 = next(r for r in teks if STAF2 in r)
    assert 8 in baris_staf2 or 8.0 in baris_staf2  # JP recorded
    assert 12 in baris_staf2 or 12.0 in baris_staf2  # 20 - 8 short
    dampak = [[c for c in row] for row in wb["Dampak"].iter_rows(values_only=True)]
    assert any("Rata-rata waktu penerbitan izin usaha" in row for row in dampak)
    assert wb["Dampak"]._charts
