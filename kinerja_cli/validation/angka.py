"""Numbers as people type them, and the one rule for numbers typed as text (README, "Keamanan data").

A real number cell (int/float) is taken as it is. A text is read by one rule: the comma is the
decimal mark, the dot groups thousands ('95,5', '1.234,5', '1.200.000'). A plain dot decimal
('95.5', '0.125') can only be a decimal and is read so. A text both readings fit differently
('1.200': 1200 or 1,2; '1,250': 1,25 or 1250) is refused as AngkaAmbigu, as is the English
grouping ('1,250.5'), unless the caller passes the convention its column proves (`konvensi`:
'id' comma decimals, 'en' dot decimals; services.impor_umum finds it per sheet column).
'1_000', '95e2', ',5', '5,', '1.2.3' are refused.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from decimal import Decimal

ID = "id"  # comma decimal, dot thousands (the rule)
EN = "en"  # dot decimal, comma thousands


class AngkaTidakValid(ValueError):
    """`tetap`: the saran is specific to this value (a caller wrapping the message keeps it)."""

    tetap = False

    def __init__(self, pesan: str, saran: str = "", tetap: bool = False):
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran
        self.tetap = tetap

    def saran_atau(self, bawaan: str) -> str:
        return self.saran if self.tetap else bawaan


PENANDA_AMBIGU = "bisa dibaca"  # in every AngkaAmbigu message (services.impor_umum looks for it)


class AngkaAmbigu(AngkaTidakValid):
    """A text two conventions read differently: baca_id (comma decimal) and baca_en (dot decimal);
    baca_id None: only the English grouping fits ('1,250.5')."""

    def __init__(self, teks: str, baca_id: Decimal | None, baca_en: Decimal):
        self.teks, self.baca_id, self.baca_en = teks, baca_id, baca_en
        a, b = tulis_id(baca_id), tulis_id(baca_en)
        if baca_id is None:
            cara = "koma pemisah ribuan, titik desimal" if "." in teks else "koma pemisah ribuan"
            pesan = (f"'{teks}' {PENANDA_AMBIGU} {b} ({cara}: cara Inggris), tetapi kinerja memakai koma desimal "
                     "dan titik pemisah ribuan")
            saran = f"tulis {b}"
        elif "." in teks:
            pesan = f"'{teks}' {PENANDA_AMBIGU} {a} (titik pemisah ribuan) atau {b} (titik desimal)"
            saran = f"tulis {a} atau {b}"
        else:
            pesan = f"'{teks}' {PENANDA_AMBIGU} {a} (koma desimal) atau {b} (koma pemisah ribuan)"
            saran = f"tulis {a} atau {b}"
        super().__init__(pesan, saran, tetap=True)


_ID = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?")
_EN = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
_SPASI_RIBUAN = re.compile(r"[1-9][0-9]{0,2}(?: [0-9]{3})+(?:[.,][0-9]+)?")
_SPASI = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " "})
# a range target: '80-90', '80 s.d. 90', '80 sampai 90' (validation.sasaran)
RENTANG = re.compile(r"^\s*([0-9][0-9.,]*\s*%?)\s*(?:-|–|—|s\.\s*d\.?|s\s*/\s*d|sd|sampai|hingga)\s*([0-9][0-9.,]*\s*%?)\s*$",
                     re.IGNORECASE)
BATAS_DIGIT = 15  # |number| < 10**15: more than any target, score or count, and exact in a float
BATAS_KECIL = -20  # a non-zero number under 10**-20 is a typing slip ('1e-400'), not data
_CONTOH = "isi dengan angka, misalnya 95 atau 95,5 (koma untuk desimal, titik untuk ribuan: 1.234,5)"


def tulis_id(d: Decimal | None) -> str:
    """A number as the fix should be typed: 1200, 1,2, -0,5 (no grouping)."""
    return "" if d is None else teks_desimal(d).replace(".", ",")


def _urai(s: str):
    """(sign, digits text) -> ('ok', Decimal, evidence or None) | ('ambigu', id or None, en) | None."""
    i = _ID.fullmatch(s)
    e = _EN.fullmatch(s)
    di = Decimal(s.replace(".", "").replace(",", ".")) if i else None
    de = Decimal(s.replace(",", "")) if e else None
    if i and e:
        if di == de:
            return ("ok", di, None)
        return ("ambigu", di, de)
    if i:
        return ("ok", di, ID if ("," in s or "." in s) else None)
    if e:
        if "," not in s:  # a plain dot decimal: '95.5', '0.125'
            return ("ok", de, EN)
        return ("ambigu", None, de)
    return None


def _rapikan(nilai) -> tuple[str, str, bool]:
    """(the text as shown, the unsigned digits text, negative); percent sign dropped; raise if malformed."""
    asli = str(nilai)
    s = asli.translate(_SPASI).strip()
    if s.endswith("%"):
        s = s[:-1].rstrip()
    neg = s[:1] == "-"
    if s[:1] in "+-" and s:
        s = s[1:]
    if " " in s:
        if not _SPASI_RIBUAN.fullmatch(s):
            raise AngkaTidakValid(f"'{asli.strip()}' bukan angka: ada spasi di tengah angka",
                                  "hapus spasinya, misalnya 1200 atau 95,5", tetap=True)
        s = s.replace(" ", "")
    return asli.strip(), s, neg


def _tolak(tampil: str, s: str) -> AngkaTidakValid:
    """Why a text is not a number, with the fix."""
    lain = next((c for c in s if c.isdigit() and c not in "0123456789"), None)
    if lain is not None:  # Arabic-Indic '١٢', full-width '１２': Decimal would take them, the rule does not
        return AngkaTidakValid(f"'{tampil}' bukan angka: ada angka selain 0–9 ('{lain}')",
                               "tulis angka dengan 0–9 (papan ketik latin)", tetap=True)
    if "_" in s:
        return AngkaTidakValid(f"'{tampil}' bukan angka: garis bawah tidak dipakai dalam angka",
                               f"tulis {s.replace('_', '')} tanpa garis bawah", tetap=True)
    if re.fullmatch(r"[0-9.,]*[0-9][eE][+-]?[0-9]+", s):
        return AngkaTidakValid(f"'{tampil}' bukan angka: bentuk eksponen (e) tidak diterima",
                               "tulis angkanya lengkap tanpa huruf e (misalnya 9500, bukan 95e2)", tetap=True)
    if re.fullmatch(r"[.,][0-9]+", s):
        return AngkaTidakValid(f"'{tampil}' bukan angka: tidak ada angka sebelum {'koma' if s[0] == ',' else 'titik'}",
                               f"tulis 0,{s[1:]}", tetap=True)
    if re.fullmatch(r"[0-9][0-9.,]*[.,]", s):
        return AngkaTidakValid(f"'{tampil}' bukan angka: tidak ada angka sesudah {'koma' if s[-1] == ',' else 'titik'}",
                               f"tulis {s[:-1]} atau lengkapi angka desimalnya", tetap=True)
    if s.count(",") > 1 and "." not in s:
        return AngkaTidakValid(f"'{tampil}' bukan angka", "gunakan satu koma desimal, misalnya 95,5")
    if re.fullmatch(r"[0-9.,]+", s):
        return AngkaTidakValid(f"'{tampil}' bukan angka: letak titik/koma tidak sesuai",
                               "koma untuk desimal, titik untuk ribuan: tulis misalnya 1.234,5 atau 1234,5", tetap=True)
    return AngkaTidakValid(f"'{tampil}' bukan angka", _CONTOH)


def baca_angka(nilai: object, persen: bool = False, konvensi: str | None = None) -> Decimal:
    """Parse a number from a cell or an argument; raise AngkaTidakValid (AngkaAmbigu: two readings).

    `persen`: the cell is shown as a percentage in Excel (0.95 shown as 95%), so the stored
    fraction of a number cell is multiplied by 100. `konvensi` (ID or EN): what the text's column
    proves, used only for a text the rule alone cannot read ('1.200', '1,250', '1,250.5').
    """
    if isinstance(nilai, bool):
        raise AngkaTidakValid(f"'{nilai}' bukan angka", "isi dengan angka")
    if isinstance(nilai, (datetime, date, time)):
        raise AngkaTidakValid("berisi tanggal/jam, bukan angka", "ubah format sel menjadi Angka (Number) lalu isi angkanya")
    if isinstance(nilai, int):
        d = Decimal(nilai)
    elif isinstance(nilai, float):
        if math.isnan(nilai) or math.isinf(nilai):
            raise AngkaTidakValid("bukan angka yang sah (NaN/tak hingga)", "isi dengan angka")
        d = Decimal(repr(nilai))
    else:
        d = _dari_teks(nilai, konvensi)
        _periksa_jangkauan(d, nilai)
        return d.normalize() if d != 0 else Decimal(0)
    _periksa_jangkauan(d, nilai)
    if persen:
        d = d * 100
    return d.normalize() if d != 0 else Decimal(0)


def _dari_teks(nilai: object, konvensi: str | None) -> Decimal:
    if nilai is None or not str(nilai).strip():
        raise AngkaTidakValid("kosong", "isi dengan angka")
    tampil, s, neg = _rapikan(nilai)
    if len(tampil) > 40:
        tampil = tampil[:40] + "..."
    if not s:
        raise AngkaTidakValid(f"'{tampil}' bukan angka", _CONTOH)
    r = _urai(s)
    if r is None:
        raise _tolak(tampil, s)
    if r[0] == "ok":
        d = r[1]
    else:
        di, de = r[1], r[2]
        if konvensi == EN:
            d = de
        elif konvensi == ID and di is not None:
            d = di
        else:
            raise AngkaAmbigu(tampil, -di if neg and di is not None else di, -de if neg else de)
    return -d if neg else d


def _periksa_jangkauan(d: Decimal, nilai: object) -> None:
    """Refuse absurd magnitudes before any arithmetic ('9' * 300 would overflow or fill memory)."""
    if d != 0 and not BATAS_KECIL <= d.adjusted() < BATAS_DIGIT:
        tampil = str(nilai) if len(str(nilai)) <= 40 else str(nilai)[:40] + "..."
        raise AngkaTidakValid(f"'{tampil}' di luar jangkauan angka yang wajar",
                              f"isi angka biasa (kurang dari {BATAS_DIGIT} digit), misalnya 95 atau 95,5")


def _bagian(nilai: str) -> tuple[str, ...]:
    m = RENTANG.match(nilai)
    return (m.group(1), m.group(2)) if m else (nilai,)


def _kelas(t: str):
    try:
        _, s, neg = _rapikan(t)
    except AngkaTidakValid:
        return None, False
    return (_urai(s) if s else None), neg


def bukti_konvensi(nilai: object) -> set[str]:
    """The conventions a text cell proves by itself: {ID} for a decimal comma or dot grouping the
    rule alone reads ('95,5', '1.234,5', '1.200.000'), {EN} for a dot decimal ('95.5'); empty for a
    number cell (it shows nothing of how people type), an ambiguous or unreadable text.
    A range ('80,5-90,5') counts both of its numbers."""
    if not isinstance(nilai, str):
        return set()
    hasil = set()
    for t in _bagian(nilai):
        r, _ = _kelas(t)
        if r and r[0] == "ok" and r[2]:
            hasil.add(r[2])
    return hasil


def perlu_konvensi(nilai: object) -> bool:
    """Is this a text (or a range of two) the rule alone refuses as ambiguous?"""
    if not isinstance(nilai, str):
        return False
    return any((r := _kelas(t)[0]) is not None and r[0] == "ambigu" for t in _bagian(nilai))


def terapkan_konvensi(nilai: object, konvensi: str) -> object:
    """A cell rewritten as its column's convention reads it: '1.200' -> '1200' (ID) or '1,2' (EN),
    '1,250.5' -> '1250,5' (EN); anything the rule reads alone is returned unchanged."""
    if not isinstance(nilai, str):
        return nilai
    m = RENTANG.match(nilai)
    if m:
        a, b = _tulis_dengan(m.group(1), konvensi), _tulis_dengan(m.group(2), konvensi)
        if a is None and b is None:
            return nilai
        return f"{a or m.group(1).strip()}-{b or m.group(2).strip()}"
    t = _tulis_dengan(nilai, konvensi)
    return nilai if t is None else t


def _tulis_dengan(t: str, konvensi: str) -> str | None:
    r, neg = _kelas(t)
    if r is None or r[0] != "ambigu":
        return None
    d = r[2] if konvensi == EN else r[1]
    if d is None:
        return None
    return ("-" if neg else "") + tulis_id(d) + ("%" if t.strip().endswith("%") else "")


def teks_desimal(d: Decimal | None) -> str | None:
    """Canonical storage text of a Decimal: '95.5', '100', '0.25' (never exponent)."""
    if d is None:
        return None
    t = format(d.normalize(), "f")
    return "0" if t in ("-0", "") else t


def angka_id_tersimpan(d: Decimal | float | str | None) -> str:
    """Indonesian display with the decimals the stored value has (none added, none cut), thousands grouped:
    3000 -> '3.000', 2951 -> '2.951', 97.5 -> '97,5', 1234.125 -> '1.234,125'. For a target beside its
    realisation (`sasaran daftar`): one format for both."""
    if d is None or d == "":
        return "-"
    t = teks_desimal(d if isinstance(d, Decimal) else Decimal(str(d)))
    tanda, t = ("-", t[1:]) if t.startswith("-") else ("", t)
    bulat, _, pecahan = t.partition(".")
    bulat = f"{int(bulat):,}".replace(",", ".")
    return tanda + bulat + ("," + pecahan if pecahan else "")


def angka_id(d: Decimal | float | None, digit: int = 2) -> str:
    """Indonesian display: 109 -> '109,00'; 1234.5 -> '1.234,50'."""
    if d is None:
        return "-"
    if not isinstance(d, Decimal):
        d = Decimal(str(d))
    q = Decimal(1).scaleb(-digit)
    from decimal import ROUND_HALF_UP

    t = f"{d.quantize(q, rounding=ROUND_HALF_UP):,.{digit}f}"
    return t.replace(",", "_").replace(".", ",").replace("_", ".")
