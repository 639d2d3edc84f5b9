"""Numbers whose column decides their reading (validation.angka, README "Keamanan data").

Numbers typed as text follow one rule (validation.angka). A cell the rule alone cannot read
('1.200': 1200 or 1,2) is resolved by its column: an importer decorated with `@konvensi_angka`
whose only obstacle is such cells has its sheet columns scanned for cells that prove the
convention ('95,5' or '95.5'); a column with one kind of evidence is read again with it (the
import runs once more with those cells rewritten as the convention reads them, before any
check); otherwise the cell stays refused with both readings.

An importer is decorated with `konvensi_angka`; services/impor_umum.py calls `sesuaikan_angka`
on the rows it reads (`alir`) and `selesaikan_angka` on the problems before it decides (`putuskan`).
"""

from __future__ import annotations

import functools
from contextvars import ContextVar
from dataclasses import replace
from pathlib import Path

from ..excel.baca import alir_sheet
from ..validation.angka import EN, ID, PENANDA_AMBIGU, bukti_konvensi, perlu_konvensi, terapkan_konvensi
from ..validation.masalah import PERINGATAN, Masalah, huruf_sel
from . import tolakan_baca


class _Konvensi:
    """One import call: where its rows come from, and the convention of each (sheet, column letter)."""

    def __init__(self):
        self.sumber: tuple | None = None  # (berkas, tata, sheet name)
        self.konvensi: dict[tuple[str, str], str] = {}
        self.bukti: dict[tuple[str, str], set] = {}
        self.contoh: dict[tuple[str, str], dict] = {}  # column -> {convention: the first text proving it}
        self.dibaca: dict[tuple[str, str], list] = {}  # column -> [key, cells rewritten, first row, [(text, reading)]]
        self.ulang = False


_KEADAAN: ContextVar[_Konvensi | None] = ContextVar("kinerja_konvensi_angka", default=None)


class _Ulangi(Exception):
    """Raised before anything is written: run the import again with the columns' conventions."""


def konvensi_angka(impor):
    """Decorator of an importer: ambiguous number texts are read by their column's proven convention
    (the import runs a second time, with those cells rewritten) or refused with both readings."""

    @functools.wraps(impor)
    def bungkus(*args, **kwargs):
        k = _Konvensi()
        token = _KEADAAN.set(k)
        try:
            try:
                return impor(*args, **kwargs)
            except _Ulangi:
                k.ulang = True
                tolakan_baca.kosongkan()  # the file is read again from the start
                return impor(*args, **kwargs)
        finally:
            _KEADAAN.reset(token)

    return tolakan_baca.lingkup(bungkus)


def sesuaikan_angka(berkas, tata, isi):
    """The rows of `isi` with every ambiguous number text in a column of known convention rewritten as
    that convention reads it; remembers the source so that `selesaikan_angka` can scan its columns."""
    k = _KEADAAN.get()
    if k is None:
        return isi.baris
    k.sumber = (Path(berkas), tata, isi.sheet)
    kunci = [(key, k.konvensi[(isi.sheet, h)]) for key, h in isi.huruf.items() if (isi.sheet, h) in k.konvensi]
    if not kunci:
        return isi.baris

    def baris():
        for b in isi.baris:
            for key, c in kunci:
                v = b.nilai.get(key)
                if v.__class__ is str:
                    t = b.nilai[key] = terapkan_konvensi(v, c)
                    if t is not v:
                        d = k.dibaca.setdefault((b.sheet, b.huruf.get(key, "")), [key, 0, b.baris, []])
                        d[1] += 1
                        if len(d[3]) < _CONTOH_DIBACA:
                            d[3].append((v, t))
            yield b

    return baris() if not isinstance(isi.baris, list) else list(baris())


_huruf = huruf_sel

def _ambigu(m) -> bool:
    return m.galat and PENANDA_AMBIGU in m.pesan and perlu_konvensi(m.nilai) and bool(_huruf(m))


def _bukti_kolom(sumber: tuple, kolom: set) -> tuple[dict, dict]:
    """{(sheet, letter): conventions proven by the text cells of that column} for the wanted columns,
    and {(sheet, letter): {convention: the first text proving it}} (named in the messages)."""
    berkas, tata, sheet = sumber
    hasil: dict = {c: set() for c in kolom}
    contoh: dict = {c: {} for c in kolom}
    with alir_sheet(berkas, tata, sheet) as isi:
        if isi.galat_sel is not None:
            isi.galat_sel.tunda = True  # a scan for evidence: the import itself lists the error cells
        kunci = [(key, (isi.sheet, h)) for key, h in isi.huruf.items() if (isi.sheet, h) in kolom]
        dilihat: dict = {}
        for b in isi.baris:
            for key, c in kunci:
                v = b.nilai.get(key)
                if v.__class__ is str:
                    t = dilihat.get((c, v))
                    if t is None:
                        t = bukti_konvensi(v)
                        if len(dilihat) < 100_000:
                            dilihat[(c, v)] = t
                    hasil[c] |= t
                    for konv in t:
                        contoh[c].setdefault(konv, v.strip())
    return hasil, contoh


_CONTOH_DIBACA = 3  # readings listed in the warning of a column read by its convention
_CARA = {"id": "cara Indonesia (koma desimal, titik ribuan)", "en": "cara Inggris (titik desimal, koma ribuan)"}


def _dibaca(k: _Konvensi) -> list:
    """One warning per column whose ambiguous cells were read by the column's convention, listing
    each reading (a few, then how many more) and the cell that proves the convention."""
    hasil = []
    for (sheet, h), (key, n, baris, contoh) in k.dibaca.items():
        c = k.konvensi.get((sheet, h))
        bukti = k.contoh.get((sheet, h), {}).get(c)
        karena = f"karena kolom ini memakai '{bukti}'" if bukti else (
            "karena kolom ini memakai " + ("koma desimal" if c == ID else "titik desimal"))
        bacaan = ", ".join(f"'{teks}' = {jadi}" for teks, jadi in contoh)
        lain = f" dan {n - len(contoh)} sel lain" if n > len(contoh) else ""
        teks = contoh[0][0]
        hasil.append(Masalah(
            f"{n} sel di kolom ini dibaca {_CARA[c]} {karena}: {bacaan}{lain}",
            "periksa hasilnya; tulis angka tanpa pemisah ribuan (misalnya 1200) agar tidak bergantung pada sel lain",
            teks, sheet, baris, f"{h} ({key.replace('_', ' ')})" if h else key.replace("_", " "), PERINGATAN, "", h))
    return hasil


def selesaikan_angka(masalah: list) -> list:
    """Before an importer refuses or skips rows: when ambiguous number cells are among the errors and
    their column proves one convention, raise _Ulangi (the decorated import runs again reading them
    so); else return the problems, an ambiguous cell in a column with both kinds of evidence saying so."""
    k = _KEADAAN.get()
    if k is None:
        return masalah
    if k.dibaca:
        masalah = masalah + _dibaca(k)
        k.dibaca = {}
    ambigu = [m for m in masalah if _ambigu(m)]
    if not ambigu:
        return masalah
    kolom = {(m.sheet, _huruf(m)) for m in ambigu}
    if not k.ulang and k.sumber is not None:
        k.bukti, k.contoh = _bukti_kolom(k.sumber, kolom)
        k.konvensi = {c: next(iter(b)) for c, b in k.bukti.items() if len(b) == 1}
        if k.konvensi:
            raise _Ulangi()
    konflik = {c for c, b in k.bukti.items() if len(b) > 1}
    if not konflik:
        return masalah

    def tambahan(c) -> str:
        contoh = k.contoh.get(c, {})
        return (f"; kolom ini memakai cara Indonesia (koma desimal atau titik ribuan, misalnya '{contoh.get(ID, '')}') "
                f"dan cara Inggris (titik desimal, misalnya '{contoh.get(EN, '')}') sekaligus, "
                "jadi cara bacanya tidak bisa ditentukan")

    return [replace(m, pesan=m.pesan + tambahan((m.sheet, _huruf(m))))
            if _ambigu(m) and (m.sheet, _huruf(m)) in konflik else m for m in masalah]
