"""The refusal of a sheet whose header row lacks required columns, worded to lead to the fix:
the columns that were recognised, the accepted names of each missing one, the nearest header in
the file, and (when the header row is SIASN's roster export) what that file is and how it imports."""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

from ..errors import BerkasTidakValid
from ..kolom import Tata, normalisasi_judul
from ..validation.siasn import ekspor_siasn, kolom_siasn_hilang, mirip_siasn


class KolomTidakLengkap(BerkasTidakValid):
    """Required columns missing; carries the header row read so an importer can recognise the file."""

    def __init__(self, pesan: str, saran: str, sheet: str, baris_judul: int, sel: list, ditemukan: dict):
        super().__init__(pesan, saran)
        self.sheet = sheet
        self.baris_judul = baris_judul
        self.sel = sel  # the header row's texts (None for empty cells)
        self.ditemukan = ditemukan  # field key -> header text found


def _mirip(judul: str, nama: list[str]) -> float:
    n = normalisasi_judul(judul)
    if not n:
        return 0.0
    skor = 0.0
    for a in nama:
        m = normalisasi_judul(a)
        if not m:
            continue
        skor = max(skor, SequenceMatcher(None, n, m).ratio())
        if len(m) >= 3 and (n.startswith(m) or n.endswith(m) or m in n):  # 'UNOR NAMA' holds 'Unor'
            skor = max(skor, 0.8)
    return skor


def judul_mirip(tata: Tata, sel: list, ditemukan: dict, baris_judul: int, huruf) -> list[str]:
    """Warnings for the optional columns not found while a header of the row is spelt almost like one of
    their names ('Jabatn'): that column is not read, and the officer is told so, never silently. Only a
    close spelling counts (ratio >= 0.8 of the normalised texts), so the many extra columns of an
    export (SIASN) that kinerja does not read are not named."""
    dipakai = {str(t).strip() for t in ditemukan.values()}
    hasil = []
    for k in tata.kolom:
        if k.key in ditemukan:
            continue
        nama = [normalisasi_judul(a) for a in (k.judul, k.key, *k.alias)]
        for i, v in enumerate(sel):
            t = str(v).strip() if isinstance(v, str) else ""
            n = normalisasi_judul(t)
            if not n or t in dipakai or any(n == m for m in nama):
                continue
            if max(SequenceMatcher(None, n, m).ratio() for m in nama if m) >= 0.8:
                hasil.append(f"Kolom '{t}' (sel {huruf(i)}{baris_judul}) tidak dikenal dan tidak dibaca; bila "
                             f"maksudnya {k.judul}, ganti judulnya menjadi '{k.judul}' lalu impor ulang.")
                dipakai.add(t)
                break
    return hasil


def terdekat(sel: list, nama: list[str], dipakai: set) -> str | None:
    """The header of the row most like one of `nama` (not one already recognised), or None."""
    terbaik, skor = None, 0.6
    for v in sel:
        if v is None or str(v).strip() in dipakai:
            continue
        s = _mirip(str(v), nama)
        if s > skor:
            terbaik, skor = str(v).strip(), s
    return terbaik


def galat(path: Path, sheet: str, tata: Tata, baris_judul: int, idx: dict, teks: dict,
          sel: list) -> KolomTidakLengkap:
    hilang = [k for k in tata.wajib() if k.key not in idx]
    pesan = f"Sheet '{sheet}' di {path.name}: kolom wajib tidak ditemukan: {', '.join(k.judul for k in hilang)}."
    if teks:
        judul = {k.key: k.judul for k in tata.kolom}
        pesan += (f" Kolom yang dikenali (baris {baris_judul}): "
                  + ", ".join(judul[k] if normalisasi_judul(judul[k]) == normalisasi_judul(t) else f"{judul[k]} ('{t}')"
                              for k, t in teks.items()) + ".")
    saran = []
    dipakai = {str(t).strip() for t in teks.values()}
    for k in hilang:
        nama = [k.judul, *k.alias]
        s = f"{k.judul}: tulis salah satu judul {', '.join(nama)}"
        dekat = terdekat(sel, nama, dipakai)
        if dekat:
            s += f" (judul yang paling mirip di berkas: '{dekat}'"
            if k.key == "unit" and normalisasi_judul(dekat).startswith("unor"):
                s += "; bila ini ekspor SIASN, pakai --hierarki: UNOR NAMA berisi unor terendah, bukan OPD"
            s += ")"
        saran.append(s)
    saran.append(f"Baris judul harus berada di 15 baris pertama dan memuat kolom: "
                 f"{', '.join(k.judul for k in tata.wajib())}.")
    hilang_siasn = kolom_siasn_hilang(sel) if mirip_siasn(sel) else []
    if hilang_siasn:  # a SIASN export someone edited: renaming its columns is never the fix
        kolom = ", ".join(hilang_siasn)
        pesan = (f"{path.name} adalah ekspor SIASN, tetapi kolom {kolom} tidak ada: ambil ekspor aslinya. "
                 f"Tidak ada data yang ditulis.")
        saran = ["Unduh ulang ekspor daftar pegawai dari SIASN (jangan diubah judul kolomnya; UNOR NAMA berisi unor "
                 "terendah, bukan OPD: jangan diganti menjadi Unit Kerja), lalu: kinerja pegawai impor BERKAS "
                 "--hierarki HIERARKI_UNOR.xlsx"]
    elif ekspor_siasn(sel) and tata.nama_sheet != "Pegawai":
        pesan = (f"{path.name} adalah ekspor daftar pegawai SIASN (dikenali dari baris judulnya), bukan berkas "
                 f"untuk perintah ini. " + pesan)
        saran = [f"Impor dengan: kinerja pegawai impor {path.name} --hierarki HIERARKI_UNOR.xlsx"]
    return KolomTidakLengkap(pesan, "; ".join(saran[:-1]) + ". " + saran[-1] if len(saran) > 1 else saran[0],
                             sheet, baris_judul, sel, dict(teks))
