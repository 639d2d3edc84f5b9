"""The streaming reader: calamine in slices, openpyxl, and the switch between them give the same rows.

The workbooks here are written as raw XML (as Excel and other tools write them): shared and
inline strings (rich text too), formulas with cached values, booleans, dates in both date
systems, empty styled cells, gaps, leading empty columns, a header below row 1.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from kinerja_cli.errors import BerkasTidakValid
from kinerja_cli.excel import baca, baca_cepat, baca_iris, pembaca
from kinerja_cli.excel.baca import baca_sheet, baca_sheet_openpyxl
from kinerja_cli.kolom import PEGAWAI, REALISASI
from kinerja_cli.services import impor_umum

from conftest import HEADER_PEGAWAI, ROSTER, STAF1, STAF2, buat_xlsx

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_STYLES = (f'<styleSheet {_NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>'
           '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/>'
           '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/>'
           '<xf numFmtId="164"/><xf numFmtId="2"/></cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def tulis_mentah(path: Path, baris_xml: str, sst: list[str], date1904: bool = False, sheet: str = "Realisasi") -> Path:
    """A workbook whose one sheet holds exactly `baris_xml` inside <sheetData>."""
    si = "".join(f"<si>{s}</si>" for s in sst)
    bagian = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/data.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook {_NS} xmlns:r="{_R}"><workbookPr date1904="{int(date1904)}"/>'
        f'<sheets><sheet name="{sheet}" sheetId="1" r:id="rId7"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId7" Type="{_R}/worksheet" Target="/xl/worksheets/data.xml"/>'
        f'<Relationship Id="rId8" Type="{_R}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId9" Type="{_R}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": _STYLES,
        "xl/sharedStrings.xml": f'<sst {_NS} count="{len(sst)}" uniqueCount="{len(sst)}">{si}</sst>',
        "xl/worksheets/data.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {_NS}>'
        f'<dimension ref="B1:H30"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        f'<sheetData>{baris_xml}</sheetData><mergeCells count="1"><mergeCell ref="B1:D1"/></mergeCells></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, isi in bagian.items():
            z.writestr(nama, isi)
    return path


SST = ["<t>NIP</t>", "<t>Nama</t>", "<t>Nomor</t>", "<t>Realisasi</t>", "<t>Bukti</t>",
       f"<t>{STAF1}</t>", '<t xml:space="preserve">  Citra  </t>', "<r><t>Dew</t></r><r><rPr><b/></rPr><t>i</t></r>",
       '<t xml:space="preserve">   </t>', f"<t>{STAF2}</t>", "<t>A &amp; B &lt;x&gt;</t>"]


def _s(ref: str, i: int) -> str:
    return f'<c r="{ref}" t="s"><v>{i}</v></c>'


def _inline(ref: str, teks: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{teks}</t></is></c>'


def baris_rumit() -> str:
    """Header in row 3 from column B, every kind of cell below it, a gap, a stray column H."""
    return "".join([
        f'<row r="1" spans="2:6">{_inline("B1", "Rekap realisasi")}</row>',
        f'<row r="3">{"".join(_s(f"{c}3", i) for i, c in enumerate("BCDEF"))}</row>',
        f'<row r="4">{_s("B4", 5)}{_s("C4", 6)}<c r="D4"><v>1</v></c><c r="E4"><f>D4*95</f><v>95</v></c>'
        f'<c r="F4" t="b"><v>1</v></c></row>',
        f'<row r="5">{_s("B5", 5)}<c r="C5" t="inlineStr"><is><r><t>Ci</t></r><r><rPr><i/></rPr>'
        f'<t xml:space="preserve">tra </t></r></is></c><c r="D5"><v>2.5</v></c><c r="E5" s="1"><v>46023</v></c>'
        f'<c r="F5" s="2"><v>46023.75</v></c></row>',
        '<row r="6"><c r="B6" s="3"/><c r="C6" s="3"/></row>',
        '<row r="7"/>',
        f'<row r="8">{_s("B8", 9)}{_s("C8", 7)}<c r="D8" t="str"><f>"3"</f><v>3</v></c>'
        f'<c r="E8" t="b"><v>0</v></c>{_s("F8", 8)}</row>',
        f'<row r="20" ht="15" customHeight="1">{_inline("B20", " " + STAF2 + " ")}{_s("C20", 10)}'
        f'<c r="D20"><v>1E+20</v></c><c r="E20"><v>-0</v></c><c r="F20" s="3"><v>95.5</v></c>'
        f'<c r="H20"><v>7</v></c></row>',
        f'<row r="21"><c r="B21"><v>1.96711101992031E+17</v></c>{_inline("C21", "NIP angka")}'
        '<c r="D21"><v>3</v></c><c r="E21" t="str"><v>95,5</v></c><c r="F21" s="1"><v>1</v></c></row>',
        '<row r="22"><c r="H22"><v>1</v></c></row>',
        f'<row r="25">{_s("B25", 9)}<c r="E25"><v>12345678.25</v></c></row>',
    ])


def _sama(a, b):
    assert (a.sheet, a.baris_judul, a.huruf, a.judul) == (b.sheet, b.baris_judul, b.huruf, b.judul)
    assert a.baris == b.baris
    for x, y in zip(a.baris, b.baris):  # same types too (1 == 1.0 == True would hide a difference)
        assert {k: type(v) for k, v in x.nilai.items()} == {k: type(v) for k, v in y.nilai.items()}, x.baris


@pytest.fixture
def irisan_kecil(monkeypatch):
    """Slices of about one row each, grids of at most 60 cells: every cut and split path is taken."""
    monkeypatch.setattr(baca_iris, "IRISAN_PERTAMA", 1)
    monkeypatch.setattr(baca_iris, "IRISAN", 1)
    monkeypatch.setattr(baca_iris, "_POTONG", 40)
    monkeypatch.setattr(baca_iris, "BATAS_SEL", 60)


def _hitung_irisan(monkeypatch) -> list:
    """Record every slice calamine parses (the first row of each)."""
    tercatat = []
    asli = baca_iris.LembarIris.irisan

    def irisan(self, *a, **k):
        for r0, c0, rows in asli(self, *a, **k):
            tercatat.append(r0 + 1)
            yield r0, c0, rows

    monkeypatch.setattr(baca_iris.LembarIris, "irisan", irisan)
    return tercatat


@pytest.mark.parametrize("date1904", [False, True])
def test_tricky_sheet_same_rows_from_every_path(tmp_path, monkeypatch, date1904):
    f = tulis_mentah(tmp_path / "r.xlsx", baris_rumit(), SST, date1904)
    openpyxl_ = baca_sheet_openpyxl(f, REALISASI)
    cepat = baca_sheet(f, REALISASI)
    _sama(cepat, openpyxl_)
    nilai = {b.baris: b.nilai for b in cepat.baris}
    assert cepat.baris_judul == 3 and cepat.huruf["nip"] == "B" and sorted(nilai) == [4, 5, 8, 20, 21, 25]
    assert nilai[4] == {"nip": STAF1, "nama": "Citra", "nomor": 1, "realisasi": 95, "bukti": True}
    assert nilai[5]["nama"] == "Citra" and nilai[5]["nomor"] == 2.5
    assert nilai[5]["realisasi"].year == (2030 if date1904 else 2026) and nilai[5]["bukti"].hour == 18
    assert nilai[8] == {"nip": STAF2, "nama": "Dewi", "nomor": "3", "realisasi": False, "bukti": None}
    assert nilai[20]["nip"] == STAF2 and nilai[20]["nama"] == "A & B <x>" and nilai[20]["nomor"] == 1e20
    assert isinstance(nilai[21]["nip"], float) and nilai[21]["realisasi"] == "95,5"
    assert all(b.format == {} for b in cepat.baris)
    dicatat = _hitung_irisan(monkeypatch)
    for batas in (60, 6):  # row-sized slices, then grids so small that slices are split again
        monkeypatch.setattr(baca_iris, "IRISAN_PERTAMA", 1)
        monkeypatch.setattr(baca_iris, "IRISAN", 1)
        monkeypatch.setattr(baca_iris, "_POTONG", 40)
        monkeypatch.setattr(baca_iris, "BATAS_SEL", batas)
        dicatat.clear()
        _sama(baca_sheet(f, REALISASI), openpyxl_)
        assert len(dicatat) >= 6, dicatat


def test_roster_same_rows_in_one_slice_and_in_many(tmp_path, monkeypatch, irisan_kecil):
    baris = [HEADER_PEGAWAI] + [[f"{i:02d}" + r[0][2:], *r[1:]] for i in range(40) for r in ROSTER]
    f = buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": baris})
    dicatat = _hitung_irisan(monkeypatch)
    banyak = baca_sheet(f, PEGAWAI)
    assert len(dicatat) > 50
    monkeypatch.undo()
    _sama(banyak, baca_sheet_openpyxl(f, PEGAWAI))
    _sama(baca_sheet(f, PEGAWAI), banyak)
    assert len(banyak.baris) == 200


def test_alir_reads_slice_by_slice_as_rows_are_consumed(tmp_path, monkeypatch):
    """The stream holds one slice at a time: after the first row only the first slices were parsed."""
    baris = [HEADER_PEGAWAI] + [[f"{i:04d}" + r[0][4:], *r[1:]] for i in range(600) for r in ROSTER]
    f = buat_xlsx(tmp_path / "besar.xlsx", {"Pegawai": baris})
    monkeypatch.setattr(baca_iris, "IRISAN", 20_000)
    monkeypatch.setattr(baca_iris, "_POTONG", 4096)
    dicatat = _hitung_irisan(monkeypatch)
    with impor_umum.alir(f, PEGAWAI) as isi:
        assert not isinstance(isi.baris, list)
        assert next(isi.baris).baris == 2
        assert len(dicatat) <= 2
        sisa = list(isi.baris)
    assert len(dicatat) > 20 and len(sisa) == 2999 and sisa[-1].baris == 3001
    assert dicatat == sorted(dicatat)


def test_a_slice_calamine_cannot_take_is_read_on_by_openpyxl(tmp_path, monkeypatch, irisan_kecil):
    """Rows without numbers from row 8 on (legal XML): slicing stops there, openpyxl reads the rest."""
    xml = baris_rumit().replace('<row r="8">', "<row>").replace('<row r="20" ', "<row ")
    xml = xml.replace('r="B8"', "").replace('r="C8"', "").replace('r="D8"', "").replace('r="E8"', "")
    xml = xml.replace('r="F8"', "")
    f = tulis_mentah(tmp_path / "r.xlsx", xml, SST)
    openpyxl_ = baca_sheet_openpyxl(f, REALISASI)
    dipakai = []
    asli = pembaca.PembacaOpenpyxl.__init__
    monkeypatch.setattr(pembaca.PembacaOpenpyxl, "__init__", lambda self, p: dipakai.append(p) or asli(self, p))
    cepat = baca_sheet(f, REALISASI)
    assert dipakai == [f]  # openpyxl opened once, to read on after the last calamine row
    _sama(cepat, openpyxl_)
    assert [b.baris for b in cepat.baris][:2] == [4, 5]


def test_sheet_broken_midway_raises_while_streaming(tmp_path, monkeypatch, irisan_kecil):
    xml = baris_rumit()
    potong = xml.index('<row r="20"')
    f = tulis_mentah(tmp_path / "r.xlsx", xml[:potong] + '<row r="20"><c r="B20" t="inlineStr"><is><t>x', SST)
    with impor_umum.alir(f, REALISASI) as isi:
        dibaca = []
        with pytest.raises(BerkasTidakValid) as e:
            for b in isi.baris:
                dibaca.append(b.baris)
    assert dibaca == [4, 5, 8] and "rusak" in e.value.pesan


def test_refusals_happen_before_the_first_row(tmp_path):
    hanya_judul = buat_xlsx(tmp_path / "judul.xlsx", {"Pegawai": [HEADER_PEGAWAI]})
    salah = buat_xlsx(tmp_path / "salah.xlsx", {"Pegawai": [["Nomor", "Nama"], ["1", "x"]]})
    (tmp_path / "bukan.xlsx").write_text("NIP;Nama\n1;x\n")
    for f, kata in [(hanya_judul, "tidak berisi data"), (salah, "kolom wajib tidak ditemukan"),
                    (tmp_path / "bukan.xlsx", "bukan berkas Excel"), (tmp_path / "tidak-ada.xlsx", "tidak ditemukan")]:
        with pytest.raises(Exception) as e:
            with impor_umum.alir(f, PEGAWAI):
                pytest.fail("yielded")
        assert kata in e.value.pesan, (f, e.value.pesan)


def test_percent_workbook_streams_with_openpyxl(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    ws.append(["NIP", "Nama", "Nomor", "Realisasi", "Bukti"])
    for i in range(50):
        ws.append([STAF1, "Citra", i + 1, 0.95, None])
        ws.cell(row=i + 2, column=4).number_format = "0%"
    wb.save(tmp_path / "p.xlsx")
    with impor_umum.alir(tmp_path / "p.xlsx", REALISASI) as isi:
        assert not isinstance(isi.baris, list)
        baris = list(isi.baris)
    assert len(baris) == 50 and baris[0].format == {"realisasi": "0%"}


def test_grid_bound_holds_for_a_stray_cell_far_away(tmp_path, monkeypatch):
    """Rows 2 and 1,000,000 never share a slice: each grid stays under BATAS_SEL cells."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Pegawai"
    ws.append(HEADER_PEGAWAI)
    ws.append(ROSTER[0])
    ws.cell(row=1_000_000, column=1, value=ROSTER[1][0])
    ws.cell(row=3, column=16384, value="XFD")
    f = tmp_path / "jauh.xlsx"
    wb.save(f)
    luas = []
    asli = baca_iris.LembarIris.irisan

    def irisan(self, *a, **k):
        for r0, c0, rows in asli(self, *a, **k):
            luas.append(len(rows) * len(rows[0]))
            yield r0, c0, rows

    monkeypatch.setattr(baca_iris.LembarIris, "irisan", irisan)
    isi = baca_sheet(f, PEGAWAI)
    assert [b.baris for b in isi.baris] == [2, 1_000_000] and isi.baris[1].nilai["nip"] == ROSTER[1][0]
    assert max(luas) <= baca_iris.BATAS_SEL


def test_no_temporary_files_and_calamine_only_path(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "mkstemp", lambda *a, **k: pytest.fail("temporary file"))
    f = buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": [HEADER_PEGAWAI, *ROSTER]})
    monkeypatch.setattr(pembaca.PembacaOpenpyxl, "__init__", lambda self, p: pytest.fail("openpyxl used"))
    assert baca_cepat.buka(f) is not None
    assert [b.nilai["nip"] for b in baca_sheet(f, PEGAWAI).baris] == [r[0] for r in ROSTER]


def test_roster_broken_midway_imports_nothing(db_siap, kinerja, tmp_path, monkeypatch, irisan_kecil):
    """The rows before the damage were read and checked, then the import is refused: nothing written."""
    import sqlite3

    from conftest import HEADER_PEGAWAI as H

    judul = "".join(f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>' for i, h in enumerate(H))
    baru = ["196501011990031001", "Orang Baru", None, None, None, "Unit Baru", None, "PNS"]
    sel = "".join(f'<c r="{chr(65 + i)}2" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(baru) if v)
    baris = [f'<row r="1">{judul}</row>', f'<row r="2">{sel}</row>',
             '<row r="3"><c r="A3" t="inlineStr"><is><t>1990']  # the file breaks off here
    f = tulis_mentah(tmp_path / "rusak.xlsx", "".join(baris), [], sheet="Pegawai")
    db = sqlite3.connect(db_siap)
    sebelum = [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("pegawai", "audit")]
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1 and "rusak" in r.stderr, r.output
    assert [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("pegawai", "audit")] == sebelum
