"""The line under a table: row count, active filters, sort and the equivalent command."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from baiqiang.tui.i18n import t
from baiqiang.tui.state import ViewState, command_line


class StatusLine(Static):
    """Shows what a view shows, and how to get the same rows from the command line."""

    def show(self, state: ViewState, rows: int, lang: str) -> None:
        """Updates the line for a state and its row count."""
        parts = [t("status.rows", lang, n=rows)]
        filters = state.filters
        pairs = " · ".join(f"{k.replace('_', '-')}={v}" for k, v in filters.active())
        parts.append(pairs or t("status.nofilter", lang))
        order = state.order
        if order.column:
            parts.append(f"{t('status.sorted', lang)} {order.column}{' ↓' if order.descending else ' ↑'}")
        # Each line ends in … where the width cuts it (never silently); `$` copies the command whole.
        text = Text(" │ ".join(parts), style="bold", no_wrap=True, overflow="ellipsis")
        text.append("\n$ " + command_line(state), style="dim")
        self.update(text)
