"""A period closed by another process while an import reads its file: the import writes nothing.

The import checks the period when it starts; `periode tutup` in another process may commit while
the import is still reading and checking rows. The check is repeated under the write lock
(store.db.jaga), so the import is refused with the closed-period message and the frozen results
stay true to the data.
"""

from __future__ import annotations

import sqlite3

import pytest
from conftest import KADIS, STAF1, buat_xlsx

from kinerja_cli.services import impor_umum
from kinerja_cli.services import penutupan
from kinerja_cli.store.db import buka_db

HS = ["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]
HR = ["NIP", "Nomor", "Realisasi"]
SKP = [[KADIS, 1, "Investasi", "Nilai investasi", 100, "%", 100], [STAF1, 1, "Berkas", "Berkas", 50, "dokumen", 100]]


def _hitung(db_path) -> dict:
    with sqlite3.connect(db_path) as c:
        return {t: c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("sasaran", "realisasi", "audit")}


@pytest.fixture
def siap(db_periode, kinerja, tmp_path):
    r = kinerja("sasaran", "impor", buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [HS, *SKP]}), "--periode", "2026")
    assert r.exit_code == 0, r.output
    return db_periode


def _tutup_di_tengah(monkeypatch, db_path):
    """Close the period on another connection right after the import has checked its rows."""
    asli = impor_umum.putuskan

    def putuskan(*a, **k):
        lain = buka_db(db_path)
        try:
            penutupan.tutup(lain, "2026")
        finally:
            lain.close()
        return asli(*a, **k)

    monkeypatch.setattr(impor_umum, "putuskan", putuskan)


@pytest.mark.parametrize("perintah, berkas", [
    ("realisasi", {"Realisasi": [HR, [KADIS, 1, 97], [STAF1, 1, 50]]}),
    ("sasaran", {"Sasaran": [HS, [KADIS, 1, "Investasi", "Nilai investasi", 90, "%", 100]]}),
])
def test_import_refused_when_the_period_closes_meanwhile(siap, kinerja, tmp_path, monkeypatch, perintah, berkas):
    f = buat_xlsx(tmp_path / f"{perintah}.xlsx", berkas)
    _tutup_di_tengah(monkeypatch, siap)
    sebelum = _hitung(siap)
    r = kinerja(perintah, "impor", f, "--periode", "2026")
    assert r.exit_code == 1, r.output
    assert "Periode 2026 sudah ditutup" in r.stderr and "oleh proses lain" in r.stderr
    assert "kinerja periode buka 2026" in r.stderr and "Traceback" not in r.output
    sesudah = _hitung(siap)
    assert sesudah["sasaran"] == sebelum["sasaran"] and sesudah["realisasi"] == sebelum["realisasi"]
    assert sesudah["audit"] == sebelum["audit"] + 1  # only the close itself
    with sqlite3.connect(siap) as c:
        assert c.execute("SELECT status FROM periode WHERE kode = '2026'").fetchone()[0] == "ditutup"
        assert c.execute("SELECT target_lo FROM sasaran WHERE nip = ?", (KADIS,)).fetchone()[0] == "100"
