"""Rich views of trends: a block-character bar of NA (out of 120) per period, and the change."""

from __future__ import annotations

from decimal import Decimal

from .. import output
from ..kosakata import BAIK, BELUM_LENGKAP, BUTUH_PERBAIKAN, KUNCI_PREDIKAT, KURANG, ORDER_PREDIKAT, SANGAT_KURANG
from ..validation.angka import angka_id
from .nilai import WARNA_PREDIKAT

NA_MAKS = Decimal(120)
LEBAR_BATANG = 24
_SEBAGIAN = " ▏▎▍▌▋▊▉"  # index = eighths of a cell


def batang(na, lebar: int = LEBAR_BATANG, maks: Decimal = NA_MAKS) -> str:
    """'██████▍' : `na` relative to `maks`, in eighths of a character cell (plain text)."""
    na = Decimal(na)
    if na <= 0:
        return ""
    delapan = int((min(na, maks) / maks * lebar * 8).to_integral_value())
    penuh, sisa = divmod(delapan, 8)
    return "█" * penuh + (_SEBAGIAN[sisa] if sisa else "")


def warna_na(na) -> str:
    """The colour of the pp30 band an NA falls in (used for a unit's mean)."""
    na = Decimal(na)
    if na >= 90:
        return WARNA_PREDIKAT[BAIK]
    if na >= 70:
        return WARNA_PREDIKAT[BUTUH_PERBAIKAN]
    if na >= 50:
        return WARNA_PREDIKAT[KURANG]
    return WARNA_PREDIKAT[SANGAT_KURANG]


def perubahan(selisih) -> str:
    if selisih is None:
        return "[dim]–[/]"
    if selisih > 0:
        return f"[green]▲ {angka_id(selisih)}[/]"
    if selisih < 0:
        return f"[red]▼ {angka_id(-selisih)}[/]"
    return "[dim]= 0,00[/]"


def _ringkas(data: dict, apa: str) -> str:
    """The overall direction over the periods with complete data (a period in progress is left out)."""
    esc = output.esc
    banding, belum = data["banding"], data["belum_lengkap"]
    kecuali = (f" Periode yang belum lengkap (belum ada realisasi) tidak dihitung: {esc(', '.join(belum))}."
               if belum else "")
    if not banding:
        return f"Belum ada periode dengan realisasi; tren belum dapat dibaca.{kecuali}"
    if len(banding) == 1:
        return f"Baru satu periode tercatat lengkap ({esc(banding[0])}); tren belum dapat dibaca.{kecuali}"
    arah, selisih = data["arah"], data["selisih_total"]
    warna = {"naik": "green", "turun": "red"}.get(arah, "dim")
    beda = f" {angka_id(abs(selisih))}" if selisih else ""  # the word says the direction: no sign
    return (f"Secara keseluruhan {apa} [bold {warna}]{arah}[/]{beda} dari {esc(banding[0])} ke {esc(banding[-1])} "
            f"({len(banding)} periode).{kecuali}")


def _kolom(spek) -> list:
    """(header, kind, importance on a narrow screen: 1 always shown, the highest hidden first)."""
    return [output.Kolom(k, k, jenis=j, penting=p) for k, j, p in spek]


_A, _T, _U = output.ANGKA, output.TEKS, output.UTUH
KOLOM_PEGAWAI = _kolom((("Periode", _U, 1), ("Metode", _T, 5), ("NHK", _A, 3), ("NPK", _A, 3), ("NA", _A, 1),
                        ("Predikat", _T, 2), ("Batang NA", _U, 6), ("Perubahan", _A, 4)))


def tren_pegawai(data: dict) -> None:
    from rich.text import Text

    p, baris = data["pegawai"], data["baris"]
    esc = output.esc  # every user value inside markup goes through it
    judul = Text.from_markup(f"Tren nilai kinerja {esc(p['nama'])} — NIP {esc(p['nip'])}, "
                             f"{esc(output.nama_pendek(p['unit'], singkatan=data.get('singkatan')))}")
    isi = []
    for b in baris:
        w = WARNA_PREDIKAT.get(b["predikat"], "")
        periode = esc(b["periode"]) + ("" if b["lengkap"] else " [yellow]*[/]")
        if not b.get("dihitung", True):  # mid-period: no realisation yet, so no predikat and no bar to read
            isi.append([periode, b["metode"], angka_id(b["nhk"]), angka_id(b["npk"]), angka_id(b["na"]),
                        f"[yellow]{BELUM_LENGKAP}[/]", "", perubahan(b["selisih"])])
            continue
        isi.append([periode, b["metode"], angka_id(b["nhk"]), angka_id(b["npk"]), angka_id(b["na"]),
                    f"[{w}]{b['predikat']}[/]" if w else esc(b["predikat"]),
                    f"[{w}]{batang(b['na'])}[/]" if w else batang(b["na"]), perubahan(b["selisih"])])
    output.cetak(output.tabel_sel(KOLOM_PEGAWAI, isi, judul, f"Batang: NA terhadap {angka_id(NA_MAKS, 0)}; warna menurut predikat.",
                                  catatan_bila="Batang NA"))
    if any(not b["lengkap"] for b in baris):
        output.cetak("[yellow]*[/] data periode itu belum lengkap (lihat kinerja nilai --periode KODE --nip NIP --rinci)")
    output.cetak(_ringkas(data, "NA"))


def tren_unit(data: dict) -> None:
    baris = data["baris"]
    ada = [p for p in ORDER_PREDIKAT if any(b[KUNCI_PREDIKAT[p]] for b in baris)]
    menunggu = any(b.get("menunggu_realisasi") for b in baris)
    kolom = _kolom((("Periode", _U, 1), ("Metode", _T, 6), ("Pegawai", _A, 3),
                    *((("Belum lengkap", _A, 2),) if menunggu else ()), ("Rata-rata NA", _A, 1),
                    ("% Baik", _A, 2), *((p, _A, 4) for p in ada), ("Batang", _U, 5), ("Perubahan", _A, 3)))
    isi = []
    for b in baris:
        jumlah = [f"[{WARNA_PREDIKAT[p]}]{b[KUNCI_PREDIKAT[p]]}[/]" if b[KUNCI_PREDIKAT[p]] else "[dim]0[/]" for p in ada]
        periode = output.esc(b["periode"]) + ("" if b["dihitung"] else " [yellow]*[/]")
        if b["rata_na"] is None:  # nobody with a realisation yet: no mean, no share, no bar
            rata, persen, bar = "[dim]–[/]", "[dim]–[/]", ""
        else:
            w = warna_na(b["rata_na"])
            rata, persen, bar = angka_id(b["rata_na"]), f"{angka_id(b['persen_baik'])}%", f"[{w}]{batang(b['rata_na'])}[/]"
        isi.append([periode, b["metode"], str(b["jumlah_pegawai"]),
                    *([str(b.get("menunggu_realisasi", 0))] if menunggu else []), rata, persen, *jumlah, bar,
                    perubahan(b["selisih"])])
    awal = "Tren nilai kinerja unit "  # the unit's whole name when the line holds it, else its short name
    nama = output.nama_pendek(data["unit"], max(1, output.konsol().width - len(awal) - 2), data.get("singkatan"))
    output.cetak(output.tabel_sel(kolom, isi, output.esc(awal + nama),
                                  f"Batang: rata-rata NA terhadap {angka_id(NA_MAKS, 0)}; % Baik = Baik atau Sangat Baik.",
                                  catatan_bila="Batang"))
    if menunggu:
        output.cetak("Belum lengkap: pegawai yang SKP-nya belum punya realisasi sama sekali; tidak ikut dihitung "
                     "dalam rata-rata NA, % Baik dan jumlah per predikat."
                     + (" [yellow]*[/] periode tanpa realisasi sama sekali: tidak dihitung dalam tren."
                        if any(not b["dihitung"] for b in baris) else ""))
    output.cetak(_ringkas(data, "rata-rata NA"))
