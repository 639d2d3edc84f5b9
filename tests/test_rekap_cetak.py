"""Recap sheets read as printed (issue 16 §4, tester's LibreOffice print): Pengembangan and Dampak cut
nothing (unit short names, wrapped Unit Kerja/Keterangan/headers), Dampak's charts two per row across
the page width, no repeated header row over chart pages, Ringkasan's headers and counts readable."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal

import openpyxl
import pytest
from cetak_bantu import cetak_pdf
from conftest import STAF2
from data_nilai import isi


def _siap(kinerja, db_path, tmp_path, indikator=5):
    assert kinerja("periode", "buat", "2026", "--metode", "permenpan6").exit_code == 0
    isi(db_path)
    assert kinerja("unit", "singkatan", "DPMPTSP", "DPM-PTSP").exit_code == 0
    assert kinerja("pelatihan", "catat", STAF2, "--kegiatan", "Workshop", "--jenis", "workshop",
                   "--tanggal", "2026-03-02", "--jp", "8").exit_code == 0
    for i in range(1, indikator + 1):
        assert kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", f"Indikator layanan nomor {i}",
                       "--satuan", "hari", "--arah", "turun", "--target", "3").exit_code == 0
        for kode, nilai in (("2026-T1", "7"), ("2026-T2", "6"), ("2026-T3", "5")):
            assert kinerja("layanan", "catat", "DPMPTSP", "--indikator", str(i), "--periode", kode,
                           "--nilai", nilai).exit_code == 0
    f = tmp_path / "rekap.xlsx"
    r = kinerja("ekspor", "rekap", f, "--periode", "2026")
    assert r.exit_code == 0, r.output
    return f


def _kolom(ws, baris, judul):
    return next(c for c in ws[baris] if c.value == judul)


def test_recap_sheets_print_without_cuts(db_siap, kinerja, db_path, tmp_path):
    wb = openpyxl.load_workbook(_siap(kinerja, db_path, tmp_path))
    # Ringkasan: no header row repeated (it would print over the chart page); whole header words; counts centred
    rs = wb["Ringkasan"]
    assert rs.print_title_rows is None
    kepala = next(r[0].row for r in rs.iter_rows(min_col=1, max_col=1) if r[0].value == "Unit Kerja")
    mis = _kolom(rs, kepala, "Kurang/Misconduct")
    assert rs.column_dimensions[mis.column_letter].width >= 13  # "Misconduct" on one line
    belum = _kolom(rs, kepala, "Belum Punya Data")
    assert rs.cell(row=kepala + 1, column=belum.column).alignment.horizontal == "center"
    # Pengembangan: the unit's official short name; long texts wrap in rows as high as they need
    pg = wb["Pengembangan"]
    unit = _kolom(pg, 4, "Unit Kerja").column
    ket = _kolom(pg, 4, "Keterangan").column
    baris = next(r for r in pg.iter_rows(min_row=5) if r[1].value == STAF2)
    assert baris[unit - 1].value == "DPM-PTSP"
    assert baris[ket - 1].alignment.wrap_text and baris[unit - 1].alignment.wrap_text
    assert pg.row_dimensions[baris[0].row].height > 15
    # Dampak: wrapped headers in columns that hold their words; charts two per row, side by side
    dp = wb["Dampak"]
    assert dp.print_title_rows is None  # a five-row table fits its page: no header over the chart pages
    for judul in ("Perubahan", "Perubahan (%)", "% Baik+ 2026-T1"):
        c = _kolom(dp, 4, judul)
        assert c.alignment.wrap_text and dp.column_dimensions[c.column_letter].width >= 11
    assert dp.row_dimensions[4].height > 15
    jangkar = sorted((g.anchor._from.row, g.anchor._from.col, g.anchor.to.col) for g in dp._charts)
    assert len(jangkar) == 5
    assert [j[0] for j in jangkar] == [jangkar[0][0]] * 2 + [jangkar[2][0]] * 2 + [jangkar[4][0]]
    assert jangkar[0][1] == 0 and jangkar[1][1] == jangkar[0][2]  # the second starts where the first ends
    assert jangkar[1][2] == dp.max_column or jangkar[1][2] >= 14  # ... and reaches the table's right edge


def _buku_kecil(kinerja, db_path, folder):
    """The workbook of test_dampak_and_ringkasan_pages_through_libreoffice: the recap with only Ringkasan and
    Dampak, printed in the session's soffice run."""
    f = _siap(kinerja, db_path, folder)
    wb = openpyxl.load_workbook(f)
    for nama in ("Rekap", "Rincian", "Pengembangan"):
        del wb[nama]
    kecil = folder / "kecil.xlsx"
    wb.save(kecil)
    return [kecil]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice tidak terpasang")
@cetak_pdf(_buku_kecil)
def test_dampak_and_ringkasan_pages_through_libreoffice(cetakan):
    halaman = []
    info = subprocess.run(["pdfinfo", str(cetakan / "kecil.pdf")], capture_output=True, text=True).stdout
    n = int(next(x for x in info.splitlines() if x.startswith("Pages:")).split()[1])
    for i in range(1, n + 1):
        halaman.append(subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(cetakan / "kecil.pdf"), "-"],
                                      capture_output=True, text=True).stdout)
    # Ringkasan: table page, chart page; Dampak: table with the first charts, then the rest: 4 pages
    assert n <= 4, n
    grafik = [h for h in halaman if "Indikator layanan nomor 5" in h and "Satuan" not in h]
    assert grafik  # the last chart's page carries no repeated header row
    assert not [h for h in halaman[1:] if "Sebaran predikat kinerja pegawai" in h and "Unit Kerja" in h
                and "Jumlah" in h and "REKAPITULASI" not in h]


def test_dampak_long_table_keeps_its_header_on_every_page(tmp_path):
    from kinerja_cli.excel import lembar_dampak

    data = [{"unit": f"Unit {i}", "indikator": f"Indikator {i}", "satuan": "hari", "arah": "turun", "target": 3,
             "nilai_per_periode": [{"periode": "2026-T1", "nilai": 5, "persen_baik": None},
                                   {"periode": "2026-T2", "nilai": 4, "persen_baik": None}],
             "perubahan": -1, "perubahan_persen": -20, "penilaian": "membaik", "jarak_target": Decimal(1),
             "target_tercapai": False} for i in range(120)]
    wb = openpyxl.Workbook(write_only=True)
    lembar_dampak.tulis(wb, data)
    wb.save(tmp_path / "d.xlsx")
    assert openpyxl.load_workbook(tmp_path / "d.xlsx")["Dampak"].print_title_rows == "$4:$4"
