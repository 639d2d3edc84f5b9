"""Issue 14: a new period follows PermenPANRB 6/2022 and says so; local choices are options of `periode buat`
stored with the period; `kinerja aturan` prints every rule with its source and the period's value, and the
README table lists the same rules."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from conftest import STAF1, STAF2
from data_nilai import isi

from kinerja_cli.scoring.aturan import ATURAN, KEBIJAKAN_LOKAL

README = Path(__file__).resolve().parent.parent / "README.md"


def _param(db_path, kode="2026") -> tuple[str, dict]:
    with sqlite3.connect(db_path) as c:
        metode, teks = c.execute("SELECT metode, parameter FROM periode WHERE kode = ?", [kode]).fetchone()
    return metode, json.loads(teks)


def _aturan(kinerja, kode="2026") -> dict:
    r = kinerja("aturan", "-p", kode, "--format", "json")
    assert r.exit_code == 0, r.output
    return {x["kunci"]: x for x in r.json()}


def test_new_period_is_permenpan6_and_says_how_to_pick_pp30(db_siap, kinerja, db_path):
    r = kinerja("periode", "buat", "2026")
    assert r.exit_code == 0, r.output
    err = " ".join(r.stderr.split())
    assert "Periode 2026 (tahunan, 1 Januari 2026 s.d. 31 Desember 2026, metode permenpan6, persetujuan SKP tidak) dibuat." in err
    assert "Metode permenpan6 (metode bawaan): PermenPANRB 6/2022, aturan yang berlaku" in err
    assert "pilih --metode pp30 saat membuat periode: kinerja periode buat KODE --metode pp30" in err
    assert "Aturan periode ini dan sumbernya: kinerja aturan -p 2026" in err
    metode, p = _param(db_path)
    assert metode == "permenpan6" and p["penilaian_360"] == "ya" and p["nama_predikat_pp30_cukup"] == "Cukup"
    assert p["pembulatan"] == {"desimal": "2", "cara": "setengah-ke-atas"}


def test_pp30_on_request_says_default_and_penilaian_360(db_siap, kinerja, db_path):
    r = kinerja("periode", "buat", "2026", "--metode", "pp30")
    assert r.exit_code == 0, r.output
    err = " ".join(r.stderr.split())
    assert "Metode pp30 (sesuai --metode): nilai angka PP 30/2019; metode bawaan adalah permenpan6" in err
    assert ("Penilaian 360: ya (NA 60/40 untuk semua pegawai); pilih yang lain dengan --penilaian-360 tidak "
            "saat membuat periode.") in err
    assert _param(db_path)[0] == "pp30"


def test_options_are_stored_and_printed_by_aturan(db_siap, kinerja, db_path):
    r = kinerja("periode", "buat", "2026", "--metode", "pp30", "--penilaian-360", "tidak", "--pembulatan-desimal",
                "1", "--pembulatan", "setengah-genap", "--bobot-atasan", "50", "--bobot-rekan", "25",
                "--bobot-bawahan", "25", "--ambang-di-atas", "105", "--ambang-sesuai", "85,5",
                "--capaian-rentang", "100", "--capaian-turun-boleh-negatif")
    assert r.exit_code == 0, r.output
    assert "Penilaian 360: tidak (NA 70/30, NPK = nilai atasan saja)" in " ".join(r.stderr.split())
    _, p = _param(db_path)
    assert p["penilaian_360"] == "tidak" and p["pembulatan"] == {"desimal": "1", "cara": "setengah-genap"}
    assert p["bobot_peran"] == {"atasan": "50", "rekan": "25", "bawahan": "25"}
    assert (p["ambang_di_atas"], p["ambang_sesuai"], p["capaian_turun_min_nol"]) == ("105", "85.5", False)
    a = _aturan(kinerja)
    assert a["penilaian_360"]["nilai"] == "tidak: NA = 70/30, NPK = nilai atasan saja"
    assert a["penilaian_360"]["sumber"] == "PP 30/2019 Pasal 41 ayat 2-4"
    assert a["pembulatan"]["nilai"] == "1 desimal, setengah-genap" and a["pembulatan"]["sumber"] == KEBIJAKAN_LOKAL
    assert a["bobot_peran"]["nilai"] == "50/25/25" and a["ambang_saran"]["nilai"] == "105 / 85,5"
    assert a["capaian_turun_min_nol"]["nilai"].startswith("tidak: ") and a["metode"]["nilai"] == "pp30"
    assert a["jp_pppk"]["sumber"] == "PP 49/2018 Pasal 40 ayat 1" and a["jp_pns"]["sumber"] == "PP 11/2017 Pasal 203 ayat 4"
    t = kinerja("aturan", "-p", "2026")
    teks = " ".join(t.stdout.split())
    assert "Aturan penilaian periode 2026 (metode pp30, terbuka)" in teks and "kebijakan lokal" in teks


def test_penilaian_360_tidak_changes_results(db_siap, kinerja, db_path):
    # data_nilai.py: STAF1 NHK 113,40, atasan 110, rekan 100. 360 tidak: NPK = 110 (atasan only),
    # NA = 0,7×113,40 + 0,3×110 = 79,38 + 33 = 112,38. STAF2 (atasan only, 85): 0,7×88 + 0,3×85 = 87,10 → Cukup.
    assert kinerja("periode", "buat", "2026", "--metode", "pp30", "--penilaian-360", "tidak").exit_code == 0
    isi(db_path)
    d = {x["nip"]: x for x in kinerja("nilai", "-p", "2026", "--format", "json").json()}
    assert (d[STAF1]["npk"], d[STAF1]["na"], d[STAF1]["predikat"]) == (110.0, 112.38, "Baik")
    assert (d[STAF2]["na"], d[STAF2]["predikat"]) == (87.10, "Cukup")
    assert "tanpa_penilaian_rekan_bawahan" not in d[STAF2]["catatan"]


def test_invalid_options_are_refused_naming_the_option(db_siap, kinerja, db_path):
    for opsi, pesan in ((["--ambang-sesuai", "120"], "--ambang-sesuai (120) harus lebih dari 0 dan di bawah "
                                                     "--ambang-di-atas (110)"),
                        (["--bobot-rekan", "banyak"], "--bobot-rekan 'banyak' bukan angka."),
                        (["--bobot-atasan", "0"], "--bobot-atasan harus lebih dari 0"),
                        (["--pembulatan-desimal", "9"], "--pembulatan-desimal harus 0 sampai 6, ditemukan 9"),
                        (["--capaian-rentang", "0"], "--capaian-rentang harus lebih dari 0")):
        r = kinerja("periode", "buat", "2026", *opsi)
        assert r.exit_code == 1, opsi
        assert f"Pengaturan periode tidak valid: {pesan}" in " ".join(r.stderr.split()), r.stderr
        assert "Traceback" not in r.output
    r = kinerja("periode", "buat", "2026", "--penilaian-360", "mungkin")
    assert r.exit_code == 2
    assert kinerja("periode", "daftar", "--format", "json").json() == []  # nothing was created


def test_aturan_unknown_period(db_siap, kinerja):
    r = kinerja("aturan", "-p", "2030")
    assert r.exit_code == 1 and "Periode 2030 belum dibuat" in r.stderr


def _tabel_readme() -> list[tuple[str, str, str]]:
    teks = README.read_text(encoding="utf-8")
    bagian = teks.split("\n## Aturan penilaian\n", 1)[1].split("\n## ", 1)[0]
    baris = [b for b in bagian.splitlines() if b.startswith("| ") and not b.startswith("| Aturan |")]
    hasil = []
    for b in baris:
        sel = [s.strip().replace("\\|", "|") for s in re.split(r"(?<!\\)\|", b)[1:-1]]
        hasil.append((sel[0], sel[1], sel[2].replace("`", "")))
    return hasil


def test_readme_table_lists_the_same_rules_as_the_code():
    assert _tabel_readme() == [(a.aturan, a.sumber, a.opsi) for a in ATURAN]
    # every local convention can be changed by an option or is listed as fixed text of the tool
    assert {a.kunci for a in ATURAN if a.sumber == KEBIJAKAN_LOKAL} >= {"pembulatan", "bobot_peran", "ambang_saran",
                                                                         "capaian_dalam_rentang",
                                                                         "capaian_turun_min_nol"}
