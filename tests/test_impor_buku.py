"""`kinerja impor BERKAS|FOLDER...`, `templat --per-unit`, `status --kiriman` (issue 17 section 1)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from conftest import KADIS, SEKDA, STAF1, STAF2, buat_xlsx
from kinerja_cli.kolom import PERILAKU, REALISASI, SASARAN
from kinerja_cli.kosakata import ASPEK_BERAKHLAK, NAMA_ASPEK

H_SASARAN = ["NIP", "Nama", "RHK", "Indikator", "Target", "Satuan", "Bobot (%)"]
H_REALISASI = ["NIP", "Nomor", "Realisasi"]
H_PERILAKU = ["NIP", "NIP Penilai", "Peran", *(NAMA_ASPEK[a] for a in ASPEK_BERAKHLAK)]


def _sasaran(nip, target=100):
    return [nip, "", "Izin terbit", "Izin terbit tepat waktu", target, "%", 100]


def _perilaku(nip, penilai, skor=100):
    return [nip, penilai, "atasan", *([skor] * len(ASPEK_BERAKHLAK))]


def _hitung(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as c:
        return c.execute(sql).fetchone()[0]


def _kolom(ws, judul: str) -> int:
    for sel in ws[1]:
        if sel.value == judul:
            return sel.column
    raise AssertionError(f"kolom {judul} tidak ada di {ws.title}")


def _isi_templat(path: Path, realisasi: dict) -> None:
    """Fill a per-unit template as an OPD would: an SKP row for every listed person, the realisation
    of that row, and the atasan's behaviour scores on the pre-filled Perilaku rows."""
    wb = openpyxl.load_workbook(path)
    ws = wb[SASARAN.nama_sheet]
    c = {k.key: _kolom(ws, k.judul) for k in SASARAN.kolom}
    nips = []
    for r in range(2, ws.max_row + 1):
        nip = ws.cell(r, c["nip"]).value
        if not nip:
            continue
        nips.append(str(nip))
        for key, v in (("nomor", 1), ("rhk", "Layanan perizinan"), ("indikator", "Izin terbit tepat waktu"),
                       ("target", 100), ("satuan", "%"), ("bobot", 100)):
            ws.cell(r, c[key], v)
    wr = wb[REALISASI.nama_sheet]
    cr = {k.key: _kolom(wr, k.judul) for k in REALISASI.kolom}
    for i, nip in enumerate(nips, start=2):
        wr.cell(i, cr["nip"], nip)
        wr.cell(i, cr["nomor"], 1)
        wr.cell(i, cr["realisasi"], realisasi.get(nip, 100))
    wp = wb[PERILAKU.nama_sheet]
    cp = {k.key: _kolom(wp, k.judul) for k in PERILAKU.kolom}
    for r in range(2, wp.max_row + 1):
        if wp.cell(r, cp["nip"]).value:
            for a in ASPEK_BERAKHLAK:
                wp.cell(r, cp[a], 100)
    wb.save(path)


def test_akhir_periode_templat_per_unit_impor_folder_lalu_nilai(kinerja, db_periode, tmp_path):
    """The period end of an office: one workbook per unit, filled by each OPD, one `impor`, one `nilai`."""
    kirim = tmp_path / "kirim"
    kirim.mkdir()
    r = kinerja("templat", "--per-unit", kirim, "--periode", "2026")
    assert r.exit_code == 0, r.output
    berkas = sorted(p.name for p in kirim.iterdir())
    assert berkas == ["DPMPTSP_2026.xlsx", "Sekretariat-Daerah_2026.xlsx"]
    assert "2 buku kerja ditulis" in r.output
    for nama in berkas:
        _isi_templat(kirim / nama, {STAF1: 120})
    (kirim / "~$DPMPTSP_2026.xlsx").write_bytes(b"kunci excel")  # Excel's lock file: skipped
    (kirim / "catatan.txt").write_text("bukan buku kerja")

    r = kinerja("impor", kirim, "--periode", "2026")
    assert r.exit_code == 0, r.output
    assert "2 dari 2 buku kerja diimpor" in r.output
    baris = {b["berkas"]: b for b in kinerja("impor", kirim, "--periode", "2026", "--format", "json").json()}
    assert baris["DPMPTSP_2026.xlsx"]["unit"] == "DPMPTSP"
    assert baris["DPMPTSP_2026.xlsx"]["sheet"] == "Sasaran, Realisasi, Perilaku"
    assert baris["DPMPTSP_2026.xlsx"]["tetap"] > 0 and baris["DPMPTSP_2026.xlsx"]["ditambah"] == 0  # again: unchanged

    nilai = {x["nip"]: x for x in kinerja("nilai", "--periode", "2026", "--format", "json").json()}
    # the OPD filled the atasan's scores only: in a pp30 period with penilaian 360 (the default) that
    # is the one thing still missing (PP 30/2019 Pasal 41 ayat 3)
    assert nilai[STAF1]["catatan"] == ["tanpa_penilaian_rekan_bawahan"] and nilai[STAF1]["nhk"] > nilai[STAF2]["nhk"]  # 120 % against 100 %
    assert nilai[STAF2]["catatan"] == ["tanpa_penilaian_rekan_bawahan"] and nilai[STAF2]["predikat"] == "Baik"
    assert _hitung(db_periode, "SELECT COUNT(*) FROM realisasi WHERE periode = '2026'") == 5

    k = {b["unit"]: b for b in kinerja("status", "--periode", "2026", "--kiriman", "--format", "json").json()}
    assert k["DPMPTSP"]["sasaran"] and k["DPMPTSP"]["realisasi"] and k["DPMPTSP"]["perilaku"]
    assert k["Sekretariat Daerah"]["belum"] is False


def test_templat_per_unit_tidak_menimpa_tanpa_timpa(kinerja, db_periode, tmp_path):
    kirim = tmp_path / "kirim"
    kirim.mkdir()
    (kirim / "DPMPTSP_2026.xlsx").write_bytes(b"isian OPD yang sudah kembali")
    r = kinerja("templat", "--per-unit", kirim, "--periode", "2026")
    assert r.exit_code == 1
    assert "1 berkas sudah ada" in r.output and "DPMPTSP_2026.xlsx" in r.output and "--timpa" in r.output
    assert sorted(p.name for p in kirim.iterdir()) == ["DPMPTSP_2026.xlsx"]  # nothing written
    assert (kirim / "DPMPTSP_2026.xlsx").read_bytes() == b"isian OPD yang sudah kembali"
    r = kinerja("templat", "--per-unit", kirim, "--periode", "2026", "--timpa")
    assert r.exit_code == 0, r.output
    assert openpyxl.load_workbook(kirim / "DPMPTSP_2026.xlsx").sheetnames[:2] == ["Petunjuk", "Sasaran"]


def _folder_dengan_satu_ditolak(tmp_path: Path) -> Path:
    folder = tmp_path / "masuk"
    folder.mkdir()
    buat_xlsx(folder / "a-baik.xlsx", {"Sasaran": [H_SASARAN, _sasaran(STAF1)]})
    buat_xlsx(folder / "b-rusak.xlsx", {  # the 3rd sheet fails: nothing of this workbook may stay
        "Sasaran": [H_SASARAN, _sasaran(STAF2)],
        "Realisasi": [H_REALISASI, [STAF2, 1, 90]],
        "Perilaku": [H_PERILAKU, _perilaku(STAF2, KADIS, skor=999)],
    })
    return folder


def test_buku_kerja_ditolak_tidak_ditulis_sama_sekali_yang_lain_diimpor(kinerja, db_periode, tmp_path):
    folder = _folder_dengan_satu_ditolak(tmp_path)
    kembali = tmp_path / "kembali"
    kembali.mkdir()
    r = kinerja("impor", folder, "--periode", "2026", "--tandai-folder", kembali)
    assert r.exit_code == 1
    assert "1 dari 2 buku kerja diimpor; 1 ditolak" in r.output and "b-rusak.xlsx" in r.output
    assert "ditolak (sheet Perilaku)" in r.output
    # a-baik imported; not one row of b-rusak (its Sasaran and Realisasi sheets were fine)
    assert _hitung(db_periode, f"SELECT COUNT(*) FROM sasaran WHERE nip = '{STAF1}'") == 1
    assert _hitung(db_periode, f"SELECT COUNT(*) FROM sasaran WHERE nip = '{STAF2}'") == 0
    assert _hitung(db_periode, f"SELECT COUNT(*) FROM realisasi WHERE nip = '{STAF2}'") == 0
    assert _hitung(db_periode, f"SELECT COUNT(*) FROM audit WHERE nip = '{STAF2}' AND tabel != 'pegawai'") == 0
    # the marked copy for the OPD: the bad score cell red, with its comment
    tanda = kembali / "b-rusak.galat.xlsx"
    assert tanda.exists()
    ws = openpyxl.load_workbook(tanda)["Perilaku"]
    sel = ws["D2"]
    assert sel.fill.start_color.rgb == "FFFFC7CE" and "999" in sel.comment.text


def test_uji_coba_tidak_menulis_apa_pun(kinerja, db_periode, tmp_path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    buat_xlsx(folder / "dpmptsp.xlsx", {
        "Sasaran": [H_SASARAN, _sasaran(STAF1), _sasaran(STAF2)],
        "Realisasi": [H_REALISASI, [STAF1, 1, 90], [STAF2, 1, 80]],
    })
    audit_awal = _hitung(db_periode, "SELECT COUNT(*) FROM audit")
    r = kinerja("impor", folder, "--periode", "2026", "--dry-run")
    assert r.exit_code == 0, r.output
    assert "uji coba" in r.output and "1 dari 1 buku kerja dapat diimpor" in r.output
    b = kinerja("impor", folder, "--periode", "2026", "--dry-run", "--format", "json").json()[0]
    assert (b["ditambah"], b["sheet"]) == (4, "Sasaran, Realisasi")  # realisations checked against the new targets
    assert _hitung(db_periode, "SELECT COUNT(*) FROM sasaran") == 0
    assert _hitung(db_periode, "SELECT COUNT(*) FROM realisasi") == 0
    assert _hitung(db_periode, "SELECT COUNT(*) FROM audit") == audit_awal


def test_realisasi_sebelum_sasaran_di_buku_yang_sama_tetap_diimpor(kinerja, db_periode, tmp_path):
    f = buat_xlsx(tmp_path / "terbalik.xlsx", {
        "Capaian": [H_REALISASI, [STAF1, 1, 75]],  # named otherwise: recognised by its headers
        "SKP": [H_SASARAN, _sasaran(STAF1)],
    })
    r = kinerja("impor", f, "--periode", "2026")
    assert r.exit_code == 0, r.output
    with sqlite3.connect(db_periode) as c:
        assert c.execute("SELECT nilai FROM realisasi WHERE nip = ? AND nomor = 1", [STAF1]).fetchone()[0] == "75"
    b = kinerja("impor", f, "--periode", "2026", "--format", "json").json()[0]
    assert b["sheet"] == "Sasaran, Realisasi"


def test_sheet_tidak_dikenali_dilaporkan(kinerja, db_periode, tmp_path):
    f = buat_xlsx(tmp_path / "dpmptsp.xlsx", {
        "Sasaran": [H_SASARAN, _sasaran(STAF1)],
        "Catatan Rapat": [["Tanggal", "Agenda"], ["2026-03-01", "Evaluasi"]],
        "Kosong": [],
    })
    r = kinerja("impor", f, "--periode", "2026")
    assert r.exit_code == 0, r.output
    assert "Catatan Rapat" in r.output and "Sheet tidak dikenali" in r.output
    assert "Kosong" not in r.output
    assert "1 peringatan" in r.output
    assert _hitung(db_periode, f"SELECT COUNT(*) FROM sasaran WHERE nip = '{STAF1}'") == 1


def test_sheet_bernama_data_tanpa_kolom_wajib_menolak_buku(kinerja, db_periode, tmp_path):
    f = buat_xlsx(tmp_path / "dpmptsp.xlsx", {
        "Sasaran": [H_SASARAN, _sasaran(STAF1)],
        "Realisasi": [["NIP", "Nomor", "Capaian Kita"], [STAF1, 1, 75]],
    })
    r = kinerja("impor", f, "--periode", "2026")
    assert r.exit_code == 1
    assert "Sheet 'Realisasi' di dpmptsp.xlsx: kolom wajib tidak ditemukan: Realisasi" in r.output
    assert _hitung(db_periode, "SELECT COUNT(*) FROM sasaran") == 0


def test_folder_tanpa_buku_kerja(kinerja, db_periode, tmp_path):
    kosong = tmp_path / "kosong"
    kosong.mkdir()
    (kosong / ".tersembunyi.xlsx").write_bytes(b"x")
    r = kinerja("impor", kosong, "--periode", "2026")
    assert r.exit_code == 1
    assert f"Folder {kosong} tidak berisi buku kerja .xlsx" in r.output


def test_status_kiriman_menandai_unit_yang_belum_mengirim(kinerja, db_periode, tmp_path):
    f = buat_xlsx(tmp_path / "dpmptsp.xlsx", {"Sasaran": [H_SASARAN, _sasaran(STAF1)]})
    assert kinerja("impor", f, "--periode", "2026").exit_code == 0
    assert kinerja("impor", f, "--periode", "2026").exit_code == 0  # sent again unchanged: still a receipt
    k = {b["unit"]: b for b in kinerja("status", "-p", "2026", "--kiriman", "--format", "json").json()}
    assert k["DPMPTSP"]["sasaran"] and k["DPMPTSP"]["realisasi"] is None and not k["DPMPTSP"]["belum"]
    assert k["Sekretariat Daerah"]["belum"] is True
    r = kinerja("status", "-p", "2026", "--kiriman")
    assert "belum mengirim" in r.output and "Belum mengirim apa pun: 1 dari 2 unit" in r.output
    assert _hitung(db_periode, "SELECT COUNT(*) FROM audit WHERE tabel = 'kiriman'") == 2


def _jalankan_pty(args, env, stdout_tty: bool) -> str:
    """Run kinerja with stderr on a pseudo-terminal (and stdout on one too, or a pipe); return stderr."""
    import pty

    m_err, s_err = pty.openpty()
    m_out, s_out = pty.openpty() if stdout_tty else (None, subprocess.PIPE)
    p = subprocess.Popen([sys.executable, "-m", "kinerja_cli", *map(str, args)], stdout=s_out, stderr=s_err,
                         env=env)
    os.close(s_err)
    if stdout_tty:
        os.close(s_out)
    keluar = []

    def baca(fd):
        hasil = b""
        while True:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            hasil += data
        return hasil

    if stdout_tty:
        import threading

        t = threading.Thread(target=lambda: keluar.append(baca(m_out)))
        t.start()
        err = baca(m_err)
        t.join(20)
    else:
        err = baca(m_err)
        p.stdout.read()
    p.wait(20)
    return err.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
def test_bilah_kemajuan_hanya_di_terminal(kinerja, db_periode, tmp_path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    buat_xlsx(folder / "dpmptsp.xlsx", {"Sasaran": [H_SASARAN, _sasaran(STAF1)]})
    env = {**os.environ, "KINERJA_DB": str(db_periode), "TERM": "xterm", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    dipipa = _jalankan_pty(["impor", folder, "--periode", "2026", "--dry-run"], env, stdout_tty=False)
    assert "1 dari 1 buku kerja dapat diimpor" in dipipa
    assert "Mengimpor" not in dipipa and "━" not in dipipa.split("Impor periode")[0]
    terminal = _jalankan_pty(["impor", folder, "--periode", "2026", "--dry-run"], env, stdout_tty=True)
    assert "Mengimpor" in terminal
