"""The `Petunjuk` (instructions) sheet of the fill-in template, in Indonesian.

`baris_petunjuk` builds the text (pure, testable); `tulis_petunjuk` writes it.
Column explanations come from `Kolom.keterangan` in kolom.py, completed here
for the columns that have none.
"""

from __future__ import annotations

from ..kolom import PERILAKU, PILIHAN, RATING_PEJABAT, REALISASI, SASARAN, Tata
from ..kosakata import ASPEK_BERAKHLAK, NAMA_ASPEK
from ..validation.tanggal_id import tanggal_id as tanggal_waktu_id
from .aman import sel_aman
from .penanda import JUDUL

DESKRIPSI_ASPEK = {
    "pelayanan": "memahami dan memenuhi kebutuhan masyarakat; ramah, cekatan, solutif, dan dapat diandalkan; "
                 "melakukan perbaikan tiada henti.",
    "akuntabel": "jujur, bertanggung jawab, cermat, disiplin, berintegritas; menggunakan BMN secara bertanggung "
                 "jawab, efektif, efisien; tidak menyalahgunakan kewenangan.",
    "kompeten": "meningkatkan kompetensi diri; membantu orang lain belajar; melaksanakan tugas dengan kualitas "
                "terbaik.",
    "harmonis": "menghargai setiap orang; suka menolong; membangun lingkungan kerja kondusif.",
    "loyal": "memegang teguh Pancasila, UUD 1945, NKRI; menjaga nama baik; menjaga rahasia jabatan.",
    "adaptif": "cepat menyesuaikan diri; terus berinovasi; bertindak proaktif.",
    "kolaboratif": "memberi kesempatan berkontribusi; terbuka bekerja sama; menggerakkan sumber daya untuk "
                   "tujuan bersama.",
}

# Explanations for columns whose layout carries no `keterangan` (sheet -> key -> text).
_KETERANGAN = {
    "Sasaran": {
        "nip": "NIP 18 digit (atau NI PPPK) pegawai pemilik SKP, sebagai teks.",
        "nama": "Nama pegawai, hanya untuk memudahkan membaca (data pegawai tetap diambil dari daftar pegawai).",
        "jabatan": "Jabatan pegawai, hanya untuk memudahkan membaca.",
        "rhk": "Rencana hasil kerja: hasil yang akan dicapai pegawai pada periode ini.",
        "indikator": "Indikator kinerja individu: ukuran keberhasilan RHK.",
        "satuan": "Satuan target, misalnya dokumen, laporan, %, hari.",
    },
    "Realisasi": {
        "nip": "NIP pegawai, sebagai teks. Jangan diubah.",
        "nama": "Nama pegawai (salinan untuk dibaca, tidak diimpor).",
        "nomor": "Nomor baris SKP pegawai (sama dengan kolom Nomor di sheet Sasaran). Jangan diubah.",
        "indikator": "Salinan indikator dari SKP, untuk dibaca; tidak diimpor.",
        "target": "Salinan target dari SKP, untuk dibaca; tidak diimpor.",
        "satuan": "Salinan satuan dari SKP, untuk dibaca; tidak diimpor.",
        "realisasi": "Capaian nyata, berupa angka dalam satuan yang sama dengan target (95 atau 95,5).",
        "bukti": "Tautan atau keterangan bukti dukung (boleh kosong).",
    },
    "Rating": {
        "nip": "NIP pegawai yang dinilai, sebagai teks.",
        "nama": "Nama pegawai (untuk dibaca, tidak diimpor).",
    },
    "Perilaku": {
        "nip": "NIP pegawai yang dinilai, sebagai teks.",
        "nama": "Nama pegawai yang dinilai (untuk dibaca).",
        "penilai": "NIP pegawai yang memberi nilai, sebagai teks. Baris atasan langsung sudah diisi dari daftar "
                   "pegawai; tambahkan baris untuk rekan, bawahan atau diri sendiri bila dipakai.",
    },
}

_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")


def tanggal_id(iso: str) -> str:
    """'2026-01-01' -> '1 Januari 2026' (unchanged if not a date)."""
    try:
        t, b, h = (int(x) for x in iso[:10].split("-"))
        return f"{h} {_BULAN[b - 1]} {t}"
    except (ValueError, IndexError, AttributeError):
        return str(iso)


# A cell's own rule written at the end of a column's explanation -> what the Petunjuk says instead of
# "Wajib diisi." (that the column must be present is not that every cell must be filled).
_ATURAN_SEL = {
    "(kosong: tidak diubah)": "Boleh kosong: sel kosong tidak mengubah yang tersimpan.",
    "(wajib bila rating diisi)": "Wajib bila rating diisi.",
    "(kosong bila pejabat penilai di luar daftar pegawai)":
        "Wajib diisi, kecuali pejabat penilainya di luar daftar pegawai (atasan luar yang tercatat, atau kepala "
        "daerah di profil instansi): biarkan kosong.",
}


def _kolom(tata: Tata) -> list[tuple[str, str, str]]:
    hasil = []
    for k in tata.kolom:
        if k.key in ASPEK_BERAKHLAK:
            continue  # explained with the BerAKHLAK aspects
        teks = (k.keterangan or _KETERANGAN.get(tata.nama_sheet, {}).get(k.key, "")).strip()
        teks = teks.removesuffix("(boleh kosong)").strip()
        wajib = "Wajib diisi." if k.wajib else "Boleh kosong."
        for akhiran, kata in _ATURAN_SEL.items():
            if teks.endswith(akhiran):
                teks, wajib = teks.removesuffix(akhiran).strip(), kata
        if teks and not teks.endswith("."):
            teks += "."
        if k.key in PILIHAN:
            teks = f"{teks} Pilih dari daftar: {', '.join(PILIHAN[k.key])}.".strip()
        hasil.append(("kolom", k.judul, f"{wajib} {teks[:1].upper()}{teks[1:]}".strip()))
    return hasil


def baris_petunjuk(isi) -> list[tuple[str, str, str]]:
    """(kind, label, text) rows; kind: judul, info, bagian, teks, kolom, kosong."""
    p = isi.periode
    unit = isi.unit or "Semua unit kerja"
    berkas = "BERKAS.xlsx"
    kode = p.kode
    r: list[tuple[str, str, str]] = [
        ("judul", JUDUL.format(kode=kode), ""),  # read back by excel/penanda.py
        ("kosong", "", ""),
        ("info", "Periode", f"{kode} ({p.jenis}, {tanggal_id(p.mulai)} s.d. {tanggal_id(p.selesai)}), "
                            f"metode {p.metode}"),
        ("info", "Unit kerja", unit),
        ("info", "Dibuat", tanggal_waktu_id(isi.dibuat)),  # 6 Desember 2026 11.28, never ISO text
        ("info", "Isi awal", "Tanpa isian awal (templat kosong)." if isi.kosong else
         f"{isi.jumlah_pegawai} pegawai aktif, {len(isi.sasaran)} baris di sheet Sasaran, "
         f"{len(isi.realisasi)} baris di sheet Realisasi, {len(isi.perilaku)} baris di sheet Perilaku."),
    ]
    if p.ditutup:
        r.append(("info", "Perhatian", f"Periode {kode} sudah ditutup: impor akan ditolak sampai periode dibuka "
                                       "kembali oleh BKPSDM."))
    r += [
        ("kosong", "", ""),
        ("bagian", "Kegunaan", "Buku kerja ini diisi oleh perangkat daerah (OPD) untuk menyampaikan Sasaran Kinerja "
                               "Pegawai (SKP), realisasinya, dan penilaian perilaku BerAKHLAK pegawai pada periode "
                               f"{kode} kepada BKPSDM. Setelah diisi, berkas diimpor apa adanya dengan perintah "
                               "kinerja di bagian akhir petunjuk ini."),
        ("kosong", "", ""),
        ("bagian", "Aturan umum", f"Jangan mengganti nama sheet ({_daftar_sheet(isi)}) dan jangan mengubah "
                                  "teks judul kolom di baris 1. Isi data mulai baris 2, satu baris per data; "
                                  "jangan menyisipkan baris di atas judul."),
        ("teks", "", "NIP harus tetap berupa teks 18 digit. Kolom NIP sudah berformat Teks; bila menempel NIP dari "
                     "berkas lain, pakai Tempel Nilai (Paste Values) dan pastikan NIP tidak berubah menjadi angka "
                     "seperti 1,97E+17 (digit terakhir hilang dan impor akan ditolak)."),
        ("teks", "", "Angka desimal boleh memakai koma atau titik (95,5 atau 95.5). Tulis angka biasa, bukan "
                     "persen: bobot 25 berarti 25%."),
        ("teks", "", "Kolom berdaftar pilihan (Jenis, Aspek, Arah, Target Maksimal, Status SKP, Peran) hanya "
                     "menerima nilai dari daftarnya; kolom angka menolak isian di luar batasnya."),
        ("teks", "", "Teks yang diawali =, +, - atau @ disimpan sebagai teks biasa, bukan rumus."),
        ("kosong", "", ""),
        ("bagian", "Sheet Sasaran", "Satu baris untuk setiap baris SKP (rencana hasil kerja dan indikatornya). "
                                    "Pegawai aktif sudah dituliskan (NIP, Nama, Jabatan); pegawai yang sudah punya "
                                    "SKP di periode ini tampil dengan SKP yang tersimpan. Bila pegawai punya lebih "
                                    "dari satu indikator, salin barisnya lalu isi baris SKP berikutnya. Baris yang "
                                    "hanya berisi NIP, Nama dan Jabatan (SKP belum diisi) dilewati saat impor."),
        ("teks", "", "Jumlah bobot semua baris satu pegawai harus 100 (toleransi 0,01)."),
        ("teks", "", "Target berupa angka (95 atau 95,5) atau rentang seperti 80-90. Rentang yang bisa dikira "
                     "tanggal oleh Excel (misalnya 1-3) diawali tanda petik: '1-3."),
        ("teks", "", "Arah naik: makin tinggi makin baik. Arah turun: makin rendah makin baik, misalnya lama hari "
                     "penerbitan izin usaha (target 3 hari, realisasi 2 hari berarti melampaui target)."),
        ("teks", "", "Target Maksimal ya: target sudah capaian tertinggi yang mungkin (misalnya 100% laporan tanpa "
                     "temuan audit)."),
        *([("teks", "", f"{isi.rhk_atasan_dikosongkan} sel RHK Atasan (Nomor) sengaja dikosongkan walaupun "
                         "tautannya tersimpan: pegawainya tidak punya atasan langsung di daftar pegawai, atau SKP "
                         "atasannya tidak punya nomor itu, sehingga impor akan menolaknya. Alasannya tertulis di "
                         "komentar sel itu.")] if isi.rhk_atasan_dikosongkan else []),
        *_kolom(SASARAN),
        ("kosong", "", ""),
        ("bagian", "Sheet Realisasi", "Satu baris untuk setiap baris SKP yang sudah tersimpan: isi kolom Realisasi "
                                      "(dan Bukti bila ada). Kolom berlatar abu-abu adalah salinan SKP untuk dibaca."),
    ]
    if not isi.realisasi:
        r.append(("teks", "", "Sheet Realisasi saat ini hanya berisi judul karena belum ada SKP tersimpan untuk "
                              "periode dan unit ini. Impor sheet Sasaran terlebih dahulu, lalu buat templat lagi "
                              "untuk mendapatkan baris realisasi yang sudah terisi."))
    r += [
        *_kolom(REALISASI),
        ("kosong", "", ""),
        ("bagian", "Sheet Perilaku", "Satu baris untuk setiap penilai seorang pegawai. Baris penilaian oleh atasan "
                                     "langsung sudah disiapkan; tambahkan baris bila rekan, bawahan atau diri "
                                     "sendiri ikut menilai. Setiap aspek BerAKHLAK diberi skor 0 sampai 120 "
                                     "(desimal boleh); kolom aspek boleh kosong bila tidak dinilai."),
        *_kolom(PERILAKU),
        ("kosong", "", ""),
        ("bagian", "Aspek BerAKHLAK", "Tujuh aspek perilaku, masing-masing dengan panduan perilakunya:"),
        *(("kolom", NAMA_ASPEK[a], f"Skor 0-120. {DESKRIPSI_ASPEK[a][0].upper()}{DESKRIPSI_ASPEK[a][1:]}")
          for a in ASPEK_BERAKHLAK),
        *_rating(isi),
        ("kosong", "", ""),
        ("bagian", "Cara mengimpor", "Simpan berkas sebagai .xlsx, lalu jalankan satu perintah (BERKAS.xlsx diganti "
                                     "nama berkas ini, atau nama folder berisi berkas semua OPD). Semua sheet diimpor "
                                     "berurutan (sasaran sebelum realisasi); bila ada kesalahan, seluruh berkas "
                                     "ditolak dengan daftar baris dan kolom yang perlu diperbaiki:"),
        ("perintah", "", f"kinerja impor {berkas} --periode {kode}"),
        ("teks", "", "Satu sheet saja dapat juga diimpor dengan perintahnya sendiri (sasaran dahulu, karena "
                     "realisasi merujuk ke nomor baris SKP):"),
        ("perintah", "", f"kinerja sasaran impor {berkas} --periode {kode}"),
        ("perintah", "", f"kinerja realisasi impor {berkas} --periode {kode}"),
        ("perintah", "", f"kinerja perilaku impor {berkas} --periode {kode}"),
        *([("perintah", "", f"kinerja rating impor {berkas} --periode {kode}")] if isi.rating is not None else []),
    ]
    return r


def _daftar_sheet(isi) -> str:
    """'Sasaran, Realisasi, Perilaku' (and Rating when the workbook has it)."""
    return ", ".join(("Sasaran", "Realisasi", "Perilaku", *(("Rating",) if isi.rating is not None else ())))


def _rating(isi) -> list[tuple[str, str, str]]:
    """The Rating sheet's section (permenpan6 periods only)."""
    if isi.rating is None:
        return []
    return [
        ("kosong", "", ""),
        ("bagian", "Sheet Rating", "Metode permenpan6 (PermenPANRB 6/2022): rating hasil kerja dan rating perilaku "
                                   "ditetapkan oleh pejabat penilai, yaitu atasan langsung pegawai. Rating yang dihitung "
                                   "kinerja dari angka hanya saran; saran itu tertulis sebagai komentar pada sel rating "
                                   "(arahkan kursor ke sel bertanda merah di pojok), bukan sebagai isinya."),
        ("teks", "", "Satu baris per pegawai. Pilih rating dari daftar, tulis alasannya, dan biarkan NIP Pejabat "
                     "Penilai berisi NIP atasan langsung (kosong bagi pegawai yang pejabat penilainya di luar daftar "
                     "pegawai: atasan luar yang tercatat, atau kepala daerah di profil instansi). Baris tanpa rating dan alasan dilewati saat impor; sel "
                     "rating yang kosong tidak mengubah rating yang sudah tersimpan."),
        ("teks", "", "Kolom Rekomendasi: CATATAN/REKOMENDASI pejabat penilai yang dicetak di Dokumen Evaluasi "
                     "Kinerja Pegawai (boleh diisi tanpa rating). Sel kosong tidak menghapus rekomendasi tersimpan."),
        *_kolom(RATING_PEJABAT),
    ]


def _tinggi(teks: str, lebar: int) -> float | None:
    """Row height for wrapped text (Excel does not always size rows itself)."""
    baris = max(1, -(-len(teks) // max(1, int(lebar * 1.1))))
    return 15.0 * baris + 2 if baris > 1 else None


def tulis_petunjuk(ws, isi) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    lebar_a, lebar_b = 26, 100
    ws.column_dimensions["A"].width = lebar_a
    ws.column_dimensions["B"].width = lebar_b
    bungkus = Alignment(vertical="top", wrap_text=True)
    tebal = Font(bold=True)
    latar = PatternFill("solid", fgColor="DDEBF7")
    for r, (jenis, label, teks) in enumerate(baris_petunjuk(isi), start=1):
        if jenis == "kosong":
            ws.append([])
            continue
        if jenis == "judul":
            ws.append([sel_aman(ws, label, font=Font(bold=True, size=14))])
            continue
        gaya_a = {"font": tebal, "alignment": bungkus}
        if jenis == "bagian":
            gaya_a["fill"] = latar
        gaya_b = {"alignment": bungkus}
        if jenis == "perintah":
            gaya_b["font"] = Font(name="Consolas")
        t = _tinggi(teks, lebar_b)
        if t:
            ws.row_dimensions[r].height = t
        ws.append([sel_aman(ws, label, **gaya_a) if label else None, sel_aman(ws, teks, **gaya_b)])
