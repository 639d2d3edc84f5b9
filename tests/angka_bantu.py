"""Number texts as people type them (hypothesis strategy), shared by the pure and the import tests."""

from decimal import Decimal

from hypothesis import strategies as st


def _kelompok(n: int, pemisah: str) -> str:
    s = str(n)
    bagian = []
    while len(s) > 3:
        bagian.insert(0, s[-3:])
        s = s[:-3]
    return pemisah.join([s, *bagian])


@st.composite
def teks_angka(draw, cara: str | None = None):
    """(text, the number its writer meant, the writer's convention, grouped?)"""
    bulat = draw(st.integers(0, 10**9))
    pecahan = draw(st.one_of(st.just(""), st.text("0123456789", min_size=1, max_size=4)))
    cara = cara or draw(st.sampled_from(["id", "en"]))
    kelompok = draw(st.booleans())
    ribuan, desimal = (".", ",") if cara == "id" else (",", ".")
    t = _kelompok(bulat, ribuan) if kelompok else str(bulat)
    if pecahan:
        t += desimal + pecahan
    maksud = Decimal(f"{bulat}.{pecahan}" if pecahan else str(bulat))
    return t, maksud, cara, kelompok and bulat >= 1000
