"""The recap's streaming path: same records as `laporan`, same workbook whichever way the rows
are written (XML text or cell objects), cell for cell, in one process."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import openpyxl
import pytest
from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2
from data_nilai import isi

from kinerja_cli.excel import baris_xml, lembar_pengembangan
from kinerja_cli.services import nilai, nilai_alir
from kinerja_cli.store.db import buka_db

ASPEK = ("pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif")
UNIT = ("Dinas Sosial", "dinas sosial", "Ébène Unit", "BKPSDM", "Zeta", "DPMPTSP")
NAMA = ("Ahmad", "ahmad", "Élia Putri", "Ümit", "Zaki", "Budi =1+1", "  Spasi Depan", "Citra & <Co>")
TEKS_ANEH = ("=SUM(A1)", "+62 812", "-tolong", "@cmd", "teks\x01kontrol\x0b", "a & b < c > d",
             "baris satu\nbaris dua\nbaris tiga", "  spasi  ", "x" * 40000,
             "Rencana hasil kerja yang panjang sekali sehingga harus dibungkus beberapa baris di sel")


def _isi_banyak(db_path, n: int = 26, kode: str = "2026") -> None:
    """A varied office: mixed-case and non-ASCII units and names, ties, odd texts, every data kind.
    26 people are enough for every case below to occur (i % 13 == 0 twice, i % 11 three times,
    every name, unit and odd text, the 40,000-character one as a jabatan at i = 18)."""
    t = "2026-01-01T00:00:00"
    with sqlite3.connect(db_path) as c:
        for i in range(n):
            nip = f"19800101{i:04d}011{i % 10:03d}"[:18]
            unit = UNIT[i % len(UNIT)]
            c.execute("INSERT INTO pegawai (nip, nama, jabatan, jenis_jabatan, golongan, unit, nip_atasan, status,"
                      " aktif, dibuat, diubah) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                      [nip, NAMA[i % len(NAMA)], TEKS_ANEH[i % len(TEKS_ANEH)] if i % 3 == 0 else "Analis",
                       "pelaksana", None if i % 7 == 0 else "III/a", unit, KADIS, "PPPK" if i % 5 == 0 else "PNS",
                       0 if i == 7 else 1, t, t])
            for nomor in range(1, (i % 5) + 1):
                hi = "90" if nomor == 2 and i % 2 else None
                c.execute("INSERT INTO sasaran (periode, nip, nomor, jenis, rhk, aspek, indikator, target_lo, target_hi,"
                          " satuan, bobot, arah, target_maksimal, diubah) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                          [kode, nip, nomor, "utama" if nomor < 3 else "tambahan", TEKS_ANEH[(i + nomor) % len(TEKS_ANEH)],
                           "kuantitas", TEKS_ANEH[(i * nomor) % len(TEKS_ANEH)], "80", hi,
                           None if nomor == 3 else "%", str(Decimal(100) / (i % 5)), "turun" if nomor == 4 else "naik",
                           1 if nomor == 1 and i % 4 == 0 else 0, t])
                if (i + nomor) % 3:
                    c.execute("INSERT INTO realisasi (periode, nip, nomor, nilai, bukti, diubah) VALUES (?,?,?,?,?,?)",
                              [kode, nip, nomor, str(70 + (i * 7 + nomor * 3) % 50) + ".5",
                               TEKS_ANEH[(i + 2 * nomor) % len(TEKS_ANEH)] if nomor % 2 else None, t])
            for j, peran in enumerate(("atasan", "rekan", "bawahan", "diri")[: i % 4]):
                c.execute(f"INSERT INTO perilaku (periode, nip, penilai, peran, {', '.join(ASPEK)}, diubah)"
                          f" VALUES (?,?,?,?,{','.join('?' * 7)},?)",
                          [kode, nip, [KADIS, STAF1, STAF2, nip][j], peran,
                           *[str(80 + (i + k + j) % 40) for k in range(7)], t])
            if i % 11 == 0:
                c.execute("INSERT INTO rating_langsung (periode, nip, hasil_kerja, perilaku, alasan_hasil_kerja, diubah)"
                          " VALUES (?,?,?,?,?,?)", [kode, nip, "di-atas", None, "=alasan atasan", t])
            if i % 13 == 0:
                c.execute("INSERT INTO inovasi (periode, nip, uraian, tanggal, dibuat) VALUES (?,?,?,?,?)",
                          [kode, nip, "Inovasi", "2026-05-01", t])


@pytest.fixture
def kantor(db_periode, kinerja, db_path):
    isi(db_path)
    _isi_banyak(db_path)
    return db_path


@pytest.mark.parametrize("unit", [None, "DINAS SOSIAL", "ébène unit"])
def test_streamed_records_equal_laporan(kantor, unit):
    db = buka_db(kantor)
    lama = nilai.laporan(db, "2026", unit, urut="unit")
    alir = nilai_alir.rekaman_urut_unit(db, "2026", unit)
    baru = list(alir)
    assert baru == lama.rekaman and len(alir) == len(baru) > 0
    assert list(alir) == baru  # re-iterable
    assert not db.conn.in_transaction
    assert not db.execute("SELECT name FROM temp.sqlite_master").fetchall()  # TEMP rank tables dropped


def test_streamed_records_of_closed_period_equal_snapshot(kantor, kinerja):
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    db = buka_db(kantor)
    for unit in (None, "Dinas Sosial"):
        alir = nilai_alir.rekaman_urut_unit(db, "2026", unit)
        assert alir.dari_snapshot and list(alir) == nilai.laporan(db, "2026", unit, urut="unit").rekaman


def _sel(c, gaya: dict):
    """A cell's value and its whole style; the style's text is built once per style of the workbook
    (cells with the same style_id share number format, font, fill, border, alignment and quotePrefix)."""
    if c.style_id not in gaya:
        gaya[c.style_id] = (c.number_format, repr(c.font), repr(c.fill), repr(c.border), repr(c.alignment),
                            c.quotePrefix)
    return (c.value, c.data_type, *gaya[c.style_id])


def _isi_buku(path) -> dict:
    """Everything the workbook shows, per sheet, comparable between two files."""
    wb = openpyxl.load_workbook(path)
    hasil = {"sheet": wb.sheetnames}
    gaya: dict = {}
    for ws in wb.worksheets:
        sel = []
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("Dibuat: "):
                    continue  # holds the minute it was written
                sel.append((c.coordinate, _sel(c, gaya)))
        hasil[ws.title] = {
            "sel": sel,
            "tinggi": {r: d.height for r, d in ws.row_dimensions.items() if d.height},
            "lebar": {k: d.width for k, d in ws.column_dimensions.items()},
            "beku": ws.freeze_panes, "filter": ws.auto_filter.ref, "judul_cetak": ws.print_title_rows,
            "cetak": (ws.page_setup.orientation, ws.page_setup.paperSize, ws.page_setup.fitToWidth,
                      ws.page_setup.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
                      ws.page_margins.left, ws.page_margins.top, ws.print_options.horizontalCentered,
                      ws.oddFooter.center.text),
            "gabung": sorted(str(m) for m in ws.merged_cells.ranges),
            "grafik": [(type(g).__name__, g.anchor._from.row, g.anchor._from.col, len(g.series)) for g in ws._charts],
        }
    return hasil


def _rekap(kinerja, path, *extra):
    r = kinerja("ekspor", "rekap", path, "--periode", "2026", "--timpa", *extra)
    assert r.exit_code == 0, r.output
    return path


@pytest.mark.parametrize("extra", [(), ("--per-unit",), ("--unit", "dinas sosial")])
def test_xml_rows_equal_cell_rows(kantor, kinerja, tmp_path, monkeypatch, extra):
    # reference: every row through openpyxl cell objects (GayaSel)
    def tolak(self, *a):
        raise baris_xml.BukanSederhana(a)

    with monkeypatch.context() as m:
        m.setattr(baris_xml.Penyaji, "sel", tolak)
        m.setattr(baris_xml.Penyaji, "angka", tolak)
        m.setattr(baris_xml.Penyaji, "teks", tolak)
        m.setattr(lembar_pengembangan, "XML_LANGSUNG", False)
        acuan = _isi_buku(_rekap(kinerja, tmp_path / "acuan.xlsx", *extra))
    satu = _isi_buku(_rekap(kinerja, tmp_path / "satu.xlsx", *extra))
    assert satu == acuan
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []  # no leftovers


def test_recap_and_listing_run_in_one_process(kantor, kinerja, tmp_path, monkeypatch):
    """No second process for `nilai` or `ekspor rekap`, whatever the size or the old switches say
    (at N = 10,000 on 2 cores the fork saved ~17 % of the recap and ~30 % of `nilai`, but read two halves
    of a period without one shared snapshot: README, Kinerja)."""
    import multiprocessing
    import os

    acuan_nilai = kinerja("nilai", "--periode", "2026", "--format", "json").json()
    acuan_buku = _isi_buku(_rekap(kinerja, tmp_path / "acuan.xlsx"))
    monkeypatch.setenv("KINERJA_PARALEL_MIN", "1")
    monkeypatch.setenv("KINERJA_REKAP_PARALEL_MIN", "0")

    def dilarang(*a, **k):
        raise AssertionError("no second process")

    monkeypatch.setattr(os, "fork", dilarang)
    monkeypatch.setattr(multiprocessing.get_context("fork"), "Process", dilarang)
    monkeypatch.setattr(multiprocessing.get_context("fork"), "Pipe", dilarang)
    assert kinerja("nilai", "--periode", "2026", "--format", "json").json() == acuan_nilai
    assert _isi_buku(_rekap(kinerja, tmp_path / "satu.xlsx")) == acuan_buku


def test_recap_never_holds_the_whole_report(kantor, kinerja, tmp_path, monkeypatch):
    def dilarang(*a, **k):
        raise AssertionError("the recap must stream its records, not build the whole report")

    monkeypatch.setattr(nilai, "laporan", dilarang)
    monkeypatch.setattr(nilai, "_rekaman_langsung", dilarang)
    _rekap(kinerja, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert wb.sheetnames == ["Ringkasan", "Rekap", "Rincian", "Pengembangan", "Dampak"]
    assert len(wb["Ringkasan"]._charts) == 2


def test_small_recap_cell_for_cell(db_siap, kinerja, db_path, tmp_path):
    """Every data cell of Rekap and Rincian of the hand-computed period, with its type, format and fill."""
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    assert kinerja("instansi", "--pemda", "Pemerintah Kabupaten Contoh").exit_code == 0  # one kop line
    isi(db_path)
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE realisasi SET bukti = '=HYPERLINK(\"x\")' WHERE nip = ? AND nomor = 2", [STAF1])
    wb = openpyxl.load_workbook(_rekap(kinerja, tmp_path / "kecil.xlsx"))
    ws = wb["Rekap"]
    assert ws["A1"].value == "PEMERINTAH KABUPATEN CONTOH"
    assert [c.value for c in ws[8]] == ["No", "NIP", "Nama", "Jabatan", "Golongan", "Unit", "NHK", "NPK", "NA",
                                        "Predikat", "Catatan"]
    baris = [[c.value for c in ws[r]] for r in range(9, ws.max_row + 1)]
    j = {x["nip"]: x for x in kinerja("nilai", "--periode", "2026", "--format", "json").json()}
    pegawai = [(KADIS, "Budi Santoso, S.E.", "Kepala Dinas", "IV/c", "DPMPTSP"),
               (STAF1, "Citra Lestari", "Analis Perizinan", "III/a", "DPMPTSP"),
               (STAF2, "Dewi Sartika", "Pengadministrasi", "II/c", "DPMPTSP"),
               (PPPK1, "Eko Prasetyo", "Pranata Komputer", "IX", "DPMPTSP"),
               (SEKDA, "Drs. H. Ahmad Yani", "Sekretaris Daerah", "IV/d", "Sekretariat Daerah")]
    assert len(baris) == len(pegawai)
    for no, (b, p) in enumerate(zip(baris, pegawai), 1):
        x = j[p[0]]
        assert b[:6] == [no, *p]
        if not x["ada_data"]:  # nobody has started on this person: no numbers, no predikat yet
            assert b[6:] == ["-", "-", "-", "belum dinilai", "belum ada data periode ini"]
            continue
        assert b[6:9] == [pytest.approx(float(x[k])) for k in ("nhk", "npk", "na")]
        assert b[9] == x["predikat"]
        assert (b[10] == "-") == (not x["catatan"])
    assert baris[1][6:9] == [pytest.approx(113.4), pytest.approx(107.5), pytest.approx(111.04)]
    assert "belum ada SKP" in baris[0][10] and "realisasi belum lengkap" in baris[3][10]
    for r in range(9, ws.max_row + 1):
        if ws.cell(r, 10).value == "belum dinilai":  # no data yet: "-" texts, no predikat fill
            assert [ws.cell(r, k).data_type for k in range(1, 12)] == ["n"] + ["s"] * 10
            continue
        assert [ws.cell(r, k).data_type for k in range(1, 12)] == ["n"] + ["s"] * 5 + ["n"] * 3 + ["s"] * 2
        assert all(ws.cell(r, k).number_format == "0.00" for k in (7, 8, 9))
        assert ws.cell(r, 10).fill.fgColor.rgb.endswith(
            {"Sangat Baik": "63BE7B", "Baik": "C6EFCE", "Cukup": "FFEB9C", "Kurang": "F8CBAD",  # pp30: Cukup
             "Sangat Kurang": "FFC7CE"}[ws.cell(r, 10).value])
        assert ws.cell(r, 2).alignment.wrap_text and ws.cell(r, 2).border.left.style == "thin"
    rc = wb["Rincian"]
    kepala = [c.value for c in rc[9]]
    assert kepala[:3] == ["NIP", "Nama", "No"] and kepala[-1] == "Bukti"
    semua = [[c.value for c in rc[r]] for r in range(10, rc.max_row + 1)]
    assert [(x[0], x[2]) for x in semua] == [(STAF1, 1), (STAF1, 2), (STAF2, 1), (PPPK1, 1), (PPPK1, 2)]
    s1 = semua[1]
    assert s1[3:10] == ["utama", "Izin cepat", "Hari penerbitan izin", 5, "hari", "turun", 4]
    assert s1[12] == 40 and s1[13] == "C > 110 → 120" and s1[-1] == '=HYPERLINK("x")'
    bukti = rc.cell(11, len(kepala))
    assert bukti.data_type == "s" and bukti.quotePrefix  # user text stays text
    assert rc.cell(11, 11).number_format == "0.00" and rc.cell(11, 7).number_format == "General"
    pp = semua[3:]
    assert pp[0][6] == "80-90" and rc.cell(13, 7).data_type == "s"
    assert pp[1][9] == "-" and rc.cell(14, 10).alignment.horizontal == "center" and pp[1][10] == 0
    assert rc.auto_filter.ref == "A9:O14" and rc.freeze_panes == "C10" and rc.print_title_rows == "$9:$9"
    assert wb["Rekap"].auto_filter.ref == "A8:K13"
