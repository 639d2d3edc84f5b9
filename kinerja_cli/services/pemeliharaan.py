"""Backup and checks of the database (kinerja cadangan, kinerja periksa)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..errors import DataTidakValid, TidakDitemukan
from ..store import pemeliharaan as tabel
from ..store.db import db_path
from ..validation.roster import cari_lingkaran, rantai_atasan


def cadangan(db, tujuan: Path | None = None) -> dict:
    sumber = Path(db_path(db))
    cap = datetime.now().strftime("%Y%m%d-%H%M%S")
    nama = f"{sumber.stem}-cadangan-{cap}{sumber.suffix or '.db'}"
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
    if not tujuan.parent.exists():
        raise TidakDitemukan(f"Folder {tujuan.parent} tidak ada.", "Buat foldernya dulu atau pilih folder lain.")
    if tujuan.resolve() == sumber.resolve():
        raise DataTidakValid("Cadangan tidak boleh sama dengan basis data aslinya.", "Pilih nama berkas lain.")
    tabel.cadangkan(db, tujuan)
    cek = tabel.integritas(tujuan)
    return {"berkas": str(tujuan), "ukuran": tujuan.stat().st_size, "integritas": cek == ["ok"]}


def periksa(db) -> list[dict]:
    """Every finding: {tingkat: galat|peringatan, jenis, kunci, pesan}."""
    temuan: list[dict] = []

    def tambah(tingkat: str, jenis: str, kunci: str, pesan: str) -> None:
        temuan.append({"tingkat": tingkat, "jenis": jenis, "kunci": kunci, "pesan": pesan})

    for baris in tabel.cek_integritas(db):
        tambah("galat", "integritas", "-", f"SQLite integrity_check: {baris}")
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
    return temuan
