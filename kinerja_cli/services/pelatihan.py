"""Use cases of competence development records: import, record, list, the 20 JP recap."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from ..errors import DataTidakValid, ImporDitolak, kalimat
from ..kolom import PELATIHAN
from ..kosakata import (
    BUTUH_PERBAIKAN,
    CUKUP,
    KURANG,
    KURANG_MISCONDUCT,
    NONAKTIF,
    ORDER_PREDIKAT,
    SANGAT_KURANG,
    jenis_dasar,
)
from ..model import BarisSumber, HasilImpor
from ..store import audit
from ..store import pegawai as tabel_pegawai
from ..store import pelatihan as tabel
from ..store.db import transaksi
from ..validation import pelatihan as cek
from ..validation.tanggal_id import tanggal_id

MINIMAL_JP = cek.MINIMAL_JP  # PNS: at least 20 JP a year (PP 11/2017 Pasal 203 ayat 4)
DASAR_HUKUM_JP = cek.DASAR_HUKUM_JP
MAKSIMAL_JP_PPPK = cek.MAKSIMAL_JP_PPPK  # PPPK: at most 24 JP a contract year (PP 49/2018 Pasal 40 ayat 1)
DASAR_HUKUM_JP_PPPK = cek.DASAR_HUKUM_JP_PPPK
# DOMAIN.md section 7: Butuh Perbaikan / Cukup or worse calls for follow-up.
PREDIKAT_TINDAK_LANJUT = frozenset({BUTUH_PERBAIKAN, CUKUP, KURANG, KURANG_MISCONDUCT, SANGAT_KURANG})
TAHUN_MIN, TAHUN_MAKS = 2000, 2100
from ..excel.templat import tulis_templat_pelatihan
from ..excel.tulis import periksa_tujuan
from ..validation.masalah import di_sel
from . import impor_umum, nilai, tolak_tutup
from .impor_umum import konvensi_angka
from .pegawai import unit_wajib_ada, wajib_ada
from .tren import periode_urut, tercatat


def _kunci_audit(c: dict) -> str:
    return f"{c['nip']}|{c['tanggal']}|{c['kegiatan']}"


def _rencana(db, catatan: list[cek.Catatan]) -> tuple[list[dict], list[dict], list[tuple], int]:
    """Compare with what is stored: (new, changed, audit entries, unchanged count)."""
    tersimpan = tabel.per_kunci(db, {c.nip for c in catatan})
    baru, ubah, log, tetap = [], [], [], 0
    for c in catatan:
        d = c.ke_dict()
        lama = tersimpan.get(c.kunci())
        if lama is None:
            baru.append(d)
            log.append(("pelatihan", _kunci_audit(d), "tambah", None, d, c.nip))
            continue
        beda = [k for k in ("jenis", "jp", "penyelenggara") if lama[k] != d[k]]
        if beda:
            ubah.append(d)
            log.append(("pelatihan", _kunci_audit(d), "ubah", {k: lama[k] for k in beda}, {k: d[k] for k in beda}, c.nip))
        else:
            tetap += 1
    return baru, ubah, log, tetap


@konvensi_angka
def impor(db, berkas: Path, sheet: str | None = None, uji_coba: bool = False,
          lewati_galat: bool = False, tandai: Path | None = None) -> HasilImpor:
    """Import layout PELATIHAN; all-or-nothing unless `lewati_galat`; upsert by (nip, kegiatan, tanggal).
    `tandai`: a marked copy of the workbook when it has problems (as every other importer)."""
    isi = impor_umum.baca(berkas, PELATIHAN, sheet, tandai)
    bacaan = impor_umum.Bacaan(db, berkas)  # the roster the checks use, re-checked under the write lock
    hasil_cek = cek.periksa_pelatihan(isi.baris, bacaan.ambil("Daftar pegawai", lambda: tabel_pegawai.semua(db)))
    galat = impor_umum.putuskan(berkas, hasil_cek.masalah, lewati_galat, tandai)
    with impor_umum.tulis(db, uji_coba, bacaan):  # what is stored is read, compared and written under one lock
        baru, ubah, log, tetap = _rencana(db, [c for _, c in hasil_cek.catatan])
        tutup = _di_periode_ditutup(db, hasil_cek.catatan, baru + ubah)
        if tutup:  # closed periods are checked under the lock: one closed meanwhile refuses as well
            if not lewati_galat:
                raise ImporDitolak(
                    f"Impor {Path(berkas).name} ditolak: {len(tutup)} baris bertanggal di dalam periode yang sudah "
                    "ditutup. Tidak ada data yang ditulis.", tutup,
                    f"{tutup[0].saran}, atau pakai --lewati-galat untuk menyimpan baris lainnya saja.")
            jauh = {(m.sheet, m.baris) for m in tutup}
            baru, ubah, log, tetap = _rencana(db, [c for b, c in hasil_cek.catatan if (b.sheet, b.baris) not in jauh])
            galat = galat + tutup
        hasil = HasilImpor(ditambah=len(baru), diubah=len(ubah), tetap=tetap, dilewati=galat, uji_coba=uji_coba,
                           peringatan=[m for m in hasil_cek.masalah if not m.galat])
        impor_umum.info_tata(hasil, isi)
        if not uji_coba:
            tabel.simpan_banyak(db, baru, ubah)
            audit.catat_banyak(db, log)
    return hasil


def catat(db, nip: str, kegiatan: str, jenis: str, tanggal: str, jp: str,
          penyelenggara: str | None = None) -> dict:
    """Record one activity typed on the command line. Returns the record and 'aksi' (tambah|ubah|tetap)."""
    with transaksi(db):  # the checks against stored data, the comparison and the write: one transaction
        return _catat(db, wajib_ada(db, nip), kegiatan, jenis, tanggal, jp, penyelenggara)


def _catat(db, p, kegiatan: str, jenis: str, tanggal: str, jp: str, penyelenggara: str | None) -> dict:
    b = BarisSumber("", 0, {"nip": p.nip, "nama": None, "kegiatan": kegiatan, "jenis": jenis, "tanggal": tanggal,
                            "jp": jp, "penyelenggara": penyelenggara},
                    huruf={"kegiatan": "--kegiatan", "jenis": "--jenis", "tanggal": "--tanggal", "jp": "--jp"})
    c, ms = cek.periksa_baris(b, tabel_pegawai.semua(db))
    galat = [m for m in ms if m.galat]
    if c is None:
        m = galat[0]
        raise DataTidakValid(f"{m.pesan}.", kalimat(m.saran) or None)
    baru, ubah, log, _ = _rencana(db, [c])
    if baru or ubah:
        tolak_tutup.tolak_bila_ditutup(db, f"Tanggal {tanggal_id(c.tanggal)}", c.tanggal)  # an unchanged re-entry is no write
        tabel.simpan_banyak(db, baru, ubah)
        audit.catat_banyak(db, log)
    aksi = "tambah" if baru else "ubah" if ubah else "tetap"
    return {**c.ke_dict(), "nama": p.nama, "aksi": aksi, "peringatan": [m.pesan for m in ms if not m.galat]}


def _di_periode_ditutup(db, pasangan: list, ditulis: list[dict]) -> list:
    """One problem per row that would add or change a record dated inside a closed period (a row
    equal to what is stored writes nothing and passes)."""
    kunci = {(d["nip"], d["kegiatan"], d["tanggal"]) for d in ditulis}
    hasil = []
    for b, c in pasangan:
        p = tolak_tutup.periode_ditutup(db, c.tanggal) if c.kunci() in kunci else None
        if p is not None:
            pesan, saran = tolak_tutup.pesan_ditutup(f"Tanggal {tanggal_id(c.tanggal)}", p)
            hasil.append(di_sel(b, "tanggal", pesan.rstrip("."), saran, kunci=c.nip))
    return hasil


def _tahun(tahun: int | None) -> int | None:
    if tahun is not None and not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise DataTidakValid(f"Tahun {tahun} di luar rentang yang masuk akal.", f"Isi tahun {TAHUN_MIN}–{TAHUN_MAKS}, misalnya 2026.")
    return tahun


def _unit(db, unit: str | None) -> str | None:
    return unit_wajib_ada(db, unit) if unit else None


def daftar(db, nip: str | None = None, tahun: int | None = None, unit: str | None = None) -> list[dict]:
    n = wajib_ada(db, nip).nip if nip else None
    rows = tabel.daftar(db, n, _tahun(tahun), _unit(db, unit))
    for r in rows:
        r["jp"] = Decimal(r["jp"])
    return rows


def predikat_terburuk(db, tahun: int, unit: str | None = None, dikenal: dict | None = None) -> dict[str, str]:
    """nip -> worst predikat over the periods starting in `tahun` (one `laporan` call per period).

    `dikenal`: period code -> {nip: predikat} of the employees with data, already computed by the
    caller for the same unit filter (the recap passes its own, so a large period is not scored twice).
    """
    urutan = {p: i for i, p in enumerate(ORDER_PREDIKAT)}
    hasil: dict[str, str] = {}
    for per in periode_urut(db, tahun):
        predikat = (dikenal or {}).get(per.kode)
        if predikat is None:
            predikat = predikat_per_nip(nilai.laporan(db, per.kode, unit=unit, ringkas=True).rekaman)
        for n, pr in predikat.items():
            if n not in hasil or urutan.get(pr, -1) > urutan.get(hasil[n], -1):
                hasil[n] = pr
    return hasil


def predikat_per_nip(rekaman) -> dict[str, str]:
    """nip -> predikat of the records resting on data recorded in the period."""
    return {r.pegawai.nip: r.hasil.predikat for r in rekaman if tercatat(r)}


def rekap(db, tahun: int, unit: str | None = None, prioritas: bool = False, dikenal: dict | None = None) -> list[dict]:
    """JP per employee of calendar year `tahun` against the rule of their status (DOMAIN.md 7):
    a PNS against the MINIMAL_JP (20) minimum, a PPPK against the MAKSIMAL_JP_PPPK (24) ceiling (a PPPK
    has no minimum, so is never "under 20 JP"), with the follow-up flags.

    The employees: the active ones and, as in the results of the year's periods (store.nilai's one rule),
    those deactivated with data in one of them (listed with `aktif` False and Keterangan starting
    "pegawai nonaktif"), so the count agrees with the recap's Ringkasan.

    Each row: nip, nama, unit, status (PNS | PPPK), aktif (bool), jumlah_kegiatan (int), jp (Decimal), ketentuan_jp (the
    rule in words), kekurangan_jp (Decimal, 0 when met; None for a PPPK), melebihi_batas (bool: a PPPK
    above 24 JP), memenuhi (bool: the rule of their status is met), keterangan (words), predikat_terburuk
    (str | None), perlu_tindak_lanjut (bool), prioritas (bool: follow-up and a PNS under 20 JP).
    Ordered by unit, nama; with `prioritas` the priority employees come first (worst predikat, then the
    largest JP gap first), then the others needing follow-up, then the rest.
    """
    _tahun(tahun)
    u = _unit(db, unit)
    jp = tabel.jp_tahun(db, tahun, u)
    terburuk = predikat_terburuk(db, tahun, u, dikenal)
    baris = []
    for p in tabel_pegawai.cari(db, u, None, False):
        if not p.aktif and p.nip not in terburuk:  # left, with nothing recorded in the year's periods
            continue
        daftar_jp = jp.get(p.nip, [])
        total = sum((Decimal(x) for x in daftar_jp), Decimal(0))
        pr = terburuk.get(p.nip)
        tindak = pr in PREDIKAT_TINDAK_LANJUT
        baris.append({"nip": p.nip, "nama": p.nama, "unit": p.unit, "status": p.status, "aktif": p.aktif,
                      "jumlah_kegiatan": len(daftar_jp), "jp": total, **aturan_jp(p.status, total),
                      "predikat_terburuk": pr, "perlu_tindak_lanjut": tindak})
        b = baris[-1]
        if not p.aktif:
            b["keterangan"] = f"pegawai {NONAKTIF}; {b['keterangan']}"
        b["prioritas"] = tindak and b["kekurangan_jp"] is not None and b["kekurangan_jp"] > 0
    baris.sort(key=lambda b: (b["unit"].lower(), b["nama"].lower(), b["nip"]))
    if prioritas:
        baris.sort(key=_kunci_prioritas)  # stable: unit, nama still order rows of the same weight
    return baris


def catatan_tahun(db, tahun: int) -> list[str]:
    """A note per closed period of `tahun`: the year's listing is today's data, the period's is frozen."""
    return [f"Periode {p.kode} sudah ditutup; rekap per tahun ini memakai data terkini (unit kerja saat ini). "
            f"Rekap seperti saat periode ditutup: kinerja pelatihan rekap --periode {p.kode}"
            for p in periode_urut(db, tahun) if p.ditutup]


def _jp(x: Decimal) -> str:
    return f"{x.normalize():f}".replace(".", ",")


def aturan_jp(status: str, total: Decimal) -> dict:
    """The JP rule of one employee's status and where `total` stands (DOMAIN.md 7)."""
    if jenis_dasar(status) == "PPPK":  # PPPK paruh waktu too
        lebih = total > MAKSIMAL_JP_PPPK
        maks = _jp(MAKSIMAL_JP_PPPK)
        ket = (f"PPPK: {_jp(total)} JP melebihi batas paling lama {maks} JP setahun ({DASAR_HUKUM_JP_PPPK})" if lebih
               else f"PPPK: {_jp(total)} dari paling lama {maks} JP ({DASAR_HUKUM_JP_PPPK}); tanpa batas minimal")
        return {"ketentuan_jp": f"paling lama {maks} JP", "kekurangan_jp": None, "melebihi_batas": lebih,
                "memenuhi": not lebih, "keterangan": ket}
    kurang = max(MINIMAL_JP - total, Decimal(0))
    minimal = _jp(MINIMAL_JP)
    ket = (f"kurang {_jp(kurang)} JP dari minimal {minimal} JP ({DASAR_HUKUM_JP})" if kurang
           else f"memenuhi minimal {minimal} JP")
    return {"ketentuan_jp": f"minimal {minimal} JP", "kekurangan_jp": kurang, "melebihi_batas": False,
            "memenuhi": not kurang, "keterangan": ket}


def _kunci_prioritas(b: dict) -> tuple:
    """Priority first, the worst predikat then the largest JP gap first; then the other follow-ups."""
    parah = -ORDER_PREDIKAT.index(b["predikat_terburuk"]) if b["predikat_terburuk"] in ORDER_PREDIKAT else 0
    if b["prioritas"]:
        return (0, parah, -b["kekurangan_jp"])
    return (1 if b["perlu_tindak_lanjut"] else 2, parah if b["perlu_tindak_lanjut"] else 0, 0)


def ringkasan(baris: list[dict]) -> dict:
    return {"jumlah_pegawai": len(baris),
            "di_bawah_minimal": sum(1 for b in baris if b["kekurangan_jp"] is not None and b["kekurangan_jp"] > 0),
            "pppk": sum(1 for b in baris if jenis_dasar(b["status"]) == "PPPK"),
            "pppk_melebihi_batas": sum(1 for b in baris if b["melebihi_batas"]),
            "prioritas": sum(1 for b in baris if b["prioritas"]),
            "perlu_tindak_lanjut": sum(1 for b in baris if b["perlu_tindak_lanjut"])}


def tahun_ini() -> int:
    return date.today().year


def templat(db, berkas: Path, unit: str | None = None, timpa: bool = False) -> dict:
    """Write the Pelatihan workbook: with --unit one pre-filled row (NIP, Nama) per active employee."""
    berkas = Path(berkas)
    periksa_tujuan(berkas, timpa)  # refuse early, before reading anything
    u = _unit(db, unit)
    baris = [{"nip": p.nip, "nama": p.nama} for p in tabel_pegawai.cari(db, u)] if u else []
    tulis_templat_pelatihan(berkas, baris, timpa)
    return {"berkas": str(berkas), "unit": u, "pegawai": len(baris)}
