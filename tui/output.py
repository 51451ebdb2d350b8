"""Where output goes: stdout or a file, in a machine format or as a text table.

Both front ends write files through :func:`save` (the CLI's ``--output``, the explorer's
export), which adds the text table (``.txt``) to core's machine formats and writes through
core's one atomic writer.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

import polars as pl

from baiqiang.core.export import FORMATS, encode, format_named, format_of_path, recode, write_bytes
from baiqiang.core.plain.errors import OutputError, OutputReason
from baiqiang.tui.pipes import PipeClosed

TEXT_ENDINGS = {".txt": "table"}
"""Endings a front end writes as a text table (the CLI's ``--format table``)."""

ALL_FORMATS: tuple[str, ...] = ("table", *FORMATS)


def export_target(typed: str, *, base: Path) -> Path:
    """The absolute file a typed name means (``~`` expanded, relative to `base`)."""
    path = Path(typed.strip()).expanduser()
    return path if path.is_absolute() else base / path


def export_endings() -> str:
    """Every ending the explorer's export accepts, for its prompt: .csv .tsv … .txt."""
    endings = [f.extensions[0] for f in FORMATS.values()] + list(TEXT_ENDINGS)
    return " ".join(endings)


def choose_format(fmt: str | None, output: Path | None, *, stdout_is_tty: bool) -> str:
    """The format to write: as given, else from the output's ending, else by the terminal.

    Raises:
        LookupFailed: An unknown format.
        OutputError: An unknown ending, or a binary format would go to a terminal.
    """
    if fmt is not None:
        format_named(fmt, extra=("table",))
    elif output is not None:
        fmt = format_of_path(output, extra=TEXT_ENDINGS)
    else:
        fmt = "table" if stdout_is_tty else "csv"
    if fmt in FORMATS and FORMATS[fmt].binary and output is None and stdout_is_tty:
        raise OutputError(
            f"{fmt} is binary and stdout is a terminal; write it to a file",
            reason=OutputReason.BINARY_TO_TERMINAL,
        )
    return fmt


def save(
    df: pl.DataFrame,
    path: Path,
    *,
    force: bool,
    fmt: str | None = None,
    bom: bool = False,
    title: str = "",
    encoding: str = "utf-8",
) -> str:
    """Writes a frame to a file atomically, in the format its ending (or `fmt`) names.

    Returns:
        The format written.

    Raises:
        OutputError: An unknown ending, or the file cannot (or must not) be written.
    """
    chosen = fmt or format_of_path(path, extra=TEXT_ENDINGS)
    write_bytes(path, _encoded(df, chosen, bom=bom, title=title, encoding=encoding), force=force)
    return chosen


def encoded(df: pl.DataFrame, path: Path, *, bom: bool = False) -> tuple[bytes, str]:
    """A frame as the bytes of the file `path` names (its ending says the format), and their
    media type: what a served explorer hands the browser instead of writing a file.

    Raises:
        OutputError: An unknown ending.
    """
    chosen = format_of_path(path, extra=TEXT_ENDINGS)
    mime = "text/plain" if chosen == "table" else FORMATS[chosen].mime
    return _encoded(df, chosen, bom=bom), mime


def _encoded(df: pl.DataFrame, chosen: str, *, bom: bool, title: str = "", encoding: str = "utf-8") -> bytes:
    from baiqiang.tui import render

    if chosen == "table":
        return recode(render.table_text(df, title=title, to_file=True).encode("utf-8"), encoding)
    return encode(df, chosen, bom=bom, encoding=encoding)


def emit(data: bytes, stream: IO[bytes] | None = None) -> None:
    """Sends bytes to stdout; a reader that has gone raises :class:`PipeClosed`."""
    out = stream or sys.stdout.buffer
    try:
        out.write(data)
        out.flush()
    except BrokenPipeError as exc:
        raise PipeClosed from exc
