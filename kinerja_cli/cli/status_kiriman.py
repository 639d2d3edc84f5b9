"""kinerja status --kiriman: which unit sent which sheets for the period, and when (from the audit log)."""


KOLOM = (("unit", "Unit Kerja"), ("sasaran", "Sasaran"), ("realisasi", "Realisasi"), ("perilaku", "Perilaku"),
         ("rating", "Rating"), ("terakhir", "Terakhir diterima"))


def tampilkan(db, periode: str, fmt: str) -> None:
    from .. import output
    from ..services import kiriman

    s = kiriman.status_kiriman(db, periode)
    kode = s["periode"].kode
    kolom = [output.Kolom(k, j) for k, j in KOLOM if k != "rating" or s["periode"].metode == "permenpan6"]
    if fmt != "tabel":
        kolom = kolom[:-1] + [output.Kolom("terakhir_waktu", "terakhir_waktu"), output.Kolom("belum", "belum"),
                              output.Kolom("dikirim_kosong", "dikirim_kosong")]
    belum = [b["unit"] for b in s["unit"] if b["belum"]]
    kosong = [b["unit"] for b in s["unit"] if b["dikirim_kosong"]]
    catatan = (f"Belum mengirim apa pun: {len(belum)} dari {len(s['unit'])} unit." if belum
               else f"Semua {len(s['unit'])} unit sudah mengirim.") if s["unit"] else None
    if catatan and kosong:
        catatan += (f" Dikirim kosong (tidak ada sheet yang diisi): {len(kosong)} unit ("
                    + ", ".join(kosong) + ").")
    output.tampilkan(s["unit"], kolom, fmt, judul=f"Kiriman unit periode {kode} (tanda -: sheet itu belum diterima)",
                     catatan=catatan, kosong="Belum ada unit kerja (impor daftar pegawai dulu).", gaya_baris=kiriman.gaya)
