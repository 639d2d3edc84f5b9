"""`kinerja sasaran impor` on its streaming path: rows read once, staged in TEMP tables, written in bulk.
The results must be those of checking the sheet as one list (tests/test_sasaran.py is the contract)."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from decimal import Decimal

import pytest
from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2, buat_xlsx
from test_sasaran import H, KADIS_ROWS, STAF1_ROWS, b, impor, n, q

from kinerja_cli.store import audit as tabel_audit
from kinerja_cli.store import sasaran as tabel
from kinerja_cli.store.db import buka_db


@pytest.fixture
def siap(db_periode, kinerja, monkeypatch):
    monkeypatch.setenv("COLUMNS", "2000")
    return db_periode


def tanpa_waktu(rows):
    return [{k: v for k, v in x.items() if k not in ("diubah", "waktu", "id")} for x in rows]


def test_rows_of_one_employee_spread_across_the_sheet(siap, kinerja, tmp_path):
    """STAF1's rows come before, between and after other people's rows; its atasan (KADIS) comes last.
    Numbering, bobot sum and the cascade link are those of the rows taken together."""
    spread = [b(STAF1, "Satu", 10, 30, atasan=2), b(STAF2, "X", 1, 100), b(STAF1, "Dua", 10, 20, nomor=1),
              b(PPPK1, "Y", 1, 60), b(STAF1, "Tiga", 10, 50), b(PPPK1, "Z", 1, 40, atasan=1), *KADIS_ROWS]
    r = impor(kinerja, tmp_path, spread, "acak.xlsx")
    assert r.exit_code == 0, r.output
    assert "4 pegawai; baris SKP 8 ditambah" in r.stderr
    got = q(siap, "SELECT nomor, rhk, rhk_atasan_nomor, bobot FROM sasaran WHERE nip = ? ORDER BY nomor", STAF1)
    assert got == [dict(nomor=1, rhk="Dua", rhk_atasan_nomor=None, bobot="20"),
                   dict(nomor=2, rhk="Satu", rhk_atasan_nomor=2, bobot="30"),
                   dict(nomor=3, rhk="Tiga", rhk_atasan_nomor=None, bobot="50")]
    # the same rows grouped per employee give the same database (audit keys in the same order per employee)
    log = [x["kunci"] for x in q(siap, "SELECT kunci FROM audit WHERE tabel = 'sasaran' ORDER BY id")]
    assert log[:3] == [f"2026/{STAF1}/1", f"2026/{STAF1}/2", f"2026/{STAF1}/3"]
    audit0, isi0 = n(siap, "audit"), q(siap, "SELECT * FROM sasaran ORDER BY nip, nomor")
    urut = [x for nip in (STAF1, STAF2, PPPK1, KADIS) for x in spread if x[0] == nip]
    r = impor(kinerja, tmp_path, urut, "urut.xlsx")
    assert r.exit_code == 0 and "0 ditambah, 0 diubah, 0 dihapus, 8 tetap" in r.stderr
    assert n(siap, "audit") == audit0 and q(siap, "SELECT * FROM sasaran ORDER BY nip, nomor") == isi0


def test_spread_rows_errors_found_per_employee(siap, kinerja, tmp_path):
    """A duplicate nomor and a wrong bobot sum across rows far apart are found; nothing is written."""
    audit0 = n(siap, "audit")
    rows = [b(STAF1, "A", 1, 50, nomor=2), b(STAF2, "X", 1, 100), b(STAF1, "B", 1, 40, nomor=2),
            b(PPPK1, "Y", 1, 60), *KADIS_ROWS]
    r = impor(kinerja, tmp_path, rows, "ganda.xlsx")
    assert r.exit_code == 1
    assert f"Nomor 2 ganda untuk NIP {STAF1}: sudah dipakai di baris 2" in r.stderr
    assert f"Jumlah bobot Citra Lestari ({STAF1}) adalah 90, harus 100" in r.stderr
    assert "Eko Prasetyo" in r.stderr and "adalah 60" in r.stderr
    assert n(siap, "sasaran") == 0 and n(siap, "audit") == audit0
    r = impor(kinerja, tmp_path, rows, "ganda.xlsx", "--lewati-galat")
    assert r.exit_code == 0, r.output
    assert {x["nip"] for x in q(siap, "SELECT DISTINCT nip FROM sasaran")} == {STAF2, KADIS}
    assert "Baris dilewati: SKP" not in r.stderr  # every row of STAF1/PPPK1 has its own error shown


def test_refused_after_staging_writes_nothing_and_leaves_no_staging(siap, kinerja, tmp_path):
    """Rows are staged before the cascade check refuses the file: the database is unchanged."""
    assert impor(kinerja, tmp_path, KADIS_ROWS, "kadis.xlsx").exit_code == 0
    audit0, isi0 = q(siap, "SELECT * FROM audit ORDER BY id"), q(siap, "SELECT * FROM sasaran ORDER BY nip, nomor")
    rows = [*STAF1_ROWS, b(STAF2, "A", 1, 100, atasan=7)]  # the last row's cascade link fails
    r = impor(kinerja, tmp_path, rows, "tolak.xlsx")
    assert r.exit_code == 1 and "RHK atasan nomor 7 tidak ada" in r.stderr
    assert q(siap, "SELECT * FROM audit ORDER BY id") == audit0
    assert q(siap, "SELECT * FROM sasaran ORDER BY nip, nomor") == isi0


def test_failure_inside_the_write_rolls_everything_back(siap, kinerja, tmp_path, monkeypatch):
    """The audit entries are written before the rows: a failure after them leaves no trace at all."""
    from kinerja_cli.services import sasaran_impor
    from kinerja_cli.store.sasaran_tahap import Tahap

    assert impor(kinerja, tmp_path, KADIS_ROWS, "kadis.xlsx").exit_code == 0
    audit0, isi0 = q(siap, "SELECT * FROM audit ORDER BY id"), q(siap, "SELECT * FROM sasaran ORDER BY nip, nomor")

    def rusak(self, *a, **k):
        raise sqlite3.OperationalError("disk I/O error (uji)")

    monkeypatch.setattr(Tahap, "tulis", rusak)
    f = buat_xlsx(tmp_path / "s.xlsx", {"Sasaran": [H, *STAF1_ROWS, *[list(x) for x in KADIS_ROWS[:1]],
                                                    b(KADIS, "Baru", 1, 40)]})
    for isi_awal in (False, True):  # a first import of STAF1 and a change to KADIS's stored rows
        db = buka_db(siap)
        try:
            with pytest.raises(sqlite3.OperationalError):
                sasaran_impor.impor(db, f, "2026")
            assert not db.conn.in_transaction
            temp = db.execute("SELECT name FROM sqlite_temp_master WHERE type = 'table'").fetchall()
            assert temp == []
        finally:
            db.close()
        assert q(siap, "SELECT * FROM audit ORDER BY id") == audit0
        assert q(siap, "SELECT * FROM sasaran ORDER BY nip, nomor") == isi0


def test_rows_are_read_once_from_the_streaming_reader(siap, kinerja, tmp_path, monkeypatch):
    """The importer takes its rows from impor_umum.alir and goes through them once: a one-pass
    generator gives the same database as the list reader."""
    from kinerja_cli.services import impor_umum

    asli = impor_umum.alir
    dibaca = []

    @contextlib.contextmanager
    def alir_sekali(*a, **k):
        with asli(*a, **k) as isi:
            semua = list(isi.baris)

            def satu_kali():
                for x in semua:
                    dibaca.append(x.baris)
                    yield x

            isi.baris = satu_kali()
            yield isi

    monkeypatch.setattr(impor_umum, "alir", alir_sekali)
    r = impor(kinerja, tmp_path, KADIS_ROWS + STAF1_ROWS)
    assert r.exit_code == 0, r.output
    assert dibaca == [2, 3, 4, 5, 6]
    assert n(siap, "sasaran") == 5


def test_audit_text_of_a_first_import_is_the_general_encoding(siap, kinerja, tmp_path):
    """The audit text SQLite builds for a first import equals the general JSON encoding of each row."""
    aneh = [b(KADIS, 'Kutip " miring \\ tab\tdan – 中文 😀', "1.250,5", 60, satuan="% \"x\""),
            b(KADIS, "Biasa", "80-90", "40", maks="ya", satuan=None)]
    assert impor(kinerja, tmp_path, aneh, "aneh.xlsx").exit_code == 0
    db = buka_db(siap)
    try:
        tersimpan = tabel.baris_pegawai(db, "2026", [KADIS])[KADIS]
    finally:
        db.close()
    log = q(siap, "SELECT kunci, aksi, lama, baru FROM audit WHERE tabel = 'sasaran' ORDER BY id")
    assert [x["kunci"] for x in log] == [f"2026/{KADIS}/1", f"2026/{KADIS}/2"]
    for x, nomor in zip(log, (1, 2)):
        assert x["aksi"] == "tambah" and x["lama"] is None
        assert x["baru"] == tabel_audit.teks_json(tabel.ke_audit(tersimpan[nomor]))
    assert json.loads(log[0]["baru"])["rhk"] == 'Kutip " miring \\ tab dan – 中文 😀'


@pytest.mark.parametrize("row", [
    dict(nomor=1, jenis="utama", rhk='a "b" \\ c\x01\x1f é 中 \u2028', rhk_atasan_nomor=None, aspek="waktu",
         indikator="i", target_lo="95.5", target_hi=None, satuan=None, bobot="100", arah="turun",
         target_maksimal=True, perspektif="penerima-layanan"),
    dict(nomor=12, jenis="tambahan", rhk="x", rhk_atasan_nomor=3, aspek="kuantitas", indikator="\x00",
         target_lo="80", target_hi="90", satuan="%", bobot="0.25", arah="naik", target_maksimal=False, perspektif=None),
])
def test_audit_json_is_the_general_encoding(row):
    t = tuple(row[k] for k in tabel.KOLOM)
    assert tabel.audit_json(t) == tabel_audit.teks_json(row)
    i = tabel.KOLOM.index("target_maksimal")
    assert tabel.audit_json((*t[:i], Decimal(1), *t[i + 1:])) == tabel_audit.teks_json({**row, "target_maksimal": Decimal(1)})


def test_reimport_counts_rows_stored_with_other_decimal_text_as_unchanged(siap, kinerja, tmp_path):
    """A row stored by another program as '95.50' is the same value as the file's 95,5: unchanged."""
    assert impor(kinerja, tmp_path, KADIS_ROWS + STAF1_ROWS).exit_code == 0
    with sqlite3.connect(siap) as c:
        c.execute("UPDATE sasaran SET target_lo = '95.50', bobot = '50.0' WHERE nip = ? AND nomor = 1", [STAF1])
    audit0 = n(siap, "audit")
    r = impor(kinerja, tmp_path, KADIS_ROWS + STAF1_ROWS, "lagi.xlsx")
    assert r.exit_code == 0 and "0 ditambah, 0 diubah, 0 dihapus, 5 tetap" in r.stderr
    assert n(siap, "audit") == audit0
    assert q(siap, "SELECT target_lo FROM sasaran WHERE nip = ? AND nomor = 1", STAF1)[0]["target_lo"] == "95.50"


def test_dry_run_of_a_first_import_writes_nothing(siap, kinerja, tmp_path):
    audit0 = n(siap, "audit")
    r = impor(kinerja, tmp_path, KADIS_ROWS + STAF1_ROWS, "k.xlsx", "--dry-run")
    assert r.exit_code == 0 and "5 ditambah" in r.stderr
    assert n(siap, "sasaran") == 0 and n(siap, "audit") == audit0 and n(siap, "skp_status") == 0


def test_cells_of_other_types_are_not_mixed_up_by_the_cache():
    """1, 1.0, True and '1' are equal as dict keys; each is parsed as itself."""
    from kinerja_cli.validation.sasaran import Pengurai, urai_isi

    sel = [dict(rhk="r", indikator="i", target=v, bobot=w, target_maksimal=m, nomor=no, satuan=s)
           for v, w, m, no, s in ((1, 100, 1, 1, 1), (1.0, 100.0, 1.0, 1.0, 1.0), (True, True, True, True, True),
                                  ("1", "100", "1", "1", "1"), (1, 100, 1, 1, True), (True, 100, 1, True, 1))]
    p = Pengurai()
    for nilai in sel * 2:
        row, ms = urai_isi(nilai)
        t, ms2 = p.urai(nilai)
        assert ms2 == ms
        assert t == tuple(tabel.ke_audit(row)[k] if k in ("target_lo", "target_hi", "bobot") else row[k]
                          for k in tabel.KOLOM)


def test_numeric_nip_rows_stay_with_their_employee_when_spread(siap, kinerja, tmp_path):
    """A row whose NIP is a number is grouped with the employee it most likely is, wherever it stands."""
    rows = [b(STAF1, "A", 1, 60), b(SEKDA, "S", 1, 100), b(int(STAF1), "B", 1, 40)]
    r = impor(kinerja, tmp_path, rows, "angka.xlsx", "--lewati-galat")
    assert r.exit_code == 0, r.output
    assert f"mungkin NIP {STAF1}" in r.stderr and "Jumlah bobot" not in r.stderr
    assert "Baris dilewati: SKP " + STAF1 in r.stderr
    assert {x["nip"] for x in q(siap, "SELECT DISTINCT nip FROM sasaran")} == {SEKDA}


def test_rows_written_in_nomor_order_whatever_the_sheet_order(siap, kinerja, tmp_path):
    """Rows and audit entries go in by employee then nomor, as before, also when the sheet lists an
    employee's rows in another order (explicit numbers falling, auto numbers around them)."""
    rows = [b(KADIS, "C", 1, 25, nomor=3), b(KADIS, "A", 1, 25, nomor=1), b(KADIS, "auto", 1, 25),
            b(KADIS, "D", 1, 25, nomor=4)]
    assert impor(kinerja, tmp_path, rows, "turun.xlsx").exit_code == 0
    assert [(x["nomor"], x["rhk"]) for x in q(siap, "SELECT nomor, rhk FROM sasaran ORDER BY rowid")] == [
        (1, "A"), (2, "auto"), (3, "C"), (4, "D")]
    assert [x["kunci"] for x in q(siap, "SELECT kunci FROM audit WHERE tabel = 'sasaran' ORDER BY id")] == [
        f"2026/{KADIS}/{i}" for i in (1, 2, 3, 4)]
    rows[0][11], rows[2][11] = 20, 30  # change two rows: the employee's rows are rewritten in nomor order
    r = impor(kinerja, tmp_path, rows, "turun2.xlsx")
    assert r.exit_code == 0 and "0 ditambah, 2 diubah, 0 dihapus, 2 tetap" in r.stderr
    assert [x["nomor"] for x in q(siap, "SELECT nomor FROM sasaran ORDER BY rowid")] == [1, 2, 3, 4]
