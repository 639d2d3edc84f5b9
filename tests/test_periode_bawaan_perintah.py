"""The default period (`kinerja periode pakai`) reaches every command that takes --periode, including
`templat`, whose --periode is optional (for `templat atasan`) and so outside Click's default_map."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import KADIS, STAF1, buat_xlsx


@pytest.fixture
def bawaan(db_periode, kinerja, monkeypatch, tmp_path):
    monkeypatch.delenv("KINERJA_PERIODE", raising=False)
    assert kinerja("periode", "pakai", "2026").exit_code == 0
    return tmp_path


def test_templat_takes_the_default_period(bawaan, kinerja):
    f = bawaan / "isi.xlsx"
    r = kinerja("templat", f)
    assert r.exit_code == 0, r.output
    assert "Periode: 2026 (bawaan)" in r.stderr and "wajib" not in r.output
    assert "Templat periode 2026" in r.output and "Sasaran" in openpyxl.load_workbook(f).sheetnames
    assert kinerja("periode", "pakai", "--lupakan").exit_code == 0
    r = kinerja("templat", bawaan / "lain.xlsx")
    assert r.exit_code == 2 and "--periode wajib diisi" in r.stderr and "kinerja periode pakai" in r.stderr


def test_every_period_command_gets_the_default(bawaan, kinerja):
    d = bawaan
    kosong = buat_xlsx(d / "kosong.xlsx", {"Rating": [["NIP", "Nama", "Rating Hasil Kerja", "Rating Perilaku Kerja",
                                                     "Alasan", "NIP Penilai"]]})
    perintah = [
        ("ekspor", "rekap", d / "rekap.xlsx"),
        ("ekspor", "dokumen", STAF1, d / "dok.xlsx"),
        ("ekspor", "skp", STAF1, d / "skp.xlsx"),
        ("impor", kosong),
        ("evaluasi", "catat", STAF1, "--rekomendasi", "Pertahankan"),
        ("rating", "impor", kosong),
        ("rating", "terima-saran", "--unit", "DPMPTSP", "--oleh", KADIS, "--alasan", "sesuai", "--dry-run"),
        ("templat", d / "t.xlsx"),
    ]
    for args in perintah:
        r = kinerja(*args)
        assert "Periode: 2026 (bawaan)" in r.stderr, (args, r.output)
        assert r.exit_code != 2 and "wajib" not in r.stderr, (args, r.output)
