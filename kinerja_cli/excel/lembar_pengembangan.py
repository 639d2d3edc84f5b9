"""The 'Pengembangan' sheet: JP per employee against the rule of their status (DOMAIN.md 7):
a PNS against the 20 JP minimum, a PPPK against the 24 JP ceiling (never "under 20 JP").

`tulis(wb, baris, tahun)` appends the sheet to an openpyxl *write_only*
workbook (the recap workbook calls it; `baris` are the rows of
`services.pelatihan.rekap`). Text from user data is written by the one rule of
every sheet (`aman`): a literal string cell (formula-like text with the quote
prefix), control characters dropped, cut at Excel's cell limit.
"""

from __future__ import annotations

from decimal import Decimal

from ..kosakata import jenis_dasar
from ..validation.pelatihan import DASAR_HUKUM_JP, DASAR_HUKUM_JP_PPPK, MAKSIMAL_JP_PPPK, MINIMAL_JP
from .aman import isi_teks
from .baris_xml import _siapkan
from .baris_xml import baris as baris_xml
from .lembar import Aliran, atur_cetak, baris_terbanyak
from .lembar_cepat import adalah_cepat

NAMA_SHEET = "Pengembangan"
BARIS_JUDUL = 4  # title, subtitle, blank, header

# (key, header, width, kind) kind: teks | bil (integer) | desimal | ya (bool)
KOLOM = (
    ("no", "No", 5, "bil"),
    ("nip", "NIP", 21, "teks"),
    ("nama", "Nama", 32, "teks"),
    ("unit", "Unit Kerja", 28, "teks"),
    ("status", "Status", 8, "teks"),
    ("jumlah_kegiatan", "Jumlah Kegiatan", 10, "bil"),
    ("jp", "JP", 9, "desimal"),
    ("ketentuan_jp", "Ketentuan JP", 16, "teks"),
    ("kekurangan_jp", "Kekurangan JP", 13, "desimal"),  # empty for a PPPK (no minimum)
    ("memenuhi", "Memenuhi Ketentuan", 11, "ya"),
    ("keterangan", "Keterangan", 40, "teks"),
    ("predikat_terburuk", "Predikat Terburuk", 20, "teks"),
    ("perlu_tindak_lanjut", "Perlu Tindak Lanjut", 12, "ya"),
    ("prioritas", "Prioritas", 10, "ya"),
)
LEBAR = {k: w for k, _, w, _ in KOLOM}
# the text columns that may wrap: their cells wrap at spaces and the row is as high as its longest one
KOLOM_BUNGKUS = ("nama", "unit", "ketentuan_jp", "keterangan", "predikat_terburuk")
XML_LANGSUNG = True  # rows of the recap's LembarCepat rendered as text (False: cell objects, same output)


def _atas():
    from openpyxl.styles import Alignment

    return Alignment(vertical="top")  # every data cell: a wrapped name and its NIP and numbers start on one line


def _huruf(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)


def _teks(ws, v, **gaya):
    """A cell holding `v` literally as text (aman.isi_teks: a leading '=' never makes a formula)."""
    from openpyxl.cell import WriteOnlyCell

    c = WriteOnlyCell(ws)
    for k, x in gaya.items():
        setattr(c, k, x)
    if v is not None:
        isi_teks(c, str(v))
    return c


def _angka(ws, v, fmt: str, **gaya):
    from openpyxl.cell import WriteOnlyCell

    c = WriteOnlyCell(ws, value=v)
    c.number_format = fmt
    for k, x in gaya.items():
        setattr(c, k, x)
    return c


def _tinggi(b: dict, unit: str | None) -> int:
    """Lines the row needs: its wrapped text columns at their widths (the unit as shown)."""
    return baris_terbanyak([(unit if k == "unit" else b.get(k), LEBAR[k]) for k in KOLOM_BUNGKUS])


def tulis(wb, baris: list[dict], tahun: int, minimal_jp: Decimal = MINIMAL_JP, singkatan: dict | None = None):
    """Append the 'Pengembangan' sheet to the write_only workbook `wb`; return the sheet.

    `singkatan` (unit casefolded -> official short name, `kinerja unit singkatan`): the narrow Unit Kerja
    column shows it; a unit without one wraps, as Nama and Keterangan do, in a row as high as it needs."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    ws = wb.create_sheet(NAMA_SHEET) if isinstance(wb, Workbook) else wb  # a workbook, or a sheet made for us
    for i, (_, _, lebar, _) in enumerate(KOLOM):
        ws.column_dimensions[_huruf(i)].width = lebar
    ws.freeze_panes = f"A{BARIS_JUDUL + 1}"
    atur_cetak(ws, lanskap=True, baris_judul=BARIS_JUDUL)  # before the first row (write-only)
    akhir = BARIS_JUDUL + max(len(baris), 1)
    ws.auto_filter.ref = f"A{BARIS_JUDUL}:{_huruf(len(KOLOM) - 1)}{akhir}"

    minimal = f"{minimal_jp.normalize():f}" if isinstance(minimal_jp, Decimal) else str(minimal_jp)
    maks = f"{MAKSIMAL_JP_PPPK.normalize():f}"
    kurang = sum(1 for b in baris if b.get("kekurangan_jp"))
    pppk = sum(1 for b in baris if jenis_dasar(b.get("status")) == "PPPK")
    lebih = sum(1 for b in baris if b.get("melebihi_batas"))
    prio = sum(1 for b in baris if b["prioritas"])
    ws.append([_teks(ws, f"Pengembangan Kompetensi Pegawai Tahun {tahun}", font=Font(bold=True, size=14))])
    ws.append([_teks(ws, f"PNS minimal {minimal} JP per tahun ({DASAR_HUKUM_JP}); PPPK paling lama {maks} JP "
                         f"setahun masa perjanjian kerja ({DASAR_HUKUM_JP_PPPK}), tanpa batas minimal. "
                         f"{len(baris)} pegawai; {kurang} PNS di bawah {minimal} JP; {lebih} dari {pppk} PPPK "
                         f"di atas {maks} JP; {prio} prioritas "
                         "(predikat Butuh Perbaikan/Cukup atau lebih buruk dan PNS dengan JP kurang).",
                     font=Font(italic=True))])
    ws.append([])
    isi_judul = PatternFill("solid", fgColor="FFD9E1F2")
    tebal = Font(bold=True)
    rapi = Alignment(wrap_text=True, vertical="center")
    tinggi = round(Aliran.TINGGI_BARIS * 2 + 3, 1)  # two lines: no header word is cut in print
    if adalah_cepat(ws):  # the recap's LembarCepat
        ws.tinggi_baris = tinggi
    else:
        ws.row_dimensions[BARIS_JUDUL].height = tinggi
    ws.append([_teks(ws, j.format(minimal=minimal), font=tebal, fill=isi_judul, alignment=rapi) for _, j, _, _ in KOLOM])

    isi_prio = PatternFill("solid", fgColor="FFF8CBAD")  # priority rows, and a PPPK above the ceiling
    singkat = singkatan or {}
    baris = [{**b, "unit": singkat.get((b.get("unit") or "").casefold(), b.get("unit"))} for b in baris]
    if XML_LANGSUNG and adalah_cepat(ws):  # the recap's LembarCepat: rows rendered as XML text
        _tulis_xml(ws, baris, isi_prio)
        return ws
    bungkus = Alignment(wrap_text=True, vertical="top")
    atas = _atas()
    for no, b in enumerate(baris, start=1):
        gaya = {"fill": isi_prio, "alignment": atas} if _disorot(b) else {"alignment": atas}
        n = _tinggi(b, b.get("unit"))
        if adalah_cepat(ws):
            ws.tinggi_baris = round(Aliran.TINGGI_BARIS * n + 3, 1) if n > 1 else None
        sel = []
        for key, _, _, jenis in KOLOM:
            v = no if key == "no" else b.get(key)
            if jenis == "bil":
                sel.append(_angka(ws, int(v or 0), "0", **gaya))
            elif jenis == "desimal" and v is None and key == "kekurangan_jp":
                sel.append(_teks(ws, None, **gaya))
            elif jenis == "desimal":
                sel.append(_angka(ws, float(v if v is not None else 0), "0.00", **gaya))
            elif jenis == "ya":
                sel.append(_teks(ws, "Ya" if v else "Tidak", **gaya))
            else:
                sel.append(_teks(ws, v, **{**gaya, **({"alignment": bungkus} if key in KOLOM_BUNGKUS else {})}))
        ws.append(sel)
    return ws


def _disorot(b: dict) -> bool:
    return bool(b.get("prioritas") or b.get("melebihi_batas"))


def _tulis_xml(ws, baris: list[dict], isi_prio) -> None:
    """The rows as `_teks`/`_angka` cells would be written by LembarCepat, rendered as text.

    Style indexes are resolved once per (kind, priority) instead of per cell; texts follow the
    one rule of every sheet (`baris_xml._siapkan`, i.e. `aman.bersihkan` and the quote prefix).
    """
    from openpyxl.styles import Alignment

    daftar = ws.parent._cell_styles
    bungkus = Alignment(wrap_text=True, vertical="top")
    atas = _atas()

    def gaya(c) -> str:
        return f' s="{daftar.add(c._style)}"' if c.has_style else ""

    s = {}
    for prio in (False, True):
        g = {"fill": isi_prio} if prio else {}
        a = {**g, "alignment": atas}
        s[prio] = {"bil": gaya(_angka(ws, 0, "0", **a)), "desimal": gaya(_angka(ws, 0.0, "0.00", **a)),
                   "teks": gaya(_teks(ws, "x", **a)), "kutip": gaya(_teks(ws, "=x", **a)),
                   "teks_b": gaya(_teks(ws, "x", alignment=bungkus, **g)),
                   "kutip_b": gaya(_teks(ws, "=x", alignment=bungkus, **g))}
    huruf = [_huruf(i) for i in range(len(KOLOM))]
    jenis_kolom = [(key, jenis, h) for (key, _, _, jenis), h in zip(KOLOM, huruf)]
    for no, b in enumerate(baris, start=1):
        g = s[_disorot(b)]
        rs = str(ws.baris_berikut)
        bagian = []
        for key, jenis, h in jenis_kolom:
            v = no if key == "no" else b.get(key)
            if jenis == "bil":
                bagian.append(f'<c r="{h}{rs}"{g["bil"]} t="n"><v>{"%.16g" % int(v or 0)}</v></c>')
            elif jenis == "desimal" and v is None and key == "kekurangan_jp":
                if g["teks"]:
                    bagian.append(f'<c r="{h}{rs}"{g["teks"]} t="n"/>')
            elif jenis == "desimal":
                bagian.append(f'<c r="{h}{rs}"{g["desimal"]} t="n"><v>{"%.16g" % float(v if v is not None else 0)}</v></c>')
            else:
                t = ("Ya" if v else "Tidak") if jenis == "ya" else v
                b_ = "_b" if key in KOLOM_BUNGKUS else ""
                if t is None:
                    if g["teks" + b_]:
                        bagian.append(f'<c r="{h}{rs}"{g["teks" + b_]} t="n"/>')
                    continue
                xml, kutip, t = _siapkan(str(t))
                if t == "":
                    if g["teks" + b_]:
                        bagian.append(f'<c r="{h}{rs}"{g["teks" + b_]} t="inlineStr"/>')
                    continue
                bagian.append(f'<c r="{h}{rs}"{g["kutip" + b_] if kutip else g["teks" + b_]}{xml}')
        ws.tambah_xml(baris_xml(int(rs), "".join(bagian), _tinggi(b, b.get("unit"))))
