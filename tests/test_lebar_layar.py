"""Every listing reads at 80 and 120 columns (issue 17 §2): on the demo data, no NIP is cut or
wrapped, no number is split over two lines, no table is cropped at the edge of the screen, and
the columns that do not fit are left out by importance with one line saying which."""

from __future__ import annotations

import json
import re

import pytest
import typer.testing
from typer.testing import CliRunner

from conftest import _jalankan, _perintah, salin_demo
from kinerja_cli.output import lebar

UNIT = "DPMPTSP"
NIP_DEMO = "199505012017052559"  # Afnidar Amelia, BKPSDM: SKP rows and three raters

# name: arguments of a listing command (the table; the same with --format json gives the NIPs)
PERINTAH = {
    "pegawai daftar": ["pegawai", "daftar", "--unit", UNIT],
    "pegawai lihat": ["pegawai", "lihat", "198303292012101440"],
    "unit daftar": ["unit", "daftar"],
    "periode daftar": ["periode", "daftar"],
    "sasaran daftar": ["sasaran", "daftar", "-p", "2026", "--unit", UNIT],
    "sasaran status": ["sasaran", "status", "-p", "2026", "--unit", UNIT],
    "realisasi (sasaran daftar --nip)": ["sasaran", "daftar", "-p", "2026", "--nip", NIP_DEMO],
    "perilaku daftar": ["perilaku", "daftar", "-p", "2026", "--unit", UNIT],
    "rating daftar": ["rating", "daftar", "-p", "2026"],
    "nilai": ["nilai", "-p", "2026", "--unit", UNIT],
    "nilai semua unit": ["nilai", "-p", "2026", "--unit", "Dinas Sosial"],
    "nilai --rinci": ["nilai", "-p", "2026", "--nip", NIP_DEMO, "--rinci"],
    "nilai --bandingkan": ["nilai", "-p", "2026", "--unit", UNIT, "--bandingkan"],
    "status": ["status", "-p", "2026"],
    "status --unit": ["status", "-p", "2026", "--unit", UNIT],
    "distribusi": ["distribusi", "-p", "2026"],
    "tren": ["tren", NIP_DEMO],
    "tren --unit": ["tren", "--unit", UNIT],
    "pelatihan rekap": ["pelatihan", "rekap", "--tahun", "2026", "--unit", UNIT],
    "pelatihan daftar": ["pelatihan", "daftar", "--tahun", "2026", "--unit", UNIT],
    "layanan daftar": ["layanan", "daftar"],
    "layanan indikator daftar": ["layanan", "indikator", "daftar"],
    "dampak": ["dampak"],
    "riwayat": ["riwayat", "--batas", "40"],
    "umpan-balik daftar": ["umpan-balik", "daftar", "-p", "2026", "--unit", UNIT],
    "inovasi daftar": ["inovasi", "daftar", "-p", "2026"],
}
# At 80 columns these tables cannot show every column: the hidden-columns line must be there.
SEMPIT_80 = {"pegawai daftar", "sasaran daftar", "perilaku daftar", "nilai", "nilai --rinci", "status", "distribusi",
             "pelatihan rekap", "umpan-balik daftar"}

KUNCI_NIP = ("nip", "penilai")  # the people listed, and their raters (other NIP columns may be hidden)
NIP_TERPOTONG = re.compile(r"(?<!\d)\d{8,17}(?!\d)")  # a NIP cut short (dates and numbers never run this long)
AWAL_KOTAK, AKHIR_KOTAK = "│┃┏┡└┌├", "│┃┓┩┘┐┤"


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_sesi):
    """The demo database for the module: a copy of the one `kinerja demo` built for the session."""
    return salin_demo(demo_sesi, tmp_path_factory.mktemp("demo_lebar") / "demo" / "kinerja-demo.db")


def _jalan(demo, monkeypatch, lebar_layar: int, *args: str):
    monkeypatch.setenv("KINERJA_DB", str(demo))
    monkeypatch.setenv("COLUMNS", str(lebar_layar))
    monkeypatch.setattr(typer.testing, "_get_command", _perintah)
    r = _jalankan(CliRunner(), list(args))
    assert r.exit_code == 0, r.output
    return r


def _nip_data(data) -> set[str]:
    """Every NIP in the command's JSON output (the people the table lists)."""
    hasil = set()
    if isinstance(data, dict):
        for k, v in data.items():
            if k in KUNCI_NIP and isinstance(v, str) and v.isdigit():
                hasil.add(v)
            elif isinstance(v, (dict, list)):
                hasil |= _nip_data(v)
    elif isinstance(data, list):
        for x in data:
            hasil |= _nip_data(x)
    return hasil


def _angka_terbelah(teks: str) -> list[str]:
    """Cells whose number goes on in the same cell of the next line ("105," then "00", "10" then "5,00").
    A line whose first cell is empty continues the row above it."""
    temuan = []
    baris = [b.rstrip() for b in teks.splitlines()]
    for atas, bawah in zip(baris, baris[1:]):
        if not (atas.startswith("│") and bawah.startswith("│")):
            continue
        sel_atas, sel_bawah = atas.split("│")[1:-1], bawah.split("│")[1:-1]
        if len(sel_atas) != len(sel_bawah) or not sel_bawah or sel_bawah[0].strip():
            continue  # the next line starts a new row
        for a, b in zip(sel_atas, sel_bawah):
            if re.search(r"\d[.,]?$", a.strip()) and re.match(r"[.,]?\d[\d.,]*(?![\d\-:/])", b.strip()):
                temuan.append(f"{a.strip()!r} / {b.strip()!r}")
    return temuan


@pytest.mark.parametrize("lebar_layar", [80, 120])
@pytest.mark.parametrize("nama", list(PERINTAH))
def test_listing_reads_at_width(demo, monkeypatch, nama, lebar_layar):
    args = PERINTAH[nama]
    r = _jalan(demo, monkeypatch, lebar_layar, *args)
    keluar = r.stdout
    # every NIP of the listed people whole
    data = _jalan(demo, monkeypatch, 200, *args, "--format", "json").json()
    for nip in _nip_data(data if nama != "nilai --rinci" else {"nip": data["nip"], "p": data["rincian"]["masukan"]}):
        assert nip in keluar, f"{nama}: NIP {nip} tidak utuh di layar {lebar_layar}:\n{keluar}"
    assert not NIP_TERPOTONG.findall(keluar), f"{nama}: NIP terpotong {NIP_TERPOTONG.findall(keluar)}"
    # period codes whole (`tren` showed "20…")
    for b in data if isinstance(data, list) and nama.startswith("tren") else []:
        assert f" {b['periode']} " in keluar, f"{nama}: periode {b['periode']} tidak utuh:\n{keluar}"
    # no number split over two lines of a cell
    assert not _angka_terbelah(keluar), f"{nama} @{lebar_layar}: {_angka_terbelah(keluar)}\n{keluar}"
    # no table wider than the screen (Rich would crop it: a title or a cell cut mid-word)
    for b in keluar.splitlines():
        b = b.rstrip()
        assert len(b) <= lebar_layar
        if b and b[0] in AWAL_KOTAK:
            assert b[-1] in AKHIR_KOTAK, f"{nama}: tabel terpotong di tepi layar {lebar_layar}:\n{b}"
    # the hidden columns named in one line, and really gone from the headers
    sembunyi = re.search(r"Kolom disembunyikan agar muat di layar (\d+) kolom: (.*?)\. Semua kolom: (--format \w+), "
                         r"atau terminal yang lebih lebar\.", " ".join(keluar.split()))
    if lebar_layar == 80 and nama in SEMPIT_80:
        assert sembunyi, f"{nama}: kolom tersembunyi tidak disebut\n{keluar}"
    if sembunyi:
        assert sembunyi.group(1) == str(lebar_layar)
        kepala = " ".join(b for b in keluar.splitlines() if b.startswith("┃"))
        for judul in sembunyi.group(2).split(", "):
            assert f"┃ {judul} " not in kepala, judul


def test_wide_terminal_shows_every_behaviour_column_whole(demo, monkeypatch):
    """At 160 columns `perilaku daftar` squeezed four columns to about 4 characters ("ata/san");
    now a column is shown at a readable width or left out, and at 250 nothing is left out."""
    r = _jalan(demo, monkeypatch, 160, *PERINTAH["perilaku daftar"])
    kepala = [b for b in r.stdout.splitlines() if b.startswith("┃")]
    assert "Peran" in kepala[-1] and "atasan" in r.stdout and "ata\n" not in r.stdout
    for judul in ("Pelayanan", "Akuntabel", "Rata-rata"):
        assert judul in " ".join(kepala)
    r = _jalan(demo, monkeypatch, 250, *PERINTAH["perilaku daftar"])
    assert "disembunyikan" not in r.stdout
    assert all(j in r.stdout for j in ("Unit Kerja", "NIP Penilai", "Kolaboratif", "Rata-rata"))


def test_rinci_does_not_split_a_thousand():
    """`nilai --rinci` split "1.200,00" over two lines: a number column is as wide as its widest value."""
    u = lebar.ukur(lebar.ANGKA, "Bobot × Nilai", ["1.200,00", "3.249,90"])
    assert u.kecil == len("3.249,90") and u.wajar == len("Bobot × Nilai")
    tampil, w = lebar.susun([u, lebar.ukur(lebar.TEKS, "Indikator", ["Jumlah usulan kenaikan pangkat"])], [1, 2], 30)
    assert tampil == [0, 1] and w[0] >= 8


def test_least_important_columns_are_hidden_first():
    ukuran = [lebar.Ukuran(18, 18), lebar.Ukuran(10, 30), lebar.Ukuran(6, 6), lebar.Ukuran(12, 40)]
    tampil, w = lebar.susun(ukuran, [1, 2, 1, 3], 60)  # all four fit at their narrowest: 46 + 13
    assert tampil == [0, 1, 2, 3] and sum(w) + lebar.tambahan(4) == 60 and w[0] == 18 and w[2] == 6
    tampil, w = lebar.susun(ukuran, [1, 2, 1, 3], 55)
    assert tampil == [0, 1, 2] and sum(w) + lebar.tambahan(3) <= 55
    tampil, w = lebar.susun(ukuran, [1, 2, 1, 3], 31)  # only rank 1 left, and it fits: 24 + 7
    assert tampil == [0, 2] and w == [18, 6]
    tampil, w = lebar.susun(ukuran, [1, 1, 1, 1], 30)  # nothing may go: Rich does what it can
    assert tampil == [0, 1, 2, 3] and w is None


def test_unit_name_in_title_shortened_at_a_word():
    nama = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
    assert lebar.nama_pendek(nama, 36) == "Dinas Penanaman Modal dan Pelayanan…"
    assert lebar.nama_pendek(nama, 36, singkatan="DPMPTSP") == "DPMPTSP"
    assert lebar.nama_pendek("Dinas Sosial", 36) == "Dinas Sosial"
    for maks in range(5, len(nama)):
        pendek = lebar.nama_pendek(nama, maks)
        assert pendek.endswith("…") and nama.startswith(pendek[:-1]) and nama[len(pendek) - 1] == " "


def test_title_at_80_columns_is_not_cut_mid_word(demo, monkeypatch):
    r = _jalan(demo, monkeypatch, 80, *PERINTAH["nilai"])
    judul = r.stdout.splitlines()[0].rstrip()
    # the unit name gets what the longer "metode permenpan6" leaves: the title stays on one line
    # (too long for what the title leaves: the unit's short name, never a cut name)
    assert judul == "Nilai kinerja periode 2026 — metode permenpan6 — DPMPTSP"
    assert r.stdout.splitlines()[1].startswith("┏")


def _sel_pertama(keluar: str) -> list[str]:
    """The first cell of every body line of a table."""
    return [b.split("│")[1].strip() for b in keluar.splitlines() if b.startswith("│")]


@pytest.mark.parametrize("lebar_layar", [80, 120])
def test_status_and_nilai_show_units_by_their_short_names(demo, monkeypatch, lebar_layar):
    """`status` at 120 columns gave the unit ~12 characters ("Badan / Kepegawaian / dan / Pengembangan / ...");
    `nilai` at 120 hid the Unit column; the `nilai --unit` title cut the name. Short names (singkatan) now."""
    r = _jalan(demo, monkeypatch, lebar_layar, "status", "-p", "2026")
    unit = _sel_pertama(r.stdout)
    assert {"BKPSDM", "Bappeda", "Disdukcapil", "DPMPTSP", "Dinkes", "RSUD"} <= set(unit), r.stdout
    assert "Badan" not in unit and "Kependudukan" not in unit  # no full name broken into pieces
    data = _jalan(demo, monkeypatch, lebar_layar, "status", "-p", "2026", "--format", "json").json()
    assert "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" in {u["unit"] for u in data}  # scripts: full
    r = _jalan(demo, monkeypatch, lebar_layar, "nilai", "-p", "2026", "--unit", "dinas penanaman modal dan pelayanan "
               "terpadu satu pintu")
    assert r.stdout.splitlines()[0].rstrip() == "Nilai kinerja periode 2026 — metode permenpan6 — DPMPTSP"


def test_nilai_keeps_the_unit_column_at_120(demo, monkeypatch):
    r = _jalan(demo, monkeypatch, 120, "nilai", "-p", "2026")
    kepala = " ".join(b for b in r.stdout.splitlines() if b.startswith("┃"))
    assert "┃ Unit " in kepala
    sel = [b.split("│")[3].strip() for b in r.stdout.splitlines() if b.startswith("│")]
    assert {"BKPSDM", "Disdukcapil", "Inspektorat"} <= set(sel) and "Badan" not in sel
    assert "Kolom disembunyikan agar muat di layar 120 kolom: Jabatan, NHK, NPK." in " ".join(r.stdout.split())
    r = _jalan(demo, monkeypatch, 250, "nilai", "-p", "2026", "--unit", "Dinas Sosial")  # one unit: no column
    assert "┃ Unit " not in r.stdout and "Dinas Sosial" in r.stdout.splitlines()[0]


def test_piped_json_and_csv_keep_every_column(demo, monkeypatch):
    """Scripts lose nothing: the machine formats keep every column whatever the width."""
    r = _jalan(demo, monkeypatch, 80, *PERINTAH["perilaku daftar"], "--format", "csv")
    assert r.stdout.splitlines()[0] == ("nip,nama,unit,penilai,nama_penilai,peran,pelayanan,akuntabel,kompeten,"
                                        "harmonis,loyal,adaptif,kolaboratif,rata")
    assert json.loads(_jalan(demo, monkeypatch, 80, *PERINTAH["unit daftar"], "--format", "json").stdout)
