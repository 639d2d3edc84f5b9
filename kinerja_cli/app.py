"""The `kinerja` command: the root Typer app and the one error boundary."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
from typer.core import TyperGroup

from .cli import (
    atasan_luar,
    aturan,
    dampak,
    dasar,
    distribusi,
    ekspor,
    evaluasi,
    impor,
    inovasi,
    instansi,
    koreksi,
    layanan,
    nilai,
    pegawai,
    pelatihan,
    pemeliharaan,
    perilaku,
    periode,
    pesan_pemakaian,
    rating,
    realisasi,
    sasaran,
    status,
    templat,
    tren,
    umpan_balik,
    unit,
)
from .cli.periode_bawaan import peta
from .cli.umum import tutup_semua
from .errors import ImporDitolak, KinerjaError
from .sinyal import pesan_batal, sinyal_diterima
from .store import audit


class _GrupKinerja(TyperGroup):
    """Turns every KinerjaError into a clear message and exit code 1; closes the command's database."""

    _peta_periode: dict | None = None  # the default_map of the default period (cli.periode_bawaan.peta)

    def make_context(self, info_name, args, parent=None, **extra):
        if parent is None and "default_map" not in extra:  # -p may be left out: the default period
            if self._peta_periode is None:  # the command tree does not change: built once per process
                self._peta_periode = peta(self)
            extra["default_map"] = self._peta_periode
        return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx):
        try:
            return self._jalankan(ctx)
        finally:
            tutup_semua()  # the one place a command's SQLite connection is closed, on every path

    def _jalankan(self, ctx):
        from . import output  # lazy: output is needed only when a command fails, not by kinerja --help

        try:
            return super().invoke(ctx)
        except ImporDitolak as e:
            output.tabel_masalah(e.masalah)
            output.galat(e.pesan, e.saran)
            raise typer.Exit(e.kode_keluar) from None
        except KinerjaError as e:
            output.galat(e.pesan, e.saran)
            raise typer.Exit(e.kode_keluar) from None
        except KeyboardInterrupt as e:
            raise _batal(e) from None
        except Exception as e:
            # Ctrl-C inside a library (a SQLite function, a clean-up) may surface as another error
            batal = _penyebab_batal(e) or sinyal_diterima()
            if batal is not None:
                raise _batal(batal) from None
            g = _galat_basis_data(e)  # locked, full or damaged database, also met inside a library's callback
            if g is None:
                raise
            output.galat(g.pesan, g.saran)
            raise typer.Exit(g.kode_keluar) from None


def _galat_basis_data(e: BaseException):
    """The message for the first SQLite error a user can meet (locked, full, damaged) in e's chain, else None."""
    from .store.db import galat_sqlite  # lazy: store.db loads sqlite_utils, which kinerja --help must not load

    seen = set()
    while e is not None and id(e) not in seen:
        g = galat_sqlite(e)
        if g is not None:
            return g
        seen.add(id(e))
        e = e.__cause__ or e.__context__
    return None


def _penyebab_batal(e: BaseException) -> KeyboardInterrupt | None:
    seen = set()
    while e is not None and id(e) not in seen:
        if isinstance(e, KeyboardInterrupt):
            return e
        seen.add(id(e))
        e = e.__cause__ or e.__context__
    return None


def _batal(e: KeyboardInterrupt) -> typer.Exit:
    from . import output  # lazy: output is needed only when a command is stopped, not by kinerja --help

    pesan, kode = pesan_batal(e)
    output.galat(pesan)
    return typer.Exit(kode)


app = typer.Typer(
    cls=_GrupKinerja,
    name="kinerja",
    help=(
        "Pengelolaan kinerja ASN untuk BKPSDM: daftar pegawai, SKP, realisasi, penilaian perilaku, "
        "nilai dan predikat, rekap Excel.\n\n"
        "Contoh: kinerja init  lalu  kinerja pegawai impor pegawai.xlsx  lalu  kinerja pegawai daftar\n\n"
        "Basis data: --db BERKAS, atau variabel KINERJA_DB, atau ./kinerja.db."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _versi(nilai: bool) -> None:
    if nilai:
        from importlib.metadata import PackageNotFoundError, version

        try:
            v = version("kinerja")
        except PackageNotFoundError:  # run from a source tree that was not installed
            v = "tidak diketahui"
        typer.echo(f"kinerja {v}")
        raise typer.Exit(0)


@app.callback()
def _akar(
    versi: Annotated[bool, typer.Option("--version", "-V", help="Tampilkan versi kinerja lalu keluar.",
                                        is_eager=True, callback=_versi)] = False,
) -> None:
    pass


def _pesan_pemakaian() -> None:
    pesan_pemakaian.pasang()


def _daftarkan() -> None:
    """Commands in the order of the command map (DESIGN.md)."""
    dasar.daftarkan(app)
    impor.daftarkan(app)
    instansi.daftarkan(app)
    app.add_typer(pegawai.app, name="pegawai")
    app.add_typer(unit.app, name="unit")
    app.add_typer(periode.app, name="periode")
    templat.daftarkan(app)
    app.add_typer(sasaran.app, name="sasaran")
    app.add_typer(realisasi.app, name="realisasi")
    app.add_typer(perilaku.app, name="perilaku")
    app.add_typer(umpan_balik.app, name="umpan-balik")
    app.add_typer(inovasi.app, name="inovasi")
    app.add_typer(rating.app, name="rating")
    aturan.daftarkan(app)
    app.add_typer(evaluasi.app, name="evaluasi")
    status.daftarkan(app)
    nilai.daftarkan(app)
    distribusi.daftarkan(app, unit.app)
    app.add_typer(ekspor.app, name="ekspor")
    app.add_typer(pelatihan.app, name="pelatihan")
    tren.daftarkan(app)
    app.add_typer(layanan.app, name="layanan")
    dampak.daftarkan(app)
    pemeliharaan.daftarkan(app)
    koreksi.daftarkan(inovasi.app, umpan_balik.app, pelatihan.app, layanan.app, periode.app)
    atasan_luar.daftarkan(pegawai.app)


_daftarkan()
_pesan_pemakaian()


def main() -> None:
    import gc

    # Commands build many small, acyclic objects (one dict per row); the default collector
    # walks them every 700 allocations. Rarer young collections cut `nilai` at 100,000
    # employees by ~20 % CPU; cyclic garbage is still collected, only less often.
    gc.set_threshold(100_000, 50, 100)

    import shlex

    audit.set_perintah(shlex.join(["kinerja", *sys.argv[1:]]))  # quoted: the logged command can be run again
    if os.environ.get("_KINERJA_COMPLETE"):  # shell completion (README): bash, zsh, fish scripts from Typer
        from typer._completion_classes import completion_init

        completion_init()
    app()


if __name__ == "__main__":
    main()
