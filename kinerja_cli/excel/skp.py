"""The SKP document (Sasaran Kinerja Pegawai, PermenPANRB 6/2022 Lampiran Format A.1.x) as signed at the
start of a period: kop, the employee and the pejabat penilai, hasil kerja utama and tambahan with the RHK
atasan each intervenes, the BerAKHLAK expectations, the lampiran and the signature blocks with the SKP
agreement's state. One A4 portrait page.

The lampiran (dukungan sumber daya, skema pertanggungjawaban, konsekuensi) and the ekspektasi khusus
pimpinan are not recorded by kinerja: their boxes are left empty, to be filled in by hand.
"""

from __future__ import annotations

from ..kosakata import ASPEK_BERAKHLAK, NAMA_ASPEK, NAMA_PERSPEKTIF
from .dokumen import PANDUAN, _target
from .dokumen_bagian import Penulis, baris_periode, baris_teks, baris_ttd, identitas, tulis_kop, tulis_ttd
from .kop import TITIK, tempat_tanggal
from .lembar import Gaya, atur_cetak, lebar_kolom, tanggal_id

LEBAR = [5, 30, 30, 11, 28, 13]  # A..F: NO, RHK ATASAN, RHK, PERSPEKTIF/ASPEK, INDIKATOR, TARGET
LAMPIRAN = ("DUKUNGAN SUMBER DAYA", "SKEMA PERTANGGUNGJAWABAN", "KONSEKUENSI")
NAMA_STATUS = {"draf": "Draf (belum diajukan)", "diajukan": "Diajukan, menunggu persetujuan pejabat penilai",
               "disetujui": "Disetujui", "dikembalikan": "Dikembalikan untuk diperbaiki"}


def judul_aspek(baris: list) -> str:
    """Column D: the perspektif (Balanced Scorecard, the SKP of a JPT) of the rows that have one, the aspek of
    the others; its header says which (one column either way: the page stays one A4 width)."""
    ada = [b.perspektif is not None for b in baris]
    if ada and all(ada):
        return "PERSPEKTIF"
    return "PERSPEKTIF / ASPEK" if any(ada) else "ASPEK"


def teks_aspek(b) -> str:
    """'Penerima Layanan' for a row with a perspektif, else its aspek ('Kuantitas')."""
    return NAMA_PERSPEKTIF.get(b.perspektif, b.perspektif) if b.perspektif else (b.aspek or "-").capitalize()


def _kepala_tabel(w: Penulis, baris: list) -> None:
    for i, j in enumerate(("NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA",
                           judul_aspek(baris), "INDIKATOR KINERJA INDIVIDU", "TARGET"), 1):
        w.sel(i, j, tebal=True, rata="center", fill=w.g.kepala_fill)
    w.tinggi(3)
    w.maju()


def _hasil_kerja(w: Penulis, d: dict) -> None:
    w.gabung(1, 6, "HASIL KERJA", tebal=True, fill=w.g.kepala_fill)
    w.maju()
    baris = d["baris"]
    _kepala_tabel(w, baris)
    if not baris:
        w.gabung(1, 6, "Belum ada rencana hasil kerja untuk periode ini.")
        w.maju()
    for jenis, judul in (("utama", "A. UTAMA"), ("tambahan", "B. TAMBAHAN")):
        isi = [b for b in baris if b.jenis == jenis]
        if not isi:
            continue
        w.gabung(1, 6, judul, tebal=True)
        w.maju()
        for b in isi:
            atasan = d["rhk_atasan"].get(b.nomor) or "-"
            teks = (atasan, b.rhk or "-", teks_aspek(b), b.indikator or "-", _target(b))
            w.sel(1, b.nomor, rata="center")
            for k, t in enumerate(teks, 2):
                w.sel(k, t, rata="center" if k in (4, 6) else None)
            w.tinggi(max(baris_teks(t, LEBAR[k - 1]) for k, t in enumerate(teks, 2)))
            w.maju()


def _perilaku(w: Penulis, d: dict) -> None:
    g = w.g
    w.gabung(1, 6, "PERILAKU KERJA (BerAKHLAK)", tebal=True, fill=g.kepala_fill)
    w.maju()
    w.sel(1, "NO", tebal=True, rata="center", fill=g.kepala_fill)
    w.sel(2, "ASPEK PERILAKU", tebal=True, rata="center", fill=g.kepala_fill)
    w.gabung(3, 4, "PANDUAN PERILAKU", tebal=True, rata="center", fill=g.kepala_fill)
    w.gabung(5, 6, "EKSPEKTASI KHUSUS PIMPINAN", tebal=True, rata="center", fill=g.kepala_fill)
    w.maju()
    khusus = d.get("ekspektasi") or {}
    for i, a in enumerate(ASPEK_BERAKHLAK, 1):
        panduan = "\n".join(f"{n}. {t}" for n, t in enumerate(PANDUAN[a], 1))
        w.sel(1, i, rata="center")
        w.sel(2, NAMA_ASPEK[a])
        w.gabung(3, 4, panduan)
        w.gabung(5, 6, khusus.get(a) or "")
        w.tinggi(max(baris_teks(panduan, LEBAR[2] + LEBAR[3]), baris_teks(khusus.get(a) or "", LEBAR[4] + LEBAR[5])))
        w.maju()


def _lampiran(w: Penulis) -> None:
    """LAMPIRAN SASARAN KINERJA PEGAWAI: three boxes left empty (kinerja does not record them)."""
    w.gabung(1, 6, "LAMPIRAN SASARAN KINERJA PEGAWAI", tebal=True, fill=w.g.kepala_fill)
    w.maju()
    for i, judul in enumerate(LAMPIRAN, 1):
        w.sel(1, i, rata="center")
        w.gabung(2, 2, judul, tebal=True)
        w.gabung(3, 6, "")
        w.tinggi(3)
        w.maju()


def teks_status(status: dict | None) -> str:
    """'Status persetujuan SKP: Disetujui oleh <nama> pada 5 Januari 2026' (or the state without an agreement)."""
    if not status:
        return "Status persetujuan SKP: Draf (belum diajukan)."
    teks = NAMA_STATUS.get(status["status"], status["status"])
    if status["status"] == "disetujui":
        oleh = status.get("nama_oleh") or status.get("oleh")
        teks += (f" oleh {oleh}" if oleh else "") + (f" pada {tanggal_id(status['tanggal'])}" if status.get("tanggal") else "")
    elif status.get("tanggal"):
        teks += f" ({tanggal_id(status['tanggal'])})"
    return f"Status persetujuan SKP: {teks}."


def tulis_skp(d: dict):
    """A workbook (not saved) holding one employee's SKP on one A4 page."""
    from openpyxl import Workbook

    g = Gaya()
    wb = Workbook()
    ws = wb.active
    ws.title = "SKP"
    lebar_kolom(ws, LEBAR)
    atur_cetak(ws, lanskap=False)
    ws.page_setup.fitToHeight = 1
    ws.print_options.horizontalCentered = True
    w = Penulis(ws, g, LEBAR)
    tulis_kop(w, d.get("profil"))
    w.gabung(1, 6, "SASARAN KINERJA PEGAWAI", tebal=True, rata="center", border=False, ukuran=13)
    w.maju()
    for teks in baris_periode(d["periode"]):
        w.gabung(1, 6, teks, tebal=True, rata="center", border=False)
        w.maju()
    w.maju()
    identitas(w, "PEGAWAI YANG DINILAI", d["pegawai"])
    identitas(w, "PEJABAT PENILAI KINERJA", d["atasan"])
    w.maju()
    _hasil_kerja(w, d)
    w.maju()
    _perilaku(w, d)
    w.maju()
    _lampiran(w)
    w.maju()
    st = d.get("status")
    w.teks_penuh(teks_status(st), border=False, tebal=True)
    disetujui = st is not None and st["status"] == "disetujui" and st.get("tanggal")
    tanggal = st["tanggal"] if disetujui else d.get("tanggal")
    profil = d.get("profil")
    tempat = profil.tempat if profil is not None and profil.tempat else TITIK
    tt = tempat_tanggal(profil, tanggal) if tanggal else f"{tempat}, {TITIK}"  # not agreed yet: date by hand
    w.maju()
    tulis_ttd(w, baris_ttd("Pegawai yang Dinilai", d["pegawai"], tt), baris_ttd("Pejabat Penilai Kinerja", d["atasan"], tt))
    ws.print_area = f"A1:F{w.r - 1}"
    return wb
