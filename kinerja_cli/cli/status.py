"""kinerja status"""


from typing import Annotated, Optional

import typer

from ..kosakata import BOBOT_TIDAK_100, RATING_BELUM_DITETAPKAN, TANPA_SASARAN
from .umum import Format, OpsiDB, OpsiFormat, buka

# (key, header, right-aligned, number, importance on a narrow screen: 1 always shown, the highest hidden first).
# Short headers: a laptop terminal shows the most columns (the caption explains them).
KOLOM_UNIT = (("unit", "Unit Kerja", False, False, 1), ("pegawai", "Aktif", True, False, 2),
              (TANPA_SASARAN, "Tanpa SKP", True, False, 3), (BOBOT_TIDAK_100, "Bobot≠100", True, False, 3),
              ("baris_tanpa_realisasi", "Baris tanpa realisasi", True, False, 3),
              ("tanpa_nilai_atasan", "Atasan belum menilai", True, False, 3),
              ("skp_draf", "Draf", True, False, 6), ("skp_diajukan", "Diajukan", True, False, 5),
              ("skp_disetujui", "Disetujui", True, False, 4), ("skp_dikembalikan", "Dikembalikan", True, False, 5),
              ("rata_rekan", "Rekan/org", True, True, 7), (RATING_BELUM_DITETAPKAN, "Rating saran", True, False, 4),
              ("siap", "Siap", True, False, 1))
KOLOM_PEGAWAI = (("nip", "NIP", False, False, 1), ("nama", "Nama", False, False, 2), ("unit", "Unit Kerja", False, False, 9),
                 ("baris_skp", "Baris SKP", True, False, 4), ("total_bobot", "Total bobot", True, True, 4),
                 ("realisasi_terisi", "Realisasi terisi", True, False, 4), ("status_skp", "Status SKP", False, False, 5),
                 ("atasan_menilai", "Atasan menilai", False, False, 3),
                 ("jumlah_rekan", "Rekan", True, False, 6), ("jumlah_bawahan", "Bawahan", True, False, 6),
                 ("umpan_balik", "Umpan balik", True, False, 7), ("rating_ditetapkan", "Rating ditetapkan", False, False, 5),
                 ("lengkap", "Lengkap", False, False, 1),
                 ("kurang", "Kurang", False, False, 2))


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
    basis = buka(db)
    s = status.status(basis, periode, unit)
    kode = s["periode"].kode
    permenpan6 = s["periode"].metode == "permenpan6"  # set ratings count only there
    from ..services.instansi import dengan_singkatan

    dengan_singkatan(basis, s["unit"])  # a narrow screen shows the units' short names (Disdukcapil, DPMPTSP)
    dengan_singkatan(basis, s["pegawai"])
    kolom_unit = [output.Kolom(k, j, r, a, penting=p, pendek="unit_singkat" if k == "unit" else None)
                  for k, j, r, a, p in KOLOM_UNIT if permenpan6 or k != RATING_BELUM_DITETAPKAN]
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
    output.tampilkan(s["pegawai"], [output.Kolom(k, j, r, a, penting=p, pendek="unit_singkat" if k == "unit" else None)
                                    for k, j, r, a, p in KOLOM_PEGAWAI if permenpan6 or k != "rating_ditetapkan"],
                     fmt.value,
                     judul=f"Rincian per pegawai ({len(s['pegawai'])})", kosong="Belum ada pegawai aktif.",
                     gaya_baris=status.gaya_pegawai)


def daftarkan(app: typer.Typer) -> None:
    app.command("status")(status)
