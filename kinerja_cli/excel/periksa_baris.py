"""Row numbers and cell references of a run of whole rows (a layer of excel/periksa_zip.py's checks).

`periksa_irisan` (a run of whole rows, as the calamine slices and the pre-scan of
excel/periksa_lembar.py see it): row numbers strictly increasing within 1..1,048,576, every cell
reference within A..XFD and in its own row, each row's cells in strictly increasing columns (a
reference twice would make both readers keep one cell silently, and a cell in another row's
element would be read there by calamine and here by openpyxl). Cheap C-speed searches prove this
for an ordinary run; anything unusual goes to a tag-by-tag check (`periksa_teliti`) that names the
row or the cell.
"""

from __future__ import annotations

import html
import operator
import re
from itertools import islice

from ..errors import BerkasTidakValid
from .periksa_zip import _ribuan, rusak

BARIS_MAKS = 1_048_576
KOLOM_MAKS = 16_384  # XFD
_BATAS_TEKS = "kolom terakhir XFD, baris terakhir 1.048.576"


class KeadaanBaris:
    """What the check remembers between runs of rows of one sheet."""

    def __init__(self, nama_berkas: str, sheet: str):
        self.nama_berkas, self.sheet = nama_berkas, sheet
        self.terakhir = 0  # number of the last row seen
        self.ke = 0  # row elements seen so far (the position in the file)

    def galat(self, rincian: str, letak: str = "") -> BerkasTidakValid:
        return rusak(self.nama_berkas, f"{rincian} di sheet '{self.sheet}'" + (f" ({letak})" if letak else ""))


_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_REF_LONGGAR = re.compile(r"([A-Za-z]+)([0-9]+)")


def _kolom(huruf: str) -> int:
    n = 0
    for ch in huruf.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _huruf(kolom: int) -> str:
    s = ""
    while kolom:
        kolom, r = divmod(kolom - 1, 26)
        s = chr(65 + r) + s
    return s


def _baca_ref(ref: str, keadaan: KeadaanBaris) -> tuple[int, int]:
    """(column, row) of a cell reference within Excel's bounds, else the refusal."""
    m = _REF.fullmatch(ref)
    if m and _kolom(m.group(1)) <= KOLOM_MAKS and 1 <= int(m.group(2)) <= BARIS_MAKS:
        return _kolom(m.group(1)), int(m.group(2))
    tampil = ref if len(ref) <= 40 else ref[:40] + "…"
    if _REF_LONGGAR.fullmatch(ref):
        raise keadaan.galat(f"referensi sel {tampil} di luar batas Excel ({_BATAS_TEKS})")
    raise keadaan.galat(f"referensi sel '{tampil}' tidak sah")


def _nomor_baris(teks: str, keadaan: KeadaanBaris) -> int:
    t = teks.strip()
    if not t.isdigit() or not t.isascii():
        raise keadaan.galat(f"nomor baris '{t[:40]}' tidak sah", f"baris ke-{_ribuan(keadaan.ke)} di berkas")
    n = int(t)
    if not 1 <= n <= BARIS_MAKS:
        tampil = _ribuan(n) if len(t) <= 30 else t[:30] + "…"
        raise keadaan.galat(f"nomor baris {tampil} di luar batas Excel (1 sampai 1.048.576)",
                            f"baris ke-{_ribuan(keadaan.ke)} di berkas")
    return n


def _catat_baris(n: int, keadaan: KeadaanBaris) -> None:
    if n <= keadaan.terakhir:
        k = keadaan.ke
        if n == keadaan.terakhir:
            raise keadaan.galat(f"baris {_ribuan(n)} muncul dua kali",
                                f"baris ke-{_ribuan(k - 1)} dan ke-{_ribuan(k)} di berkas")
        raise keadaan.galat(f"nomor baris tidak berurutan: baris {_ribuan(n)} datang sesudah baris "
                            f"{_ribuan(keadaan.terakhir)}", f"baris ke-{_ribuan(k - 1)} dan ke-{_ribuan(k)} di berkas")
    keadaan.terakhir = n


_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?(row|c)\b([^>]*?)(/?)>")
_ATTR = re.compile(rb"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attr_r(teks: bytes) -> str | None:
    for nama, a, b in _ATTR.findall(teks):
        if nama.rsplit(b":", 1)[-1] == b"r":
            return html.unescape((a or b).decode("utf-8", "replace"))
    return None


def periksa_teliti(isi: bytes, keadaan: KeadaanBaris) -> None:
    """Tag by tag: every row number and cell reference of a run of whole rows.

    A row without `r` takes the row of its first cell's reference (calamine places cells by their
    references), else the row after the previous one (as openpyxl counts).
    """
    baris = None  # number of the open row
    tanpa_nomor = False  # the open row has no `r`: its number comes with its first cell
    kolom = 0
    for m in _TAG.finditer(isi):
        tutup, jenis, attr, kosong = m.groups()
        if jenis == b"row":
            if tutup:
                if tanpa_nomor:
                    _catat_baris(_berikut(keadaan), keadaan)
                baris, tanpa_nomor = None, False
                continue
            keadaan.ke += 1
            kolom = 0
            r = _attr_r(attr)
            if r is None and not kosong:
                baris, tanpa_nomor = 0, True
                continue
            n = _nomor_baris(r, keadaan) if r is not None else _berikut(keadaan)
            _catat_baris(n, keadaan)
            baris = None if kosong else n
        elif not tutup:
            r = _attr_r(attr)
            if r is None:
                kolom += 1
                if kolom > KOLOM_MAKS:
                    raise keadaan.galat(f"satu baris berisi lebih dari {_ribuan(KOLOM_MAKS)} sel",
                                        f"baris ke-{_ribuan(keadaan.ke)} di berkas")
                if tanpa_nomor:
                    baris, tanpa_nomor = _berikut(keadaan), False
                    _catat_baris(baris, keadaan)
                continue
            k, n = _baca_ref(r, keadaan)
            if baris is None:
                raise keadaan.galat(f"sel {r} berada di luar baris mana pun")
            if tanpa_nomor:
                _catat_baris(n, keadaan)
                baris, tanpa_nomor = n, False
            elif n != baris:
                raise keadaan.galat(f"sel {r} tertulis di dalam baris {_ribuan(baris)}")
            if k <= kolom:  # both readers place a cell by its column: the later one would win silently
                if k == kolom:
                    raise keadaan.galat(f"sel {r} muncul dua kali di baris {_ribuan(baris)}")
                raise keadaan.galat(f"sel {r} datang sesudah sel {_huruf(kolom)}{baris} "
                                    f"di baris {_ribuan(baris)} (kolom tidak berurutan)")
            kolom = k


def _berikut(keadaan: KeadaanBaris) -> int:
    if keadaan.terakhir >= BARIS_MAKS:
        raise keadaan.galat("ada baris sesudah baris terakhir Excel (1.048.576)",
                            f"baris ke-{_ribuan(keadaan.ke)} di berkas")
    return keadaan.terakhir + 1


_KOLOM_2 = re.compile(rb' r="[A-Z]{2}')
_KOLOM_3 = re.compile(rb' r="[A-Z]{3}[0-9]')
_LEWAT_XFD = re.compile(rb' r="(?:X(?:F[E-Z]|[G-Z][A-Z])|[YZ][A-Z]{2})[0-9]')


def periksa_irisan(isi: bytes, pfx: bytes, keadaan: KeadaanBaris, teks_nomor: list | None = None,
                   lebar: int = KOLOM_MAKS) -> None:
    """Refuse a damaged run of whole rows (see the module's doc); `teks_nomor`: its row numbers as
    found by `<row r="([0-9]+)"`, when known.

    The quick path proves with C-speed searches and counts what the tag-by-tag check would:
    the row numbers, strictly increasing and in range, one per row element (`r="..."` its first
    attribute); every cell written `<c r="A1"` (any other spelling, `r ='...'` too, which calamine
    also reads, or a tab or line break, goes tag by tag), none of another prefix; per row, as many cells
    whose reference is letters then that row's number as cells (capitals made 'A' and runs of
    them collapsed, so `A17` never passes for row 7); the cells' columns strictly increasing
    within each row (one list comparison: the only steps that do not rise are the row starts);
    no column past XFD. Anything else is checked tag by tag, which names the row or the cell.
    """
    tag = b"<" + pfx + b"row"
    if teks_nomor is None:
        teks_nomor = re.findall(re.escape(tag) + rb' r="([0-9]+)"', isi)
    nomor = list(map(int, teks_nomor))
    if (not nomor or isi.count(tag) != len(nomor) or nomor[0] <= keadaan.terakhir or nomor[-1] > BARIS_MAKS
            or not all(map(operator.lt, nomor, islice(nomor, 1, None)))):
        return periksa_teliti(isi, keadaan)
    if lebar > 702 and _KOLOM_3.search(isi) and _LEWAT_XFD.search(isi):
        return periksa_teliti(isi, keadaan)
    # one search: a cell's column letters, b"" for a row and for any cell not written `<c r="A1"`
    kunci = re.findall(rb"<" + re.escape(pfx) + rb'(?:c r="([A-Z]{1,3})[0-9]|row\b|c\b)', isi)
    if kunci.count(b"") != len(nomor) or kunci[0] != b"":  # a cell without `r="..."` first: tag by tag
        return periksa_teliti(isi, keadaan)
    n_sel = len(kunci) - len(nomor)
    # (a tab, line break or space inside a row or cell tag, `r='...'`, `r = "..."`: each leaves a
    # `<c` or `<row` the searches above do not count, so it goes tag by tag) no row or cell of
    # another prefix, which calamine reads too
    if isi.count(b"r=") != n_sel + len(nomor) if pfx else b":c" in isi or b":row" in isi:
        return periksa_teliti(isi, keadaan)
    # columns strictly increasing within each row: a row start is the only step that does not rise
    if lebar > 26:  # AA comes after Z: compare (length, letters)
        kunci = list(zip(map(len, kunci), kunci))
    if list(map(operator.lt, kunci, islice(kunci, 1, None))).count(False) != len(nomor) - 1:
        return periksa_teliti(isi, keadaan)
    sel = b"<" + pfx + b'c r="'
    # every cell in its own row: per row, count the cells whose reference is letters then that
    # row's number; each such match is a cell of that row, so the sum equals all cells only if
    # every row's count does
    satu = b"AA" if lebar > 26 else None  # collapse runs of capitals only when two-letter columns exist
    teks = isi.translate(_SATU_HURUF)
    if satu:
        teks = teks.replace(b"AAA", b"A").replace(b"AA", b"A")
    tag_a, sel_a = tag.translate(_SATU_HURUF), sel.translate(_SATU_HURUF)
    if satu:
        tag_a, sel_a = tag_a.replace(b"AA", b"A"), sel_a.replace(b"AA", b"A")
    per_baris = teks.split(tag_a + b' r="')
    if sum(map(bytes.count, islice(per_baris, 1, None), [sel_a + b"A" + n + b'"' for n in teks_nomor])) != n_sel:
        return periksa_teliti(isi, keadaan)
    keadaan.ke += len(nomor)
    keadaan.terakhir = nomor[-1]


_SATU_HURUF = bytes(65 if 65 <= i <= 90 else i for i in range(256))  # every capital letter -> 'A'
