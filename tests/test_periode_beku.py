"""A closed period is closed for everything in its recap (issue 16 §5).

Closing freezes, beside the results, what the recap and the documents show besides them (the
Pengembangan and Dampak sheets, each document's pejabat penilai, atasan and umpan balik); writes dated
inside a closed period are refused with the reopen hint; the outputs stay identical, cell by cell,
whatever is written later; a period closed by an older version still exports, with one note.
"""

from __future__ import annotations

import sqlite3

import openpyxl

from conftest import KADIS, SEKDA, STAF1, STAF2, buat_xlsx
from data_nilai import isi

BUKA = 'Bila memang perlu diubah, buka kembali dengan: kinerja periode buka 2026 --alasan "..."'


def _sel(berkas) -> dict:
    """sheet -> every non-empty cell value by coordinate, the "Dibuat: <time> ..." line left out."""
    wb = openpyxl.load_workbook(berkas)
    return {ws.title: {c.coordinate: c.value for row in ws.iter_rows() for c in row
                       if c.value is not None and not (isinstance(c.value, str) and c.value.startswith("Dibuat: "))}
            for ws in wb.worksheets}


def _ekspor(kinerja, tmp_path, nama: str) -> tuple[dict, dict]:
    rekap, dok = tmp_path / f"rekap-{nama}.xlsx", tmp_path / f"dok-{nama}.xlsx"
    r = kinerja("ekspor", "rekap", str(rekap), "--periode", "2026", "--per-unit")
    assert r.exit_code == 0, r.output
    r = kinerja("ekspor", "dokumen", STAF1, str(dok), "--periode", "2026", "--tanggal", "2027-01-10")
    assert r.exit_code == 0, r.output
    return _sel(rekap), _sel(dok)


def _tutup(kinerja, db_path):
    """Period 2026 with the hand-computed data (test_nilai.py), 8 JP for STAF1 in March, a service
    indicator of DPMPTSP with values for 2026-T1 and 2026-T2, one feedback note; then closed."""
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_path)
    assert kinerja("pelatihan", "catat", STAF1, "--kegiatan", "Bimtek SAKIP", "--jenis", "pelatihan",
                   "--tanggal", "2026-03-15", "--jp", "8").exit_code == 0
    assert kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", "Waktu izin", "--satuan", "hari",
                   "--arah", "turun", "--target", "3").exit_code == 0
    for kode, nilai in (("2026-T1", "7,5"), ("2026-T2", "5")):
        assert kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", "--periode", kode, "--nilai", nilai).exit_code == 0
    assert kinerja("umpan-balik", "catat", STAF1, "--periode", "2026", "--dari", KADIS, "Laporan tepat waktu",
                   "--tanggal", "2026-03-31").exit_code == 0
    r = kinerja("periode", "tutup", "2026", "--ya")
    assert r.exit_code == 0, r.output


def test_closed_outputs_identical_after_any_later_write(db_siap, kinerja, db_path, tmp_path):
    _tutup(kinerja, db_path)
    rekap, dok = _ekspor(kinerja, tmp_path, "sebelum")
    peng = [r for r in rekap["Pengembangan"].items() if r[1] == STAF1]
    assert peng and rekap["Pengembangan"]["G" + peng[0][0][1:]] == 8  # 8 JP frozen
    assert "Laporan tepat waktu" in " ".join(str(v) for v in dok["Dokumen Evaluasi"].values())

    # later: STAF1 moves to BKPSDM under a new atasan, his atasan is renamed, hours dated outside 2026
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE pegawai SET unit = 'BKPSDM', nip_atasan = ? WHERE nip = ?", [SEKDA, STAF1])
        c.execute("UPDATE pegawai SET nama = 'Budi Baru' WHERE nip = ?", [KADIS])
    assert kinerja("pelatihan", "catat", STAF1, "--kegiatan", "Diklat PIM", "--jenis", "pelatihan",
                   "--tanggal", "2027-02-01", "--jp", "30").exit_code == 0
    assert kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", "--periode", "2027-T1", "--nilai", "2").exit_code == 0
    assert kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", "Kepuasan", "--satuan", "%").exit_code == 0
    # writes dated inside 2026: refused, each with the reopen hint, nothing stored
    r = kinerja("pelatihan", "catat", STAF2, "--kegiatan", "Seminar", "--jenis", "seminar", "--tanggal", "2026-06-01",
                "--jp", "4")
    assert r.exit_code == 1
    assert "Tanggal 1 Juni 2026 termasuk periode 2026 yang sudah ditutup" in r.stderr and BUKA in r.stderr
    for kode in ("2026", "2026-T3"):
        r = kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", "--periode", kode, "--nilai", "1")
        assert r.exit_code == 1 and f"Nilai layanan periode {kode} termasuk periode 2026" in r.stderr and BUKA in r.stderr
    r = kinerja("umpan-balik", "catat", STAF1, "--periode", "2026", "--dari", KADIS, "Catatan baru")
    assert r.exit_code == 1 and "sudah ditutup" in r.stderr
    r = kinerja("inovasi", "catat", STAF1, "--periode", "2026", "Izin kilat")
    assert r.exit_code == 1 and "sudah ditutup" in r.stderr
    f = buat_xlsx(tmp_path / "pelatihan.xlsx", {"Pelatihan": [
        ["NIP", "Kegiatan", "Jenis", "Tanggal", "JP"],
        [STAF1, "Bimtek SAKIP", "pelatihan", "2026-03-15", "8"],  # as stored: writes nothing, passes
        [STAF2, "Workshop", "workshop", "2026-11-02", "6"],
        [STAF2, "Kursus", "pelatihan", "2027-03-01", "5"]]})
    r = kinerja("pelatihan", "impor", str(f))
    assert r.exit_code == 1 and "1 baris bertanggal di dalam periode yang sudah ditutup" in r.stderr
    assert "│ Pelatihan │ 3     │ D (tanggal) │" in r.stderr and "Tanggal 2 November 2026 termasuk periode 2026" in r.stderr
    g = buat_xlsx(tmp_path / "layanan.xlsx", {"Layanan": [
        ["Unit Kerja", "Indikator", "Periode", "Nilai"], ["DPMPTSP", "Waktu izin", "2026-T4", "4"]]})
    r = kinerja("layanan", "impor", str(g))
    assert r.exit_code == 1 and "Nilai layanan periode 2026-T4 termasuk periode 2026" in r.stderr
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT COUNT(*) FROM pelatihan WHERE tanggal LIKE '2026%'").fetchone()[0] == 1
        assert c.execute("SELECT COUNT(*) FROM pelatihan").fetchone()[0] == 2
        assert [r[0] for r in c.execute("SELECT periode FROM layanan_nilai ORDER BY periode")] == \
            ["2026-T1", "2026-T2", "2027-T1"]
    # --lewati-galat keeps the row outside the closed period only
    r = kinerja("pelatihan", "impor", str(f), "--lewati-galat")
    assert r.exit_code == 0, r.output
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT COUNT(*) FROM pelatihan WHERE nip = ?", [STAF2]).fetchone()[0] == 1

    sesudah_rekap, sesudah_dok = _ekspor(kinerja, tmp_path, "sesudah")
    assert sesudah_rekap == rekap
    assert sesudah_dok == dok
    # the open view does move: the live Dampak of a new recap of an open period would show 2027-T1
    r = kinerja("dampak", "--format", "json")
    assert "2027-T1" in r.stdout


def test_reopen_and_close_freezes_again(db_siap, kinerja, db_path, tmp_path):
    _tutup(kinerja, db_path)
    assert kinerja("periode", "buka", "2026", "--alasan", "koreksi JP").exit_code == 0
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT COUNT(*) FROM periode_beku").fetchone()[0] == 0
    assert kinerja("pelatihan", "catat", STAF1, "--kegiatan", "Seminar", "--jenis", "seminar",
                   "--tanggal", "2026-06-01", "--jp", "4").exit_code == 0  # open again: accepted
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    rekap, _ = _ekspor(kinerja, tmp_path, "lagi")
    baris = [k for k, v in rekap["Pengembangan"].items() if v == STAF1][0][1:]
    assert rekap["Pengembangan"]["G" + baris] == 12  # 8 + 4 JP


def test_period_closed_by_older_version_exports_from_live_data_with_a_note(db_siap, kinerja, db_path, tmp_path):
    _tutup(kinerja, db_path)
    with sqlite3.connect(db_path) as c:  # what a version before the freeze stored: the results only
        c.execute("DELETE FROM periode_beku")
    assert kinerja("pelatihan", "catat", STAF1, "--kegiatan", "Diklat", "--jenis", "pelatihan",
                   "--tanggal", "2026-12-01", "--jp", "5").exit_code == 1  # refused all the same
    r = kinerja("ekspor", "rekap", str(tmp_path / "r.xlsx"), "--periode", "2026")
    assert r.exit_code == 0
    catatan = "Periode 2026 ditutup oleh versi kinerja sebelumnya yang hanya membekukan nilai"
    assert r.stderr.count(catatan) == 1
    r = kinerja("ekspor", "dokumen", STAF1, str(tmp_path / "d.xlsx"), "--periode", "2026")
    assert r.exit_code == 0 and catatan in r.stderr
    sel = _sel(tmp_path / "d.xlsx")["Dokumen Evaluasi"].values()
    assert "Budi Santoso, S.E." in sel and any("Laporan tepat waktu" in str(v) for v in sel)


def test_closed_refusals_show_the_closing_time_the_indonesian_way(db_siap, kinerja, db_path):
    import re

    _tutup(kinerja, db_path)
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE periode SET ditutup_pada = '2026-12-06T09:23:27' WHERE kode = '2026'")
    for args in (("inovasi", "catat", STAF1, "--periode", "2026", "Izin kilat"),
                 ("pelatihan", "catat", STAF2, "--kegiatan", "Seminar", "--jenis", "seminar", "--tanggal",
                  "2026-06-01", "--jp", "4"),
                 ("nilai", "--periode", "2026")):
        r = kinerja(*args)
        teks = " ".join(r.stderr.split())
        assert "sudah ditutup (6 Desember 2026 09.23)" in teks, (args, r.stderr)
        assert not re.search(r"\d{4}-\d{2}-\d{2}T", teks), args
