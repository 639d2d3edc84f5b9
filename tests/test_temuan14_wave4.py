"""Tester findings on issue 14, wave 4 (f14): numeric options of `periode buat` read by the one number rule,
who may accept a unit's saran, rating impor on a pp30 period, arah turun below 0, the 360 rule under
permenpan6, saran counts in the recap and at `periode tutup`, `aturan` marking what applies, the Rating
import's column labels, and a visible saran mark in the narrow `nilai` table."""

from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2, buat_xlsx
from data_nilai import ASPEK, isi


def _param(db_path, kode):
    with sqlite3.connect(db_path) as c:
        r = c.execute("SELECT parameter FROM periode WHERE kode = ?", [kode]).fetchone()
    return None if r is None else json.loads(r[0])


def _satu(teks: str) -> str:
    return " ".join(teks.split())


# --- A1: every numeric option through validation.angka.baca_angka ---------------------------------------

@pytest.mark.parametrize("opsi, pesan", [
    (["--bobot-atasan", "1.200"], "--bobot-atasan '1.200' bisa dibaca 1200 (titik pemisah ribuan) atau 1,2 (titik desimal)"),
    (["--ambang-sesuai", "1.000"], "--ambang-sesuai '1.000' bisa dibaca 1000 (titik pemisah ribuan) atau 1 (titik desimal)"),
    (["--bobot-atasan", "1,250"], "--bobot-atasan '1,250' bisa dibaca 1,25 (koma desimal) atau 1250 (koma pemisah ribuan)"),
    (["--capaian-rentang", "1.100"], "--capaian-rentang '1.100' bisa dibaca 1100 (titik pemisah ribuan) atau 1,1"),
    (["--pembulatan-desimal", "2,5"], "--pembulatan-desimal harus bilangan bulat 0 sampai 6, ditemukan 2,5"),
    (["--pembulatan-desimal", "0_2"], "--pembulatan-desimal '0_2' bukan angka: garis bawah tidak dipakai"),
])
def test_periode_buat_refuses_an_ambiguous_number_with_both_readings(db_siap, kinerja, db_path, opsi, pesan):
    r = kinerja("periode", "buat", "2021-T1", *opsi)
    assert r.exit_code == 1, r.output
    assert pesan in _satu(r.stderr)
    assert _param(db_path, "2021-T1") is None  # nothing created


def test_periode_buat_reads_comma_decimals_and_repeats_what_it_stored(db_siap, kinerja, db_path):
    r = kinerja("periode", "buat", "2021-T1", "--bobot-atasan", "62,5", "--ambang-sesuai", "85.5",
                "--pembulatan-desimal", "1")
    assert r.exit_code == 0, r.output
    p = _param(db_path, "2021-T1")
    assert p["bobot_peran"] == {"atasan": "62.5", "rekan": "20", "bawahan": "20"}
    assert p["ambang_sesuai"] == "85.5" and p["pembulatan"]["desimal"] == "1"
    t = _satu(r.stderr)
    assert "Pengaturan yang disimpan bersama periode:" in t
    assert "atasan/rekan/bawahan (dinormalkan atas peran yang menilai): 62,5/20/20" in t
    assert "Sesuai bila ≥ ambang sesuai: 110 / 85,5" in t
    assert "1 desimal, setengah-ke-atas" in t
    # nothing given: nothing repeated
    r = kinerja("periode", "buat", "2021-T2")
    assert "Pengaturan yang disimpan" not in r.stderr


# --- A2: one accepts a saran only for the people below oneself in the atasan chain ----------------------

def _rating(db_path):
    with sqlite3.connect(db_path) as c:
        return {r[0]: r[1:] for r in c.execute("SELECT nip, hasil_kerja, perilaku, oleh FROM rating_langsung")}


def test_terima_saran_only_for_people_below_oneself(db_siap, kinerja, db_path):
    """STAF1 becomes a Kepala Bidang (administrator) with PPPK1 below him; KADIS (STAF1's own boss) and PPPK1
    have complete data resting on saran. STAF1 accepts for PPPK1 only (stored pejabat penilai STAF1, his atasan
    langsung); KADIS (his superior, rated by SEKDA) and STAF1 himself are skipped with the reason."""
    assert kinerja("periode", "buat", "2026").exit_code == 0
    isi(db_path)
    t = "2026-01-01T00:00:00"
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE pegawai SET jenis_jabatan = 'administrator', jabatan = 'Kepala Bidang' WHERE nip = ?", [STAF1])
        c.execute("UPDATE pegawai SET nip_atasan = ? WHERE nip = ?", [STAF1, PPPK1])
        c.execute("INSERT INTO sasaran (periode, nip, nomor, jenis, rhk, aspek, indikator, target_lo, target_hi, satuan,"
                  " bobot, arah, target_maksimal, diubah) VALUES ('2026', ?, 1, 'utama', 'Dinas', 'kuantitas',"
                  " 'Izin', '100', NULL, '%', '100', 'naik', 0, ?)", [KADIS, t])
        c.executemany("INSERT INTO realisasi (periode, nip, nomor, nilai, diubah) VALUES ('2026', ?, ?, ?, ?)",
                      [(KADIS, 1, "100", t), (PPPK1, 2, "10", t)])
        c.execute(f"INSERT INTO perilaku (periode, nip, penilai, peran, {', '.join(ASPEK)}, diubah)"
                  f" VALUES ('2026', ?, ?, 'atasan', {','.join('?' * 7)}, ?)", [PPPK1, STAF1, *["100"] * 7, t])
        c.execute(f"INSERT INTO perilaku (periode, nip, penilai, peran, {', '.join(ASPEK)}, diubah)"
                  f" VALUES ('2026', ?, ?, 'rekan', {','.join('?' * 7)}, ?)", [PPPK1, STAF2, *["100"] * 7, t])
    lengkap = {x["nip"]: x["catatan"] for x in kinerja("nilai", "-p", "2026", "--format", "json").json()}
    assert lengkap[KADIS] == ["rating_belum_ditetapkan"] and lengkap[PPPK1] == ["rating_belum_ditetapkan"]
    assert lengkap[STAF1] == ["rating_belum_ditetapkan"]

    r = kinerja("rating", "terima-saran", "-p", "2026", "--unit", "DPMPTSP", "--oleh", STAF1, "--alasan", "sesuai bukti")
    assert r.exit_code == 0, r.output
    out = _satu(r.output)
    assert "1 pegawai ditetapkan dari saran, 3 dilewati, 0 sudah ditetapkan sebelumnya." in out
    assert (f"atasan Citra Lestari ({STAF1}), bukan bawahannya; ratingnya ditetapkan Drs. H. Ahmad Yani ({SEKDA})"
            in out)
    assert f"tidak dapat menerima saran untuk diri sendiri; ratingnya ditetapkan Budi Santoso, S.E. ({KADIS})" in out
    assert (f"bukan bawahan Citra Lestari ({STAF1}) dalam rantai atasan; ratingnya ditetapkan Budi Santoso, S.E. "
            f"({KADIS})") in out  # STAF2, a colleague
    rating = _rating(db_path)
    assert set(rating) == {PPPK1} and rating[PPPK1][2] == STAF1  # the stored pejabat penilai: PPPK1's atasan

    # KADIS accepts for everyone below him, through STAF1 too; SEKDA (his atasan) is not in the unit
    r = kinerja("rating", "terima-saran", "-p", "2026", "--unit", "DPMPTSP", "--oleh", KADIS, "--alasan", "sesuai bukti")
    out = _satu(r.output)
    assert "1 pegawai ditetapkan dari saran, 2 dilewati, 1 sudah ditetapkan sebelumnya." in out, out
    assert f"tidak dapat menerima saran untuk diri sendiri; ratingnya ditetapkan Drs. H. Ahmad Yani ({SEKDA})" in out
    assert _rating(db_path)[STAF1][2] == KADIS and KADIS not in _rating(db_path)


# --- A3: rating impor on a pp30 period refuses like rating tetapkan ------------------------------------

JUDUL_RATING = ["NIP", "Nama", "Rating Hasil Kerja", "Rating Perilaku", "Alasan", "NIP Pejabat Penilai"]


def test_rating_impor_on_pp30_refuses_like_tetapkan(db_siap, kinerja, db_path, tmp_path):
    assert kinerja("periode", "buat", "2025", "--metode", "pp30").exit_code == 0
    f = buat_xlsx(tmp_path / "r.xlsx", {"Rating": [
        JUDUL_RATING, [STAF1, "Citra Lestari", "Di Atas Ekspektasi", "Sesuai Ekspektasi", "bagus", KADIS]]})
    tetapkan = kinerja("rating", "tetapkan", STAF1, "-p", "2025", "--hasil-kerja", "di-atas", "--alasan", "bagus")
    impor = kinerja("rating", "impor", str(f), "-p", "2025")
    assert tetapkan.exit_code == impor.exit_code == 1, impor.output
    pesan = ("Periode 2025 memakai metode pp30: rating ditetapkan pejabat penilai hanya ada pada metode "
             "permenpan6; pada metode ini rating dihitung dari angka.")
    assert pesan in _satu(impor.stderr) and pesan in _satu(tetapkan.stderr)
    assert _rating(db_path) == {}
    assert kinerja("rating", "impor", str(f), "-p", "2025", "--dry-run").exit_code == 1


# --- A4: --capaian-turun-boleh-negatif changes the nilai, not only the C shown -------------------------

def test_capaian_turun_boleh_negatif_follows_the_formula(db_siap, kinerja, db_path):
    """STAF1 row 1: target 100, realisasi 100 → C 100 → 109 (bobot 60). Row 2 arah turun, target 5 hari,
    realisasi 12 (the test sets it): C = (1 + (1 − 12/5)) × 100 = −40,00. Default: C → 0, nilai 0,
    NHK = 60 × 109 / 100 = 65,40. Boleh negatif: nilai = −40 × 49 / 59 = −33,2203… → −33,22,
    NHK = (60 × 109 + 40 × (−33,22)) / 100 = (6540 − 1328,8) / 100 = 52,112 → 52,11."""
    for kode, opsi in (("2026", []), ("2027", ["--capaian-turun-boleh-negatif"])):
        assert kinerja("periode", "buat", kode, "--metode", "pp30", *opsi).exit_code == 0
        isi(db_path, kode)
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE realisasi SET nilai = '12' WHERE nip = ? AND nomor = 2", [STAF1])
    nhk = {k: next(x for x in kinerja("nilai", "-p", k, "--format", "json").json() if x["nip"] == STAF1)["nhk"]
           for k in ("2026", "2027")}
    assert nhk == {"2026": 65.40, "2027": 52.11}
    r = kinerja("nilai", "-p", "2027", "--nip", STAF1, "--rinci")
    t = _satu(r.stdout)
    assert "-40,00" in t and "-33,22" in t and "C < 60 → C / 59 × 49" in t
    a = {x["kunci"]: x for x in kinerja("aturan", "-p", "2027", "--format", "json").json()}
    assert a["capaian_turun_min_nol"]["nilai"] == "tidak: capaian dan nilai capaian IKI arah turun boleh negatif (C / 59 × 49)"


# --- A5: penilaian 360 under permenpan6; no NA formula passed off as the basis of a 6/2022 rating -------

def test_penilaian_360_tidak_on_permenpan6_is_explained_and_rinci_prints_the_rule_applied(db_siap, kinerja, db_path):
    r = kinerja("periode", "buat", "2026", "--penilaian-360", "tidak")
    assert r.exit_code == 0, r.output
    t = _satu(r.stderr)
    assert ("Penilaian 360: tidak. Pada metode permenpan6 setelan ini hanya mengubah saran rating perilaku: "
            "NPK = nilai atasan saja, nilai rekan dan bawahan tidak dihitung.") in t
    isi(db_path)
    # STAF1: atasan 110, rekan 100 → NPK = 110 (atasan only), saran perilaku 110 ≥ 110 → Di Atas Ekspektasi
    s1 = next(x for x in kinerja("nilai", "-p", "2026", "--format", "json").json() if x["nip"] == STAF1)
    assert (s1["npk"], s1["rating_perilaku"]) == (110.0, "Di Atas Ekspektasi")
    t = _satu(kinerja("nilai", "-p", "2026", "--nip", STAF1, "--rinci").stdout)
    assert "penilaian 360 periode ini: tidak, jadi NPK = nilai atasan saja; rekan dan bawahan ditampilkan" in t
    assert "bobot peran atasan 60" not in t
    assert "3. Nilai akhir: angka bantu, bukan dasar rating" in t
    assert "PermenPANRB 6/2022 tidak memakai rumus nilai akhir" in t
    # pp30 keeps its section
    assert kinerja("periode", "buat", "2025", "--metode", "pp30").exit_code == 0
    isi(db_path, "2025")
    t = _satu(kinerja("nilai", "-p", "2025", "--nip", STAF1, "--rinci").stdout)
    assert "3. Nilai akhir Bobot komponen: hasil kerja 60,00%" in t and "angka bantu" not in t
    assert "bobot peran atasan 60, rekan 20, bawahan 20, dinormalkan" in t


# --- A6: the recap's Ringkasan counts the results still resting on saran --------------------------------

def _ringkasan(f) -> list[str]:
    import openpyxl

    ws = openpyxl.load_workbook(f)["Ringkasan"]
    return [c.value for row in ws.iter_rows(max_row=20) for c in row if isinstance(c.value, str)]


def test_recap_ringkasan_counts_results_on_saran(db_siap, kinerja, db_path, tmp_path):
    """data_nilai: STAF1, STAF2, PPPK1 and KADIS have data (SEKDA none): 4 assessed, all 4 on saran; after
    the pejabat penilai sets STAF1's ratings, 3 of 4."""
    assert kinerja("periode", "buat", "2026").exit_code == 0
    isi(db_path)
    f = tmp_path / "r.xlsx"
    assert kinerja("ekspor", "rekap", str(f), "-p", "2026").exit_code == 0
    teks = _ringkasan(f)
    assert ("Hasil yang masih berupa saran rating (rating belum ditetapkan pejabat penilai): 4 dari 4; predikatnya "
            "belum final sampai rating ditetapkan (kinerja rating tetapkan / impor / terima-saran)") in teks
    assert kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--hasil-kerja", "di-atas", "--perilaku", "sesuai",
                   "--alasan", "bukti dukung").exit_code == 0
    assert kinerja("ekspor", "rekap", str(f), "-p", "2026", "--timpa").exit_code == 0
    assert any(t.startswith("Hasil yang masih berupa saran rating (rating belum ditetapkan pejabat penilai): 3 dari 4;")
               for t in _ringkasan(f))
    # pp30: no saran, no line
    assert kinerja("periode", "buat", "2025", "--metode", "pp30").exit_code == 0
    isi(db_path, "2025")
    assert kinerja("ekspor", "rekap", str(f), "-p", "2025", "--timpa").exit_code == 0
    assert not any("saran" in t for t in _ringkasan(f))


# --- A7: periode tutup --ya says how many results were frozen on saran ----------------------------------

def test_periode_tutup_ya_counts_saran(db_siap, kinerja, db_path):
    """data_nilai on permenpan6: every result with data carries the flag until set (SEKDA, without data, does not:
    "tanpa data sama sekali", h14 Q1); STAF1's ratings set → STAF2, PPPK1, KADIS = 3 left."""
    assert kinerja("periode", "buat", "2026").exit_code == 0
    isi(db_path)
    assert kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--hasil-kerja", "di-atas", "--perilaku", "sesuai",
                   "--alasan", "bukti dukung").exit_code == 0
    r = kinerja("periode", "tutup", "2026", "--ya")
    assert r.exit_code == 0, r.output
    t = _satu(r.stderr)
    assert ('3 hasil dibekukan masih berupa saran rating (belum ditetapkan pejabat penilai); untuk menetapkannya: '
            'kinerja periode buka 2026 --alasan "...", lalu kinerja rating impor / terima-saran -p 2026') in t
    assert kinerja("periode", "buat", "2025", "--metode", "pp30").exit_code == 0
    isi(db_path, "2025")
    assert "saran" not in kinerja("periode", "tutup", "2025", "--ya").stderr


# --- A8: `kinerja aturan` says which rules apply to the period's scheme ---------------------------------

def test_aturan_marks_what_applies_to_the_scheme(db_siap, kinerja, db_path):
    assert kinerja("periode", "buat", "2026").exit_code == 0
    assert kinerja("periode", "buat", "2025", "--metode", "pp30").exit_code == 0
    b = {k: {x["kunci"]: x["berlaku"] for x in kinerja("aturan", "-p", k, "--format", "json").json()}
         for k in ("2026", "2025")}
    assert b["2026"]["predikat_pp30"] == "tidak (hanya pp30)"
    assert b["2026"]["penilaian_360"] == ("sebagian: rekan dan bawahan ikut dihitung dalam NPK (saran rating perilaku) "
                                          "atau tidak; bobot NA tidak dipakai")
    assert b["2026"]["ambang_saran"] == b["2026"]["rating_ditetapkan"] == b["2026"]["capaian"] == "ya"
    assert b["2025"]["ambang_saran"] == b["2025"]["rating_ditetapkan"] == "tidak (hanya permenpan6)"
    assert b["2025"]["utama_di_bawah"] == "tidak (hanya permenpan6)"
    assert b["2025"]["predikat_pp30"] == b["2025"]["penilaian_360"] == b["2025"]["kurva_distribusi"] == "ya"
    t = _satu(kinerja("aturan", "-p", "2025").stdout)
    assert "Berlaku" in t and "tidak (hanya permenpan6)" in t


# --- A9: the Rating import names columns by the sheet's headings; a free name for --tandai -------------

def test_rating_impor_names_columns_by_heading_and_suggests_a_free_tandai_name(db_siap, kinerja, db_path, tmp_path):
    assert kinerja("periode", "buat", "2026").exit_code == 0
    isi(db_path)
    f = buat_xlsx(tmp_path / "r-bad.xlsx", {"Rating": [
        JUDUL_RATING, [STAF2, "Dewi Sartika", "bagus", "Sesuai Ekspektasi", "x", SEKDA]]})
    r = kinerja("rating", "impor", str(f), "-p", "2026")
    assert r.exit_code == 1
    t = _satu(r.output)
    assert "C (Rating Hasil Kerja)" in t and "F (NIP Pejabat Penilai)" in t
    assert "(rating hk)" not in t and "(oleh)" not in t
    tanda = tmp_path / "r-bad.galat.xlsx"
    tanda.write_bytes(b"")
    (tmp_path / "r-bad.galat-2.xlsx").write_bytes(b"")
    r = kinerja("rating", "impor", str(f), "-p", "2026", "--tandai", str(tanda))
    assert r.exit_code == 1
    t = _satu(r.stderr)
    assert f"pilih nama lain (misalnya --tandai {tmp_path / 'r-bad.galat-3.xlsx'})" in t


# --- A10: a predikat resting on saran is marked in the table, even at 80 columns -----------------------

def test_nilai_marks_a_saran_predikat_at_80_columns(db_siap, kinerja, db_path, monkeypatch):
    """STAF1: saran Di Atas × Sesuai → Baik (on saran: Baik*); after the pejabat penilai sets Di Atas × Di Atas
    → Sangat Baik, without the mark."""
    monkeypatch.setenv("COLUMNS", "80")
    assert kinerja("periode", "buat", "2026").exit_code == 0
    isi(db_path)
    t = kinerja("nilai", "-p", "2026").stdout
    baris = next(x for x in t.splitlines() if STAF1 in x)
    assert "Baik*" in baris, t
    assert "* 4 hasil masih saran (rating belum ditetapkan pejabat penilai)" in _satu(t)
    assert kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--hasil-kerja", "di-atas", "--perilaku", "di-atas",
                   "--alasan", "bukti dukung").exit_code == 0
    t = kinerja("nilai", "-p", "2026").stdout
    baris = next(x for x in t.splitlines() if STAF1 in x)
    assert "Sangat Baik" in baris and "*" not in baris
    assert "* 3 hasil masih saran" in _satu(t)


def test_saran_reason_alone_and_aturan_speaks_of_permenpan6(db_siap, kinerja, db_path):
    """Re-tester 14 Q4/Q5: the Rating sheet's comment on a rating already set is the saran from the numbers only
    (not "Ditetapkan langsung oleh atasan: ..."); `periode buat`/`aturan` on a permenpan6 period with penilaian 360
    'tidak' say what the setting does there (NPK from the atasan only), not "NA = 70/30"."""
    from kinerja_cli.scoring.hitung import _langsung, alasan_saran

    label, langsung, teks = _langsung("sesuai", "Di Bawah Ekspektasi", "NHK 85,00 < 90 (ambang sesuai)")
    assert langsung and teks.startswith("Ditetapkan langsung oleh atasan: Sesuai Ekspektasi")
    assert alasan_saran(teks, langsung) == "NHK 85,00 < 90 (ambang sesuai)"
    assert alasan_saran("NHK 120,00 ≥ 110", False) == "NHK 120,00 ≥ 110"
    r = kinerja("periode", "buat", "2034", "--penilaian-360", "tidak")
    assert r.exit_code == 0, r.output
    keluar = " ".join(r.output.split())
    assert "NA = 70/30" not in keluar
    assert "tidak: NPK (dasar saran rating perilaku) = nilai atasan saja; bobot NA tidak dipakai" in keluar
    a = {x["kunci"]: x["nilai"] for x in kinerja("aturan", "-p", "2034", "--format", "json").json()}
    assert a["penilaian_360"] == "tidak: NPK (dasar saran rating perilaku) = nilai atasan saja; bobot NA tidak dipakai"
