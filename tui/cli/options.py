"""Options shared by several commands, the catalog they read, and how they print a frame."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import polars as pl
import typer

from baiqiang.core.catalog import Catalog, make_catalog
from baiqiang.core.filters import Filters
from baiqiang.core.plain import geo
from baiqiang.core.plain.tables import REPORT, TABLES
from baiqiang.core.service import parse_filters
from baiqiang.tui import render
from baiqiang.tui.output import choose_format, emit, encode, save


def _starting(words: list[str]) -> Callable[[str], list[str]]:
    """Shell completion: the words that start with what has been typed."""
    return lambda incomplete: [w for w in words if w.startswith(incomplete)]


TABLE_WORDS = [w for t in TABLES.values() for w in (t.id, *t.aliases) if w.isascii()]
PROVINCE_WORDS = [w for p in geo.PROVINCES for w in (p.short, p.official, p.english.replace(" ", ""))]

TableArg = Annotated[
    str,
    typer.Argument(
        help="Table id: " + ", ".join(TABLES) + " (or an alias: ic, inc, id, nc, bc).",
        autocompletion=_starting(TABLE_WORDS),
    ),
]
ProvinceOpt = Annotated[
    str | None,
    typer.Option(
        "--province", "-p", help="江苏, 江苏省, Jiangsu or jiangsu.", autocompletion=_starting(PROVINCE_WORDS)
    ),
]
RegionOpt = Annotated[
    str | None,
    typer.Option("--region", "-r", help="东部, 中部, 西部, 东北 (or East, Central, West, Northeast)."),
]
PrefectureOpt = Annotated[str | None, typer.Option("--prefecture", "-c", help="苏州 or 苏州市.")]
TierOpt = Annotated[int | None, typer.Option("--tier", "-t", help="1–4 (industrial-counties).")]
CountyTypeOpt = Annotated[
    str | None,
    typer.Option("--county-type", help="县级市, 县, 旗, 市辖区 (or city, county, banner, district)."),
]
NameOpt = Annotated[
    str | None, typer.Option("--name", "-n", help="Text in the name, or the start of its pinyin or initials.")
]
SearchOpt = Annotated[
    str | None,
    typer.Option("--search", help="Like --name, or text in the province or prefecture (the explorer's /)."),
]
RanksOpt = Annotated[str | None, typer.Option("--ranks", help="A rank range such as 1-20.")]
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
        "--edition", help=f"An edition (year) of a list; the latest by default ({REPORT.year}: the report's)."
    ),
]
SortOpt = Annotated[str | None, typer.Option("--sort", "-s", help="Sort by this column.")]
DescOpt = Annotated[bool, typer.Option("--desc", help="Sort descending.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", "-l", help="At most N rows (N ≥ 1).", min=1)]


def catalog() -> Catalog:
    """The catalog of the data in use (``$BAIQIANG_DATA``, else the shipped data)."""
    return make_catalog()


filters = parse_filters
"""The filters the command line's options give, each value checked (core's one parser)."""

FILTER_OPTIONS = ("province", "region", "prefecture", "tier", "county_type", "name", "search", "ranks")


def filters_given(catalog: Catalog, options: dict[str, object]) -> Filters:
    """The filters among a command's options (its ``locals()``), checked by core's one parser."""
    return parse_filters(catalog, **{k: options[k] for k in FILTER_OPTIONS if k in options})  # type: ignore[arg-type]


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
) -> None:
    """Prints a frame (a table on a terminal) or writes it to `output`, and says what was written."""
    if output is not None:
        written = save(df, output, force=force, fmt=fmt, bom=bom, title=title, encoding=encoding)
        render.note(f"wrote {df.height} rows to {output} ({written})")
        return
    if fmt == "table":
        shown = table_columns or df.columns
        hidden = tuple(c for c in df.columns if c not in shown)
        render.print_table(df.select(shown), title=title, percent=percent, hidden=hidden)
        return
    emit(encode(df, fmt, bom=bom, encoding=encoding))
