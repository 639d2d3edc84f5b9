"""kinerja status --kiriman: which unit sent which sheets for the period, and when (from the audit log)."""


KOLOM = (("unit", "Unit Kerja"), ("sasaran", "Sasaran"), ("realisasi", "Realisasi"), ("perilaku", "Perilaku"),
         ("rating", "Rating"), ("terakhir", "Terakhir diterima"))


def tampilkan(db, periode: str, fmt: str) -> None:
    from .. import output
    from ..services import kiriman

    s = kiriman.status_kiriman(db, periode)
    kode = s["periode"].kode
    kolom = [output.Kolom(k, j, pendek="singkatan" if k == "unit" else None)  # a narrow screen: short names
             for k, j in KOLOM if k != "rating" or s["periode"].metode == "permenpan6"]
    if fmt != "tabel":
        kolom = kolom[:-1] + [output.Kolom("terakhir_waktu", "terakhir_waktu"), output.Kolom("belum", "belum"),
                              output.Kolom("dikirim_kosong", "dikirim_kosong"), output.Kolom("kurang", "kurang")]
    belum = [b["unit"] for b in s["unit"] if b["belum"]]
    kosong = [b["unit"] for b in s["unit"] if b["dikirim_kosong"]]
    kurang = [b for b in s["unit"] if b["kurang"] and not b["belum"] and not b["dikirim_kosong"]]
    catatan = None
    if s["unit"]:
        catatan = " ".join(t for t in (
            f"Belum mengirim apa pun: {len(belum)} dari {len(s['unit'])} unit." if belum else "",
            f"Dikirim kosong (tidak ada sheet yang diisi): {len(kosong)} unit (" + ", ".join(kosong) + ")." if kosong else "",
            _kurang(kurang)) if t) or f"Semua {len(s['unit'])} unit sudah mengirim semua sheet."
    output.tampilkan(s["unit"], kolom, fmt, judul=f"Kiriman unit periode {kode} (tanda -: sheet itu belum diterima)",
                     catatan=catatan, kosong="Belum ada unit kerja (impor daftar pegawai dulu).", gaya_baris=kiriman.gaya)


BATAS_UNIT = 12  # units named per group in the line of those still missing sheets


def _kurang(baris: list) -> str:
    """'Belum lengkap: 12 unit. Belum Rating: BKPSDM, Bappeda, ... Belum Realisasi, Perilaku, Rating:
    Inspektorat.' -- the units grouped by the sheets they still have to send ('' when none)."""
    if not baris:
        return ""
    kelompok: dict = {}
    for b in baris:
        kelompok.setdefault(b["kurang"], []).append(b["singkatan"])
    bagian = []
    for kurang, unit in sorted(kelompok.items(), key=lambda x: -len(x[1])):
        nama = ", ".join(unit[:BATAS_UNIT]) + (f" dan {len(unit) - BATAS_UNIT} unit lain" if len(unit) > BATAS_UNIT else "")
        bagian.append(f"Belum {kurang}: {nama}" + (f" ({len(unit)} unit)" if len(unit) > 1 else "") + ".")
    return f"Belum lengkap: {len(baris)} unit. " + " ".join(bagian)
