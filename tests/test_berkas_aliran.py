"""Issue 12 section 8: files, streams and signals, as a user meets them with the installed command.

Each case ends in one Indonesian message and the right exit code, never a traceback, and leaves
nothing half-written. A read-only folder and a full disk are real (small tmpfs mounts, when the
tests may mount: root); `ulimit -f` is a real RLIMIT_FSIZE in the child process.
"""

from __future__ import annotations

import contextlib
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import salin_demo

_BESIDE = Path(sys.executable).parent / "kinerja"
KINERJA = [str(_BESIDE)] if _BESIDE.exists() else [sys.executable, "-m", "kinerja_cli"]
CONTOH = Path(__file__).resolve().parent.parent / "contoh_data"


def _jalankan(*args, env=None, encoding="utf-8"):
    return subprocess.run([*KINERJA, *map(str, args)], capture_output=True, timeout=120, encoding=encoding,
                          errors="strict", env={**os.environ, "COLUMNS": "2000", **(env or {})})


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_sesi):
    """The demo database (302 employees, period 2026): a copy of the one built for the session."""
    return salin_demo(demo_sesi, tmp_path_factory.mktemp("demo") / "d" / "kinerja-demo.db")


@contextlib.contextmanager
def _tmpfs(path: Path, ukuran: str, ro: bool = False):
    path.mkdir(parents=True, exist_ok=True)
    opsi = f"size={ukuran}" + (",ro" if ro else "")
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", opsi, "tmpfs", str(path)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def _bersih(err: str) -> None:
    assert "Traceback" not in err and "Exception ignored" not in err, err


def _isi(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- streams ---------------------------------------------------------------------------


def test_pipe_closed_early_prints_the_line_and_exits_quietly(demo):
    p = subprocess.run(f"{' '.join(KINERJA)} nilai --periode 2026 --db '{demo}' | head -1; "
                       "echo \"rc=${PIPESTATUS[0]}\"", shell=True, executable="/bin/bash",
                       capture_output=True, text=True, timeout=120)
    baris = p.stdout.splitlines()
    assert baris[0].startswith("Nilai kinerja periode 2026")
    assert baris[-1] == "rc=0"
    assert p.stderr == ""


@pytest.mark.parametrize("fmt", ["tabel", "json"])
def test_stdout_closed_says_so_and_exits_1(demo, fmt):
    p = subprocess.run(f"{' '.join(KINERJA)} nilai --periode 2026 --db '{demo}' -f {fmt} >&-",
                       shell=True, executable="/bin/bash", capture_output=True, text=True, timeout=120)
    assert p.returncode == 1
    _bersih(p.stderr)
    assert p.stderr.strip() == ("Galat: Keluaran tidak dapat ditulis: stdout tertutup. "
                                "Arahkan keluaran ke berkas atau ke /dev/null.")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("fmt", ["tabel", "csv"])
def test_stdout_on_a_full_device_says_disk_full(demo, fmt):
    with open("/dev/full", "w") as penuh:
        p = subprocess.run([*KINERJA, "nilai", "--periode", "2026", "--db", str(demo), "-f", fmt],
                           stdout=penuh, stderr=subprocess.PIPE, text=True, timeout=120)
    assert p.returncode == 1
    _bersih(p.stderr)
    assert p.stderr.strip() == "Galat: Keluaran tidak dapat ditulis: disk penuh."


@pytest.mark.parametrize("enc", ["ascii", "cp1252"])
def test_output_encodings_replace_what_they_cannot_show(demo, enc):
    r = _jalankan("nilai", "--periode", "2026", "--db", demo, env={"PYTHONIOENCODING": enc}, encoding=enc)
    assert r.returncode == 0, r.stderr
    _bersih(r.stderr)
    judul = r.stdout.splitlines()[0]
    assert judul.startswith("Nilai kinerja periode 2026 ") and "metode permenpan6" in judul  # the demo period: the law in force
    if enc == "ascii":
        assert "—" not in r.stdout and "?" in judul  # the dash was replaced, not a crash
    else:
        assert "\u2014" in judul  # cp1252 has the dash (byte 0x97)
    # a message on stderr with a character the encoding lacks (≠)
    r = _jalankan("periode", "buat", "2026≠", "--db", demo, env={"PYTHONIOENCODING": enc}, encoding=enc)
    assert r.returncode in (1, 2)
    _bersih(r.stderr)
    assert "2026?" in r.stderr


# -- files -----------------------------------------------------------------------------

PENULIS = {
    "ekspor-rekap": lambda t, db: ["ekspor", "rekap", t / "rekap.xlsx", "-p", "2026", "--db", db],
    "templat": lambda t, db: ["templat", t / "templat.xlsx", "-p", "2026", "--db", db],
    "ekspor-dokumen": lambda t, db: ["ekspor", "dokumen", "--unit", "DPMPTSP", "-p", "2026", "--db", db,
                                     "--folder", t / "dok"],
}


@pytest.mark.parametrize("kasus", list(PENULIS))
def test_writing_into_a_read_only_folder(demo, tmp_path, kasus):
    with _tmpfs(tmp_path / "ro", "1M", ro=True) as ro:
        r = _jalankan(*PENULIS[kasus](ro, demo))
        assert r.returncode == 1
        _bersih(r.stderr)
        assert "tidak dapat ditulis" in r.stderr and "hanya-baca (read-only)" in r.stderr
        assert "Pilih folder lain yang dapat ditulisi" in r.stderr
        assert _isi(ro) == []


@pytest.mark.parametrize("kasus", list(PENULIS))
def test_writing_onto_a_full_disk_leaves_nothing(demo, tmp_path, kasus):
    with _tmpfs(tmp_path / "penuh", "192k") as penuh:
        r = _jalankan(*PENULIS[kasus](penuh, demo))
        assert r.returncode == 1
        _bersih(r.stderr)
        assert "tidak dapat ditulis: disk penuh. Tidak ada berkas setengah jadi yang tertinggal." in r.stderr
        assert "Kosongkan ruang di disk itu" in r.stderr
        sisa = [p for p in penuh.rglob("*") if p.is_file()]
        assert sisa == [], sisa  # no partial workbook, no spill files (an emptied dok/ folder may stay)
        assert not (penuh / ".kinerja-sementara").exists()


def _batas_berkas():
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


@pytest.mark.parametrize("kasus", ["ekspor-rekap", "templat"])
def test_writing_past_the_file_size_limit(demo, tmp_path, kasus):
    keluar = tmp_path / "keluar"
    keluar.mkdir()
    p = subprocess.run([*KINERJA, *map(str, PENULIS[kasus](keluar, demo))], capture_output=True, text=True,
                       timeout=120, preexec_fn=_batas_berkas)
    assert p.returncode == 1, p.stderr
    _bersih(p.stderr)
    assert "melebihi batas ukuran berkas (ulimit -f)" in p.stderr
    assert _isi(keluar) == []


@pytest.mark.parametrize("kasus", list(PENULIS))
def test_a_parent_in_the_path_that_is_a_file(demo, tmp_path, kasus):
    berkas = tmp_path / "catatan.txt"
    berkas.write_text("bukan folder")
    r = _jalankan(*PENULIS[kasus](berkas / "sub", demo))
    assert r.returncode == 1
    _bersih(r.stderr)
    assert f"{berkas} adalah berkas, bukan folder" in r.stderr
    assert "mkdir" not in r.stderr  # never suggests making a folder where a file is
    assert berkas.read_text() == "bukan folder"


def test_init_on_a_dangling_symlink(tmp_path):
    tautan = tmp_path / "kinerja.db"
    tautan.symlink_to(tmp_path / "tidak-ada" / "k.db")
    r = _jalankan("init", "--db", tautan)
    assert r.returncode == 1
    _bersih(r.stderr)
    assert f"{tautan} adalah tautan (symlink) ke {tmp_path / 'tidak-ada' / 'k.db'}, yang tidak ada" in r.stderr
    assert tautan.is_symlink() and not tautan.exists()


def test_database_on_a_full_disk_during_an_import(tmp_path):
    with _tmpfs(tmp_path / "penuh", "400k") as penuh:
        db = penuh / "k.db"
        assert _jalankan("init", "--db", db).returncode == 0
        r = _jalankan("pegawai", "impor", CONTOH / "pegawai.xlsx", "--db", db)
        assert r.returncode == 1
        _bersih(r.stderr)
        assert "tidak dapat ditulis: disk penuh. Perubahan perintah ini dibatalkan; tidak ada yang disimpan." in r.stderr
        with sqlite3.connect(db) as c:  # rolled back: nobody, no audit line, and the file is sound
            assert c.execute("SELECT count(*) FROM pegawai").fetchone()[0] == 0
            assert c.execute("SELECT count(*) FROM audit").fetchone()[0] == 0
            assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- signals and temporary files --------------------------------------------------------


def _penangan_terpasang(pid: int) -> bool:
    """kinerja's own SIGTERM handler is installed (its code runs): bit 15 of SigCgt."""
    try:
        for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
            if baris.startswith("SigCgt:"):
                return bool(int(baris.split()[1], 16) & (1 << (signal.SIGTERM - 1)))
    except OSError:
        pass
    return False


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_stop_in_the_first_half_second_of_the_recap(demo, tmp_path):
    """Ctrl-C or SIGTERM at a random moment of the first half second after kinerja's code starts
    (before: 11 of 60 ended in "user-defined function raised exception", exit 1). The moments are
    stratified: run i stops at a random point of the i-th of 12 equal slices of the half second, so
    every stretch of 1/12 s (and any phase longer than 2/12 s) is hit, where 16 independent random
    moments left gaps of up to 0.066 s and missed an 18%-wide phase 4% of the time."""
    keluar = tmp_path / "keluar"
    keluar.mkdir()
    acak = random.Random(12)
    hasil = []
    n = 12
    for i in range(n):
        sinyal = (signal.SIGINT, signal.SIGTERM)[i % 2]
        p = subprocess.Popen([*KINERJA, "ekspor", "rekap", str(keluar / "r.xlsx"), "-p", "2026", "--db", str(demo),
                              "--timpa"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        batas = time.monotonic() + 20
        while not _penangan_terpasang(p.pid) and p.poll() is None and time.monotonic() < batas:
            time.sleep(0.002)
        time.sleep((i + acak.random()) * 0.5 / n)
        p.send_signal(sinyal)
        _, err = p.communicate(timeout=60)
        hasil.append(p.returncode)
        _bersih(err)
        assert "user-defined function" not in err
        if p.returncode == 0:  # finished before the signal: a complete recap
            assert _isi(keluar) == ["r.xlsx"]
            continue
        assert p.returncode == (130 if sinyal == signal.SIGINT else 143), err
        assert "tidak disimpan dan berkas sementara dihapus" in " ".join(err.split())  # the line may wrap at the path
        assert [n for n in _isi(keluar) if n != "r.xlsx"] == []  # no temporary file left
    assert any(k in (130, 143) for k in hasil)


def test_sigkilled_recap_leaves_only_a_private_folder_that_the_next_run_removes(demo, tmp_path):
    keluar = tmp_path / "keluar"
    keluar.mkdir()
    ruang = keluar / ".kinerja-sementara"
    for jeda in (0.05, 0.02, 0.0):
        p = subprocess.Popen([*KINERJA, "ekspor", "rekap", str(keluar / "r.xlsx"), "-p", "2026", "--db", str(demo)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        batas = time.monotonic() + 30
        while p.poll() is None and time.monotonic() < batas:  # kill it while its temporary files exist
            if any(f.is_file() for f in keluar.rglob("*")):
                time.sleep(jeda)
                p.kill()
                break
            time.sleep(0.002)
        p.wait()
        if p.returncode == -signal.SIGKILL and not (keluar / "r.xlsx").exists():
            break
        (keluar / "r.xlsx").unlink(missing_ok=True)
    else:
        pytest.skip("the recap finished before it could be killed")
    assert _isi(keluar) == [".kinerja-sementara"]  # nothing loose in the user's folder
    assert oct(ruang.stat().st_mode & 0o777) == oct(0o700)
    for run in ruang.iterdir():
        assert run.stat().st_mode & 0o077 == 0
    r = _jalankan("ekspor", "rekap", keluar / "r.xlsx", "-p", "2026", "--db", demo)
    assert r.returncode == 0, r.stderr
    assert _isi(keluar) == ["r.xlsx"]  # the killed run's files are gone


def test_a_stop_inside_a_sqlite_function_is_still_a_stop(monkeypatch):
    """SQLite turns a KeyboardInterrupt raised in a Python function (kinerja_lower, used by the
    recap's queries) into "user-defined function raised exception": the remembered signal makes it
    a stop with 143 all the same."""
    from kinerja_cli import masuk, sinyal

    lama = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    monkeypatch.setattr(sinyal, "_sinyal", None)
    masuk._pasang_sinyal()
    try:
        c = sqlite3.connect(":memory:")
        c.create_function("kinerja_lower", 1, lambda x: os.kill(os.getpid(), signal.SIGTERM) or time.sleep(1) or x)
        with pytest.raises(sqlite3.OperationalError, match="user-defined function raised exception"):
            c.execute("SELECT kinerja_lower('A')").fetchall()
    finally:
        for s, h in lama.items():
            signal.signal(s, h)
    batal = sinyal.sinyal_diterima()
    assert isinstance(batal, sinyal.Dihentikan)
    assert sinyal.pesan_batal(batal)[1] == 143
