"""Benchmark of a period-end run: `python -m kinerja_cli.bench --pegawai 10000`.

Generates a synthetic office (bench_data), then runs the real CLI, one subprocess per
step, on a fresh database, and shows per step wall seconds, rows per second and the
peak resident memory of that step's process (os.wait4 gives the rusage of that one child).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import output
from .bench_data import PERIODE, buat_berkas
from .errors import KinerjaError
from .validation.angka import angka_id

LANGKAH = ("pegawai", "sasaran", "realisasi", "perilaku", "nilai", "rekap")


@dataclass
class Ukuran:
    langkah: str
    baris: int
    detik: float
    puncak_mb: float
    cpu: float = 0.0  # user + system seconds of the step's process (less sensitive to other load)


def jalankan_proses(args: list[str], stdout=subprocess.DEVNULL) -> tuple[float, float, int, str, float]:
    """(wall seconds, peak RSS MB, exit code, stderr, CPU seconds) of one child process."""
    with tempfile.TemporaryFile() as err:
        mulai = time.perf_counter()
        p = subprocess.Popen(args, stdout=stdout, stderr=err, stdin=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        detik = time.perf_counter() - mulai
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return (detik, ru.ru_maxrss / 1024, p.returncode, err.read().decode("utf-8", "replace"),
                ru.ru_utime + ru.ru_stime)


def _kinerja(*args: str) -> list[str]:
    return [sys.executable, "-m", "kinerja_cli", *args]


def waktu_bantuan(kali: int = 5) -> float:
    """Best wall time of `kinerja --help` over `kali` runs."""
    return min(jalankan_proses(_kinerja("--help"))[0] for _ in range(kali))


def _buat_di_proses_lain(folder: Path, n: int) -> dict[str, int]:
    """Generate the workbooks in a child process, so this process stays small: on Linux a child's
    peak RSS starts from its parent's, and the measured steps are children of this process."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return buat_berkas(folder, n)
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.apply(buat_berkas, (folder, n))


def jalankan(n: int, folder: Path, langkah: tuple[str, ...] = LANGKAH, ulang: int = 1) -> tuple[list[Ukuran], dict]:
    """Generate the workbooks, then run the steps; `ulang` > 1 keeps the best of several runs per step."""
    mulai = time.perf_counter()
    jumlah = _buat_di_proses_lain(folder, n)
    info = {"pembuatan": time.perf_counter() - mulai, "berkas": jumlah}
    output.info(f"Data sintetis {n} pegawai dibuat dalam {info['pembuatan']:.1f} detik di {folder}.")
    db = folder / "bench.db"
    perintah = {
        "pegawai": (_kinerja("pegawai", "impor", str(folder / "pegawai.xlsx"), "--db", str(db)), jumlah["pegawai.xlsx"]),
        "sasaran": (_kinerja("sasaran", "impor", str(folder / "sasaran.xlsx"), "-p", PERIODE, "--db", str(db)),
                    jumlah["sasaran.xlsx"]),
        "realisasi": (_kinerja("realisasi", "impor", str(folder / "realisasi.xlsx"), "-p", PERIODE, "--db", str(db)),
                      jumlah["realisasi.xlsx"]),
        "perilaku": (_kinerja("perilaku", "impor", str(folder / "perilaku.xlsx"), "-p", PERIODE, "--db", str(db)),
                     jumlah["perilaku.xlsx"]),
        "nilai": (_kinerja("nilai", "-p", PERIODE, "--format", "json", "--db", str(db)), n),
        "rekap": (_kinerja("ekspor", "rekap", str(folder / "rekap.xlsx"), "-p", PERIODE, "--timpa", "--db", str(db)),
                  n),
    }
    terbaik: dict[str, Ukuran] = {}
    for _ in range(ulang):
        for akhiran in ("", "-wal", "-shm"):
            Path(str(db) + akhiran).unlink(missing_ok=True)
        for args in (_kinerja("init", "--db", str(db)), _kinerja("periode", "buat", PERIODE, "--metode", "pp30", "--db", str(db))):
            _periksa(args, *jalankan_proses(args))
        # Every step runs (later steps need the data), only the chosen ones are reported.
        for nama in LANGKAH:
            args, baris = perintah[nama]
            if nama == "nilai":
                with open(folder / "nilai.json", "wb") as keluar:
                    hasil = jalankan_proses(args, stdout=keluar)
            else:
                hasil = jalankan_proses(args)
            _periksa(args, *hasil)
            u = Ukuran(nama, baris, hasil[0], hasil[1], hasil[4])
            if nama not in terbaik or u.detik < terbaik[nama].detik:
                terbaik[nama] = u
    return [terbaik[nama] for nama in LANGKAH if nama in langkah], info


def _periksa(args, detik, mb, kode, err, cpu=0.0) -> None:
    if kode != 0:
        raise KinerjaError(f"Langkah gagal (kode {kode}): {' '.join(args[2:])}\n{err[-3000:]}")


def baris_tabel(hasil: list[Ukuran]) -> list[dict]:
    rows = [{"langkah": u.langkah, "baris": u.baris, "detik": round(u.detik, 2),
             "baris_per_detik": round(u.baris / u.detik) if u.detik else None, "cpu_detik": round(u.cpu, 2),
             "puncak_mb": round(u.puncak_mb)}
            for u in hasil]
    total_baris = sum(u.baris for u in hasil)
    total_detik = sum(u.detik for u in hasil)
    rows.append({"langkah": "total", "baris": total_baris, "detik": round(total_detik, 2),
                 "baris_per_detik": round(total_baris / total_detik) if total_detik else None,
                 "cpu_detik": round(sum(u.cpu for u in hasil), 2),
                 "puncak_mb": round(max((u.puncak_mb for u in hasil), default=0))})
    return rows


def _bulat_id(n) -> str:
    return "-" if n is None else f"{int(n):,}".replace(",", ".")


def _desimal_id(x: float, digit: int = 2) -> str:
    return angka_id(x, digit)


def _teks_id(r: dict) -> dict:
    """A table row with numbers written the Indonesian way (10.000; 2,31), as in the README."""
    return {**r, "baris": _bulat_id(r["baris"]), "baris_per_detik": _bulat_id(r["baris_per_detik"]),
            "puncak_mb": _bulat_id(r["puncak_mb"]), "detik": _desimal_id(r["detik"]),
            "cpu_detik": _desimal_id(r["cpu_detik"])}


class _ParserId(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: galat: {message}\n")


class _BantuanId(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "Pemakaian: " if prefix is None else prefix)


def main(argv: list[str] | None = None) -> int:
    ap = _ParserId(prog="python -m kinerja_cli.bench", formatter_class=_BantuanId, add_help=False,
                                 description="Ukur waktu dan memori satu putaran akhir periode dengan data sintetis.")
    ap._optionals.title = "opsi"
    ap.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")
    ap.add_argument("--pegawai", type=int, default=10_000, help="jumlah pegawai sintetis (bawaan 10000)")
    ap.add_argument("--folder", type=Path, help="folder berkas dan basis data (bawaan: folder sementara)")
    ap.add_argument("--simpan", action="store_true", help="jangan hapus folder sementara setelah selesai")
    ap.add_argument("--langkah", help="hanya laporkan langkah ini, dipisah koma: " + ",".join(LANGKAH))
    ap.add_argument("--ulang", type=int, default=1, help="ulangi seluruh putaran, ambil waktu terbaik per langkah")
    ap.add_argument("--format", choices=("tabel", "json"), default="tabel")
    a = ap.parse_args(argv)
    if a.pegawai < 10:
        ap.error("--pegawai minimal 10")
    langkah = tuple(s.strip() for s in a.langkah.split(",")) if a.langkah else LANGKAH
    salah = [s for s in langkah if s not in LANGKAH]
    if salah:
        ap.error(f"langkah tidak dikenal: {', '.join(salah)} (pilih dari {', '.join(LANGKAH)})")
    tmp = None
    folder = a.folder
    if folder is None:
        tmp = tempfile.TemporaryDirectory(prefix="kinerja-bench-")
        folder = Path(tmp.name)
    try:
        hasil, info = jalankan(a.pegawai, folder, langkah, max(1, a.ulang))
        bantuan = waktu_bantuan()
    except KinerjaError as e:
        output.galat(e.pesan)
        return 1
    finally:
        if tmp is not None:
            if a.simpan:
                tmp._finalizer.detach()  # keep the folder
                output.info(f"Folder disimpan: {folder}")
            else:
                tmp.cleanup()
    rows = baris_tabel(hasil)
    kolom = [output.Kolom("langkah", "Langkah"), output.Kolom("baris", "Baris", True),
             output.Kolom("detik", "Detik", True), output.Kolom("baris_per_detik", "Baris/detik", True),
             output.Kolom("cpu_detik", "CPU (detik)", True),
             output.Kolom("puncak_mb", "Puncak RSS (MB)", True)]
    if a.format == "json":
        output.cetak_json({"pegawai": a.pegawai, "langkah": rows, "bantuan_detik": round(bantuan, 3),
                           "pembuatan_detik": round(info["pembuatan"], 2), "cpu": os.cpu_count()})
        return 0
    output.tampilkan([_teks_id(r) for r in rows], kolom, "tabel",
                     judul=f"Kinerja satu putaran akhir periode: {_bulat_id(a.pegawai)} pegawai "
                           f"({os.cpu_count()} inti CPU)")
    output.info(f"kinerja --help: {_desimal_id(bantuan, 3)} detik (terbaik dari 5).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
