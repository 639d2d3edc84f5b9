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
