"""A view's state (table, filters, order) and the ``baiqiang list`` command that reproduces it.

Plain Python, no Textual: the explorer's views hold one of these, and the status line shows
:func:`command_line` so that any view can be reproduced in a script.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from baiqiang.core.filters import FILTERS, Filters
from baiqiang.core.plain.text import shell_word
from baiqiang.core.service import Order


@dataclass(frozen=True)
class ViewState:
    """What a table view shows.

    Attributes:
        table: The table id.
        filters: The filters in force.
        order: The order (by a column, or the report's).
        extra: The user's imported columns shown after the table's own, in order.
        edition: The edition of a list shown (None: the report's own).
    """

    table: str
    filters: Filters = field(default_factory=Filters)
    order: Order = field(default_factory=Order)
    extra: tuple[str, ...] = ()
    edition: int | None = None

    def filtered(self, **changes: object) -> ViewState:
        """A copy with some filters changed."""
        return replace(self, filters=self.filters.with_(**changes))

    def ordered(self, order: Order) -> ViewState:
        """A copy in another order."""
        return replace(self, order=order)

    def toggled(self, column: str | None) -> ViewState:
        """A copy with an imported column shown (or hidden again); None hides them all."""
        if column is None:
            return replace(self, extra=())
        if column in self.extra:
            return replace(self, extra=tuple(c for c in self.extra if c != column))
        return replace(self, extra=(*self.extra, column))

    def cleared(self) -> ViewState:
        """The same table and order with no filters."""
        return replace(self, filters=Filters())


def command_line(
    state: ViewState, *, extra: list[str] | None = None, columns: list[str] | None = None
) -> str:
    """The ``baiqiang list`` command that prints the same rows in the same order (with
    ``--columns`` where the view shows imported columns: `columns` are the view's own)."""
    args = ["baiqiang", "list", state.table]
    for name, value in state.filters.active():
        args += [FILTERS[name].flag, value]
    if state.order.column:
        args += ["--sort", state.order.column]
    if state.order.descending:
        args.append("--desc")
    if state.extra and columns:
        args += ["--columns", ",".join([*columns, *state.extra])]
    if state.edition is not None:
        args += ["--edition", str(state.edition)]
    args += extra or []
    return " ".join(shell_word(a) for a in args)
