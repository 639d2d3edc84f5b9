"""The RHK atasan link of an SKP row (`rhk_atasan_nomor`: the nomor of the row of the employee's direct
atasan it supports) checked against the rows that exist in a period: for `sasaran salin` (a link to a
row the new period does not have is not copied, so an import of the same rows is accepted) and for
`periksa` (dangling links in open periods). Same rule as the import (validation.sasaran_lembar.kaskade)."""

from __future__ import annotations

from ..store import pegawai as tabel_pegawai
from ..store import sasaran as tabel


def lepas_tautan_hilang(db, tujuan: str, salinan: dict[str, dict[int, dict]]) -> list[dict]:
    """Clear, in `salinan` (nip -> nomor -> row about to be written to period `tujuan`), every RHK atasan
    link whose atasan row will not exist there: neither stored in `tujuan` nor copied with it. Returns
    what was cleared: {nip, nama, nomor, rhk_atasan_nomor, atasan, nama_atasan}, in nip/nomor order."""
    roster = tabel_pegawai.semua(db)
    atasan = {n: roster[n].nip_atasan if n in roster else None for n in salinan}
    ada = tabel.nomor_per_pegawai(db, tujuan, [a for a in atasan.values() if a])
    for a in set(atasan.values()):
        if a in salinan and a not in ada:  # copied in the same run
            ada[a] = set(salinan[a])
    dilepas = []
    for nip in sorted(salinan):
        for nomor in sorted(salinan[nip]):
            row = salinan[nip][nomor]
            n = row.get("rhk_atasan_nomor")
            a = atasan[nip]
            if n is None or (a and n in ada.get(a, ())):
                continue
            salinan[nip][nomor] = {**row, "rhk_atasan_nomor": None}
            dilepas.append({"nip": nip, "nama": roster[nip].nama if nip in roster else nip, "nomor": nomor,
                            "rhk_atasan_nomor": n, "atasan": a,
                            "nama_atasan": roster[a].nama if a in roster else a})
    return dilepas


def tautan_hilang(db, kode: str) -> list[dict]:
    """The SKP rows of period `kode` whose RHK atasan names a row their direct atasan does not have there
    (or who have no atasan any more): {nip, nama, nomor, rhk_atasan_nomor, atasan, nama_atasan}."""
    semua = tabel.baris_pegawai(db, kode)
    bertaut = {n: {k: r for k, r in rows.items() if r.get("rhk_atasan_nomor") is not None} for n, rows in semua.items()}
    bertaut = {n: rows for n, rows in bertaut.items() if rows}
    if not bertaut:
        return []
    roster = tabel_pegawai.semua(db)
    hasil = []
    for nip in sorted(bertaut):
        a = roster[nip].nip_atasan if nip in roster else None
        for nomor in sorted(bertaut[nip]):
            n = bertaut[nip][nomor]["rhk_atasan_nomor"]
            if a and n in semua.get(a, {}):
                continue
            hasil.append({"nip": nip, "nama": roster[nip].nama if nip in roster else nip, "nomor": nomor,
                          "rhk_atasan_nomor": n, "atasan": a, "nama_atasan": roster[a].nama if a in roster else a})
    return hasil


def teks(daftar: list[dict]) -> list[str]:
    """Per employee, for messages: 'Nama (NIP) baris 1 → RHK atasan nomor 3, baris 4 → 5 (SKP Nama Atasan)'."""
    per: dict[str, list[dict]] = {}
    for d in daftar:
        per.setdefault(d["nip"], []).append(d)
    hasil = []
    for rows in per.values():
        d = rows[0]
        ke = f"SKP {d['nama_atasan']}" if d["atasan"] else "tanpa atasan langsung"
        pasang = ", ".join(f"baris {x['nomor']} → {'RHK atasan nomor ' if i == 0 else ''}{x['rhk_atasan_nomor']}"
                           for i, x in enumerate(rows))
        hasil.append(f"{d['nama']} ({d['nip']}) {pasang} ({ke})")
    return hasil
