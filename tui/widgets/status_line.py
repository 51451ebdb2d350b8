"""The line under a table: row count, active filters, sort and the equivalent command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from baiqiang.tui.i18n import t

if TYPE_CHECKING:
    from baiqiang.tui.state import ViewState


class StatusLine(Static):
    """Shows what a view shows, and how to get the same rows from the command line."""

    def show(
        self, state: ViewState, rows: int, lang: str, *, columns: list[str] | None = None, marked: int = 0
    ) -> None:
        """Updates the line for a state and its row count (`columns`: the view's own, for the
        command's ``--columns`` where imported ones are shown; `marked`: how many units are
        marked for a comparison)."""
        summary, command = self.texts(state, rows, lang, columns=columns)
        if marked:
            summary = f"{t('status.marked', lang, n=marked)} │ {summary}"
        self.show_text(summary, command)

    @staticmethod
    def texts(state: ViewState, rows: int, lang: str, *, columns: list[str] | None = None) -> tuple[str, str]:
        """The summary (rows, filters, sort) and the equivalent command for a state."""
        from baiqiang.tui.state import command_line

        parts = [t("status.rows", lang, n=rows)]
        filters = state.filters
        from baiqiang.core.filters import FILTERS

        def name(k: str) -> str:  # 省份=浙江 in Chinese; province=浙江 as the command says it
            return FILTERS[k].label if lang == "zh" and k in FILTERS else k.replace("_", "-")

        pairs = " · ".join(f"{name(k)}={v}" for k, v in filters.active())
        parts.append(pairs or t("status.nofilter", lang))
        if state.edition is not None:
            parts.append(t("edition.shown", lang, year=state.edition))
        order = state.order
        if order.column:
            shown = t(f"col.{order.column}", lang, default=order.column)
            parts.append(f"{t('status.sorted', lang)} {shown}{' ↓' if order.descending else ' ↑'}")
        return " │ ".join(parts), command_line(state, columns=columns)

    def show_text(self, summary: str, command: str) -> None:
        """Shows a summary line and, under it, the command that gives the same rows."""
        # Each line ends in … where the width cuts it (never silently); `$` copies the command whole.
        text = Text(summary, style="bold", no_wrap=True, overflow="ellipsis")
        text.append("\n$ " + command, style="dim")
        self.update(text, layout=False)  # a fixed height: only the line is drawn again
