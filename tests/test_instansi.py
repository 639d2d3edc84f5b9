"""`kinerja instansi`, `kinerja unit singkatan`, and the recap/documents that take kop, place and
signatories from the profile (issue 16 §1, §4). Workbooks are read back with openpyxl; where
LibreOffice is installed they are printed to PDF and their pages counted."""

from __future__ import annotations

import shutil
import sqlite3
import struct
import subprocess
import zipfile
import zlib

import openpyxl
import pytest
from cetak_bantu import cetak_pdf
from conftest import SEKDA, STAF1
from data_nilai import isi

NIP_TTD = "198009082009041482"
NIP_CETAK = "NIP. 19800908 200904 1 482"
PANJANG_DPM = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"


def _png(lebar: int = 40, tinggi: int = 20) -> bytes:
    """A real (tiny) PNG, written by hand."""
    def potong(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    mentah = b"".join(b"\x00" + b"\x20\x40\x90" * lebar for _ in range(tinggi))
    return (b"\x89PNG\r\n\x1a\n" + potong(b"IHDR", struct.pack(">IIBBBBB", lebar, tinggi, 8, 2, 0, 0, 0))
            + potong(b"IDAT", zlib.compress(mentah)) + potong(b"IEND", b""))


def _profil(kinerja, tmp_path, *extra):
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png())
    r = kinerja("instansi", "--pemda", "Pemerintah Kabupaten Tanah Datar", "--nama", "Badan Kepegawaian Daerah",
                "--tempat", "Batusangkar", "--alamat", "Jl. Sudirman No. 1", "--kontak", "Telp. (0752) 71000",
                "--logo", logo, "--kepala-nama", "Eka Putra", "--kepala-jabatan", "bupati",
                "--ttd-jabatan", "Kepala BKD", "--ttd-nama", "Yusnita, S.H.", "--ttd-nip", "19800908 200904 1 482",
                "--ttd-pangkat", "iv/a", *extra)
    assert r.exit_code == 0, r.output
    return r


def _siap(kinerja, db_path):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_path)


def _teks(ws) -> list[str]:
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


# -- the profile -----------------------------------------------------------------


def test_profile_set_show_audit_and_checks(db_siap, kinerja, tmp_path):
    r = kinerja("instansi")
    assert r.exit_code == 0 and "profil instansi belum diisi — kinerja instansi --help" in r.stderr
    r = _profil(kinerja, tmp_path)
    assert "Profil instansi diubah: Pemerintah daerah" in r.stderr
    p = kinerja("instansi", "--format", "json").json()
    assert p["pemda"] == "Pemerintah Kabupaten Tanah Datar" and p["tempat"] == "Batusangkar"
    assert p["kepala_jabatan"] == "Bupati" and p["ttd_nip"] == NIP_TTD  # normalised
    assert p["ttd_pangkat"] == "Pembina (IV/a)" and p["logo"].startswith("PNG 40x20 piksel")
    assert NIP_CETAK in kinerja("instansi").stdout
    # audited: old and new values, the logo described (not its bytes)
    jejak = [x for x in kinerja("riwayat", "--format", "json").json() if x["tabel"] == "instansi"]
    assert len(jejak) == 1 and jejak[0]["aksi"] == "tambah" and "Batusangkar" in str(jejak[0])
    r = kinerja("instansi", "--tempat", "Pariangan", "--alamat", "")
    assert r.exit_code == 0
    p = kinerja("instansi", "--format", "json").json()
    assert p["tempat"] == "Pariangan" and p["alamat"] is None and p["pemda"] == "Pemerintah Kabupaten Tanah Datar"
    jejak = [x for x in kinerja("riwayat", "--format", "json").json() if x["tabel"] == "instansi"]
    assert len(jejak) == 2 and "Batusangkar" in str(jejak[0]) and "Pariangan" in str(jejak[0])
    # refused, nothing changed
    for args, pesan in ((["--ttd-nip", "123"], "NIP penandatangan rekap '123' tidak valid: NIP harus 18 digit"),
                        (["--kepala-jabatan", "Camat"], "Jabatan kepala daerah 'Camat' tidak dikenal"),
                        (["--ttd-pangkat", "Penata, IV/c"], "Pangkat 'Penata' tidak cocok dengan golongan IV/c"),
                        (["--ttd-pangkat", "Jenderal"], "Pangkat 'Jenderal' tidak dikenal")):
        r = kinerja("instansi", *args)
        assert r.exit_code == 1 and pesan in r.stderr, r.stderr
    assert kinerja("instansi", "--format", "json").json() == p


def test_logo_is_checked_and_stored_in_the_database(db_siap, kinerja, db_path, tmp_path):
    palsu = tmp_path / "logo.png"
    palsu.write_text("bukan gambar")
    terpotong = tmp_path / "potong.png"
    terpotong.write_bytes(_png()[:-12])
    besar = tmp_path / "besar.jpg"
    besar.write_bytes(b"\xff\xd8\xff" + b"\x00" * (1024 * 1024 + 10))
    for berkas, pesan in ((tmp_path / "tidak-ada.png", "tidak ditemukan"),
                          (palsu, "bukan gambar PNG atau JPG"),
                          (terpotong, "rusak atau terpotong"),
                          (besar, "terlalu besar"),
                          (tmp_path, "bukan berkas gambar")):
        r = kinerja("instansi", "--logo", berkas)
        assert r.exit_code == 1 and pesan in r.stderr, (berkas, r.stderr)
    asli = tmp_path / "logo-asli.png"
    asli.write_bytes(_png())
    assert kinerja("instansi", "--logo", asli, "--pemda", "Pemerintah Kota Solok").exit_code == 0
    asli.unlink()  # stored as a blob: the source file is no longer needed
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT logo, logo_jenis FROM instansi").fetchone() == (_png(), "png")
    _siap(kinerja, db_path)
    f = tmp_path / "dok.xlsx"
    assert kinerja("ekspor", "dokumen", STAF1, f, "--periode", "2026").exit_code == 0
    with zipfile.ZipFile(f) as z:
        media = [n for n in z.namelist() if n.startswith("xl/media/")]
        assert len(media) == 1 and z.read(media[0]) == _png()
    assert kinerja("instansi", "--hapus-logo").exit_code == 0
    assert kinerja("instansi", "--format", "json").json()["logo"] is None


def test_old_database_gets_the_new_tables(db_siap, kinerja, db_path):
    """A database made before this change (no instansi/unit_singkatan tables) is upgraded on open."""
    with sqlite3.connect(db_path) as c:
        c.execute("DROP TABLE instansi")
        c.execute("DROP TABLE unit_singkatan")
        c.execute("DELETE FROM _sqlite_migrations WHERE name = '0002_instansi_profil'")
    assert kinerja("instansi", "--tempat", "Solok").exit_code == 0
    assert kinerja("instansi", "--format", "json").json()["tempat"] == "Solok"


# -- unit short names ------------------------------------------------------------


def test_unit_short_name_set_listed_and_used(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE pegawai SET unit = ? WHERE unit = 'DPMPTSP'", [PANJANG_DPM])
    r = kinerja("unit", "singkatan", "penanaman modal", "DPMPTSP")
    assert r.exit_code == 0 and f"Singkatan unit {PANJANG_DPM}: DPMPTSP" in r.stderr
    assert {u["unit"]: u["singkatan"] for u in kinerja("unit", "daftar", "--format", "json").json()} == {
        PANJANG_DPM: "DPMPTSP", "Sekretariat Daerah": None}
    r = kinerja("unit", "singkatan", "Sekretariat Daerah", "dpmptsp")
    assert r.exit_code == 1 and "sudah dipakai unit lain" in r.stderr
    r = kinerja("unit", "singkatan", "Sekretariat Daerah", "Setda/Kota")
    assert r.exit_code == 1 and "tidak dapat dipakai sebagai nama sheet" in r.stderr
    assert kinerja("unit", "singkatan", "Sekretariat Daerah", "Setda").exit_code == 0
    assert any(x["tabel"] == "unit_singkatan" for x in kinerja("riwayat", "--format", "json").json())
    f = tmp_path / "r.xlsx"
    assert kinerja("ekspor", "rekap", f, "--periode", "2026", "--per-unit").exit_code == 0
    wb = openpyxl.load_workbook(f)
    assert wb.sheetnames[-2:] == ["DPMPTSP", "Setda"]  # official names, no made-up acronym (DPMPTSP/SD)
    assert PANJANG_DPM in wb["DPMPTSP"]["A1"].value  # the full name stays in the title
    assert "DPMPTSP" in [c.value for c in wb["Rekap"]["F"]]  # the narrow Unit column
    r = kinerja("unit", "singkatan", "Setda", "--hapus")  # the short name names its unit too
    assert r.exit_code == 0 and "Sekretariat Daerah" in r.stderr and "(sebelumnya Setda)" in r.stderr
    assert kinerja("unit", "singkatan", "Setda", "--hapus").exit_code == 1  # gone: no unit is named Setda now


# -- the recap for the leadership ------------------------------------------------


def _cetak_benar(ws, lanskap=True):
    assert str(ws.page_setup.paperSize) == "9", ws.title
    assert ws.page_setup.orientation == ("landscape" if lanskap else "portrait"), ws.title
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True, ws.title
    assert ws.oddFooter.center.text == "Halaman &P dari &N", ws.title
    # repeated header rows on every table sheet; not on Ringkasan and a one-page Dampak, whose chart pages
    # would carry them too (print titles are per sheet)
    assert bool(ws.print_title_rows) == (ws.title not in ("Ringkasan", "Dampak")), ws.title


def test_recap_kop_signature_counts_print(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    _profil(kinerja, tmp_path)
    f = tmp_path / "rekap.xlsx"
    r = kinerja("ekspor", "rekap", f, "--periode", "2026", "--per-unit", "--tanggal", "2026-12-15")
    assert r.exit_code == 0 and "profil instansi" not in r.stderr
    wb = openpyxl.load_workbook(f)
    rs = wb["Ringkasan"]
    # kop: pemda, instansi, address, contact, centred over the table (merged), with the logo
    assert [rs.cell(row=i, column=1).value for i in range(1, 5)] == [
        "PEMERINTAH KABUPATEN TANAH DATAR", "BADAN KEPEGAWAIAN DAERAH", "Jl. Sudirman No. 1", "Telp. (0752) 71000"]
    assert {"A1:O1", "A2:O2", "A4:O4"} <= {str(m) for m in rs.merged_cells.ranges}
    with zipfile.ZipFile(f) as z:  # openpyxl reads images back only with Pillow: look in the file
        assert [z.read(n) for n in z.namelist() if n.startswith("xl/media/")] == [_png()]
    teks = _teks(rs)
    # counts that agree: 5 employees, 4 in the spread, the Sekda (no data) named and why
    assert "Jumlah pegawai: 5: 4 dinilai (masuk sebaran predikat), 1 belum punya data periode ini" in " ".join(teks)
    assert any(t.startswith("Belum punya data: Drs. H. Ahmad Yani (Sekretariat Daerah)") for t in teks)
    kepala = next(c.row for c in rs["A"] if c.value == "Unit Kerja")
    judul = [c.value for c in rs[kepala]]
    total = next(c.row for c in rs["A"] if c.value == "Jumlah")
    assert rs.cell(total, 2).value + rs.cell(total, judul.index("Belum Punya Data") + 1).value == 5
    # signature block: place and date, jabatan, name, pangkat, NIP printed the customary way
    ttd = [t for t in teks if t.startswith("Batusangkar, 15 Desember 2026")]
    assert ttd == [f"Batusangkar, 15 Desember 2026\nKepala BKD,\n\n\n\nYusnita, S.H.\nPembina (IV/a)\n{NIP_CETAK}"]
    sel_ttd = next(c for row in rs.iter_rows() for c in row if c.value == ttd[0])
    assert sel_ttd.alignment.horizontal == "center" and sel_ttd.alignment.wrap_text
    assert rs.column_dimensions[sel_ttd.column_letter].width >= 40  # the right-hand Kurva column
    # the charts start a new page (never split) and there are two of them
    assert len(rs._charts) == 2 and rs.row_breaks.brk
    # no file path anywhere; every sheet prints properly
    for ws in wb:
        assert not any(db_path.name in t or "basis data" in t for t in _teks(ws)), ws.title
        _cetak_benar(ws)
    for unit in ("DPMPTSP", "Sekretariat Daerah"):  # each unit sheet is signed too, over Predikat and Catatan
        ws = wb[unit]
        sel = next(c for row in ws.iter_rows() for c in row if str(c.value).startswith("Batusangkar, 15 Desember"))
        assert sel.value.endswith(NIP_CETAK) and f"{sel.coordinate}:K{sel.row}" in {str(m) for m in ws.merged_cells}
    assert not any(t.startswith("Batusangkar") for t in _teks(wb["Rekap"]))  # all units: signed on Ringkasan
    pg = wb["Pengembangan"]
    assert pg.print_title_rows == "$4:$4" and pg.row_dimensions[4].height >= 30  # header never cut
    dp = wb["Dampak"]
    assert dp.print_title_rows is None  # its table fits one page: no header printed over the chart pages


def test_recap_without_profile_neutral_with_warning(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    f = tmp_path / "rekap.xlsx"
    r = kinerja("ekspor", "rekap", f, "--periode", "2026", "--tanggal", "2026-12-15")
    assert r.exit_code == 0
    assert "Peringatan: profil instansi belum diisi — kinerja instansi --help" in r.stderr
    wb = openpyxl.load_workbook(f)
    rs = wb["Ringkasan"]
    assert rs["A1"].value == "REKAPITULASI PENILAIAN KINERJA PEGAWAI"
    with zipfile.ZipFile(f) as z:
        assert not [n for n in z.namelist() if n.startswith("xl/media/")]
    ttd = [t for t in _teks(rs) if "15 Desember 2026" in t][0]
    assert ttd.startswith("……………………, 15 Desember 2026") and "NIP. ……" in ttd
    # the evaluation document too: neutral kop, dotted place, the same one-line warning
    d = tmp_path / "dok.xlsx"
    r = kinerja("ekspor", "dokumen", STAF1, d, "--periode", "2026", "--tanggal", "2026-12-15")
    assert r.exit_code == 0 and "profil instansi belum diisi — kinerja instansi --help" in r.stderr
    ws = openpyxl.load_workbook(d).active
    assert ws["A1"].value == "DOKUMEN EVALUASI KINERJA PEGAWAI" and "……………………, 15 Desember 2026" in _teks(ws)
    assert ws.page_setup.fitToHeight == 1  # one A4 page, whatever the kop adds
    # a profile without a signatory: the warning names what is missing
    assert kinerja("instansi", "--pemda", "Pemerintah Kota Solok", "--nama", "BKPSDM", "--tempat", "Solok").exit_code == 0
    r = kinerja("ekspor", "rekap", f, "--periode", "2026", "--timpa")
    assert "profil instansi belum lengkap (penandatangan rekap) — kinerja instansi --help" in r.stderr


def test_optional_pangkat_and_column_numbers(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    f = tmp_path / "rekap.xlsx"
    assert kinerja("ekspor", "rekap", f, "--periode", "2026", "--pangkat", "--nomor-kolom").exit_code == 0
    ws = openpyxl.load_workbook(f)["Rekap"]
    kepala = next(c.row for c in ws["A"] if c.value == "No")
    judul = [c.value for c in ws[kepala]]
    assert judul[4:7] == ["Golongan", "Pangkat", "Unit"]
    assert [c.value for c in ws[kepala + 1]] == [f"({i})" for i in range(1, len(judul) + 1)]
    assert ws.print_title_rows == f"${kepala}:${kepala + 1}"  # both rows repeat on every page
    baris = {ws.cell(r, 2).value: ws.cell(r, 6).value for r in range(kepala + 2, kepala + 7)}
    assert baris[SEKDA] == "Pembina Utama Madya" and baris[STAF1] == "Penata Muda"
    assert "-" in baris.values()  # the PPPK has a golongan but no pangkat


# -- printed through LibreOffice ---------------------------------------------------


def _buku_tercetak(kinerja, db_path, folder):
    """The workbooks of test_printed_pages, printed in the session's soffice run."""
    _siap(kinerja, db_path)
    _profil(kinerja, folder)
    rekap, dok = folder / "rekap.xlsx", folder / "dok.xlsx"
    assert kinerja("ekspor", "rekap", rekap, "--periode", "2026", "--per-unit").exit_code == 0
    assert kinerja("ekspor", "dokumen", STAF1, dok, "--periode", "2026").exit_code == 0
    return [rekap, dok]


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler-utils not installed")
@cetak_pdf(_buku_tercetak)
def test_printed_pages(cetakan):
    halaman = {}
    for nama in ("rekap", "dok"):
        t = subprocess.run(["pdftotext", "-layout", str(cetakan / f"{nama}.pdf"), "-"], check=True,
                           capture_output=True, text=True).stdout
        halaman[nama] = [h for h in t.split("\f") if h.strip()]
    assert len(halaman["dok"]) == 1  # the evaluation document: one A4 page
    p = halaman["rekap"]
    # Ringkasan (table + signature; the charts on their own page), Rekap, Rincian, Pengembangan, Dampak
    # (no service indicators here: no charts), two unit sheets: one page each
    assert len(p) == 8, [h.strip().splitlines()[0] for h in p]
    assert all(f"Halaman {i} dari 8" in h for i, h in enumerate(p, 1))
    assert "Yusnita, S.H." in p[0] and NIP_CETAK in p[0] and "Sebaran predikat kinerja pegawai" in p[1]
    pengembangan = next(h for h in p if "Pengembangan Kompetensi Pegawai" in h)
    assert "Kekurangan" in pengembangan and "Kekuranga\n" not in pengembangan
    for unit in ("Sekretariat Daerah", "DPMPTSP"):
        h = next(h for h in p if f"— {unit}" in h)
        assert "Yusnita, S.H." in h and NIP_CETAK in h and "Kepala BKD," in h  # signed, block not split
