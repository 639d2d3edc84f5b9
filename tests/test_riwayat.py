"""`kinerja riwayat`: people read only what changed; scripts keep the whole old and new values."""

from __future__ import annotations

import json

from conftest import KADIS

from kinerja_cli.services.riwayat import perubahan


def _tambah(kinerja, *opsi):
    return kinerja("sasaran", "tambah", KADIS, "--periode", "2026", "--rhk", "Investasi", "--indikator",
                   "Nilai investasi", "--target", "90", *opsi)


def test_table_shows_only_the_changed_fields(db_siap, kinerja):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    assert _tambah(kinerja, "--bobot", "60").exit_code == 0
    assert _tambah(kinerja, "--bobot", "75", "--nomor", "1").exit_code == 0
    r = kinerja("riwayat", "--nip", KADIS, "--batas", "1")
    assert r.exit_code == 0
    assert "bobot: 60 → 75" in r.stdout
    perubahan_kolom = [b.split("│")[-2] for b in r.stdout.splitlines() if b.startswith("│")]
    assert perubahan_kolom and not any("Nilai investasi" in x for x in perubahan_kolom)  # unchanged fields left out
    assert "Perubahan" in r.stdout and "Lama" not in r.stdout
    h = kinerja("riwayat", "--nip", KADIS, "--batas", "1", "--format", "json").json()[0]
    assert h["aksi"] == "ubah"
    assert json.loads(h["lama"])["bobot"] == "60" and json.loads(h["baru"])["bobot"] == "75"
    assert json.loads(h["baru"])["indikator"] == "Nilai investasi"  # machine output stays whole
    assert "perubahan" not in h


def test_perubahan_texts():
    assert perubahan('{"a": "1", "b": "x"}', '{"a": "2", "b": "x"}') == "a: 1 → 2"
    assert perubahan('{"a": "1"}', '{"a": "1", "c": null}') == "(tidak ada yang berbeda)"
    assert perubahan('{"a": "1", "b": null}', '{"a": "1", "b": "baru"}') == "b: - → baru"
    assert perubahan(None, '{"a": "1", "b": null, "c": true}') == "a: 1; c: ya"
    assert perubahan('{"a": "1"}', None) == "dihapus — a: 1"
    assert perubahan('{"target_lo": "3", "nip_atasan": null}', '{"target_lo": "2.5", "nip_atasan": null}') == \
        "target: 3 → 2,5"  # workbook names, decimal comma
    assert perubahan('{"nilai": "100.25"}', '{"nilai": "100.5"}') == "realisasi: 100,25 → 100,5"
    assert perubahan("terbuka", "ditutup") == "terbuka → ditutup"
    assert perubahan(None, None) == "- → -"


def test_negative_limit_is_refused(db_siap, kinerja):
    r = kinerja("riwayat", "--batas", "-5")
    assert r.exit_code == 2 and "Nilai tidak sah untuk '--batas'" in r.stderr and "isi 0 untuk semua" in r.stderr
    r = kinerja("riwayat", "--sejak", "kemarin")
    assert r.exit_code == 2 and "'kemarin' bukan tanggal" in r.stderr


def test_logged_command_keeps_its_quotes(db_periode, kinerja):
    """The Perintah column can be run again as shown: arguments with spaces stay quoted. The command
    logged runs as its own process (its real argv); the set-up before it runs in-process."""
    import subprocess
    import sys

    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    env = {"KINERJA_DB": str(db_periode), "PATH": ""}
    subprocess.run([sys.executable, "-m", "kinerja_cli", "periode", "buka", "2026", "--alasan", "koreksi data DPMPTSP"],
                   env=env, check=True, capture_output=True)
    terbaru = kinerja("riwayat", "--format", "json").json()[0]
    assert terbaru["perintah"] == "kinerja periode buka 2026 --alasan 'koreksi data DPMPTSP'"
