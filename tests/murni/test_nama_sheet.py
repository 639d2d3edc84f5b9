"""Sheet names and document file names (pure functions)."""

from __future__ import annotations

from kinerja_cli.excel.nama_sheet import bersihkan, nama_berkas, nama_sheet


def test_forbidden_characters_and_length():
    assert bersihkan("Bidang A/B: [Data]*?\\") == "Bidang A-B- -Data----"
    panjang = "Dinas Pemberdayaan Masyarakat Desa dan Kependudukan"
    assert bersihkan(panjang) == panjang[:31] and len(bersihkan(panjang)) == 31
    assert bersihkan("") == "Unit" and bersihkan("   ") == "Unit" and bersihkan(None) == "Unit"
    assert bersihkan("'Kutip'") == "Kutip"


def test_unique_case_insensitive_with_suffix():
    dipakai = {"ringkasan", "rekap", "rincian"}
    assert nama_sheet("Rekap", dipakai) == "Rekap (2)"
    assert nama_sheet("rekap", dipakai) == "rekap (3)"
    a = nama_sheet("Dinas Pemberdayaan Masyarakat Desa A", dipakai)
    b = nama_sheet("Dinas Pemberdayaan Masyarakat Desa B", dipakai)
    assert a == "Dinas Pemberdayaan Masyarakat D" and len(a) == 31
    assert b == "Dinas Pemberdayaan Masyarak (2)" and len(b) == 31
    assert nama_sheet("History", dipakai) == "History (2)"
    assert nama_sheet("A/B", dipakai) == "A-B" and nama_sheet("A:B", dipakai) == "A-B (2)"
    assert len(dipakai) == 10


def test_document_file_name():
    assert nama_berkas("198001012005011002", "Budi Santoso, S.E.") == "198001012005011002_Budi-Santoso.xlsx"
    assert nama_berkas("198001012005011002", "Drs. H. Ahmad Yani") == "198001012005011002_Drs-H-Ahmad-Yani.xlsx"
    assert nama_berkas("198001012005011002", "=1+1") == "198001012005011002_1-1.xlsx"
    assert nama_berkas("198001012005011002", "../../etc") == "198001012005011002_etc.xlsx"
    assert nama_berkas("198001012005011002", "") == "198001012005011002.xlsx"
    # the period's code keeps the documents of two periods apart
    assert nama_berkas("198001012005011002", "Budi Santoso, S.E.", periode="2026-T1") == \
        "198001012005011002_Budi-Santoso_2026-T1.xlsx"
    assert nama_berkas("198001012005011002", "", periode="2025") == "198001012005011002_2025.xlsx"
    panjang = nama_berkas("1", "Sangat Panjang Sekali Namanya Melebihi Empat Puluh Huruf Ya")
    assert len(panjang.split("_", 1)[1]) <= 45
