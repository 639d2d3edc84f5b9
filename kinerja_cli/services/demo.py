"""`kinerja demo`: a database of its own, built from contoh_data/, and the period's results.

Returns plain data; the command prints it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..berkas_aman import buat_folder
from ..errors import TidakDitemukan
from ..kosakata import ASPEK_BERAKHLAK, KEPALA_DAERAH
from ..store import pegawai as tabel_pegawai
from ..store.db import buat_db, buka_db
from ..validation.tanggal_id import tanggal_id
from . import (
    catatan,
    distribusi,
    ekspor,
    instansi,
    layanan,
    pegawai,
    pelatihan,
    penutupan,
    perilaku,
    periode,
    persetujuan,
    rating,
    realisasi,
    sasaran,
)
from .dampak import ringkasan_demo

PERIODE = "2026"  # permenpan6 (the law in force): the period the demo shows, ratings set by the atasan
# Beside it, the previous year under PP 30/2019 (numeric scoring, the 70-<90 band "Cukup"), built from the same
# sample SKP: the same work scored by both schemes; closed, as a past period is.
PERIODE_PP30 = "2025"
# The demo's instansi profile (the sample data are of Kota Bukittinggi); a real office sets its own
# with `kinerja instansi`. The signatory is the head of BKPSDM in contoh_data/pegawai.xlsx.
PROFIL_DEMO = {
    "pemda": "Pemerintah Kota Bukittinggi",
    "instansi": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "tempat": "Bukittinggi",
    "alamat": "Jl. Contoh Balai Kota No. 1, Bukittinggi (alamat contoh)",
    "kontak": "Telp. (0752) 000000 · bkpsdm@contoh.go.id (kontak contoh)",
    "kepala_nama": "Kepala Daerah Contoh",
    "kepala_jabatan": "Wali Kota",
    "ttd_jabatan": "Kepala BKPSDM",
    "ttd_nama": "Irfan Saputra, S.Psi., M.Si.",
    "ttd_nip": "196909241995111638",
    "ttd_pangkat": "IV/d",
}
SINGKATAN_DEMO = {  # official short names of the sample units
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia": "BKPSDM",
    "Badan Perencanaan Pembangunan Daerah": "Bappeda",
    "Dinas Kependudukan dan Pencatatan Sipil": "Disdukcapil",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu": "DPMPTSP",
    "Dinas Pekerjaan Umum dan Penataan Ruang": "Dinas PUPR",
    "Dinas Pendidikan dan Kebudayaan": "Disdikbud",
    "Dinas Kesehatan": "Dinkes",
    "Dinas Pariwisata": "Dispar",
    "Dinas Sosial": "Dinsos",
    "RSUD Kota Bukittinggi": "RSUD",
}
# The demo's own unit predikat (a unit's performance rating, set by the leadership).
PREDIKAT_UNIT_DEMO = {
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu": "istimewa",
    "Dinas Pendidikan dan Kebudayaan": "baik",
    "RSUD Kota Bukittinggi": "baik",
    "Dinas Sosial": "butuh-perbaikan",
}


@dataclass
class HasilDemo:
    db: Path
    langkah: list = field(default_factory=list)  # (step, summary)
    rekap: Path | None = None
    dampak: list = field(default_factory=list)  # impact sentences


def folder_contoh() -> Path:
    """contoh_data/ of the source tree (editable install or a checkout), else the copy installed with
    the package (kinerja_cli/contoh_data), else of the current folder."""
    paket = Path(__file__).resolve().parent.parent
    for kandidat in (paket.parent / "contoh_data", paket / "contoh_data", Path.cwd() / "contoh_data"):
        if (kandidat / "pegawai.xlsx").exists():
            return kandidat
    raise TidakDitemukan("Folder contoh_data/ tidak ditemukan.",
                         "Pasang ulang kinerja (pip install .), atau jalankan kinerja demo dari folder proyek kinerja.")


def _ringkas(h, satuan: str) -> str:
    teks = f"{h.ditambah} {satuan}"
    if h.keterangan.get("kosong"):
        teks += f" ({h.keterangan['kosong']} belum diisi)"
    return teks


def _rating_atasan(db, kode: str) -> str:
    """permenpan6: each atasan langsung sets the ratings of the staff whose data is complete (here: accepts
    the saran); the others are not set: their data is incomplete (no saran either) or they have no atasan."""
    h = rating.terima_saran_atasan(db, kode, "Ditetapkan atasan langsung sesuai bukti dukung (data demo)")
    return (f"{len(h['ditetapkan'])} pegawai ditetapkan atasannya; {len(h['dilewati'])} belum ditetapkan "
            "(data belum lengkap atau tanpa atasan)")


SKOR_KEPALA_DAERAH = "105"  # the kepala daerah's perilaku score of the heads at the top of the roster (Sesuai)


def _oleh_kepala_daerah(db, kode: str) -> str:
    """The heads at the top of the roster (no NIP Atasan: the Sekda) are assessed by the kepala daerah of the
    instansi profile (services.atasan_luar.pejabat_luar): he scores their perilaku (NIP Penilai `kepala-daerah`)
    and agrees to their SKP, as the demo's atasan do for everyone else."""
    puncak = [p for p in tabel_pegawai.semua(db).values() if p.aktif and not p.nip_atasan]
    for p in puncak:
        perilaku.catat(db, p.nip, kode, KEPALA_DAERAH, "atasan", [f"{a}={SKOR_KEPALA_DAERAH}" for a in ASPEK_BERAKHLAK])
        if periode.wajib_ada(db, kode).persetujuan_skp:
            persetujuan.ajukan(db, p.nip, kode)
            persetujuan.setujui(db, p.nip, kode, KEPALA_DAERAH)
    return f"menilai perilaku dan menyetujui SKP {len(puncak)} pegawai tanpa atasan di daftar (Sekretaris Daerah)"


def _tahun_lalu(tanggal: str | None) -> str | None:
    """The same day one year earlier (29 February becomes the 28th)."""
    if not tanggal:
        return tanggal
    t = date.fromisoformat(tanggal[:10])
    return t.replace(year=t.year - 1, day=min(t.day, 28) if t.month == 2 else t.day).isoformat()


def _periode_pp30(path: Path, skp: Path) -> str:
    """The previous year under pp30 from the same sample SKP, then closed (a past period is frozen).

    Its own connection, as its own commands would have: the writes to 2025 register a guard "2025 still
    open" on the connection that writes them, which the demo's later writes must not meet."""
    db = buka_db(path)
    try:
        p = periode.buat(db, PERIODE_PP30, metode="pp30", persetujuan_skp=True)
        sasaran.impor(db, skp, PERIODE_PP30)
        realisasi.impor(db, skp, PERIODE_PP30)
        perilaku.impor(db, skp, PERIODE_PP30)
        _oleh_kepala_daerah(db, PERIODE_PP30)
        for i in catatan.daftar_inovasi(db, PERIODE):  # pp30's Sangat Baik needs an innovation in the period
            catatan.catat_inovasi(db, i["nip"], PERIODE_PP30, i["uraian"], _tahun_lalu(i["tanggal"]))
        penutupan.tutup(db, PERIODE_PP30)
    finally:
        db.close()
    return (f"{p.kode} (metode {p.metode}, ditutup): SKP contoh yang sama dinilai dengan angka "
            "PP 30/2019 — rentang 70–<90 bernama Cukup")


def bangun(folder: Path) -> HasilDemo:
    contoh = folder_contoh()
    buat_folder(folder)  # 0700 whatever the umask
    path = folder / "kinerja-demo.db"
    for akhiran in ("", "-wal", "-shm"):  # the demo's own database only, rebuilt each time
        Path(str(path) + akhiran).unlink(missing_ok=True)
    buat_db(path)
    db = buka_db(path)
    try:
        hasil = HasilDemo(path)
        skp = contoh / f"skp_{PERIODE}.xlsx"
        logo = contoh / "logo_contoh.png"
        instansi.atur(db, logo if logo.exists() else None, **PROFIL_DEMO)
        hasil.langkah.append(("Profil instansi", f"{PROFIL_DEMO['pemda']}, {PROFIL_DEMO['instansi']}"))
        h = pegawai.impor(db, contoh / "pegawai.xlsx")
        hasil.langkah.append(("Daftar pegawai", f"{h.ditambah} pegawai"))
        for unit, s in SINGKATAN_DEMO.items():
            instansi.atur_singkatan(db, unit, s)
        p = periode.buat(db, PERIODE, metode="permenpan6", persetujuan_skp=True)  # the sample SKP has a Status SKP column
        hasil.langkah.append(("Periode", f"{p.kode} ({tanggal_id(p.mulai)} s.d. {tanggal_id(p.selesai)}, metode {p.metode})"))
        hasil.langkah.append(("SKP (sasaran)", _ringkas(sasaran.impor(db, skp, PERIODE), "baris SKP")))
        hasil.langkah.append(("Realisasi", _ringkas(realisasi.impor(db, skp, PERIODE), "realisasi")))
        hasil.langkah.append(("Penilaian perilaku", _ringkas(perilaku.impor(db, skp, PERIODE), "penilaian (atasan, rekan, bawahan, diri)")))
        hasil.langkah.append(("Kepala daerah", _oleh_kepala_daerah(db, PERIODE)))
        if p.metode == "permenpan6":
            hasil.langkah.append(("Rating pejabat penilai", _rating_atasan(db, PERIODE)))
        hasil.langkah.append(("Umpan balik",
                              _ringkas(catatan.impor_umpan_balik(db, contoh / f"umpan_balik_{PERIODE}.xlsx", PERIODE), "catatan")))
        hasil.langkah.append(("Inovasi", _ringkas(catatan.impor_inovasi(db, contoh / f"inovasi_{PERIODE}.xlsx", PERIODE), "inovasi")))
        hasil.langkah.append(("Pelatihan", _ringkas(pelatihan.impor(db, contoh / f"pelatihan_{PERIODE}.xlsx"), "kegiatan (JP)")))
        h = layanan.impor(db, contoh / "layanan.xlsx")
        hasil.langkah.append(("Indikator layanan", f"{h.ditambah} nilai triwulanan"))
        for unit, pu in PREDIKAT_UNIT_DEMO.items():
            distribusi.tetapkan(db, unit, PERIODE, pu)
        hasil.langkah.append(("Predikat unit", f"{len(PREDIKAT_UNIT_DEMO)} unit ditetapkan (dasar kurva distribusi)"))
        hasil.langkah.append(("Periode pembanding", _periode_pp30(path, skp)))
        periode.pakai(db, PERIODE)  # `kinerja nilai --db ...` without -p shows the main period
        hasil.rekap = folder / f"rekap-{PERIODE}.xlsx"
        ekspor.rekap(db, hasil.rekap, PERIODE, timpa=True)
        hasil.dampak = ringkasan_demo(db)
    finally:
        db.close()  # on an error too: the demo folder is left without an open handle
    return hasil
