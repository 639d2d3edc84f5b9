"""Tester 16's findings (recap Pengembangan, closed-period listings, the profile frozen at close,
document details), each checked as a user would read it."""

from __future__ import annotations

import sqlite3

import openpyxl

from conftest import HEADER_PEGAWAI, KADIS, PPPK1, ROSTER, SEKDA, STAF1, STAF2, buat_xlsx
from data_nilai import isi


def _pengembangan(berkas) -> dict[str, list]:
    """NIP -> the row of the recap's Pengembangan sheet (values)."""
    ws = openpyxl.load_workbook(berkas)["Pengembangan"]
    return {r[1]: list(r) for r in ws.iter_rows(min_row=5, values_only=True) if r[1]}


def _keluar(kinerja, db_path, tmp_path):
    """Period 2026 (pp30) with the hand-computed data; 4 JP for STAF2, who then leaves DPMPTSP (a roster
    import without him); SEKDA (no data in 2026) is deactivated too."""
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_path)
    assert kinerja("pelatihan", "catat", STAF2, "--kegiatan", "Seminar SAKIP", "--jenis", "seminar",
                   "--tanggal", "2026-04-02", "--jp", "4").exit_code == 0
    f = buat_xlsx(tmp_path / "pegawai-baru.xlsx",
                  {"Pegawai": [HEADER_PEGAWAI, *[r for r in ROSTER if r[0] not in (STAF2, SEKDA)]]})
    r = kinerja("pegawai", "impor", str(f), "--nonaktifkan-yang-hilang")
    assert r.exit_code == 0, r.output
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE pegawai SET aktif = 0 WHERE nip = ?", [SEKDA])


def test_b1_pengembangan_lists_who_left_with_data_marked_nonaktif(db_siap, kinerja, db_path, tmp_path):
    _keluar(kinerja, db_path, tmp_path)
    d = {b["nip"]: b for b in kinerja("pelatihan", "rekap", "--tahun", "2026", "--format", "json").json()}
    assert STAF2 in d and SEKDA not in d  # SEKDA: inactive, nothing recorded in 2026
    assert d[STAF2]["jp"] == 4 and d[STAF2]["aktif"] is False and d[STAF1]["aktif"] is True
    t = kinerja("pelatihan", "rekap", "--tahun", "2026")
    assert "4 pegawai;" in t.stdout.replace("\n", " ")
    baris = t.stdout.splitlines()
    i = [n for n, x in enumerate(baris) if STAF2 in x][0]
    assert "Dewi Sartika" in baris[i] and "(nonaktif)" in baris[i] + baris[i + 1] and t.stdout.count("(nonaktif)") == 1
    for tahap in ("terbuka", "ditutup"):
        rekap = tmp_path / f"rekap-{tahap}.xlsx"
        assert kinerja("ekspor", "rekap", str(rekap), "--periode", "2026").exit_code == 0
        peng = _pengembangan(rekap)
        assert set(peng) == {KADIS, STAF1, STAF2, PPPK1}, tahap
        assert peng[STAF2][6] == 4 and peng[STAF2][10].startswith("pegawai nonaktif; kurang 16 JP")
        ringkasan = " ".join(str(c) for row in openpyxl.load_workbook(rekap)["Ringkasan"].iter_rows(values_only=True)
                             for c in row if c)
        assert "Jumlah pegawai: 4" in ringkasan
        sub = openpyxl.load_workbook(rekap)["Pengembangan"]["A2"].value
        assert " 4 pegawai;" in sub, sub
        dok = tmp_path / f"dok-{tahap}.xlsx"  # his document counts his hours too (one read of the year's JP)
        assert kinerja("ekspor", "dokumen", STAF2, str(dok), "--periode", "2026").exit_code == 0
        teks = [c for row in openpyxl.load_workbook(dok).active.iter_rows(values_only=True) for c in row if c]
        assert any("Pengembangan kompetensi tahun 2026: 4 JP dari minimal 20 JP (kurang 16 JP)" in str(c) for c in teks)
        if tahap == "terbuka":
            assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0


def test_b2_pelatihan_rekap_of_a_closed_period_shows_the_state_at_close(db_siap, kinerja, db_path, tmp_path):
    _keluar(kinerja, db_path, tmp_path)
    assert kinerja("pelatihan", "catat", STAF1, "--kegiatan", "Bimtek SAKIP", "--jenis", "pelatihan",
                   "--tanggal", "2026-03-15", "--jp", "8").exit_code == 0
    terbuka = kinerja("pelatihan", "rekap", "-p", "2026", "--format", "json").json()
    assert terbuka == kinerja("pelatihan", "rekap", "--tahun", "2026", "--format", "json").json()
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    with sqlite3.connect(db_path) as c:  # after closing, STAF1 moves to BKPSDM
        c.execute("UPDATE pegawai SET unit = 'BKPSDM', nip_atasan = ? WHERE nip = ?", [SEKDA, STAF1])

    r = kinerja("pelatihan", "rekap", "-p", "2026", "--format", "json")
    d = {b["nip"]: b for b in r.json()}
    assert d[STAF1]["unit"] == "DPMPTSP" and d[STAF1]["jp"] == 8 and d[STAF2]["aktif"] is False
    assert r.json() == terbuka  # the listing of the closed period is what it was at close
    unit = kinerja("pelatihan", "rekap", "-p", "2026", "--unit", "DPMPTSP", "--format", "json").json()
    assert STAF1 in {b["nip"] for b in unit}
    t = kinerja("pelatihan", "rekap", "--periode", "2026")
    assert "Rekap pengembangan kompetensi 2026 (periode 2026)" in t.stdout.replace("\n", " ")
    assert "BKPSDM" not in t.stdout
    # the year's listing is today's data, and says where the frozen one is
    r = kinerja("pelatihan", "rekap", "--tahun", "2026", "--format", "json")
    assert {b["nip"]: b["unit"] for b in r.json()}[STAF1] == "BKPSDM"
    assert ("Periode 2026 sudah ditutup; rekap per tahun ini memakai data terkini (unit kerja saat ini). "
            "Rekap seperti saat periode ditutup: kinerja pelatihan rekap --periode 2026") in " ".join(r.stderr.split())
    r = kinerja("pelatihan", "rekap", "--tahun", "2026", "-p", "2026")
    assert r.exit_code == 1 and "--tahun dan --periode tidak dapat dipakai bersama" in r.stderr
    r = kinerja("pelatihan", "rekap", "-p", "2026", "--unit", "Dinas Entah")
    assert r.exit_code == 1 and "Unit kerja 'Dinas Entah' tidak ditemukan" in r.stderr


def _semua_sel(berkas) -> dict:
    """sheet -> every non-empty cell by coordinate (the "Dibuat: <time>" line left out), plus the images."""
    wb = openpyxl.load_workbook(berkas)
    return {ws.title: ({c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None
                        and not (isinstance(c.value, str) and c.value.startswith("Dibuat: "))},
                       len(getattr(ws, "_images", ()))) for ws in wb.worksheets}


def _keluaran(kinerja, tmp_path, nama: str) -> list[dict]:
    rekap, dok, skp = (tmp_path / f"{x}-{nama}.xlsx" for x in ("rekap", "dok", "skp"))
    for args in (("rekap", str(rekap), "--per-unit"), ("dokumen", KADIS, str(dok), "--tanggal", "2027-01-10"),
                 ("skp", STAF1, str(skp), "--tanggal", "2026-01-05")):
        r = kinerja("ekspor", *args, "--periode", "2026")
        assert r.exit_code == 0, r.output
    return [_semua_sel(x) for x in (rekap, dok, skp)]


def test_c1_profile_and_short_names_frozen_with_the_closed_period(db_siap, kinerja, db_path, tmp_path):
    from test_instansi import _png, _profil

    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_path)
    _profil(kinerja, tmp_path)
    assert kinerja("unit", "singkatan", "DPMPTSP", "DPM-PTSP").exit_code == 0
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    rekap, dok, skp = sebelum = _keluaran(kinerja, tmp_path, "sebelum")
    assert "DPM-PTSP" in rekap  # the per-unit sheet under its short name at close
    isi_rekap = " ".join(str(v) for s, _ in rekap.values() for v in s.values())
    assert "Batusangkar" in isi_rekap and "Yusnita, S.H." in isi_rekap

    # after closing: another place, signatory, kepala daerah, kop and logo; the short name changed
    logo = tmp_path / "logo-baru.png"
    logo.write_bytes(_png(80, 40))
    r = kinerja("instansi", "--tempat", "Padang", "--ttd-nama", "Rina, S.Sos.", "--kepala-nama", "Budi Baru",
                "--pemda", "Pemerintah Kota Padang", "--logo", str(logo))
    assert r.exit_code == 0, r.output
    assert ('Periode yang sudah ditutup (2026) tetap memakai profil dan singkatan unit saat ditutup. Bila perubahan '
            'ini perlu tampil di sana: kinerja periode buka 2026 --alasan "..." lalu tutup lagi.') in " ".join(r.stderr.split())
    r = kinerja("unit", "singkatan", "DPMPTSP", "PTSP")
    assert r.exit_code == 0 and "tetap memakai profil dan singkatan unit saat ditutup" in " ".join(r.stderr.split())
    assert _keluaran(kinerja, tmp_path, "sesudah") == sebelum

    # reopened and closed again: the new profile is frozen
    assert kinerja("periode", "buka", "2026", "--alasan", "profil baru").exit_code == 0
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    rekap, dok, _ = _keluaran(kinerja, tmp_path, "lagi")
    assert "PTSP" in rekap and "DPM-PTSP" not in rekap
    assert "Padang" in " ".join(str(v) for s, _ in dok.values() for v in s.values())


def test_c1_period_closed_before_the_profile_was_frozen_uses_the_current_one(db_siap, kinerja, db_path, tmp_path):
    from test_instansi import _profil

    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_path)
    _profil(kinerja, tmp_path)
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    with sqlite3.connect(db_path) as c:  # what the version before this change froze: everything but the profile
        c.execute("DELETE FROM periode_beku WHERE bagian = 'profil'")
    r = kinerja("instansi", "--tempat", "Padang")
    assert r.exit_code == 0 and "tetap memakai profil" not in r.stderr
    _, dok, _ = _keluaran(kinerja, tmp_path, "kini")
    teks = " ".join(str(v) for s, _ in dok.values() for v in s.values())
    assert "Padang" in teks and "Batusangkar" not in teks


def test_c2_aspect_score_note_sits_under_the_behaviour_table(db_siap, kinerja, db_path, tmp_path):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_path)
    dok = tmp_path / "dok.xlsx"
    assert kinerja("ekspor", "dokumen", STAF1, str(dok), "--periode", "2026").exit_code == 0
    ws = openpyxl.load_workbook(dok)["Dokumen Evaluasi"]
    baris = {str(ws.cell(r, 1).value): r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value is not None}
    skor = [r for t, r in baris.items() if t.startswith("Skor aspek: rata-rata penilai per peran")][0]
    npk = [r for t, r in baris.items() if t.startswith("NILAI PERILAKU KERJA (NPK)")][0]
    assert npk < skor < baris["CATATAN/REKOMENDASI"]
    assert skor < [r for t, r in baris.items() if t.startswith("PREDIKAT KINERJA PEGAWAI")][0]


def test_c3_pengembangan_data_rows_one_vertical_alignment(db_siap, kinerja, db_path, tmp_path):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_path)
    rekap = tmp_path / "rekap.xlsx"
    assert kinerja("ekspor", "rekap", str(rekap), "--periode", "2026").exit_code == 0
    ws = openpyxl.load_workbook(rekap)["Pengembangan"]
    for row in ws.iter_rows(min_row=5, max_row=ws.max_row):
        assert {c.alignment.vertical for c in row} == {"top"}, [(c.coordinate, c.alignment.vertical) for c in row]
    # and written through the cell path (a workbook of its own) the same
    from kinerja_cli.excel import lembar_pengembangan
    from kinerja_cli.services.pelatihan import rekap as rekap_jp
    from kinerja_cli.store.db import buka_db

    wb = openpyxl.Workbook(write_only=True)
    lembar_pengembangan.tulis(wb, rekap_jp(buka_db(db_path), 2026), 2026)
    wb.save(tmp_path / "p.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "p.xlsx")["Pengembangan"]
    assert ws.max_row > 5
    for row in ws.iter_rows(min_row=5, max_row=ws.max_row):
        assert {c.alignment.vertical for c in row} == {"top"}


def test_c4_no_doubled_full_stop_after_a_name_ending_in_a_title(db_siap, kinerja):
    # KADIS is "Budi Santoso, S.E.": the sentence ends with his name
    r = kinerja("pelatihan", "catat", KADIS, "--kegiatan", "Bimtek", "--jenis", "pelatihan", "--tanggal", "2026-03-15",
                "--jp", "8")
    assert r.exit_code == 0
    assert "untuk Budi Santoso, S.E." in r.stderr and "S.E.." not in r.stderr
    r = kinerja("pelatihan", "catat", KADIS, "--kegiatan", "Bimtek", "--jenis", "pelatihan", "--tanggal", "2026-03-15",
                "--jp", "8")
    assert "Sudah tercatat, tidak ada perubahan" in r.stderr and "S.E.." not in r.stderr


def test_c4_message_rule_keeps_an_ellipsis():
    from kinerja_cli.output import _pesan

    assert _pesan(None, None, "untuk Andi Saputra, S.T..").plain == "untuk Andi Saputra, S.T."
    assert _pesan(None, None, "untuk Andi, S.T.. Lalu").plain == "untuk Andi, S.T. Lalu"
    assert _pesan(None, None, 'buka --alasan "..." lalu...').plain == 'buka --alasan "..." lalu...'
    assert _pesan(None, None, "lihat ../data").plain == "lihat ../data"


def _judul_cetak(ws) -> str | None:
    return ws.print_title_rows


def test_c5_ringkasan_repeats_its_header_when_the_table_runs_over_one_page(db_siap, kinerja, db_path, tmp_path):
    assert kinerja("periode", "buat", "2026", "--metode", "pp30").exit_code == 0
    isi(db_path)
    kecil = tmp_path / "kecil.xlsx"
    assert kinerja("ekspor", "rekap", str(kecil), "--periode", "2026").exit_code == 0
    assert openpyxl.load_workbook(kecil)["Ringkasan"].print_title_rows is None  # one page: not over the charts
    banyak = [[f"198101012005011{i + 1:03d}", f"Pegawai {i}", "Analis",
               "pelaksana", "III/a", f"Dinas Nomor {i:02d}", None, "PNS"] for i in range(45)]
    f = buat_xlsx(tmp_path / "banyak.xlsx", {"Pegawai": [HEADER_PEGAWAI, *ROSTER, *banyak]})
    r = kinerja("pegawai", "impor", str(f))
    assert r.exit_code == 0, r.output
    besar = tmp_path / "besar.xlsx"
    assert kinerja("ekspor", "rekap", str(besar), "--periode", "2026").exit_code == 0
    ws = openpyxl.load_workbook(besar)["Ringkasan"]
    kepala = [c.row for c in ws["A"] if c.value == "Unit Kerja"][0]
    assert ws.print_title_rows == f"${kepala}:${kepala}"
    assert sum(1 for c in ws["A"] if isinstance(c.value, str) and c.value.startswith("Dinas Nomor")) == 45
