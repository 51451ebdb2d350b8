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


class ClosedStdout(io.TextIOBase):
    """stdout when the shell closed it (``>&-``): writing to it fails as writing to a closed
    file does, so that a command with output says so (one line, exit 1) and one without works."""

    encoding = "utf-8"

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        raise OSError(9, "Bad file descriptor (stdout is closed)")

    def fileno(self) -> int:
        raise OSError(9, "Bad file descriptor (stdout is closed)")

    @property
    def buffer(self) -> ClosedStdout:
        return self


def guard_stdout() -> None:
    """Gives a closed stdout (``>&-``) a stand-in that fails on write (see :class:`ClosedStdout`)."""
    if sys.stdout is None:
        sys.stdout = ClosedStdout()


def output_failed(exc: OSError) -> int:
    """stdout cannot be written (a full disk, ``>&-``): one line on stderr, status 1, like cat."""
    said = exc.strerror or str(exc)
    try:
        sys.stderr.write(f"baiqiang: error: cannot write the output: {said}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    if not isinstance(sys.stdout, ClosedStdout):  # nothing more to stdout, not even at exit
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
    return 1


def unforeseen(exc: BaseException) -> int:
    """An error nobody foresaw: its details to the crash log, one line on stderr, status 1."""
    import traceback

    from baiqiang.core.plain.paths import crash_log_path

    path = crash_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
        where = f"details in {path}"
    except OSError:
        where = "details could not be written"
    from baiqiang.core.plain.text import clip

    sys.stderr.write(
        f"baiqiang: error: an internal error ({type(exc).__name__}: {clip(str(exc), 120)}); {where}\n"
    )
    sys.stderr.flush()
    return 1


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
