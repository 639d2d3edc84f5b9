"""kinerja pelatihan impor|catat|daftar|rekap, and the Pengembangan sheet.

Hand-computed recap for 2026 (files below): STAF1 8 + 12,5 = 20,5 JP (meets, gap 0); STAF2 12 JP
(gap 8; its 10 JP seminar of 2025 does not count); KADIS and SEKDA 0 (gap 20). PPPK1 is a PPPK: no minimum
(the 20 JP is a PNS rule, PP 11/2017 Pasal 203 ayat 4), 2,5 of at most 24 JP (PP 49/2018 Pasal 40): no gap.
With the hand-computed pp30 period 2026 of data_nilai.py: STAF1 Baik, STAF2 Cukup (NA 86,80),
PPPK1 and KADIS Sangat Kurang, SEKDA nothing recorded (null). Priority = follow-up and a PNS under 20 JP:
KADIS, STAF2; PPPK1 needs follow-up but has no JP gap.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

import openpyxl
import pytest

from kinerja_cli.kosakata import ORDER_PREDIKAT
from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2, buat_xlsx
from data_nilai import isi

HEADER = ["NIP", "Nama", "Kegiatan", "Jenis", "Tanggal", "JP", "Penyelenggara"]
BAIK = [
    [STAF1, "Citra Lestari", "Bimtek SAKIP", "Bimtek", datetime(2026, 3, 10), 8, "BPSDM Sumbar"],
    [STAF1, "Citra Lestari", "Workshop Pelayanan Publik", "Workshop", "2026-05-20", "12,5", "BKPSDM"],
    [STAF2, "Dewi Sartika", "E-Learning Manajemen ASN", "E-Learning", "15/04/2026", 12, None],
    [PPPK1, "Eko Prasetyo", "Coaching Kinerja", "coaching/mentoring", "01-02-2026", "2,5", "Diskominfo"],
    [STAF2, "Dewi Sartika", "Seminar Arsip", "seminar", "2025-11-10", 10, "ANRI"],
]
UNKNOWN_NIP = "199505052020121001"  # well-formed, not in the roster


def _hitung(db_path) -> tuple[int, int]:
    with sqlite3.connect(db_path) as c:
        return (c.execute("SELECT COUNT(*) FROM pelatihan").fetchone()[0],
                c.execute("SELECT COUNT(*) FROM audit").fetchone()[0])


def _baris_db(db_path) -> dict:
    with sqlite3.connect(db_path) as c:
        return {(r[0], r[1]): r[2:] for r in c.execute(
            "SELECT nip, kegiatan, jenis, tanggal, jp, penyelenggara FROM pelatihan")}


def _impor(kinerja, tmp_path, rows, *opsi, nama="pelatihan.xlsx", sheet="Pelatihan"):
    f = buat_xlsx(tmp_path / nama, {sheet: [HEADER, *rows]})
    return kinerja("pelatihan", "impor", f, *opsi)


def test_import_good_file_and_read_back(db_siap, kinerja, tmp_path, db_path):
    r = _impor(kinerja, tmp_path, BAIK)
    assert r.exit_code == 0, r.output
    assert "5 ditambah, 0 diubah, 0 tetap" in r.stderr
    d = _baris_db(db_path)
    assert d[(STAF1, "Bimtek SAKIP")] == ("pelatihan", "2026-03-10", "8", "BPSDM Sumbar")  # date cell
    assert d[(STAF1, "Workshop Pelayanan Publik")] == ("workshop", "2026-05-20", "12.5", "BKPSDM")  # comma JP
    assert d[(STAF2, "E-Learning Manajemen ASN")] == ("e-learning", "2026-04-15", "12", None)  # DD/MM/YYYY
    assert d[(PPPK1, "Coaching Kinerja")] == ("coaching", "2026-02-01", "2.5", "Diskominfo")  # DD-MM-YYYY
    assert _hitung(db_path) [0] == 5
    with sqlite3.connect(db_path) as c:
        aud = c.execute("SELECT tabel, aksi, nip FROM audit WHERE tabel = 'pelatihan'").fetchall()
    assert len(aud) == 5 and all(a[1] == "tambah" for a in aud)


def test_reimport_identical_changes_nothing_and_changes_are_audited(db_siap, kinerja, tmp_path, db_path):
    assert _impor(kinerja, tmp_path, BAIK).exit_code == 0
    sebelum = _hitung(db_path)
    r = _impor(kinerja, tmp_path, BAIK)
    assert r.exit_code == 0 and "0 ditambah, 0 diubah, 5 tetap" in r.stderr
    assert _hitung(db_path) == sebelum
    ubah = [list(x) for x in BAIK]
    ubah[0][5] = "9,5"
    ubah[0][3] = "workshop"
    r = _impor(kinerja, tmp_path, ubah)
    assert "0 ditambah, 1 diubah, 4 tetap" in r.stderr
    assert _baris_db(db_path)[(STAF1, "Bimtek SAKIP")][:3] == ("workshop", "2026-03-10", "9.5")
    with sqlite3.connect(db_path) as c:
        lama, baru = c.execute("SELECT lama, baru FROM audit WHERE tabel = 'pelatihan' AND aksi = 'ubah'").fetchone()
    assert json.loads(lama) == {"jenis": "pelatihan", "jp": "8"}
    assert json.loads(baru) == {"jenis": "workshop", "jp": "9.5"}
    assert _hitung(db_path) == (5, sebelum[1] + 1)


@pytest.mark.parametrize("baris, pesan", [
    ([int(STAF1), "x", "Bimtek", "pelatihan", "2026-03-10", 8, None], "sebagai angka"),
    ([STAF1, "x", "Bimtek", "pelatihan", "2026-03-10", "delapan", None], "bukan angka"),
    ([STAF1, "x", "Bimtek", "pelatihan", "2026-03-10", 0, None], "lebih dari 0"),
    ([STAF1, "x", "Bimtek", "pelatihan", "2026-03-10", -3, None], "lebih dari 0"),
    ([STAF1, "x", "Bimtek", "pelatihan", "2026-03-10", 1001, None], "melebihi batas"),
    ([STAF1, "x", "Bimtek", "pelatihan", "31/02/2026", 8, None], "tidak ada di kalender"),
    ([STAF1, "x", "Bimtek", "pelatihan", "Maret 2026", 8, None], "tidak dikenal"),
    ([STAF1, "x", "Bimtek", "pelatihan", 46000, 8, None], "angka, bukan tanggal"),
    ([STAF1, "x", "Bimtek", "rapat dinas", "2026-03-10", 8, None], "workshop, seminar, coaching, e-learning"),
    ([UNKNOWN_NIP, "x", "Bimtek", "pelatihan", "2026-03-10", 8, None], "tidak ada di daftar pegawai"),
    ([STAF1, "x", None, "pelatihan", "2026-03-10", 8, None], "kegiatan kosong"),
])
def test_bad_row_refuses_whole_file(db_siap, kinerja, tmp_path, db_path, baris, pesan):
    sebelum = _hitung(db_path)
    r = _impor(kinerja, tmp_path, [BAIK[1], baris])
    assert r.exit_code == 1, r.output
    assert "ditolak" in r.stderr and "Tidak ada data yang ditulis" in r.stderr
    assert pesan in r.stderr.replace("\n", " ") or pesan in " ".join(r.stderr.split())
    assert "baris 3" in r.stderr or " 3 " in r.stderr  # the row is named
    assert _hitung(db_path) == sebelum


def test_duplicates_within_file(db_siap, kinerja, tmp_path, db_path):
    dup = [STAF1, "Citra", "bimtek  sakip", "pelatihan", "10/03/2026", 4, None]
    r = _impor(kinerja, tmp_path, [BAIK[0], dup])
    assert r.exit_code == 1 and "ganda" in r.stderr and "baris 2" in r.stderr
    assert _hitung(db_path)[0] == 0


def test_jenis_variants_and_empty(db_siap, kinerja, tmp_path, db_path):
    rows = [[STAF1, None, f"K{i}", j, "2026-01-0" + str(i + 1), 1, None]
            for i, j in enumerate(["ELEARNING", "Mentoring", "Diklat", None, " Seminar ", "lain-lain"])]
    assert _impor(kinerja, tmp_path, rows).exit_code == 0
    d = _baris_db(db_path)
    assert [d[(STAF1, f"K{i}")][0] for i in range(6)] == ["e-learning", "coaching", "pelatihan", "lainnya",
                                                          "seminar", "lainnya"]


def test_wrong_headers_empty_sheet_not_xlsx(db_siap, kinerja, tmp_path, db_path):
    sebelum = _hitung(db_path)
    f = buat_xlsx(tmp_path / "salah.xlsx", {"Pelatihan": [["NIP", "Nama", "Judul Acara", "Jam"], [STAF1, "x", "y", 8]]})
    r = kinerja("pelatihan", "impor", f)
    assert r.exit_code == 1 and "kolom wajib tidak ditemukan" in r.stderr and "Tanggal" in r.stderr
    f = buat_xlsx(tmp_path / "kosong.xlsx", {"Pelatihan": []})
    r = kinerja("pelatihan", "impor", f)
    assert r.exit_code == 1 and "kosong" in r.stderr
    f = buat_xlsx(tmp_path / "judul.xlsx", {"Pelatihan": [HEADER]})
    r = kinerja("pelatihan", "impor", f)
    assert r.exit_code == 1 and "tidak berisi data" in r.stderr
    f = tmp_path / "bukan.xlsx"
    f.write_text("NIP;Kegiatan\n1;2\n")
    r = kinerja("pelatihan", "impor", f)
    assert r.exit_code == 1 and "bukan berkas Excel" in r.stderr
    assert _hitung(db_path) == sebelum
    assert "Traceback" not in r.output


def test_lewati_galat_and_dry_run(db_siap, kinerja, tmp_path, db_path):
    buruk = [STAF1, "x", "Rusak", "pelatihan", "2026-13-01", 8, None]
    r = _impor(kinerja, tmp_path, [*BAIK, buruk], "--dry-run")
    assert r.exit_code == 1 and _hitung(db_path)[0] == 0  # dry run still refuses a bad file
    r = _impor(kinerja, tmp_path, BAIK, "--dry-run")
    assert r.exit_code == 0 and "Uji coba" in r.stderr and "5 ditambah" in r.stderr
    assert _hitung(db_path)[0] == 0
    r = _impor(kinerja, tmp_path, [*BAIK, buruk], "--lewati-galat")
    assert r.exit_code == 0 and "5 ditambah" in r.stderr and "1 baris dilewati" in r.stderr
    assert _hitung(db_path)[0] == 5


def test_sheet_option_and_alias_headers(db_siap, kinerja, tmp_path, db_path):
    f = buat_xlsx(tmp_path / "lain.xlsx", {"Data": [["NIP Pegawai", "Nama Kegiatan", "Tgl", "Jumlah JP"],
                                                    [STAF1, "Diklat PIM", "2026-06-01", 40]]})
    r = kinerja("pelatihan", "impor", f, "--sheet", "data")
    assert r.exit_code == 0, r.output
    assert _baris_db(db_path)[(STAF1, "Diklat PIM")] == ("lainnya", "2026-06-01", "40", None)


def test_catat_upserts_and_refuses_bad_input(db_siap, kinerja, db_path):
    a = ("pelatihan", "catat", "19850214 201001 2 003", "--kegiatan", "Bimtek SAKIP", "--jenis", "Bimtek",
         "--tanggal", "2026-03-10", "--jp", "2,5", "--penyelenggara", "BPSDM")
    r = kinerja(*a)
    assert r.exit_code == 0 and "Dicatat" in r.stderr
    assert _baris_db(db_path)[(STAF1, "Bimtek SAKIP")] == ("pelatihan", "2026-03-10", "2.5", "BPSDM")
    sebelum = _hitung(db_path)
    r = kinerja(*a)
    assert r.exit_code == 0 and "tidak ada perubahan" in r.stderr and _hitung(db_path) == sebelum
    r = kinerja(*a[:-4], "--jp", "3")
    assert "Diperbarui" in r.stderr and _hitung(db_path) == (1, sebelum[1] + 1)
    for salah, pesan in ((("--jenis", "rapat"), "e-learning"), (("--tanggal", "maret"), "tidak dikenal"),
                         (("--tanggal", "2026-02-30"), "kalender"), (("--jp", "0"), "lebih dari 0")):
        args = list(a)
        args[args.index(salah[0]) + 1] = salah[1]
        r = kinerja(*args)
        assert r.exit_code == 1 and pesan in r.stderr, (salah, r.stderr)
    r = kinerja("pelatihan", "catat", UNKNOWN_NIP, "--kegiatan", "x", "--jenis", "seminar", "--tanggal", "2026-01-01",
                "--jp", "1")
    assert r.exit_code == 1 and "tidak ada di basis data" in r.stderr
    assert _hitung(db_path)[0] == 1


def test_daftar_filters(db_siap, kinerja, tmp_path, db_path):
    _impor(kinerja, tmp_path, BAIK)
    r = kinerja("pelatihan", "daftar", "--tahun", "2026", "--format", "json")
    assert r.exit_code == 0 and len(r.json()) == 4
    r = kinerja("pelatihan", "daftar", "--nip", STAF2, "--format", "json")
    assert [(x["kegiatan"], x["jp"]) for x in r.json()] == [("Seminar Arsip", 10), ("E-Learning Manajemen ASN", 12)]
    t = kinerja("pelatihan", "daftar", "--unit", "dpmptsp", "--tahun", "2026")
    assert "Jumlah: 4 kegiatan, 35,00 JP" in t.stdout
    assert kinerja("pelatihan", "daftar", "--unit", "Tidak Ada").exit_code == 1


def _rekap(kinerja, *opsi):
    r = kinerja("pelatihan", "rekap", "--tahun", "2026", *opsi, "--format", "json")
    assert r.exit_code == 0, r.output
    return r.json()


def test_rekap_numbers_by_hand(db_siap, kinerja, tmp_path, db_path):
    _impor(kinerja, tmp_path, BAIK)
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_path)
    rows = _rekap(kinerja)
    d = {x["nip"]: x for x in rows}
    assert set(rows[0]) == {"nip", "nama", "unit", "status", "jumlah_kegiatan", "jp", "ketentuan_jp", "kekurangan_jp",
                            "melebihi_batas", "memenuhi", "predikat_terburuk", "perlu_tindak_lanjut", "prioritas",
                            "aktif"}
    assert (d[STAF1]["jumlah_kegiatan"], d[STAF1]["jp"], d[STAF1]["kekurangan_jp"], d[STAF1]["memenuhi"]) == (2, 20.5, 0, True)
    assert (d[STAF2]["jumlah_kegiatan"], d[STAF2]["jp"], d[STAF2]["kekurangan_jp"], d[STAF2]["memenuhi"]) == (1, 12, 8, False)
    # a PPPK is never "under 20 JP": judged against the 24 JP ceiling
    p1 = d[PPPK1]
    assert (p1["status"], p1["jp"], p1["kekurangan_jp"], p1["memenuhi"], p1["melebihi_batas"]) == ("PPPK", 2.5, None,
                                                                                                  True, False)
    assert p1["ketentuan_jp"] == "paling lama 24 JP" and d[STAF2]["ketentuan_jp"] == "minimal 20 JP"
    assert (d[SEKDA]["jp"], d[SEKDA]["kekurangan_jp"], d[SEKDA]["predikat_terburuk"]) == (0, 20, None)
    assert d[STAF1]["predikat_terburuk"] == "Baik" and not d[STAF1]["perlu_tindak_lanjut"]
    assert d[STAF2]["predikat_terburuk"] == "Cukup" and d[STAF2]["perlu_tindak_lanjut"] and d[STAF2]["prioritas"]
    assert d[KADIS]["predikat_terburuk"] == "Sangat Kurang" and d[KADIS]["prioritas"]
    assert not d[SEKDA]["perlu_tindak_lanjut"] and not d[SEKDA]["prioritas"]
    assert [x["nip"] for x in rows] == [KADIS, STAF1, STAF2, PPPK1, SEKDA]  # unit, nama
    # --prioritas: priority employees first, the worst predikat first (Sangat Kurang, then Cukup), then the
    # other follow-ups (PPPK1: Sangat Kurang, no JP gap as a PPPK), then the others by unit and name
    assert ORDER_PREDIKAT.index(d[PPPK1]["predikat_terburuk"]) > ORDER_PREDIKAT.index("Cukup")
    assert d[PPPK1]["perlu_tindak_lanjut"] and not d[PPPK1]["prioritas"]
    assert [x["nip"] for x in _rekap(kinerja, "--prioritas")] == [KADIS, STAF2, PPPK1, STAF1, SEKDA]
    # a 2025 training counts for 2025 only
    r25 = {x["nip"]: x for x in kinerja("pelatihan", "rekap", "--tahun", "2025", "--format", "json").json()}
    assert (r25[STAF2]["jp"], r25[STAF2]["predikat_terburuk"], r25[STAF1]["jp"]) == (10, None, 0)
    assert [x["nip"] for x in _rekap(kinerja, "--unit", "Sekretariat Daerah")] == [SEKDA]


def test_rekap_worst_predikat_over_the_years_periods(db_siap, kinerja, tmp_path, db_path, monkeypatch):
    from kinerja_cli.services import nilai

    for kode in ("2026-T1", "2026-T2", "2025-T4"):
        assert kinerja("periode", "buat", kode, "--metode", "pp30").exit_code == 0
    isi(db_path, "2026-T1")
    isi(db_path, "2026-T2")
    isi(db_path, "2025-T4")
    with sqlite3.connect(db_path) as c:  # STAF1 drops to Cukup in T2 only
        c.execute("UPDATE realisasi SET nilai = '50' WHERE periode = '2026-T2' AND nip = ? AND nomor = 1", [STAF1])
        c.execute("UPDATE realisasi SET nilai = '105' WHERE periode = '2026-T1' AND nip = ?", [STAF2])
    panggil = []
    asli = nilai.laporan
    monkeypatch.setattr(nilai, "laporan", lambda db, kode, **kw: panggil.append(kode) or asli(db, kode, **kw))
    d = {x["nip"]: x for x in _rekap(kinerja)}
    assert sorted(panggil) == ["2026-T1", "2026-T2"]  # once per period of that year, not per employee
    assert d[STAF1]["predikat_terburuk"] == "Cukup" and d[STAF1]["prioritas"]
    assert d[STAF2]["predikat_terburuk"] == "Cukup"  # Baik in T1, Cukup in T2


def test_rekap_table_title_footer_csv(db_siap, kinerja, tmp_path, db_path):
    _impor(kinerja, tmp_path, BAIK)
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_path)
    t = kinerja("pelatihan", "rekap", "--tahun", "2026", "--prioritas")
    teks = " ".join(t.stdout.split())
    assert "PNS minimal 20 JP per tahun (PP 11/2017 Pasal 203 ayat 4)" in teks
    assert "PPPK paling lama 24 JP (PP 49/2018 Pasal 40 ayat 1)" in teks
    assert "5 pegawai; 3 PNS di bawah 20 JP; 0 dari 1 PPPK di atas 24 JP; 2 prioritas" in teks
    assert "20,50" in t.stdout and "17,50" not in t.stdout  # no 20 JP gap for the PPPK
    c = kinerja("pelatihan", "rekap", "--tahun", "2026", "--format", "csv")
    assert c.stdout.splitlines()[0] == ("nip,nama,unit,status,jumlah_kegiatan,jp,ketentuan_jp,kekurangan_jp,"
                                        "melebihi_batas,memenuhi,predikat_terburuk,perlu_tindak_lanjut,prioritas,aktif")
    assert f"{STAF1},Citra Lestari,DPMPTSP,PNS,2,20.50,minimal 20 JP,0.00,false,true,Baik,false,false,true" in c.stdout
    assert f"{PPPK1},Eko Prasetyo,DPMPTSP,PPPK,1,2.50,paling lama 24 JP,,false,true,Sangat Kurang,true,false,true" in c.stdout
    assert kinerja("pelatihan", "rekap", "--tahun", "1900").exit_code == 1


def test_pppk_above_24_jp_is_warned_never_called_under_20(db_siap, kinerja, tmp_path, db_path):
    # PP 49/2018 Pasal 40 ayat 1: a PPPK gets at most 24 JP a contract year; 2,5 + 22 = 24,5 JP is above it
    _impor(kinerja, tmp_path, BAIK)
    r = kinerja("pelatihan", "catat", PPPK1, "--kegiatan", "Diklat Teknis", "--jenis", "pelatihan",
                "--tanggal", "2026-06-01", "--jp", "22")
    assert r.exit_code == 0, r.output
    p1 = {x["nip"]: x for x in _rekap(kinerja)}[PPPK1]
    assert (p1["jp"], p1["melebihi_batas"], p1["memenuhi"], p1["kekurangan_jp"]) == (24.5, True, False, None)
    t = kinerja("pelatihan", "rekap", "--tahun", "2026")
    err = " ".join(t.stderr.split())
    assert ("Eko Prasetyo (199001012022211005), PPPK: 24,50 JP pada 2026 melebihi batas paling lama 24 JP setahun "
            "masa perjanjian kerja (PP 49/2018 Pasal 40 ayat 1)") in err
    assert "1 dari 1 PPPK di atas 24 JP" in " ".join(t.stdout.split())
    from kinerja_cli.excel import lembar_pengembangan
    from kinerja_cli.services import pelatihan
    from kinerja_cli.store.db import buka_db

    db = buka_db(db_path)
    baris = pelatihan.rekap(db, 2026)
    db.close()
    wb = openpyxl.Workbook(write_only=True)
    lembar_pengembangan.tulis(wb, baris, 2026)
    wb.save(tmp_path / "p.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "p.xlsx")["Pengembangan"]
    row = next(r for r in ws.iter_rows(min_row=5) if r[1].value == PPPK1)
    assert row[10].value == ("PPPK: 24,5 JP melebihi batas paling lama 24 JP setahun (PP 49/2018 Pasal 40 ayat 1)")
    assert row[8].value is None and row[9].value == "Tidak" and row[2].fill.fgColor.rgb == "FFF8CBAD"
    assert not any("20 JP" in str(c.value) for c in row)


def test_sheet_pengembangan_read_back(db_siap, kinerja, tmp_path, db_path):
    from kinerja_cli.excel import lembar_pengembangan
    from kinerja_cli.services import pelatihan
    from kinerja_cli.store.db import buka_db

    _impor(kinerja, tmp_path, BAIK)
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_path)
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE pegawai SET nama = '=HYPERLINK(\"http://x\",\"klik\")' WHERE nip = ?", [SEKDA])
        c.execute("UPDATE pegawai SET unit = '+62 Unit' WHERE nip = ?", [SEKDA])
    db = buka_db(db_path)
    baris = pelatihan.rekap(db, 2026, prioritas=True)
    db.close()
    wb = openpyxl.Workbook(write_only=True)
    lembar_pengembangan.tulis(wb, baris, 2026)
    f = tmp_path / "rekap.xlsx"
    wb.save(f)

    wb2 = openpyxl.load_workbook(f)
    ws = wb2["Pengembangan"]
    assert "2026" in ws["A1"].value and "PNS minimal 20 JP" in ws["A2"].value and "2 prioritas" in ws["A2"].value
    assert "PPPK paling lama 24 JP" in ws["A2"].value and "0 dari 1 PPPK di atas 24 JP" in ws["A2"].value
    header = [c.value for c in ws[4]]
    assert header == ["No", "NIP", "Nama", "Unit Kerja", "Status", "Jumlah Kegiatan", "JP", "Ketentuan JP",
                      "Kekurangan JP", "Memenuhi Ketentuan", "Keterangan", "Predikat Terburuk", "Perlu Tindak Lanjut",
                      "Prioritas"]
    assert ws.freeze_panes == "A5" and ws.auto_filter.ref == "A4:N9"
    rows = {r[1].value: r for r in ws.iter_rows(min_row=5)}
    assert len(rows) == 5
    s2 = rows[STAF2]
    assert [c.value for c in s2] == [2, STAF2, "Dewi Sartika", "DPMPTSP", "PNS", 1, 12, "minimal 20 JP", 8, "Tidak",
                                     "kurang 8 JP dari minimal 20 JP (PP 11/2017 Pasal 203 ayat 4)", "Cukup", "Ya",
                                     "Ya"]  # second: after KADIS (worse predikat)
    assert s2[1].data_type == "s"  # NIP as text
    assert (s2[6].number_format, s2[8].number_format, s2[5].number_format, s2[0].number_format) == ("0.00", "0.00", "0", "0")
    assert s2[2].fill.fgColor.rgb == "FFF8CBAD"  # priority row filled
    p1 = rows[PPPK1]  # a PPPK: no "Kekurangan JP", judged against the 24 JP ceiling
    assert [c.value for c in p1[4:11]] == ["PPPK", 1, 2.5, "paling lama 24 JP", None, "Ya",
                                           "PPPK: 2,5 dari paling lama 24 JP (PP 49/2018 Pasal 40 ayat 1); "
                                           "tanpa batas minimal"]
    s1 = rows[STAF1]
    assert s1[6].value == 20.5 and s1[9].value == "Ya" and s1[2].fill.fill_type is None
    sk = rows[SEKDA]
    assert sk[2].value == '=HYPERLINK("http://x","klik")' and sk[2].data_type == "s"  # literal, not a formula
    assert sk[3].value == "+62 Unit" and sk[3].data_type == "s"
    assert sk[11].value is None
