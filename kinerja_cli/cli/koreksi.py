"""hapus|ubah of single entries (issue 17 §3): inovasi, umpan-balik, pelatihan, layanan; periode hapus."""


from typing import Annotated, Optional

import typer

from .umum import OpsiDB, buka, bantuan_tanggal

ArgNomor = Annotated[int, typer.Argument(help="Nomor entri (kolom No pada daftar).", metavar="NOMOR")]
OpsiTanggalBaru = Annotated[Optional[str], typer.Option("--tanggal", help=bantuan_tanggal("Tanggal baru"))]


def _teks(e: dict, jenis: str) -> str:
    from ..validation.angka import angka_id
    from ..validation.tanggal_id import tanggal_id

    if jenis == "pelatihan":  # JP as `pelatihan catat` says it: 8,50 JP
        return f"{e['kegiatan']} ({e['nip']}, {tanggal_id(e['tanggal'])}, {angka_id(e['jp'])} JP)"
    isi = e["uraian"] if jenis == "inovasi" else e["teks"]
    return f"\"{isi}\" ({e['nip']}, periode {e['periode']}, {tanggal_id(e['tanggal'])})"


def _hapus(jenis: str, nomor: int, db) -> None:
    from .. import output
    from ..services import koreksi

    e = koreksi.hapus(buka(db), jenis, nomor)
    output.sukses(f"{koreksi.NAMA[jenis]} nomor {nomor} dihapus (tercatat di log audit): {_teks(e, jenis)}.")


def _ubah(jenis: str, nomor: int, teks: str | None, tanggal: str | None, db) -> None:
    from .. import output
    from ..services import koreksi

    r = koreksi.ubah(buka(db), jenis, nomor, teks, tanggal)
    for p in r["peringatan"]:
        output.peringatan(p)
    if r["berubah"]:
        output.sukses(f"{koreksi.NAMA[jenis]} nomor {nomor} diubah (tercatat di log audit): {_teks(r['baru'], jenis)}.")
    else:
        output.info(f"{koreksi.NAMA[jenis]} nomor {nomor} sudah seperti itu; tidak ada yang diubah.")


def hapus_inovasi(nomor: ArgNomor, db: OpsiDB = None) -> None:
    """Hapus satu inovasi yang keliru dicatat.

    Contoh: kinerja inovasi hapus 12
    """
    _hapus("inovasi", nomor, db)


def ubah_inovasi(nomor: ArgNomor,
                 uraian: Annotated[Optional[str], typer.Option("--uraian", help="Uraian baru.")] = None,
                 tanggal: OpsiTanggalBaru = None, db: OpsiDB = None) -> None:
    """Ubah uraian dan/atau tanggal satu inovasi.

    Contoh: kinerja inovasi ubah 12 --uraian "Izin usaha daring dalam 1 hari"
    """
    _ubah("inovasi", nomor, uraian, tanggal, db)


def hapus_umpan_balik(nomor: ArgNomor, db: OpsiDB = None) -> None:
    """Hapus satu catatan umpan balik yang keliru dicatat.

    Contoh: kinerja umpan-balik hapus 7
    """
    _hapus("umpan_balik", nomor, db)


def ubah_umpan_balik(nomor: ArgNomor,
                     teks: Annotated[Optional[str], typer.Option("--teks", help="Isi baru.")] = None,
                     tanggal: OpsiTanggalBaru = None, db: OpsiDB = None) -> None:
    """Ubah isi dan/atau tanggal satu catatan umpan balik.

    Contoh: kinerja umpan-balik ubah 7 --tanggal 31/03/2026
    """
    _ubah("umpan_balik", nomor, teks, tanggal, db)


def hapus_pelatihan(nomor: ArgNomor, db: OpsiDB = None) -> None:
    """Hapus satu kegiatan pengembangan kompetensi yang keliru dicatat (JP-nya tidak dihitung lagi).

    Untuk mengubah JP, jenis atau penyelenggara: catat ulang kegiatan yang sama (kinerja pelatihan catat).

    Contoh: kinerja pelatihan hapus 31
    """
    _hapus("pelatihan", nomor, db)


def hapus_layanan(
    unit: Annotated[str, typer.Argument(help="Unit kerja.")],
    indikator: Annotated[str, typer.Option("--indikator", help="Nomor indikator, atau namanya persis.")],
    periode: Annotated[str, typer.Option("--periode", "-p", help="Kode periode nilai itu: 2026, 2026-T1 atau 2026-01.")],
    db: OpsiDB = None,
) -> None:
    """Hapus satu nilai indikator layanan (untuk mengganti nilainya: kinerja layanan catat).

    Contoh: kinerja layanan hapus DPMPTSP --indikator 1 --periode 2026-T2
    """
    from .. import output
    from ..scoring.dampak import dengan_satuan
    from ..services import koreksi

    from decimal import Decimal

    h = koreksi.hapus_layanan(buka(db), unit, indikator, periode)
    output.sukses(f"Nilai dihapus (tercatat di log audit): {h['unit']} — {h['indikator']}, {h['periode']}: "
                  f"{dengan_satuan(Decimal(h['nilai']), h['satuan'])}.")


def hapus_periode(kode: Annotated[str, typer.Argument(help="Kode periode yang keliru dibuat.")], db: OpsiDB = None) -> None:
    """Hapus periode yang keliru dibuat, selama belum berisi data apa pun (dicatat di log audit).

    Contoh: kinerja periode hapus 2062
    """
    from .. import output
    from ..services import koreksi

    p = koreksi.hapus_periode(buka(db), kode)
    output.sukses(f"Periode {p.kode} dihapus (tercatat di log audit).")


def daftarkan(inovasi, umpan_balik, pelatihan, layanan, periode) -> None:
    inovasi.command("hapus")(hapus_inovasi)
    inovasi.command("ubah")(ubah_inovasi)
    umpan_balik.command("hapus")(hapus_umpan_balik)
    umpan_balik.command("ubah")(ubah_umpan_balik)
    pelatihan.command("hapus")(hapus_pelatihan)
    layanan.command("hapus")(hapus_layanan)
    periode.command("hapus")(hapus_periode)
