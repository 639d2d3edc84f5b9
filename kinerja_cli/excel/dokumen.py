"""The individual "Dokumen Evaluasi Kinerja Pegawai" (shape of the PermenPANRB 6/2022 annex).

A small normal (not write-only) workbook: merged cells, borders, wrapped text, A4 portrait
fitted to the page width. Every text from user data goes through ``aman.isi_teks``.
"""

from __future__ import annotations

from decimal import Decimal

from ..kosakata import ASPEK_BERAKHLAK, NAMA_ASPEK, NAMA_PREDIKAT_UNIT, TANPA_PENILAIAN_PERILAKU, TANPA_SASARAN
from ..model import BarisMasukan
from ..validation.angka import angka_id
from ..validation.instansi import nip_cetak
from .dokumen_bagian import (
    TANPA_ATASAN_PENILAI,
    Penulis,
    baris_periode,
    baris_teks,
    baris_ttd,
    identitas,
    penilai_kepala_daerah,
    per_jenis,
    tulis_kop,
    tulis_ttd,
)
from .kop import tempat_tanggal
from .lembar import FORMAT_ANGKA, Gaya, atur_cetak, lebar_kolom, tanggal_id
from .rekap import nama_catatan

PANDUAN = {  # DOMAIN.md section 6: 3 panduan perilaku per aspect
    "pelayanan": ("Memahami dan memenuhi kebutuhan masyarakat", "Ramah, cekatan, solutif, dan dapat diandalkan",
                  "Melakukan perbaikan tiada henti"),
    "akuntabel": ("Jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi",
                  "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
                  "Tidak menyalahgunakan kewenangan jabatan"),
    "kompeten": ("Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
                 "Membantu orang lain belajar", "Melaksanakan tugas dengan kualitas terbaik"),
    "harmonis": ("Menghargai setiap orang apa pun latar belakangnya", "Suka menolong orang lain",
                 "Membangun lingkungan kerja yang kondusif"),
    "loyal": ("Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah",
              "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara", "Menjaga rahasia jabatan dan negara"),
    "adaptif": ("Cepat menyesuaikan diri menghadapi perubahan", "Terus berinovasi dan mengembangkan kreativitas",
                "Bertindak proaktif"),
    "kolaboratif": ("Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
                    "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
                    "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama"),
}
LEBAR = [5, 24, 30, 11, 11, 34]  # A..F
CATATAN_SKOR = ("Skor aspek: rata-rata penilai per peran (atasan, rekan kerja, bawahan; penilaian diri tidak "
                "dihitung), dibobot seperti NPK periode ini (bobot peran dan penilaian 360 periode, lihat "
                "kinerja aturan; dinormalkan atas peran yang menilai aspek itu). Skala 0-120.")


def _umpan_teks(catatan: list[dict]) -> str:
    if not catatan:
        return "-"
    return "\n".join(f"{tanggal_id(c['tanggal'])} — {c.get('nama_dari') or c['dari']}: {c['teks']}" for c in catatan)


def _target(b: BarisMasukan) -> str:
    def a(x):
        d = Decimal(x)
        return angka_id(d, 0) if d == d.to_integral_value() else angka_id(d)

    t = f"{a(b.target_lo)}-{a(b.target_hi)}" if b.target_hi else a(b.target_lo)
    return f"{t} {b.satuan}" if b.satuan else t


def _realisasi(b: BarisMasukan) -> str:
    if b.realisasi in (None, ""):
        return "belum diisi"
    d = Decimal(b.realisasi)
    t = angka_id(d, 0) if d == d.to_integral_value() else angka_id(d)
    return f"{t} {b.satuan}" if b.satuan else t


def _hasil_kerja(w: Penulis, d: dict) -> None:
    g = w.g
    w.gabung(1, 6, "HASIL KERJA", tebal=True, fill=g.kepala_fill)
    w.maju()
    for i, j in enumerate(("NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "REALISASI",
                           "UMPAN BALIK BERKELANJUTAN"), 1):
        w.sel(i, j, tebal=True, rata="center", fill=g.kepala_fill)
    w.maju()
    baris = d["rekaman"].masukan.baris
    umpan = _umpan_teks(d["umpan_balik"])
    awal = w.r
    if not baris:
        w.gabung(1, 5, "Belum ada SKP (rencana hasil kerja) untuk periode ini.")
        w.maju()
    for isi in per_jenis(w, baris, 5):
        for b in isi:
            w.sel(1, b.nomor, rata="center")
            w.sel(2, b.rhk or "-")
            w.sel(3, b.indikator or "-")
            w.sel(4, _target(b), rata="center")
            w.sel(5, _realisasi(b), rata="center")
            w.tinggi(max(baris_teks(b.rhk or "-", LEBAR[1]), baris_teks(b.indikator or "-", LEBAR[2]),
                         baris_teks(_target(b), LEBAR[3]), baris_teks(_realisasi(b), LEBAR[4])))
            w.maju()
    akhir = w.r - 1
    simpan = w.r
    w.r = awal
    w.gabung(6, 6, umpan, baris_akhir=akhir)
    perlu = baris_teks(umpan, LEBAR[5]) * 12 + 2
    ada = sum(w.ws.row_dimensions[x].height or 15 for x in range(awal, akhir + 1))
    if perlu > ada:  # the merged feedback cell needs more room: grow the last row
        w.ws.row_dimensions[akhir].height = (w.ws.row_dimensions[akhir].height or 15) + (perlu - ada)
    w.r = simpan
    h = d["rekaman"].hasil
    _nilai(w, "NILAI HASIL KERJA (NHK)", _angka(h.nhk, h, TANPA_SASARAN))
    if d["metode"] == "permenpan6":
        _nilai(w, "RATING HASIL KERJA", _rating(h.rating_hk, h.rating_hk_langsung, h.rating_hk_turunan,
                                                        _pejabat(d["rekaman"], "hasil_kerja")))


def _pejabat(r, kolom: str) -> str | None:
    """'Nama (NIP)' of the pejabat penilai who set that rating of the record, when recorded."""
    return r.rating_langsung.pejabat(kolom) if r.rating_langsung else None


def _rating(rating: str | None, langsung: bool, turunan: str | None, oleh: str | None = None) -> str:
    teks = rating or "-"
    if langsung:
        teks += f" (ditetapkan langsung oleh {oleh or 'atasan'}; rating turunan: {turunan or '-'})"
    elif rating:
        teks += " (saran dari angka; belum ditetapkan pejabat penilai)"
    return teks


def _rating_d12(rating: str | None, langsung: bool) -> str:
    """A rating on D.1.2: as set by the pejabat penilai, or marked as a saran the way D.1.1 marks it."""
    if rating and not langsung:
        return f"{rating} (saran dari angka; belum ditetapkan pejabat penilai)"
    return rating or "-"


def _angka(nilai, h, kosong: str):
    """A score, or "-" when the record's flag `kosong` says nothing was there to score (no SKP rows, no behaviour
    score counted): a missing value is not zero."""
    return "-" if kosong in (h.catatan or ()) else nilai


def _nilai(w: Penulis, label: str, nilai, tebal=False, fill=None) -> None:
    w.gabung(1, 4, label, tebal=True)
    w.gabung(5, 6, nilai, fmt=FORMAT_ANGKA if isinstance(nilai, Decimal) else None, tebal=tebal, fill=fill,
             rata="left")
    if isinstance(nilai, str) and baris_teks(nilai, sum(LEBAR[4:])) > 1:
        w.tinggi(baris_teks(nilai, sum(LEBAR[4:])))
    w.maju()


def _perilaku(w: Penulis, d: dict) -> None:
    g = w.g
    w.gabung(1, 6, "PERILAKU KERJA (BerAKHLAK)", tebal=True, fill=g.kepala_fill)
    w.maju()
    w.sel(1, "NO", tebal=True, rata="center", fill=g.kepala_fill)
    w.sel(2, "ASPEK PERILAKU", tebal=True, rata="center", fill=g.kepala_fill)
    w.gabung(3, 4, "PANDUAN PERILAKU", tebal=True, rata="center", fill=g.kepala_fill)
    w.sel(5, "SKOR", tebal=True, rata="center", fill=g.kepala_fill)
    w.sel(6, "KETERANGAN (SKOR PER PERAN)", tebal=True, rata="center", fill=g.kepala_fill)
    w.maju()
    for i, a in enumerate(ASPEK_BERAKHLAK, 1):
        skor, ket = d["skor_aspek"][a]
        panduan = "\n".join(f"{n}. {t}" for n, t in enumerate(PANDUAN[a], 1))
        w.sel(1, i, rata="center")
        w.sel(2, NAMA_ASPEK[a])
        w.gabung(3, 4, panduan)
        w.sel(5, skor if skor is not None else "-", rata="center", fmt=FORMAT_ANGKA if skor is not None else None)
        w.sel(6, ket)
        w.tinggi(max(baris_teks(panduan, LEBAR[2] + LEBAR[3]), baris_teks(ket, LEBAR[5])))
        w.maju()
    h = d["rekaman"].hasil
    _nilai(w, "NILAI PERILAKU KERJA (NPK)", _angka(h.npk, h, TANPA_PENILAIAN_PERILAKU))
    if d["metode"] == "permenpan6":
        _nilai(w, "RATING PERILAKU KERJA", _rating(h.rating_pk, h.rating_pk_langsung, h.rating_pk_turunan,
                                                           _pejabat(d["rekaman"], "perilaku")))


def _judul(w: Penulis, d: dict, sub: str | None = None) -> None:
    p = d["periode"]
    w.gabung(1, 6, "DOKUMEN EVALUASI KINERJA PEGAWAI", tebal=True, rata="center", border=False, ukuran=13)
    w.maju()
    for teks in ([sub] if sub else []) + baris_periode(p):
        w.gabung(1, 6, teks, tebal=True, rata="center", border=False)
        w.maju()
    if d["dari_snapshot"]:
        w.gabung(1, 6, f"Hasil beku saat periode ditutup ({tanggal_id(p.ditutup_pada)}).", border=False,
                 rata="center")
        w.maju()
    w.maju()


def _organisasi(w: Penulis, d: dict) -> None:
    """CAPAIAN KINERJA ORGANISASI (the unit's predikat) and its POLA DISTRIBUSI (the curve's rules)."""
    pu = d.get("predikat_unit")
    _nilai(w, "CAPAIAN KINERJA ORGANISASI", NAMA_PREDIKAT_UNIT.get(pu, pu).upper() if pu else "belum ditetapkan")
    pola = d.get("pola_distribusi")
    _nilai(w, "POLA DISTRIBUSI", pola or ("-" if pu else "mengikuti predikat unit (belum ditetapkan)"))


def predikat_form(predikat: str | None) -> str:
    """The predikat as the form prints it: capitals (SANGAT BAIK ... KURANG/MISCONDUCT)."""
    return (predikat or "-").upper()


def _rekomendasi(w: Penulis, d: dict, lengkap: bool = True) -> None:
    """CATATAN/REKOMENDASI of the pejabat penilai; under it (`lengkap`: D.1.1) the period's innovations and the
    development follow-up. Nothing written yet: room to write by hand."""
    g = w.g
    w.gabung(1, 6, "CATATAN/REKOMENDASI", tebal=True, fill=g.kepala_fill)
    w.maju()
    teks = d.get("rekomendasi")
    if teks:
        w.teks_penuh(teks)
        o = d.get("penulis_rekomendasi")  # not the signing pejabat penilai (the roster changed since)
        if o:
            w.teks_penuh(f"Ditulis oleh {o['nama']} ({nip_cetak(o['nip'])}), bukan pejabat penilai kinerja yang "
                         "menandatangani dokumen ini.", miring=True, ukuran=8)
    else:
        w.gabung(1, 6, "")
        w.tinggi(4)
        w.maju()
    for judul, isi in (("Inovasi periode ini", d.get("inovasi") or []),
                       ("Tindak lanjut pengembangan", d.get("tindak_lanjut") or [])) if lengkap else ():
        if isi:
            w.teks_penuh(f"{judul}:\n" + "\n".join(f"{i}. {x}" for i, x in enumerate(isi, 1)))


def _ttd_d11(w: Penulis, d: dict) -> None:
    tt = tempat_tanggal(d.get("profil"), d["tanggal"])
    w.maju()
    tulis_ttd(w, baris_ttd("Pegawai yang Dinilai", d["pegawai"], tt),
              baris_ttd("Pejabat Penilai Kinerja", d["atasan"], tt))


def _siapkan(wb, judul: str, pertama: bool):
    ws = wb.active if pertama else wb.create_sheet()
    ws.title = judul
    lebar_kolom(ws, LEBAR)
    atur_cetak(ws, lanskap=False)
    ws.page_setup.fitToHeight = 1  # one A4 page, the kop included (scaled down a little when needed)
    ws.print_options.horizontalCentered = True
    return ws


def _d11(w: Penulis, d: dict) -> None:
    g, h = w.g, d["rekaman"].hasil
    tulis_kop(w, d.get("profil"))
    _judul(w, d)
    identitas(w, "PEGAWAI YANG DINILAI", d["pegawai"])
    identitas(w, "PEJABAT PENILAI KINERJA", d["atasan"])
    _atasan_penilai(w, d)
    _organisasi(w, d)
    w.maju()
    _hasil_kerja(w, d)
    w.maju()
    _perilaku(w, d)
    w.teks_penuh(CATATAN_SKOR, border=False, ukuran=8)  # how the table's aspect scores are made: under it
    w.maju()
    if d["metode"] == "pp30":
        _nilai(w, f"NILAI AKHIR (NA) = {angka_id(h.w_hk, 0)}% NHK + {angka_id(h.w_pk, 0)}% NPK", h.na)
    _nilai(w, "PREDIKAT KINERJA PEGAWAI", predikat_form(h.predikat), tebal=True, fill=g.fill_predikat.get(h.predikat))
    catatan = nama_catatan(d["rekaman"])
    if catatan:
        w.teks_penuh(f"Catatan: {catatan}", border=False)
    w.maju()
    _rekomendasi(w, d)
    _ttd_d11(w, d)


def _atasan_penilai(w: Penulis, d: dict) -> None:
    """The atasan pejabat penilai's block; one line when the pejabat penilai is the kepala daerah (who has none)."""
    if penilai_kepala_daerah(d["atasan"]):
        identitas(w, "ATASAN PEJABAT PENILAI KINERJA", None, satu_baris=TANPA_ATASAN_PENILAI)
    else:
        identitas(w, "ATASAN PEJABAT PENILAI KINERJA", d["atasan_atasan"])


def _d12(w: Penulis, d: dict) -> None:
    """Format D.1.2: the page of a head of OPD (pejabat penilai the Sekda or the kepala daerah, or a JPT),
    where the atasan pejabat penilai kinerja confirms the evaluation and signs."""
    g, h = w.g, d["rekaman"].hasil
    tulis_kop(w, d.get("profil"))
    _judul(w, d, "(PENETAPAN OLEH ATASAN PEJABAT PENILAI KINERJA)")
    identitas(w, "PEGAWAI YANG DINILAI", d["pegawai"])
    identitas(w, "PEJABAT PENILAI KINERJA", d["atasan"])
    identitas(w, "ATASAN PEJABAT PENILAI KINERJA", d["atasan_atasan"])
    _organisasi(w, d)
    if d["metode"] == "permenpan6":
        _nilai(w, "RATING HASIL KERJA", _rating_d12(h.rating_hk, h.rating_hk_langsung))
        _nilai(w, "RATING PERILAKU KERJA", _rating_d12(h.rating_pk, h.rating_pk_langsung))
    else:
        _nilai(w, "NILAI AKHIR (NA)", h.na)
    _nilai(w, "PREDIKAT KINERJA PEGAWAI", predikat_form(h.predikat), tebal=True, fill=g.fill_predikat.get(h.predikat))
    w.maju()
    _rekomendasi(w, d, lengkap=False)  # the pejabat penilai's CATATAN/REKOMENDASI, as on every Format D page
    w.maju()
    w.teks_penuh("Hasil evaluasi kinerja pegawai tersebut di atas, sebagaimana dituangkan dalam Dokumen Evaluasi "
                 "Kinerja Pegawai (Format D.1.1) oleh Pejabat Penilai Kinerja, telah diperiksa dan ditetapkan oleh "
                 "Atasan Pejabat Penilai Kinerja.", border=False)
    w.gabung(1, 6, "CATATAN ATASAN PEJABAT PENILAI KINERJA", tebal=True, fill=g.kepala_fill)
    w.maju()
    w.gabung(1, 6, "")
    w.tinggi(5)
    w.maju(2)
    tt = tempat_tanggal(d.get("profil"), d["tanggal"])
    tulis_ttd(w, baris_ttd("Pejabat Penilai Kinerja", d["atasan"], tt),
              baris_ttd("Atasan Pejabat Penilai Kinerja", d["atasan_atasan"], tt))


def tulis_dokumen(d: dict):
    """A workbook (not saved) holding one employee's evaluation document: sheet D.1.1, and sheet D.1.2 for a
    head of OPD (d['d12']). Each sheet prints on one A4 page."""
    from openpyxl import Workbook

    g = Gaya()
    wb = Workbook()
    d12 = d.get("d12") and not penilai_kepala_daerah(d["atasan"])  # also a context frozen before this rule
    halaman = [("Dokumen Evaluasi", _d11)] + ([("D.1.2 Atasan Penilai", _d12)] if d12 else [])
    for i, (judul, tulis) in enumerate(halaman):
        ws = _siapkan(wb, judul, i == 0)
        w = Penulis(ws, g, LEBAR)
        tulis(w, d)
        ws.print_area = f"A1:F{w.r - 1}"
    return wb
