"""A pejabat penilai outside the roster gives perilaku scores (issue 17 §3).

KADIS heads an OPD whose roster has no NIP Atasan: his atasan is the Sekda, recorded with
`kinerja pegawai atasan-luar` (NIP Penilai 'atasan-luar'); SEKDA has none recorded, so his pejabat
penilai is the kepala daerah of the instansi profile (NIP Penilai 'kepala-daerah'). Their scores
were refused before (perilaku.penilai REFERENCES pegawai(nip)), so these heads stayed 'belum dinilai
atasan' for ever.
"""

from __future__ import annotations

import json
import sqlite3

import openpyxl
import pytest

from conftest import HEADER_PEGAWAI, KADIS, ROSTER, SEKDA, STAF1, buat_xlsx
from kinerja_cli.store import skema

ASPEK = ["pelayanan=100", "akuntabel=100", "kompeten=100", "harmonis=100", "loyal=100", "adaptif=100",
         "kolaboratif=100"]
SEKDA_LUAR = "Drs. Yuen Karnova, M.Si."


def _skor(*pasangan):
    return [x for p in pasangan for x in ("--skor", p)]


@pytest.fixture
def luar(db_periode, kinerja, tmp_path):
    """KADIS without NIP Atasan (his Sekda outside the roster, recorded), the profile's kepala daerah."""
    roster = [[*b[:6], None if b[0] == KADIS else b[6], b[7]] for b in ROSTER]
    assert kinerja("pegawai", "impor", buat_xlsx(tmp_path / "r.xlsx", {"Pegawai": [HEADER_PEGAWAI, *roster]})).exit_code == 0
    assert kinerja("pegawai", "atasan-luar", KADIS, "--nama", SEKDA_LUAR, "--jabatan", "Sekretaris Daerah").exit_code == 0
    assert kinerja("instansi", "--kepala-nama", "H. Erman Safar", "--kepala-jabatan", "Wali Kota",
                   "--pemda", "Pemerintah Kota Bukittinggi").exit_code == 0


def _tersimpan(db_path):
    with sqlite3.connect(db_path) as c:
        return c.execute("SELECT nip, penilai, peran, pelayanan FROM perilaku ORDER BY nip").fetchall()


def test_record_by_the_atasan_outside_the_roster_counts_as_the_atasan(luar, kinerja, db_path):
    r = kinerja("perilaku", "catat", KADIS, "-p", "2026", "--penilai", "Atasan-Luar", "--peran", "atasan", *_skor(*ASPEK))
    assert r.exit_code == 0, r.output
    r = kinerja("perilaku", "catat", SEKDA, "-p", "2026", "--penilai", "kepala-daerah", "--peran", "atasan",
                *_skor("pelayanan=90"))
    assert r.exit_code == 0, r.output
    assert "Penilai H. Erman Safar (Wali Kota) menilai" in " ".join(r.stderr.split())  # named, not 'kepala-daerah'
    assert _tersimpan(db_path) == [(SEKDA, "kepala-daerah", "atasan", "90"), (KADIS, "atasan-luar", "atasan", "100")]
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT kunci, aksi FROM audit WHERE tabel = 'perilaku' ORDER BY id").fetchall() == [
            (f"2026/{KADIS}/atasan-luar", "tambah"), (f"2026/{SEKDA}/kepala-daerah", "tambah")]
    # the atasan's score in NPK (pp30): no longer 'belum dinilai atasan'
    d = kinerja("nilai", "-p", "2026", "--nip", KADIS, "--rinci", "--format", "json").json()
    assert d["npk"] == 100.0 and "tanpa_penilaian_atasan" not in d["catatan"]
    assert d["rincian"]["masukan"]["penilaian"][0]["nama_penilai"] == f"{SEKDA_LUAR} (Sekretaris Daerah)"
    assert d["rincian"]["hasil"]["perilaku"]["bobot_peran"] == {"atasan": "100"}
    status = kinerja("status", "-p", "2026", "--rinci", "--format", "json").json()
    assert {p["nip"]: p["atasan_menilai"] for p in status}[KADIS] is True
    # listed and shown with the rater's name
    daftar = kinerja("perilaku", "daftar", "-p", "2026", "--format", "json").json()
    assert {(b["nip"], b["penilai"], b["nama_penilai"]) for b in daftar} >= {
        (KADIS, "atasan-luar", f"{SEKDA_LUAR} (Sekretaris Daerah)"), (SEKDA, "kepala-daerah", "H. Erman Safar (Wali Kota)")}
    r = kinerja("nilai", "-p", "2026", "--nip", KADIS, "--rinci")
    assert SEKDA_LUAR in r.stdout and "atasan di luar daftar" in " ".join(r.stdout.split())  # named, not the token


def test_other_penilai_refused_with_the_fix(luar, kinerja, db_path):
    sekda_nip = "196512121990031001"  # the real Sekda's NIP, not on this roster
    r = kinerja("perilaku", "catat", KADIS, "-p", "2026", "--penilai", sekda_nip, "--peran", "atasan", *_skor(*ASPEK))
    t = " ".join(r.stderr.split())
    assert r.exit_code == 1
    assert f"Penilai {sekda_nip} tidak ada di daftar pegawai" in t
    assert f'kinerja pegawai atasan-luar {KADIS} --nama "..." --jabatan "..."' in t and "atasan-luar" in t
    # the kepala daerah is not KADIS's pejabat penilai: his Sekda is recorded
    r = kinerja("perilaku", "catat", KADIS, "-p", "2026", "--penilai", "kepala-daerah", "--peran", "atasan", *_skor(*ASPEK))
    assert r.exit_code == 1
    assert (f"Pejabat penilai {KADIS} di luar daftar pegawai adalah {SEKDA_LUAR} (Sekretaris Daerah), bukan "
            "kepala-daerah") in " ".join(r.stderr.split())
    # only as atasan
    r = kinerja("perilaku", "catat", KADIS, "-p", "2026", "--penilai", "atasan-luar", "--peran", "rekan", *_skor(*ASPEK))
    assert r.exit_code == 1 and "hanya menilai sebagai atasan, bukan rekan" in " ".join(r.stderr.split())
    # someone with an atasan in the roster is rated by him
    r = kinerja("perilaku", "catat", STAF1, "-p", "2026", "--penilai", "atasan-luar", "--peran", "atasan", *_skor(*ASPEK))
    assert r.exit_code == 1
    assert f"Pegawai {STAF1} punya atasan langsung di daftar pegawai ({KADIS})" in " ".join(r.stderr.split())
    assert _tersimpan(db_path) == []


def test_sheet_accepts_the_keywords_and_refuses_an_unknown_nip(luar, kinerja, tmp_path, db_path):
    kepala = ["NIP", "Nama", "NIP Penilai", "Peran", "Pelayanan", "Akuntabel"]
    f = buat_xlsx(tmp_path / "p.xlsx", {"Perilaku": [kepala, [KADIS, "Budi", "atasan-luar", "atasan", 110, 100],
                                                     [SEKDA, "Ahmad", "Kepala Daerah", "atasan", 95, 95],
                                                     [STAF1, "Citra", KADIS, "atasan", 100, 100]]})
    r = kinerja("perilaku", "impor", f, "-p", "2026")
    assert r.exit_code == 0, r.output
    assert _tersimpan(db_path) == [(SEKDA, "kepala-daerah", "atasan", "95"), (KADIS, "atasan-luar", "atasan", "110"),
                                   (STAF1, KADIS, "atasan", "100")]
    r = kinerja("perilaku", "impor", f, "-p", "2026")  # unchanged file: nothing changes
    assert r.exit_code == 0 and "0 ditambah, 0 diubah, 3 tetap" in " ".join(r.output.split())
    g = buat_xlsx(tmp_path / "q.xlsx", {"Perilaku": [kepala, [KADIS, "Budi", "196512121990031001", "atasan", 90, 90],
                                                     [SEKDA, "Ahmad", "atasan-luar", "atasan", 90, 90]]})
    r = kinerja("perilaku", "impor", g, "-p", "2026")
    t = " ".join(r.stderr.split())
    assert r.exit_code == 1
    assert "Penilai 196512121990031001 tidak ada di daftar pegawai" in r.stderr  # (cells of a table: short pieces)
    assert f"atasan-luar {KADIS}" in r.stderr and "bukan atasan-luar" in r.stderr and "Erman Safar" in r.stderr
    assert _tersimpan(db_path)[1] == (KADIS, "atasan-luar", "atasan", "110")  # all or nothing


def test_template_prefills_the_outside_rater(luar, kinerja, tmp_path):
    f = tmp_path / "t.xlsx"
    assert kinerja("templat", f, "-p", "2026").exit_code == 0
    ws = openpyxl.load_workbook(f)["Perilaku"]
    baris = {ws.cell(row=i, column=1).value: [c.value for c in ws[i]] for i in range(2, ws.max_row + 1)}
    assert "atasan-luar" in baris[KADIS] and "kepala-daerah" in baris[SEKDA]


def test_permenpan6_saran_and_document_name_the_outside_rater(db_siap, kinerja, tmp_path, db_path):
    roster = [[*b[:6], None if b[0] == KADIS else b[6], b[7]] for b in ROSTER]
    kinerja("pegawai", "impor", buat_xlsx(tmp_path / "r.xlsx", {"Pegawai": [HEADER_PEGAWAI, *roster]}))
    kinerja("periode", "buat", "2026", "--metode", "permenpan6")
    kinerja("pegawai", "atasan-luar", KADIS, "--nama", SEKDA_LUAR, "--jabatan", "Sekretaris Daerah")
    kinerja("instansi", "--kepala-nama", "H. Erman Safar", "--kepala-jabatan", "Wali Kota",
            "--pemda", "Pemerintah Kota Bukittinggi")
    r = kinerja("perilaku", "catat", KADIS, "-p", "2026", "--penilai", "atasan-luar", "--peran", "atasan",
                *_skor(*[a.replace("100", "120") for a in ASPEK]))
    assert r.exit_code == 0, r.output
    d = kinerja("nilai", "-p", "2026", "--nip", KADIS, "--rinci", "--format", "json").json()
    assert d["rincian"]["hasil"]["rating_pk_turunan"] == "Di Atas Ekspektasi"  # the saran from the atasan's score
    assert "tanpa_penilaian_atasan" not in d["catatan"]
    f = tmp_path / "budi.xlsx"
    assert kinerja("ekspor", "dokumen", KADIS, f, "-p", "2026").exit_code == 0
    wb = openpyxl.load_workbook(f)
    teks = [c.value for row in wb.worksheets[0].iter_rows() for c in row if isinstance(c.value, str)]
    i = teks.index("PEJABAT PENILAI KINERJA")
    # the pejabat penilai: the atasan outside the roster, by name and jabatan (no NIP, no "-");
    # the atasan pejabat penilai: the kepala daerah of the profile
    assert teks[i:i + 11] == ["PEJABAT PENILAI KINERJA", "NAMA", SEKDA_LUAR, "JABATAN", "Sekretaris Daerah", "NO",
                              "ATASAN PEJABAT PENILAI KINERJA", "NAMA", "H. Erman Safar", "JABATAN", "Wali Kota Bukittinggi"]
    j = teks.index("Pejabat Penilai Kinerja")  # his signature block: name and jabatan
    assert teks[j + 2] == SEKDA_LUAR and "Sekretaris Daerah" in teks[j + 3:j + 5]
    assert "NIP -" not in " ".join(teks) and "NIP. -" not in " ".join(teks)


def _skema_lama(path):
    """A database with the schema HEAD released (every migration before 0011), a roster and two perilaku rows."""
    from sqlite_utils import Database

    c = sqlite3.connect(path)
    c.execute("PRAGMA foreign_keys = ON")
    db = Database(c)
    skema.migrasi.apply(db, stop_before="0011_perilaku_penilai_luar")
    c.execute("INSERT INTO periode (kode, jenis, mulai, selesai, metode, parameter, dibuat) "
              "VALUES ('2026', 'tahunan', '2026-01-01', '2026-12-31', 'pp30', '{}', 'x')")
    for nip, atasan in ((SEKDA, None), (KADIS, None), (STAF1, KADIS)):
        c.execute("INSERT INTO pegawai (nip, nama, unit, nip_atasan, status, dibuat, diubah) VALUES (?, ?, 'U', ?, 'PNS', "
                  "'x', 'x')", [nip, nip, atasan])
    c.execute("CREATE INDEX ix_uji_perilaku ON perilaku(penilai)")  # an index added later must survive too
    rows = [("2026", STAF1, KADIS, "atasan", "100", None, None, None, None, None, "95.5", "x"),
            ("2026", STAF1, STAF1, "diri", "120", "0", None, None, None, None, None, "y")]
    c.executemany("INSERT INTO perilaku VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    c.commit()
    with pytest.raises(sqlite3.IntegrityError):  # the old schema refused a penilai outside the roster
        c.execute("INSERT INTO perilaku (periode, nip, penilai, peran, diubah) VALUES ('2026', ?, 'atasan-luar', "
                  "'atasan', 'x')", [KADIS])
    c.close()
    return rows


def test_database_made_before_keeps_every_perilaku_row(kinerja, db_path):
    rows = _skema_lama(db_path)
    r = kinerja("pegawai", "atasan-luar", KADIS, "--nama", SEKDA_LUAR)
    assert r.exit_code == 0, r.output
    with sqlite3.connect(db_path) as c:
        assert sorted(c.execute("SELECT * FROM perilaku")) == sorted(rows)
        assert "0011_perilaku_penilai_luar" in [r[0] for r in c.execute("SELECT name FROM _sqlite_migrations")]
        assert "ix_uji_perilaku" in [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'index'")]
        sql = c.execute("SELECT sql FROM sqlite_master WHERE name = 'perilaku'").fetchone()[0]
        assert "nip TEXT NOT NULL REFERENCES pegawai(nip)" in sql and "penilai TEXT NOT NULL," in sql
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    r = kinerja("perilaku", "catat", KADIS, "-p", "2026", "--penilai", "atasan-luar", "--peran", "atasan",
                *_skor("pelayanan=100"))
    assert r.exit_code == 0, r.output
    # the employee's NIP keeps its foreign key (the connection has them on again after migrating)
    from kinerja_cli.store.db import buka_db

    db = buka_db(db_path)
    try:
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("INSERT INTO perilaku (periode, nip, penilai, peran, diubah) VALUES ('2026', '1', 'x', 'rekan', 'x')")
    finally:
        db.close()
    d = kinerja("nilai", "-p", "2026", "--nip", STAF1, "--rinci", "--format", "json").json()
    assert [p["penilai"] for p in d["rincian"]["masukan"]["penilaian"]] == [KADIS, STAF1]
    assert json.dumps(d)  # the old rows read back through the whole scorer
