"""`kinerja realisasi impor|catat` on real workbooks, read back from the real database."""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest
from conftest import KADIS, STAF1, STAF2, buat_xlsx

HS = ["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]
HR = ["NIP", "Nama", "Nomor", "Indikator", "Target", "Satuan", "Realisasi", "Bukti"]


@pytest.fixture
def siap(db_periode, kinerja, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "2000")
    skp = [[KADIS, 1, "Investasi", "Nilai investasi", 100, "%", 60], [KADIS, 2, "Izin", "Hari", 5, "hari", 40],
           [STAF1, 1, "Berkas", "Berkas", 50, "dokumen", 100]]
    r = kinerja("sasaran", "impor", buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [HS, *skp]}), "--periode", "2026")
    assert r.exit_code == 0, r.output
    return db_periode


def q(db_path, sql, *args):
    with sqlite3.connect(db_path) as c:
        c.row_factory = sqlite3.Row
        return [dict(r) for r in c.execute(sql, args)]


def n(db_path, tabel):
    return q(db_path, f"SELECT COUNT(*) AS n FROM {tabel}")[0]["n"]


def impor(kinerja, tmp_path, rows, nama="real.xlsx", *opsi, header=HR):
    f = buat_xlsx(tmp_path / nama, {"Realisasi": [header, *rows]})
    return kinerja("realisasi", "impor", f, "--periode", "2026", *opsi)


def realisasi(db_path):
    return {(x["nip"], x["nomor"]): (x["nilai"], x["bukti"])
            for x in q(db_path, "SELECT nip, nomor, nilai, bukti FROM realisasi")}


BAIK = [[KADIS, "Budi", 1, "x", 100, "%", "97,5", "laporan.pdf"], [KADIS, "Budi", 2, "x", 5, "hari", 4, None],
        [STAF1, "Citra", 1, "x", 50, "dokumen", None, None]]


def test_good_file_reimport_and_change(siap, kinerja, tmp_path):
    audit0 = n(siap, "audit")
    r = impor(kinerja, tmp_path, BAIK)
    assert r.exit_code == 0, r.output
    assert "realisasi 2 ditambah, 0 diubah, 0 tetap, 1 belum diisi (sel kosong)" in r.stderr
    assert realisasi(siap) == {(KADIS, 1): ("97.5", "laporan.pdf"), (KADIS, 2): ("4", None)}
    assert n(siap, "audit") == audit0 + 2
    r = impor(kinerja, tmp_path, BAIK, "lagi.xlsx")
    assert "0 ditambah, 0 diubah, 2 tetap" in r.stderr and n(siap, "audit") == audit0 + 2
    ubah = [list(x) for x in BAIK]
    ubah[1][6], ubah[2][6] = 3, 48
    r = impor(kinerja, tmp_path, ubah, "ubah.xlsx")
    assert "1 ditambah, 1 diubah, 1 tetap, 0 belum diisi" in r.stderr
    assert realisasi(siap)[(KADIS, 2)] == ("3", None) and realisasi(siap)[(STAF1, 1)] == ("48", None)
    log = q(siap, "SELECT kunci, aksi, lama, baru FROM audit WHERE id > ? ORDER BY id", audit0 + 2)
    assert [(x["kunci"], x["aksi"]) for x in log] == [(f"2026/{KADIS}/2", "ubah"), (f"2026/{STAF1}/1", "tambah")]
    assert '"nilai": "4"' in log[0]["lama"] and '"nilai": "3"' in log[0]["baru"]
    # re-importing the SKP keeps the realisations
    d = kinerja("sasaran", "daftar", "--periode", "2026", "--nip", KADIS, "--format", "json").json()
    assert [x["realisasi"] for x in d] == [97.5, 3]


def test_percent_cell_only_when_satuan_is_percent(siap, kinerja, tmp_path):
    f = buat_xlsx(tmp_path / "p.xlsx", {"Realisasi": [HR, [KADIS, "", 1, "", "", "", None, None],
                                                      [STAF1, "", 1, "", "", "", None, None]]})
    wb = openpyxl.load_workbook(f)
    ws = wb["Realisasi"]
    ws["G2"], ws["G2"].number_format = 0.95, "0%"
    ws["G3"], ws["G3"].number_format = 0.5, "0%"  # satuan dokumen: read as is, with a warning
    wb.save(f)
    r = kinerja("realisasi", "impor", f, "--periode", "2026")
    assert r.exit_code == 0, r.output
    assert realisasi(siap) == {(KADIS, 1): ("95", None), (STAF1, 1): ("0.5", None)}
    assert "satuan SKP-nya bukan %" in r.stderr


def test_every_error_kind_nothing_written(siap, kinerja, tmp_path):
    audit0 = n(siap, "audit")
    rows = [
        [int(KADIS), "", 1, "", "", "", 90, None],  # 2: NIP as number
        ["199912312020121999", "", 1, "", "", "", 90, None],  # 3: unknown NIP
        [KADIS, "", 4, "", "", "", 90, None],  # 4: no SKP row 4
        [KADIS, "", 1, "", "", "", "sembilan", None],  # 5: text in number column
        [KADIS, "", 2, "", "", "", -1, None],  # 6: negative
        [KADIS, "", "satu", "", "", "", 1, None],  # 7: text nomor
        [STAF1, "", 1, "", "", "", 10, None],  # 8
        [STAF1, "", 1, "", "", "", 11, None],  # 9: duplicate
        [STAF2, "", 1, "", "", "", 11, None],  # 10: STAF2 has no SKP
    ]
    r = impor(kinerja, tmp_path, rows, "buruk.xlsx")
    assert r.exit_code == 1
    e = r.stderr
    for potongan in ("tersimpan sebagai angka", "NIP 199912312020121999 tidak ada di daftar pegawai",
                     f"Baris SKP nomor 4 tidak ada untuk NIP {KADIS} di periode 2026", "Realisasi 'sembilan' bukan angka",
                     "Realisasi tidak boleh negatif", "Nomor 'satu' bukan angka",
                     f"Realisasi NIP {STAF1} nomor 1 ganda: sudah ada di baris 8",
                     f"Baris SKP nomor 1 tidak ada untuk NIP {STAF2}", "--tandai buruk.galat.xlsx"):
        assert potongan in e, potongan
    assert n(siap, "realisasi") == 0 and n(siap, "audit") == audit0
    r = impor(kinerja, tmp_path, rows, "buruk2.xlsx", "--lewati-galat")
    assert r.exit_code == 0 and realisasi(siap) == {(STAF1, 1): ("10", None)}


def test_unusable_files_and_closed_period(siap, kinerja, tmp_path):
    palsu = tmp_path / "r.xlsx"
    palsu.write_bytes(b"%PDF-1.4 bukan excel")
    r = kinerja("realisasi", "impor", palsu, "--periode", "2026")
    assert r.exit_code == 1 and "bukan berkas Excel .xlsx" in r.stderr
    r = impor(kinerja, tmp_path, [], "kosong.xlsx", header=[])
    assert r.exit_code == 1 and "kosong" in r.stderr
    r = impor(kinerja, tmp_path, [[KADIS, 1]], "salah.xlsx", header=["NIP", "Capaian"])
    assert r.exit_code == 1 and "kolom wajib tidak ditemukan: Nomor, Realisasi" in r.stderr
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    audit0 = n(siap, "audit")
    r = impor(kinerja, tmp_path, BAIK)
    assert r.exit_code == 1 and "sudah ditutup" in r.stderr
    r = kinerja("realisasi", "catat", KADIS, "--periode", "2026", "--nomor", "1", "--nilai", "90")
    assert r.exit_code == 1 and "sudah ditutup" in r.stderr
    assert n(siap, "realisasi") == 0 and n(siap, "audit") == audit0


def test_catat(siap, kinerja):
    def catat(*a):
        return kinerja("realisasi", "catat", *a)

    r = catat("19800101 200501 1 002", "--periode", "2026", "--nomor", "1", "--nilai", "95,5", "--bukti", "lap.pdf")
    assert r.exit_code == 0 and "95,50" in r.stderr, r.output
    audit0 = n(siap, "audit")
    r = catat(KADIS, "--periode", "2026", "--nomor", "1", "--nilai", "95.5")
    assert "tidak ada yang diubah" in r.stderr and n(siap, "audit") == audit0
    assert realisasi(siap) == {(KADIS, 1): ("95.5", "lap.pdf")}  # bukti kept when not given
    r = catat(KADIS, "--periode", "2026", "--nomor", "1", "--nilai", "96", "--bukti", "baru.pdf")
    assert "diperbarui" in r.stderr and realisasi(siap) == {(KADIS, 1): ("96", "baru.pdf")}
    log = q(siap, "SELECT aksi, lama, baru FROM audit WHERE id > ?", audit0)
    assert len(log) == 1 and log[0]["aksi"] == "ubah" and '"bukti": "lap.pdf"' in log[0]["lama"]
    r = catat(KADIS, "--periode", "2026", "--nomor", "4", "--nilai", "1")
    assert r.exit_code == 1 and f"Baris SKP nomor 4 tidak ada untuk NIP {KADIS} di periode 2026" in r.stderr
    r = catat(KADIS, "--periode", "2026", "--nomor", "2", "--nilai", "-1")
    assert r.exit_code == 1 and "tidak boleh negatif" in r.stderr
    r = catat(KADIS, "--periode", "2026", "--nomor", "2", "--nilai", "lima")
    assert r.exit_code == 1 and "bukan angka" in r.stderr
    r = catat("12345", "--periode", "2026", "--nomor", "2", "--nilai", "1")
    assert r.exit_code == 2 and "tidak valid" in r.stderr
    assert n(siap, "realisasi") == 1
