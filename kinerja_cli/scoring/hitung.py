"""Orchestration: one employee's data -> a fully explained :class:`Hasil`.

NHK, NPK and NA are computed for both schemes; the predikat follows the
period's scheme.  Under ``pp30`` the permenpan6 rating fields stay None (they
carry no meaning there); each row's rating is always filled in.
"""

from __future__ import annotations

from decimal import localcontext

from ..kosakata import (
    ASPEK_BERAKHLAK,
    ASPEK_TIDAK_LENGKAP,
    BOBOT_TIDAK_100,
    DI_ATAS,
    DI_BAWAH,
    METODE,
    NAMA_CATATAN,
    RATING_BELUM_DITETAPKAN,
    REALISASI_KOSONG,
    SESUAI,
    TANPA_PENILAIAN_ATASAN,
    TANPA_PENILAIAN_PERILAKU,
    TANPA_PENILAIAN_REKAN,
    TANPA_SASARAN,
    TARGET_TIDAK_VALID,
)
from .angka import KONTEKS, NOL, SERATUS, TOLERANSI_BOBOT, bulat, teks_ambang
from .capaian import (
    CABANG_REALISASI_KOSONG,
    CABANG_TARGET_TIDAK_VALID,
    capaian,
    konversi,
)
from .parameter import Parameter
from .perilaku import hitung_perilaku
from .predikat import alasan_rating, label_rating, predikat_matriks, predikat_pp30, rating
from .tipe import DataPegawai, Hasil, HasilBaris


def hitung(data: DataPegawai, metode: str, param: Parameter) -> Hasil:
    """Score one employee under ``metode`` ('pp30' | 'permenpan6')."""
    _cek_metode(metode)
    with localcontext(KONTEKS):
        return _hitung(data, metode, param)


def penghitung(metode: str, param: Parameter):
    """A function scoring one DataPegawai at a time (scheme and parameters prepared once)."""
    _cek_metode(metode)
    teks_bobot = _teks_bobot(param)

    def satu(data: DataPegawai) -> Hasil:
        # The context is entered per item so the caller's code runs in its own decimal context.
        with localcontext(KONTEKS):
            return _hitung(data, metode, param, teks_bobot)

    return satu


def hitung_banyak(data_iter, metode: str, param: Parameter):
    """Score many employees lazily (a generator), same scheme and parameters."""
    satu = penghitung(metode, param)
    for data in data_iter:
        yield satu(data)


def bobot_komponen(ada_rekan: bool, ada_bawahan: bool, ada_atasan: bool, param: Parameter):
    """(w_hk, w_pk, alasan) per PP 30/2019 Pasal 41 ayat 2-4 and the period's penilaian 360."""
    return _pilih_bobot(ada_rekan, ada_bawahan, ada_atasan, _teks_bobot(param), param)


def tanpa_rekan_bawahan(metode: str, param: Parameter, peran_dihitung) -> bool:
    """The flag TANPA_PENILAIAN_REKAN: in a pp30 period with penilaian 360 = ya (NA 60/40 for everyone, PP 30/2019
    Pasal 41 ayat 4), an NPK counted from some roles but from neither rekan nor bawahan. One rule for
    `kinerja nilai` and `kinerja status`."""
    peran = set(peran_dihitung)
    return metode == "pp30" and param.penilaian_360 == "ya" and bool(peran) and not peran & {"rekan", "bawahan"}


# The flags that leave a saran without the data it would rest on: before the realisations are in every NHK
# is 0, before the atasan scored the NPK says nothing, and a "Di Bawah Ekspektasi" from those zeros would
# mislead the pejabat penilai. The one rule (issue 17 R4): the result record, the nilai table, the recap,
# the document and the template's Rating sheet all read the saran as this rule leaves it.
TANPA_DASAR_SARAN = {
    "hk": (TANPA_SASARAN, REALISASI_KOSONG, BOBOT_TIDAK_100, TARGET_TIDAK_VALID),
    "pk": (TANPA_PENILAIAN_ATASAN, TANPA_PENILAIAN_PERILAKU, ASPEK_TIDAK_LENGKAP),
}


def kurang_dasar_saran(kunci: str, catatan) -> tuple:
    """The flags (of `catatan`) for which the saran of rating `kunci` ('hk' | 'pk') is left out; () = it has its data."""
    ada = set(catatan)
    return tuple(c for c in TANPA_DASAR_SARAN[kunci] if c in ada)


def _tanpa_saran(kurang: tuple) -> str:
    return "belum ada saran: " + ", ".join(NAMA_CATATAN.get(c, c) for c in kurang)


def _cek_metode(metode: str) -> None:
    if metode not in METODE:
        raise ValueError(f"metode tidak dikenal: {metode!r} (pilih pp30 atau permenpan6)")


def _teks_bobot(param: Parameter) -> dict:
    a = f"{teks_ambang(param.hk_atasan_saja)}% hasil kerja, {teks_ambang(param.pk_atasan_saja)}% perilaku kerja"
    r = f"{teks_ambang(param.hk_dengan_rekan)}% hasil kerja, {teks_ambang(param.pk_dengan_rekan)}% perilaku kerja"
    return {
        "atasan": f"Hanya atasan yang menilai perilaku → {a}",
        "kosong": f"Belum ada penilaian perilaku yang dihitung (diperlakukan seperti hanya atasan) → {a}",
        "rekan": f"Rekan kerja ikut menilai perilaku → {r}",
        "bawahan": f"Bawahan ikut menilai perilaku → {r}",
        "rekan_bawahan": f"Rekan kerja dan bawahan ikut menilai perilaku → {r}",
        "ya": f"Penilaian 360 periode ini: ya (atasan, rekan kerja dan bawahan dihitung) → {r}",
        "tidak": f"Penilaian 360 periode ini: tidak (hanya nilai atasan yang dihitung) → {a}",
    }


def _pilih_bobot(ada_rekan, ada_bawahan, ada_atasan, teks_bobot, param):
    """PP 30/2019 Pasal 41 ayat 2-4: the instansi's choice for the whole period (penilaian 360);
    periods created before that rule keep the per-employee choice by who rated (per-pegawai)."""
    if param.penilaian_360 == "ya":
        return param.hk_dengan_rekan, param.pk_dengan_rekan, teks_bobot["ya"]
    if param.penilaian_360 == "tidak":
        return param.hk_atasan_saja, param.pk_atasan_saja, teks_bobot["tidak"]
    if ada_rekan or ada_bawahan:
        kunci = "rekan_bawahan" if ada_rekan and ada_bawahan else ("rekan" if ada_rekan else "bawahan")
        return param.hk_dengan_rekan, param.pk_dengan_rekan, teks_bobot[kunci]
    kunci = "atasan" if ada_atasan else "kosong"
    return param.hk_atasan_saja, param.pk_atasan_saja, teks_bobot[kunci]


def _hitung(data: DataPegawai, metode: str, param: Parameter, teks_bobot=None) -> Hasil:
    if teks_bobot is None:
        teks_bobot = _teks_bobot(param)
    di_atas = param.ambang_di_atas
    sesuai = param.ambang_sesuai
    bulat_ = bulat if param.bawaan_bulat else param.bulat
    nol = bulat_(NOL)
    negatif = not param.capaian_turun_min_nol  # a C below 0 (arah turun) keeps its negative nilai

    # 1-3: rows, nilai capaian, NHK.
    hasil_baris = []
    jumlah_bobot = NOL
    jumlah_bn = NOL
    ada_kosong = False
    ada_target_salah = False
    utama_di_bawah = []
    for b in data.baris:
        if b.realisasi is None:
            c, t = nol, None
            nilai, cabang = nol, CABANG_REALISASI_KOSONG
            lengkap = False
            ada_kosong = True
        else:
            c, t = capaian(b, param)
            if c is None:
                c = nol
                nilai, cabang = nol, CABANG_TARGET_TIDAK_VALID
                lengkap = False
                ada_target_salah = True
            else:
                nilai, cabang = konversi(c, b.target_maksimal, bulat_, negatif)
                lengkap = True
        # nilai is already rounded: compare directly.
        if nilai >= di_atas:
            r = DI_ATAS
        elif nilai >= sesuai:
            r = SESUAI
        else:
            r = DI_BAWAH
            if b.jenis == "utama":
                utama_di_bawah.append(b.nomor)
        hasil_baris.append(HasilBaris(b.nomor, c, nilai, cabang, t, lengkap, r))
        jumlah_bobot += b.bobot
        jumlah_bn += b.bobot * nilai

    catatan = []
    if not hasil_baris:
        catatan.append(TANPA_SASARAN)
        nhk = nol
    else:
        if abs(jumlah_bobot - SERATUS) > TOLERANSI_BOBOT:
            catatan.append(BOBOT_TIDAK_100)
        nhk = bulat_(jumlah_bn / jumlah_bobot) if jumlah_bobot else nol
    if ada_kosong:
        catatan.append(REALISASI_KOSONG)
    if ada_target_salah:
        catatan.append(TARGET_TIDAK_VALID)

    # 4: NPK.
    perilaku = hitung_perilaku(data.penilaian, param)
    npk = perilaku.npk
    dihitung = perilaku.bobot_peran
    ada_atasan = "atasan" in dihitung
    if not ada_atasan:
        catatan.append(TANPA_PENILAIAN_ATASAN)
    if not dihitung:
        catatan.append(TANPA_PENILAIAN_PERILAKU)
    elif _aspek_tidak_lengkap(data.penilaian, dihitung):
        catatan.append(ASPEK_TIDAK_LENGKAP)
    if tanpa_rekan_bawahan(metode, param, dihitung):
        catatan.append(TANPA_PENILAIAN_REKAN)  # 60/40 with an NPK resting on the atasan alone
    if data.catatan_tambahan:
        catatan.extend(data.catatan_tambahan)

    # 5: NA.
    w_hk, w_pk, alasan_bobot = _pilih_bobot(
        "rekan" in dihitung, "bawahan" in dihitung, ada_atasan, teks_bobot, param
    )
    na = bulat_((w_hk * nhk + w_pk * npk) / SERATUS)

    # 6: predikat.
    if metode == "pp30":
        predikat, aturan = predikat_pp30(na, data.ada_inovasi, param)
        return Hasil(
            data.nip, metode, tuple(hasil_baris), nhk, perilaku, npk, w_hk, w_pk,
            alasan_bobot, na, predikat, aturan,
            None, None, False, None, None, False, None,
            tuple(catatan), not catatan,
        )

    hk_turunan = rating(nhk, param)
    alasan_hk = alasan_rating("NHK", nhk, hk_turunan, param)
    if hk_turunan == DI_ATAS and utama_di_bawah:
        hk_turunan = SESUAI
        nomor = ", ".join(str(n) for n in utama_di_bawah)
        alasan_hk += (
            f", tetapi sasaran utama nomor {nomor} {DI_BAWAH} → {SESUAI}"
        )
    pk_turunan = rating(npk, param)
    alasan_pk = alasan_rating("NPK", npk, pk_turunan, param)
    if kurang := kurang_dasar_saran("hk", catatan):  # no saran from data that is not there
        hk_turunan, alasan_hk = None, _tanpa_saran(kurang)
    if kurang := kurang_dasar_saran("pk", catatan):
        pk_turunan, alasan_pk = None, _tanpa_saran(kurang)
    hk, hk_langsung, alasan_hk = _langsung(data.rating_hk_langsung, hk_turunan, alasan_hk)
    pk, pk_langsung, alasan_pk = _langsung(data.rating_pk_langsung, pk_turunan, alasan_pk)
    ada_data = bool(data.baris or data.penilaian or hk_langsung or pk_langsung)  # else: nobody has started yet
    if ada_data and not (hk_langsung and pk_langsung):  # a saran is a suggestion, never the pejabat penilai's rating
        catatan.append(RATING_BELUM_DITETAPKAN)
    if hk is None or pk is None:  # neither set nor suggested: no cell of the matrix, no predikat yet
        kosong = [n for n, x in (("hasil kerja", hk), ("perilaku", pk)) if x is None]
        predikat, sel = None, None
        aturan = f"Belum ada predikat: rating {' dan '.join(kosong)} belum ditetapkan dan belum ada saran"
    else:
        predikat, sel = predikat_matriks(hk, pk)
        aturan = f"{sel} → {predikat}"
    if hk_langsung or pk_langsung:
        yang = [n for n, ya in (("hasil kerja", hk_langsung), ("perilaku", pk_langsung)) if ya]
        aturan += f" (rating {' dan '.join(yang)} ditetapkan langsung oleh atasan)"
    return Hasil(
        data.nip, metode, tuple(hasil_baris), nhk, perilaku, npk, w_hk, w_pk,
        alasan_bobot, na, predikat, aturan,
        hk, hk_turunan, hk_langsung, pk, pk_turunan, pk_langsung, sel,
        tuple(catatan), not catatan, alasan_hk, alasan_pk,
    )


def _aspek_tidak_lengkap(penilaian, dihitung: dict) -> bool:
    """Does a rater whose role counts in the NPK score some of the 7 aspects but not all (DOMAIN.md 4.4)?"""
    for p in penilaian:
        if dihitung.get(p.peran):
            n = sum(1 for k in ASPEK_BERAKHLAK if p.skor.get(k) is not None)
            if 0 < n < len(ASPEK_BERAKHLAK):
                return True
    return False


_LANGSUNG = "Ditetapkan langsung oleh atasan: {label} (turunan: {alasan})"


def _langsung(kunci, turunan, alasan):
    if kunci is None:
        return turunan, False, alasan
    label = label_rating(kunci)
    return label, True, _LANGSUNG.format(label=label, alasan=alasan)


def alasan_saran(alasan: str, langsung: bool) -> str:
    """The reason of the saran alone, from a Hasil's alasan_rating_* (which, for a set rating, wraps it: _LANGSUNG)."""
    if not langsung:
        return alasan
    awal = _LANGSUNG.split("{alasan}")[0].split("{label}")[1]  # " (turunan: "
    return alasan[alasan.index(awal) + len(awal):-1] if awal in alasan else alasan
