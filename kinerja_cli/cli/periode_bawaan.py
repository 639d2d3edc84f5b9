"""The default period (issue 17 §4): `-p` may be left out of every command whose --periode names a
period; the value comes from $KINERJA_PERIODE (wins) or `kinerja periode pakai`, and is always named
on stderr ("Periode: 2026 (bawaan)").

Click's own mechanism carries it: the root context gets a default_map with, for each such command,
a callable that is asked only when -p is missing. --db is processed first (eager), so the callable
reads the database the command will use.
"""


import os

# command groups whose --periode is not a period of assessment (a service value's own period code)
_BUKAN_PERIODE = {"layanan"}


def peta(grup) -> dict:
    """The nested default_map of the command tree under `grup`."""
    hasil = {}
    for nama, cmd in getattr(grup, "commands", {}).items():
        if nama in _BUKAN_PERIODE:
            continue
        if hasattr(cmd, "commands"):
            sub = peta(cmd)
            if sub:
                hasil[nama] = sub
        elif any(p.name == "periode" and "--periode" in getattr(p, "opts", ()) and p.required for p in cmd.params):
            hasil[nama] = {"periode": periode_bawaan}
    return hasil


def periode_bawaan() -> str | None:
    """The default period for the running command, named on stderr; None when there is none."""
    from typer._click.globals import get_current_context

    from .. import output
    from ..services.periode import VAR_PERIODE, bawaan
    from ..store.db import lokasi_db

    env = os.environ.get(VAR_PERIODE, "").strip()
    if env:
        output.info(f"Periode: {env} (bawaan, dari {VAR_PERIODE})")
        return env
    ctx = get_current_context(silent=True)
    if ctx is None or getattr(ctx, "resilient_parsing", False):
        return None
    path = lokasi_db(ctx.params.get("db"))
    if not path.exists():
        return None
    from ..store.db import buka_db

    kode = bawaan(buka_db(path))  # the command's own `buka` gives the warnings about the file, once
    if kode:
        output.info(f"Periode: {kode} (bawaan)")
    return kode
