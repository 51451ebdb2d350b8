"""The terminal the command line writes to: text that degrades on a terminal that is not UTF-8,
and a quiet end when the reader of a pipe has gone. No framework imported."""

from __future__ import annotations

import codecs
import io
import os
import sys

# Stand-ins for what a GBK/GB18030 (or ASCII) terminal cannot show; anything else becomes "?".
_STAND_INS = {
    "›": ">",
    "‹": "<",
    "✓": "v",
    "✗": "x",
    "↑": "^",
    "↓": "v",
    "…": "...",
    "★": "*",
    "≥": ">=",
    "≤": "<=",
}


def _degrade(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    out = "".join(_STAND_INS.get(ch, "?") for ch in bad)
    try:
        out.encode(exc.encoding)
    except UnicodeEncodeError:
        out = "?" * len(bad)
    return out, exc.end


codecs.register_error("baiqiang-degrade", _degrade)


def degrade_terminal_text() -> None:
    """Text for a terminal that is not UTF-8 degrades to stand-ins instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
        if encoding not in ("utf-8", "utf8") and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="baiqiang-degrade")


def quiet_after_pipe_closed() -> int:
    """The reader (head, less …) has gone: stop quietly, with nothing more on stdout; status 0."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0
