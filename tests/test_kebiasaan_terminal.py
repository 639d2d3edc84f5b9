"""Issue 17 §4: the habits of a terminal. Click's own usage errors in Indonesian, choices in any case,
one date rule for every date option and dates shown the Indonesian way, --version, a default period,
and `periode tutup` asking before it freezes a period."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import KADIS, STAF1

_BESIDE = Path(sys.executable).with_name("kinerja")
KINERJA = [str(_BESIDE)] if _BESIDE.exists() else [sys.executable, "-m", "kinerja_cli"]
INGGRIS = re.compile(r"\b(Error|Usage|Invalid|Missing|No such|Did you mean|Got unexpected|Choose from|requires|"
                     r"is not|does not|Possible options|Try)\b")


def satu_baris(teks: str) -> str:
    return " ".join(teks.split())


@pytest.mark.parametrize("args,pesan", [
    (("niali",), "Perintah 'niali' tidak ada. Maksud Anda 'nilai'?"),
    (("nilai", "--perode", "2026"), "Opsi --perode tidak dikenal. Mungkin maksudnya: --periode."),
    (("unit", "predikat", "DPMPTSP"), "Argumen wajib 'PREDIKAT' belum diisi. Pilih salah satu: istimewa, baik, "
                                      "butuh-perbaikan, kurang, sangat-kurang."),
    (("sasaran", "ajukan", "--periode", "2026"), "Argumen wajib 'NIP' belum diisi."),
    (("nilai",), "Opsi wajib '--periode' / '-p' belum diisi. Atau tetapkan periode bawaan: kinerja periode pakai"),
    (("nilai", "-p", "2026", "--format", "xml"), "Nilai tidak sah untuk '--format' / '-f': 'xml' bukan salah satu "
                                                 "dari 'tabel', 'json', 'csv'."),
    (("nilai", "-p", "2026", "x", "y"), "Ada argumen berlebih (x y)."),
    (("nilai", "-p"), "Opsi '-p' perlu nilai."),
    (("sasaran",), "Pemakaian: kinerja sasaran"),
    (("riwayat", "--sejak", "kemarin"), "'kemarin' bukan tanggal; tulis misalnya 2026-01-31, 31-01-2026 atau 31/01/2026"),
])
def test_usage_errors_are_indonesian(db_periode, kinerja, args, pesan):
    r = kinerja(*args)
    assert r.exit_code in (0, 2), r.output
    assert pesan in satu_baris(r.output)
    assert not INGGRIS.search(r.output), r.output


def test_choices_any_case(db_periode, kinerja, db_path):
    r = kinerja("unit", "predikat", "DPMPTSP", "Butuh Perbaikan", "-p", "2026")
    assert r.exit_code == 0, r.output
    r = kinerja("unit", "predikat", "DPMPTSP", "BAIK", "-p", "2026")
    assert r.exit_code == 0, r.output
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT predikat FROM unit_predikat").fetchall() == [("baik",)]
    r = kinerja("sasaran", "tambah", STAF1, "-p", "2026", "--rhk", "A", "--indikator", "B", "--target", "1",
                "--bobot", "100", "--jenis", "Tambahan", "--aspek", "KUALITAS", "--arah", "Turun")
    assert r.exit_code == 0, r.output
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT jenis, aspek, arah FROM sasaran").fetchall() == [("tambahan", "kualitas", "turun")]
    assert kinerja("nilai", "-p", "2026", "--format", "JSON").json()


@pytest.mark.parametrize("tulis", ["2026-01-15", "15-01-2026", "15/01/2026"])
def test_every_date_option_reads_the_same_forms(db_periode, kinerja, db_path, tmp_path, tulis):
    assert kinerja("riwayat", "--sejak", tulis).exit_code == 0
    r = kinerja("periode", "buat", "2030-T1", "--mulai", tulis.replace("2026", "2030"))
    assert r.exit_code == 0 and "15 Januari 2030 s.d." in r.stderr, r.output
    r = kinerja("inovasi", "catat", STAF1, "Izin daring", "-p", "2026", "--tanggal", tulis)
    assert r.exit_code == 0, r.output
    r = kinerja("pelatihan", "catat", STAF1, "--kegiatan", "Bimtek", "--jenis", "bimtek", "--tanggal", tulis, "--jp", "2")
    assert r.exit_code == 0, r.output
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT tanggal FROM inovasi UNION ALL SELECT tanggal FROM pelatihan").fetchall() == [
            ("2026-01-15",), ("2026-01-15",)]


def test_dates_shown_the_indonesian_way_in_tables(db_periode, kinerja, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    assert kinerja("inovasi", "catat", STAF1, "Izin daring", "-p", "2026", "--tanggal", "2026-12-06").exit_code == 0
    r = kinerja("inovasi", "daftar")
    assert "6 Desember 2026" in r.stdout and "2026-12-06" not in r.stdout
    r = kinerja("periode", "daftar")
    assert "1 Januari 2026" in r.stdout and "31 Desember 2026" in r.stdout and "2026-01-01" not in r.stdout
    r = kinerja("riwayat")
    judul = next(b for b in r.stdout.splitlines() if "Perintah" in b and b.startswith("┃")).split("┃")
    i = [x.strip() for x in judul].index("Perintah")  # that column shows the command as typed (--tanggal 2026-12-06)
    tanpa_perintah = "\n".join("│".join(c for j, c in enumerate(b.split("│")) if j != i)
                               for b in r.stdout.splitlines() if b.startswith("│"))
    assert re.search(r"\d{1,2} [A-Z][a-z]+ \d{4} \d{2}\.\d{2}", r.stdout) and not re.search(r"\d{4}-\d{2}-\d{2}", tanpa_perintah)
    assert kinerja("inovasi", "daftar", "--format", "json").json()[0]["tanggal"] == "2026-12-06"  # scripts: ISO


def test_version(kinerja):
    from importlib.metadata import version

    for opsi in ("--version", "-V"):
        r = kinerja(opsi)
        assert r.exit_code == 0 and r.stdout.strip() == f"kinerja {version('kinerja')}"


def test_default_period(db_periode, kinerja, monkeypatch, db_path):
    monkeypatch.delenv("KINERJA_PERIODE", raising=False)
    r = kinerja("status")
    assert r.exit_code == 2 and "kinerja periode pakai" in r.stderr
    r = kinerja("periode", "pakai", "2026")
    assert r.exit_code == 0 and "Periode bawaan sekarang 2026" in r.stderr
    r = kinerja("status", "--format", "json")
    assert r.exit_code == 0 and "Periode: 2026 (bawaan)" in r.stderr and r.json()[0]["unit"]
    assert kinerja("inovasi", "catat", STAF1, "Izin daring").exit_code == 0
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT periode FROM inovasi").fetchall() == [("2026",)]
        assert c.execute("SELECT tabel, kunci FROM audit WHERE tabel = 'setelan'").fetchall() == [
            ("setelan", "periode_bawaan")]
    assert kinerja("periode", "buat", "2027").exit_code == 0
    monkeypatch.setenv("KINERJA_PERIODE", "2027")  # the variable wins over the stored default
    r = kinerja("status")
    assert "Periode: 2027 (bawaan, dari KINERJA_PERIODE)" in r.stderr and "Kesiapan periode 2027" in r.stdout
    r = kinerja("status", "-p", "2026")  # -p always wins, and says nothing about a default
    assert "Kesiapan periode 2026" in r.stdout and "bawaan" not in r.stderr
    monkeypatch.delenv("KINERJA_PERIODE")
    assert kinerja("periode", "pakai", "--lupakan").exit_code == 0
    assert kinerja("status").exit_code == 2


def test_periode_tutup_refused_without_terminal_and_ya(db_periode, kinerja, db_path):
    r = kinerja("periode", "tutup", "2026")
    assert r.exit_code == 1
    e = satu_baris(r.stderr)
    assert "perlu konfirmasi, tetapi tidak dijalankan di terminal" in e and "kinerja periode tutup 2026 --ya" in e
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT status FROM periode").fetchall() == [("terbuka",)]
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0


def _tutup_di_terminal(db: Path, jawab: bytes) -> subprocess.CompletedProcess:
    import pty

    induk, anak = pty.openpty()
    try:
        os.write(induk, jawab)
        return subprocess.run([*KINERJA, "periode", "tutup", "2026"], stdin=anak, capture_output=True, timeout=60,
                              env={**os.environ, "KINERJA_DB": str(db)})
    finally:
        os.close(induk)
        os.close(anak)


def test_periode_tutup_asks_on_a_terminal(db_periode):
    r = _tutup_di_terminal(db_periode, b"tidak\n")
    assert r.returncode == 1 and b"Tutup periode 2026?" in r.stdout and b"Dibatalkan" in r.stderr
    with sqlite3.connect(db_periode) as c:
        assert c.execute("SELECT status FROM periode").fetchall() == [("terbuka",)]
    r = _tutup_di_terminal(db_periode, b"ya\n")
    assert r.returncode == 0, r.stderr
    with sqlite3.connect(db_periode) as c:
        assert c.execute("SELECT status FROM periode").fetchall() == [("ditutup",)]


def test_mid_period_without_realisation_reads_belum_lengkap(db_periode, kinerja, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    r = kinerja("sasaran", "tambah", STAF1, "-p", "2026", "--rhk", "Izin", "--indikator", "Izin terbit", "--target", "10",
                "--bobot", "100")
    assert r.exit_code == 0, r.output
    r = kinerja("nilai", "-p", "2026", "--unit", "DPMPTSP")
    baris = next(x for x in r.stdout.splitlines() if STAF1 in x)
    assert "belum lengkap" in baris and "Sangat Kurang" not in baris
    assert "Sangat Kurang" not in r.stdout and "belum lengkap (menunggu realisasi): 1" in r.stdout
    d = {x["nip"]: x for x in kinerja("nilai", "-p", "2026", "--format", "json").json()}
    assert d[STAF1]["predikat"] == "Sangat Kurang" and d[STAF1]["lengkap"] is False  # scripts keep the values
    assert kinerja("realisasi", "catat", STAF1, "-p", "2026", "--nomor", "1", "--nilai", "10").exit_code == 0
    baris = next(x for x in kinerja("nilai", "-p", "2026", "--unit", "DPMPTSP").stdout.splitlines() if STAF1 in x)
    assert "belum lengkap" not in baris


def test_shell_completion_script_and_answers(tmp_path):
    env = {**os.environ, "_KINERJA_COMPLETE": "source_bash"}
    r = subprocess.run(KINERJA[:1] if _BESIDE.exists() else KINERJA, env=env, capture_output=True, text=True, timeout=60)
    assert "complete -o default -F _kinerja_completion kinerja" in r.stdout
    env = {**os.environ, "_KINERJA_COMPLETE": "complete_bash", "COMP_WORDS": "kinerja periode bu", "COMP_CWORD": "2"}
    r = subprocess.run(KINERJA, env=env, capture_output=True, text=True, timeout=60)
    assert r.stdout.split() == ["buat", "buka"]


def test_sort_by_name_ignores_titles_and_by_hierarchy(db_periode, kinerja):
    from conftest import PPPK1, SEKDA, STAF2

    from kinerja_cli.validation.nama import tanpa_gelar

    assert [tanpa_gelar(n) for n in ("Drs. H. Ahmad Yani", "Hj. Siti Aminah, S.Pd.", "Prof. Dr. Ir. Budi", "dr. Rina",
                                     "K.H. Ahmad Dahlan", "Hendra")] == [
        "Ahmad Yani", "Siti Aminah", "Budi", "Rina", "Ahmad Dahlan", "Hendra"]
    urut = [x["nip"] for x in kinerja("nilai", "-p", "2026", "--urut", "nama", "--format", "json").json()]
    assert urut == [SEKDA, KADIS, STAF1, STAF2, PPPK1]  # Drs. H. Ahmad Yani under A
    urut = [x["nip"] for x in kinerja("nilai", "-p", "2026", "--unit", "DPMPTSP", "--urut", "jabatan",
                                      "--format", "json").json()]
    assert urut == [KADIS, PPPK1, STAF1, STAF2]  # the head first, then fungsional before pelaksana


def test_pelatihan_impor_nama_diklat_titles_and_tandai(db_siap, kinerja, tmp_path, db_path, monkeypatch):
    from conftest import SEKDA, buat_xlsx

    monkeypatch.setenv("COLUMNS", "250")
    h = ["NIP", "Nama", "Nama Diklat", "Jenis", "Tanggal", "JP"]
    f = buat_xlsx(tmp_path / "diklat.xlsx", {"Pelatihan": [h, [SEKDA, "Ahmad Yani", "Diklat PIM II", "Pelatihan",
                                                                "15/01/2026", 40]]})
    r = kinerja("pelatihan", "impor", f)
    assert r.exit_code == 0, r.output
    assert "berbeda dengan nama" not in r.output and "1 ditambah" in r.stderr  # titles left out: no warning
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT nip, kegiatan, tanggal FROM pelatihan").fetchall() == [
            (SEKDA, "Diklat PIM II", "2026-01-15")]
    salah = buat_xlsx(tmp_path / "salah.xlsx", {"Pelatihan": [h, [SEKDA, "Ahmad Yani", "Bimtek", "rapat", "x", 0]]})
    r = kinerja("pelatihan", "impor", salah, "--tandai", tmp_path / "salah.galat.xlsx")
    assert r.exit_code == 1 and (tmp_path / "salah.galat.xlsx").exists()
    assert "ditandai merah di" in satu_baris(r.stderr)


def test_pelatihan_templat_round_trip(db_siap, kinerja, tmp_path, db_path):
    import openpyxl

    f = tmp_path / "pelatihan.xlsx"
    r = kinerja("pelatihan", "templat", f, "--unit", "DPMPTSP")
    assert r.exit_code == 0 and "4 pegawai DPMPTSP" in r.stderr, r.output
    wb = openpyxl.load_workbook(f)
    ws = wb["Pelatihan"]
    assert [c.value for c in ws[1]] == ["NIP", "Nama", "Kegiatan", "Jenis", "Tanggal", "JP", "Penyelenggara"]
    assert ws.cell(2, 1).value == KADIS
    ws.cell(2, 3).value, ws.cell(2, 4).value, ws.cell(2, 5).value, ws.cell(2, 6).value = "Bimtek SAKIP", "pelatihan", "2026-03-10", 8
    wb.save(f)
    r = kinerja("pelatihan", "impor", f)
    assert r.exit_code == 0 and "1 ditambah" in r.stderr, r.output
