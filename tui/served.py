"""The explorer as ``baiqiang serve`` runs it for one browser session: textual-serve starts this
module in a process of its own, its terminal a page in the browser (not a command for people).

The session is the explorer, served (:class:`~baiqiang.tui.app.BaiqiangApp` with ``served``):
it writes nothing on the server's disk; an error's details go to the server's log (stderr).
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m baiqiang.tui.served")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = parser.parse_args(argv)

    from baiqiang.tui.app import BaiqiangApp
    from baiqiang.tui.snapshot import read_snapshot

    app = BaiqiangApp(None, snapshot=read_snapshot(), served=True, language=args.lang)
    app.run()
    if app.load_error:
        sys.stderr.write(f"baiqiang: error: {app.load_error}\n")
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
