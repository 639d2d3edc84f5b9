"""Small builders shared by the scoring tests."""

from decimal import Decimal as D

from kinerja_cli.scoring import ASPEK, BarisSKP, DataPegawai, Parameter, Penilaian, parameter_bawaan


def param(**ubah):
    """Today's defaults with some settings changed (e.g. penilaian_360="tidak")."""
    return Parameter.dari_dict({**parameter_bawaan(), **ubah})


# Penilaian 360 = tidak: NPK is the atasan's score, NA = 70/30 for everyone (PP 30/2019 Pasal 41 ayat 2).
P_TIDAK_360 = param(penilaian_360="tidak")
# The rule of periods created before issue 14: 70/30 or 60/40 per employee, by who rated.
P_LAMA = param(penilaian_360="per-pegawai", nama_predikat_pp30_cukup="Butuh Perbaikan")


def baris(nomor, target, realisasi, bobot="100", arah="naik", jenis="utama", maks=False, hi=None):
    return BarisSKP(
        nomor=nomor,
        jenis=jenis,
        target_lo=D(target),
        target_hi=None if hi is None else D(hi),
        bobot=D(bobot),
        arah=arah,
        target_maksimal=maks,
        realisasi=None if realisasi is None else D(realisasi),
    )


def semua(nilai):
    """All 7 aspects scored with the same value."""
    return {k: D(nilai) for k in ASPEK}


def nilai_list(*xs):
    """The first len(xs) aspects scored with xs, the rest not scored."""
    return {k: D(x) for k, x in zip(ASPEK, xs)}


def atasan(skor=None, nama="A"):
    return Penilaian(nama, "atasan", skor or semua("100"))


def pegawai(baris_=(), penilaian=(), **kw):
    return DataPegawai("199001012015031001", tuple(baris_), tuple(penilaian), **kw)


def satu_baris(c_target="10", realisasi="10", **kw):
    """One row of bobot 100: NHK = that row's nilai."""
    return (baris(1, c_target, realisasi, **kw),)
