"""Every shared label is written once, in kinerja_cli/kosakata.py; the rest of the house imports it."""

import ast
from pathlib import Path

from kinerja_cli import kosakata as K

AKAR = Path(__file__).resolve().parents[1] / "kinerja_cli"

# Labels whose words mean nothing else (the one-word predikat 'Baik' and 'Kurang' are ordinary
# words too: 'Kurang' heads the status table's "what is missing" column).
LABEL = ({p for p in K.ORDER_PREDIKAT if " " in p or "/" in p} | set(K.RATING) | set(K.NAMA_CATATAN.values())
         | {K.NAMA_PREDIKAT_UNIT["istimewa"]})
# services/nilai.py compares 'Kurang' with 'Kurang/Misconduct' itself; that file belongs to the
# result-record change of issue 13, which takes the labels from kosakata.
BOLEH = {("services/nilai.py", K.KURANG_MISCONDUCT)}


def _literal(path: Path):
    for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            yield n.lineno, n.value


def test_label_hanya_ditulis_di_kosakata():
    ganda = [f"{p.relative_to(AKAR)}:{baris}: {teks!r}"
             for p in sorted(AKAR.rglob("*.py")) if p.name != "kosakata.py"
             for baris, teks in _literal(p)
             if teks in LABEL and (p.relative_to(AKAR).as_posix(), teks) not in BOLEH]
    assert ganda == [], "label ditulis ulang di luar kosakata.py:\n" + "\n".join(ganda)


def test_kosakata_tidak_mengimpor_proyek():
    impor = [n for n in ast.walk(ast.parse((AKAR / "kosakata.py").read_text(encoding="utf-8")))
             if isinstance(n, (ast.Import, ast.ImportFrom)) and not (isinstance(n, ast.ImportFrom) and n.module == "__future__")]
    assert impor == []


def test_kolom_predikat_dan_nama_unit_dari_label_yang_sama():
    assert K.KOLOM_PREDIKAT == (("sangat_baik", "Sangat Baik"), ("baik", "Baik"), ("butuh_perbaikan", "Butuh Perbaikan"),
                                ("kurang", "Kurang"), ("sangat_kurang", "Sangat Kurang"))
    assert K.PREDIKAT_UNIT == ("istimewa", "baik", "butuh-perbaikan", "kurang", "sangat-kurang")
    assert K.KUNCI_PREDIKAT[K.KURANG_MISCONDUCT] == "kurang_misconduct"
