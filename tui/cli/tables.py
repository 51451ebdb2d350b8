"""The commands over tables: list, stats, crosstab, overlap and tables."""

from __future__ import annotations

from typing import Annotated

import polars as pl
import typer

import baiqiang.tui.cli.options as o
from baiqiang.core.plain.errors import InvalidValue
from baiqiang.core.plain.tables import TABLES, resolve_table
from baiqiang.core.query import Agg
from baiqiang.core.service import Order, crosstab_table, overlap_impossible, overlap_table, rows, stats
from baiqiang.tui import render


@o.with_filters
def list_(
    table: o.TableArg,
    where: o.WhereOpt = None,
    edition: o.EditionOpt = None,
    sort: o.SortOpt = None,
    desc: o.DescOpt = False,
    limit: o.LimitOpt = None,
    columns: Annotated[
        str | None,
        typer.Option("--columns", help="Comma-separated columns to output, in order (your own data's too)."),
    ] = None,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    force: o.ForceOpt = False,
    bom: o.BomOpt = False,
    encoding: o.EncodingOpt = "utf-8",
    *,
    given: o.Given,
) -> None:
    """List a table's rows, filtered and sorted."""
    c = o.catalog()
    tid = resolve_table(table)
    f = o.output_format(fmt, output)
    chosen = None
    if columns is not None:
        chosen = [x.strip() for x in columns.split(",") if x.strip()]
        if not chosen:
            raise InvalidValue("--columns names no column; give them comma-separated, such as rank,name")
    flt = o.filters(c, given)
    df = rows(
        c,
        tid,
        flt,
        order=Order(sort, desc),
        limit=limit,
        columns=chosen,
        indicators=True,
        where=where,
        edition=edition,
    ).collect()
    if df.height == 0:
        render.note(f"no row of {tid} passes these filters")
    o.write(
        df,
        f,
        output,
        force=force,
        bom=bom,
        title=f"{TABLES[tid].title_in(edition)} · {df.height} rows",
        table_columns=chosen or render.display_columns(df),
        encoding=encoding,
    )


@o.with_filters
def stats_(
    table: o.TableArg,
    by: Annotated[
        str, typer.Option("--by", "-b", help="province, region, prefecture, tier, county_type, rank_band …")
    ],
    value: Annotated[
        str | None,
        typer.Option("--value", help="A numeric column (your own data's) to sum up instead of counting."),
    ] = None,
    agg: Annotated[Agg, typer.Option("--agg", help="How to sum up --value.")] = Agg.SUM,
    where: o.WhereOpt = None,
    edition: o.EditionOpt = None,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    force: o.ForceOpt = False,
    bom: o.BomOpt = False,
    encoding: o.EncodingOpt = "utf-8",
    *,
    given: o.Given,
) -> None:
    """Counts and shares of a table's rows by one dimension."""
    c = o.catalog()
    tid = resolve_table(table)
    f = o.output_format(fmt, output)
    flt = o.filters(c, given)
    df = stats(
        c, tid, flt, by=by, value=value, agg=agg, indicators=True, where=where, edition=edition
    ).collect()
    o.write(
        df,
        f,
        output,
        force=force,
        bom=bom,
        title=f"{TABLES[tid].title_in(edition)} · {f'{agg}({value}) ' if value else ''}by {by}",
        percent=("share", "share_of_province"),
        encoding=encoding,
    )


@o.with_filters
def crosstab_(
    table: o.TableArg,
    rows_: Annotated[str, typer.Option("--rows", help="The dimension down the side.")],
    cols: Annotated[str, typer.Option("--cols", help="The dimension across the top.")],
    edition: o.EditionOpt = None,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    force: o.ForceOpt = False,
    bom: o.BomOpt = False,
    encoding: o.EncodingOpt = "utf-8",
    *,
    given: o.Given,
) -> None:
    """Counts for two dimensions at once (rank_band × province is the report's 图15/图22)."""
    c = o.catalog()
    tid = resolve_table(table)
    f = o.output_format(fmt, output)
    flt = o.filters(c, given)
    wide = crosstab_table(c, tid, flt, rows=rows_, cols=cols, edition=edition)
    o.write(
        wide,
        f,
        output,
        force=force,
        bom=bom,
        title=f"{TABLES[tid].title_in(edition)} · {rows_} × {cols}",
        encoding=encoding,
    )


@o.with_filters
def overlap_(
    table_a: Annotated[str, typer.Argument(help="The first table.")],
    table_b: Annotated[str, typer.Argument(help="The second table.")],
    edition: o.EditionOpt = None,
    sort: o.SortOpt = None,
    desc: o.DescOpt = False,
    limit: o.LimitOpt = None,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    force: o.ForceOpt = False,
    bom: o.BomOpt = False,
    encoding: o.EncodingOpt = "utf-8",
    *,
    given: o.Given,
) -> None:
    """The units in both of two lists, with both ranks and the gap (rank in B − rank in A)."""
    c = o.catalog()
    a, b = resolve_table(table_a), resolve_table(table_b)
    flt = o.filters(c, given)
    df = overlap_table(c, a, b, flt, order=Order(sort, desc), limit=limit, edition=edition).collect()
    if df.height == 0:
        render.note(overlap_impossible(a, b) or f"no unit is in both {a} and {b} with these filters")
    f = o.output_format(fmt, output)
    o.write(
        df,
        f,
        output,
        force=force,
        bom=bom,
        title=f"{TABLES[a].title} ∩ {TABLES[b].title} · {df.height} units",
        encoding=encoding,
    )


def tables_(fmt: o.FormatOpt = None) -> None:
    """List the table ids, their aliases and the report's titles."""
    listed = [
        {
            "id": t.id,
            "table": f"表{t.number}" if t.number else "—",
            "title": t.title,
            "aliases": ", ".join(t.aliases[:3]),
        }
        for t in TABLES.values()
    ]
    o.write(pl.DataFrame(listed), o.output_format(fmt, None), None, force=False, bom=False, title="tables")
