"""The one place that prints.

Tables and messages for people (Rich) on the terminal; JSON/CSV for scripts
on stdout and nothing else there; errors and warnings on stderr.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable, Sequence

FORMAT = ("tabel", "json", "csv")

_out = None
_err = None


def _lebar(aliran) -> int | None:
    """Terminal: its own width. Pipe or file: wide, so tables are not folded."""
    import os

    try:
        if aliran.isatty():
            return None
    except (AttributeError, ValueError):
        pass
    return int(os.environ.get("COLUMNS", "0") or 0) or 160


def konsol():
    global _out
    if _out is None:
        from rich.console import Console

        _out = Console(highlight=False, soft_wrap=False, width=_lebar(sys.stdout))
    return _out


def konsol_err():
    global _err
    if _err is None:
        from rich.console import Console

        _err = Console(stderr=True, highlight=False, width=_lebar(sys.stderr))
    return _err


def reset() -> None:
    """Forget the consoles (tests swap sys.stdout between runs)."""
    global _out, _err
    _out = None
    _err = None


@dataclass(frozen=True)
class Kolom:
    key: str
    judul: str
    rata_kanan: bool = False
    angka: bool = False  # Decimal/float shown the Indonesian way in tables


def _json_nilai(v: Any) -> Any:
    if isinstance(v, Decimal):
        return float(round(v, 2))
    if isinstance(v, float):
        return round(v, 2)
    if isinstance(v, (list, tuple)):
        return [_json_nilai(x) for x in v]
    if isinstance(v, dict):
        return {k: _json_nilai(x) for k, x in v.items()}
    return v


_SEDERHANA = frozenset({str, int, bool, Decimal, type(None)})  # encoded as they are (Decimal by _json_lain)


def _bulatkan_float(x: Any) -> Any:
    """Floats need rounding to 2 decimals too; most rows have none, so check before walking them."""
    if type(x) is not dict:
        return _json_nilai(x)
    for v in x.values():
        t = type(v)
        if t in _SEDERHANA or (t is list and all(type(e) in _SEDERHANA for e in v)):
            continue
        return _json_nilai(x)
    return x


def _json_lain(v: Any) -> Any:
    """Values json cannot encode by itself: Decimal -> number rounded to 2 decimals."""
    if isinstance(v, Decimal):
        return float(round(v, 2))
    if isinstance(v, (set, tuple)):
        return list(v)
    return str(v)


def cetak_json(data: Any) -> None:
    """One JSON value on stdout. An array is written one object per line: still a single JSON
    array, readable in a pager, and encoded by the fast C encoder even for 100,000 rows."""
    tulis = sys.stdout.write
    if isinstance(data, list):
        tulis("[\n" if data else "[")
        enkode = json.JSONEncoder(ensure_ascii=False, default=_json_lain).encode  # one encoder for every row
        tulis(",\n".join(enkode(_bulatkan_float(x)) for x in data))
        tulis("\n]\n" if data else "]\n")
    else:
        tulis(json.dumps(_json_nilai(data), ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def _csv_nilai(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (Decimal, float)):
        return f"{float(round(v, 2)):.2f}"
    if isinstance(v, (list, tuple)):
        return ";".join(str(x) for x in v)
    return v


def cetak_csv(baris: Iterable[dict], kolom: Sequence[Kolom]) -> None:
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow([k.key for k in kolom])
    for b in baris:
        w.writerow([_csv_nilai(b.get(k.key)) for k in kolom])
    sys.stdout.flush()


def teks_sel(v: Any, angka: bool = False) -> str:
    from .validation.angka import angka_id

    if v is None:
        return "-"
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if angka and isinstance(v, (Decimal, float, int)):
        return angka_id(v)
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v)
    return str(v)


_KUNCI_NIP = {"penilai", "dari", "oleh", "nip_atasan", "atasan"}


def _kolom_nip(key: str) -> bool:
    """Columns holding a NIP are never broken over two lines (people copy NIPs from tables)."""
    return key.startswith("nip") or key in _KUNCI_NIP


def tabel(baris: Sequence[dict], kolom: Sequence[Kolom], judul: str | None = None, catatan: str | None = None,
          gaya_baris=None):
    """Build a Rich table (not printed)."""
    from rich.table import Table

    t = Table(title=judul, caption=catatan, header_style="bold", title_justify="left", caption_justify="left")
    for k in kolom:
        t.add_column(k.judul, justify="right" if (k.rata_kanan or k.angka) else "left", overflow="fold",
                     no_wrap=k.angka or _kolom_nip(k.key), min_width=None)
    for b in baris:
        sel = [teks_sel(b.get(k.key), k.angka) for k in kolom]
        t.add_row(*sel, style=gaya_baris(b) if gaya_baris else None)
    return t


def tampilkan(baris: Sequence[dict], kolom: Sequence[Kolom], fmt: str = "tabel", judul: str | None = None,
              catatan: str | None = None, kosong: str = "Tidak ada data.", gaya_baris=None) -> None:
    """A listing in the chosen format: same columns in every format."""
    if fmt == "json":
        cetak_json([{k.key: b.get(k.key) for k in kolom} for b in baris])
    elif fmt == "csv":
        cetak_csv(baris, kolom)
    else:
        if not baris:
            info(kosong)
            return
        konsol().print(tabel(baris, kolom, judul, catatan, gaya_baris))


def tampilkan_satu(data: dict, fmt: str, render) -> None:
    """One item: JSON object for scripts, else `render()` prints it for people."""
    if fmt == "json":
        cetak_json(data)
    elif fmt == "csv":
        flat = {k: v for k, v in data.items() if not isinstance(v, (dict, list))}
        cetak_csv([flat], [Kolom(k, k) for k in flat])
    else:
        render()


def sibuk(pesan: str):
    """A spinner with `pesan` on stderr while long work runs, only on a terminal (quiet when piped)."""
    import contextlib

    c = konsol_err()
    if not c.is_terminal:
        return contextlib.nullcontext()
    return c.status(pesan, spinner="dots")


def cetak(*obj) -> None:
    konsol().print(*obj)


def info(pesan: str) -> None:
    konsol_err().print(pesan)


def sukses(pesan: str) -> None:
    konsol_err().print(f"[green]✓[/green] {pesan}")


def peringatan(pesan: str) -> None:
    konsol_err().print(f"[yellow]Peringatan:[/yellow] {pesan}")


def galat(pesan: str, saran: str | None = None) -> None:
    c = konsol_err()
    c.print(f"[bold red]Galat:[/bold red] {pesan}", markup=True)
    if saran:
        c.print(f"[cyan]Saran:[/cyan] {saran}")


def tabel_masalah(masalah: Sequence, judul: str = "Masalah di berkas", batas: int = 200) -> None:
    """Every problem: sheet, row, column, value, what is wrong, how to fix (to stderr)."""
    from rich.table import Table

    if not masalah:
        return
    t = Table(title=judul, header_style="bold", title_justify="left", show_lines=False)
    for j in ("Tingkat", "Sheet", "Baris", "Kolom", "Nilai", "Masalah", "Perbaikan"):
        t.add_column(j, overflow="fold")
    urut = sorted(masalah, key=lambda m: (0 if m.galat else 1, m.sheet, m.baris or 0, m.kolom))
    for m in urut[:batas]:
        t.add_row(
            "[red]galat[/red]" if m.galat else "[yellow]peringatan[/yellow]",
            m.sheet or "-",
            str(m.baris) if m.baris else "-",
            m.kolom or "-",
            "-" if m.nilai is None else str(m.nilai)[:40],
            m.pesan,
            m.saran or "",
        )
    c = konsol_err()
    c.print(t)
    if len(urut) > batas:
        c.print(f"... dan {len(urut) - batas} masalah lain (perbaiki yang di atas lalu impor ulang).")
