"""User text on the terminal: control and invisible characters removed, never read as Rich markup.
(Below output/__init__ and output/lebar, which both use it.)"""

from __future__ import annotations

import re
from typing import Any

from ..validation.teks import TAK_TERLIHAT

# Control characters never reach the terminal (or a CSV file): C0 except tab and line feed, DEL,
# C1. An ESC in a name (typed in Excel as _x001B_, decoded by the reader) could otherwise clear
# the screen or rewrite what the officer sees.
# The invisible bidi and zero-width characters the import refuses (validation.teks.TAK_TERLIHAT:
# an override U+202E would show a name reversed) are removed too.
_KENDALI = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f" + TAK_TERLIHAT + "]")


def bersih(teks: str) -> str:
    """`teks` without control characters (tab and line feed kept)."""
    return _KENDALI.sub("", teks) if not teks.isprintable() else teks


def esc(nilai: Any) -> str:
    """A user value to put inside a Rich markup string: control characters removed, markup escaped.

    Every user value (names, units, file names, period codes...) interpolated into a markup
    string goes through here; better still, pass it as `teks(...)` (a Text is never parsed).
    """
    from rich.markup import escape

    return escape(bersih(str(nilai)))


def teks(nilai: Any, gaya: str | None = None):
    """A Rich Text of a user value: printed literally (no markup), control characters removed."""
    from rich.text import Text

    return Text(bersih(str(nilai)), style=gaya or "")
