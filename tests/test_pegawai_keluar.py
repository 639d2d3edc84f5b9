"""People who left (issue 16 §6): an employee deactivated while a period is open keeps his result
in that period, marked nonaktif, and gets his document; `nilai --semua` lists the inactive ones
without data too.

Numbers from tests/data_nilai.py, worked out by hand in test_nilai.py: STAF2 (deactivated here by a
roster import of DPMPTSP without him) NHK 88,00 (C = 96,04/98×100 = 98 → 70 + 18), NPK 85,00
(atasan scored two aspects: (90 + 80)/2), a pp30 period without penilaian 360 → 70/30: NA = 61,60 + 25,50
= 87,10, Cukup (PP 30/2019 Pasal 41 ayat 5 huruf c). SEKDA has no data in 2026: deactivated, he leaves the results (shown by --semua).
"""

from __future__ import annotations

import json
import sqlite3

import openpyxl

from conftest import HEADER_PEGAWAI, KADIS, PPPK1, ROSTER, SEKDA, STAF1, STAF2, buat_xlsx
from data_nilai import isi


def _per_nip(rows):
    return {r["nip"]: r for r in rows}


def _keluar(kinerja, db_path, tmp_path):
    """Period 2026 with the hand-computed data; STAF2 leaves DPMPTSP (roster import without him),
    SEKDA is deactivated too (he has no data in 2026)."""
    assert kinerja("periode", "buat", "2026", "--metode", "pp30", "--penilaian-360", "tidak").exit_code == 0
    isi(db_path)
    f = buat_xlsx(tmp_path / "pegawai-baru.xlsx",
                  {"Pegawai": [HEADER_PEGAWAI, *[r for r in ROSTER if r[0] not in (STAF2, SEKDA)]]})
    r = kinerja("pegawai", "impor", str(f), "--nonaktifkan-yang-hilang")
    assert r.exit_code == 0, r.output
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE pegawai SET aktif = 0 WHERE nip = ?", [SEKDA])
        assert c.execute("SELECT nip FROM pegawai WHERE aktif = 0 ORDER BY nip").fetchall() == [(SEKDA,), (STAF2,)]


def test_inactive_with_data_stays_in_results_marked(db_siap, kinerja, db_path, tmp_path):
    _keluar(kinerja, db_path, tmp_path)
    d = _per_nip(kinerja("nilai", "--periode", "2026", "--format", "json").json())
    assert set(d) == {KADIS, STAF1, STAF2, PPPK1}  # SEKDA: inactive and nothing recorded
    s2 = d[STAF2]
    assert (s2["nhk"], s2["npk"], s2["na"], s2["predikat"]) == (88.00, 85.00, 87.10, "Cukup")
    assert s2["aktif"] is False and d[STAF1]["aktif"] is True
    t = kinerja("nilai", "--periode", "2026").stdout
    baris = [x for x in t.splitlines() if STAF2 in x][0]
    assert "Dewi Sartika (nonaktif)" in baris and "87,10" in baris
    assert "(nonaktif)" not in [x for x in t.splitlines() if STAF1 in x][0]
    # one person asked for by NIP, and the CSV column
    assert kinerja("nilai", "--periode", "2026", "--nip", STAF2, "--format", "json").json()[0]["na"] == 87.10
    csv = kinerja("nilai", "--periode", "2026", "--format", "csv").stdout.splitlines()
    assert csv[0].endswith(",ada_data,aktif") and [x for x in csv if x.startswith(STAF2)][0].endswith(",true,false")


def test_semua_lists_inactive_without_data(db_siap, kinerja, db_path, tmp_path):
    _keluar(kinerja, db_path, tmp_path)
    d = _per_nip(kinerja("nilai", "--periode", "2026", "--semua", "--format", "json").json())
    assert set(d) == {SEKDA, KADIS, STAF1, STAF2, PPPK1}
    assert d[SEKDA]["aktif"] is False and d[SEKDA]["ada_data"] is False
    r = kinerja("nilai", "--periode", "2026", "--nip", SEKDA)
    assert r.exit_code == 1 and "nonaktif tanpa data di periode ini" in r.stderr


def test_pegawai_lihat_shows_the_result_of_who_left(db_siap, kinerja, db_path, tmp_path):
    _keluar(kinerja, db_path, tmp_path)
    d = kinerja("pegawai", "lihat", STAF2, "--format", "json").json()
    assert d["aktif"] is False
    assert d["riwayat_nilai"] == [{"periode": "2026", "metode": "pp30", "status": "terbuka", "nhk": 88.0,
                                   "npk": 85.0, "na": 87.1, "predikat": "Cukup", "lengkap": False}]
    assert "Belum ada nilai kinerja" not in kinerja("pegawai", "lihat", STAF2).stdout


def test_document_and_recap_of_who_left_open_and_closed(db_siap, kinerja, db_path, tmp_path):
    _keluar(kinerja, db_path, tmp_path)
    for tahap in ("terbuka", "ditutup"):
        dok = tmp_path / f"dok-{tahap}.xlsx"
        r = kinerja("ekspor", "dokumen", STAF2, "--periode", "2026", str(dok))
        assert r.exit_code == 0, r.output
        sel = [c.value for row in openpyxl.load_workbook(dok).active.iter_rows() for c in row if c.value is not None]
        assert "Dewi Sartika" in sel and "CUKUP" in sel  # the form writes the predikat in capitals
        assert any(isinstance(v, str) and v.startswith("Catatan: pegawai nonaktif") for v in sel)
        folder = tmp_path / f"unit-{tahap}"
        assert kinerja("ekspor", "dokumen", "--unit", "DPMPTSP", "--periode", "2026", "--folder", str(folder)).exit_code == 0
        assert any(STAF2 in p.name for p in folder.iterdir())
        rekap = tmp_path / f"rekap-{tahap}.xlsx"
        assert kinerja("ekspor", "rekap", str(rekap), "--periode", "2026").exit_code == 0
        rows = [[c.value for c in row] for row in openpyxl.load_workbook(rekap)["Rekap"].iter_rows()]
        s2 = [x for x in rows if x[1] == STAF2][0]
        assert s2[8] == 87.10 and s2[-2] == "Cukup" and s2[-1].startswith("pegawai nonaktif")
        assert not [x for x in rows if x[1] == SEKDA]
        if tahap == "terbuka":
            assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    with sqlite3.connect(db_path) as c:  # frozen with the marker; an active person's stored text has no new key
        beku = {n: json.loads(t) for n, t in c.execute("SELECT nip, data FROM hasil_snapshot")}
    assert set(beku) == {KADIS, STAF1, STAF2, PPPK1}
    assert beku[STAF2]["pegawai"]["aktif"] is False and "aktif" not in beku[STAF1]["pegawai"]
    d = _per_nip(kinerja("nilai", "--periode", "2026", "--format", "json").json())
    assert d[STAF2]["aktif"] is False and d[STAF2]["na"] == 87.10 and d[STAF1]["aktif"] is True
