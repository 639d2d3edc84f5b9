"""The console entry point: stopping (Ctrl-C, SIGTERM) is handled from the very first moment.

The handler is set before the application is imported, so a stop while Typer and the commands
load ends with the same one line as a stop during the work, never a traceback.
"""

from __future__ import annotations

import signal
import sys


class Dihentikan(KeyboardInterrupt):
    """SIGTERM: stop like Ctrl-C, so every clean-up (temporary files, the second process) runs."""


def _saat_sigterm(signum, frame):
    raise Dihentikan()


def pesan_batal(e: KeyboardInterrupt) -> tuple[str, int]:
    siapa = "dihentikan (SIGTERM)" if isinstance(e, Dihentikan) else "dibatalkan oleh pengguna"
    return (f"Perintah {siapa}; perubahan yang belum selesai tidak disimpan dan berkas sementara dihapus.",
            143 if isinstance(e, Dihentikan) else 130)


def main() -> None:
    try:
        signal.signal(signal.SIGTERM, _saat_sigterm)
        from .app import main as utama

        utama()
    except KeyboardInterrupt as e:  # before or after the command's own boundary
        pesan, kode = pesan_batal(e)
        try:
            sys.stderr.write(f"Galat: {pesan}\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        sys.exit(kode)
