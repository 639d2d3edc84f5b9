"""A period closed by the version before model.Rekaman (snapshot rows as it stored them, in
tests/data/snapshot-head.jsonl) still reads back everywhere with the same numbers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

LAMA = Path(__file__).parent / "data" / "snapshot-head.jsonl"
PENUH, KOSONG = "197111142003121408", "199505012017052559"


def _tutup_dengan_snapshot_lama(kinerja, db_path):
    assert kinerja("periode", "buat", "2026", "--metode", "permenpan6").exit_code == 0
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    teks = LAMA.read_text(encoding="utf-8").splitlines()
    with sqlite3.connect(db_path) as c:
        c.execute("DELETE FROM hasil_snapshot WHERE periode = '2026'")
        c.executemany("INSERT INTO hasil_snapshot (periode, nip, data) VALUES ('2026', ?, ?)",
                      [(KOSONG, teks[0]), (PENUH, teks[1])])
    return teks


def test_old_snapshot_in_nilai_bandingkan_and_recap(db_siap, kinerja, db_path, tmp_path):
    import openpyxl

    teks = _tutup_dengan_snapshot_lama(kinerja, db_path)
    d = {x["nip"]: x for x in kinerja("nilai", "--periode", "2026", "--format", "json").json()}
    p = d[PENUH]
    assert (p["nhk"], p["npk"], p["na"], p["predikat"]) == (109.63, 87.39, 100.73, "Baik")
    assert p["rating_hasil_kerja"] == "Di Atas Ekspektasi" and p["rating_hasil_kerja_langsung"] and p["ada_data"]
    assert d[KOSONG]["ada_data"] is False and d[KOSONG]["catatan"][0] == "tanpa_sasaran"
    b = {x["nip"]: x for x in kinerja("nilai", "--periode", "2026", "--bandingkan", "--format", "json").json()}
    assert (b[PENUH]["nhk"], b[PENUH]["npk"], b[PENUH]["predikat_permenpan6"]) == (109.63, 87.39, "Baik")
    f = tmp_path / "rekap.xlsx"
    assert kinerja("ekspor", "rekap", f, "--periode", "2026").exit_code == 0
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(f)["Rekap"].iter_rows()]
    baris = [x for x in rows if x[1] == PENUH][0]
    assert baris[6] == 109.63 and baris[-2] == "Baik" and "target utama terlampaui" in baris[-1]
    with sqlite3.connect(db_path) as c:  # reading never rewrites the frozen rows
        assert [r[0] for r in c.execute("SELECT data FROM hasil_snapshot ORDER BY nip DESC")] == teks
