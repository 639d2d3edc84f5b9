"""Use cases of unit service indicators: define, record values, import, list."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..errors import DataTidakValid, ImporDitolak, TidakDitemukan, kalimat
from ..kolom import LAYANAN
from ..model import HasilImpor
from ..store import audit
from ..store import layanan as tabel
from ..store import pegawai as tabel_pegawai
from ..store.db import transaksi
from ..validation.angka import AngkaTidakValid, baca_angka, teks_desimal
from ..validation.layanan import ARAH, arah_dari_teks, periksa_layanan
from ..validation.masalah import di_sel
from ..validation.periode import KodeTidakValid, urai_kode
from . import impor_umum, tolak_tutup
from .impor_umum import konvensi_angka


def unit_wajib(db, unit: str) -> str:
    """The unit's stored spelling (case-insensitive match against the roster)."""
    u = tabel_pegawai.unit_ada(db, (unit or "").strip())
    if not u:
        raise TidakDitemukan(f"Unit kerja '{unit}' tidak ditemukan di daftar pegawai.",
                             "Lihat nama unit dengan: kinerja unit daftar")
    return u


def kode_periode(teks: str) -> str:
    try:
        return urai_kode(teks).kode
    except KodeTidakValid as e:
        raise DataTidakValid(e.pesan, kalimat(e.saran)) from None


def _angka(teks, nama: str) -> Decimal:
    try:
        d = baca_angka(teks)
    except AngkaTidakValid as e:
        raise DataTidakValid(f"{nama} {e.pesan}.", kalimat(e.saran)) from None
    if d < 0:
        raise DataTidakValid(f"{nama} tidak boleh negatif ({teks}).", f"Isi {nama.lower()} 0 atau lebih.")
    return d


def _baris_indikator(i: dict, jumlah: int | None = None) -> dict:
    d = {"id": i["id"], "unit": i["unit"], "nama": i["nama"], "satuan": i["satuan"], "arah": i["arah"],
         "target": Decimal(i["target"]) if i["target"] is not None else None}
    if jumlah is not None:
        d["jumlah_periode"] = jumlah
    return d


def tambah_indikator(db, unit: str, nama: str, satuan: str | None, arah: str, target: str | None) -> dict:
    u = unit_wajib(db, unit)
    nama = " ".join((nama or "").split())
    if not nama:
        raise DataTidakValid("Nama indikator kosong.", 'Contoh: --nama "Rata-rata waktu penerbitan izin usaha"')
    try:
        a = arah_dari_teks(arah) or "naik"
    except ValueError:
        raise DataTidakValid(f"Arah '{arah}' tidak dikenal.", f"Pilih: {', '.join(ARAH)}.") from None
    t = teks_desimal(_angka(target, "Target")) if target not in (None, "") else None
    satuan = " ".join(satuan.split()) if satuan and satuan.strip() else None
    with transaksi(db):  # "not there yet" is checked under the write lock, where the indicator is added
        ada = tabel.indikator_nama(db, nama, u)
        if ada:
            raise DataTidakValid(f"Unit {u} sudah punya indikator '{ada[0]['nama']}' (nomor {ada[0]['id']}).",
                                 "Pakai nama lain, atau catat nilainya dengan: kinerja layanan catat")
        i = tabel.indikator_tambah(db, u, nama, satuan, a, t)
        audit.catat(db, "layanan_indikator", f"{u}/{nama}", "tambah", None,
                    {"id": i["id"], "satuan": satuan, "arah": a, "target": t})
    return _baris_indikator(i)


def daftar_indikator(db, unit: str | None = None) -> list[dict]:
    u = unit_wajib(db, unit) if unit else None
    jumlah = tabel.jumlah_nilai(db)
    return [_baris_indikator(i, jumlah.get(i["id"], 0)) for i in tabel.indikator_semua(db, u)]


def cari_indikator(db, indikator: str, unit: str | None = None) -> list[dict]:
    """Indicators by id number or name (case-insensitive), optionally within a unit."""
    s = (indikator or "").strip()
    if s.isdigit():
        i = tabel.indikator_ambil(db, int(s))
        hasil = [i] if i and (not unit or i["unit"] == unit) else []
    else:
        hasil = tabel.indikator_nama(db, s, unit)
    if not hasil:
        di = f" di unit {unit}" if unit else ""
        raise TidakDitemukan(f"Indikator '{s}' tidak ditemukan{di}.",
                             "Lihat nomor dan nama indikator dengan: kinerja layanan indikator daftar")
    return hasil


def catat(db, unit: str, indikator: str, periode: str, nilai: str, sumber: str | None = None) -> dict:
    """Record one value; re-entry replaces the old one (audited). The stored value is read, compared and
    replaced in one write transaction."""
    kode = kode_periode(periode)
    n = teks_desimal(_angka(nilai, "Nilai"))
    sumber = " ".join(sumber.split()) if sumber and sumber.strip() else None
    with transaksi(db):
        return _catat(db, unit_wajib(db, unit), indikator, kode, n, sumber)


def _catat(db, u: str, indikator: str, kode: str, n: str, sumber: str | None) -> dict:
    ind = cari_indikator(db, indikator, u)[0]
    lama = tabel.nilai_ambil(db, ind["id"], kode)
    hasil = {"unit": u, "indikator_id": ind["id"], "indikator": ind["nama"], "satuan": ind["satuan"],
             "periode": kode, "nilai": Decimal(n), "sumber": sumber,
             "sebelumnya": Decimal(lama["nilai"]) if lama else None, "aksi": "tetap"}
    if lama and lama["nilai"] == n and lama["sumber"] == sumber:
        return hasil
    k = urai_kode(kode)
    tolak_tutup.tolak_bila_ditutup(db, f"Nilai layanan periode {kode}", k.mulai.isoformat(), k.selesai.isoformat())
    tabel.nilai_simpan(db, ind["id"], kode, n, sumber)
    audit.catat(db, "layanan_nilai", f"{u}/{ind['nama']}/{kode}", "ubah" if lama else "tambah",
                {"nilai": lama["nilai"], "sumber": lama["sumber"]} if lama else None,
                {"nilai": n, "sumber": sumber})
    hasil["aksi"] = "ubah" if lama else "tambah"
    return hasil


def _di_periode_ditutup(db, rencana: list) -> list:
    """One problem per planned value (added or changed) of a period inside a closed period."""
    hasil = []
    for _, kode, _, _, _, b in rencana:
        k = urai_kode(kode)
        p = tolak_tutup.periode_ditutup(db, k.mulai.isoformat(), k.selesai.isoformat())
        if p is not None:
            pesan, saran = tolak_tutup.pesan_ditutup(f"Nilai layanan periode {kode}", p)
            hasil.append(di_sel(b, "periode", pesan.rstrip("."), saran))
    return hasil


def urutan_periode(kode: str):
    """Sort key: the period's start date, then the longer period first (2026 before 2026-T1)."""
    k = urai_kode(kode)
    return (k.mulai, -(k.selesai - k.mulai).days, k.kode)


def daftar_nilai(db, unit: str | None = None, indikator: str | None = None) -> list[dict]:
    u = unit_wajib(db, unit) if unit else None
    daftar = cari_indikator(db, indikator, u) if indikator else tabel.indikator_semua(db, u)
    nilai = tabel.nilai_indikator(db, [i["id"] for i in daftar])
    hasil = []
    for i in daftar:
        for kode in sorted(nilai.get(i["id"], {}), key=urutan_periode):
            v = nilai[i["id"]][kode]
            hasil.append({"unit": i["unit"], "indikator_id": i["id"], "indikator": i["nama"], "satuan": i["satuan"],
                          "arah": i["arah"], "periode": kode, "nilai": Decimal(v["nilai"]), "sumber": v["sumber"],
                          "diubah": v["diubah"]})
    return hasil


@konvensi_angka
def impor(db, berkas: Path, sheet: str | None = None, uji_coba: bool = False, lewati_galat: bool = False) -> HasilImpor:
    """Import values (one row per unit, indicator, period); new indicators are created. All or nothing."""
    isi = impor_umum.baca(berkas, LAYANAN, sheet)  # refuses a sheet without data rows
    # The checks need the stored units and indicators (a new indicator is created by the import): they
    # run in the one write transaction with the comparison and the writes, so two imports at once
    # never both create the same indicator.
    with impor_umum.tulis(db, uji_coba):
        return _impor_isi(db, berkas, isi, uji_coba, lewati_galat)


def _impor_isi(db, berkas: Path, isi, uji_coba: bool, lewati_galat: bool) -> HasilImpor:
    unit_dikenal = {u["unit"].casefold(): u["unit"] for u in tabel_pegawai.daftar_unit(db)}
    semua = tabel.indikator_semua(db)
    ada = {(i["unit"], i["nama"].casefold()): i for i in semua}
    cek = periksa_layanan(isi.baris, unit_dikenal, ada)
    galat = impor_umum.putuskan(berkas, cek.masalah, lewati_galat)
    hasil = HasilImpor(uji_coba=uji_coba, dilewati=galat, peringatan=[m for m in cek.masalah if not m.galat])
    impor_umum.info_tata(hasil, isi)
    tersimpan = tabel.nilai_indikator(db, [i["id"] for i in semua])
    # Indicator attributes from the file: first non-empty value per indicator.
    baru: dict[tuple, dict] = {}
    ubah_ind: dict[int, tuple[dict, dict]] = {}
    for r in cek.baris:
        k = r.kunci_indikator
        i = ada.get(k)
        t = teks_desimal(r.target) if r.target is not None else None
        if i is None:
            b = baru.setdefault(k, {"unit": r.unit, "nama": r.indikator, "satuan": None, "arah": None, "target": None})
            b["satuan"] = b["satuan"] or r.satuan
            b["arah"] = b["arah"] or r.arah
            b["target"] = b["target"] or t
        else:
            lama, nanti = ubah_ind.get(i["id"], (i, dict(i)))
            if r.satuan and r.satuan != nanti["satuan"]:
                nanti["satuan"] = r.satuan
            if t is not None and t != nanti["target"]:
                nanti["target"] = t
            ubah_ind[i["id"]] = (lama, nanti)
    ubah_ind = {k: v for k, v in ubah_ind.items() if (v[0]["satuan"], v[0]["target"]) != (v[1]["satuan"], v[1]["target"])}
    rencana = []  # (key, periode, nilai text, sumber, lama or None, source row)
    for r in cek.baris:
        i = ada.get(r.kunci_indikator)
        n = teks_desimal(r.nilai)
        lama = tersimpan.get(i["id"], {}).get(r.periode) if i else None
        if lama and lama["nilai"] == n and lama["sumber"] == r.keterangan:
            hasil.tetap += 1
            continue
        rencana.append((r.kunci_indikator, r.periode, n, r.keterangan, lama, r.sumber))
        if lama:
            hasil.diubah += 1
        else:
            hasil.ditambah += 1
    tutup = _di_periode_ditutup(db, rencana)
    if tutup:  # checked in the write transaction: a period closed meanwhile refuses as well
        if not lewati_galat:
            raise ImporDitolak(
                f"Impor {Path(berkas).name} ditolak: {len(tutup)} baris berisi nilai periode yang sudah ditutup. "
                "Tidak ada data yang ditulis.", tutup,
                f"{tutup[0].saran}, atau pakai --lewati-galat untuk menyimpan baris lainnya saja.")
        jauh = {m.baris for m in tutup}
        lewat = [x for x in rencana if x[5].baris in jauh]
        rencana = [x for x in rencana if x[5].baris not in jauh]
        hasil.diubah -= sum(1 for x in lewat if x[4])
        hasil.ditambah -= sum(1 for x in lewat if not x[4])
        hasil.dilewati = hasil.dilewati + tutup
    hasil.keterangan = {"indikator_baru": len(baru), "indikator_diubah": len(ubah_ind)}
    if uji_coba:
        return hasil
    log = []
    for k, b in baru.items():
        b["arah"] = b["arah"] or "naik"
        ada[k] = tabel.indikator_tambah(db, b["unit"], b["nama"], b["satuan"], b["arah"], b["target"])
        log.append(("layanan_indikator", f"{b['unit']}/{b['nama']}", "tambah", None,
                    {"id": ada[k]["id"], "satuan": b["satuan"], "arah": b["arah"], "target": b["target"]}, None))
    for id_, (lama, nanti) in ubah_ind.items():
        tabel.indikator_ubah(db, id_, nanti["satuan"], nanti["target"])
        log.append(("layanan_indikator", f"{lama['unit']}/{lama['nama']}", "ubah",
                    {"satuan": lama["satuan"], "target": lama["target"]},
                    {"satuan": nanti["satuan"], "target": nanti["target"]}, None))
    for k, kode, n, sumber, lama, _ in rencana:
        i = ada[k]
        tabel.nilai_simpan(db, i["id"], kode, n, sumber)
        log.append(("layanan_nilai", f"{i['unit']}/{i['nama']}/{kode}", "ubah" if lama else "tambah",
                    {"nilai": lama["nilai"], "sumber": lama["sumber"]} if lama else None,
                    {"nilai": n, "sumber": sumber}, None))
    audit.catat_banyak(db, log)
    return hasil
