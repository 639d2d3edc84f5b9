"""Checks of a realisation sheet: NIP, the SKP row it belongs to, the number."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .angka import AngkaTidakValid, baca_angka
from .masalah import PERINGATAN, di_sel
from .nip import NIPTidakValid, periksa_nip
from .sasaran import NilaiTidakValid, nomor_positif, satuan_persen, teks


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
        raise RealisasiTidakValid(f"Realisasi {e.pesan}", "isi angka realisasi, misalnya 95 atau 95,5") from None
    if d < 0:
        raise RealisasiTidakValid(f"Realisasi tidak boleh negatif, ditemukan {v}", "isi angka 0 atau lebih")
    return d


@dataclass
class HasilPeriksaRealisasi:
    baris: list = field(default_factory=list)  # (BarisSumber, nip, nomor, nilai Decimal, bukti)
    masalah: list = field(default_factory=list)
    kosong: int = 0  # rows whose Realisasi cell is empty (not yet filled)


def periksa_sheet(baris: list, roster: dict, satuan_skp: dict[tuple[str, int], str | None], kode: str,
                  ada_bukti: bool = True) -> HasilPeriksaRealisasi:
    """roster: nip -> Pegawai; satuan_skp: (nip, nomor) -> satuan of the period's SKP rows."""
    h = HasilPeriksaRealisasi()
    pertama: dict[tuple[str, int], int] = {}
    for b in baris:
        v = b.nilai
        if v.get("realisasi") is None:
            h.kosong += 1
            continue
        try:
            nip = periksa_nip(v.get("nip")).nip
        except NIPTidakValid as e:
            h.masalah.append(di_sel(b, "nip", e.pesan, e.saran))
            continue
        if nip not in roster:
            h.masalah.append(di_sel(b, "nip", f"NIP {nip} tidak ada di daftar pegawai",
                                    "impor dulu daftar pegawai (kinerja pegawai impor) atau periksa NIP-nya", kunci=nip))
            continue
        try:
            nomor = nomor_positif(v.get("nomor"))
        except NilaiTidakValid as e:
            h.masalah.append(di_sel(b, "nomor", e.pesan[0].upper() + e.pesan[1:], e.saran, kunci=nip))
            continue
        if (nip, nomor) not in satuan_skp:
            h.masalah.append(di_sel(b, "nomor", f"Baris SKP nomor {nomor} tidak ada untuk NIP {nip} di periode {kode}",
                                    f"periksa nomornya (kinerja sasaran daftar --periode {kode} --nip {nip}), "
                                    "atau impor SKP-nya dulu", kunci=nip))
            continue
        sel_persen = "%" in (b.format.get("realisasi") or "")
        persen = sel_persen and satuan_persen(satuan_skp[(nip, nomor)])
        try:
            nilai = urai_realisasi(v.get("realisasi"), persen)
        except RealisasiTidakValid as e:
            h.masalah.append(di_sel(b, "realisasi", e.pesan, e.saran, kunci=nip))
            continue
        if sel_persen and not persen:
            h.masalah.append(di_sel(b, "realisasi", "Sel realisasi berformat persen tetapi satuan SKP-nya bukan %; "
                                    "nilainya dibaca apa adanya", "ubah format sel menjadi Angka", PERINGATAN, nip))
        if not roster[nip].aktif:
            h.masalah.append(di_sel(b, "nip", f"{roster[nip].nama} ({nip}) berstatus nonaktif", "periksa NIP-nya",
                                    PERINGATAN, nip))
        if (nip, nomor) in pertama:
            h.masalah.append(di_sel(b, "nomor", f"Realisasi NIP {nip} nomor {nomor} ganda: sudah ada di baris "
                                    f"{pertama[(nip, nomor)]}", "hapus salah satu baris", kunci=nip))
            continue
        pertama[(nip, nomor)] = b.baris
        bukti = teks(v.get("bukti")) if ada_bukti else None
        h.baris.append((b, nip, nomor, nilai, bukti))
    return h
