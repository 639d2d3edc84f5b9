"""Office layouts of a table, as offices print their rosters (DUK tables and the like).

Three things the one header search of excel.baca understands, for every reader format:

* a two-row header with merged group cells (`PANGKAT TERAKHIR` over `GOL/RUANG` and `TMT`; `NAMA`
  merged over both rows): `kandidat_dua_baris` gives each column the texts it may be known by;
* a column-numbering row right under the headers (`(1) (2) (3) ...` or `1 2 3 ...`): `nomor_kolom`;
* a signature block under the data (place and date, "Kepala ...", a name, "NIP. ..."):
  `saring_tanda_tangan` holds such rows back while reading and drops them only when they end the sheet.

Every rule here errs on the side of reading a row as data: a row that is wrongly kept is reported
with its problems, a row that is wrongly dropped would be lost without a word.
"""

from __future__ import annotations

import re

# --- two-row headers -----------------------------------------------------------------------------
#
# The rule for merged cells, the same for .xlsx, .ods, .xls and .csv: every reader gives a merged
# range's text in its top-left cell only and its other cells empty (openpyxl and calamine for
# .xlsx/.ods/.xls; a .csv knows no merges, and its authors leave the same cells empty). So, reading
# row r over row r+1:
#   * an empty upper cell over a filled lower one continues the group to its left (a horizontal
#     merge: PANGKAT TERAKHIR over GOL/RUANG and TMT); a group starts at a column whose upper and
#     lower cells are both filled, and ends at a column whose upper cell is filled or whose lower
#     cell is empty;
#   * an empty lower cell under a filled upper one takes the upper text (a vertical merge: NAMA
#     over both rows).
# A column under a group is known first by its own text with the group's ("PANGKAT TERAKHIR GOL/RUANG",
# "GOL/RUANG PANGKAT TERAKHIR"), then by its own text alone ("GOL/RUANG"). The group's text alone is
# tried last, only for the group's first column and only when no column of the group is known
# otherwise (a group header that is itself a field, over sub-columns that are not).


def _teks(v) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def kandidat_dua_baris(atas, bawah) -> tuple[list[tuple], dict]:
    """([candidate texts per column], {first column of a group: (group text, [its columns])}) for rows
    `atas` over `bawah`."""
    n = max(len(atas), len(bawah))
    sel: list[tuple] = []
    grup: dict[int, tuple[str, list]] = {}
    kini: tuple[str, list] | None = None  # the group the next column may continue
    for i in range(n):
        a = _teks(atas[i]) if i < len(atas) else None
        b = _teks(bawah[i]) if i < len(bawah) else None
        if a is not None and b is not None:  # a group starts (possibly of one column)
            kini = grup[i] = (a, [i])
            sel.append((f"{a} {b}", f"{b} {a}", b))
        elif a is not None:  # merged over both rows
            kini = None
            sel.append((a,))
        elif b is not None and kini is not None:
            kini[1].append(i)
            g = kini[0]
            sel.append((f"{g} {b}", f"{b} {g}", b))
        else:
            kini = None
            sel.append((b,) if b is not None else ())
    return sel, grup


def judul_tampak_dua_baris(bawah) -> bool:
    """A lower header row holds texts only, none of them a number (a data row holds NIPs, dates, numbers)."""
    ada = False
    for v in bawah:
        if v is None:
            continue
        if not isinstance(v, str) or re.fullmatch(r"[\d\s'.,]+", v):
            return False
        ada = True
    return ada


# --- the column-numbering row --------------------------------------------------------------------

_NOMOR = re.compile(r"\(?\s*(\d{1,3})\s*\)?")


def nomor_kolom(sel) -> str | None:
    """'(1) (2) (3) …' (as the cells read) when the non-empty cells of the row are the numbers 1..n
    (n >= 3) in column order, written 1 or (1); else None."""
    tampil = []
    for v in sel:
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        if isinstance(v, bool):
            return None
        if isinstance(v, int):
            k, t = v, str(v)
        elif isinstance(v, float) and v.is_integer():
            k, t = int(v), str(int(v))
        elif isinstance(v, str) and (m := _NOMOR.fullmatch(v.strip())):
            k, t = int(m.group(1)), v.strip()
        else:
            return None
        if k != len(tampil) + 1:
            return None
        tampil.append(t)
    if len(tampil) < 3:
        return None
    return " ".join(tampil[:3]) + (" …" if len(tampil) > 3 else "")


# --- the signature block under the data ----------------------------------------------------------

_BULAN = ("januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember|"
          "jan|feb|mar|apr|jun|jul|agu|agt|ags|sep|okt|nov|nop|des")
_TANGGAL = re.compile(rf"\b\d{{1,2}}\s+(?:{_BULAN})\.?\s+\d{{4}}\b", re.I)  # "31 Desember 2026"
_NIP_TTD = re.compile(r"NIP\s*[.:]?\s*\d[\d\s]*", re.I)  # "NIP. 19800908 200904 1 482"
_PERAN = re.compile(r"(mengetahui|menyetujui|ditetapkan|disahkan|dibuat|yang membuat|a\.?\s?n\.?\s|plt\.?\s|"
                    r"plh\.?\s|pj\.?\s|kepala|sekretaris|pejabat|bupati|wali\s?kota|camat)\b", re.I)
BATAS_BLOK = 15  # rows a signature block may hold (more: not a signature block, read as data)


def _isi(b) -> list:
    return [v for v in b.nilai.values() if v is not None and not (isinstance(v, str) and not v.strip())]


def _mirip_ttd(b) -> bool:
    """A row that may belong to a signature block: one or two text cells, and no NIP in the NIP column
    (empty, or a "NIP. ..." text as signatures print it)."""
    isi = _isi(b)
    if not isi or len(isi) > 2 or not all(isinstance(v, str) for v in isi):
        return False
    nip = b.nilai.get("nip")
    return nip is None or (isinstance(nip, str) and (not nip.strip() or _NIP_TTD.fullmatch(nip.strip()) is not None))


def _pembuka(b) -> bool:
    """The first row of a signature block: the place and date, or a role ("Mengetahui", "Kepala ...")."""
    return any(_TANGGAL.search(v) or _PERAN.match(v.strip()) for v in _isi(b))


def _berjangkar(blok: list) -> bool:
    """A signature block names a date or a signatory's NIP ("NIP. 1980...")."""
    return any(_TANGGAL.search(v) or _NIP_TTD.fullmatch(v.strip()) for b in blok for v in _isi(b))


def saring_tanda_tangan(baris, info: list):
    """The rows, without a signature block that ends the sheet (one line added to `info`).

    A block starts at a row that opens one (place and date, or a role) after at least one empty row
    (the gap between a table and its signatures), holds only rows with one or two text cells and no
    NIP in the NIP column, names a date or a "NIP. ..." somewhere, and nothing but such rows follows
    it. Rows held back are given on as data as soon as a row that does not fit comes (a footer-like
    row in the middle of the data is read, and reported, like any other row)."""
    blok: list = []
    sebelum = None  # the row number of the last row given on
    try:
        for b in baris:
            if blok:
                if _mirip_ttd(b) and len(blok) < BATAS_BLOK:
                    blok.append(b)
                    continue
                yield from blok
                sebelum = blok[-1].baris
                blok = []
            if sebelum is not None and b.baris > sebelum + 1 and _mirip_ttd(b) and _pembuka(b):
                blok.append(b)
                continue
            sebelum = b.baris
            yield b
    finally:
        baris.close()
    if blok and _berjangkar(blok):
        a, z = blok[0].baris, blok[-1].baris
        info.append(f"Baris {a}–{z} di bawah data tampaknya blok tanda tangan; dilewati." if z != a else
                    f"Baris {a} di bawah data tampaknya blok tanda tangan; dilewati.")
    else:
        yield from blok
