"""CSV, OpenDocument (.ods) and legacy Excel (.xls) through the importers (issue 15 §2): the same
stored values and the same checks and messages as .xlsx. CSV and .ods files are written here by
hand; the .xls files are real BIFF8 workbooks in tests/data (tests/data/buat_xls.py rebuilds them)."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest

from conftest import HEADER_PEGAWAI, KADIS, ROSTER, SEKDA, STAF1, STAF2

DATA = Path(__file__).parent / "data"
H_SKP = ["NIP", "Nama", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]
SKP = [[KADIS, "Budi", 1, "Investasi naik", "Nilai investasi", 100, "dokumen", 100],
       [STAF1, "Citra", 1, "Berkas diverifikasi", "Persen berkas", "95,5", "%", 60],
       [STAF1, "Citra", 2, "Laporan", "Laporan bulanan", "80 s.d. 90", "laporan", 40]]
H_PERILAKU = ["NIP", "Nama", "NIP Penilai", "Peran", "Berorientasi Pelayanan", "Akuntabel", "Kompeten",
              "Harmonis", "Loyal", "Adaptif", "Kolaboratif"]
PERILAKU = [[STAF1, "Citra", KADIS, "atasan", 100, "95,5", 110, 120, 90, 90, 88],
            [KADIS, "Budi", SEKDA, "atasan", 101, 100, 100, 100, 100, 100, 100]]
ROSTER_BARU = [HEADER_PEGAWAI, *ROSTER[:4],
               ["198801012012011007", "José Núñez, S.T.", "Analis", "pelaksana", "III/b", "DPMPTSP", KADIS, "PNS"]]

# name -> (sheet, rows, cells formatted as percent): the .xls files in tests/data
FORMAT_XLS = {
    "pegawai": ("Pegawai", ROSTER_BARU, []),
    "sasaran": ("Sasaran", [H_SKP, *SKP[:1], [STAF1, "Citra", 1, "Berkas diverifikasi", "Persen berkas", 0.955, "%", 60],
                            *SKP[2:]], ["F3"]),
    "perilaku": ("Perilaku", [H_PERILAKU, *PERILAKU], []),
    "galat": ("Pegawai", [HEADER_PEGAWAI, *ROSTER[:2], [*ROSTER[2][:6], "=NA()", "PNS"]], []),
}


def q(db, sql, *args):
    with sqlite3.connect(db) as c:
        return c.execute(sql, args).fetchall()


# --- writers ------------------------------------------------------------------------------------

def tulis_csv(path: Path, rows: list, pemisah: str = ";", pengodean: str = "utf-8-sig") -> Path:
    import csv
    import io

    s = io.StringIO()
    csv.writer(s, delimiter=pemisah, lineterminator="\r\n").writerows(
        [["" if v is None else str(v) for v in r] for r in rows])
    path.write_bytes(s.getvalue().encode(pengodean))
    return path


def _sel_ods(v) -> str:
    if v is None:
        return "<table:table-cell/>"
    if isinstance(v, tuple) and v[0] == "%":
        return (f'<table:table-cell office:value-type="percentage" office:value="{v[1]}" '
                f'calcext:value-type="percentage"><text:p>{v[1] * 100:g}%</text:p></table:table-cell>')
    if isinstance(v, tuple) and v[0] == "galat":
        return (f'<table:table-cell table:formula="of:=NA()" office:value-type="string" office:string-value="" '
                f'calcext:value-type="error"><text:p>{v[1]}</text:p></table:table-cell>')
    if isinstance(v, (int, float)):
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'


def tulis_ods(path: Path, sheets: dict) -> Path:
    """A minimal OpenDocument spreadsheet as LibreOffice writes one (mimetype first, stored)."""
    tabel = "".join(
        f'<table:table table:name="{escape(nama)}">'
        + "".join("<table:table-row>" + "".join(_sel_ods(v) for v in r) + "</table:table-row>" for r in rows)
        + "</table:table>" for nama, rows in sheets.items())
    isi = ('<?xml version="1.0" encoding="UTF-8"?>'
           '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
           'office:version="1.3"><office:body><office:spreadsheet>' + tabel
           + "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", isi, zipfile.ZIP_DEFLATED)
    return path


# --- pegawai impor --------------------------------------------------------------------------------

@pytest.mark.parametrize("pemisah,pengodean", [(";", "utf-8-sig"), (",", "utf-8"), ("\t", "cp1252")])
def test_roster_csv_any_delimiter_and_encoding(db_path, kinerja, tmp_path, pemisah, pengodean):
    kinerja("init")
    f = tulis_csv(tmp_path / "pegawai.csv", ROSTER_BARU, pemisah, pengodean)
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0, r.output
    assert "5 ditambah" in r.stderr
    # the 18-digit NIPs stay text; the quoted name holds the delimiter ',' and a non-ASCII letter
    assert q(db_path, "SELECT nip, nama FROM pegawai WHERE nip = ?", "198801012012011007") == [
        ("198801012012011007", "José Núñez, S.T.")]
    assert q(db_path, "SELECT nip_atasan FROM pegawai WHERE nip = ?", STAF1) == [(KADIS,)]


def test_roster_ods_and_xls_store_the_same_as_xlsx(db_path, kinerja, tmp_path):
    kinerja("init")
    tulis_ods(tmp_path / "pegawai.ods", {"Pegawai": ROSTER_BARU})
    for f in (tmp_path / "pegawai.ods", DATA / "pegawai.xls"):
        r = kinerja("pegawai", "impor", f)
        assert r.exit_code == 0, (f, r.output)
        assert q(db_path, "SELECT nama, golongan, unit FROM pegawai WHERE nip = ?", "198801012012011007") == [
            ("José Núñez, S.T.", "III/b", "DPMPTSP")]
    assert "0 ditambah, 0 diubah, 5 tetap" in r.stderr  # the .xls read back the same five people


def test_nip_as_number_in_ods_refused_like_xlsx(db_path, kinerja, tmp_path):
    kinerja("init")
    f = tulis_ods(tmp_path / "p.ods", {"Pegawai": [HEADER_PEGAWAI, [1.98502142010012e17, *ROSTER[2][1:6], None, "PNS"]]})
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1 and "NIP tersimpan sebagai angka" in r.stderr.replace("\n", " ")


def test_error_cells_of_ods_and_xls_refused_naming_the_cell(db_path, kinerja, tmp_path):
    kinerja("init")
    ods = tulis_ods(tmp_path / "galat.ods",
                    {"Pegawai": [HEADER_PEGAWAI, *ROSTER[:2], [*ROSTER[2][:6], ("galat", "#N/A"), "PNS"]]})
    for f in (ods, DATA / "galat.xls"):
        r = kinerja("pegawai", "impor", f)
        t = " ".join(r.stderr.split())
        assert r.exit_code == 1, (f, r.output)
        assert "berisi galat Excel (#N/A)" in t and "Pegawai!G4" in t and "Tidak ada data yang ditulis" in t, t
    assert q(db_path, "SELECT COUNT(*) FROM pegawai") == [(0,)]


def test_csv_marked_copy_keeps_the_nip_text(db_path, kinerja, tmp_path):
    kinerja("init")
    f = tulis_csv(tmp_path / "p.csv", [HEADER_PEGAWAI, [*ROSTER[2][:4], "X/z", *ROSTER[2][5:]]])
    r = kinerja("pegawai", "impor", f, "--tandai", tmp_path / "p.galat.xlsx")
    assert r.exit_code == 1
    ws = openpyxl.load_workbook(tmp_path / "p.galat.xlsx")["p"]
    assert ws["A2"].value == STAF1 and ws["E2"].comment is not None and "Golongan" in ws["E2"].comment.text


# --- sasaran impor and perilaku impor ------------------------------------------------------------

@pytest.mark.parametrize("format_", ["csv-koma", "csv-titik-koma", "ods", "xls"])
def test_skp_and_behaviour_every_format(db_periode, kinerja, tmp_path, format_):
    db = db_periode
    if format_ == "xls":
        skp, per = DATA / "sasaran.xls", DATA / "perilaku.xls"
    elif format_ == "ods":
        skp = tulis_ods(tmp_path / "skp.ods", {"Sasaran": [H_SKP, SKP[0], [*SKP[1][:5], ("%", 0.955), *SKP[1][6:]],
                                                           SKP[2]]})
        per = tulis_ods(tmp_path / "per.ods", {"Perilaku": [H_PERILAKU, *PERILAKU]})
    else:
        p = "," if format_ == "csv-koma" else ";"
        skp = tulis_csv(tmp_path / "skp.csv", [H_SKP, *SKP], p)
        per = tulis_csv(tmp_path / "per.csv", [H_PERILAKU, *PERILAKU], p)
    r = kinerja("sasaran", "impor", skp, "--periode", "2026")
    assert r.exit_code == 0, r.output
    # '95,5' text (CSV) and a 95.5% cell (.ods, .xls) are both the target 95.5 of a % row
    assert q(db, "SELECT nomor, target_lo, target_hi, satuan, bobot FROM sasaran WHERE nip = ? ORDER BY nomor",
             STAF1) == [(1, "95.5", None, "%", "60"), (2, "80", "90", "laporan", "40")]
    r = kinerja("perilaku", "impor", per, "--periode", "2026")
    assert r.exit_code == 0, r.output
    assert q(db, "SELECT pelayanan, akuntabel, kolaboratif FROM perilaku WHERE nip = ? AND penilai = ?",
             STAF1, KADIS) == [("100", "95.5", "88")]


def test_csv_problems_name_the_row_and_column(db_periode, kinerja, tmp_path):
    f = tulis_csv(tmp_path / "per.csv", [H_PERILAKU, [*PERILAKU[0][:5], "banyak", *PERILAKU[0][6:]]])
    r = kinerja("perilaku", "impor", f, "--periode", "2026")
    t = " ".join(r.stderr.split())
    assert r.exit_code == 1 and "banyak" in t and "F (akuntabel)" in t, t


def test_unreadable_formats_still_refused_without_excel_round_trip_advice(db_path, kinerja, tmp_path):
    kinerja("init")
    f = tmp_path / "data.xlsb"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.bin", "\x00")
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1 and "Excel Binary (.xlsb)" in r.stderr
    teks = tmp_path / "data.dat"
    teks.write_text("NIP;Nama\n")
    r = kinerja("pegawai", "impor", teks)
    t = " ".join(r.stderr.split())
    assert r.exit_code == 1 and "ganti akhiran namanya menjadi .csv" in t and "Simpan Sebagai" not in t


def test_damaged_ods_refused_by_name(db_path, kinerja, tmp_path):
    kinerja("init")
    f = tmp_path / "data.ods"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
    r = kinerja("pegawai", "impor", f)
    t = " ".join(r.stderr.split())
    assert r.exit_code == 1 and "data.ods" in t and "OpenDocument (.ods)" in t and "rusak" in t, t
    assert ".xlsx" not in t
