"""Plain data passed between the layers (no I/O here)."""

from __future__ import annotations

from dataclasses import dataclass, field


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




def ada_data(r: dict) -> bool:
    """True when a result record rests on data recorded for that employee in that period (SKP rows,
    a behaviour rating or a direct rating); False for someone nobody has started on yet."""
    if "tercatat" in r:  # a summary record (services.nilai, ringkas=True)
        return r["tercatat"]
    m = r.get("masukan") or {}
    return bool(m.get("baris") or m.get("penilaian") or r.get("rating_langsung"))
