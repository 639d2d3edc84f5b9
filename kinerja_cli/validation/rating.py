"""Checks of the pejabat penilai's ratings (sheet Rating, permenpan6): pure, collecting every problem.

One conversion point for a rating word typed by a person (a sheet cell or a command option):
`baca_rating` accepts the regulation's words and the short keys, in any case and spacing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from ..kolom import RATING_PEJABAT
from ..kosakata import KUNCI_RATING
from ..model import BarisSumber, Pegawai
from .catatan import bersihkan_teks
from .masalah import GALAT, Masalah
from .masalah import di_sel as _di_sel
from .nip import NIPTidakValid, periksa_nip
from .perilaku import baca_penilai_luar, hubungan_luar, ringkas


def di_sel(b: BarisSumber, key: str, *args, **kw) -> Masalah:
    """A problem in a cell of the Rating sheet, its column named by the sheet's heading ('C (Rating Hasil
    Kerja)'), not by the field key ('C (rating hk)')."""
    from dataclasses import replace

    m = _di_sel(b, key, *args, **kw)
    judul = next((k.judul for k in RATING_PEJABAT.kolom if k.key == key), None)
    h = b.huruf.get(key, "")
    return replace(m, kolom=f"{h} ({judul})" if h else judul) if judul else m


# Every accepted spelling, normalised (lower case, no spaces, dashes or underscores) -> stored key.
_KATA = {}
for _kunci, _label in KUNCI_RATING.items():
    for _k in (_kunci, _label, _label.removesuffix(" Ekspektasi")):
        _KATA["".join(_k.lower().replace("-", " ").replace("_", " ").split())] = _kunci
REKOMENDASI_MAKS = 1000  # characters: the evaluation document stays one A4 page
KATA_DITERIMA = ", ".join(KUNCI_RATING.values()) + " (atau singkatnya di-atas, sesuai, di-bawah; huruf besar/kecil bebas)"


class RatingTidakDikenal(ValueError):
    pass


def baca_rating(nilai: object) -> str | None:
    """'Di Atas Ekspektasi' / 'di atas' / 'DI-ATAS' -> 'di-atas'; None for an empty cell; else RatingTidakDikenal."""
    if nilai is None:
        return None
    s = "".join(str(nilai).lower().replace("-", " ").replace("_", " ").split())
    if not s:
        return None
    kunci = _KATA.get(s)
    if kunci is None:
        raise RatingTidakDikenal(str(nilai))
    return kunci


@dataclass(frozen=True)
class RatingPejabat:
    nip: str
    hasil_kerja: str | None  # 'di-atas' | 'sesuai' | 'di-bawah'; None: not given (the stored one stays)
    perilaku: str | None
    alasan_hasil_kerja: str | None  # the reason of hasil_kerja (None exactly when hasil_kerja is None)
    alasan_perilaku: str | None
    oleh: str | None  # NIP of the pejabat penilai (the atasan langsung), or the token of kosakata.PENILAI_LUAR of
    # the one outside the roster (kepala-daerah / atasan-luar, as perilaku.penilai holds it); None: not recorded
    rekomendasi: str | None = None  # CATATAN/REKOMENDASI of the evaluation document (None: not given)


@dataclass
class HasilPeriksaRating:
    data: list = field(default_factory=list)  # [(BarisSumber, RatingPejabat)] without errors
    masalah: list = field(default_factory=list)
    baris_galat: set = field(default_factory=set)
    kosong: int = 0  # rows with no rating, reason or recommendation (a pre-filled row not filled in): skipped


def _teks(v: object) -> str:
    return " ".join(str(v).split()) if v is not None else ""


def _nama(p: Pegawai | None, nip: str) -> str:
    return f"{nip} ({p.nama})" if p else nip


def periksa_rating(baris: Iterable[BarisSumber], pegawai: Mapping[str, Pegawai],
                   penilai_luar: Mapping[str, tuple[str, str]] | None = None) -> HasilPeriksaRating:
    """Every problem of every row: unknown NIP, unknown rating word, no reason, a pejabat penilai who is not
    the employee's atasan langsung, the same NIP on two rows, a recommendation too long. Rows with neither rating,
    reason nor recommendation are skipped; a row with only a recommendation (and the pejabat penilai) is valid.

    `penilai_luar` ({nip: (token, name)}, services.atasan_luar.pejabat_luar): employees without NIP Atasan whose
    pejabat penilai is outside the roster (their atasan outside the roster, or the kepala daerah); for them NIP
    Pejabat Penilai holds his token (kepala-daerah / atasan-luar, as the Perilaku sheet) or stays empty, and the
    token is recorded either way."""
    penilai_luar = penilai_luar or {}
    h = HasilPeriksaRating()
    pertama: dict[str, int] = {}
    for b in baris:
        v = b.nilai
        if not any(_teks(v.get(k)) for k in ("rating_hk", "rating_pk", *_ALASAN, "rekomendasi")):
            h.kosong += 1
            continue
        ms: list[Masalah] = []
        rekomendasi = _rekomendasi(b, ms)
        hanya_rekomendasi = rekomendasi and not any(_teks(v.get(k)) for k in ("rating_hk", "rating_pk", *_ALASAN))
        nip = _nip(b, "nip", "NIP", pegawai, ms)
        kunci = nip or ""
        rating, salah_kata = {}, False
        for key, nama in (("rating_hk", "Rating Hasil Kerja"), ("rating_pk", "Rating Perilaku")):
            try:
                rating[key] = baca_rating(v.get(key))
            except RatingTidakDikenal:
                rating[key], salah_kata = None, True
                ms.append(di_sel(b, key, f"{nama} '{_teks(v.get(key))}' tidak dikenal",
                                 f"isi salah satu: {KATA_DITERIMA}", GALAT, kunci))
        if not salah_kata and not hanya_rekomendasi and rating["rating_hk"] is None and rating["rating_pk"] is None:
            ms.append(di_sel(b, "rating_hk", "Rating Hasil Kerja dan Rating Perilaku kosong",
                             "isi setidaknya salah satu rating, atau hapus baris ini", GALAT, kunci))
        alasan = {} if hanya_rekomendasi else _alasan(b, rating, kunci, ms)
        oleh = _pejabat(b, nip, pegawai, penilai_luar, ms)
        if nip and nip in pertama:
            ms.append(di_sel(b, "nip", f"NIP {nip} sudah ada di baris {pertama[nip]}; satu pegawai hanya satu baris",
                             "hapus salah satu baris: rating yang berlaku tidak bisa ditebak", GALAT, kunci))
        elif nip:
            pertama[nip] = b.baris
        h.masalah += ms
        if any(m.galat for m in ms):
            h.baris_galat.add(b.baris)
            continue
        h.data.append((b, RatingPejabat(nip, rating["rating_hk"], rating["rating_pk"], alasan.get("rating_hk"),
                                        alasan.get("rating_pk"), oleh, rekomendasi)))
    return h


_ALASAN = ("alasan", "alasan_hasil_kerja", "alasan_perilaku")  # the row's reason, and (optional columns) one per rating
_PER_RATING = {"rating_hk": ("alasan_hasil_kerja", "Rating Hasil Kerja", "Alasan Hasil Kerja"),
               "rating_pk": ("alasan_perilaku", "Rating Perilaku", "Alasan Perilaku")}


def _alasan(b: BarisSumber, rating: dict, kunci: str, ms: list) -> dict:
    """{rating key: its reason} for each rating given: its own Alasan column when filled, else the row's Alasan.
    Problems: a rating without any reason; a reason for a rating left empty; an Alasan no rating uses (both
    ratings have their own, different reasons: which one it belongs to cannot be guessed)."""
    v = b.nilai
    umum = _teks(v.get("alasan"))
    hasil, terpakai = {}, False
    for key, (kolom, nama, judul) in _PER_RATING.items():
        sendiri = _teks(v.get(kolom))
        if rating.get(key) is None:
            if sendiri and not _teks(v.get(key)):  # a wrong rating word is reported already
                ms.append(di_sel(b, kolom, f"{judul} diisi tetapi {nama} kosong",
                                 f"isi {nama} (rating yang sama bila hanya alasannya yang berubah), atau kosongkan "
                                 f"{judul}", GALAT, kunci))
            continue
        hasil[key] = sendiri or umum
        terpakai = terpakai or not sendiri or sendiri == umum
    if hasil and not any(hasil.values()):
        kolom = ["Alasan"] + [_PER_RATING[k][2] for k in hasil]  # every column that would do
        tempat = ", ".join(kolom[:-1]) + " atau " + kolom[-1]
        ms.append(di_sel(b, "alasan", "Alasan kosong", f"tulis alasan penetapan rating di {tempat} (dicatat di log "
                         "audit)", GALAT, kunci))
    elif hasil and not all(hasil.values()):  # one rating has its own reason, the other none
        kosong = [_PER_RATING[k] for k, a in hasil.items() if not a][0]
        ms.append(di_sel(b, "alasan", f"Alasan kosong untuk {kosong[1]}",
                         f"tulis alasannya di {kosong[2]} atau di Alasan (dicatat di log audit)", GALAT, kunci))
    elif hasil and umum and not terpakai:
        ms.append(di_sel(b, "alasan", "Alasan tidak dipakai: setiap rating di baris ini punya alasannya sendiri "
                                      "(Alasan Hasil Kerja, Alasan Perilaku) yang berbeda",
                         "kosongkan Alasan, atau kosongkan alasan per rating yang seharusnya memakai Alasan", GALAT,
                         kunci))
    return hasil


def _rekomendasi(b: BarisSumber, ms: list) -> str | None:
    """The Rekomendasi cell cleaned (line breaks kept), or None; too long: a problem."""
    isi = bersihkan_teks(b.nilai.get("rekomendasi"))
    if isi and len(isi) > REKOMENDASI_MAKS:
        ms.append(di_sel(b, "rekomendasi", f"Rekomendasi terlalu panjang ({len(isi)} karakter; paling banyak "
                         f"{REKOMENDASI_MAKS})", "ringkas rekomendasinya: dokumen evaluasi harus muat satu halaman A4"))
    return isi


def _nip(b: BarisSumber, key: str, judul: str, pegawai: Mapping[str, Pegawai], ms: list) -> str | None:
    if not _teks(b.nilai.get(key)):
        ms.append(di_sel(b, key, f"{judul} kosong", "isi NIP 18 digit sebagai teks"))
        return None
    try:
        n = periksa_nip(b.nilai.get(key)).nip
    except NIPTidakValid as e:
        ms.append(di_sel(b, key, f"{judul}: {e.pesan}", e.saran))
        return None
    if n not in pegawai:
        ms.append(di_sel(b, key, f"{judul} {n} tidak ada di daftar pegawai", "impor pegawai dulu, atau periksa NIP",
                         kunci=n))
        return None
    return n


def _pejabat(b: BarisSumber, nip: str | None, pegawai: Mapping[str, Pegawai], penilai_luar: Mapping[str, str],
             ms: list) -> str | None:
    """The pejabat penilai's NIP when it is the employee's atasan langsung in the roster (else a problem); for an
    employee whose pejabat penilai is outside the roster, his token (the cell empty or holding that token)."""
    p = pegawai.get(nip) if nip else None
    atasan = p.nip_atasan if p else None
    pejabat = penilai_luar.get(nip) if p and not atasan else None  # (token, name)
    luar = pejabat[1] if pejabat else None
    kata = baca_penilai_luar(b.nilai.get("oleh"))
    if kata:  # kepala-daerah / atasan-luar: the rule of the Perilaku sheet (validation.perilaku.hubungan_luar)
        if p is None:
            return None
        masalah = hubungan_luar(nip, kata, None, ringkas(p), pejabat)
        for _, _, pesan, saran in masalah:
            ms.append(di_sel(b, "oleh", pesan.replace("NIP penilai", "NIP Pejabat Penilai"),
                             saran.replace("NIP penilai", "NIP Pejabat Penilai"), kunci=nip))
        return None if masalah else kata
    tercatat = (f"atasan tercatat {_nama(pegawai.get(atasan), atasan)}" if atasan else
                f"pejabat penilainya di luar daftar pegawai: {luar}" if luar else "tidak ada atasan tercatat")
    if not _teks(b.nilai.get("oleh")):
        if pejabat:
            return pejabat[0]
        saran = (f"isi NIP atasan langsung pegawai ini: {atasan}" if atasan else
                 "isi NIP atasan langsung pegawai ini setelah NIP pegawai di kolom NIP diperbaiki (atau atasan-luar / "
                 "kepala-daerah bila pejabat penilainya di luar daftar pegawai)" if p is None else
                 "pegawai ini tidak punya atasan langsung di daftar pegawai: lengkapi kolom NIP Atasan di daftar pegawai, "
                 f'atau catat atasannya di luar daftar (kinerja pegawai atasan-luar {nip} --nama "..." --jabatan "...") '
                 "atau kepala daerah di profil instansi (kinerja instansi --kepala-nama ...), lalu isi sel ini "
                 "atasan-luar atau kepala-daerah")
        ms.append(di_sel(b, "oleh", "NIP Pejabat Penilai kosong", saran, kunci=nip or ""))
        return None
    oleh = _nip(b, "oleh", "NIP Pejabat Penilai", pegawai, ms)
    if oleh is None or p is None:
        return None
    if oleh != atasan:
        ms.append(di_sel(b, "oleh", f"Pejabat penilai {_nama(pegawai.get(oleh), oleh)} bukan atasan langsung "
                                    f"{_nama(p, nip)} di daftar pegawai ({tercatat})",
                         (f"pejabat penilai di luar daftar pegawai: isi NIP Pejabat Penilai {pejabat[0]}" if pejabat else
                          "rating ditetapkan oleh atasan langsung: perbaiki NIP Pejabat Penilai, atau perbarui kolom "
                          "NIP Atasan di daftar pegawai lalu impor ulang"), kunci=nip))
        return None
    return oleh
