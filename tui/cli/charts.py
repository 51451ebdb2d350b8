"""``baiqiang chart`` and ``baiqiang map``: charts in the terminal."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

import baiqiang.tui.cli.options as o
from baiqiang.core.plain.errors import InvalidValue, LookupFailed
from baiqiang.core.plain.paths import colour_wanted
from baiqiang.core.plain.suggest import did_you_mean
from baiqiang.core.plain.tables import TABLES, resolve_table
from baiqiang.core.query import check_dimension
from baiqiang.core.service import base_rows, check_table_kind, rows
from baiqiang.tui import render


@o.with_filters
def chart(
    table: o.TableArg,
    by: Annotated[str | None, typer.Option("--by", "-b", help="The dimension to count by.")] = None,
    cols: Annotated[
        str | None, typer.Option("--cols", help="A second dimension: draws a heat map of by × cols.")
    ] = None,
    x: Annotated[
        str | None, typer.Option("--x", help="A numeric column across (with --y: a scatter).")
    ] = None,
    y: Annotated[str | None, typer.Option("--y", help="A numeric column up (with --x: a scatter).")] = None,
    where: o.WhereOpt = None,
    edition: o.EditionOpt = None,
    width: o.WidthOpt = None,
    height: o.HeightOpt = None,
    *,
    given: o.Given,
) -> None:
    """Draw a chart in the terminal: counts by a dimension, a heat map of two, or a scatter of two numeric columns."""
    from baiqiang.tui import plots

    c = o.catalog()
    tid = resolve_table(table)
    flt = o.filters(c, given)
    if (x is None) != (y is None):
        raise InvalidValue("--x and --y go together: a scatter needs both")
    if x is None and by is None:
        raise InvalidValue(
            "say what to draw: --by DIM (bars), --by DIM --cols DIM (heat map) or --x COL --y COL"
        )
    named = [n for n in (x, y, by, cols) if n]
    lf = base_rows(c, tid, flt, indicators=True, where=where, edition=edition, mentioned=named)
    w = width or min(render.terminal_width(), 120)
    title = TABLES[tid].title_in(edition)
    if x is not None and y is not None:
        text = plots.scatter(lf, x=x, y=y, width=w, height=height or 24, title=f"{title} · {x} × {y}")
    elif cols:
        assert by is not None
        check_dimension(lf, by)
        text = plots.heat(lf, rows=by, cols=cols, width=w, title=f"{title} · {by} × {cols}")
    else:
        assert by is not None
        text = plots.bars(lf, by=by, width=w, height=height, title=f"{title} · {by}")
    render.print_text(text)


@o.with_filters
def map_(
    table: o.TableArg,
    by: Annotated[
        str | None, typer.Option("--by", "-b", help="tier (a list with tiers: industrial-counties) or list.")
    ] = None,
    width: o.WidthOpt = None,
    height: o.HeightOpt = None,
    *,
    given: o.Given,
) -> None:
    """Draw every county-level seat as a faint dot, with the table's units on top (zoomed in on a
    province where one is given)."""
    from baiqiang.tui import plots

    c = o.catalog()
    tid = check_table_kind(table, kind="ranking")
    mode = by or ("tier" if TABLES[tid].tiers else "list")
    if mode not in ("tier", "list"):
        raise LookupFailed(
            f"unknown --by {mode!r} for map", did_you_mean(mode, ["tier", "list"]), ["tier", "list"]
        )
    if mode == "tier" and not TABLES[tid].tiers:
        with_tiers = ", ".join(t for t, s in TABLES.items() if s.tiers)
        raise InvalidValue(f"tiers exist only for {with_tiers}; use --by list")
    flt = o.filters(c, given)
    listed = rows(c, tid, flt).collect()
    w = width or min(render.terminal_width(), 160)
    colour = sys.stdout.isatty() and colour_wanted()
    where = f" · {flt.province}" if flt.province else ""
    text = plots.listed_map(
        c.divisions,
        {tid: listed},
        by=mode,
        province=flt.province,
        width=w,
        height=height,
        title=f"{TABLES[tid].title}{where} · {listed.height}",
        color=colour,
    )
    render.print_text(text)
