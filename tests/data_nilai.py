"""A small period whose every number was worked out by hand (see test_nilai.py)."""

from __future__ import annotations

import contextlib
import sqlite3

from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2

ASPEK = ("pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif")


def isi(db_path, kode="2026", inovasi_staf1=False):
    t = "2026-01-01T00:00:00"
    with contextlib.closing(sqlite3.connect(db_path)) as c, c:  # committed, then closed (not left to the gc)
        sasaran = [
            # periode, nip, nomor, jenis, rhk, aspek, indikator, lo, hi, satuan, bobot, arah, tmaks
            (kode, STAF1, 1, "utama", "Izin terbit", "kuantitas", "Izin diproses", "100", None, "%", "60", "naik", 0),
            (kode, STAF1, 2, "utama", "Izin cepat", "waktu", "Hari penerbitan izin", "5", None, "hari", "40", "turun", 0),
            (kode, STAF2, 1, "utama", "Arsip", "kualitas", "Arsip tertata", "98", None, "%", "100", "naik", 0),
            (kode, PPPK1, 1, "utama", "Layanan TI", "kuantitas", "Uptime", "80", "90", "%", "50", "naik", 0),
            (kode, PPPK1, 2, "tambahan", "Dokumentasi", "kuantitas", "Dokumen", "10", None, "dok", "50", "naik", 0),
        ]
        c.executemany(
            "INSERT INTO sasaran (periode, nip, nomor, jenis, rhk, aspek, indikator, target_lo, target_hi, satuan,"
            " bobot, arah, target_maksimal, diubah) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(*s, t) for s in sasaran])
        real = [(kode, STAF1, 1, "100"), (kode, STAF1, 2, "4"), (kode, STAF2, 1, "96.04"), (kode, PPPK1, 1, "85")]
        c.executemany("INSERT INTO realisasi (periode, nip, nomor, nilai, diubah) VALUES (?,?,?,?,?)",
                      [(*r, t) for r in real])

        def skor(nip, penilai, peran, nilai):
            vals = [nilai.get(a) for a in ASPEK]
            c.execute(f"INSERT INTO perilaku (periode, nip, penilai, peran, {', '.join(ASPEK)}, diubah)"
                      f" VALUES (?,?,?,?,{','.join('?' * 7)},?)", [kode, nip, penilai, peran, *vals, t])

        skor(STAF1, KADIS, "atasan", {a: "110" for a in ASPEK})
        skor(STAF1, STAF2, "rekan", {a: "100" for a in ASPEK})
        skor(STAF1, STAF1, "diri", {a: "120" for a in ASPEK})  # shown, never counted
        skor(STAF2, KADIS, "atasan", {"pelayanan": "90", "akuntabel": "80"})
        skor(KADIS, SEKDA, "atasan", {a: "100" for a in ASPEK})
        if inovasi_staf1:
            c.execute("INSERT INTO inovasi (periode, nip, uraian, tanggal, dibuat) VALUES (?,?,?,?,?)",
                      [kode, STAF1, "Izin kilat daring", "2026-05-01", t])
