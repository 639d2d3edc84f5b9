"""The `Rincian` sheet of the recap: one row per SKP row of every employee (NHK traceable).

Written by :class:`TabelRincian` during the recap's single pass over the records
(``excel.rekap.tulis_buku``): each record's rows are rendered to XML text
(``excel.baris_xml``) and the record is dropped. A row holding a value the renderer does
not handle goes through `GayaSel` cells instead (same output).
"""

from __future__ import annotations

from decimal import Decimal

from ..model import BarisMasukan, IdentitasPegawai, Rekaman
from ..scoring.tipe import HasilBaris
from .baris_xml import BarisKolom, BukanSederhana, GayaXML, PenampungBaris, Penyaji, kolom_angka, kolom_sel
from .lembar import (
    FORMAT_ANGKA,
    Aliran,
    atur_cetak,
    baris_blok_judul,
    baris_kepala,
    baris_terbanyak,
    info_periode,
    lebar_kolom,
    tambah_sel,
)
from .lembar_cepat import GayaSel


def kolom_rincian(metode: str, sub_unit: bool = False) -> list[tuple[str, float]]:
    """The Rincian columns; `sub_unit`: a Sub Unit column after Bukti (the SIASN unor, when any employee has one)."""
    k = [("NIP", 19), ("Nama", 18), ("No", 4), ("Jenis", 8), ("Rencana Hasil Kerja", 24), ("Indikator", 24),
         ("Target", 8), ("Satuan", 7), ("Arah", 6), ("Realisasi", 9), ("Capaian (%)", 9), ("Nilai Capaian", 8),
         ("Bobot (%)", 7), ("Cabang Konversi", 20)]
    if metode == "permenpan6":
        k.append(("Rating IKI", 13))
    return k + [("Bukti", 14)] + ([("Sub Unit", 18)] if sub_unit else [])


def _target(b: BarisMasukan):
    if b.target_hi:
        return f"{b.target_lo}-{b.target_hi}"
    return Decimal(b.target_lo)


class TabelRincian:
    """Title block and header on creation, the rows of one record per `tambah`, the filter on `selesai`."""

    def __init__(self, ws, data, penyaji: Penyaji):
        from openpyxl.utils import get_column_letter

        g = data.gaya
        self.sub = bool(getattr(data, "sub_unit", False))
        kolom = kolom_rincian(data.metode, self.sub)
        blok = baris_blok_judul(ws, g, "RINCIAN HASIL KERJA (SKP) PER PEGAWAI",
                                info_periode(data) + ["Setiap NHK di sheet Rekap = Σ(Bobot × Nilai Capaian) / Σ Bobot "
                                                      "atas baris pegawai itu."], data.profil)
        self.kepala = len(blok) + 1
        lebar_kolom(ws, [w for _, w in kolom])
        ws.freeze_panes = f"C{self.kepala + 1}"
        atur_cetak(ws, lanskap=True, baris_judul=self.kepala)
        aliran = Aliran(ws)
        for b in blok:
            aliran.tambah(b)
        aliran.tambah(baris_kepala(ws, g, [j for j, _ in kolom]), baris_terbanyak(kolom, 0.85))
        self.ws, self.p, self.n = ws, penyaji, 0
        self.p6 = data.metode == "permenpan6"
        self.lebar = [w for _, w in kolom]
        self.huruf = [get_column_letter(i) for i in range(1, len(kolom) + 1)]
        self.sel = {"teks": GayaSel(ws, alignment=g.bungkus, border=g.border),
                    "kosong": GayaSel(ws, border=g.border, alignment=g.tengah),
                    "nomor": GayaSel(ws, border=g.border, alignment=g.atas),
                    FORMAT_ANGKA: GayaSel(ws, number_format=FORMAT_ANGKA, border=g.border, alignment=g.atas),
                    "General": GayaSel(ws, number_format="General", border=g.border, alignment=g.atas)}
        self.gaya = gx = {k: GayaXML(v) for k, v in self.sel.items()}
        h = self.huruf
        t = gx["teks"]
        # one cache of rendered cells per column, and of wrapped-line counts per text column
        self.k_teks = [kolom_sel(penyaji, h[i], t, strip=True) for i in range(len(kolom))]
        self.k_nomor = kolom_sel(penyaji, h[2], gx["nomor"])
        self.k_target = kolom_angka(penyaji, h[6], gx["General"])
        self.k_angka = {i: kolom_angka(penyaji, h[i], gx[f], gx["kosong"])
                        for i, f in ((9, "General"), (10, FORMAT_ANGKA), (11, FORMAT_ANGKA), (12, "General"))}
        self.k_baris = [BarisKolom(w, bersih=True) for w in self.lebar]
        self.rows = PenampungBaris(ws)

    def tambah(self, r: Rekaman) -> None:
        p, hasil = r.pegawai, {x.nomor: x for x in r.hasil.baris}
        kt, kb, ka = self.k_teks, self.k_baris, self.k_angka
        try:
            nip, nama = kt[0][p.nip], kt[1][p.nama]
        except BukanSederhana:
            nip = nama = None
        n_pegawai = max(kb[0][p.nip], kb[1][p.nama])
        akhir = len(kt) - 1 - self.sub  # Bukti
        for b in r.masukan.baris:
            x = hasil.get(b.nomor)
            try:
                if nip is None:
                    raise BukanSederhana(p)
                hi = b.target_hi
                if hi:
                    target = f"{b.target_lo}-{hi}"
                    sel_target, n_target = kt[6][target], kb[6][target]
                else:
                    sel_target, n_target = self.k_target[b.target_lo], 1
                arah = b.arah + " (maks.)" if b.target_maksimal else b.arah
                jenis, rhk, ind, sat, cab, bukti = (b.jenis, b.rhk, b.indikator, b.satuan,
                                                    x.cabang if x else None, b.bukti)
                sel = [nip, nama, self.k_nomor[b.nomor], kt[3][jenis], kt[4][rhk], kt[5][ind], sel_target,
                       kt[7][sat], kt[8][arah], ka[9][b.realisasi], ka[10][x.capaian if x else None],
                       ka[11][x.nilai if x else None], ka[12][b.bobot], kt[13][cab]]
                n = max(n_pegawai, n_target, kb[2][b.nomor], kb[3][jenis], kb[4][rhk], kb[5][ind], kb[7][sat],
                        kb[8][arah], kb[13][cab], kb[akhir][bukti])
                if self.p6:
                    rating = x.rating if x else None
                    sel.append(kt[14][rating])
                    n = max(n, kb[14][rating])
                sel.append(kt[akhir][bukti])
                if self.sub:
                    sel.append(kt[akhir + 1][p.sub_unit])
                    n = max(n, kb[akhir + 1][p.sub_unit])
                self.rows.tambah(sel, n)
            except BukanSederhana:
                self.rows.kirim()
                self._sel(self._isi(p, b, x))
                self.rows.kirim()
            self.n += 1

    def _isi(self, p: IdentitasPegawai, b: BarisMasukan, x: HasilBaris | None) -> list[tuple]:
        """(value, kind) per column: 't' text, 'nomor', a number format (number or '-')."""
        target = _target(b)
        isi = [(p.nip, "t"), (p.nama, "t"), (b.nomor, "nomor"), (b.jenis, "t"), (b.rhk, "t"),
               (b.indikator, "t"),
               (target, "t") if isinstance(target, str) else (target, "General"), (b.satuan, "t"),
               (b.arah + (" (maks.)" if b.target_maksimal else ""), "t"),
               (b.realisasi, "General"), (x.capaian if x else None, FORMAT_ANGKA),
               (x.nilai if x else None, FORMAT_ANGKA), (b.bobot, "General"), (x.cabang if x else None, "t")]
        if self.p6:
            isi.append((x.rating if x else None, "t"))
        isi.append((b.bukti, "t"))
        if self.sub:
            isi.append((p.sub_unit, "t"))
        return isi

    def _sel(self, isi: list) -> None:
        """The same row through cell objects (a value the XML renderer does not handle)."""
        sel = []
        for v, jenis in isi:
            if jenis == "t":
                sel.append(self.sel["teks"](v if v not in (None, "") else "-"))
            elif jenis == "nomor":
                sel.append(self.sel["nomor"](v))
            elif v is None:
                sel.append(self.sel["kosong"]("-"))
            else:
                sel.append(self.sel[jenis](Decimal(v)))
        tambah_sel(self.ws, sel, baris_terbanyak((getattr(c, "value", c), w) for c, w in zip(sel, self.lebar)))

    def selesai(self) -> None:
        from openpyxl.utils import get_column_letter

        self.rows.kirim()
        self.ws.auto_filter.ref = f"A{self.kepala}:{get_column_letter(len(self.lebar))}{self.kepala + self.n}"
