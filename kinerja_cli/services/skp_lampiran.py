"""`kinerja sasaran lampiran|ekspektasi`: the SKP's LAMPIRAN (PermenPANRB 6/2022 Format A.1.x: dukungan
sumber daya, skema pertanggungjawaban, konsekuensi, each a numbered list of lines) and the ekspektasi khusus
pimpinan per BerAKHLAK aspect, per employee and period.

Stored, audited, refused in a closed period (like every SKP write). They are part of the SKP that is agreed:
a real change to a submitted or agreed SKP sends it back to draf, as a change of its rows does. The SKP
document prints them; a closed period prints them as frozen at close (services.beku).
"""

from __future__ import annotations

from ..errors import DataTidakValid
from ..kosakata import ASPEK_BERAKHLAK, BAGIAN_LAMPIRAN, NAMA_ASPEK, NAMA_BAGIAN_LAMPIRAN
from ..store import audit
from ..store import sasaran as tabel_sasaran
from ..store import skp_lampiran as tabel
from ..store import skp_status as tabel_status
from ..store.db import transaksi
from ..validation.catatan import bersihkan_teks
from ..validation.perilaku import kunci_aspek as kunci
from ..validation.persetujuan import KEMBALI_KE_DRAF
from . import pegawai, periode
from .persetujuan import kembali_ke_draf

BARIS_MAKS = 10  # lines per part of the lampiran: the SKP document stays printable
PANJANG_BARIS = 300  # characters per line of the lampiran
PANJANG_EKSPEKTASI = 500  # characters of one aspect's ekspektasi khusus pimpinan
ALASAN_LAMPIRAN = "lampiran SKP berubah"
ALASAN_EKSPEKTASI = "ekspektasi khusus pimpinan berubah"


def _opsi(bagian: str) -> str:
    return f"--{bagian}"


def periksa_baris(bagian: str, baris: list[str]) -> list[str]:
    """The lines of one part cleaned, or DataTidakValid (an empty line, too long, too many)."""
    hasil = []
    for i, t in enumerate(baris, 1):
        isi = bersihkan_teks(t)
        if not isi:
            raise DataTidakValid(f"Isi {_opsi(bagian)} ke-{i} kosong.",
                                 f"Tulis isinya, atau kosongkan bagian {NAMA_BAGIAN_LAMPIRAN[bagian]} dengan "
                                 f"--hapus {bagian}.")
        if len(isi) > PANJANG_BARIS:
            raise DataTidakValid(f"Isi {_opsi(bagian)} ke-{i} terlalu panjang ({len(isi)} karakter; paling banyak "
                                 f"{PANJANG_BARIS}).", "Pecah menjadi beberapa baris: ulangi "
                                 f"{_opsi(bagian)} untuk setiap baris.")
        hasil.append(isi)
    if len(hasil) > BARIS_MAKS:
        raise DataTidakValid(f"{NAMA_BAGIAN_LAMPIRAN[bagian]}: {len(hasil)} baris; paling banyak {BARIS_MAKS}.",
                             "Ringkas isinya: lampiran SKP harus tetap dapat dicetak rapi.")
    return hasil


def kunci_aspek(teks: str) -> str | None:
    """'pelayanan', 'PELAYANAN' or 'Berorientasi Pelayanan' -> 'pelayanan'; None when unknown."""
    return kunci(teks)


def teks_aspek_dikenal() -> str:
    return ", ".join(ASPEK_BERAKHLAK)


def _siapkan(db, nip: str, kode: str):
    per = periode.pastikan_terbuka(db, kode)
    return per, pegawai.wajib_ada(db, nip)


def _peringatan_tanpa_skp(db, kode: str, p) -> list[str]:
    if tabel_sasaran.baris_pegawai(db, kode, [p.nip]).get(p.nip):
        return []
    return [f"{p.nama} ({p.nip}) belum punya baris SKP periode {kode}; isian tetap disimpan dan dicetak "
            f"bersama SKP-nya nanti (kinerja ekspor skp)."]


def _kembali_draf(db, kode: str, nip: str, alasan: str) -> str | None:
    """Send a submitted/agreed SKP back to draf (inside the write transaction); the old state, or None."""
    status = tabel_status.ambil(db, kode, [nip]).get(nip)
    if not status or status["status"] not in KEMBALI_KE_DRAF:
        return None
    baru, entri = kembali_ke_draf(kode, nip, status, alasan)
    tabel_status.simpan(db, kode, nip, **baru)
    audit.catat_banyak(db, [entri])
    return status["status"]


def lihat(db, nip: str, kode: str) -> dict:
    """{nip, nama, periode, lampiran: {part: [lines]}, ekspektasi: {aspek: text}} (any period, open or closed)."""
    per = periode.wajib_ada(db, kode)
    p = pegawai.wajib_ada(db, nip)
    d = tabel.ambil(db, per.kode, [p.nip]).get(p.nip) or tabel.kosong()
    return {"nip": p.nip, "nama": p.nama, "periode": per.kode, **d}


def ubah_lampiran(db, nip: str, kode: str, ganti: dict[str, list[str]]) -> dict:
    """Replace the parts named in `ganti` (part -> lines; [] clears it), audited per part.

    Returns lihat(...) plus {"diubah": [parts really changed], "kembali_draf": old state or None, "peringatan"}."""
    per, p = _siapkan(db, nip, kode)
    bersih = {b: periksa_baris(b, ganti[b]) for b in BAGIAN_LAMPIRAN if b in ganti}
    with transaksi(db):
        lama = (tabel.ambil(db, per.kode, [p.nip]).get(p.nip) or tabel.kosong())["lampiran"]
        diubah = [b for b, baris in bersih.items() if baris != lama[b]]
        entri = []
        for b in diubah:
            tabel.ganti_bagian(db, per.kode, p.nip, b, bersih[b])
            aksi = "hapus" if not bersih[b] else ("ubah" if lama[b] else "tambah")
            entri.append(("skp_lampiran", f"{per.kode}/{p.nip}/{b}", aksi, lama[b] or None, bersih[b] or None, p.nip))
        audit.catat_banyak(db, entri)
        kembali = _kembali_draf(db, per.kode, p.nip, ALASAN_LAMPIRAN) if diubah else None
    peringatan = _peringatan_tanpa_skp(db, per.kode, p) if diubah else []
    return {**lihat(db, p.nip, per.kode), "diubah": diubah, "kembali_draf": kembali, "peringatan": peringatan}


def ubah_ekspektasi(db, nip: str, kode: str, aspek: str, teks: str | None) -> dict:
    """Set (teks) or clear (None) one aspect's ekspektasi khusus pimpinan, audited.

    Returns lihat(...) plus {"aspek", "aksi": tambah|ubah|hapus|tetap, "kembali_draf", "peringatan"}."""
    kunci = kunci_aspek(aspek)
    if kunci is None:
        raise DataTidakValid(f"Aspek '{aspek}' tidak dikenal.", f"Pilih salah satu: {teks_aspek_dikenal()}.")
    isi = None
    if teks is not None:
        isi = bersihkan_teks(teks)
        if not isi:
            raise DataTidakValid("Ekspektasi khusus pimpinan kosong.",
                                 'Tulis isinya dengan --teks "...", atau hapus dengan --hapus.')
        if len(isi) > PANJANG_EKSPEKTASI:
            raise DataTidakValid(f"Ekspektasi khusus pimpinan {NAMA_ASPEK[kunci]} terlalu panjang ({len(isi)} karakter; "
                                 f"paling banyak {PANJANG_EKSPEKTASI}).", "Ringkas isinya: SKP harus tetap dapat dicetak rapi.")
    per, p = _siapkan(db, nip, kode)
    with transaksi(db):
        lama = (tabel.ambil(db, per.kode, [p.nip]).get(p.nip) or tabel.kosong())["ekspektasi"].get(kunci)
        aksi = "tetap" if lama == isi else ("hapus" if isi is None else ("ubah" if lama else "tambah"))
        kembali = None
        if aksi != "tetap":
            tabel.simpan_ekspektasi(db, per.kode, p.nip, kunci, isi)
            audit.catat(db, "skp_ekspektasi", f"{per.kode}/{p.nip}/{kunci}", aksi, lama, isi, p.nip)
            kembali = _kembali_draf(db, per.kode, p.nip, ALASAN_EKSPEKTASI)
    peringatan = _peringatan_tanpa_skp(db, per.kode, p) if aksi in ("tambah", "ubah") else []
    return {**lihat(db, p.nip, per.kode), "aspek": kunci, "aksi": aksi, "kembali_draf": kembali,
            "peringatan": peringatan}


def salin(db, log, dari: str, ke: str, nips: list[str]) -> int:
    """Copy the lampiran and ekspektasi of `nips` from period `dari` to `ke` (inside `sasaran salin`'s
    transaction, audited through its Pencatat `log`); an employee who already has any in `ke` keeps his.
    Returns the number of employees whose lampiran/ekspektasi were copied."""
    asal = tabel.ambil(db, dari, nips)
    sudah = tabel.ambil(db, ke, list(asal))
    n = 0
    for nip in sorted(asal):
        if nip in sudah:
            continue
        d = asal[nip]
        for b, baris in d["lampiran"].items():
            if baris:
                tabel.ganti_bagian(db, ke, nip, b, baris)
                log.tambah_banyak([("skp_lampiran", f"{ke}/{nip}/{b}", "tambah", None,
                                    {"baris": baris, "disalin_dari": dari}, nip)])
        for a, teks in d["ekspektasi"].items():
            tabel.simpan_ekspektasi(db, ke, nip, a, teks)
            log.tambah_banyak([("skp_ekspektasi", f"{ke}/{nip}/{a}", "tambah", None,
                                {"teks": teks, "disalin_dari": dari}, nip)])
        n += 1
    return n
