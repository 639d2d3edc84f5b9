"""Checks of behaviour scores (BerAKHLAK, DOMAIN.md section 6): scores, roles, who may rate whom.

Pure: the roster comes in as a mapping NIP -> Pegawai; problems are collected, never raised
one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Mapping

from ..kolom import normalisasi_judul
from ..kosakata import ASPEK_BERAKHLAK, NAMA_ASPEK, PENILAI_LUAR, PERAN
from ..model import BarisSumber, Pegawai
from .angka import AngkaTidakValid, baca_angka, teks_desimal
from .masalah import GALAT, PERINGATAN, Masalah
from .nip import NIPTidakValid, periksa_nip

SKOR_MIN, SKOR_MAKS = Decimal(0), Decimal(120)
_ALIAS_PERAN = {
    "atasan": "atasan", "atasanlangsung": "atasan", "pejabatpenilai": "atasan",
    "rekan": "rekan", "rekankerja": "rekan", "sejawat": "rekan", "teman": "rekan",
    "bawahan": "bawahan", "bawahanlangsung": "bawahan",
    "diri": "diri", "dirisendiri": "diri", "sendiri": "diri",
}
_ALIAS_ASPEK = {normalisasi_judul(a): a for a in ASPEK_BERAKHLAK}
_ALIAS_ASPEK.update({normalisasi_judul(NAMA_ASPEK[a]): a for a in ASPEK_BERAKHLAK})


class SkorTidakValid(ValueError):
    def __init__(self, pesan: str, saran: str = ""):
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran


@dataclass(frozen=True)
class Penilaian:
    """One rater's scores of one employee (aspect -> Decimal, or None when not scored)."""

    nip: str
    penilai: str
    peran: str
    skor: dict

    def skor_teks(self) -> dict:
        return {a: teks_desimal(self.skor.get(a)) for a in ASPEK_BERAKHLAK}


def rata_rata(skor: Mapping[str, Decimal | None]) -> Decimal | None:
    """The rater's score: mean of the aspects it scored, rounded to 2 decimals (half up)."""
    ada = [v for v in skor.values() if v is not None]
    if not ada:
        return None
    return (sum(ada, Decimal(0)) / len(ada)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def baca_skor(nilai: object) -> Decimal | None:
    """A score cell or argument: None when empty, else a Decimal in 0..120."""
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    try:
        d = baca_angka(nilai)
    except AngkaTidakValid as e:
        raise SkorTidakValid(f"Skor {e.pesan}", e.saran_atau("isi angka 0 sampai 120, misalnya 100 atau 95,5")) from None
    if d < SKOR_MIN or d > SKOR_MAKS:
        raise SkorTidakValid(f"Skor {teks_desimal(d)} di luar rentang 0-120", "isi angka 0 sampai 120")
    return d


def aspek_kosong(skor) -> list[str]:
    """The Indonesian names of the aspects a rater left out (skor: aspect -> value, or 7 values in ASPEK order)."""
    nilai = [skor.get(a) for a in ASPEK_BERAKHLAK] if isinstance(skor, Mapping) else list(skor)
    return [NAMA_ASPEK[a] for a, v in zip(ASPEK_BERAKHLAK, nilai) if v is None]


def pesan_aspek_kurang(penilai: str, pegawai: str, kosong: list[str]) -> tuple[str, str]:
    """(pesan, saran) for a rater who scored fewer than the 7 aspects (issue 12 section 4)."""
    n = len(ASPEK_BERAKHLAK)
    return (f"Penilai {penilai} menilai {pegawai} hanya pada {n - len(kosong)} dari {n} aspek BerAKHLAK; "
            f"belum dinilai: {', '.join(kosong)}. NPK dihitung dari aspek yang dinilai saja",
            "lengkapi skor ketujuh aspek; sampai dilengkapi, hasil nilai ditandai 'aspek perilaku tidak lengkap'")


def baca_peran(nilai: object) -> str | None:
    return _ALIAS_PERAN.get(normalisasi_judul(nilai))


def kunci_aspek(teks: str) -> str | None:
    """'pelayanan' or 'Berorientasi Pelayanan' -> 'pelayanan'."""
    return _ALIAS_ASPEK.get(normalisasi_judul(teks))


def ringkas(p: Pegawai, urut: int = 0) -> tuple:
    """What the relation checks need of an employee: (index, nip_atasan, unit, unit casefolded)."""
    return (urut, p.nip_atasan, p.unit, p.unit.casefold())


def periksa_hubungan(nip: str, penilai: str, peran: str,
                     pegawai: Mapping[str, Pegawai]) -> list[tuple[str, str, str, str]]:
    """Who may rate whom. Returns (tingkat, field, pesan, saran) items."""
    p, q = pegawai.get(nip), pegawai.get(penilai)
    return hubungan(nip, penilai, peran, p and ringkas(p), q and ringkas(q))


def tidak_terdaftar(nip: str | None, penilai: str | None, p: tuple | None, q: tuple | None,
                    peran: str | None = None) -> list:
    """The employee and/or the rater missing from the roster (None NIPs are not judged here)."""
    hasil: list[tuple[str, str, str, str]] = []
    if nip and p is None:
        hasil.append((GALAT, "nip", f"Pegawai {nip} tidak ada di daftar pegawai",
                      "impor/tambahkan pegawai dulu, atau periksa NIP"))
    if penilai and q is None:
        saran = "impor/tambahkan penilai dulu, atau periksa NIP penilai"
        if peran in (None, "atasan") and nip and (p is None or not p[1]):
            saran += (f"; bila penilainya atasan di luar daftar pegawai (misalnya Sekda), catat dia: kinerja pegawai "
                      f'atasan-luar {nip} --nama "..." --jabatan "..." lalu isi NIP penilai {PENILAI_LUAR[0]} '
                      f"(atau {PENILAI_LUAR[1]} untuk kepala daerah di profil instansi)")
        hasil.append((GALAT, "penilai", f"Penilai {penilai} tidak ada di daftar pegawai", saran))
    return hasil


def baca_penilai_luar(nilai: object) -> str | None:
    """'atasan-luar', 'Atasan Luar', 'KEPALA_DAERAH' -> the keyword of kosakata.PENILAI_LUAR; None otherwise."""
    if not isinstance(nilai, str):
        return None
    kata = "-".join(nilai.replace("_", " ").replace("-", " ").casefold().split())
    return kata if kata in PENILAI_LUAR else None


def hubungan_luar(nip: str, kata: str, peran: str | None, p: tuple | None,
                  luar: tuple[str, str] | None) -> list[tuple[str, str, str, str]]:
    """May the pejabat penilai outside the roster (`kata` of kosakata.PENILAI_LUAR) rate `nip`? `p`: the
    employee as `ringkas` gives it (None: not on the roster); `luar`: (kata, name) of his pejabat penilai
    outside the roster (services.atasan_luar.pejabat_luar, the one rule), None when none is recorded."""
    if p is None:
        return tidak_terdaftar(nip, None, p, None)
    if p[1]:
        return [(GALAT, "penilai", f"Pegawai {nip} punya atasan langsung di daftar pegawai ({p[1]}); penilai "
                 f"'{kata}' hanya untuk pegawai tanpa NIP Atasan", f"isi NIP penilai {p[1]} untuk atasannya")]
    if luar is None:
        return [(GALAT, "penilai", f"Pegawai {nip} belum punya atasan di luar daftar pegawai maupun kepala daerah "
                 "di profil instansi, jadi penilai '" + kata + "' tidak dikenal",
                 f'catat dulu: kinerja pegawai atasan-luar {nip} --nama "..." --jabatan "..." (atau kepala daerah: '
                 'kinerja instansi --kepala-nama "...")')]
    if luar[0] != kata:
        return [(GALAT, "penilai", f"Pejabat penilai {nip} di luar daftar pegawai adalah {luar[1]}, bukan "
                 f"{kata}", f"isi NIP penilai {luar[0]}")]
    if peran is not None and peran != "atasan":
        return [(GALAT, "peran", f"Penilai di luar daftar pegawai ({luar[1]}) hanya menilai sebagai atasan, "
                 f"bukan {peran}", "isi peran atasan")]
    return []


def hubungan(nip: str, penilai: str, peran: str, p: tuple | None, q: tuple | None) -> list[tuple[str, str, str, str]]:
    """periksa_hubungan on the roster entries of `ringkas` (None: not on the roster)."""
    hasil = tidak_terdaftar(nip, penilai, p, q, peran)
    if peran == "diri":
        if penilai != nip:
            hasil.append((GALAT, "peran", "Peran 'diri' hanya untuk penilaian diri sendiri (NIP penilai = NIP pegawai)",
                          "isi peran atasan, rekan atau bawahan, atau samakan NIP penilai"))
        return hasil
    if penilai == nip:
        hasil.append((GALAT, "penilai", f"Pegawai tidak boleh menilai dirinya sendiri sebagai {peran}",
                      "pakai peran 'diri' untuk penilaian diri sendiri"))
        return hasil
    if p is None or q is None:
        return hasil
    if peran == "atasan" and p[1] != penilai:
        tercatat = f"atasan tercatat {p[1]}" if p[1] else "tidak ada atasan tercatat"
        hasil.append((PERINGATAN, "penilai", f"Penilai {penilai} bukan atasan langsung {nip} di daftar pegawai ({tercatat})",
                      "wajar bila pelaksana tugas (Plt) atasan; bila bukan, periksa NIP penilai atau perbarui daftar pegawai"))
    elif peran == "bawahan" and q[1] != nip:
        hasil.append((GALAT, "peran", f"Penilai {penilai} bukan bawahan langsung {nip} di daftar pegawai",
                      "pakai peran rekan, atau periksa NIP atasan penilai di daftar pegawai"))
    elif peran == "rekan" and p[3] != q[3]:
        hasil.append((PERINGATAN, "penilai", f"Rekan penilai {penilai} berada di unit lain ({q[2]}, pegawai di {p[2]})",
                      "periksa NIP penilai bila ini tidak disengaja"))
    if peran == "rekan" and p[1] == penilai:  # both readings named: the file's role is kept, never guessed
        hasil.append((PERINGATAN, "peran", f"NIP Penilai {penilai} adalah atasan langsung pegawai {nip} menurut data "
                      "pegawai, tetapi Peran ditulis rekan: disimpan sebagai penilaian rekan, tidak dihitung sebagai "
                      "penilaian atasan", "tulis Peran atasan bila ini penilaian atasan langsung; bila memang "
                      "rekan, perbarui NIP Atasan di daftar pegawai"))
    return hasil


def _kolom(b: BarisSumber, key: str) -> str:
    h = b.huruf.get(key)
    nama = {"nip": "NIP", "penilai": "NIP penilai"}.get(key, key)
    return f"{h} ({nama})" if h else nama


def _m(b: BarisSumber, key: str, pesan: str, saran: str = "", tingkat: str = GALAT, kunci: str = "") -> Masalah:
    return Masalah(pesan, saran, b.nilai.get(key), b.sheet, b.baris, _kolom(b, key), tingkat, kunci)


BATAS_CACHE = 100_000  # distinct cell values remembered per cache (bounded memory on odd files)


@dataclass
class PemeriksaPerilaku:
    """Checks a behaviour sheet one row at a time, keeping compact state only.

    roster: nip -> `ringkas(p, index)` with a distinct index per employee. `periksa(b)` returns
    (nip, penilai, peran, 7 score texts) for a row without errors, else None (its problems go to
    `masalah`). A (nip, penilai) pair found again refuses both rows: the first one may already
    have been returned, so the caller drops the rows in `ganda_pertama` at the end.
    """

    roster: dict
    luar: Mapping = field(default_factory=dict)  # nip -> (kata, name): services.atasan_luar.pejabat_luar
    masalah: list = field(default_factory=list)
    baris_galat: set = field(default_factory=set)  # Excel rows with an error
    ganda_pertama: set = field(default_factory=set)  # rows returned as good, refused later as duplicates
    belum_diisi: int = 0  # rows with no score at all (e.g. pre-filled template rows): skipped

    def __post_init__(self):
        self._nip: dict = {}  # cell text -> valid NIP
        self._peran: dict = {}  # cell text -> role or None
        self._skor: dict = {}  # (type, cell value) -> decimal text of a valid score
        self._pertama: dict = {}  # index pair of (nip, penilai) -> Excel row of its first rating
        self._n = len(self.roster) + 1

    def _cari_nip(self, b, key: str, label: str, ms: list) -> str | None:
        sel = b.nilai.get(key)
        nip = self._nip.get(sel) if type(sel) is str else None
        if nip is None:
            try:
                nip = periksa_nip(sel).nip
            except NIPTidakValid as e:
                ms.append(_m(b, key, f"{label}: {e.pesan}", e.saran))
                return None
            if type(sel) is str and len(self._nip) < BATAS_CACHE:
                self._nip[sel] = nip
        return nip

    def _skor_teks(self, v) -> str | None:
        """teks_desimal(baca_skor(v)) of a value not in the cache; raises SkorTidakValid."""
        t = teks_desimal(baca_skor(v))
        if t is not None and len(self._skor) < BATAS_CACHE:
            self._skor[(type(v), v)] = t
        return t

    def periksa(self, b: BarisSumber) -> tuple | None:
        v = b.nilai
        sel = [v.get(a) for a in ASPEK_BERAKHLAK]
        for x in sel:
            if x is not None and x != "":
                break
        else:
            self.belum_diisi += 1  # nobody scored this row yet: not an error, nothing to store
            return None
        ms: list[Masalah] = []
        nip = self._cari_nip(b, "nip", "NIP", ms)
        penilai = baca_penilai_luar(v.get("penilai")) or self._cari_nip(b, "penilai", "NIP penilai", ms)
        isi = v.get("peran")
        if type(isi) is str:
            peran = self._peran.get(isi, ...)
            if peran is ...:
                peran = baca_peran(isi)
                if len(self._peran) < BATAS_CACHE:
                    self._peran[isi] = peran
        else:
            peran = baca_peran(isi)
        if peran is None:
            ms.append(_m(b, "peran", "Peran kosong" if isi is None else f"Peran '{isi}' tidak dikenal",
                         "isi salah satu: " + ", ".join(PERAN), kunci=nip or ""))
        cache = self._skor
        skor = [None if x is None else cache.get((type(x), x)) for x in sel]
        if None in skor:  # empty cells, or values not seen yet
            aspek_salah = False
            for i, (a, x) in enumerate(zip(ASPEK_BERAKHLAK, sel)):
                if skor[i] is None and x is not None:
                    try:
                        skor[i] = self._skor_teks(x)
                    except SkorTidakValid as e:
                        ms.append(Masalah(f"{NAMA_ASPEK[a]}: {e.pesan}", e.saran, x, b.sheet, b.baris,
                                          f"{b.huruf.get(a, '')} ({a})".strip(), GALAT, nip or ""))
                        aspek_salah = True
            if not aspek_salah and all(x is None for x in skor):
                ms.append(Masalah("Tidak ada skor aspek yang diisi",
                                  "isi skor 0-120 untuk paling sedikit satu aspek BerAKHLAK",
                                  None, b.sheet, b.baris, "aspek", GALAT, nip or ""))
        p = q = None
        if penilai in PENILAI_LUAR:  # the pejabat penilai outside the roster: one index after the roster's
            p, q = nip and self.roster.get(nip), (self._n - 1,)
            if nip:
                for tingkat, key, pesan, saran in hubungan_luar(nip, penilai, peran, p, self.luar.get(nip)):
                    ms.append(_m(b, key, pesan, saran, tingkat, nip))
        elif nip and penilai and peran:
            p, q = self.roster.get(nip), self.roster.get(penilai)
            for tingkat, key, pesan, saran in hubungan(nip, penilai, peran, p, q):
                ms.append(_m(b, key, pesan, saran, tingkat, nip))
        else:  # the relation needs all three; who is missing from the roster is still told now
            for tingkat, key, pesan, saran in tidak_terdaftar(nip, penilai, nip and self.roster.get(nip),
                                                                 penilai and self.roster.get(penilai)):
                ms.append(_m(b, key, pesan, saran, tingkat, nip or ""))
        if ms:
            self.masalah += ms
            if any(m.galat for m in ms):
                self.baris_galat.add(b.baris)
                return None
        k = p[0] * self._n + q[0]
        pertama = self._pertama.get(k)
        if pertama is not None:
            self.masalah.append(_m(b, "penilai", f"Penilai {penilai} untuk pegawai {nip} ganda: sudah ada di baris "
                                   f"{pertama}", "satu penilai menilai satu pegawai sekali per periode; hapus salah satu baris",
                                   kunci=nip))
            self.baris_galat.add(b.baris)
            self.baris_galat.add(pertama)
            self.ganda_pertama.add(pertama)
            return None
        self._pertama[k] = b.baris
        if peran != "diri" and None in skor:
            pesan, saran = pesan_aspek_kurang(penilai, nip, aspek_kosong(skor))
            self.masalah.append(Masalah(pesan, saran, None, b.sheet, b.baris, "aspek", PERINGATAN, nip))
        return nip, penilai, peran, skor
