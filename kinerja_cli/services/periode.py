"""Use cases of periods: create, list, reopen; the write guard (closing is services.penutupan)."""

from __future__ import annotations

from ..errors import DataTidakValid, PeriodeDitutup, TidakDitemukan
from ..kosakata import METODE
from ..model import Periode
from ..scoring.aturan import daftar_aturan, pengaturan_periode
from ..store import audit
from ..store import periode as tabel
from ..store import setelan
from ..store import skp_status as tabel_status
from ..store.db import jaga, transaksi
from ..validation.angka import AngkaTidakValid, baca_angka, tulis_id
from ..validation.periode import JENIS, KodeTidakValid, urai_kode, urai_tanggal
from ..validation.tanggal_id import tanggal_id


def _kode(teks: str) -> str:
    try:
        return urai_kode(teks).kode
    except KodeTidakValid as e:
        raise DataTidakValid(e.pesan, e.saran) from None


def wajib_ada(db, kode: str) -> Periode:
    k = _kode(kode)
    p = tabel.ambil(db, k)
    if p is None:
        raise TidakDitemukan(f"Periode {k} belum dibuat.", f"Buat dengan: kinerja periode buat {k}")
    return p


def pastikan_terbuka(db, kode: str) -> Periode:
    """The period, or PeriodeDitutup for any write to a closed one.

    The check is repeated inside every later write transaction of this command (store.db.jaga):
    a period closed by another process while this command was reading its file refuses the write.
    """
    p = _tolak_bila_ditutup(wajib_ada(db, kode))

    jaga(db, ("periode", p.kode), lambda: _tolak_bila_ditutup(wajib_ada(db, p.kode), sementara=True))
    return p


def _tolak_bila_ditutup(p: Periode, sementara: bool = False) -> Periode:
    if p.ditutup:
        baru = " oleh proses lain selagi perintah ini berjalan; tidak ada yang ditulis" if sementara else ""
        raise PeriodeDitutup(
            f"Periode {p.kode} sudah ditutup ({tanggal_id(p.ditutup_pada)}){baru}; datanya tidak dapat diubah.",
            f'Bila memang perlu diubah, buka kembali dengan: kinerja periode buka {p.kode} --alasan "..."',
        )
    return p


METODE_BAWAAN = "permenpan6"  # PermenPANRB 6/2022, the rule in force (DOMAIN.md 2)

# The numeric options of `periode buat` (pengaturan_periode keywords): each read by THE number rule of every
# other option and cell (validation.angka.baca_angka), so '1.200' or '1,250' is refused with both readings.
OPSI_ANGKA = ("pembulatan_desimal", "bobot_atasan", "bobot_rekan", "bobot_bawahan", "ambang_di_atas",
              "ambang_sesuai", "capaian_rentang")


def opsi(kunci: str) -> str:
    """The command-line spelling of a setting: bobot_atasan -> --bobot-atasan."""
    return "--" + kunci.replace("_", "-")


def _angka_opsi(kunci: str, nilai):
    """A numeric option read by validation.angka.baca_angka (already a number: kept); refused naming the option."""
    from decimal import Decimal

    if isinstance(nilai, Decimal) or (isinstance(nilai, int) and not isinstance(nilai, bool)):
        d = Decimal(nilai)
    else:
        try:
            d = baca_angka(nilai)
        except AngkaTidakValid as e:
            raise DataTidakValid(f"Pengaturan periode tidak valid: {opsi(kunci)} {e.pesan}.", e.saran_atau(
                "isi dengan angka, misalnya 60 atau 62,5 (koma untuk desimal)").rstrip(".") + ".") from None
    if kunci == "pembulatan_desimal" and d != d.to_integral_value():
        raise DataTidakValid(f"Pengaturan periode tidak valid: {opsi(kunci)} harus bilangan bulat 0 sampai 6, "
                             f"ditemukan {tulis_id(d)}.", "Tulis misalnya --pembulatan-desimal 2.")
    return Decimal(format(d, "f"))  # stored as typed: 50, not baca_angka's normalized 5E+1


def buat(db, kode: str, jenis: str | None = None, mulai: str | None = None, selesai: str | None = None,
         metode: str = METODE_BAWAAN, pengaturan: dict | None = None, persetujuan_skp: bool = False) -> Periode:
    """Create a period; `pengaturan`: options of `periode buat` (scoring.aturan.pengaturan_periode keywords,
    None values meaning today's default), stored with the period as its parameter."""
    diberikan = {k: v for k, v in (pengaturan or {}).items() if v is not None}
    try:
        parameter = pengaturan_periode(**{k: _angka_opsi(k, v) if k in OPSI_ANGKA else v for k, v in diberikan.items()})
    except ValueError as e:
        raise DataTidakValid(f"Pengaturan periode tidak valid: {e}.",
                             "Lihat pilihan dengan: kinerja periode buat --help") from None
    try:
        k = urai_kode(kode)
        awal = urai_tanggal(mulai, "mulai") if mulai else k.mulai
        akhir = urai_tanggal(selesai, "selesai") if selesai else k.selesai
    except KodeTidakValid as e:
        raise DataTidakValid(e.pesan, e.saran) from None
    if jenis and jenis != k.jenis:
        raise DataTidakValid(f"Kode {k.kode} adalah periode {k.jenis}, bukan {jenis}.",
                             "Contoh: 2026 (tahunan), 2026-T1 (triwulan), 2026-01 (bulanan).")
    if jenis and jenis not in JENIS:
        raise DataTidakValid(f"Jenis periode '{jenis}' tidak dikenal.", f"Pilih: {', '.join(JENIS)}.")
    if metode not in METODE:
        raise DataTidakValid(f"Metode '{metode}' tidak dikenal.", f"Pilih: {', '.join(METODE)}.")
    if akhir < awal:
        raise DataTidakValid(f"Tanggal selesai {akhir} sebelum tanggal mulai {awal}.", "Periksa --mulai dan --selesai.")
    if tabel.ambil(db, k.kode):
        raise DataTidakValid(f"Periode {k.kode} sudah ada.", "Lihat dengan: kinerja periode daftar")
    with transaksi(db):
        p = tabel.tambah(db, k.kode, k.jenis, awal.isoformat(), akhir.isoformat(), metode, parameter, persetujuan_skp)
        audit.catat(db, "periode", k.kode, "tambah", None,
                    {"jenis": k.jenis, "mulai": p.mulai, "selesai": p.selesai, "metode": metode,
                     "persetujuan_skp": persetujuan_skp})
    return p


def persetujuan_skp(db, kode: str) -> bool:
    """Does the period use the SKP agreement workflow (its explicit setting)?"""
    return tabel_status.dipakai(db, kode)


def ubah(db, kode: str, persetujuan_skp: bool | None = None) -> dict:
    """Change a setting of an open period (today: the SKP agreement workflow); audited.

    Returns {'kode', 'berubah': {setting: (old, new)}}."""
    p = pastikan_terbuka(db, kode)
    berubah = {}
    with transaksi(db):
        if persetujuan_skp is not None:
            lama = tabel_status.dipakai(db, p.kode)
            if lama != persetujuan_skp:
                tabel_status.atur_dipakai(db, p.kode, persetujuan_skp)
                berubah["persetujuan_skp"] = (lama, persetujuan_skp)
        if berubah:
            audit.catat(db, "periode", p.kode, "ubah", {k: v[0] for k, v in berubah.items()},
                        {k: v[1] for k, v in berubah.items()})
    return {"kode": p.kode, "berubah": berubah}


def keterangan_metode(p: Periode, dipilih: bool) -> list[str]:
    """What `periode buat` says about the scheme it chose and how to pick the other (issue 14)."""
    k = p.kode
    if p.metode == "permenpan6":
        asal = "sesuai --metode" if dipilih else "metode bawaan"
        hasil = [f"Metode permenpan6 ({asal}): PermenPANRB 6/2022, aturan yang berlaku; rating hasil kerja dan "
                 "perilaku ditetapkan pejabat penilai, kinerja hanya memberi saran dari angka.",
                 "Untuk nilai angka PP 30/2019 (misalnya untuk TPP) pilih --metode pp30 saat membuat periode: "
                 f"kinerja periode buat KODE --metode pp30. Metode periode {k} tidak berubah sendiri."]
        if p.param.penilaian_360 == "tidak":  # a PP 30/2019 setting: say what it still does under 6/2022
            hasil.append("Penilaian 360: tidak. Pada metode permenpan6 setelan ini hanya mengubah saran rating "
                         "perilaku: NPK = nilai atasan saja, nilai rekan dan bawahan tidak dihitung. Bobot NA 70/30 "
                         "(PP 30/2019 Pasal 41) tidak dipakai pada metode ini.")
    else:
        param = p.param
        bobot = "60/40 untuk semua pegawai" if param.penilaian_360 == "ya" else "70/30, NPK = nilai atasan saja"
        hasil = ["Metode pp30 (sesuai --metode): nilai angka PP 30/2019; metode bawaan adalah permenpan6 "
                 "(PermenPANRB 6/2022, aturan yang berlaku), dipakai bila --metode tidak diberikan.",
                 f"Penilaian 360: {param.penilaian_360} (NA {bobot}); pilih yang lain dengan --penilaian-360 "
                 f"{'tidak' if param.penilaian_360 == 'ya' else 'ya'} saat membuat periode."]
    return hasil + [f"Aturan periode ini dan sumbernya: kinerja aturan -p {k}"]


# option given -> the rule of scoring.aturan.ATURAN that shows its stored value
_ATURAN_OPSI = {"penilaian_360": "penilaian_360", "pembulatan_desimal": "pembulatan", "pembulatan": "pembulatan",
                "bobot_atasan": "bobot_peran", "bobot_rekan": "bobot_peran", "bobot_bawahan": "bobot_peran",
                "ambang_di_atas": "ambang_saran", "ambang_sesuai": "ambang_saran",
                "capaian_rentang": "capaian_dalam_rentang", "capaian_turun_min_nol": "capaian_turun_min_nol"}


def keterangan_pengaturan(p: Periode, diberikan) -> list[str]:
    """What `periode buat` repeats of the settings given explicitly: each rule touched, with the value now stored
    (read back from the period, so the user sees what was stored, not what was typed)."""
    kunci = {_ATURAN_OPSI[k] for k in diberikan if k in _ATURAN_OPSI}
    if not kunci:
        return []
    return ["Pengaturan yang disimpan bersama periode:"] + [
        f"  {a['aturan']}: {a['nilai']} ({a['opsi']})" for a in daftar_aturan(p.param, p.metode) if a["kunci"] in kunci]


def aturan(db, kode: str) -> tuple[Periode, list[dict]]:
    """(period, its rules: kunci, aturan, sumber, opsi, nilai) for `kinerja aturan`."""
    p = wajib_ada(db, kode)
    try:
        param = p.param
    except ValueError as e:
        raise DataTidakValid(f"Parameter tersimpan periode {p.kode} tidak terbaca: {e}.",
                             "Periksa berkas dengan: kinerja periksa") from None
    return p, daftar_aturan(param, p.metode)


def daftar(db) -> list[dict]:
    """The periods as rows for `periode daftar` (the stored row without its parameter, and data counts)."""
    hasil = []
    for p in tabel.semua(db):
        d = p.ke_dict()
        del d["parameter"]
        hasil.append({**d, **tabel.jumlah_data(db, p.kode)})
    return hasil


def buka(db, kode: str, alasan: str) -> Periode:
    p = wajib_ada(db, kode)
    if not (alasan or "").strip():
        raise DataTidakValid("Alasan membuka kembali periode wajib diisi.", 'Contoh: --alasan "koreksi realisasi DPMPTSP"')
    if not p.ditutup:
        raise DataTidakValid(f"Periode {p.kode} masih terbuka.", "Tidak ada yang perlu dibuka.")
    with transaksi(db):
        n = tabel.hapus_snapshot(db, p.kode)
        tabel.set_status(db, p.kode, "terbuka")
        audit.catat(db, "periode", p.kode, "ubah", {"status": "ditutup"},
                    {"status": "terbuka", "alasan": alasan.strip(), "snapshot_dihapus": n})
    return tabel.ambil(db, p.kode)


VAR_PERIODE = "KINERJA_PERIODE"


def bawaan(db) -> str | None:
    """The default period stored with `kinerja periode pakai` (None: not set)."""
    return setelan.ambil(db, setelan.PERIODE_BAWAAN)


def pakai(db, kode: str | None) -> Periode | None:
    """Store `kode` as the default period (None: forget it); audited. Returns the period (or None)."""
    p = wajib_ada(db, kode) if kode is not None else None
    lama = setelan.ambil(db, setelan.PERIODE_BAWAAN)
    baru = p.kode if p else None
    if lama != baru:
        with transaksi(db):
            if baru is None:
                setelan.hapus(db, setelan.PERIODE_BAWAAN)
            else:
                setelan.simpan(db, setelan.PERIODE_BAWAAN, baru)
            audit.catat(db, "setelan", setelan.PERIODE_BAWAAN, "ubah" if lama else "tambah",
                        {"periode": lama} if lama else None, {"periode": baru})
    return p
