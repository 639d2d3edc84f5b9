"""Use cases of SKP rows (sasaran): import a sheet, add/replace one row, list."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..errors import DataTidakValid, TidakDitemukan
from ..model import HasilImpor
from ..store import audit
from ..store import pegawai as tabel_pegawai
from ..store import sasaran as tabel
from ..store import skp_status as tabel_status
from ..store.db import transaksi
from ..validation.angka import angka_id
from ..validation.masalah import GALAT
from ..validation.persetujuan import KEMBALI_KE_DRAF
from ..validation.sasaran import TOLERANSI_BOBOT, teks_target, urai_isi
from .pegawai import unit_wajib_ada, wajib_ada
from .periode import pastikan_terbuka
from .periode import wajib_ada as periode_ada
from .persetujuan import kembali_ke_draf
from .sasaran_impor import impor as impor_berkas
from .sasaran_tautan import lepas_tautan_hilang
from .skp_lampiran import salin as salin_lampiran  # the SKP's lampiran and ekspektasi come along


def _kunci(kode: str, nip: str, nomor: int) -> str:
    return f"{kode}/{nip}/{nomor}"


def impor(db, berkas: Path, kode: str, sheet: str | None = None, uji_coba: bool = False, lewati_galat: bool = False,
          tandai: Path | None = None) -> HasilImpor:
    """Import SKP rows; each employee in the file has their rows for the period replaced (services.sasaran_impor)."""
    return impor_berkas(db, berkas, kode, sheet, uji_coba, lewati_galat, tandai)


def _satu_baris(nilai: dict) -> dict:
    row, ms = urai_isi(nilai)
    galat = [(pesan, saran) for _, pesan, saran, tingkat in ms if tingkat == GALAT]
    if galat:
        raise DataTidakValid("; ".join(p for p, _ in galat) + ".", "; ".join(s for _, s in galat if s) or None)
    return row


def tambah(db, nip: str, kode: str, rhk: str, indikator: str, target: str, bobot: str, satuan: str | None = None,
           arah: str | None = None, jenis: str | None = None, aspek: str | None = None, target_maksimal: bool = False,
           rhk_atasan: int | None = None, nomor: int | None = None, perspektif: str | None = None) -> dict:
    """Add one SKP row, or replace row `nomor` when it exists (the whole row: without `perspektif` it has none).
    Returns the row plus 'aksi' and 'jumlah_bobot'."""
    kode = pastikan_terbuka(db, kode).kode
    row = _satu_baris({"rhk": rhk, "indikator": indikator, "target": target, "bobot": bobot, "satuan": satuan,
                       "arah": arah, "jenis": jenis, "aspek": aspek, "target_maksimal": target_maksimal,
                       "nomor": nomor, "rhk_atasan": rhk_atasan, "perspektif": perspektif})
    with transaksi(db):  # the checks against stored rows, the next nomor and the write: under one lock
        return _tambah(db, kode, wajib_ada(db, nip), row)


def _tambah(db, kode: str, p, row: dict) -> dict:
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
        status = tabel_status.ambil(db, kode, [p.nip]).get(p.nip)
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
    kode = periode_ada(db, kode).kode
    if nip:
        nip = wajib_ada(db, nip).nip
    if unit:
        unit = unit_wajib_ada(db, unit)
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
    return f"{d['nama']} ({d['nip']}): {angka_id(d['jumlah_bobot'])}"


def salin(db, dari: str, ke: str, unit: str | None = None, nip: str | None = None) -> dict:
    """Copy the SKP rows of period `dari` to period `ke` as draf (targets and weights kept, no
    realisations, no agreement state), for active employees who have no rows in `ke` yet; their lampiran and
    ekspektasi khusus pimpinan come along (unless they already have some in `ke`).

    An RHK atasan link to a row the atasan does not have in `ke` is not copied (services.sasaran_tautan).
    Returns {'dari', 'ke', 'disalin': [nip], 'baris': rows copied, 'dilewati': [nip] (already had rows),
    'dilewati_nama': ['Nama (NIP)'], 'tautan_dilepas': [links not copied],
    'lampiran': employees whose lampiran/ekspektasi were copied, 'nonaktif_nama': ['Nama (NIP)'] of deactivated
    employees of the selection with rows in `dari`, not copied}."""
    asal = periode_ada(db, dari).kode
    tujuan = pastikan_terbuka(db, ke).kode
    if asal == tujuan:
        raise DataTidakValid(f"--dari dan --ke sama ({asal}).", "Salin dari periode lama ke periode baru, misalnya "
                             "--dari 2025 --ke 2026.")
    if unit:
        u = tabel_pegawai.unit_ada(db, unit)
        if u is None:
            raise TidakDitemukan(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
        semua = tabel_pegawai.cari(db, u, hanya_aktif=False)
    elif nip:
        semua = [wajib_ada(db, nip)]  # named on purpose: copied even when deactivated
    else:
        semua = tabel_pegawai.cari(db, hanya_aktif=False)
    # active employees only (or the one named); the others are named in the result, never left out silently
    nips = [p.nip for p in semua if p.aktif or nip]
    lepas_aktif = {p.nip: p for p in semua if not (p.aktif or nip)}
    nonaktif = [f"{lepas_aktif[n].nama} ({n})" for n in sorted(tabel.baris_pegawai(db, asal, list(lepas_aktif)),
                                                                 key=lambda n: (lepas_aktif[n].nama, n))] \
        if lepas_aktif else []
    baris = tabel.baris_pegawai(db, asal, nips)
    if not baris:
        raise TidakDitemukan(f"Tidak ada baris SKP periode {asal} yang dapat disalin"
                             + (f" untuk unit {unit}" if unit else f" untuk {nip}" if nip else "")
                             + (f"; {teks_nonaktif(nonaktif)}" if nonaktif else "") + ".",
                             f"Lihat dengan: kinerja sasaran daftar --periode {asal}")
    with transaksi(db):  # which employees already have rows in `ke` is read under the write lock
        sudah = tabel.nomor_per_pegawai(db, tujuan, baris)
        # the rows to copy (the same dicts as in `baris`): links to rows `ke` will not have are cleared in place
        dilepas = lepas_tautan_hilang(db, tujuan, {n: r for n, r in baris.items() if n not in sudah})
        lepas_map = {(d["nip"], d["nomor"]): d["rhk_atasan_nomor"] for d in dilepas}
        log = audit.Pencatat(db)
        disalin, n = [], 0
        for p_nip in sorted(baris):
            if p_nip in sudah:
                continue
            for nomor in sorted(baris[p_nip]):
                row = baris[p_nip][nomor]
                tabel.simpan_satu(db, tujuan, p_nip, row)
                lepas = {"rhk_atasan_tidak_disalin": lepas_n} if (lepas_n := lepas_map.get((p_nip, nomor))) else {}
                log.tambah_banyak([("sasaran", _kunci(tujuan, p_nip, nomor), "tambah", None,
                                    {**tabel.ke_audit(row), "disalin_dari": asal, **lepas}, p_nip)])
                n += 1
            disalin.append(p_nip)

        lampiran = salin_lampiran(db, log, asal, tujuan, disalin) if disalin else 0
        log.selesai()
    roster = tabel_pegawai.semua(db) if sudah else {}
    return {"dari": asal, "ke": tujuan, "disalin": disalin, "baris": n, "dilewati": sorted(sudah),
            "dilewati_nama": [f"{roster[x].nama} ({x})" if x in roster else x for x in sorted(sudah)],
            "tautan_dilepas": dilepas, "lampiran": lampiran, "nonaktif_nama": nonaktif}


def teks_nonaktif(nama: list[str], n: int = 5) -> str:
    """'1 pegawai nonaktif tidak disalin: Nama (NIP)' (the first `n` named, then how many more)."""
    lain = f"; dan {len(nama) - n} lainnya" if len(nama) > n else ""
    return f"{len(nama)} pegawai nonaktif tidak disalin: " + "; ".join(nama[:n]) + lain
