"""``baiqiang data``: import your own yearbook tables, list, describe and remove them."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

import baiqiang.tui.cli.options as o
from baiqiang.core.export import check_target, format_of_path
from baiqiang.core.indicators import (
    ImportOptions,
    ImportResult,
    RowOutcome,
    columns_frame,
    describe,
    gap_lines,
    import_file,
    listing,
    remove,
    report_frame,
    summary_line,
)
from baiqiang.core.indicators.store import repair, scan
from baiqiang.core.matching import RowReport, Trust
from baiqiang.core.plain.errors import InvalidValue
from baiqiang.core.plain.text import clip, count
from baiqiang.tui import render
from baiqiang.tui.output import TEXT_ENDINGS, save
from baiqiang.tui.pipes import print_json, warn_damaged

if TYPE_CHECKING:
    import polars as pl


class Merge(StrEnum):
    """What becomes of the parts of a unit formed by a merger."""

    SUM = "sum"


app = typer.Typer(
    help="Your own numbers: import yearbook tables (CSV/TSV/XLSX/Parquet), matched to every county-level unit.",
    no_args_is_help=True,
)

SHOWN_PROBLEMS = 8
"""Rows that did not match, listed on stderr after an import (all of them go to --report)."""
SHOWN_GAPS = 8
"""Columns with values left out, listed on stderr after an import (``data info`` lists all)."""


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="A .csv, .tsv, .xlsx or .parquet file.")],
    name: Annotated[
        str | None, typer.Option("--as", help="The dataset's name (default: the file's name).")
    ] = None,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help="The sheet (its name, or its number from 1).")
    ] = None,
    header_rows: Annotated[
        int | None,
        typer.Option(
            "--header-rows", help="Rows the header takes (2: a merged group over sub-columns).", min=1, max=4
        ),
    ] = None,
    key: Annotated[str | None, typer.Option("--key", help="The column that names the units.")] = None,
    province: o.ProvinceOpt = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help="The year of the file: its codes and names are read as they were then (found from the "
            "codes where not given), and its values are for that year.",
        ),
    ] = None,
    merge: Annotated[
        Merge | None,
        typer.Option(
            "--merge",
            help="sum: add up the rows of the parts of a unit formed by a merger, where the file has "
            "every part (the columns must add up). By default a part is not stored.",
        ),
    ] = None,
    trust: Annotated[
        Trust | None,
        typer.Option(
            "--trust", help="Where a row's code and name are two units: which decides (by default, neither)."
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", help="The CSV/TSV's encoding (found by itself: UTF-8 or GBK/GB18030)."),
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write every row's outcome to this CSV.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace --report if it exists.")] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Store nothing (exit 1) if any row is ambiguous, unmatched, a conflict or a duplicate.",
        ),
    ] = False,
    replace: Annotated[bool, typer.Option("--replace", help="Replace a dataset of the same name.")] = False,
    list_: Annotated[
        str | None,
        typer.Option(
            "--list", help="Import another year's edition of a list (with --edition): ic, inc or id."
        ),
    ] = None,
    edition: Annotated[
        int | None, typer.Option("--edition", help="The edition's year (with --list).")
    ] = None,
) -> None:
    """Import a table of figures per county (rows matched to units by adcode or name), or with
    --list and --edition another year's edition of a list."""
    if list_ is not None or edition is not None:
        given = {"--as": name, "--key": key, "--province": province, "--year": year, "--merge": merge}
        given |= {"--trust": trust, "--strict": strict or None}
        unused = [flag for flag, value in given.items() if value is not None]
        if unused:  # said, not silently ignored
            raise InvalidValue(
                f"{', '.join(unused)} {'applies' if len(unused) == 1 else 'apply'} to a table of "
                "figures, not to an edition of a list (its year is --edition)",
                field="list",
            )
        _import_edition(file, list_, edition, sheet, header_rows, encoding, report, force, replace)
        return
    options = ImportOptions(
        sheet=sheet,
        header_rows=header_rows,
        key=key,
        province=province,
        year=year,
        encoding=encoding,
        merge=merge,
        trust=trust,
    )
    write_report = _reporter(report, force=force)

    def tell(found: ImportResult) -> None:  # before anything is stored: a report that fails stops it
        _tell(found)
        write_report(found.table)

    result = import_file(
        o.catalog(), file, name=name, options=options, strict=strict, replace=replace, before_store=tell
    )
    d = result.dataset
    named = [c.name + (f" ({c.unit})" if c.unit else "") for c in d.columns]
    more = f" … and {len(named) - 20:,} more ({len(named):,} in all)" if len(named) > 20 else ""
    render.note(f"stored as {d.name!r}: {', '.join(named[:20])}{more}")


def _tell(result: ImportResult) -> None:
    if result.read_as:
        render.note(result.read_as.replace("the year option", "--year"))
    render.note(summary_line(result))
    for said in result.notes:
        render.note(said)
    merged = result.dataset.summary.get(str(RowOutcome.MERGED), 0)
    if merged and result.dataset.options.get("merge") != "sum":
        render.note(
            f"{merged} row(s) are parts of units formed by mergers: --merge sum adds them up where the file has every part"
        )
    if result.ignored:
        shown = "; ".join(f"{clip(x.column, 40)} ({x.reason})" for x in result.ignored[:SHOWN_GAPS])
        more = len(result.ignored) - SHOWN_GAPS
        rest = f"; … and {more:,} more" if more > 0 else ""
        render.note(f"left out: {shown}{rest}")
    gaps = gap_lines(result.dataset, most=SHOWN_GAPS)
    for line in gaps:
        render.note(line)
    if len(gaps) > SHOWN_GAPS:
        render.note(f"  (baiqiang data info {result.dataset.name} lists every column's)")
    _problems(result.problems, listed_all=False)


_FIRST = (RowOutcome.CONFLICT, RowOutcome.AMBIGUOUS, RowOutcome.UNMATCHED, RowOutcome.DUPLICATE)
"""The rows listed first: those a strict import refuses (then the explained ones: merged, split)."""


def _problems(problems: list[RowReport], *, listed_all: bool) -> None:
    problems = sorted(problems, key=lambda r: (r.outcome not in _FIRST, r.line))
    for r in problems[:SHOWN_PROBLEMS]:
        where = f"line {r.line} {clip(r.text, 40)}: " if r.line else ""
        render.note(f"  {where}{r.outcome}{' — ' + clip(r.note, 160) if r.note else ''}")
    if len(problems) > SHOWN_PROBLEMS:
        more = len(problems) - SHOWN_PROBLEMS
        render.note(f"  … and {more} more{'' if listed_all else ' (--report FILE.csv lists every row)'}")


def _reporter(report: Path | None, *, force: bool) -> Callable[[list[RowReport] | pl.DataFrame], None]:
    """What writes the per-row report (in the format its ending names), checked before the file
    is read: an existing file without --force, a missing folder or an unknown ending stops the
    import before anything is stored."""
    if report is None:
        return lambda _: None
    format_of_path(report, extra=TEXT_ENDINGS)  # .csv, .xlsx, .json …: the format written
    check_target(report, force=force)

    def write(reports: list[RowReport] | pl.DataFrame) -> None:
        save(report_frame(reports), report, force=force, title="import report")
        render.note(f"wrote the outcome of {count(len(reports), 'row')} to {report}")

    return write


def _import_edition(
    file: Path,
    table: str | None,
    year: int | None,
    sheet: str | None,
    header_rows: int | None,
    encoding: str | None,
    report: Path | None,
    force: bool,
    replace: bool,
) -> None:
    from baiqiang.core.editions import EditionImport, import_edition

    if table is None or year is None:
        raise InvalidValue("--list and --edition go together: --list industrial-counties --edition 2021")

    write_report = _reporter(report, force=force)

    def tell(found: EditionImport) -> None:  # before anything is stored: a report that fails stops it
        _problems(found.problems, listed_all=report is not None)
        write_report(found.reports)

    result = import_edition(
        o.catalog(), file, table=table, year=year, sheet=sheet, header_rows=header_rows, encoding=encoding,
        replace=replace, before_store=tell,
    )  # fmt: skip
    e = result.edition
    formers = sum(1 for r in result.reports if r.outcome == RowOutcome.RENAMED)
    render.note(
        f"stored edition {e.year} of {e.table}: {e.rows} units ranked 1…{e.rows}"
        + (f" ({formers} renamed or recoded since)" if formers else "")
    )


@app.command("list")
def list_(fmt: o.FormatOpt = None, output: o.OutputOpt = None, force: o.ForceOpt = False) -> None:
    """The datasets you have imported."""
    f = o.output_format(fmt, output)
    df = listing()
    warn_damaged([d.name for d in scan()[1]])
    if df.height == 0 and f == "table" and output is None:
        render.note("no datasets yet: baiqiang data import FILE")
        return
    o.write(df, f, output, force=force, bom=False, title="datasets")


@app.command("check")
def check_(
    repair_: Annotated[
        bool, typer.Option("--repair", help="Rebuild what can be rebuilt of a damaged dataset.")
    ] = False,
) -> None:
    """Check every dataset of your store can be read whole (exit 1 while one cannot)."""
    good, bad = scan()
    for d in good:
        render.note(f"{d.name}: ok ({count(d.rows, 'row')}, {count(len(d.columns), 'column')})")
    left = 0
    for b in bad:
        if repair_ and b.repairable and repair(b.name):
            render.note(f"{b.name}: repaired ({b.problem}: rebuilt from its values)")
            continue
        left += 1
        todo = (
            "baiqiang data check --repair"
            if b.repairable
            else f"baiqiang data remove {b.name}, then import its file again"
        )
        render.note(f"{b.name}: damaged — {b.problem}; {todo}")
    if not good and not bad:
        render.note("no datasets yet: baiqiang data import FILE")
    if left:
        raise typer.Exit(1)


@app.command("info")
def info(
    name: Annotated[str, typer.Argument(help="A dataset's name.")],
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    force: o.ForceOpt = False,
) -> None:
    """A dataset's columns, units and values, where it came from and how its rows matched."""
    d = describe(name)
    f = o.output_format(fmt, output)
    if f == "json" and output is None:
        print_json(d.to_dict())
        return
    o.write(columns_frame(d), f, output, force=force, bom=False, title=d.name)
    years = f"; years {d.years[0]}–{d.years[-1]}" if d.years else ""
    render.note(
        f"{d.name}: from {d.source} (sha256 {d.sha256[:12]}…{', sheet ' + d.sheet if d.sheet else ''}), "
        + (f"built in ({d.licence}); " if d.built_in else f"imported {d.imported_at}; ")
        + f"{count(d.rows, 'row')} for {count(d.units, 'unit')}{years}"
    )
    if d.about:
        render.note(f"about: {d.about}")
    matched = ", ".join(f"{n} {o}" for o in RowOutcome if (n := d.summary.get(str(o))))
    render.note(f"rows: {matched}")


@app.command("remove")
def remove_(name: Annotated[str, typer.Argument(help="A dataset's name.")]) -> None:
    """Remove a dataset from your store."""
    remove(name)
    render.note(f"removed {name!r}")
