"""SIASN's unor hierarchy (HIERARKI_UNOR: ID, NAMA_UNOR, ID_ATASAN): read, checked, stored whole;
it maps a SIASN employee's lowest unor to its OPD (services.pegawai_siasn)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import BerkasTidakValid
from ..kolom import HIERARKI
from ..model import HasilImpor
from ..store import audit
from ..store import pegawai as tabel
from ..store import unor as tabel_unor
from ..validation.masalah import GALAT, Masalah, di_sel
from ..validation.roster import cari_lingkaran, rantai_atasan
from ..validation.siasn import indeks_opd, teks_id
from ..validation.teks import teks as _teks
from . import impor_umum


def ribuan(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def info(hasil: HasilImpor, teks: str) -> None:
    """One line for the officer (printed by the command after the problems), not a problem."""
    hasil.info(teks)


@dataclass
class Hierarki:
    berkas: Path
    baris: list  # [(id, name, parent id)] in the export's order
    unor: dict  # {id: (name, parent id)}
    peringatan: list


@impor_umum.lingkup_impor
def baca_hierarki(berkas: Path) -> Hierarki:
    """Read and check SIASN's unor hierarchy; refuse it (every problem listed) when it cannot be used."""
    isi = impor_umum.baca(berkas, HIERARKI)
    masalah: list[Masalah] = []
    baris, unor, pertama = [], {}, {}
    for b in isi.baris:
        i, nama, atas = teks_id(b.nilai.get("id")), _teks(b.nilai.get("nama")), teks_id(b.nilai.get("id_atasan"))
        if i is None:
            masalah.append(di_sel(b, "id", "ID unor kosong", "isi ID unor seperti di SIASN"))
            continue
        if not nama:
            masalah.append(di_sel(b, "nama", "NAMA_UNOR kosong", "isi nama unor", kunci=i))
            continue
        if i in pertama:
            masalah.append(di_sel(b, "id", f"ID unor {i} ganda: sudah ada di baris {pertama[i]}", "hapus salah satu",
                                  kunci=i))
            continue
        pertama[i] = b.baris
        nama = " ".join(nama.split())
        baris.append((i, nama, atas))
        unor[i] = (nama, atas)
    for i, (_, a) in unor.items():
        if a is not None and a not in unor:
            masalah.append(Masalah(f"ID_ATASAN {a} tidak ada di kolom ID hierarki ini (unor {unor[i][0]})",
                                   "ambil hierarki unor SIASN yang utuh; tanpa atasannya unor ini akan terbaca sebagai "
                                   "akar dan unor di bawahnya sebagai OPD", a, isi.sheet, pertama[i], "ID_ATASAN", GALAT, i))
    loop = set(cari_lingkaran({i: (a if a and a in unor else None) for i, (_, a) in unor.items()}))
    for i in loop:
        masalah.append(Masalah(f"ID_ATASAN berputar: {' → '.join(rantai_atasan({k: a for k, (_, a) in unor.items()}, i))}",
                               "perbaiki ID_ATASAN agar rantainya berakhir di pemda", i, isi.sheet, pertama[i], "ID_ATASAN",
                               GALAT, i))
    akar = [i for i, (_, a) in unor.items() if a is None]
    if len(akar) > 1:
        for i in akar[1:]:
            masalah.append(Masalah(f"Hierarki punya {len(akar)} akar (unor dengan ID_ATASAN kosong): "
                                   + ", ".join(unor[a][0] for a in akar[:5]) + "; hanya pemda yang boleh tanpa atasan",
                                   "isi ID_ATASAN unor ini, atau ambil hierarki unor SIASN yang utuh (satu akar: "
                                   "pemda)", unor[i][0], isi.sheet, pertama[i], "ID_ATASAN", GALAT, i))
    peringatan: list = []
    impor_umum.putuskan(berkas, masalah, False)
    return Hierarki(Path(berkas), baris, unor, peringatan)


def simpan_hierarki(db, hier: Hierarki, uji_coba: bool, hasil: HasilImpor) -> None:
    """Store the hierarchy (replacing the previous one) inside the caller's transaction; say what it holds."""
    lama = tabel_unor.semua(db)
    opd, _, akar = indeks_opd(hier.unor)
    n_opd = len({o for i, o in opd.items() if o not in akar})
    hasil.peringatan += hier.peringatan
    berubah = lama != hier.unor or list(lama) != list(hier.unor)
    info(hasil, f"Hierarki unor {hier.berkas.name}: {ribuan(len(hier.unor))} unor, {n_opd} OPD di bawah "
                f"{', '.join(hier.unor[a][0] for a in akar[:3])}" + ("" if berubah else " (tidak berubah)") + ".")
    if berubah and not uji_coba:
        tabel_unor.ganti(db, hier.baris)
        audit.catat_banyak(db, [("unor", "hierarki", "ubah", {"unor": len(lama)},
                                 {"unor": len(hier.unor), "berkas": hier.berkas.name}, None)])


def tertinggal(db, hier: Hierarki, kecuali: set | frozenset = frozenset()) -> dict[str, list]:
    """{unor id: [active stored employees]} on a unor the new hierarchy no longer has (`kecuali`: NIPs
    the same import moves anyway)."""
    hasil: dict[str, list] = {}
    for p in tabel.semua(db).values():
        if p.aktif and p.unor_id and p.unor_id not in hier.unor and p.nip not in kecuali:
            hasil.setdefault(p.unor_id, []).append(p)
    return hasil


def uraian_tertinggal(db, hilang: dict[str, list]) -> str:
    lama = tabel_unor.semua(db)
    urut = sorted(hilang.items(), key=lambda x: -len(x[1]))
    teks = "; ".join(f"{' '.join(str(lama[u][0] if u in lama else (ps[0].sub_unit or ps[0].unit)).split())} "
                     f"(ID {u}): {ribuan(len(ps))} pegawai" for u, ps in urut[:5])
    return teks + (f"; dan {len(urut) - 5} unor lain" if len(urut) > 5 else "")


def impor_hierarki(db, berkas: Path, uji_coba: bool) -> HasilImpor:
    """The hierarchy on its own: stored, and every stored employee with a UNOR ID mapped again to its OPD.
    Refused (nothing stored) when active employees are on a unor it no longer has: they would stay in
    a unit that no longer exists."""
    hier = baca_hierarki(berkas)
    hasil = HasilImpor(uji_coba=uji_coba)
    opd, nama, _ = indeks_opd(hier.unor)
    with impor_umum.tulis(db, uji_coba):
        hilang = tertinggal(db, hier)
        if hilang:
            n = sum(len(ps) for ps in hilang.values())
            raise BerkasTidakValid(
                f"Hierarki unor {hier.berkas.name} tidak memuat {ribuan(len(hilang))} unor yang masih menjadi unor "
                f"{ribuan(n)} pegawai aktif tersimpan: {uraian_tertinggal(db, hilang)}. Pegawai itu akan tetap di unit "
                "yang tidak ada lagi; tidak ada yang disimpan.",
                f"Impor daftar pegawai SIASN yang baru bersama hierarki ini, agar pegawainya ikut pindah unor: "
                f"kinerja pegawai impor pns.xlsx --hierarki {hier.berkas.name} (lalu ekspor PPPK dan PPPK paruh "
                "waktu dengan: kinerja pegawai impor BERKAS)")
        simpan_hierarki(db, hier, uji_coba, hasil)
        ubah, log = [], []
        for p in tabel.semua(db).values():
            if p.unor_id in opd:
                o = opd[p.unor_id]
                q = replace(p, unit=nama[o], sub_unit=nama[p.unor_id] if p.unor_id != o else None)
                if q != p:
                    ubah.append(q)
                    log.append(("pegawai", p.nip, "ubah", {"unit": p.unit, "sub_unit": p.sub_unit},
                                {"unit": q.unit, "sub_unit": q.sub_unit}, p.nip))
        hasil.diubah = len(ubah)
        if ubah and not uji_coba:
            tabel.simpan_banyak(db, [], ubah)
            audit.catat_banyak(db, log)
    return hasil
