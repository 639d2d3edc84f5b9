"""The SKP document (Sasaran Kinerja Pegawai, PermenPANRB 6/2022 Lampiran Format A.1.x) as signed at the
start of a period: kop, the employee and the pejabat penilai, hasil kerja utama and tambahan with the RHK
atasan each intervenes, the BerAKHLAK expectations, the lampiran and the signature blocks with the SKP
agreement's state. One A4 portrait page.

The lampiran (dukungan sumber daya, skema pertanggungjawaban, konsekuensi: numbered lines) and the ekspektasi
khusus pimpinan per BerAKHLAK aspect are printed as recorded (`kinerja sasaran lampiran|ekspektasi`); a part
not recorded is an empty box to be filled in by hand. The lampiran sits on the SKP's page when the whole
fits one A4 page; otherwise it is a second sheet "Lampiran SKP" (its own A4 page, with the period, the
employee and both signature blocks), so the SKP page is never shrunk to illegibility.
"""

from __future__ import annotations

from ..kosakata import ASPEK_BERAKHLAK, BAGIAN_LAMPIRAN, NAMA_ASPEK, NAMA_PERSPEKTIF
from .dokumen import PANDUAN, _target
from .dokumen_bagian import Penulis, baris_periode, baris_teks, baris_ttd, identitas, per_jenis, tulis_kop, tulis_ttd
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
    for isi in per_jenis(w, baris, 6):
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


def teks_bagian(baris: list[str]) -> str:
    """The lines of one part of the lampiran as printed: '1. ...\n2. ...'; empty: ''."""
    return "\n".join(f"{i}. {t}" for i, t in enumerate(baris, 1))


def _lampiran(w: Penulis, d: dict) -> None:
    """LAMPIRAN SASARAN KINERJA PEGAWAI: the three parts with their numbered lines (an empty box for a part
    not recorded, to be filled in by hand)."""
    w.gabung(1, 6, "LAMPIRAN SASARAN KINERJA PEGAWAI", tebal=True, fill=w.g.kepala_fill)
    w.maju()
    isi = d.get("lampiran") or {}
    for i, (kunci, judul) in enumerate(zip(BAGIAN_LAMPIRAN, LAMPIRAN), 1):
        teks = teks_bagian(isi.get(kunci) or [])
        w.sel(1, i, rata="center")
        w.gabung(2, 2, judul, tebal=True)
        w.gabung(3, 6, teks)
        w.tinggi(max(3, baris_teks(teks, sum(LEBAR[2:])), baris_teks(judul, LEBAR[1])))
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


# Row height (points, before scaling) that still prints on one A4 portrait page at a legible scale (about 60%:
# the demo's SKP with 4 RHK rows and a short lampiran is about 1,250). Above it the lampiran gets its own page.
TINGGI_HALAMAN = 1300


def _tinggi(ws, sampai: int) -> float:
    return sum(ws.row_dimensions[r].height or 15 for r in range(1, sampai))


def _lembar(wb, judul: str, pertama: bool):
    ws = wb.active if pertama else wb.create_sheet()
    ws.title = judul
    lebar_kolom(ws, LEBAR)
    atur_cetak(ws, lanskap=False)
    ws.page_setup.fitToHeight = 1
    ws.print_options.horizontalCentered = True
    return ws


def _ttd(w: Penulis, d: dict) -> None:
    st = d.get("status")
    w.teks_penuh(teks_status(st), border=False, tebal=True)
    disetujui = st is not None and st["status"] == "disetujui" and st.get("tanggal")
    tanggal = st["tanggal"] if disetujui else d.get("tanggal")
    profil = d.get("profil")
    tempat = profil.tempat if profil is not None and profil.tempat else TITIK
    tt = tempat_tanggal(profil, tanggal) if tanggal else f"{tempat}, {TITIK}"  # not agreed yet: date by hand
    w.maju()
    tulis_ttd(w, baris_ttd("Pegawai yang Dinilai", d["pegawai"], tt), baris_ttd("Pejabat Penilai Kinerja", d["atasan"], tt))


def _judul(w: Penulis, d: dict, judul: str) -> None:
    w.gabung(1, 6, judul, tebal=True, rata="center", border=False, ukuran=13)
    w.maju()
    for teks in baris_periode(d["periode"]):
        w.gabung(1, 6, teks, tebal=True, rata="center", border=False)
        w.maju()
    w.maju()


def _halaman_skp(ws, g, d: dict, dengan_lampiran: bool) -> Penulis:
    w = Penulis(ws, g, LEBAR)
    tulis_kop(w, d.get("profil"))
    _judul(w, d, "SASARAN KINERJA PEGAWAI")
    identitas(w, "PEGAWAI YANG DINILAI", d["pegawai"])
    identitas(w, "PEJABAT PENILAI KINERJA", d["atasan"])
    w.maju()
    _hasil_kerja(w, d)
    w.maju()
    _perilaku(w, d)
    w.maju()
    if dengan_lampiran:
        _lampiran(w, d)
        w.maju()
    _ttd(w, d)
    ws.print_area = f"A1:F{w.r - 1}"
    return w


def _halaman_lampiran(ws, g, d: dict) -> None:
    """The lampiran on its own A4 page: kop, title, period, the employee, the three parts, signatures."""
    w = Penulis(ws, g, LEBAR)
    tulis_kop(w, d.get("profil"))
    _judul(w, d, "LAMPIRAN SASARAN KINERJA PEGAWAI")
    identitas(w, "PEGAWAI YANG DINILAI", d["pegawai"])
    w.maju()
    _lampiran(w, d)
    w.maju()
    _ttd(w, d)
    ws.print_area = f"A1:F{w.r - 1}"


def tulis_skp(d: dict):
    """A workbook (not saved) holding one employee's SKP: one A4 page, or two (sheet "SKP" and sheet
    "Lampiran SKP") when the lampiran does not fit on the SKP's page."""
    from openpyxl import Workbook

    g = Gaya()
    wb = Workbook()
    w = _halaman_skp(_lembar(wb, "SKP", True), g, d, dengan_lampiran=True)
    if _tinggi(w.ws, w.r) <= TINGGI_HALAMAN:
        return wb
    wb = Workbook()
    _halaman_skp(_lembar(wb, "SKP", True), g, d, dengan_lampiran=False)
    _halaman_lampiran(_lembar(wb, "Lampiran SKP", False), g, d)
    return wb
