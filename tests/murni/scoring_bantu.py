"""Small builders shared by the scoring tests."""

from decimal import Decimal as D

from kinerja_cli.scoring import ASPEK, BarisSKP, DataPegawai, Penilaian


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
