"""Use cases of behaviour scores: import a sheet, record one rater, list a period."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path

from ..errors import BerkasTidakValid, DataTidakValid, TidakDitemukan, kalimat
from ..kolom import PERILAKU
from ..kosakata import ASPEK_BERAKHLAK, NAMA_ASPEK, PENILAI_LUAR, PERAN
from ..model import HasilImpor
from ..store import audit, audit_json
from ..store import pegawai as tabel_pegawai
from ..store import perilaku as tabel
from ..store.db import transaksi
from ..validation.masalah import GALAT
from ..validation.perilaku import (
    PemeriksaPerilaku,
    Penilaian,
    SkorTidakValid,
    aspek_kosong,
    baca_penilai_luar,
    baca_skor,
    hubungan_luar,
    kunci_aspek,
    periksa_hubungan,
    pesan_aspek_kurang,
    rata_rata,
    ringkas,
)
from . import impor_umum, pegawai, periode
from .atasan_luar import nama_penilai, pejabat_luar, pejabat_luar_nip
from .impor_umum import konvensi_angka


def _kunci(kode: str, nip: str, penilai: str) -> str:
    return f"{kode}/{nip}/{penilai}"


def _isi(peran: str, skor: dict) -> dict:
    return {"peran": peran, **{a: skor.get(a) for a in ASPEK_BERAKHLAK}}


def _rencana(kode: str, daftar: list[Penilaian], tersimpan: dict) -> tuple[list, list, int, int, int]:
    """Rows to write, audit entries, and counts (tambah, ubah, tetap)."""
    tulis, log = [], []
    tambah = ubah = tetap = 0
    for p in daftar:
        baru = _isi(p.peran, p.skor_teks())
        lama_t = tersimpan.get((p.nip, p.penilai))
        if lama_t is None:
            tambah += 1
            log.append(("perilaku", _kunci(kode, p.nip, p.penilai), "tambah", None, baru, p.nip))
        else:
            lama = _isi(*lama_t)
            if lama == baru:
                tetap += 1
                continue
            ubah += 1
            log.append(("perilaku", _kunci(kode, p.nip, p.penilai), "ubah", lama, baru, p.nip))
        tulis.append((p.nip, p.penilai, p.peran, p.skor_teks()))
    return tulis, log, tambah, ubah, tetap


UKURAN_BATCH = 10_000  # rows per executemany while staging
_KUNCI_JSON = tuple(sorted(("peran", *ASPEK_BERAKHLAK)))  # audit JSON keys, in json.dumps(sort_keys) order
_URUT_JSON = itemgetter(*(("peran", *ASPEK_BERAKHLAK).index(k) for k in _KUNCI_JSON))
_OBJEK_JSON = audit_json.pembuat_objek(_KUNCI_JSON)


def _json_audit(peran: str, skor) -> str:
    """The text audit.catat_banyak writes for _isi(peran, skor) (skor: 7 texts in ASPEK order)."""
    return _OBJEK_JSON(_URUT_JSON((peran, *skor)))


@konvensi_angka
def impor(db, berkas: Path, kode: str, sheet: str | None = None, uji_coba: bool = False,
          lewati_galat: bool = False, tandai: Path | None = None) -> HasilImpor:
    """Upsert one row per (periode, nip, penilai). The rows stream once through the checks; the
    good ones go to a TEMP table (flat memory); nothing touches the real tables before every row
    is checked, then one transaction writes the changes and their audit entries."""
    per = periode.pastikan_terbuka(db, kode)
    kode = per.kode
    hasil = HasilImpor(uji_coba=uji_coba)
    tabel.tampungan_baru(db)
    try:
        with impor_umum.alir(berkas, PERILAKU, sheet, tandai, kode) as isi:
            if not any(a in isi.huruf for a in ASPEK_BERAKHLAK):
                raise BerkasTidakValid(
                    f"Sheet '{isi.sheet}' di {Path(berkas).name}: tidak ada kolom aspek BerAKHLAK.",
                    "Beri judul kolom skor: " + ", ".join(NAMA_ASPEK[a] for a in ASPEK_BERAKHLAK)
                    + " (atau kuncinya: " + ", ".join(ASPEK_BERAKHLAK) + ").",
                )
            bacaan = impor_umum.Bacaan(db, berkas)
            roster = bacaan.ambil("Daftar pegawai", lambda: tabel.roster_ringkas(db))
            cek = PemeriksaPerilaku(roster, _luar(db, roster))
            antre: list = []
            for b in isi.baris:
                r = cek.periksa(b)
                if r is not None:
                    nip, penilai, peran, skor = r
                    antre.append((b.baris, nip, penilai, peran, *skor, _json_audit(peran, skor)))
                    if len(antre) >= UKURAN_BATCH:
                        tabel.tampung(db, antre)
                        antre = []
            tabel.tampung(db, antre)
            tabel.buang_tampungan(db, sorted(cek.ganda_pertama))
            masalah, galat, belum_diisi = cek.masalah, cek.baris_galat, cek.belum_diisi
            del cek, antre  # the lookups are no longer needed
        impor_umum.putuskan(berkas, masalah, lewati_galat, tandai, hasil)
        impor_umum.info_tata(hasil, isi)
        hasil.keterangan["baris_dilewati"] = len(galat) if lewati_galat else 0
        if belum_diisi:
            hasil.keterangan["kosong"] = belum_diisi
        impor_umum.simpan_tampungan(db, tabel, kode, hasil, uji_coba, lambda: _banding(db, kode), bacaan)
        return hasil
    finally:
        tabel.hapus_tampungan(db)


def _luar(db, roster: dict) -> dict:
    """nip -> (kata, name) of the pejabat penilai outside the roster of the employees without NIP Atasan."""
    return pejabat_luar_nip(db, [n for n, r in roster.items() if not r[1]])


def _banding(db, kode: str) -> tuple[int, int]:
    """Re-import: stage the rows that change something, with the audit JSON of the stored row;
    returns (added, changed). Reads page by page, so no query is open while staging."""
    n = len(ASPEK_BERAKHLAK)
    tambah = ubah = 0
    setelah = 0
    while True:
        calon = tabel.calon_ubah(db, kode, setelah, UKURAN_BATCH)
        if not calon:
            return tambah, ubah
        antre = []
        for row in calon:
            baru_row, lama_row, ada_lama = row[:n + 5], row[n + 5:-1], row[-1]
            lama = None
            if ada_lama:
                ubah += 1
                lama = _json_audit(lama_row[0], lama_row[1:])
            else:
                tambah += 1
            antre.append((*baru_row, lama))
        tabel.simpan_ubah(db, antre)
        setelah = calon[-1][0]


def urai_skor(pasangan: list[str]) -> dict:
    """['pelayanan=100', 'akuntabel=95,5', 'kompeten='] -> {aspek: Decimal, or None to clear it};
    refuses unknown keys and duplicates."""
    skor: dict = {}
    for teks in pasangan:
        if "=" not in teks:
            raise DataTidakValid(f"--skor '{teks}' tidak berbentuk ASPEK=NILAI.",
                                 "Contoh: --skor pelayanan=100 --skor akuntabel=95,5")
        k, v = teks.split("=", 1)
        a = kunci_aspek(k)
        if a is None:
            raise DataTidakValid(f"Aspek '{k.strip()}' tidak dikenal.", "Aspek: " + ", ".join(ASPEK_BERAKHLAK) + ".")
        if a in skor:
            raise DataTidakValid(f"Aspek {a} diberi skor lebih dari sekali.", "Tulis satu --skor per aspek.")
        try:
            d = baca_skor(v)  # None: `--skor kompeten=` clears that aspect explicitly
        except SkorTidakValid as e:
            raise DataTidakValid(f"{NAMA_ASPEK[a]}: {e.pesan}.", kalimat(e.saran)) from None
        skor[a] = d
    if not skor:
        raise DataTidakValid("Tidak ada skor yang diberikan.",
                             "Beri paling sedikit satu aspek, misalnya --skor pelayanan=100")
    return skor


@dataclass
class HasilCatat:
    aksi: str  # tambah | ubah | tetap
    peringatan: list = field(default_factory=list)
    rata: object = None


def catat(db, nip: str, kode: str, penilai: str, peran: str, pasangan: list[str]) -> HasilCatat:
    """Record one rater's scores of one employee for one period: only the aspects given change (an
    empty value clears one); the rater's other stored aspects are kept."""
    per = periode.pastikan_terbuka(db, kode)
    n = pegawai.nip_dari_argumen(nip)
    q = baca_penilai_luar(penilai) or pegawai.nip_dari_argumen(penilai)
    if peran not in PERAN:
        raise DataTidakValid(f"Peran '{peran}' tidak dikenal.", "Pilih: " + ", ".join(PERAN) + ".")
    skor = urai_skor(pasangan)
    with transaksi(db):  # the roster checks, the stored scores, the comparison and the write: under one lock
        return _catat(db, per.kode, n, q, peran, skor)


def _catat(db, kode: str, n: str, q: str, peran: str, skor: dict) -> HasilCatat:
    dikenal = {x.nip: x for x in (tabel_pegawai.ambil(db, n), tabel_pegawai.ambil(db, q)) if x}
    peringatan = []
    if q in PENILAI_LUAR:
        p = dikenal.get(n)
        luar = pejabat_luar(db, [p]).get(n) if p else None
        masalah = hubungan_luar(n, q, peran, p and ringkas(p), luar)
        if luar and not masalah:
            dikenal[q] = replace(p, nip=q, nama=luar[1])  # named in messages like a roster penilai
    else:
        masalah = periksa_hubungan(n, q, peran, dikenal)
    for tingkat, _, pesan, saran in masalah:
        if tingkat == GALAT:
            raise (TidakDitemukan if "tidak ada di daftar" in pesan else DataTidakValid)(pesan + ".", saran)
        peringatan.append(f"{pesan} ({saran}).")
    tersimpan = tabel.ambil(db, kode, n, q)
    lama = {a: baca_skor(v) for a, v in tersimpan[1].items()} if tersimpan else {}
    p = Penilaian(n, q, peran, {a: skor[a] if a in skor else lama.get(a) for a in ASPEK_BERAKHLAK})
    if all(v is None for v in p.skor.values()):
        raise DataTidakValid(f"Setelah perubahan ini penilai {q} tidak menilai satu aspek pun untuk {n}; "
                             "tidak ada yang disimpan.", "Beri paling sedikit satu skor, misalnya --skor pelayanan=100")
    kosong = aspek_kosong(p.skor)  # on the stored result after the merge: only aspects still empty
    if kosong and peran != "diri":
        pesan, saran = pesan_aspek_kurang(_nama(dikenal, q), _nama(dikenal, n), kosong)
        peringatan.append(f"{pesan} ({saran}).")
    tulis, log, tambah, ubah, _ = _rencana(kode, [p], {(n, q): tersimpan} if tersimpan else {})
    if tulis:
        tabel.simpan_banyak(db, kode, tulis)
        audit.catat_banyak(db, [_hanya_yang_berubah(x) for x in log])
    aksi = "tambah" if tambah else ("ubah" if ubah else "tetap")
    return HasilCatat(aksi, peringatan, rata_rata(p.skor))


def _hanya_yang_berubah(entri: tuple) -> tuple:
    """An `ubah` audit entry of `catat` names only what changed (the aspects given, the role)."""
    tabel_, kunci, aksi, lama, baru, nip = entri
    if aksi != "ubah":
        return entri
    beda = [k for k in baru if lama.get(k) != baru[k]]
    return tabel_, kunci, aksi, {k: lama.get(k) for k in beda}, {k: baru[k] for k in beda}, nip


def _nama(dikenal: dict, nip: str) -> str:
    p = dikenal.get(nip)
    return (p.nama if nip in PENILAI_LUAR else f"{p.nama} ({nip})") if p else nip


def daftar(db, kode: str, nip: str | None = None, unit: str | None = None) -> list[dict]:
    per = periode.wajib_ada(db, kode)
    n = pegawai.wajib_ada(db, nip).nip if nip else None
    u = None
    if unit:
        u = tabel_pegawai.unit_ada(db, unit)
        if u is None:
            raise TidakDitemukan(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
    hasil = tabel.daftar(db, per.kode, n, u)
    nama_luar = None
    for d in hasil:
        d["rata"] = rata_rata({a: d[a] for a in ASPEK_BERAKHLAK})
        if d["penilai"] in PENILAI_LUAR:  # a pejabat penilai outside the roster: named from atasan_luar / profile
            if nama_luar is None:
                nama_luar = nama_penilai(db)
            d["nama_penilai"] = nama_luar(d["nip"], d["penilai"])
    return hasil
