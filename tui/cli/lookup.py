"""``baiqiang show``: everything about one unit or prefecture."""

from __future__ import annotations

from typing import Annotated

import typer

import baiqiang.tui.cli.options as o
from baiqiang.core.plain.errors import LookupFailed
from baiqiang.core.plain.suggest import did_you_mean
from baiqiang.tui import render


@o.only_filters("province", "prefecture")
def show(
    name: Annotated[str, typer.Argument(help="A county or district: 昆山, 昆山市, kunshan or ks.")],
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="table (default) or json.")] = None,
    *,
    given: o.Given,
) -> None:
    """Everything the report says about one unit: ranks, clusters and facts with their source."""
    if fmt is not None and fmt not in ("table", "json"):
        raise LookupFailed(
            f"unknown format {fmt!r} for show", did_you_mean(fmt, ["table", "json"]), ["table", "json"]
        )
    from baiqiang.core.index import ensure_index  # loaded when asked for
    from baiqiang.core.profile import lookup

    c = o.catalog()
    where = o.filters(c, given)  # the province and prefecture narrow the name down
    result = lookup(c, name, province=where.province, prefecture=where.prefecture)
    if fmt == "json":
        render.print_json(result.to_dict())
    else:
        render.print_profile(result.to_dict())
    # (damaged datasets are named by o.catalog(), which every command of the store calls)
    ensure_index(c)  # the next show of a unit can go the fast way (baiqiang.tui.cli.fast)
