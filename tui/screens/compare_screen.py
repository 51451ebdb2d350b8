"""Units side by side (``baiqiang compare``): a row per indicator, a column per unit, and a bar
chart of one indicator at a time (← → change it); ``e`` exports what is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from baiqiang.core.compare import FIXED_COLUMNS
from baiqiang.core.plain.names import term
from baiqiang.core.plain.text import visible
from baiqiang.tui.charts import bar_chart
from baiqiang.tui.decimals import aligned
from baiqiang.tui.i18n import t, unit_word
from baiqiang.tui.messages import ExportRequested
from baiqiang.tui.screens.back import BackScreen
from baiqiang.tui.widgets.grid import Grid
from baiqiang.tui.widgets.key_bar import KeyBar
from baiqiang.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from baiqiang.core.compare import Comparison


def compare_command(comparison: Comparison) -> str:
    """The command that prints the same comparison (by adcode: never ambiguous)."""
    return "baiqiang compare " + " ".join(u.adcode for u in comparison.units)


class CompareScreen(BackScreen):
    """Units side by side; Escape goes back."""

    BINDINGS = [
        Binding("left", "indicator(-1)", "Previous indicator", priority=True, id="compare.previous"),
        Binding("right", "indicator(1)", "Next indicator", priority=True, id="compare.next"),
        Binding("e", "export", "Export", id="compare.export"),
    ]

    def __init__(self, comparison: Comparison, lang: str) -> None:
        super().__init__()
        self.comparison = comparison
        self.lang = lang
        self.numeric = comparison.numeric_rows()
        keys = [r.key for r in self.numeric]
        self.at = keys.index("population") if "population" in keys else 0
        """The indicator the chart shows (an index into :attr:`numeric`)."""

    def compose(self) -> ComposeResult:
        names = ("、" if self.lang == "zh" else ", ").join(u.name for u in self.comparison.units)
        yield Static(
            t("compare.title", self.lang, n=len(self.comparison.units), names=names), classes="section-title"
        )
        yield Grid(id="compare-table")
        yield Static(id="compare-chart")
        yield StatusLine(classes="status-line")
        bar = KeyBar()
        bar.language = self.lang
        yield bar

    def on_mount(self) -> None:
        self.refill()

    def on_resize(self) -> None:
        self._draw_chart()

    def refill(self) -> None:
        found = self.query(Grid)
        if not found:
            return
        table = found.first()
        frame = self.comparison.frame(english=self.lang == "en")
        label = "label" if self.lang == "zh" else "label_en"
        units = list(self.comparison.columns)
        cols = [(label, t("col.indicator", self.lang)), ("measure", t("col.measure", self.lang))]
        cols += [(u, u) for u in frame.columns[len(FIXED_COLUMNS) :]]
        shown = [c for c, _ in cols]
        cells = [  # a region or county type in English mode as the lists show it (East)
            ["" if v is None else term(key, str(v), self.lang) for v in row]
            for key, *row in frame.select("key", *shown).iter_rows()
        ]
        at = [i for i, c in enumerate(shown) if c in units]
        for row in cells:  # a measure in the interface's language (人 is people)
            row[1] = unit_word(row[1], self.lang)
            for i, text in zip(at, aligned([row[i] for i in at]), strict=True):  # 9.20 beside 9.74
                row[i] = text or ""
        numbers = [c for c in shown if c in units or "−" in c or "÷" in c]
        # a column per unit, narrow enough for several side by side (long text ends in …)
        table.fill(cols, cells, right=numbers, whole=[label], max_width=16)
        table.focus()
        summary = t("compare.status", self.lang, n=len(self.numeric))
        self.query_one(StatusLine).show_text(summary, compare_command(self.comparison))
        self.call_after_refresh(self._draw_chart)  # once the screen has its width

    def _draw_chart(self) -> None:
        found = self.query("#compare-chart")
        if not found:
            return
        chart = found.first(Static)
        if not self.numeric:
            chart.update(t("compare.nochart", self.lang))
            return
        from baiqiang.core.compare import plain  # (loaded with the comparison)

        row = self.numeric[self.at % len(self.numeric)]
        pairs = [
            (u, v) for u, v in zip(self.comparison.columns, row.values, strict=True) if isinstance(v, float)
        ]
        name = visible(row.label if self.lang == "zh" else row.label_en)  # a file's header, maybe
        measure = visible(unit_word(row.measure, self.lang))
        unit = (f"（{measure}）" if self.lang == "zh" else f" ({measure})") if measure else ""
        title = name + unit
        if not self.size.width:
            return  # not laid out yet: on_resize draws it
        width = max(self.size.width - 2, 30)
        labels = [f"{u} {plain(v)}" for u, v in pairs]
        text = bar_chart(labels, [v for _, v in pairs], width=width, title=title)
        chart.update(Text(text, no_wrap=True, overflow="crop"))  # as text: never read as markup

    def action_indicator(self, step: int) -> None:
        """Shows the previous or next indicator in the chart."""
        if self.numeric:
            self.at = (self.at + step) % len(self.numeric)
            self._draw_chart()

    def action_export(self) -> None:
        """Exports the comparison as shown (every row, a column per unit)."""
        names = "-".join(u.adcode for u in self.comparison.units)
        self.post_message(ExportRequested(self.comparison.frame(), f"compare-{names}.csv"))
