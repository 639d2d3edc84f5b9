"""Re-tester 17 findings, part D (saran without data, the kepala daerah approves, names of outside raters,
number formats, people left out of a copy): each test fails on the code before the fix."""

from __future__ import annotations

import json
import sqlite3

import openpyxl
import pytest

from conftest import KADIS, PPPK1, SEKDA, STAF1, STAF2, salin_demo
from data_nilai import isi


def _rata(teks: str) -> str:
    return " ".join(teks.split())


@pytest.fixture
def p6(db_siap, kinerja, db_path):
    """permenpan6 period 2026 with the hand-worked data: STAF1 complete; STAF2 scored on 2 of 7 aspects;
    PPPK1 with one of two rows realised; KADIS scored by the Sekda, no SKP."""
    assert kinerja("periode", "buat", "2026", "--metode", "permenpan6").exit_code == 0
    isi(db_path)
    return db_path


def _json(kinerja, nip, kode="2026"):
    return next(x for x in kinerja("nilai", "-p", kode, "--format", "json").json() if x["nip"] == nip)


# -- R4: no saran while the data it would rest on is missing ------------------------------------------

def test_r4_tanpa_data_tanpa_saran_di_json_tabel_dan_rinci(p6, kinerja):
    s1 = _json(kinerja, STAF1)  # every realisation, atasan scored all aspects: the saran stays
    assert (s1["rating_hasil_kerja"], s1["rating_perilaku"], s1["predikat"]) == (
        "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Baik")
    pppk = _json(kinerja, PPPK1)  # row 2 without realisation, nobody scored perilaku
    assert (pppk["rating_hasil_kerja"], pppk["rating_perilaku"], pppk["predikat"]) == (None, None, None)
    assert "rating_belum_ditetapkan" in pppk["catatan"] and pppk["lengkap"] is False
    s2 = _json(kinerja, STAF2)  # all realised (saran HK kept), atasan scored 2 of 7 aspects (no saran PK)
    assert s2["rating_hasil_kerja"] == "Di Bawah Ekspektasi" and s2["rating_perilaku"] is None
    assert s2["predikat"] is None

    t = _rata(kinerja("nilai", "-p", "2026", "--unit", "DPMPTSP").stdout)
    baris = t.split(PPPK1)[1].split("│ 1")[0]
    assert "belum ada saran" in baris and "Ekspektasi" not in baris and "belum lengkap" in baris
    assert "Di Bawah Ekspektasi (saran)" in t.split(STAF2)[1].split("│ 1")[0]  # STAF2's HK saran stays

    r = _rata(kinerja("nilai", "-p", "2026", "--nip", PPPK1, "--rinci").stdout)
    assert "Rating hasil kerja: - (belum ada saran, belum ditetapkan pejabat penilai) — belum ada saran: " \
           "realisasi belum lengkap" in r
    assert "belum ada saran: atasan belum menilai, belum ada penilaian perilaku" in r
    assert "Predikat: belum lengkap" in r and "Sangat Kurang" not in r and "Di Bawah Ekspektasi" not in r


def test_r4_lebar_80_dan_120(p6, kinerja, monkeypatch):
    for lebar in ("80", "120"):
        monkeypatch.setenv("COLUMNS", lebar)
        t = kinerja("nilai", "-p", "2026", "--unit", "DPMPTSP").stdout
        baris = _rata(t.split(PPPK1)[1].split("\n└")[0].split("│ 1")[0])
        assert "belum ada" in baris and "Ekspektasi" not in baris and "belum lengkap" in baris, (lebar, t)


def test_r4_rekap_dan_distribusi_tanpa_saran(p6, kinerja, tmp_path):
    f = tmp_path / "rekap.xlsx"
    r = kinerja("ekspor", "rekap", f, "-p", "2026")
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(f)["Rekap"]
    kepala = {c.value: i for i, c in enumerate(next(ws.iter_rows(min_row=1, max_row=12)), 0) if c.value}
    teks = {row[1].value: [c.value for c in row] for row in ws.iter_rows() if row[1].value in (PPPK1, STAF1)}
    assert teks, kepala
    baris_pppk = " ".join(str(v) for v in teks[PPPK1] if v is not None)
    assert "Ekspektasi" not in baris_pppk and "Sangat Kurang" not in baris_pppk
    assert "Di Atas Ekspektasi (saran)" in " ".join(str(v) for v in teks[STAF1] if v is not None)
    d = {x["unit"]: x for x in kinerja("distribusi", "-p", "2026", "--format", "json").json()}["DPMPTSP"]
    assert d["sangat_kurang"] == 0 and d["menunggu_realisasi"] == 3  # PPPK1, STAF2, KADIS (no SKP): no predikat yet


def test_r4_periode_ditutup_sebelumnya_tetap_dibaca_sama(p6, kinerja, db_path):
    """A permenpan6 period closed by the code before the fix froze a saran resting on zeros: it reads the same."""
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    with sqlite3.connect(db_path) as c:  # the snapshot as the old code wrote it for PPPK1
        d = json.loads(c.execute("SELECT data FROM hasil_snapshot WHERE periode='2026' AND nip=?", [PPPK1]).fetchone()[0])
        h = d["hasil"]
        h.update(rating_hk="Di Bawah Ekspektasi", rating_hk_turunan="Di Bawah Ekspektasi", rating_pk="Di Bawah Ekspektasi",
                 rating_pk_turunan="Di Bawah Ekspektasi", predikat="Sangat Kurang",
                 sel_matriks="Hasil Kerja Di Bawah Ekspektasi × Perilaku Di Bawah Ekspektasi")
        c.execute("UPDATE hasil_snapshot SET data=? WHERE periode='2026' AND nip=?", [json.dumps(d), PPPK1])
    pppk = _json(kinerja, PPPK1)
    assert (pppk["rating_hasil_kerja"], pppk["rating_perilaku"], pppk["predikat"]) == (
        "Di Bawah Ekspektasi", "Di Bawah Ekspektasi", "Sangat Kurang")
    assert _json(kinerja, STAF1)["predikat"] == "Baik"


# -- R5: the kepala daerah (instansi profile) approves the SKP of the head at the top of the roster ---------

@pytest.fixture
def sekda_skp(db_siap, kinerja):
    """Period 2026 with the approval workflow; the Sekda (no NIP Atasan) has an SKP; the profile names the
    kepala daerah."""
    assert kinerja("periode", "buat", "2026", "--persetujuan-skp", "ya").exit_code == 0
    r = kinerja("sasaran", "tambah", SEKDA, "-p", "2026", "--rhk", "Koordinasi", "--indikator", "Rapat koordinasi",
                "--target", "12", "--bobot", "100", "--satuan", "kali")
    assert r.exit_code == 0, r.output
    assert kinerja("instansi", "--kepala-nama", "H. Erman Safar", "--kepala-jabatan", "Wali Kota").exit_code == 0


def test_r5_kepala_daerah_menerima_dan_menyetujui_skp_sekda(sekda_skp, kinerja):
    def flag():
        return "skp_belum_disetujui" in _json(kinerja, SEKDA)["catatan"]

    assert flag()  # someone can agree to it now: flagged like everyone else
    r = kinerja("sasaran", "ajukan", SEKDA, "-p", "2026")
    assert r.exit_code == 0, r.output
    assert "diajukan kepada kepala daerah (profil instansi), H. Erman Safar (Wali Kota)" in _rata(r.output)
    r = kinerja("sasaran", "setujui", SEKDA, "-p", "2026", "--oleh", KADIS)  # not his pejabat penilai
    assert r.exit_code == 1
    assert ("disetujui oleh pejabat penilainya di luar daftar pegawai, H. Erman Safar (Wali Kota), bukan oleh "
            f"{KADIS}") in _rata(r.stderr) and "--oleh kepala-daerah" in _rata(r.stderr)
    r = kinerja("sasaran", "setujui", SEKDA, "-p", "2026", "--oleh", "Kepala-Daerah")
    assert r.exit_code == 0, r.output
    assert "disetujui oleh H. Erman Safar (Wali Kota)" in _rata(r.output)
    st = kinerja("sasaran", "status", "-p", "2026", "--nip", SEKDA, "--format", "json").json()[0]
    assert (st["status"], st["nama_oleh"]) == ("disetujui", "H. Erman Safar (Wali Kota)")
    assert not flag()


def test_r5_tanpa_kepala_daerah_tidak_ada_yang_menyetujui(db_siap, kinerja):
    assert kinerja("periode", "buat", "2026", "--persetujuan-skp", "ya").exit_code == 0
    assert kinerja("sasaran", "tambah", SEKDA, "-p", "2026", "--rhk", "K", "--indikator", "Rapat", "--target", "12",
                   "--bobot", "100").exit_code == 0
    assert "skp_belum_disetujui" not in _json(kinerja, SEKDA)["catatan"]  # nobody can agree: never flagged
    r = kinerja("sasaran", "setujui", SEKDA, "-p", "2026")
    assert r.exit_code == 1
    t = _rata(r.stderr)
    assert "belum mencatat kepala daerah" in t and 'kinerja instansi --kepala-nama "..."' in t


def test_r5_demo_sekda_dinilai_dan_disetujui_kepala_daerah(demo_sesi, kinerja, tmp_path):
    db = salin_demo(demo_sesi, tmp_path / "demo" / "kinerja-demo.db")
    sekda = [p for p in kinerja("pegawai", "daftar", "--db", db, "-f", "json").json() if not p.get("nip_atasan")]
    assert len(sekda) == 1
    nip = sekda[0]["nip"]
    for kode in ("2026", "2025"):
        b = next(x for x in kinerja("nilai", "-p", kode, "--db", db, "-f", "json").json() if x["nip"] == nip)
        assert "skp_belum_disetujui" not in b["catatan"] and "tanpa_penilaian_atasan" not in b["catatan"], b
    b = next(x for x in kinerja("nilai", "-p", "2026", "--db", db, "-f", "json").json() if x["nip"] == nip)
    assert b["lengkap"] and b["predikat"] == "Baik", b
    st = kinerja("sasaran", "status", "-p", "2026", "--db", db, "--nip", nip, "-f", "json").json()[0]
    assert (st["status"], st["nama_oleh"]) == ("disetujui", "Kepala Daerah Contoh (Wali Kota)")
    assert "Kepala daerah" in demo_sesi[1].stdout


# -- R9: a rater outside the roster is named where the NIP stands, not by the token -----------------------

def test_r9_penilai_luar_bernama_di_rinci_dan_perilaku_daftar(sekda_skp, kinerja, monkeypatch):
    from kinerja_cli.kosakata import ASPEK_BERAKHLAK

    skor = [x for a in ASPEK_BERAKHLAK for x in ("--skor", f"{a}=100")]
    r = kinerja("perilaku", "catat", SEKDA, "-p", "2026", "--penilai", "kepala-daerah", "--peran", "atasan", *skor)
    assert r.exit_code == 0, r.output
    for lebar in ("80", "120"):
        monkeypatch.setenv("COLUMNS", lebar)
        for args in (("perilaku", "daftar", "-p", "2026"), ("nilai", "-p", "2026", "--nip", SEKDA, "--rinci")):
            t = kinerja(*args).stdout
            t = t[max(t.find("2. Perilaku"), 0):]  # --rinci: the perilaku table
            tabel = t[t.index("┏"):t.index("┘")]
            assert "kepala-daerah" not in tabel, (lebar, args, t)
            kolom: dict = {}  # column index -> its cells' text, wrapped lines joined
            for x in tabel.splitlines():
                for i, bagian in enumerate(x.split("│")[1:-1]):
                    kolom[i] = f"{kolom.get(i, '')} {bagian.strip()}"
            assert any("H. Erman Safar (Wali Kota) — kepala daerah" in _rata(k) for k in kolom.values()), (lebar, t)
    monkeypatch.setenv("COLUMNS", "80")
    d = kinerja("perilaku", "daftar", "-p", "2026", "--format", "json").json()[0]
    assert (d["penilai"], d["nama_penilai"]) == ("kepala-daerah", "H. Erman Safar (Wali Kota)")  # scripts: the token


# -- R10: target and realisasi in one number format in `sasaran daftar` -------------------------------------

def test_r10_target_dan_realisasi_satu_format(db_siap, kinerja, monkeypatch):
    assert kinerja("periode", "buat", "2026").exit_code == 0
    for no, target, bobot in (("1", "3000", "60"), ("2", "12,5", "40")):
        r = kinerja("sasaran", "tambah", STAF1, "-p", "2026", "--rhk", f"R{no}", "--indikator", f"Indikator {no}",
                    "--target", target, "--bobot", bobot, "--satuan", "dok")
        assert r.exit_code == 0, r.output
    for no, nilai in (("1", "2951"), ("2", "12,25")):
        assert kinerja("realisasi", "catat", STAF1, "-p", "2026", "--nomor", no, "--nilai", nilai).exit_code == 0
    monkeypatch.setenv("COLUMNS", "120")
    t = kinerja("sasaran", "daftar", "-p", "2026").stdout
    baris = [x.split("│") for x in t.splitlines() if STAF1 in x]
    sel = [[c.strip() for c in b] for b in baris]
    assert any("3.000" in b and "2.951" in b for b in sel), t  # not "3000" beside "2.951,00"
    assert any("12,5" in b and "12,25" in b for b in sel), t
    assert "2.951,00" not in t and "3000" not in t
    d = kinerja("sasaran", "daftar", "-p", "2026", "--format", "json").json()
    assert [(x["target"], x["realisasi"]) for x in d] == [("3000", 2951.0), ("12.5", 12.25)]  # scripts: unchanged


# -- R11: `sasaran salin` names the deactivated employees it leaves out ----------------------------------

def test_r11_salin_menyebut_pegawai_nonaktif(db_siap, kinerja, tmp_path):
    from conftest import HEADER_PEGAWAI, ROSTER, buat_xlsx

    assert kinerja("periode", "buat", "2026").exit_code == 0
    for nip in (STAF1, STAF2, PPPK1):
        assert kinerja("sasaran", "tambah", nip, "-p", "2026", "--rhk", "R", "--indikator", "I", "--target", "1",
                       "--bobot", "100").exit_code == 0
    tanpa_staf2 = [b for b in ROSTER if b[0] != STAF2]  # Dewi Sartika left (pensiun): deactivated
    r = kinerja("pegawai", "impor", buat_xlsx(tmp_path / "r.xlsx", {"Pegawai": [HEADER_PEGAWAI, *tanpa_staf2]}),
                "--nonaktifkan-yang-hilang")
    assert r.exit_code == 0 and "1 dinonaktifkan" in r.output, r.output
    assert kinerja("periode", "buat", "2027").exit_code == 0
    r = kinerja("sasaran", "salin", "--dari", "2026", "--ke", "2027", "--unit", "DPMPTSP")
    assert r.exit_code == 0, r.output
    t = _rata(r.output)
    assert "SKP 2 pegawai (2 baris) disalin dari periode 2026 ke 2027" in t
    assert f"1 pegawai nonaktif tidak disalin: Dewi Sartika ({STAF2})." in t
    d = kinerja("sasaran", "daftar", "-p", "2027", "--format", "json").json()
    assert sorted({x["nip"] for x in d}) == sorted([STAF1, PPPK1])
