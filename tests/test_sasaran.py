"""`kinerja sasaran impor|tambah|daftar` on real workbooks, read back from the real database."""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest
from conftest import HEADER_PEGAWAI, KADIS, PPPK1, ROSTER, SEKDA, STAF1, STAF2, buat_xlsx

H = ["NIP", "Nama", "Jabatan", "Nomor", "Jenis", "RHK", "RHK Atasan (Nomor)", "Aspek", "Indikator", "Target",
     "Satuan", "Bobot (%)", "Arah", "Target Maksimal", "Status SKP"]


def b(nip, rhk, target, bobot, nomor=None, jenis=None, atasan=None, aspek=None, satuan="dokumen", arah=None,
      maks=None, indikator=None, status=None):
    return [nip, "x", "y", nomor, jenis, rhk, atasan, aspek, indikator or f"Indikator {rhk}", target, satuan, bobot,
            arah, maks, status]


KADIS_ROWS = [b(KADIS, "Investasi naik", 100, 60), b(KADIS, "Izin cepat", 5, 40, arah="turun", aspek="waktu",
                                                      satuan="hari")]
STAF1_ROWS = [
    b(STAF1, "Berkas izin diverifikasi", "95,5", 50, atasan=1, satuan="%", maks="ya"),
    b(STAF1, "Izin terbit", "80-90", 30, jenis="Tambahan", atasan=2, aspek="WAKTU", arah="Turun", maks="x"),
    b(STAF1, "Laporan", "80 s.d. 90", "20", satuan="laporan", maks="tidak", status="draf"),
]


@pytest.fixture
def siap(db_periode, kinerja, monkeypatch):
    monkeypatch.setenv("COLUMNS", "2000")  # the problem table on one line per problem, for searching
    return db_periode


def q(db_path, sql, *args):
    with sqlite3.connect(db_path) as c:
        c.row_factory = sqlite3.Row
        return [dict(r) for r in c.execute(sql, args)]


def n(db_path, tabel):
    return q(db_path, f"SELECT COUNT(*) AS n FROM {tabel}")[0]["n"]


def impor(kinerja, tmp_path, rows, nama="skp.xlsx", *opsi, header=H, sheet="Sasaran"):
    f = buat_xlsx(tmp_path / nama, {sheet: [header, *rows]})
    return kinerja("sasaran", "impor", f, "--periode", "2026", *opsi)


def test_good_file_every_field_stored(siap, kinerja, tmp_path):
    r = impor(kinerja, tmp_path, KADIS_ROWS + STAF1_ROWS)
    assert r.exit_code == 0, r.output
    assert "2 pegawai; baris SKP 5 ditambah, 0 diubah, 0 dihapus, 0 tetap" in r.stderr
    rows = q(siap, "SELECT * FROM sasaran WHERE nip = ? ORDER BY nomor", STAF1)
    assert [x["perspektif"] for x in rows] == [None, None, None]  # no Perspektif column: none
    got = [{k: v for k, v in x.items() if k not in ("diubah", "perspektif")} for x in rows]
    assert got == [
        dict(periode="2026", nip=STAF1, nomor=1, jenis="utama", rhk="Berkas izin diverifikasi", rhk_atasan_nomor=1,
             aspek="kuantitas", indikator="Indikator Berkas izin diverifikasi", target_lo="95.5", target_hi=None,
             satuan="%", bobot="50", arah="naik", target_maksimal=1),
        dict(periode="2026", nip=STAF1, nomor=2, jenis="tambahan", rhk="Izin terbit", rhk_atasan_nomor=2,
             aspek="waktu", indikator="Indikator Izin terbit", target_lo="80", target_hi="90", satuan="dokumen",
             bobot="30", arah="turun", target_maksimal=1),
        dict(periode="2026", nip=STAF1, nomor=3, jenis="utama", rhk="Laporan", rhk_atasan_nomor=None,
             aspek="kuantitas", indikator="Indikator Laporan", target_lo="80", target_hi="90", satuan="laporan",
             bobot="20", arah="naik", target_maksimal=0),
    ]
    k = q(siap, "SELECT nomor, target_lo, arah, aspek, satuan FROM sasaran WHERE nip = ? ORDER BY nomor", KADIS)
    assert k == [dict(nomor=1, target_lo="100", arah="naik", aspek="kuantitas", satuan="dokumen"),
                 dict(nomor=2, target_lo="5", arah="turun", aspek="waktu", satuan="hari")]
    assert q(siap, "SELECT COUNT(*) AS n FROM audit WHERE tabel = 'sasaran' AND aksi = 'tambah'")[0]["n"] == 5
    d = kinerja("sasaran", "daftar", "--periode", "2026", "--nip", STAF1, "--format", "json").json()
    assert [x["target"] for x in d] == ["95.5", "80-90", "80-90"]
    assert d[0]["nama"] == "Citra Lestari" and d[0]["bobot"] == 50 and d[0]["realisasi"] is None
    assert d[1]["target_maksimal"] is True and d[1]["rhk_atasan_nomor"] == 2


def test_range_spellings_and_explicit_numbers(siap, kinerja, tmp_path):
    rows = [b(KADIS, "A", "80 - 90", 25, nomor=5), b(KADIS, "B", "80–90", 25, nomor=2),
            b(KADIS, "C", "80 sd 90", 25), b(KADIS, "D", "1,5-2,5", 25)]
    r = impor(kinerja, tmp_path, rows)
    assert r.exit_code == 0, r.output
    got = q(siap, "SELECT nomor, rhk, target_lo, target_hi FROM sasaran ORDER BY nomor")
    assert got == [dict(nomor=1, rhk="C", target_lo="80", target_hi="90"),
                   dict(nomor=2, rhk="B", target_lo="80", target_hi="90"),
                   dict(nomor=3, rhk="D", target_lo="1.5", target_hi="2.5"),
                   dict(nomor=5, rhk="A", target_lo="80", target_hi="90")]


def test_reimport_identical_changes_nothing_changed_replaces_and_logs(siap, kinerja, tmp_path):
    assert impor(kinerja, tmp_path, KADIS_ROWS + STAF1_ROWS).exit_code == 0
    with sqlite3.connect(siap) as c:
        c.execute("INSERT INTO realisasi VALUES ('2026', ?, 3, '85', NULL, 'x')", [STAF1])
    audit0 = n(siap, "audit")
    sebelum = q(siap, "SELECT * FROM sasaran ORDER BY nip, nomor")
    r = impor(kinerja, tmp_path, KADIS_ROWS + STAF1_ROWS, "lagi.xlsx")
    assert r.exit_code == 0 and "0 ditambah, 0 diubah, 0 dihapus, 5 tetap" in r.stderr
    assert n(siap, "audit") == audit0
    assert q(siap, "SELECT * FROM sasaran ORDER BY nip, nomor") == sebelum  # not even the timestamp moved
    ubah = [list(x) for x in STAF1_ROWS[:2]]
    ubah[0][11], ubah[1][11] = 60, 40  # bobot changed, row 3 dropped
    r = impor(kinerja, tmp_path, ubah, "ubah.xlsx")
    assert r.exit_code == 0, r.output
    assert "1 pegawai; baris SKP 0 ditambah, 2 diubah, 1 dihapus, 0 tetap" in r.stderr
    assert "realisasinya tetap tersimpan" in r.stderr
    assert [x["bobot"] for x in q(siap, "SELECT bobot FROM sasaran WHERE nip=? ORDER BY nomor", STAF1)] == ["60", "40"]
    assert n(siap, "sasaran") == 4  # KADIS untouched
    assert q(siap, "SELECT nilai FROM realisasi")[0]["nilai"] == "85"
    log = q(siap, "SELECT kunci, aksi, lama, baru, nip FROM audit WHERE id > ? ORDER BY id", audit0)
    assert [(x["kunci"], x["aksi"]) for x in log] == [(f"2026/{STAF1}/1", "ubah"), (f"2026/{STAF1}/2", "ubah"),
                                                      (f"2026/{STAF1}/3", "hapus")]
    assert '"bobot": "50"' in log[0]["lama"] and '"bobot": "60"' in log[0]["baru"] and log[2]["baru"] is None


def test_percent_formatted_cells(siap, kinerja, tmp_path):
    f = buat_xlsx(tmp_path / "p.xlsx", {"Sasaran": [H, b(KADIS, "A", None, 50, satuan="%"),
                                                    b(KADIS, "B", None, None, satuan="dokumen")]})
    wb = openpyxl.load_workbook(f)
    ws = wb["Sasaran"]
    ws["J2"], ws["J2"].number_format = 0.95, "0%"
    ws["J3"], ws["J3"].number_format = 12, "0"
    ws["L3"], ws["L3"].number_format = 0.5, "0%"  # bobot shown as 50%
    wb.save(f)
    r = kinerja("sasaran", "impor", f, "--periode", "2026")
    assert r.exit_code == 0, r.output
    got = q(siap, "SELECT nomor, target_lo, bobot FROM sasaran ORDER BY nomor")
    assert got == [dict(nomor=1, target_lo="95", bobot="50"), dict(nomor=2, target_lo="12", bobot="50")]


def test_every_error_kind_reported_nothing_written(siap, kinerja, tmp_path):
    audit0, skp0 = n(siap, "audit"), n(siap, "sasaran")
    rows = [
        b(int(KADIS), "A", 100, 100),  # 2: NIP as number
        b("199912312020121999", "A", 100, 100),  # 3: unknown NIP
        b(STAF2, "A", "sembilan puluh", 50, nomor=1, jenis="pokok", aspek="mutu", arah="atas", maks="mungkin"),  # 4
        b(STAF2, "B", 90, "banyak", nomor=1),  # 5: duplicate nomor 1
        b(STAF2, "", -5, 0),  # 6: empty RHK, negative target, zero bobot
        b(PPPK1, "A", "90-80", 100, atasan=7),  # 7: range reversed, KADIS has no row 7
        b(SEKDA, "A", 100, 100, atasan=1),  # 8: Sekda has no atasan
        b(STAF1, "A", 100, 40),  # 9: bobot sums to 70
        b(STAF1, "B", 100, 30),
    ]
    r = impor(kinerja, tmp_path, rows, "buruk.xlsx")
    assert r.exit_code == 1
    e = r.stderr
    assert "ditolak" in e and "Tidak ada data yang ditulis" in e and "--tandai buruk.galat.xlsx" in e
    for potongan in ("tersimpan sebagai angka", "NIP 199912312020121999 tidak ada di daftar pegawai",
                     "Target 'sembilan puluh' bukan angka", "Jenis 'pokok' tidak dikenal", "Aspek 'mutu' tidak dikenal",
                     "Arah 'atas' tidak dikenal", "Target maksimal 'mungkin' tidak dikenal", "Bobot 'banyak' bukan angka",
                     "Nomor 1 ganda untuk NIP", "sudah dipakai di baris 4", "RHK (rencana hasil kerja) kosong",
                     "target harus lebih dari 0", "bobot harus lebih dari 0", "batas bawah harus lebih kecil",
                     "RHK atasan nomor 7 tidak ada", "tidak punya atasan langsung",
                     f"Jumlah bobot Citra Lestari ({STAF1}) adalah 70, harus 100"):
        assert potongan.lower() in e.lower(), potongan
    assert "Traceback" not in r.output
    assert n(siap, "audit") == audit0 and n(siap, "sasaran") == skp0


def test_cascade_link_to_stored_atasan_rows(siap, kinerja, tmp_path):
    assert impor(kinerja, tmp_path, KADIS_ROWS, "kadis.xlsx").exit_code == 0
    r = impor(kinerja, tmp_path, [b(STAF2, "A", 1, 100, atasan=2)], "staf.xlsx")
    assert r.exit_code == 0, r.output
    assert q(siap, "SELECT rhk_atasan_nomor FROM sasaran WHERE nip=?", STAF2)[0]["rhk_atasan_nomor"] == 2
    r = impor(kinerja, tmp_path, [b(STAF2, "A", 1, 100, atasan=3)], "staf2.xlsx")
    assert r.exit_code == 1
    assert f"RHK atasan nomor 3 tidak ada: SKP Budi Santoso, S.E. ({KADIS}) yang tersimpan" in r.stderr


def test_skip_errors_skips_whole_employee(siap, kinerja, tmp_path):
    rows = KADIS_ROWS + [b(STAF1, "A", 100, 50), b(STAF1, "B", "x", 50)]
    r = impor(kinerja, tmp_path, rows, "s.xlsx", "--lewati-galat")
    assert r.exit_code == 0, r.output
    assert {x["nip"] for x in q(siap, "SELECT nip FROM sasaran")} == {KADIS}
    assert "2 baris dilewati" in r.stderr and "punya galat di baris lain" in r.stderr


def test_dry_run_and_inactive_warning(siap, kinerja, tmp_path):
    r = impor(kinerja, tmp_path, KADIS_ROWS, "k.xlsx", "--dry-run")
    assert r.exit_code == 0 and "Uji coba" in r.stderr and "2 ditambah" in r.stderr
    assert n(siap, "sasaran") == 0
    rows = [list(x) for x in ROSTER if x[0] != STAF2]
    kinerja("pegawai", "impor", buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": [HEADER_PEGAWAI, *rows]}),
            "--nonaktifkan-yang-hilang")
    r = impor(kinerja, tmp_path, [b(STAF2, "A", 1, 100)], "s2.xlsx")
    assert r.exit_code == 0 and "nonaktif" in r.stderr and n(siap, "sasaran") == 1


def test_unusable_files_and_closed_period(siap, kinerja, tmp_path):
    palsu = tmp_path / "skp.xlsx"
    palsu.write_text("NIP;RHK\n")
    r = kinerja("sasaran", "impor", palsu, "--periode", "2026")
    assert r.exit_code == 1 and "bukan berkas Excel .xlsx" in r.stderr
    r = impor(kinerja, tmp_path, [], "kosong.xlsx", header=[])
    assert r.exit_code == 1 and "kosong" in r.stderr
    r = impor(kinerja, tmp_path, [[KADIS, "x"]], "judul.xlsx", header=["NIP", "Kegiatan"])
    assert r.exit_code == 1 and "kolom wajib tidak ditemukan: RHK, Indikator, Target, Bobot (%)" in r.stderr
    r = impor(kinerja, tmp_path, [], "judul2.xlsx")
    assert r.exit_code == 1 and "tidak berisi data" in r.stderr
    r = kinerja("sasaran", "impor", palsu, "--periode", "2027")
    assert r.exit_code == 1 and "Periode 2027 belum dibuat" in r.stderr
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    audit0 = n(siap, "audit")
    r = impor(kinerja, tmp_path, KADIS_ROWS, "k.xlsx")
    assert r.exit_code == 1 and "sudah ditutup" in r.stderr and "kinerja periode buka 2026" in r.stderr
    r = kinerja("sasaran", "tambah", KADIS, "--periode", "2026", "--rhk", "a", "--indikator", "b", "--target", "1",
                "--bobot", "100")
    assert r.exit_code == 1 and "sudah ditutup" in r.stderr
    assert n(siap, "sasaran") == 0 and n(siap, "audit") == audit0
    assert "Traceback" not in r.output


def tambah(kinerja, nip, *opsi):
    return kinerja("sasaran", "tambah", nip, "--periode", "2026", *opsi)


def test_tambah_rows_one_by_one(siap, kinerja):
    r = tambah(kinerja, KADIS, "--rhk", "Investasi", "--indikator", "Nilai investasi", "--target", "95,5",
               "--satuan", "%", "--bobot", "60", "--target-maksimal")
    assert r.exit_code == 0, r.output
    assert "nomor 1" in r.stderr and "Jumlah bobot" in r.stderr and "60,00" in r.stderr
    r = tambah(kinerja, "19800101 200501 1 002", "--rhk", "Izin", "--indikator", "Hari proses", "--target", "80-90",
               "--bobot", "40", "--arah", "turun", "--jenis", "tambahan", "--aspek", "waktu")
    assert r.exit_code == 0 and "nomor 2" in r.stderr and "Jumlah bobot" not in r.stderr
    got = q(siap, "SELECT nomor, jenis, aspek, target_lo, target_hi, bobot, arah, target_maksimal, satuan "
                  "FROM sasaran ORDER BY nomor")
    assert got == [dict(nomor=1, jenis="utama", aspek="kuantitas", target_lo="95.5", target_hi=None, bobot="60",
                        arah="naik", target_maksimal=1, satuan="%"),
                   dict(nomor=2, jenis="tambahan", aspek="waktu", target_lo="80", target_hi="90", bobot="40",
                        arah="turun", target_maksimal=0, satuan=None)]
    audit0 = n(siap, "audit")
    r = tambah(kinerja, KADIS, "--rhk", "Investasi", "--indikator", "Nilai investasi", "--target", "97",
               "--satuan", "%", "--bobot", "60", "--nomor", "1")
    assert r.exit_code == 0 and "diganti" in r.stderr
    log = q(siap, "SELECT aksi, lama, baru FROM audit WHERE id > ?", audit0)
    assert len(log) == 1 and log[0]["aksi"] == "ubah" and '"target_lo": "95.5"' in log[0]["lama"]
    assert '"target_lo": "97"' in log[0]["baru"] and n(siap, "sasaran") == 2
    # cascade: STAF1 -> KADIS row 2 exists, row 9 does not; SEKDA has no atasan
    ok = tambah(kinerja, STAF1, "--rhk", "a", "--indikator", "b", "--target", "1", "--bobot", "100", "--rhk-atasan", "2")
    assert ok.exit_code == 0
    r = tambah(kinerja, STAF1, "--rhk", "a", "--indikator", "b", "--target", "1", "--bobot", "10", "--rhk-atasan", "9")
    assert r.exit_code == 1 and "RHK atasan nomor 9 tidak ada" in r.stderr
    r = tambah(kinerja, SEKDA, "--rhk", "a", "--indikator", "b", "--target", "1", "--bobot", "10", "--rhk-atasan", "1")
    assert r.exit_code == 1 and "tidak punya atasan langsung" in r.stderr
    for salah, pesan in ((["--target", "sembilan"], "bukan angka"), (["--target", "0"], "lebih dari 0"),
                         (["--bobot", "-3"], "Bobot harus lebih dari 0")):
        opsi = {"--target": "1", "--bobot": "10", salah[0]: salah[1]}
        r = tambah(kinerja, STAF2, "--rhk", "a", "--indikator", "b", *[x for kv in opsi.items() for x in kv])
        assert r.exit_code == 1 and pesan in r.stderr, r.output
    r = tambah(kinerja, "199912312020121999", "--rhk", "a", "--indikator", "b", "--target", "1", "--bobot", "10")
    assert r.exit_code == 1 and "tidak ada di basis data" in r.stderr
    assert n(siap, "sasaran") == 3


def test_daftar_formats_and_bobot_caption(siap, kinerja, tmp_path):
    assert impor(kinerja, tmp_path, KADIS_ROWS + STAF1_ROWS).exit_code == 0
    assert tambah(kinerja, STAF2, "--rhk", "a", "--indikator", "b", "--target", "1", "--bobot", "30").exit_code == 0
    with sqlite3.connect(siap) as c:
        c.execute("INSERT INTO realisasi VALUES ('2026', ?, 1, '97.5', NULL, 'x')", [STAF1])
    r = kinerja("sasaran", "daftar", "--periode", "2026")
    assert r.exit_code == 0 and "Jumlah bobot bukan 100: Dewi Sartika" in r.stdout and "97,5 " in r.stdout  # as stored
    d = kinerja("sasaran", "daftar", "--periode", "2026", "--unit", "dpmptsp", "--format", "json").json()
    assert len(d) == 6 and {x["nip"] for x in d} == {KADIS, STAF1, STAF2}
    assert [x["realisasi"] for x in d if x["nip"] == STAF1] == [97.5, None, None]
    r = kinerja("sasaran", "daftar", "--periode", "2026", "--format", "csv")
    assert r.stdout.splitlines()[0] == ("nip,nama,nomor,jenis,rhk,rhk_atasan_nomor,aspek,indikator,target,satuan,"
                                        "bobot,arah,target_maksimal,realisasi,perspektif")
    assert "Dewi Sartika" in r.stderr
    r = kinerja("sasaran", "daftar", "--periode", "2026", "--unit", "Tidak Ada")
    assert r.exit_code == 1 and "tidak ditemukan" in r.stderr


def test_numeric_nip_does_not_hide_other_problems_or_fake_a_bobot_error(monkeypatch, db_siap, kinerja, tmp_path, db_path):
    """One row of STAF1 has the NIP as a number AND a misspelled arah: both are reported; STAF1's
    bobot (60 + 40) is not reported as 60."""
    monkeypatch.setenv("COLUMNS", "2000")
    kinerja("periode", "buat", "2026", "--metode", "pp30")
    rows = [["NIP", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)", "Arah"],
            [STAF1, "Izin", "Izin terbit", 100, "%", 60, "naik"],
            [int(STAF1), "Cepat", "Hari izin", 5, "hari", 40, "turunn"]]
    r = kinerja("sasaran", "impor", buat_xlsx(tmp_path / "s.xlsx", {"Sasaran": rows}), "--periode", "2026")
    assert r.exit_code == 1
    assert "tersimpan sebagai angka" in r.stderr and f"mungkin NIP {STAF1}" in r.stderr
    assert "turunn" in r.stderr
    assert "Jumlah bobot" not in r.stderr
