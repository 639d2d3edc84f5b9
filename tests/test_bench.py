"""Smoke test of the benchmark: a tiny office runs every step through the real CLI (no timing assertion)."""

from __future__ import annotations

import json
import subprocess
import sys

from kinerja_cli.bench import LANGKAH
from kinerja_cli.bench_data import buat_kantor, isi_workbook
from kinerja_cli.validation.nip import periksa_nip


def test_synthetic_office_is_valid():
    orang = buat_kantor(700)
    assert len({o.nip for o in orang}) == 700
    for o in orang:
        periksa_nip(o.nip)
    nips = {o.nip for o in orang}
    assert sum(1 for o in orang if o.atasan is None) == 1 and all(o.atasan in nips for o in orang if o.atasan)
    isi = isi_workbook(orang)
    assert len(isi["sasaran.xlsx"][1]) - 1 == 6 * 700
    assert len(isi["perilaku.xlsx"][1]) - 1 == 3 * 700 - 1  # the top head has co-workers only


def test_benchmark_runs_every_step(tmp_path):
    r = subprocess.run([sys.executable, "-m", "kinerja_cli.bench", "--pegawai", "10", "--folder", str(tmp_path),
                        "--format", "json"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [x["langkah"] for x in data["langkah"]] == [*LANGKAH, "total"]
    baris = {x["langkah"]: x["baris"] for x in data["langkah"]}
    assert baris["pegawai"] == 10 and baris["sasaran"] == 60 and baris["nilai"] == 10  # the smallest N accepted
    assert all(x["puncak_mb"] > 0 for x in data["langkah"]) and data["bantuan_detik"] > 0
    hasil = json.loads((tmp_path / "nilai.json").read_text())
    assert len(hasil) == 10
    assert [h["catatan"] for h in hasil if not h["lengkap"]] == [["tanpa_penilaian_atasan"]]  # the top head
    assert (tmp_path / "rekap.xlsx").exists()


def test_bench_table_and_help_in_indonesian():
    from kinerja_cli.bench import _teks_id

    r = _teks_id({"langkah": "sasaran", "baris": 60000, "detik": 2.3123, "baris_per_detik": 25948,
                  "cpu_detik": 2.2, "puncak_mb": 1122})
    assert (r["baris"], r["detik"], r["baris_per_detik"], r["cpu_detik"], r["puncak_mb"]) == \
        ("60.000", "2,31", "25.948", "2,20", "1.122")
    h = subprocess.run([sys.executable, "-m", "kinerja_cli.bench", "--help"], capture_output=True, text=True)
    assert h.returncode == 0 and h.stdout.startswith("Pemakaian: ") and "tampilkan bantuan ini" in h.stdout
    e = subprocess.run([sys.executable, "-m", "kinerja_cli.bench", "--pegawai", "5"], capture_output=True, text=True)
    assert e.returncode == 2 and "galat: --pegawai minimal 10" in e.stderr and "error" not in e.stderr
