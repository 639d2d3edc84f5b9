"""Checks of a realisation sheet: NIP, the SKP row it belongs to, the number.

The sheet is checked one row at a time (`PemeriksaRealisasi.periksa`), so an importer can stream
rows and keep only compact state: the roster and the period's SKP rows as small per-NIP tuples,
one array slot per SKP row for duplicates, and caches of the NIP texts and numbers already parsed.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable

from .angka import AngkaTidakValid, baca_angka, teks_desimal
from .masalah import PERINGATAN, di_sel
from .nip import NIPTidakValid, periksa_nip
from .sasaran import NilaiTidakValid, nomor_positif, satuan_persen
from .teks import teks

BATAS_CACHE = 100_000  # distinct cell values remembered per cache (bounded memory on odd files)
_BATAS_NOMOR = 10**15  # baca_angka refuses |n| >= 10**15


class RealisasiTidakValid(ValueError):
    def __init__(self, pesan: str, saran: str = ""):
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran


def urai_realisasi(v, persen: bool = False) -> Decimal:
    """A realisation value: a number >= 0 ('95,5' and a 95% cell accepted)."""
    try:
        d = baca_angka(v, persen=persen)
    except AngkaTidakValid as e:
        raise RealisasiTidakValid(f"Realisasi {e.pesan}", e.saran_atau("isi angka realisasi, misalnya 95 atau 95,5")) from None
    if d < 0:
        raise RealisasiTidakValid(f"Realisasi tidak boleh negatif, ditemukan {v}", "isi angka 0 atau lebih")
    return d


@dataclass
class IndeksSKP:
    """The period's SKP rows: nip -> (first slot, nomors, nomors whose satuan is a percent)."""

    per_nip: dict = field(default_factory=dict)
    jumlah: int = 0  # number of SKP rows = slots

    @classmethod
    def dari_baris(cls, baris: Iterable[tuple[str, int, str | None]]) -> "IndeksSKP":
        """baris: (nip, nomor, satuan) ordered by nip."""
        h = cls()
        per_nip = h.per_nip
        persen_satuan: dict = {}  # satuan -> is it a percent (few distinct values)
        nip_ini, nomor, persen, awal = None, [], [], 0
        for nip, no, satuan in baris:
            if nip != nip_ini:
                if nip_ini is not None:
                    per_nip[nip_ini] = (awal, tuple(nomor), tuple(persen))
                    awal += len(nomor)
                nip_ini, nomor, persen = nip, [], []
            nomor.append(no)
            p = persen_satuan.get(satuan)
            if p is None:
                p = persen_satuan[satuan] = satuan_persen(satuan)
            if p:
                persen.append(no)
        if nip_ini is not None:
            per_nip[nip_ini] = (awal, tuple(nomor), tuple(persen))
            awal += len(nomor)
        h.jumlah = awal
        return h


@dataclass
class PemeriksaRealisasi:
    """roster: nip -> None (active) or the name (inactive: a warning names them); skp: IndeksSKP."""

    roster: dict
    skp: IndeksSKP
    kode: str
    ada_bukti: bool = True
    masalah: list = field(default_factory=list)
    kosong: int = 0  # rows whose Realisasi cell is empty (not yet filled)

    def __post_init__(self):
        self._nip: dict = {}  # cell text -> NIP, only for valid NIPs on the roster
        self._angka: dict = {}  # (type, cell value) -> decimal text of a valid realisation
        self._pertama = array("q", bytes(8 * self.skp.jumlah))  # slot -> Excel row of its first realisation

    def _cari_nip(self, b, sel):
        """The NIP of a cell not in the cache (None after adding its problem)."""
        try:
            nip = periksa_nip(sel).nip
        except NIPTidakValid as e:
            self.masalah.append(di_sel(b, "nip", e.pesan, e.saran))
            return None
        if nip not in self.roster:
            self.masalah.append(di_sel(b, "nip", f"NIP {nip} tidak ada di daftar pegawai",
                                       "impor dulu daftar pegawai (kinerja pegawai impor) atau periksa NIP-nya",
                                       kunci=nip))
            return None
        if type(sel) is str and len(self._nip) < BATAS_CACHE:
            self._nip[sel] = nip
        return nip

    def _angka_teks(self, v) -> str:
        """teks_desimal(urai_realisasi(v)) of a value not in the cache, remembered."""
        t = teks_desimal(urai_realisasi(v))
        if len(self._angka) < BATAS_CACHE:
            self._angka[(type(v), v)] = t
        return t

    def periksa(self, b) -> tuple | None:
        """(nip, nomor, nilai as decimal text, bukti) of a good row; None when the row is empty
        or has an error (its problems are added to `masalah`)."""
        v = b.nilai
        r = v.get("realisasi")
        if r is None:
            self.kosong += 1
            return None
        sel = v.get("nip")
        nip = self._nip.get(sel) if type(sel) is str else None
        if nip is None:
            nip = self._cari_nip(b, sel)
            if nip is None:
                return None
        no = v.get("nomor")
        if type(no) is int and 1 <= no < _BATAS_NOMOR:
            nomor = no
        else:
            try:
                nomor = nomor_positif(no)
            except NilaiTidakValid as e:
                self.masalah.append(di_sel(b, "nomor", e.pesan[0].upper() + e.pesan[1:], e.saran, kunci=nip))
                return None
        ent = self.skp.per_nip.get(nip)
        if ent is None or nomor not in ent[1]:
            kode = self.kode
            self.masalah.append(di_sel(b, "nomor", f"Baris SKP nomor {nomor} tidak ada untuk NIP {nip} di periode {kode}",
                                       f"periksa nomornya (kinerja sasaran daftar --periode {kode} --nip {nip}), "
                                       "atau impor SKP-nya dulu", kunci=nip))
            return None
        fmt = b.format.get("realisasi") if b.format else None
        sel_persen = "%" in (fmt or "")
        persen = sel_persen and nomor in ent[2]
        try:
            if persen:
                nilai = teks_desimal(urai_realisasi(r, True))
            else:
                nilai = self._angka.get((type(r), r)) or self._angka_teks(r)
        except RealisasiTidakValid as e:
            self.masalah.append(di_sel(b, "realisasi", e.pesan, e.saran, kunci=nip))
            return None
        if sel_persen and not persen:
            self.masalah.append(di_sel(b, "realisasi", "Sel realisasi berformat persen tetapi satuan SKP-nya bukan %; "
                                       "nilainya dibaca apa adanya", "ubah format sel menjadi Angka", PERINGATAN, nip))
        nama_nonaktif = self.roster[nip]
        if nama_nonaktif is not None:
            self.masalah.append(di_sel(b, "nip", f"{nama_nonaktif} ({nip}) berstatus nonaktif", "periksa NIP-nya",
                                       PERINGATAN, nip))
        slot = ent[0] + ent[1].index(nomor)
        if self._pertama[slot]:
            self.masalah.append(di_sel(b, "nomor", f"Realisasi NIP {nip} nomor {nomor} ganda: sudah ada di baris "
                                       f"{self._pertama[slot]}", "hapus salah satu baris", kunci=nip))
            return None
        self._pertama[slot] = b.baris
        bukti = teks(v.get("bukti")) if self.ada_bukti else None
        return nip, nomor, nilai, bukti
