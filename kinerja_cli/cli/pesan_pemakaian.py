"""Usage errors (exit code 2) in Indonesian.

Typer's bundled Click writes "Error: Missing option ..." in English; this replaces the text of
`UsageError.show` with the same information in Indonesian. Only the words change: the exit
code (2) and the usage line stay as Click makes them.
"""


import re
import sys

_POLA = (
    (re.compile(r"^Missing option (.+?)\.(.*)$", re.S), r"Opsi wajib \1 belum diisi.\2"),
    (re.compile(r"^Missing argument (.+?)\.(.*)$", re.S), r"Argumen wajib \1 belum diisi.\2"),
    (re.compile(r"^Missing parameter (.+?)\.(.*)$", re.S), r"Parameter wajib \1 belum diisi.\2"),
    (re.compile(r"^Missing parameter: (.+)$"), r"Parameter wajib \1 belum diisi."),
    (re.compile(r"^Missing command\.$"), "Perintah belum disebut."),
    (re.compile(r"^No such command (.+?)\.? Did you mean (.+)\?$"), r"Perintah \1 tidak ada. Maksud Anda \2?"),
    (re.compile(r"^No such command (.+)\.$"), r"Perintah \1 tidak ada."),
    (re.compile(r"^No such option: (\S+)(?: \(Possible options: (.+)\))?$"), None),
    (re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)$"),
     r'Ada argumen berlebih (\1). Beri tanda kutip pada nilai yang berisi spasi, misalnya --unit "Dinas Sosial".'),
    (re.compile(r"^Option (.+) requires an argument\.?$"), r"Opsi \1 perlu nilai."),
    (re.compile(r"^Option (.+) requires (\d+) arguments\.?$"), r"Opsi \1 perlu \2 nilai."),
    (re.compile(r"^Option (.+) does not take a value\.$"), r"Opsi \1 tidak menerima nilai."),
    (re.compile(r"^Argument (.+) takes (\d+) values\.$"), r"Argumen \1 perlu \2 nilai."),
)
_ISI = (  # the English part of "Invalid value ...: <isi>" (a parameter type's own message)
    (r"^Value error, ", ""),
    (r"(.+) is not one of (.+)\.$", r"\1 bukan salah satu dari \2."),
    (r"(.+) is not a valid (?:int(?:eger)?|bilangan)\.?$", r"\1 bukan bilangan bulat."),
    (r"(.+) is not a valid (?:float|angka)\.?$", r"\1 bukan angka."),
    (r"(.+) is not a valid boolean\. Recognized values: (.+)$", r"\1 bukan ya/tidak; yang dikenal: \2"),
    (r"(.+) is not a valid UUID\.$", r"\1 bukan UUID."),
    (r"(.+) is not in the range (.+)\.$", r"\1 di luar rentang \2."),
    (r"(.+) does not match the formats (.+)\.$", r"\1 tidak cocok dengan bentuk \2."),
    (r"^Takes (\d+) values but (\d+) given\.$", r"perlu \1 nilai, diberikan \2."),
    (r"^(\d+) values are required, but (\d+) given\.$", r"perlu \1 nilai, diberikan \2."),
    (r"^Value must be an iterable\.$", "nilai harus berupa daftar."),
    (r"^(?:File|Path|Directory) (.+) does not exist\.$", r"\1 tidak ada."),
    (r"^(?:File|Path|Directory) (.+) is a directory\.$", r"\1 adalah folder, bukan berkas."),
    (r"^(?:File|Path|Directory) (.+) is a file\.$", r"\1 adalah berkas, bukan folder."),
    (r"^(?:File|Path|Directory) (.+) is not readable\.$", r"\1 tidak dapat dibaca."),
    (r"^(?:File|Path|Directory) (.+) is not writable\.$", r"\1 tidak dapat ditulisi."),
)
_ARGUMEN = re.compile(r"\{([a-z_]+)\}|(?<=\[)([a-z_]+)(?=\])")  # argument names in a usage line
_BANTUAN = (  # the English words of Click's help page; every other word there is ours
    (re.compile(r"^Usage: ", re.M), "Pemakaian: "),
    (re.compile(r"(?m)^Pemakaian: .*$"), lambda m: _ARGUMEN.sub(lambda a: (a.group(1) or a.group(2)).upper(), m.group(0))),
    (re.compile(r"^Arguments:$", re.M), "Argumen:"),
    (re.compile(r"^Options:$", re.M), "Opsi:"),
    (re.compile(r"^Commands:$", re.M), "Perintah:"),
    (re.compile(r"\[OPTIONS\]"), "[OPSI]"),
    (re.compile(r"COMMAND \[ARGS\]\.\.\."), "PERINTAH [ARGUMEN]..."),
    (re.compile(r"\[(?:default|bawaan):\s+\(dynamic\);\s+required\]"), "[wajib, kecuali ada periode bawaan]"),
    (re.compile(r"\[required\]"), "[wajib]"),
    (re.compile(r";\s+required\]"), "; wajib]"),
    (re.compile(r"\[default:(?=\s)"), "[bawaan:"),
    (re.compile(r"\[env var: "), "[variabel lingkungan: "),
    (re.compile(r"Show this message and exit\."), "Tampilkan bantuan ini lalu keluar."),
)
_NILAI = re.compile(r"^Invalid value(?: for (.+?))?: (.*)$", re.S)
_PILIH = re.compile(r"\.?\s*Choose from:\s*(.+)$", re.S)


def _pilihan(m: re.Match) -> str:
    daftar = [x.strip().rstrip(",") for x in m.group(1).split("\n") if x.strip()]
    return ". Pilih salah satu: " + ", ".join(daftar) + "."


def terjemahkan(pesan: str) -> str:
    """Click's English usage error in Indonesian (the same facts; values untouched; an argument named
    in capitals as the usage line above it names it)."""
    return _NAMA_ARGUMEN.sub(lambda m: m.group(1) + m.group(2).upper() + "'", _terjemahkan(pesan))


_NAMA_ARGUMEN = re.compile(r"^((?:Argumen wajib|Nilai tidak sah untuk) ')([a-z_]+)'")


def _terjemahkan(pesan: str) -> str:
    pesan = _PILIH.sub(_pilihan, pesan.strip())
    m = _NILAI.match(pesan)
    if m:
        isi = m.group(2)
        for pola, ganti in _ISI:
            isi = re.sub(pola, ganti, isi, flags=re.S)
        return f"Nilai tidak sah untuk {m.group(1)}: {isi}" if m.group(1) else f"Nilai tidak sah: {isi}"
    for pola, ganti in _POLA:
        m = pola.match(pesan)
        if not m:
            continue
        if ganti is None:  # no such option, maybe with suggestions
            saran = f" Mungkin maksudnya: {m.group(2)}." if m.group(2) else ""
            return f"Opsi {m.group(1)} tidak dikenal.{saran}"
        hasil = pola.sub(ganti, pesan)
        if hasil.startswith("Opsi wajib '--periode'"):
            hasil += (" Atau tetapkan periode bawaan: kinerja periode pakai KODE (atau variabel KINERJA_PERIODE).")
        return hasil
    return pesan


def indonesiakan(teks: str) -> str:
    """A help page or usage line with Click's English words in Indonesian."""
    for pola, ganti in _BANTUAN:
        teks = pola.sub(ganti, teks)
    return teks


def _tampilkan(self, file=None) -> None:
    from typer._click.utils import echo

    file = file or sys.stderr
    bantuan = ""
    if self.ctx is not None and self.ctx.command.get_help_option(self.ctx) is not None:
        bantuan = f"Bantuan: {self.ctx.command_path} {self.ctx.help_option_names[0]}\n"
    if self.ctx is not None:
        echo(f"{indonesiakan(self.ctx.get_usage())}\n{bantuan}", file=file)
    echo(f"Galat pemakaian: {terjemahkan(self.format_message())}", file=file)


def _pilihan_longgar() -> None:
    """Choices are case-insensitive and take a space for a hyphen everywhere (`Baik`, `Tambahan`,
    "butuh perbaikan"), as the Excel imports read them."""
    from typer._types import TyperChoice

    if getattr(TyperChoice.normalize_choice, "_longgar", False):
        return
    asli = TyperChoice.normalize_choice

    def normalize_choice(self, choice, ctx):
        return "-".join(asli(self, choice, ctx).casefold().split())

    normalize_choice._longgar = True
    TyperChoice.normalize_choice = normalize_choice


def pasang() -> None:
    from typer._click.core import Command
    from typer._click.exceptions import UsageError

    UsageError.show = _tampilkan
    _pilihan_longgar()
    from typer._click import types

    # the value kinds shown in help pages (<teks>, <bilangan>) and in usage errors
    types.StringParamType.name, types.IntParamType.name, types.FloatParamType.name = "teks", "bilangan", "angka"
    from typer._click import _textwrap

    if not getattr(_textwrap.TextWrapper, "_utuh", False):  # examples like skp-dpmptsp.xlsx stay whole, copyable
        awal = _textwrap.TextWrapper.__init__

        def __init__(self, *args, **kwargs):
            kwargs["break_on_hyphens"] = False
            awal(self, *args, **kwargs)

        _textwrap.TextWrapper.__init__ = __init__
        _textwrap.TextWrapper._utuh = True
    if not getattr(Command.get_help, "_indonesia", False):
        asli = Command.get_help

        def get_help(self, ctx) -> str:
            return indonesiakan(asli(self, ctx))

        get_help._indonesia = True
        Command.get_help = get_help
