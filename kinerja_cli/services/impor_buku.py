"""`kinerja impor BERKAS|FOLDER...`: every data sheet of every workbook of the period, in order.

Each workbook is all-or-nothing: its sheets are imported by the existing importers (no parser of
its own) in dependency order -- roster, targets, realisations, behaviour, ratings, feedback,
innovations, trainings, service indicators -- inside ONE write transaction (store.db.transaksi;
each importer's own transaction becomes a savepoint of it). A sheet refused rolls the whole
workbook back; the other workbooks are imported on their own. --dry-run runs the very same
imports and rolls every workbook back, so a realisation sheet is checked against the targets of
the same workbook.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..berkas_aman import buat_folder
from ..errors import BerkasTidakValid, DataTidakValid, ImporDitolak, KinerjaError, PeriodeBerkasLain
from ..excel.baca import penanda_berkas
from ..excel.kenali import kenali
from ..excel.sel_galat import AKIBAT
from ..excel.tandai import tulis
from ..kolom import ISIAN_SASARAN
from ..kosakata import ASPEK_BERAKHLAK
from ..model import HasilImpor
from ..store import kiriman
from ..store import pegawai as tabel_pegawai
from ..store.db import transaksi
from ..validation.masalah import GALAT, PERINGATAN, Masalah
from . import catatan
from . import impor_tertunda as tertunda
from . import layanan, pegawai, pelatihan, perilaku, rating, realisasi, sasaran
from .impor_folder import nama_tandai
from .impor_umum import periksa_periode
from .tandai_lama import periksa

# Dependency order: who the people are, then what they aim at, then what they reached, then how
# they worked and were rated; the rest depends only on the roster.
URUTAN = ("Pegawai", "Sasaran", "Realisasi", "Perilaku", "Rating", "Umpan Balik", "Inovasi", "Pelatihan", "Layanan")


def _importir(jenis: str):
    """The existing importer of one layout, called as f(db, berkas, kode, sheet)."""
    return {
        "Pegawai": lambda db, b, kode, s: pegawai.impor(db, b, s),
        "Sasaran": lambda db, b, kode, s: sasaran.impor(db, b, kode, s),
        "Realisasi": lambda db, b, kode, s: realisasi.impor(db, b, kode, s),
        "Perilaku": lambda db, b, kode, s: perilaku.impor(db, b, kode, s),
        "Rating": lambda db, b, kode, s: rating.impor(db, b, kode, s),
        "Umpan Balik": lambda db, b, kode, s: catatan.impor_umpan_balik(db, b, kode, s),
        "Inovasi": lambda db, b, kode, s: catatan.impor_inovasi(db, b, kode, s),
        "Pelatihan": lambda db, b, kode, s: pelatihan.impor(db, b, s),
        "Layanan": lambda db, b, kode, s: layanan.impor(db, b, s),
    }[jenis]


# A sheet whose fill-in columns are all empty (a template sheet nobody filled in: only the NIP, name,
# position, rater and target the template pre-fills) is passed over and does not count as sent.
# Layouts not named here count as filled by any value (the template pre-fills none of their rows).
_ISIAN = {
    "Sasaran": ISIAN_SASARAN,
    "Realisasi": ("realisasi", "bukti"),
    "Perilaku": ASPEK_BERAKHLAK,
    "Rating": ("rating_hk", "rating_pk"),
}


@dataclass
class HasilLembar:
    jenis: str
    sheet: str
    hasil: HasilImpor | None = None
    catatan: str = ""  # why it was passed over


@dataclass
class HasilBuku:
    berkas: Path
    unit: str = ""
    semua_unit: list = field(default_factory=list)  # every unit its rows belong to, most rows first
    lembar: list = field(default_factory=list)  # HasilLembar, in import order
    catatan: list = field(default_factory=list)  # Masalah (warnings) about the workbook's sheets
    galat: KinerjaError | None = None  # the refusal: nothing of the workbook was written
    sheet_galat: str = ""
    ditandai: Path | None = None
    uji_coba: bool = False
    dikenali: list = field(default_factory=list)  # (jenis, excel.kenali.Lembar) of every data sheet recognised
    periode: str | None = None
    tandai_lama: Path | None = None  # an older marked copy of this workbook, accepted now: no longer valid
    tandai_lama_dihapus: bool = False  # ... and removed (--timpa)

    @property
    def kosong(self) -> bool:
        """Received with every data sheet unfilled (a template sent back as it went out)."""
        return not self.ditolak and bool(self.lembar) and all(x.hasil is None for x in self.lembar)

    @property
    def ditolak(self) -> bool:
        return self.galat is not None

    def jumlah(self, apa: str) -> int:
        return sum(getattr(x.hasil, apa) for x in self.lembar if x.hasil is not None)


class _Batalkan(Exception):
    """--dry-run: roll the workbook's transaction back after its imports ran."""


# Files of `kinerja pegawai impor` that the batch recognises and leaves to it: (what it is, the command).
_LAIN = {
    "SIASN": ("ekspor SIASN", "ekspor SIASN: impor dengan kinerja pegawai impor {berkas} --hierarki HIERARKI.xlsx"),
    "HIERARKI": ("hierarki unor SIASN", "hierarki unor SIASN: impor bersama ekspor SIASN dengan kinerja pegawai "
                 "impor EKSPOR.xlsx --hierarki {berkas}, atau sendiri dengan kinerja pegawai impor {berkas}"),
    "ATASAN": ("daftar atasan (kinerja templat atasan)", "daftar atasan: impor dengan kinerja pegawai impor {berkas}"),
}


def _rencana(berkas: Path, hasil: HasilBuku) -> list:
    """[(order, jenis, sheet)] of the sheets to import; problems of the workbook's sheets go to hasil.catatan,
    an unusable data sheet (required headers missing, two readings) refuses the workbook."""
    rencana = []
    hasil.dikenali = []
    for i, lb in enumerate(kenali(berkas)):
        if lb.kosong or lb.bukan_data:
            continue
        if lb.ganda:
            raise BerkasTidakValid(
                f"Sheet '{lb.sheet}' di {berkas.name} cocok dengan lebih dari satu jenis data "
                f"({' dan '.join(lb.ganda)}); sheet itu tidak ditebak.",
                f"Beri sheet itu nama jenis datanya (misalnya '{lb.ganda[0]}'), lalu impor lagi.")
        if lb.tata is None and lb.lain:
            raise BerkasTidakValid(f"Berkas ini {_LAIN[lb.lain][0]} (sheet '{lb.sheet}'), bukan buku kerja "
                                   "periode; tidak diimpor oleh kinerja impor.", _LAIN[lb.lain][1].format(berkas=berkas.name))
        if lb.tata is None:
            hasil.catatan.append(Masalah(
                "Sheet tidak dikenali: judul kolomnya tidak cocok dengan data mana pun (" + ", ".join(URUTAN)
                + "); sheet ini tidak diimpor", "bila berisi data, samakan judul kolomnya dengan templat "
                "(kinerja templat CONTOH.xlsx --periode KODE)", None, lb.sheet, None, "", PERINGATAN))
            continue
        jenis = lb.tata.nama_sheet
        hasil.dikenali.append((jenis, lb))
        if lb.kurang:
            raise BerkasTidakValid(
                f"Sheet '{lb.sheet}' di {berkas.name}: kolom wajib tidak ditemukan: {', '.join(lb.kurang)}.",
                f"Baris judul sheet {jenis} harus memuat kolom: {', '.join(k.judul for k in lb.tata.wajib())}.")
        isian = _ISIAN.get(jenis)
        if not lb.ada_data or (isian and not lb.terisi & set(isian)):
            hasil.lembar.append(HasilLembar(jenis, lb.sheet, None, "belum diisi"))
            continue
        rencana.append((URUTAN.index(jenis), i, jenis, lb.sheet, lb))
    rencana.sort(key=lambda x: (x[0], x[1]))
    return rencana


def impor_buku(db, berkas: Path, kode: str | None, uji_coba: bool = False) -> HasilBuku:
    """Import every data sheet of one workbook, all or nothing; a refusal is returned, not raised."""
    berkas = Path(berkas)
    hasil = HasilBuku(berkas, uji_coba=uji_coba, periode=kode)
    rencana: list = []
    try:
        rencana = _rencana(berkas, hasil)
        if not rencana and not hasil.lembar:
            raise BerkasTidakValid(f"{berkas.name} tidak berisi sheet data yang dikenali.",
                                   "Isi sheet dari templat (kinerja templat --per-unit FOLDER --periode KODE), lalu kirim ulang.")
        perlu_periode = [j for _, _, j, _, _ in rencana if j not in ("Pegawai", "Pelatihan", "Layanan")]
        tanda = penanda_berkas(berkas)  # the period of a kinerja template (None: the office's own Excel)
        if perlu_periode and kode is None:
            raise DataTidakValid(f"{berkas.name} berisi sheet {', '.join(perlu_periode)}: sebutkan periodenya.",
                                 "Tambahkan --periode KODE, misalnya --periode 2026.")
        periksa_periode(berkas, kode, tanda)  # before any sheet: one refusal for the workbook
        try:
            with transaksi(db):
                ditolak: list = []  # (jenis, sheet, the refusal): the later sheets are still checked
                masalah: list = []  # every problem of the workbook, sheet by sheet in import order
                lewat: list = []  # the sentences naming the sheets not checked
                sebagian: dict = {}  # jenis refused -> the NIPs of its refused rows (the others are in the db)
                for _, _, jenis, sheet, lb in rencana:
                    induk = _induk_ditolak(jenis, [j for j, _, _ in ditolak if j not in sebagian])
                    if induk:
                        hasil.lembar.append(HasilLembar(jenis, sheet, None, f"tidak diperiksa: sheet {induk} ditolak"))
                        lewat.append(f"Sheet {sheet} {_TIDAK_DIPERIKSA.format(induk=induk)}.")
                        masalah.append(_tidak_diperiksa(sheet, induk))
                        continue
                    hasil.sheet_galat = sheet
                    tunda = tertunda.nip_tertunda(_BERGANTUNG.get(jenis, ()), sebagian)
                    try:
                        h = _importir(jenis)(db, berkas, kode, sheet)
                    except (ImporDitolak, BerkasTidakValid) as e:
                        sisa = tertunda.tanpa_nip(e, tunda, berkas)
                        if sisa is not None:
                            ditolak.append((jenis, sheet, sisa))
                            masalah += getattr(sisa, "masalah", None) or [Masalah(sisa.pesan, sisa.saran or "", None, sheet)]
                        if jenis == "Sasaran" and isinstance(e, ImporDitolak):
                            sebagian.update(tertunda.sasaran_lolos(db, berkas, kode, sheet))
                        tertunda.catat(sheet, tunda & lb.nip, masalah, lewat)
                        continue
                    if tunda:
                        h.peringatan = [m for m in h.peringatan if m.kunci not in tunda]
                    tertunda.catat(sheet, tunda & lb.nip, masalah, lewat)
                    h.uji_coba = uji_coba
                    hasil.lembar.append(HasilLembar(jenis, sheet, h))
                    masalah += h.peringatan
                if ditolak:
                    hasil.sheet_galat = ", ".join(s for _, s, _ in ditolak)
                    raise _tolakan_buku(berkas, ditolak, masalah, " ".join(lewat))
                hasil.sheet_galat = ""
                _unit(db, [lb for _, lb in hasil.dikenali], hasil)
                if uji_coba:
                    raise _Batalkan()
                _catat_kiriman(db, kode, hasil)
        except _Batalkan:
            pass
    except KinerjaError as e:
        hasil.galat = e
        hasil.lembar = [x for x in hasil.lembar if x.hasil is None]
        if hasil.dikenali and not hasil.unit:
            _unit(db, [lb for _, lb in hasil.dikenali], hasil)  # the stored roster names the unit to chase
    return hasil


# A refused sheet does not stop the check of the workbook (every problem in one run, for one round trip
# to the OPD), but a sheet whose checks read what a refused sheet would have written is not checked:
# against the stored data its problems would be false. Every sheet reads the roster. (A Sasaran sheet refused
# for some of its rows still lets the Realisasi sheet be checked: services/impor_tertunda.py.)
_BERGANTUNG = {"Realisasi": ("Sasaran",)}


def _induk_ditolak(jenis: str, ditolak: list) -> str | None:
    for j in ditolak:
        if j == "Pegawai" or j in _BERGANTUNG.get(jenis, ()):
            return j
    return None


_TIDAK_DIPERIKSA = "tidak diperiksa (karena sheet {induk} ditolak)"


def _tidak_diperiksa(sheet: str, induk: str) -> Masalah:
    """The note of a sheet left unchecked because the sheet it depends on was refused: in the refusal, the
    problem table and the marked copy's list, so that its problems are not a surprise of the next round."""
    return Masalah(f"Sheet {sheet} {_TIDAK_DIPERIKSA.format(induk=induk)}: isinya baru dapat diperiksa setelah "
                   f"sheet {induk} diterima", f"perbaiki sheet {induk}, lalu impor ulang; sheet {sheet} diperiksa saat "
                   "itu", None, sheet, None, "", PERINGATAN)


def _tolakan_buku(berkas: Path, ditolak: list, masalah: list, lewat: str = "") -> KinerjaError:
    """One refusal for the workbook: every refused sheet's problems and the other sheets' warnings, and
    which sheets were not checked because a sheet they depend on was refused."""
    jenis, sheet, e = ditolak[0]
    if len(ditolak) == 1:
        if not isinstance(e, ImporDitolak) and len(masalah) == 1:
            return e
        pesan = f"{e.pesan} {lewat}".strip()
        return type(e)(pesan, masalah, e.saran) if isinstance(e, ImporDitolak) else ImporDitolak(pesan, masalah, e.saran)
    bagian = "; ".join(f"sheet {s}: {_inti(x.pesan, berkas)}" for _, s, x in ditolak)
    return ImporDitolak(f"Impor {berkas.name} ditolak: {len(ditolak)} sheet bermasalah. {bagian[0].upper()}{bagian[1:]}. "
                        f"{lewat + ' ' if lewat else ''}Tidak ada data dari buku kerja ini yang ditulis.", masalah,
                        " ".join(dict.fromkeys(x.saran for _, _, x in ditolak if x.saran)) or None)


def _inti(pesan: str, berkas: Path) -> str:
    """An importer's refusal without what the workbook's own message says once ('Impor X ditolak:',
    'Tidak ada data yang ditulis.')."""
    for buang in (AKIBAT, "Tidak ada data yang ditulis."):
        pesan = pesan.replace(buang, "")
    return pesan.removeprefix(f"Impor {berkas.name} ditolak: ").strip().rstrip(".")


def _unit(db, lembar: list, hasil: HasilBuku) -> None:
    """The units the workbook speaks for: those of its NIPs (and its Layanan rows), most rows first."""
    nip = set().union(*(lb.nip for lb in lembar)) if lembar else set()
    hitung: Counter = Counter()
    if nip:
        semua = tabel_pegawai.semua(db)
        hitung.update(semua[n].unit for n in nip if n in semua and semua[n].unit)
    for lb in lembar:
        hitung.update(lb.unit)
    hasil.semua_unit = [u for u, _ in hitung.most_common()]
    if hasil.semua_unit:
        lain = len(hasil.semua_unit) - 1
        hasil.unit = hasil.semua_unit[0] + (f" (+{lain} unit lain)" if lain else "")


def _catat_kiriman(db, kode: str | None, hasil: HasilBuku) -> None:
    """One audit entry per workbook received: which sheets the unit sent for which unit (read by `status
    --kiriman`). A sheet imported with filled rows is sent, changed or not (a pre-filled Sasaran the OPD
    returns as it is: the OPD agrees with it); a sheet left empty ("belum diisi") is not: the officer must
    still chase it. What the HR office does itself (`sasaran salin`, `catat`) never writes this entry."""
    lembar = [x.jenis for x in hasil.lembar
              if x.hasil is not None and (x.hasil.ditambah or x.hasil.diubah or x.hasil.tetap)]
    for unit in hasil.semua_unit:
        kiriman.catat(db, kode, unit, hasil.berkas.name, lembar,
                      {"ditambah": hasil.jumlah("ditambah"), "diubah": hasil.jumlah("diubah"), "tetap": hasil.jumlah("tetap")})


def saran(hasil: HasilBuku) -> str | None:
    """The advice for a refused workbook in the batch: the single importers' advice names options this
    command does not have (--lewati-galat, --tandai), so row problems get the batch's own."""
    g = hasil.galat
    if g is None:
        return None
    if not getattr(g, "masalah", None) and not any(o in (g.saran or "") for o in ("--lewati-galat", "--tandai")):
        return g.saran
    berkas = str(hasil.berkas)
    ulang = f'kinerja impor "{berkas}"' if " " in berkas else f"kinerja impor {berkas}"
    ulang += f" --periode {hasil.periode}" if hasil.periode else ""
    if hasil.ditandai is not None:
        return (f"Kirim salinan bertanda {hasil.ditandai} ke OPD (sel yang salah berwarna merah, dengan komentar); "
                f"setelah diperbaiki, impor ulang berkas itu: {ulang}")
    return (f"Perbaiki sel yang salah (lihat tabel masalah) lalu impor ulang berkas itu: {ulang}; untuk OPD, "
            "--tandai-folder FOLDER menulis salinan bertanda setiap buku kerja yang ditolak.")


def saran_akhir(ditolak: list, folder_tandai: Path | None) -> str:
    """The advice under the batch's last line, for the refused workbooks (HasilBuku)."""
    lain = [h for h in ditolak if isinstance(h.galat, PeriodeBerkasLain)]
    if len(lain) == len(ditolak):  # nothing in the files is wrong: the period given was
        return ("Templat periode lain tidak diimpor ke periode ini: impor ulang berkas itu dengan --periode periode "
                "templatnya (lihat saran di atas).")
    salinan = any(h.ditandai for h in ditolak)
    return ("Perbaiki berkas itu (lihat tabel masalah di atas" + (
        f", atau salinan bertanda di {folder_tandai}" if folder_tandai and salinan else
        "; --tandai-folder FOLDER menulis salinan bertanda untuk OPD" if not folder_tandai else "")
        + "), lalu impor ulang berkas itu saja.")


def pesan_importir(hasil: HasilBuku) -> list[tuple[str, str, str]]:
    """[(jenis, 'awas'|'info', text)]: the lines each importer of the workbook produced for the officer."""
    return [(x.jenis, jenis, teks) for x in hasil.lembar if x.hasil is not None
            for jenis in ("awas", "info") for teks in x.hasil.keterangan.get(jenis, ())]


def tandai(hasil: HasilBuku, folder: Path) -> Path | None:
    """Write the marked copy of a refused workbook into `folder` (its problems, or the refusal itself)."""
    if not hasil.ditolak or isinstance(hasil.galat, PeriodeBerkasLain):  # the command's period, not a cell, is wrong
        return None
    masalah = list(getattr(hasil.galat, "masalah", []) or [])
    if not masalah:
        masalah = [Masalah(hasil.galat.pesan, hasil.galat.saran or "", None, hasil.sheet_galat, None, "", GALAT)]
    try:
        buat_folder(folder)
        hasil.ditandai = tulis(hasil.berkas, nama_tandai(folder, hasil.berkas), masalah)
    except KinerjaError as e:  # a workbook that cannot be opened cannot be marked: say so in its row
        hasil.catatan.append(Masalah(f"Salinan bertanda tidak dapat ditulis: {e.pesan}", e.saran or "", None,
                                     "", None, "", PERINGATAN))
    return hasil.ditandai


def impor_semua(db, daftar: list[Path], kode: str | None, uji_coba: bool = False, folder_tandai: Path | None = None,
                kemajuan=None, timpa: bool = False) -> list[HasilBuku]:
    """Every workbook in turn (each all or nothing); `kemajuan(berkas)` is called before each one."""
    semua = []
    for berkas in daftar:
        if kemajuan is not None:
            kemajuan(berkas)
        h = impor_buku(db, berkas, kode, uji_coba)
        if h.ditolak and folder_tandai is not None:
            tandai(h, folder_tandai)
        elif folder_tandai is not None:
            periksa(h, nama_tandai(folder_tandai, h.berkas), timpa and not uji_coba)
        semua.append(h)
    return semua

