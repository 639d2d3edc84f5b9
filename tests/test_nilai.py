"""`kinerja nilai` end to end: every number checked against hand-computed values.

STAF1 (pp30): row 1 C = 100/100×100 = 100 → 109; row 2 arah turun C = (1 + (1 − 4/5))×100 = 120 → 120.
  NHK = (60×109 + 40×120)/100 = 113,40. NPK: atasan 110, rekan 100, diri ignored:
  (60×110 + 20×100)/80 = 107,50. The period's penilaian 360 is ya (the default of a new period, PP 30/2019
  Pasal 41 ayat 3): 60/40 for everyone: NA = 0,6×113,40 + 0,4×107,50 = 111,04.
  No inovasi → Baik (with inovasi → Sangat Baik).
STAF2: C = 96,04/98×100 = 98,00 → 70 + (98 − 80) = 88; NHK 88,00. Atasan scored 2 aspects: (90+80)/2 = 85.
  Only atasan, still 60/40 (flagged tanpa_penilaian_rekan_bawahan): NA = 52,80 + 34,00 = 86,80 → Cukup
  (PP 30/2019 Pasal 41 ayat 5 huruf c; periods created before issue 14 said Butuh Perbaikan).
PPPK1: range 80-90, R = 85 inside → C = 100 → 109; row 2 no realisasi → 0 (incomplete).
  NHK = (50×109 + 50×0)/100 = 54,50; no behaviour → NPK 0; NA = 0,6×54,50 = 32,70 → Sangat Kurang.
KADIS: no SKP → NHK 0; atasan 100 → NPK 100; NA = 0,4×100 = 40,00 → Sangat Kurang.
(The per-employee 70/30 of earlier periods: test_contoh_regulasi.py and test_skema_lama.py.)
permenpan6: STAF1 NHK 113,40 Di Atas (no utama row below 90) × NPK 107,50 Sesuai → Baik;
  STAF2 88 Di Bawah × 85 Di Bawah → Sangat Kurang.
"""

from __future__ import annotations

import sqlite3

from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2
from data_nilai import ASPEK, isi


def _siap(kinerja, db_path, metode="pp30", **kw):
    assert kinerja("periode", "buat", "2026", "--metode", metode).exit_code == 0
    isi(db_path, **kw)


def _per_nip(rows):
    return {r["nip"]: r for r in rows}


def test_pp30_numbers_match_hand_computation(db_siap, kinerja, db_path):
    _siap(kinerja, db_path)
    r = kinerja("nilai", "--periode", "2026", "--format", "json")
    assert r.exit_code == 0, r.output
    d = _per_nip(r.json())
    assert len(d) == 5
    s1, s2, p1, kd, sk = d[STAF1], d[STAF2], d[PPPK1], d[KADIS], d[SEKDA]
    assert (s1["nhk"], s1["npk"], s1["na"], s1["predikat"], s1["lengkap"]) == (113.40, 107.50, 111.04, "Baik", True)
    assert (s2["nhk"], s2["npk"], s2["na"], s2["predikat"]) == (88.00, 85.00, 86.80, "Cukup")
    assert "tanpa_penilaian_rekan_bawahan" in s2["catatan"] and not s2["lengkap"]
    assert (p1["nhk"], p1["npk"], p1["na"], p1["predikat"], p1["lengkap"]) == (54.50, 0, 32.70, "Sangat Kurang", False)
    assert "realisasi_kosong" in p1["catatan"] and "tanpa_penilaian_perilaku" in p1["catatan"]
    assert (kd["nhk"], kd["npk"], kd["na"], kd["predikat"]) == (0, 100.0, 40.0, "Sangat Kurang")
    assert "tanpa_sasaran" in kd["catatan"]
    assert s1["metode"] == "pp30" and s1["rating_hasil_kerja"] is None
    for k in ("nip", "nama", "unit", "jabatan", "nhk", "npk", "na", "predikat", "rating_hasil_kerja",
              "rating_perilaku", "metode", "lengkap", "catatan"):
        assert k in s1


def test_inovasi_makes_sangat_baik(db_siap, kinerja, db_path):
    _siap(kinerja, db_path, inovasi_staf1=True)
    d = _per_nip(kinerja("nilai", "--periode", "2026", "--format", "json").json())
    assert d[STAF1]["predikat"] == "Sangat Baik"


def test_permenpan6_matrix(db_siap, kinerja, db_path):
    _siap(kinerja, db_path, metode="permenpan6")
    d = _per_nip(kinerja("nilai", "--periode", "2026", "--format", "json").json())
    assert (d[STAF1]["rating_hasil_kerja"], d[STAF1]["rating_perilaku"], d[STAF1]["predikat"]) == (
        "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Baik")
    # STAF2's atasan scored 2 of the 7 aspects: no saran of perilaku (re-tester 17 R4), so no predikat yet
    assert (d[STAF2]["rating_hasil_kerja"], d[STAF2]["rating_perilaku"], d[STAF2]["predikat"]) == (
        "Di Bawah Ekspektasi", None, None)
    # the atasan sets a rating directly: it wins and is marked
    with sqlite3.connect(db_path) as c:
        c.execute("INSERT INTO rating_langsung (periode, nip, hasil_kerja, perilaku, alasan_perilaku, diubah)"
                  " VALUES ('2026', ?, NULL, 'sesuai', 'beban kerja berat', 'x')", [STAF2])
    d = _per_nip(kinerja("nilai", "--periode", "2026", "--format", "json").json())
    assert d[STAF2]["rating_perilaku"] == "Sesuai Ekspektasi" and d[STAF2]["rating_perilaku_langsung"] is True
    assert d[STAF2]["predikat"] == "Butuh Perbaikan"  # Di Bawah (saran) × Sesuai
    t = kinerja("nilai", "--periode", "2026", "--unit", "DPMPTSP")
    # a saran is marked in the table and counted under it (issue 14: the pejabat penilai sets the ratings)
    staf2 = next(x for x in t.stdout.splitlines() if STAF2 in x)
    assert "Sesuai Ekspektasi " in staf2 and "Sesuai Ekspektasi (saran)" not in staf2  # set: no marker
    assert "Di Bawah Ekspektasi (saran)" in staf2  # its hasil kerja rating is still the saran
    assert "4 hasil masih saran (rating belum ditetapkan pejabat penilai) — tetapkan dengan: " \
           "kinerja rating tetapkan NIP -p 2026, kinerja rating impor BERKAS -p 2026" in " ".join(t.stdout.split())
    assert "Rating Hasil Kerja" in t.stdout


def test_table_indonesian_numbers_footer_filters(db_siap, kinerja, db_path):
    _siap(kinerja, db_path)
    t = kinerja("nilai", "--periode", "2026")
    assert "113,40" in t.stdout and "111,04" in t.stdout and "86,80" in t.stdout
    # one person has no data at all: the table says "belum dinilai" rather than a Sangat Kurang
    assert "Jumlah: 5 pegawai" in t.stdout and "Baik: 1" in t.stdout and "Sangat Kurang: 2" in t.stdout
    assert "belum dinilai: 1" in t.stdout and "belum ada data periode ini" in t.stdout
    assert "hasil belum final (ada catatan: kolom Catatan" in " ".join(t.stdout.split())
    semua = kinerja("nilai", "--periode", "2026", "--format", "json").json()
    kosong = [x for x in semua if not x["ada_data"]]
    assert len(kosong) == 1 and kosong[0]["catatan"][0] == "tanpa_sasaran"
    assert (kosong[0]["na"], kosong[0]["predikat"], kosong[0]["lengkap"]) == (0, "Sangat Kurang", False)  # the rule
    assert sum(x["ada_data"] for x in semua) == 4
    d = kinerja("nilai", "--periode", "2026", "--hanya-lengkap", "--format", "json").json()
    # STAF2's atasan scored 2 of the 7 aspects: flagged aspek_tidak_lengkap (issue 12), so not complete
    assert [x["nip"] for x in d] == [STAF1]
    staf2 = next(x for x in semua if x["nip"] == STAF2)
    # ... and, penilaian 360 being ya, rated by the atasan alone: tanpa_penilaian_rekan_bawahan
    assert staf2["catatan"] == ["aspek_tidak_lengkap", "tanpa_penilaian_rekan_bawahan"] and staf2["npk"] == 85.0
    d = kinerja("nilai", "--periode", "2026", "--urut", "nilai", "--format", "json").json()
    assert [x["nip"] for x in d][:2] == [STAF1, STAF2]
    d = kinerja("nilai", "--periode", "2026", "--unit", "sekretariat daerah", "--format", "json").json()
    assert [x["nip"] for x in d] == [SEKDA]
    c = kinerja("nilai", "--periode", "2026", "--nip", STAF1, "--format", "csv")
    lines = c.stdout.splitlines()
    assert lines[0].startswith("nip,nama,unit,jabatan,golongan,nhk,npk,na,predikat")
    assert "113.40,107.50,111.04,Baik" in lines[1]


def test_rinci_explains_every_step(db_siap, kinerja, db_path):
    _siap(kinerja, db_path)
    r = kinerja("nilai", "--periode", "2026", "--nip", STAF1, "--rinci")
    out = r.stdout
    for potongan in ("100 ≤ C < 101 → 109", "C > 110 → 120", "NHK = Σ(bobot × nilai) / Σ bobot = 11.340,00 / 100,00 = 113,40",
                     "diri (tidak dihitung)", "75,00% × 110,00 + 25,00% × 100,00", "107,50", "60,00%", "111,04",
                     "Predikat: Baik"):
        assert potongan in out, potongan
    r = kinerja("nilai", "--periode", "2026", "--rinci")
    assert r.exit_code == 1 and "--nip" in r.stderr


def test_bandingkan_does_not_change_scheme(db_siap, kinerja, db_path):
    _siap(kinerja, db_path)
    d = _per_nip(kinerja("nilai", "--periode", "2026", "--bandingkan", "--format", "json").json())
    assert d[STAF1]["predikat_pp30"] == "Baik" and d[STAF1]["predikat_permenpan6"] == "Baik" and d[STAF1]["sama"]
    assert d[STAF2]["predikat_pp30"] == "Cukup" and d[STAF2]["predikat_permenpan6"] is None  # no saran of perilaku
    assert not d[STAF2]["sama"]
    assert kinerja("periode", "daftar", "--format", "json").json()[0]["metode"] == "pp30"
    t = kinerja("nilai", "--periode", "2026", "--bandingkan")
    assert "Perbandingan dua metode" in t.stdout


def test_closed_period_reads_snapshot_after_changes(db_siap, kinerja, db_path):
    _siap(kinerja, db_path)
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    with sqlite3.connect(db_path) as c:
        # the roster and data change after closing (e.g. by a bug or a direct edit)
        c.execute("UPDATE pegawai SET nama = 'Nama Baru', unit = 'Unit Lain' WHERE nip = ?", [STAF1])
        c.execute("UPDATE realisasi SET nilai = '50' WHERE nip = ? AND nomor = 1", [STAF1])
        c.execute("UPDATE periode SET parameter = '{}' WHERE kode = '2026'")
    r = kinerja("nilai", "--periode", "2026", "--format", "json")
    assert "ditutup" in r.stderr
    s1 = _per_nip(r.json())[STAF1]
    assert (s1["nama"], s1["unit"], s1["nhk"], s1["na"]) == ("Citra Lestari", "DPMPTSP", 113.40, 111.04)
    r = kinerja("nilai", "--periode", "2026", "--nip", STAF1, "--rinci")
    assert "hasil beku" in r.stdout and "113,40" in r.stdout
    assert kinerja("periode", "buka", "2026", "--alasan", "koreksi").exit_code == 0
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT COUNT(*) FROM hasil_snapshot").fetchone()[0] == 0
    s1 = _per_nip(kinerja("nilai", "--periode", "2026", "--format", "json").json())[STAF1]
    assert s1["nama"] == "Nama Baru" and s1["nhk"] != 113.40


def test_unknown_period_unit_nip(db_siap, kinerja):
    r = kinerja("nilai", "--periode", "2030")
    assert r.exit_code == 1 and "belum dibuat" in r.stderr
    kinerja("periode", "buat", "2026", "--metode", "pp30")
    r = kinerja("nilai", "--periode", "2026", "--unit", "Tidak Ada")
    assert r.exit_code == 1 and "tidak ditemukan" in r.stderr
    r = kinerja("nilai", "--periode", "2026", "--nip", "123")
    assert r.exit_code == 2 and "tidak valid" in r.stderr


def test_distribusi_against_curve(db_siap, kinerja, db_path):
    _siap(kinerja, db_path)
    # DPMPTSP: KADIS Sangat Kurang, STAF1 Baik, STAF2 Cukup, PPPK1 Sangat Kurang
    d = kinerja("distribusi", "--periode", "2026", "--format", "json").json()
    dp = {x["unit"]: x for x in d}["DPMPTSP"]
    # a pp30 period names the 70-<90 band Cukup, as nilai does: the key follows the label (as in tren)
    assert (dp["jumlah"], dp["baik"], dp["cukup"], dp["sangat_kurang"]) == (4, 1, 1, 2)
    assert "butuh_perbaikan" not in dp and dp["persen_cukup"] == 25.0
    assert "cukup" in kinerja("distribusi", "--periode", "2026", "--format", "csv").stdout.splitlines()[0].split(",")
    layar = kinerja("distribusi", "--periode", "2026").stdout
    assert "Cukup" in layar and "Butuh Perbaikan" not in layar
    assert dp["persen_sangat_kurang"] == 50.0 and dp["predikat_unit"] is None and dp["sesuai_kurva"] is None
    assert kinerja("unit", "predikat", "dpmptsp", "baik", "--periode", "2026").exit_code == 0
    dp = {x["unit"]: x for x in kinerja("distribusi", "--periode", "2026", "--format", "json").json()}["DPMPTSP"]
    assert dp["predikat_unit"] == "baik" and dp["sesuai_kurva"] is True
    kinerja("unit", "predikat", "DPMPTSP", "sangat-kurang", "--periode", "2026")
    dp = {x["unit"]: x for x in kinerja("distribusi", "--periode", "2026", "--format", "json").json()}["DPMPTSP"]
    assert dp["sesuai_kurva"] is False and any("50" in p and "60" in p for p in dp["pelanggaran"])
    t = kinerja("distribusi", "--periode", "2026")
    assert "tidak sesuai kurva" in t.stderr and "belum ditetapkan" in t.stdout
    # ratings never change because of the curve
    d = _per_nip(kinerja("nilai", "--periode", "2026", "--format", "json").json())
    assert d[STAF1]["predikat"] == "Baik"
    r = kinerja("unit", "predikat", "DPMPTSP", "luar-biasa", "--periode", "2026")
    assert r.exit_code == 2


def test_pegawai_lihat_shows_rating_history(db_siap, kinerja, db_path):
    _siap(kinerja, db_path)
    d = kinerja("pegawai", "lihat", STAF1, "--format", "json").json()
    assert d["riwayat_nilai"] == [{"periode": "2026", "metode": "pp30", "status": "terbuka", "nhk": 113.4,
                                   "npk": 107.5, "na": 111.04, "predikat": "Baik", "lengkap": True}]
    assert "Riwayat nilai kinerja" in kinerja("pegawai", "lihat", STAF1).stdout


def test_bandingkan_respects_hanya_lengkap_and_close_warns(db_siap, kinerja, db_path):
    _siap(kinerja, db_path)
    d = kinerja("nilai", "--periode", "2026", "--bandingkan", "--hanya-lengkap", "--format", "json").json()
    assert [x["nip"] for x in d] == [STAF1]  # STAF2: aspek_tidak_lengkap
    r = kinerja("periode", "tutup", "2026", "--ya")
    assert r.exit_code == 0 and "4 pegawai dibekukan dengan data belum lengkap (1 tanpa data sama sekali)" in r.stderr


def test_huge_table_shows_a_screenful_and_counts_all(db_siap, kinerja, db_path, monkeypatch):
    from kinerja_cli.output import nilai as output_nilai

    _siap(kinerja, db_path)
    monkeypatch.setattr(output_nilai, "BATAS_BARIS_LAYAR", 2)
    r = kinerja("nilai", "--periode", "2026")
    assert "3 baris lain tidak ditampilkan" in r.stdout and "Jumlah: 5 pegawai" in r.stdout


def test_no_data_person_in_recap_comparison_and_breakdown(db_siap, kinerja, tmp_path, db_path):
    """Someone without any data in the period reads 'belum dinilai' wherever people read results:
    the Rekap sheet, the --bandingkan table and the --rinci explanation (not 'Sangat Kurang')."""
    import openpyxl

    from conftest import SEKDA

    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    r = kinerja("nilai", "--periode", "2026", "--nip", SEKDA, "--rinci")
    assert "Belum ada data untuk pegawai ini di periode 2026" in r.stdout
    assert "2. Perilaku kerja" in r.stdout and "Belum ada penilaian perilaku" in r.stdout
    b = kinerja("nilai", "--periode", "2026", "--bandingkan", "--format", "json").json()
    assert all(x["ada_data"] is False for x in b)
    t = kinerja("nilai", "--periode", "2026", "--bandingkan")
    assert "belum dinilai" in t.stdout and "Sangat Kurang" not in t.stdout
    f = tmp_path / "rekap.xlsx"
    assert kinerja("ekspor", "rekap", f, "--periode", "2026").exit_code == 0
    ws = openpyxl.load_workbook(f)["Rekap"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    data = [x for x in rows if x[1] == SEKDA]
    assert data and data[0][6:] == ["-", "-", "-", "belum dinilai", "belum ada data periode ini"]
    assert not any("Sangat Kurang" in [str(v) for v in x] for x in rows)


def test_store_yields_named_rows_in_both_orders(db_siap, kinerja, db_path):
    """One SKP query, named rows: the listing (NIP order, texts optional) and the recap's order
    give the same employees with the same BarisSkp / BarisPerilaku, read by name."""
    from kinerja_cli.store import nilai as tabel
    from kinerja_cli.store.db import buka_db

    _siap(kinerja, db_path)
    db = buka_db(db_path)
    per_nip = {x.pegawai.nip: x for x in tabel.alir_periode(db, "2026")}
    staf1 = per_nip[STAF1]
    assert [(b.nomor, b.target_lo, b.bobot, b.arah, b.realisasi, b.indikator, b.satuan) for b in staf1.skp] == \
        [(1, "100", "60", "naik", "100", "Izin diproses", "%"), (2, "5", "40", "turun", "4", "Hari penerbitan izin", "hari")]
    assert {b.peran for b in staf1.perilaku} >= {"atasan"} and set(staf1.perilaku[0].skor) == set(ASPEK)
    ringkas = {x.pegawai.nip: x for x in tabel.alir_periode(db, "2026", teks=False)}
    assert [(b.realisasi, b.indikator) for b in ringkas[STAF1].skp] == [("100", None), ("4", None)]
    urut = list(tabel.alir_periode_urut(db, "2026"))
    assert sorted(x.pegawai.nip for x in urut) == sorted(per_nip)
    assert all(x.skp == per_nip[x.pegawai.nip].skp and x.perilaku == per_nip[x.pegawai.nip].perilaku
               for x in urut)
    assert not db.execute("SELECT name FROM temp.sqlite_master").fetchall()  # the rank table is gone
