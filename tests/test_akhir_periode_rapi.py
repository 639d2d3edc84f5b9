"""The period end re-run by a tester (fix 17): empty workbooks, deletes in closed periods, batch messages,
folders created, dates and numbers the Indonesian way, the pelatihan template alias."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl

from conftest import KADIS, STAF1, buat_xlsx


def _hitung(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as c:
        return c.execute(sql).fetchone()[0]


def test_buku_kerja_kembali_kosong_tidak_terhitung_terkirim(kinerja, db_periode, tmp_path):
    kirim = tmp_path / "kirim"
    kirim.mkdir()
    assert kinerja("templat", "--per-unit", kirim, "--periode", "2026").exit_code == 0
    # the OPD sends the template back as it went out: pre-filled NIP, name, rater rows only
    r = kinerja("impor", kirim / "DPMPTSP_2026.xlsx", "--periode", "2026")
    assert r.exit_code == 0, r.output
    assert "Sasaran (belum diisi)" in r.output and "Perilaku (belum diisi)" in r.output
    assert "diimpor kosong (tidak ada sheet yang diisi)" in r.output
    k = {b["unit"]: b for b in kinerja("status", "-p", "2026", "--kiriman", "--format", "json").json()}
    d = k["DPMPTSP"]
    assert (d["sasaran"], d["realisasi"], d["perilaku"]) == (None, None, None)
    assert d["dikirim_kosong"] is True and d["belum"] is False
    r = kinerja("status", "-p", "2026", "--kiriman")
    assert "dikirim kosong" in r.output and "Dikirim kosong (tidak ada sheet yang diisi): 1 unit" in r.output
    # a filled Sasaran sheet afterwards: received, no longer "kosong"
    buat_xlsx(tmp_path / "isi.xlsx", {"Sasaran": [["NIP", "Nama", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"],
                                                 [STAF1, "", "Izin", "Izin terbit", 100, "%", 100]]})
    assert kinerja("impor", tmp_path / "isi.xlsx", "--periode", "2026").exit_code == 0
    d = {b["unit"]: b for b in kinerja("status", "-p", "2026", "--kiriman", "--format", "json").json()}["DPMPTSP"]
    assert d["sasaran"] and d["perilaku"] is None and d["dikirim_kosong"] is False


def test_hapus_nilai_layanan_di_dalam_periode_ditutup_ditolak(kinerja, db_periode):
    assert kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", "Waktu izin", "--satuan", "hari",
                   "--arah", "turun").exit_code == 0
    assert kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", "-p", "2026-T2", "--nilai", "4").exit_code == 0
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    r = kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", "-p", "2026-T2", "--nilai", "5")
    assert r.exit_code == 1 and "termasuk periode 2026 yang sudah ditutup" in r.output
    r = kinerja("layanan", "hapus", "DPMPTSP", "--indikator", "1", "-p", "2026-T2")
    assert r.exit_code == 1, r.output
    assert "Nilai layanan periode 2026-T2 termasuk periode 2026 yang sudah ditutup" in r.output
    assert "kinerja periode buka 2026" in r.output and "dihapus" not in r.output
    assert _hitung(db_periode, "SELECT COUNT(*) FROM layanan_nilai") == 1


def test_impor_buku_menampilkan_info_importir_per_buku(kinerja, db_periode, tmp_path):
    from conftest import STAF2
    from test_persetujuan_skp import H, skp

    assert kinerja("periode", "ubah", "2026", "--persetujuan-skp", "ya").exit_code == 0
    folder = tmp_path / "masuk"
    folder.mkdir()
    buat_xlsx(folder / "dpmptsp.xlsx", {"Sasaran": [H, *skp(STAF1, "diajukan"), *skp(STAF2, "diajukan")]})
    assert kinerja("impor", folder, "-p", "2026").exit_code == 0
    assert kinerja("sasaran", "setujui", STAF1, "-p", "2026", "--oleh", KADIS, "--tanggal", "2026-01-20").exit_code == 0
    r = kinerja("impor", folder, "-p", "2026")  # the same workbook again: the approval stays, and it says why
    assert r.exit_code == 0, r.output
    teks = " ".join(r.stderr.split())
    assert "dpmptsp.xlsx:" in teks
    assert "sheet Sasaran: Status SKP 1 pegawai tidak diubah karena berkas tidak boleh memundurkan status" in teks
    assert f"({STAF1}): tersimpan disetujui, di berkas diajukan" in teks


def test_impor_buku_ditolak_saran_untuk_perintah_ini_dan_semua_sheet(kinerja, db_periode, tmp_path):
    from test_impor_buku import H_PERILAKU, H_REALISASI, H_SASARAN, _perilaku, _sasaran

    folder = tmp_path / "masuk"
    folder.mkdir()
    buat_xlsx(folder / "rusak.xlsx", {
        "Sasaran": [H_SASARAN, _sasaran(STAF1)],
        "Realisasi": [H_REALISASI, [STAF1, 1, 90]],
        "Perilaku": [H_PERILAKU, _perilaku(STAF1, KADIS, skor=999)],
        "Rating": [["NIP", "Nama", "Rating Hasil Kerja", "Rating Perilaku", "Alasan", "NIP Pejabat Penilai"],
                   [STAF1, "Citra", None, None, None, KADIS]],
    })
    r = kinerja("impor", folder, "-p", "2026")
    assert r.exit_code == 1
    teks = " ".join(r.stderr.split())
    assert "--lewati-galat" not in teks and "--tandai rusak" not in teks
    assert f"impor ulang berkas itu: kinerja impor {folder / 'rusak.xlsx'} --periode 2026" in teks
    assert "--tandai-folder FOLDER" in teks
    b = kinerja("impor", folder, "-p", "2026", "--format", "json").json()[0]
    assert b["sheet"] == "Sasaran, Realisasi, Perilaku, Rating (belum diisi)"
    kembali = tmp_path / "kembali"
    r = kinerja("impor", folder, "-p", "2026", "--tandai-folder", kembali)
    teks = " ".join(r.stderr.split())
    assert f"Kirim salinan bertanda {kembali / 'rusak.galat.xlsx'} ke OPD" in teks
    assert (kembali / "rusak.galat.xlsx").exists()  # the folder was created (item 4)


def test_templat_per_unit_membuat_folder_yang_belum_ada(kinerja, db_periode, tmp_path):
    kirim = tmp_path / "kirim" / "2026"
    r = kinerja("templat", "--per-unit", kirim, "--periode", "2026")
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in kirim.iterdir()) == ["DPMPTSP_2026.xlsx", "Sekretariat-Daerah_2026.xlsx"]
    berkas = tmp_path / "bukan-folder"
    berkas.write_text("x")
    r = kinerja("impor", kirim, "-p", "2026", "--tandai-folder", berkas)
    assert r.exit_code == 1 and "bukan folder" in r.output


def test_templat_pelatihan_alias_dan_petunjuk_menyebut_impor_sekaligus(kinerja, db_periode, tmp_path):
    r = kinerja("templat", "pelatihan", tmp_path / "tp.xlsx", "--unit", "DPMPTSP")
    assert r.exit_code == 0, r.output
    assert f"Templat pelatihan ditulis ke {tmp_path / 'tp.xlsx'}: 4 pegawai DPMPTSP." in " ".join(r.output.split())
    wb = openpyxl.load_workbook(tmp_path / "tp.xlsx")
    assert "Pelatihan" in wb.sheetnames
    assert kinerja("templat", tmp_path / "t.xlsx", "-p", "2026").exit_code == 0
    teks = [str(c.value) for row in openpyxl.load_workbook(tmp_path / "t.xlsx")["Petunjuk"].iter_rows() for c in row
            if c.value]
    assert "kinerja impor BERKAS.xlsx --periode 2026" in teks
    assert teks.index("kinerja impor BERKAS.xlsx --periode 2026") < teks.index("kinerja sasaran impor BERKAS.xlsx --periode 2026")


def test_pelatihan_nomor_bulat_dan_jp_satu_format(kinerja, db_periode):
    assert kinerja("pelatihan", "catat", STAF1, "--kegiatan", "Bimtek SAKIP", "--jenis", "bimtek",
                   "--tanggal", "2026-03-15", "--jp", "8,5").exit_code == 0
    r = kinerja("pelatihan", "daftar")
    baris = [x for x in r.stdout.splitlines() if "Bimtek" in x][0]
    assert baris.split("│")[1].strip() == "1"  # the number to type into `pelatihan hapus`, not "1,00"
    r = kinerja("pelatihan", "hapus", "1")
    assert r.exit_code == 0 and "8,50 JP" in r.output and "8.5 JP" not in r.output


from test_tren import tiga_periode  # noqa: E402,F401  (fixture: periods 2026-T1 closed, T2 open, T3 empty)


def test_tren_periode_tanpa_realisasi_tidak_dihitung(tiga_periode, kinerja, monkeypatch):
    for nip in (STAF1, KADIS):  # 2026-T3 in progress: SKP rows, no realisation yet
        r = kinerja("sasaran", "tambah", nip, "-p", "2026-T3", "--rhk", "a", "--indikator", "b", "--target", "1",
                    "--bobot", "100", "--satuan", "dokumen")
        assert r.exit_code == 0, r.output
    t = " ".join(kinerja("tren", "--unit", "DPMPTSP").stdout.split())
    assert "2026-T3 *" in t and "belum lengkap" in t
    assert "rata-rata NA naik 1,71 dari 2026-T1 ke 2026-T2 (2 periode)" in t
    assert "tidak dihitung: 2026-T3" in t and "turun" not in t and "−" not in t
    t = " ".join(kinerja("tren", STAF1).stdout.split())
    assert "NA turun 10,44 dari 2026-T1 ke 2026-T2" in t  # the word says the direction: no "−"
    assert "Batang: NA terhadap 120" in t
    monkeypatch.setenv("COLUMNS", "60")
    r = kinerja("tren", "--unit", "DPMPTSP")
    assert "Batang" in r.stdout and "Batang:" not in r.stdout  # the column hidden (named as such), no legend


def test_pesan_tanggal_cara_indonesia(kinerja, db_periode):
    r = kinerja("pelatihan", "catat", STAF1, "--kegiatan", "Bimtek", "--jenis", "bimtek", "--tanggal", "2026-03-15",
                "--jp", "8")
    assert "Dicatat: Bimtek (pelatihan, 15 Maret 2026, 8,00 JP)" in r.output and "2026-03-15" not in r.output
    r = kinerja("inovasi", "catat", STAF1, "Izin daring", "-p", "2026", "--tanggal", "2025-12-15")
    teks = " ".join(r.output.split())
    assert "Tanggal 15 Desember 2025 di luar periode 2026 (1 Januari 2026 s.d. 31 Desember 2026)" in teks, teks
    r = kinerja("pelatihan", "catat", STAF1, "--kegiatan", "X", "--jenis", "bimtek", "--tanggal", "31.02.2026",
                "--jp", "8")
    assert r.exit_code == 1 and "HH-BB-TTTT (31-03-2026)" in " ".join(r.output.split())


def test_layar_80_kolom_nip_utuh_hasil_tampil(kinerja, db_periode, tmp_path, monkeypatch):
    from test_impor_buku import H_PERILAKU, H_SASARAN, _perilaku, _sasaran

    asing = "199901012020011999"  # a rater not in the roster: the problem table shows it as the value
    folder = tmp_path / "masuk"
    folder.mkdir()
    buat_xlsx(folder / "Sekretariat-Daerah_2026.xlsx", {"Sasaran": [H_SASARAN, _sasaran(STAF1)],
                                                        "Perilaku": [H_PERILAKU, _perilaku(STAF1, asing)]})
    buat_xlsx(folder / "a.xlsx", {"Sasaran": [H_SASARAN, _sasaran(KADIS)]})
    monkeypatch.setenv("COLUMNS", "80")
    r = kinerja("impor", folder, "-p", "2026")
    assert r.exit_code == 1
    assert asing in r.stderr  # whole on one line, never "1999010120" / "20011999"
    tabel = r.stdout
    assert "Hasil" in tabel and "ditolak" in tabel and "diimpor" in tabel
    baris = [x for x in tabel.splitlines() if "│" in x]
    berkas = "".join(x.split("│")[1].strip() for x in baris)
    assert "Sekretariat-Daerah_2026.xlsx" in berkas  # broken (if at all) only after - or _
    assert not any(x.split("│")[1].strip() in ("Sekretariat-Daer", "ah_2026.xlsx") for x in baris)
    r = kinerja("riwayat")
    assert r.exit_code == 0
    assert f"2026/{KADIS}" in r.stdout or KADIS in r.stdout.replace("/\n", "")
    for x in r.stdout.splitlines():
        for nip in (KADIS,):
            assert nip[:10] not in x or nip in x  # a NIP never wrapped in the Kunci column
