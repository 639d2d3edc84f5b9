"""The sub-unit (the SIASN lowest unor, or a roster's Sub Unit column) in the evaluation and SKP documents,
the recap's Rekap and Rincian sheets, and `nilai --sub-unit` (issue 15 §1)."""

from __future__ import annotations

import json
import sqlite3

import openpyxl
from conftest import HEADER_PEGAWAI, KADIS, ROSTER, STAF1, STAF2, buat_xlsx
from data_nilai import isi

SUB = "Bidang Perizinan Berusaha"


def _siap(kinerja, db_path, tmp_path):
    """The small roster re-imported with a Sub Unit column (only Citra has one), period 2026 with data."""
    kolom = [*HEADER_PEGAWAI, "Sub Unit"]
    baris = [[*b, SUB if b[0] == STAF1 else None] for b in ROSTER]
    r = kinerja("pegawai", "impor", buat_xlsx(tmp_path / "roster.xlsx", {"Pegawai": [kolom, *baris]}))
    assert r.exit_code == 0, r.output
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_path)


def _kanan(ws, label, ke=0):
    """The value cell (column C) of the ke-th row labelled `label` in column B."""
    c = [x for row in ws.iter_rows() for x in row if x.value == label and x.column == 2][ke]
    return ws.cell(row=c.row, column=3)


def _tabel(ws, kepala_pertama):
    """(header, rows as {header: value}) of a recap table whose header row starts with `kepala_pertama`."""
    k = next(c.row for c in ws["A"] if c.value == kepala_pertama)
    judul = [c.value for c in ws[k] if c.value is not None]
    baris = []
    for r in range(k + 1, ws.max_row + 1):
        v = [ws.cell(row=r, column=i + 1).value for i in range(len(judul))]
        if v[0] is None:
            break
        baris.append(dict(zip(judul, v)))
    return judul, baris


def test_documents_show_the_sub_unit_before_the_unit(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path, tmp_path)
    f = tmp_path / "dokumen.xlsx"
    r = kinerja("ekspor", "dokumen", STAF1, f, "-p", "2026")
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(f).active
    # the employee's UNIT KERJA names the sub-unit and its unit; the pejabat penilai (no sub-unit): the unit
    assert _kanan(ws, "UNIT KERJA", 0).value == f"{SUB} — DPMPTSP"
    assert _kanan(ws, "UNIT KERJA", 1).value == "DPMPTSP"
    f = tmp_path / "skp.xlsx"
    r = kinerja("ekspor", "skp", STAF1, f, "-p", "2026")
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(f).active
    assert _kanan(ws, "UNIT KERJA", 0).value == f"{SUB} — DPMPTSP"
    assert _kanan(ws, "UNIT KERJA", 1).value == "DPMPTSP"


def test_recap_sub_unit_column_only_when_someone_has_one(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path, tmp_path)
    r = kinerja("ekspor", "rekap", tmp_path / "r.xlsx", "-p", "2026")
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    judul, baris = _tabel(wb["Rekap"], "No")
    assert judul[judul.index("Unit") + 1] == "Sub Unit"
    sub = {b["NIP"]: b["Sub Unit"] for b in baris}
    assert sub[STAF1] == SUB and sub[STAF2] == "-" and sub[KADIS] == "-"
    judul, baris = _tabel(wb["Rincian"], "NIP")
    assert judul[-2:] == ["Bukti", "Sub Unit"]
    assert {b["Sub Unit"] for b in baris if b["NIP"] == STAF1} == {SUB}
    assert {b["Sub Unit"] for b in baris if b["NIP"] == STAF2} == {"-"}
    assert {b["Bukti"] for b in baris if b["NIP"] == STAF2} == {"-"}  # Bukti stays in its own column
    # a unit's recap without anyone in a sub-unit has no such column
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE pegawai SET unit = 'Dinas Sosial' WHERE nip = ?", [STAF2])
    r = kinerja("ekspor", "rekap", tmp_path / "sosial.xlsx", "-p", "2026", "--unit", "Dinas Sosial")
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(tmp_path / "sosial.xlsx")
    assert "Sub Unit" not in _tabel(wb["Rekap"], "No")[0] and "Sub Unit" not in _tabel(wb["Rincian"], "NIP")[0]


def test_closed_period_keeps_the_sub_unit_it_had_and_old_snapshots_read_the_same(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path, tmp_path)
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    with sqlite3.connect(db_path) as c:
        data = {n: json.loads(d)["pegawai"] for n, d in c.execute("SELECT nip, data FROM hasil_snapshot")}
        c.execute("UPDATE pegawai SET sub_unit = 'Seksi Lain' WHERE nip = ?", [STAF1])
    # the key is stored only when set: the snapshot of someone without a sub-unit is what it always was
    assert data[STAF1]["sub_unit"] == SUB and "sub_unit" not in data[STAF2]
    assert list(data[STAF2]) == ["nip", "nama", "unit", "jabatan", "golongan", "status", "nip_atasan", "jenis_jabatan"]
    assert kinerja("ekspor", "rekap", tmp_path / "r.xlsx", "-p", "2026").exit_code == 0
    sub = {b["NIP"]: b["Sub Unit"] for b in _tabel(openpyxl.load_workbook(tmp_path / "r.xlsx")["Rekap"], "No")[1]}
    assert sub[STAF1] == SUB  # frozen at close, not the roster's later value
    f = tmp_path / "d.xlsx"
    assert kinerja("ekspor", "dokumen", STAF1, f, "-p", "2026").exit_code == 0
    assert _kanan(openpyxl.load_workbook(f).active, "UNIT KERJA").value == f"{SUB} — DPMPTSP"


def test_nilai_filters_by_sub_unit(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path, tmp_path)
    r = kinerja("nilai", "-p", "2026", "--sub-unit", "perizinan", "-f", "json")
    assert r.exit_code == 0, r.output
    assert [b["nip"] for b in r.json()] == [STAF1]
    r = kinerja("nilai", "-p", "2026", "--sub-unit", "Puskesmas")
    assert r.exit_code == 0 and "Tidak ada pegawai dengan sub unit memuat 'Puskesmas'." in r.output
