"""Writing frames out: CSV, TSV, JSON, NDJSON, Parquet, xlsx or a Rich table; atomic files."""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import IO

import polars as pl

FORMATS = ("table", "csv", "tsv", "json", "ndjson", "parquet", "xlsx")
BINARY = ("parquet", "xlsx")
_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".json": "json",
    ".ndjson": "ndjson",
    ".jsonl": "ndjson",
    ".parquet": "parquet",
    ".xlsx": "xlsx",
    ".txt": "table",
}


class OutputError(Exception):
    """The output cannot be written as asked."""


class PipeClosed(Exception):
    """stdout's reader has gone (``| head``); not an OSError, so nothing reports it as one."""


def choose_format(fmt: str | None, output: Path | None, *, stdout_is_tty: bool) -> str:
    """The format to write: as given, else from the output's extension, else by the terminal.

    Raises:
        OutputError: A binary format would go to a terminal.
    """
    if fmt is None:
        if output is not None:
            fmt = _EXTENSIONS.get(output.suffix.lower(), "csv")
        else:
            fmt = "table" if stdout_is_tty else "csv"
    if fmt in BINARY and output is None and stdout_is_tty:
        raise OutputError(f"{fmt} is binary and stdout is a terminal; use --output FILE.{fmt}")
    return fmt


def _plain(df: pl.DataFrame) -> pl.DataFrame:
    """Nested columns flattened to text for CSV/TSV/xlsx."""
    return df.with_columns(
        pl.col(c).list.eval(pl.element().cast(pl.String)).list.join("、")
        for c, t in df.schema.items()
        if isinstance(t, pl.List)
    )


def encode(df: pl.DataFrame, fmt: str, *, bom: bool = False) -> bytes:
    """The bytes of `df` in a machine format (everything but ``table``)."""
    prefix = b"\xef\xbb\xbf" if bom and fmt in ("csv", "tsv") else b""
    if fmt == "csv":
        return prefix + _plain(df).write_csv().encode("utf-8")
    if fmt == "tsv":
        return prefix + _plain(df).write_csv(separator="\t", quote_style="necessary").encode("utf-8")
    if fmt == "json":
        return (json.dumps(df.to_dicts(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "ndjson":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in df.to_dicts()).encode("utf-8")
    buf = io.BytesIO()
    if fmt == "parquet":
        df.write_parquet(buf)
    elif fmt == "xlsx":
        _plain(df).write_excel(buf, worksheet="baiqiang", autofit=True)
    else:
        raise OutputError(f"unknown format {fmt!r}")
    return buf.getvalue()


def write_file(path: Path, data: bytes, *, force: bool) -> None:
    """Writes atomically; an existing file is replaced only with `force`.

    The bytes go to a temporary file beside `path`, which is then renamed into place, so a
    reader never sees half a file. Without `force` the rename is a hard link that fails if
    the name exists, so even a file created meanwhile is never replaced.

    Raises:
        OutputError: The file exists (without `force`) or cannot be written.
    """
    if path.is_dir():
        raise OutputError(f"{path} is a directory")
    if path.exists() and not force:
        raise OutputError(f"{path} exists; pass --force to replace it")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"no such directory: {parent}")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(f"cannot write in {parent}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        if force:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError as exc:
                raise OutputError(f"{path} exists; pass --force to replace it") from exc
            except OSError:  # no hard links on this file system: fall back to a checked rename
                if path.exists():
                    raise OutputError(f"{path} exists; pass --force to replace it") from None
                os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def emit(data: bytes, output: Path | None, *, force: bool, stream: IO[bytes] | None = None) -> None:
    """Sends bytes to `output`, or to stdout when it is None."""
    if output is not None:
        write_file(output, data, force=force)
        return
    out = stream or sys.stdout.buffer
    try:
        out.write(data)
        out.flush()
    except BrokenPipeError as exc:
        raise PipeClosed from exc
