"""The stop signals of this process: Ctrl-C and SIGTERM, remembered, and the one message for a stop.

Shared by the entry point (`masuk`, which sets the handlers before anything else is imported)
and the command boundary (`app`); it imports nothing of the project.
"""

from __future__ import annotations

import signal

_sinyal: int | None = None  # the stop signal received, if any
_batal_dilaporkan = False  # the stop's message was printed (by the command boundary or here)


class Dihentikan(KeyboardInterrupt):
    """SIGTERM: stop like Ctrl-C, so every clean-up (temporary files, the second process) runs."""


def _di_importlib(frame) -> bool:
    """True when the signal interrupted importlib's own code (e.g. a module lock's weakref callback):
    an exception raised there is printed as "Exception ignored" and lost, so the stop is deferred."""
    return frame is not None and frame.f_code.co_filename.startswith("<frozen importlib")


def _tunda() -> None:
    """Raise the remembered stop 20 ms later, outside importlib (POSIX timers; elsewhere the command
    boundary still reports the stop from `sinyal_diterima`)."""
    if hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, _saat_alarm)
        signal.setitimer(signal.ITIMER_REAL, 0.02)


def _henti(frame):
    if _di_importlib(frame):
        _tunda()
        return
    raise Dihentikan() if _sinyal == signal.SIGTERM else KeyboardInterrupt()


def _saat_sigterm(signum, frame):
    global _sinyal
    _sinyal = signal.SIGTERM
    _henti(frame)


def _saat_sigint(signum, frame):
    global _sinyal
    _sinyal = signal.SIGINT
    _henti(frame)


def _saat_alarm(signum, frame):
    if _sinyal is not None:
        _henti(frame)


def sinyal_diterima() -> KeyboardInterrupt | None:
    """The stop (as the exception it raised) if Ctrl-C or SIGTERM arrived in this process."""
    if _sinyal is None:
        return None
    return Dihentikan() if _sinyal == signal.SIGTERM else KeyboardInterrupt()


def pesan_batal(e: KeyboardInterrupt) -> tuple[str, int]:
    global _batal_dilaporkan
    _batal_dilaporkan = True
    siapa = "dihentikan (SIGTERM)" if isinstance(e, Dihentikan) else "dibatalkan oleh pengguna"
    return (f"Perintah {siapa}; perubahan yang belum selesai tidak disimpan dan berkas sementara dihapus.",
            143 if isinstance(e, Dihentikan) else 130)


def batal_dilaporkan() -> bool:
    """True once the stop's message was printed (by the command boundary or the entry point)."""
    return _batal_dilaporkan


def pasang() -> None:
    """Ctrl-C and SIGTERM stop with KeyboardInterrupt (SIGTERM as :class:`Dihentikan`)."""
    signal.signal(signal.SIGTERM, _saat_sigterm)
    signal.signal(signal.SIGINT, _saat_sigint)
