"""Kurva distribusi check (DOMAIN.md 5): warn, never block or alter a rating.

Shares are percentages of all employees counted for the unit, rounded to 2
decimals (ROUND_HALF_UP) and compared rounded, the way they are shown.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

from ..kosakata import (
    KOLOM_PREDIKAT,
    KUNCI_PREDIKAT,
    KURANG,
    KURANG_MISCONDUCT,
    NAMA_PREDIKAT_UNIT,
    PREDIKAT_UNIT,
    SETARA_KURVA,
)
from .angka import KONTEKS, SERATUS, bulat, teks, teks_ambang
from .parameter import Parameter
from .tipe import Pelanggaran


def kunci_predikat_unit(x: str) -> str:
    """'Butuh Perbaikan' / 'butuh_perbaikan' / 'butuh-perbaikan' -> 'butuh-perbaikan'."""
    return "-".join(x.strip().lower().replace("_", " ").replace("-", " ").split())


def cek_distribusi(
    predikat_unit_key: str, jumlah_per_predikat: dict, param: Parameter
) -> list:
    """Rules of the unit's curve that its employees' predikat spread breaks.

    ``jumlah_per_predikat`` maps an employee predikat label (either scheme;
    pp30 "Kurang" counts as "Kurang/Misconduct", pp30 "Cukup" as "Butuh Perbaikan") to a count.  An empty unit
    breaks nothing.  Raises ValueError for an unknown unit predikat.
    """
    kunci = kunci_predikat_unit(predikat_unit_key)
    aturan = param.aturan_kurva(kunci)
    hitung: dict = {}
    for label, n in jumlah_per_predikat.items():
        label = SETARA_KURVA.get(label, label)
        hitung[label] = hitung.get(label, 0) + int(n)
    total = sum(hitung.values())
    if total <= 0:
        return []
    nama_unit = NAMA_PREDIKAT_UNIT.get(kunci, kunci)
    hasil = []
    with localcontext(KONTEKS):
        for a in aturan:
            jumlah = sum(hitung.get(k, 0) for k in a.kategori)
            if a.jenis in ("maks", "min"):
                ditemukan = bulat(SERATUS * jumlah / total)
                langgar = ditemukan > a.batas if a.jenis == "maks" else ditemukan < a.batas
                temuan = f"{teks(ditemukan)}% ({jumlah} dari {total} pegawai)"
                batas = f"{teks_ambang(a.batas)}%"
            else:
                ditemukan = Decimal(jumlah)
                langgar = (
                    ditemukan > a.batas if a.jenis == "maks_jumlah" else ditemukan < a.batas
                )
                temuan = f"{jumlah} dari {total} pegawai"
                batas = f"{teks_ambang(a.batas)} pegawai"
            if not langgar:
                continue
            arah = "paling banyak" if a.jenis.startswith("maks") else "paling sedikit"
            pesan = (
                f"Unit berpredikat {nama_unit}: aturan \"{a.uraian}\" tidak terpenuhi — "
                f"{' atau '.join(a.kategori)}: {temuan}, batas {arah} {batas}."
            )
            hasil.append(
                Pelanggaran(
                    predikat_unit=kunci,
                    aturan=a.uraian,
                    kategori=a.kategori,
                    jenis=a.jenis,
                    batas=a.batas,
                    ditemukan=ditemukan,
                    jumlah=jumlah,
                    total=total,
                    pesan=pesan,
                )
            )
    return hasil


# the spread's columns, one per predikat of either scheme (pp30 "Kurang" and "Kurang/Misconduct" share one)
KUNCI_SEBARAN = tuple(k for k, _ in KOLOM_PREDIKAT)
_SERATUS = Decimal(100)
_SEN = Decimal("0.01")


def kunci_sebaran(predikat: str) -> str:
    """'Sangat Baik' -> 'sangat_baik'; 'Kurang/Misconduct' -> 'kurang'; 'Cukup' -> 'butuh_perbaikan'
    (the column of KUNCI_SEBARAN)."""
    if predikat == KURANG_MISCONDUCT:
        return KUNCI_PREDIKAT[KURANG]
    if predikat == KURANG:
        return KUNCI_PREDIKAT[KURANG]
    return KUNCI_PREDIKAT[SETARA_KURVA.get(predikat, predikat)]


def sebaran(jumlah_per_predikat: dict, predikat_unit: str | None, param: Parameter) -> dict:
    """A unit's spread from its counts per employee predikat (employees with data only):
    ``jumlah``, the count and the share (percent, 2 decimals, ROUND_HALF_UP) of each column of
    KUNCI_SEBARAN, then ``predikat_unit`` and, when it is set, the curve's verdict
    (``pelanggaran``: messages of `cek_distribusi`; ``sesuai_kurva``: bool, None without one)."""
    total = sum(jumlah_per_predikat.values())
    hasil: dict = {"jumlah": total}
    for k in KUNCI_SEBARAN:
        hasil[k] = 0
    for pr, n in jumlah_per_predikat.items():
        hasil[kunci_sebaran(pr)] += n
    for k in KUNCI_SEBARAN:
        hasil[f"persen_{k}"] = (_SERATUS * hasil[k] / total).quantize(_SEN, ROUND_HALF_UP) if total else Decimal(0)
    hasil["predikat_unit"] = predikat_unit
    if predikat_unit:
        langgar = cek_distribusi(predikat_unit, jumlah_per_predikat, param)
        hasil["pelanggaran"] = [x.pesan for x in langgar]
        hasil["sesuai_kurva"] = not langgar
    else:
        hasil["pelanggaran"] = []
        hasil["sesuai_kurva"] = None
    return hasil


__all__ = ["cek_distribusi", "kunci_predikat_unit", "kunci_sebaran", "sebaran", "KUNCI_SEBARAN", "PREDIKAT_UNIT"]
