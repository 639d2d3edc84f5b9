"""Pure scoring core of kinerja (DOMAIN.md sections 4-6).

Decimal arithmetic only; no I/O and no imports of typer, rich, sqlite_utils,
sqlite3 or openpyxl (the import-linter contracts in pyproject.toml hold that line).
"""

from ..kosakata import ASPEK_BERAKHLAK as ASPEK
from ..kosakata import (
    DI_ATAS,
    DI_BAWAH,
    METODE,
    ORDER_PREDIKAT,
    ORDER_PREDIKAT_PERMENPAN6,
    ORDER_PREDIKAT_PP30,
    PERAN,
    PREDIKAT_UNIT,
    SESUAI,
)
from .angka import bulat
from .capaian import capaian, nilai_capaian
from .distribusi import cek_distribusi, kunci_predikat_unit
from .hitung import bobot_komponen, hitung, hitung_banyak, penghitung
from .parameter import AturanKurva, Parameter, parameter_bawaan
from .perilaku import hitung_perilaku
from .predikat import label_rating, predikat_matriks, predikat_pp30, rating
from .tipe import (
    BarisSKP,
    DataPegawai,
    Hasil,
    HasilBaris,
    HasilPerilaku,
    Pelanggaran,
    Penilaian,
)

__all__ = [
    "ASPEK",
    "AturanKurva",
    "BarisSKP",
    "DI_ATAS",
    "DI_BAWAH",
    "DataPegawai",
    "Hasil",
    "HasilBaris",
    "HasilPerilaku",
    "METODE",
    "ORDER_PREDIKAT",
    "ORDER_PREDIKAT_PERMENPAN6",
    "ORDER_PREDIKAT_PP30",
    "PERAN",
    "PREDIKAT_UNIT",
    "Parameter",
    "Pelanggaran",
    "Penilaian",
    "SESUAI",
    "bobot_komponen",
    "bulat",
    "capaian",
    "cek_distribusi",
    "hitung",
    "hitung_banyak",
    "hitung_perilaku",
    "kunci_predikat_unit",
    "label_rating",
    "nilai_capaian",
    "penghitung",
    "parameter_bawaan",
    "predikat_matriks",
    "predikat_pp30",
    "rating",
]
