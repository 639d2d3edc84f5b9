"""Tester 17 findings, part B (listings and corrections): each test fails on the code before the fix."""

from __future__ import annotations

from conftest import KADIS, STAF1, STAF2
from test_tren import tiga_periode  # noqa: F401  (fixture: 2026-T1 closed, T2 open, T3 empty; pp30)


def _skp(kinerja, nip, kode="2026-T3", target="1"):
    r = kinerja("sasaran", "tambah", nip, "-p", kode, "--rhk", "Laporan", "--indikator", "Laporan selesai",
                "--target", target, "--bobot", "100", "--satuan", "dokumen")
    assert r.exit_code == 0, r.output


def _rata(teks: str) -> str:
    return " ".join(teks.split())


# -- B1: people waiting for any realisation are "belum lengkap", out of spreads and means ------------------

def test_distribusi_tengah_periode_tidak_sangat_kurang(tiga_periode, kinerja):
    for nip in (STAF1, KADIS):  # 2026-T3 mid-period: SKP rows, no realisation yet
        _skp(kinerja, nip)
    b = kinerja("distribusi", "-p", "2026-T3", "--unit", "DPMPTSP", "--format", "json").json()[0]
    assert (b["sangat_kurang"], b["persen_sangat_kurang"], b["jumlah"], b["tanpa_data"]) == (0, 0.0, 0, 2)
    assert b["menunggu_realisasi"] == 2
    t = _rata(kinerja("distribusi", "-p", "2026-T3", "--unit", "DPMPTSP").stdout)
    assert "Belum lengkap" in t and "100,00%" not in t
    assert ("2 pegawai belum lengkap (belum ada realisasi sama sekali, atau rating belum ditetapkan dan belum ada "
            "saran) juga tidak ikut dihitung") in t


def test_tren_unit_tengah_periode_rata_rata_tanpa_yang_menunggu(tiga_periode, kinerja):
    _skp(kinerja, STAF1)
    _skp(kinerja, KADIS)
    assert kinerja("realisasi", "catat", STAF1, "--nomor", "1", "--nilai", "1", "-p", "2026-T3").exit_code == 0  # STAF1 counted, KADIS waits
    staf1 = [x for x in kinerja("tren", STAF1, "--format", "json").json() if x["periode"] == "2026-T3"][0]
    rows = {x["periode"]: x for x in kinerja("tren", "--unit", "DPMPTSP", "--format", "json").json()}
    t3 = rows["2026-T3"]
    assert (t3["rata_na"], t3["sangat_kurang"], t3["jumlah_pegawai"]) == (staf1["na"], 0, 2)  # STAF1's alone
    assert t3["menunggu_realisasi"] == 1  # KADIS: NA 0 while waiting, not in the mean
    assert rows["2026-T2"]["menunggu_realisasi"] == 0


def test_tren_unit_periode_tanpa_realisasi_tanpa_rata_rata(tiga_periode, kinerja):
    for nip in (STAF1, KADIS):
        _skp(kinerja, nip)
    t3 = [x for x in kinerja("tren", "--unit", "DPMPTSP", "--format", "json").json() if x["periode"] == "2026-T3"][0]
    assert (t3["rata_na"], t3["persen_baik"], t3["sangat_kurang"]) == (None, None, 0)
    assert t3["menunggu_realisasi"] == 2
    t = _rata(kinerja("tren", "--unit", "DPMPTSP").stdout)
    baris = [x for x in t.split("│ 2026-T3")[1:2]][0]
    assert "0,00" not in baris.split("│ 2026")[0]  # no mean 0,00 / 0,00% for a period in progress
    assert "tidak ikut dihitung dalam rata-rata NA, % Baik dan jumlah per predikat" in t
    p = _rata(kinerja("tren", STAF1).stdout)
    assert "belum lengkap" in p.split("2026-T3")[1] and "Sangat Kurang" not in p


def test_rekap_tengah_periode_sebaran_tanpa_yang_menunggu(tiga_periode, kinerja, tmp_path):
    import openpyxl

    for nip in (STAF1, KADIS):
        _skp(kinerja, nip)
    berkas = tmp_path / "rekap.xlsx"
    assert kinerja("ekspor", "rekap", str(berkas), "-p", "2026-T3").exit_code == 0
    ws = openpyxl.load_workbook(berkas, read_only=True)["Ringkasan"]
    isi = [[c for c in r if c is not None] for r in ws.iter_rows(values_only=True)]
    unit = [r for r in isi if r and r[0] == "DPMPTSP"][0]
    assert unit[1:7] == [0, 0, 0, 0, 0, 0]  # Jumlah and every predikat count: nobody counted Sangat Kurang
    teks = " ".join(str(r[0]) for r in isi if r)
    assert "Belum lengkap: 2 pegawai yang SKP-nya belum punya realisasi sama sekali (tidak masuk sebaran predikat)" in teks


# -- B7: the two counts under `nilai` read differently ---------------------------------------------------------

def test_ringkasan_nilai_dua_hitungan_beda_kata(tiga_periode, kinerja, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    for nip in (STAF1, KADIS):
        _skp(kinerja, nip)
    t = _rata(kinerja("nilai", "-p", "2026-T3").stdout)
    assert "belum lengkap (menunggu realisasi): 2" in t
    assert "hasil belum final (ada catatan: kolom Catatan, --rinci atau --format csv; --hanya-lengkap untuk menyaring)" in t
    assert t.split("Jumlah: ")[1].count("belum lengkap") == 1  # once, for the people waiting


# -- B3 / B9: sasaran salin never writes an RHK atasan link the new period cannot hold; names whom it skips ----

def _tambah_skp(kinerja, nip, periode, rhk, *extra):
    r = kinerja("sasaran", "tambah", nip, "--periode", periode, "--rhk", rhk, "--indikator", f"Indikator {rhk}",
                "--target", "10", "--bobot", "100", "--satuan", "dokumen", *extra)
    assert r.exit_code == 0, r.output


def test_salin_tautan_rhk_atasan_yang_hilang_dikosongkan_dan_disebut(db_periode, kinerja, tmp_path):
    import json
    import sqlite3

    from conftest import SEKDA

    _tambah_skp(kinerja, SEKDA, "2026", "Tata kelola")
    _tambah_skp(kinerja, KADIS, "2026", "Perizinan cepat", "--rhk-atasan", "1")  # -> the Sekda's row 1
    _tambah_skp(kinerja, STAF1, "2026", "Izin terbit", "--rhk-atasan", "1")  # -> the Kadis's row 1
    assert kinerja("periode", "buat", "2027").exit_code == 0
    r = kinerja("sasaran", "salin", "--dari", "2026", "--ke", "2027", "--unit", "dpmptsp")  # the Sekda's SKP stays behind
    assert r.exit_code == 0, r.output
    t = _rata(r.output)
    assert ("RHK atasan tidak disalin pada 1 baris, karena baris SKP atasan yang dirujuk tidak ada di periode 2027: "
            f"Budi Santoso, S.E. ({KADIS}) baris 1 → RHK atasan nomor 1 (SKP Drs. H. Ahmad Yani)") in t
    assert f"kinerja sasaran salin --dari 2026 --ke 2027 --nip {SEKDA}" in t
    with sqlite3.connect(db_periode) as c:
        tautan = dict(c.execute("SELECT nip, rhk_atasan_nomor FROM sasaran WHERE periode = '2027'").fetchall())
        audit = json.loads(c.execute("SELECT baru FROM audit WHERE kunci = ?", [f"2027/{KADIS}/1"]).fetchone()[0])
    assert tautan == {KADIS: None, STAF1: 1}  # STAF1's atasan (the Kadis) was copied with it: link kept
    assert audit["rhk_atasan_tidak_disalin"] == 1 and audit["disalin_dari"] == "2026"
    assert "tidak ada temuan" in kinerja("periksa").output
    # what salin wrote is what an import of the unit's unchanged template accepts
    berkas = tmp_path / "skp.xlsx"
    assert kinerja("templat", str(berkas), "-p", "2027", "--unit", "DPMPTSP").exit_code == 0
    r = kinerja("sasaran", "impor", str(berkas), "-p", "2027")
    assert r.exit_code == 0, r.output


def test_periksa_melaporkan_tautan_rhk_atasan_yang_hilang(db_periode, kinerja, db_path):
    import sqlite3

    _tambah_skp(kinerja, KADIS, "2026", "Perizinan cepat")
    _tambah_skp(kinerja, STAF1, "2026", "Izin terbit", "--rhk-atasan", "1")
    with sqlite3.connect(db_path) as c:  # as an older salin left it: the Kadis's row 1 gone, the link still there
        c.execute("UPDATE sasaran SET rhk_atasan_nomor = 3 WHERE nip = ?", [STAF1])
    r = kinerja("periksa", "--format", "json")
    temuan = [x for x in r.json() if x["jenis"] == "rhk_atasan"]
    assert [x["kunci"] for x in temuan] == [f"2026/{STAF1}/1"]
    assert (f"Baris SKP 1 Citra Lestari ({STAF1}) periode 2026 merujuk RHK atasan nomor 3, tetapi SKP Budi Santoso, "
            f"S.E. ({KADIS}) periode 2026 tidak punya baris nomor 3") in temuan[0]["pesan"]


def test_salin_menyebut_pegawai_yang_dilewati(db_periode, kinerja):
    from conftest import STAF2

    _tambah_skp(kinerja, STAF1, "2026", "Izin terbit")
    _tambah_skp(kinerja, STAF2, "2026", "Arsip")
    assert kinerja("periode", "buat", "2027").exit_code == 0
    _tambah_skp(kinerja, STAF2, "2027", "Arsip baru")
    t = _rata(kinerja("sasaran", "salin", "--dari", "2026", "--ke", "2027").output)
    assert f"1 pegawai dilewati karena sudah punya SKP di periode 2027: Dewi Sartika ({STAF2})." in t


# -- B5: inovasi / umpan-balik daftar use and name the default period ---------------------------------------

def test_daftar_inovasi_dan_umpan_balik_memakai_periode_bawaan(db_periode, kinerja, monkeypatch):
    from conftest import STAF2

    assert kinerja("periode", "buat", "2027").exit_code == 0
    for kode in ("2026", "2027"):
        assert kinerja("inovasi", "catat", STAF1, f"Inovasi {kode}", "-p", kode, "--tanggal", f"{kode}-03-01").exit_code == 0
        assert kinerja("umpan-balik", "catat", STAF2, f"Catatan {kode}", "-p", kode, "--dari", KADIS,
                       "--tanggal", f"{kode}-03-01").exit_code == 0
    assert kinerja("periode", "pakai", "2027").exit_code == 0
    for perintah in ("inovasi", "umpan-balik"):
        r = kinerja(perintah, "daftar", "--format", "json")
        assert [x["periode"] for x in r.json()] == ["2027"] and "Periode: 2027 (bawaan)" in r.stderr
        semua = kinerja(perintah, "daftar", "--semua-periode", "--format", "json").json()
        assert sorted(x["periode"] for x in semua) == ["2026", "2027"]
        t = kinerja(perintah, "daftar").output
        assert "periode 2027 (1)" in t and "2026" not in t.split("periode 2027 (1)")[1]
        assert "semua periode (2)" in kinerja(perintah, "daftar", "--semua-periode").output
        assert kinerja(perintah, "daftar", "-p", "2026", "--semua-periode").exit_code == 2
    monkeypatch.setenv("KINERJA_PERIODE", "2026")
    assert [x["periode"] for x in kinerja("inovasi", "daftar", "--format", "json").json()] == ["2026"]


# -- B2: a long unit name in the tren title gives way to its short name, never cut mid-name ------------------

def test_judul_tren_unit_nama_singkat_bila_tidak_muat(tiga_periode, kinerja, monkeypatch):
    import sqlite3

    panjang = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
    with sqlite3.connect(tiga_periode) as c:
        c.execute("UPDATE pegawai SET unit = ? WHERE unit = 'DPMPTSP'", [panjang])
    assert kinerja("unit", "singkatan", panjang, "DPMPTSP").exit_code == 0
    monkeypatch.setenv("COLUMNS", "60")
    judul = kinerja("tren", "--unit", "DPMPTSP").stdout.splitlines()[0].strip()
    assert judul == "Tren nilai kinerja unit DPMPTSP"
    monkeypatch.setenv("COLUMNS", "80")
    judul = kinerja("tren", "--unit", "DPMPTSP").stdout.splitlines()[0].strip()
    assert judul == f"Tren nilai kinerja unit {panjang}"
    monkeypatch.setenv("COLUMNS", "60")
    t = kinerja("tren", STAF1).stdout
    assert "DPMPTSP" in t and "…" not in t


# -- B4: ubah --tanggal outside the entry's period warns, as catat does ----------------------------------------

def test_ubah_tanggal_di_luar_periode_diperingatkan(db_periode, kinerja, db_path):
    import sqlite3

    from conftest import STAF2

    assert kinerja("inovasi", "catat", STAF1, "Izin daring", "-p", "2026", "--tanggal", "2026-03-01").exit_code == 0
    assert kinerja("umpan-balik", "catat", STAF2, "Arsip rapi", "-p", "2026", "--dari", KADIS,
                   "--tanggal", "2026-03-01").exit_code == 0
    for perintah in ("inovasi", "umpan-balik"):
        r = kinerja(perintah, "ubah", "1", "--tanggal", "2027-01-05")
        assert r.exit_code == 0, r.output
        assert ("Tanggal 5 Januari 2027 di luar periode 2026 (1 Januari 2026 s.d. 31 Desember 2026)."
                in _rata(r.stderr))
        r = kinerja(perintah, "ubah", "1", "--tanggal", "15/06/2026")
        assert "di luar periode" not in r.output
    with sqlite3.connect(db_path) as c:  # changed all the same (a late note is still a note), and audited
        assert c.execute("SELECT tanggal FROM inovasi").fetchone()[0] == "2026-06-15"
        assert c.execute("SELECT COUNT(*) FROM audit WHERE tabel = 'inovasi' AND aksi = 'ubah'").fetchone()[0] == 2


# -- B8: every date option's help names the forms it accepts ---------------------------------------------------

def test_bantuan_setiap_opsi_tanggal_menyebut_semua_bentuk():
    import re

    import typer.main

    from kinerja_cli.app import app

    def semua(cmd, jalur=()):
        for nama, sub in getattr(cmd, "commands", {}).items():
            yield from semua(sub, jalur + (nama,))
        if not hasattr(cmd, "commands"):
            yield jalur, cmd

    opsi_tanggal = {"--tanggal", "--sejak", "--sampai", "--mulai", "--selesai"}
    dilihat = []
    for jalur, cmd in semua(typer.main.get_command(app)):
        for p in cmd.params:
            if opsi_tanggal & set(getattr(p, "opts", ())):
                dilihat.append(" ".join(jalur + (p.opts[0],)))
                bantuan = p.help or ""
                for bentuk in (r"\d{4}-\d\d-\d\d", r"\d\d-\d\d-\d{4}", r"\d\d/\d\d/\d{4}"):
                    assert re.search(bentuk, bantuan), f"{' '.join(jalur)} {p.opts[0]}: {bantuan}"
    assert {"ekspor rekap --tanggal", "ekspor skp --tanggal", "riwayat --sejak", "periode buat --selesai",
            "inovasi ubah --tanggal"} <= set(dilihat)


# -- B9: small gaps ----------------------------------------------------------------------------------------------

def test_sasaran_status_nip(db_periode, kinerja):
    from conftest import STAF2

    _tambah_skp(kinerja, STAF1, "2026", "Izin terbit")
    _tambah_skp(kinerja, STAF2, "2026", "Arsip")
    d = kinerja("sasaran", "status", "-p", "2026", "--nip", STAF1, "--format", "json").json()
    assert [(x["nip"], x["status"]) for x in d] == [(STAF1, "draf")]
    r = kinerja("sasaran", "status", "-p", "2026", "--nip", KADIS)
    assert r.exit_code == 0 and f"Belum ada SKP pegawai {KADIS} pada periode 2026." in _rata(r.output)


def test_rating_hapus_menyebut_pegawai(db_siap, kinerja):
    assert kinerja("periode", "buat", "2026", "--metode", "permenpan6").exit_code == 0
    assert kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--hasil-kerja", "di-atas", "--alasan", "target terlampaui",
                   "--oleh", KADIS).exit_code == 0
    r = kinerja("rating", "hapus", STAF1, "-p", "2026", "--alasan", "keliru")
    assert r.exit_code == 0
    assert (f"Rating langsung Citra Lestari ({STAF1}) periode 2026 dihapus (hasil kerja Di Atas Ekspektasi"
            in _rata(r.output))


def test_nip_salah_ketik_adalah_salah_pemakaian(tiga_periode, kinerja):
    for args in (("tren", "--nip", "abc"), ("tren", "abc"), ("nilai", "-p", "2026-T2", "--nip", "abc")):
        r = kinerja(*args)
        assert r.exit_code == 2 and "NIP 'abc' tidak valid" in r.stderr and "Traceback" not in r.output
    assert kinerja("tren", "--nip", "199912312020121999").exit_code == 1  # well formed, not in the roster: refused
