"""`kinerja sasaran impor`: SKP rows from a workbook, streamed so that memory stays flat.

Passes: (1) every source row is checked as it is read and its compact form staged in a TEMP table
(store.sasaran_tahap); numbering, bobot sum and Status SKP per employee when the employee's run of
rows ends; (2) the cascade links; then refuse or skip (--lewati-galat); (3) the staged rows are
compared with the stored ones (only rows that differ come back to Python; a first import compares
nothing), and in ONE transaction the audit entries, the replaced rows (one INSERT ... SELECT) and the
SKP states are written. Refused = nothing written; the staging tables are dropped in every case.
"""

from __future__ import annotations

from pathlib import Path

from ..kolom import SASARAN
from ..model import HasilImpor
from ..store import audit
from ..store import pegawai as tabel_pegawai
from ..store import sasaran as tabel
from ..store import skp_status as tabel_status
from ..store.db import sekarang, sementara
from ..store.sasaran_tahap import BATCH, Tahap
from ..validation.masalah import PERINGATAN, Masalah
from ..validation.sasaran_lembar import PemeriksaSasaran

# Positions in a staged row (urut, baris, *store.sasaran.KOLOM), a plain tuple for executemany
_URUT, _BARIS = 0, 1
_NOMOR = 2 + tabel.KOLOM.index("nomor")
_BOBOT = 2 + tabel.KOLOM.index("bobot")
_SAMPING_SEL = 2  # a side row (urut, baris, NIP cell, Nomor cell, ...): its cells from here
from . import impor_umum
from .impor_umum import konvensi_angka
from .periode import pastikan_terbuka
from .persetujuan import rencana_impor


@konvensi_angka
def impor(db, berkas: Path, kode: str, sheet: str | None = None, uji_coba: bool = False, lewati_galat: bool = False,
          tandai: Path | None = None) -> HasilImpor:
    """Import SKP rows; each employee in the file has their rows for the period replaced."""
    kode = pastikan_terbuka(db, kode).kode
    bacaan = impor_umum.Bacaan(db, berkas)  # stored data the checks use, re-checked under the write lock
    roster = bacaan.ambil("Daftar pegawai", lambda: tabel_pegawai.semua(db))
    tahap = None
    try:
        with sementara(db.conn), impor_umum.alir(berkas, SASARAN, sheet, tandai, kode) as isi:
            nama_sheet = isi.sheet
            cek = PemeriksaSasaran(roster, isi.sheet, isi.huruf)
            tahap = Tahap(db)
            _tahap_baris(cek, tahap, isi.baris)
            _tahap_pegawai(db, kode, cek, tahap, bacaan)
        h = cek.selesai()
        hasil = HasilImpor(uji_coba=uji_coba)
        galat = impor_umum.putuskan(berkas, h.masalah, lewati_galat, tandai, hasil)
        impor_umum.info_tata(hasil, isi)
        urut_galat = {cek.urut[n] for n in h.nip_galat}
        hasil.keterangan["nip_galat"] = sorted(h.nip_galat)  # skipped as a whole (read by services/impor_buku)
        if galat:  # --lewati-galat: an employee with any error is skipped as a whole
            sudah = {(m.sheet, m.baris) for m in galat}
            for urut, baris, samping in tahap.baris_dari(urut_galat):
                if (nama_sheet, baris) not in sudah:
                    hasil.dilewati.append(cek.dilewati(urut, baris, samping))
        tahap.tandai_galat(urut_galat)
        simpan = [n for i, n in enumerate(cek.nips) if i not in urut_galat]
        with tahap.cache_tulis(), impor_umum.tulis(db, uji_coba, bacaan):
            # what is stored now is read under the write lock: another import of the same file that
            # committed meanwhile makes this one compare (and change nothing), never insert twice
            punya = {cek.nips[u] for u in tahap.punya_baris(kode)}
            log = None if uji_coba else audit.Pencatat(db)
            if punya:
                ganti = _bandingkan(kode, cek, tahap, nama_sheet, hasil, log)
            else:  # nothing of these employees stored yet: every row is new, no comparison needed
                ganti = simpan
                hasil.ditambah = tahap.jumlah_baris()
                if log is not None:
                    log.tambah_dari(*tahap.json_baru_semua(kode))
            hasil.keterangan["pegawai"] = len(simpan)
            if h.belum_diisi:
                hasil.keterangan["kosong"] = h.belum_diisi
            status = _status_impor(db, kode, simpan, punya, ganti, h.status, roster, nama_sheet, hasil)
            if log is not None:
                if ganti:
                    tahap.ganti(None if ganti is simpan else [cek.urut[n] for n in ganti])
                    tahap.tulis(kode, sekarang(), bool(punya))
                tabel_status.simpan_banyak(db, kode, status["simpan"])
                log.tambah_banyak(status["log"])
                log.selesai()
        return hasil
    finally:
        if tahap is not None:
            tahap.hapus(diam=True)


def _tahap_baris(cek: PemeriksaSasaran, tahap: Tahap, baris) -> None:
    """Pass 1: check every source row once and stage the kept ones in batches; each employee's run of
    rows is checked as a whole when it ends. An employee whose rows come back later in the sheet is
    checked again from the staging table at the end (their rows taken together)."""
    buf, samping, nomor = [], [], []
    grup, urut_grup = [], None
    selesai, tersebar = set(), set()
    periksa = cek.baris
    for b in baris:
        r = periksa(b)
        if r is None:
            continue
        t, s = r
        urut = t[_URUT]
        if urut != urut_grup:
            if grup:
                nomor += cek.pegawai(urut_grup, grup)
                selesai.add(urut_grup)
            if urut in selesai:
                tersebar.add(urut)
            grup, urut_grup = [], urut
        grup.append((t[_BARIS], t[_NOMOR], t[_BOBOT], s[_SAMPING_SEL:] if s is not None else None))
        buf.append(t)
        if s is not None:
            samping.append(s)
        if len(buf) >= BATCH:
            tahap.tambah(buf, samping)
            tahap.beri_nomor(nomor)
            buf, samping, nomor = [], [], []
    if grup:
        nomor += cek.pegawai(urut_grup, grup)
    tahap.tambah(buf, samping)
    tahap.beri_nomor(nomor)
    if tersebar:
        tahap.lupakan_nomor(tersebar)
        for urut, daftar in tahap.per_pegawai(tersebar):
            tahap.beri_nomor(cek.pegawai(urut, daftar))
    cek.terapkan()


def _tahap_pegawai(db, kode: str, cek: PemeriksaSasaran, tahap: Tahap, bacaan) -> None:
    """Pass 2: the cascade links (the numbers of the atasan's rows are known now)."""
    tahap.kunci_nomor(cek.nips, cek.nomor_naik)
    hilang = [k.key for k in SASARAN.kolom if k.tetap_bila_hilang and k.key not in cek.huruf]
    if hilang and cek.nips:
        tahap.pertahankan(kode, hilang)  # an older sheet without the column never wipes what was set since
    luar = cek.atasan_di_luar()
    atasan_tersimpan = (bacaan.ambil("Baris SKP atasan", lambda: tabel.nomor_per_pegawai(db, kode, luar))
                        if luar else {})
    for urut, daftar in tahap.kaskade():
        cek.kaskade(urut, daftar, atasan_tersimpan)


def _bandingkan(kode: str, cek: PemeriksaSasaran, tahap: Tahap, sheet: str, hasil: HasilImpor, log) -> list[str]:
    """Pass 4: staged rows against stored rows, employee by employee (rows stored exactly so already are
    only counted, in SQL); counts and warnings into `hasil`, audit entries into `log` (None: dry run).
    Returns the employees whose rows change."""
    ganti = []
    dihapus = 0
    hasil.tetap = tahap.jumlah_sama(kode)
    for urut, rows in tahap.beda(kode):
        nip = cek.nips[urut]
        berubah = False
        for nomor, baru, lama, ada_realisasi in rows:
            if baru == lama:  # stored as text another program wrote: the same values
                hasil.tetap += 1
                continue
            berubah = True
            if lama is None:
                aksi = "tambah"
                hasil.ditambah += 1
            elif baru is None:
                aksi = "hapus"
                dihapus += 1
                if ada_realisasi:
                    hasil.peringatan.append(Masalah(
                        f"Baris SKP nomor {nomor} milik {nip} tidak ada lagi di berkas, tetapi realisasinya tetap "
                        "tersimpan", "tambahkan kembali baris itu bila realisasinya masih berlaku", None, sheet, None,
                        "nomor", PERINGATAN, nip))
            else:
                aksi = "ubah"
                hasil.diubah += 1
            if log is not None:
                log.tambah_json("sasaran", f"{kode}/{nip}/{nomor}", aksi, tabel.audit_json(lama) if lama else None,
                                tabel.audit_json(baru) if baru else None, nip)
        if berubah:
            ganti.append(nip)
    if dihapus:
        hasil.keterangan["dihapus"] = dihapus
    return ganti


def _status_impor(db, kode: str, simpan: list, punya: set, ganti: list, status_berkas: dict, roster: dict,
                  sheet: str, hasil: HasilImpor) -> dict:
    """The SKP states the import changes (services.persetujuan.rencana_impor), reported in `hasil`.

    In a period without the agreement workflow (its setting persetujuan_skp) the Status SKP column is
    not applied: one warning says so and how to switch the workflow on."""
    if status_berkas and not tabel_status.dipakai(db, kode):
        hasil.peringatan.append(Masalah(
            f"Kolom Status SKP ({len(status_berkas)} pegawai) tidak diterapkan: periode {kode} tidak memakai "
            "persetujuan SKP", f"bila periode ini memakai persetujuan SKP: kinerja periode ubah {kode} "
            "--persetujuan-skp ya, lalu impor ulang", None, sheet, None, "status skp", PERINGATAN, ""))
        status_berkas = {}
    r = rencana_impor(kode, tabel_status.ambil(db, kode, simpan), punya, ganti, status_berkas, simpan, roster)
    hasil.keterangan["status_diubah"] = len(r["simpan"]) - len(r["kembali_draf"])
    hasil.keterangan["kembali_draf"] = [{"nip": n, "nama": roster[n].nama, "status_lama": s}
                                        for n, s in r["kembali_draf"]]
    if r["mundur"]:
        hasil.keterangan["status_tetap"] = [{"nip": n, "nama": roster[n].nama, "status": s, "berkas": b}
                                            for n, s, b in r["mundur"]]
        hasil.info(teks_status_tetap(hasil.keterangan["status_tetap"]))
    if hasil.keterangan["kembali_draf"]:
        hasil.awas(teks_kembali_draf(hasil.keterangan["kembali_draf"], kode, hasil.uji_coba))
    for nip, s in r["diabaikan"]:
        hasil.peringatan.append(Masalah(
            f"Status SKP '{s}' di berkas untuk {roster[nip].nama} ({nip}) tidak diterapkan: baris SKP-nya berubah, "
            "jadi SKP kembali ke draf", f"ajukan lagi dengan: kinerja sasaran ajukan {nip} --periode {kode}", s, sheet,
            None, "status skp", PERINGATAN, nip))
    return r


def teks_status_tetap(daftar: list[dict]) -> str:
    """Which Status SKP cells were not applied because they would move a state backwards."""
    nama = "; ".join(f"{d['nama']} ({d['nip']}): tersimpan {d['status']}, di berkas {d['berkas']}" for d in daftar)
    return (f"Status SKP {len(daftar)} pegawai tidak diubah karena berkas tidak boleh memundurkan status "
            f"(mis. disetujui kembali ke diajukan): {nama}.")


def teks_kembali_draf(daftar: list[dict], periode: str, uji_coba: bool = False) -> str:
    """SKPs that were submitted or agreed and went back to draf because their rows changed."""
    nama = "; ".join(f"{d['nama']} ({d['nip']}, sebelumnya {d['status_lama']})" for d in daftar)
    kata = "akan kembali" if uji_coba else "kembali"
    return (f"Baris SKP berubah, jadi SKP {len(daftar)} pegawai {kata} ke draf dan perlu diajukan serta "
            f"disetujui lagi: {nama}. Ajukan dengan: kinerja sasaran ajukan NIP --periode {periode}")
