"""The command line: a module per group of commands, shared options in ``options``, errors in ``main``.

It imports no Textual: the explorer is loaded only when it is opened.
"""

from baiqiang.tui.cli.main import app, main

__all__ = ["app", "main"]
