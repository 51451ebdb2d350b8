"""The command line: a module per group of commands, shared options in ``options``, errors in ``main``.

It imports no Textual: the explorer is loaded only when it is opened. ``baiqiang show`` of a
unit is answered through the lookup index without Polars or Typer where it can be
(:mod:`~baiqiang.tui.cli.fast`), and ``baiqiang`` alone opens the explorer without them, its
first frame drawn from a snapshot (:mod:`~baiqiang.tui.snapshot`); everything else goes to the
Typer app.
"""

from __future__ import annotations

import errno
import gc
import os
import sys
from typing import Any

OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EBADF, errno.EIO, errno.EDQUOT, errno.EFBIG, errno.EPIPE})
"""Why stdout could not be written: a full disk or quota, a closed or failing descriptor."""


def main(argv: list[str] | None = None) -> int:
    """Runs the CLI; returns (and, called without `argv`, exits with) its exit code.

    Whatever happens, it ends in an exit status and at most one line on stderr: stdout that
    cannot be written (closed, a full disk) is one line and status 1, like ``cat``; an error
    nobody foresaw is one line, its details in the crash log, and status 1.
    """
    from baiqiang.tui.cli.terminal import degrade_terminal_text, guard_stdout, output_failed

    if argv is None:  # a process of its own: collect garbage seldom (mypy does the same), see _end
        gc.set_threshold(200_000, 30, 30)
    guard_stdout()
    degrade_terminal_text()
    args = sys.argv[1:] if argv is None else argv
    try:
        code = _run(args, argv)
        sys.stdout.flush()  # here, not at exit, where a failure could only be a traceback
    except BrokenPipeError:
        from baiqiang.tui.cli.terminal import quiet_after_pipe_closed

        code = quiet_after_pipe_closed()
    except OSError as exc:
        if exc.errno not in OUTPUT_ERRNOS:
            from baiqiang.tui.cli.terminal import unforeseen

            code = unforeseen(exc)
        else:
            code = output_failed(exc)
    except Exception as exc:  # noqa: BLE001  (the last net: never a traceback)
        from baiqiang.tui.cli.terminal import unforeseen

        code = unforeseen(exc)
    if argv is None:
        _end(code)
    return code


def _end(code: int) -> None:
    """Ends the process once what it wrote is out: without the interpreter's teardown, which
    frees every object and module (Polars' among them) one by one — 60–100 ms of every command —
    only to give back memory the system takes back anyway (mypy ends so too). Nothing of ours
    waits for it: files are written whole and closed before, and nothing is registered to run
    at exit."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader gone, a closed stream: said already, if at all
            pass
    os._exit(code)


def _run(args: list[str], argv: list[str] | None) -> int:
    from baiqiang.tui.cli.fast import try_show
    from baiqiang.tui.cli.terminal import quick_explorer

    code = try_show(args)
    if code is None:
        code = quick_explorer(args)
    if code is None:
        from baiqiang.tui.cli.ahead import read_ahead_for

        read_ahead_for(args)  # a workbook to import is read while the command line loads
        from baiqiang.tui.cli.runner import main as full

        return full(args if argv is None else argv)
    return code


def __getattr__(name: str) -> Any:
    if name == "app":  # the Typer app, loaded only when asked for
        from baiqiang.tui.cli.runner import app

        return app
    raise AttributeError(name)


__all__ = ["app", "main"]
