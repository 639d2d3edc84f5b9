"""`kinerja impor`: the Realisasi sheet of a workbook whose Sasaran sheet is refused is still checked, in the
same run (one round trip to the OPD, not two), without false problems.

The refused Sasaran sheet is imported again skipping its refused employees (as --lewati-galat), inside the
workbook's transaction that the refusal rolls back: nothing is written, but the Realisasi sheet is checked
against the SKP rows that exist -- stored, plus the Sasaran rows that had no problem. The problems of the
rows of the employees whose Sasaran rows were refused are left out (they cannot be judged yet), with one
sentence naming them; a cell the reader refuses (#N/A...) is listed whoever's row it is in (its problem
does not depend on the SKP). Called by services/impor_buku.py.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ImporDitolak, KinerjaError
from ..validation.masalah import PERINGATAN, Masalah
from . import sasaran


def sasaran_lolos(db, berkas: Path, kode: str, sheet: str) -> dict:
    """A refused Sasaran sheet, imported again skipping its refused employees, inside the workbook's
    transaction (rolled back: the workbook is refused): the Realisasi sheet is then checked against the SKP
    rows stored plus the good rows of the sheet. {"Sasaran": NIPs whose rows were refused}, or {} when
    even that is refused (an Excel error cell): the Realisasi sheet is then not checked."""
    try:
        h = sasaran.impor(db, berkas, kode, sheet, lewati_galat=True)
    except KinerjaError:
        return {}
    return {"Sasaran": frozenset(h.keterangan.get("nip_galat", ()))}


def nip_tertunda(induk: tuple, sebagian: dict) -> frozenset:
    """The NIPs whose rows of a sheet cannot be judged: their rows of a sheet it depends on (`induk`) were refused."""
    return frozenset().union(*(sebagian[j] for j in induk if j in sebagian))


def tanpa_nip(e: KinerjaError, tunda: frozenset, berkas: Path) -> KinerjaError | None:
    """A sheet's refusal without the problems of the rows of `tunda` (None: nothing else was wrong)."""
    semula = getattr(e, "masalah", None)
    if not tunda or not semula:
        return e
    sisa = [m for m in semula if m.kunci not in tunda]
    if len(sisa) == len(semula):
        return e
    galat = [m for m in sisa if m.galat]
    if not galat:
        return None
    n_baris = len({(m.sheet, m.baris) for m in galat})
    return ImporDitolak(f"Impor {berkas.name} ditolak: {len(galat)} galat di {n_baris} baris. Tidak ada data yang "
                        "ditulis.", sisa, e.saran)


BELUM_DINILAI = "Baris sheet {sheet} milik {n} pegawai yang baris Sasarannya ditolak belum diperiksa terhadap SKP-nya"


def belum_dinilai(sheet: str, tunda: frozenset) -> Masalah:
    """The one sentence of the rows left out of a sheet's check: their employees' Sasaran rows were refused."""
    daftar = sorted(tunda)
    nip = ", ".join(daftar[:5]) + (f" dan {len(daftar) - 5} lainnya" if len(daftar) > 5 else "")
    return Masalah(BELUM_DINILAI.format(sheet=sheet, n=len(daftar)).replace(" belum", f" ({nip}) belum", 1)
                   + ": realisasinya baru dapat dinilai setelah SKP-nya diterima",
                   f"perbaiki baris Sasaran pegawai itu, lalu impor ulang; baris {sheet}-nya diperiksa saat itu",
                   None, sheet, None, "", PERINGATAN)




def catat(sheet: str, nip: frozenset, masalah: list, lewat: list) -> None:
    """The sentence of the rows of `nip` left out of sheet `sheet`: in the problem list and in the refusal."""
    if nip:
        masalah.append(belum_dinilai(sheet, nip))
        lewat.append(BELUM_DINILAI.format(sheet=sheet, n=len(nip)) + ".")
