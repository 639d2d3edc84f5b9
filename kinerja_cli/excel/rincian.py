"""The `Rincian` sheet of the recap: one row per SKP row of every employee (NHK traceable).

Written by :class:`TabelRincian` during the recap's single pass over the records
(``excel.rekap.tulis_buku``): each record's rows are rendered to XML text
(``excel.baris_xml``) and the record is dropped. A row holding a value the renderer does
not handle goes through `GayaSel` cells instead (same output).
"""

from __future__ import annotations

from decimal import Decimal

from .baris_xml import BukanSederhana, GayaXML, Penyaji, baris, per_baris
from .lembar import FORMAT_ANGKA, Aliran, baris_blok_judul, baris_kepala, baris_terbanyak, lebar_kolom, atur_cetak
from .lembar_cepat import GayaSel


def kolom_rincian(metode: str) -> list[tuple[str, float]]:
    k = [("NIP", 19), ("Nama", 18), ("No", 4), ("Jenis", 8), ("Rencana Hasil Kerja", 24), ("Indikator", 24),
         ("Target", 8), ("Satuan", 7), ("Arah", 6), ("Realisasi", 9), ("Capaian (%)", 9), ("Nilai Capaian", 8),
         ("Bobot (%)", 7), ("Cabang Konversi", 20)]
    if metode == "permenpan6":
        k.append(("Rating IKI", 13))
    return k + [("Bukti", 14)]


def _target(b: dict):
    if b.get("target_hi"):
        return f"{b['target_lo']}-{b['target_hi']}"
    return Decimal(b["target_lo"])


class TabelRincian:
    """Title block and header on creation, the rows of one record per `tambah`, the filter on `selesai`."""

    def __init__(self, ws, data, penyaji: Penyaji):
        from openpyxl.utils import get_column_letter

        from .rekap import info_periode

        g = data.gaya
        kolom = kolom_rincian(data.metode)
        blok = baris_blok_judul(ws, g, "RINCIAN HASIL KERJA (SKP) PER PEGAWAI",
                                info_periode(data) + ["Setiap NHK di sheet Rekap = Σ(Bobot × Nilai Capaian) / Σ Bobot "
                                                      "atas baris pegawai itu."])
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
        self.per = [per_baris(w) for w in self.lebar]
        self.sel = {"teks": GayaSel(ws, alignment=g.bungkus, border=g.border),
                    "kosong": GayaSel(ws, border=g.border, alignment=g.tengah),
                    "nomor": GayaSel(ws, border=g.border, alignment=g.atas),
                    FORMAT_ANGKA: GayaSel(ws, number_format=FORMAT_ANGKA, border=g.border, alignment=g.atas),
                    "General": GayaSel(ws, number_format="General", border=g.border, alignment=g.atas)}
        self.gaya = {k: GayaXML(v) for k, v in self.sel.items()}

    def tambah(self, r: dict) -> None:
        p, hasil = r["pegawai"], {x["nomor"]: x for x in r["hasil"]["baris"]}
        for b in r["masukan"]["baris"]:
            isi = self._isi(p, b, hasil.get(b["nomor"], {}))
            try:
                self.ws.tambah_xml(self._xml(isi))
            except BukanSederhana:
                self._sel(isi)
            self.n += 1

    def _isi(self, p: dict, b: dict, x: dict) -> list[tuple]:
        """(value, kind) per column: 't' text, 'nomor', ('a', format) number or '-'."""
        target = _target(b)
        isi = [(p["nip"], "t"), (p["nama"], "t"), (b["nomor"], "nomor"), (b["jenis"], "t"), (b.get("rhk"), "t"),
               (b.get("indikator"), "t"),
               (target, "t") if isinstance(target, str) else (target, "General"), (b.get("satuan"), "t"),
               (b["arah"] + (" (maks.)" if b.get("target_maksimal") else ""), "t"),
               (b.get("realisasi"), "General"), (x.get("capaian"), FORMAT_ANGKA), (x.get("nilai"), FORMAT_ANGKA),
               (b["bobot"], "General"), (x.get("cabang"), "t")]
        if self.p6:
            isi.append((x.get("rating"), "t"))
        isi.append((b.get("bukti"), "t"))
        return isi

    def _xml(self, isi: list) -> str:
        p, g = self.p, self.gaya
        rs = str(self.ws.baris_berikut)
        bagian, n = [], 1
        for (v, jenis), h, w, per in zip(isi, self.huruf, self.lebar, self.per):
            if jenis == "t" or jenis == "nomor":
                if jenis == "t":
                    if v in (None, ""):
                        v = "-"
                    bagian.append(p.sel(h, rs, v, g["teks"]))
                else:
                    bagian.append(p.sel(h, rs, v, g["nomor"]))
                if type(v) is str:
                    k = p.jumlah_baris(p.tertulis(v), w, per)
                    if k > n:
                        n = k
            elif v is None:
                bagian.append(p.teks(h, rs, "-", g["kosong"]))
            else:
                bagian.append(p.angka(h, rs, Decimal(v), g[jenis]))
        return baris(int(rs), "".join(bagian), n)

    def _sel(self, isi: list) -> None:
        """The same row through cell objects (a value the XML renderer does not handle)."""
        from .rekap import tambah_sel

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

        self.ws.auto_filter.ref = f"A{self.kepala}:{get_column_letter(len(self.lebar))}{self.kepala + self.n}"
