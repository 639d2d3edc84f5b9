"""What SIASN's roster export and unor hierarchy mean (pure: no I/O).

The export (BKN's national system) is read as it comes: a NIP with a leading apostrophe, the
name without its titles (GELAR DEPAN / GELAR BELAKANG beside it), the lowest unor instead of the
OPD (the hierarchy gives the OPD), status from KEDUDUKAN HUKUM NAMA and STATUS CPNS PNS.
"""

from __future__ import annotations

import re

from ..kolom import JUDUL_SIASN, SIASN, normalisasi_judul
from ..kosakata import STATUS_PEGAWAI
from .teks import teks as _teks

_JUDUL_SIASN = frozenset(normalisasi_judul(j) for j in JUDUL_SIASN)


_INTI_SIASN = normalisasi_judul("NIP BARU")
_UNOR_SIASN = frozenset(normalisasi_judul(j) for j in ("UNOR NAMA", "UNOR ID"))


def _judul(sel) -> set[str]:
    return {normalisasi_judul(v) for v in sel or () if v is not None}


def mirip_siasn(sel) -> bool:
    """True when a header row is (most of) SIASN's roster export: NIP BARU, a UNOR column and several
    other of its headers; a copy whose personal columns were deleted still counts."""
    ada = _judul(sel)
    return _INTI_SIASN in ada and bool(ada & _UNOR_SIASN) and len(ada & _JUDUL_SIASN) >= 8


def kolom_siasn_hilang(sel) -> list[str]:
    """The headers kinerja reads from SIASN's export that the row lacks, in the export's order."""
    ada = _judul(sel)
    return [k.judul for k in SIASN.wajib() if normalisasi_judul(k.judul) not in ada]


def ekspor_siasn(sel) -> bool:
    """True when a header row is SIASN's roster export with every column kinerja reads."""
    return mirip_siasn(sel) and not kolom_siasn_hilang(sel)


def lepas_petik(v):
    """(value, True) with one leading apostrophe removed from a text NIP ("'1987..." as SIASN and
    Excel-minded exports write it; "' 1987 ..." too: the spaces after it go, as the NIP rules ignore
    spaces), else (v, False). Only one, and only before a digit."""
    if v.__class__ is str and v[:1] == "'" and v[1:].lstrip()[:1].isdigit():
        return v[1:].lstrip(), True
    return v, False


def nama_lengkap(depan, nama, belakang) -> str | None:
    """'Drs. Nama Lengkap, M.Si.' as offices print it: gelar depan, name, comma, gelar belakang."""
    n = _teks(nama)
    if not n:
        return None
    d, b = _teks(depan), _teks(belakang)
    return (f"{d} " if d else "") + n + (f", {b}" if b else "")


PPPK_PARUH_WAKTU = STATUS_PEGAWAI[3]
_AKTIF_BIASA = {"aktif", "pppkaktif", "pppkparuhwaktuaktif", "pnsaktif", "cpnsaktif"}


def _kunci(v) -> str:
    return re.sub(r"[\s_.\-/()]+", "", str(v or "").lower())


def status_siasn(kedudukan, status_cpns, jenis_pegawai, sheet: str, jenis_nip: str | None) -> str | None:
    """PNS | CPNS | PPPK | PPPK Paruh Waktu from the export's columns (the sheet's name, pns_/pppk_/
    pppk_paruh_waktu_<hex>, and the NIP's format when they say nothing), None when nothing tells."""
    k = _kunci(kedudukan) + " " + _kunci(jenis_pegawai)
    s = sheet.lower()
    if "paruhwaktu" in k or s.startswith("pppk_paruh_waktu"):
        return PPPK_PARUH_WAKTU
    if "pppk" in k or s.startswith("pppk") or jenis_nip == "PPPK":
        return "PPPK"
    if s.startswith("pns") or jenis_nip == "PNS" or "pns" in k:
        return "CPNS" if _kunci(status_cpns) == "c" else "PNS"
    return None


def kedudukan_siasn(kedudukan) -> tuple[bool | None, str | None]:
    """(active?, the kedudukan to keep as a mark) of KEDUDUKAN HUKUM NAMA: Aktif / PPPK Aktif /
    PPPK Paruh Waktu Aktif are active and unmarked; Tugas Belajar is active and marked; the others
    (CLTN, Pemberhentian ..., Meninggal, Pensiun ...) are not active and marked. (None, None): empty."""
    t = _teks(kedudukan)
    if not t:
        return None, None
    k = _kunci(t)
    if k in _AKTIF_BIASA:
        return True, None
    if "tugasbelajar" in k:
        return True, t
    if "tidakaktif" in k or "nonaktif" in k:
        return False, t
    return False, t


# --- jenis jabatan of a struktural post, from the eselon or the jabatan's name ---

_ROMAWI = {"I": 1, "II": 2, "III": 3, "IV": 4}
_ESELON = re.compile(r"^(?:eselon|es\.?)?\s*(IV|III|II|I)\s*[.\-/]?\s*([ab])?$", re.I)


def jenis_dari_eselon(v) -> str | None:
    """'II.b', 'Eselon IV.a', 'III' -> JPT | administrator | pengawas; None when not an eselon."""
    s = _teks(v)
    if not s:
        return None
    m = _ESELON.match(s.strip())
    if not m:
        return None
    tingkat = _ROMAWI[m.group(1).upper()]
    return "JPT" if tingkat <= 2 else ("administrator" if tingkat == 3 else "pengawas")


# Checked in order: the pengawas posts whose names hold an administrator's word come first.
_POLA_JABATAN = (
    ("pengawas", ("kepala seksi", "kasi ", "kepala sub bagian", "kepala subbagian", "kasubbag", "kepala sub bidang",
                  "kepala subbidang", "kasubbid", "kepala upt", "kepala unit pelaksana teknis", "lurah",
                  "sekretaris kelurahan", "sekretaris lurah", "kepala puskesmas", "kepala tata usaha")),
    ("JPT", ("sekretaris daerah", "sekda", "asisten", "staf ahli", "kepala dinas", "kepala badan", "inspektur daerah",
             "sekretaris dprd", "sekretaris dewan", "kepala satuan polisi")),
    ("administrator", ("inspektur pembantu", "sekretaris", "kepala bidang", "kabid", "kepala bagian", "kabag",
                       "camat", "irban")),
)


def jenis_dari_nama_jabatan(jabatan) -> str | None:
    s = " ".join(str(jabatan or "").lower().split()) + " "
    if not s.strip():
        return None
    if s.strip() == "inspektur" or s.startswith("inspektur kabupaten") or s.startswith("inspektur kota"):
        return "JPT"
    for jenis, pola in _POLA_JABATAN:
        if any(s.startswith(p) or f" {p}" in s for p in pola):
            return jenis
    return None


# --- the unor hierarchy ---

def indeks_opd(unor: dict[str, tuple[str, str | None]]) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """From {id: (name, parent id)}: ({unor id: id of its OPD}, {id: name stripped}, [root ids]).

    A root is a unor whose parent is empty or not in the hierarchy (the pemda); the OPD of a unor is
    its ancestor directly under a root (the OPD of an OPD is itself; of the root, the root). Unor on a
    loop get no OPD."""
    nama = {i: " ".join(str(n or "").split()) for i, (n, _) in unor.items()}
    induk = {i: (a if a and a in unor and a != i else None) for i, (_, a) in unor.items()}
    akar = [i for i, a in induk.items() if a is None]
    opd: dict[str, str] = {}
    for awal in unor:
        jalur, n, dilihat = [], awal, set()
        while n is not None and n not in opd and n not in dilihat:
            dilihat.add(n)
            jalur.append(n)
            if induk[n] is None:  # a root: its own "OPD"
                opd[n] = n
                break
            if induk[induk[n]] is None:  # directly under a root: an OPD
                opd[n] = n
                break
            n = induk[n]
        hasil = opd.get(jalur[-1]) if jalur else None
        if hasil is None and n in opd:
            hasil = opd[n]
        if hasil is not None:
            for j in jalur:
                opd.setdefault(j, hasil)
    return opd, nama, akar


def teks_id(v) -> str | None:
    """A unor id as text: 12.0 -> '12' (a number cell), hex ids as they are."""
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = str(v).strip()
    return s or None


# --- a likely atasan, from the hierarchy and the jabatan (kinerja templat atasan) ---

_PERINGKAT = {"JPT": 3, "administrator": 2, "pengawas": 1}


def kepala_unor(pegawai) -> dict[str, str | None]:
    """{unor id: NIP of its head}: the one struktural employee of highest rank in that unor; None when
    two share the top rank (unclear: no suggestion through that unor)."""
    calon: dict[str, list] = {}
    for p in pegawai:
        if p.unor_id and p.jenis_jabatan in _PERINGKAT:
            calon.setdefault(p.unor_id, []).append(p)
    hasil = {}
    for u, ps in calon.items():
        atas = max(_PERINGKAT[p.jenis_jabatan] for p in ps)
        puncak = [p for p in ps if _PERINGKAT[p.jenis_jabatan] == atas]
        hasil[u] = puncak[0].nip if len(puncak) == 1 else None
    return hasil


def saran_atasan(pegawai, unor: dict[str, tuple[str, str | None]]) -> dict[str, tuple[str, str]]:
    """{NIP: (suggested atasan NIP, the unor it heads)}: the head of the employee's unor, or (for the
    head itself, or a unor without one) of the nearest unor above that has a head."""
    kepala = kepala_unor(pegawai)
    induk = {i: a for i, (_, a) in unor.items()}
    hasil = {}
    for p in pegawai:
        u = p.unor_id
        if not u or u not in unor:
            continue
        dilihat = set()
        while u and u in unor and u not in dilihat:
            dilihat.add(u)
            if u in kepala:
                k = kepala[u]
                if k is None:
                    break  # two heads: unclear
                if k != p.nip:
                    hasil[p.nip] = (k, " ".join(unor[u][0].split()))
                    break
            u = induk.get(u)
    return hasil
