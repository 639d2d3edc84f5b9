"""kinerja perilaku impor|catat|daftar"""


from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .umum import (Format, OpsiDB, OpsiFormat, OpsiTandai, OpsiTimpaTandai, buka, impor_berkas, laporkan_impor)

app = typer.Typer(help="Penilaian perilaku kerja BerAKHLAK per penilai: impor dari Excel, catat, daftar." "\n\nContoh: kinerja perilaku impor skp-dpmptsp.xlsx --periode 2026",
                  no_args_is_help=True)

OpsiPeriode = Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026 atau 2026-T1.")]


class Peran(str, Enum):
    atasan = "atasan"
    rekan = "rekan"
    bawahan = "bawahan"
    diri = "diri"


@app.command("impor")
def impor(
    berkas: Annotated[Path, typer.Argument(help="Berkas .xlsx: NIP, Nama, NIP Penilai, Peran, 7 kolom aspek.")],
    periode: OpsiPeriode,
    sheet: Annotated[Optional[str], typer.Option("--sheet", help="Nama sheet (bawaan: 'Perilaku' atau sheet yang cocok).")] = None,
    uji_coba: Annotated[bool, typer.Option("--dry-run", help="Periksa dan hitung saja, tanpa menyimpan.")] = False,
    lewati_galat: Annotated[bool, typer.Option("--lewati-galat", help="Simpan baris yang benar, lewati baris bergalat.")] = False,
    tandai: OpsiTandai = None,
    timpa: OpsiTimpaTandai = False,
    db: OpsiDB = None,
) -> None:
    """Impor skor perilaku (0-120 per aspek BerAKHLAK), satu baris per penilai per pegawai.

    Judul kolom aspek boleh nama lengkap (Berorientasi Pelayanan, Akuntabel, ...) atau kuncinya
    (pelayanan, akuntabel, kompeten, harmonis, loyal, adaptif, kolaboratif). Sel kosong = tidak dinilai;
    baris tanpa skor sama sekali (misalnya baris templat yang belum diisi) dilewati.
    Penilai yang sama untuk pegawai yang sama menggantikan nilai lama (tercatat di log audit).

    Contoh: kinerja perilaku impor perilaku-dpmptsp.xlsx --periode 2026 --dry-run
    """
    from ..services import perilaku

    h = impor_berkas(berkas, tandai, timpa,
                     lambda: perilaku.impor(buka(db), berkas, periode, sheet, uji_coba, lewati_galat, tandai))
    laporkan_impor(h, f"{h.ditambah} ditambah, {h.diubah} diubah, {h.tetap} tetap, "
                      f"{h.keterangan.get('baris_dilewati', 0)} baris dilewati"
                      + (f", {h.keterangan['kosong']} baris belum diisi." if h.keterangan.get("kosong") else "."))


@app.command("catat")
def catat(
    nip: Annotated[str, typer.Argument(help="NIP pegawai yang dinilai.")],
    periode: OpsiPeriode,
    penilai: Annotated[str, typer.Option("--penilai", help="NIP penilai; atasan-luar atau kepala-daerah untuk "
                                                    "pejabat penilai di luar daftar pegawai (peran atasan).")],
    peran: Annotated[Peran, typer.Option("--peran", help="Hubungan penilai dengan pegawai.")],
    skor: Annotated[list[str], typer.Option("--skor", help="ASPEK=NILAI (0-120), boleh berulang; koma desimal boleh: "
                                            "pelayanan=95,5. Nilai kosong (kompeten=) menghapus skor aspek itu.")],
    db: OpsiDB = None,
) -> None:
    """Catat skor perilaku dari satu penilai. Hanya aspek yang disebut yang berubah; skor aspek lain
    yang sudah tersimpan dari penilai itu tetap. Hapus skor satu aspek dengan nilai kosong: --skor kompeten=

    Contoh: kinerja perilaku catat 198502142010012003 --periode 2026 --penilai 198001012005011002 --peran atasan --skor pelayanan=100 --skor akuntabel=95,5
    """
    from .. import output
    from ..services import perilaku

    h = perilaku.catat(buka(db), nip, periode, penilai, peran.value, skor)
    for p in h.peringatan:
        output.peringatan(p)
    teks = {"tambah": "dicatat", "ubah": "diubah (nilai lama tercatat di log audit)", "tetap": "sama seperti yang tersimpan; tidak ada perubahan"}
    output.sukses(f"Skor perilaku {teks[h.aksi]}; rata-rata penilai: {output.teks_sel(h.rata, True)}.")


@app.command("daftar")
def daftar(
    periode: OpsiPeriode,
    nip: Annotated[Optional[str], typer.Option("--nip", help="Hanya pegawai ini.")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Hanya unit kerja ini.")] = None,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Daftar skor perilaku: satu baris per penilai, 7 aspek dan rata-rata penilai.

    Contoh: kinerja perilaku daftar --periode 2026 --unit DPMPTSP --format csv
    """
    from .. import output
    from ..kosakata import ASPEK_BERAKHLAK, NAMA_ASPEK
    from ..services import perilaku

    baris = perilaku.daftar(buka(db), periode, nip, unit)
    if fmt == Format.tabel:  # a rater outside the roster: the name where the NIP stands (JSON/CSV keep the token)
        from ..kosakata import penilai_tampil

        baris = [{**b, "penilai": penilai_tampil(b["penilai"], b.get("nama_penilai"))} for b in baris]
    # importance on a narrow screen: who, by whom, the mean first; the seven aspects; names; the unit last
    kolom = [output.Kolom("nip", "NIP", penting=1), output.Kolom("nama", "Nama", penting=3),
             output.Kolom("unit", "Unit Kerja", penting=6),
             output.Kolom("penilai", "NIP Penilai", jenis=output.PECAH, penting=2),  # a NIP never breaks: no separator
             output.Kolom("nama_penilai", "Penilai", penting=5), output.Kolom("peran", "Peran", penting=2)]
    kolom += [output.Kolom(a, NAMA_ASPEK[a].replace("Berorientasi ", ""), angka=True, penting=4) for a in ASPEK_BERAKHLAK]
    kolom.append(output.Kolom("rata", "Rata-rata", angka=True, penting=1))
    output.tampilkan(baris, kolom, fmt.value, judul=f"Penilaian perilaku {periode.upper()} ({len(baris)} baris)",
                     kosong="Belum ada penilaian perilaku yang cocok.")
