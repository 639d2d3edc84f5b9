"""Backup, restore and checks of the database (kinerja cadangan, pulihkan, periksa)."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

from ..berkas_aman import penghalang, periksa_folder_tujuan
from ..errors import BasisDataError, BasisDataRusak, DataTidakValid, TidakDitemukan
from ..store import cadangan as berkas
from ..store import pemeliharaan as tabel
from ..store import periode as tabel_periode
from ..store.db import buka_db, db_path
from ..validation.roster import cari_lingkaran, rantai_atasan
from .sasaran_tautan import tautan_hilang


def _folder_dimaksud(tujuan: str | os.PathLike) -> bool:
    """A target written with a trailing separator (`/media/usb/`) means a folder. Path() drops that
    separator, so the caller passes the text as typed."""
    teks = os.fspath(tujuan)
    return isinstance(teks, str) and teks.endswith(tuple(s for s in (os.sep, os.altsep, "/") if s))


def cadangan(db, tujuan: str | os.PathLike | None = None) -> dict:
    sumber = Path(db_path(db))
    cap = datetime.now().strftime("%Y%m%d-%H%M%S")
    nama = f"{sumber.stem}-cadangan-{cap}{sumber.suffix or '.db'}"
    if tujuan is not None and _folder_dimaksud(tujuan) and not Path(tujuan).is_dir():
        # e.g. a USB stick that is not mounted: never write a file named like the folder instead
        teks = os.fspath(tujuan)
        if penghalang(Path(tujuan) / "x") is not None:
            raise DataTidakValid(f"{penghalang(Path(tujuan) / 'x')} adalah berkas, bukan folder. Cadangan tidak dibuat.",
                                 "Pilih folder tujuan lain.")
        raise TidakDitemukan(f"Folder {teks} tidak ada (diska USB belum terpasang?). Cadangan tidak dibuat.",
                             f"Pasang diska USB-nya atau buat foldernya dulu (mkdir \"{teks}\"), lalu ulangi.")
    otomatis = tujuan is None or Path(tujuan).is_dir()
    if tujuan is None:
        tujuan = sumber.with_name(nama)
    tujuan = Path(tujuan)
    if tujuan.is_dir():  # a folder (e.g. a USB drive): the backup goes inside it, with the dated name
        tujuan = tujuan / nama
    ke = 2
    while otomatis and tujuan.exists():  # a second backup within the same second: number it
        tujuan = tujuan.with_name(f"{Path(nama).stem}-{ke}{Path(nama).suffix}")
        ke += 1
    if tujuan.exists():
        raise DataTidakValid(f"Berkas {tujuan} sudah ada; cadangan tidak menimpa berkas.", "Pilih nama berkas lain.")
    periksa_folder_tujuan(tujuan.parent)  # missing, or a file where a folder should be: the one message
    if tujuan.resolve() == sumber.resolve():
        raise DataTidakValid("Cadangan tidak boleh sama dengan basis data aslinya.", "Pilih nama berkas lain.")
    isi = tabel.cadangkan(db, tujuan)  # verified before it gets its name
    return {"berkas": str(tujuan), "ukuran": isi.ukuran, "versi": isi.versi, "jumlah": isi.jumlah}


def periksa_berkas(path: Path) -> list[dict]:
    """`periksa` on the database at `path`: a file too damaged to open is itself the finding."""
    try:
        db = buka_db(path)
    except BasisDataRusak as e:
        return [{"tingkat": "galat", "jenis": "integritas", "kunci": "-", "pesan": e.pesan}]
    try:
        return periksa(db)
    finally:
        db.close()


def periksa(db) -> list[dict]:
    """Every finding: {tingkat: galat|peringatan, jenis, kunci, pesan}."""
    temuan: list[dict] = []

    def tambah(tingkat: str, jenis: str, kunci: str, pesan: str) -> None:
        temuan.append({"tingkat": tingkat, "jenis": jenis, "kunci": kunci, "pesan": pesan})

    for baris in tabel.cek_integritas(db):
        tambah("galat", "integritas", "-", f"SQLite integrity_check: {baris}")
    if temuan:  # the other checks read damaged pages: their findings would mean nothing
        return temuan
    for t, rowid, induk, _ in tabel.cek_kunci_asing(db):
        tambah("galat", "rujukan", f"{t}#{rowid}", f"Baris di tabel {t} merujuk ke {induk} yang tidak ada.")
    for periode, nip, nomor in tabel.realisasi_yatim(db):
        tambah("peringatan", "realisasi_yatim", f"{periode}/{nip}/{nomor}",
               f"Realisasi nomor {nomor} pegawai {nip} periode {periode} tidak punya baris SKP.")
    for nip, atasan in tabel.atasan_hilang(db):
        tambah("peringatan", "atasan_hilang", nip, f"Atasan {atasan} dari pegawai {nip} tidak ada di daftar pegawai.")
    peta = tabel.peta_atasan(db)
    dilapor = set()
    for nip in cari_lingkaran(peta):
        if nip in dilapor:
            continue
        rantai = rantai_atasan(peta, nip)
        dilapor.update(rantai)
        tambah("galat", "rantai_atasan", nip, "Rantai atasan berputar: " + " → ".join(rantai))
    for periode, nip, s in tabel.bobot_periode_ditutup(db):
        tambah("galat", "bobot", f"{periode}/{nip}", f"Periode {periode} sudah ditutup, tetapi bobot SKP {nip} berjumlah {s}.")
    for kode in tabel.periode_tanpa_snapshot(db):
        tambah("galat", "snapshot", kode, f"Periode {kode} berstatus ditutup tetapi tidak punya hasil beku.")
    _rhk_atasan_hilang(db, tambah)
    return temuan


def _rhk_atasan_hilang(db, tambah) -> None:
    """Open periods: SKP rows whose RHK atasan names a row the direct atasan does not have there (an import of
    the same rows would be refused). A closed period is frozen: its links are not checked against today's roster."""
    for per in tabel_periode.semua(db):
        if per.status == "ditutup":
            continue
        for d in tautan_hilang(db, per.kode):
            ada = (f"SKP {d['nama_atasan']} ({d['atasan']}) periode {per.kode} tidak punya baris nomor "
                   f"{d['rhk_atasan_nomor']}" if d["atasan"] else "pegawai ini tidak punya atasan langsung")
            tambah("peringatan", "rhk_atasan", f"{per.kode}/{d['nip']}/{d['nomor']}",
                   f"Baris SKP {d['nomor']} {d['nama']} ({d['nip']}) periode {per.kode} merujuk RHK atasan nomor "
                   f"{d['rhk_atasan_nomor']}, tetapi {ada}. Perbaiki kolom RHK Atasan lewat templat lalu "
                   f"kinerja sasaran impor, atau impor SKP atasannya dulu.")


@dataclass
class Pemulihan:
    """A verified copy of a backup, waiting beside the database it will replace."""

    cadangan: Path
    db: Path
    tmp: Path
    isi: berkas.Ringkasan

    def jalankan(self) -> dict:
        """Keep a dated safety copy of the current database, log the restore in the restored copy,
        and put it in place atomically."""
        kunci = None
        ada = self.db.exists() and (self.db.stat().st_size > 0 or Path(f"{self.db}-wal").exists())
        if ada:
            kunci = berkas.kunci_lama(self.db)
        try:
            salinan = berkas.simpan_pengaman(self.db, datetime.now().strftime("%Y%m%d-%H%M%S")) if ada else None
            berkas.catat_pemulihan(self.tmp, self.db.name, {
                "dari_cadangan": str(self.cadangan.resolve()),
                "salinan_pengaman": str(salinan) if salinan else None,
                "skema": self.isi.versi[-1],
                "pegawai": self.isi.jumlah.get("pegawai", 0),
                "periode": self.isi.jumlah.get("periode", 0),
            })
            berkas.tulis_ke_disk(self.tmp)
            for akhiran in ("-wal", "-journal", "-shm"):  # an empty old file's leftovers: never join the new one
                with contextlib.suppress(OSError):
                    Path(f"{self.db}{akhiran}").unlink()
            os.replace(self.tmp, self.db)
            berkas.tulis_folder_ke_disk(self.db.parent)
        finally:
            if kunci is not None:
                kunci.close()
        return {"db": str(self.db), "cadangan": str(self.cadangan), "salinan_pengaman": str(salinan) if salinan else None,
                "versi": self.isi.versi, "jumlah": self.isi.jumlah}


@contextlib.contextmanager
def pemulihan(cadangan: Path, db: Path) -> Iterator[Pemulihan]:
    """Verify `cadangan` (copied read-only into a temporary file beside `db`); the database is
    untouched until `jalankan()`, and the temporary copy is removed whatever happens."""
    cadangan, db = Path(cadangan), Path(db)
    sebab = berkas.berkas_sqlite(cadangan)
    if sebab:
        raise BasisDataError(f"Cadangan {cadangan} tidak dapat dipakai: {sebab}. Basis data {db} tidak diubah.",
                             "Pilih berkas cadangan lain; kinerja cadangan menamai cadangannya "
                             "NAMA-cadangan-TTTTBBHH-JJMMDD.db.")
    if db.exists() and cadangan.resolve() == db.resolve():
        raise DataTidakValid(f"{cadangan} adalah basis data yang dipakai sekarang, bukan cadangannya.",
                             "Sebutkan berkas cadangannya, atau basis data tujuan dengan --db.")
    if db.is_dir():
        raise BasisDataError(f"{db} adalah folder, bukan berkas basis data.",
                             f"Sebutkan nama berkasnya, misalnya --db {db / 'kinerja.db'}")
    if not db.parent.exists():
        raise TidakDitemukan(f"Folder {db.parent} tidak ada.", "Periksa --db atau variabel KINERJA_DB.")
    try:
        tmp, isi = berkas.salin_cadangan(cadangan, db.parent)
    except berkas.SalinanGagal as e:
        raise BasisDataError(
            f"Cadangan {cadangan} rusak atau bukan cadangan kinerja yang dapat dibuka: {'; '.join(e.masalah)}. "
            f"Basis data {db} tidak diubah.", "Pilih cadangan lain (yang lebih lama).") from None
    try:
        yield Pemulihan(cadangan, db, tmp, isi)
    finally:
        berkas.hapus(tmp)
