"""Cells the reader refuses whatever the rest of the row says, listed with every other problem of the file.

Two kinds: Excel error cells (#N/A, #REF!...: excel/sel_galat.py) and text holding an invisible
control character (ESC, RIGHT-TO-LEFT OVERRIDE...). Neither can be skipped with --lewati-galat as
if the cell were empty or harmless (a #N/A in NIP Atasan read as empty would erase the stored
atasan), so either refuses the import. But each is one problem of its cell, not of the file: the
officer must get every problem of a workbook in one run, not one round trip per kind.

So inside an import (`lingkup`, a decorator every importer carries) the reader does not stop at
them: the rows are checked as usual, the reader's cells wait here (`simpan`) and
`impor_umum.putuskan` -- the one decision of every importer -- lists them together with the rows'
problems in one refusal (`tolak`). A check of the file that cannot run, or a read outside any
import (a direct `excel.baca` call), still stops at once, as before. `sisa` is the safety net: the
write transaction of an import never commits while a reader refusal is still undecided.
"""

from __future__ import annotations

import functools
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from ..errors import ImporDitolak, SelGalatExcel
from ..excel import sel_galat
from ..validation.masalah import di_sel, huruf_sel
from ..validation.teks import SARAN_KENDALI, karakter_kendali, saran_karakter

GALAT_EXCEL, KENDALI = "galat", "kendali"
BATAS_KENDALI = 200  # control-character cells listed (all are counted)


@dataclass
class Tolakan:
    """The refused cells of one sheet of one file, of one kind."""
    berkas: Path
    jenis: str  # GALAT_EXCEL | KENDALI
    masalah: list
    jumlah: int  # cells in all (masalah may list fewer)


_TERTUNDA: ContextVar[list | None] = ContextVar("kinerja_tolakan_baca", default=None)


def lingkup(impor):
    """Decorator of an importer: the reader's refused cells wait for its `putuskan` (see module doc)."""

    @functools.wraps(impor)
    def bungkus(*args, **kwargs):
        token = _TERTUNDA.set([])
        try:
            return impor(*args, **kwargs)
        finally:
            _TERTUNDA.reset(token)

    return bungkus


def aktif() -> bool:
    return _TERTUNDA.get() is not None


def kosongkan() -> None:
    """Forget what waits (an import read again from the start: konvensi_angka)."""
    t = _TERTUNDA.get()
    if t is not None:
        t.clear()


def awasi(baris, berkas: Path, isi, tandai_bila_perlu, tandai: Path | None):
    """The rows, passed on unchanged; when the stream ends, the control-character cells seen and the
    Excel error cells (isi.galat_sel) wait for `putuskan` inside an import, or refuse the file at once
    outside one (the error cells then refuse themselves in excel.baca)."""
    temuan: list = []
    jumlah = 0
    for b in baris:
        nilai = b.nilai
        gabung = "".join([v for v in nilai.values() if v.__class__ is str])
        if not gabung.isprintable() or "_x" in gabung:
            for key, v in nilai.items():
                apa = karakter_kendali(v)
                if apa is not None:
                    jumlah += 1
                    if len(temuan) < BATAS_KENDALI:
                        temuan.append(di_sel(b, key, f"Sel berisi karakter kendali yang tidak terlihat: {apa}",
                                             saran_karakter(apa), nilai=v))
        yield b
    tunggu = _TERTUNDA.get()
    galat = getattr(isi, "galat_sel", None)
    if tunggu is not None:
        if galat is not None and galat.jumlah:
            tunggu.append(Tolakan(Path(berkas), GALAT_EXCEL, galat.masalah(), galat.jumlah))
        if temuan:
            tunggu.append(Tolakan(Path(berkas), KENDALI, temuan, jumlah))
    elif temuan:
        t = Tolakan(Path(berkas), KENDALI, temuan, jumlah)
        p = tandai_bila_perlu(berkas, temuan, tandai)
        raise ImporDitolak(f"Impor {Path(berkas).name} ditolak: {_uraian(t)}. Tidak ada data yang ditulis.",
                           temuan, _saran(t) + (f" Sel yang salah ditandai merah di {p}." if p else ""))


def ambil(berkas: Path | str) -> list:
    """The refusals waiting for `berkas` (taken: they are decided now)."""
    tunggu = _TERTUNDA.get()
    if not tunggu:
        return []
    berkas = Path(berkas)
    milik = [t for t in tunggu if t.berkas == berkas]
    tunggu[:] = [t for t in tunggu if t.berkas != berkas]
    return milik


def gabung(tolakan: list, masalah: list) -> list:
    """The refused cells and the file's other problems in row order; a row problem about a refused cell
    (the importer saw an error cell as empty: 'NIP kosong') is left out, the cell's own problem says it."""
    sel = {(m.sheet, m.baris, m.huruf) for t in tolakan for m in t.masalah}
    lain = [m for m in masalah if not (huruf_sel(m) and (m.sheet, m.baris, huruf_sel(m)) in sel)]
    return sorted([m for t in tolakan for m in t.masalah] + lain, key=lambda m: (m.baris is not None, m.baris or 0))


def tolak(berkas: Path, tolakan: list, masalah: list, lewati_galat: bool, p: Path | None):
    """The refusal of a file with refused cells (`masalah`: every problem, from `gabung`), whatever
    --lewati-galat says: such a cell cannot be skipped as if it were empty."""
    sel = {(m.sheet, m.baris, m.huruf) for t in tolakan for m in t.masalah}
    lain = [m for m in masalah if m.galat and (m.sheet, m.baris, huruf_sel(m)) not in sel]
    excel = any(t.jenis == GALAT_EXCEL for t in tolakan)
    pesan = f"Impor {berkas.name} ditolak: " + "; ".join(_uraian(t) for t in tolakan)
    if lain:
        pesan += f"; dan {len(lain)} galat lain di {len({(m.sheet, m.baris) for m in lain})} baris (lihat tabel)"
    pesan += ". " + (sel_galat.AKIBAT if excel else "Tidak ada data yang ditulis.")
    saran = " ".join(dict.fromkeys(_saran(t) for t in tolakan))
    if lain:
        saran += " Perbaiki juga masalah lain di tabel."
    if lewati_galat:
        saran += " --lewati-galat tidak melewati sel seperti ini: tanpa isinya yang benar barisnya tidak dapat dibaca."
    if p is not None:
        saran += f" Sel {'galat' if excel else 'yang salah'} ditandai merah di {p}."
    raise (SelGalatExcel if excel else ImporDitolak)(pesan, masalah, saran)


def sisa() -> None:
    """Refuse (before an import's write commits) any reader refusal no `putuskan` has decided."""
    tunggu = _TERTUNDA.get()
    if tunggu:
        t = list(tunggu)
        tunggu.clear()
        tolak(t[0].berkas, t, gabung(t, []), False, None)


def _uraian(t: Tolakan) -> str:
    if t.jenis == GALAT_EXCEL:
        return sel_galat.uraian(t.masalah, t.jumlah)
    tempat = ", ".join(f"{m.kolom.split(' ', 1)[0]}{m.baris}" for m in t.masalah[:5]) + (", ..." if t.jumlah > 5 else "")
    return (f"{t.jumlah} sel berisi karakter kendali yang tidak terlihat di Excel (misalnya ESC, atau pembalik arah "
            f"teks seperti RIGHT-TO-LEFT OVERRIDE), di sel {tempat}")


def _saran(t: Tolakan) -> str:
    if t.jenis == GALAT_EXCEL:
        return sel_galat.saran(t.masalah)
    return ("Hapus karakter itu dari setiap sel di tabel: "
            + ("; ".join(dict.fromkeys(m.saran for m in t.masalah)) if t.masalah else SARAN_KENDALI) + ".")
