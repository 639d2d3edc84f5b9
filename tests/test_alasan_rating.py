"""Issue 14: a reason per rating. The pejabat penilai sets two ratings (hasil kerja, perilaku kerja); each
keeps its own reason. Before, one `alasan` served both: setting the perilaku rating with its reason
overwrote the hasil kerja reason, which then survived only in `kinerja riwayat`.

Data (data_nilai.py): STAF1 is complete (saran Di Atas × Sesuai), his atasan is KADIS."""

from __future__ import annotations

import json
import sqlite3

import openpyxl
import pytest

from conftest import KADIS, SEKDA, STAF1, STAF2, buat_xlsx
from data_nilai import isi

A, B = "target utama terlampaui", "kolaborasi lintas bidang baik"
JUDUL = ["NIP", "Nama", "Rating Hasil Kerja", "Rating Perilaku", "Alasan", "NIP Pejabat Penilai"]


@pytest.fixture
def p6(db_siap, kinerja, db_path):
    assert kinerja("periode", "buat", "2026", "--metode", "permenpan6").exit_code == 0
    isi(db_path)
    return db_path


def _tersimpan(db_path, nip=STAF1):
    with sqlite3.connect(db_path) as c:
        return c.execute("SELECT hasil_kerja, perilaku, alasan_hasil_kerja, alasan_perilaku FROM rating_langsung "
                         "WHERE nip = ?", [nip]).fetchone()


def _satu_baris(teks: str) -> str:
    return " ".join(teks.split())


def _tetapkan_a_lalu_b(kinerja):
    r = kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--hasil-kerja", "di-atas", "--alasan", A)
    assert r.exit_code == 0, r.output
    r = kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--perilaku", "sesuai", "--alasan", B)
    assert r.exit_code == 0, r.output
    return r


def test_second_rating_keeps_the_first_reason_everywhere(p6, kinerja, db_path, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    r = _tetapkan_a_lalu_b(kinerja)
    assert _satu_baris(r.stderr).endswith(
        f"Rating langsung diubah: hasil kerja Di Atas Ekspektasi (alasan: {A}), perilaku Sesuai Ekspektasi "
        f"(alasan: {B}); pejabat penilai Budi Santoso, S.E. ({KADIS}).")
    assert _tersimpan(db_path) == ("di-atas", "sesuai", A, B)
    # nilai --rinci: each reason beside its rating
    t = _satu_baris(kinerja("nilai", "-p", "2026", "--nip", STAF1, "--rinci").stdout)
    oleh = f"Budi Santoso, S.E. ({KADIS})"  # each rating names its pejabat penilai (h14 Q3/Q5)
    assert (f"Rating hasil kerja: Di Atas Ekspektasi (ditetapkan pejabat penilai {oleh}; saran: Di Atas Ekspektasi; "
            f"alasan: {A})") in t
    assert (f"Rating perilaku kerja: Sesuai Ekspektasi (ditetapkan pejabat penilai {oleh}; saran: Sesuai Ekspektasi; "
            f"alasan: {B})") in t
    j = kinerja("nilai", "-p", "2026", "--nip", STAF1, "--rinci", "--format", "json").json()
    assert j["rincian"]["rating_langsung"] == {"hasil_kerja": "di-atas", "perilaku": "sesuai", "alasan_hasil_kerja": A,
                                               "alasan_perilaku": B, "alasan": f"hasil kerja: {A}; perilaku: {B}",
                                               "oleh_hasil_kerja": KADIS, "oleh_perilaku": KADIS,
                                               "nama_oleh_hasil_kerja": "Budi Santoso, S.E.",
                                               "nama_oleh_perilaku": "Budi Santoso, S.E."}
    # rating daftar: both reasons on screen and for scripts (`alasan`: both in one text)
    t = kinerja("rating", "daftar", "-p", "2026", "--format", "csv").stdout.splitlines()
    assert t[0].split(",")[3:8] == ["hasil_kerja", "alasan_hasil_kerja", "perilaku", "alasan_perilaku", "alasan"]
    d = kinerja("rating", "daftar", "-p", "2026", "--format", "json").json()[0]
    assert (d["alasan_hasil_kerja"], d["alasan_perilaku"], d["alasan"]) == (A, B, f"hasil kerja: {A}; perilaku: {B}")
    layar = kinerja("rating", "daftar", "-p", "2026").stdout
    assert "Alasan Hasil Kerja" in layar and "Alasan Perilaku" in layar and A in layar and B in layar
    # the recap's Catatan
    f = tmp_path / "rekap.xlsx"
    assert kinerja("ekspor", "rekap", f, "-p", "2026").exit_code == 0
    sel = [c.value for row in openpyxl.load_workbook(f)["Rekap"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any(f"rating hasil kerja ditetapkan {oleh}: {A}; rating perilaku kerja ditetapkan {oleh}: {B}" in v
               for v in sel)
    # the audit log: old and new reason of each rating
    h = kinerja("riwayat", "--nip", STAF1, "--format", "json").json()
    ubah = next(x for x in h if x["aksi"] == "ubah")
    lama, baru = json.loads(ubah["lama"]), json.loads(ubah["baru"])
    assert (lama["alasan_hasil_kerja"], lama["alasan_perilaku"]) == (A, None)
    assert (baru["alasan_hasil_kerja"], baru["alasan_perilaku"]) == (A, B)


def test_both_ratings_with_one_reason_then_one_changed(p6, kinerja, db_path):
    r = kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--hasil-kerja", "di-atas", "--perilaku", "sesuai",
                "--alasan", A)
    assert r.exit_code == 0, r.output
    assert _tersimpan(db_path) == ("di-atas", "sesuai", A, A)
    t = _satu_baris(kinerja("nilai", "-p", "2026", "--nip", STAF1, "--rinci").stdout)
    assert t.count(f"alasan: {A})") == 2
    assert kinerja("rating", "daftar", "-p", "2026", "--format", "json").json()[0]["alasan"] == A
    kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--hasil-kerja", "sesuai", "--alasan", B)
    assert _tersimpan(db_path) == ("sesuai", "sesuai", B, A)


def test_closed_period_refuses_and_its_snapshot_shows_both_reasons(p6, kinerja, db_path):
    _tetapkan_a_lalu_b(kinerja)
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    r = kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--hasil-kerja", "sesuai", "--alasan", "baru")
    assert r.exit_code == 1 and "Periode 2026 sudah ditutup" in r.stderr
    assert _tersimpan(db_path) == ("di-atas", "sesuai", A, B)
    with sqlite3.connect(db_path) as c:  # the frozen record holds both reasons
        (data,) = c.execute("SELECT data FROM hasil_snapshot WHERE nip = ?", [STAF1]).fetchone()
    lg = json.loads(data)["rating_langsung"]
    assert (lg["alasan_hasil_kerja"], lg["alasan_perilaku"]) == (A, B)
    t = _satu_baris(kinerja("nilai", "-p", "2026", "--nip", STAF1, "--rinci").stdout)
    assert f"alasan: {A})" in t and f"alasan: {B})" in t


def test_import_sets_only_the_reasons_of_the_ratings_in_the_row(p6, kinerja, db_path, tmp_path):
    kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--hasil-kerja", "di-atas", "--alasan", A)
    kinerja("rating", "tetapkan", STAF2, "-p", "2026", "--hasil-kerja", "di-bawah", "--alasan", "target tidak tercapai")
    f = buat_xlsx(tmp_path / "r.xlsx", {"Rating": [
        JUDUL + ["Alasan Hasil Kerja", "Alasan Perilaku"],
        [STAF1, "Citra", None, "Sesuai Ekspektasi", B, KADIS, None, None],  # Alasan: the perilaku rating only
        [STAF2, "Dewi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi", None, KADIS, "revisi target disetujui",
         "sering terlambat"],
    ]})
    r = kinerja("rating", "impor", f, "-p", "2026")
    assert r.exit_code == 0, r.output
    assert "0 rating ditetapkan, 2 diubah" in r.stderr
    assert _tersimpan(db_path) == ("di-atas", "sesuai", A, B)
    assert _tersimpan(db_path, STAF2) == ("sesuai", "di-bawah", "revisi target disetujui", "sering terlambat")
    # the same file again changes nothing
    assert "0 diubah, 2 tetap" in kinerja("rating", "impor", f, "-p", "2026").stderr
    # the template pre-fills the stored reasons so that, unchanged, it imports as "tetap"
    g = tmp_path / "templat.xlsx"
    assert kinerja("templat", g, "-p", "2026", "--unit", "DPMPTSP").exit_code == 0
    ws = openpyxl.load_workbook(g)["Rating"]
    judul = [c.value for c in ws[1]]
    baris = {r[0]: dict(zip(judul, r)) for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}
    assert (baris[STAF1]["Alasan"], baris[STAF1]["Alasan Hasil Kerja"], baris[STAF1]["Alasan Perilaku"]) == (None, A, B)
    r = kinerja("rating", "impor", g, "-p", "2026")
    assert r.exit_code == 0 and "0 diubah" in r.stderr, r.output
    assert _tersimpan(db_path) == ("di-atas", "sesuai", A, B)


def test_import_refuses_reasons_it_cannot_place(p6, kinerja, db_path, tmp_path):
    f = buat_xlsx(tmp_path / "salah.xlsx", {"Rating": [
        JUDUL + ["Alasan Hasil Kerja", "Alasan Perilaku"],
        [STAF1, "Citra", None, "sesuai", "x", KADIS, "alasan tanpa rating", None],  # 2
        [STAF2, "Dewi", "sesuai", "sesuai", "umum", KADIS, "hk", "pk"],  # 3: Alasan belongs to no rating
        [KADIS, "Budi", "sesuai", "sesuai", None, SEKDA, "hk", None],  # 4: perilaku without a reason
    ]})
    from kinerja_cli.errors import ImporDitolak
    from kinerja_cli.services import rating
    from kinerja_cli.store.db import buka_db

    db = buka_db(db_path)
    try:
        with pytest.raises(ImporDitolak) as e:
            rating.impor(db, f, "2026")
    finally:
        db.close()
    m = {(x.baris, x.kolom): (x.pesan, x.saran) for x in e.value.masalah}
    assert e.value.pesan == "Impor salah.xlsx ditolak: 3 galat di 3 baris. Tidak ada data yang ditulis."
    assert m[(2, "G (Alasan Hasil Kerja)")] == (
        "Alasan Hasil Kerja diisi tetapi Rating Hasil Kerja kosong",
        "isi Rating Hasil Kerja (rating yang sama bila hanya alasannya yang berubah), atau kosongkan Alasan Hasil Kerja")
    assert m[(3, "E (Alasan)")] == (
        "Alasan tidak dipakai: setiap rating di baris ini punya alasannya sendiri (Alasan Hasil Kerja, Alasan "
        "Perilaku) yang berbeda", "kosongkan Alasan, atau kosongkan alasan per rating yang seharusnya memakai Alasan")
    assert m[(4, "E (Alasan)")] == ("Alasan kosong untuk Rating Perilaku",
                                    "tulis alasannya di Alasan Perilaku atau di Alasan (dicatat di log audit)")
    r = kinerja("rating", "impor", f, "-p", "2026")
    assert r.exit_code == 1 and "3 galat di 3 baris" in _satu_baris(r.stderr)
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT COUNT(*) FROM rating_langsung").fetchone()[0] == 0


def test_terima_saran_sets_the_reason_of_each_rating_it_accepts(p6, kinerja, db_path):
    kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--hasil-kerja", "di-atas", "--alasan", A)
    r = kinerja("rating", "terima-saran", "-p", "2026", "--unit", "DPMPTSP", "--oleh", KADIS, "--alasan", B)
    assert r.exit_code == 0 and "1 pegawai ditetapkan dari saran" in _satu_baris(r.output), r.output
    assert _tersimpan(db_path) == ("di-atas", "sesuai", A, B)  # only the perilaku rating was a saran


# --- an existing database (schema 0009, before the reasons were split) -------------------------

def test_database_before_0010_opens_and_keeps_every_reason(kinerja, tmp_path, monkeypatch):
    from kinerja_cli.store import skema

    p = tmp_path / "lama.db"
    semua = list(skema.migrasi._migrations)
    i = [m.name for m in semua].index("0010_alasan_per_rating")
    monkeypatch.setattr(skema.migrasi, "_migrations", semua[:i])  # the schema HEAD made: 0001 .. 0009
    assert kinerja("init", "--db", p).exit_code == 0
    assert kinerja("periode", "buat", "2026", "--metode", "permenpan6", "--db", p).exit_code == 0
    t = "2026-02-01T08:00:00"
    with sqlite3.connect(p) as c:
        assert "alasan" in [r[1] for r in c.execute("PRAGMA table_info(rating_langsung)")]
        for nip, nama in ((KADIS, "Budi"), (STAF1, "Citra"), (STAF2, "Dewi"), ("199001012022211005", "Eko")):
            c.execute("INSERT INTO pegawai (nip, nama, unit, status, dibuat, diubah) VALUES (?,?,?,?,?,?)",
                      [nip, nama, "DPMPTSP", "PNS", t, t])
        c.executemany("INSERT INTO rating_langsung (periode, nip, hasil_kerja, perilaku, alasan, oleh, diubah) "
                      "VALUES ('2026',?,?,?,?,?,?)",
                      [(KADIS, "di-atas", "sesuai", "keduanya", None, t), (STAF1, "sesuai", None, "hanya hk", KADIS, t),
                       (STAF2, None, "di-bawah", "hanya pk", KADIS, t), ("199001012022211005", None, None, "tanpa rating",
                                                                          KADIS, t)])
        sebelum = {tb: c.execute(f'SELECT COUNT(*) FROM "{tb}"').fetchone()[0] for (tb,) in
                   c.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    monkeypatch.setattr(skema.migrasi, "_migrations", semua)
    d = kinerja("rating", "daftar", "-p", "2026", "--db", p, "--format", "json").json()
    assert {x["nip"]: (x["hasil_kerja"], x["perilaku"], x["alasan_hasil_kerja"], x["alasan_perilaku"], x["alasan"])
            for x in d} == {
        KADIS: ("di-atas", "sesuai", "keduanya", "keduanya", "keduanya"),
        STAF1: ("sesuai", None, "hanya hk", None, "hanya hk"),
        STAF2: (None, "di-bawah", None, "hanya pk", "hanya pk"),
        "199001012022211005": (None, None, "tanpa rating", "tanpa rating", "tanpa rating")}
    with sqlite3.connect(p) as c:
        sesudah = {tb: c.execute(f'SELECT COUNT(*) FROM "{tb}"').fetchone()[0] for (tb,) in
                   c.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
        assert "alasan" not in [r[1] for r in c.execute("PRAGMA table_info(rating_langsung)")]
        assert c.execute("SELECT diubah, oleh FROM rating_langsung WHERE nip = ?", [STAF1]).fetchone() == (t, KADIS)
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    baru = len(skema.migrasi._migrations) - i  # 0010 and the migrations after it
    lama = {tb: n for tb, n in sesudah.items() if tb in sebelum}  # tables later migrations add are new and empty
    assert lama == {**sebelum, "_sqlite_migrations": sebelum["_sqlite_migrations"] + baru}
    assert all(sesudah[tb] == 0 for tb in set(sesudah) - set(sebelum))
    # and it is written the new way: the second rating keeps the first one's reason
    r = kinerja("rating", "tetapkan", STAF1, "-p", "2026", "--perilaku", "sesuai", "--alasan", B, "--db", p)
    assert r.exit_code == 0, r.output
    assert _tersimpan(p) == ("sesuai", "sesuai", "hanya hk", B)
