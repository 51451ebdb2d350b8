"""The command line: a module per group of commands, shared options in ``options``, errors in ``main``.

It imports no Textual: the explorer is loaded only when it is opened. ``baiqiang show`` of a
unit is answered through the lookup index without Polars or Typer where it can be
(:mod:`~baiqiang.tui.cli.fast`), and ``baiqiang`` alone opens the explorer without them, its
first frame drawn from a snapshot (:mod:`~baiqiang.tui.snapshot`); everything else goes to the
Typer app.
"""

from __future__ import annotations

import sys
from typing import Any


def main(argv: list[str] | None = None) -> int:
    """Runs the CLI; returns (and, called without `argv`, exits with) its exit code."""
    from baiqiang.tui.cli.fast import try_show
    from baiqiang.tui.cli.terminal import degrade_terminal_text, quick_explorer

    degrade_terminal_text()
    args = sys.argv[1:] if argv is None else argv
    code = try_show(args)
    if code is None:
        code = quick_explorer(args)
    if code is None:
        from baiqiang.tui.cli.runner import main as full

        return full(argv)
    if argv is None:
        sys.exit(code)
    return code


def __getattr__(name: str) -> Any:
    if name == "app":  # the Typer app, loaded only when asked for
        from baiqiang.tui.cli.runner import app

        return app
    raise AttributeError(name)


__all__ = ["app", "main"]
