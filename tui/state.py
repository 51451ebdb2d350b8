"""A view's state (table, filters, sort) and the ``baiqiang list`` command that reproduces it.

Plain Python, no Textual: the explorer's views hold one of these, and the status line shows
:func:`command_line` so that any view can be reproduced in a script.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, replace

import polars as pl

from core.query import filter_units, sort_rows


@dataclass(frozen=True)
class ViewState:
    """What a table view shows.

    Attributes:
        table: The table id.
        province: Short province name (江苏) or None.
        region: 东部/中部/西部/东北 or None.
        prefecture: A prefecture as printed, or None.
        tier: 1–4 or None.
        county_type: 县级市, 县, 旗 … or None.
        search: The ``/`` filter text ('' for none).
        sort: The column sorted by, or None for the table's own order.
        descending: Whether the sort is descending.
    """

    table: str
    province: str | None = None
    region: str | None = None
    prefecture: str | None = None
    tier: int | None = None
    county_type: str | None = None
    search: str = ""
    sort: str | None = None
    descending: bool = False

    def with_(self, **changes: object) -> ViewState:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def cleared(self) -> ViewState:
        """The same table and sort with no filters."""
        return ViewState(self.table, sort=self.sort, descending=self.descending)

    @property
    def filters(self) -> list[tuple[str, str]]:
        """The active filters as (name, value) pairs, for display."""
        pairs = [
            ("province", self.province),
            ("region", self.region),
            ("prefecture", self.prefecture),
            ("tier", None if self.tier is None else str(self.tier)),
            ("county-type", self.county_type),
            ("search", self.search.strip() or None),
        ]
        return [(k, v) for k, v in pairs if v]


def apply(lf: pl.LazyFrame, state: ViewState) -> pl.LazyFrame:
    """The rows a state selects, in its order."""
    out = filter_units(
        lf,
        province=state.province,
        region=state.region,
        prefecture=state.prefecture,
        tier=state.tier,
        county_type=state.county_type,
        search=state.search or None,
    )
    if state.sort:
        out = sort_rows(out, by=state.sort, descending=state.descending)
    return out


def command_line(state: ViewState, *, extra: list[str] | None = None) -> str:
    """The ``baiqiang list`` command that prints the same rows in the same order."""
    args = ["baiqiang", "list", state.table]
    for name, value in state.filters:
        args += [f"--{name}", value]
    if state.sort:
        args += ["--sort", state.sort]
        if state.descending:
            args.append("--desc")
    args += extra or []
    return " ".join(_quote(a) for a in args)


def _quote(arg: str) -> str:
    """Shell-quotes an argument, leaving Chinese and other plain words as they are."""
    if arg and all(ch.isalnum() or ch in "-_./:,+=@%" for ch in arg):
        return arg
    return shlex.quote(arg)
