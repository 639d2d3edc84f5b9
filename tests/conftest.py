"""Shared fixtures: a real temporary database and real .xlsx files."""

from __future__ import annotations

import functools
import json
import os
import shutil
import sqlite3
import stat
import sys
from pathlib import Path

# In-process commands run as `kinerja` runs them (masuk.main): openpyxl writes with et_xmlfile even where
# lxml is installed. Set before anything imports openpyxl.
os.environ["OPENPYXL_LXML"] = "False"

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings
import typer.main
import typer.testing
from typer.testing import CliRunner

from kinerja_cli import output
from kinerja_cli.app import app

# Hypothesis profiles. "ci" (the default) runs each property test with the example count written at
# the test, contoh(n); KINERJA_HYPOTHESIS=dalam (or --hypothesis-profile=dalam) runs ten times as
# many, for a deep run before a release. No deadline: a loaded 2-core machine is not a slow function.
for _nama, _jumlah in (("ci", 100), ("dalam", 1000)):
    settings.register_profile(_nama, max_examples=_jumlah, deadline=None, print_blob=True,
                              suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("KINERJA_HYPOTHESIS", "ci"))


def contoh(n: int) -> int:
    """max_examples for a property test: n in the "ci" profile, scaled with the profile loaded."""
    return max(1, n * settings().max_examples // 100)


# A small valid roster used across tests: Sekda -> Kadis -> staff.
SEKDA = "196711101992031001"
KADIS = "198001012005011002"
STAF1 = "198502142010012003"
STAF2 = "199003032015032004"
PPPK1 = "199001012022211005"

HEADER_PEGAWAI = ["NIP", "Nama", "Jabatan", "Jenis Jabatan", "Golongan", "Unit Kerja", "NIP Atasan", "Status"]
ROSTER = [
    [SEKDA, "Drs. H. Ahmad Yani", "Sekretaris Daerah", "JPT", "IV/d", "Sekretariat Daerah", None, "PNS"],
    [KADIS, "Budi Santoso, S.E.", "Kepala Dinas", "JPT", "IV/c", "DPMPTSP", SEKDA, "PNS"],
    [STAF1, "Citra Lestari", "Analis Perizinan", "pelaksana", "III/a", "DPMPTSP", KADIS, "PNS"],
    [STAF2, "Dewi Sartika", "Pengadministrasi", "pelaksana", "II/c", "DPMPTSP", KADIS, "PNS"],
    [PPPK1, "Eko Prasetyo", "Pranata Komputer", "fungsional", "IX", "DPMPTSP", KADIS, "PPPK"],
]


def buat_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    """Write a real workbook: {sheet name: rows}, as openpyxl writes it (tests/xlsx_cepat.py)."""
    import xlsx_cepat

    return xlsx_cepat.tulis(path, sheets)


class Hasil:
    def __init__(self, r):
        self.exit_code = r.exit_code
        self.stdout = r.stdout
        self.stderr = r.stderr
        self.output = r.stdout + r.stderr
        self.exception = r.exception

    def json(self):
        return json.loads(self.stdout)


@pytest.fixture(autouse=True)
def _templat_kecil(request, monkeypatch):
    """Every test's templates are validated down to row 60 instead of 5,000 (a full template takes seconds to
    write and read back), except the tests marked templat_penuh (tests/test_templat.py), which check the 5,000
    rows. Rows beyond that follow the data as in a full template (excel.templat: pre-filled rows + spare rows)."""
    if request.node.get_closest_marker("templat_penuh") is None:
        from kinerja_cli.excel import templat as xt

        monkeypatch.setattr(xt, "BATAS_BARIS", 60)
        monkeypatch.setattr(xt, "CADANGAN_BARIS", 20)


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    p = tmp_path / "uji.db"
    monkeypatch.setenv("KINERJA_DB", str(p))
    monkeypatch.setenv("COLUMNS", "200")
    return p


@functools.cache
def _perintah(aplikasi):
    """The click command tree of the Typer app, built once per test process (as `kinerja` builds it
    once per run). Typer's CliRunner rebuilds it on every invoke, ~0.1 s of type-hint evaluation
    that used to be most of a CLI test's time."""
    return typer.main.get_command(aplikasi)


# The SQLite connections opened by the command running in-process (None: no command running).
_sambungan_perintah: list[sqlite3.Connection] | None = None


def _catat_sambungan(peristiwa: str, argumen: tuple) -> None:
    if peristiwa == "sqlite3.connect/handle" and _sambungan_perintah is not None:
        _sambungan_perintah.append(argumen[0])


sys.addaudithook(_catat_sambungan)


def _jalankan(runner: CliRunner, args, input: str | None = None) -> Hasil:
    """One in-process `kinerja` run. Its SQLite connections are closed afterwards, as the end of a
    real `kinerja` process closes them: a command does not close its database itself, and without
    this a connection would stay open until the garbage collector happens to find it (a later
    `pulihkan` in the same test would then see "another process" holding the database)."""
    global _sambungan_perintah
    import shlex

    from kinerja_cli.store import audit

    output.reset()
    _sambungan_perintah = []
    audit.set_perintah(shlex.join(["kinerja", *(str(a) for a in args)]))  # as main() logs it, not pytest's argv
    try:
        r = runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
    finally:
        audit.set_perintah(None)
        sambungan, _sambungan_perintah = _sambungan_perintah, None
        for c in sambungan:
            c.close()
    return Hasil(r)


@pytest.fixture
def kinerja(db_path, monkeypatch):
    """Run `kinerja ARGS...` in-process against the test database."""
    monkeypatch.setattr(typer.testing, "_get_command", _perintah)  # fails loudly if Typer renames it
    runner = CliRunner()

    def jalankan(*args: str, input: str | None = None) -> Hasil:
        return _jalankan(runner, args, input)

    return jalankan


def _templat(db: Path, *perintah: list) -> Path:
    """A database built once per session by running `perintah` (CLI arguments, in-process) on `db`;
    tests get a copy of the file (`_salin`) instead of running the same commands again. The WAL is
    checkpointed into the main file and removed, so the .db file alone is the whole database."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KINERJA_DB", str(db))
        mp.setenv("COLUMNS", "200")
        mp.setattr(typer.testing, "_get_command", _perintah)
        runner = CliRunner()
        for args in perintah:
            r = _jalankan(runner, args)
            assert r.exit_code == 0, r.output
    c = sqlite3.connect(db)
    try:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        c.close()  # the last connection: SQLite deletes the -wal and -shm files
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    return db


def _salin(templat: Path, tujuan: Path) -> Path:
    """A private copy of a template database at `tujuan` (mode 0600, as `kinerja init` creates it)."""
    shutil.copyfile(templat, tujuan)
    os.chmod(tujuan, 0o600)
    return tujuan


@pytest.fixture(scope="session")
def _templat_siap(tmp_path_factory) -> Path:
    """`kinerja init` + `kinerja pegawai impor` of the small roster, once per session."""
    folder = tmp_path_factory.mktemp("templat_siap")
    f = buat_xlsx(folder / "pegawai.xlsx", {"Pegawai": [HEADER_PEGAWAI, *ROSTER]})
    return _templat(folder / "siap.db", ["init"], ["pegawai", "impor", f])


@pytest.fixture(scope="session")
def _templat_periode(tmp_path_factory, _templat_siap) -> Path:
    """The roster template plus `kinerja periode buat 2026 --metode pp30`, once per session."""
    folder = tmp_path_factory.mktemp("templat_periode")
    return _templat(_salin(_templat_siap, folder / "periode.db"), ["periode", "buat", "2026", "--metode", "pp30"])


@pytest.fixture
def db_siap(kinerja, db_path, _templat_siap):
    """A database with the small roster imported: a copy of the session's template (the same as
    `kinerja init` + `kinerja pegawai impor` in this test, in a fraction of the time)."""
    return _salin(_templat_siap, db_path)


@pytest.fixture
def db_periode(kinerja, db_path, _templat_periode):
    """db_siap plus period 2026 (pp30): as `kinerja periode buat 2026 --metode pp30` on db_siap."""
    return _salin(_templat_periode, db_path)


@pytest.fixture(scope="session")
def demo_sesi(tmp_path_factory):
    """`kinerja demo --folder DEMO` run once per session (in-process, COLUMNS=200) with KINERJA_DB
    pointing at a user's file holding b"database milik pengguna": (DEMO folder, the run's result,
    that user file). The demo database is checkpointed so that a copy of the .db file alone
    (`salin_demo`) is the whole database. Read it, never write it: copy it first."""
    folder = tmp_path_factory.mktemp("demo_sesi")
    pengguna = folder / "pengguna.db"
    pengguna.write_bytes(b"database milik pengguna")
    demo = folder / "demo"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KINERJA_DB", str(pengguna))
        mp.setenv("COLUMNS", "200")
        mp.setattr(typer.testing, "_get_command", _perintah)
        r = _jalankan(CliRunner(), ["demo", "--folder", demo])
    assert r.exit_code == 0, r.output
    db = demo / "kinerja-demo.db"
    c = sqlite3.connect(db)
    try:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        c.close()
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    return demo, r, pengguna


def salin_demo(demo_sesi, tujuan: Path) -> Path:
    """A private copy of the session's demo database at `tujuan` (a .db path)."""
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    return _salin(demo_sesi[0] / "kinerja-demo.db", tujuan)


def pytest_configure(config):
    config.addinivalue_line("markers", "cetak_pdf(pembuat): a LibreOffice PDF test; its workbooks are written by "
                            "pembuat and printed in the session's one soffice run (tests/cetak_bantu.py)")
    _kompilasi_paket()


def _kompilasi_paket() -> None:
    """Byte-compile kinerja_cli once (~0.5 s): every `kinerja` subprocess of the tests (about a hundred)
    then loads the cached bytecode instead of compiling ~200 modules at its start (~0.12 s each), also
    where PYTHONDONTWRITEBYTECODE is set or the clone is fresh. A read-only tree is left as it is."""
    import compileall

    import kinerja_cli

    try:
        compileall.compile_dir(Path(kinerja_cli.__file__).parent, quiet=2)
    except OSError:
        pass


@pytest.fixture(scope="session")
def _pdf_sesi(request, tmp_path_factory, _templat_siap) -> dict:
    """{builder: its folder} for the PDF tests selected this session (tests/cetak_bantu.py): each builder
    runs in-process on its own copy of the roster database (as db_siap), then all their workbooks are
    printed in ONE soffice run, with one LibreOffice user profile, instead of one run per test."""
    from cetak_bantu import cetak_semua, pembuat_terpilih

    berkas, folder_dari = [], {}
    for pembuat in pembuat_terpilih(request.session.items):
        folder = tmp_path_factory.mktemp(pembuat.__name__.strip("_"))
        db = _salin(_templat_siap, folder / "uji.db")
        with pytest.MonkeyPatch.context() as mp:  # as the fixtures db_path and kinerja
            mp.setenv("KINERJA_DB", str(db))
            mp.setenv("COLUMNS", "200")
            mp.setattr(typer.testing, "_get_command", _perintah)
            runner = CliRunner()
            berkas += pembuat(lambda *args, input=None: _jalankan(runner, args, input), db, folder)
        folder_dari[pembuat] = folder
    cetak_semua(berkas, tmp_path_factory.mktemp("antre_pdf"), tmp_path_factory.mktemp("lo_profil"))
    return folder_dari


@pytest.fixture
def cetakan(request, _pdf_sesi) -> Path:
    """The folder of this test's workbooks (written by its @cetak_pdf builder), each NAME.pdf beside its NAME.xlsx."""
    return _pdf_sesi[request.node.get_closest_marker("cetak_pdf").args[0]]
