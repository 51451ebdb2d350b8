"""The first view drawn from its snapshot while the core loads (see :mod:`baiqiang.tui.snapshot`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive

from baiqiang.tui.snapshot import Snapshot
from baiqiang.tui.widgets.grid import Grid
from baiqiang.tui.widgets.status_line import StatusLine


class FirstView(Vertical):
    """表1 as text: the cursor moves; the app replaces this with the live view once it is loaded."""

    language: reactive[str] = reactive("zh", init=False)

    def __init__(self, snapshot: Snapshot, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.snapshot = snapshot

    def compose(self) -> ComposeResult:
        yield Grid(id="first-view-table")
        yield StatusLine(classes="status-line")

    def on_mount(self) -> None:
        self._draw()
        self.query_one(Grid).focus()

    def watch_language(self) -> None:
        self._draw()

    def _draw(self) -> None:
        page = self.snapshot.pages[self.language]
        self.query_one(Grid).fill(page.columns, page.rows, right=page.right)
        self.query_one(StatusLine).show_text(page.summary, page.command)

    @property
    def cursor_row(self) -> int:
        """The row the cursor is on."""
        return self.query_one(Grid).cursor_row
