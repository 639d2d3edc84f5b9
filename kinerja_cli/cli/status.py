"""kinerja status"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka

# Short headers: twelve columns must fit a laptop terminal (the caption explains them).
KOLOM_UNIT = (("unit", "Unit Kerja", False, False), ("pegawai", "Aktif", True, False),
              ("tanpa_sasaran", "Tanpa SKP", True, False), ("bobot_tidak_100", "Bobot≠100", True, False),
              ("baris_tanpa_realisasi", "Baris tanpa realisasi", True, False),
              ("tanpa_nilai_atasan", "Atasan belum menilai", True, False),
              ("skp_draf", "Draf", True, False), ("skp_diajukan", "Diajukan", True, False),
              ("skp_disetujui", "Disetujui", True, False), ("skp_dikembalikan", "Dikembalikan", True, False),
              ("rata_rekan", "Rekan/org", True, True), ("rating_belum_ditetapkan", "Rating saran", True, False),
              ("siap", "Siap", True, False))
KOLOM_PEGAWAI = (("nip", "NIP", False, False), ("nama", "Nama", False, False), ("unit", "Unit Kerja", False, False),
                 ("baris_skp", "Baris SKP", True, False), ("total_bobot", "Total bobot", True, True),
                 ("realisasi_terisi", "Realisasi terisi", True, False), ("status_skp", "Status SKP", False, False), ("atasan_menilai", "Atasan menilai", False, False),
                 ("jumlah_rekan", "Rekan", True, False), ("jumlah_bawahan", "Bawahan", True, False),
                 ("umpan_balik", "Umpan balik", True, False), ("rating_ditetapkan", "Rating ditetapkan", False, False),
                 ("lengkap", "Lengkap", False, False),
                 ("kurang", "Kurang", False, False))


def status(
    periode: Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026.")],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya unit kerja ini (rincian per pegawai).")] = None,
    rinci: Annotated[bool, typer.Option("--rinci", help="Rincian per pegawai, bukan ringkasan per unit.")] = False,
    kiriman: Annotated[bool, typer.Option("--kiriman", help="Sheet apa yang sudah dikirim setiap unit, dan kapan "
                                          "(dari riwayat impor); unit yang belum mengirim ditandai.")] = False,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Kesiapan periode: SKP, bobot, persetujuan SKP, realisasi, penilaian atasan dan rekan, per unit atau per pegawai.

    Hijau: semua pegawai unit lengkap; kuning: sebagian; merah: kurang dari separuh.

    Contoh: kinerja status --periode 2026 --unit DPMPTSP --format csv > kesiapan-dpmptsp.csv
    """
    from .. import output
    from ..services import status

    if kiriman:  # the inbox view (cli/status_kiriman.py)
        from . import status_kiriman

        status_kiriman.tampilkan(buka(db), periode, fmt.value)
        return
    s = status.status(buka(db), periode, unit)
    kode = s["periode"]["kode"]
    permenpan6 = s["periode"]["metode"] == "permenpan6"  # set ratings count only there
    kolom_unit = [output.Kolom(k, j, r, a) for k, j, r, a in KOLOM_UNIT if permenpan6 or k != "rating_belum_ditetapkan"]
    siap = sum(u["siap"] for u in s["unit"])
    total = sum(u["pegawai"] for u in s["unit"])
    alur = ("Persetujuan SKP: ya (SKP yang belum disetujui atasan belum siap)." if s["persetujuan_skp"] else
            f"Persetujuan SKP: tidak (status SKP tidak menentukan kesiapan; aktifkan dengan: kinerja periode ubah "
            f"{kode} --persetujuan-skp ya).")
    catatan = (f"Siap {siap} dari {total} pegawai aktif. " if total else "") + alur
    if not (rinci or unit):
        output.tampilkan(s["unit"], kolom_unit, fmt.value, judul=f"Kesiapan periode {kode}", catatan=catatan,
                         kosong="Belum ada pegawai aktif.", gaya_baris=status.gaya_unit)
        return
    if fmt.value == "tabel" and s["unit"]:
        output.cetak(output.tabel(s["unit"], kolom_unit, judul=f"Kesiapan periode {kode}", catatan=catatan,
                                  gaya_baris=status.gaya_unit))
    output.tampilkan(s["pegawai"], [output.Kolom(k, j, r, a) for k, j, r, a in KOLOM_PEGAWAI
                                    if permenpan6 or k != "rating_ditetapkan"], fmt.value,
                     judul=f"Rincian per pegawai ({len(s['pegawai'])})", kosong="Belum ada pegawai aktif.",
                     gaya_baris=status.gaya_pegawai)


def daftarkan(app: typer.Typer) -> None:
    app.command("status")(status)
