"""报告要点: the report's headline figures about the lists as groups, each with its sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static

from baiqiang.core.plain.tables import TABLES
from baiqiang.tui.i18n import t
from baiqiang.tui.render import amount_text
from baiqiang.tui.widgets.grid import Grid

if TYPE_CHECKING:
    from baiqiang.core.audit import Result


class HighlightsView(Vertical):
    """Group facts in a table; the highlighted row's quote and section below it."""

    language: reactive[str] = reactive("zh", init=False)
    audit: reactive[list[Result]] = reactive(list, init=False)
    """The report's inconsistencies (status, id, claim, where they differ), shown under the first row."""

    def __init__(self, facts: pl.DataFrame, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.facts = facts

    def compose(self) -> ComposeResult:
        yield Grid(id="highlights-table")
        yield Static(id="highlights-quote", classes="quote")

    def on_mount(self) -> None:
        self._fill()

    def watch_language(self) -> None:
        self._fill()

    def watch_audit(self) -> None:
        table = self.query_one(Grid)
        self._quote(table.cursor_row if table.row_count else 0)

    def _fill(self) -> None:
        lang = self.language
        rows = []
        for r in self.facts.iter_rows(named=True):
            group = t(f"tab.{r['group']}", lang) if r["group"] in TABLES else t(f"group.{r['group']}", lang)
            english = lang == "en"
            amount = amount_text(
                r["comparator"], r["figure"], r["value"], r["measure"], r["measure_en"] if english else None
            )
            if r.get("kind") in ("target", "prospect"):
                amount += f" [{t('kind.' + r['kind'], lang)}]"
            rows.append(
                [
                    group,
                    r["metric_en"] if english else r["metric"],
                    amount,
                    "" if r["year"] is None else str(r["year"]),
                ]
            )
        columns = [(k, t(f"col.{k}", lang)) for k in ("group", "metric", "figure", "year")]
        self.query_one(Grid).fill(columns, rows, max_width=80, uncut=["figure"])
        self._quote(0)

    def _quote(self, row: int) -> None:
        if not 0 <= row < self.facts.height:
            return
        r = self.facts.row(row, named=True)
        text = Text(r["metric_en"] if self.language == "en" else r["metric"], style="bold")  # whole
        text.append(f"\n“{r['quote']}”", style="italic")
        text.append(f"\n— {r['section']}", style="dim")
        note = r.get("note_zh" if self.language == "zh" else "note")
        if note:  # what the quote does not say: a doubtful reading, a figure that fits another year
            text.append(f"\n{t('highlights.note', self.language)}{note}", style="yellow")
        if row == 0 and self.audit:
            for issue in self.audit:
                news = issue.status == "CHANGED"  # not a slip of the report's: the data or code changed
                if self.language == "zh":
                    said = (
                        f"\n[{'数据或代码已改变' if news else '报告自相矛盾'}] {issue.id}："
                        f"报告为 {issue.report_part or issue.report}；数据为 {issue.data_part}"
                    )
                    why = issue.note_zh
                else:
                    said = f"\n[{issue.status}] {issue.id} — {issue.statement}: {issue.differs}"
                    why = issue.note
                text.append(said, style="bold red" if news else "yellow")
                if why:
                    text.append(f"（{why}）" if self.language == "zh" else f" ({why})", style="dim")
        self.query_one("#highlights-quote", Static).update(text)

    @on(Grid.RowHighlighted)
    def _highlighted(self, event: Grid.RowHighlighted) -> None:
        self._quote(event.cursor_row)
