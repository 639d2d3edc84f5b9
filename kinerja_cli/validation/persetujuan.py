"""SKP agreement (persetujuan SKP): the state machine and the `Status SKP` column of the SKP sheet.

Pure: no database, no printing. States: draf -> diajukan -> disetujui | dikembalikan,
dikembalikan -> diajukan. An SKP with rows and no stored state is `draf`.
"""

from __future__ import annotations

from .masalah import GALAT, di_sel

STATUS = ("draf", "diajukan", "disetujui", "dikembalikan")
# command -> (states it may start from, the state it leads to)
TRANSISI = {
    "ajukan": (("draf", "dikembalikan"), "diajukan"),
    "setujui": (("diajukan",), "disetujui"),
    "kembalikan": (("diajukan",), "dikembalikan"),
}
DARI_BERKAS = "dari impor berkas"
# states that a change to the SKP rows sends back to draf
KEMBALI_KE_DRAF = ("diajukan", "disetujui")

_KATA = {"ajukan": "diajukan", "setujui": "disetujui", "kembalikan": "dikembalikan"}
_SYARAT = {
    "ajukan": "hanya SKP berstatus draf atau dikembalikan yang dapat diajukan",
    "setujui": "atasan hanya dapat menyetujui SKP yang sudah diajukan",
    "kembalikan": "hanya SKP yang sudah diajukan yang dapat dikembalikan",
}


class TransisiDitolak(ValueError):
    def __init__(self, pesan: str, saran: str):
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran


def langkah_berikut(status: str, nip: str, kode: str) -> str:
    """The allowed next step from `status`, as a hint with the command to type."""
    if status == "draf":
        return f"Langkah berikutnya: pegawai mengajukan SKP-nya dulu dengan: kinerja sasaran ajukan {nip} --periode {kode}"
    if status == "diajukan":
        return (f"Langkah berikutnya: atasan langsung menyetujui (kinerja sasaran setujui {nip} --periode {kode} "
                f"--oleh NIP_ATASAN) atau mengembalikan (kinerja sasaran kembalikan {nip} --periode {kode} "
                '--oleh NIP_ATASAN --alasan "...").')
    if status == "dikembalikan":
        return (f"Langkah berikutnya: pegawai memperbaiki SKP lalu mengajukannya lagi dengan: "
                f"kinerja sasaran ajukan {nip} --periode {kode}")
    return ("SKP sudah disetujui; tidak ada langkah berikutnya. Bila SKP perlu diubah, ubah barisnya "
            "(sasaran impor/tambah): statusnya kembali ke draf, lalu ajukan lagi.")


def transisi(perintah: str, status: str, nip: str, kode: str, nama: str) -> str:
    """The new state for `perintah` (ajukan|setujui|kembalikan) from `status`, or TransisiDitolak."""
    asal, tujuan = TRANSISI[perintah]
    if status in asal:
        return tujuan
    pesan = (f"SKP {nama} ({nip}) periode {kode} berstatus {status}, jadi tidak dapat {_KATA[perintah]}"
             + (" lagi" if status == tujuan else "") + f": {_SYARAT[perintah]}.")
    raise TransisiDitolak(pesan, langkah_berikut(status, nip, kode))


def dapat_dicapai(dari: str, ke: str) -> bool:
    """Can `ke` be reached from `dari` by one or more allowed steps (TRANSISI)? A file's Status SKP
    may move a state forward this way; it never moves it back (disetujui is final, draf is never reached)."""
    lihat, antre = set(), [dari]
    while antre:
        s = antre.pop()
        for asal, tujuan in TRANSISI.values():
            if s in asal and tujuan not in lihat:
                lihat.add(tujuan)
                antre.append(tujuan)
    return ke in lihat and ke != dari


def urai_status(v) -> str | None:
    """A `Status SKP` cell: one of STATUS (any case), None when empty; ValueError otherwise."""
    if v is None:
        return None
    s = " ".join(str(v).split()).lower()
    if not s:
        return None
    if s not in STATUS:
        raise ValueError(s)
    return s


def periksa_status_berkas(per_pegawai: dict, roster: dict) -> tuple[dict[str, str], list, set]:
    """The `Status SKP` column of a checked SKP sheet.

    per_pegawai: nip -> [(BarisSumber, row)] (from validation.sasaran.periksa_sheet); roster: nip -> Pegawai.
    Returns (nip -> state set by the file, problems, nips with an error). Empty cells set nothing; the
    non-empty cells of one employee must agree; disetujui/dikembalikan need an atasan in the roster.
    """
    status: dict[str, str] = {}
    masalah, galat = [], set()
    for nip, daftar in per_pegawai.items():
        ditemukan: dict[str, int] = {}  # state -> first Excel row
        for b, _ in daftar:
            try:
                s = urai_status(b.nilai.get("status_skp"))
            except ValueError:
                masalah.append(di_sel(b, "status_skp", f"Status SKP '{b.nilai.get('status_skp')}' tidak dikenal",
                                      "isi draf, diajukan, disetujui atau dikembalikan (kosong: status tidak diubah)",
                                      kunci=nip))
                galat.add(nip)
                continue
            if s is not None:
                ditemukan.setdefault(s, b.baris)
        if not ditemukan:
            continue
        p = roster[nip]
        b0 = daftar[0][0]
        if len(ditemukan) > 1:
            isi = ", ".join(f"{s} (baris {n})" for s, n in ditemukan.items())
            masalah.append(di_sel(b0, "status_skp", f"Status SKP {p.nama} ({nip}) tidak sama di semua barisnya: {isi}",
                                  "isi status yang sama di semua baris pegawai ini, atau isi di satu baris saja",
                                  kunci=nip, nilai=isi))
            galat.add(nip)
            continue
        s = next(iter(ditemukan))
        if s in ("disetujui", "dikembalikan") and not p.nip_atasan:
            masalah.append(di_sel(b0, "status_skp", f"Status SKP '{s}' untuk {p.nama} ({nip}) tidak dapat diterima: "
                                  "pegawai ini tidak punya atasan langsung di daftar pegawai",
                                  "kosongkan Status SKP, atau isi NIP Atasan di daftar pegawai lalu impor ulang",
                                  GALAT, nip, s))
            galat.add(nip)
            continue
        status[nip] = s
    return status, masalah, galat
