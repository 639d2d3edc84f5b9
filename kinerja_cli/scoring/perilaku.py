"""Nilai Perilaku Kerja (DOMAIN.md 4.4).

A rater's score is the mean of the aspects it scored; a role's score is the
mean of its raters (both exact, not rounded); NPK is the role scores weighted
atasan/rekan/bawahan, re-normalised over the roles that rated, rounded (r).
Self-rating (diri) is shown, never counted.  A rater who scored no aspect is
left out entirely.  With the period's penilaian 360 = tidak, only the atasan
counts (the other roles are shown, not counted).
"""

from __future__ import annotations

from ..kosakata import ASPEK_BERAKHLAK, PERAN
from .angka import NOL, SERATUS, bulat
from .parameter import Parameter
from .tipe import HasilPerilaku

_NPK_NOL = bulat(NOL)


def hitung_perilaku(penilaian, param: Parameter) -> HasilPerilaku:
    per_penilai = []
    kumpul: dict = {}  # peran -> [sum of rater means, number of raters]
    for p in penilaian:
        skor = p.skor
        nilai = [v for k in ASPEK_BERAKHLAK if (v := skor.get(k)) is not None]
        if not nilai:
            continue
        rata = sum(nilai, NOL) / len(nilai)
        per_penilai.append((p.penilai, p.peran, rata))
        s = kumpul.get(p.peran)
        if s is None:
            kumpul[p.peran] = [rata, 1]
        else:
            s[0] += rata
            s[1] += 1

    per_peran = {}
    for peran in PERAN:
        s = kumpul.get(peran)
        if s is not None:
            per_peran[peran] = s[0] / s[1]
    for peran, s in kumpul.items():  # unknown roles: shown, not counted
        if peran not in per_peran:
            per_peran[peran] = s[0] / s[1]

    bobot = []
    m = per_peran.get("atasan")
    if m is not None:
        bobot.append(("atasan", param.bobot_atasan, m))
    if param.penilaian_360 != "tidak":
        m = per_peran.get("rekan")
        if m is not None:
            bobot.append(("rekan", param.bobot_rekan, m))
        m = per_peran.get("bawahan")
        if m is not None:
            bobot.append(("bawahan", param.bobot_bawahan, m))

    total_bobot = NOL
    jumlah = NOL
    for _, w, m in bobot:
        total_bobot += w
        jumlah += w * m
    if total_bobot > 0:
        npk = param.bulat(jumlah / total_bobot)
        bobot_peran = {peran: SERATUS * w / total_bobot for peran, w, _ in bobot}
    else:
        npk = _NPK_NOL
        bobot_peran = {}
    return HasilPerilaku(
        per_penilai=tuple(per_penilai),
        per_peran=per_peran,
        bobot_peran=bobot_peran,
        npk=npk,
    )
