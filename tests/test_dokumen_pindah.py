"""Re-tester findings of issue 16 (temuan16c): a closed period's listings and documents after a roster move,
the pejabat penilai outside the roster named, who wrote the recommendation, the printed pages."""

from __future__ import annotations

import openpyxl
from conftest import HEADER_PEGAWAI, KADIS, ROSTER, SEKDA, STAF1, buat_xlsx
from test_dokumen_form import _siap


def _pindah(kinerja, tmp_path, nip=STAF1, unit="Sekretariat Daerah", atasan=SEKDA):
    """Re-import the roster with `nip` moved to `unit` under `atasan`."""
    baris = [[*r[:5], unit, atasan, r[7]] if r[0] == nip else r for r in ROSTER]
    f = buat_xlsx(tmp_path / "pindah.xlsx", {"Pegawai": [HEADER_PEGAWAI, *baris]})
    r = kinerja("pegawai", "impor", f)
    assert r.exit_code == 0, r.output


def test_evaluasi_daftar_of_a_closed_period_shows_the_unit_at_close(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    assert kinerja("evaluasi", "catat", STAF1, "-p", "2026", "--rekomendasi", "Ikutkan pelatihan").exit_code == 0
    assert kinerja("periode", "tutup", "2026", "--ya").exit_code == 0
    _pindah(kinerja, tmp_path)
    r = kinerja("evaluasi", "daftar", "-p", "2026", "--format", "json")
    assert [(x["nip"], x["unit"], x["oleh"], x["nama_oleh"]) for x in r.json()] == [
        (STAF1, "DPMPTSP", KADIS, "Budi Santoso, S.E.")]
    r = kinerja("evaluasi", "daftar", "-p", "2026", "--unit", "DPMPTSP", "--format", "json")
    assert [x["nip"] for x in r.json()] == [STAF1]
    r = kinerja("evaluasi", "daftar", "-p", "2026", "--unit", "Sekretariat Daerah", "--format", "json")
    assert r.exit_code == 0 and r.json() == []
    # reopened: the current roster again
    assert kinerja("periode", "buka", "2026", "--alasan", "koreksi").exit_code == 0
    r = kinerja("evaluasi", "daftar", "-p", "2026", "--format", "json")
    assert [(x["nip"], x["unit"]) for x in r.json()] == [(STAF1, "Sekretariat Daerah")]


def test_closed_period_document_takes_the_year_jp_frozen_at_close(db_siap, kinerja, db_path, tmp_path):
    from data_nilai import isi

    assert kinerja("periode", "buat", "2026-T1", "--metode", "pp30").exit_code == 0
    isi(db_path, kode="2026-T1")
    assert kinerja("pelatihan", "catat", STAF1, "--kegiatan", "Bimtek SAKIP", "--jenis", "pelatihan",
                   "--tanggal", "2026-02-10", "--jp", "8").exit_code == 0
    assert kinerja("periode", "tutup", "2026-T1", "--ya").exit_code == 0
    f = tmp_path / "citra.xlsx"

    def tindak_lanjut() -> str | None:
        assert kinerja("ekspor", "dokumen", STAF1, f, "-p", "2026-T1", "--timpa").exit_code == 0
        ws = openpyxl.load_workbook(f).active
        return next((c.value for row in ws.iter_rows() for c in row
                    if isinstance(c.value, str) and c.value.startswith("Tindak lanjut")), None)

    sebelum = tindak_lanjut()
    assert "8 JP dari minimal 20 JP (kurang 12 JP)" in sebelum
    # hours dated later in the same year (outside the closed quarter: accepted) leave the closed document as it was
    r = kinerja("pelatihan", "catat", STAF1, "--kegiatan", "Diklat PIM", "--jenis", "pelatihan",
                "--tanggal", "2026-08-10", "--jp", "30")
    assert r.exit_code == 0, r.output
    assert tindak_lanjut() == sebelum


def test_evaluasi_names_the_pejabat_penilai_outside_the_roster(db_siap, kinerja, db_path):
    _siap(kinerja, db_path, "permenpan6")
    r = kinerja("evaluasi", "catat", SEKDA, "-p", "2026", "--rekomendasi", "Pertahankan koordinasi")
    assert r.exit_code == 0 and "Peringatan" not in r.output
    assert "Pejabat penilai: H. Eka Putra, S.E., M.M. (Bupati)." in " ".join(r.output.split())
    r = kinerja("evaluasi", "daftar", "-p", "2026", "--format", "json")
    assert [(x["nip"], x["oleh"], x["nama_oleh"]) for x in r.json()] == [
        (SEKDA, None, "H. Eka Putra, S.E., M.M. (Bupati)")]
    # an atasan luar recorded for him comes first (services.atasan_luar.pejabat_luar, the one rule)
    assert kinerja("pegawai", "atasan-luar", SEKDA, "--nama", "Drs. Pj. Bupati", "--jabatan", "Penjabat Bupati").exit_code == 0
    r = kinerja("evaluasi", "daftar", "-p", "2026", "--format", "json")
    assert r.json()[0]["nama_oleh"] == "Drs. Pj. Bupati (Penjabat Bupati)"


def test_evaluasi_catat_without_any_pejabat_penilai_warns_how_to_record_one(db_siap, kinerja, db_path):
    _siap(kinerja, db_path, "permenpan6", profil=False)
    r = kinerja("evaluasi", "catat", SEKDA, "-p", "2026", "--rekomendasi", "Pertahankan koordinasi")
    pesan = " ".join(r.stderr.split())
    assert r.exit_code == 0 and "tidak ada pejabat penilai di luar daftar (atasan luar atau kepala daerah)" in pesan
    assert "kinerja pegawai atasan-luar NIP" in pesan and "kinerja instansi --kepala-nama" in pesan


def test_document_names_who_wrote_the_recommendation_after_a_roster_move(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path)
    assert kinerja("evaluasi", "catat", STAF1, "-p", "2026", "--rekomendasi", "Ikutkan pelatihan").exit_code == 0
    _pindah(kinerja, tmp_path)  # Citra now under the Sekda: he signs, the Kadis wrote
    f = tmp_path / "citra.xlsx"
    r = kinerja("ekspor", "dokumen", STAF1, f, "-p", "2026")
    pesan = " ".join(r.stderr.split())
    assert r.exit_code == 0
    assert (f"CATATAN/REKOMENDASI Citra Lestari ({STAF1}) periode 2026 ditulis oleh Budi Santoso, S.E. ({KADIS}), "
            f"bukan pejabat penilai yang menandatangani dokumen, Drs. H. Ahmad Yani ({SEKDA})") in pesan
    assert f'kinerja evaluasi catat {STAF1} -p 2026 --rekomendasi "..."' in pesan
    ws = openpyxl.load_workbook(f).active
    judul = next(c for row in ws.iter_rows() for c in row if c.value == "CATATAN/REKOMENDASI")
    assert ws.cell(row=judul.row + 1, column=1).value == "Ikutkan pelatihan"
    assert ws.cell(row=judul.row + 2, column=1).value == (
        "Ditulis oleh Budi Santoso, S.E. (NIP. 19800101 200501 1 002), bukan pejabat penilai kinerja yang "
        "menandatangani dokumen ini.")
    assert any(str(m).startswith(f"A{judul.row + 2}:") for m in ws.merged_cells.ranges)
    # written again by the signing pejabat penilai: no note, no warning
    assert kinerja("evaluasi", "catat", STAF1, "-p", "2026", "--rekomendasi", "Ikutkan pelatihan").exit_code == 0
    r = kinerja("ekspor", "dokumen", STAF1, f, "-p", "2026", "--timpa")
    assert r.exit_code == 0 and "ditulis oleh" not in r.stderr
    ws = openpyxl.load_workbook(f).active
    assert not any(isinstance(c.value, str) and c.value.startswith("Ditulis oleh") for row in ws.iter_rows() for c in row)


def _kanan_dari(ws, label):
    c = next(c for row in ws.iter_rows() for c in row if c.value == label)
    return ws.cell(row=c.row, column=5).value


def test_pangkat_one_printed_form_and_a_missing_score_is_not_zero(db_siap, kinerja, db_path, tmp_path):
    _siap(kinerja, db_path, "permenpan6")
    # the Sekda: no SKP row and no behaviour score recorded: NHK and NPK are missing, not 0
    f = tmp_path / "sekda.xlsx"
    assert kinerja("ekspor", "dokumen", SEKDA, f, "-p", "2026").exit_code == 0
    ws = openpyxl.load_workbook(f).active
    assert _kanan_dari(ws, "NILAI HASIL KERJA (NHK)") == "-"
    assert _kanan_dari(ws, "NILAI PERILAKU KERJA (NPK)") == "-"
    # the pangkat: documents and the recap's signature print it one way, 'Pembina Utama Muda (IV/c)'
    f = tmp_path / "citra.xlsx"
    assert kinerja("ekspor", "dokumen", STAF1, f, "-p", "2026").exit_code == 0
    ws = openpyxl.load_workbook(f).active
    teks = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Pembina Utama Muda (IV/c)" in teks and "Penata Muda (III/a)" in teks
    assert not any(", IV/" in t or ", III/" in t for t in teks)
    assert _kanan_dari(ws, "NILAI PERILAKU KERJA (NPK)") not in (None, "-")  # Citra was scored
    assert kinerja("instansi", "--ttd-jabatan", "Kepala BKPSDM", "--ttd-nama", "Budi Santoso, S.E.",
                   "--ttd-nip", KADIS, "--ttd-pangkat", "Pembina Utama Muda, IV/c").exit_code == 0
    f = tmp_path / "rekap.xlsx"
    assert kinerja("ekspor", "rekap", f, "-p", "2026").exit_code == 0
    ws = openpyxl.load_workbook(f)["Ringkasan"]
    ttd = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "Kepala BKPSDM" in c.value]
    assert len(ttd) == 1 and "\nBudi Santoso, S.E.\nPembina Utama Muda (IV/c)\nNIP. 19800101 200501 1 002" in ttd[0]


def test_ringkasan_info_lines_wrap_within_the_table_and_dampak_marks_a_single_period(db_siap, kinerja, db_path,
                                                                                     tmp_path):
    from conftest import HEADER_PEGAWAI as H

    _siap(kinerja, db_path)
    baru = [[f"198101012005011{i + 1:03d}", f"Pegawai Baru Dengan Nama Panjang {i}, S.Kom.", "Analis", "pelaksana",
             "III/a", "DPMPTSP", KADIS, "PNS"] for i in range(12)]
    assert kinerja("pegawai", "impor", buat_xlsx(tmp_path / "p.xlsx", {"Pegawai": [H, *ROSTER, *baru]})).exit_code == 0
    assert kinerja("layanan", "indikator", "tambah", "DPMPTSP", "--nama", "Waktu izin", "--satuan", "hari",
                   "--arah", "turun").exit_code == 0
    assert kinerja("layanan", "catat", "DPMPTSP", "--indikator", "1", "-p", "2026", "--nilai", "4").exit_code == 0
    f = tmp_path / "rekap.xlsx"
    assert kinerja("ekspor", "rekap", f, "-p", "2026").exit_code == 0
    wb = openpyxl.load_workbook(f)
    ws = wb["Ringkasan"]
    lebar = sum(ws.column_dimensions[c].width for c in "ABCDEFGHIJKLMNO")
    kepala = next(c.row for c in ws["A"] if c.value == "Unit Kerja")
    info = [c.value for c in ws["A"][:kepala - 1] if isinstance(c.value, str)]
    assert all(len(t) <= lebar for t in info), max(map(len, info))
    teks = " ".join(" ".join(info).split())
    assert "Belum punya data:" in teks and "Pegawai Baru Dengan Nama Panjang 0, S.Kom. (DPMPTSP)" in teks
    assert "dan 3 lainnya" in teks
    # Dampak, one period: the line chart's series carries markers (a single point draws no line)
    dp = wb["Dampak"]
    assert len(dp._charts) == 1
    assert [s.marker.symbol for s in dp._charts[0].series] == ["circle"]


def test_ekspor_skp_help_names_the_lampiran_commands(kinerja, db_path):
    r = kinerja("ekspor", "skp", "--help")
    teks = " ".join(r.stdout.split())
    assert r.exit_code == 0 and "lampiran (diisi tangan)" not in teks
    assert "kinerja sasaran lampiran" in teks and "kinerja sasaran ekspektasi" in teks


def test_a_context_frozen_with_the_old_pangkat_form_prints_the_one_form():
    from kinerja_cli.services.beku import _pangkat_satu_bentuk

    k = _pangkat_satu_bentuk({"atasan": {"nama": "Budi", "pangkat": "Pembina Utama Muda, IV/c"},
                              "atasan_atasan": {"nama": "Bupati", "pangkat": None}, "umpan_balik": []})
    assert k["atasan"]["pangkat"] == "Pembina Utama Muda (IV/c)" and k["atasan_atasan"]["pangkat"] is None
