"""Files that are not what they claim, tried against every importer (table-driven).

Each is refused with exit 1, a clear Indonesian message naming the file and the fix, and
nothing written. A workbook declaring a million rows finishes quickly; a workbook open in
Excel (the ~$ lock file beside it) still imports, with a warning.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import ROSTER, buat_xlsx
from test_impor_acak import IMPORTIR, isi_dasar, jumlah_baris

from kinerja_cli import kolom
from kinerja_cli.excel import baca


def _csv(p: Path, tata) -> None:
    p.write_text(";".join(k.judul for k in tata.kolom) + "\n" + ";".join("1" for _ in tata.kolom) + "\n")


def _pdf(p: Path, tata) -> None:
    p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")


def _bersandi(p: Path, tata) -> None:
    # an encrypted .xlsx is an OLE compound file (EncryptionInfo + EncryptedPackage), not a zip
    p.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504 + b"EncryptedPackage" * 32)


def _kosong(p: Path, tata) -> None:
    p.write_bytes(b"")


def _folder(p: Path, tata) -> None:
    p.mkdir()


def _grafik(p: Path, tata) -> None:
    from openpyxl.chart import BarChart

    wb = openpyxl.Workbook()
    wb.create_chartsheet("Grafik").add_chart(BarChart())
    wb.remove(wb.active)
    wb.save(p)


def _ganti_sheet(p: Path, tata, ubah) -> None:
    """Write the headers with openpyxl, then rewrite the sheet XML."""
    dasar = p.with_name("dasar-" + p.name)
    buat_xlsx(dasar, {tata.nama_sheet: [[k.judul for k in tata.kolom]]})
    with zipfile.ZipFile(dasar) as zi, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            data = zi.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = ubah(data.decode()).encode()
            zo.writestr(info, data)
    dasar.unlink()


def _sejuta_baris(p: Path, tata) -> None:
    """Declares A1:XFD1048576, holds only the headers and one stray cell at the very end."""
    def ubah(x: str) -> str:
        x = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', x)
        sel = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>z</t></is></c></row>'
        return x.replace("</sheetData>", sel + "</sheetData>")

    _ganti_sheet(p, tata, ubah)


def _xml_rusak(p: Path, tata) -> None:
    """A valid zip and workbook whose sheet XML breaks halfway (the reader fails while streaming)."""
    _ganti_sheet(p, tata, lambda x: x.replace("</sheetData>", '<row r="2"><c r="A2" t="inlineStr"><is><t>&#7;'
                                              "</t></is></c></row></sheetData>"))


def _kunci_excel(p: Path, tata) -> None:
    """Importing Excel's own lock file: refused (the real file is named in the fix)."""
    p.write_bytes(b"\x0bBudi Santosa" + b"\x20" * 42 + b"B\x00u\x00d\x00i\x00" + b"\x00" * 100)


KHUSUS = {
    # case: (writer, file name, words the message must hold)
    "csv-diganti-nama": (_csv, "data.xlsx", ["bukan berkas Excel", "ganti akhiran namanya menjadi .csv"]),
    "pdf-diganti-nama": (_pdf, "data.xlsx", ["bukan berkas Excel", "pilih berkas tabelnya yang asli"]),
    "bersandi": (_bersandi, "data.xlsx", ["kata sandi", "hapus kata sandinya"]),
    "nol-byte": (_kosong, "data.xlsx", ["kosong (0 byte)", "ambil ulang"]),
    "folder": (_folder, "x.xlsx", ["adalah folder", "Sebutkan berkas"]),
    "hanya-grafik": (_grafik, "data.xlsx", ["hanya grafik", "sheet biasa"]),
    "sejuta-baris-kosong": (_sejuta_baris, "data.xlsx", ["tidak berisi data", "Isi satu baris"]),
    "xml-rusak": (_xml_rusak, "data.xlsx", ["rusak", "simpan ulang"]),
    "berkas-kunci-excel": (_kunci_excel, "~$data.xlsx", ["berkas kunci sementara Excel", "impor data.xlsx"]),
}


@pytest.fixture
def siap(db_siap, kinerja, tmp_path):
    isi_dasar(kinerja, tmp_path)
    return db_siap


def _rata(teks: str) -> str:
    return " ".join(teks.split())


@pytest.mark.parametrize("importir", list(IMPORTIR))
def test_special_files_refused_clearly_and_nothing_written(siap, kinerja, tmp_path, importir):
    perintah, argumen, tata, _ = IMPORTIR[importir]
    for kasus, (tulis, nama, kata) in KHUSUS.items():
        folder = tmp_path / kasus
        folder.mkdir()
        f = folder / nama
        tulis(f, tata)
        sebelum = jumlah_baris(siap)
        mulai = time.perf_counter()
        r = kinerja(*perintah, f, *argumen)
        lama = time.perf_counter() - mulai
        pesan = _rata(r.stderr)
        if kasus == "xml-rusak" and r.exit_code == 0:
            # the fast reader tolerates the bad character; the lone row holds nothing to store
            assert "0 ditambah" in pesan and jumlah_baris(siap) == sebelum, pesan
            continue
        assert r.exit_code == 1, (kasus, r.output)
        assert "Galat:" in pesan and nama in pesan and "Saran:" in pesan, (kasus, pesan)
        if kasus == "xml-rusak" and "ditolak" in pesan:
            # the fast reader tolerates the bad character and the rows are refused one by one instead
            assert "Tidak ada data yang ditulis" in pesan, pesan
        else:
            assert all(k in pesan for k in kata), (kasus, pesan)
        assert jumlah_baris(siap) == sebelum, kasus
        assert lama < 10, (kasus, lama)


_UKUR = """
import resource, sys, time
from kinerja_cli import kolom
from kinerja_cli.excel import baca
mulai = time.perf_counter()
isi = baca.baca_sheet(sys.argv[1], kolom.PEGAWAI)
print(time.perf_counter() - mulai, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, *[b.baris for b in isi.baris])
"""


def _ukur(p: Path) -> tuple[float, int, list[int]]:
    """(seconds, peak resident KiB, data row numbers) of reading `p` in a fresh process."""
    r = subprocess.run([sys.executable, "-c", _UKUR, str(p)], capture_output=True, text=True, check=True)
    lama, puncak, *baris = r.stdout.split()
    return float(lama), int(puncak), [int(b) for b in baris]


def test_million_row_sheet_streams_with_flat_memory(tmp_path):
    """The data rows are read; the declared million-row gap costs time only (no rows materialised)."""
    kecil = buat_xlsx(tmp_path / "kecil.xlsx", {"Pegawai": [[k.judul for k in kolom.PEGAWAI.kolom], ROSTER[0]]})
    p = tmp_path / "besar.xlsx"
    wb = openpyxl.load_workbook(kecil)
    ws = wb.active
    ws.cell(row=1_000_000, column=20, value="jauh di bawah")  # outside the mapped columns
    ws.cell(row=1_000_001, column=1, value=ROSTER[1][0])  # a data row after the gap is not lost
    ws.cell(row=5, column=16384, value="XFD")
    wb.save(p)
    _, dasar, baris = _ukur(kecil)
    assert baris == [2]
    lama, puncak, baris = _ukur(p)
    assert baris == [2, 1_000_001]
    assert puncak - dasar < 20 * 1024, (dasar, puncak)  # KiB: flat, whatever the declared size
    assert lama < 2.5, lama  # 0.3 s here; was 4.7 s: every empty row of the gap was scanned cell by cell


def test_workbook_open_in_excel_still_imports_with_a_warning(db_siap, kinerja, tmp_path):
    from conftest import HEADER_PEGAWAI

    f = buat_xlsx(tmp_path / "pegawai-baru.xlsx", {"Pegawai": [HEADER_PEGAWAI, *ROSTER]})
    (tmp_path / "~$pegawai-baru.xlsx").write_bytes(b"\x04Budi" + b" " * 50)
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0, r.output
    pesan = _rata(r.stderr)
    assert "sedang dibuka di Excel" in pesan and "~$pegawai-baru.xlsx" in pesan
    r = kinerja("pegawai", "impor", tmp_path / "~$pegawai-baru.xlsx")
    assert r.exit_code == 1 and "Tutup berkasnya di Excel lalu impor pegawai-baru.xlsx" in _rata(r.stderr)


def test_no_warning_without_lock_file(db_siap, kinerja, tmp_path):
    from conftest import HEADER_PEGAWAI

    f = buat_xlsx(tmp_path / "pegawai.xlsx", {"Pegawai": [HEADER_PEGAWAI, *ROSTER]})
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0 and "Excel" not in r.stderr


def test_named_chart_sheet_is_refused_with_the_table_sheets_listed(db_siap, kinerja, tmp_path):
    from openpyxl.chart import BarChart

    from conftest import HEADER_PEGAWAI

    p = tmp_path / "campur.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Pegawai"
    for r in [HEADER_PEGAWAI, *ROSTER]:
        wb.active.append(r)
    wb.create_chartsheet("Grafik").add_chart(BarChart())
    wb.save(p)
    r = kinerja("pegawai", "impor", p, "--sheet", "Grafik")
    assert r.exit_code == 1 and "berisi grafik" in r.stderr and "Sheet yang ada: Pegawai" in _rata(r.stderr)
    assert kinerja("pegawai", "impor", p).exit_code == 0  # the chart sheet is skipped when looking for headers


@pytest.mark.parametrize("nama", [".", "", "./"])
@pytest.mark.parametrize("perintah", [["pegawai", "impor"], ["sasaran", "impor", "--periode", "2026"],
                                      ["pelatihan", "impor"]])
def test_a_folder_or_empty_name_is_refused_plainly(db_siap, kinerja, perintah, nama):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    r = kinerja(*perintah[:2], nama, *perintah[2:])
    assert r.exit_code == 1 and "adalah folder, bukan berkas Excel" in r.stderr
    assert "Traceback" not in r.output


def test_a_workbook_of_another_kind_is_named_as_such(db_siap, kinerja, tmp_path):
    """An SKP file given to `pegawai impor` says what it is and which command imports it."""
    skp = buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan",
                                                          "Bobot (%)"], ["198502142010012003", 1, "a", "b", 1, "x", 100]]})
    r = kinerja("pegawai", "impor", skp)
    assert r.exit_code == 1
    teks = " ".join(r.stderr.split())
    assert "tampaknya berkas SKP (sasaran)" in teks and "bukan dengan berkas daftar pegawai" in teks
    assert "kinerja sasaran impor skp.xlsx" in teks and "Traceback" not in r.output
