"""Exports: the recap workbook and the individual evaluation documents.

Extra recap sheets (hook for other features)
--------------------------------------------
The recap is a list of sheet writers ``(nama, tulis)``. Besides the standard sheets
(Ringkasan, Rekap, Rincian, then one sheet per unit with ``--per-unit``), every entry of
the public list :data:`lembar_tambahan` is written after Rincian and before the unit
sheets, in list order. Register one with::

    from kinerja_cli.services import ekspor

    def _lembar_pengembangan(ws, data):   # ws: fresh write-only worksheet named "Pengembangan"
        jp = store.pelatihan.jp_per_nip(data.db, data.periode.kode)   # your own reads
        kinerja_cli.excel.pengembangan.tulis(ws, data, jp)               # your own writer

    ekspor.daftarkan_lembar("Pengembangan", _lembar_pengembangan)

and add the registering module's dotted name to :data:`PENYEDIA_LEMBAR` (imported
lazily before each recap, so ``kinerja --help`` stays light). ``data`` is an
``excel.rekap.DataRekap``: ``periode`` (``model.Periode``: ``p.kode``, ``p.mulai`` ...), ``metode``, ``rekaman`` (the records,
``model.Rekaman``: ``r.pegawai.nip``, ``r.hasil.predikat`` ..., in the recap's order, unit then nama: an iterable with ``len()``
that reads the database again on each iteration -- never make a list of it, a period may hold
100,000 employees), ``distribusi`` (per-unit rows), ``dari_snapshot``, ``unit`` (the --unit
filter or None), ``rentang_unit``, ``jumlah``, ``hitungan`` (each assessed employee's predikat
in ``hitungan.predikat``, collected during the pass), ``dibuat``, ``profil``, ``tanggal_ttd``, ``db`` and
``gaya`` (shared styles, ``excel.lembar.Gaya``). Extra sheets are written after the pass over
the records. Use ``excel.lembar`` (``baris_blok_judul``, ``baris_kepala``, ``atur_cetak``,
``lebar_kolom``) and ``excel.aman.sel_aman`` for every cell, so user text never becomes a
formula. Set widths, freeze panes and print setup before the first ``ws.append``; append rows
one by one (the sheet streams to disk). The name is made valid/unique (max 31 characters).
"""

from __future__ import annotations

import importlib
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Callable

from ..berkas_aman import buat_folder, penghalang
from ..errors import DataTidakValid
from ..excel.dokumen import tulis_dokumen
from ..excel.lembar import periksa_tujuan, simpan_aman
from ..excel.nama_sheet import nama_berkas
from ..excel.rekap import DataRekap, tulis_buku
from ..excel.tulis import sementara_di
from ..kosakata import ASPEK_BERAKHLAK, BELUM_DINILAI, RATING_BELUM_DITETAPKAN
from ..model import Rekaman, masuk_sebaran
from ..store import nilai as tabel_nilai
from ..validation.angka import angka_id
from . import beku, distribusi, instansi, nilai, nilai_alir
from .dokumen_data import Bacaan, orang
from .tren import tercatat

lembar_tambahan: list[tuple[str, Callable]] = []
# zlib level of the recap's zip: 2 deflates the ~7 KB of sheet XML per employee about 2.5x faster
# than openpyxl's 6 for a file about a quarter larger (same content)
KOMPRESI_REKAP = 2
PENYEDIA_LEMBAR: tuple[str, ...] = ("kinerja_cli.services.lembar_rekap",)


def daftarkan_lembar(nama: str, tulis: Callable) -> None:
    """Add (or replace, by name) an extra recap sheet writer ``tulis(ws, data)``."""
    for i, (n, _) in enumerate(lembar_tambahan):
        if n == nama:
            lembar_tambahan[i] = (nama, tulis)
            return
    lembar_tambahan.append((nama, tulis))


def _muat_penyedia() -> None:
    for modul in PENYEDIA_LEMBAR:
        importlib.import_module(modul)


class _Hitungan:
    """What the recap needs of every record after the pass, kept compact: predikat counts per
    unit (for the distribution) and each assessed employee's predikat (for Pengembangan)."""

    def __init__(self):
        self.per_unit: dict[str, dict[str, int]] = {}  # unit -> {predikat: count}, employees with data
        self.tanpa_data: dict[str, int] = {}  # unit -> employees without any data recorded
        self.menunggu: dict[str, int] = {}  # unit -> employees whose SKP still waits for any realisation
        self.predikat: dict[str, str] = {}  # nip -> predikat, employees with data recorded
        self.tanpa_data_nama: list[tuple[str, str]] = []  # (nama, unit) of the first employees without data
        self.saran = 0  # results resting on a saran rating (flag rating_belum_ditetapkan): not final

    def tambah(self, r: Rekaman) -> None:
        u = r.pegawai.unit
        jumlah = self.per_unit.setdefault(u, {})
        if r.tercatat:
            pr = r.hasil.predikat
            if masuk_sebaran(r):
                jumlah[pr] = jumlah.get(pr, 0) + 1
            else:  # mid-period: out of the spread (model.masuk_sebaran)
                self.menunggu[u] = self.menunggu.get(u, 0) + 1
            self.predikat[r.pegawai.nip] = pr
            self.saran += RATING_BELUM_DITETAPKAN in r.hasil.catatan
        else:
            self.tanpa_data[u] = self.tanpa_data.get(u, 0) + 1
            if len(self.tanpa_data_nama) < 10:  # named in Ringkasan (the rest counted): memory stays flat
                self.tanpa_data_nama.append((r.pegawai.nama, u))


def rekap(db, berkas: Path, kode: str, unit: str | None = None, per_unit: bool = False, timpa: bool = False,
          tanggal: date | None = None, pangkat: bool = False, nomor_kolom: bool = False) -> dict:
    """Write the recap workbook; returns what was written.

    The records are streamed once in the recap's order (services.nilai_alir) and written as
    they come (excel.rekap.tulis_buku); only the per-unit counts and each employee's predikat
    are kept, so memory stays flat for a period of any size.
    """
    periksa_tujuan(Path(berkas), timpa)  # fail before the long part
    alir = nilai_alir.rekaman_urut_unit(db, kode, unit)
    profil, singkatan = beku.profil(db, alir.periode)  # a closed period: as frozen at close
    data = DataRekap(periode=alir.periode, metode=alir.metode, rekaman=alir, distribusi=[],
                     dari_snapshot=alir.dari_snapshot, dibuat=datetime.now(), unit=unit, db=db,
                     hitungan=_Hitungan(), profil=profil, tanggal=tanggal,
                     singkatan=singkatan, pangkat=pangkat, nomor_kolom=nomor_kolom,
                     sub_unit=tabel_nilai.ada_sub_unit(db, alir.periode.kode, alir.unit, alir.dari_snapshot))
    hitungan = data.hitungan

    def sesudah() -> None:
        alir.jumlah = data.jumlah  # what was actually written
        data.distribusi = distribusi.dari_hitungan(db, alir.periode, hitungan.per_unit, hitungan.tanpa_data,
                                                     hitungan.menunggu)

    _muat_penyedia()
    # write-only rows spill into the run's private folder beside the target, not in /tmp or loose in the folder
    with sementara_di(Path(berkas).absolute().parent, Path(berkas)):
        wb = tulis_buku(data, list(lembar_tambahan), per_unit, hitungan, sesudah)
        nama_sheet = list(wb.sheetnames)
        tujuan = simpan_aman(wb, Path(berkas), timpa, KOMPRESI_REKAP)
    peringatan = [x for x in (instansi.peringatan(data.profil, penandatangan=True),) if x] + data.peringatan
    return {"berkas": str(tujuan), "periode": alir.periode.kode, "pegawai": data.jumlah,
            "sheet": nama_sheet, "dari_snapshot": alir.dari_snapshot, "peringatan": peringatan,
            "catatan": beku.catatan(db, alir.periode)}


# -- individual evaluation document --------------------------------------------


def skor_aspek(r: Rekaman) -> dict[str, tuple[Decimal | None, str]]:
    """aspek -> (score, per-role explanation) for the document.

    Choice (documented in the document's footnote): for each aspect, the mean of each
    counted role's raters (atasan, rekan, bawahan; a self-rating is never counted),
    weighted like the NPK (the period's role weights, default atasan 60, rekan 20, bawahan 20, and
    only the roles its penilaian 360 counts; re-normalised over the roles that scored that aspect);
    rounded to 2 decimals.
    """
    bobot = r.hasil.perilaku.bobot_peran
    hasil = {}
    for a in ASPEK_BERAKHLAK:
        per_peran: dict[str, list[Decimal]] = {}
        for p in r.masukan.penilaian:
            v = p.skor.get(a)
            if p.peran in bobot and v not in (None, ""):
                per_peran.setdefault(p.peran, []).append(Decimal(v))
        if not per_peran:
            hasil[a] = (None, BELUM_DINILAI)
            continue
        rata = {k: sum(v) / len(v) for k, v in per_peran.items()}
        jumlah_bobot = sum(bobot[k] for k in rata)
        skor = sum(bobot[k] * rata[k] for k in rata) / jumlah_bobot
        ket = "; ".join(f"{k} {_dua(v)}" + (f" ({len(per_peran[k])} penilai)" if len(per_peran[k]) > 1 else "")
                        for k, v in rata.items())
        hasil[a] = (skor.quantize(Decimal("0.01"), ROUND_HALF_UP), ket)
    return hasil


def _dua(d: Decimal) -> str:
    return angka_id(d)


def _data_dokumen(lap, r: Rekaman, konteks: dict, predikat_unit: dict, tanggal: date, profil, bacaan) -> dict:
    """Everything one evaluation document shows. `konteks`: the employee's pejabat penilai, atasan
    pejabat penilai, D.1.2 and umpan balik (services.beku.konteks_dokumen: frozen at close for a closed
    period); `bacaan`: recommendation, innovations, development follow-up (services.dokumen_data)."""
    pu = predikat_unit.get(r.pegawai.unit)
    nip = r.pegawai.nip
    return {"periode": lap.periode, "metode": lap.metode, "dari_snapshot": lap.dari_snapshot, "rekaman": r,
            "pegawai": orang(r.pegawai), "atasan": konteks["atasan"], "atasan_atasan": konteks["atasan_atasan"],
            "d12": konteks.get("d12", False), "tanggal": tanggal, "umpan_balik": konteks["umpan_balik"],
            "skor_aspek": skor_aspek(r), "predikat_unit": pu, "pola_distribusi": bacaan.pola(pu), "profil": profil,
            "rekomendasi": bacaan.rekomendasi.get(nip), "inovasi": bacaan.inovasi.get(nip, []),
            "penulis_rekomendasi": bacaan.penulis_lain(nip, konteks["atasan"]),
            "tindak_lanjut": bacaan.tindak_lanjut(r)}


def dokumen(db, kode: str, nip: str | None = None, unit: str | None = None, berkas: Path | None = None,
            folder: Path | None = None, timpa: bool = False, tanggal: date | None = None) -> dict:
    """One employee's evaluation document (nip), or one per employee of a unit (unit + folder)."""
    periksa_sasaran_dokumen(nip, unit, berkas, folder, "dokumen")
    if folder and not Path(folder).exists():
        if penghalang(Path(folder)) is not None:  # a parent that is a file: refused before any work
            raise DataTidakValid(f"{penghalang(Path(folder))} adalah berkas, bukan folder; --folder {folder} "
                                 "tidak dapat dibuat.", "Pilih folder tujuan lain untuk --folder.")
    lap = nilai.laporan(db, kode, unit, nip, urut="nama")

    tanpa_data = [r.pegawai for r in lap.rekaman if not tercatat(r)]
    if unit:  # a document with nothing recorded would state "Sangat Kurang" for someone never assessed
        lap.rekaman = [r for r in lap.rekaman if tercatat(r)]
    if folder and lap.rekaman:
        buat_folder(folder)  # 0700 whatever the umask
    tanggal = tanggal or date.today()
    tujuan = []
    for r in lap.rekaman:
        p = r.pegawai
        if berkas and nip:
            t = Path(berkas)
        else:
            t = Path(folder or ".") / nama_berkas(p.nip, p.nama, periode=lap.periode.kode)
        tujuan.append(t)
    ada = berkas_yang_ada(tujuan, timpa)
    for t in tujuan:
        periksa_tujuan(t, timpa)
    konteks = beku.konteks_dokumen(db, lap.periode, [r.pegawai for r in lap.rekaman])
    pu = tabel_nilai.unit_predikat(db, lap.periode.kode)
    profil, _ = beku.profil(db, lap.periode)  # a closed period: as frozen at close
    bacaan = Bacaan(db, lap.periode, [r.pegawai.nip for r in lap.rekaman], beku.jp_tahun(db, lap.periode))
    ditulis: list[str] = []
    lain: list[str] = []
    try:
        for r, t in zip(lap.rekaman, tujuan):
            d = _data_dokumen(lap, r, konteks[r.pegawai.nip], pu, tanggal, profil, bacaan)
            wb = tulis_dokumen(d)
            ditulis.append(str(simpan_aman(wb, t, timpa)))
            if d["penulis_rekomendasi"]:
                lain.append(_pesan_penulis_lain(d, lap.periode.kode))
    except BaseException:  # all or nothing: remove this run's new documents (replaced ones cannot come back)
        for p in ditulis:
            if Path(p) not in ada:
                Path(p).unlink(missing_ok=True)
        raise
    return {"periode": lap.periode.kode, "berkas": ditulis, "dari_snapshot": lap.dari_snapshot,
            "tanpa_data": tanpa_data, "dilewati": bool(unit), "catatan": beku.catatan(db, lap.periode),
            "peringatan": [x for x in (instansi.peringatan(profil),) if x and ditulis] + lain}


def _pesan_penulis_lain(d: dict, kode: str) -> str:
    """The warning of a document whose CATATAN/REKOMENDASI was written by someone other than its signing
    pejabat penilai (the roster changed since): both named, with the command to have it rewritten."""
    p, a, o = d["pegawai"], d["atasan"] or {}, d["penulis_rekomendasi"]
    ttd = f"{a.get('nama') or '-'} ({a['nip']})" if a.get("nip") else (a.get("nama") or "-")
    return (f"CATATAN/REKOMENDASI {p['nama']} ({p['nip']}) periode {kode} ditulis oleh {o['nama']} ({o['nip']}), "
            f"bukan pejabat penilai yang menandatangani dokumen, {ttd}; dokumen mencatat penulisnya. Bila perlu "
            f'ditulis ulang: kinerja evaluasi catat {p["nip"]} -p {kode} --rekomendasi "..."')


def periksa_sasaran_dokumen(nip, unit, berkas, folder, perintah: str) -> None:
    """The choice of whom a per-employee document is written for (`ekspor dokumen`, `ekspor skp`):
    one NIP into BERKAS, or every employee of --unit into --folder."""
    if nip and unit:  # both: a word meant as BERKAS or --folder was read as the NIP
        raise DataTidakValid(f"NIP ('{nip}') dan --unit tidak dapat dipakai bersama: NIP menulis satu pegawai, "
                             "--unit semua pegawai satu unit.",
                             f"Untuk semua pegawai unit: kinerja ekspor {perintah} --unit {unit} --periode KODE "
                             f"--folder FOLDER (tanpa NIP dan nama berkas).")
    if not nip and not unit:
        raise DataTidakValid("Sebutkan NIP satu pegawai, atau --unit untuk semua pegawai satu unit.",
                             f"Contoh: kinerja ekspor {perintah} 198502142010012003 --periode 2026")
    if unit and berkas:
        raise DataTidakValid("Dengan --unit, nama berkas dibuat per pegawai; jangan sebutkan BERKAS.",
                             "Pakai --folder DIR untuk memilih tempatnya.")
    if unit and not folder:
        raise DataTidakValid("--unit membuat satu berkas per pegawai dan perlu --folder.",
                             f"Contoh: kinerja ekspor {perintah} --unit DPMPTSP --periode 2026 --folder {perintah}-2026")
    if folder and Path(folder).exists() and not Path(folder).is_dir():
        raise DataTidakValid(f"{folder} adalah berkas, bukan folder.", "Pilih nama folder lain untuk --folder.")


def berkas_yang_ada(tujuan: list[Path], timpa: bool) -> list[Path]:
    """The target files of a per-employee export that exist already; without --timpa, a refusal naming
    them (the first five) before anything is written."""
    ada = [t for t in tujuan if t.exists()]
    if ada and not timpa:
        daftar = ", ".join(t.name for t in ada[:5]) + (f" dan {len(ada) - 5} lainnya" if len(ada) > 5 else "")
        raise DataTidakValid(f"{len(ada)} berkas sudah ada: {daftar}; tidak ada yang ditulis.",
                             "Pakai folder/nama lain, atau tambahkan --timpa untuk menggantinya.")
    return ada
