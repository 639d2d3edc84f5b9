"""Synthetic office for the benchmark: N employees as the four workbooks the importers read.

The workbooks are written as minimal .xlsx XML straight into a zip (shared strings, NIP
cells as text), which is many times faster than openpyxl and needs no extra dependency.
Deterministic for a given N and seed.
"""

from __future__ import annotations

import random
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from .kosakata import ASPEK_BERAKHLAK, NAMA_ASPEK

PERIODE = "2026"

_NAMA_DEPAN = ("Ahmad", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gusti", "Hendra", "Indah", "Joko", "Kartika",
               "Lestari", "Mulyadi", "Nurul", "Oktavia", "Putri", "Rahmat", "Sari", "Taufik", "Wulan", "Yusuf", "Zainal")
_NAMA_BELAKANG = ("Santoso", "Lestari", "Saputra", "Wijaya", "Hidayat", "Rahman", "Siregar", "Nasution", "Putra",
                  "Syahputra", "Maharani", "Kurniawan", "Hasibuan", "Chaniago", "Tanjung", "Piliang")
_OPD = ("Dinas Pendidikan", "Dinas Kesehatan", "DPMPTSP", "BKPSDM", "Dinas Perhubungan", "Dinas Sosial",
        "Dinas PUPR", "Bappeda", "Dinas Kominfo", "Satpol PP", "Dinas Pariwisata", "Dinas Koperasi dan UKM",
        "Dinas Lingkungan Hidup", "Dinas Perdagangan", "Dinas Pertanian", "BPKD", "Inspektorat", "Dinas Dukcapil")
_GOL_PNS = ("II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b")
# (jenis, RHK, indikator, target, satuan, bobot, arah)
_SKP = (
    ("utama", "Terlaksananya layanan {u} sesuai standar", "Jumlah layanan yang diselesaikan", 120, "layanan", 20, "naik"),
    ("utama", "Tersusunnya laporan kinerja {u}", "Jumlah laporan tepat waktu", 12, "laporan", 20, "naik"),
    ("utama", "Meningkatnya kepuasan pengguna layanan {u}", "Indeks kepuasan masyarakat", 85, "%", 20, "naik"),
    ("utama", "Tertibnya administrasi {u}", "Persentase dokumen lengkap", 95, "%", 15, "naik"),
    ("tambahan", "Cepatnya penyelesaian permohonan {u}", "Rata-rata hari penyelesaian", 5, "hari", 15, "turun"),
    ("tambahan", "Terlaksananya pengembangan kompetensi", "Jumlah kegiatan pengembangan diikuti", 4, "kegiatan", 10,
     "naik"),
)


@dataclass
class Orang:
    nip: str
    nama: str
    jabatan: str
    jenis_jabatan: str
    golongan: str
    unit: str
    atasan: str | None
    status: str


def _nip(rng: random.Random, pppk: bool) -> str:
    tahun = rng.randint(1965, 1999)
    lahir = f"{tahun:04d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    kelamin = rng.choice("12")
    urut = f"{rng.randint(1, 999):03d}"
    if pppk:
        return f"{lahir}{rng.randint(max(tahun + 20, 2019), 2025):04d}2{rng.randint(1, 3)}{kelamin}{urut}"
    return f"{lahir}{rng.randint(tahun + 20, min(tahun + 35, 2024)):04d}{rng.randint(1, 12):02d}{kelamin}{urut}"


def buat_kantor(n: int, seed: int = 2026) -> list[Orang]:
    """N employees in units of 100-500: Sekda on top, unit heads under Sekda, kabid under heads, staff."""
    rng = random.Random(seed)
    dipakai: set[str] = set()
    orang: list[Orang] = []

    def nip_baru(pppk: bool) -> str:
        while True:
            s = _nip(rng, pppk)
            if s not in dipakai:
                dipakai.add(s)
                return s

    def nama() -> str:
        return f"{rng.choice(_NAMA_DEPAN)} {rng.choice(_NAMA_BELAKANG)}"

    sisa, ke, sekda = n, 0, None
    while sisa > 0:
        besar = min(sisa, rng.randint(100, 500))
        if sisa - besar < 20:
            besar = sisa
        unit = "Sekretariat Daerah" if ke == 0 else f"{_OPD[(ke - 1) % len(_OPD)]}" + (
            f" {(ke - 1) // len(_OPD) + 1}" if ke > len(_OPD) else "")
        kepala = Orang(nip_baru(False), nama(), "Sekretaris Daerah" if ke == 0 else f"Kepala {unit}", "JPT",
                       "IV/c", unit, sekda, "PNS")
        orang.append(kepala)
        if ke == 0:
            sekda = kepala.nip
        kabid: list[str] = []
        for i in range(besar - 1):
            if i % 25 == 0:
                p = Orang(nip_baru(False), nama(), f"Kepala Bidang {len(kabid) + 1}", "administrator", "IV/a", unit,
                          kepala.nip, "PNS")
                kabid.append(p.nip)
            else:
                pppk = rng.random() < 0.15
                p = Orang(nip_baru(pppk), nama(), "Pranata Komputer" if pppk else "Analis Kebijakan",
                          "fungsional" if pppk else "pelaksana", "IX" if pppk else rng.choice(_GOL_PNS), unit,
                          kabid[-1], "PPPK" if pppk else "PNS")
            orang.append(p)
        sisa -= besar
        ke += 1
    return orang


def _rekan(rng: random.Random, o: Orang, satu_unit: list[Orang]) -> list[str]:
    """Two co-workers: same atasan when possible, else the same unit."""
    calon = [q.nip for q in satu_unit if q.atasan == o.atasan and q.nip != o.nip]
    if len(calon) < 2:
        calon = [q.nip for q in satu_unit if q.nip != o.nip]
    return rng.sample(calon, min(2, len(calon)))


def isi_workbook(orang: list[Orang], seed: int = 2026) -> dict[str, tuple[str, list]]:
    """file name -> (sheet name, rows incl. header)."""
    rng = random.Random(seed + 1)
    peg = [["NIP", "Nama", "Jabatan", "Jenis Jabatan", "Golongan", "Unit Kerja", "NIP Atasan", "Status"]]
    skp = [["NIP", "Nama", "Nomor", "Jenis", "RHK", "RHK Atasan (Nomor)", "Aspek", "Indikator", "Target", "Satuan",
            "Bobot (%)", "Arah"]]
    real = [["NIP", "Nama", "Nomor", "Realisasi"]]
    per = [["NIP", "Nama", "NIP Penilai", "Peran", *(NAMA_ASPEK[a] for a in ASPEK_BERAKHLAK)]]
    per_unit: dict[str, list[Orang]] = {}
    per_atasan: dict[str | None, list[Orang]] = {}
    for o in orang:
        per_unit.setdefault(o.unit, []).append(o)
        per_atasan.setdefault(o.atasan, []).append(o)
    for o in orang:
        peg.append([o.nip, o.nama, o.jabatan, o.jenis_jabatan, o.golongan, o.unit, o.atasan, o.status])
        for i, (jenis, rhk, ind, target, satuan, bobot, arah) in enumerate(_SKP, start=1):
            skp.append([o.nip, o.nama, i, jenis, rhk.format(u=o.unit), 1 if (i == 1 and o.atasan) else None,
                        "kuantitas", ind, target, satuan, bobot, arah])
            faktor = rng.uniform(0.8, 1.15)
            r = round(target * faktor, 1) if arah == "naik" else round(target / faktor, 1)
            real.append([o.nip, o.nama, i, int(r) if r == int(r) else r])
        satu_unit = per_atasan.get(o.atasan) or per_unit[o.unit]
        penilai = ([(o.atasan, "atasan")] if o.atasan else []) + [
            (q, "rekan") for q in _rekan(rng, o, satu_unit if len(satu_unit) > 2 else per_unit[o.unit])]
        for nip_penilai, peran in penilai:
            per.append([o.nip, o.nama, nip_penilai, peran, *(rng.randint(85, 120) for _ in ASPEK_BERAKHLAK)])
    return {"pegawai.xlsx": ("Pegawai", peg), "sasaran.xlsx": ("Sasaran", skp),
            "realisasi.xlsx": ("Realisasi", real), "perilaku.xlsx": ("Perilaku", per)}


def _huruf(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/xl/workbook.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       '<Override PartName="/xl/worksheets/sheet1.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
       '<Override PartName="/xl/sharedStrings.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
       '<Override PartName="/xl/styles.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
       '</Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WB_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'sharedStrings" Target="sharedStrings.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'styles" Target="styles.xml"/></Relationships>')
_STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill>'
           '<fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
           '</styleSheet>')


def tulis_xlsx(path: Path, sheet: str, rows: list[list]) -> None:
    """A one-sheet workbook: text as shared strings, numbers as numbers, None as no cell."""
    sst: dict[str, int] = {}
    bagian = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    huruf = [_huruf(i) for i in range(max(len(r) for r in rows))]
    for r, row in enumerate(rows, start=1):
        sel = []
        for i, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, str):
                k = sst.get(v)
                if k is None:
                    k = sst[v] = len(sst)
                sel.append(f'<c r="{huruf[i]}{r}" t="s"><v>{k}</v></c>')
            else:
                sel.append(f'<c r="{huruf[i]}{r}"><v>{v}</v></c>')
        bagian.append(f'<row r="{r}">{"".join(sel)}</row>')
    bagian.append("</sheetData></worksheet>")
    teks = "".join(f"<si><t>{escape(s)}</t></si>" for s in sst)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   f'<sheets><sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        z.writestr("xl/styles.xml", _STYLES)
        z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   f'count="{len(sst)}" uniqueCount="{len(sst)}">{teks}</sst>')
        z.writestr("xl/worksheets/sheet1.xml", "".join(bagian))


def buat_berkas(folder: Path, n: int, seed: int = 2026) -> dict[str, int]:
    """Write the four workbooks into `folder`; return file name -> data rows."""
    folder.mkdir(parents=True, exist_ok=True)
    hasil = {}
    for nama, (sheet, rows) in isi_workbook(buat_kantor(n, seed), seed).items():
        tulis_xlsx(folder / nama, sheet, rows)
        hasil[nama] = len(rows) - 1
    return hasil
