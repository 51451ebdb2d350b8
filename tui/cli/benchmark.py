"""``baiqiang compare`` and ``baiqiang peers``: units side by side, and a unit's 对标 units."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import polars as pl
import typer

import baiqiang.tui.cli.options as o
from baiqiang.core.plain.compare import DEFAULT_COLUMNS, MAX_PEERS, MAX_UNITS, MIN_UNITS, RowGroup, Within
from baiqiang.core.plain.names import display_width
from baiqiang.core.plain.text import visible
from baiqiang.tui import render
from baiqiang.tui.decimals import aligned

CELL, LABEL, MOST_LABEL = 12, 26, 60
"""The most cells of a value shown in a terminal's table, and of a label where the terminal is
narrow (a label takes the room the values leave, up to MOST_LABEL); the rest with …, every one
whole with --format csv."""


def _cut(text: str, *, cells: int) -> str:
    """A text cut to `cells` terminal cells, with … where it was cut (Chinese is two a char)."""
    shown = visible(text)
    if display_width(shown) <= cells:
        return shown
    out, used = "", 0
    for ch in shown:
        w = display_width(ch)
        if used + w > cells - 1:
            break
        out, used = out + ch, used + w
    return out + "…"


def _words(text: str | None) -> list[str]:
    return [w.strip() for w in (text or "").split(",") if w.strip()]


def compare_(
    units: Annotated[
        list[str],
        typer.Argument(
            help=f"{MIN_UNITS} to {MAX_UNITS} units, as show takes them: 昆山, kunshan, 320583, 吴江市."
        ),
    ],
    rows: Annotated[
        str | None,
        typer.Option(
            "--rows",
            help="Only these groups ("
            + ", ".join(RowGroup)
            + ") or rows (adcode, population, industrial-counties.rank), comma-separated.",
        ),
    ] = None,
    base: Annotated[
        str | None,
        typer.Option("--base", help="Add each unit's difference (U − B) and ratio (U ÷ B) to this unit."),
    ] = None,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    force: o.ForceOpt = False,
    bom: o.BomOpt = False,
    encoding: o.EncodingOpt = "utf-8",
) -> None:
    """Put 2–8 units side by side: a column per unit, a row per indicator (ranks, clusters, the
    report's figures, the 2020 census, your data), each with its unit."""
    from baiqiang.core.compare import compare

    f = o.output_format(fmt, output)
    c = o.catalog()
    found = compare(c, units, rows=_words(rows), base=base)
    for unit in found.units:
        if unit.note:  # 吴江市 is 吴江区 since 2012: said, never silently
            render.note(unit.note)
    df = found.frame()
    hint = None
    if f == "table" and output is None:  # on a terminal the labels say what the keys say, and
        # a long text (a unit's clusters) is cut with … so that the units fit side by side
        df = df.drop("key", "label")
        units = list(found.columns)  # the units' own values (not their differences or ratios)
        df = df.with_columns(  # a row's numbers to one number of places: 9.20 beside 9.74
            pl.DataFrame([aligned(list(r)) for r in df.select(units).iter_rows()], schema=units, orient="row")
        )
        df = df.with_columns(
            pl.col(c).map_elements(partial(_cut, cells=CELL), return_dtype=pl.String)
            for c in df.columns
            if c not in ("group", "measure", "label_en")
        )
        others = sum(  # the cells the other columns take, each with the two between columns
            max([display_width(c), *(display_width(v or "") for v in df.get_column(c).to_list())]) + 2
            for c in df.columns
            if c != "label_en"
        )
        label = max(LABEL, min(render.terminal_width() - others - 2, MOST_LABEL))  # whole where room
        df = df.with_columns(
            pl.col("label_en").map_elements(partial(_cut, cells=label), return_dtype=pl.String)
        )
        hint = "fewer units, or --rows, or every column with --format csv"
    names = " · ".join(u.name for u in found.units)
    o.write(
        df, f, output, force=force, bom=bom, title=f"{names} · {df.height} rows", encoding=encoding, hint=hint
    )


def peers_(
    unit: Annotated[str, typer.Argument(help="A unit, as show takes it: 沁源, 沁源县, 140431.")],
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Numeric columns to compare by, comma-separated (the census's, your data's, industrial_rank …). Default: "
            + ",".join(DEFAULT_COLUMNS)
            + " and the ranks of the lists the unit is in.",
        ),
    ] = None,
    k: Annotated[int, typer.Option("--k", "-k", help=f"How many peers (1–{MAX_PEERS}).")] = 10,
    within: Annotated[
        Within,
        typer.Option(
            "--within",
            help="Consider all units, or those of its province, region, type, or the report's lists.",
        ),
    ] = Within.ALL,
    where: o.WhereOpt = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Add, per column, how far each peer is from the unit (in robust z-scores)."
        ),
    ] = False,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    force: o.ForceOpt = False,
    bom: o.BomOpt = False,
    encoding: o.EncodingOpt = "utf-8",
) -> None:
    """The units most like a unit (its 对标 peers): distance on robust z-scores of the columns
    (log scale for skewed ones); rank 0 is the unit itself."""
    from baiqiang.core.peers import find_peers

    f = o.output_format(fmt, output)
    c = o.catalog()
    found = find_peers(c, unit, by=_words(by), k=k, within=within, where=where, explain=explain)
    said = f"{found.considered:,} units considered"
    if found.left_out:
        said += f", {found.left_out:,} left out for a missing value"
    if found.constant:
        said += f"; {', '.join(found.constant)} left out: the same for every unit"
    logs = [s.column for s in found.scales if s.log]
    if logs:
        said += f"; on a log scale: {', '.join(logs)}"
    render.note(said)
    o.write(
        found.frame,
        f,
        output,
        force=force,
        bom=bom,
        title=f"peers of {found.target.name} ({found.target.adcode})",
        encoding=encoding,
    )
