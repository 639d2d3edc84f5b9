"""Issue 14 section 2: under permenpan6 the pejabat penilai sets the ratings; kinerja's derived ones are a saran.

Worked example (data_nilai.py): STAF1 NHK 113,40 ≥ 110 → saran Di Atas Ekspektasi; NPK 107,50 → saran Sesuai
Ekspektasi; Di Atas × Sesuai → Baik. Until the ratings are set the result carries `rating_belum_ditetapkan`
and is not lengkap. The pejabat penilai (KADIS, STAF1's atasan) sets Di Atas × Di Atas → Sangat Baik.
"""

from __future__ import annotations

import json
import sqlite3

import openpyxl
import pytest

from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2, buat_xlsx
from data_nilai import isi

FLAG = "rating_belum_ditetapkan"
JUDUL = ["NIP", "Nama", "Rating Hasil Kerja", "Rating Perilaku", "Alasan", "NIP Pejabat Penilai"]


@pytest.fixture
def p6(db_siap, kinerja, db_path):
    assert kinerja("periode", "buat", "2026", "--metode", "permenpan6").exit_code == 0
    isi(db_path)
    return db_path


def _nilai(kinerja, nip):
    return next(x for x in kinerja("nilai", "-p", "2026", "--format", "json").json() if x["nip"] == nip)


def _rating(db_path):
    with sqlite3.connect(db_path) as c:
        return {r[0]: r[1:] for r in c.execute("SELECT nip, hasil_kerja, perilaku, alasan_hasil_kerja, "
                                                            "alasan_perilaku, oleh FROM rating_langsung")}


def _audit(db_path):
    with sqlite3.connect(db_path) as c:
        return [(r[0], r[1], json.loads(r[2]) if r[2] else None, json.loads(r[3]))
                for r in c.execute("SELECT kunci, aksi, lama, baru FROM audit WHERE tabel = 'rating_langsung' ORDER BY id")]


def test_saran_until_imported_then_the_set_ratings_decide(p6, kinerja, db_path, tmp_path):
    s1 = _nilai(kinerja, STAF1)
    assert (s1["rating_hasil_kerja"], s1["rating_perilaku"], s1["predikat"]) == (
        "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Baik")
    assert s1["catatan"] == [FLAG] and s1["lengkap"] is False
    assert kinerja("nilai", "-p", "2026", "--hanya-lengkap", "--format", "json").json() == []
    csv = kinerja("nilai", "-p", "2026", "--nip", STAF1, "--format", "csv").stdout
    assert FLAG in csv.splitlines()[1]
    st = {x["nip"]: x for x in kinerja("status", "-p", "2026", "--rinci", "--format", "json").json()}
    assert st[STAF1]["rating_ditetapkan"] is False and st[STAF1]["lengkap"] is False
    assert st[STAF1]["kurang"] == "rating masih saran, belum ditetapkan pejabat penilai"
    unit = kinerja("status", "-p", "2026", "--format", "json").json()
    assert next(u for u in unit if u["unit"] == "DPMPTSP")["rating_belum_ditetapkan"] == 4

    f = buat_xlsx(tmp_path / "rating.xlsx", {"Rating": [
        JUDUL,
        [STAF1, "Citra Lestari", "di atas ekspektasi", "DI ATAS EKSPEKTASI", "inovasi layanan izin kilat", KADIS],
        [STAF2, "Dewi Sartika", None, None, None, KADIS],  # a pre-filled template row not filled in: skipped
    ]})
    r = kinerja("rating", "impor", f, "-p", "2026", "--dry-run")
    assert r.exit_code == 0, r.output
    assert "Uji coba (tidak disimpan): 1 rating ditetapkan, 0 diubah, 0 tetap, 0 baris dilewati, 1 baris belum diisi." \
        in " ".join(r.stderr.split())
    assert _rating(db_path) == {} and _audit(db_path) == []
    r = kinerja("rating", "impor", f, "-p", "2026")
    assert r.exit_code == 0 and "Impor selesai: 1 rating ditetapkan" in r.stderr
    assert _rating(db_path) == {STAF1: ("di-atas", "di-atas", "inovasi layanan izin kilat", "inovasi layanan izin kilat", KADIS)}
    assert _audit(db_path) == [(f"2026/{STAF1}", "tambah", None, {
        "hasil_kerja": "di-atas", "perilaku": "di-atas", "alasan_hasil_kerja": "inovasi layanan izin kilat",
        "alasan_perilaku": "inovasi layanan izin kilat", "oleh": KADIS, "oleh_hasil_kerja": KADIS,
        "oleh_perilaku": KADIS})]

    s1 = _nilai(kinerja, STAF1)
    assert s1["catatan"] == [] and s1["lengkap"] is True
    assert (s1["rating_hasil_kerja"], s1["rating_perilaku"], s1["predikat"]) == (
        "Di Atas Ekspektasi", "Di Atas Ekspektasi", "Sangat Baik")  # the set ratings in the quadrant, not the saran
    assert (s1["rating_hasil_kerja_langsung"], s1["rating_perilaku_langsung"]) == (True, True)
    st = {x["nip"]: x for x in kinerja("status", "-p", "2026", "--rinci", "--format", "json").json()}
    assert st[STAF1]["rating_ditetapkan"] is True and "rating" not in st[STAF1]["kurang"]
    # the same file again changes nothing
    r = kinerja("rating", "impor", f, "-p", "2026")
    assert "0 rating ditetapkan, 0 diubah, 1 tetap" in r.stderr and len(_audit(db_path)) == 1


def _masalah(db_path, f, **kw):
    from kinerja_cli.errors import ImporDitolak
    from kinerja_cli.services import rating
    from kinerja_cli.store.db import buka_db

    db = buka_db(db_path)
    try:
        with pytest.raises(ImporDitolak) as e:
            rating.impor(db, f, "2026", **kw)
    finally:
        db.close()
    return e.value, {(m.baris, m.kolom): (m.pesan, m.saran) for m in e.value.masalah}


def test_import_refuses_every_problem_named_by_row_and_cell(p6, kinerja, db_path, tmp_path):
    f = buat_xlsx(tmp_path / "salah.xlsx", {"Rating": [
        JUDUL,
        ["199912312020121999", "Orang Lain", "Sesuai Ekspektasi", "Sesuai Ekspektasi", "x", KADIS],  # 2
        [STAF1, "Citra", "Bagus", "sesuai", "x", KADIS],  # 3
        [STAF2, "Dewi", "sesuai", "sesuai", "x", SEKDA],  # 4: SEKDA is not STAF2's atasan
        [STAF1, "Citra", "sesuai", "sesuai", "x", KADIS],  # 5: STAF1 twice
        [PPPK1, "Eko", "di bawah", None, None, KADIS],  # 6: no reason
        [KADIS, "Budi", "sesuai", "sesuai", "memimpin dengan baik", None],  # 7: no pejabat penilai
    ]})
    e, m = _masalah(db_path, f)
    assert e.pesan == "Impor salah.xlsx ditolak: 6 galat di 6 baris. Tidak ada data yang ditulis."
    assert m[(2, "A (NIP)")] == ("NIP 199912312020121999 tidak ada di daftar pegawai", "impor pegawai dulu, atau periksa NIP")
    assert m[(3, "C (Rating Hasil Kerja)")] == (
        "Rating Hasil Kerja 'Bagus' tidak dikenal",
        "isi salah satu: Di Atas Ekspektasi, Sesuai Ekspektasi, Di Bawah Ekspektasi "
        "(atau singkatnya di-atas, sesuai, di-bawah; huruf besar/kecil bebas)")
    assert m[(4, "F (NIP Pejabat Penilai)")][0] == (f"Pejabat penilai {SEKDA} (Drs. H. Ahmad Yani) bukan atasan langsung {STAF2} "
                                     f"(Dewi Sartika) di daftar pegawai (atasan tercatat {KADIS} (Budi Santoso, S.E.))")
    assert m[(5, "A (NIP)")][0] == f"NIP {STAF1} sudah ada di baris 3; satu pegawai hanya satu baris"
    assert m[(6, "E (Alasan)")] == ("Alasan kosong", "tulis alasan penetapan rating di Alasan atau Alasan Hasil Kerja "
                                                    "(dicatat di log audit)")
    assert m[(7, "F (NIP Pejabat Penilai)")] == ("NIP Pejabat Penilai kosong", f"isi NIP atasan langsung pegawai ini: {SEKDA}")
    assert _rating(db_path) == {}
    # the command: refused, nothing written, the marked copy on request
    tanda = tmp_path / "salah.galat.xlsx"
    r = kinerja("rating", "impor", f, "-p", "2026", "--tandai", tanda)
    assert r.exit_code == 1 and "6 galat di 6 baris. Tidak ada data yang ditulis." in " ".join(r.stderr.split())
    ws = openpyxl.load_workbook(tanda)["Rating"]
    assert "tidak dikenal" in ws["C3"].comment.text and "bukan atasan langsung" in ws["F4"].comment.text
    assert _rating(db_path) == {} and _audit(db_path) == []
    # --lewati-galat stores only good rows: here there are none
    r = kinerja("rating", "impor", f, "-p", "2026", "--lewati-galat")
    assert r.exit_code == 0 and "6 baris dilewati" in r.stderr and _rating(db_path) == {}


def test_import_refuses_a_closed_period_with_the_reopen_hint(p6, kinerja, db_path, tmp_path):
    f = buat_xlsx(tmp_path / "r.xlsx", {"Rating": [JUDUL, [STAF1, "", "sesuai", "sesuai", "x", KADIS]]})
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    r = kinerja("rating", "impor", f, "-p", "2026")
    assert r.exit_code == 1 and "Periode 2026 sudah ditutup" in r.stderr
    assert 'kinerja periode buka 2026 --alasan "..."' in r.stderr and _rating(db_path) == {}


def test_import_of_a_sheet_without_ratings_is_refused(p6, kinerja, db_path, tmp_path):
    f = buat_xlsx(tmp_path / "kosong.xlsx", {"Rating": [JUDUL, [STAF1, "Citra", None, None, None, KADIS]]})
    r = kinerja("rating", "impor", f, "-p", "2026")
    assert r.exit_code == 1
    assert "Sheet 'Rating' di kosong.xlsx belum berisi rating: 1 baris tanpa rating dan alasan." in " ".join(r.stderr.split())


def test_terima_saran_sets_only_complete_results_and_is_audited(p6, kinerja, db_path):
    r = kinerja("rating", "terima-saran", "-p", "2026", "--unit", "DPMPTSP", "--alasan", "x")
    assert r.exit_code == 2  # --oleh is required
    r = kinerja("rating", "terima-saran", "-p", "2026", "--unit", "DPMPTSP", "--oleh", KADIS)
    assert r.exit_code == 2  # --alasan is required
    r = kinerja("rating", "terima-saran", "-p", "2026", "--unit", "DPMPTSP", "--oleh", KADIS, "--alasan", "  ")
    assert r.exit_code == 1 and "Alasan wajib diisi" in r.stderr
    r = kinerja("rating", "terima-saran", "-p", "2026", "--unit", "DPMPTSP", "--oleh", KADIS,
                "--alasan", "saran sesuai bukti dukung")
    assert r.exit_code == 0, r.output
    out = " ".join(r.output.split())
    assert "1 pegawai ditetapkan dari saran, 3 dilewati, 0 sudah ditetapkan sebelumnya." in out
    assert "data belum lengkap: aspek perilaku tidak lengkap" in out  # STAF2
    assert "data belum lengkap: realisasi belum lengkap" in out  # PPPK1
    assert "tidak dapat menerima saran untuk diri sendiri" in out  # KADIS (f14: who may accept comes first)
    assert _rating(db_path) == {STAF1: ("di-atas", "sesuai", "saran sesuai bukti dukung", "saran sesuai bukti dukung", KADIS)}
    assert _audit(db_path) == [(f"2026/{STAF1}", "tambah", None, {
        "hasil_kerja": "di-atas", "perilaku": "sesuai", "alasan_hasil_kerja": "saran sesuai bukti dukung",
        "alasan_perilaku": "saran sesuai bukti dukung", "oleh": KADIS, "oleh_hasil_kerja": KADIS,
        "oleh_perilaku": KADIS, "sumber": "saran diterima", "diterima_oleh": KADIS})]
    s1 = _nilai(kinerja, STAF1)
    assert s1["catatan"] == [] and s1["lengkap"] and s1["predikat"] == "Baik"
    from kinerja_cli.services.riwayat import perubahan

    baru = kinerja("riwayat", "--nip", STAF1, "--format", "json").json()[0]["baru"]
    teks = perubahan(None, baru)
    assert f"diterima oleh: {KADIS}" in teks and f"pejabat penilai: {KADIS}" in teks and "saran diterima" in teks
    # a second run: nothing left to accept
    r = kinerja("rating", "terima-saran", "-p", "2026", "--unit", "DPMPTSP", "--oleh", KADIS, "--alasan", "lagi")
    assert "0 pegawai ditetapkan dari saran, 3 dilewati, 1 sudah ditetapkan sebelumnya." in " ".join(r.output.split())
    assert len(_audit(db_path)) == 1


def test_terima_saran_dry_run_and_pp30_refusal(db_siap, kinerja, db_path):
    kinerja("periode", "buat", "2026", "--metode", "permenpan6")
    isi(db_path)
    r = kinerja("rating", "terima-saran", "-p", "2026", "--unit", "DPMPTSP", "--oleh", KADIS, "--alasan", "x",
                "--dry-run")
    assert "Uji coba (tidak disimpan): 1 pegawai ditetapkan dari saran" in " ".join(r.output.split())
    assert _rating(db_path) == {} and _audit(db_path) == []
    kinerja("periode", "buat", "2027", "--metode", "pp30")
    r = kinerja("rating", "terima-saran", "-p", "2027", "--unit", "DPMPTSP", "--oleh", KADIS, "--alasan", "x")
    assert r.exit_code == 1 and "memakai metode pp30: tidak ada saran rating untuk diterima" in r.stderr


def test_pp30_is_unaffected(db_siap, kinerja, db_path):
    kinerja("periode", "buat", "2026", "--metode", "pp30")
    isi(db_path)
    s1 = _nilai(kinerja, STAF1)
    assert s1["catatan"] == [] and s1["lengkap"] is True and s1["predikat"] == "Baik" and s1["na"] == 111.04
    t = kinerja("nilai", "-p", "2026").stdout
    assert "saran" not in t
    st = kinerja("status", "-p", "2026", "--rinci", "--format", "json").json()
    assert all("rating_ditetapkan" not in x for x in st)


def test_template_rating_sheet_saran_as_comment_then_imports(p6, kinerja, db_path, tmp_path):
    f = tmp_path / "templat.xlsx"
    r = kinerja("templat", f, "-p", "2026", "--unit", "DPMPTSP")
    assert r.exit_code == 0 and "4 baris Rating" in " ".join(r.stderr.split())
    wb = openpyxl.load_workbook(f)
    ws = wb["Rating"]
    # issue 16: the pejabat penilai's recommendation; issue 14: a reason per rating when they differ
    assert [c.value for c in ws[1]] == JUDUL + ["Rekomendasi", "Alasan Hasil Kerja", "Alasan Perilaku"]
    baris = {ws.cell(row=i, column=1).value: i for i in range(2, 6)}
    i = baris[STAF1]
    assert ws.cell(row=i, column=3).value is None and ws.cell(row=i, column=4).value is None  # never the saran
    assert ws.cell(row=i, column=3).comment.text.startswith(
        "Saran kinerja dari angka: Di Atas Ekspektasi (NHK 113,40 ≥ 110 → Di Atas Ekspektasi)")
    assert "Sesuai Ekspektasi" in ws.cell(row=i, column=4).comment.text
    assert ws.cell(row=i, column=6).value == KADIS  # the pejabat penilai: the atasan langsung
    pilihan = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert pilihan["C2"] == pilihan["D2"] == '"Di Atas Ekspektasi,Sesuai Ekspektasi,Di Bawah Ekspektasi"'
    assert any("kinerja rating impor" in str(c.value) for c in wb["Petunjuk"]["B"])
    ws.cell(row=i, column=3).value = "Di Atas Ekspektasi"
    ws.cell(row=i, column=4).value = "Di Atas Ekspektasi"
    ws.cell(row=i, column=5).value = "layanan izin daring"
    wb.save(f)
    r = kinerja("rating", "impor", f, "-p", "2026")
    assert r.exit_code == 0 and "1 rating ditetapkan" in r.stderr and "3 baris belum diisi" in r.stderr
    assert _nilai(kinerja, STAF1)["predikat"] == "Sangat Baik"
    # a new template shows the set ratings as values
    g = tmp_path / "templat2.xlsx"
    kinerja("templat", g, "-p", "2026", "--unit", "DPMPTSP")
    ws = openpyxl.load_workbook(g)["Rating"]
    i = {ws.cell(row=j, column=1).value: j for j in range(2, 6)}[STAF1]
    assert [ws.cell(row=i, column=c).value for c in (3, 4, 5)] == [
        "Di Atas Ekspektasi", "Di Atas Ekspektasi", "layanan izin daring"]


def test_pp30_template_has_no_rating_sheet(db_periode, kinerja, tmp_path):
    f = tmp_path / "t.xlsx"
    assert kinerja("templat", f, "-p", "2026").exit_code == 0
    assert openpyxl.load_workbook(f).sheetnames == ["Petunjuk", "Sasaran", "Realisasi", "Perilaku"]


def test_demo_atasan_sets_the_ratings_of_complete_results(p6, db_path):
    from kinerja_cli.services import demo
    from kinerja_cli.store.db import buka_db

    db = buka_db(db_path)
    try:
        assert demo._rating_atasan(db, "2026") == "1 pegawai ditetapkan atasannya; 3 belum ditetapkan (data belum lengkap atau tanpa atasan)"
    finally:
        db.close()
    demo_alasan = "Ditetapkan atasan langsung sesuai bukti dukung (data demo)"
    assert _rating(db_path) == {STAF1: ("di-atas", "sesuai", demo_alasan, demo_alasan, KADIS)}
    assert _audit(db_path)[0][3]["diterima_oleh"] == KADIS
