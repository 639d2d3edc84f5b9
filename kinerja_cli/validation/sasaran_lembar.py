"""Checks of a whole SKP sheet in passes over compact rows (DOMAIN.md section 3), so that a sheet of
600,000 rows never lives in memory as Python objects (DESIGN.md: large files stream, flat memory).

The caller (services.sasaran_impor) streams the source rows through `baris` (file order) and stages
the compact rows it returns; it hands each employee's rows to `pegawai` (at the end of the
employee's run of rows; again, from the staging table, for an employee whose rows turn out to be
spread over the sheet), calls `terapkan`, hands the rows that name an RHK atasan to `kaskade`, then
calls `selesai`. The problems found, their order and every message are those of checking the sheet as
one list: row checks in file order; per employee nonaktif, numbering, bobot sum; the cascade
links; the `Status SKP` column.

Pure: no database; the roster and the atasan's stored row numbers come in as plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..kolom import ISIAN_SASARAN
from .angka import teks_desimal
from .masalah import GALAT, PERINGATAN, di_sel
from .nip import NIPTidakValid, periksa_nip
from .persetujuan import periksa_status_berkas
from .sasaran import TOLERANSI_BOBOT, Pengurai, tebak_nip_angka

# A row with none of these filled is a template row not filled in yet: skipped, not an error.
_ISI_SKP = tuple(k for k in ISIAN_SASARAN if k != "status_skp")
_BATAS_CACHE = 200_000  # distinct NIP texts remembered
_SEDERHANA = (str, int, float)  # cell types a staged (SQLite) value keeps exactly


@dataclass
class HasilPeriksaSasaran:
    masalah: list = field(default_factory=list)
    nip_galat: set = field(default_factory=set)  # employees with at least one error
    belum_diisi: int = 0  # pre-filled template rows (only NIP/Nama/Jabatan) left empty
    status: dict = field(default_factory=dict)  # nip -> state set by the Status SKP column


class _Sel:
    """Just enough of a BarisSumber for validation.masalah.di_sel: a staged row's place and raw cells."""

    __slots__ = ("sheet", "baris", "nilai", "huruf")

    def __init__(self, sheet: str, baris: int, nilai: dict, huruf: dict):
        self.sheet, self.baris, self.nilai, self.huruf = sheet, baris, nilai, huruf


class PemeriksaSasaran:
    """roster: nip -> Pegawai. Results collect in `.h`; `.nips[urut]` is the employee staged as `urut`."""

    def __init__(self, roster: dict, sheet: str = "", huruf: dict | None = None):
        self.roster = roster
        self.h = HasilPeriksaSasaran()
        self.urut: dict[str, int] = {}  # nip -> position of the employee's first row
        self.nips: list[str] = []
        self.sheet, self.huruf = sheet, huruf or {}
        self._pengurai = Pengurai()
        self._nip: dict[str, object] = {}  # NIP cell text -> nip, or the NIPTidakValid it raised
        self._tebakan: dict = {}
        self._status_aneh: dict[int, object] = {}  # Excel row -> a Status SKP cell of another type than _SEDERHANA
        self._masalah_status: list = []
        self._atasan = {p.nip_atasan for p in roster.values() if p.nip_atasan}
        self._nomor_atasan: dict[str, tuple] = {}  # an atasan in the file -> the nomors of their rows
        self._tunda: dict[int, tuple] = {}  # urut -> problems found by `pegawai`, until `terapkan`
        self.nomor_naik = True  # so far, every employee's nomors rise with the Excel row

    def _sel(self, baris: int, nilai: dict) -> _Sel:
        return _Sel(self.sheet, baris, nilai, self.huruf)

    def _periksa_nip(self, mentah):
        """The nip, or the NIPTidakValid the cell gives (remembered per distinct text)."""
        teks = mentah.__class__ is str
        if teks:
            r = self._nip.get(mentah)
            if r is not None:
                return r
        try:
            r = periksa_nip(mentah).nip
        except NIPTidakValid as e:
            r = e
        if teks and len(self._nip) < _BATAS_CACHE:
            self._nip[mentah] = r
        return r

    def _tebak(self, mentah) -> str | None:
        k = (mentah.__class__, mentah)
        if k not in self._tebakan:
            self._tebakan[k] = tebak_nip_angka(mentah, self.roster)
        return self._tebakan[k]

    def baris(self, b) -> tuple[tuple, tuple | None] | None:
        """Check one source row (a BarisSumber). None: the row is not kept (template row, unknown NIP, ...);
        else the compact row to stage, (urut, baris, *store.sasaran.KOLOM) with decimals as canonical
        text, and None or, when a later message would show a cell other than the parsed value, the
        side row (urut, baris, NIP cell, Nomor cell, RHK Atasan cell, Status SKP cell).
        """
        nilai = b.nilai
        g = nilai.get
        for k in _ISI_SKP:
            v = g(k)
            if v is not None and v != "":
                break
        else:
            self.h.belum_diisi += 1
            return None
        if not self.huruf:
            self.sheet, self.huruf = b.sheet, b.huruf
        h = self.h
        mentah = g("nip")
        r = self._nip.get(mentah) if mentah.__class__ is str else None
        if r is None:
            r = self._periksa_nip(mentah)
        if r.__class__ is str:
            nip = r
            if nip not in self.roster:
                h.masalah.append(di_sel(b, "nip", f"NIP {nip} tidak ada di daftar pegawai",
                                        "impor dulu daftar pegawai (kinerja pegawai impor) atau periksa NIP-nya",
                                        kunci=nip))
                return None
            t, ms = self._pengurai.urai(nilai, b.format)
            for key, pesan, saran, tingkat in ms:
                h.masalah.append(di_sel(b, key, pesan, saran, tingkat, nip))
                if tingkat == GALAT:
                    h.nip_galat.add(nip)
        else:
            tebakan = self._tebak(mentah)
            saran = r.saran + (f" (mungkin NIP {tebakan})" if tebakan else "")
            h.masalah.append(di_sel(b, "nip", r.pesan, saran, kunci=tebakan or ""))
            t, ms = self._pengurai.urai(nilai, b.format)  # the other cells of the row are still checked
            for key, pesan, saran_sel, tingkat in ms:
                h.masalah.append(di_sel(b, key, pesan, saran_sel, tingkat, tebakan or ""))
            if not tebakan:
                return None
            h.nip_galat.add(tebakan)  # the row stays with its employee, so that person's bobot sum stays true
            nip = tebakan
        urut = self.urut.get(nip)
        if urut is None:
            urut = self.urut[nip] = len(self.nips)
            self.nips.append(nip)
        status = g("status_skp")
        if status is not None and status.__class__ not in _SEDERHANA:
            self._status_aneh[b.baris] = status
            status = None
        nomor = g("nomor") if t[0] is not None else None
        atasan = g("rhk_atasan") if t[3] is not None else None
        samping = None
        if (mentah != nip or status is not None or (nomor is not None and nomor.__class__ is not int)
                or (atasan is not None and atasan.__class__ is not int)):
            samping = (urut, b.baris, mentah, nomor, atasan, status)
        return (urut, b.baris, *t), samping

    def _mentah(self, nip: str, nomor, atasan, samping) -> tuple:
        """(NIP cell, Nomor cell, RHK Atasan cell, Status SKP cell) of a staged row."""
        return samping if samping is not None else (nip, nomor, atasan, None)

    def pegawai(self, urut: int, daftar: list) -> list[tuple[int, int, int]]:
        """One employee's staged rows (baris, nomor, bobot text, side row) in file order: nonaktif warning,
        numbering, bobot sum, Status SKP. Returns (nomor, urut, baris) of the rows numbered here (their
        Nomor cell was empty or invalid). The problems wait until `terapkan`: called again for the same
        employee (its rows were spread over the sheet), the last call counts."""
        nip = self.nips[urut]
        p = self.roster[nip]
        masalah, galat = [], False
        if not p.aktif:
            b0 = daftar[0]
            masalah.append(di_sel(self._sel(b0[0], {"nip": self._mentah(nip, b0[1], None, b0[3])[0]}), "nip",
                                  f"{p.nama} ({nip}) berstatus nonaktif", "periksa apakah SKP ini memang perlu",
                                  PERINGATAN, nip))
        eksplisit = {r[1] for r in daftar if r[1] is not None}
        dipakai: dict[int, int] = {}
        berikut = 1
        diberi = []
        for baris, nomor, _, samping in daftar:
            if nomor is None:
                while berikut in eksplisit or berikut in dipakai:
                    berikut += 1
                dipakai[berikut] = baris
                diberi.append((berikut, urut, baris))
            elif nomor in dipakai:
                sel = self._sel(baris, {"nomor": self._mentah(nip, nomor, None, samping)[1]})
                masalah.append(di_sel(sel, "nomor",
                                      f"Nomor {nomor} ganda untuk NIP {nip}: sudah dipakai di baris {dipakai[nomor]}",
                                      "beri nomor berbeda untuk setiap baris SKP pegawai", kunci=nip))
                galat = True
            else:
                dipakai[nomor] = baris
        if nip in self._atasan:
            self._nomor_atasan[nip] = tuple(dipakai)
        if self.nomor_naik:
            urutan = list(dipakai)  # the nomors in file order
            self.nomor_naik = all(a < b for a, b in zip(urutan, urutan[1:]))
        jumlah = sum((Decimal(r[2]) for r in daftar if r[2] is not None), Decimal(0))
        if abs(jumlah - 100) > TOLERANSI_BOBOT:
            masalah.append(di_sel(self._sel(daftar[0][0], {}), "bobot",
                                  f"Jumlah bobot {p.nama} ({nip}) adalah {teks_desimal(jumlah)}, harus 100",
                                  f"sesuaikan bobot {len(daftar)} baris SKP pegawai ini agar berjumlah 100",
                                  kunci=nip, nilai=teks_desimal(jumlah)))
            galat = True
        status = None
        aneh = self._status_aneh
        if any((r[3] is not None and r[3][3] is not None) or (aneh and r[0] in aneh) for r in daftar):
            sel = []
            for baris, nomor, _, samping in daftar:
                m = self._mentah(nip, nomor, None, samping)
                sel.append((self._sel(baris, {"nip": m[0], "status_skp": aneh.get(baris, m[3])}), None))
            status = periksa_status_berkas({nip: sel}, self.roster)
        if masalah or galat or status:
            self._tunda[urut] = (masalah, galat, status)
        else:
            self._tunda.pop(urut, None)
        return diberi

    def terapkan(self) -> None:
        """After every employee went through `pegawai`: their problems, in order of first appearance."""
        h = self.h
        for urut in sorted(self._tunda):
            masalah, galat, status = self._tunda[urut]
            h.masalah += masalah
            if galat:
                h.nip_galat.add(self.nips[urut])
            if status:
                h.status.update(status[0])
                self._masalah_status += status[1]
                h.nip_galat |= status[2]
        self._tunda = {}

    def atasan_di_luar(self) -> set[str]:
        """Atasan of the employees in the file who have no rows in the file (their stored rows count)."""
        return {self.roster[n].nip_atasan for n in self.nips if self.roster[n].nip_atasan} - self.urut.keys()

    def kaskade(self, urut: int, daftar: list, atasan_tersimpan: dict) -> None:
        """One employee's rows with an RHK atasan, (baris, nomor RHK atasan, side row) in file order.
        atasan_tersimpan: atasan nip -> nomors stored for the period (for atasan_di_luar)."""
        nip = self.nips[urut]
        p = self.roster[nip]
        atasan = p.nip_atasan
        h = self.h
        for baris, n, samping in daftar:
            b = self._sel(baris, {"rhk_atasan": self._mentah(nip, None, n, samping)[2]})
            if not atasan:
                h.masalah.append(di_sel(b, "rhk_atasan", f"{p.nama} ({nip}) tidak punya atasan langsung di daftar "
                                        "pegawai, jadi tidak ada RHK atasan yang bisa diintervensi",
                                        "kosongkan kolom RHK Atasan, atau isi NIP atasan di daftar pegawai", kunci=nip))
                h.nip_galat.add(nip)
                continue
            if atasan in self.urut:  # the file replaces the atasan's rows
                ada, asal = self._nomor_atasan.get(atasan, ()), "di berkas ini"
            else:
                ada, asal = atasan_tersimpan.get(atasan, ()), "yang tersimpan"
            if n not in ada:
                nama_atasan = self.roster[atasan].nama if atasan in self.roster else atasan
                isi = (f"berisi nomor {', '.join(str(x) for x in sorted(ada))}" if ada else "belum berisi baris")
                h.masalah.append(di_sel(b, "rhk_atasan", f"RHK atasan nomor {n} tidak ada: SKP {nama_atasan} ({atasan}) "
                                        f"{asal} untuk periode ini {isi}",
                                        "isi nomor baris SKP atasan langsung yang diintervensi, atau impor SKP atasan dulu",
                                        kunci=nip))
                h.nip_galat.add(nip)

    def selesai(self) -> HasilPeriksaSasaran:
        """After the last pass: the Status SKP problems come last, as when the column is checked on its own."""
        self.h.masalah += self._masalah_status
        self._masalah_status = []
        return self.h

    def dilewati(self, urut: int, baris: int, samping):
        """The note for a row skipped (--lewati-galat) because its employee has an error in another row."""
        nip = self.nips[urut]
        return di_sel(self._sel(baris, {"nip": self._mentah(nip, None, None, samping)[0]}), "nip",
                      f"Baris dilewati: SKP {nip} punya galat di baris lain",
                      "perbaiki semua baris pegawai ini lalu impor ulang", kunci=nip)
