"""Workbooks received from the units, read from the audit log (no table of its own).

Two kinds of entries tell what a unit sent for a period: the one `kiriman` entry `kinerja impor`
writes per workbook (even when nothing in it changed: the unit did send it), and the entries of
every row the single importers wrote from a workbook (`sasaran impor`, `realisasi impor`...:
tables sasaran, realisasi, perilaku, rating_langsung, key 'KODE/NIP/...'), placed in the unit of
the employee concerned. What the HR office does itself (`sasaran salin`, `realisasi catat`,
`rating terima-saran`) is not a unit sending anything.
"""

from __future__ import annotations

import json

from . import audit

TABEL = "kiriman"
# audit table -> the sheet it comes from
LEMBAR = {"sasaran": "Sasaran", "realisasi": "Realisasi", "perilaku": "Perilaku", "rating_langsung": "Rating"}


def catat(db, kode: str | None, unit: str, berkas: str, lembar: list[str], jumlah: dict) -> None:
    """Inside the import's transaction: `unit` sent `berkas` holding `lembar` for period `kode`."""
    audit.catat(db, TABEL, f"{kode or '-'}/{unit}", "terima", None,
                {"periode": kode, "unit": unit, "berkas": berkas, "lembar": lembar, **jumlah})


KOSONG = "kosong"  # key of terakhir(): the last workbook received with every data sheet unfilled


def terakhir(db, kode: str) -> dict[str, dict[str, str]]:
    """{unit: {sheet name: the last time (audit UTC text) data of that sheet arrived}}; '' holds the last
    time anything arrived, KOSONG the last time a workbook arrived with no sheet filled in."""
    hasil: dict[str, dict[str, str]] = {}
    awalan = f"{kode}/"
    for baru, waktu in db.execute(
            "SELECT baru, waktu FROM audit WHERE tabel = ? AND substr(kunci, 1, ?) = ?",
            [TABEL, len(awalan), awalan]):
        try:
            isi = json.loads(baru or "{}")
        except ValueError:
            continue
        per = hasil.setdefault(str(isi.get("unit") or ""), {})
        if not isi.get("lembar") and waktu > per.get(KOSONG, ""):
            per[KOSONG] = waktu
        for lb in isi.get("lembar") or []:
            if waktu > per.get(lb, ""):
                per[lb] = waktu
        if waktu > per.get("", ""):
            per[""] = waktu  # any workbook at all
    tanda = ",".join("?" * len(LEMBAR))
    for unit, tabel, perintah, waktu in db.execute(
            f"""SELECT p.unit, a.tabel, a.perintah, MAX(a.waktu) FROM audit a JOIN pegawai p ON p.nip = a.nip
                WHERE a.tabel IN ({tanda}) AND substr(a.kunci, 1, ?) = ? AND a.aksi != 'hapus'
                GROUP BY p.unit, a.tabel, a.perintah""", [*LEMBAR, len(awalan), awalan]):
        if not dari_berkas(perintah):
            continue
        per = hasil.setdefault(unit, {})
        lb = LEMBAR[tabel]
        if waktu > per.get(lb, ""):
            per[lb] = waktu
        if waktu > per.get("", ""):
            per[""] = waktu
    return hasil


def dari_berkas(perintah: str) -> bool:
    """Was the logged command an import of a workbook ('kinerja realisasi impor F', 'kinerja impor DIR')?
    The command path is the first words that are not options (the app has no option taking a value
    before it)."""
    import shlex

    try:
        kata = shlex.split(perintah or "")
    except ValueError:
        kata = (perintah or "").split()
    jalur = [k for k in kata[1:] if not k.startswith("-")][:2]
    return "impor" in jalur
