"""``baiqiang serve``: the explorer in a browser (the ``serve`` extra; see :mod:`baiqiang.tui.serve`)."""

from __future__ import annotations

import sys
from typing import Annotated, Literal

import typer

from baiqiang.core.plain.errors import InvalidValue


def serve_(
    host: Annotated[
        str,
        typer.Option(help="The address to listen on. Any but 127.0.0.1 (this machine) needs a token."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="The port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            help="The token every request must carry (at least 16 characters); made for you "
            "where the host needs one. The printed URL carries it.",
        ),
    ] = None,
    read_only: Annotated[
        bool,
        typer.Option(
            "--read-only",
            help="Sessions write nothing on this machine: an export is a download in the browser. "
            "Always so; the flag says it in scripts.",
        ),
    ] = True,
    max_sessions: Annotated[
        int, typer.Option(help="How many browser sessions may run at once (each is a process).")
    ] = 3,
    lang: Annotated[str, typer.Option("--lang", help="The language sessions open in: zh or en.")] = "zh",
) -> None:
    """Serve the explorer to a browser (pip install 'baiqiang[serve]'): open the printed URL."""
    del read_only  # a served session never writes on the server (see baiqiang.tui.serve)
    if lang not in ("zh", "en"):
        raise InvalidValue(f"lang {lang[:20]!r}: zh or en", field="lang")
    language: Literal["zh", "en"] = "zh" if lang == "zh" else "en"
    from baiqiang.tui.serve import options_for, serve

    options = options_for(host, port, token, max_sessions, language)  # wrong options first
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        raise InvalidValue(
            "serving the explorer needs textual-serve: pip install 'baiqiang[serve]'"
        ) from None

    def announce(url: str) -> None:
        sys.stderr.write(
            f"baiqiang serve: open {url}\n"
            f"baiqiang serve: {options.reach()}; at most {options.max_sessions} session(s) at once; "
            "ctrl+c stops it\n"
        )
        sys.stderr.flush()

    serve(options, announce=announce)
