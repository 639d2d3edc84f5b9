"""Rich views of results: the rating table, the step-by-step explanation, the comparison."""

from __future__ import annotations

from decimal import Decimal

from .. import output
from ..kosakata import (
    ASPEK_BERAKHLAK,
    BAIK,
    BELUM_DINILAI,
    BELUM_LENGKAP,
    BUTUH_PERBAIKAN,
    CUKUP,
    KOLOM_PREDIKAT,
    KURANG,
    KURANG_MISCONDUCT,
    NAMA_CATATAN,
    NAMA_PREDIKAT_UNIT,
    NONAKTIF,
    ORDER_PREDIKAT,
    RATING_BELUM_DITETAPKAN,
    SANGAT_BAIK,
    SANGAT_KURANG,
    penilai_tampil,
)
from ..model import BarisMasukan, Periode, Rekaman, ada_data, menunggu_realisasi
from ..scoring.parameter import Parameter
from ..validation.angka import angka_id
from .lebar import JUDUL_MIN

WARNA_PREDIKAT = {
    SANGAT_BAIK: "bold green",
    BAIK: "green",
    BUTUH_PERBAIKAN: "yellow",
    CUKUP: "yellow",
    KURANG: "dark_orange",
    KURANG_MISCONDUCT: "dark_orange",
    SANGAT_KURANG: "bold red",
}


def _predikat(teks: str) -> str:
    """Markup: the predikat in its colour."""
    return f"[{WARNA_PREDIKAT.get(teks, '')}]{teks}[/]" if teks in WARNA_PREDIKAT else output.esc(teks)



def predikat_tampil(b: dict) -> str:
    """The predikat a person reads: "belum lengkap" while their SKP rows still wait for any realisation
    (mid-period a missing realisation counts 0, so NHK is 0 and the predikat would read "Sangat
    Kurang"); JSON/CSV keep the computed predikat with lengkap false. The one place that decides it
    (issue 17 §4). Someone with some realisations keeps their predikat (and the flag in Catatan)."""
    if b.get("predikat") is None or menunggu_realisasi(b.get("catatan"), b.get("nhk")):
        return BELUM_LENGKAP  # no predikat (permenpan6): a rating neither set nor with data for a saran
    return b["predikat"]


def _catatan(cat: list) -> str:
    """Markup-safe text of the catatan flags."""
    return output.esc("; ".join(NAMA_CATATAN.get(c, c) for c in cat))


BATAS_BARIS_LAYAR = 2000  # a terminal table beyond this helps nobody (and takes long to draw)


# The rating table's columns: header, kind, importance on a narrow screen (1 always shown, the highest
# hidden first; see output.lebar).
_ANGKA, _TEKS = output.ANGKA, output.TEKS
KOLOM_NILAI = {"NIP": (output.NIP, 1), "Nama": (_TEKS, 2), "Unit": (_TEKS, 6), "Jabatan": (_TEKS, 7),
               "NHK": (_ANGKA, 3), "NPK": (_ANGKA, 3), "NA": (_ANGKA, 1), "Predikat": (_TEKS, 1),
               "Rating Hasil Kerja": (_TEKS, 2), "Rating Perilaku Kerja": (_TEKS, 2), "Catatan": (_TEKS, 4)}
# permenpan6: the ratings carry the result, NHK/NPK only the numbers behind the saran: on a narrow screen
# they go before the unit (shown by its short name), which goes before the flags (Catatan)
KOLOM_NILAI_P6 = {**KOLOM_NILAI, "Unit": (_TEKS, 5), "NHK": (_ANGKA, 5), "NPK": (_ANGKA, 5)}


def tabel_nilai(baris: list[dict], periode: Periode, metode: str, dari_snapshot: bool) -> None:
    """The rating table; it drops columns the screen cannot hold rather than folding numbers."""
    semua, baris = baris, baris[:BATAS_BARIS_LAYAR]

    unit_sama = len({b["unit"] for b in baris}) == 1
    esc = output.esc  # every user value inside markup goes through it
    judul = f"Nilai kinerja periode {esc(periode.kode)} — metode {metode}"
    beku = " (periode ditutup: hasil beku)" if dari_snapshot else ""
    if unit_sama and baris:
        # the unit name gets what the rest of the title leaves on one line ("permenpan6" is longer than "pp30")
        lebar = output.konsol().width
        sisa = lebar - len(f"Nilai kinerja periode {periode.kode} — metode {metode} — {beku}") - 1
        maks = max(JUDUL_MIN, min(lebar // 3 + 10, sisa))  # too long: the unit's short name (never cut mid-word)
        judul += f" — {esc(output.nama_pendek(baris[0]['unit'], maks, baris[0].get('unit_singkat')))}"
    judul += beku
    kolom = ["NIP", "Nama"] + ([] if unit_sama else ["Unit"]) + ["Jabatan"]
    if metode == "pp30":
        kolom += ["NHK", "NPK", "NA", "Predikat"]
    else:
        kolom += ["NHK", "Rating Hasil Kerja", "NPK", "Rating Perilaku Kerja", "Predikat"]
    kolom.append("Catatan")
    jenis = KOLOM_NILAI if metode == "pp30" else KOLOM_NILAI_P6
    isi, pendek = [], []
    for b in baris:
        pendek.append(esc(b.get("unit_singkat") or b["unit"]))
        nama = esc(b["nama"]) + ("" if b.get("aktif", True) else f" [dim]({NONAKTIF})[/]")
        sel = [esc(b["nip"]), nama] + ([] if unit_sama else [esc(b["unit"])]) + \
            ([esc(b["jabatan"] or "-")] if "Jabatan" in kolom else [])
        if not b.get("ada_data", True):  # nobody has started on this person: no numbers to show yet
            sel += ["-"] * (len(kolom) - len(sel) - 2) + [f"[dim]{BELUM_DINILAI}[/]", "[dim]belum ada data periode ini[/]"]
            isi.append(sel)
            continue
        if metode == "pp30":
            sel += [angka_id(b["nhk"]), angka_id(b["npk"]), angka_id(b["na"]), _predikat(predikat_tampil(b))]
        else:
            hk, pk = (rating_tampil(b[k], b[k + "_langsung"]) for k in ("rating_hasil_kerja", "rating_perilaku"))
            pr = predikat_tampil(b)  # on saran: marked in the column itself, which a narrow screen keeps
            tanda = TANDA_SARAN if RATING_BELUM_DITETAPKAN in b["catatan"] and pr != BELUM_LENGKAP else ""
            sel += [angka_id(b["nhk"]), hk, angka_id(b["npk"]), pk, _predikat(pr) + tanda]
        sel.append(f"[yellow]{_catatan(b['catatan'])}[/]" if b["catatan"] else "")
        isi.append(sel)
    from rich.text import Text

    output.cetak(output.tabel_sel([output.Kolom(k, k, jenis=jenis[k][0], penting=jenis[k][1]) for k in kolom], isi,
                                  Text.from_markup(judul), pendek=None if unit_sama else {2: pendek}))
    saran = sum(1 for b in semua if RATING_BELUM_DITETAPKAN in b["catatan"] and b.get("ada_data", True))
    if saran:
        output.cetak(output.teks(baris_saran(saran, periode.kode)))
    if len(semua) > len(baris):
        output.cetak(f"[yellow]{len(semua) - len(baris):,} baris lain tidak ditampilkan di layar[/]".replace(",", ".")
                     + " — saring dengan --unit, atau ambil semuanya dengan --format csv atau kinerja ekspor rekap.")
    output.cetak(ringkasan_predikat(semua))


SARAN = " (saran)"  # a rating kinerja suggested from the numbers, not set by the pejabat penilai
TANPA_SARAN = "belum ada saran"  # neither set nor suggested: the data a saran would rest on is missing


def rating_tampil(rating: str | None, langsung: bool) -> str:
    """A rating cell: as set, marked as a saran, or "belum ada saran" (scoring.hitung.kurang_dasar_saran)."""
    if rating is None:
        return f"[dim]{TANPA_SARAN}[/]"
    return output.esc(rating) + ("" if langsung else SARAN)
TANDA_SARAN = "*"  # after a predikat resting on saran (the Catatan column may be hidden on a narrow screen)


def baris_saran(n: int, kode: str) -> str:
    """The summary line under a permenpan6 table: how many results still rest on a saran, and the fix."""
    return (f"{TANDA_SARAN} {n} hasil masih saran (rating belum ditetapkan pejabat penilai) — tetapkan dengan: "
            f"kinerja rating tetapkan NIP -p {kode}, kinerja rating impor BERKAS -p {kode}, atau "
            f"kinerja rating terima-saran --unit UNIT -p {kode} --oleh NIP --alasan \"...\"")


def ringkasan_predikat(baris: list[dict]) -> str:
    """The footer: predikat counts of the people with data; those with none are counted apart."""
    hitung: dict[str, int] = {}
    tanpa_data = 0
    for b in baris:
        if not b.get("ada_data", True):
            tanpa_data += 1
            continue
        p = predikat_tampil(b)
        hitung[p] = hitung.get(p, 0) + 1
    bagian = [f"{_predikat(p)}: {hitung[p]}" for p in ORDER_PREDIKAT if p in hitung]
    if hitung.get(BELUM_LENGKAP):  # the predikat cell's word, with what it waits for
        bagian.append(f"[yellow]{BELUM_LENGKAP} (menunggu realisasi): {hitung[BELUM_LENGKAP]}[/]")
    if tanpa_data:
        bagian.append(f"[dim]{BELUM_DINILAI}: {tanpa_data}[/]")
    tidak_lengkap = sum(1 for b in baris if not b["lengkap"] and b.get("ada_data", True))
    teks = f"Jumlah: {len(baris)} pegawai — " + ", ".join(bagian)
    if tidak_lengkap:
        # results with any catatan flag (a saran, a missing rater...): not the same count as the one above
        teks += f" — [yellow]{tidak_lengkap} hasil belum final[/] (ada catatan: kolom Catatan, --rinci atau --format csv; --hanya-lengkap untuk menyaring)"
    return teks


def _angka(x, digit: int = 2) -> str:
    if x is None:
        return "-"
    d = Decimal(x)
    if d == d.quantize(Decimal(1).scaleb(-digit)):
        return angka_id(d, digit)
    return angka_id(d, 4) + "…"  # an exact mean that is not rounded at this step


def _target(b: BarisMasukan) -> str:
    if b.target_hi:
        return f"{angka_id(Decimal(b.target_lo), 2)}–{angka_id(Decimal(b.target_hi), 2)}"
    return angka_id(Decimal(b.target_lo))


# The two tables of `rinci`: header, kind, importance on a narrow screen (1 always shown).
KOLOM_RINCI_HK = [output.Kolom(k, k, jenis=j, penting=p) for k, j, p in (
    ("No", _ANGKA, 1), ("Jenis", _TEKS, 6), ("Indikator", _TEKS, 3), ("Target", _ANGKA, 2), ("Realisasi", _ANGKA, 2),
    ("Arah", _TEKS, 7), ("Capaian C (%)", _ANGKA, 2), ("Cabang konversi", _TEKS, 8), ("Nilai", _ANGKA, 1),
    ("Bobot", _ANGKA, 2), ("Bobot × Nilai", _ANGKA, 3))]
KOLOM_RINCI_PK = [output.Kolom(k, k, jenis=j, penting=p) for k, j, p in (
    ("Penilai", output.PECAH, 1), ("Nama", _TEKS, 4), ("Peran", _TEKS, 2),
    *((a.capitalize(), _ANGKA, 3) for a in ASPEK_BERAKHLAK), ("Rata-rata", _ANGKA, 1))]


def _aturan_rinci(periode: Periode) -> tuple[str, str]:
    """(the rounding in words, the NPK rule applied in words) of the period's stored parameters."""
    try:
        param = periode.param
    except (KeyError, TypeError, ValueError):
        param = Parameter.dari_dict({})
    if param.penilaian_360 == "tidak":  # the rule applied, not the unused role weights
        return param.teks_pembulatan(), ("penilaian 360 periode ini: tidak, jadi NPK = nilai atasan saja; "
                                         "rekan dan bawahan ditampilkan, tidak dihitung")
    peran = ", ".join(f"{k} {angka_id(v, 0) if v == v.to_integral_value() else angka_id(v)}"
                      for k, v in param.bobot_peran.items())
    return param.teks_pembulatan(), f"bobot peran {peran}, dinormalkan atas peran yang benar-benar menilai"


def rinci(r: Rekaman, periode: Periode, dari_snapshot: bool) -> None:
    """One employee, step by step, so every number can be checked with a calculator."""
    p, h, m = r.pegawai, r.hasil, r.masukan
    esc = output.esc  # every user value inside markup goes through it
    sumber = "hasil beku saat periode ditutup" if dari_snapshot else "dihitung dari data terkini"
    bulat, bobot_peran = _aturan_rinci(periode)
    output.cetak(f"[bold]{esc(p.nama)}[/] — NIP {esc(p.nip)}\n{esc(p.jabatan or '-')}, {esc(p.unit)}\n"
                 f"Periode {esc(periode.kode)}, metode {h.metode} ({sumber})\n")
    if not ada_data(r):
        output.cetak(f"[yellow]Belum ada data untuk pegawai ini di periode {esc(periode.kode)} (tanpa SKP, tanpa penilaian "
                     f"perilaku): di tabel nilai ia tampil sebagai \"{BELUM_DINILAI}\". Angka di bawah adalah hasil "
                     "aturan bila datanya tetap kosong.[/]\n")
    # 1-3: SKP rows and NHK
    isi = []
    hb = {b.nomor: b for b in h.baris}
    jumlah_bn, jumlah_b = Decimal(0), Decimal(0)
    for b in m.baris:
        x = hb.get(b.nomor)
        bobot, nilai = Decimal(b.bobot), x.nilai if x else Decimal("0")
        jumlah_bn += bobot * nilai
        jumlah_b += bobot
        arah = b.arah + (", target maks." if b.target_maksimal else "")
        isi.append([str(b.nomor), esc(b.jenis), esc(f"{b.indikator} ({b.satuan or '-'})"), _target(b),
                    angka_id(Decimal(b.realisasi)) if b.realisasi is not None else "[yellow]belum diisi[/]",
                    esc(arah), _angka(x.capaian if x else None), esc(x.cabang if x else ""),
                    _angka(x.nilai if x else None), angka_id(bobot), angka_id(bobot * nilai)])
    output.cetak(output.tabel_sel(KOLOM_RINCI_HK, isi, "1. Hasil kerja: capaian dan nilai capaian tiap indikator",
                                  semua="--format json"))
    if m.baris:
        output.cetak(f"NHK = Σ(bobot × nilai) / Σ bobot = {angka_id(jumlah_bn)} / {angka_id(jumlah_b)} = "
                     f"[bold]{_angka(h.nhk)}[/] ({bulat})\n")
    else:
        output.cetak("NHK = 0 (belum ada SKP)\n")
    # 4: behaviour
    isi = []
    rata = {(penilai, peran): nilai for penilai, peran, nilai in h.perilaku.per_penilai}
    for pn in m.penilaian:
        skor = [_angka(pn.skor.get(a)) if pn.skor.get(a) is not None else "-" for a in ASPEK_BERAKHLAK]
        peran = pn.peran + (" (tidak dihitung)" if pn.peran == "diri" else "")
        isi.append([esc(penilai_tampil(pn.penilai, pn.nama_penilai)), esc(pn.nama_penilai or "-"), esc(peran), *skor,
                    _angka(rata.get((pn.penilai, pn.peran)))])
    t = output.tabel_sel(KOLOM_RINCI_PK, isi, "2. Perilaku kerja (BerAKHLAK, skor 0–120)", semua="--format json")
    output.cetak(t if m.penilaian else "[bold]2. Perilaku kerja (BerAKHLAK)[/]\n[yellow]Belum ada penilaian perilaku.[/]")
    per_peran, bobot = h.perilaku.per_peran, h.perilaku.bobot_peran
    for peran, nilai in per_peran.items():
        output.cetak(f"Rata-rata peran {esc(peran)}: {_angka(nilai)}" + ("" if peran in bobot else " (tidak dihitung)"))
    if bobot:
        suku = " + ".join(f"{angka_id(Decimal(bobot[k]))}% × {_angka(per_peran[k])}" for k in bobot)
        output.cetak(f"NPK = {suku} = [bold]{_angka(h.npk)}[/] ({bulat})\n"
                     f"  {bobot_peran}\n")
    else:
        output.cetak("NPK = 0 (tidak ada penilaian perilaku)\n")
    # 5-6: NA and predikat
    if h.metode == "permenpan6":  # 6/2022: "tidak digunakan lagi rumus matematis"; NA is no basis of a rating
        output.cetak("[bold]3. Nilai akhir: angka bantu, bukan dasar rating[/]\nPermenPANRB 6/2022 tidak memakai rumus "
                     "nilai akhir: predikat berasal dari kuadran rating hasil kerja × rating perilaku (bagian 4). "
                     "NA di bawah hanya angka bantu (misalnya untuk TPP), dengan bobot "
                     f"{angka_id(h.w_hk)}/{angka_id(h.w_pk)} — {esc(h.alasan_bobot)}")
    else:
        output.cetak(f"[bold]3. Nilai akhir[/]\nBobot komponen: hasil kerja {angka_id(h.w_hk)}%, perilaku "
                     f"{angka_id(h.w_pk)}% — {esc(h.alasan_bobot)}")
    output.cetak(f"NA = {angka_id(h.w_hk)}% × {_angka(h.nhk)} + {angka_id(h.w_pk)}% × "
                 f"{_angka(h.npk)} = [bold]{_angka(h.na)}[/]\n")
    output.cetak("[bold]4. Predikat[/]")
    if h.metode == "permenpan6":
        for nama, kunci, kolom in (("Hasil kerja", "hk", "hasil_kerja"), ("Perilaku kerja", "pk", "perilaku")):
            nilai_rating = getattr(h, 'rating_' + kunci)
            teks = f"Rating {nama.lower()}: {esc(nilai_rating or '-')}"
            if nilai_rating is None:
                teks += f" ({TANPA_SARAN}, belum ditetapkan pejabat penilai)"
            elif getattr(h, f"rating_{kunci}_langsung"):
                oleh = r.rating_langsung.pejabat(kolom) if r.rating_langsung else None  # who set THIS rating
                teks += (f" (ditetapkan pejabat penilai{' ' + esc(oleh) if oleh else ''}; "
                         f"saran: {esc(getattr(h, 'rating_' + kunci + '_turunan') or TANPA_SARAN)}")
                alasan_pejabat = getattr(r.rating_langsung, "alasan_" + kolom, None)
                teks += f"; alasan: {esc(alasan_pejabat)})" if alasan_pejabat else ")"
            else:
                teks += " (saran, belum ditetapkan pejabat penilai)"
            alasan = getattr(h, f"alasan_rating_{kunci}")
            output.cetak(teks + (f" — {esc(alasan)}" if alasan else ""))
        output.cetak(f"Sel matriks: {esc(h.sel_matriks or '-')}")
    output.cetak(esc(h.aturan_predikat))
    output.cetak(f"Predikat: {_predikat(h.predikat or BELUM_LENGKAP)}")
    if h.catatan:
        output.cetak(f"[yellow]Data belum lengkap: {_catatan(h.catatan)}[/]")


def tabel_banding(baris: list[dict], periode: Periode) -> None:
    kolom = [output.Kolom(k, j, angka=a, penting=p) for k, j, a, p in (  # p: importance on a narrow screen
        ("nip", "NIP", False, 1), ("nama", "Nama", False, 2), ("unit", "Unit", False, 6), ("nhk", "NHK", True, 4),
        ("npk", "NPK", True, 4), ("na", "NA", True, 3), ("predikat_pp30", "Predikat PP 30/2019", False, 1),
        ("rating_hasil_kerja", "Rating HK", False, 3), ("rating_perilaku", "Rating PK", False, 3),
        ("predikat_permenpan6", "Predikat PermenPANRB 6/2022", False, 1), ("sama", "Sama", False, 2))]
    beda = sum(1 for b in baris if not b["sama"] and b.get("ada_data", True))
    belum = {"nhk": None, "npk": None, "na": None, "predikat_pp30": BELUM_DINILAI, "rating_hasil_kerja": "-",
             "rating_perilaku": "-", "predikat_permenpan6": BELUM_DINILAI, "sama": "-"}
    baris = [b if b.get("ada_data", True) else {**b, **belum} for b in baris]
    output.tampilkan(baris, kolom, "tabel",
                     judul=f"Perbandingan dua metode, periode {periode.kode} (metode periode: {periode.metode}, tidak diubah)",
                     catatan=f"{len(baris)} pegawai; predikat berbeda: {beda}",
                     gaya_baris=lambda b: None if b["sama"] else "yellow")


def tabel_distribusi(baris: list[dict], periode: str, kolom_predikat: tuple = KOLOM_PREDIKAT) -> None:
    """Per unit: count (share) of each predikat (columns `kolom_predikat`: the period's names), the unit's own
    predikat, the curve verdict."""
    tampil = []
    for b in baris:
        t = {"unit": b["unit"], "jumlah": b["jumlah"], "tanpa_data": b.get("tanpa_data", 0),
             "menunggu": b.get("menunggu_realisasi", 0)}
        for k, _ in kolom_predikat:
            t[k] = f"{b[k]} ({output.teks_sel(b['persen_' + k], True)}%)"
        t["predikat_unit"] = NAMA_PREDIKAT_UNIT.get(b["predikat_unit"], "-") if b["predikat_unit"] else "belum ditetapkan"
        t["kurva"] = ("sesuai" if b["sesuai_kurva"] else "\n".join(b["pelanggaran"])) if b["predikat_unit"] else "-"
        t["sesuai_kurva"] = b["sesuai_kurva"]
        tampil.append(t)
    # "3 (13,64%)" may wrap between the count and the share, never inside either; importance on a narrow screen
    kolom = [output.Kolom("unit", "Unit", penting=1), output.Kolom("jumlah", "Dinilai", True, penting=1),
             *[output.Kolom(k, j, True, jenis=output.TEKS, penting=2) for k, j in kolom_predikat],
             output.Kolom("predikat_unit", "Predikat unit", penting=3), output.Kolom("kurva", "Kurva distribusi", penting=4)]
    if any(t["tanpa_data"] for t in tampil):
        kolom.insert(2, output.Kolom("tanpa_data", "Tanpa data", True, penting=3))
    menunggu = sum(t["menunggu"] for t in tampil)
    if menunggu:  # mid-period: never a column of "Sangat Kurang" for people whose realisations are not in yet
        kolom.insert(2, output.Kolom("menunggu", "Belum lengkap", True, penting=3))
    output.tampilkan(tampil, kolom, "tabel", judul=f"Distribusi predikat pegawai, periode {periode}",
                     catatan="Kurva hanya peringatan: tidak ada rating yang diubah. Pegawai tanpa data sama sekali "
                             "(tanpa SKP dan penilaian) tidak ikut dihitung"
                             + (f"; {menunggu} pegawai belum lengkap (belum ada realisasi sama sekali, atau rating belum "
                                "ditetapkan dan belum ada saran) juga tidak "
                                "ikut dihitung dalam jumlah dan persentase." if menunggu else "."),
                     gaya_baris=lambda b: None if b["sesuai_kurva"] is not False else "yellow")
    langgar = [b for b in baris if b["sesuai_kurva"] is False]
    if langgar:
        output.peringatan(f"{len(langgar)} unit tidak sesuai kurva distribusinya.")
