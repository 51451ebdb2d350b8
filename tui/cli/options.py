"""Options shared by several commands, the catalog they read, and how they print a frame."""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

import polars as pl
import typer

from baiqiang.core.catalog import Catalog, make_catalog
from baiqiang.core.filters import FILTERS, Filters
from baiqiang.core.plain.tables import REPORT, TABLES
from baiqiang.core.plain.text import count
from baiqiang.core.service import parse_filters
from baiqiang.tui import render
from baiqiang.tui.output import choose_format, emit, encode, save


def _starting(words: list[str]) -> Callable[[str], list[str]]:
    """Shell completion: the words that start with what has been typed."""
    return lambda incomplete: [w for w in words if w.startswith(incomplete)]


TABLE_WORDS = [w for t in TABLES.values() for w in (t.id, *t.aliases) if w.isascii()]

TableArg = Annotated[
    str,
    typer.Argument(
        help="Table id: " + ", ".join(TABLES) + " (or an alias: ic, inc, id, nc, bc).",
        autocompletion=_starting(TABLE_WORDS),
    ),
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="table, csv, tsv, json, ndjson, parquet or xlsx. Default: table on a terminal, else csv.",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to FILE (atomically) instead of stdout; .csv .tsv .json .ndjson .parquet .xlsx or .txt.",
    ),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace --output if it exists.")]
HeightOpt = Annotated[int | None, typer.Option("--height", "-H", help="Height in lines.", min=5, max=200)]
WidthOpt = Annotated[
    int | None,
    typer.Option("--width", "-W", help="Width in cells (default: the terminal's).", min=30, max=400),
]
BomOpt = Annotated[bool, typer.Option("--bom", help="Start CSV/TSV with a UTF-8 BOM, for Excel.")]
EncodingOpt = Annotated[
    str,
    typer.Option(
        "--encoding",
        help="Text encoding of csv/tsv/json output: utf-8 (default), gbk or gb18030 (Excel on a Chinese Windows).",
    ),
]
WhereOpt = Annotated[
    str | None,
    typer.Option(
        "--where",
        "-w",
        help="""Keep rows where an SQL condition holds: '"地区生产总值" > 1000 AND tier <= 2' (quote Chinese names).""",
    ),
]
EditionOpt = Annotated[
    int | None,
    typer.Option(
        "--edition",
        help=f"An edition (year) of a list you imported; by default the report's own ({REPORT.year}).",
    ),
]
SortOpt = Annotated[str | None, typer.Option("--sort", "-s", help="Sort by this column.")]
DescOpt = Annotated[bool, typer.Option("--desc", help="Sort descending.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", "-l", help="At most N rows (N ≥ 1).", min=1)]


def catalog() -> Catalog:
    """The catalog of the data in use (``$BAIQIANG_DATA``, else the shipped data); a dataset of
    the store that cannot be read is named on stderr, with what to do (its columns are left out
    of every table: nothing else is hidden)."""
    found = make_catalog()
    from baiqiang.core.indicators.store import scan
    from baiqiang.tui.pipes import warn_damaged

    warn_damaged([d.name for d in scan()[1]])
    return found


def filter_option(name: str) -> Any:
    """The option of a registered filter, as its spec says (flag, short flag, help, completion)."""
    spec = FILTERS[name]
    flags = [spec.flag, *([spec.short] if spec.short else [])]
    complete = _starting(list(spec.complete)) if spec.complete else None
    return Annotated[spec.reads | None, typer.Option(*flags, help=spec.help, autocompletion=complete)]


ProvinceOpt = filter_option("province")
PrefectureOpt = filter_option("prefecture")


Given = dict[str, str | int | None]
"""What a command's filter options were given, by filter name (None where not given)."""


class with_filters:  # noqa: N801  (used as a decorator)
    """Gives a command an option per registered filter (or per one of `only`), made from the
    registry each time the command line is built, so that a filter registered later has its
    option too. The command receives what they were given as ``given`` (see :func:`filters`)."""

    def __init__(self, command: Callable[..., None], only: Sequence[str] = ()) -> None:
        functools.update_wrapper(self, command)
        self.command = command
        self.only = tuple(only)
        self._made: tuple[tuple[str, ...], inspect.Signature] | None = None

    def names(self) -> list[str]:
        """The filters whose options the command takes."""
        return [n for n in FILTERS if not self.only or n in self.only]

    @property
    def __signature__(self) -> inspect.Signature:
        names = tuple(self.names())
        if self._made is None or self._made[0] != names:  # made again only when the filters change
            own = inspect.signature(self.command, eval_str=True)
            params = [p for p in own.parameters.values() if p.name != "given"]
            added = [
                inspect.Parameter(
                    n, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=filter_option(n)
                )
                for n in names
            ]
            self._made = (names, own.replace(parameters=[*params, *added]))
        return self._made[1]

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        given = {n: kwargs.pop(n, None) for n in self.names()}
        self.command(*args, given=given, **kwargs)


def only_filters(*names: str) -> Callable[[Callable[..., None]], with_filters]:
    """:class:`with_filters` for some filters only (``@only_filters("province")``)."""
    return lambda command: with_filters(command, names)


def filters(catalog: Catalog, given: Given) -> Filters:
    """The filters a command's options give, each value checked (core's one parser)."""
    return parse_filters(catalog, **given)


def output_format(fmt: str | None, output: Path | None) -> str:
    """The format to print or write in (checked before any work is done)."""
    return choose_format(fmt, output, stdout_is_tty=sys.stdout.isatty())


def write(
    df: pl.DataFrame,
    fmt: str,
    output: Path | None,
    *,
    force: bool,
    bom: bool,
    title: str = "",
    percent: tuple[str, ...] = (),
    table_columns: list[str] | None = None,
    encoding: str = "utf-8",
    hint: str | None = None,
) -> None:
    """Prints a frame (a table on a terminal) or writes it to `output`, and says what was written
    (`hint`: how to see the columns a terminal is too narrow for, where not ``--columns``)."""
    if output is not None:
        written = save(df, output, force=force, fmt=fmt, bom=bom, title=title, encoding=encoding)
        render.note(f"wrote {count(df.height, 'row')} to {output} ({written})")
        return
    if fmt == "table":
        shown = table_columns or df.columns
        hidden = tuple(c for c in df.columns if c not in shown)
        more = {"hint": hint} if hint else {}
        render.print_table(df.select(shown), title=title, percent=percent, hidden=hidden, **more)
        return
    emit(encode(df, fmt, bom=bom, encoding=encoding))
