"""`kinerja demo` builds its own database from contoh_data/ and shows the period's results: 2026 under
permenpan6 (the law in force) with ratings set by the atasan, and 2025 under pp30 beside it."""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from decimal import Decimal
from pathlib import Path

import openpyxl

from conftest import salin_demo

# PermenPANRB 6/2022 matrix (DOMAIN.md 5): (rating hasil kerja, rating perilaku) -> predikat
ATAS, SESUAI, BAWAH = "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"
MATRIKS = {
    (ATAS, BAWAH): "Kurang/Misconduct", (ATAS, SESUAI): "Baik", (ATAS, ATAS): "Sangat Baik",
    (SESUAI, BAWAH): "Kurang/Misconduct", (SESUAI, SESUAI): "Baik", (SESUAI, ATAS): "Baik",
    (BAWAH, BAWAH): "Sangat Kurang", (BAWAH, SESUAI): "Butuh Perbaikan", (BAWAH, ATAS): "Butuh Perbaikan",
}
URUTAN = ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang")


def _pp30(na: float, inovasi: bool) -> str:
    """PP 30/2019 Pasal 41 ayat 5 (DOMAIN.md 4.6)."""
    if na >= 110 and inovasi:
        return "Sangat Baik"
    return "Baik" if na >= 90 else "Cukup" if na >= 70 else "Kurang" if na >= 50 else "Sangat Kurang"


def test_demo_builds_everything_and_leaves_user_db_alone(kinerja, tmp_path, db_path, demo_sesi):
    sesi, r, pengguna = demo_sesi  # `kinerja demo --folder SESI` run once for the session, KINERJA_DB=pengguna
    assert pengguna.read_bytes() == b"database milik pengguna"  # must stay untouched
    folder = tmp_path / "demo"
    shutil.copytree(sesi, folder)
    out = r.stdout
    assert "302 pegawai" in out and "1101 baris SKP" in out
    assert "2026 (1 Januari 2026 s.d. 31 Desember 2026, metode permenpan6)" in out
    assert "Nilai kinerja periode 2026 — metode permenpan6" in out
    assert "Distribusi predikat pegawai" in out and "Dampak pada layanan publik" in out
    assert "7,5 → 3,5 hari" in out  # DPMPTSP permit days falling over the quarters
    rekap = folder / "rekap-2026.xlsx"
    assert (sesi / "rekap-2026.xlsx").exists() and str(sesi / "rekap-2026.xlsx") in out.replace("\n", "")
    assert openpyxl.load_workbook(rekap, read_only=True).sheetnames[:5] == [
        "Ringkasan", "Rekap", "Rincian", "Pengembangan", "Dampak"]
    # running it again (a copy of that folder) rebuilds the demo database, it does not pile up
    db_path.write_bytes(b"database milik pengguna")  # must stay untouched
    r = kinerja("demo", "--folder", folder)
    assert r.exit_code == 0 and "Jumlah: 302 pegawai" in r.stdout
    assert db_path.read_bytes() == b"database milik pengguna"


def test_demo_permenpan6_ratings_set_by_the_atasan_and_pp30_beside_it(kinerja, tmp_path, demo_sesi):
    _, r, _ = demo_sesi  # `kinerja demo` run once for the session
    out = " ".join(r.stdout.split())  # the terminal wraps long lines
    db = salin_demo(demo_sesi, tmp_path / "demo" / "kinerja-demo.db")

    # 2026, permenpan6: every complete result has ratings set by the employee's own atasan langsung
    baris = kinerja("nilai", "-p", "2026", "--db", db, "-f", "json").json()
    assert len(baris) == 302 and {b["metode"] for b in baris} == {"permenpan6"}
    con = sqlite3.connect(db)
    oleh = dict(con.execute("SELECT r.nip, r.oleh IS coalesce(p.nip_atasan, 'kepala-daerah') FROM rating_langsung r "
                            "JOIN pegawai p ON p.nip = r.nip WHERE r.periode = '2026'"))  # the Sekda: kepala daerah
    atasan = dict(con.execute("SELECT nip, nip_atasan FROM pegawai"))
    con.close()
    ditetapkan = [b for b in baris if b["rating_hasil_kerja_langsung"] and b["rating_perilaku_langsung"]]
    assert set(oleh) == {b["nip"] for b in ditetapkan} and all(oleh.values())
    saran = [b for b in baris if b not in ditetapkan]
    for b in saran:  # left on the saran only when the data is incomplete or nobody can set them
        assert "rating_belum_ditetapkan" in b["catatan"] and not b["lengkap"]
        assert len(b["catatan"]) > 1 or not atasan[b["nip"]], b
    assert all(b["lengkap"] or b["catatan"] for b in ditetapkan)
    assert f"{len(ditetapkan)} pegawai ditetapkan atasannya; {len(saran)} belum ditetapkan" in out
    assert len(ditetapkan) > 250  # most of the city is complete in the sample
    # the predikat is the 6/2022 matrix of the two ratings, and the printed spread counts it
    for b in baris:  # no predikat while a rating is neither set nor has the data for a saran (re-tester 17 R4)
        kunci = (b["rating_hasil_kerja"], b["rating_perilaku"])
        assert b["predikat"] == (None if None in kunci else MATRIKS[kunci]), b
    assert all(b["predikat"] is not None for b in ditetapkan)
    hitung = Counter(b["predikat"] for b in baris)
    ringkas = "Seluruh pemerintah kota — Jumlah: 302 pegawai — " + ", ".join(
        f"{p}: {hitung[p]}" for p in URUTAN if hitung[p])
    assert ringkas in out
    assert "Cukup" not in ringkas  # the 70-<90 band is not a permenpan6 predikat

    # 2025 beside it: pp30, closed, from the same SKP (same NHK/NPK), predikat from NA with Cukup
    per = {p["kode"]: p for p in kinerja("periode", "daftar", "--db", db, "-f", "json").json()}
    assert (per["2025"]["metode"], per["2025"]["status"]) == ("pp30", "ditutup")
    assert (per["2026"]["metode"], per["2026"]["status"]) == ("permenpan6", "terbuka")
    lalu = {b["nip"]: b for b in kinerja("nilai", "-p", "2025", "--db", db, "-f", "json").json()}
    inovasi = {i["nip"] for i in kinerja("inovasi", "daftar", "-p", "2025", "--db", db, "-f", "json").json()}
    assert len(inovasi) >= 1
    for b in baris:
        l = lalu[b["nip"]]
        assert (l["nhk"], l["npk"]) == (b["nhk"], b["npk"])
        if l["ada_data"]:
            assert l["predikat"] == _pp30(l["na"], l["nip"] in inovasi), l
    hitung = Counter(l["predikat"] for l in lalu.values())
    # the sample is built so that every pp30 predikat appears (generator checker: 236/46/12/6/2)
    assert hitung == {"Baik": 236, "Cukup": 46, "Kurang": 12, "Sangat Baik": 6, "Sangat Kurang": 2}
    assert ("Pembanding: periode 2025, metode pp30 (data SKP yang sama, nilai angka PP 30/2019) — Jumlah: 302 "
            "pegawai — Sangat Baik: 6, Baik: 236, Cukup: 46, Kurang: 12, Sangat Kurang: 2") in out
    assert "kinerja nilai --periode 2025" in out
    # the README's description of the demo says the same numbers
    readme = " ".join((Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8").split())
    hitung6 = Counter(b["predikat"] for b in baris)
    assert (f"Sebaran: " + ", ".join(f"{p} {hitung6[p]}" for p in URUTAN if hitung6[p]) + ".") in readme
    assert f"rating {len(ditetapkan)} pegawai" in readme and f"{len(saran)} lainnya" in readme
    assert "Sangat Baik 6, Baik 236, Cukup 46, Kurang 12, Sangat Kurang 2" in readme
