"""Roster import: what the officer is told about the header row."""

from __future__ import annotations

from conftest import KADIS, buat_xlsx


def test_misspelt_optional_header_is_named_not_dropped_silently(db_path, kinerja, tmp_path):
    """'Jabatn' and 'Golngan' are not read (the values are not guessed into Jabatan), and the officer is
    told which cell, what it looks like, and the fix; an exact header is never named."""
    import sqlite3

    f = buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": [
        ["NIP", "Nama", "Jabatn", "Unit Kerja", "NIP Atasan", "Golngan", "Status"],
        [KADIS, "Budi", "Kepala Dinas", "DPMPTSP", None, "IV/c", "PNS"]]})
    assert kinerja("init").exit_code == 0
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0, r.output
    err = " ".join(r.stderr.split())
    assert "Kolom 'Jabatn' (sel C1) tidak dikenal dan tidak dibaca; bila maksudnya Jabatan, ganti judulnya " \
           "menjadi 'Jabatan' lalu impor ulang." in err
    assert "Kolom 'Golngan' (sel F1)" in err and "'Status'" not in err and "'Nama'" not in err
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT jabatan, golongan FROM pegawai WHERE nip = ?", [KADIS]).fetchone() == (None, None)
