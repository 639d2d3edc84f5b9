"""kinerja impor BERKAS|FOLDER... -- the period-end inbox: every data sheet of every workbook, in order."""


from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import Format, OpsiDB, OpsiFormat, OpsiUjiCoba, buka

KOLOM = (("berkas", "Berkas", False, False), ("unit", "Unit", False, False), ("sheet", "Sheet", False, False),
         ("ditambah", "Ditambah", True, False), ("diubah", "Diubah", True, False), ("tetap", "Tetap", True, False),
         ("hasil", "Hasil", False, False))
# On a narrow screen: the file and its outcome are never hidden; a file name breaks only at - _ / (kind PECAH).
LAYAR = {"berkas": (1, "pecah"), "hasil": (1, None), "unit": (2, None), "ditambah": (3, None), "diubah": (3, None),
         "tetap": (3, None), "sheet": (4, None)}


TANDAI = "salinan bertanda (--tandai-folder FOLDER)"  # what shows every column of a problem table


def _kolom_layar() -> list:
    from .. import output

    return [output.Kolom(k, j, r, a, jenis=LAYAR[k][1], penting=LAYAR[k][0]) for k, j, r, a in KOLOM]


def impor(
    berkas: Annotated[list[Path], typer.Argument(help="Buku kerja .xlsx dan/atau folder berisi buku kerja dari OPD.")],
    periode: Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026.")],
    uji_coba: OpsiUjiCoba = False,
    tandai_folder: Annotated[Optional[Path], typer.Option(
        "--tandai-folder", help="Tulis salinan bertanda (sel bergalat merah, dengan komentar) setiap buku kerja yang "
        "ditolak ke folder ini, untuk dikirim kembali ke OPD.", show_default=False)] = None,
    timpa: Annotated[bool, typer.Option("--timpa", help="Dengan --tandai-folder: timpa salinan bertanda yang sudah "
                                        "ada di folder itu (tanpa ini, impor ditolak sebelum mulai).")] = False,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Impor semua sheet data setiap buku kerja: Pegawai, Sasaran, Realisasi, Perilaku, Rating, Umpan Balik, Inovasi, Pelatihan, Layanan.

    Sheet dikenali dari judul kolomnya dan diimpor berurutan (pegawai, lalu sasaran sebelum realisasi,
    lalu perilaku dan rating). Setiap buku kerja utuh atau tidak sama sekali: bila satu sheet ditolak,
    tidak ada data dari buku kerja itu yang ditulis; buku kerja lain tetap diimpor. Folder: semua
    berkas .xlsx di dalamnya (tanpa subfolder), urut nama. Keluar dengan kode 1 bila ada yang ditolak.

    Contoh: kinerja impor kiriman-opd/ --periode 2026 --tandai-folder kembali-ke-opd/
    """
    from .. import output
    from ..output.kemajuan import kemajuan
    from ..services import impor_buku, impor_folder
    from ..services.periode import wajib_ada

    daftar = impor_folder.daftar_berkas(berkas)
    impor_folder.periksa_folder_tandai(tandai_folder, daftar, timpa)
    basis = buka(db)
    kode = wajib_ada(basis, periode).kode
    with kemajuan(len(daftar), "Mengimpor") as langkah:
        semua = impor_buku.impor_semua(basis, daftar, kode, uji_coba, tandai_folder, langkah, timpa)
    baris = [_baris(h) for h in semua]
    if fmt.value != "tabel":
        output.tampilkan(baris, [output.Kolom(k, j, r, a) for k, j, r, a in KOLOM] +
                         [output.Kolom(k, k) for k in ("ditolak", "galat", "ditandai")], fmt.value)
    else:
        for h in semua:
            _rincian(h)
        judul = f"Impor periode {kode}" + (" (uji coba: tidak ada yang disimpan)" if uji_coba else "")
        output.cetak(output.tabel(baris, _kolom_layar(), judul=judul,
                                  gaya_baris=lambda b: "red" if b["ditolak"] else ""))
    ditolak = [h for h in semua if h.ditolak]
    diterima = len(semua) - len(ditolak)
    kata = "dapat diimpor" if uji_coba else "diimpor"
    ringkas = f"{diterima} dari {len(semua)} buku kerja {kata}"
    if ditolak:
        output.galat(f"{ringkas}; {len(ditolak)} ditolak (tidak ada data dari buku kerja itu yang ditulis): "
                     + ", ".join(h.berkas.name for h in ditolak) + ".", impor_buku.saran_akhir(ditolak, tandai_folder))
        raise typer.Exit(1)
    output.sukses(ringkas + ("." if not uji_coba else " (uji coba: tidak ada yang disimpan)."))


def _baris(h) -> dict:
    sheet = []
    for x in h.lembar:
        sheet.append(x.jenis if x.hasil is not None else f"{x.jenis} ({x.catatan})")
    if h.ditolak and h.dikenali:  # nothing imported: every data sheet the workbook held
        catatan = {x.sheet: x.catatan for x in h.lembar}
        sheet = [j + (f" ({catatan[lb.sheet]})" if catatan.get(lb.sheet) else "") for j, lb in h.dikenali]
    if h.ditolak:
        hasil = "ditolak" + (f" (sheet {h.sheet_galat})" if h.sheet_galat else "") + ": " + h.galat.pesan
    else:
        # what the workbook brought, in the column never hidden (the Sheet column may be, at 80 columns)
        hasil = "uji coba" if h.uji_coba else "diimpor"
        if h.kosong:
            hasil += " kosong (tidak ada sheet yang diisi)"
        else:
            if not h.jumlah("ditambah") and not h.jumlah("diubah"):
                hasil += ", tidak ada data baru"
            belum = [x.jenis for x in h.lembar if x.hasil is None]
            if belum:
                hasil += "; belum diisi: " + ", ".join(belum)
        peringatan = sum(len(x.hasil.peringatan) for x in h.lembar if x.hasil is not None) + len(h.catatan)
        if peringatan:
            hasil += f", {peringatan} peringatan"
        if h.tandai_lama is not None:  # temuan17e E4: never sent to the OPD by mistake
            hasil += "; salinan bertanda lama " + ("dihapus" if h.tandai_lama_dihapus else "tidak berlaku lagi")
    return {"berkas": h.berkas.name, "unit": h.unit or "-", "sheet": ", ".join(sheet) or "-",
            "ditambah": h.jumlah("ditambah"), "diubah": h.jumlah("diubah"), "tetap": h.jumlah("tetap"),
            "hasil": hasil, "ditolak": h.ditolak, "galat": h.galat.pesan if h.ditolak else None,
            "ditandai": str(h.ditandai) if h.ditandai else None}


def _rincian(h) -> None:
    """A refused workbook's problems (or its refusal), and the warnings of every workbook, on stderr."""
    from .. import output

    from ..services import impor_buku

    if h.ditolak:
        output.galat(f"{h.berkas.name}: {h.galat.pesan}", impor_buku.saran(h))
        output.tabel_masalah(getattr(h.galat, "masalah", []), judul=f"Masalah di {h.berkas.name}",
                             semua=TANDAI)
        if h.ditandai:
            output.info(f"Sel bermasalah ditandai di: {h.ditandai}")
    peringatan = list(h.catatan) + [m for x in h.lembar if x.hasil is not None for m in x.hasil.peringatan]
    output.tabel_masalah(peringatan, judul=f"Peringatan di {h.berkas.name}", batas=50, semua=TANDAI)
    from ..services import tandai_lama

    lama = tandai_lama.teks(h)
    if lama:
        output.info(lama)
    pesan = impor_buku.pesan_importir(h)
    if pesan:
        output.info(f"{h.berkas.name}:")
        for jenis, macam, teks in pesan:
            (output.peringatan if macam == "awas" else output.info)(f"  sheet {jenis}: {teks}" if macam == "info"
                                                                    else f"sheet {jenis}: {teks}")


def daftarkan(app: typer.Typer) -> None:
    app.command("impor")(impor)
