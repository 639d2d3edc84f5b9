"""Final tester 17 findings (temuan17e): each test fails on the code before the fix."""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest

from conftest import KADIS, SEKDA, STAF1, buat_xlsx

KEPALA = "H. Erman Safar (Wali Kota)"
RATING = ["NIP", "Nama", "Rating Hasil Kerja", "Rating Perilaku", "Alasan", "NIP Pejabat Penilai"]


def _rata(teks: str) -> str:
    return " ".join(teks.split())


@pytest.fixture
def p6(db_siap, kinerja):
    """permenpan6 period 2026; the Sekda (no NIP Atasan) is rated by the kepala daerah of the profile."""
    assert kinerja("periode", "buat", "2026", "--metode", "permenpan6").exit_code == 0
    assert kinerja("instansi", "--kepala-nama", "H. Erman Safar", "--kepala-jabatan", "Wali Kota").exit_code == 0
    return db_siap


def _oleh(db_path, nip: str) -> tuple:
    con = sqlite3.connect(db_path)
    r = con.execute("SELECT oleh, oleh_hasil_kerja, oleh_perilaku FROM rating_langsung WHERE nip = ?", [nip]).fetchone()
    con.close()
    return r


# -- E2: the Rating sheet names the kepala daerah / atasan luar as the Perilaku sheet does ------------

def test_e2_templat_rating_mengisi_kepala_daerah_dan_impor_mencatatnya(p6, kinerja, db_path, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")
    f = tmp_path / "templat.xlsx"
    assert kinerja("templat", str(f), "-p", "2026").exit_code == 0
    wb = openpyxl.load_workbook(f)
    ws = wb["Rating"]
    judul = [c.value for c in ws[1]]
    baris = next(r for r in ws.iter_rows(min_row=2) if r[0].value == SEKDA)
    assert baris[judul.index("NIP Pejabat Penilai")].value == "kepala-daerah"  # pre-filled like the Perilaku sheet
    baris[judul.index("Rating Hasil Kerja")].value = "sesuai"
    baris[judul.index("Alasan")].value = "koordinasi berjalan"
    wb.save(f)
    r = kinerja("rating", "impor", str(f), "-p", "2026")
    assert r.exit_code == 0, r.output
    assert _oleh(db_path, SEKDA) == ("kepala-daerah", "kepala-daerah", None)  # the rater is recorded
    csv = kinerja("rating", "daftar", "-p", "2026", "--format", "json").json()
    b = next(x for x in csv if x["nip"] == SEKDA)
    assert (b["oleh"], b["nama_oleh"], b["oleh_hasil_kerja"], b["nama_oleh_hasil_kerja"]) == (
        "kepala-daerah", KEPALA, "kepala-daerah", KEPALA)
    t = _rata(kinerja("rating", "daftar", "-p", "2026").stdout)
    assert f"{KEPALA} — kepala daerah" in t
    rinci = _rata(kinerja("nilai", "-p", "2026", "--nip", SEKDA, "--rinci").stdout)
    assert f"ditetapkan pejabat penilai {KEPALA} — kepala daerah" in rinci
    assert "0 diubah, 1 tetap" in _rata(kinerja("rating", "impor", str(f), "-p", "2026").stderr)  # unchanged file


def test_e2_sheet_rating_menerima_token_dengan_aturan_yang_sama(p6, kinerja, db_path, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # each problem on one line
    f = buat_xlsx(tmp_path / "r.xlsx", {"Rating": [RATING,
        [SEKDA, "Sekda", "di-atas", None, "bagus", "Kepala Daerah"],     # any spelling of the token
        [KADIS, "Kadis", "sesuai", None, "cukup", "kepala-daerah"]]})   # has an atasan in the roster: refused
    r = kinerja("rating", "impor", str(f), "-p", "2026")
    assert r.exit_code == 1
    t = _rata(r.stdout + r.stderr)
    assert "NIP hanya boleh berisi angka" not in t
    assert (f"Pegawai {KADIS} punya atasan langsung di daftar pegawai ({SEKDA}); penilai 'kepala-daerah' hanya "
            "untuk pegawai tanpa NIP Atasan") in t and f"isi NIP Pejabat Penilai {SEKDA}" in t
    g = buat_xlsx(tmp_path / "g.xlsx", {"Rating": [RATING, [SEKDA, "Sekda", "di-atas", None, "bagus", "Kepala Daerah"]]})
    r = kinerja("rating", "impor", str(g), "-p", "2026")
    assert r.exit_code == 0, r.output
    assert _oleh(db_path, SEKDA) == ("kepala-daerah", "kepala-daerah", None)
    h = buat_xlsx(tmp_path / "h.xlsx", {"Rating": [RATING, [SEKDA, "Sekda", "di-atas", None, "bagus", "atasan-luar"]]})
    r = kinerja("rating", "impor", str(h), "-p", "2026")  # no atasan luar recorded: the kepala daerah rates him
    assert r.exit_code == 1
    assert "Pejabat penilai " + SEKDA + f" di luar daftar pegawai adalah {KEPALA}, bukan atasan-luar" in _rata(
        r.stdout + r.stderr)


def test_e2_rating_tetapkan_mencatat_kepala_daerah(p6, kinerja, db_path):
    r = kinerja("rating", "tetapkan", SEKDA, "-p", "2026", "--perilaku", "sesuai", "--alasan", "baik")
    assert r.exit_code == 0, r.output
    assert _oleh(db_path, SEKDA) == ("kepala-daerah", None, "kepala-daerah")
    r = kinerja("rating", "tetapkan", SEKDA, "-p", "2026", "--hasil-kerja", "di-atas", "--alasan", "baik",
                "--oleh", "kepala-daerah")
    assert r.exit_code == 0, r.output
    assert _oleh(db_path, SEKDA) == ("kepala-daerah", "kepala-daerah", "kepala-daerah")
    r = kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--hasil-kerja", "di-atas", "--alasan", "baik",
                "--oleh", "kepala-daerah")
    assert r.exit_code == 1
    assert f"Pegawai {STAF1} punya atasan langsung di daftar pegawai ({KADIS})" in _rata(r.stderr)


# -- E1: a returned workbook's filled sheet counts as sent, changed or not; an empty one does not ------

H_SASARAN = ["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]


def test_e1_sasaran_terisi_dikirim_balik_tanpa_perubahan_terhitung(db_periode, kinerja, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    skp = buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [H_SASARAN, [SEKDA, 1, "Tata kelola", "Indeks", 80, "indeks", 100],
                                                        [KADIS, 1, "Investasi", "Nilai", 100, "%", 100]]})
    assert kinerja("sasaran", "impor", skp, "-p", "2026").exit_code == 0
    assert kinerja("periode", "buat", "2027", "--metode", "pp30").exit_code == 0
    assert kinerja("sasaran", "salin", "--dari", "2026", "--ke", "2027").exit_code == 0
    k = {b["unit"]: b for b in kinerja("status", "-p", "2027", "--kiriman", "--format", "json").json()}
    assert k["DPMPTSP"]["sasaran"] is None and k["Sekretariat Daerah"]["sasaran"] is None  # the copy is not sent
    kirim = tmp_path / "kirim"
    assert kinerja("templat", "--per-unit", kirim, "-p", "2027").exit_code == 0
    r = kinerja("impor", kirim, "-p", "2027", "--format", "json")  # every OPD returns its workbook unchanged
    assert r.exit_code == 0, r.output
    assert {b["hasil"] for b in r.json()} == {"diimpor, tidak ada data baru; belum diisi: Realisasi, Perilaku"}
    k = {b["unit"]: b for b in kinerja("status", "-p", "2027", "--kiriman", "--format", "json").json()}
    for u in ("DPMPTSP", "Sekretariat Daerah"):
        assert k[u]["sasaran"] and k[u]["realisasi"] is None and k[u]["kurang"] == "Realisasi, Perilaku", k[u]
    t = _rata(kinerja("status", "-p", "2027", "--kiriman").stdout)
    assert "Belum Sasaran" not in t
    assert "Belum Realisasi, Perilaku: DPMPTSP, Sekretariat Daerah" in t or \
        "Belum Realisasi, Perilaku: Sekretariat Daerah, DPMPTSP" in t, t


# -- E3: an unknown NIP on the Rating sheet never puts "None" in a command ----------------------------

def test_e3_nip_tak_dikenal_tanpa_none_di_saran(p6, kinerja, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")
    f = buat_xlsx(tmp_path / "r.xlsx", {"Rating": [RATING, ["199912312020121999", "X", "sesuai", None, "baik", None]]})
    r = kinerja("rating", "impor", str(f), "-p", "2026")
    assert r.exit_code == 1
    t = _rata(r.stdout + r.stderr)
    assert "NIP 199912312020121999 tidak ada di daftar pegawai" in t
    assert "None" not in t and "atasan-luar None" not in t
    assert ("NIP Pejabat Penilai kosong | isi NIP atasan langsung pegawai ini setelah NIP pegawai di kolom NIP "
            "diperbaiki") in t.replace("│", "|"), t


# -- E4: a marked copy of a workbook now accepted is removed with --timpa, and the result says so ------

H_REALISASI = ["NIP", "Nomor", "Realisasi"]


def test_e4_salinan_bertanda_lama_dihapus_saat_buku_diterima(db_periode, kinerja, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")
    masuk, galat = tmp_path / "masuk", tmp_path / "galat"
    masuk.mkdir()
    f = buat_xlsx(masuk / "dinas.xlsx", {"Sasaran": [H_SASARAN, [KADIS, 1, "Investasi", "Nilai", 100, "%", 100]],
                                         "Realisasi": [H_REALISASI, [KADIS, 1, "banyak"]]})
    r = kinerja("impor", masuk, "-p", "2026", "--tandai-folder", galat)
    assert r.exit_code == 1 and (galat / "dinas.galat.xlsx").exists()
    buat_xlsx(f, {"Sasaran": [H_SASARAN, [KADIS, 1, "Investasi", "Nilai", 100, "%", 100]],
                  "Realisasi": [H_REALISASI, [KADIS, 1, 90]]})  # fixed by the OPD
    r = kinerja("impor", masuk, "-p", "2026", "--tandai-folder", galat, "--dry-run", "--timpa")
    assert r.exit_code == 0, r.output
    assert (galat / "dinas.galat.xlsx").exists()  # a dry run removes nothing
    assert (f"Salinan bertanda lama {galat / 'dinas.galat.xlsx'} sudah tidak berlaku (buku kerjanya kini diterima); "
            "uji coba: dengan --timpa impor sungguhan menghapusnya.") in _rata(r.output)
    r = kinerja("impor", masuk, "-p", "2026", "--tandai-folder", galat, "--timpa", "--format", "json")
    assert r.exit_code == 0, r.output
    b = r.json()[0]
    assert b["ditolak"] is False and "salinan bertanda lama dihapus" in b["hasil"]
    assert not (galat / "dinas.galat.xlsx").exists()  # never sent to the OPD by mistake
    (galat / "dinas.galat.xlsx").write_bytes(b"lama")  # a stale copy left next to an accepted workbook
    r = kinerja("impor", masuk, "-p", "2026", "--tandai-folder", galat, "--timpa")
    t = _rata(r.output)
    assert r.exit_code == 0 and f"Salinan bertanda lama {galat / 'dinas.galat.xlsx'} sudah tidak berlaku " \
        "(buku kerjanya kini diterima): dihapus" in t, t


# -- E5: the README says who approves the SKP of a head without atasan, as the program does -----------

def test_e5_readme_kepala_daerah_menyetujui_skp_tanpa_atasan(db_siap, kinerja):
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    bagian = _rata(readme.split("## Persetujuan SKP", 1)[1].split("\n## ", 1)[0])
    assert "tanpa itu SKP-nya tidak dapat disetujui" not in bagian
    assert ("tanpa atasan luar, kepala daerah di profil instansi (`kinerja instansi --kepala-nama \"...\"`) yang "
            "menyetujui (`sasaran setujui NIP -p 2026`, tanpa `--oleh` atau dengan `--oleh kepala-daerah`)") in bagian
    # what it says is what the program does
    assert kinerja("periode", "buat", "2026", "--persetujuan-skp", "ya").exit_code == 0
    assert kinerja("sasaran", "tambah", SEKDA, "-p", "2026", "--rhk", "K", "--indikator", "Rapat", "--target", "12",
                   "--bobot", "100").exit_code == 0
    assert kinerja("instansi", "--kepala-nama", "H. Erman Safar", "--kepala-jabatan", "Wali Kota").exit_code == 0
    assert kinerja("sasaran", "ajukan", SEKDA, "-p", "2026").exit_code == 0
    r = kinerja("sasaran", "setujui", SEKDA, "-p", "2026")
    assert r.exit_code == 0 and f"disetujui oleh {KEPALA}" in _rata(r.output), r.output
