"""kinerja sasaran lampiran|ekspektasi: the SKP's lampiran and the ekspektasi khusus pimpinan (Format A.1.x)."""


from enum import Enum
from typing import Annotated, Optional

import typer

from .umum import Format, OpsiDB, OpsiFormat, buka

OpsiPeriode = Annotated[str, typer.Option("--periode", "-p", help="Kode periode, misalnya 2026 atau 2026-T1.")]
ArgNip = Annotated[str, typer.Argument(help="NIP atau NI PPPK pegawai pemilik SKP.")]


class Bagian(str, Enum):
    dukungan = "dukungan"
    skema = "skema"
    konsekuensi = "konsekuensi"


def _baca_aspek(teks: str | None) -> str | None:
    """--aspek: a BerAKHLAK key or full name, any case; refused as a usage error when unknown."""
    if teks is None:
        return None
    from ..services.skp_lampiran import kunci_aspek, teks_aspek_dikenal

    k = kunci_aspek(teks)
    if k is None:
        raise typer.BadParameter(f"aspek '{teks}' tidak dikenal; pilih salah satu: {teks_aspek_dikenal()} "
                                 "(nama lengkap juga boleh, misalnya \"Berorientasi Pelayanan\")")
    return k


def _tampilkan_lampiran(d: dict, fmt: str) -> None:
    from .. import output
    from ..kosakata import BAGIAN_LAMPIRAN, NAMA_BAGIAN_LAMPIRAN
    from ..output.lebar import ANGKA, TEKS

    baris = [{"nip": d["nip"], "bagian": b, "nama_bagian": NAMA_BAGIAN_LAMPIRAN[b], "nomor": i, "teks": t}
             for b in BAGIAN_LAMPIRAN for i, t in enumerate(d["lampiran"][b], 1)]
    kolom = [output.Kolom("bagian", "Bagian", jenis=TEKS, penting=3), output.Kolom("nomor", "No", True, jenis=ANGKA, penting=1),
             output.Kolom("teks", "Isi", jenis=TEKS, penting=1)]
    if fmt != "tabel":
        output.tampilkan(baris, [output.Kolom("nip", "NIP"), *kolom], fmt)
        return
    tampil = []
    for b in BAGIAN_LAMPIRAN:
        isi = [x for x in baris if x["bagian"] == b]
        tampil += [{**x, "bagian": NAMA_BAGIAN_LAMPIRAN[b] if x["nomor"] == 1 else ""} for x in isi] or [
            {"bagian": NAMA_BAGIAN_LAMPIRAN[b], "nomor": None, "teks": "(belum diisi)"}]
    output.tampilkan(tampil, kolom, fmt, judul=f"Lampiran SKP {d['nama']} ({d['nip']}) periode {d['periode']}")


def _tampilkan_ekspektasi(d: dict, fmt: str) -> None:
    from .. import output
    from ..kosakata import ASPEK_BERAKHLAK, NAMA_ASPEK
    from ..output.lebar import TEKS

    baris = [{"nip": d["nip"], "aspek": a, "nama_aspek": NAMA_ASPEK[a], "teks": d["ekspektasi"].get(a)}
             for a in ASPEK_BERAKHLAK]
    if fmt != "tabel":
        output.tampilkan(baris, [output.Kolom(k, k) for k in ("nip", "aspek", "nama_aspek", "teks")], fmt)
        return
    kolom = [output.Kolom("nama_aspek", "Aspek", jenis=TEKS, penting=1),
             output.Kolom("teks", "Ekspektasi Khusus Pimpinan", jenis=TEKS, penting=1)]
    output.tampilkan([{**b, "teks": b["teks"] or "-"} for b in baris], kolom, fmt,
                     judul=f"Ekspektasi khusus pimpinan untuk {d['nama']} ({d['nip']}) periode {d['periode']}")


def _peringatan(h: dict, apa: str) -> None:
    from .. import output

    for p in h["peringatan"]:
        output.peringatan(p)
    if h["kembali_draf"]:
        output.peringatan(f"{apa} berubah, jadi SKP {h['nama']} ({h['nip']}) kembali ke draf (sebelumnya "
                          f"{h['kembali_draf']}) dan perlu diajukan serta disetujui lagi: kinerja sasaran ajukan "
                          f"{h['nip']} --periode {h['periode']}")


def lampiran(
    nip: ArgNip,
    periode: OpsiPeriode,
    dukungan: Annotated[Optional[list[str]], typer.Option(
        "--dukungan", help="Satu baris Dukungan Sumber Daya; ulangi untuk baris berikutnya.")] = None,
    skema: Annotated[Optional[list[str]], typer.Option(
        "--skema", help="Satu baris Skema Pertanggungjawaban; ulangi untuk baris berikutnya.")] = None,
    konsekuensi: Annotated[Optional[list[str]], typer.Option(
        "--konsekuensi", help="Satu baris Konsekuensi; ulangi untuk baris berikutnya.")] = None,
    hapus: Annotated[Optional[list[Bagian]], typer.Option(
        "--hapus", help="Kosongkan bagian ini (dukungan, skema atau konsekuensi); boleh diulang.")] = None,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Lihat atau isi LAMPIRAN SKP: Dukungan Sumber Daya, Skema Pertanggungjawaban, Konsekuensi.

    Tanpa opsi isian: lampiran yang tersimpan ditampilkan. Setiap --dukungan/--skema/--konsekuensi adalah satu
    baris bernomor; bagian yang disebut diganti seluruhnya, bagian lain tetap. Dicetak di dokumen SKP
    (kinerja ekspor skp). SKP yang sudah diajukan/disetujui kembali ke draf bila lampirannya berubah.

    Contoh: kinerja sasaran lampiran 198502142010012003 -p 2026 --dukungan "Aplikasi OSS" --dukungan "Anggaran sosialisasi" --konsekuensi "Predikat sesuai capaian"
    """
    from .. import output
    from ..kosakata import NAMA_BAGIAN_LAMPIRAN
    from ..services import skp_lampiran

    ganti = {b: v for b, v in (("dukungan", dukungan), ("skema", skema), ("konsekuensi", konsekuensi)) if v}
    for b in hapus or []:
        if b.value in ganti:
            raise typer.BadParameter(f"--hapus {b.value} dan --{b.value} tidak dapat dipakai bersama",
                                     param_hint="--hapus")
        ganti[b.value] = []
    koneksi = buka(db)
    if not ganti:
        _tampilkan_lampiran(skp_lampiran.lihat(koneksi, nip, periode), fmt.value)
        return
    h = skp_lampiran.ubah_lampiran(koneksi, nip, periode, ganti)
    _peringatan(h, "Lampiran SKP")
    siapa = f"{h['nama']} ({h['nip']}) periode {h['periode']}"
    if not h["diubah"]:
        output.info(f"Lampiran SKP {siapa} sudah sama; tidak ada yang diubah.")
    else:
        bagian = ", ".join(f"{NAMA_BAGIAN_LAMPIRAN[b]} " + (f"{len(h['lampiran'][b])} baris" if h["lampiran"][b]
                                                              else "dikosongkan") for b in h["diubah"])
        output.sukses(f"Lampiran SKP {siapa} diperbarui: {bagian}.")
    _tampilkan_lampiran(h, fmt.value)


def ekspektasi(
    nip: ArgNip,
    periode: OpsiPeriode,
    aspek: Annotated[Optional[str], typer.Option(
        "--aspek", help="Aspek BerAKHLAK: pelayanan, akuntabel, kompeten, harmonis, loyal, adaptif, kolaboratif "
        "(huruf besar/kecil sama; nama lengkap juga boleh).", metavar="ASPEK")] = None,
    teks: Annotated[Optional[str], typer.Option("--teks", help="Ekspektasi khusus pimpinan untuk aspek itu (dalam tanda "
                                                               "petik); menggantikan yang lama.")] = None,
    hapus: Annotated[bool, typer.Option("--hapus", help="Hapus ekspektasi khusus pimpinan aspek itu.")] = False,
    fmt: OpsiFormat = Format.tabel,
    db: OpsiDB = None,
) -> None:
    """Lihat atau catat EKSPEKTASI KHUSUS PIMPINAN per aspek perilaku BerAKHLAK pada SKP.

    Tanpa --aspek: ketujuh aspek ditampilkan. Dicetak di bagian Perilaku Kerja dokumen SKP (kinerja ekspor skp)
    di samping panduan perilakunya. SKP yang sudah diajukan/disetujui kembali ke draf bila ekspektasinya berubah.

    Contoh: kinerja sasaran ekspektasi 198502142010012003 -p 2026 --aspek pelayanan --teks "Izin selesai paling lama 3 hari"
    """
    from .. import output
    from ..kosakata import NAMA_ASPEK
    from ..services import skp_lampiran

    kunci = _baca_aspek(aspek)
    if kunci is None:
        if teks is not None or hapus:
            raise typer.BadParameter("sebutkan aspeknya dengan --aspek, misalnya --aspek pelayanan", param_hint="--aspek")
        _tampilkan_ekspektasi(skp_lampiran.lihat(buka(db), nip, periode), fmt.value)
        return
    if (teks is None) == (not hapus):
        raise typer.BadParameter("pakai salah satu: --teks \"...\" untuk mencatat atau --hapus untuk menghapus",
                                 param_hint="--teks/--hapus")
    h = skp_lampiran.ubah_ekspektasi(buka(db), nip, periode, kunci, None if hapus else teks)
    _peringatan(h, "Ekspektasi khusus pimpinan")
    apa = f"Ekspektasi khusus pimpinan aspek {NAMA_ASPEK[kunci]} untuk {h['nama']} ({h['nip']}) periode {h['periode']}"
    if h["aksi"] == "tetap":
        output.info(f"{apa} " + ("belum ada; tidak ada yang dihapus." if hapus else "sudah sama; tidak ada yang diubah."))
    else:
        output.sukses(f"{apa} " + {"tambah": "dicatat.", "ubah": "diganti.", "hapus": "dihapus."}[h["aksi"]])
    if fmt != Format.tabel:  # scripts get the seven aspects as they now stand
        _tampilkan_ekspektasi(h, fmt.value)


def daftarkan(app: typer.Typer) -> None:
    app.command("lampiran")(lampiran)
    app.command("ekspektasi")(ekspektasi)
