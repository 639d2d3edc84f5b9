"""Issue 15 §1: SIASN's roster export and unor hierarchy import as they come; atasan in bulk."""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest

import siasn_bantu as S
from conftest import buat_xlsx


def _p(db_path, nip) -> dict:
    with sqlite3.connect(db_path) as c:
        c.row_factory = sqlite3.Row
        r = c.execute("SELECT * FROM pegawai WHERE nip = ?", [nip]).fetchone()
        return dict(r) if r else {}


@pytest.fixture
def berkas(tmp_path):
    return {
        "pns": S.ekspor(tmp_path / "pns_ekspor.xlsx", "pns_3fa9c2e1", S.PNS),
        "pppk": S.ekspor(tmp_path / "pppk_ekspor.xlsx", "pppk_1b2c3d", S.PPPK),
        "pw": S.ekspor(tmp_path / "pw_ekspor.xlsx", "pppk_paruh_waktu_9f8e7d", S.PARUH_WAKTU),
        "hier": S.hierarki(tmp_path / "HierarkiUnor.xlsx"),
    }


@pytest.fixture
def db_siasn(kinerja, db_path, berkas):
    assert kinerja("init").exit_code == 0
    r = kinerja("pegawai", "impor", berkas["pns"], "--hierarki", berkas["hier"])
    assert r.exit_code == 0, r.output
    for k in ("pppk", "pw"):
        r = kinerja("pegawai", "impor", berkas[k])
        assert r.exit_code == 0, r.output
    return db_path


def test_three_exports_and_hierarchy_import_unchanged(kinerja, db_path, berkas):
    assert kinerja("init").exit_code == 0
    r = kinerja("pegawai", "impor", berkas["pns"], "--hierarki", berkas["hier"])
    assert r.exit_code == 0, r.output
    assert "Ekspor daftar pegawai SIASN dikenali" in r.stderr
    # the apostrophe: one info line with the count, never one line per row
    assert "NIP diawali tanda petik: 10 baris, misalnya baris 2, 3, 4" in r.stderr
    assert r.stderr.count("NIP diawali tanda petik") == 1
    assert "Jenis jabatan struktural ditentukan dari nama jabatan (ekspor SIASN tidak memuat eselon): 7 pegawai" in r.stderr
    assert "10 ditambah" in r.stderr
    for k in ("pppk", "pw"):
        r = kinerja("pegawai", "impor", berkas[k])
        assert r.exit_code == 0, r.output
        assert "2 ditambah, 0 diubah, 0 tetap" in r.stderr
    sekda, kasi, dokter = _p(db_path, S.SEKDA), _p(db_path, S.KASI), _p(db_path, S.DOKTER)
    assert (sekda["nama"], sekda["gelar_depan"], sekda["gelar_belakang"]) == ("Drs. Ahmad Yani, M.Si.", "Drs.", "M.Si.")
    assert (sekda["unit"], sekda["sub_unit"], sekda["jenis_jabatan"]) == ("SEKRETARIAT DAERAH", None, "JPT")
    assert (kasi["unit"], kasi["sub_unit"], kasi["jenis_jabatan"]) == ("DINAS KESEHATAN", "SEKSI RUJUKAN", "pengawas")
    assert _p(db_path, S.KABID)["jenis_jabatan"] == "administrator"
    assert _p(db_path, S.CAMAT)["jenis_jabatan"] == "administrator"
    assert _p(db_path, S.LURAH)["jenis_jabatan"] == "pengawas"
    assert (dokter["nama"], dokter["aktif"], dokter["kedudukan"]) == ("dr. Fajar Nugraha", 1, "Tugas Belajar")
    assert (_p(db_path, S.CPNS)["status"], _p(db_path, S.CPNS)["aktif"]) == ("CPNS", 1)
    assert (_p(db_path, S.CLTN)["aktif"], _p(db_path, S.CLTN)["kedudukan"]) == (0, "CLTN")
    a = _p(db_path, S.PPPK_A)
    assert (a["status"], a["golongan"], a["unit"], a["sub_unit"]) == ("PPPK", "IX", "DINAS KESEHATAN",
                                                                      "UPT PUSKESMAS SUKAMAJU")
    pw = _p(db_path, S.PW_A)
    assert (pw["status"], pw["golongan"], pw["jenis_jabatan"]) == ("PPPK Paruh Waktu", None, "pelaksana")
    # 3 OPD, never one unit per unor
    units = kinerja("unit", "daftar", "--format", "json").json()
    assert sorted(u["unit"] for u in units) == ["DINAS KESEHATAN", "KECAMATAN SUKAMAJU", "SEKRETARIAT DAERAH"]
    # personal columns are never stored, anywhere in the file
    data = db_path.read_bytes() + (db_path.parent / (db_path.name + "-wal")).read_bytes() \
        if (db_path.parent / (db_path.name + "-wal")).exists() else db_path.read_bytes()
    for rahasia in (b"3204010101800001", b"081234567890", b"rahasia@contoh.id", b"Jl. Rahasia", b"0001234567890"):
        assert rahasia not in data


def test_reimport_changes_nothing_and_list_filters_by_sub_unit(kinerja, db_siasn, berkas):
    r = kinerja("pegawai", "impor", berkas["pns"])  # the stored hierarchy serves
    assert "0 ditambah, 0 diubah, 10 tetap" in r.stderr, r.output
    d = kinerja("pegawai", "daftar", "--sub-unit", "puskesmas", "--format", "json").json()
    assert {x["nip"] for x in d} == {S.KAUPT, S.DOKTER, S.CPNS, S.PPPK_A, S.PW_A}
    lihat = kinerja("pegawai", "lihat", S.DOKTER)
    assert "UPT PUSKESMAS SUKAMAJU" in lihat.stdout and "Tugas Belajar" in lihat.stdout


def test_without_hierarchy_refused_or_unit_from_unor(kinerja, db_path, berkas):
    assert kinerja("init").exit_code == 0
    r = kinerja("pegawai", "impor", berkas["pns"])
    assert r.exit_code == 1
    assert "adalah ekspor daftar pegawai SIASN" in r.stderr and "--hierarki HIERARKI_UNOR.xlsx" in r.stderr
    assert "--unit-dari unor" in r.stderr
    assert _p(db_path, S.SEKDA) == {}
    r = kinerja("pegawai", "impor", berkas["pns"], "--unit-dari", "unor")
    assert r.exit_code == 0, r.output
    assert _p(db_path, S.KASI)["unit"] == "SEKSI RUJUKAN"


def test_unor_missing_from_hierarchy_is_an_error_at_its_cell(kinerja, db_path, berkas, tmp_path):
    assert kinerja("init").exit_code == 0
    rows = [*S.PNS[:2], S.baris(S.nip_pns(20), "Oki", "Analis", "Jabatan Pelaksana", "III/a", "X99")]
    r = kinerja("pegawai", "impor", S.ekspor(tmp_path / "p.xlsx", "pns_ab", rows), "--hierarki", berkas["hier"])
    assert r.exit_code == 1
    assert "UNOR ID 'X99' (UNOR LAIN) tidak ada di hierarki unor" in r.stderr
    assert "BC (unit)" in r.stderr  # the export's own UNOR ID column
    with sqlite3.connect(db_path) as c:  # all-or-nothing: neither the roster nor the hierarchy
        assert c.execute("SELECT COUNT(*) FROM unor").fetchone()[0] == 0


def test_hierarchy_reimported_alone_moves_people_to_their_new_opd(kinerja, db_siasn, tmp_path):
    baru = [r[:] for r in S.HIERARKI]
    baru.append(["P10", "  DINAS PENGENDALIAN PENDUDUK", S.PEMDA])
    for r in baru:
        if r[0] == "D11":
            r[2] = "P10"  # the Puskesmas moves under another OPD
    r = kinerja("pegawai", "impor", S.hierarki(tmp_path / "HIERARKI_UNOR.xlsx", baru))
    assert r.exit_code == 0, r.output
    assert "Hierarki unor HIERARKI_UNOR.xlsx: 10 unor, 4 OPD" in r.stderr
    assert _p(db_siasn, S.DOKTER)["unit"] == "DINAS PENGENDALIAN PENDUDUK"
    assert _p(db_siasn, S.KADIS)["unit"] == "DINAS KESEHATAN"


def test_atasan_survive_reimport_and_are_set_in_bulk_from_the_template(kinerja, db_siasn, berkas, tmp_path):
    t = tmp_path / "atasan.xlsx"
    r = kinerja("templat", "atasan", t, "--unit", "dinas kesehatan")
    assert r.exit_code == 0, r.output
    assert "9 pegawai, 9 belum punya atasan, 8 saran atasan" in r.stderr
    wb = openpyxl.load_workbook(t)
    ws = wb["Atasan"]
    assert [c.value for c in ws[1]][:5] == ["NIP", "Nama", "Jabatan", "Sub Unit", "NIP Atasan"]
    baris = {ws.cell(i, 1).value: i for i in range(2, ws.max_row + 1)}
    assert S.KAUPT in ws.cell(baris[S.DOKTER], 5).comment.text  # the head of the Puskesmas
    assert S.KADIS in ws.cell(baris[S.KABID], 5).comment.text
    assert ws.cell(baris[S.KADIS], 5).comment is None  # the OPD's head: nobody above in the hierarchy
    for nip, i in baris.items():  # accept every suggestion
        c = ws.cell(i, 5).comment
        if c:
            ws.cell(i, 5).value = "'" + c.text.split(": ", 1)[1].split("\n")[0]
    ws.cell(baris[S.KADIS], 3).value = "Jabatan diubah di templat"  # other columns are never read back
    wb.save(t)
    r = kinerja("pegawai", "impor", t)
    assert r.exit_code == 0, r.output
    assert "hanya NIP Atasan yang diperbarui" in r.stderr and "8 diubah" in r.stderr
    assert _p(db_siasn, S.DOKTER)["nip_atasan"] == S.KAUPT
    assert _p(db_siasn, S.KADIS)["jabatan"] == "Kepala Dinas Kesehatan"
    # a SIASN re-import keeps them
    r = kinerja("pegawai", "impor", berkas["pns"])
    assert "10 tetap" in r.stderr
    assert _p(db_siasn, S.DOKTER)["nip_atasan"] == S.KAUPT
    assert kinerja("riwayat", "--nip", S.DOKTER).exit_code == 0


def test_atasan_template_refuses_a_loop_and_unknown_atasan(kinerja, db_siasn, tmp_path):
    rows = [["NIP", "Nama", "Jabatan", "Sub Unit", "NIP Atasan"], [S.KADIS, None, None, None, S.KABID],
            [S.KABID, None, None, None, S.KADIS], [S.KASI, None, None, None, S.nip_pns(40)]]
    r = kinerja("pegawai", "impor", buat_xlsx(tmp_path / "a.xlsx", {"Atasan": rows}))
    assert r.exit_code == 1
    assert "Rantai atasan berputar" in r.stderr and f"Atasan {S.nip_pns(40)} tidak ada di daftar pegawai" in r.stderr
    assert _p(db_siasn, S.KADIS)["nip_atasan"] is None


def test_deactivate_missing_applies_only_to_the_kinds_in_the_file(kinerja, db_siasn, tmp_path):
    tanpa_cpns = [r for r in S.PNS if r[1] != "'" + S.CPNS]
    r = kinerja("pegawai", "impor", S.ekspor(tmp_path / "pns2.xlsx", "pns_aa", tanpa_cpns), "--nonaktifkan-yang-hilang")
    assert r.exit_code == 0, r.output
    assert "1 dinonaktifkan" in r.stderr
    assert _p(db_siasn, S.CPNS)["aktif"] == 0
    assert _p(db_siasn, S.PPPK_A)["aktif"] == 1 and _p(db_siasn, S.PW_A)["aktif"] == 1  # other kinds: untouched
    r = kinerja("pegawai", "impor", S.ekspor(tmp_path / "pw2.xlsx", "pppk_paruh_waktu_bb", S.PARUH_WAKTU[:1]),
                "--nonaktifkan-yang-hilang")
    assert "1 dinonaktifkan" in r.stderr
    assert _p(db_siasn, S.PW_B)["aktif"] == 0 and _p(db_siasn, S.PPPK_A)["aktif"] == 1  # same OPD, PPPK kept


def test_siasn_export_given_to_another_importer_is_named(kinerja, db_periode, berkas):
    r = kinerja("sasaran", "impor", berkas["pns"], "--periode", "2026")
    assert r.exit_code == 1
    assert "adalah ekspor daftar pegawai SIASN" in r.stderr and "kinerja pegawai impor pns_ekspor.xlsx" in r.stderr


def test_siasn_export_as_csv(kinerja, db_path, berkas, tmp_path):
    import csv

    p = tmp_path / "pns_ekspor.csv"
    with open(p, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(S.JUDUL)
        for r in S.PNS:
            w.writerow(["" if v is None else (v.strftime("%d-%m-%Y") if hasattr(v, "strftime") else v) for v in r])
    assert kinerja("init").exit_code == 0
    r = kinerja("pegawai", "impor", p, "--hierarki", berkas["hier"])
    assert r.exit_code == 0, r.output
    assert _p(db_path, S.SEKDA)["nama"] == "Drs. Ahmad Yani, M.Si."
    assert _p(db_path, S.KASI)["sub_unit"] == "SEKSI RUJUKAN"


def test_struktural_not_readable_from_the_name_is_kept_without_a_kind(kinerja, db_path, berkas, tmp_path):
    assert kinerja("init").exit_code == 0
    rows = [*S.PNS[:1], S.baris(S.nip_pns(30), "Putri", "Penata Kelola Umum", "Jabatan Struktural", "III/c", "S11")]
    r = kinerja("pegawai", "impor", S.ekspor(tmp_path / "p.xlsx", "pns_cc", rows), "--hierarki", berkas["hier"])
    assert r.exit_code == 0, r.output
    assert "Jabatan struktural yang jenisnya" in r.stderr  # the warning (its cell wraps in the table)
    assert _p(db_path, S.nip_pns(30))["jenis_jabatan"] is None and _p(db_path, S.SEKDA)["jenis_jabatan"] == "JPT"
