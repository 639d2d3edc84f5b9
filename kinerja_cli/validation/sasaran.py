"""Checks of SKP rows (DOMAIN.md section 3): one value, one row, a whole sheet.

Pure: the roster and the stored rows of the atasan come in as plain data.
A parsed row is a dict with the stored fields (numbers as Decimal):
nomor, jenis, rhk, rhk_atasan_nomor, aspek, indikator, target_lo, target_hi,
satuan, bobot, arah, target_maksimal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .angka import AngkaTidakValid, baca_angka
from .masalah import GALAT, PERINGATAN, di_sel
from .teks import teks
from .nip import NIPTidakValid, periksa_nip

JENIS = ("utama", "tambahan")
ASPEK = ("kuantitas", "kualitas", "waktu", "biaya")
ARAH = ("naik", "turun")
_YA = ("ya", "y", "true", "1", "x", "benar", "yes")
_TIDAK = ("tidak", "n", "false", "0", "salah", "no", "tdk")
TOLERANSI_BOBOT = Decimal("0.01")
_RENTANG = re.compile(r"^\s*(\d[\d.,]*\s*%?)\s*(?:-|–|—|s\.\s*d\.?|s\s*/\s*d|sd|sampai|hingga)\s*(\d[\d.,]*\s*%?)\s*$",
                      re.IGNORECASE)


class NilaiTidakValid(ValueError):
    def __init__(self, pesan: str, saran: str = ""):
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran


def satuan_persen(satuan: str | None) -> bool:
    return (satuan or "").strip().lower() in ("%", "persen", "percent")


def urai_target(v, persen: bool = False) -> tuple[Decimal, Decimal | None]:
    """'95', '95,5', 95.5, '80-90', '80 s.d. 90' -> (lo, hi or None); raise NilaiTidakValid."""
    saran = "isi angka lebih dari 0 (95 atau 95,5) atau rentang (80-90)"
    if isinstance(v, str):
        m = _RENTANG.match(v)
        if m:
            try:
                lo, hi = baca_angka(m.group(1)), baca_angka(m.group(2))
            except AngkaTidakValid:
                raise NilaiTidakValid(f"target '{v}' bukan angka atau rentang", saran) from None
            if lo <= 0 or hi <= 0:
                raise NilaiTidakValid(f"batas rentang target '{v}' harus lebih dari 0", saran)
            if lo >= hi:
                raise NilaiTidakValid(f"rentang target '{v}': batas bawah harus lebih kecil dari batas atas",
                                      "tulis rentang dari kecil ke besar, misalnya 80-90")
            return lo, hi
    try:
        d = baca_angka(v, persen=persen)
    except AngkaTidakValid as e:
        if e.pesan == "kosong":
            raise NilaiTidakValid("target kosong", saran) from None
        raise NilaiTidakValid(f"target {e.pesan}", saran) from None
    if d <= 0:
        raise NilaiTidakValid(f"target harus lebih dari 0, ditemukan {v}", saran)
    return d, None


def teks_target(lo, hi) -> str:
    from .angka import teks_desimal

    lo = teks_desimal(Decimal(lo))
    return lo if hi is None else f"{lo}-{teks_desimal(Decimal(hi))}"


def _pilihan(v, pilihan: tuple[str, ...], bawaan: str, nama: str) -> str:
    s = teks(v)
    if s is None:
        return bawaan
    s = s.lower()
    if s not in pilihan:
        raise NilaiTidakValid(f"{nama} '{teks(v)}' tidak dikenal", "isi salah satu: " + ", ".join(pilihan))
    return s


def ya_tidak(v, nama: str = "target maksimal") -> bool:
    if v is None or isinstance(v, bool):
        return bool(v)
    s = (teks(v) or "").lower()
    if not s or s in _TIDAK:
        return False
    if s in _YA:
        return True
    raise NilaiTidakValid(f"{nama} '{teks(v)}' tidak dikenal", "isi ya atau tidak (kosong: tidak)")


def nomor_positif(v, nama: str = "nomor") -> int:
    try:
        d = baca_angka(v)
    except AngkaTidakValid as e:
        raise NilaiTidakValid(f"{nama} {e.pesan}", "isi bilangan bulat 1, 2, 3, ...") from None
    if d != d.to_integral_value() or d < 1:
        raise NilaiTidakValid(f"{nama} harus bilangan bulat mulai 1, ditemukan {v}", "isi bilangan bulat 1, 2, 3, ...")
    return int(d)


def urai_bobot(v, persen: bool = False) -> Decimal:
    try:
        d = baca_angka(v, persen=persen)
    except AngkaTidakValid as e:
        raise NilaiTidakValid(f"bobot {e.pesan}", "isi bobot dalam persen, misalnya 30 atau 12,5") from None
    if d <= 0:
        raise NilaiTidakValid(f"bobot harus lebih dari 0, ditemukan {v}", "isi bobot dalam persen, misalnya 30")
    return d


def urai_isi(nilai: dict, fmt: dict | None = None) -> tuple[dict, list[tuple[str, str, str, str]]]:
    """The fields of one row (without nip); problems as (key, pesan, saran, tingkat)."""
    fmt = fmt or {}
    ms: list[tuple[str, str, str, str]] = []
    row: dict = {"nomor": None, "rhk_atasan_nomor": None}

    def coba(key, fungsi, *args):
        try:
            return fungsi(*args)
        except NilaiTidakValid as e:
            ms.append((key, e.pesan[0].upper() + e.pesan[1:], e.saran, GALAT))
            return None

    if nilai.get("nomor") not in (None, ""):
        row["nomor"] = coba("nomor", nomor_positif, nilai.get("nomor"))
    if nilai.get("rhk_atasan") not in (None, ""):
        row["rhk_atasan_nomor"] = coba("rhk_atasan", nomor_positif, nilai.get("rhk_atasan"), "nomor RHK atasan")
    row["jenis"] = coba("jenis", _pilihan, nilai.get("jenis"), JENIS, "utama", "jenis")
    row["aspek"] = coba("aspek", _pilihan, nilai.get("aspek"), ASPEK, "kuantitas", "aspek")
    row["arah"] = coba("arah", _pilihan, nilai.get("arah"), ARAH, "naik", "arah")
    row["target_maksimal"] = coba("target_maksimal", ya_tidak, nilai.get("target_maksimal"))
    for key, nama in (("rhk", "RHK (rencana hasil kerja)"), ("indikator", "Indikator")):
        row[key] = teks(nilai.get(key))
        if not row[key]:
            ms.append((key, f"{nama} kosong", f"isi {nama.split(' (')[0]}", GALAT))
    row["satuan"] = teks(nilai.get("satuan"))
    sel_persen = "%" in (fmt.get("target") or "")
    persen = sel_persen and satuan_persen(row["satuan"])
    if sel_persen and not persen and isinstance(nilai.get("target"), (int, float)):
        ms.append(("target", "Sel target berformat persen tetapi satuannya bukan %; nilainya dibaca apa adanya",
                   "isi satuan % bila target berupa persen, atau ubah format sel menjadi Angka", PERINGATAN))
    t = coba("target", urai_target, nilai.get("target"), persen)
    row["target_lo"], row["target_hi"] = t if t else (None, None)
    row["bobot"] = coba("bobot", urai_bobot, nilai.get("bobot"), "%" in (fmt.get("bobot") or ""))
    return row, ms


@dataclass
class HasilPeriksaSasaran:
    per_pegawai: dict = field(default_factory=dict)  # nip -> list[(BarisSumber, row)], file order
    masalah: list = field(default_factory=list)
    nip_galat: set = field(default_factory=set)  # employees with at least one error
    belum_diisi: int = 0  # pre-filled template rows (only NIP/Nama/Jabatan) left empty


# A row with none of these filled is a template row not filled in yet: skipped, not an error.
_ISI_SKP = ("nomor", "jenis", "rhk", "rhk_atasan", "aspek", "indikator", "target", "satuan", "bobot", "arah",
            "target_maksimal")


def tebak_nip_angka(nilai, roster: dict) -> str | None:
    """The roster NIP a NIP-typed-as-a-number most likely was: the one whose first 15 digits (all a
    float keeps) match. Only a hint for the message and for grouping; the row stays refused."""
    if isinstance(nilai, bool) or not isinstance(nilai, (int, float)):
        return None
    try:
        awal = f"{int(nilai):d}"[:15]
    except (OverflowError, ValueError):
        return None
    if len(awal) < 15:
        return None
    calon = [n for n in roster if n.startswith(awal)]
    return calon[0] if len(calon) == 1 else None


def periksa_sheet(baris: list, roster: dict, atasan_tersimpan: dict[str, set[int]]) -> HasilPeriksaSasaran:
    """All rows, then numbering, bobot sums and the cascade link.

    roster: nip -> Pegawai; atasan_tersimpan: atasan nip -> nomors stored for the period.
    """
    h = HasilPeriksaSasaran()
    for b in baris:
        if all(b.nilai.get(k) in (None, "") for k in _ISI_SKP):
            h.belum_diisi += 1
            continue
        try:
            nip = periksa_nip(b.nilai.get("nip")).nip
        except NIPTidakValid as e:
            tebakan = tebak_nip_angka(b.nilai.get("nip"), roster)
            saran = e.saran + (f" (mungkin NIP {tebakan})" if tebakan else "")
            h.masalah.append(di_sel(b, "nip", e.pesan, saran, kunci=tebakan or ""))
            row, ms = urai_isi(b.nilai, b.format)  # the other cells of the row are still checked
            for key, pesan, saran_sel, tingkat in ms:
                h.masalah.append(di_sel(b, key, pesan, saran_sel, tingkat, tebakan or ""))
            if tebakan:  # keep the row with its employee, so that person's bobot sum stays true
                h.nip_galat.add(tebakan)
                h.per_pegawai.setdefault(tebakan, []).append((b, row))
            continue
        p = roster.get(nip)
        if p is None:
            h.masalah.append(di_sel(b, "nip", f"NIP {nip} tidak ada di daftar pegawai",
                                    "impor dulu daftar pegawai (kinerja pegawai impor) atau periksa NIP-nya", kunci=nip))
            continue
        row, ms = urai_isi(b.nilai, b.format)
        for key, pesan, saran, tingkat in ms:
            h.masalah.append(di_sel(b, key, pesan, saran, tingkat, nip))
            if tingkat == GALAT:
                h.nip_galat.add(nip)
        h.per_pegawai.setdefault(nip, []).append((b, row))
    for nip, daftar in h.per_pegawai.items():
        p = roster[nip]
        if not p.aktif:
            b0 = daftar[0][0]
            h.masalah.append(di_sel(b0, "nip", f"{p.nama} ({nip}) berstatus nonaktif", "periksa apakah SKP ini memang perlu",
                                    PERINGATAN, nip))
        _beri_nomor(h, nip, daftar)
        _periksa_bobot(h, nip, p.nama, daftar)
    for nip, daftar in h.per_pegawai.items():
        _periksa_kaskade(h, nip, daftar, roster, atasan_tersimpan)
    return h


def _beri_nomor(h: HasilPeriksaSasaran, nip: str, daftar: list) -> None:
    eksplisit = {row["nomor"] for _, row in daftar if row["nomor"] is not None}
    dipakai: dict[int, int] = {}
    berikut = 1
    for b, row in daftar:
        if row["nomor"] is None:
            while berikut in eksplisit or berikut in dipakai:
                berikut += 1
            row["nomor"] = berikut
            dipakai[berikut] = b.baris
            continue
        if row["nomor"] in dipakai:
            h.masalah.append(di_sel(b, "nomor", f"Nomor {row['nomor']} ganda untuk NIP {nip}: sudah dipakai di baris "
                                    f"{dipakai[row['nomor']]}", "beri nomor berbeda untuk setiap baris SKP pegawai",
                                    kunci=nip))
            h.nip_galat.add(nip)
        else:
            dipakai[row["nomor"]] = b.baris


def _periksa_bobot(h: HasilPeriksaSasaran, nip: str, nama: str, daftar: list) -> None:
    from .angka import teks_desimal

    jumlah = sum((row["bobot"] for _, row in daftar if row["bobot"] is not None), Decimal(0))
    if abs(jumlah - 100) > TOLERANSI_BOBOT:
        b0 = daftar[0][0]
        h.masalah.append(di_sel(b0, "bobot", f"Jumlah bobot {nama} ({nip}) adalah {teks_desimal(jumlah)}, harus 100",
                                f"sesuaikan bobot {len(daftar)} baris SKP pegawai ini agar berjumlah 100",
                                kunci=nip, nilai=teks_desimal(jumlah)))
        h.nip_galat.add(nip)


def _periksa_kaskade(h: HasilPeriksaSasaran, nip: str, daftar: list, roster: dict, atasan_tersimpan: dict) -> None:
    for b, row in daftar:
        n = row["rhk_atasan_nomor"]
        if n is None:
            continue
        atasan = roster[nip].nip_atasan
        if not atasan:
            h.masalah.append(di_sel(b, "rhk_atasan", f"{roster[nip].nama} ({nip}) tidak punya atasan langsung di daftar "
                                    "pegawai, jadi tidak ada RHK atasan yang bisa diintervensi",
                                    "kosongkan kolom RHK Atasan, atau isi NIP atasan di daftar pegawai", kunci=nip))
            h.nip_galat.add(nip)
            continue
        if atasan in h.per_pegawai:  # the file replaces the atasan's rows
            ada = {r["nomor"] for _, r in h.per_pegawai[atasan]}
            asal = "di berkas ini"
        else:
            ada = atasan_tersimpan.get(atasan, set())
            asal = "yang tersimpan"
        if n not in ada:
            nama_atasan = roster[atasan].nama if atasan in roster else atasan
            isi = (f"berisi nomor {', '.join(str(x) for x in sorted(ada))}" if ada else "belum berisi baris")
            h.masalah.append(di_sel(b, "rhk_atasan", f"RHK atasan nomor {n} tidak ada: SKP {nama_atasan} ({atasan}) "
                                    f"{asal} untuk periode ini {isi}",
                                    "isi nomor baris SKP atasan langsung yang diintervensi, atau impor SKP atasan dulu",
                                    kunci=nip))
            h.nip_galat.add(nip)
