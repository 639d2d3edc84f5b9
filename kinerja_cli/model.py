"""Plain data passed between the layers (no I/O here)."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields

from .kosakata import REALISASI_KOSONG, pejabat_tampil
from .scoring.parameter import Parameter
from .scoring.tipe import Hasil


@dataclass(frozen=True, slots=True)
class BarisSumber:
    """One data row read from a sheet, with its origin for error messages (slots: 72 bytes a row, not 168)."""

    sheet: str
    baris: int  # 1-based Excel row number
    nilai: dict  # field key -> cell value
    format: dict = field(default_factory=dict)  # field key -> Excel number format, percent formats only
    huruf: dict = field(default_factory=dict)  # field key -> column letter


@dataclass(frozen=True)
class Pegawai:
    nip: str
    nama: str
    jabatan: str | None
    jenis_jabatan: str | None
    golongan: str | None
    unit: str
    nip_atasan: str | None
    status: str  # PNS | CPNS | PPPK | PPPK Paruh Waktu (kosakata.STATUS_PEGAWAI)
    aktif: bool = True
    sub_unit: str | None = None  # the lowest unor (SIASN) or a roster's Sub Unit column
    gelar_depan: str | None = None  # the parts of `nama` when the source gave them apart (SIASN)
    gelar_belakang: str | None = None
    kedudukan: str | None = None  # a kedudukan worth marking: Tugas Belajar, CLTN, Pemberhentian ...
    unor_id: str | None = None  # SIASN's UNOR ID (the hierarchy suggests atasan from it)

    def ke_dict(self) -> dict:
        return {
            "nip": self.nip, "nama": self.nama, "jabatan": self.jabatan, "jenis_jabatan": self.jenis_jabatan,
            "golongan": self.golongan, "unit": self.unit, "nip_atasan": self.nip_atasan, "status": self.status,
            "aktif": self.aktif, "sub_unit": self.sub_unit, "gelar_depan": self.gelar_depan,
            "gelar_belakang": self.gelar_belakang, "kedudukan": self.kedudukan, "unor_id": self.unor_id,
        }


KOLOM_PERIODE = ("kode", "jenis", "mulai", "selesai", "metode", "parameter", "status", "dibuat", "ditutup_pada",
                 "persetujuan_skp")


@dataclass(frozen=True, slots=True)
class Periode:
    """A period as its row is stored (built in ONE place: store.periode); dates are ISO texts.

    `parameter` is the stored JSON as read (every rule parameter, frozen at creation; never mutate it);
    `param` parses it into the scoring Parameter (ValueError when a stored value is unreadable).
    """

    kode: str
    jenis: str  # tahunan | triwulan | bulanan
    mulai: str
    selesai: str
    metode: str  # pp30 | permenpan6
    parameter: dict
    status: str  # terbuka | ditutup
    dibuat: str
    ditutup_pada: str | None = None
    persetujuan_skp: bool = False  # the SKP agreement workflow is on

    @property
    def ditutup(self) -> bool:
        return self.status == "ditutup"

    @property
    def param(self) -> Parameter:
        return Parameter.dari_dict(self.parameter)

    @property
    def tahun(self) -> int:
        return int(self.mulai[:4])

    def ke_dict(self) -> dict:
        """The stored row as a dict (columns in table order, parameter as the stored JSON's dict)."""
        return {k: getattr(self, k) for k in KOLOM_PERIODE}


@dataclass
class HasilImpor:
    """What an import did (or would do, with --dry-run)."""

    ditambah: int = 0
    diubah: int = 0
    tetap: int = 0
    dinonaktifkan: int = 0
    dilewati: list = field(default_factory=list)  # Masalah of skipped rows
    peringatan: list = field(default_factory=list)
    uji_coba: bool = False
    keterangan: dict = field(default_factory=dict)

    # Lines for the officer beside the summary, built by the importer (never by a command), so that
    # `kinerja impor` prints for each workbook what the single import command prints.
    def info(self, teks: str) -> None:
        self.keterangan.setdefault("info", []).append(teks)

    def awas(self, teks: str) -> None:
        """A warning line (printed as 'Peringatan: ...')."""
        self.keterangan.setdefault("awas", []).append(teks)


# -- the result record of one employee in one period ---------------------------------------------
#
# Built by THE one function services.nilai.rekaman_pegawai (live) or read back from a closed period's
# snapshot (Rekaman.dari_dict); `ke_dict` gives the dict the snapshot stores and `nilai --format json
# --rinci` prints (key order included), so snapshots written by older versions read back unchanged.

KOLOM_IDENTITAS = ("nip", "nama", "unit", "jabatan", "golongan", "status", "nip_atasan", "jenis_jabatan", "aktif",
                   "sub_unit")
_IDENTITAS_SELALU = KOLOM_IDENTITAS[:-2]  # written always; `aktif` and `sub_unit` only when they say something


@dataclass(frozen=True, slots=True)
class IdentitasPegawai:
    """The employee as the roster held them when the result was computed (frozen with the snapshot)."""

    nip: str
    nama: str
    unit: str
    jabatan: str | None = None
    golongan: str | None = None
    status: str | None = None
    nip_atasan: str | None = None
    jenis_jabatan: str | None = None
    aktif: bool = True  # False: deactivated (pensiun, mutasi) but with data in the period
    sub_unit: str | None = None  # the lowest unor (SIASN) under the unit, e.g. "UPT Puskesmas X"

    def ke_dict(self) -> dict:
        """`aktif` is written only when False and `sub_unit` only when set: an active employee's dict
        without a sub-unit (and every snapshot stored before the keys existed) stays byte for byte what it was."""
        d = {k: getattr(self, k) for k in _IDENTITAS_SELALU}
        if not self.aktif:
            d["aktif"] = False
        if self.sub_unit:
            d["sub_unit"] = self.sub_unit
        return d

    @classmethod
    def dari_dict(cls, d: dict) -> "IdentitasPegawai":
        return cls(*map(d.get, _IDENTITAS_SELALU), d.get("aktif") is not False, d.get("sub_unit") or None)


@dataclass(frozen=True, slots=True)
class BarisMasukan:
    """One SKP row with its realisation, as scored (numbers are the stored texts, e.g. "4.8")."""

    nomor: int
    jenis: str
    rhk: str | None
    rhk_atasan_nomor: int | None
    aspek: str | None
    indikator: str | None
    target_lo: str
    target_hi: str | None
    satuan: str | None
    bobot: str
    arah: str
    target_maksimal: bool
    realisasi: str | None  # None: not recorded
    bukti: str | None
    perspektif: str | None = None  # key of kosakata.NAMA_PERSPEKTIF (SKP of a JPT); None: none

    def ke_dict(self) -> dict:
        """Fields added later (those with a default) are written only when set: a record without them
        (and every snapshot stored before they existed) stays byte for byte what it was."""
        return {k: v for k in KOLOM_BARIS_MASUKAN if (v := getattr(self, k)) is not None or k in _BARIS_SELALU}

    @classmethod
    def dari_dict(cls, d: dict) -> "BarisMasukan":
        return cls(*map(d.get, KOLOM_BARIS_MASUKAN))


# The fields of BarisMasukan, in order: the record's one list (a new field is one line in the class above).
KOLOM_BARIS_MASUKAN = tuple(f.name for f in fields(BarisMasukan))
_BARIS_SELALU = frozenset(f.name for f in fields(BarisMasukan) if f.default is MISSING)


@dataclass(frozen=True, slots=True)
class PenilaianMasukan:
    """One rater's behaviour scores (aspek -> stored text | None), with the rater's name when known."""

    penilai: str
    nama_penilai: str | None
    peran: str  # atasan | rekan | bawahan | diri
    skor: dict

    def ke_dict(self) -> dict:
        return {"penilai": self.penilai, "nama_penilai": self.nama_penilai, "peran": self.peran, "skor": self.skor}

    @classmethod
    def dari_dict(cls, d: dict) -> "PenilaianMasukan":
        return cls(d["penilai"], d.get("nama_penilai"), d["peran"], d["skor"])


@dataclass(frozen=True, slots=True)
class Masukan:
    """What was scored: the SKP rows (by nomor) and the raters (by role: atasan, rekan, bawahan, diri)."""

    baris: tuple  # tuple[BarisMasukan, ...]
    penilaian: tuple  # tuple[PenilaianMasukan, ...]

    def ke_dict(self) -> dict:
        return {"baris": [b.ke_dict() for b in self.baris], "penilaian": [p.ke_dict() for p in self.penilaian]}

    @classmethod
    def dari_dict(cls, d: dict) -> "Masukan":
        return cls(tuple(BarisMasukan.dari_dict(b) for b in d.get("baris") or ()),
                   tuple(PenilaianMasukan.dari_dict(p) for p in d.get("penilaian") or ()))


@dataclass(frozen=True, slots=True)
class RatingLangsung:
    """Ratings the pejabat penilai set directly (permenpan6): di-atas | sesuai | di-bawah | None, each with
    its own reason (None when that rating is not set)."""

    hasil_kerja: str | None
    perilaku: str | None
    alasan_hasil_kerja: str | None = None
    alasan_perilaku: str | None = None
    # the pejabat penilai of each rating (NIP and name as when read; None: not recorded, e.g. a snapshot
    # closed before migration 0014; a pejabat penilai outside the roster holds his token of kosakata.PENILAI_LUAR)
    oleh_hasil_kerja: str | None = None
    oleh_perilaku: str | None = None
    nama_oleh_hasil_kerja: str | None = None
    nama_oleh_perilaku: str | None = None

    @property
    def alasan(self) -> str | None:
        """Both reasons in one text (the `alasan` key scripts read before the reasons were split)."""
        return gabung_alasan(self.alasan_hasil_kerja, self.alasan_perilaku)

    def pejabat(self, kolom: str) -> str | None:
        """'Nama (NIP)' of the pejabat penilai who set the rating `kolom` (hasil_kerja | perilaku), the NIP
        alone when the name is not known, 'Nama — kepala daerah' for one outside the roster, None when not
        recorded (kosakata.pejabat_tampil)."""
        return pejabat_tampil(getattr(self, "oleh_" + kolom), getattr(self, "nama_oleh_" + kolom))

    def ke_dict(self) -> dict:
        d = {"hasil_kerja": self.hasil_kerja, "perilaku": self.perilaku,
             "alasan_hasil_kerja": self.alasan_hasil_kerja, "alasan_perilaku": self.alasan_perilaku,
             "alasan": self.alasan}
        oleh = {"oleh_hasil_kerja": self.oleh_hasil_kerja, "oleh_perilaku": self.oleh_perilaku,
                "nama_oleh_hasil_kerja": self.nama_oleh_hasil_kerja, "nama_oleh_perilaku": self.nama_oleh_perilaku}
        return {**d, **oleh} if any(oleh.values()) else d  # none recorded: the shape older snapshots have

    @classmethod
    def dari_dict(cls, d: dict) -> "RatingLangsung":
        """From a stored row or snapshot; a snapshot closed before the reasons were split has one `alasan`,
        which is the reason of each rating it holds (as migration 0010 did to stored rows)."""
        hk, pk = d.get("hasil_kerja"), d.get("perilaku")
        oleh = tuple(d.get(k) for k in ("oleh_hasil_kerja", "oleh_perilaku", "nama_oleh_hasil_kerja",
                                         "nama_oleh_perilaku"))  # absent before migration 0014
        if "alasan_hasil_kerja" in d or "alasan_perilaku" in d:
            return cls(hk, pk, d.get("alasan_hasil_kerja"), d.get("alasan_perilaku"), *oleh)
        a = d.get("alasan")
        return cls(hk, pk, a if hk or not pk else None, a if pk or not hk else None, *oleh)


def gabung_alasan(alasan_hk: str | None, alasan_pk: str | None) -> str | None:
    """The reasons of the two ratings in one text: the one reason when they agree or only one is given,
    else 'hasil kerja: A; perilaku: B'."""
    ada = [(n, a) for n, a in (("hasil kerja", alasan_hk), ("perilaku", alasan_pk)) if a]
    if not ada:
        return None
    if len({a for _, a in ada}) == 1:
        return ada[0][1]
    return "; ".join(f"{n}: {a}" for n, a in ada)


@dataclass(frozen=True, slots=True)
class Rekaman:
    """An employee's result in a period: identity, inputs, the scored numbers (scoring.tipe.Hasil: NHK,
    NPK, NA, predikat, ratings, catatan flags, the breakdown), direct rating and innovation flag.

    The summary form (`masukan` None) is what listings use: no SKP texts and no raters' names.
    `tercatat`: the result rests on data recorded for the employee (SKP rows, a behaviour rating or a
    direct rating); False for someone nobody has started on yet.
    """

    pegawai: IdentitasPegawai
    hasil: Hasil
    tercatat: bool
    ada_inovasi: bool = False
    masukan: Masukan | None = None
    rating_langsung: RatingLangsung | None = None

    @property
    def ringkas(self) -> bool:
        return self.masukan is None

    def ke_dict(self) -> dict:
        """The record as a dict: the stored snapshot's shape (numbers as exact strings); the summary
        form gives identity, the summary of the result (numbers as Decimal) and `tercatat`."""
        if self.masukan is None:
            h = self.hasil
            return {"pegawai": self.pegawai.ke_dict(),
                    "hasil": {"nhk": h.nhk, "npk": h.npk, "na": h.na, "predikat": h.predikat, "metode": h.metode,
                              "rating_hk": h.rating_hk, "rating_hk_langsung": h.rating_hk_langsung,
                              "rating_pk": h.rating_pk, "rating_pk_langsung": h.rating_pk_langsung,
                              "lengkap": h.lengkap, "catatan": list(h.catatan)},
                    "tercatat": self.tercatat}
        return {"pegawai": self.pegawai.ke_dict(), "ada_inovasi": self.ada_inovasi, "masukan": self.masukan.ke_dict(),
                "rating_langsung": self.rating_langsung.ke_dict() if self.rating_langsung else None,
                "hasil": self.hasil.ke_dict()}

    @classmethod
    def dari_dict(cls, d: dict) -> "Rekaman":
        """A full record from its stored dict (a closed period's snapshot, of this version or older)."""
        masukan = Masukan.dari_dict(d.get("masukan") or {})
        lg = RatingLangsung.dari_dict(d["rating_langsung"]) if d.get("rating_langsung") else None
        return cls(IdentitasPegawai.dari_dict(d["pegawai"]), Hasil.dari_dict(d["hasil"]),
                   bool(masukan.baris or masukan.penilaian or lg), bool(d.get("ada_inovasi")), masukan, lg)


def ada_data(r: Rekaman) -> bool:
    """True when a result record rests on data recorded for that employee in that period (SKP rows,
    a behaviour rating or a direct rating); False for someone nobody has started on yet."""
    return r.tercatat


def menunggu_realisasi(catatan, nhk) -> bool:
    """True while someone's SKP rows still wait for any realisation (mid-period: a missing realisation
    counts 0, so NHK is 0 and the predikat would read "Sangat Kurang"): shown "belum lengkap", and left
    out of a trend. The one place that decides it (issue 17 §4)."""
    from decimal import Decimal

    return REALISASI_KOSONG in (catatan or ()) and nhk is not None and Decimal(nhk) == 0


def masuk_sebaran(r: Rekaman) -> bool:
    """True when a record counts in a spread, a mean or a share (distribusi, tren, the recap's
    distribution): data recorded, and not still waiting for any realisation (`menunggu_realisasi`:
    its NHK 0 / "Sangat Kurang" says nothing yet), and with a predikat (permenpan6: none while a rating is
    neither set nor has the data its saran would rest on). The one place that decides it."""
    return r.tercatat and r.hasil.predikat is not None and not menunggu_realisasi(r.hasil.catatan, r.hasil.nhk)
