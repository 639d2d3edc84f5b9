"""Usage errors are explained in Indonesian and keep exit code 2."""

import pytest

from kinerja_cli.cli.pesan_pemakaian import terjemahkan


@pytest.mark.parametrize("asli,hasil", [
    ("Missing option '--periode' / '-p'.", "Opsi wajib '--periode' / '-p' belum diisi. Atau tetapkan periode "
     "bawaan: kinerja periode pakai KODE (atau variabel KINERJA_PERIODE)."),
    ("No such command 'x'.", "Perintah 'x' tidak ada."),
    ("No such option: --nipp (Possible options: --nip, --unit)", "Opsi --nipp tidak dikenal. Mungkin maksudnya: --nip, --unit."),
    ("Invalid value for '--peran': Value error, 'boss' is not one of 'atasan', 'rekan'.",
     "Nilai tidak sah untuk '--peran': 'boss' bukan salah satu dari 'atasan', 'rekan'."),
    ("Missing argument 'NIP'.", "Argumen wajib 'NIP' belum diisi."),
])
def test_translation(asli, hasil):
    assert terjemahkan(asli) == hasil


def test_cli_usage_error_in_indonesian(kinerja):
    r = kinerja("nilai", "--periode", "2026", "--unit", "dinas", "sosial")
    assert r.exit_code == 2
    assert "Galat pemakaian: Ada argumen berlebih (sosial)" in r.stderr and "tanda kutip" in r.stderr
    assert "Error" not in r.stderr and "Try '" not in r.stderr


@pytest.mark.parametrize("args", [["--help"], ["sasaran", "--help"], ["realisasi", "catat", "--help"],
                                  ["riwayat", "-h"], ["demo", "--help"]])
def test_help_pages_have_no_english_click_words(kinerja, args):
    r = kinerja(*args)
    assert r.exit_code == 0
    teks = r.stdout
    assert teks.startswith("Pemakaian: kinerja") and "Opsi:" in teks
    assert "Tampilkan bantuan ini lalu keluar." in teks
    for kata in ("Usage", "Options:", "Arguments:", "Commands:", "[OPTIONS]", "[required]", "[default:",
                 "Show this message"):
        assert kata not in teks, kata
    if args == ["realisasi", "catat", "--help"]:
        assert "Argumen:" in teks and "[wajib]" in teks
        assert "--nomor <bilangan>" in teks and "--nilai <teks>" in teks and "<str>" not in teks
    if args == ["--help"]:
        assert "Perintah:" in teks and "PERINTAH [ARGUMEN]..." in teks


def test_a_non_number_for_an_int_option_is_explained_in_indonesian(db_siap, kinerja):
    r = kinerja("riwayat", "--batas", "abc")
    assert r.exit_code == 2 and "'abc' bukan bilangan bulat." in r.stderr and "valid" not in r.stderr


def test_a_folder_as_database_is_explained(kinerja, tmp_path):
    for args in (["init", "--db", tmp_path], ["pegawai", "daftar", "--db", tmp_path]):
        r = kinerja(*args)
        assert r.exit_code == 1 and "adalah folder, bukan berkas basis data" in r.stderr
        assert f"--db {tmp_path / 'kinerja.db'}" in r.stderr
