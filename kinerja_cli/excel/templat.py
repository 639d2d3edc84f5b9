"""Writing the fill-in workbook an OPD completes: Petunjuk, Sasaran, Realisasi, Perilaku (and Rating, permenpan6).

Streams with openpyxl write_only (memory stays flat for a city-wide template).
Headers are exactly the `judul` texts of the layouts in kolom.py, so a filled-in
template imports without editing. User text goes through `aman.teks_aman`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..kolom import PELATIHAN, PERILAKU, PILIHAN, RATING_PEJABAT, REALISASI, SASARAN, Tata
from ..kosakata import ASPEK_BERAKHLAK
from ..model import Periode
from ..validation.pelatihan import JENIS as JENIS_PELATIHAN
from . import penanda
from .aman import sel_aman
from .lembar_cepat import buat_lembar, buku_cepat, sel_kosong
from .petunjuk import tulis_petunjuk
from .tulis import periksa_tujuan, sementara_di, simpan_atomik

BATAS_BARIS = 5000  # validations and text-formatted NIP cells reach at least this row
CADANGAN_BARIS = 1000  # ...and this many rows below the pre-filled ones

KOLOM_NIP = ("nip", "penilai", "oleh")
RENTANG_ANGKA = {"bobot": (0, 100), **{a: (0, 120) for a in ASPEK_BERAKHLAK}}  # decimal validations
LEBAR = {"kegiatan": 45, "tanggal": 12, "jp": 8, "penyelenggara": 28, "nip": 22, "nama": 28, "jabatan": 26, "nomor": 8, "jenis": 11, "rhk": 45, "rhk_atasan": 14, "aspek": 12, "perspektif": 18,
         "indikator": 45, "target": 11, "satuan": 12, "bobot": 10, "arah": 9, "target_maksimal": 11,
         "status_skp": 13, "realisasi": 12, "bukti": 35, "penilai": 22, "peran": 11, "rating_hk": 22,
         "rating_pk": 22, "alasan": 40, "oleh": 22, "rekomendasi": 50, "alasan_hasil_kerja": 30,
         "alasan_perilaku": 30}
TEKS_PANJANG = ("rhk", "indikator", "bukti", "jabatan", "alasan", "rekomendasi", "alasan_hasil_kerja",
                "alasan_perilaku")
BEKU = {"Sasaran": "D2", "Realisasi": "C2", "Perilaku": "C2", "Rating": "C2"}  # NIP/Nama stay visible when scrolling
RUJUKAN = {"Realisasi": ("nama", "indikator", "target", "satuan"), "Perilaku": ("nama",)}  # copies: grey


@dataclass
class IsiTemplat:
    """Everything the workbook shows; rows are dicts keyed by the layouts' field keys."""

    periode: Periode
    unit: str | None
    dibuat: str
    jumlah_pegawai: int = 0
    kosong: bool = False
    sasaran: list = field(default_factory=list)
    realisasi: list = field(default_factory=list)
    perilaku: list = field(default_factory=list)
    rating: list | None = None  # permenpan6 only: the Rating sheet's rows ("_komentar": {key: saran text})
    rhk_atasan_dikosongkan: int = 0  # stored RHK Atasan links left empty: the import would refuse them


def angka_sel(v):
    """Decimal -> int/float for a plain General number cell; anything else unchanged."""
    if isinstance(v, Decimal) and v.is_finite():
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def tulis_templat(path: Path, isi: IsiTemplat, timpa: bool = False) -> Path:
    """Build the workbook and save it owner-only and atomically to `path`."""
    path = Path(path)
    periksa_tujuan(path, timpa)
    with sementara_di(path.parent if str(path.parent) else Path("."), path):  # rows spill in the private folder
        wb = buku_cepat()
        penanda.tulis(wb, isi.periode.kode)  # an import into another period is refused (excel/penanda.py)
        tulis_petunjuk(wb.create_sheet(penanda.SHEET_PETUNJUK), isi)
        _tulis_data(buat_lembar(wb, SASARAN.nama_sheet), SASARAN, isi.sasaran)
        _tulis_data(buat_lembar(wb, REALISASI.nama_sheet), REALISASI, isi.realisasi)
        _tulis_data(buat_lembar(wb, PERILAKU.nama_sheet), PERILAKU, isi.perilaku)
        if isi.rating is not None:
            _tulis_data(buat_lembar(wb, RATING_PEJABAT.nama_sheet), RATING_PEJABAT, isi.rating)
        return simpan_atomik(wb, path, timpa)


def tulis_templat_pelatihan(path: Path, baris: list[dict], timpa: bool = False) -> Path:
    """The Pelatihan workbook (one sheet, headers of kolom.PELATIHAN; rows pre-filled with NIP and Nama)."""
    path = Path(path)
    periksa_tujuan(path, timpa)
    with sementara_di(path.parent if str(path.parent) else Path("."), path):
        wb = buku_cepat()
        _tulis_data(buat_lembar(wb, PELATIHAN.nama_sheet), PELATIHAN, baris)
        return simpan_atomik(wb, path, timpa)


def _gaya():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    tipis = Side(style="thin", color="A6A6A6")
    return {
        "judul": dict(font=Font(bold=True, color="FFFFFF"), fill=PatternFill("solid", fgColor="1F4E78"),
                      alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
                      border=Border(left=tipis, right=tipis, top=tipis, bottom=tipis)),
        "rujukan": PatternFill("solid", fgColor="EDEDED"),
        "bungkus": Alignment(vertical="top", wrap_text=True),
        "atas": Alignment(vertical="top"),
    }


def _tulis_data(ws, tata: Tata, baris: list[dict]) -> None:
    from openpyxl.utils import get_column_letter

    g = _gaya()
    kolom = tata.kolom
    huruf = {k.key: get_column_letter(i) for i, k in enumerate(kolom, start=1)}
    akhir = max(BATAS_BARIS, len(baris) + 1 + CADANGAN_BARIS)
    for k in kolom:
        d = ws.column_dimensions[huruf[k.key]]
        d.width = LEBAR.get(k.key, 14)
        if k.key in KOLOM_NIP:
            d.number_format = "@"  # the whole column: NIPs typed later stay text
    ws.freeze_panes = BEKU.get(tata.nama_sheet, "B2")
    ws.auto_filter.ref = f"A1:{huruf[kolom[-1].key]}{max(len(baris) + 1, 2)}"
    _validasi(ws, tata, huruf, akhir)

    ws.append([sel_aman(ws, k.judul, **g["judul"]) for k in kolom])
    abu = set(RUJUKAN.get(tata.nama_sheet, ()))
    for b in baris:
        sel = []
        for k in kolom:
            v = b.get(k.key)
            gaya = {}
            if k.key in KOLOM_NIP:
                gaya["number_format"] = "@"
                v = None if v is None else str(v)
            else:
                v = angka_sel(v)
                gaya["alignment"] = g["bungkus"] if k.key in TEKS_PANJANG else g["atas"]
            if k.key in abu:
                gaya["fill"] = g["rujukan"]
            sel.append(sel_aman(ws, v, **gaya))
        for key, teks in (b.get("_komentar") or {}).items():  # the saran: a comment, never the value
            from openpyxl.comments import Comment

            sel[[k.key for k in kolom].index(key)].comment = Comment(teks, "kinerja", height=90, width=320)
        ws.append(sel)
    # Empty rows below: NIP cells pre-formatted as text for the whole validated range.
    posisi = [i for i, k in enumerate(kolom) if k.key in KOLOM_NIP]
    lebar = max(posisi) + 1
    teks = sel_kosong(ws, number_format="@")  # resolved once for thousands of rows
    for _ in range(len(baris) + 2, akhir + 1):
        row = [None] * lebar
        for i in posisi:
            row[i] = teks
        ws.append(row)


def _validasi(ws, tata: Tata, huruf: dict, akhir: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    pilihan_tata = {**PILIHAN, "jenis": JENIS_PELATIHAN} if tata is PELATIHAN else PILIHAN
    for k in tata.kolom:
        rentang = f"{huruf[k.key]}2:{huruf[k.key]}{akhir}"
        if k.key in pilihan_tata:
            pilihan = ", ".join(pilihan_tata[k.key])
            dv = DataValidation(type="list", formula1='"' + ",".join(pilihan_tata[k.key]) + '"', allow_blank=True,
                                showErrorMessage=True, showInputMessage=True, errorStyle="stop",
                                errorTitle="Isian tidak sah",
                                error=f"Kolom {k.judul} hanya boleh berisi: {pilihan}. Pilih dari daftar.",
                                promptTitle=k.judul[:32], prompt=f"Pilih: {pilihan}")
        elif k.key in RENTANG_ANGKA:
            lo, hi = RENTANG_ANGKA[k.key]
            dv = DataValidation(type="decimal", operator="between", formula1=str(lo), formula2=str(hi),
                                allow_blank=True, showErrorMessage=True, showInputMessage=True, errorStyle="stop",
                                errorTitle="Angka tidak sah",
                                error=f"Kolom {k.judul} harus berisi angka {lo} sampai {hi} (desimal boleh, tanpa %).",
                                promptTitle=k.judul[:32], prompt=f"Angka {lo}-{hi}")
        elif k.key == "nomor" and tata is SASARAN:
            dv = DataValidation(type="whole", operator="between", formula1="1", formula2="999", allow_blank=True,
                                showErrorMessage=True, errorStyle="stop", errorTitle="Nomor tidak sah",
                                error="Nomor baris SKP harus bilangan bulat 1 sampai 999 (boleh kosong).")
        else:
            continue
        dv.add(rentang)
        ws.data_validations.append(dv)
