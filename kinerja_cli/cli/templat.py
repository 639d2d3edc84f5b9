"""kinerja templat"""


from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import OpsiDB, buka


def templat(
    berkas: Annotated[Optional[Path], typer.Argument(help="Berkas .xlsx yang akan dibuat (tanpa --per-unit; atau: atasan BERKAS, pelatihan BERKAS).", show_default=False)] = None,
    berkas_atasan: Annotated[Optional[Path], typer.Argument(help="Dengan 'atasan' atau 'pelatihan': berkas .xlsx yang akan dibuat.", show_default=False)] = None,
    periode: Annotated[Optional[str], typer.Option("--periode", "-p", help="Kode periode, misalnya 2026.")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya pegawai unit kerja ini (bawaan: semua unit).")] = None,
    kosong: Annotated[bool, typer.Option("--kosong", help="Tanpa isian awal: hanya judul kolom dan petunjuk.")] = False,
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa berkas yang sudah ada.")] = False,
    per_unit: Annotated[Optional[Path], typer.Option(
        "--per-unit", help="Tulis satu buku kerja terisi per unit kerja ke folder ini (untuk dikirim ke setiap OPD).",
        show_default=False)] = None,
    db: OpsiDB = None,
) -> None:
    """Buat buku kerja Excel untuk diisi OPD: petunjuk, Sasaran (SKP), Realisasi, Perilaku.

    Pegawai aktif (dan SKP yang sudah tersimpan) dituliskan lebih dulu; berkas yang sudah
    diisi dapat langsung diimpor dengan kinerja sasaran/realisasi/perilaku impor.

    Contoh: kinerja templat skp-dpmptsp.xlsx --periode 2026 --unit DPMPTSP

    Semua unit sekaligus: kinerja templat --per-unit kirim-ke-opd/ --periode 2026

    'kinerja templat pelatihan BERKAS [--unit U]' sama dengan kinerja pelatihan templat BERKAS.

    'kinerja templat atasan BERKAS [--unit U]' (atau --per-unit FOLDER: satu berkas per unit) menulis daftar NIP Atasan yang tersimpan (dengan saran atasan
    dari hierarki unor SIASN sebagai komentar sel) untuk diperiksa lalu diimpor dengan kinerja pegawai impor.
    """
    from .. import output

    if str(berkas) == "atasan":
        if per_unit is not None:
            if berkas_atasan is not None or unit is not None:
                raise typer.BadParameter("--per-unit menulis satu daftar atasan per unit ke foldernya: jangan "
                                         "sebutkan BERKAS atau --unit bersamanya.", param_hint="--per-unit")
            return _atasan_per_unit(per_unit, timpa, db)
        if berkas_atasan is None:
            raise typer.BadParameter("sebutkan berkas: kinerja templat atasan BERKAS (atau satu berkas per unit: "
                                     "kinerja templat atasan --per-unit FOLDER)", param_hint="BERKAS")
        return _templat_atasan(berkas_atasan, unit, timpa, db)
    if str(berkas) == "pelatihan" and berkas_atasan is not None:  # the same as: kinerja pelatihan templat BERKAS
        from .pelatihan import templat as templat_pelatihan

        return templat_pelatihan(berkas_atasan, unit, timpa, db)
    if berkas_atasan is not None:
        raise typer.BadParameter(f"argumen kedua '{berkas_atasan}' hanya dipakai dengan: kinerja templat atasan BERKAS "
                                 "atau kinerja templat pelatihan BERKAS")
    if not periode:  # optional for 'templat atasan': the default period is asked here, not by Click's default_map
        from .periode_bawaan import periode_bawaan

        periode = periode_bawaan()
    if not periode:
        raise typer.BadParameter("opsi --periode wajib diisi, misalnya --periode 2026 (untuk daftar atasan: "
                                 "kinerja templat atasan BERKAS; periode bawaan: kinerja periode pakai 2026)",
                                 param_hint="--periode")
    from ..services import templat

    if per_unit is not None:
        if berkas is not None or unit is not None or kosong:
            raise typer.BadParameter("--per-unit menulis satu berkas per unit ke foldernya: jangan sebutkan BERKAS, "
                                     "--unit atau --kosong bersamanya.", param_hint="--per-unit")
        _per_unit(per_unit, periode, timpa, db)
        return
    if berkas is None:
        raise typer.BadParameter("sebutkan berkas .xlsx yang akan dibuat, atau --per-unit FOLDER.", param_hint="BERKAS")

    h = templat.buat(buka(db), berkas, periode, unit, kosong, timpa)
    if h["status_periode"] == "ditutup":
        output.peringatan(f"Periode {h['periode']} sudah ditutup: berkas yang diisi baru dapat diimpor "
                          "setelah periode dibuka kembali.")
    if h["kosong"]:
        output.sukses(f"Templat kosong periode {h['periode']} ditulis ke {h['berkas']}.")
        return
    output.sukses(f"Templat periode {h['periode']} ({h['unit'] or 'semua unit'}) ditulis ke {h['berkas']}: "
                  f"{h['pegawai']} pegawai, {h['sasaran']} baris Sasaran, {h['realisasi']} baris Realisasi, "
                  f"{h['perilaku']} baris Perilaku" + (f", {h['rating']} baris Rating." if h.get("rating") is not None else "."))
    if h["pegawai"] == 0:
        output.peringatan("Tidak ada pegawai aktif untuk templat ini; hanya judul kolom yang ditulis.")
    lalu = "realisasi impor, perilaku impor dan rating impor" if h.get("rating") is not None else \
        "realisasi impor dan perilaku impor"
    output.info(f"Setelah diisi: kinerja sasaran impor {h['berkas']} --periode {h['periode']}  "
                f"(lalu {lalu}; atau semuanya sekaligus: kinerja impor {h['berkas']} --periode {h['periode']}; "
                "lihat sheet Petunjuk)")


def _per_unit(folder: Path, periode: str, timpa: bool, db) -> None:
    from .. import output
    from ..output.kemajuan import kemajuan
    from ..services import templat_unit
    from ..services.pegawai import daftar_unit

    basis = buka(db)
    with kemajuan(sum(1 for u in daftar_unit(basis) if u["aktif"]), "Menulis templat") as langkah:
        h = templat_unit.buat_per_unit(basis, folder, periode, timpa, langkah)
    if h["status_periode"] == "ditutup":
        output.peringatan(f"Periode {h['periode']} sudah ditutup: berkas yang diisi baru dapat diimpor "
                          "setelah periode dibuka kembali.")
    baris = [{"berkas": Path(b["berkas"]).name, "unit": b["unit"], "pegawai": b["pegawai"], "sasaran": b["sasaran"],
              "realisasi": b["realisasi"], "perilaku": b["perilaku"]} for b in h["berkas"]]
    kolom = [output.Kolom("berkas", "Berkas", jenis="pecah", penting=1), output.Kolom("unit", "Unit"),
             output.Kolom("pegawai", "Pegawai", True), output.Kolom("sasaran", "Sasaran", True),
             output.Kolom("realisasi", "Realisasi", True), output.Kolom("perilaku", "Perilaku", True)]
    output.cetak(output.tabel(baris, kolom, judul=f"Templat periode {h['periode']} per unit di {h['folder']}",
                              semua=""))  # templat has no --format: only a wider terminal shows every column
    output.sukses(f"{len(baris)} buku kerja ditulis ke {h['folder']}, satu per unit kerja.")
    output.info(f"Setelah diisi OPD, impor semuanya sekaligus: kinerja impor {h['folder']} --periode {h['periode']}")


def _templat_atasan(berkas: Path, unit: Optional[str], timpa: bool, db) -> None:
    from .. import output
    from ..services import templat_atasan

    h = templat_atasan.buat(buka(db), berkas, unit, timpa)
    output.sukses(f"Daftar atasan ({h['unit'] or 'semua unit'}) ditulis ke {h['berkas']}: {h['pegawai']} pegawai, "
                  f"{h['tanpa_atasan']} belum punya atasan, {h['saran']} saran atasan (komentar di kolom NIP Atasan).")
    output.info(f"Periksa dan isi kolom NIP Atasan, lalu: kinerja pegawai impor {h['berkas']}  "
                "(hanya tautan atasan yang diubah)")


def _atasan_per_unit(folder: Path, timpa: bool, db) -> None:
    from .. import output
    from ..services import templat_atasan

    h = templat_atasan.buat_per_unit(buka(db), folder, timpa)
    baris = [{"berkas": Path(b["berkas"]).name, "unit": b["unit"], "pegawai": b["pegawai"],
              "tanpa_atasan": b["tanpa_atasan"], "saran": b["saran"]} for b in h["berkas"]]
    kolom = [output.Kolom("berkas", "Berkas", jenis="pecah", penting=1), output.Kolom("unit", "Unit"),
             output.Kolom("pegawai", "Pegawai", True), output.Kolom("tanpa_atasan", "Tanpa atasan", True),
             output.Kolom("saran", "Saran", True)]
    output.cetak(output.tabel(baris, kolom, judul=f"Daftar atasan per unit di {h['folder']}", semua=""))
    output.sukses(f"{len(baris)} daftar atasan ditulis ke {h['folder']}, satu per unit kerja.")
    output.info("Periksa dan isi kolom NIP Atasan, lalu impor setiap berkas: kinerja pegawai impor BERKAS  "
                "(hanya tautan atasan yang diubah)")


def daftarkan(app: typer.Typer) -> None:
    app.command("templat")(templat)
