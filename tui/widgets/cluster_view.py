"""Both cluster tables: 表4 national clusters above, 表5 千亿级 clusters below."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive

from baiqiang.tui.widgets.table_view import TableView


class ClusterView(Vertical):
    """Two table views; Enter on a cluster shows its counties."""

    language: reactive[str] = reactive("zh", init=False)

    def __init__(self, national: TableView, billion: TableView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.national = national
        self.billion = billion

    def compose(self) -> ComposeResult:
        yield self.national
        yield self.billion

    def watch_language(self) -> None:
        self.national.language = self.language
        self.billion.language = self.language
