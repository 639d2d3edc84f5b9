"""`kinerja demo` builds its own database from contoh_data/ and shows the period's results."""

from __future__ import annotations

import openpyxl


def test_demo_builds_everything_and_leaves_user_db_alone(kinerja, tmp_path, db_path):
    db_path.write_bytes(b"database milik pengguna")  # must stay untouched
    folder = tmp_path / "demo"
    r = kinerja("demo", "--folder", folder)
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "302 pegawai" in out and "1101 baris SKP" in out
    # the sample is built so that every predikat appears (generator checker: 236/46/12/6/2); the demo period
    # is pp30, whose 70-<90 band is Cukup (PP 30/2019 Pasal 41 ayat 5 huruf c)
    assert "Jumlah: 302 pegawai" in out
    for potongan in ("Sangat Baik: 6", "Baik: 236", "Cukup: 46", "Kurang: 12", "Sangat Kurang: 2"):
        assert potongan in out, potongan
    assert "Distribusi predikat pegawai" in out and "Dampak pada layanan publik" in out
    assert "7,5 → 3,5 hari" in out  # DPMPTSP permit days falling over the quarters
    rekap = folder / "rekap-2026.xlsx"
    assert rekap.exists() and str(rekap) in out.replace("\n", "")
    assert openpyxl.load_workbook(rekap, read_only=True).sheetnames[:5] == [
        "Ringkasan", "Rekap", "Rincian", "Pengembangan", "Dampak"]
    assert db_path.read_bytes() == b"database milik pengguna"
    # running it again rebuilds the demo database, it does not pile up
    r = kinerja("demo", "--folder", folder)
    assert r.exit_code == 0 and "Jumlah: 302 pegawai" in r.stdout
