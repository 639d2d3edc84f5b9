"""Sharing the recap's single pass between two processes (2 cores: about half the wall time).

The records, in the recap's order, are cut in two (:data:`BAGIAN_INDUK`). After the title
blocks and headers are written (so every style the rows use is registered and the row numbers
of the second half are known: the first half's employee and SKP row counts come from two
COUNT queries), a forked child scores and renders the second half's Rekap and Rincian rows
into two text files beside the target, with its own database connection, while this process
does the first half. The child's rows are then appended as they are, and its compact results
(per-unit counts, predikat) merged after this process's own: the workbook is the same as the
one-process pass (a test holds that).

Deterministic fallbacks, never a different file: below :data:`MINIMUM` records, without fork or
a second core, with --per-unit, for a closed period, or when the child fails or the counts do
not match (the data changed meanwhile), the second half is done here instead.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

MINIMUM = 4000  # records: below this a second process costs more than it saves
# share (percent) of the records this process does itself: it also writes Ringkasan, the extra
# sheets and the zip after the pass, so the child takes the larger share and both finish together
BAGIAN_INDUK = 31
_VAR_MINIMUM = "KINERJA_REKAP_PARALEL_MIN"
TUNGGU_AKHIR = 30  # seconds the child may take to exit after sending its results


def minimum() -> int:
    try:
        return int(os.environ.get(_VAR_MINIMUM, MINIMUM))
    except ValueError:
        return MINIMUM


def belah(data, per_unit: bool) -> tuple | None:
    """(records of the first half, boundary key, SKP rows of the first half), or None (one process)."""
    import multiprocessing

    alir = data.rekaman
    if per_unit or not hasattr(alir, "belah") or (os.cpu_count() or 1) < 2:
        return None
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    n = len(alir)
    if n < max(minimum(), 2):
        return None
    ke = n * BAGIAN_INDUK // 100
    hasil = alir.belah(ke)
    return None if hasil is None else (ke, *hasil)


class _Fragmen:
    """Stands for a sheet in the child: rendered rows go to a text file."""

    def __init__(self, path: str, baris_berikut: int):
        self.f = open(path, "w", encoding="utf-8")
        self.baris_berikut = baris_berikut

    def tambah_xml(self, teks: str, banyak: int | None = None) -> None:
        self.f.write(teks)
        self.baris_berikut += teks.count("</row>") if banyak is None else banyak


class _TidakSederhana(Exception):
    """A row the child cannot render as text (it would need the parent's cell writer)."""


class Anak:
    """The forked child doing the second half; `hasil()` waits for it."""

    def __init__(self, data, kunci: tuple, ke: int, skp_sebelum: int, rekap, rincian, hitungan, folder: Path):
        import multiprocessing

        self.path = []
        for akhiran in ("rekap", "rincian"):
            fd, p = tempfile.mkstemp(prefix=".~kinerja-", suffix=f"-{akhiran}.xml", dir=folder)
            os.close(fd)
            self.path.append(p)
        self.awal = (rekap.rows.r + ke, rincian.rows.r + skp_sebelum)  # first row numbers of the second half
        self.ke, self.skp_sebelum = ke, skp_sebelum
        import sys

        for aliran in (sys.stdout, sys.stderr):  # nothing buffered may be written twice
            try:
                aliran.flush()
            except (OSError, ValueError, AttributeError):
                pass
        konteks = multiprocessing.get_context("fork")
        self.terima, kirim = konteks.Pipe(duplex=False)
        self.proses = konteks.Process(target=_kerja_anak, daemon=True,
                                      args=(kirim, data, kunci, self, rekap, rincian, hitungan))
        self.proses.start()
        kirim.close()

    def hasil(self) -> dict | None:
        """The child's counts and results, or None when it failed."""
        try:
            h = self.terima.recv()
        except (EOFError, OSError):
            h = None
        self.proses.join(TUNGGU_AKHIR)
        if self.proses.is_alive():  # our own child, stuck after its work: end it by its id
            self.proses.kill()
            self.proses.join()
        self.terima.close()
        return h if isinstance(h, dict) else None

    def salin(self, ws, i: int, banyak: int) -> None:
        """Append the child's rows of file `i` (0 Rekap, 1 Rincian) to the sheet, as they are."""
        ws.tambah_xml_berkas(self.path[i], banyak)

    def hapus(self) -> None:
        """Remove the child's files (and end the child if this process gave up on it)."""
        if self.proses.is_alive() and self.proses.exitcode is None:
            self.proses.kill()
            self.proses.join()
        for p in self.path:
            try:
                os.unlink(p)
            except OSError:
                pass


def _kerja_anak(kirim, data, kunci, anak: Anak, rekap, rincian, hitungan) -> None:
    """In the child: the second half's rows into the two files, then the counts and results."""
    try:
        # The read end came with the fork: closed here, a parent that dies makes our send fail at once
        # (broken pipe) instead of blocking forever on a pipe nobody reads.
        anak.terima.close()
        berkas = []
        for tabel, path, awal in ((rekap, anak.path[0], anak.awal[0]), (rincian, anak.path[1], anak.awal[1])):
            f = _Fragmen(path, awal)
            berkas.append(f)
            tabel.ws = _Penolak()  # the fallback (cell objects) would write the parent's sheet
            tabel.rows.ws, tabel.rows.r = f, awal
        rekap.no, rincian.n = anak.ke, anak.skp_sebelum
        unit = []  # [first spelling, lower, count] per unit, in order
        for r in data.rekaman.bagian(kunci, None, sambungan_baru=True):
            rekap.tambah(r)
            rincian.tambah(r)
            hitungan.tambah(r)
            u = r["pegawai"]["unit"]
            if not unit or unit[-1][1] != u.lower():
                unit.append([u, u.lower(), 0])
            unit[-1][2] += 1
        rekap.rows.kirim()
        rincian.rows.kirim()
        for f in berkas:
            f.f.close()
        kirim.send({"rekap": rekap.no - anak.ke, "rincian": rincian.n - anak.skp_sebelum,
                    "hitungan": hitungan.keadaan(), "unit": unit})
    except BaseException as e:  # the parent does this half itself
        try:
            kirim.send(("galat", repr(e)))
        except Exception:
            pass
    finally:
        kirim.close()
        # leave at once: no flushing of streams or finalizers inherited from the parent (a lock held
        # by another of the parent's threads at the fork, e.g. the spinner's, would never be released)
        os._exit(0)


class _Penolak:
    """A sheet that refuses rows: the child must not write the parent's sheets."""

    def __getattr__(self, nama):
        raise _TidakSederhana(nama)
