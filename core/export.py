"""The one export path: a frame to csv, tsv, json, ndjson, parquet or xlsx, written atomically.

The command line's ``--output``, the explorer's export screen and the data writers
(``core.build.extract``, ``core.build.divisions``) all write through :func:`write_bytes`; frames are
encoded by :func:`encode` from the table :data:`FORMATS`. A front end may add a text format of
its own (the CLI's and the explorer's ``.txt`` tables) and still write through
:func:`write_bytes`.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from baiqiang.core.plain.errors import InvalidValue, LookupFailed, OutputError, OutputReason, TargetExists
from baiqiang.core.plain.suggest import did_you_mean
from baiqiang.core.plain.text import FORMULA_START, UNSAFE, json_safe, spreadsheet_cell, visible


def _plain(df: pl.DataFrame) -> pl.DataFrame:
    """Nested columns flattened to text (、-joined) for the formats that hold no lists."""
    return df.with_columns(
        pl.col(c).list.eval(pl.element().cast(pl.String)).list.join("、")
        for c, t in df.schema.items()
        if isinstance(t, pl.List)
    )


def for_spreadsheets(df: pl.DataFrame) -> pl.DataFrame:
    """A frame as CSV and TSV hold it (text a terminal may show and a spreadsheet may open):
    control characters in text cells and headers made visible, and every one that a spreadsheet
    would run as a formula starting with ``'`` (:mod:`baiqiang.core.plain.text`); numbers keep
    their sign. (XLSX needs no ``'``: its text cells are text, never formulas.)"""
    plain_number = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"
    risky = "^[" + "".join(re.escape(c) for c in FORMULA_START) + "]"
    text = [c for c, t in df.schema.items() if t == pl.String]
    unsafe = [c for c in text if df[c].str.contains(UNSAFE.pattern).any()]
    df = df.with_columns(pl.col(c).map_elements(visible, return_dtype=pl.String) for c in unsafe)
    df = df.with_columns(
        pl.when(pl.col(c).str.contains(risky) & ~pl.col(c).str.contains(plain_number))
        .then(pl.lit("'") + pl.col(c))
        .otherwise(pl.col(c))
        .alias(c)
        for c in text
    )
    renamed = {c: spreadsheet_cell(visible(c)) for c in df.columns if spreadsheet_cell(visible(c)) != c}
    return df.rename(renamed) if renamed else df


def _csv(df: pl.DataFrame) -> bytes:
    return for_spreadsheets(_plain(df)).write_csv().encode("utf-8")


def _tsv(df: pl.DataFrame) -> bytes:
    return for_spreadsheets(_plain(df)).write_csv(separator="\t", quote_style="necessary").encode("utf-8")


def _json(df: pl.DataFrame) -> bytes:
    return (json_safe(json.dumps(df.to_dicts(), ensure_ascii=False, indent=2)) + "\n").encode("utf-8")


def _ndjson(df: pl.DataFrame) -> bytes:
    return "".join(json_safe(json.dumps(r, ensure_ascii=False)) + "\n" for r in df.to_dicts()).encode("utf-8")


def _parquet(df: pl.DataFrame) -> bytes:
    buf = io.BytesIO()
    df.write_parquet(buf)
    return buf.getvalue()


def _xlsx(df: pl.DataFrame) -> bytes:
    buf = io.BytesIO()
    formats: dict[Any, str] = {c: "#,##0." + "0" * d if d else "#,##0" for c, d in _places(df).items()}
    _plain(df).write_excel(buf, worksheet="baiqiang", autofit=True, column_formats=formats)
    return buf.getvalue()


def _places(df: pl.DataFrame, most: int = 15) -> dict[str, int]:
    """The decimal places each column of floats needs to show all of its values (up to `most`):
    a spreadsheet then shows 0.0001 and 3.14159 as they are, where a fixed three places showed
    0.000 and 3.142 (the cells held the numbers; what a person read did not)."""
    places: dict[str, int] = {}
    for c in (c for c, t in df.schema.items() if t.is_float()):
        x = df.get_column(c).filter(df.get_column(c).is_finite())
        for d in range(most + 1):
            scaled = x * 10**d
            if ((scaled - scaled.round(0)).abs() <= 1e-9 * scaled.abs().clip(lower_bound=1)).all():
                break
        places[c] = d
    return places


@dataclass(frozen=True)
class Format:
    """A machine format a frame can be written in.

    Attributes:
        name: The format's name (csv …).
        extensions: File name endings that mean it, the first the usual one.
        binary: Whether its bytes are unfit for a terminal.
        text: Whether it is text that a byte-order mark may start (CSV/TSV for Excel).
        encode: Frame → bytes.
        mime: Its media type (a download in a browser says it).
    """

    name: str
    extensions: tuple[str, ...]
    binary: bool
    text: bool
    encode: Callable[[pl.DataFrame], bytes]
    mime: str


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("csv", (".csv",), False, True, _csv, "text/csv"),
        Format("tsv", (".tsv", ".tab"), False, True, _tsv, "text/tab-separated-values"),
        Format("json", (".json",), False, False, _json, "application/json"),
        Format("ndjson", (".ndjson", ".jsonl"), False, False, _ndjson, "application/x-ndjson"),
        Format("parquet", (".parquet",), True, False, _parquet, "application/vnd.apache.parquet"),
        Format("xlsx", (".xlsx",), True, False, _xlsx, XLSX_MIME),
    )
}

BOM = b"\xef\xbb\xbf"


def format_named(name: str, *, extra: tuple[str, ...] = ()) -> str:
    """Checks a format's name.

    Args:
        name: What the user gave.
        extra: Formats the caller adds of its own (``table``).

    Raises:
        LookupFailed: No such format.
    """
    known = [*extra, *FORMATS]
    if name not in known:
        raise LookupFailed(f"unknown format {name!r}", did_you_mean(name, known), known)
    return name


def format_of_path(path: Path, *, extra: dict[str, str] | None = None) -> str:
    """The format a file name asks for by its ending.

    Args:
        path: The file to write.
        extra: Endings the caller adds of its own (``{".txt": "table"}``).

    Raises:
        OutputError: The ending names no format (``.xls``, none at all …).
    """
    endings = {ext: f.name for f in FORMATS.values() for ext in f.extensions} | (extra or {})
    suffix = path.suffix.lower()
    if suffix in endings:
        return endings[suffix]
    listed = ", ".join(endings)
    what = f"'{suffix}'" if suffix else "no ending"
    raise OutputError(
        f"{path.name} has {what}; the endings written are {listed}",
        reason=OutputReason.UNKNOWN_ENDING,
        path=str(path),
    )


ENCODINGS: tuple[str, ...] = ("utf-8", "gbk", "gb18030")
"""The encodings text formats can be written in (UTF-8 unless asked)."""


def recode(data: bytes, encoding: str) -> bytes:
    """UTF-8 text re-encoded as GBK or GB18030 (what Excel on a Chinese Windows opens).

    Raises:
        InvalidValue: An encoding not in :data:`ENCODINGS`, or a character GBK lacks.
    """
    name = encoding.strip().lower().replace("_", "-")
    if name in ("utf8", "utf-8"):
        return data
    if name not in ENCODINGS:
        raise InvalidValue(
            f"unknown encoding {encoding!r}; choose from {', '.join(ENCODINGS)}", field="encoding"
        )
    text = data.decode("utf-8")
    try:
        return text.encode(name)
    except UnicodeEncodeError as exc:
        raise InvalidValue(
            f"{text[exc.start]!r} cannot be written in {name.upper()}; gb18030 can write every character",
            field="encoding",
        ) from exc


def encode(df: pl.DataFrame, fmt: str, *, bom: bool = False, encoding: str = "utf-8") -> bytes:
    """The bytes of a frame in a machine format, with a UTF-8 BOM first if asked (CSV, TSV).

    Args:
        df: The frame.
        fmt: A format of :data:`FORMATS`.
        bom: Start CSV/TSV with a UTF-8 BOM (not with another encoding).
        encoding: For text formats: utf-8 (default), gbk or gb18030.

    Raises:
        LookupFailed: Not a format of :data:`FORMATS`.
        InvalidValue: An unknown encoding, a BOM asked with GBK/GB18030, or a binary format
            asked in another encoding.
    """
    spec = FORMATS.get(format_named(fmt))
    assert spec is not None
    data = spec.encode(df)
    if encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
        if spec.binary:
            raise InvalidValue(
                f"{fmt} is not a text format; an encoding applies to csv, tsv, json and ndjson",
                field="encoding",
            )
        if bom:
            raise InvalidValue("a BOM is for UTF-8; GBK and GB18030 files have none", field="encoding")
        return recode(data, encoding)
    return BOM + data if bom and spec.text else data


def check_target(path: Path, *, force: bool) -> Path:
    """The folder to write in, after refusing what cannot or must not be written (a directory,
    an existing file without `force`, a missing folder).

    Raises:
        OutputError: Any of those (TargetExists for an existing file).
    """
    try:
        if path.is_dir():
            raise OutputError(f"{path} is a directory", reason=OutputReason.IS_DIRECTORY, path=str(path))
        if path.exists() and not force:
            raise TargetExists(f"{path} exists", path=str(path))
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise OutputError(
                f"no such directory: {parent}", reason=OutputReason.NO_DIRECTORY, path=str(parent)
            )
    except OSError as exc:  # a name too long, a path through a file …
        raise _os_error(path, exc) from exc
    return parent


def _os_error(path: Path, exc: OSError) -> OutputError:
    said = str(exc.strerror or exc)
    return OutputError(f"cannot write {_short(path)}: {said}", path=_short(path), detail=said)


def _short(path: Path) -> str:
    text = str(path)
    return text if len(text) <= 80 else text[:40] + "…" + text[-30:]


def write_bytes(path: Path, data: bytes, *, force: bool) -> None:
    """Writes atomically; an existing file is replaced only with `force`.

    The bytes go to a temporary file beside `path`, which is then renamed into place, so a
    reader never sees half a file. Without `force` the rename is a hard link that fails if the
    name exists, so even a file created meanwhile is never replaced.

    Raises:
        OutputError: The file exists (without `force`) or cannot be written; nothing is left
            behind then.
    """
    parent = check_target(path, force=force)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".baiqiang.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise _os_error(parent, exc) from exc
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
                raise TargetExists(f"{path} exists", path=str(path)) from exc
            except OSError as exc:
                if exc.errno == errno.ENAMETOOLONG:
                    raise _os_error(path, exc) from exc
                # No hard links on this file system: fall back to a checked rename.
                if path.exists():
                    raise TargetExists(f"{path} exists", path=str(path)) from None
                os.replace(tmp, path)
    except OSError as exc:  # a full disk, a lost permission …
        raise _os_error(path, exc) from exc
    finally:
        Path(tmp).unlink(missing_ok=True)


def write_frame(
    path: Path, df: pl.DataFrame, *, fmt: str | None = None, force: bool, bom: bool = False
) -> str:
    """Writes a frame to a file in the format its ending (or `fmt`) names.

    Returns:
        The format written.

    Raises:
        OutputError: An unknown ending, or the file cannot be written.
        LookupFailed: An unknown `fmt`.
    """
    chosen = fmt or format_of_path(path)
    write_bytes(path, encode(df, chosen, bom=bom), force=force)
    return chosen
