"""``baiqiang editions`` and ``baiqiang movers``: other years' lists and how units moved."""

from __future__ import annotations

from typing import Annotated

import polars as pl
import typer

import baiqiang.tui.cli.options as o
from baiqiang.core.editions import Status, editions, movers, remove_edition
from baiqiang.core.plain.tables import TABLES, resolve_table
from baiqiang.core.plain.text import count
from baiqiang.tui import render

app = typer.Typer(
    help="The editions of each list: the report's (built in) and those you imported (data import --list).",
    invoke_without_command=True,
)


@app.callback()
def editions_(
    ctx: typer.Context, fmt: o.FormatOpt = None, output: o.OutputOpt = None, force: o.ForceOpt = False
) -> None:
    """The editions of each list: the report's (built in) and those you imported."""
    if ctx.invoked_subcommand is not None:
        return
    rows = [
        {
            "list": e.table,
            "edition": e.year,
            "units": e.rows,
            "source": e.source,
            "imported_at": e.imported_at,
        }
        for e in editions()
    ]
    df = pl.DataFrame(
        rows,
        schema={
            "list": pl.String,
            "edition": pl.Int64,
            "units": pl.Int64,
            "source": pl.String,
            "imported_at": pl.String,
        },
    )
    o.write(df, o.output_format(fmt, output), output, force=force, bom=False, title="editions")


@app.command("remove")
def remove_(
    table: o.TableArg,
    year: Annotated[int, typer.Argument(help="The edition's year.")],
) -> None:
    """Remove an edition you imported (the report's own cannot be)."""
    removed = remove_edition(table, year)
    render.note(
        f"removed edition {removed.year} of {removed.table} ({removed.source}, {count(removed.rows, 'unit')})"
    )


@o.with_filters
def movers_(
    table: o.TableArg,
    frm: Annotated[
        int | None, typer.Option("--from", help="The earlier edition (default: the second latest).")
    ] = None,
    to: Annotated[int | None, typer.Option("--to", help="The later edition (default: the latest).")] = None,
    status: Annotated[Status | None, typer.Option("--status", help="Only units that moved this way.")] = None,
    limit: o.LimitOpt = None,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    force: o.ForceOpt = False,
    bom: o.BomOpt = False,
    *,
    given: o.Given,
) -> None:
    """How each unit moved between two editions of a list: change = rank_from − rank_to (up is positive)."""
    c = o.catalog()
    tid = resolve_table(table)
    flt = o.filters(c, given)
    df = movers(c, tid, frm=frm, to=to, filters=flt, status=status).collect()
    df = df.select("name", "province", "prefecture", "rank_from", "rank_to", "change", "status")
    if limit is not None:
        df = df.head(min(limit, df.height))
    counts = df["status"].value_counts(sort=True)
    render.note(", ".join(f"{n} {s}" for s, n in counts.iter_rows()) or "no unit")
    o.write(
        df, o.output_format(fmt, output), output, force=force, bom=bom, title=f"{TABLES[tid].title} · movers"
    )
