"""SIASN's files through `kinerja pegawai impor`: the roster export (unchanged, as BKN writes it),
the unor hierarchy (HIERARKI_UNOR), and the workbook of `kinerja templat atasan` (atasan links only).

Only the columns performance management needs are read from the export (kolom.SIASN); the
personal ones (NIK, NOMOR HP, ALAMAT, NPWP, BPJS, EMAIL, TANGGAL LAHIR ...) are never read.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import BerkasTidakValid
from ..kolom import ATASAN, HIERARKI, SIASN, Tata, normalisasi_judul
from ..model import BarisSumber, HasilImpor
from ..store import audit
from ..store import pegawai as tabel
from ..store import unor as tabel_unor
from ..validation.masalah import PERINGATAN, Masalah, di_sel
from ..validation.nip import NIPTidakValid, periksa_nip
from ..validation.roster import JENIS_STRUKTURAL_DITEBAK, cari_lingkaran, periksa_berkas, rantai_atasan
from ..validation.siasn import (
    ekspor_siasn,
    indeks_opd,
    jenis_dari_nama_jabatan,
    kedudukan_siasn,
    lepas_petik,
    nama_lengkap,
    status_siasn,
    teks_id,
)
from ..validation.teks import teks as _teks
from . import impor_umum
from .pegawai_tulis import jenis_pegawai, simpan
from .unor import baca_hierarki, impor_hierarki, info, ribuan  # noqa: F401 (baca_hierarki: for services.pegawai)


class PenghitungPetik:
    """Strips one leading apostrophe of the NIP cells ("'1987..."), counting the rows: reported once."""

    def __init__(self):
        self.n = 0
        self.contoh: list[int] = []

    def nip(self, b: BarisSumber, key: str = "nip"):
        v, dilepas = lepas_petik(b.nilai.get(key))
        if dilepas and key == "nip":
            self.n += 1
            if len(self.contoh) < 3:
                self.contoh.append(b.baris)
        return v

    def lepas(self, baris):
        for b in baris:
            for key in ("nip", "nip_atasan"):
                if b.nilai.get(key).__class__ is str:
                    b.nilai[key] = self.nip(b, key)
            yield b

    def laporkan(self, hasil: HasilImpor) -> None:
        if self.n:
            info(hasil, f"NIP diawali tanda petik: {ribuan(self.n)} baris, misalnya baris "
                        f"{', '.join(map(str, self.contoh))}; tanda petiknya dilepas (begitulah SIASN menulis NIP "
                        "sebagai teks, bukan salah ketik).")


def _cocok(sel: list, tata: Tata) -> bool:
    ada = {normalisasi_judul(v) for v in sel if v is not None}
    return all(any(normalisasi_judul(n) in ada for n in (k.judul, *k.alias)) for k in tata.wajib())


def impor_dikenali(db, e, berkas: Path, sheet, uji_coba, lewati_galat, nonaktifkan_hilang, tandai, hier, unit_dari):
    """A file that is not a plain roster (its KolomTidakLengkap refusal `e` holds its header row):
    SIASN's export, SIASN's hierarchy, or the atasan workbook; else the refusal, with a hint."""
    if ekspor_siasn(e.sel):
        return impor_siasn(db, berkas, sheet, uji_coba, lewati_galat, nonaktifkan_hilang, tandai, hier, unit_dari)
    if _cocok(e.sel, HIERARKI):
        return impor_hierarki(db, berkas, uji_coba)
    if e.sheet.strip().lower() == ATASAN.nama_sheet.lower() and _cocok(e.sel, ATASAN):
        return impor_atasan(db, berkas, sheet, uji_coba, lewati_galat, tandai)
    raise e


# --- the roster export ---

def _galat_tanpa_hierarki(berkas: Path) -> BerkasTidakValid:
    return BerkasTidakValid(
        f"{berkas.name} adalah ekspor daftar pegawai SIASN (dikenali dari baris judulnya). Kolom UNOR NAMA-nya berisi "
        "unor terendah (UPT, seksi, subbagian ...), bukan OPD, dan belum ada hierarki unor tersimpan untuk "
        "menentukan OPD-nya. Tidak ada data yang ditulis.",
        f"Unduh hierarki unor dari SIASN (berkas HIERARKI_UNOR: kolom ID, NAMA_UNOR, ID_ATASAN) lalu impor: "
        f"kinerja pegawai impor {berkas.name} --hierarki HIERARKI_UNOR.xlsx. Bila setiap unor memang ingin "
        f"dijadikan unit kerja sendiri: kinerja pegawai impor {berkas.name} --unit-dari unor")


def impor_siasn(db, berkas: Path, sheet, uji_coba, lewati_galat, nonaktifkan_hilang, tandai, hier,
                unit_dari) -> HasilImpor:
    unor = hier.unor if hier is not None else (tabel_unor.semua(db) if unit_dari is None else {})
    if not unor and unit_dari is None:
        raise _galat_tanpa_hierarki(berkas)
    opd, nama_unor, _ = indeks_opd(unor) if unor else ({}, {}, [])
    petik = PenghitungPetik()
    tambahan: list[Masalah] = []
    tak_tentu: set[str] = set()
    with impor_umum.alir(berkas, SIASN, sheet, tandai) as isi:
        dari_berkas = periksa_berkas(_ke_roster(isi, petik, opd, nama_unor, unit_dari, tambahan, tak_tentu))
    if tambahan:
        dari_berkas.masalah += tambahan
        dari_berkas.galat |= {m.baris for m in tambahan if m.galat}
        dari_berkas.baik = [(b, p) for b, p in dari_berkas.baik if b.baris not in dari_berkas.galat]
    hasil = simpan(db, berkas, isi.sheet, dari_berkas, ["nip_atasan"], uji_coba, lewati_galat, nonaktifkan_hilang,
                   tandai, hier, ingatkan_absen=False, seluruh_pemda=True, jenis_tak_tentu=tak_tentu)
    n = len(dari_berkas.baik)
    asal = ("unit kerja dari hierarki unor, unor terendah disimpan sebagai sub unit" if unit_dari is None
            else "unit kerja = UNOR NAMA (--unit-dari unor)")
    info(hasil, f"Ekspor daftar pegawai SIASN dikenali (sheet {isi.sheet}): {ribuan(n)} pegawai; {asal}. Kolom pribadi "
                "(NIK, nomor HP, alamat, NPWP, BPJS, email, tanggal lahir ...) tidak dibaca dan tidak disimpan.")
    petik.laporkan(hasil)
    ditebak = [m for m in hasil.peringatan if m.pesan == JENIS_STRUKTURAL_DITEBAK]
    if ditebak:
        info(hasil, f"Jenis jabatan struktural ditentukan dari nama jabatan (ekspor SIASN tidak memuat eselon): "
                    f"{ribuan(len(ditebak))} pegawai; periksa di daftar peringatan.")
    if tak_tentu:
        tetap = hasil.keterangan.pop("jenis_dipertahankan", 0)
        info(hasil, f"{ribuan(len(tak_tentu))} jenis jabatan tidak dapat disimpulkan; nilai tersimpan dipertahankan "
                    f"({ribuan(tetap)} pegawai sudah punya jenis jabatan tersimpan). Isi yang belum dengan: "
                    f"{SARAN_JENIS}")
    if nonaktifkan_hilang:
        jenis = sorted({jenis_pegawai(p.status) or "-" for _, p in dari_berkas.baik})
        info(hasil, f"--nonaktifkan-yang-hilang: ekspor SIASN memuat seluruh pemda, jadi berlaku untuk pegawai "
                    f"{', '.join(jenis)} di semua unit kerja (jenis pegawai lain tidak disentuh).")
    info(hasil, "Ekspor SIASN tidak memuat atasan langsung: tautan atasan yang tersimpan dipertahankan. "
                "Atur sekaligus dengan: kinerja templat atasan ATASAN.xlsx --unit UNIT, lalu kinerja pegawai impor "
                "ATASAN.xlsx")
    return hasil


SARAN_JENIS = "kinerja pegawai ubah NIP --jenis-jabatan JPT (atau administrator, pengawas)"


def _ke_roster(isi, petik: PenghitungPetik, opd: dict, nama_unor: dict, unit_dari, tambahan: list, tak_tentu: set):
    """The export's rows as roster rows (PEGAWAI keys), each problem pointing at the export's own cell."""
    h = isi.huruf
    huruf = {"nip": h["nip"], "nama": h["nama"], "gelar_depan": h["gelar_depan"], "gelar_belakang": h["gelar_belakang"],
             "jabatan": h["jabatan"], "jenis_jabatan": h["jenis_jabatan"], "golongan": h["golongan"],
             "unit": h["unor_id"], "unor_id": h["unor_id"], "sub_unit": h["unor_nama"], "status": h["kedudukan"],
             "kedudukan": h["kedudukan"]}
    for b in isi.baris:
        v = b.nilai
        nip = petik.nip(b)
        uid, unor_nama = teks_id(v.get("unor_id")), _teks(v.get("unor_nama"))
        baru = BarisSumber(b.sheet, b.baris, {}, b.format, huruf)
        if unit_dari is not None:
            unit, sub = unor_nama, None
        elif uid is None or uid not in opd:
            apa = f"UNOR ID '{uid}' ({unor_nama or 'tanpa nama'}) tidak ada di hierarki unor" if uid else "UNOR ID kosong"
            tambahan.append(di_sel(baru, "unit", apa, "impor hierarki unor SIASN yang terbaru dengan --hierarki, atau "
                                   "periksa UNOR ID pegawai ini di SIASN", nilai=uid))
            unit, sub = unor_nama or "-", None
        else:
            unit = nama_unor[opd[uid]]
            sub = nama_unor[uid] if uid != opd[uid] else None
        aktif, kedudukan = kedudukan_siasn(v.get("kedudukan"))
        if aktif is None:
            tambahan.append(di_sel(baru, "kedudukan", "KEDUDUKAN HUKUM NAMA kosong: aktif atau tidaknya pegawai tidak "
                                   "diketahui", "isi kedudukan hukum (Aktif, Tugas Belajar, CLTN ...) di SIASN",
                                   nilai=None))
            aktif = True
        try:
            info_nip = periksa_nip(nip)
            jenis_nip = info_nip.jenis
        except NIPTidakValid:
            info_nip = jenis_nip = None
        jj = v.get("jenis_jabatan")
        if _teks(jj) and "struktural" in _teks(jj).lower() and jenis_dari_nama_jabatan(v.get("jabatan")) is None:
            # the export has no eselon; a file nobody can edit is not refused for it: a stored kind is kept
            tambahan.append(di_sel(baru, "jenis_jabatan", "Jabatan struktural yang jenisnya (JPT, administrator, "
                                   "pengawas) tidak dapat ditentukan dari nama jabatan: jenis jabatan yang tersimpan "
                                   "dipertahankan (belum ada: disimpan tanpa jenis jabatan)",
                                   f"isi bila diperlukan dengan: {SARAN_JENIS}", PERINGATAN, nilai=v.get("jabatan")))
            jj = None
            if info_nip is not None:
                tak_tentu.add(info_nip.nip)
        baru.nilai.update({
            "nip": nip, "nama": nama_lengkap(v.get("gelar_depan"), v.get("nama"), v.get("gelar_belakang")),
            "gelar_depan": v.get("gelar_depan"), "gelar_belakang": v.get("gelar_belakang"),
            "jabatan": v.get("jabatan"), "jenis_jabatan": jj, "golongan": v.get("golongan"),
            "unit": unit, "sub_unit": sub, "unor_id": uid, "aktif": aktif, "kedudukan": kedudukan,
            "status": status_siasn(v.get("kedudukan"), v.get("status_cpns"), v.get("jenis_pegawai"), b.sheet,
                                   jenis_nip),
        })
        yield baru


# --- the atasan workbook (kinerja templat atasan) ---

def impor_atasan(db, berkas: Path, sheet, uji_coba, lewati_galat, tandai) -> HasilImpor:
    """Only the atasan links of the people listed change; a blank NIP Atasan clears the link."""
    petik = PenghitungPetik()
    with impor_umum.alir(berkas, ATASAN, sheet, tandai) as isi:
        baris = list(petik.lepas(isi.baris))
    hasil = HasilImpor(uji_coba=uji_coba)
    with impor_umum.tulis(db, uji_coba):
        tersimpan = tabel.semua(db)
        masalah, rencana = _periksa_atasan(baris, tersimpan)
        impor_umum.putuskan(berkas, masalah, lewati_galat, tandai, hasil)
        impor_umum.info_tata(hasil, isi)
        ubah, log = [], []
        for nip, atasan in rencana.items():
            lama = tersimpan[nip].nip_atasan
            if lama != atasan:
                ubah.append((nip, atasan))
                log.append(("pegawai", nip, "ubah", {"nip_atasan": lama}, {"nip_atasan": atasan}, nip))
            else:
                hasil.tetap += 1
        hasil.diubah = len(ubah)
        if ubah and not uji_coba:
            tabel.atur_atasan(db, ubah)
            audit.catat_banyak(db, log)
    info(hasil, f"Berkas atasan (sheet {isi.sheet}): hanya NIP Atasan yang diperbarui; data pegawai lain tidak diubah.")
    petik.laporkan(hasil)
    return hasil


def _periksa_atasan(baris: list, tersimpan: dict) -> tuple[list, dict]:
    masalah, rencana, dari = [], {}, {}
    for b in baris:
        try:
            nip = periksa_nip(b.nilai.get("nip")).nip
        except NIPTidakValid as e:
            masalah.append(di_sel(b, "nip", e.pesan, e.saran))
            continue
        if nip not in tersimpan:
            masalah.append(di_sel(b, "nip", f"Pegawai {nip} tidak ada di daftar pegawai", "impor daftar pegawainya "
                                  "dulu, atau hapus baris ini", kunci=nip))
            continue
        if nip in dari:
            masalah.append(di_sel(b, "nip", f"NIP {nip} ganda: sudah ada di baris {dari[nip].baris}", "hapus salah "
                                  "satu baris", kunci=nip))
            continue
        dari[nip] = b
        atasan = None
        if b.nilai.get("nip_atasan") not in (None, ""):
            try:
                atasan = periksa_nip(b.nilai.get("nip_atasan")).nip
            except NIPTidakValid as e:
                masalah.append(di_sel(b, "nip_atasan", "NIP atasan tidak valid: " + e.pesan, e.saran, kunci=nip))
                continue
            if atasan == nip:
                masalah.append(di_sel(b, "nip_atasan", "Pegawai tidak boleh menjadi atasan dirinya sendiri",
                                      "isi NIP atasan langsung yang benar", kunci=nip))
                continue
            if atasan not in tersimpan:
                masalah.append(di_sel(b, "nip_atasan", f"Atasan {atasan} tidak ada di daftar pegawai",
                                      "periksa NIP atasan, atau impor pegawainya dulu", kunci=nip))
                continue
        rencana[nip] = atasan
    atasan_dari = {n: p.nip_atasan for n, p in tersimpan.items()}
    atasan_dari.update(rencana)
    for n in cari_lingkaran(atasan_dari):
        if n in dari:
            masalah.append(di_sel(dari[n], "nip_atasan", "Rantai atasan berputar: "
                                  + " → ".join(rantai_atasan(atasan_dari, n)), "perbaiki NIP atasan agar rantai "
                                  "berakhir pada pimpinan tertinggi", kunci=n))
            rencana.pop(n, None)
    return masalah, rencana
