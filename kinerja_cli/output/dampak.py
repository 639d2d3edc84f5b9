"""Rich view of `kinerja dampak`: service indicators with a sparkline, beside the share rated Baik or better."""

from __future__ import annotations

from .. import output
from ..scoring import dampak as aturan

WARNA = {aturan.MEMBAIK: "green", aturan.MEMBURUK: "red", aturan.TETAP: "yellow"}


# header, kind, importance on a narrow screen (1 always shown, the highest hidden first; see output.lebar)
KOLOM = [output.Kolom(k, k, rata_kanan=k == "Perubahan", jenis=j, penting=p) for k, j, p in (
    ("Unit", output.TEKS, 2), ("No", output.ANGKA, 1), ("Indikator", output.TEKS, 1),
    ("Nilai per periode", output.TEKS, 3), ("Tren", output.TEKS, 2), ("Perubahan", output.TEKS, 2),
    ("Penilaian", output.TEKS, 4), ("Target", output.TEKS, 4), ("% Baik+ per periode", output.TEKS, 5))]


def tabel_dampak(data: list[dict]) -> None:
    escape = output.esc  # every user value inside markup goes through it

    a = aturan.angka_ringkas
    isi = []
    for d in data:
        per = d["nilai_per_periode"]
        nilai = "  ".join(f"{x['periode']}: {a(x['nilai'])}" for x in per) or "-"
        tren = aturan.sparkline([x["nilai"] for x in per])
        if tren and d["arah"] == "turun":
            tren += " (rendah=baik)"
        if d["perubahan"] is None:
            ubah = "-"
        else:
            ubah = f"{'+' if d['perubahan'] > 0 else ''}{aturan.dengan_satuan(d['perubahan'], d['satuan'])}"
            if d["perubahan_persen"] is not None:
                ubah += f" ({'+' if d['perubahan_persen'] > 0 else ''}{a(d['perubahan_persen'])}%)"
        nilai_pen = f"[{WARNA[d['penilaian']]}]{d['penilaian']}[/]" if d["penilaian"] else "-"
        if d["target"] is None:
            target = "-"
        else:
            target = f"{aturan.dengan_satuan(d['target'], d['satuan'])}: {aturan.teks_jarak(d['jarak_target'], d['target_tercapai'], d['satuan'])}"
        baik = "  ".join(f"{x['periode']}: {a(x['persen_baik'], 1)}%" if x["persen_baik"] is not None
                         else f"{x['periode']}: -" for x in per) or "-"
        isi.append([escape(d["unit"]), str(d["indikator_id"]), escape(f"{d['indikator']} ({d['arah']})"), escape(nilai),
                    tren, escape(ubah), nilai_pen, escape(target), escape(baik)])
    output.cetak(output.tabel_sel(
        KOLOM, isi, "Dampak pada layanan publik: indikator layanan unit dan predikat pegawai",
        "Tren: ▁ nilai terendah, █ nilai tertinggi. Arah 'turun': makin rendah makin baik. "
        "% Baik+ = pegawai unit berpredikat Sangat Baik atau Baik (hanya periode penilaian yang ada)."))
