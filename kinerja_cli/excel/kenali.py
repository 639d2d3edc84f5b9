"""Which data each sheet of a workbook holds, recognised by its header row (not only its name).

`kenali(path)` opens the workbook once (read-only, streaming) and returns one `Lembar` per
worksheet: the layout (kolom.Tata) whose required headers it holds, or why none fits, with what
the batch import needs to know beforehand (data rows present, which fields are filled in, the
NIPs and units named). Reading the rows themselves is left to each importer (excel.baca).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import kolom
from ..kolom import Tata
from ..validation.siasn import mirip_siasn
from .baca import BARIS_CARI_JUDUL, buka_pembaca, huruf_kolom
from .judul import AwalSheet, cari_judul, cocokkan_judul
from .sel_galat import PenampungGalat
from .tata_kantor import saring_tanda_tangan

# The layouts a workbook of the period may hold (every one has its importer).
TATA_DATA: tuple[Tata, ...] = (kolom.PEGAWAI, kolom.SASARAN, kolom.REALISASI, kolom.PERILAKU, kolom.RATING_PEJABAT,
                               kolom.UMPAN_BALIK, kolom.INOVASI, kolom.PELATIHAN, kolom.LAYANAN)
# Sheets kinerja itself writes beside the data (the template's instructions, a marked copy's list).
SHEET_BUKAN_DATA = ("petunjuk", "galat kinerja")


@dataclass
class Lembar:
    sheet: str
    tata: Tata | None = None  # the layout recognised; None: not a data sheet kinerja knows
    baris_judul: int = 0
    kosong: bool = False  # no cell at all
    bukan_data: bool = False  # kinerja's own instructions or problem list
    kurang: list = field(default_factory=list)  # named like a layout but required headers missing
    ganda: list = field(default_factory=list)  # several layouts fit equally well (names)
    ada_data: bool = False  # at least one row under the header
    terisi: set = field(default_factory=set)  # field keys with a value in some data row
    nip: set = field(default_factory=set)
    unit: set = field(default_factory=set)
    lain: str | None = None  # a file `kinerja pegawai impor` reads, not the batch: SIASN | HIERARKI | ATASAN


def _berkas_lain(nama_sheet: str, awal: list) -> str | None:
    """SIASN's roster export, its unor hierarchy, or the atasan workbook (kinerja templat atasan)."""
    for r in awal:
        if mirip_siasn(r):
            return "SIASN"
        for jenis, tata in (("HIERARKI", kolom.HIERARKI), ("ATASAN", kolom.ATASAN)):
            if jenis == "ATASAN" and nama_sheet.strip().casefold() != tata.nama_sheet.casefold():
                continue
            if {k.key for k in tata.wajib()} <= cocokkan_judul(list(r), tata)[0].keys():
                return jenis
    return None


def _teks_nip(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = "".join(str(v).split())
    return s or None


def _pilih(ws_judul: str, baris: list, batas: int) -> tuple:
    """(tata, excel.judul.Judul) of the best complete layout, or the reason none fits. The header is
    found as every importer finds it (excel.judul.cari_judul: two-row headers, a numbering row)."""
    lengkap = []  # (matched count, tata, Judul)
    bersama = AwalSheet(baris)  # the rows as tuples once for every layout's search
    for tata in TATA_DATA:
        judul = cari_judul(bersama, tata, batas)
        if judul is not None and judul.lengkap:
            lengkap.append((len(judul.idx), tata, judul))
    nama = ws_judul.strip().casefold()
    sesuai_nama = [x for x in lengkap if x[1].nama_sheet.casefold() == nama]
    if sesuai_nama:
        return sesuai_nama[0][1:], []
    if not lengkap:
        return None, []
    lengkap.sort(key=lambda x: -x[0])
    terbaik = [x for x in lengkap if x[0] == lengkap[0][0]]
    if len(terbaik) > 1:
        return None, [x[1].nama_sheet for x in terbaik]
    return lengkap[0][1:], []


def kenali(path: Path | str) -> list[Lembar]:
    """Every worksheet of the file with the layout it holds, read through the one reader interface
    (excel.baca.buka_pembaca: .xlsx, .xls, .ods, .csv; refusals of unusable files as every importer)."""
    with buka_pembaca(Path(path)) as pb:
        return [_kenali_sheet(pb, nama, BARIS_CARI_JUDUL) for nama in pb.nama_lembar]


def _kenali_sheet(pb, nama_sheet: str, batas: int) -> Lembar:
    lembar = Lembar(nama_sheet)
    awal = [tuple(r) for r in pb.kepala(nama_sheet, batas + 2)]
    if not any(v not in (None, "") for r in awal for v in r):
        lembar.kosong = True
        return lembar
    pilihan, ganda = _pilih(nama_sheet, awal, batas)
    if ganda:
        lembar.ganda = ganda
        return lembar
    if pilihan is None:
        nama = nama_sheet.strip().casefold()
        if nama in SHEET_BUKAN_DATA:
            lembar.bukan_data = True
            return lembar
        lembar.lain = _berkas_lain(nama_sheet, awal)
        for tata in TATA_DATA:  # named like a data sheet: its missing headers are an error, never a skip
            if tata.nama_sheet.casefold() == nama:
                terbaik = max((cocokkan_judul(list(r), tata)[0] for r in awal[:batas]), key=len, default={})
                lembar.tata = tata
                lembar.kurang = [k.judul for k in tata.wajib() if k.key not in terbaik]
        return lembar
    tata, judul = pilihan
    lembar.tata, lembar.baris_judul = tata, judul.baris
    huruf = {k: huruf_kolom(i) for k, i in judul.idx.items()}
    galat = PenampungGalat(Path(pb.path).name, nama_sheet, huruf, judul.lewati, judul.teks)  # the importer refuses them
    baris = pb.baris(nama_sheet, judul.lewati, list(judul.idx.items()), huruf, galat)
    for b in saring_tanda_tangan(baris, []):
        isi = {k: v for k, v in b.nilai.items() if v not in (None, "") and not (isinstance(v, str) and not v.strip())}
        if not isi:
            continue
        lembar.ada_data = True
        lembar.terisi |= isi.keys()
        nip = _teks_nip(isi.get("nip"))
        if nip:
            lembar.nip.add(nip)
        if isinstance(isi.get("unit"), str):
            lembar.unit.add(isi["unit"].strip())
    return lembar
