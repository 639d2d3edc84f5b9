"""Use cases of SKP rows (sasaran): import a sheet, add/replace one row, list."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..errors import DataTidakValid, TidakDitemukan
from ..excel.kolom import SASARAN
from ..model import HasilImpor
from ..store import audit
from ..store import pegawai as tabel_pegawai
from ..store import realisasi as tabel_realisasi
from ..store import sasaran as tabel
from ..store import skp_status as tabel_status
from ..store.db import transaksi

from ..validation.masalah import GALAT, PERINGATAN, Masalah, di_sel
from ..validation.persetujuan import KEMBALI_KE_DRAF, periksa_status_berkas
from ..validation.sasaran import TOLERANSI_BOBOT, periksa_sheet, teks_target, urai_isi


def _kunci(kode: str, nip: str, nomor: int) -> str:
    return f"{kode}/{nip}/{nomor}"


def _beda_pegawai(kode: str, nip: str, lama: dict[int, dict], baru: dict[int, dict]) -> list[tuple]:
    """Audit entries for one employee's rows: tambah / ubah / hapus per nomor (empty: no change)."""
    log = []
    for n in sorted(set(lama) | set(baru)):
        a = tabel.ke_audit(lama[n]) if n in lama else None
        b = tabel.ke_audit(baru[n]) if n in baru else None
        if a == b:
            continue
        aksi = "tambah" if a is None else "hapus" if b is None else "ubah"
        log.append(("sasaran", _kunci(kode, nip, n), aksi, a, b, nip))
    return log


def impor(db, berkas: Path, kode: str, sheet: str | None = None, uji_coba: bool = False, lewati_galat: bool = False,
          tandai: Path | None = None) -> HasilImpor:
    """Import SKP rows; each employee in the file has their rows for the period replaced."""
    from . import impor_umum
    from .periode import pastikan_terbuka

    p = pastikan_terbuka(db, kode)
    kode = p["kode"]
    isi = impor_umum.baca(berkas, SASARAN, sheet, tandai)
    roster = tabel_pegawai.semua(db)
    atasan = {roster[n].nip_atasan for n in roster if roster[n].nip_atasan}
    cek = periksa_sheet(isi.baris, roster, tabel.nomor_per_pegawai(db, kode, atasan))
    status_berkas, masalah_status, galat_status = periksa_status_berkas(cek.per_pegawai, roster)
    cek.masalah += masalah_status
    cek.nip_galat |= galat_status
    hasil = HasilImpor(uji_coba=uji_coba)
    galat = impor_umum.putuskan(berkas, cek.masalah, lewati_galat, tandai, hasil)
    if galat:  # --lewati-galat: an employee with any error is skipped as a whole
        sudah = {(m.sheet, m.baris) for m in galat}
        for nip in cek.nip_galat:
            for b, _ in cek.per_pegawai.get(nip, []):
                if (b.sheet, b.baris) not in sudah:
                    hasil.dilewati.append(di_sel(b, "nip", f"Baris dilewati: SKP {nip} punya galat di baris lain",
                                                 "perbaiki semua baris pegawai ini lalu impor ulang", kunci=nip))
    simpan = {nip: {row["nomor"]: row for _, row in daftar}
              for nip, daftar in cek.per_pegawai.items() if nip not in cek.nip_galat}
    tersimpan = tabel.baris_pegawai(db, kode, list(simpan))
    realisasi = tabel_realisasi.per_kunci(db, kode, list(simpan))
    log, ganti = [], []
    for nip, baru in simpan.items():
        lama = tersimpan.get(nip, {})
        entri = _beda_pegawai(kode, nip, lama, baru)
        hasil.tetap += sum(1 for n in set(lama) & set(baru) if tabel.ke_audit(lama[n]) == tabel.ke_audit(baru[n]))
        if not entri:
            continue
        ganti.append(nip)
        log += entri
        for e in entri:
            if e[2] == "tambah":
                hasil.ditambah += 1
            elif e[2] == "ubah":
                hasil.diubah += 1
            else:
                n = e[3]["nomor"]
                hasil.keterangan["dihapus"] = hasil.keterangan.get("dihapus", 0) + 1
                if (nip, n) in realisasi:
                    hasil.peringatan.append(Masalah(
                        f"Baris SKP nomor {n} milik {nip} tidak ada lagi di berkas, tetapi realisasinya tetap tersimpan",
                        "tambahkan kembali baris itu bila realisasinya masih berlaku", None, isi.sheet, None, "nomor",
                        PERINGATAN, nip))
    hasil.keterangan["pegawai"] = len(simpan)
    if cek.belum_diisi:
        hasil.keterangan["kosong"] = cek.belum_diisi
    status = _status_impor(db, kode, simpan, tersimpan, ganti, status_berkas, roster, isi.sheet, hasil)
    if uji_coba or not (ganti or status["simpan"]):
        return hasil
    with transaksi(db):
        for nip in ganti:
            tabel.ganti_pegawai(db, kode, nip, [simpan[nip][n] for n in sorted(simpan[nip])])
        for nip, baru in status["simpan"].items():
            tabel_status.simpan(db, kode, nip, **baru)
        audit.catat_banyak(db, log + status["log"])
    return hasil


def _status_impor(db, kode: str, simpan: dict, tersimpan: dict, ganti: list, status_berkas: dict, roster: dict,
                  sheet: str, hasil: HasilImpor) -> dict:
    """The SKP states the import changes (services.persetujuan.rencana_impor), reported in `hasil`."""
    from .persetujuan import rencana_impor

    r = rencana_impor(kode, tabel_status.ambil(db, kode, list(simpan)), set(tersimpan), ganti, status_berkas,
                      list(simpan), roster)
    hasil.keterangan["status_diubah"] = len(r["simpan"]) - len(r["kembali_draf"])
    hasil.keterangan["kembali_draf"] = [{"nip": n, "nama": roster[n].nama, "status_lama": s}
                                        for n, s in r["kembali_draf"]]
    for nip, s in r["diabaikan"]:
        hasil.peringatan.append(Masalah(
            f"Status SKP '{s}' di berkas untuk {roster[nip].nama} ({nip}) tidak diterapkan: baris SKP-nya berubah, "
            "jadi SKP kembali ke draf", f"ajukan lagi dengan: kinerja sasaran ajukan {nip} --periode {kode}", s, sheet,
            None, "status skp", PERINGATAN, nip))
    return r


def _satu_baris(nilai: dict) -> dict:
    row, ms = urai_isi(nilai)
    galat = [m for m in ms if m[3] == GALAT]
    if galat:
        raise DataTidakValid("; ".join(m[1] for m in galat) + ".", "; ".join(m[2] for m in galat if m[2]) or None)
    return row


def tambah(db, nip: str, kode: str, rhk: str, indikator: str, target: str, bobot: str, satuan: str | None = None,
           arah: str | None = None, jenis: str | None = None, aspek: str | None = None, target_maksimal: bool = False,
           rhk_atasan: int | None = None, nomor: int | None = None) -> dict:
    """Add one SKP row, or replace row `nomor` when it exists. Returns the row plus 'aksi' and 'jumlah_bobot'."""
    from .pegawai import wajib_ada
    from .periode import pastikan_terbuka

    kode = pastikan_terbuka(db, kode)["kode"]
    p = wajib_ada(db, nip)
    row = _satu_baris({"rhk": rhk, "indikator": indikator, "target": target, "bobot": bobot, "satuan": satuan,
                       "arah": arah, "jenis": jenis, "aspek": aspek, "target_maksimal": target_maksimal,
                       "nomor": nomor, "rhk_atasan": rhk_atasan})
    if row["rhk_atasan_nomor"] is not None:
        if not p.nip_atasan:
            raise DataTidakValid(f"{p.nama} ({p.nip}) tidak punya atasan langsung, jadi --rhk-atasan tidak bisa diisi.",
                                 "Hapus --rhk-atasan, atau isi NIP atasan di daftar pegawai lalu impor ulang.")
        ada = tabel.nomor_per_pegawai(db, kode, [p.nip_atasan]).get(p.nip_atasan, set())
        if row["rhk_atasan_nomor"] not in ada:
            raise DataTidakValid(
                f"RHK atasan nomor {row['rhk_atasan_nomor']} tidak ada di SKP atasan {p.nip_atasan} periode {kode} "
                f"(nomor yang ada: {', '.join(str(x) for x in sorted(ada)) or 'belum ada'}).",
                f"Lihat SKP atasan dengan: kinerja sasaran daftar --periode {kode} --nip {p.nip_atasan}")
    lama_semua = tabel.baris_pegawai(db, kode, [p.nip]).get(p.nip, {})
    if row["nomor"] is None:
        row["nomor"] = max(lama_semua, default=0) + 1
    lama = lama_semua.get(row["nomor"])
    aksi = "tambah" if lama is None else "ubah"
    kembali_draf = None
    if lama is not None and tabel.ke_audit(lama) == tabel.ke_audit(row):
        aksi = "tetap"
    else:
        from .persetujuan import kembali_ke_draf

        status = tabel_status.ambil(db, kode, [p.nip]).get(p.nip)
        with transaksi(db):
            tabel.simpan_satu(db, kode, p.nip, row)
            audit.catat(db, "sasaran", _kunci(kode, p.nip, row["nomor"]), aksi,
                        tabel.ke_audit(lama) if lama else None, tabel.ke_audit(row), p.nip)
            if status and status["status"] in KEMBALI_KE_DRAF:  # a real change: the agreement no longer holds
                baru, entri = kembali_ke_draf(kode, p.nip, status)
                tabel_status.simpan(db, kode, p.nip, **baru)
                audit.catat_banyak(db, [entri])
                kembali_draf = status["status"]
    jumlah = tabel.bobot_per_pegawai(db, kode, [p.nip]).get(p.nip, Decimal(0))
    return {**row, "nip": p.nip, "nama": p.nama, "periode": kode, "aksi": aksi, "jumlah_bobot": jumlah,
            "bobot_pas": abs(jumlah - 100) <= TOLERANSI_BOBOT, "kembali_draf": kembali_draf}


def daftar(db, kode: str, nip: str | None = None, unit: str | None = None) -> tuple[list[dict], list[dict]]:
    """(rows for listing, employees whose bobot sum is not 100: nip, nama, jumlah_bobot)."""
    from .pegawai import wajib_ada
    from .periode import wajib_ada as periode_ada

    kode = periode_ada(db, kode)["kode"]
    if nip:
        nip = wajib_ada(db, nip).nip
    if unit:
        u = tabel_pegawai.unit_ada(db, unit)
        if not u:
            raise TidakDitemukan(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
        unit = u
    baris = tabel.daftar(db, kode, nip, unit)
    jumlah: dict[str, tuple[str, Decimal]] = {}
    for b in baris:
        b["target"] = teks_target(b["target_lo"], b["target_hi"])
        b["periode"] = kode
        nama, s = jumlah.get(b["nip"], (b["nama"], Decimal(0)))
        jumlah[b["nip"]] = (nama, s + b["bobot"])
    tidak_pas = [{"nip": n, "nama": nm, "jumlah_bobot": s} for n, (nm, s) in jumlah.items()
                 if abs(s - 100) > TOLERANSI_BOBOT]
    return baris, tidak_pas


def teks_jumlah(d: dict) -> str:
    from ..validation.angka import angka_id

    return f"{d['nama']} ({d['nip']}): {angka_id(d['jumlah_bobot'])}"
