"""Text that came from a file, made safe to show or to hand to a spreadsheet: the one rule.

A file's names, headers, cells, sheet names and its own name can hold anything: ``ESC ] 52``
(which sets the clipboard through tmux), ``ESC [ 2 J`` (which clears the screen), an unfinished
escape that swallows what follows, a right-to-left override that reorders a line, or a cell a
spreadsheet would run as a formula (``=HYPERLINK(…)``).

- :func:`visible` is what every front end shows (tables, messages, the explorer): control
  characters (C0, DEL) become their Unicode pictures (``␛``, ``␊``), C1 controls and the
  invisible direction marks and overrides become ``�``, and so do lone surrogates (the bytes of
  a file name or an argument that were not UTF-8). JSON output needs no more: it escapes
  control characters itself.
- :func:`clip` is :func:`visible` cut to a length, for a message that quotes a file;
  :func:`clip_runs` cuts each over-long word of a message (an argument of 100,000 characters).
- :func:`spreadsheet_cell` is what files meant for spreadsheets (CSV, TSV, XLSX) hold: a text
  cell that Excel, WPS or LibreOffice would read as a formula — it begins with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return — starts with ``'`` instead (OWASP's advice), unless it
  is a plain number; numbers (numeric columns) are never touched.
"""

from __future__ import annotations

import re
from pathlib import PurePath

_PICTURES = {i: chr(0x2400 + i) for i in range(0x20)} | {0x7F: "\u2421"}
_HIDDEN = (
    [*range(0x80, 0xA0)]  # C1 controls (0x9B is a one-byte CSI)
    + [0x200E, 0x200F, 0x061C]  # direction marks
    + [*range(0x202A, 0x202F)]  # embeddings and overrides
    + [*range(0x2066, 0x206A)]  # isolates
    + [0x2028, 0x2029]  # line and paragraph separators
    + [*range(0xD800, 0xE000)]  # lone surrogates: bytes of a name that were not UTF-8
)
_TABLE = str.maketrans({**_PICTURES, **dict.fromkeys(_HIDDEN, "\ufffd")})
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
"""What :func:`visible` replaces."""

_JSON_RAW = re.compile("[\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]")
"""What ``json.dumps(..., ensure_ascii=False)`` leaves raw that a terminal acts on (DEL, C1 —
U+009B is a one-character CSI —, bidi overrides, line separators); C0 it escapes itself."""


def json_safe(text: str) -> str:
    """JSON text with every character of :data:`_JSON_RAW` escaped (``\\u202e``): still the
    same JSON (those characters only ever stand inside its strings), never a terminal's command."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet cell begins with when a spreadsheet would run it as a formula."""
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def visible(text: str) -> str:
    """`text` with nothing in it that a terminal would act on (see the module's rule)."""
    return text.translate(_TABLE) if UNSAFE.search(text) else text


def clip(text: str, limit: int = 80) -> str:
    """:func:`visible`, cut to `limit` characters with … (a 100,000-character cell in a message)."""
    shown = visible(text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


_LONG_RUN = re.compile(r"\S{2,}")


def clip_runs(text: str, limit: int = 100, *, total: int = 1_000) -> str:
    """:func:`visible`, with every run of characters without a space longer than `limit` cut
    with … (keeping a closing quote), and the whole cut to `total`: a message that quotes a
    100,000-character argument stays one readable line."""

    def cut(m: re.Match[str]) -> str:
        run = m[0]
        if len(run) <= limit:
            return run
        end = run[-1] if run[-1] in "'\")]" else ""
        return run[: limit - 1 - len(end)] + "…" + end

    shown = _LONG_RUN.sub(cut, visible(text))
    return shown if len(shown) <= total else shown[: total - 1] + "…"


def file_name(path: PurePath) -> str:
    """A file's name as text that can be stored (JSON, Parquet): bytes of it that were not UTF-8
    (a name from another system's encoding) become U+FFFD rather than lone surrogates."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def count(n: int, one: str, many: str | None = None) -> str:
    """``1 row``, ``2,843 rows``: a number and its noun, singular for one."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def spreadsheet_cell(text: str) -> str:
    """A text cell as a file for spreadsheets holds it: ``'`` before a formula, else as it is."""
    if text.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def needs_quoting(text: str) -> bool:
    """Whether :func:`spreadsheet_cell` would change a text cell."""
    return spreadsheet_cell(text) != text


def shell_word(arg: str) -> str:
    """An argument as a command line shows it: plain words (Chinese too) as they are, anything
    else shell-quoted."""
    import shlex

    if arg and all(ch.isalnum() or ch in "-_./:,+=@%" for ch in arg):
        return arg
    return shlex.quote(arg)
