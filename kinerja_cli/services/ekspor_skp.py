"""`kinerja ekspor skp`: the SKP document (Format A.1.x) of one employee, or of every employee of a unit
with SKP rows (one file each in a folder)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..berkas_aman import buat_folder, penghalang
from ..errors import DataTidakValid, TidakDitemukan
from ..excel.lembar import periksa_tujuan, simpan_aman
from ..excel.nama_sheet import nama_berkas
from ..excel.skp import tulis_skp
from ..model import BarisMasukan, Periode
from ..store import pegawai as tabel_pegawai
from ..store import periode as tabel_periode
from ..store import sasaran as tabel_sasaran
from ..store import skp_status
from ..validation.tanggal_id import tanggal_id
from . import beku, instansi, pegawai, periode
from .beku import lampiran_skp
from .dokumen_data import orang
from .ekspor import berkas_yang_ada, periksa_sasaran_dokumen
from .pegawai import nip_dari_argumen


def _rhk_atasan(baris: list, baris_atasan: dict) -> dict[int, str]:
    """nomor -> 'n. RHK of the atasan' for every row that names the atasan's row it intervenes."""
    hasil = {}
    for b in baris:
        n = b.rhk_atasan_nomor
        if n is None:
            continue
        a = baris_atasan.get(n)
        hasil[b.nomor] = f"{n}. {a['rhk']}" if a else f"baris {n} SKP atasan (tidak ditemukan)"
    return hasil


def _data(db, per: Periode, p, konteks: dict, baris_periode: dict, status: dict, profil, tanggal) -> dict:
    """One SKP document. `p`: the employee (the snapshot's IdentitasPegawai for a closed period);
    `konteks`: his pejabat penilai, the SKP's lampiran and ekspektasi khusus pimpinan (services.beku.konteks_dokumen:
    frozen at close for a closed period); the pejabat penilai's SKP rows give the RHK atasan (a closed period's SKP
    rows cannot change)."""
    pegawai = orang(p)
    atasan = konteks["atasan"]
    baris = [BarisMasukan.dari_dict({**x, "target_lo": str(x["target_lo"]),
                                     "target_hi": None if x["target_hi"] is None else str(x["target_hi"]),
                                     "bobot": str(x["bobot"])})
             for _, x in sorted((baris_periode.get(p.nip) or {}).items())]
    st = status.get(p.nip)
    if st and st.get("oleh"):
        if atasan and atasan.get("nip") == st["oleh"]:  # the (frozen) pejabat penilai approved it
            nama_oleh = atasan["nama"]
        else:
            o = tabel_pegawai.ambil(db, st["oleh"])
            nama_oleh = o.nama if o else None
        st = {**st, "nama_oleh": nama_oleh}
    nip_atasan = atasan["nip"] if atasan and not atasan.get("kepala") else None
    isi = lampiran_skp(db, per.kode, konteks, p.nip)
    return {"periode": per, "pegawai": pegawai, "atasan": atasan, "baris": baris, "status": st, "profil": profil,
            "tanggal": tanggal, "rhk_atasan": _rhk_atasan(baris, baris_periode.get(nip_atasan) or {}),
            "lampiran": isi["lampiran"], "ekspektasi": isi["ekspektasi"]}


def _orang(db, per: Periode, nip: str | None, unit: str | None) -> tuple[list, list]:
    """(the employees of the documents, those of a closed period missing from its snapshot).

    A closed period's employees are the snapshot's records (identity as frozen at close: unit, jabatan,
    golongan, atasan); `--unit` then selects by the frozen unit, plus current members of the unit who
    are not in the snapshot (built from current data, as for an open period)."""
    beku = {}
    if per.ditutup:
        beku = {r.pegawai.nip: r.pegawai for r in tabel_periode.baca_snapshot(db, per.kode)}
    if nip:
        n = nip_dari_argumen(nip)
        if n in beku:
            return [beku[n]], []
        p = pegawai.wajib_ada(db, nip)
        return [p], [p] if beku else []
    u = tabel_pegawai.unit_ada(db, unit)
    if not u:
        u = next((x.unit for x in beku.values() if x.unit and x.unit.casefold() == unit.strip().casefold()), None)
    if not u:
        raise TidakDitemukan(f"Unit kerja '{unit}' tidak ditemukan.", "Lihat nama unit dengan: kinerja unit daftar")
    kini = [x for x in tabel_pegawai.cari(db, u, None, True) if x.nip not in beku]
    lama = [x for x in beku.values() if (x.unit or "").casefold() == u.casefold()]
    return sorted(lama + kini, key=lambda x: (x.nama.lower(), x.nip)), kini if beku else []


def _catatan_luar(per: Periode, luar: list) -> str | None:
    """The one-line note on employees of a closed period without a frozen record."""
    if not luar:
        return None
    nama = ", ".join(f"{x.nama} ({x.nip})" for x in luar[:3]) + (f" dan {len(luar) - 3} lainnya" if len(luar) > 3 else "")
    return (f"{nama} tidak ada di hasil beku periode {per.kode}: dokumen SKP-nya memakai data pegawai dan "
            "atasan terkini.")


def skp(db, kode: str, nip: str | None = None, unit: str | None = None, berkas: Path | None = None,
        folder: Path | None = None, timpa: bool = False, tanggal: date | None = None) -> dict:
    """Write the SKP document(s); returns {periode, berkas: [...], tanpa_skp: [names], peringatan, catatan}.

    A closed period's document is built from its frozen state (identity from the snapshot, pejabat penilai
    from the frozen document context), so it reads the same whatever the roster becomes later."""
    periksa_sasaran_dokumen(nip, unit, berkas, folder, "skp")
    per = periode.wajib_ada(db, kode)
    orang_, luar = _orang(db, per, nip, unit)
    konteks = beku.konteks_dokumen(db, per, orang_)
    nips = {x.nip for x in orang_} | {k["atasan"]["nip"] for k in konteks.values()
                                      if k["atasan"] and not k["atasan"].get("kepala")}
    baris = tabel_sasaran.baris_pegawai(db, per.kode, nips)
    tanpa = [x for x in orang_ if x.nip not in baris]
    if nip and tanpa:
        p = orang_[0]
        raise TidakDitemukan(f"{p.nama} ({p.nip}) belum punya SKP periode {per.kode}.",
                             f"Isi SKP dulu dengan: kinerja sasaran impor BERKAS --periode {per.kode}")
    orang_ = [x for x in orang_ if x.nip in baris]
    luar = [x for x in luar if x.nip in baris]
    tujuan = [Path(berkas) if berkas else Path(folder or ".") / ("SKP_" + nama_berkas(x.nip, x.nama, periode=per.kode)) for x in orang_]
    ada = berkas_yang_ada(tujuan, timpa)
    if folder and orang_:
        if penghalang(Path(folder)) is not None:  # a parent that is a file: refused before any work
            raise DataTidakValid(f"{penghalang(Path(folder))} adalah berkas, bukan folder; --folder {folder} "
                                 "tidak dapat dibuat.", "Pilih folder tujuan lain untuk --folder.")
        buat_folder(folder)  # 0700 whatever the umask
    for t in tujuan:
        periksa_tujuan(t, timpa)
    profil, _ = beku.profil(db, per)  # a closed period: as frozen at close
    status = skp_status.ambil(db, per.kode, [x.nip for x in orang_])
    ditulis: list[str] = []
    try:
        for x, t in zip(orang_, tujuan):
            wb = tulis_skp(_data(db, per, x, konteks[x.nip], baris, status, profil, tanggal))
            ditulis.append(str(simpan_aman(wb, t, timpa)))
    except BaseException:  # all or nothing: this run's new files go
        for f in ditulis:
            if Path(f) not in ada:
                Path(f).unlink(missing_ok=True)
        raise
    return {"periode": per.kode, "berkas": ditulis, "tanpa_skp": tanpa,
            "peringatan": [x for x in (instansi.peringatan(profil),) if x and ditulis],
            "catatan": [x for x in (*beku.catatan(db, per), _catatan_luar(per, luar),
                                    _catatan_tanggal(tanggal, orang_, status)) if x and ditulis]}


def _catatan_tanggal(tanggal: date | None, orang_: list, status: dict) -> str | None:
    """--tanggal is the signing date of an SKP not agreed yet; an agreed SKP prints its agreement date (excel.skp):
    say so rather than drop the option silently."""
    setuju = [x for x in orang_ if (status.get(x.nip) or {}).get("status") == "disetujui"
              and (status.get(x.nip) or {}).get("tanggal")]
    if tanggal is None or not setuju:
        return None
    contoh = "; ".join(f"{x.nama}: {tanggal_id(status[x.nip]['tanggal'])}" for x in setuju[:3])
    lain = f"; dan {len(setuju) - 3} lainnya" if len(setuju) > 3 else ""
    return (f"--tanggal {tanggal_id(tanggal)} tidak dipakai untuk {len(setuju)} SKP yang sudah disetujui: yang "
            f"dicetak tanggal persetujuannya ({contoh}{lain}).")
