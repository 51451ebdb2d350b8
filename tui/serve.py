"""``baiqiang serve``: the explorer in a browser, built on textual-serve (the ``serve`` extra).

textual-serve runs one explorer process per browser tab (:mod:`baiqiang.tui.served`), its
terminal drawn by xterm.js over a websocket. What this module adds is the security model:

- **Who can reach it.** The default host is 127.0.0.1: this machine alone. Any other host needs
  a token — the one given, or one generated — which the printed URL carries; a request without
  it (or with another) gets 403. The browser keeps it in a cookie for the page's own requests
  (its script, its websocket, its downloads), readable by no script and sent to no other site.
  A websocket opened from another site's page (its Origin not this server) is refused too.
- **What a session can do.** Explore, and export as a download in the browser
  (:meth:`~baiqiang.tui.app.BaiqiangApp.deliver_binary`): a served session writes nothing on the
  server's disk (no export, snapshot or crash log) and runs nothing but the explorer — no command
  line, so no ``data import`` or ``remove``.
- **How many.** At most ``max_sessions`` at once (each is a process); the next is told so, with
  status 503, and a session ends when its tab closes.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import re
import secrets
import shlex
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from aiohttp import web
    from aiohttp.typedefs import Middleware

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
"""The hosts served without a token: this machine's own address (any other needs one)."""
COOKIE = "baiqiang_token"
_HOST = re.compile(r"^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$")
"""A Host header that is a name or an address (and a port): what the page may be made for."""
DEFAULT_MAX_SESSIONS = 3


@dataclass(frozen=True)
class ServeOptions:
    """How to serve the explorer.

    Attributes:
        host: The address to listen on.
        port: The port.
        token: The token every request must carry (None: none needed — this machine's own
            address only).
        max_sessions: How many browser sessions may run at once.
        language: The language sessions open in.
    """

    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    max_sessions: int = DEFAULT_MAX_SESSIONS
    language: Literal["zh", "en"] = "zh"

    @property
    def local(self) -> bool:
        """Whether only this machine can reach it."""
        return self.host in LOCAL_HOSTS

    @property
    def url(self) -> str:
        """What to open in a browser (with the token, where there is one)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        if self.host in ("0.0.0.0", "::"):  # every address: name the machine instead
            import socket

            host = socket.gethostname()
        return f"http://{host}:{self.port}/" + (f"?token={self.token}" if self.token else "")

    def reach(self) -> str:
        """Who can reach it, in one sentence."""
        if self.local:
            return "only this machine can reach it"
        where = "this machine (every address)" if self.host in ("0.0.0.0", "::") else self.host
        return (
            f"anyone who can reach {where} port {self.port} and has this URL (its token) can "
            "explore the data; sessions write nothing on this machine"
        )


def options_for(
    host: str, port: int, token: str | None, max_sessions: int, language: Literal["zh", "en"]
) -> ServeOptions:
    """The options, checked; a token is made where the host needs one and none was given.

    Raises:
        InvalidValue: A port, token or session count that cannot be.
    """
    from baiqiang.core.plain.errors import InvalidValue

    if not 0 < port < 65536:
        raise InvalidValue(f"port {port} is not a port (1–65535)", field="port")
    if not 1 <= max_sessions <= 64:
        raise InvalidValue(f"{max_sessions} sessions: give 1 to 64", field="max_sessions")
    if token is not None and (not 16 <= len(token) <= 128 or not token.isascii() or not token.isprintable()):
        raise InvalidValue("a token needs 16 to 128 printable ASCII characters", field="token")
    if token is not None and any(c in token for c in "&#?/ %+"):
        raise InvalidValue("a token cannot hold & # ? / % + or a space (it goes into a URL)", field="token")
    _check_host(host)
    if token is None and host not in LOCAL_HOSTS:
        token = secrets.token_urlsafe(18)
    return ServeOptions(host, port, token, max_sessions, language)


def _check_host(host: str) -> None:
    from baiqiang.core.plain.errors import InvalidValue

    if host == "localhost":
        return
    try:
        ipaddress.ip_address(host)
    except ValueError:
        raise InvalidValue(f"{host[:60]!r} is not an IP address to listen on", field="host") from None


def session_command(options: ServeOptions) -> str:
    """The command textual-serve runs for each browser session: the explorer, served."""
    return f"{shlex.quote(sys.executable)} -m baiqiang.tui.served --lang {options.language}"


Handler = Callable[["web.Request"], Awaitable["web.StreamResponse"]]


def make_server(options: ServeOptions, *, announce: Callable[[str], None]) -> object:
    """The textual-serve server of the explorer, with the token, origin and session checks."""
    from textual_serve.server import Server

    class ExplorerServer(Server):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(
                session_command(options),
                host=options.host,
                port=options.port,
                title="百强 baiqiang",
                public_url=options.url.split("?")[0].rstrip("/"),
            )
            self.sessions = 0

        def initialize_logging(self) -> None:  # textual-serve's banner and request log: ours instead
            import logging

            logging.basicConfig(level=logging.WARNING, format="baiqiang serve: %(message)s")
            for handler in logging.getLogger().handlers:
                handler.addFilter(_one_line)

        async def on_startup(self, app: web.Application) -> None:
            announce(options.url)

        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.middlewares.append(_guard(options))
            return app

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            if self.sessions >= options.max_sessions:
                raise _busy(options)
            # the page's script and websocket at the address it was opened by (0.0.0.0 has many);
            # nothing is awaited until the page is made, so no other request sees this one's
            if _HOST.match(request.host):
                self.public_url = f"http://{request.host}"
            response = await super().handle_index(request)
            if options.token is not None and request.query.get("token") == options.token:
                response.set_cookie(COOKIE, options.token, httponly=True, samesite="Strict", path="/")
            return response

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            if self.sessions >= options.max_sessions:
                raise _busy(options)
            self.sessions += 1
            try:
                return await super().handle_websocket(request)
            finally:
                self.sessions -= 1

    return ExplorerServer()


def _one_line(record: logging.LogRecord) -> bool:
    """What the server logs (a request too long to read, a session that failed) as one line:
    a request from anyone must not print a traceback, or its own bytes, on the server's console."""
    from baiqiang.core.plain.text import visible

    said = record.getMessage()
    if record.exc_info and record.exc_info[1] is not None:
        error = record.exc_info[1]
        said = f"{said}: {type(error).__name__}: {error}"
        record.exc_info, record.exc_text = None, None
    record.msg, record.args = visible(" ".join(said.split()))[:300], ()
    return True


def _busy(options: ServeOptions) -> web.HTTPServiceUnavailable:
    from aiohttp import web

    n = options.max_sessions
    return web.HTTPServiceUnavailable(
        text=f"baiqiang serve: all {n} session(s) are in use; close one, or ask for more (max sessions)\n",
    )


def _guard(options: ServeOptions) -> Middleware:
    """Every request: the token (in the URL or the page's cookie) where one is needed, and a
    websocket only from this server's own page."""
    from aiohttp import web

    local = {f"{name}:{options.port}" for name in ("127.0.0.1", "localhost", "[::1]")}

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if options.token is None and request.host not in local:  # a name made to point here
            return web.Response(status=403, text="baiqiang serve: only this machine's own address\n")
        if options.token is not None:
            given = request.query.get("token") or request.cookies.get(COOKIE) or ""
            if not hmac.compare_digest(given.encode(), options.token.encode()):
                return web.Response(status=403, text="baiqiang serve: this URL needs its token\n")
        origin = request.headers.get("Origin")
        if origin is not None and request.path == "/ws":
            from urllib.parse import urlsplit

            if urlsplit(origin).netloc != request.host:
                return web.Response(status=403, text="baiqiang serve: not from this server's page\n")
        response = await handler(request)
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return guard


def serve(options: ServeOptions, *, announce: Callable[[str], None]) -> None:
    """Serves the explorer until interrupted (ctrl+c).

    Raises:
        InvalidValue: The address cannot be listened on (in use, not this machine's).
    """
    import socket

    from baiqiang.core.plain.errors import InvalidValue

    try:  # said in one line before anything is printed: the URL is printed once it listens
        family = socket.AF_INET6 if ":" in options.host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((options.host, options.port))
    except OSError as exc:
        raise InvalidValue(
            f"cannot listen on {options.host} port {options.port}: {exc.strerror or exc}"
        ) from None
    server = make_server(options, announce=announce)
    server.serve()  # type: ignore[attr-defined]
