"""Every file kinerja writes is owner-only (0600) under a permissive umask, and nothing is written
outside the paths the user gave: temp files stay in the target folder and are gone afterwards,
after success and after a failure (the folder turning read-only mid-way, a KinerjaError while
writing). One table drives all writers."""

from __future__ import annotations

import io
import os
import sqlite3
import stat
import tempfile
from pathlib import Path

import openpyxl
import pytest

from conftest import HEADER_PEGAWAI, KADIS, ROSTER, STAF1, buat_xlsx
from data_nilai import isi

from kinerja_cli.errors import DataTidakValid


def _skp_salah(tmp: Path) -> Path:
    hs = ["NIP", "Nomor", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]
    return buat_xlsx(tmp / "masuk" / "skp.xlsx", {"Sasaran": [hs, [KADIS, 1, "A", "i", "sembilan", "%", 60]]})


# case: (arguments (out = the folder the user named), files expected there afterwards, xlsx written by openpyxl)
PENULIS = {
    "init": (lambda out, tmp: ["init", "--db", out / "baru.db"], ["baru.db"], False),
    "ekspor-rekap": (lambda out, tmp: ["ekspor", "rekap", out / "rekap.xlsx", "--periode", "2026"], ["rekap.xlsx"], True),
    "ekspor-dokumen": (lambda out, tmp: ["ekspor", "dokumen", STAF1, out / "dok.xlsx", "--periode", "2026"],
                       ["dok.xlsx"], True),
    "ekspor-dokumen-unit": (lambda out, tmp: ["ekspor", "dokumen", "--unit", "DPMPTSP", "--periode", "2026",
                                              "--folder", out], None, True),
    "templat": (lambda out, tmp: ["templat", out / "templat.xlsx", "--periode", "2026"], ["templat.xlsx"], True),
    "cadangan": (lambda out, tmp: ["cadangan", out / "cadangan.db"], ["cadangan.db"], False),
    "tandai": (lambda out, tmp: ["sasaran", "impor", _skp_salah(tmp), "--periode", "2026", "--tandai",
                                 out / "skp.galat.xlsx"], ["skp.galat.xlsx"], True),
    "demo": (lambda out, tmp: ["demo", "--folder", out], ["kinerja-demo.db", "rekap-2026.xlsx"], False),
}


@pytest.fixture
def ruang(db_periode, kinerja, tmp_path, monkeypatch):
    """A working folder (also the cwd), an output folder, a watched 'system temp' and umask 022."""
    isi(db_periode)
    (tmp_path / "masuk").mkdir()
    out = tmp_path / "keluar"
    out.mkdir()
    systmp = tmp_path / "systmp"
    systmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(systmp))
    monkeypatch.chdir(tmp_path)
    lama = os.umask(0o022)
    yield tmp_path, out, systmp
    os.umask(lama)


def _berkas(akar: Path) -> set[Path]:
    return {p for p in akar.rglob("*") if p.is_file()}


def _siapkan(tmp, out, kasus):
    """The command line (input files written now) and the files present before it runs."""
    return PENULIS[kasus][0](out, tmp), _berkas(tmp)


@pytest.mark.parametrize("kasus", list(PENULIS))
def test_written_files_are_owner_only_and_only_where_asked(ruang, kinerja, monkeypatch, kasus):
    tmp, out, systmp = ruang
    argumen, sebelum = _siapkan(tmp, out, kasus)
    from openpyxl.worksheet import _writer

    tumpahan = []  # openpyxl's spill files of write-only sheets (user data in clear): where are they made?
    asli = _writer.create_temporary_file
    monkeypatch.setattr(_writer, "create_temporary_file", lambda *a, **k: tumpahan.append(asli(*a, **k)) or tumpahan[-1])
    r = kinerja(*argumen)
    # in this run's private folder beside the target (out/.kinerja-sementara/<run>/), gone afterwards
    assert all(Path(p).parent.parent == out / ".kinerja-sementara" for p in tumpahan), tumpahan
    assert r.exit_code == (1 if kasus == "tandai" else 0), r.output  # tandai: the import is refused, the copy written
    baru = _berkas(tmp) - sebelum
    db_lain = {p for p in baru if p.parent == tmp and p.name.startswith("uji.db")}  # -wal/-shm of the open database
    baru -= db_lain
    assert baru, kasus
    assert all(p.parent == out for p in baru), sorted(map(str, baru))
    harap = PENULIS[kasus][1]
    if harap is not None:
        assert sorted(p.name for p in baru if not p.name.endswith(("-wal", "-shm"))) == harap
    else:  # one document per employee of the unit
        assert len(baru) == 4 and all(p.suffix == ".xlsx" for p in baru)  # KADIS, STAF1, STAF2, PPPK1
    for p in baru | db_lain:
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, (p.name, oct(p.stat().st_mode))
    assert not any(p.name.startswith((".~kinerja", "openpyxl")) for p in _berkas(tmp))
    assert not (out / ".kinerja-sementara").exists()
    assert list(systmp.iterdir()) == []


def test_database_wal_and_shm_are_owner_only(kinerja, tmp_path):
    lama = os.umask(0o022)
    try:
        db = tmp_path / "k.db"
        assert kinerja("init", "--db", db).exit_code == 0
        f = buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": [HEADER_PEGAWAI, *ROSTER]})
        c = sqlite3.connect(db)  # hold the WAL open, as a second user would
        c.execute("SELECT COUNT(*) FROM pegawai").fetchone()
        assert kinerja("pegawai", "impor", f, "--db", db).exit_code == 0
        for akhiran in ("", "-wal", "-shm"):
            p = Path(str(db) + akhiran)
            assert p.exists() and stat.S_IMODE(p.stat().st_mode) == 0o600, akhiran
        c.close()
    finally:
        os.umask(lama)


def _gagal_tengah_simpan(monkeypatch):
    """openpyxl has written part of the file when a KinerjaError is raised."""
    asli = openpyxl.Workbook.save

    def save(self, filename):
        asli(self, io.BytesIO())  # serialise everything (closes write-only sheets), as a real save would
        Path(filename).write_bytes(b"PK\x03\x04 setengah")
        raise DataTidakValid("Uji: galat saat menulis.", "Ulangi.")

    monkeypatch.setattr(openpyxl.Workbook, "save", save)


def _folder_jadi_baca_saja(monkeypatch):
    """The target folder turns read-only after the temp file was written: the move into place fails
    (simulated: tests may run as root, whom a read-only folder does not stop)."""
    def ditolak(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", ditolak)
    monkeypatch.setattr(os, "link", ditolak)
    monkeypatch.setattr(os, "rename", ditolak)


def _backup_gagal(monkeypatch):
    import kinerja_cli.store.cadangan as pm

    class Sambungan(sqlite3.Connection):
        def execute(self, *a):  # the backup ran; switching its journal mode hits a full disk
            raise sqlite3.OperationalError("database or disk is full")

    class Palsu:
        Error, DatabaseError, OperationalError = sqlite3.Error, sqlite3.DatabaseError, sqlite3.OperationalError

        @staticmethod
        def connect(path):
            return sqlite3.connect(path, factory=Sambungan)

    monkeypatch.setattr(pm, "sqlite3", Palsu)


GAGAL = {"kinerja-error": _gagal_tengah_simpan, "folder-baca-saja": _folder_jadi_baca_saja}
XLSX = [k for k, v in PENULIS.items() if v[2]]


@pytest.mark.parametrize("kasus", XLSX + ["cadangan"])
@pytest.mark.parametrize("cara", list(GAGAL))
def test_failure_while_writing_leaves_nothing_behind(ruang, kinerja, monkeypatch, kasus, cara):
    tmp, out, systmp = ruang
    if kasus == "cadangan" and cara == "kinerja-error":
        pytest.skip("cadangan writes no workbook")
    argumen, sebelum = _siapkan(tmp, out, kasus)
    with pytest.MonkeyPatch.context() as mp:  # os/openpyxl restored before looking around
        (_backup_gagal if kasus == "cadangan" else GAGAL[cara])(mp)
        r = kinerja(*argumen)
    assert r.exit_code == 1 and "Galat:" in r.stderr and "Traceback" not in r.output, r.output
    if cara == "kinerja-error" and kasus != "tandai":
        assert "Uji: galat saat menulis" in r.stderr
    baru = {p for p in _berkas(tmp) - sebelum if not p.name.startswith("uji.db")}
    assert baru == set(), sorted(map(str, baru))
    assert list(out.iterdir()) == []
    assert list(systmp.iterdir()) == []


def test_unit_documents_all_or_nothing(ruang, kinerja, monkeypatch):
    """The third of four documents fails: the two already written are removed again."""
    tmp, out, _ = ruang
    from kinerja_cli.services import ekspor  # services.ekspor imports simpan_aman at its top: patched where it is called

    asli, n = ekspor.simpan_aman, []

    def simpan(wb, tujuan, timpa):
        n.append(tujuan)
        if len(n) == 3:
            raise DataTidakValid("Uji: dokumen ketiga gagal.", "Ulangi.")
        return asli(wb, tujuan, timpa)

    monkeypatch.setattr(ekspor, "simpan_aman", simpan)
    r = kinerja("ekspor", "dokumen", "--unit", "DPMPTSP", "--periode", "2026", "--folder", out)
    assert r.exit_code == 1 and "dokumen ketiga gagal" in r.stderr
    assert list(out.iterdir()) == []
