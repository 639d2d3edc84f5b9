"""Issue 17 §3: correcting single entries (hapus/ubah), audited, refused in a closed period; a period
created by mistake deleted while it holds no data."""

from __future__ import annotations

import json
import sqlite3

from conftest import KADIS, STAF1


def q(db, sql, *args):
    with sqlite3.connect(db) as c:
        c.row_factory = sqlite3.Row
        return [dict(r) for r in c.execute(sql, args)]


def audit_akhir(db):
    return q(db, "SELECT tabel, kunci, aksi, lama, baru, nip FROM audit ORDER BY id DESC LIMIT 1")[0]


def pesan(r):
    return " ".join(r.stderr.split())


def test_hapus_and_ubah_inovasi(db_periode, kinerja):
    assert kinerja("inovasi", "catat", STAF1, "Izin daring", "--periode", "2026", "--tanggal", "2026-03-01").exit_code == 0
    r = kinerja("inovasi", "ubah", "1", "--uraian", "Izin daring 1 hari", "--tanggal", "15/03/2026")
    assert r.exit_code == 0, r.output
    assert 'Inovasi nomor 1 diubah (tercatat di log audit): "Izin daring 1 hari"' in pesan(r)
    assert "15 Maret 2026" in pesan(r)
    assert q(db_periode, "SELECT uraian, tanggal FROM inovasi") == [{"uraian": "Izin daring 1 hari",
                                                                    "tanggal": "2026-03-15"}]
    a = audit_akhir(db_periode)
    assert (a["tabel"], a["kunci"], a["aksi"], a["nip"]) == ("inovasi", "1", "ubah", STAF1)
    assert json.loads(a["lama"]) == {"uraian": "Izin daring", "tanggal": "2026-03-01"}
    r = kinerja("inovasi", "hapus", "1")
    assert r.exit_code == 0 and "Inovasi nomor 1 dihapus" in pesan(r)
    assert q(db_periode, "SELECT COUNT(*) AS n FROM inovasi")[0]["n"] == 0
    a = audit_akhir(db_periode)
    assert (a["aksi"], a["baru"]) == ("hapus", None) and json.loads(a["lama"])["uraian"] == "Izin daring 1 hari"
    r = kinerja("inovasi", "hapus", "1")
    assert r.exit_code == 1 and "Inovasi nomor 1 tidak ada" in pesan(r) and "kinerja inovasi daftar" in pesan(r)


def test_hapus_umpan_balik_refused_in_closed_period(db_periode, kinerja):
    assert kinerja("umpan-balik", "catat", STAF1, "Laporan tepat waktu", "--periode", "2026", "--dari", KADIS,
                   "--tanggal", "2026-03-01").exit_code == 0
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    for args in (("hapus", "1"), ("ubah", "1", "--teks", "x")):
        r = kinerja("umpan-balik", *args)
        assert r.exit_code == 1 and "Periode 2026 sudah ditutup" in pesan(r), r.output
    assert q(db_periode, "SELECT teks FROM umpan_balik") == [{"teks": "Laporan tepat waktu"}]
    assert kinerja("periode", "buka", "2026", "--alasan", "koreksi").exit_code == 0
    r = kinerja("umpan-balik", "hapus", "1")
    assert r.exit_code == 0 and "Umpan balik nomor 1 dihapus" in pesan(r)
    assert audit_akhir(db_periode)["tabel"] == "umpan_balik"


def test_hapus_pelatihan_and_closed_period_by_date(db_periode, kinerja):
    assert kinerja("pelatihan", "catat", STAF1, "--kegiatan", "Bimtek SAKIP", "--jenis", "bimtek",
                   "--tanggal", "2026-02-10", "--jp", "8").exit_code == 0
    r = kinerja("pelatihan", "daftar", "--format", "json")
    assert r.json()[0]["id"] == 1
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    r = kinerja("pelatihan", "hapus", "1")
    assert r.exit_code == 1 and "termasuk periode 2026 yang sudah ditutup" in pesan(r)
    assert kinerja("periode", "buka", "2026", "--alasan", "koreksi").exit_code == 0
    r = kinerja("pelatihan", "hapus", "1")
    assert r.exit_code == 0 and "Kegiatan pengembangan nomor 1 dihapus" in pesan(r) and "10 Februari 2026" in pesan(r)
    assert q(db_periode, "SELECT COUNT(*) AS n FROM pelatihan")[0]["n"] == 0
    assert audit_akhir(db_periode)["aksi"] == "hapus"


def test_hapus_layanan_nilai(db_siap, kinerja):
    assert kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", "Waktu izin", "--satuan", "hari",
                   "--arah", "turun").exit_code == 0
    assert kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", "--periode", "2026-T1", "--nilai", "4,5").exit_code == 0
    r = kinerja("layanan", "hapus", "dpmptsp", "--indikator", "1", "--periode", "2026-T1")
    assert r.exit_code == 0 and "Nilai dihapus (tercatat di log audit): DPMPTSP — Waktu izin, 2026-T1: 4,5 hari" in pesan(r)
    assert q(db_siap, "SELECT COUNT(*) AS n FROM layanan_nilai")[0]["n"] == 0
    a = audit_akhir(db_siap)
    assert (a["tabel"], a["kunci"], a["aksi"]) == ("layanan_nilai", "DPMPTSP/Waktu izin/2026-T1", "hapus")
    r = kinerja("layanan", "hapus", "DPMPTSP", "--indikator", "1", "--periode", "2026-T1")
    assert r.exit_code == 1 and "belum punya nilai untuk periode 2026-T1" in pesan(r)


def test_hapus_periode_only_while_empty(db_periode, kinerja):
    assert kinerja("periode", "buat", "2062").exit_code == 0
    r = kinerja("periode", "hapus", "2062")
    assert r.exit_code == 0 and "Periode 2062 dihapus" in pesan(r)
    assert [p["kode"] for p in kinerja("periode", "daftar", "--format", "json").json()] == ["2026"]
    a = audit_akhir(db_periode)
    assert (a["tabel"], a["kunci"], a["aksi"]) == ("periode", "2062", "hapus")
    assert kinerja("inovasi", "catat", STAF1, "Izin daring", "--periode", "2026").exit_code == 0
    r = kinerja("periode", "hapus", "2026")
    assert r.exit_code == 1 and "Periode 2026 tidak dapat dihapus: sudah berisi data (inovasi 1)" in pesan(r)


def _tambah(kinerja, nip, periode, rhk, target, bobot):
    r = kinerja("sasaran", "tambah", nip, "--periode", periode, "--rhk", rhk, "--indikator", f"Indikator {rhk}",
                "--target", target, "--bobot", bobot, "--satuan", "dokumen")
    assert r.exit_code == 0, r.output


def test_sasaran_salin_copies_as_draf_and_skips_who_has_rows(db_periode, kinerja):
    from conftest import STAF2

    _tambah(kinerja, STAF1, "2026", "Izin terbit", "80-90", "60")
    _tambah(kinerja, STAF1, "2026", "Laporan", "12", "40")
    _tambah(kinerja, STAF2, "2026", "Arsip", "100", "100")
    assert kinerja("realisasi", "catat", STAF1, "--periode", "2026", "--nomor", "1", "--nilai", "85").exit_code == 0
    assert kinerja("periode", "buat", "2027").exit_code == 0
    _tambah(kinerja, STAF2, "2027", "Arsip baru", "50", "100")  # already has rows: never overwritten
    r = kinerja("sasaran", "salin", "--dari", "2026", "--ke", "2027", "--unit", "dpmptsp")
    assert r.exit_code == 0, r.output
    assert ("SKP 1 pegawai (2 baris) disalin dari periode 2026 ke 2027 sebagai draf; 1 pegawai dilewati karena "
            "sudah punya SKP di periode 2027") in pesan(r)
    baris = q(db_periode, "SELECT nip, nomor, rhk, target_lo, target_hi, bobot FROM sasaran WHERE periode = '2027' "
                          "ORDER BY nip, nomor")
    assert baris == [{"nip": STAF1, "nomor": 1, "rhk": "Izin terbit", "target_lo": "80", "target_hi": "90", "bobot": "60"},
                     {"nip": STAF1, "nomor": 2, "rhk": "Laporan", "target_lo": "12", "target_hi": None, "bobot": "40"},
                     {"nip": STAF2, "nomor": 1, "rhk": "Arsip baru", "target_lo": "50", "target_hi": None, "bobot": "100"}]
    assert q(db_periode, "SELECT COUNT(*) AS n FROM realisasi WHERE periode = '2027'")[0]["n"] == 0
    assert q(db_periode, "SELECT COUNT(*) AS n FROM skp_status WHERE periode = '2027'")[0]["n"] == 0
    log = q(db_periode, "SELECT kunci, aksi, baru FROM audit WHERE tabel = 'sasaran' AND kunci LIKE '2027/%198502%'")
    assert [(x["kunci"], x["aksi"]) for x in log] == [(f"2027/{STAF1}/1", "tambah"), (f"2027/{STAF1}/2", "tambah")]
    assert json.loads(log[0]["baru"])["disalin_dari"] == "2026"
    r = kinerja("sasaran", "salin", "--dari", "2026", "--ke", "2027")  # again: nothing to copy
    assert r.exit_code == 0 and "SKP 0 pegawai (0 baris) disalin" in pesan(r) and "2 pegawai dilewati" in pesan(r)
