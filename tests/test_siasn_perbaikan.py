"""Issue 15 follow-up (tester's findings on the SIASN path): advice that works, stored values that
survive a re-import, --nonaktifkan-yang-hilang over the whole pemda, hierarchy refusals, status changes
named, damaged-export messages."""

from __future__ import annotations

import json
import sqlite3

import pytest

import siasn_bantu as S
from conftest import buat_xlsx


def _p(db_path, nip) -> dict:
    with sqlite3.connect(db_path) as c:
        c.row_factory = sqlite3.Row
        r = c.execute("SELECT * FROM pegawai WHERE nip = ?", [nip]).fetchone()
        return dict(r) if r else {}


def _satu_baris(teks: str) -> str:
    return " ".join(teks.split())


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


# --- 1. a jenis jabatan SIASN cannot infer ---

def test_uninferable_jenis_jabatan_set_by_hand_survives_reimport(kinerja, db_path, berkas, tmp_path):
    assert kinerja("init").exit_code == 0
    kalak = S.nip_pns(30)
    rows = [*S.PNS[:1], S.baris(kalak, "Putri", "Kepala Pelaksana BPBD", "Jabatan Struktural", "IV/a", "S10")]
    f = S.ekspor(tmp_path / "p.xlsx", "pns_cc", rows)
    r = kinerja("pegawai", "impor", f, "--hierarki", berkas["hier"])
    assert r.exit_code == 0, r.output
    teks = _satu_baris(r.stderr)
    assert "kinerja pegawai ubah NIP --jenis-jabatan JPT" in teks  # advice that works
    assert "1 jenis jabatan tidak dapat disimpulkan; nilai tersimpan dipertahankan" in teks
    assert _p(db_path, kalak)["jenis_jabatan"] is None
    # the advice, followed
    r = kinerja("pegawai", "ubah", kalak, "--jenis-jabatan", "jpt pratama")
    assert r.exit_code == 0, r.output
    assert "- → JPT" in r.stdout + r.stderr
    assert _p(db_path, kalak)["jenis_jabatan"] == "JPT"
    riwayat = kinerja("riwayat", "--nip", kalak, "--format", "json").json()
    assert any("JPT" in json.dumps(x) for x in riwayat)
    # the next SIASN import keeps it, and says so once
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0, r.output
    assert "0 diubah, 2 tetap" in r.stderr
    assert "1 jenis jabatan tidak dapat disimpulkan; nilai tersimpan dipertahankan (1 pegawai" in _satu_baris(r.stderr)
    assert _p(db_path, kalak)["jenis_jabatan"] == "JPT"


def test_pegawai_ubah_refuses_an_unknown_kind_and_an_unknown_nip(kinerja, db_siasn):
    r = kinerja("pegawai", "ubah", S.KADIS, "--jenis-jabatan", "kepala")
    assert r.exit_code == 1 and "Jenis jabatan 'kepala' tidak dikenal" in r.stderr and "administrator" in r.stderr
    r = kinerja("pegawai", "ubah", S.nip_pns(44), "--jenis-jabatan", "JPT")
    assert r.exit_code == 1 and "tidak ada di basis data" in r.stderr


# --- 2. --nonaktifkan-yang-hilang over the whole pemda for a SIASN export ---

def test_deactivate_missing_siasn_covers_every_unit_of_the_kinds_in_the_file(kinerja, db_siasn, tmp_path):
    # PPPK_B was the only PPPK of KECAMATAN SUKAMAJU; the new PPPK export lacks them
    f = S.ekspor(tmp_path / "pppk2.xlsx", "pppk_aa", S.PPPK[:1])
    r = kinerja("pegawai", "impor", f, "--nonaktifkan-yang-hilang")
    assert r.exit_code == 0, r.output
    assert "1 dinonaktifkan" in r.stderr
    assert "berlaku untuk pegawai PPPK di semua unit kerja" in _satu_baris(r.stderr)
    assert _p(db_siasn, S.PPPK_B)["aktif"] == 0
    assert _p(db_siasn, S.LURAH)["aktif"] == 1 and _p(db_siasn, S.PW_A)["aktif"] == 1  # other kinds untouched


# --- 4. one person in two SIASN files ---

def test_person_in_two_siasn_files_status_change_is_named(kinerja, db_siasn, tmp_path):
    pindah = S.baris(S.PPPK_A, "Kartika Dewi Baru", "Operator Layanan Operasional", "Jabatan Pelaksana", None, "D11",
                     "PPPK Paruh Waktu Aktif", cpns=None, jenis_pegawai="PPPK Paruh Waktu")
    f = S.ekspor(tmp_path / "pw2.xlsx", "pppk_paruh_waktu_cc", [*S.PARUH_WAKTU, pindah])
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0, r.output
    teks = _satu_baris(r.stderr)
    assert "status berubah dari PPPK menjadi PPPK Paruh Waktu (berkas ini): 1 pegawai, misalnya" in teks
    assert "Kartika Dewi" in teks


# --- 7 / 8. NIP cells ---

def _roster_csv(path, nip):
    path.write_text("NIP,Nama,Unit Kerja\n" + f"{nip},Ani,Dinas A\n", encoding="utf-8")
    return path


def test_nip_damaged_by_excel_in_a_csv_is_named(kinerja, db_path, tmp_path):
    assert kinerja("init").exit_code == 0
    from kinerja_cli.validation.nip import NIPTidakValid, periksa_nip

    with pytest.raises(NIPTidakValid) as e:
        periksa_nip("1.98001E+17")
    assert e.value.pesan == "NIP ini sudah diubah Excel menjadi angka ilmiah (1.98001E+17): digit terakhirnya hilang"
    assert e.value.saran == "Ambil berkas ekspor aslinya (jangan dibuka lalu disimpan di Excel)."
    r = kinerja("pegawai", "impor", _roster_csv(tmp_path / "p.csv", "1.98001E+17"))
    assert r.exit_code == 1
    assert "angka ilmiah" in r.stderr and "hanya boleh berisi angka" not in r.stderr


def test_apostrophe_then_spaces_before_the_nip(kinerja, db_path, tmp_path):
    assert kinerja("init").exit_code == 0
    f = buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": [["NIP", "Nama", "Unit Kerja"],
                                                    ["' 19900101 201501 1 001", "Ani", "Dinas A"]]})
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0, r.output
    assert _p(db_path, "199001012015011001")["nama"] == "Ani"


# --- 3. a hierarchy re-import that would leave people in a unit that no longer exists ---

def _tanpa(*ids):
    return [r for r in S.HIERARKI if r[0] not in ids]


def test_hierarchy_alone_dropping_a_used_unor_is_refused(kinerja, db_siasn, tmp_path):
    r = kinerja("pegawai", "impor", S.hierarki(tmp_path / "H2.xlsx", _tanpa("D13")))
    assert r.exit_code == 1
    teks = _satu_baris(r.stderr)
    assert "tidak memuat 1 unor yang masih menjadi unor 2 pegawai aktif tersimpan: SEKSI RUJUKAN (ID D13): 2 pegawai" in teks
    assert "kinerja pegawai impor pns.xlsx --hierarki H2.xlsx" in teks
    with sqlite3.connect(db_siasn) as c:  # nothing stored: the old hierarchy stays whole
        assert c.execute("SELECT COUNT(*) FROM unor WHERE id = 'D13'").fetchone()[0] == 1


def test_hierarchy_with_the_roster_moves_them_and_names_who_is_left(kinerja, db_siasn, tmp_path):
    h = S.hierarki(tmp_path / "H2.xlsx", _tanpa("D13"))
    pns = [S.baris(S.KASI, "Dewi Sartika", "Kepala Seksi Rujukan", "Jabatan Struktural", "III/d", "D12",
                   belakang="S.Kep.Ners") if r[1] == "'" + S.KASI else r for r in S.PNS]
    r = kinerja("pegawai", "impor", S.ekspor(tmp_path / "pns.xlsx", "pns_dd", pns), "--hierarki", h)
    assert r.exit_code == 0, r.output
    assert _p(db_siasn, S.KASI)["sub_unit"] == "BIDANG PELAYANAN KESEHATAN"
    teks = _satu_baris(r.stderr)  # the paruh waktu employee on D13 is outside this file: named
    assert "masih menjadi unor 1 pegawai aktif tersimpan di luar berkas ini: SEKSI RUJUKAN (ID D13): 1 pegawai" in teks


@pytest.mark.parametrize("rows, pesan", [
    ([*S.HIERARKI[:3], ["D11", "    UPT PUSKESMAS", "D99"]], "ID_ATASAN D99 tidak ada di kolom ID hierarki ini"),
    ([*S.HIERARKI, ["X00", "PEMERINTAH LAIN", None]], "Hierarki punya 2 akar"),
])
def test_dangling_parent_or_two_roots_refused(kinerja, db_path, tmp_path, rows, pesan):
    assert kinerja("init").exit_code == 0
    r = kinerja("pegawai", "impor", S.hierarki(tmp_path / "H.xlsx", rows))
    assert r.exit_code == 1
    assert pesan in _satu_baris(r.stderr)
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT COUNT(*) FROM unor").fetchone()[0] == 0


# --- 5. an edited SIASN export, and a generic roster whose nearest header is UNOR NAMA ---

def test_siasn_export_missing_unor_id_is_named_as_siasn(kinerja, db_path, tmp_path):
    assert kinerja("init").exit_code == 0
    i = S.JUDUL.index("UNOR ID")
    rows = [[*r[:i], *r[i + 1:]] for r in [S.JUDUL, *S.PNS]]
    r = kinerja("pegawai", "impor", buat_xlsx(tmp_path / "pns.xlsx", {"pns_ab": rows}))
    assert r.exit_code == 1
    teks = _satu_baris(r.stderr)
    assert "pns.xlsx adalah ekspor SIASN, tetapi kolom UNOR ID tidak ada: ambil ekspor aslinya" in teks
    assert "jangan diganti menjadi Unit Kerja" in teks
    assert "Unit Kerja: tulis salah satu judul" not in teks  # never the renaming advice


def test_generic_roster_with_unor_nama_gets_the_hierarki_hint(kinerja, db_path, tmp_path):
    assert kinerja("init").exit_code == 0
    f = buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": [["NIP", "Nama", "UNOR NAMA"], [S.SEKDA, "Ani", "SEKSI A"]]})
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 1
    assert "bila ini ekspor SIASN, pakai --hierarki" in _satu_baris(r.stderr)


# --- 6. the batch import names SIASN's files and leaves them to pegawai impor ---

def test_batch_import_names_siasn_files(kinerja, db_periode, tmp_path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    S.ekspor(folder / "pns_ekspor.xlsx", "pns_3fa9c2e1", S.PNS)
    S.hierarki(folder / "HIERARKI_UNOR.xlsx")
    r = kinerja("impor", folder, "--periode", "2026")
    teks = _satu_baris(r.stdout + r.stderr)
    assert "ekspor SIASN: impor dengan kinerja pegawai impor pns_ekspor.xlsx --hierarki HIERARKI.xlsx" in teks
    assert "hierarki unor SIASN: impor bersama ekspor SIASN" in teks
    assert "tidak berisi sheet data yang dikenali" not in teks
    with sqlite3.connect(db_periode) as c:  # nothing imported
        assert c.execute("SELECT COUNT(*) FROM pegawai WHERE nip = ?", [S.SEKDA]).fetchone()[0] == 0
        assert c.execute("SELECT COUNT(*) FROM unor").fetchone()[0] == 0


# --- 8. small things ---

def test_help_names_every_format_and_the_scope_of_deactivation(kinerja, db_path):
    teks = _satu_baris(kinerja("pegawai", "impor", "--help").stdout)
    assert ".xlsx, .ods, .xls atau .csv" in teks
    assert "jenis pegawai yang ada di berkas" in teks and "unit-unit di berkas" in teks


def test_templat_atasan_without_a_file_and_per_unit(kinerja, db_siasn, tmp_path):
    r = kinerja("templat", "atasan")
    assert r.exit_code == 2
    assert "sebutkan berkas: kinerja templat atasan BERKAS" in _satu_baris(r.stderr)
    assert "--periode" not in r.stderr
    folder = tmp_path / "atasan"
    folder.mkdir()
    r = kinerja("templat", "atasan", "--per-unit", folder)
    assert r.exit_code == 0, r.output
    nama = sorted(p.name for p in folder.iterdir())
    assert nama == ["DINAS-KESEHATAN_atasan.xlsx", "KECAMATAN-SUKAMAJU_atasan.xlsx", "SEKRETARIAT-DAERAH_atasan.xlsx"]
    import openpyxl

    ws = openpyxl.load_workbook(folder / "DINAS-KESEHATAN_atasan.xlsx")["Atasan"]
    assert {ws.cell(i, 1).value for i in range(2, ws.max_row + 1)} >= {S.KADIS, S.DOKTER, S.PPPK_A}
    assert S.CAMAT not in {ws.cell(i, 1).value for i in range(2, ws.max_row + 1)}
    r = kinerja("pegawai", "impor", folder / "DINAS-KESEHATAN_atasan.xlsx")  # reads back as the atasan workbook
    assert r.exit_code == 0 and "hanya NIP Atasan yang diperbarui" in r.stderr
