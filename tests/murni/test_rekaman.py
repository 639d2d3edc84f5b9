"""The result record (model.Rekaman): snapshots stored by older versions read back and are
written again byte for byte; the record's attributes carry what the snapshot holds."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from kinerja_cli.model import Rekaman, ada_data

LAMA = Path(__file__).parent.parent / "data" / "snapshot-head.jsonl"


def _baris() -> list[str]:
    return LAMA.read_text(encoding="utf-8").splitlines()


def test_stored_snapshot_reads_back_and_writes_the_same_text():
    """Byte for byte, except that a direct rating's one reason (before migration 0010_alasan_per_rating) is
    written again as the reason of each rating it held; the text written then reads back byte for byte."""
    for teks in _baris():
        lama = json.loads(teks)
        r = Rekaman.dari_dict(lama)
        baru = r.ke_dict()
        if lama["rating_langsung"]:
            a = lama["rating_langsung"]["alasan"]
            lama["rating_langsung"] = {"hasil_kerja": "di-atas", "perilaku": "sesuai", "alasan_hasil_kerja": a,
                                       "alasan_perilaku": a, "alasan": a}
            assert json.dumps(baru, ensure_ascii=False) != teks
        assert json.dumps(baru, ensure_ascii=False) == json.dumps(lama, ensure_ascii=False)
        teks_baru = json.dumps(baru, ensure_ascii=False)
        assert json.dumps(Rekaman.dari_dict(json.loads(teks_baru)).ke_dict(), ensure_ascii=False) == teks_baru


def test_direct_rating_reasons_per_rating_in_the_snapshot():
    """issue 14: each rating keeps its own reason; an old snapshot's one reason belongs to the ratings it held."""
    from kinerja_cli.model import RatingLangsung

    r = RatingLangsung("di-atas", "sesuai", "target utama terlampaui", "kolaborasi baik")
    d = r.ke_dict()
    assert d == {"hasil_kerja": "di-atas", "perilaku": "sesuai", "alasan_hasil_kerja": "target utama terlampaui",
                 "alasan_perilaku": "kolaborasi baik",
                 "alasan": "hasil kerja: target utama terlampaui; perilaku: kolaborasi baik"}
    assert RatingLangsung.dari_dict(d) == r
    assert RatingLangsung.dari_dict({"hasil_kerja": None, "perilaku": "di-bawah", "alasan": "terlambat"}) == \
        RatingLangsung(None, "di-bawah", None, "terlambat")
    assert RatingLangsung("sesuai", None, "x").alasan == "x"


def test_record_attributes_from_a_stored_snapshot():
    kosong, penuh = (Rekaman.dari_dict(json.loads(t)) for t in _baris())
    assert penuh.pegawai.nip == "197111142003121408" and penuh.pegawai.golongan == "IV/c"
    assert (penuh.hasil.nhk, penuh.hasil.npk, penuh.hasil.na) == (Decimal("109.63"), Decimal("87.39"), Decimal("100.73"))
    assert penuh.hasil.predikat == "Baik" and penuh.hasil.rating_hk == "Di Atas Ekspektasi" and penuh.hasil.rating_hk_langsung
    assert penuh.rating_langsung.alasan == "target utama terlampaui" and penuh.ada_inovasi
    assert penuh.rating_langsung.alasan_hasil_kerja == penuh.rating_langsung.alasan_perilaku == "target utama terlampaui"
    assert [b.nomor for b in penuh.masukan.baris] == [1, 2, 3] and penuh.masukan.baris[0].realisasi == "4.8"
    assert [(p.peran, p.nama_penilai) for p in penuh.masukan.penilaian][:2] == [
        ("atasan", "Febri Putra, S.E., M.M."), ("bawahan", "Rendi Putra, S.Sos., M.Si.")]
    assert ada_data(penuh) and not penuh.ringkas
    assert kosong.pegawai.nip == "199505012017052559" and not ada_data(kosong)
    assert kosong.rating_langsung is None and kosong.masukan.baris == () and kosong.hasil.predikat == "Sangat Kurang"


def test_older_snapshot_without_later_keys_still_reads():
    d = json.loads(_baris()[1])
    del d["pegawai"]["golongan"], d["pegawai"]["jenis_jabatan"], d["hasil"]["alasan_rating_hk"]
    for p in d["masukan"]["penilaian"]:
        del p["nama_penilai"]
    r = Rekaman.dari_dict(d)
    assert r.pegawai.golongan is None and r.hasil.alasan_rating_hk is None
    assert r.masukan.penilaian[0].nama_penilai is None and r.hasil.predikat == "Baik"
