"""`kinerja nilai --format json` after importing real workbooks; numbers worked out by hand.

The same employees as tests/data_nilai.py, but every input goes through the importers:
A pp30 period with penilaian 360 = ya (the default): NA = 60% NHK + 40% NPK for everyone.
STAF1 NHK (60×109 + 40×120)/100 = 113,40; NPK (60×110 + 20×100)/80 = 107,50; NA 0,6×113,40 + 0,4×107,50 = 111,04.
STAF2 C = 96,04/98 = 98,00 % → 88; atasan (90+80)/2 = 85; NA 0,6×88 + 0,4×85 = 86,80 → Cukup.
PPPK1 range 80-90 with R 85 → 109; row 2 empty → 0; NHK 54,50; no behaviour → NA 0,6×54,50 = 32,70.
"""

from __future__ import annotations

from conftest import KADIS, PPPK1, STAF1, STAF2, buat_xlsx

ASPEK = ["Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif"]


def test_nilai_from_imported_workbook(db_siap, kinerja, tmp_path):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    sasaran = [["NIP", "Nomor", "Jenis", "RHK", "Aspek", "Indikator", "Target", "Satuan", "Bobot (%)", "Arah"],
               [STAF1, 1, "utama", "Izin terbit", "kuantitas", "Izin diproses", 100, "%", 60, "naik"],
               [STAF1, 2, "utama", "Izin cepat", "waktu", "Hari penerbitan izin", 5, "hari", 40, "turun"],
               [STAF2, 1, "utama", "Arsip", "kualitas", "Arsip tertata", 98, "%", 100, "naik"],
               [PPPK1, 1, "utama", "Layanan TI", "kuantitas", "Uptime", "80-90", "%", "50", "naik"],
               [PPPK1, 2, "tambahan", "Dokumentasi", "kuantitas", "Dokumen", 10, "dok", "50", "naik"]]
    realisasi = [["NIP", "Nomor", "Realisasi"], [STAF1, 1, 100], [STAF1, 2, "4"], [STAF2, 1, "96,04"],
                 [PPPK1, 1, 85], [PPPK1, 2, None]]
    perilaku = [["NIP", "NIP Penilai", "Peran", *ASPEK],
                [STAF1, KADIS, "atasan", *[110] * 7],
                [STAF1, STAF2, "rekan", *[100] * 7],
                [STAF1, STAF1, "diri", *[120] * 7],
                [STAF2, KADIS, "atasan", 90, 80, None, None, None, None, None]]
    f = buat_xlsx(tmp_path / "skp.xlsx", {"Sasaran": sasaran, "Realisasi": realisasi, "Perilaku": perilaku})
    for jenis in ("sasaran", "realisasi", "perilaku"):
        r = kinerja(jenis, "impor", f, "--periode", "2026")
        assert r.exit_code == 0, r.output
    d = {x["nip"]: x for x in kinerja("nilai", "--periode", "2026", "--format", "json").json()}
    assert (d[STAF1]["nhk"], d[STAF1]["npk"], d[STAF1]["na"], d[STAF1]["predikat"]) == (113.4, 107.5, 111.04, "Baik")
    assert (d[STAF2]["nhk"], d[STAF2]["npk"], d[STAF2]["na"], d[STAF2]["predikat"]) == (88.0, 85.0, 86.8,
                                                                                          "Cukup")
    assert (d[PPPK1]["nhk"], d[PPPK1]["npk"], d[PPPK1]["na"], d[PPPK1]["lengkap"]) == (54.5, 0.0, 32.7, False)
    assert "realisasi_kosong" in d[PPPK1]["catatan"]
