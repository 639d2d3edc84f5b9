"""Tester findings on issue 14 (fix14): PPPK hours in the document, status and nilai agreeing on the
penilaian 360 rule, the period's rounding in `nilai --rinci`, saran ratings marked on D.1.2 and counted
at `periode tutup`, the template and Petunjuk wording."""

from __future__ import annotations

import openpyxl

from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2
from data_nilai import isi


def _teks(ws) -> list[str]:
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def _periode(kinerja, db_path, *opsi):
    r = kinerja("periode", "buat", "2026", *opsi)
    assert r.exit_code == 0, r.output
    isi(db_path)


def test_document_shows_pppk_hours_against_the_24_jp_ceiling(db_siap, kinerja, db_path, tmp_path):
    _periode(kinerja, db_path, "--metode", "pp30")
    f = tmp_path / "eko.xlsx"
    assert kinerja("ekspor", "dokumen", PPPK1, f, "-p", "2026", "--tanggal", "2026-12-30").exit_code == 0
    tl = [t for t in _teks(openpyxl.load_workbook(f).active) if t.startswith("Tindak lanjut")]
    assert tl and "Pengembangan kompetensi tahun 2026: PPPK: 0 dari paling lama 24 JP (PP 49/2018 Pasal 40 ayat 1); " \
                  "tanpa batas minimal." in tl[0] and "minimal 20 JP" not in tl[0]
    r = kinerja("pelatihan", "catat", PPPK1, "--kegiatan", "Diklat Teknis", "--jenis", "pelatihan",
                "--tanggal", "2026-06-01", "--jp", "25")
    assert r.exit_code == 0, r.output
    assert kinerja("ekspor", "dokumen", PPPK1, f, "-p", "2026", "--timpa").exit_code == 0
    tl = [t for t in _teks(openpyxl.load_workbook(f).active) if t.startswith("Tindak lanjut")][0]
    assert ("Peringatan — Pengembangan kompetensi tahun 2026: PPPK: 25 JP melebihi batas paling lama 24 JP setahun "
            "(PP 49/2018 Pasal 40 ayat 1).") in tl


def test_status_applies_the_penilaian_360_rule_of_nilai(db_siap, kinerja, db_path):
    _periode(kinerja, db_path, "--metode", "pp30", "--penilaian-360", "ya")
    nilai = {x["nip"]: x for x in kinerja("nilai", "-p", "2026", "--format", "json").json()}
    st = {x["nip"]: x for x in kinerja("status", "-p", "2026", "--rinci", "--format", "json").json()}
    tanda = "tanpa_penilaian_rekan_bawahan"
    assert tanda in nilai[STAF2]["catatan"] and tanda not in nilai[STAF1]["catatan"]
    for nip in (STAF1, STAF2, KADIS):  # the same verdict on the rekan/bawahan rule, by the same function
        assert (tanda in nilai[nip]["catatan"]) == ("rekan/bawahan belum menilai (penilaian 360)" in st[nip]["kurang"])
    assert st[STAF2]["lengkap"] is False


def test_status_without_penilaian_360_does_not_ask_for_rekan(db_siap, kinerja, db_path):
    _periode(kinerja, db_path, "--metode", "pp30", "--penilaian-360", "tidak")
    st = {x["nip"]: x for x in kinerja("status", "-p", "2026", "--rinci", "--format", "json").json()}
    assert "rekan/bawahan" not in st[STAF2]["kurang"]


def test_nilai_rinci_prints_the_period_rounding(db_siap, kinerja, db_path):
    _periode(kinerja, db_path, "--metode", "pp30", "--pembulatan-desimal", "3", "--pembulatan", "ke-bawah")
    t = " ".join(kinerja("nilai", "-p", "2026", "--nip", STAF1, "--rinci").stdout.split())
    assert "(dibulatkan 3 desimal, ke bawah)" in t and "2 desimal" not in t
    assert "bobot peran atasan 60, rekan 20, bawahan 20" in t


def test_d12_marks_saran_ratings_and_tutup_counts_them(db_siap, kinerja, db_path, tmp_path):
    _periode(kinerja, db_path, "--metode", "permenpan6")
    f = tmp_path / "kadis.xlsx"
    assert kinerja("ekspor", "dokumen", KADIS, f, "-p", "2026", "--tanggal", "2026-12-30").exit_code == 0
    teks = _teks(openpyxl.load_workbook(f)["D.1.2 Atasan Penilai"])
    i = teks.index("RATING HASIL KERJA")
    assert teks[i + 1] == "-"  # KADIS has no SKP: no saran of hasil kerja (re-tester 17 R4)
    i = teks.index("RATING PERILAKU KERJA")
    assert teks[i + 1].endswith("(saran dari angka; belum ditetapkan pejabat penilai)")
    # a rating set by the pejabat penilai is shown as it is
    r = kinerja("rating", "tetapkan", KADIS, "-p", "2026", "--hasil-kerja", "sesuai", "--alasan", "x")
    assert r.exit_code == 0, r.output
    assert kinerja("ekspor", "dokumen", KADIS, f, "-p", "2026", "--timpa").exit_code == 0
    teks = _teks(openpyxl.load_workbook(f)["D.1.2 Atasan Penilai"])
    assert teks[teks.index("RATING HASIL KERJA") + 1] == "Sesuai Ekspektasi"

    n = sum(1 for x in kinerja("nilai", "-p", "2026", "--format", "json").json()
            if "rating_belum_ditetapkan" in x["catatan"])
    assert n >= 4
    r = kinerja("periode", "tutup", "2026")  # not a terminal: refused, saying how many rest on saran
    assert r.exit_code == 1
    assert f"{n} hasil masih berupa saran rating (belum ditetapkan pejabat penilai)" in " ".join(r.stderr.split())


def test_template_and_petunjuk_wording(db_siap, kinerja, db_path, tmp_path):
    _periode(kinerja, db_path, "--metode", "permenpan6")
    f = tmp_path / "t.xlsx"
    r = kinerja("templat", f, "-p", "2026")
    assert r.exit_code == 0, r.output
    assert "rating impor" in " ".join(r.stderr.split())  # the closing hint names the Rating sheet's import
    wb = openpyxl.load_workbook(f)
    ws = wb["Rating"]
    baris = {ws.cell(row=j, column=1).value: j for j in range(2, ws.max_row + 1)}
    assert ws.cell(row=baris[SEKDA], column=3).comment is None  # no data at all: no saran from zeros
    assert ws.cell(row=baris[STAF1], column=3).comment is not None
    pet = {}
    for a, b in wb["Petunjuk"].iter_rows(min_col=1, max_col=2, values_only=True):
        pet.setdefault(a, []).append(b)
    aturan = [b for b in pet.get("Aturan umum", []) if b][0]
    assert "(Sasaran, Realisasi, Perilaku, Rating)" in aturan
    for judul in ("Rating Hasil Kerja", "Rating Perilaku"):
        teks = pet[judul][0]
        assert teks.startswith("Boleh kosong: sel kosong tidak mengubah yang tersimpan.")
        assert "Wajib diisi" not in teks and "(kosong: tidak diubah)" not in teks
    assert pet["NIP Pejabat Penilai"][0].startswith("Wajib diisi, kecuali pejabat penilainya di luar daftar pegawai")


def test_aturan_footer_does_not_call_local_rules_regulation_text(db_siap, kinerja, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    kinerja("periode", "buat", "2026")
    t = " ".join(kinerja("aturan", "-p", "2026").stdout.split())
    assert 'opsi "-": teks peraturan, tidak dapat diubah' not in t
    assert 'opsi "-": tidak dapat diubah per periode (teks peraturan, atau kebijakan lokal yang tetap di kinerja)' in t
