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


def explorer_terminal_problem() -> str | None:
    """Why the explorer cannot run here (no terminal, or one that is not UTF-8), or None."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return "the explorer needs a terminal; try 'baiqiang --help' for the commands"
    encoding = (sys.stdout.encoding or "").lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8"):
        return (
            f"the explorer needs a UTF-8 terminal, and this one is {sys.stdout.encoding}; "
            "set LANG=zh_CN.UTF-8 (or en_US.UTF-8), or use the commands, whose --encoding gbk writes files for GBK"
        )
    return None


def quick_explorer(argv: list[str]) -> int | None:
    """Opens the explorer without the command-line framework or Polars before its first frame,
    when `argv` is empty and a snapshot of the first view is at hand; None otherwise (then the
    full command line takes over and says what is wrong, if anything is)."""
    if argv or explorer_terminal_problem() is not None:
        return None
    from baiqiang.tui.snapshot import read_snapshot

    if read_snapshot() is None:
        return None
    from baiqiang.core.plain.tables import DEFAULT_TABLE
    from baiqiang.tui.app import run_app

    return run_app(None, table=DEFAULT_TABLE, province=None)
