"""``baiqiang audit``: the report's prose checked against its own tables."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import polars as pl
import typer

import baiqiang.tui.cli.options as o
from baiqiang.tui import render


def audit(
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    force: o.ForceOpt = False,
    bom: o.BomOpt = False,
    only_issues: Annotated[
        bool, typer.Option("--issues", help="Show only the claims that do not hold.")
    ] = False,
) -> None:
    """Recompute every count the report's prose states about its tables; exit 1 if the data is off."""
    from baiqiang.core.audit import Kind, Status, audit_passes, run_audit, tally  # loaded when asked for

    c = o.catalog()
    f = o.output_format(fmt, output)
    results = run_audit(c)
    df = pl.DataFrame([{**asdict(r), "kind": str(r.kind), "status": str(r.status)} for r in results])
    if only_issues:
        df = df.filter(~pl.col("status").is_in([Status.HOLDS.value, Status.OK.value]))
    if f == "table" and output is None:
        render.print_audit(df)
    else:
        o.write(df, f, output, force=force, bom=bom, title="audit")
    count = tally(results)
    (claims, held), (parsed, consistent), (checks, ok) = (
        count[Kind.CLAIM],
        count[Kind.PARSE],
        count[Kind.INTEGRITY],
    )
    changed = [r for r in results if r.status == Status.CHANGED]

    def slipped(kind: Kind) -> int:  # the report's known inconsistencies of a kind
        return sum(r.kind == kind and r.status == Status.INCONSISTENT for r in results)

    render.note(
        f"{claims} claims: {held} hold, {slipped(Kind.CLAIM)} are the report's own (known) inconsistencies; "
        f"{parsed} parse checks (the tables cannot change them): {consistent} consistent, "
        f"{slipped(Kind.PARSE)} passages that contradict themselves; "
        f"{checks} integrity checks: {ok} ok, {checks - ok} failed"
    )
    if changed:
        render.note(
            f"{len(changed)} differ where the report is not known to, or a known slip is gone: the data or the "
            f"code changed ({', '.join(r.id for r in changed[:8])}{' …' if len(changed) > 8 else ''})"
        )
    yoy, yoy_held = count[Kind.YEAR_ON_YEAR]
    waiting = sum(r.status in (Status.NEEDS_EDITION, Status.NEEDS_MORE) for r in results)
    render.note(
        f"{yoy} year-on-year statements: {yoy_held} hold, {waiting} cannot be checked yet "
        f"(edition 2021 not imported, or more than a list needed), "
        f"{yoy - yoy_held - waiting} are the report's own inconsistencies"
    )
    if not audit_passes(results):
        raise typer.Exit(1)
