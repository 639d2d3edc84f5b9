"""`kinerja impor --tandai-folder`: the marked copy left from an earlier refusal of a workbook accepted now
(temuan17e E4) -- no longer valid, and it could be sent to the OPD by mistake."""

from __future__ import annotations

from pathlib import Path

from ..validation.masalah import PERINGATAN, Masalah


def periksa(h, lama: Path, hapus: bool) -> None:
    """An accepted workbook whose marked copy from an earlier refusal lies in the --tandai-folder: that copy
    (`lama`) is no longer valid and could be sent to the OPD by mistake. Removed when `hapus` (--timpa, not a dry
    run); said either way (HasilBuku.tandai_lama)."""
    if not lama.is_file():
        return
    h.tandai_lama = lama
    if hapus:
        try:
            lama.unlink()
            h.tandai_lama_dihapus = True
        except OSError as e:
            h.catatan.append(Masalah(f"Salinan bertanda lama {lama} tidak dapat dihapus: {e.strerror or e}",
                                     "hapus berkas itu sendiri agar tidak terkirim ke OPD", None, "", None, "",
                                     PERINGATAN))


def teks(h) -> str | None:
    """The line for the officer about a stale marked copy of an accepted workbook (None: none)."""
    if h.tandai_lama is None:
        return None
    awal = f"Salinan bertanda lama {h.tandai_lama} sudah tidak berlaku (buku kerjanya kini diterima)"
    return awal + (": dihapus." if h.tandai_lama_dihapus else
                   "; uji coba: dengan --timpa impor sungguhan menghapusnya." if h.uji_coba else
                   "; hapus berkas itu (atau impor dengan --timpa untuk menghapusnya) agar tidak terkirim ke OPD.")
