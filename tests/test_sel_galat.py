"""Excel error cells (#N/A, #REF!, #DIV/0!...) are refused on every reader path, never read as empty.

A failed VLOOKUP in "NIP Atasan" once erased the stored atasan (calamine reads #N/A as ''),
an error in a BerAKHLAK aspect replaced a stored 110 with nothing, and a #DIV/0! realisation
was "belum diisi". Now every path names the cell, the error and the fix, and writes nothing.
"""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest
from conftest import HEADER_PEGAWAI, KADIS, ROSTER, STAF1, STAF2, buat_xlsx

from kinerja_cli.errors import SelGalatExcel
from kinerja_cli.excel import baca, baca_iris, pembaca
from kinerja_cli.excel.baca import baca_sheet, baca_sheet_openpyxl
from kinerja_cli.kolom import REALISASI
from kinerja_cli.excel.sel_galat import KODE_GALAT, dalam_xml

SEPULUH = ["#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"]
HR = ["NIP", "Nama", "Nomor", "Realisasi", "Bukti"]
PERBAIKAN = "perbaiki rumusnya di Excel atau tempel sebagai nilai (Paste Special > Values)"


def _galat(ws, koordinat: str, kode: str) -> None:
    """A real error cell (t="e"), as Excel saves a failed formula's result."""
    ws[koordinat] = kode
    ws[koordinat].data_type = "e"


def _buku_galat(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    ws.append(["Rekap realisasi", "#N/A"])  # above the header: not data
    ws.append(HR)
    for i, kode in enumerate(SEPULUH):
        ws.append([STAF1, "Citra", i + 1, 90 + i, None])
        _galat(ws, f"{'ABCDE'[i % 5]}{i + 3}", kode)
    ws.append([STAF2, "Dewi", 11, "#DIV/0!", None])
    ws["D13"].data_type = "s"  # the error typed as text: refused the same way
    ws.append([STAF2, "Dewi", 12, 95, None])  # a good row after them
    _galat(ws, "G5", "#REF!")  # outside the data columns: not read, not refused
    wb.save(path)
    return path


def _tolakan(fungsi, *args):
    with pytest.raises(SelGalatExcel) as e:
        fungsi(*args)
    return e.value


def _sama(a: SelGalatExcel, b: SelGalatExcel) -> None:
    assert (a.pesan, a.saran) == (b.pesan, b.saran)
    assert a.masalah == b.masalah


def test_every_path_refuses_the_same_cells_with_the_same_messages(tmp_path, monkeypatch):
    f = _buku_galat(tmp_path / "galat.xlsx")
    lewat_openpyxl = _tolakan(baca_sheet_openpyxl, f, REALISASI)
    monkeypatch.setattr(pembaca.PembacaOpenpyxl, "__init__", lambda self, p: pytest.fail("calamine path fell back to openpyxl"))
    cepat = _tolakan(baca_sheet, f, REALISASI)
    _sama(cepat, lewat_openpyxl)
    for ukuran, batas in ((1, 60), (1, 6)):  # slices of about one row, then grids split again
        monkeypatch.setattr(baca_iris, "IRISAN_PERTAMA", ukuran)
        monkeypatch.setattr(baca_iris, "IRISAN", ukuran)
        monkeypatch.setattr(baca_iris, "_POTONG", 40)
        monkeypatch.setattr(baca_iris, "BATAS_SEL", batas)
        _sama(_tolakan(baca_sheet, f, REALISASI), lewat_openpyxl)
    m = lewat_openpyxl.masalah
    sel = [(x.baris, x.huruf, x.nilai) for x in m]
    assert sel == [(i + 3, "ABCDE"[i % 5], kode) for i, kode in enumerate(SEPULUH)] + [(13, "D", "#DIV/0!")]
    assert m[2].pesan == "Sel Realisasi!C5 berisi galat Excel #DIV/0!, bukan nilai" and m[2].saran == PERBAIKAN
    assert m[2].kolom == "C (Nomor)"  # the heading found in the file (h14 Q2)
    assert lewat_openpyxl.pesan.startswith("Impor galat.xlsx ditolak: 11 sel di sheet 'Realisasi' berisi galat Excel (")
    assert all(k in lewat_openpyxl.pesan for k in SEPULUH) and "Tidak ada data yang ditulis" in lewat_openpyxl.pesan
    assert "Paste Special > Values" in lewat_openpyxl.saran


def test_a_workbook_without_error_cells_reads_as_before(tmp_path):
    f = buat_xlsx(tmp_path / "baik.xlsx", {"Realisasi": [HR, [STAF1, "#hashtag", 1, 95, "# N/A"]]})
    assert baca_sheet(f, REALISASI).baris == baca_sheet_openpyxl(f, REALISASI).baris
    assert baca_sheet(f, REALISASI).baris[0].nilai["nama"] == "#hashtag"


def test_error_cells_in_the_xml_of_a_slice():
    xml = (b'<row r="3"><x:c r="B3" s="1" t="e"><f>VLOOKUP(A3,T,2,0)</f><v>#N/A</v></x:c>'
           b'<c r="C3" t="e"/><c t="e" r="D3"><v>#SPILL!</v></c><c r="E3" t="s"><v>4</v></c>'
           b'<c r="F3" t="e"><v>#BLOCKED!</v></c></row>')
    galat, baru = dalam_xml(xml)
    assert galat == [("B", 3, "#N/A"), ("D", 3, "#SPILL!"), ("F", 3, "#BLOCKED!")]
    # calamine refuses error values it does not know; it reads every error as '' anyway
    assert b"#SPILL!" not in baru and b"#BLOCKED!" not in baru and baru.count(b"#N/A") == 3
    assert dalam_xml(b'<row r="1"><c r="A1"><v>1</v></c></row>') == ([], b'<row r="1"><c r="A1"><v>1</v></c></row>')
    assert set(SEPULUH) == KODE_GALAT


def test_error_far_down_a_large_sheet_is_found_by_the_slices(tmp_path, monkeypatch):
    from kinerja_cli.kolom import REALISASI as R
    from kinerja_cli.services import impor_umum

    baris = [["NIP", "Nomor", "Realisasi"]] + [[KADIS, 1, i] for i in range(3000)]
    baris[2500][2] = "#DIV/0!"
    f = buat_xlsx(tmp_path / "besar.xlsx", {"Realisasi": baris})
    monkeypatch.setattr(baca_iris, "IRISAN", 20_000)
    monkeypatch.setattr(baca_iris, "IRISAN_PERTAMA", 4096)
    monkeypatch.setattr(baca_iris, "_POTONG", 4096)
    monkeypatch.setattr(pembaca.PembacaOpenpyxl, "__init__", lambda self, p: pytest.fail("calamine path fell back to openpyxl"))
    dibaca = []
    with pytest.raises(SelGalatExcel, match=r"misalnya Realisasi!C2501\."):
        with impor_umum.alir(f, R) as isi:
            for b in isi.baris:
                dibaca.append((b.baris, b.nilai["realisasi"]))
    assert len(dibaca) == 3000 and dibaca[-1] == (3001, 2999)  # every row was read, then the refusal came
    assert dibaca[2499] == (2501, None)  # (never stored: the refusal rolls the import back)


# --- the commands -------------------------------------------------------------------------------------------

def _q(db_path, sql, *args):
    with sqlite3.connect(db_path) as c:
        return c.execute(sql, args).fetchall()


def _audit(db_path) -> int:
    return _q(db_path, "SELECT COUNT(*) FROM audit")[0][0]


def _teks(r) -> str:
    return " ".join(r.stderr.split())


def test_pegawai_na_in_nip_atasan_keeps_the_stored_atasan(db_siap, kinerja, tmp_path, db_path):
    rows = [list(x) for x in ROSTER]
    rows[2][6] = "#N/A"  # a failed VLOOKUP of Citra's atasan
    f = buat_xlsx(tmp_path / "roster.xlsx", {"Pegawai": [HEADER_PEGAWAI, *rows]})
    sebelum = _audit(db_path)
    r = kinerja("pegawai", "impor", f, "--tandai", tmp_path / "roster.galat.xlsx")
    assert r.exit_code == 1, r.output
    t = _teks(r)
    assert "Sel Pegawai!G4 berisi galat Excel #N/A, bukan nilai" in t and "Paste Special > Values" in t
    assert "Tidak ada data yang ditulis" in t and "diubah" not in r.stderr
    assert _q(db_path, "SELECT nip_atasan FROM pegawai WHERE nip = ?", STAF1) == [(KADIS,)]
    assert _audit(db_path) == sebelum
    # the marked copy shows the cell red, with the error and the fix in its comment
    ws = openpyxl.load_workbook(tmp_path / "roster.galat.xlsx")["Pegawai"]
    assert ws["G4"].fill.start_color.rgb.endswith("FFC7CE") and "#N/A" in ws["G4"].comment.text
    assert "Paste Special > Values" in ws["G4"].comment.text
    # even with --lewati-galat: the sheet is refused, not the row skipped as if the cell were empty
    r = kinerja("pegawai", "impor", f, "--lewati-galat")
    assert r.exit_code == 1 and _q(db_path, "SELECT nip_atasan FROM pegawai WHERE nip = ?", STAF1) == [(KADIS,)]


@pytest.mark.parametrize("kolom, kode", [("NIP", "#REF!"), ("Nama", "#NAME?")])
def test_error_in_nip_or_nama_is_named_not_called_empty(db_siap, kinerja, tmp_path, kolom, kode):
    rows = [list(x) for x in ROSTER]
    rows[1][HEADER_PEGAWAI.index(kolom)] = kode
    r = kinerja("pegawai", "impor", buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": [HEADER_PEGAWAI, *rows]}))
    assert r.exit_code == 1
    huruf = "AB"[HEADER_PEGAWAI.index(kolom)]
    assert f"Sel Pegawai!{huruf}3 berisi galat Excel {kode}" in _teks(r)
    assert "NIP kosong" not in r.stderr and "Nama kosong" not in r.stderr


@pytest.fixture
def periode(db_periode, kinerja, tmp_path):
    hs = ["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]
    r = kinerja("sasaran", "impor", buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [
        hs, [KADIS, 1, "Investasi", "Nilai", 100, "%", 60], [KADIS, 2, "Izin", "Hari", 5, "hari", 40]]}),
        "--periode", "2026")
    assert r.exit_code == 0, r.output
    return db_periode


def test_perilaku_value_error_keeps_a_stored_110(periode, kinerja, tmp_path, db_path):
    judul = ["NIP", "NIP Penilai", "Peran", "Berorientasi Pelayanan", "Akuntabel"]
    baik = buat_xlsx(tmp_path / "p1.xlsx", {"Perilaku": [judul, [STAF1, KADIS, "atasan", 110, 100]]})
    assert kinerja("perilaku", "impor", baik, "--periode", "2026").exit_code == 0
    sebelum = _audit(db_path)
    salah = buat_xlsx(tmp_path / "p2.xlsx", {"Perilaku": [judul, [STAF1, KADIS, "atasan", "#VALUE!", 100]]})
    r = kinerja("perilaku", "impor", salah, "--periode", "2026")
    assert r.exit_code == 1, r.output
    assert "Sel Perilaku!D2 berisi galat Excel #VALUE!" in _teks(r) and "Paste Special > Values" in _teks(r)
    assert _q(db_path, "SELECT pelayanan, akuntabel FROM perilaku WHERE nip = ?", STAF1) == [("110", "100")]
    assert _audit(db_path) == sebelum


def test_realisasi_div0_is_refused_not_left_unfilled(periode, kinerja, tmp_path, db_path):
    f = buat_xlsx(tmp_path / "r.xlsx", {"Realisasi": [["NIP", "Nomor", "Realisasi"], [KADIS, 1, 97], [KADIS, 2, "#DIV/0!"]]})
    sebelum = _audit(db_path)
    r = kinerja("realisasi", "impor", f, "--periode", "2026", "--tandai", tmp_path / "r.galat.xlsx")
    assert r.exit_code == 1, r.output
    t = _teks(r)
    assert "Sel Realisasi!C3 berisi galat Excel #DIV/0!" in t and "belum diisi" not in t
    assert _q(db_path, "SELECT COUNT(*) FROM realisasi")[0][0] == 0 and _audit(db_path) == sebelum
    assert "Sel galat ditandai merah di" in t


@pytest.mark.parametrize("perintah, sheet, baris, sel", [
    (["sasaran", "impor", "--periode", "2026"], "Sasaran",
     [["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"], [STAF1, 1, "Berkas", "Berkas", "#REF!", "dok", 100]],
     "Sasaran!E2"),
    (["pelatihan", "impor"], "Pelatihan",
     [["NIP", "Kegiatan", "Tanggal", "JP"], [STAF1, "Diklat", "2026-03-01", "#NUM!"]], "Pelatihan!D2"),
    (["layanan", "impor"], "Layanan",
     [["Unit Kerja", "Indikator", "Periode", "Nilai"], ["DPMPTSP", "Izin", "2026", "#NULL!"]], "Layanan!D2"),
    (["umpan-balik", "impor", "--periode", "2026"], "Umpan Balik",
     [["NIP", "Dari", "Tanggal", "Catatan"], [STAF1, KADIS, "2026-03-01", "#N/A"]], "'Umpan Balik'!D2"),
])
def test_every_importer_refuses_and_writes_nothing(periode, kinerja, tmp_path, db_path, perintah, sheet, baris, sel):
    sebelum = {t: _q(db_path, f"SELECT COUNT(*) FROM {t}")[0][0] for t in ("sasaran", "pelatihan", "audit")}
    r = kinerja(*perintah[:2], buat_xlsx(tmp_path / "x.xlsx", {sheet: baris}), *perintah[2:])
    assert r.exit_code == 1, r.output
    assert f"Sel {sel} berisi galat Excel" in _teks(r) and "Paste Special > Values" in _teks(r)
    assert {t: _q(db_path, f"SELECT COUNT(*) FROM {t}")[0][0] for t in sebelum} == sebelum
