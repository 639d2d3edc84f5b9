"""Use cases of the atasan's direct rating (PermenPANRB 6/2022): set, remove, list."""

from __future__ import annotations

from ..errors import BerkasTidakValid, DataTidakValid, TidakDitemukan
from ..kolom import RATING_PEJABAT
from ..kosakata import KUNCI_RATING, NAMA_CATATAN, PENILAI_LUAR, RATING_BELUM_DITETAPKAN
from ..model import HasilImpor, Periode, Rekaman, gabung_alasan
from ..store import audit
from ..store import evaluasi as tabel_evaluasi
from ..store import pegawai as tabel_pegawai
from ..store import rating as tabel
from ..store.db import transaksi
from ..validation.perilaku import baca_penilai_luar, hubungan_luar, ringkas
from ..validation.rating import KATA_DITERIMA, RatingTidakDikenal, baca_rating, periksa_rating
from . import impor_umum, nilai, pegawai, periode
from .atasan_luar import nama_oleh, pejabat_luar, penilai_luar
from .tolakan_baca import lingkup as lingkup_impor

RATING = tuple(KUNCI_RATING)  # the keys typed and stored: di-atas, sesuai, di-bawah
KOLOM = ("hasil_kerja", "perilaku", "alasan_hasil_kerja", "alasan_perilaku", "oleh",  # a stored row, as audited
         "oleh_hasil_kerja", "oleh_perilaku")


def _kunci(kode: str, nip: str) -> str:
    return f"{kode}/{nip}"


def _rating(nilai: str | None, nama: str) -> str | None:
    try:
        return baca_rating(nilai)
    except RatingTidakDikenal:
        raise DataTidakValid(f"Rating {nama} '{nilai}' tidak dikenal.", f"Isi salah satu: {KATA_DITERIMA}.") from None


def rencana(lama: dict | None, hk: str | None, pk: str | None, alasan_hk: str | None, alasan_pk: str | None,
            oleh: str | None) -> tuple[dict, str]:
    """(the row to store, tambah|ubah|tetap): a rating given is stored with ITS reason; a rating not given keeps
    its stored value, its stored reason and its stored pejabat penilai (one rule for `tetapkan`, `impor` and
    `terima-saran`); `oleh` (kept for scripts): the pejabat penilai who last set a rating."""
    lama = lama or {}
    baru = {"hasil_kerja": hk or lama.get("hasil_kerja"), "perilaku": pk or lama.get("perilaku"),
            "alasan_hasil_kerja": alasan_hk if hk else lama.get("alasan_hasil_kerja"),
            "alasan_perilaku": alasan_pk if pk else lama.get("alasan_perilaku"),
            "oleh": oleh or lama.get("oleh"),
            "oleh_hasil_kerja": oleh if hk else lama.get("oleh_hasil_kerja"),
            "oleh_perilaku": oleh if pk else lama.get("oleh_perilaku")}
    return baru, ("tetap" if lama == baru else "ubah" if lama else "tambah")


def _wajib_permenpan6(per: Periode) -> Periode:
    """Ratings set by the pejabat penilai exist only under permenpan6: `tetapkan` and `impor` refuse the same way."""
    if per.metode != "permenpan6":
        raise DataTidakValid(f"Periode {per.kode} memakai metode {per.metode}: rating ditetapkan pejabat penilai "
                             "hanya ada pada metode permenpan6; pada metode ini rating dihitung dari angka.",
                             "Tetapkan rating pada periode bermetode permenpan6 (kinerja periode daftar).")
    return per


def tetapkan(db, nip: str, kode: str, hasil_kerja: str | None, perilaku: str | None, alasan: str,
             oleh: str | None = None) -> dict:
    """Set one or both ratings, each given rating with `alasan` as its reason; a rating not given keeps its
    stored value and reason. Returns the stored state with
    `pejabat_penilai` (the name to show) and `peringatan`."""
    per = _wajib_permenpan6(periode.pastikan_terbuka(db, kode))
    hk, pk = _rating(hasil_kerja, "hasil kerja"), _rating(perilaku, "perilaku")
    if hk is None and pk is None:
        raise DataTidakValid("Tidak ada rating yang ditetapkan.",
                             "Beri --hasil-kerja dan/atau --perilaku (di-atas, sesuai, di-bawah).")
    teks = " ".join((alasan or "").split())
    if not teks:
        raise DataTidakValid("Alasan wajib diisi.", 'Contoh: --alasan "target utama terlampaui jauh"')
    with transaksi(db):  # the roster, the stored rating, the comparison and the write: under one lock
        return _tetapkan(db, per, pegawai.wajib_ada(db, nip), hk, pk, teks, oleh)


def _tetapkan(db, per: Periode, p, hk: str | None, pk: str | None, teks: str, oleh: str | None) -> dict:
    penilai = nama_penilai = None
    peringatan = []
    kata = baca_penilai_luar(oleh) if oleh else None
    if kata:  # --oleh kepala-daerah / atasan-luar: the same rule as the Rating and Perilaku sheets
        penilai, nama_penilai = _luar_boleh(p, kata, pejabat_luar(db, [p]).get(p.nip))
    elif oleh:
        a = pegawai.wajib_ada(db, oleh)
        if a.nip != p.nip_atasan:
            luar = penilai_luar(db, [p]).get(p.nip)
            tercatat = (f"atasan tercatat {p.nip_atasan}" if p.nip_atasan else
                        f"pejabat penilainya di luar daftar pegawai: {luar}; tulis perintahnya tanpa --oleh" if luar else
                        "tidak ada atasan tercatat")
            raise DataTidakValid(f"{a.nip} bukan atasan langsung {p.nip} di daftar pegawai ({tercatat}).",
                                 "Rating langsung ditetapkan oleh atasan langsung; periksa --oleh atau perbarui daftar pegawai.")
        penilai, nama_penilai = a.nip, f"{a.nama} ({a.nip})"
    elif p.nip_atasan:  # PermenPANRB 6/2022: the pejabat penilai kinerja is the atasan langsung
        penilai = p.nip_atasan
        a = tabel_pegawai.ambil(db, penilai)
        nama_penilai = f"{a.nama} ({penilai})" if a else penilai
    else:  # outside the roster: the atasan recorded with `pegawai atasan-luar`, else the kepala daerah, recorded
        penilai, nama_penilai = pejabat_luar(db, [p]).get(p.nip, (None, None))  # by his token (no NIP in the roster)
        if nama_penilai is None:
            peringatan.append(f"Pejabat penilai tidak tercatat: {p.nip} tidak punya atasan langsung di daftar pegawai, "
                              f"atasan luar (kinerja pegawai atasan-luar {p.nip}), maupun kepala daerah di profil "
                              "instansi (kinerja instansi --kepala-nama).")
    lama = tabel.ambil(db, per.kode, p.nip)
    baru, aksi = rencana(lama, hk, pk, teks, teks, penilai)
    if aksi != "tetap":
        tabel.simpan(db, per.kode, p.nip, baru)
        audit.catat(db, "rating_langsung", _kunci(per.kode, p.nip), aksi, lama, _diaudit(baru, nama_penilai), p.nip)
    return {**baru, "aksi": aksi, "peringatan": peringatan, "pejabat_penilai": nama_penilai}


def _luar_boleh(p, kata: str, luar: tuple[str, str] | None) -> tuple[str, str]:
    """(token, name) of the pejabat penilai outside the roster named by `kata` for `p`; refused as the Perilaku
    sheet refuses it (validation.perilaku.hubungan_luar, the one rule)."""
    masalah = hubungan_luar(p.nip, kata, None, ringkas(p), luar)
    if masalah:
        _, _, pesan, saran = masalah[0]
        raise DataTidakValid(pesan + ".", saran[:1].upper() + saran[1:] + ".")
    return luar


def _diaudit(baru: dict, luar: str | None) -> dict:
    """The audited state of a rating: the stored row, plus the name of a pejabat penilai without NIP."""
    return {**baru, "pejabat_penilai": luar} if luar and baru.get("oleh") in (None, *PENILAI_LUAR) else baru


def hapus(db, nip: str, kode: str, alasan: str) -> dict:
    per = periode.pastikan_terbuka(db, kode)
    teks = " ".join((alasan or "").split())
    if not teks:
        raise DataTidakValid("Alasan penghapusan wajib diisi.", 'Contoh: --alasan "rating ditetapkan keliru"')
    with transaksi(db):  # removed once: a second `hapus` at the same time finds nothing to remove
        p = pegawai.wajib_ada(db, nip)
        lama = tabel.ambil(db, per.kode, p.nip)
        if lama is None:
            raise TidakDitemukan(f"Tidak ada rating langsung untuk {p.nip} pada periode {per.kode}.",
                                 f"Lihat dengan: kinerja rating daftar --periode {per.kode}")
        tabel.hapus(db, per.kode, p.nip)
        audit.catat(db, "rating_langsung", _kunci(per.kode, p.nip), "hapus", lama, {"alasan": teks}, p.nip)
    return {**lama, "nip": p.nip, "nama": p.nama, "periode": per.kode}


def daftar(db, kode: str) -> list[dict]:
    """The set ratings of a period, each with its reason; `alasan`: both reasons in one text (model.gabung_alasan)."""
    per = periode.wajib_ada(db, kode)
    baris = nama_oleh(db, {b["nip"]: b for b in tabel.daftar(db, per.kode)})  # one row per NIP, in order
    return [{**b, "alasan": gabung_alasan(b["alasan_hasil_kerja"], b["alasan_perilaku"])} for b in baris.values()]


# --- bulk: the Rating sheet, and a unit's saran accepted -----------------------------------

@lingkup_impor  # reader-refused cells listed with the rows' problems (services/tolakan_baca.py)
def impor(db, berkas, kode: str, sheet: str | None = None, uji_coba: bool = False, lewati_galat: bool = False,
          tandai=None):
    """Import the pejabat penilai's ratings (sheet Rating); all-or-nothing unless `lewati_galat`.

    Upsert by (period, NIP); a rating cell left empty keeps the stored rating. Every change is audited
    with its pejabat penilai."""
    from pathlib import Path

    per = _wajib_permenpan6(periode.pastikan_terbuka(db, kode))
    berkas = Path(berkas)
    bacaan = impor_umum.Bacaan(db, berkas)  # the roster the checks use, re-checked under the write lock

    roster = bacaan.ambil("Daftar pegawai", lambda: tabel_pegawai.semua(db))
    luar = pejabat_luar(db, roster.values())  # {nip: (token, name)}: the one rule of the pejabat penilai outside
    with impor_umum.alir(berkas, RATING_PEJABAT, sheet, tandai, per.kode) as isi:
        cek = periksa_rating(isi.baris, roster, luar)
        nama_sheet = isi.sheet
    if not cek.data and not cek.masalah:
        raise BerkasTidakValid(
            f"Sheet '{nama_sheet}' di {berkas.name} belum berisi rating: {cek.kosong} baris tanpa rating dan alasan.",
            "Isi Rating Hasil Kerja dan/atau Rating Perilaku, Alasan, dan NIP Pejabat Penilai, lalu impor ulang.")
    hasil = HasilImpor(uji_coba=uji_coba)
    impor_umum.putuskan(berkas, cek.masalah, lewati_galat, tandai, hasil)
    impor_umum.info_tata(hasil, isi)
    hasil.keterangan.update(kosong=cek.kosong, baris_dilewati=len(cek.baris_galat) if lewati_galat else 0,
                            metode=per.metode)
    with impor_umum.tulis(db, uji_coba, bacaan):  # what is stored is read, compared and written under one lock
        tersimpan = tabel.rating_periode(db, per.kode)
        log = []
        rekomendasi = _rekomendasi_impor(db, per.kode, cek.data, uji_coba)
        log += rekomendasi
        for _, x in cek.data:
            if x.hasil_kerja is None and x.perilaku is None:  # a row with only a recommendation
                continue
            lama = {k: tersimpan[x.nip][k] for k in KOLOM} if x.nip in tersimpan else None
            baru, aksi = rencana(lama, x.hasil_kerja, x.perilaku, x.alasan_hasil_kerja, x.alasan_perilaku, x.oleh)
            if aksi == "tetap":
                hasil.tetap += 1
                continue
            if aksi == "tambah":
                hasil.ditambah += 1
            else:
                hasil.diubah += 1
            log.append(("rating_langsung", _kunci(per.kode, x.nip), aksi, lama,
                        _diaudit(baru, luar.get(x.nip, (None, None))[1]), x.nip))
            if not uji_coba:
                tabel.simpan(db, per.kode, x.nip, baru)
        if not uji_coba:
            audit.catat_banyak(db, log)
    hasil.keterangan["rekomendasi"] = len(rekomendasi)
    return hasil


def _rekomendasi_impor(db, kode: str, data: list, uji_coba: bool) -> list[tuple]:
    """Store the Rekomendasi cells that differ from what is stored (inside the import's lock); returns
    their audit entries. An empty cell leaves the stored recommendation alone."""
    tersimpan = tabel_evaluasi.ambil(db, kode, [x.nip for _, x in data if x.rekomendasi])
    log = []
    for _, x in data:
        if not x.rekomendasi:
            continue
        lama = {k: tersimpan[x.nip][k] for k in tabel_evaluasi.KOLOM} if x.nip in tersimpan else None
        baru = {"rekomendasi": x.rekomendasi, "oleh": None if x.oleh in PENILAI_LUAR else x.oleh}  # evaluasi:
        # a pejabat penilai outside the roster is named from the roster's gap (services.evaluasi._nama_luar)
        if lama == baru:
            continue
        if not uji_coba:
            tabel_evaluasi.simpan(db, kode, x.nip, x.rekomendasi, baru["oleh"])
        log.append(("evaluasi_rekomendasi", _kunci(kode, x.nip), "ubah" if lama else "tambah", lama, baru, x.nip))
    return log


def _saran(r: Rekaman) -> dict:
    """What accepting a saran needs from one result record (the one place this module reads a record)."""
    h, p = r.hasil, r.pegawai
    kunci = {v: k for k, v in KUNCI_RATING.items()}
    return {"nip": p.nip, "nama": p.nama, "atasan": p.nip_atasan, "catatan": list(h.catatan),
            "hk": None if h.rating_hk_langsung else kunci.get(h.rating_hk_turunan),
            "pk": None if h.rating_pk_langsung else kunci.get(h.rating_pk_turunan)}


def terima_saran(db, kode: str, unit: str, oleh: str, alasan: str, uji_coba: bool = False) -> dict:
    """Set, for every employee of `unit` whose result rests on a saran and has all its data, the saran as
    the rating of their pejabat penilai (the atasan langsung); audited with who accepted and why. `oleh` accepts
    only for the people below them in the atasan chain; the others are skipped with the reason (_bukan_bawahan).

    Returns {"ditetapkan": [{nip, nama, hasil_kerja, perilaku, oleh}], "dilewati": [{nip, nama, alasan}],
    "sudah": n already set, "uji_coba"}."""
    per = periode.pastikan_terbuka(db, kode)
    if per.metode != "permenpan6":
        raise DataTidakValid(f"Periode {per.kode} memakai metode {per.metode}: tidak ada saran rating untuk diterima.",
                             "Saran rating hanya ada pada periode bermetode permenpan6.")
    teks = " ".join((alasan or "").split())
    if not teks:
        raise DataTidakValid("Alasan wajib diisi.", 'Contoh: --alasan "saran sesuai bukti dukung dan umpan balik"')
    if not (oleh or "").strip():
        raise DataTidakValid("Yang menerima saran wajib disebut.", "Beri --oleh NIP pejabat yang menerima saran.")
    return _terima(db, per, unit, oleh, teks, uji_coba)


def terima_saran_atasan(db, kode: str, alasan: str) -> dict:
    """Every unit's complete results on a saran get it as the rating of their own atasan langsung, who is
    recorded as the one accepting (the demo's pejabat penilai at work)."""
    return _terima(db, periode.pastikan_terbuka(db, kode), None, None, alasan, False)


def _penerima(db, unit: str, oleh: str) -> str:
    """The NIP of who may accept a unit's saran: an active employee who is the atasan langsung of at least one
    employee of the unit, or a head in the unit (jenis jabatan JPT or administrator); refused otherwise, naming
    who may."""
    p = pegawai.wajib_ada(db, oleh)
    roster = tabel_pegawai.semua(db)
    di_unit = [x for x in roster.values() if x.unit == unit and x.aktif]
    atasan = {x.nip_atasan for x in di_unit if x.nip_atasan}
    kepala = {x.nip for x in di_unit if (x.jenis_jabatan or "").strip().lower() in ("jpt", "administrator")}
    if p.aktif and (p.nip in atasan or p.nip in kepala):
        return p.nip
    boleh = [roster[n] for n in sorted(atasan | kepala) if n in roster and roster[n].aktif]
    daftar = "; ".join(f"{x.nama} ({x.nip})" for x in boleh[:8]) + (" ..." if len(boleh) > 8 else "")
    sebab = "tidak aktif" if not p.aktif else f"bukan atasan langsung pegawai {unit} maupun pimpinan unit itu"
    raise DataTidakValid(f"{p.nama} ({p.nip}) tidak berwenang menerima saran rating unit {unit}: {sebab}.",
                         f"Yang boleh menerima: {daftar}." if daftar else
                         f"Unit {unit} tidak punya atasan atau pimpinan aktif di daftar pegawai; tetapkan rating satu per "
                         "satu (kinerja rating tetapkan) atau lewat sheet Rating (kinerja rating impor).")


def _rantai(roster: dict, nip: str) -> list[str]:
    """The atasan chain above `nip`, nearest first (a loop, refused at roster import, stops the walk)."""
    hasil, n = [], roster[nip].nip_atasan if nip in roster else None
    while n and n not in hasil and n != nip:
        hasil.append(n)
        n = roster[n].nip_atasan if n in roster else None
    return hasil


def _bukan_bawahan(roster: dict, nip: str, penerima: str) -> str | None:
    """Why `penerima` may not accept the saran of `nip` (None: `nip` is below `penerima` in the atasan chain).

    One accepts only for the people one assesses, directly or through the atasan below oneself: never for
    oneself, one's own superiors or anyone outside one's chain."""
    def nama(n):
        x = roster.get(n)
        return f"{x.nama} ({n})" if x else n

    rantai = _rantai(roster, nip)
    if penerima in rantai:
        return None
    penilai = nama(rantai[0]) if rantai else "pejabat di luar daftar pegawai"
    if nip == penerima:
        return f"tidak dapat menerima saran untuk diri sendiri; ratingnya ditetapkan {penilai}"
    if nip in _rantai(roster, penerima):
        return f"atasan {nama(penerima)}, bukan bawahannya; ratingnya ditetapkan {penilai}"
    return f"bukan bawahan {nama(penerima)} dalam rantai atasan; ratingnya ditetapkan {penilai}"


def _terima(db, per: Periode, unit: str | None, oleh: str | None, teks: str, uji_coba: bool) -> dict:
    from contextlib import nullcontext

    hasil = {"ditetapkan": [], "dilewati": [], "sudah": 0, "uji_coba": uji_coba}
    with nullcontext() if uji_coba else transaksi(db):  # the results read and the ratings written: one lock
        u = nilai.unit_terdaftar(db, unit)
        penerima = _penerima(db, u, oleh) if oleh else None
        roster = tabel_pegawai.semua(db)
        luar = pejabat_luar(db, roster.values())  # {nip: (token, name)}
        tersimpan = tabel.rating_periode(db, per.kode)
        log = []
        for r in nilai.laporan(db, per.kode, u).rekaman:
            s = _saran(r)
            if RATING_BELUM_DITETAPKAN not in s["catatan"]:
                hasil["sudah"] += 1
                continue
            lain = [NAMA_CATATAN.get(c, c) for c in s["catatan"] if c != RATING_BELUM_DITETAPKAN]
            kata_luar, nama_luar = (None, None) if s["atasan"] else luar.get(s["nip"], (None, None))
            sebab = (_bukan_bawahan(roster, s["nip"], penerima) if penerima else None) or (
                     f"data belum lengkap: {'; '.join(lain)}" if lain else
                     None if s["atasan"] or nama_luar else
                     "tidak ada pejabat penilai: tanpa atasan langsung di daftar pegawai, atasan luar, maupun kepala "
                     "daerah di profil instansi")
            if sebab:
                hasil["dilewati"].append({"nip": s["nip"], "nama": s["nama"], "alasan": sebab})
                continue
            lama = {k: tersimpan[s["nip"]][k] for k in KOLOM} if s["nip"] in tersimpan else None
            oleh_ = s["atasan"] or kata_luar  # the pejabat penilai, outside the roster by his token
            baru, aksi = rencana(lama, s["hk"], s["pk"], teks, teks, oleh_)  # the reason of each rating accepted
            baru["oleh"] = oleh_
            hasil["ditetapkan"].append({"nip": s["nip"], "nama": s["nama"], "hasil_kerja": baru["hasil_kerja"],
                                        "perilaku": baru["perilaku"], "oleh": s["atasan"] or nama_luar})
            log.append(("rating_langsung", _kunci(per.kode, s["nip"]), "tambah" if lama is None else "ubah", lama,
                        {**_diaudit(baru, nama_luar), "sumber": "saran diterima",
                         "diterima_oleh": penerima or s["atasan"] or nama_luar}, s["nip"]))
            if not uji_coba:
                tabel.simpan(db, per.kode, s["nip"], baru)
        if not uji_coba:
            audit.catat_banyak(db, log)
    return hasil
