"""Order people by the hierarchy (issue 17 §4, `--urut jabatan`): within each unit every atasan comes
before their bawahan (depth first), siblings by the rank of their jenis jabatan, then by name without
titles. Pure."""

from __future__ import annotations

from .nama import kunci_nama

PERINGKAT_JABATAN = {"jpt": 0, "administrator": 1, "pengawas": 2, "fungsional": 3, "pelaksana": 4}


def urutan_hirarki(orang) -> dict[str, int]:
    """orang: iterable of (nip, nip_atasan, jenis_jabatan, nama, unit). Returns nip -> position."""
    orang = list(orang)
    ada = {o[0]: o for o in orang}

    def kunci(o):
        return (PERINGKAT_JABATAN.get((o[2] or "").lower(), 9), kunci_nama(o[3]), o[0])

    anak: dict[str, list] = {}
    akar = []
    for o in orang:
        atasan = ada.get(o[1]) if o[1] and o[1] != o[0] else None
        if atasan is not None and atasan[4] == o[4]:
            anak.setdefault(o[1], []).append(o)
        else:
            akar.append(o)
    posisi: dict[str, int] = {}

    def jalan(mulai) -> None:
        tumpuk = [mulai]
        while tumpuk:
            o = tumpuk.pop()
            if o[0] in posisi:
                continue
            posisi[o[0]] = len(posisi)
            tumpuk.extend(sorted(anak.get(o[0], ()), key=kunci, reverse=True))

    for o in sorted(akar, key=lambda o: (kunci_nama(o[4]), *kunci(o))):
        jalan(o)
    for o in sorted(orang, key=lambda o: (kunci_nama(o[4]), *kunci(o))):  # inside an atasan loop
        jalan(o)
    return posisi
