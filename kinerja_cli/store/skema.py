"""Schema versions, as sqlite-utils migrations.

Never edit a migration that has been released: add a new one at the end.
Numbers that must stay exact (targets, realisations, weights, scores) are
stored as TEXT holding a canonical decimal string, read back with Decimal.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from ..kosakata import BUTUH_PERBAIKAN

NAMA_SET = "kinerja"

migrasi = Migrations(NAMA_SET)


@migrasi(name="0001_awal")
def m0001_awal(db: Database) -> None:
    x = db.execute
    x(
        """CREATE TABLE pegawai (
            nip TEXT PRIMARY KEY,
            nama TEXT NOT NULL,
            jabatan TEXT,
            jenis_jabatan TEXT,
            golongan TEXT,
            unit TEXT NOT NULL,
            nip_atasan TEXT,
            status TEXT NOT NULL,          -- PNS | PPPK
            aktif INTEGER NOT NULL DEFAULT 1,
            dibuat TEXT NOT NULL,
            diubah TEXT NOT NULL
        )"""
    )
    x("CREATE INDEX ix_pegawai_unit ON pegawai(unit)")
    x("CREATE INDEX ix_pegawai_atasan ON pegawai(nip_atasan)")
    x(
        """CREATE TABLE periode (
            kode TEXT PRIMARY KEY,
            jenis TEXT NOT NULL,           -- tahunan | triwulan | bulanan
            mulai TEXT NOT NULL,
            selesai TEXT NOT NULL,
            metode TEXT NOT NULL,          -- pp30 | permenpan6
            parameter TEXT NOT NULL,       -- JSON: every rule parameter, frozen at creation
            status TEXT NOT NULL DEFAULT 'terbuka',  -- terbuka | ditutup
            dibuat TEXT NOT NULL,
            ditutup_pada TEXT
        )"""
    )
    x(
        """CREATE TABLE sasaran (
            periode TEXT NOT NULL REFERENCES periode(kode),
            nip TEXT NOT NULL REFERENCES pegawai(nip),
            nomor INTEGER NOT NULL,
            jenis TEXT NOT NULL,           -- utama | tambahan
            rhk TEXT NOT NULL,
            rhk_atasan_nomor INTEGER,      -- row nomor in the atasan's SKP, same period
            aspek TEXT NOT NULL,           -- kuantitas | kualitas | waktu | biaya
            indikator TEXT NOT NULL,
            target_lo TEXT NOT NULL,       -- decimal string
            target_hi TEXT,                -- decimal string when the target is a range
            satuan TEXT,
            bobot TEXT NOT NULL,           -- decimal string, percent
            arah TEXT NOT NULL,            -- naik | turun
            target_maksimal INTEGER NOT NULL DEFAULT 0,
            diubah TEXT NOT NULL,
            PRIMARY KEY (periode, nip, nomor)
        )"""
    )
    x("CREATE INDEX ix_sasaran_nip ON sasaran(nip, periode)")
    x(
        """CREATE TABLE realisasi (
            periode TEXT NOT NULL REFERENCES periode(kode),
            nip TEXT NOT NULL REFERENCES pegawai(nip),
            nomor INTEGER NOT NULL,
            nilai TEXT NOT NULL,           -- decimal string
            bukti TEXT,
            diubah TEXT NOT NULL,
            PRIMARY KEY (periode, nip, nomor)
        )"""
    )
    x(
        """CREATE TABLE perilaku (
            periode TEXT NOT NULL REFERENCES periode(kode),
            nip TEXT NOT NULL REFERENCES pegawai(nip),
            penilai TEXT NOT NULL REFERENCES pegawai(nip),
            peran TEXT NOT NULL,           -- atasan | rekan | bawahan | diri
            pelayanan TEXT, akuntabel TEXT, kompeten TEXT, harmonis TEXT,
            loyal TEXT, adaptif TEXT, kolaboratif TEXT,   -- decimal strings 0..120 or NULL
            diubah TEXT NOT NULL,
            PRIMARY KEY (periode, nip, penilai)
        )"""
    )
    x(
        """CREATE TABLE umpan_balik (
            id INTEGER PRIMARY KEY,
            periode TEXT NOT NULL REFERENCES periode(kode),
            nip TEXT NOT NULL REFERENCES pegawai(nip),
            dari TEXT NOT NULL REFERENCES pegawai(nip),
            tanggal TEXT NOT NULL,
            teks TEXT NOT NULL,
            dibuat TEXT NOT NULL
        )"""
    )
    x("CREATE INDEX ix_umpan_balik ON umpan_balik(periode, nip)")
    x(
        """CREATE TABLE inovasi (
            id INTEGER PRIMARY KEY,
            periode TEXT NOT NULL REFERENCES periode(kode),
            nip TEXT NOT NULL REFERENCES pegawai(nip),
            uraian TEXT NOT NULL,
            tanggal TEXT NOT NULL,
            dibuat TEXT NOT NULL
        )"""
    )
    x("CREATE INDEX ix_inovasi ON inovasi(periode, nip)")
    x(
        """CREATE TABLE rating_langsung (
            periode TEXT NOT NULL REFERENCES periode(kode),
            nip TEXT NOT NULL REFERENCES pegawai(nip),
            hasil_kerja TEXT,              -- di-atas | sesuai | di-bawah | NULL
            perilaku TEXT,
            alasan TEXT NOT NULL,
            oleh TEXT,
            diubah TEXT NOT NULL,
            PRIMARY KEY (periode, nip)
        )"""
    )
    x(
        """CREATE TABLE unit_predikat (
            periode TEXT NOT NULL REFERENCES periode(kode),
            unit TEXT NOT NULL,
            predikat TEXT NOT NULL,        -- istimewa | baik | butuh-perbaikan | kurang | sangat-kurang
            diubah TEXT NOT NULL,
            PRIMARY KEY (periode, unit)
        )"""
    )
    x(
        """CREATE TABLE hasil_snapshot (
            periode TEXT NOT NULL REFERENCES periode(kode),
            nip TEXT NOT NULL,
            data TEXT NOT NULL,            -- JSON: the full result with its breakdown
            PRIMARY KEY (periode, nip)
        )"""
    )
    x(
        """CREATE TABLE pelatihan (
            id INTEGER PRIMARY KEY,
            nip TEXT NOT NULL REFERENCES pegawai(nip),
            kegiatan TEXT NOT NULL,
            jenis TEXT NOT NULL,
            tanggal TEXT NOT NULL,
            jp TEXT NOT NULL,              -- decimal string
            penyelenggara TEXT,
            dibuat TEXT NOT NULL,
            UNIQUE (nip, kegiatan, tanggal)
        )"""
    )
    x(
        """CREATE TABLE skp_status (
            periode TEXT NOT NULL REFERENCES periode(kode),
            nip TEXT NOT NULL REFERENCES pegawai(nip),
            status TEXT NOT NULL,          -- draf | diajukan | disetujui | dikembalikan
            oleh TEXT,
            tanggal TEXT,
            alasan TEXT,
            PRIMARY KEY (periode, nip)
        )"""
    )
    x(
        """CREATE TABLE layanan_indikator (
            id INTEGER PRIMARY KEY,
            unit TEXT NOT NULL,
            nama TEXT NOT NULL,
            satuan TEXT,
            arah TEXT NOT NULL,            -- naik | turun
            target TEXT,
            dibuat TEXT NOT NULL,
            UNIQUE (unit, nama)
        )"""
    )
    x(
        """CREATE TABLE layanan_nilai (
            indikator_id INTEGER NOT NULL REFERENCES layanan_indikator(id),
            periode TEXT NOT NULL,
            nilai TEXT NOT NULL,
            sumber TEXT,
            diubah TEXT NOT NULL,
            PRIMARY KEY (indikator_id, periode)
        )"""
    )
    x(
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            waktu TEXT NOT NULL,
            pengguna TEXT NOT NULL,
            perintah TEXT NOT NULL,
            tabel TEXT NOT NULL,
            kunci TEXT NOT NULL,
            aksi TEXT NOT NULL,            -- tambah | ubah | hapus | catatan
            lama TEXT,                     -- JSON
            baru TEXT,                     -- JSON
            nip TEXT                       -- the employee concerned, for riwayat --nip
        )"""
    )
    x("CREATE INDEX ix_audit_nip ON audit(nip)")
    x("CREATE INDEX ix_audit_waktu ON audit(waktu)")


# -- issue 16: the instansi profile and the units' official short names ------------------------


@migrasi(name="0002_instansi_profil")
def m0002_instansi_profil(db: Database) -> None:
    """One row (id 1): pemda, instansi, kop, kepala daerah, the official who signs recaps. The logo is
    kept as a blob in the database itself: the database is the one file that is backed up, restored
    and moved between PCs (a copied file beside it would be lost or go stale); 1 MB at most."""
    x = db.execute
    x(
        """CREATE TABLE IF NOT EXISTS instansi (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            pemda TEXT, instansi TEXT, tempat TEXT, alamat TEXT, kontak TEXT,
            kepala_nama TEXT, kepala_jabatan TEXT,
            ttd_jabatan TEXT, ttd_nama TEXT, ttd_nip TEXT, ttd_pangkat TEXT,
            logo BLOB, logo_jenis TEXT, logo_lebar INTEGER, logo_tinggi INTEGER,
            diubah TEXT NOT NULL
        )"""
    )
    x(
        """CREATE TABLE IF NOT EXISTS unit_singkatan (
            unit TEXT PRIMARY KEY COLLATE NOCASE,   -- the unit name as stored with the employees
            singkatan TEXT NOT NULL,                -- official short name: Bappeda, Disdukcapil, DPMPTSP
            diubah TEXT NOT NULL
        )"""
    )


# -- issue 17: SKP agreement as a period setting, database settings, atasan outside the roster --


@migrasi(name="0003_persetujuan_skp")
def m0003_persetujuan_skp(db: Database) -> None:
    """The SKP agreement workflow becomes an explicit setting of the period (issue 17 §3). A period
    that already has a state row used the workflow (the old rule), so it keeps it."""
    if "persetujuan_skp" in db["periode"].columns_dict:  # re-run safely
        return
    db.execute("ALTER TABLE periode ADD COLUMN persetujuan_skp INTEGER NOT NULL DEFAULT 0")
    db.execute("UPDATE periode SET persetujuan_skp = 1 WHERE kode IN (SELECT DISTINCT periode FROM skp_status)")


@migrasi(name="0004_setelan")
def m0004_setelan(db: Database) -> None:
    """Settings of the database itself (issue 17 §4): the default period (`kinerja periode pakai`)."""
    db.execute("CREATE TABLE IF NOT EXISTS setelan (kunci TEXT PRIMARY KEY, nilai TEXT NOT NULL, diubah TEXT NOT NULL)")


@migrasi(name="0005_atasan_luar")
def m0005_atasan_luar(db: Database) -> None:
    """A named atasan outside the roster (issue 17 §3), e.g. the kepala daerah above a Sekda or the
    head of an OPD whose roster has no NIP Atasan: the approver of that employee's SKP."""
    db.execute(
        """CREATE TABLE IF NOT EXISTS atasan_luar (
            nip TEXT PRIMARY KEY REFERENCES pegawai(nip),
            nama TEXT NOT NULL,
            jabatan TEXT,
            diubah TEXT NOT NULL
        )"""
    )


# -- issue 14: the settings that keep the results of periods created before it --------------


@migrasi(name="0006_aturan_periode_lama")
def m0006_aturan_periode_lama(db: Database) -> None:
    """Issue 14: a period stores its "penilaian 360" setting (PP 30/2019 Pasal 41 ayat 2-4) and the pp30 name
    of the 70-<90 band. Periods created before get the values that reproduce their results: the per-employee
    70/30-or-60/40 choice they were computed with ("per-pegawai") and "Butuh Perbaikan". Keys already
    present are kept; nothing else in the stored parameters changes."""
    import json

    lama = {"penilaian_360": "per-pegawai", "nama_predikat_pp30_cukup": BUTUH_PERBAIKAN}
    for kode, teks in db.execute("SELECT kode, parameter FROM periode").fetchall():
        d = json.loads(teks)
        baru = {**d, **{k: v for k, v in lama.items() if k not in d}}
        if baru != d:
            db.execute("UPDATE periode SET parameter = ? WHERE kode = ?",
                       [json.dumps(baru, ensure_ascii=False, sort_keys=True), kode])


# -- issue 16 §5 (engineer J, branch tutup): what a closed period's recap and documents show besides
# the results, frozen at close beside hasil_snapshot: the Pengembangan and Dampak sheets (kunci '')
# and each employee's document context (kunci = NIP: pejabat penilai, atasan, umpan balik).
@migrasi(name="0007_periode_beku")
def m0007_periode_beku(db: Database) -> None:
    db.execute(
        """CREATE TABLE IF NOT EXISTS periode_beku (
            periode TEXT NOT NULL REFERENCES periode(kode),
            bagian TEXT NOT NULL,          -- pengembangan | dampak | dokumen
            kunci TEXT NOT NULL DEFAULT '',  -- '' for a whole sheet, the NIP for a document
            data TEXT NOT NULL,            -- JSON (decimals as {"$desimal": "1.5"})
            PRIMARY KEY (periode, bagian, kunci)
        )"""
    )


# -- issue 16 §2: the pejabat penilai's CATATAN/REKOMENDASI of the evaluation document ----------


@migrasi(name="0008_evaluasi_rekomendasi")
def m0008_evaluasi_rekomendasi(db: Database) -> None:
    """One recommendation per employee and period, written by the pejabat penilai (Format D.1.1
    CATATAN/REKOMENDASI): `kinerja evaluasi catat` or the Rating sheet's Rekomendasi column."""
    db.execute(
        """CREATE TABLE IF NOT EXISTS evaluasi_rekomendasi (
            periode TEXT NOT NULL REFERENCES periode(kode),
            nip TEXT NOT NULL REFERENCES pegawai(nip),
            rekomendasi TEXT NOT NULL,
            oleh TEXT,                     -- NIP of the pejabat penilai who wrote it
            diubah TEXT NOT NULL,
            PRIMARY KEY (periode, nip)
        )"""
    )


# --- issue 15 (SIASN roster): the parts of a name, the sub-unit, the kedudukan, SIASN's unor ---

@migrasi(name="0009_pegawai_siasn")
def m0009_pegawai_siasn(db: Database) -> None:
    """Roster columns the SIASN export brings (no personal data: only what performance management
    needs), and SIASN's unor hierarchy (maps a lowest unor to its OPD; re-imported whole)."""
    x = db.execute
    ada = {r[1] for r in x("PRAGMA table_info(pegawai)")}  # idempotent: safe to run again
    for kolom in ("sub_unit", "gelar_depan", "gelar_belakang", "kedudukan", "unor_id"):
        if kolom not in ada:
            x(f"ALTER TABLE pegawai ADD COLUMN {kolom} TEXT")
    x(
        """CREATE TABLE IF NOT EXISTS unor (
            id TEXT PRIMARY KEY,
            nama TEXT NOT NULL,            -- without the indentation of the export
            id_atasan TEXT,                -- NULL: a root (the pemda)
            urutan INTEGER NOT NULL        -- row order of the export
        )"""
    )


# --- issue 14 §2 (engineer S, branch alasan): a reason per rating --------------------------------

@migrasi(name="0010_alasan_per_rating")
def m0010_alasan_per_rating(db: Database) -> None:
    """rating_langsung keeps one reason per rating (alasan_hasil_kerja, alasan_perilaku) instead of one
    reason for both: setting one rating no longer overwrites the other's reason. The table is rebuilt
    (portable to every SQLite: no DROP COLUMN) and the old `alasan` goes to each rating the row holds
    (both when it holds both; both too for a row holding neither, so nothing is lost)."""
    x = db.execute
    ada = {r[1] for r in x("PRAGMA table_info(rating_langsung)")}
    if "alasan" not in ada:  # idempotent: already the new shape
        return
    x(
        """CREATE TABLE rating_langsung_0010 (
            periode TEXT NOT NULL REFERENCES periode(kode),
            nip TEXT NOT NULL REFERENCES pegawai(nip),
            hasil_kerja TEXT,              -- di-atas | sesuai | di-bawah | NULL
            perilaku TEXT,
            alasan_hasil_kerja TEXT,       -- the pejabat penilai's reason for hasil_kerja (NULL when not set)
            alasan_perilaku TEXT,          -- the reason for perilaku
            oleh TEXT,
            diubah TEXT NOT NULL,
            PRIMARY KEY (periode, nip)
        )"""
    )
    x(
        """INSERT INTO rating_langsung_0010
               (periode, nip, hasil_kerja, perilaku, alasan_hasil_kerja, alasan_perilaku, oleh, diubah)
           SELECT periode, nip, hasil_kerja, perilaku,
                  CASE WHEN hasil_kerja IS NOT NULL OR perilaku IS NULL THEN alasan END,
                  CASE WHEN perilaku IS NOT NULL OR hasil_kerja IS NULL THEN alasan END,
                  oleh, diubah
           FROM rating_langsung"""
    )
    x("DROP TABLE rating_langsung")
    x("ALTER TABLE rating_langsung_0010 RENAME TO rating_langsung")


# -- issue 17 §3 (engineer U, branch luar): perilaku scores from a penilai outside the roster ---------


def _bangun_ulang(db: Database, tabel: str, ubah_sql) -> None:
    """Rebuild `tabel` with the CREATE TABLE text `ubah_sql(old text)`, keeping every row, column (also
    columns added by earlier migrations), index and trigger: SQLite cannot drop a constraint, so this is
    the procedure of https://sqlite.org/lang_altertable.html#otheralter (create new, copy, drop, rename,
    recreate the indexes, foreign_key_check). Foreign keys are switched off around the migrations'
    transaction by store.db.terapkan_migrasi (step 1 of that procedure: the pragma is a no-op inside a
    transaction); where a caller left them on, they are deferred to the commit instead."""
    x = db.execute
    sql_lama = x("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [tabel]).fetchone()[0]
    sql_baru = ubah_sql(sql_lama)
    if sql_baru == sql_lama:  # already rebuilt (re-run safely)
        return
    if x("PRAGMA foreign_keys").fetchone()[0]:
        x("PRAGMA defer_foreign_keys = ON")
    lain = [r[0] for r in x("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
                            "AND sql IS NOT NULL", [tabel])]
    galat_lama = len(x(f'PRAGMA foreign_key_check("{tabel}")').fetchall())
    sementara = f"{tabel}_baru_0011"
    awal = sql_baru.index("(")
    x(f'CREATE TABLE "{sementara}" {sql_baru[awal:]}')
    x(f'INSERT INTO "{sementara}" SELECT * FROM "{tabel}"')  # same columns, same order: only a constraint differs
    x(f'DROP TABLE "{tabel}"')
    x(f"ALTER TABLE {sementara} RENAME TO {tabel}")
    for sql in lain:
        x(sql)
    if len(x(f'PRAGMA foreign_key_check("{tabel}")').fetchall()) > galat_lama:
        import sqlite3

        raise sqlite3.IntegrityError(f"membangun ulang tabel {tabel} melanggar foreign key")


@migrasi(name="0011_perilaku_penilai_luar")
def m0011_perilaku_penilai_luar(db: Database) -> None:
    """A perilaku row's penilai is a roster NIP, or a keyword naming the employee's pejabat penilai outside
    the roster (kosakata.PENILAI_LUAR: 'atasan-luar', 'kepala-daerah'), who has no row in pegawai: the
    REFERENCES pegawai(nip) of the penilai column goes (services.perilaku checks every penilai instead).
    The employee's own NIP and the period keep their foreign keys."""
    import re

    pola = re.compile(r"(\bpenilai\s+TEXT\s+NOT\s+NULL)\s+REFERENCES\s+pegawai\s*\(\s*nip\s*\)", re.IGNORECASE)
    _bangun_ulang(db, "perilaku", lambda sql: pola.sub(r"\1", sql, count=1))


# --- issue 16 §3 / issue 13 (engineer T, branch perspektif): the Balanced-Scorecard perspektif of an SKP row ---

@migrasi(name="0012_sasaran_perspektif")
def m0012_sasaran_perspektif(db: Database) -> None:
    """The perspektif of a hasil kerja in the SKP of a JPT (PermenPANRB 6/2022): penerima-layanan,
    proses-bisnis, penguatan-internal or anggaran (kosakata.NAMA_PERSPEKTIF); NULL: none (other jabatan
    use aspek). Existing rows keep NULL."""
    if "perspektif" not in {r[1] for r in db.execute("PRAGMA table_info(sasaran)")}:  # idempotent
        db.execute("ALTER TABLE sasaran ADD COLUMN perspektif TEXT")


# -- issue 16 §2/§3 (engineer W, branch lampiran): the SKP's lampiran and the ekspektasi khusus pimpinan --


@migrasi(name="0013_skp_lampiran")
def m0013_skp_lampiran(db: Database) -> None:
    """The LAMPIRAN SASARAN KINERJA PEGAWAI of PermenPANRB 6/2022 Format A.1.x (dukungan sumber daya, skema
    pertanggungjawaban, konsekuensi: each a numbered list of lines) and the ekspektasi khusus pimpinan per
    BerAKHLAK aspect (the perilaku part of the SKP), per employee and period."""
    db.execute(
        """CREATE TABLE IF NOT EXISTS skp_lampiran (
            periode TEXT NOT NULL REFERENCES periode(kode),
            nip TEXT NOT NULL REFERENCES pegawai(nip),
            bagian TEXT NOT NULL CHECK (bagian IN ('dukungan', 'skema', 'konsekuensi')),
            urutan INTEGER NOT NULL,       -- 1, 2, ... as printed
            teks TEXT NOT NULL,
            diubah TEXT NOT NULL,
            PRIMARY KEY (periode, nip, bagian, urutan)
        )"""
    )
    db.execute(
        """CREATE TABLE IF NOT EXISTS skp_ekspektasi (
            periode TEXT NOT NULL REFERENCES periode(kode),
            nip TEXT NOT NULL REFERENCES pegawai(nip),
            aspek TEXT NOT NULL,           -- a BerAKHLAK key: pelayanan, akuntabel, ...
            teks TEXT NOT NULL,
            diubah TEXT NOT NULL,
            PRIMARY KEY (periode, nip, aspek)
        )"""
    )


# --- re-tester 14 Q3 (engineer h14): one pejabat penilai per rating --------------------------------------

@migrasi(name="0014_rating_oleh_per_rating")
def m0014_rating_oleh_per_rating(db: Database) -> None:
    """rating_langsung keeps the pejabat penilai of each rating (oleh_hasil_kerja, oleh_perilaku): when the
    atasan changes between the two ratings, each keeps who set it. `oleh` stays (scripts read it): the
    pejabat penilai who last set a rating. Existing rows copy `oleh` to each rating they hold."""
    x = db.execute
    ada = {r[1] for r in x("PRAGMA table_info(rating_langsung)")}
    for kolom in ("oleh_hasil_kerja", "oleh_perilaku"):  # idempotent
        if kolom not in ada:
            x(f"ALTER TABLE rating_langsung ADD COLUMN {kolom} TEXT")  # NIP of the pejabat penilai; NULL: not set / outside the roster
    x("""UPDATE rating_langsung SET
             oleh_hasil_kerja = COALESCE(oleh_hasil_kerja, CASE WHEN hasil_kerja IS NOT NULL THEN oleh END),
             oleh_perilaku = COALESCE(oleh_perilaku, CASE WHEN perilaku IS NOT NULL THEN oleh END)""")


def nama_dikenal() -> list[str]:
    return [m.name for m in migrasi._migrations]
