"""Two or three imports at once (real processes): they act as if run one after the other.

Each import reads and checks its file without the write lock, then reads what is stored, compares,
writes and logs inside its one write transaction. KINERJA_UJI_JEDA_BEGIN with KINERJA_UJI_PALANG
(tests/kait) makes every process wait after reading its file and before BEGIN IMMEDIATE until all of
them got there, so all of them have read their file before the first one writes: the race window is
wide open, deterministically, and nobody waits longer than the slowest process takes to arrive.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import HEADER_PEGAWAI, KADIS, PPPK1, ROSTER, SEKDA, STAF1, STAF2, buat_xlsx
from kait import dengan_kait

_BESIDE = Path(sys.executable).parent / "kinerja"
KINERJA = [str(_BESIDE)] if _BESIDE.exists() else [sys.executable, "-m", "kinerja_cli"]
JEDA = "60"  # at most this many seconds a process waits at the barrier before BEGIN IMMEDIATE
BATAS = 90  # seconds: a hung process fails the test instead of hanging the suite


def _bersamaan(db: Path, *perintah: list) -> list[subprocess.CompletedProcess]:
    """Start every command at once against `db`; wait for all (bounded)."""
    palang = Path(tempfile.mkdtemp(dir=db.parent))
    env = dengan_kait({**os.environ, "KINERJA_DB": str(db), "KINERJA_UJI_JEDA_BEGIN": JEDA, "COLUMNS": "200",
                       "KINERJA_UJI_PALANG": f"{palang}:{len(perintah)}"})
    env.pop("KINERJA_UJI_JEDA_COMMIT", None)
    ps = [subprocess.Popen([*KINERJA, *map(str, args)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True) for args in perintah]
    hasil = []
    try:
        for p, args in zip(ps, perintah):
            out, err = p.communicate(timeout=BATAS)
            hasil.append(subprocess.CompletedProcess(args, p.returncode, out, err))
    finally:
        for p in ps:
            if p.poll() is None:
                p.kill()
                p.wait()
    for h in hasil:
        assert "Traceback" not in h.stderr and "Traceback" not in h.stdout, h.stderr
        assert "IntegrityError" not in h.stderr, h.stderr
        assert "menunggu sebelum BEGIN" in h.stderr  # the window was really held open
    # every process reached the barrier before its first BEGIN, so all had read their file before any wrote
    assert len([n for n in os.listdir(palang) if n.startswith("1-")]) == len(perintah)
    return hasil


def _audit(db: Path, tabel: str) -> list[tuple]:
    with sqlite3.connect(db) as c:
        return c.execute("SELECT kunci, aksi, lama, baru FROM audit WHERE tabel = ? ORDER BY id", [tabel]).fetchall()


def _satu(db: Path, sql: str, args=()):
    with sqlite3.connect(db) as c:
        return c.execute(sql, args).fetchone()


# --- (1) two different roster files changing the same person -----------------------------------------

def test_two_roster_files_at_once_end_as_one_serial_order(db_siap, tmp_path):
    # File A only has the Jabatan column, file B only Golongan: a column missing from a file keeps
    # what is stored. One after the other, both changes stay; a stale read would undo one of them.
    a = buat_xlsx(tmp_path / "a.xlsx", {"Pegawai": [["NIP", "Nama", "Jabatan", "Unit Kerja"],
                                                    [STAF1, "Citra Lestari", "Analis Kebijakan", "DPMPTSP"]]})
    b = buat_xlsx(tmp_path / "b.xlsx", {"Pegawai": [["NIP", "Nama", "Golongan", "Unit Kerja"],
                                                    [STAF1, "Citra Lestari", "III/b", "DPMPTSP"]]})
    audit_awal = len(_audit(db_siap, "pegawai"))
    ha, hb = _bersamaan(db_siap, ["pegawai", "impor", a], ["pegawai", "impor", b])
    assert ha.returncode == 0 and hb.returncode == 0, ha.stderr + hb.stderr
    # both serial orders give the same final row: the new jabatan AND the new golongan
    assert _satu(db_siap, "SELECT jabatan, golongan FROM pegawai WHERE nip = ?", [STAF1]) == \
        ("Analis Kebijakan", "III/b")
    baru = _audit(db_siap, "pegawai")[audit_awal:]
    perubahan = [(json.loads(lama), json.loads(br)) for kunci, aksi, lama, br in baru if kunci == STAF1]
    assert perubahan and all(aksi == "ubah" for _, aksi, _, _ in baru)
    jabatan = [(lm["jabatan"], br["jabatan"]) for lm, br in perubahan if "jabatan" in br]
    golongan = [(lm["golongan"], br["golongan"]) for lm, br in perubahan if "golongan" in br]
    assert jabatan == [("Analis Perizinan", "Analis Kebijakan")]  # logged once, and never undone
    assert golongan == [("III/a", "III/b")]
    assert "0 ditambah, 1 diubah" in ha.stderr and "0 ditambah, 1 diubah" in hb.stderr


# --- (2) three imports of the same realisation file ---------------------------------------------------

HS = ["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]
NIPS = [SEKDA, KADIS, STAF1, STAF2, PPPK1]


@pytest.fixture
def periode_siap(db_periode, kinerja, tmp_path):
    skp = [[n, i, f"RHK {i}", f"Indikator {i}", 100, "dokumen", 10] for n in NIPS for i in range(1, 11)]
    r = kinerja("sasaran", "impor", buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [HS, *skp]}), "--periode", "2026")
    assert r.exit_code == 0, r.output
    return db_periode


def test_three_realisation_imports_at_once_add_each_row_once(periode_siap, tmp_path):
    rows = [[n, i, 90 + i] for n in NIPS for i in range(1, 11)]  # 50 rows
    f = buat_xlsx(tmp_path / "realisasi.xlsx", {"Realisasi": [["NIP", "Nomor", "Realisasi"], *rows]})
    hs = _bersamaan(periode_siap, *[["realisasi", "impor", f, "--periode", "2026"]] * 3)
    assert all(h.returncode == 0 for h in hs), [h.stderr for h in hs]
    assert _satu(periode_siap, "SELECT COUNT(*) FROM realisasi")[0] == 50
    assert _satu(periode_siap, "SELECT nilai FROM realisasi WHERE nip = ? AND nomor = 7", [STAF1])[0] == "97"
    log = _audit(periode_siap, "realisasi")
    assert len(log) == 50 and {a for _, a, _, _ in log} == {"tambah"}
    assert len({k for k, _, _, _ in log}) == 50
    laporan = [h.stderr for h in hs]  # the summary goes to stderr
    assert sum("realisasi 50 ditambah, 0 diubah, 0 tetap" in s for s in laporan) == 1, laporan
    assert sum("realisasi 0 ditambah, 0 diubah, 50 tetap" in s for s in laporan) == 2, laporan


# --- (3) three first imports of the same roster / SKP file --------------------------------------------

def test_three_first_roster_imports_at_once(kinerja, db_path, tmp_path):
    assert kinerja("init").exit_code == 0
    f = buat_xlsx(tmp_path / "pegawai.xlsx", {"Pegawai": [HEADER_PEGAWAI, *ROSTER]})
    hs = _bersamaan(db_path, *[["pegawai", "impor", f]] * 3)
    assert [h.returncode for h in hs] == [0, 0, 0], [h.stderr for h in hs]
    assert _satu(db_path, "SELECT COUNT(*), COUNT(DISTINCT nip) FROM pegawai") == (5, 5)
    log = _audit(db_path, "pegawai")
    assert len(log) == 5 and {a for _, a, _, _ in log} == {"tambah"}
    laporan = [h.stderr for h in hs]
    assert sum("5 ditambah, 0 diubah, 0 tetap" in s for s in laporan) == 1, laporan
    assert sum("0 ditambah, 0 diubah, 5 tetap" in s for s in laporan) == 2, laporan


def test_three_first_skp_imports_at_once(db_siap, kinerja, tmp_path):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    skp = [[n, i, f"RHK {i}", f"Indikator {i}", 100, "dokumen", 25] for n in NIPS for i in range(1, 5)]
    f = buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": [HS, *skp]})
    hs = _bersamaan(db_siap, *[["sasaran", "impor", f, "--periode", "2026"]] * 3)
    assert [h.returncode for h in hs] == [0, 0, 0], [h.stderr for h in hs]
    assert _satu(db_siap, "SELECT COUNT(*), COUNT(DISTINCT nip || '/' || nomor) FROM sasaran") == (20, 20)
    log = _audit(db_siap, "sasaran")
    assert len(log) == 20 and {a for _, a, _, _ in log} == {"tambah"}
    laporan = [h.stderr for h in hs]
    assert sum("baris SKP 20 ditambah, 0 diubah, 0 dihapus, 0 tetap" in s for s in laporan) == 1, laporan
    assert sum("baris SKP 0 ditambah, 0 diubah, 0 dihapus, 20 tetap" in s for s in laporan) == 2, laporan


# --- (4) what the file's checks relied on changed meanwhile: refused, nothing written -----------------

def test_realisation_import_refused_when_the_skp_rows_change_meanwhile(periode_siap, tmp_path):
    # The realisation file is checked against the period's SKP rows; while it waits for the write lock,
    # another process replaces KADIS's SKP (rows 6-10 are gone). Writing now would store realisations
    # of SKP rows that no longer exist: the import is refused and asks to be run again.
    rows = [[n, i, 90 + i] for n in NIPS for i in range(1, 11)]
    f = buat_xlsx(tmp_path / "realisasi.xlsx", {"Realisasi": [["NIP", "Nomor", "Realisasi"], *rows]})
    skp = buat_xlsx(tmp_path / "skp_baru.xlsx", {"Sasaran": [
        HS, *[[KADIS, i, f"RHK {i}", f"Indikator {i}", 100, "dokumen", 20] for i in range(1, 6)]]})
    palang = tmp_path / "palang"  # the import waits before BEGIN until the test adds the 2nd entry
    palang.mkdir()
    env = dengan_kait({**os.environ, "KINERJA_DB": str(periode_siap), "KINERJA_UJI_JEDA_BEGIN": JEDA,
                       "KINERJA_UJI_PALANG": f"{palang}:2"})
    p = subprocess.Popen([*KINERJA, "realisasi", "impor", str(f), "--periode", "2026"], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert p.stderr.readline().startswith("KINERJA_UJI: menunggu sebelum BEGIN")  # file read and checked
        env.pop("KINERJA_UJI_JEDA_BEGIN")
        env.pop("KINERJA_UJI_PALANG")
        lain = subprocess.run([*KINERJA, "sasaran", "impor", str(skp), "--periode", "2026"], env=env,
                              capture_output=True, text=True, timeout=BATAS)
        assert lain.returncode == 0, lain.stderr
        assert p.poll() is None  # still waiting before BEGIN while the SKP rows changed
        (palang / "1-uji").touch()  # now let it go on
        out, err = p.communicate(timeout=BATAS)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    assert p.returncode == 1, err
    assert "Traceback" not in err
    assert "Baris SKP periode 2026 diubah oleh proses lain selama realisasi.xlsx dibaca" in err
    assert "Tidak ada data yang ditulis" in err and "Jalankan ulang perintah ini" in err
    assert _satu(periode_siap, "SELECT COUNT(*) FROM realisasi")[0] == 0
    assert _audit(periode_siap, "realisasi") == []


# --- (5) two imports creating the same new service indicators -----------------------------------------

def test_two_service_imports_at_once_create_each_indicator_once(db_siap, tmp_path):
    rows = [["DPMPTSP", "Waktu izin", "hari", "turun", 3, f"2026-T{t}", 5 + t, "SIMPEL"] for t in (1, 2, 3)]
    rows.append(["DPMPTSP", "Kepuasan masyarakat", "%", "naik", 85, "2026-T1", 80, None])
    f = buat_xlsx(tmp_path / "layanan.xlsx", {"Layanan": [
        ["Unit Kerja", "Indikator", "Satuan", "Arah", "Target", "Periode", "Nilai", "Sumber"], *rows]})
    hs = _bersamaan(db_siap, *[["layanan", "impor", f]] * 2)
    assert [h.returncode for h in hs] == [0, 0], [h.stderr for h in hs]
    assert _satu(db_siap, "SELECT COUNT(*) FROM layanan_indikator")[0] == 2
    assert _satu(db_siap, "SELECT COUNT(*) FROM layanan_nilai")[0] == 4
    assert len(_audit(db_siap, "layanan_indikator")) == 2 and len(_audit(db_siap, "layanan_nilai")) == 4
    laporan = [h.stderr for h in hs]
    assert sum("2 indikator baru, 0 indikator diperbarui; nilai 4 ditambah" in s for s in laporan) == 1, laporan
    assert sum("0 indikator baru, 0 indikator diperbarui; nilai 0 ditambah, 0 diubah, 4 tetap" in s
               for s in laporan) == 1, laporan
