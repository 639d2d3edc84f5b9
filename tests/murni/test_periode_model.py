"""The period (model.Periode): a frozen record read by attribute, its stored parameter kept as stored."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from kinerja_cli.model import KOLOM_PERIODE, Periode

PARAM = {"penilaian_360": "tidak", "bobot_peran": {"atasan": "50", "rekan": "25", "bawahan": "25"}}


def _periode(**ubah) -> Periode:
    d = dict(kode="2026-T1", jenis="triwulan", mulai="2026-01-01", selesai="2026-03-31", metode="pp30",
             parameter=PARAM, status="terbuka", dibuat="2026-01-02T08:00:00", ditutup_pada=None, persetujuan_skp=True)
    return Periode(**{**d, **ubah})


def test_attributes_and_what_they_mean():
    p = _periode()
    assert (p.kode, p.jenis, p.metode, p.tahun, p.ditutup, p.persetujuan_skp) == ("2026-T1", "triwulan", "pp30", 2026,
                                                                                   False, True)
    tutup = _periode(status="ditutup", ditutup_pada="2026-04-01T10:00:00")
    assert tutup.ditutup and tutup.ditutup_pada == "2026-04-01T10:00:00"


def test_parameter_is_the_stored_dict_and_param_its_scoring_reading():
    p = _periode()
    assert p.parameter is PARAM  # the stored JSON as read, not rewritten
    assert p.param.penilaian_360 == "tidak" and p.param.bobot_atasan == Decimal("50")


def test_ke_dict_is_the_stored_row_in_column_order():
    d = _periode().ke_dict()
    assert tuple(d) == KOLOM_PERIODE == ("kode", "jenis", "mulai", "selesai", "metode", "parameter", "status",
                                         "dibuat", "ditutup_pada", "persetujuan_skp")
    assert d["parameter"] == PARAM and d["persetujuan_skp"] is True and d["ditutup_pada"] is None


def test_frozen_and_read_by_attribute_only():
    p = _periode()
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.status = "ditutup"
    with pytest.raises(TypeError):
        p["kode"]  # no dict-style reads: every caller uses attributes
