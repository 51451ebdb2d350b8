"""The ``baiqiang`` command line: list, stats, crosstab, overlap, show, audit, chart, tui.

Data goes to stdout, messages to stderr. Bad input gives one line on stderr and a non-zero
exit, never a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import polars as pl
import typer

from core.audit import audit_passes, run_audit
from core.catalog import TABLES, Catalog, make_catalog, resolve_table
from core.errors import LookupFailed
from core.profile import lookup
from core.query import (
    check_columns,
    check_dimension,
    counts,
    crosstab,
    crosstab_wide,
    filter_units,
    overlap,
    province_shares,
    resolve_county_type,
    resolve_prefecture,
    resolve_province,
    resolve_region,
    sort_rows,
    unit_types_of,
)
from core.suggest import did_you_mean
from tui import render
from tui.output import FORMATS, OutputError, PipeClosed, choose_format, emit, encode

app = typer.Typer(
    name="baiqiang",
    help="百强: explore CAICT's 中国县域工业经济发展报告（2022） — county and district rankings. "
    "Without a command, opens the interactive explorer.",
    epilog="Examples: baiqiang show 昆山 · baiqiang list ic --province 浙江 --format csv > zj.csv · "
    "baiqiang stats ic --by province · baiqiang audit --issues · baiqiang map ic --province 江苏",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class UserError(Exception):
    """Bad input: shown as one line on stderr."""


# Options shared by several commands.
TableArg = Annotated[
    str, typer.Argument(help="Table id: " + ", ".join(TABLES) + " (or an alias: ic, inc, id, nc, bc).")
]
ProvinceOpt = Annotated[
    str | None, typer.Option("--province", "-p", help="江苏, 江苏省, Jiangsu or jiangsu.")
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
    Path | None, typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout.")
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace --output if it exists.")]
HeightOpt = Annotated[int | None, typer.Option("--height", "-H", help="Height in lines.", min=5, max=200)]
WidthOpt = Annotated[
    int | None,
    typer.Option("--width", "-W", help="Width in cells (default: the terminal's).", min=30, max=400),
]
BomOpt = Annotated[bool, typer.Option("--bom", help="Start CSV/TSV with a UTF-8 BOM, for Excel.")]


def _catalog() -> Catalog:
    data_dir = os.environ.get("BAIQIANG_DATA")
    return make_catalog(Path(data_dir) if data_dir else None)


def _table_id(text: str) -> str:
    return resolve_table(text)


def _filtered(
    catalog: Catalog,
    table: str,
    *,
    province: str | None = None,
    region: str | None = None,
    prefecture: str | None = None,
    tier: int | None = None,
    county_type: str | None = None,
    name: str | None = None,
    ranks: str | None = None,
    search: str | None = None,
) -> pl.LazyFrame:
    """A table with the command line's filters applied, each value checked first."""
    lf = catalog.tables[table]
    rank_min = rank_max = None
    if ranks is not None:
        lo, sep, hi = ranks.partition("-")
        if not (lo.strip().isdigit() and (not sep or hi.strip().isdigit())):
            raise UserError(f"--ranks takes a range such as 1-20, not {ranks!r}")
        rank_min, rank_max = int(lo), int(hi) if sep else int(lo)
        if rank_min > rank_max:
            raise UserError(
                f"--ranks {ranks}: the first rank is greater than the last; try {rank_max}-{rank_min}"
            )
    if tier is not None and tier not in (1, 2, 3, 4):
        raise UserError(f"--tier takes 1, 2, 3 or 4, not {tier}")
    pref = None
    if prefecture is not None:
        known = sorted(
            {
                p
                for t in catalog.tables.values()
                if "prefecture" in t.collect_schema().names()
                for p in t.select("prefecture").collect().to_series().drop_nulls().to_list()
            }
        )
        pref = resolve_prefecture(prefecture, known)
    return filter_units(
        lf,
        province=resolve_province(province).short if province else None,
        region=resolve_region(region) if region else None,
        prefecture=pref,
        tier=tier,
        county_type=resolve_county_type(county_type) if county_type else None,
        rank_min=rank_min,
        rank_max=rank_max,
        name=name,
        search=search,
    )


def _format(fmt: str | None, output: Path | None) -> str:
    if fmt is not None and fmt not in FORMATS:
        raise LookupFailed(f"unknown format {fmt!r}", did_you_mean(fmt, list(FORMATS)), list(FORMATS))
    return choose_format(fmt, output, stdout_is_tty=sys.stdout.isatty())


def _write(
    df: pl.DataFrame,
    fmt: str,
    output: Path | None,
    *,
    force: bool,
    bom: bool,
    title: str = "",
    percent: tuple[str, ...] = (),
    table_columns: list[str] | None = None,
) -> None:
    if fmt == "table":
        shown = df.select(table_columns) if table_columns else df
        text = render.table_text(shown, title=title, percent=percent, to_file=output is not None)
        if output is not None:
            emit(text.encode("utf-8"), output, force=force)
        else:
            render.print_table(shown, title=title, percent=percent)
        return
    emit(encode(df, fmt, bom=bom), output, force=force)


@app.command("list")
def list_(
    table: TableArg,
    province: ProvinceOpt = None,
    region: RegionOpt = None,
    prefecture: PrefectureOpt = None,
    tier: TierOpt = None,
    county_type: CountyTypeOpt = None,
    name: NameOpt = None,
    search: SearchOpt = None,
    ranks: RanksOpt = None,
    sort: Annotated[str | None, typer.Option("--sort", "-s", help="Sort by this column.")] = None,
    desc: Annotated[bool, typer.Option("--desc", help="Sort descending.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", "-l", help="At most N rows.", min=0)] = None,
    columns: Annotated[
        str | None, typer.Option("--columns", help="Comma-separated columns to output, in order.")
    ] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    bom: BomOpt = False,
) -> None:
    """List a table's rows, filtered and sorted."""
    c = _catalog()
    tid = _table_id(table)
    f = _format(fmt, output)
    lf = _filtered(
        c,
        tid,
        province=province,
        region=region,
        prefecture=prefecture,
        tier=tier,
        county_type=county_type,
        name=name,
        ranks=ranks,
        search=search,
    )
    if sort:
        lf = sort_rows(lf, by=sort, descending=desc)
    elif desc:
        first = lf.collect_schema().names()[0]
        lf = sort_rows(lf, by=first, descending=True)
    if limit is not None:
        lf = lf.head(limit)
    chosen = None
    if columns is not None:
        chosen = [x.strip() for x in columns.split(",") if x.strip()]
        if not chosen:
            raise UserError("--columns names no column; give them comma-separated, such as rank,name")
        check_columns(lf, chosen)
        lf = lf.select(chosen)
    df = lf.collect()
    if df.height == 0:
        render.note(f"no row of {tid} passes these filters")
    _write(
        df,
        f,
        output,
        force=force,
        bom=bom,
        title=f"{TABLES[tid].title} · {df.height} rows",
        table_columns=chosen or render.display_columns(df),
    )


@app.command()
def stats(
    table: TableArg,
    by: Annotated[
        str, typer.Option("--by", "-b", help="province, region, prefecture, tier, county_type, rank_band …")
    ],
    province: ProvinceOpt = None,
    region: RegionOpt = None,
    prefecture: PrefectureOpt = None,
    tier: TierOpt = None,
    county_type: CountyTypeOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    bom: BomOpt = False,
) -> None:
    """Counts and shares of a table's rows by one dimension."""
    c = _catalog()
    tid = _table_id(table)
    f = _format(fmt, output)
    lf = _filtered(
        c, tid, province=province, region=region, prefecture=prefecture, tier=tier, county_type=county_type
    )
    counted = counts(lf, by=by)
    if by == "province" and TABLES[tid].kind == "ranking":
        counted = province_shares(counted, c.divisions, types=unit_types_of(tid))
    df = counted.collect()
    _write(
        df,
        f,
        output,
        force=force,
        bom=bom,
        title=f"{TABLES[tid].title} · by {by}",
        percent=("share", "share_of_province"),
    )


@app.command("crosstab")
def crosstab_(
    table: TableArg,
    rows: Annotated[str, typer.Option("--rows", help="The dimension down the side.")],
    cols: Annotated[str, typer.Option("--cols", help="The dimension across the top.")],
    province: ProvinceOpt = None,
    region: RegionOpt = None,
    tier: TierOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    bom: BomOpt = False,
) -> None:
    """Counts for two dimensions at once (rank_band × province is the report's 图15/图22)."""
    c = _catalog()
    tid = _table_id(table)
    f = _format(fmt, output)
    lf = _filtered(c, tid, province=province, region=region, tier=tier)
    long = crosstab(lf, rows=rows, cols=cols).collect()
    wide = crosstab_wide(long, rows=rows, cols=cols)
    _write(wide, f, output, force=force, bom=bom, title=f"{TABLES[tid].title} · {rows} × {cols}")


@app.command("overlap")
def overlap_(
    table_a: Annotated[str, typer.Argument(help="The first table.")],
    table_b: Annotated[str, typer.Argument(help="The second table.")],
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    bom: BomOpt = False,
) -> None:
    """The units in both of two lists, with both ranks and the gap (rank in B − rank in A)."""
    c = _catalog()
    a, b = _table_id(table_a), _table_id(table_b)
    for t in (a, b):
        if TABLES[t].kind != "ranking":
            raise UserError(f"overlap compares ranking tables; {t} is a cluster table")
    f = _format(fmt, output)
    df = overlap(c.tables[a], c.tables[b], a_id=a, b_id=b).collect()
    _write(
        df,
        f,
        output,
        force=force,
        bom=bom,
        title=f"{TABLES[a].title} ∩ {TABLES[b].title} · {df.height} units",
    )


@app.command()
def show(
    name: Annotated[str, typer.Argument(help="A county or district: 昆山, 昆山市, kunshan or ks.")],
    province: ProvinceOpt = None,
    prefecture: PrefectureOpt = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="table (default) or json.")] = None,
) -> None:
    """Everything the report says about one unit: ranks, clusters and facts with their source."""
    c = _catalog()
    if fmt not in (None, "table", "json"):
        raise LookupFailed(
            f"unknown format {fmt!r} for show", did_you_mean(fmt, ["table", "json"]), ["table", "json"]
        )
    result = lookup(
        c, name, province=resolve_province(province).short if province else None, prefecture=prefecture
    )
    if fmt == "json":
        render.print_json(result)
    else:
        render.print_profile(result)


@app.command()
def audit(
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    bom: BomOpt = False,
    only_issues: Annotated[
        bool, typer.Option("--issues", help="Show only the claims that do not hold.")
    ] = False,
) -> None:
    """Recompute every count the report's prose states about its tables; exit 1 if the data is off."""
    c = _catalog()
    f = _format(fmt, output)
    results = run_audit(c)
    df = pl.DataFrame([r.__dict__ for r in results])
    if only_issues:
        df = df.filter(pl.col("status") != "holds", pl.col("status") != "ok")
    if f == "table" and output is None:
        render.print_audit(df)
    else:
        _write(df, f, output, force=force, bom=bom, title="audit")
    claims = [r for r in results if r.kind == "claim"]
    held = sum(r.status == "holds" for r in claims)
    checks = [r for r in results if r.kind == "integrity"]
    bad = sum(r.status != "ok" for r in checks)
    render.note(
        f"{len(claims)} claims: {held} hold, {len(claims) - held} are the report's own inconsistencies; "
        f"{len(checks)} integrity checks: {len(checks) - bad} ok, {bad} failed"
    )
    if not audit_passes(results):
        raise typer.Exit(1)


@app.command()
def chart(
    table: TableArg,
    by: Annotated[str, typer.Option("--by", "-b", help="The dimension to count by.")],
    cols: Annotated[
        str | None, typer.Option("--cols", help="A second dimension: draws a heat map of by × cols.")
    ] = None,
    province: ProvinceOpt = None,
    region: RegionOpt = None,
    prefecture: PrefectureOpt = None,
    tier: TierOpt = None,
    county_type: CountyTypeOpt = None,
    width: WidthOpt = None,
    height: HeightOpt = None,
) -> None:
    """Draw a chart in the terminal: counts by a dimension, or a heat map of two."""
    from tui import chartdata

    c = _catalog()
    tid = _table_id(table)
    lf = _filtered(
        c, tid, province=province, region=region, prefecture=prefecture, tier=tier, county_type=county_type
    )
    w = width or min(render.terminal_width(), 120)
    if cols:
        check_dimension(lf, by)
        text = chartdata.heat(lf, rows=by, cols=cols, width=w, title=f"{TABLES[tid].title} · {by} × {cols}")
    else:
        text = chartdata.bars(lf, by=by, width=w, height=height, title=f"{TABLES[tid].title} · {by}")
    render.print_text(text)


@app.command("map")
def map_(
    table: TableArg,
    province: ProvinceOpt = None,
    by: Annotated[str | None, typer.Option("--by", "-b", help="tier (industrial-counties) or list.")] = None,
    width: WidthOpt = None,
    height: HeightOpt = None,
) -> None:
    """Draw every county-level seat as a faint dot, with the table's units on top."""
    from tui import chartdata

    c = _catalog()
    tid = _table_id(table)
    if TABLES[tid].kind != "ranking":
        raise UserError(f"map draws a ranking table; {tid} is a cluster table")
    mode = by or ("tier" if tid == "industrial-counties" else "list")
    if mode not in ("tier", "list"):
        raise LookupFailed(
            f"unknown --by {mode!r} for map", did_you_mean(mode, ["tier", "list"]), ["tier", "list"]
        )
    if mode == "tier" and tid != "industrial-counties":
        raise UserError("tiers exist only for industrial-counties; use --by list")
    prov = resolve_province(province).short if province else None
    rows = _filtered(c, tid, province=province).collect()
    w = width or min(render.terminal_width(), 160)
    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    where = f" · {prov}" if prov else ""
    text = chartdata.listed_map(
        c.divisions,
        {tid: rows},
        by=mode,
        province=prov,
        width=w,
        height=height,
        title=f"{TABLES[tid].title}{where} · {rows.height}",
        color=colour,
    )
    render.print_text(text)


@app.command("tables")
def tables_() -> None:
    """List the table ids, their aliases and the report's titles."""
    rows = [
        {"id": t.id, "table": f"表{t.number}", "title": t.title, "aliases": ", ".join(t.aliases[:3])}
        for t in TABLES.values()
    ]
    render.print_table(pl.DataFrame(rows), title="tables")


@app.command()
def tui(
    table: Annotated[str, typer.Option("--table", help="The table to open on.")] = "industrial-counties",
    province: ProvinceOpt = None,
) -> None:
    """Open the interactive explorer (the default when no command is given)."""
    from tui.app import run_app

    tid = _table_id(table)
    prov = resolve_province(province).short if province else None
    _need_terminal()
    run_app(_catalog(), table=tid, province=prov)


def _need_terminal() -> None:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError("the explorer needs a terminal; try 'baiqiang --help' for the commands")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            render.print_text(f"baiqiang {version('baiqiang')}")
        except PackageNotFoundError:
            render.print_text("baiqiang (not installed)")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    show_version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    if ctx.invoked_subcommand is None:
        _need_terminal()
        from tui.app import run_app

        run_app(_catalog(), table="industrial-counties", province=None)


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"baiqiang: error: {message}\n")
    sys.stderr.flush()
    return code


def main(argv: list[str] | None = None) -> int:
    """Runs the CLI; returns (and, called without `argv`, exits with) its exit code."""
    code = 0
    try:
        rv = app(args=argv, prog_name="baiqiang", standalone_mode=False)
        code = rv if isinstance(rv, int) else 0
    except typer.TyperException as exc:  # usage errors: unknown option, missing argument …
        code = _fail(" ".join(exc.format_message().split()), 2)
    except typer.Abort:
        code = _fail("aborted", 130)
    except (UserError, LookupFailed, OutputError) as exc:
        code = _fail(str(exc), 1)
    except PipeClosed:
        # The reader (head, less …) has gone: stop quietly, with nothing more on stdout.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    except KeyboardInterrupt:
        code = 130
    if argv is None:
        sys.exit(code)
    return code
