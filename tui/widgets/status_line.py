"""The line under a table: row count, active filters, sort and the equivalent command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from baiqiang.core.plain.names import term
from baiqiang.tui.i18n import t

if TYPE_CHECKING:
    from baiqiang.tui.state import ViewState


class StatusLine(Static):
    """Shows what a view shows, and how to get the same rows from the command line."""

    def show(
        self,
        state: ViewState,
        rows: int,
        lang: str,
        *,
        columns: list[str] | None = None,
        marked: int = 0,
        labels: dict[str, str] | None = None,
    ) -> None:
        """Updates the line for a state and its row count (`columns`: the view's own, for the
        command's ``--columns`` where imported ones are shown; `marked`: how many units are
        marked for a comparison; `labels`: the imported columns' names, where the view has
        read them already)."""
        summary, command = self.texts(state, rows, lang, columns=columns, labels=labels)
        if marked:
            summary = f"{t('status.marked', lang, n=marked)} │ {summary}"
        self.show_text(summary, command)

    @staticmethod
    def texts(
        state: ViewState,
        rows: int,
        lang: str,
        *,
        columns: list[str] | None = None,
        labels: dict[str, str] | None = None,
    ) -> tuple[str, str]:
        """The summary (rows, filters, sort) and the equivalent command for a state."""
        from baiqiang.core.filters import FILTERS
        from baiqiang.tui.state import command_line

        def name(k: str) -> str:  # 省份=浙江 in Chinese; province=浙江 as the command says it
            return FILTERS[k].label if lang == "zh" and k in FILTERS else k.replace("_", "-")

        order = state.order
        sorted_by = None
        if order.column:
            from baiqiang.tui.column_titles import column_title

            shown = column_title(order.column, lang, labels)
            sorted_by = f"{shown}{' ↓' if order.descending else ' ↑'}"
        pairs = [(name(k), term(k, v, lang)) for k, v in state.filters.active()]  # region=East
        summary = StatusLine.summary(rows, pairs, lang, edition=state.edition, sorted_by=sorted_by)
        return summary, command_line(state, columns=columns)

    @staticmethod
    def summary(
        rows: int,
        pairs: list[tuple[str, str]],
        lang: str,
        *,
        edition: int | None = None,
        sorted_by: str | None = None,
    ) -> str:
        """The summary line: the row count, the filters (named as `pairs` name them), the edition
        and the sort (plain: the first view, drawn before the core loads, says it too)."""
        parts = [t("status.row" if rows == 1 else "status.rows", lang, n=rows)]
        parts.append(" · ".join(f"{k}={v}" for k, v in pairs) or t("status.nofilter", lang))
        if edition is not None:
            parts.append(t("edition.shown", lang, year=edition))
        if sorted_by:
            parts.append(f"{t('status.sorted', lang)} {sorted_by}")
        return " │ ".join(parts)

    def show_text(self, summary: str, command: str) -> None:
        """Shows a summary line and, under it, the command that gives the same rows."""
        # Each line ends in … where the width cuts it (never silently); `$` copies the command whole.
        text = Text(summary, style="bold", no_wrap=True, overflow="ellipsis")
        text.append("\n$ " + command, style="dim")
        self.update(text, layout=False)  # a fixed height: only the line is drawn again
