"""The LibreOffice PDF tests share ONE soffice run: every start of LibreOffice costs ~1.5 s of CPU
(most of a PDF test), and soffice converts many files in one start.

A PDF test names the function that writes its workbooks with `@cetak_pdf(pembuat)`.
`pembuat(kinerja, db_path, folder)` runs commands in-process (`kinerja`, as the fixture) on a private
copy of the session's roster database (`db_path`, as the fixture db_siap), writes into `folder`, and
returns the workbooks to print. The session fixture `_pdf_sesi` (conftest.py) runs the builders of every
selected test, converts all their workbooks in one soffice run and puts each NAME.pdf next to its
NAME.xlsx; the test gets its folder from the fixture `cetakan` and checks its own PDFs."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest


def cetak_pdf(pembuat):
    """Mark a test whose workbooks `pembuat` writes and the session prints to PDF (fixture `cetakan`)."""
    return pytest.mark.cetak_pdf.with_args(pembuat)  # with_args: a lone function argument would be decorated


def pembuat_terpilih(items) -> list:
    """The builders of the selected tests, in test order, each once."""
    hasil = []
    for item in items:
        m = item.get_closest_marker("cetak_pdf")
        if m is not None and m.args[0] not in hasil:
            hasil.append(m.args[0])
    return hasil


def cetak_semua(berkas: list[Path], antre: Path, profil: Path) -> None:
    """Print every workbook to PDF in one soffice run; NAME.pdf lands next to NAME.xlsx.

    soffice writes all PDFs into one --outdir, named after the files it was given, and two tests both
    have a rekap.xlsx: each workbook is given under a numbered name (a hard link in `antre`, an empty folder), and its
    PDF is moved back next to it under its own name."""
    nama = []
    for i, f in enumerate(berkas):
        os.link(f, antre / f"{i:02d}-{f.name}")
        nama.append(f"{i:02d}-{f.stem}.pdf")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profil.as_uri()}", "--convert-to", "pdf",
                    "--outdir", str(antre / "pdf"), *(str(antre / f"{i:02d}-{f.name}") for i, f in enumerate(berkas))],
                   capture_output=True, timeout=600, check=True)
    for f, n in zip(berkas, nama):
        if (antre / "pdf" / n).exists():  # a missing PDF fails its own test (pdfinfo finds nothing)
            (antre / "pdf" / n).replace(f.with_suffix(".pdf"))
