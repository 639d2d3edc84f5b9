"""Re-tester 17 findings, part D (saran without data, the kepala daerah approves, names of outside raters,
number formats, people left out of a copy): each test fails on the code before the fix."""

from __future__ import annotations

import json
import sqlite3

import openpyxl
import pytest

from conftest import KADIS, PPPK1, STAF1, STAF2
from data_nilai import isi


def _rata(teks: str) -> str:
    return " ".join(teks.split())


@pytest.fixture
def p6(db_siap, kinerja, db_path):
    """permenpan6 period 2026 with the hand-worked data: STAF1 complete; STAF2 scored on 2 of 7 aspects;
    PPPK1 with one of two rows realised; KADIS scored by the Sekda, no SKP."""
    assert kinerja("periode", "buat", "2026", "--metode", "permenpan6").exit_code == 0
    isi(db_path)
    return db_path


def _json(kinerja, nip, kode="2026"):
    return next(x for x in kinerja("nilai", "-p", kode, "--format", "json").json() if x["nip"] == nip)


# -- R4: no saran while the data it would rest on is missing ------------------------------------------

def test_r4_tanpa_data_tanpa_saran_di_json_tabel_dan_rinci(p6, kinerja):
    s1 = _json(kinerja, STAF1)  # every realisation, atasan scored all aspects: the saran stays
    assert (s1["rating_hasil_kerja"], s1["rating_perilaku"], s1["predikat"]) == (
        "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Baik")
    pppk = _json(kinerja, PPPK1)  # row 2 without realisation, nobody scored perilaku
    assert (pppk["rating_hasil_kerja"], pppk["rating_perilaku"], pppk["predikat"]) == (None, None, None)
    assert "rating_belum_ditetapkan" in pppk["catatan"] and pppk["lengkap"] is False
    s2 = _json(kinerja, STAF2)  # all realised (saran HK kept), atasan scored 2 of 7 aspects (no saran PK)
    assert s2["rating_hasil_kerja"] == "Di Bawah Ekspektasi" and s2["rating_perilaku"] is None
    assert s2["predikat"] is None

    t = _rata(kinerja("nilai", "-p", "2026", "--unit", "DPMPTSP").stdout)
    baris = t.split(PPPK1)[1].split("│ 1")[0]
    assert "belum ada saran" in baris and "Ekspektasi" not in baris and "belum lengkap" in baris
    assert "Di Bawah Ekspektasi (saran)" in t.split(STAF2)[1].split("│ 1")[0]  # STAF2's HK saran stays

    r = _rata(kinerja("nilai", "-p", "2026", "--nip", PPPK1, "--rinci").stdout)
    assert "Rating hasil kerja: - (belum ada saran, belum ditetapkan pejabat penilai) — belum ada saran: " \
           "realisasi belum lengkap" in r
    assert "belum ada saran: atasan belum menilai, belum ada penilaian perilaku" in r
    assert "Predikat: belum lengkap" in r and "Sangat Kurang" not in r and "Di Bawah Ekspektasi" not in r


def test_r4_lebar_80_dan_120(p6, kinerja, monkeypatch):
    for lebar in ("80", "120"):
        monkeypatch.setenv("COLUMNS", lebar)
        t = kinerja("nilai", "-p", "2026", "--unit", "DPMPTSP").stdout
        baris = _rata(t.split(PPPK1)[1].split("\n└")[0].split("│ 1")[0])
        assert "belum ada" in baris and "Ekspektasi" not in baris and "belum lengkap" in baris, (lebar, t)


def test_r4_rekap_dan_distribusi_tanpa_saran(p6, kinerja, tmp_path):
    f = tmp_path / "rekap.xlsx"
    r = kinerja("ekspor", "rekap", f, "-p", "2026")
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(f)["Rekap"]
    kepala = {c.value: i for i, c in enumerate(next(ws.iter_rows(min_row=1, max_row=12)), 0) if c.value}
    teks = {row[1].value: [c.value for c in row] for row in ws.iter_rows() if row[1].value in (PPPK1, STAF1)}
    assert teks, kepala
    baris_pppk = " ".join(str(v) for v in teks[PPPK1] if v is not None)
    assert "Ekspektasi" not in baris_pppk and "Sangat Kurang" not in baris_pppk
    assert "Di Atas Ekspektasi (saran)" in " ".join(str(v) for v in teks[STAF1] if v is not None)
    d = {x["unit"]: x for x in kinerja("distribusi", "-p", "2026", "--format", "json").json()}["DPMPTSP"]
    assert d["sangat_kurang"] == 0 and d["menunggu_realisasi"] == 3  # PPPK1, STAF2, KADIS (no SKP): no predikat yet


def test_r4_periode_ditutup_sebelumnya_tetap_dibaca_sama(p6, kinerja, db_path):
    """A permenpan6 period closed by the code before the fix froze a saran resting on zeros: it reads the same."""
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    with sqlite3.connect(db_path) as c:  # the snapshot as the old code wrote it for PPPK1
        d = json.loads(c.execute("SELECT data FROM hasil_snapshot WHERE periode='2026' AND nip=?", [PPPK1]).fetchone()[0])
        h = d["hasil"]
        h.update(rating_hk="Di Bawah Ekspektasi", rating_hk_turunan="Di Bawah Ekspektasi", rating_pk="Di Bawah Ekspektasi",
                 rating_pk_turunan="Di Bawah Ekspektasi", predikat="Sangat Kurang",
                 sel_matriks="Hasil Kerja Di Bawah Ekspektasi × Perilaku Di Bawah Ekspektasi")
        c.execute("UPDATE hasil_snapshot SET data=? WHERE periode='2026' AND nip=?", [json.dumps(d), PPPK1])
    pppk = _json(kinerja, PPPK1)
    assert (pppk["rating_hasil_kerja"], pppk["rating_perilaku"], pppk["predikat"]) == (
        "Di Bawah Ekspektasi", "Di Bawah Ekspektasi", "Sangat Kurang")
    assert _json(kinerja, STAF1)["predikat"] == "Baik"

