"""A filled-in template imports without any editing: Sasaran, then Realisasi, then Perilaku."""

from __future__ import annotations

import openpyxl

from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2


def _isi_sheet(path, sheet, isi_baris, **lain):
    """Fill the pre-filled rows of `sheet` (and of each further sheet=isi_baris given) and save once."""
    wb = openpyxl.load_workbook(path)
    for nama, isi in {sheet: isi_baris, **lain}.items():
        ws = wb[nama]
        judul = {c.value: c.column for c in ws[1] if c.value}
        for row in ws.iter_rows(min_row=2):
            nip = row[judul["NIP"] - 1].value
            if nip:
                for kolom, nilai in isi(nip, {k: row[v - 1].value for k, v in judul.items()}).items():
                    ws.cell(row=row[0].row, column=judul[kolom], value=nilai)
    wb.save(path)


def test_template_round_trip(db_siap, kinerja, tmp_path):
    kinerja("periode", "buat", "2026", "--metode", "pp30")
    f = tmp_path / "templat.xlsx"
    assert kinerja("templat", f, "--periode", "2026", "--unit", "DPMPTSP").exit_code == 0

    def sasaran(nip, _):
        if nip == STAF1:  # one row filled: 100% bobot, target 95,5 typed with a comma
            return {"RHK": "Izin terbit tepat waktu", "Indikator": "Persentase izin terbit", "Target": "95,5",
                    "Satuan": "%", "Bobot (%)": 100, "Arah": "naik", "Jenis": "utama", "Aspek": "kuantitas"}
        if nip == STAF2:
            return {"RHK": "Izin cepat", "Indikator": "Rata-rata hari penerbitan", "Target": 5, "Satuan": "hari",
                    "Bobot (%)": 100, "Arah": "turun", "Target Maksimal": "tidak"}
        return {}  # KADIS and PPPK1 rows stay as the template wrote them (not filled yet)

    _isi_sheet(f, "Sasaran", sasaran)
    r = kinerja("sasaran", "impor", f, "--periode", "2026")
    assert r.exit_code == 0, r.output
    assert "2 baris templat belum diisi" in r.stderr
    d = kinerja("sasaran", "daftar", "--periode", "2026", "--format", "json").json()
    assert {(x["nip"], x["target"], x["arah"]) for x in d} == {(STAF1, "95.5", "naik"), (STAF2, "5", "turun")}

    f2 = tmp_path / "templat2.xlsx"
    assert kinerja("templat", f2, "--periode", "2026", "--unit", "DPMPTSP").exit_code == 0
    _isi_sheet(f2, "Realisasi", lambda nip, _: {"Realisasi": 95.5 if nip == STAF1 else 4, "Bukti": "laporan.pdf"},
               Perilaku=lambda nip, row: {a: 100 for a in (
                   "Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif")})
    r = kinerja("realisasi", "impor", f2, "--periode", "2026")
    assert r.exit_code == 0, r.output
    r = kinerja("perilaku", "impor", f2, "--periode", "2026")
    assert r.exit_code == 0, r.output
    d = {x["nip"]: x for x in kinerja("nilai", "--periode", "2026", "--format", "json").json()}
    # penilaian 360 ya (a new period's default): 60/40 for everyone.
    # STAF1: C = 95,5/95,5 = 100 → 109; atasan 100 → NPK 100; NA = 65,40 + 40 = 105,40 → Baik
    assert (d[STAF1]["nhk"], d[STAF1]["npk"], d[STAF1]["na"], d[STAF1]["predikat"]) == (109.0, 100.0, 105.4, "Baik")
    # STAF2: arah turun, C = (2 − 4/5)×100 = 120 → 120; NA = 72 + 40 = 112 (no inovasi) → Baik
    assert (d[STAF2]["nhk"], d[STAF2]["na"]) == (120.0, 112.0)
    # the atasan rows came pre-filled with KADIS as rater
    p = kinerja("perilaku", "daftar", "--periode", "2026", "--format", "json").json()
    assert {(x["nip"], x["penilai"], x["peran"]) for x in p} >= {(STAF1, KADIS, "atasan"), (KADIS, SEKDA, "atasan"),
                                                                 (PPPK1, KADIS, "atasan")}
