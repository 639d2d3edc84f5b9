"""Formulas without a stored result read as empty cells: the user is told why."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest
from conftest import KADIS, STAF1, buat_xlsx

from kinerja_cli.excel.rumus import rumus_tanpa_nilai

HS = ["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]


@pytest.fixture
def siap(db_periode, kinerja):
    return db_periode


def _jumlah(db_path) -> dict:
    import sqlite3

    with sqlite3.connect(db_path) as c:
        return {t: c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("pegawai", "sasaran", "audit")}


@pytest.mark.parametrize("perintah, sheet, baris", [
    (["sasaran", "impor"], "Sasaran", [HS, [KADIS, 1, "Investasi", "Nilai", "=5+5", "%", 100]]),
    (["realisasi", "impor"], "Realisasi", [["NIP", "Nomor", "Realisasi"], [KADIS, 1, "=4+5"]]),
    (["perilaku", "impor"], "Perilaku", [["NIP", "NIP Penilai", "Peran", "Berorientasi Pelayanan", "Akuntabel"],
                                         [STAF1, KADIS, "atasan", "=100+5", 100]]),
    (["pegawai", "impor"], "Pegawai", [["NIP", "Nama", "Golongan", "Unit Kerja"],
                                       [STAF1, "Citra", '="III/"&"a"', "DPMPTSP"]]),
])
def test_formula_without_stored_result_refuses_the_file(siap, kinerja, tmp_path, perintah, sheet, baris):
    """A formula cell without a stored value would read as empty (clearing a stored golongan or score,
    or skipping a realisation without a word): the workbook is refused and nothing is written."""
    sebelum = _jumlah(siap)
    f = buat_xlsx(tmp_path / "rumus.xlsx", {sheet: baris})
    periode = [] if perintah[0] == "pegawai" else ["--periode", "2026"]
    r = kinerja(*perintah, f, *periode)
    assert r.exit_code == 1, r.output
    teks = " ".join(r.stderr.split())
    assert f"Impor rumus.xlsx ditolak: 1 sel di sheet '{sheet}' berisi rumus tanpa hasil tersimpan, misalnya" in teks
    assert "Paste Values" in teks and "Traceback" not in r.output
    assert _jumlah(siap) == sebelum


def test_formula_in_another_sheet_does_not_matter(siap, kinerja, tmp_path):
    f = buat_xlsx(tmp_path / "skp.xlsx", {"Hitungan": [["a", "=1+1"]],
                                          "Sasaran": [HS, [KADIS, 1, "Investasi", "Nilai", 10, "%", 100]]})
    r = kinerja("sasaran", "impor", f, "--periode", "2026")
    assert r.exit_code == 0, r.output


def _buku_besar(path):
    """Sheet "Data": 30,000 rows (well over one 1 MB read of sheet XML) of a text cell and a number,
    every 1000th number (from row 8) a formula without a value. The rows are the XML openpyxl's
    write-only sheet writes for them (`ws.append([text, "=A8&\\"x\\"" or i])`), joined as text:
    openpyxl took ~4 s to write them one cell at a time."""
    from xml.sax.saxutils import escape

    wb = openpyxl.Workbook(write_only=True)
    wb.create_sheet("Data")
    wb.save(path)
    baris = []
    for i in range(30000):
        r = i + 1
        b = (f'<c r="B{r}"><f>{escape(f"A{r}&" + chr(34) + "x" + chr(34))}</f><v /></c>' if i % 1000 == 7
             else f'<c r="B{r}" t="n"><v>{i}</v></c>')
        baris.append(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t xml:space="preserve">'
                     f'{f"teks panjang {i} " * 3}</t></is></c>{b}</row>')
    with zipfile.ZipFile(path) as z:
        bagian = {n: z.read(n) for n in z.namelist()}
    lembar = bagian["xl/worksheets/sheet1.xml"].decode()
    bagian["xl/worksheets/sheet1.xml"] = lembar.replace("<sheetData></sheetData>", f"<sheetData>{''.join(baris)}</sheetData>").encode()
    assert bagian["xl/worksheets/sheet1.xml"] != lembar.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, isi in bagian.items():
            z.writestr(n, isi)


def test_scanner_counts_across_chunks_and_ignores_formulas_with_values(tmp_path):
    _buku_besar(tmp_path / "besar.xlsx")
    n, sel = rumus_tanpa_nilai(tmp_path / "besar.xlsx", "Data")
    assert n == 30 and sel[:2] == ["B8", "B1008"]
    # a workbook saved by Excel stores the result next to the formula: nothing to report
    import zipfile

    with zipfile.ZipFile(tmp_path / "excel.xlsx", "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="1"><c r="A1"><f>5+5</f><v>10</v></c>'
                   '<c r="B1" t="str"><f>"a"</f><v>a</v></c></row></sheetData></worksheet>')
    assert rumus_tanpa_nilai(tmp_path / "excel.xlsx") == (0, [])
    assert rumus_tanpa_nilai(tmp_path / "tidak-ada.xlsx") == (0, [])


def test_formula_far_down_a_large_sheet_is_found_by_the_slices(siap, kinerja, tmp_path, monkeypatch):
    """Below the first slices the calamine slices themselves spot the formula (no second pass over the file)."""
    from kinerja_cli.errors import SelGalatExcel
    from kinerja_cli.excel import baca_iris
    from kinerja_cli.kolom import REALISASI
    from kinerja_cli.services import impor_umum

    baris = [["NIP", "Nomor", "Realisasi"]] + [[KADIS, 1, i] for i in range(3000)]
    baris[2500][2] = "=4+5"
    f = buat_xlsx(tmp_path / "besar.xlsx", {"Realisasi": baris})
    monkeypatch.setattr(baca_iris, "IRISAN", 20_000)
    monkeypatch.setattr(baca_iris, "IRISAN_PERTAMA", 4096)
    monkeypatch.setattr(baca_iris, "_POTONG", 4096)
    with pytest.raises(SelGalatExcel, match=r"rumus tanpa hasil tersimpan, misalnya Realisasi!C2501"):
        with impor_umum.alir(f, REALISASI) as isi:
            assert next(isi.baris).baris == 2  # the start of the sheet was read by calamine
            for _ in isi.baris:
                pass
