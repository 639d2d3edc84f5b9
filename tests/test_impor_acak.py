"""Every importer fed random cells under the right headers (hypothesis).

Whatever a cell holds (empty, 40,000 characters, control characters, dates where numbers belong,
booleans, formulas without a cached value, merged cells, a value in column XFD, numbers as text,
'NaN'/'inf', huge numbers, long NIP-like strings, unicode, Excel error cells), every run ends in exit 0 or in
exit 1 with a clear 'Galat:' message, never a traceback (the `kinerja` fixture lets exceptions
through), and a refused or dry-run import writes nothing: every table's row count and the
audit log stay the same. A workbook with an Excel error value in a data cell is always refused.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2, buat_xlsx, contoh
from kinerja_cli import kolom
from kinerja_cli.excel.sel_galat import KODE_GALAT

NIPS = [SEKDA, KADIS, STAF1, STAF2, PPPK1]

# (command, extra arguments, layout, whether it takes --tandai)
IMPORTIR = {
    "pegawai": (["pegawai", "impor"], [], kolom.PEGAWAI, True),
    "sasaran": (["sasaran", "impor"], ["--periode", "2026"], kolom.SASARAN, True),
    "realisasi": (["realisasi", "impor"], ["--periode", "2026"], kolom.REALISASI, True),
    "perilaku": (["perilaku", "impor"], ["--periode", "2026"], kolom.PERILAKU, False),
    "umpan-balik": (["umpan-balik", "impor"], ["--periode", "2026"], kolom.UMPAN_BALIK, False),
    "inovasi": (["inovasi", "impor"], ["--periode", "2026"], kolom.INOVASI, False),
    "pelatihan": (["pelatihan", "impor"], [], kolom.PELATIHAN, False),
    "layanan": (["layanan", "impor"], [], kolom.LAYANAN, False),
}

# Plausible values per field, so that some rows pass and validation goes past the first check.
_NIP = st.sampled_from(NIPS)
# number texts of every shape the issue-12 rule names (refused, ambiguous, grouped, decimal, English)
_TEKS_ANGKA = st.sampled_from(["1.200", "1.000", "100.000", "1.000.000", "1.234,5", "1.200.000", "95,5", "95.5",
                               "12.500", "1_000", "95e2", ",5", "5,", "1.2.3", "1,250.5", "1,250", "80-90",
                               "1.200-1.500", "95%", "-5", "0,125", "1 200", "95 5"])
_ANGKA = st.one_of(st.integers(0, 120), st.sampled_from(["95,5", "100", "12.5", "80-90", "50%"]), _TEKS_ANGKA)
BAIK = {
    "nip": _NIP, "penilai": _NIP, "dari": _NIP, "nip_atasan": st.sampled_from([SEKDA, KADIS, None]),
    "nama": st.sampled_from(["Budi", "Citra Lestari", "Ñoño Ünal"]),
    "unit": st.sampled_from(["DPMPTSP", "Sekretariat Daerah", "Dinas Baru"]),
    "status": st.sampled_from(["PNS", "PPPK", None]),
    "golongan": st.sampled_from(["III/a", "IV/c", "IX", None]),
    "jenis_jabatan": st.sampled_from(["JPT", "pelaksana", "fungsional"]),
    "nomor": st.sampled_from([1, 2, 3]), "rhk_atasan": st.sampled_from([1, None]),
    "jenis": st.sampled_from(["utama", "tambahan", "workshop", "pelatihan"]),
    "aspek": st.sampled_from(["kuantitas", "waktu"]), "arah": st.sampled_from(["naik", "turun", None]),
    "target_maksimal": st.sampled_from(["ya", "tidak", None]),
    "status_skp": st.sampled_from(["draf", "disetujui", None]),
    "peran": st.sampled_from(["atasan", "rekan", "bawahan", "diri"]),
    "tanggal": st.sampled_from([date(2026, 3, 1), "2026-04-02", "15/05/2026"]),
    "periode": st.sampled_from(["2026", "2026-T1", "2026-02"]),
    "target": _ANGKA, "bobot": st.sampled_from([100, 50, "50,0"]), "realisasi": _ANGKA, "nilai": _ANGKA,
    "jp": st.sampled_from([2, "2,5", 20]), **{a: st.one_of(st.integers(0, 120), _TEKS_ANGKA) for a in kolom.ASPEK_BERAKHLAK},
}

# Characters openpyxl can store (XML 1.0 without the C0 controls other than tab/CR/LF).
_HURUF = st.characters(codec="utf-8", exclude_categories=("Cs",),
                       exclude_characters="".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF])))

KACAU = st.one_of(
    st.none(),
    st.sampled_from(["", "   ", "\t", "a\nb", "\r\n", "_x0007_", "\x85\x9f", "\u200b", "\ufeff12", "\u202eabc",
                     "٣٤", "１２３", "NIP", "-", "#N/A", "#REF!", "None", "null", "x" * 40_000, "9" * 300]),
    st.text(_HURUF, max_size=40),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.dates(min_value=date(1900, 3, 1)), st.times(), st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)),
    st.booleans(),
    st.sampled_from(["=1/0", "=A1", "=SUM(A1:A3)", "=NOW()", '=HYPERLINK("http://x")', "+1", "@SUM(1)"]),
    st.integers(-(10**30), 10**30), st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["NaN", "nan", "inf", "-inf", "Infinity", "-5", "-0", "1e308", "1E+400", "1e-400", "9e999999",
                     "1e999999999", "-1e999999999", "1.000,5", "1,2,3", "50%", "%", "1/0", "0x10", " 12 ", "12.",
                     "1_000", "1 000", "1.000.000", "0,0000000001", "٣", "²"]),
    st.text("0123456789 .-", min_size=15, max_size=40),  # NIP-like
    st.sampled_from(["19671110 199203 1 001", "196711101992031001.0", "1.96711101992031E+17", "000000000000000000",
                     "196713401992031001", "99999999999999999999999999"]),
)


@st.composite
def buku(draw, tata):
    """Rows of {header: value} for every column of the layout, plus the oddities to put in."""
    baris = []
    for _ in range(draw(st.integers(1, 4))):
        baris.append([draw(st.one_of(BAIK[k.key], KACAU) if k.key in BAIK else KACAU) for k in tata.kolom])
    ekstra = {
        "gabung": draw(st.none() | st.tuples(st.integers(0, len(tata.kolom) - 1), st.integers(0, 2),
                                             st.integers(1, 3), st.integers(0, 2))),
        "xfd": draw(st.none() | st.sampled_from([1, 2])),  # a value in column XFD on the header or a data row
        "mode": draw(st.sampled_from(["", "--lewati-galat", "--dry-run", "--tandai"])),
        # a real Excel error cell (t="e", as a failed formula is saved) at (data row, column)
        "galat": draw(st.none() | st.tuples(st.integers(0, 3), st.integers(0, len(tata.kolom) - 1),
                                            st.sampled_from(sorted(KODE_GALAT)))),
        # a damaged row number on the last row: twice, back to the previous one, 0, past 1,048,576
        # or a cell of the last row written with another row's number, or twice in its row
        "rusak": draw(st.none() | st.sampled_from(["ganda", "mundur", "nol", "lewat", "sel_lain_baris", "sel_ganda"])),
    }
    return baris, ekstra


def _tulis(path, tata, baris, ekstra):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = tata.nama_sheet
    ws.append([k.judul for k in tata.kolom])
    for r in baris:
        ws.append(r)
    if ekstra["gabung"]:
        c, r, lebar, tinggi = ekstra["gabung"]
        ws.merge_cells(start_row=2 + r, start_column=1 + c, end_row=2 + r + tinggi,
                       end_column=min(1 + c + lebar, len(tata.kolom)))
    if ekstra["xfd"]:
        ws.cell(row=ekstra["xfd"], column=16384, value="di kolom XFD")
    if ekstra.get("galat"):
        r, c, kode = ekstra["galat"]
        sel = ws.cell(row=2 + min(r, len(baris) - 1), column=1 + c)
        if type(sel).__name__ != "MergedCell":
            sel.value = kode
            sel.data_type = "e"
    wb.save(path)
    if ekstra.get("rusak") and not _rusakkan(path, ekstra["rusak"]):
        ekstra["rusak"] = None  # only the header row was written: nothing to damage
    return path


def sel_galat_dan_rumus(path, tata) -> tuple[bool, bool]:
    """(a data cell holds an Excel error value, a cell holds a formula) in the saved workbook."""
    ws = openpyxl.load_workbook(path)[tata.nama_sheet]
    galat = rumus = False
    for row in ws.iter_rows(min_row=2, max_col=len(tata.kolom)):
        for c in row:
            v = c.value
            if isinstance(v, str) and (c.data_type == "e" or v.strip() in KODE_GALAT):
                galat = True
            if c.data_type == "f":
                rumus = True
    return galat, rumus


def _rusakkan(path, cara):
    """Renumber the sheet's last row (and its cells) as a damaged file would have it."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    xml = isi["xl/worksheets/sheet1.xml"].decode()
    nomor = [int(n) for n in re.findall(r'<row r="([0-9]+)"', xml)]
    if len(nomor) < 2:
        return False
    akhir, sebelum = nomor[-1], nomor[-2]
    if cara in ("sel_lain_baris", "sel_ganda"):
        awal = xml.rindex(f'<row r="{akhir}"')
        m = re.compile(r'<c r="([A-Z]+)[0-9]+"[^>]*?(?:/>|>.*?</c>)').search(xml, awal, xml.find("</row>", awal))
        if m is None:
            return False  # a last row without cells: nothing to damage
        sel = m.group(0).replace(f'r="{m.group(1)}{akhir}"', f'r="{m.group(1)}{sebelum}"') if cara == "sel_lain_baris" \
            else m.group(0) * 2
        isi["xl/worksheets/sheet1.xml"] = (xml[:m.start()] + sel + xml[m.end():]).encode()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for n, data in isi.items():
                z.writestr(n, data)
        return True
    baru = {"ganda": sebelum, "mundur": max(sebelum - 1, 1) if sebelum > 1 else 0, "nol": 0, "lewat": 1048577}[cara]
    awal = xml.rindex(f'<row r="{akhir}"')
    ekor = re.sub(rf'(r="[A-Z]+){akhir}"', rf'\g<1>{baru}"', xml[awal:])
    isi["xl/worksheets/sheet1.xml"] = (xml[:awal] + ekor.replace(f'<row r="{akhir}"', f'<row r="{baru}"', 1)).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in isi.items():
            z.writestr(n, data)
    return True


def jumlah_baris(db_path) -> dict:
    with sqlite3.connect(db_path) as c:
        tabel = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {t: c.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tabel}


def isi_dasar(kinerja, tmp_path):
    """The 2026 period and an SKP for KADIS and STAF1, so realisasi rows can land."""
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    hs = ["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]
    skp = [[KADIS, 1, "Investasi", "Nilai", 100, "%", 60], [KADIS, 2, "Izin", "Hari", 5, "hari", 40],
           [STAF1, 1, "Berkas", "Berkas", 50, "dokumen", 100]]
    r = kinerja("sasaran", "impor", buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [hs, *skp]}), "--periode", "2026")
    assert r.exit_code == 0, r.output


def periksa_satu(kinerja, db_path, tmp_path, nama, baris, ekstra):
    perintah, argumen, tata, bisa_tandai = IMPORTIR[nama]
    f = _tulis(tmp_path / "acak.xlsx", tata, baris, ekstra)
    mode = ekstra["mode"]
    opsi = [] if not mode or (mode == "--tandai" and not bisa_tandai) else [mode]
    if mode == "--tandai" and bisa_tandai:
        (tmp_path / "acak.galat.xlsx").unlink(missing_ok=True)  # an earlier example's: never overwritten unasked
        opsi.append(tmp_path / "acak.galat.xlsx")
    # a damaged row number (up to 1,048,577) would make openpyxl build every row: refused before, not needed
    galat, rumus = (False, False) if ekstra.get("rusak") else sel_galat_dan_rumus(f, tata)
    sebelum = jumlah_baris(db_path)
    r = kinerja(*perintah, f, *argumen, *opsi)
    assert r.exit_code in (0, 1), r.output
    assert "Traceback" not in r.output
    if ekstra.get("rusak"):  # a damaged row number: the file is refused as damaged, no row dropped
        assert r.exit_code == 1 and "rusak" in r.stderr, r.output
    if galat and not ekstra.get("rusak"):  # an error cell is never read as empty: refused (even with --lewati-galat), nothing written
        assert r.exit_code == 1, r.output
        assert "berisi galat Excel" in r.stderr or rumus, r.output  # (a formula without a result: refused first)
    if r.exit_code == 1:
        assert "Galat:" in r.stderr, r.output
        assert jumlah_baris(db_path) == sebelum
    elif "--dry-run" in opsi:
        assert jumlah_baris(db_path) == sebelum


def _uji(nama):
    tata = IMPORTIR[nama][2]

    @settings(max_examples=contoh(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=buku(tata))
    def uji(db_siap, kinerja, tmp_path, data):
        if not (tmp_path / "skp.xlsx").exists():
            isi_dasar(kinerja, tmp_path)
        periksa_satu(kinerja, db_siap, tmp_path, nama, *data)

    uji.__name__ = f"test_acak_{nama.replace('-', '_')}"
    return uji


test_acak_pegawai = _uji("pegawai")
test_acak_sasaran = _uji("sasaran")
test_acak_realisasi = _uji("realisasi")
test_acak_perilaku = _uji("perilaku")
test_acak_umpan_balik = _uji("umpan-balik")
test_acak_inovasi = _uji("inovasi")
test_acak_pelatihan = _uji("pelatihan")
test_acak_layanan = _uji("layanan")


@pytest.fixture(autouse=True)
def _lebar(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
