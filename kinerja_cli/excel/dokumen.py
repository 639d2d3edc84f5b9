"""The individual "Dokumen Evaluasi Kinerja Pegawai" (shape of the PermenPANRB 6/2022 annex).

A small normal (not write-only) workbook: merged cells, borders, wrapped text, A4 portrait
fitted to the page width. Every text from user data goes through ``aman.isi_teks``.
"""

from __future__ import annotations

from decimal import Decimal

from ..validation.angka import angka_id
from .aman import isi_teks
from ..kosakata import ASPEK_BERAKHLAK, NAMA_ASPEK, NAMA_PREDIKAT_UNIT
from .kop import baris_kop, logo, tempat_tanggal
from .lembar import FORMAT_ANGKA, Gaya, atur_cetak, jumlah_baris_teks, lebar_kolom, tanggal_id
from .rekap import nama_catatan
from ..model import BarisMasukan

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
NAMA_JENIS = {"tahunan": "TAHUNAN", "triwulan": "TRIWULAN", "bulanan": "BULANAN"}
CATATAN_SKOR = ("Skor aspek: rata-rata penilai per peran (atasan, rekan kerja, bawahan; penilaian diri tidak "
                "dihitung), dibobot seperti NPK periode ini (bobot peran dan penilaian 360 periode, lihat "
                "kinerja aturan; dinormalkan atas peran yang menilai aspek itu). Skala 0-120.")


def _baris_teks(teks: str, lebar: float) -> int:
    """Lines a wrapped 10-pt text needs in a column `lebar` characters (11-pt) wide."""
    return jumlah_baris_teks(teks, lebar, 1.15)


class _Penulis:
    def __init__(self, ws, g: Gaya):
        self.ws, self.g, self.r = ws, g, 1

    def sel(self, kolom: int, nilai, tebal=False, rata=None, border=True, fmt=None, fill=None, ukuran=None):
        from openpyxl.styles import Alignment, Font

        c = self.ws.cell(row=self.r, column=kolom)
        isi_teks(c, nilai)
        c.alignment = Alignment(horizontal=rata, vertical="top" if rata != "center" else "center", wrap_text=True)
        if tebal or ukuran:
            c.font = Font(bold=tebal, size=ukuran or 10)
        else:
            c.font = Font(size=10)
        if border:
            c.border = self.g.border
        if fmt:
            c.number_format = fmt
        if fill:
            c.fill = fill
        return c

    def gabung(self, kolom_awal: int, kolom_akhir: int, nilai, baris_akhir: int | None = None, **k):
        c = self.sel(kolom_awal, nilai, **k)
        akhir = baris_akhir or self.r
        if k.get("border", True):  # merged cells draw the border of every covered cell
            for rr in range(self.r, akhir + 1):
                for kk in range(kolom_awal, kolom_akhir + 1):
                    self.ws.cell(row=rr, column=kk).border = self.g.border
        if kolom_akhir > kolom_awal or akhir > self.r:
            self.ws.merge_cells(start_row=self.r, start_column=kolom_awal, end_row=akhir, end_column=kolom_akhir)
        return c

    def tinggi(self, baris: int):
        """Row height for `baris` lines of 10-pt text."""
        self.ws.row_dimensions[self.r].height = max(14, 12 * baris + 2)

    def maju(self, n: int = 1):
        self.r += n


def _identitas(w: _Penulis, judul: str, orang: dict | None) -> None:
    w.sel(1, "NO", tebal=True, rata="center", fill=w.g.kepala_fill)
    w.gabung(2, 6, judul, tebal=True, fill=w.g.kepala_fill)
    w.maju()
    o = orang or {}
    for i, (label, kunci) in enumerate((("NAMA", "nama"), ("NIP", "nip"), ("PANGKAT/GOL. RUANG", "pangkat"),
                                        ("JABATAN", "jabatan"), ("UNIT KERJA", "unit")), 1):
        w.sel(1, i, rata="center")
        w.sel(2, label)
        nilai = o.get(kunci) or "-"
        w.gabung(3, 6, nilai)
        if _baris_teks(nilai, sum(LEBAR[2:])) > 1:
            w.tinggi(_baris_teks(nilai, sum(LEBAR[2:])))
        w.maju()


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


def _hasil_kerja(w: _Penulis, d: dict) -> None:
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
    for jenis, judul in (("utama", "A. UTAMA"), ("tambahan", "B. TAMBAHAN")):
        isi = [b for b in baris if b.jenis == jenis]
        if not isi:
            continue
        w.gabung(1, 5, judul, tebal=True)
        w.maju()
        for b in isi:
            w.sel(1, b.nomor, rata="center")
            w.sel(2, b.rhk or "-")
            w.sel(3, b.indikator or "-")
            w.sel(4, _target(b), rata="center")
            w.sel(5, _realisasi(b), rata="center")
            w.tinggi(max(_baris_teks(b.rhk or "-", LEBAR[1]), _baris_teks(b.indikator or "-", LEBAR[2]),
                         _baris_teks(_target(b), LEBAR[3]), _baris_teks(_realisasi(b), LEBAR[4])))
            w.maju()
    akhir = w.r - 1
    simpan = w.r
    w.r = awal
    w.gabung(6, 6, umpan, baris_akhir=akhir)
    perlu = _baris_teks(umpan, LEBAR[5]) * 12 + 2
    ada = sum(w.ws.row_dimensions[x].height or 15 for x in range(awal, akhir + 1))
    if perlu > ada:  # the merged feedback cell needs more room: grow the last row
        w.ws.row_dimensions[akhir].height = (w.ws.row_dimensions[akhir].height or 15) + (perlu - ada)
    w.r = simpan
    h = d["rekaman"].hasil
    _nilai(w, "NILAI HASIL KERJA (NHK)", h.nhk)
    if d["metode"] == "permenpan6":
        _nilai(w, "RATING HASIL KERJA", _rating(h.rating_hk, h.rating_hk_langsung, h.rating_hk_turunan))


def _rating(rating: str | None, langsung: bool, turunan: str | None) -> str:
    teks = rating or "-"
    if langsung:
        teks += f" (ditetapkan langsung oleh atasan; rating turunan: {turunan or '-'})"
    elif rating:
        teks += " (saran dari angka; belum ditetapkan pejabat penilai)"
    return teks


def _nilai(w: _Penulis, label: str, nilai, tebal=False, fill=None) -> None:
    w.gabung(1, 4, label, tebal=True)
    w.gabung(5, 6, nilai, fmt=FORMAT_ANGKA if isinstance(nilai, Decimal) else None, tebal=tebal, fill=fill,
             rata="left")
    if isinstance(nilai, str) and _baris_teks(nilai, sum(LEBAR[4:])) > 1:
        w.tinggi(_baris_teks(nilai, sum(LEBAR[4:])))
    w.maju()


def _perilaku(w: _Penulis, d: dict) -> None:
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
        w.tinggi(max(_baris_teks(panduan, LEBAR[2] + LEBAR[3]), _baris_teks(ket, LEBAR[5])))
        w.maju()
    h = d["rekaman"].hasil
    _nilai(w, "NILAI PERILAKU KERJA (NPK)", h.npk)
    if d["metode"] == "permenpan6":
        _nilai(w, "RATING PERILAKU KERJA", _rating(h.rating_pk, h.rating_pk_langsung, h.rating_pk_turunan))


def _kop(w: _Penulis, profil) -> None:
    """Logo at the left, pemda / instansi / address centred, a rule under the kop (nothing without a profile)."""
    from openpyxl.styles import Border, Side

    kop = baris_kop(profil)
    if not kop:
        return
    ukuran = {"pemda": 12, "instansi": 12, "alamat": 8}
    for i, (teks, jenis) in enumerate(kop):
        c = w.gabung(1, 6, teks, tebal=jenis != "alamat", rata="center", border=False, ukuran=ukuran[jenis])
        if i == len(kop) - 1:
            for k in range(1, 7):
                w.ws.cell(row=w.r, column=k).border = Border(bottom=Side(style="medium"))
        if len(kop) < 3:  # room for the logo
            w.tinggi(2)
        w.maju()
    gambar = logo(profil, tinggi=56)
    if gambar is not None:
        w.ws.add_image(gambar, "A1")
    w.maju()


def tulis_dokumen(d: dict):
    """A workbook (not saved) holding one employee's evaluation document."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    g = Gaya()
    wb = Workbook()
    ws = wb.active
    ws.title = "Dokumen Evaluasi"
    lebar_kolom(ws, LEBAR)
    atur_cetak(ws, lanskap=False)
    ws.page_setup.fitToHeight = 1  # one A4 page, the kop included (scaled down a little when needed)
    ws.print_options.horizontalCentered = True
    w = _Penulis(ws, g)
    p, h = d["periode"], d["rekaman"].hasil
    _kop(w, d.get("profil"))
    for teks, ukuran in (("DOKUMEN EVALUASI KINERJA PEGAWAI", 13),
                         (f"PERIODE: {NAMA_JENIS.get(p['jenis'], p['jenis'].upper())} {p['kode']}", 10),
                         (f"PERIODE PENILAIAN: {tanggal_id(p['mulai']).upper()} S.D. {tanggal_id(p['selesai']).upper()}", 10)):
        w.gabung(1, 6, teks, tebal=True, rata="center", border=False, ukuran=ukuran)
        w.maju()
    if d["dari_snapshot"]:
        w.gabung(1, 6, f"Hasil beku saat periode ditutup ({tanggal_id(p.get('ditutup_pada'))}).", border=False,
                 rata="center")
        w.maju()
    w.maju()
    _identitas(w, "PEGAWAI YANG DINILAI", d["pegawai"])
    _identitas(w, "PEJABAT PENILAI KINERJA", d["atasan"])
    _identitas(w, "ATASAN PEJABAT PENILAI KINERJA", d["atasan_atasan"])

    pu = d.get("predikat_unit")
    _nilai(w, "CAPAIAN KINERJA ORGANISASI (PREDIKAT UNIT)", NAMA_PREDIKAT_UNIT.get(pu, pu) if pu else "belum ditetapkan")
    w.maju()
    _hasil_kerja(w, d)
    w.maju()
    _perilaku(w, d)
    w.maju()
    if d["metode"] == "pp30":
        _nilai(w, f"NILAI AKHIR (NA) = {angka_id(h.w_hk, 0)}% NHK + "
                  f"{angka_id(h.w_pk, 0)}% NPK", h.na)
    _nilai(w, "PREDIKAT KINERJA PEGAWAI", h.predikat, tebal=True, fill=g.fill_predikat.get(h.predikat))
    catatan = nama_catatan(d["rekaman"])
    if catatan:
        w.gabung(1, 6, f"Catatan: {catatan}", border=False)
        w.tinggi(_baris_teks(f"Catatan: {catatan}", sum(LEBAR)))
        w.maju()
    w.gabung(1, 6, CATATAN_SKOR, border=False, ukuran=8)
    w.tinggi(_baris_teks(CATATAN_SKOR, sum(LEBAR) * 1.2))
    w.maju(2)
    atasan = d["atasan"] or {}
    for teks, tebal in ((tempat_tanggal(d.get("profil"), d["tanggal"]), False), ("Pejabat Penilai Kinerja", False),
                        ("", False), ("", False), (atasan.get("nama") or "-", True),
                        (f"NIP {atasan['nip']}" if atasan.get("nip") else "NIP -", False)):
        c = w.gabung(5, 6, teks, border=False, tebal=tebal, rata="center")
        if tebal:
            c.font = Font(bold=True, underline="single", size=10)
        w.maju()
    ws.print_area = f"A1:F{w.r - 1}"
    return wb
