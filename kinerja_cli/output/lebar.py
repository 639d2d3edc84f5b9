"""Tables that fit the console: every column has a kind and a rank of importance.

- `NIP`: never cut or wrapped (people copy NIPs from tables);
- `ANGKA`: a number (or a short figure such as "3 (13,64%)"), never split;
- `TEKS`: words wrap at spaces; a word is broken only when longer than `KATA_MAKS`, and then after
  '/', '-' or '_' first (a file name in a message: 'Dinas-Sosial_' / '2026.xlsx', never '...xl' / 'sx');
- `UTUH`: other text never wrapped (a bar of block characters, a sparkline), left-aligned.
- `PECAH`: a key or a file name ('2026/198502142010012003', 'Sekretariat-Daerah_2026.xlsx'): broken
  only after '/', '-', '_' or a space, so that a NIP or a number inside it stays whole.

When the columns cannot all be shown at their smallest readable width, the least important
ones (the highest `penting`; among equals the rightmost) are left out, and one line under the
table names them and how to see them. Rank 1 is never left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

NIP = "nip"
ANGKA = "angka"
TEKS = "teks"
UTUH = "utuh"
PECAH = "pecah"

_POTONGAN = re.compile(r"[^/_\-\s]+[/_\-\s]*|[/_\-\s]+")

KATA_MAKS = 20  # a longer word (a link, a file name) may be broken
TEKS_MIN = 12  # a text column narrower than this reads as letters, not words
JUDUL_MIN = 24  # a unit name in a title is never shortened below this

_KUNCI_NIP = {"penilai", "dari", "oleh", "nip_atasan", "atasan"}


def jenis_bawaan(key: str, angka: bool = False, rata_kanan: bool = False) -> str:
    """The kind of a column that does not declare one: NIP columns by their key, numbers by alignment."""
    if key.startswith("nip") or key in _KUNCI_NIP:
        return NIP
    return ANGKA if (angka or rata_kanan) else TEKS


@dataclass(frozen=True)
class Ukuran:
    kecil: int  # the narrowest width that still reads (no NIP, number or word broken)
    wajar: int  # the width that shows every cell on one line


def _lebar_teks(s: str) -> int:
    from rich.cells import cell_len

    return cell_len(s)


def ukur(jenis: str, judul: str, sel: Sequence[str]) -> Ukuran:
    """The widths a column needs, from its header and the plain text of its cells."""
    panjang = kata = 0
    for s in sel:
        for baris in s.split("\n"):
            panjang = max(panjang, _lebar_teks(baris))
            if jenis == TEKS:
                kata = max([kata, *(_lebar_teks(k) for k in baris.split())])
            elif jenis == PECAH:
                kata = max([kata, *(_lebar_teks(k.rstrip()) for k in _POTONGAN.findall(baris))])
    kata_judul = max((_lebar_teks(k) for k in judul.split()), default=0)
    if jenis == TEKS:
        kecil = max(min(kata, KATA_MAKS), min(panjang, TEKS_MIN), kata_judul)
    elif jenis == PECAH:
        kecil = max(kata, kata_judul)
    else:
        kecil = max(panjang, kata_judul)  # the header may wrap; the value never
    return Ukuran(kecil, max(kecil, panjang, _lebar_teks(judul)))


def tambahan(n: int, tepi: bool = True) -> int:
    """Width a boxed Rich table adds to its n columns: padding 1+1 each, borders between and at the edges."""
    return 2 * n + (n - 1 if n else 0) + (2 if tepi else 0)


def susun(ukuran: Sequence[Ukuran], penting: Sequence[int], lebar: int) -> tuple[list[int], list[int] | None]:
    """Which columns to show (indices) and their widths, for a console `lebar` cells wide.

    Widths are None when even the columns of rank 1 do not fit: Rich then does what it can."""
    tampil = list(range(len(ukuran)))

    def perlu(idx, ambil) -> int:
        return sum(ambil(ukuran[i]) for i in idx) + tambahan(len(idx))

    while perlu(tampil, lambda u: u.kecil) > lebar:
        calon = [i for i in tampil if penting[i] > 1]
        if not calon:
            return tampil, None
        tampil.remove(max(calon, key=lambda i: (penting[i], i)))
    w = {i: ukuran[i].wajar for i in tampil}
    lebih = perlu(tampil, lambda u: u.wajar) - lebar
    while lebih > 0:  # narrow the widest column that can still wrap, one cell at a time
        i = max((i for i in tampil if w[i] > ukuran[i].kecil), key=lambda i: (w[i], -i))
        w[i] -= 1
        lebih -= 1
    return tampil, [w[i] for i in tampil]


def kalimat_tersembunyi(judul: Sequence[str], lebar: int, semua: str = "--format csv") -> str:
    """The one line under a table whose columns did not all fit. `semua`: the option of the command that
    shows every column ('--format csv'); "" for a command without one (only a wider terminal helps)."""
    nama = ", ".join(" ".join(j.split()) for j in judul)
    cara = f"{semua}, atau terminal yang lebih lebar" if semua else "terminal yang lebih lebar"
    return f"Kolom disembunyikan agar muat di layar {lebar} kolom: {nama}. Semua kolom: {cara}."


def nama_pendek(nama: str, maks: int, singkatan: str | None = None) -> str:
    """A long unit name for a title: its short name when it has one, else cut at a word
    boundary with '…' — never in the middle of a word."""
    nama = " ".join(nama.split())
    if len(nama) <= maks:
        return nama
    if singkatan:
        return singkatan
    kata, hasil = nama.split(" "), ""
    for k in kata:
        calon = f"{hasil} {k}" if hasil else k
        if len(calon) + 1 > maks:
            break
        hasil = calon
    return (hasil or kata[0]) + "…"


def _kata_panjang(sel: Any, lebar: int) -> Any:
    """A TEKS cell whose words all fit `lebar` as it is; else its too-long words broken after '/', '-'
    or '_' (`pecah`), so Rich wraps the rest at spaces and cuts inside a piece only if one is still wider."""
    from rich.text import Text

    polos = _polos(sel)
    if not any(_lebar_teks(k) > lebar for k in polos.split()):
        return sel
    baru = re.sub(r"\S+", lambda m: pecah(m.group(), lebar) if _lebar_teks(m.group()) > lebar else m.group(), polos)
    return Text(baru, style=sel.style if isinstance(sel, Text) else "")


def pecah(teks: str, lebar: int) -> str:
    """`teks` in lines of at most `lebar` cells, broken only after '/', '-', '_' or a space (kind PECAH)."""
    hasil = []
    for baris in teks.split("\n"):
        kini = ""
        for k in _POTONGAN.findall(baris):
            if kini and _lebar_teks((kini + k).rstrip()) > lebar:
                hasil.append(kini.rstrip())
                kini = ""
            kini += k
        hasil.append(kini.rstrip())
    return "\n".join(hasil)


def _polos(sel: Any) -> str:
    from rich.text import Text

    if isinstance(sel, Text):
        return sel.plain
    if isinstance(sel, str):
        return Text.from_markup(sel).plain
    return str(sel)


def tabel_pas(kolom: Sequence, baris: Sequence[Sequence[Any]], judul=None, catatan=None, gaya: Sequence | None = None,
              semua: str = "--format csv", lebar: int | None = None, catatan_bila: str | None = None,
              pendek: dict[int, Sequence[Any]] | None = None, **opsi):
    """A Rich table of `baris` (cells: markup strings or Text) fitted to the console width, with the
    line naming the hidden columns under it (a Group) when some were left out. `catatan_bila`: the key
    of the column `catatan` explains (a legend); it is printed only while that column is shown.
    `pendek`: {column index: shorter cells} (units' short names) used instead when that column's full
    cells would wrap or be left out."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from . import konsol, teks  # lazy: this package imports lebar at its top, before konsol and teks exist

    if lebar is None:
        lebar = konsol().width
    jenis = [k.jenis or jenis_bawaan(k.key, k.angka, k.rata_kanan) for k in kolom]
    penting = [k.penting if k.penting is not None else (1 if (i == 0 or jenis[i] == NIP) else i + 1)
               for i, k in enumerate(kolom)]
    ukuran = [ukur(jenis[i], k.judul, [_polos(b[i]) for b in baris]) for i, k in enumerate(kolom)]
    tampil, w = susun(ukuran, penting, lebar)
    sempit = [i for i in (pendek or {}) if i not in tampil or w is None or w[tampil.index(i)] < ukuran[i].wajar]
    if sempit:  # the full text would wrap or be hidden: the short names instead
        baris = [list(b) for b in baris]
        for i in sempit:
            for b, s in zip(baris, pendek[i]):
                b[i] = s
            ukuran[i] = ukur(jenis[i], kolom[i].judul, [_polos(b[i]) for b in baris])
        tampil, w = susun(ukuran, penting, lebar)
    if catatan_bila is not None and not any(kolom[i].key == catatan_bila for i in tampil):
        catatan = None
    t = Table(title=teks(judul) if isinstance(judul, str) else judul,  # a str is plain text; markup: pass a Text
              caption=None if catatan is None else teks(catatan),
              header_style="bold", title_justify="left", caption_justify="left", **opsi)
    for n, i in enumerate(tampil):
        k = kolom[i]
        # the header wraps at spaces even over a column whose values never wrap (an explicit no_wrap=False wins)
        t.add_column(Text(k.judul, no_wrap=False, overflow="fold"), justify="right" if (k.rata_kanan or jenis[i] == ANGKA) else "left",
                     overflow="fold", no_wrap=jenis[i] not in (TEKS, PECAH), width=None if w is None else w[n],
                     min_width=ukuran[i].kecil if w is None and jenis[i] != TEKS else None)
    for r, b in enumerate(baris):
        sel = [b[i] for i in tampil]
        if w is not None:  # PECAH cells (and long words of TEKS cells) broken at their own points, never by Rich
            sel = [teks(pecah(_polos(s), w[n])) if jenis[i] == PECAH else (_kata_panjang(s, w[n]) if jenis[i] == TEKS else s)
                   for n, (i, s) in enumerate(zip(tampil, sel))]
        t.add_row(*sel, style=gaya[r] if gaya else None)
    if len(tampil) == len(kolom):
        return t
    tersembunyi = [kolom[i].judul for i in range(len(kolom)) if i not in tampil]
    return Group(t, Text(kalimat_tersembunyi(tersembunyi, lebar, semua), style="yellow"))
