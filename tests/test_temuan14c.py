"""Re-tester findings on issue 14 (h14): saran counts leave out people without data (Q1), one pejabat penilai
per rating (Q3, migration 0014_rating_oleh_per_rating), the Rating import's error-cell column (Q2), the
penilaian-360 wording under permenpan6 (Q4), and smaller texts (Q5)."""

from __future__ import annotations

import json
import sqlite3

from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2
from data_nilai import isi


def _satu(teks: str) -> str:
    return " ".join(teks.split())


def _tetapkan(kinerja, nip, *args):
    r = kinerja("rating", "tetapkan", nip, "-p", "2026", *args)
    assert r.exit_code == 0, r.output
    return r


# --- Q1: a result without any data is "belum punya data", never "still saran" ---------------------------

def test_no_data_is_not_counted_as_saran_anywhere(db_siap, kinerja, db_path):
    """data_nilai: SEKDA has no data at all; STAF1's ratings set → saran: STAF2, PPPK1, KADIS (3), not SEKDA."""
    assert kinerja("periode", "buat", "2026").exit_code == 0
    isi(db_path)
    _tetapkan(kinerja, STAF1, "--hasil-kerja", "di-atas", "--perilaku", "sesuai", "--alasan", "bukti dukung")
    rows = {b["nip"]: b for b in kinerja("nilai", "-p", "2026", "--format", "json").json()}
    assert "rating_belum_ditetapkan" not in rows[SEKDA]["catatan"]
    assert [n for n, b in rows.items() if "rating_belum_ditetapkan" in b["catatan"]] == sorted(
        [STAF2, PPPK1, KADIS], key=list(rows).index)
    st = kinerja("status", "-p", "2026", "--format", "json").json()
    assert {u["unit"]: u["rating_belum_ditetapkan"] for u in st} == {"Sekretariat Daerah": 0, "DPMPTSP": 3}
    rinci = {b["nip"]: b for b in kinerja("status", "-p", "2026", "--rinci", "--format", "json").json()}
    assert "rating masih saran" not in rinci[SEKDA]["kurang"]
    assert "rating masih saran" in rinci[STAF2]["kurang"]
    r = kinerja("periode", "tutup", "2026", "--ya")
    assert r.exit_code == 0, r.output
    t = _satu(r.stderr)
    assert "3 hasil dibekukan masih berupa saran rating" in t
    assert "(1 tanpa data sama sekali)" in t
