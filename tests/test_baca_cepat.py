"""The calamine reading path and the openpyxl path give the same rows; percent formats use openpyxl."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from kinerja_cli.excel import baca_cepat
from kinerja_cli.excel.baca import baca_sheet, baca_sheet_openpyxl
from kinerja_cli.kolom import PERILAKU, REALISASI, SASARAN

from conftest import STAF1, STAF2, buat_xlsx

HEADER = ["NIP", "Nama", "Nomor", "Realisasi", "Bukti"]


def _sama(path, tata):
    a, b = baca_sheet(path, tata), baca_sheet_openpyxl(path, tata)
    assert (a.sheet, a.baris_judul, a.huruf, a.judul) == (b.sheet, b.baris_judul, b.huruf, b.judul)
    assert a.baris == b.baris
    for x, y in zip(a.baris, b.baris):  # same types too (1 == 1.0 would hide an int/float difference)
        assert {k: type(v) for k, v in x.nilai.items()} == {k: type(v) for k, v in y.nilai.items()}
    return a


def test_values_types_and_positions_are_identical(tmp_path):
    path = buat_xlsx(tmp_path / "r.xlsx", {"Catatan": [["bukan data"]], "Realisasi": [
        [None], ["Rekap realisasi"], HEADER,
        [STAF1, "  Citra  ", 1, 95, "https://contoh/bukti"],
        [STAF1, "Citra", 2, 95.5, None],
        [196711101992031001, "NIP angka", 3, "95,5", ""],  # NIP stored as a number
        [STAF2, None, 4.0, 12345678, "   "],
        [None, None, None, None, None],  # empty row: skipped by both
        [STAF2, "Dewi", 5, datetime(2026, 3, 1, 8, 30), date(2026, 1, 2)],
        [STAF2, "Dewi", 6, True, 0],
        [f" {STAF2} ", "Dewi", 7, -0.0, 1e20],  # (a formula without a stored result refuses the file: test_rumus)
    ]})
    isi = _sama(path, REALISASI)
    assert not baca_cepat.ada_format_persen(path)
    nilai = {b.baris: b.nilai for b in isi.baris}
    assert isi.baris_judul == 3 and sorted(nilai) == [4, 5, 6, 7, 9, 10, 11]
    assert nilai[4] == {"nip": STAF1, "nama": "Citra", "nomor": 1, "realisasi": 95, "bukti": "https://contoh/bukti"}
    assert isinstance(nilai[6]["nip"], float)  # still a number: the NIP check refuses it
    assert nilai[7]["bukti"] is None and nilai[5]["bukti"] is None
    assert nilai[9]["realisasi"] == datetime(2026, 3, 1, 8, 30)
    assert all(b.format == {} for b in isi.baris)


def test_text_nip_stays_text_and_leading_columns(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sasaran"
    ws["C3"], ws["D3"], ws["E3"], ws["F3"], ws["G3"] = "NIP", "RHK", "Indikator", "Target", "Bobot (%)"
    ws["C4"], ws["D4"], ws["E4"], ws["F4"], ws["G4"] = STAF1, "RHK", "IKI", "80-90", 100
    ws["C4"].number_format = "@"
    path = tmp_path / "s.xlsx"
    wb.save(path)
    isi = _sama(path, SASARAN)
    assert isi.huruf["nip"] == "C" and isi.baris[0].nilai["nip"] == STAF1 and isi.baris[0].nilai["target"] == "80-90"


def test_percent_format_goes_to_openpyxl_with_format(tmp_path, monkeypatch):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    ws.append(HEADER)
    ws.append([STAF1, "Citra", 1, 0.95, None])
    ws["D2"].number_format = "0%"
    path = tmp_path / "p.xlsx"
    wb.save(path)
    assert baca_cepat.ada_format_persen(path)
    dipanggil = []
    monkeypatch.setattr(baca_cepat, "buka", lambda p: dipanggil.append(p))
    isi = baca_sheet(path, REALISASI)
    assert dipanggil == [] and isi.baris[0].format == {"realisasi": "0%"}


def test_custom_percent_format_detected(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append([STAF1, "Citra", 1, 0.955, None])
    ws["D2"].number_format = "0.0%"
    wb.save(tmp_path / "p.xlsx")
    assert baca_cepat.ada_format_persen(tmp_path / "p.xlsx")
    assert baca_sheet(tmp_path / "p.xlsx", REALISASI).baris[0].format == {"realisasi": "0.0%"}


@pytest.mark.parametrize("fmt", ["0.00", "yyyy-mm-dd", "@"])
def test_other_formats_use_calamine(tmp_path, fmt):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Perilaku"
    ws.append(["NIP", "NIP Penilai", "Peran", "Akuntabel"])
    ws.append([STAF1, STAF2, "rekan", 100])
    ws["D2"].number_format = fmt
    wb.save(tmp_path / "f.xlsx")
    assert not baca_cepat.ada_format_persen(tmp_path / "f.xlsx")
    _sama(tmp_path / "f.xlsx", PERILAKU)


def test_calamine_failure_falls_back(tmp_path, monkeypatch):
    path = buat_xlsx(tmp_path / "r.xlsx", {"Realisasi": [HEADER, [STAF1, "Citra", 1, 95, None]]})

    def rusak(p):
        raise RuntimeError("calamine cannot read this")

    monkeypatch.setattr(baca_cepat, "PembacaCalamineXlsx", rusak)
    assert baca_sheet(path, REALISASI).baris[0].nilai["realisasi"] == 95


def test_plain_workbook_really_takes_the_fast_path(tmp_path, monkeypatch):
    """A silent fallback to openpyxl would keep results right but lose the speed: forbid it here."""
    from conftest import HEADER_PEGAWAI, ROSTER, buat_xlsx
    from kinerja_cli.excel import baca
    from kinerja_cli.kolom import PEGAWAI

    f = buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": [HEADER_PEGAWAI, *ROSTER]})

    def tidak_boleh(*a, **k):
        raise AssertionError("openpyxl path used for a workbook without percent formats")

    monkeypatch.setattr(baca, "baca_sheet_openpyxl", tidak_boleh)
    isi = baca.baca_sheet(f, PEGAWAI)
    assert len(isi.baris) == len(ROSTER) and isi.baris[0].nilai["nip"] == ROSTER[0][0]
