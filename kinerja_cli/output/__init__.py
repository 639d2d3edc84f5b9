"""The one place that prints.

Tables and messages for people (Rich) on the terminal; JSON/CSV for scripts
on stdout and nothing else there; errors and warnings on stderr.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable, Sequence

from ..validation.angka import angka_id
from ..validation.masalah import ringkas
from ..validation.tanggal_id import tampak_tanggal, tanggal_id
from .lebar import ANGKA, JUDUL_MIN, NIP, PECAH, TEKS, UTUH  # noqa: F401  (the kinds of a table column)
from .lebar import nama_pendek as pendek
from .lebar import tabel_pas
from .teks_aman import bersih, esc, teks  # noqa: F401  (output.bersih / esc / teks for every view)

_out = None
_err = None

# Formula-leading characters a spreadsheet would evaluate when a CSV file is opened (OWASP).
PEMICU_RUMUS_CSV = ("=", "+", "-", "@", "\t", "\r")


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
    # On screen (output.lebar): the kind (NIP, ANGKA, TEKS; None: from the key and alignment) and the
    # rank of importance (1 never hidden; the highest is hidden first when the console is too narrow;
    # None: the first column and NIP columns 1, the others by position).
    jenis: str | None = None
    penting: int | None = None
    # The key of a shorter text of the same thing (a unit's official short name), shown on screen instead
    # when the full text would wrap or the column would be left out (output.lebar.tabel_pas).
    pendek: str | None = None


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


_ANGKA_CSV = re.compile(r"-?\d+(?:[.,]\d+)?")


def teks_csv(t: str) -> str:
    """Text for a CSV cell: control characters removed; text a spreadsheet would take as a formula
    (starting with = + - @, tab or CR) gets a leading apostrophe, so Excel shows it as text.
    A plain number written as text (-5, -2,5) is not a formula and stays as it is."""
    t = bersih(t)
    if t.startswith(PEMICU_RUMUS_CSV) and not _ANGKA_CSV.fullmatch(t):
        return "'" + t
    return t


def _csv_nilai(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (Decimal, float)):
        return f"{float(round(v, 2)):.2f}"  # numbers stay numbers: -5 is not prefixed
    if isinstance(v, int):
        return v
    if isinstance(v, (list, tuple)):
        return teks_csv(";".join(str(x) for x in v))
    return teks_csv(str(v))


def cetak_csv(baris: Iterable[dict], kolom: Sequence[Kolom]) -> None:
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow([k.key for k in kolom])
    for b in baris:
        w.writerow([_csv_nilai(b.get(k.key)) for k in kolom])
    sys.stdout.flush()


def teks_sel(v: Any, angka: bool = False) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if angka and isinstance(v, (Decimal, float, int)):
        return angka_id(v)
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v)
    if tampak_tanggal(v):  # dates and times the Indonesian way, never ISO text, in a table
        return tanggal_id(v)
    return str(v)


def tabel(baris: Sequence[dict], kolom: Sequence[Kolom], judul: str | None = None, catatan: str | None = None,
          gaya_baris=None, semua: str = "--format csv"):
    """Build a Rich table fitted to the console (not printed); columns that do not fit are left out
    by importance, with a line naming them (see output.lebar)."""
    from rich.text import Text

    sel = [[Text(bersih(teks_sel(b.get(k.key), k.angka))) for k in kolom] for b in baris]  # user text: never markup
    pendek = {i: [Text(bersih(teks_sel(b.get(k.pendek) or b.get(k.key), k.angka))) for b in baris]
              for i, k in enumerate(kolom) if k.pendek}
    return tabel_pas(kolom, sel, judul, catatan, [gaya_baris(b) for b in baris] if gaya_baris else None, semua,
                     lebar=konsol().width, pendek=pendek or None)


def tabel_sel(kolom: Sequence[Kolom], baris: Sequence[Sequence[Any]], judul=None, catatan: str | None = None,
              gaya: Sequence | None = None, semua: str = "--format csv", **opsi):
    """A table of ready cells (markup strings written by a view, or Text), fitted like `tabel`.
    `judul` as str is plain text; a title with markup is passed as a Rich Text."""
    opsi.setdefault("lebar", konsol().width)
    return tabel_pas(kolom, baris, judul, catatan, gaya, semua, **opsi)


def nama_pendek(nama: str, maks: int | None = None, singkatan: str | None = None) -> str:
    """A unit name for a title: whole when it fits `maks` (bawaan: a third of the console, at least
    24), else its short name, else cut at a word boundary with '…'."""
    return pendek(bersih(str(nama)), maks or max(JUDUL_MIN, konsol().width // 3 + 10), singkatan)


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
    return c.status(teks(pesan), spinner="dots")


def cetak(*obj) -> None:
    """Print Rich renderables; a str is Rich *markup* written by a view: user values inside it
    must go through `esc()` (or be passed as `teks()`)."""
    konsol().print(*obj)


# Messages (info, sukses, peringatan, galat) are plain text: they carry file names, names and
# values from the user's files, so they are never parsed as markup; only the label is styled.
def _pesan(label: str | None, gaya: str | None, pesan: str):
    from rich.text import Text

    t = Text()
    if label:
        t.append(label, style=gaya)
        t.append(" ")
    t.append(_satu_titik(bersih(str(pesan))))
    return t


def _satu_titik(teks: str) -> str:
    """A sentence that ends with a value ending in a full stop (a name with its title, "Andi Saputra, S.T.")
    gets one full stop, not two; an ellipsis ("...") and a path ("../x") are kept."""
    import re

    return re.sub(r"(?<!\.)\.\.(?=\s|$)", ".", teks)


def info(pesan: str) -> None:
    konsol_err().print(_pesan(None, None, pesan))


def sukses(pesan: str) -> None:
    konsol_err().print(_pesan("✓", "green", pesan))


def peringatan(pesan: str) -> None:
    konsol_err().print(_pesan("Peringatan:", "yellow", pesan))


def galat(pesan: str, saran: str | None = None) -> None:
    c = konsol_err()
    c.print(_pesan("Galat:", "bold red", pesan))
    if saran:
        c.print(_pesan("Saran:", "cyan", saran))


def tabel_masalah(masalah: Sequence, judul: str = "Masalah di berkas", batas: int = 200,
                  semua: str = "salinan bertanda (--tandai)") -> None:
    """Every problem: sheet, row, column, value, what is wrong, how to fix (to stderr). `semua`: how the
    command shows every column when some are hidden (the option it has for a marked copy)."""
    if not masalah:
        return

    masalah = ringkas(masalah)
    # Problems of several sheets (a workbook of `kinerja impor`): 'baris 4, C' means nothing without
    # its sheet, so Sheet is never hidden and the value found goes first. One sheet: the title names it.
    sheets = list(dict.fromkeys(m.sheet for m in masalah if m.sheet))
    banyak = len(sheets) > 1
    if len(sheets) == 1:
        judul = f"{judul} (sheet {sheets[0]})"
    # Words wrap at spaces, a value (a NIP, a number) breaks only at / - _ or a space, never inside
    kolom = [Kolom("tingkat", "Tingkat", jenis=UTUH, penting=1),
             Kolom("sheet", "Sheet", jenis=TEKS, penting=1 if banyak else 3),
             Kolom("baris", "Baris", jenis=UTUH, penting=1), Kolom("kolom", "Kolom", jenis=TEKS, penting=2),
             Kolom("nilai", "Nilai", jenis=PECAH, penting=2 if banyak else 1), Kolom("pesan", "Masalah", jenis=TEKS, penting=1),
             Kolom("saran", "Perbaikan", jenis=TEKS, penting=1)]
    urut = sorted(masalah, key=lambda m: (0 if m.galat else 1, m.sheet, m.baris or 0, m.kolom))
    sel = [[teks("galat", "red") if m.galat else teks("peringatan", "yellow"), teks(m.sheet or "-"),
            str(m.baris) if m.baris else "-", teks(m.kolom or "-"), teks("-" if m.nilai is None else str(m.nilai)[:40]),
            teks(m.pesan), teks(m.saran or "")] for m in urut[:batas]]
    c = konsol_err()
    c.print(tabel_pas(kolom, sel, judul, None, lebar=c.width, semua=semua,
                      show_lines=False))
    if len(urut) > batas:
        c.print(f"... dan {len(urut) - batas} masalah lain (perbaiki yang di atas lalu impor ulang).")
