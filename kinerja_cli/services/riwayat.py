"""Reading the audit log."""

from __future__ import annotations

import re

from ..errors import DataTidakValid
from ..store import audit
from ..validation.tanggal_id import tampak_tanggal, tanggal_id
from ..validation.teks import TanggalTidakValid, baca_tanggal
from .pegawai import nip_dari_argumen


def baca_sejak(teks: str):
    """--sejak as an aware datetime: a date (TTTT-BB-HH) is its local midnight, a date and time
    (TTTT-BB-HH JJ:MM) is local time unless it carries an offset (+09:00). None if not a date."""
    from datetime import datetime

    t = teks.strip()
    m = re.match(r"^(\S+?)(?:[T ]+(\S.*))?$", t)
    if m is None:
        return None
    tgl, jam = m.group(1), m.group(2) or ""
    try:
        d = baca_tanggal(tgl)  # the one date rule: 2026-01-31, 31-01-2026, 31/01/2026
        if d is None:
            return None
        if not jam:
            w = datetime(d.year, d.month, d.day)
        else:
            w = datetime.fromisoformat(f"{d.isoformat()}T{jam.strip().replace('.', ':')}")
    except (TanggalTidakValid, ValueError):
        return None
    return w.astimezone() if w.tzinfo is None else w  # naive: this PC's local time


def tanggal_sah(teks: str) -> bool:
    return baca_sejak(teks) is not None


_ZONA = {7 * 3600: "WIB", 8 * 3600: "WITA", 9 * 3600: "WIT"}


def waktu_lokal(waktu: str | None, iso: bool = False) -> str | None:
    """An audit time in this PC's local time: "2026-12-06 14:20:18 WIT" (iso: "2026-12-06T14:20:18+09:00").

    Stored times carry their offset (UTC); those of older versions are naive local time of the PC
    that wrote them and are shown as they are."""
    from datetime import datetime

    if not waktu:
        return waktu
    try:
        w = datetime.fromisoformat(waktu)
    except ValueError:
        return waktu
    if w.tzinfo is None:
        return w.isoformat(timespec="seconds") if iso else w.isoformat(sep=" ", timespec="seconds")
    w = w.astimezone()
    if iso:
        return w.isoformat(timespec="seconds")
    off = w.utcoffset()
    detik = int(off.total_seconds()) if off is not None else 0
    zona = _ZONA.get(detik) or ("UTC" if detik == 0 else w.strftime("UTC%z")[:-2] + ":" + w.strftime("%z")[-2:])
    return f"{w.strftime('%Y-%m-%d %H:%M:%S')} {zona}"


def riwayat(db, nip: str | None = None, sejak: str | None = None, batas: int = 200) -> list[dict]:
    awal = None
    if sejak:
        awal = baca_sejak(sejak)
        if awal is None:
            raise DataTidakValid(f"Tanggal --sejak '{sejak}' tidak dikenal.",
                                 "Tulis misalnya 2026-01-31, 31-01-2026 atau 31/01/2026.")
    if batas is not None and batas < 0:
        raise DataTidakValid(f"--batas {batas} tidak bisa dipakai: jumlah baris tidak boleh negatif.",
                             "Isi 0 untuk semua baris, atau jumlah baris terbaru yang ingin dilihat (bawaan 200).")
    if nip:
        nip = nip_dari_argumen(nip)
    return audit.riwayat(db, nip, awal, batas or None)


def _isi(teks: str | None):
    """An audit value: a JSON object/value as stored, or the plain text when it is not JSON."""
    import json

    if teks is None:
        return None
    try:
        return json.loads(teks)
    except ValueError:
        return teks


_NAMA_KOLOM = {  # stored field names as the workbooks call them
    "target_lo": "target", "target_hi": "target (batas atas)", "nip_atasan": "NIP atasan",
    "rhk_atasan_nomor": "RHK atasan", "target_maksimal": "target maksimal", "jenis_jabatan": "jenis jabatan",
    "nilai": "realisasi", "hasil_kerja": "rating hasil kerja", "perilaku": "rating perilaku",
    "oleh": "pejabat penilai", "diterima_oleh": "diterima oleh",
}
_DESIMAL = re.compile(r"^-?\d+\.\d+$")


def _teks(v) -> str:
    if v is None or v == "":
        return "-"
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    t = str(v)
    if tampak_tanggal(t):  # 2026-12-06 -> 6 Desember 2026, as every table shows a date
        return tanggal_id(t)
    return t.replace(".", ",") if _DESIMAL.match(t) else t  # 2.5 -> 2,5 as everywhere else for people


def _nama(k: str) -> str:
    return _NAMA_KOLOM.get(k, k.replace("_", " "))


def perubahan(lama: str | None, baru: str | None) -> str:
    """What an audit entry changed, for people: only the fields that differ ("bobot: 20 → 25").

    A new row lists its fields, a removed row the fields it had; values that are not objects
    read "lama → baru".
    """
    a, b = _isi(lama), _isi(baru)
    if isinstance(a, dict) and isinstance(b, dict):
        beda = [f"{_nama(k)}: {_teks(a.get(k))} → {_teks(b.get(k))}" for k in sorted(a.keys() | b.keys(), key=_urutan(a, b))
                if a.get(k) != b.get(k)]
        return "; ".join(beda) or "(tidak ada yang berbeda)"
    if isinstance(b, dict) and a is None:
        return "; ".join(f"{_nama(k)}: {_teks(v)}" for k, v in b.items() if v not in (None, ""))
    if isinstance(a, dict) and b is None:
        return "dihapus — " + "; ".join(f"{_nama(k)}: {_teks(v)}" for k, v in a.items() if v not in (None, ""))
    return f"{_teks(a)} → {_teks(b)}"


def _urutan(a: dict, b: dict):
    """Fields in the order the stored row lists them (new fields last)."""
    posisi = {k: i for i, k in enumerate([*a, *[k for k in b if k not in a]])}
    return posisi.__getitem__
