"""The console entry point: signals and the standard streams are handled from the very first moment.

- Ctrl-C and SIGTERM: the handler is set before the application is imported, so a stop while
  Typer and the commands load ends with the same one line as a stop during the work, never a
  traceback. The signal is also remembered (:func:`sinyal.sinyal_diterima`): a stop that a library turns
  into another error (SQLite reports an interrupted Python function as "user-defined function
  raised exception") is still reported as a stop, with 130/143.
- SIGXFSZ (a file past `ulimit -f`) is ignored, so the write fails with EFBIG and gets a message.
- stdout/stderr replace what their encoding cannot show (`≠`, `—`, `…` on cp1252 or ascii)
  instead of crashing; stdout is watched (:class:`_Keluaran`): a closed pipe (`| head -1`) ends
  quietly with 0 after what fitted; a closed stdout (`>&-`) or a full one (`> /dev/full`) ends
  with one line on stderr and exit 1.
"""

from __future__ import annotations

import errno
import os
import signal
import sys

from . import sinyal
from .sinyal import batal_dilaporkan, pesan_batal, sinyal_diterima


class KeluaranGagal(Exception):
    """Writing the standard output failed (closed, full, broken pipe). Not an OSError, so no
    library on the way up mistakes it for one of its own."""

    def __init__(self, asal: OSError | None, errno_: int):
        super().__init__(str(asal) if asal else os.strerror(errno_))
        self.errno = errno_


def pesan_keluaran(e: KeluaranGagal) -> str | None:
    """The one line for a failed stdout (None: a closed pipe, which ends quietly)."""
    if e.errno == errno.EPIPE:
        return None
    if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "Keluaran tidak dapat ditulis: disk penuh."
    if e.errno == errno.EBADF:
        return "Keluaran tidak dapat ditulis: stdout tertutup. Arahkan keluaran ke berkas atau ke /dev/null."
    if e.errno == errno.EFBIG:
        return "Keluaran tidak dapat ditulis: berkas melebihi batas ukuran berkas (ulimit -f)."
    return f"Keluaran tidak dapat ditulis: {os.strerror(e.errno)}."


class _Keluaran:
    """sys.stdout, whose write/flush failures become :class:`KeluaranGagal`. Everything else is
    the wrapped stream's; a closed stdout (None) is a stream that fails on the first write."""

    def __init__(self, asli):
        self._asli = asli

    def _gagal(self, e: OSError | None) -> KeluaranGagal:
        return KeluaranGagal(e, e.errno if e is not None and e.errno else errno.EBADF)

    def write(self, teks):
        if self._asli is None:
            raise self._gagal(None)
        try:
            return self._asli.write(teks)
        except (OSError, ValueError) as e:
            raise self._gagal(e if isinstance(e, OSError) else None) from None

    def writelines(self, baris):
        for b in baris:
            self.write(b)

    def flush(self):
        if self._asli is None:
            return
        try:
            self._asli.flush()
        except (OSError, ValueError) as e:
            raise self._gagal(e if isinstance(e, OSError) else None) from None

    def isatty(self):
        return self._asli is not None and self._asli.isatty()

    @property
    def encoding(self):
        return self._asli.encoding if self._asli is not None else "utf-8"

    def __getattr__(self, nama):
        if self._asli is None:
            raise AttributeError(nama)
        return getattr(self._asli, nama)


def _siapkan_aliran() -> None:
    for nama in ("stdout", "stderr"):
        aliran = getattr(sys, nama)
        try:
            aliran.reconfigure(errors="replace")  # `≠` on cp1252 becomes `?`, never an error
        except (AttributeError, ValueError, OSError):
            pass
    sys.stdout = _Keluaran(sys.stdout)


def _senyapkan_stdout() -> None:
    """After a failed stdout: point fd 1 at /dev/null so the interpreter's last flush is quiet."""
    try:
        nol = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nol, 1)
        os.close(nol)
    except OSError:
        pass
    sys.stdout = open(os.devnull, "w")


def _ke_stderr(teks: str) -> None:
    try:
        if sys.stderr is not None:
            sys.stderr.write(teks)
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _jejak_senyap(info) -> None:
    """Unraisable errors (a generator closed when collected): quiet when they repeat a write failure
    already reported with its message; anything else is shown as Python would."""
    from .berkas_aman import sudah_dilaporkan  # lazy: loaded after the signal handler is set (docstring)

    if sudah_dilaporkan(info.exc_value):
        return
    sys.__unraisablehook__(info)


def _pasang_sinyal() -> None:
    sinyal.pasang()
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def main() -> None:
    kode: object = 0
    # openpyxl writes XML with et_xmlfile, as every test runs it, even where lxml is installed (it would
    # switch to lxml's writer, which the fast sheets of excel/lembar_cepat.py do not write into).
    os.environ["OPENPYXL_LXML"] = "False"
    try:
        _pasang_sinyal()
        _siapkan_aliran()
        sys.unraisablehook = _jejak_senyap
        from .app import main as utama  # lazy: the signal handler is set before the app loads (docstring)

        try:
            utama()
        except SystemExit as e:
            kode = e.code
        batal = sinyal_diterima()
        if batal is not None and not batal_dilaporkan():  # stopped where Typer itself ends quietly with 130
            pesan, kode = pesan_batal(batal)
            _ke_stderr(f"Galat: {pesan}\n")
        sys.stdout.flush()  # what is still buffered fails here, not in the interpreter's exit
    except KeluaranGagal as e:
        _senyapkan_stdout()
        pesan = pesan_keluaran(e)
        if pesan is None:  # `| head -1`: the reader has what it wanted
            kode = 0 if kode in (0, None) else kode
        else:
            _ke_stderr(f"Galat: {pesan}\n")
            kode = 1
    except KeyboardInterrupt as e:  # before or after the command's own boundary
        pesan, kode = pesan_batal(e)
        _ke_stderr(f"Galat: {pesan}\n")
    except Exception:
        batal = sinyal_diterima()
        if batal is None:
            raise
        pesan, kode = pesan_batal(batal)
        _ke_stderr(f"Galat: {pesan}\n")
    sys.exit(kode)
