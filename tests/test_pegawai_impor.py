"""`kinerja pegawai impor` on real workbooks, read back from the real database."""

from __future__ import annotations

import sqlite3

from conftest import HEADER_PEGAWAI, KADIS, PPPK1, ROSTER, SEKDA, STAF1, STAF2, buat_xlsx


def _jumlah(db_path, tabel="pegawai"):
    with sqlite3.connect(db_path) as c:
        return c.execute(f"SELECT COUNT(*) FROM {tabel}").fetchone()[0]


def _pegawai(db_path, nip):
    with sqlite3.connect(db_path) as c:
        c.row_factory = sqlite3.Row
        return dict(c.execute("SELECT * FROM pegawai WHERE nip = ?", [nip]).fetchone())


def test_import_then_reimport_changes_nothing(kinerja, tmp_path, db_path):
    kinerja("init")
    f = buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": [HEADER_PEGAWAI, *ROSTER]})
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0
    assert "5 ditambah, 0 diubah, 0 tetap" in r.stderr
    p = _pegawai(db_path, PPPK1)
    assert (p["status"], p["golongan"], p["unit"], p["nip_atasan"]) == ("PPPK", "IX", "DPMPTSP", KADIS)
    audit_sebelum = _jumlah(db_path, "audit")
    assert audit_sebelum == 5
    r = kinerja("pegawai", "impor", f)
    assert "0 ditambah, 0 diubah, 5 tetap" in r.stderr
    assert _jumlah(db_path, "audit") == audit_sebelum


def test_changed_file_updates_and_deactivates(db_siap, kinerja, tmp_path, db_path):
    rows = [list(r) for r in ROSTER if r[0] != STAF2]
    rows[2][4] = "III/b"  # STAF1 promoted
    f = buat_xlsx(tmp_path / "p2.xlsx", {"Pegawai": [HEADER_PEGAWAI, *rows]})
    r = kinerja("pegawai", "impor", f, "--nonaktifkan-yang-hilang")
    assert "0 ditambah, 1 diubah, 3 tetap, 1 dinonaktifkan" in r.stderr
    assert _pegawai(db_path, STAF1)["golongan"] == "III/b"
    assert _pegawai(db_path, STAF2)["aktif"] == 0  # never deleted
    assert _jumlah(db_path) == 5
    hist = kinerja("riwayat", "--nip", STAF1, "--format", "json").json()
    assert hist[0]["aksi"] == "ubah"
    assert '"golongan": "III/b"' in hist[0]["baru"] and '"golongan": "III/a"' in hist[0]["lama"]
    d = kinerja("pegawai", "daftar", "--format", "json").json()
    assert STAF2 not in {x["nip"] for x in d}
    d = kinerja("pegawai", "daftar", "--semua", "--format", "json").json()
    assert STAF2 in {x["nip"] for x in d}


def test_messy_headers_found_anywhere_with_aliases(kinerja, tmp_path, db_path):
    kinerja("init")
    rows = [
        ["PEMERINTAH KOTA BUKITTINGGI"],
        ["Daftar Nominatif Pegawai 2026"],
        [],
        ["No", " nip  baru ", "NAMA LENGKAP", "Nama Jabatan", "Jenis Jab", "Gol/Ruang", "OPD", "NIP Atasan Langsung",
         "Status Kepegawaian"],
        [1, "19671110 199203 1 001", "Ahmad", "Sekda", "JPT", "Pembina Utama Madya, IV/d", "Setda", None, "pns"],
        [2, "19800101.200501.1.002", "Budi", "Kadis", "jpt", "4c", "DPMPTSP", "19671110 199203 1 001", "PNS"],
    ]
    f = buat_xlsx(tmp_path / "messy.xlsx", {"Sheet1": rows})
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0, r.output
    p = _pegawai(db_path, KADIS)
    assert (p["golongan"], p["nip_atasan"], p["jenis_jabatan"]) == ("IV/c", SEKDA, "JPT")
    assert _pegawai(db_path, SEKDA)["golongan"] == "IV/d"


def test_every_problem_reported_and_nothing_written(kinerja, tmp_path, db_path):
    kinerja("init")
    rows = [
        HEADER_PEGAWAI,
        [SEKDA, "Ahmad", "Sekda", "JPT", "IV/d", "Setda", None, "PNS"],
        [198001012005011002, "Budi", "Kadis", "JPT", "IV/c", "DPMPTSP", SEKDA, "PNS"],  # NIP as number
        [SEKDA, "Ahmad lagi", "Sekda", "JPT", "IV/d", "Setda", None, "PNS"],  # duplicate
        [STAF1, "Citra", "Staf", "pelaksana", "III/z", "DPMPTSP", SEKDA, "PNS"],  # bad golongan
        [PPPK1, "Eko", "Staf", "pelaksana", "IX", "DPMPTSP", SEKDA, "PNS"],  # PPPK NI but status PNS
        [STAF2, "", "Staf", "pelaksana", "II/c", "", SEKDA, "PNS"],  # no name, no unit
    ]
    f = buat_xlsx(tmp_path / "buruk.xlsx", {"Pegawai": rows})
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1
    e = r.stderr
    assert "ditolak" in e and "Tidak ada data yang ditulis" in e
    for potongan in ("tersimpan sebagai angka", "ganda: sudah ada di baris 2", "III/z", "tidak cocok",
                     "Nama kosong", "Unit kerja kosong"):
        assert potongan in e, potongan
    assert "Traceback" not in r.output
    assert _jumlah(db_path) == 0 and _jumlah(db_path, "audit") == 0


def test_skip_errors_keeps_good_rows(kinerja, tmp_path, db_path):
    kinerja("init")
    rows = [HEADER_PEGAWAI, ROSTER[0], [STAF1, "Citra", "Staf", "pelaksana", "III/z", "DPMPTSP", SEKDA, "PNS"]]
    f = buat_xlsx(tmp_path / "b.xlsx", {"Pegawai": rows})
    r = kinerja("pegawai", "impor", f, "--lewati-galat")
    assert r.exit_code == 0
    assert "1 ditambah" in r.stderr and "1 baris dilewati" in r.stderr
    assert _jumlah(db_path) == 1


def test_dry_run_writes_nothing(kinerja, tmp_path, db_path):
    kinerja("init")
    f = buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": [HEADER_PEGAWAI, *ROSTER]})
    r = kinerja("pegawai", "impor", f, "--dry-run")
    assert r.exit_code == 0 and "Uji coba" in r.stderr and "5 ditambah" in r.stderr
    assert _jumlah(db_path) == 0


def test_atasan_loop_is_error_unknown_atasan_is_warning(kinerja, tmp_path, db_path):
    kinerja("init")
    a, b, c = "198001012005011002", "198502142010012003", "199003032015032004"
    rows = [HEADER_PEGAWAI,
            [a, "A", "x", "", "", "U", b, "PNS"],
            [b, "B", "x", "", "", "U", c, "PNS"],
            [c, "C", "x", "", "", "U", a, "PNS"]]
    r = kinerja("pegawai", "impor", buat_xlsx(tmp_path / "loop.xlsx", {"Pegawai": rows}))
    assert r.exit_code == 1 and "Rantai atasan berputar" in r.stderr
    rows = [HEADER_PEGAWAI, [a, "A", "x", "", "", "U", "196711101992031001", "PNS"]]
    r = kinerja("pegawai", "impor", buat_xlsx(tmp_path / "ok.xlsx", {"Pegawai": rows}))
    assert r.exit_code == 0 and "peringatan" in r.stderr and "tidak ada di daftar pegawai" in r.stderr


def test_files_that_are_not_usable(kinerja, tmp_path):
    kinerja("init")
    csv = tmp_path / "data.xlsx"
    csv.write_text("NIP;Nama\n1;2\n")
    r = kinerja("pegawai", "impor", csv)
    assert r.exit_code == 1 and "bukan berkas Excel .xlsx" in r.stderr
    r = kinerja("pegawai", "impor", tmp_path / "tidak-ada.xlsx")
    assert r.exit_code == 1 and "tidak ditemukan" in r.stderr
    kosong = buat_xlsx(tmp_path / "kosong.xlsx", {"Pegawai": []})
    r = kinerja("pegawai", "impor", kosong)
    assert r.exit_code == 1 and "kosong" in r.stderr
    salah = buat_xlsx(tmp_path / "salah.xlsx", {"Pegawai": [["Nomor", "Nama", "Alamat"], [1, "x", "y"]]})
    r = kinerja("pegawai", "impor", salah)
    assert r.exit_code == 1 and "kolom wajib tidak ditemukan: NIP, Unit Kerja" in r.stderr
    hanya_judul = buat_xlsx(tmp_path / "judul.xlsx", {"Pegawai": [HEADER_PEGAWAI]})
    r = kinerja("pegawai", "impor", hanya_judul)
    assert r.exit_code == 1 and "tidak berisi data" in r.stderr
    r = kinerja("pegawai", "impor", hanya_judul, "--sheet", "Lain")
    assert r.exit_code == 1 and "Sheet 'Lain' tidak ada" in r.stderr
    kunci = tmp_path / "~$pegawai.xlsx"
    kunci.write_bytes(b"\x00" * 165)
    r = kinerja("pegawai", "impor", kunci)
    assert r.exit_code == 1 and "berkas kunci sementara Excel" in r.stderr
    assert "Traceback" not in r.output


def test_list_filter_and_show_one(db_siap, kinerja):
    d = kinerja("pegawai", "daftar", "--unit", "dpmptsp", "--format", "json").json()
    assert sorted(x["nip"] for x in d) == sorted([KADIS, STAF1, STAF2, PPPK1])
    d = kinerja("pegawai", "daftar", "--cari", "citra", "--format", "json").json()
    assert [x["nip"] for x in d] == [STAF1]
    r = kinerja("pegawai", "daftar", "--format", "csv")
    assert r.stdout.splitlines()[0] == "nip,nama,jabatan,jenis_jabatan,golongan,unit,nip_atasan,status,aktif,sub_unit,kedudukan"  # new columns at the end only
    r = kinerja("pegawai", "daftar", "--unit", "Dinas Tidak Ada")
    assert r.exit_code == 1 and "tidak ditemukan" in r.stderr
    d = kinerja("pegawai", "lihat", "19800101 200501 1 002", "--format", "json").json()
    assert d["tanggal_lahir"] == "1980-01-01" and d["tmt"] == "2005-01" and d["jenis_kelamin"] == "Laki-laki"
    assert d["atasan"]["nip"] == SEKDA and len(d["bawahan"]) == 3 and d["pangkat"] == "Pembina Utama Muda"
    r = kinerja("pegawai", "lihat", KADIS)
    assert "Budi Santoso" in r.stdout and "Drs. H. Ahmad Yani" in r.stdout
    r = kinerja("pegawai", "lihat", "199912312020121999")
    assert r.exit_code == 1 and "tidak ada di basis data" in r.stderr
    u = kinerja("unit", "daftar", "--format", "json").json()
    assert {x["unit"]: (x["aktif"], x["pns"], x["pppk"]) for x in u} == {
        "DPMPTSP": (4, 3, 1), "Sekretariat Daerah": (1, 1, 0)}


def test_unit_acronym_and_case_are_read_as_the_known_unit_new_unit_warned(db_siap, kinerja, tmp_path, db_path,
                                                                          monkeypatch):
    monkeypatch.setenv("COLUMNS", "2000")
    panjang = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE pegawai SET unit = ? WHERE unit = 'DPMPTSP'", [panjang])
    rows = [HEADER_PEGAWAI,
            [STAF1, "Citra Lestari", "Analis Perizinan", "pelaksana", "III/a", "DPMPTSP", KADIS, "PNS"],
            [STAF2, "Dewi Sartika", "Pengadministrasi", "pelaksana", "II/c", panjang.upper(), KADIS, "PNS"],
            [PPPK1, "Eko Prasetyo", "Pranata Komputer", "fungsional", "IX", "Dinas Perhubungn", KADIS, "PPPK"]]
    r = kinerja("pegawai", "impor", buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": rows}))
    assert r.exit_code == 0, r.output
    assert f"Unit 'DPMPTSP' dibaca sebagai '{panjang}'" in r.stderr
    assert "Unit kerja baru 'Dinas Perhubungn' (1 pegawai)" in r.stderr
    assert _pegawai(db_path, STAF1)["unit"] == panjang and _pegawai(db_path, STAF2)["unit"] == panjang
    assert _pegawai(db_path, PPPK1)["unit"] == "Dinas Perhubungn"
    assert "0 ditambah, 1 diubah, 2 tetap" in r.stderr  # only PPPK1 really moved


def test_deactivate_missing_only_within_units_of_the_file(db_siap, kinerja, tmp_path, db_path):
    rows = [HEADER_PEGAWAI, ROSTER[1], ROSTER[2]]  # a DPMPTSP file without STAF2 and PPPK1; no Sekretariat Daerah
    r = kinerja("pegawai", "impor", buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": rows}), "--nonaktifkan-yang-hilang")
    assert "1 dinonaktifkan" in r.stderr
    assert _pegawai(db_path, STAF2)["aktif"] == 0
    assert _pegawai(db_path, PPPK1)["aktif"] == 1  # a file of PNS only: PPPK are another kind, untouched (issue 15)
    assert _pegawai(db_path, SEKDA)["aktif"] == 1  # another unit: untouched


def test_duplicate_nip_reported_even_when_the_first_row_has_other_errors(db_siap, kinerja, tmp_path):
    rows = [[STAF1, "Citra", "Analis", "pelaksana", "III/a", None, "111", "PNS"],  # no unit, bad atasan NIP
            [STAF1, "Citra Lestari", "Analis", "pelaksana", "III/a", "DPMPTSP", None, "PNS"]]
    f = buat_xlsx(tmp_path / "ganda.xlsx", {"Pegawai": [HEADER_PEGAWAI, *rows]})
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1
    assert f"NIP {STAF1} ganda: sudah ada di baris 2" in r.stderr
    assert "Unit" in r.stderr  # the first row's own errors are still listed


def test_missing_optional_columns_keep_stored_values_blank_cells_clear(db_siap, kinerja, tmp_path, db_path):
    """A short roster (NIP, Nama, Unit Kerja) does not wipe jabatan, golongan or atasan links;
    a blank cell in a column that is in the file does clear the value."""
    def orang(nip):
        return {p["nip"]: p for p in kinerja("pegawai", "daftar", "--format", "json").json()}[nip]

    sebelum = orang(STAF1)
    assert sebelum["nip_atasan"] == KADIS and sebelum["golongan"] == "III/a"
    f = buat_xlsx(tmp_path / "pendek.xlsx", {"Pegawai": [["NIP", "Nama", "Unit Kerja"],
                                                         [STAF1, "Citra Lestari, S.E.", "DPMPTSP"]]})
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0, r.output
    assert "tidak ada di berkas" in " ".join(r.stderr.split())
    sesudah = orang(STAF1)
    assert sesudah["nama"] == "Citra Lestari, S.E."  # what the file has is applied
    assert {k: sesudah[k] for k in ("jabatan", "jenis_jabatan", "golongan", "nip_atasan", "status")} == \
        {k: sebelum[k] for k in ("jabatan", "jenis_jabatan", "golongan", "nip_atasan", "status")}
    kosong = [HEADER_PEGAWAI, [STAF1, "Citra Lestari, S.E.", None, "pelaksana", "III/a", "DPMPTSP", KADIS, "PNS"]]
    assert kinerja("pegawai", "impor", buat_xlsx(tmp_path / "kosong.xlsx", {"Pegawai": kosong})).exit_code == 0
    assert orang(STAF1)["jabatan"] is None
