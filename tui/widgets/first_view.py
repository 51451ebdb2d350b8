"""The first view drawn from its snapshot while the core loads (see :mod:`baiqiang.tui.snapshot`)."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive

from baiqiang.tui.snapshot import Snapshot
from baiqiang.tui.widgets.grid import Grid
from baiqiang.tui.widgets.status_line import StatusLine


class FirstView(Vertical):
    """表1 as text until the live view takes its place. It answers the keys it can (the cursor,
    the language); from the first key it cannot answer (``/``, a quick filter, another view),
    every key is held, in order, and sent to the live view once it is there
    (:class:`KeysHeld`): none is lost, and each does what it would have done in the live view."""

    ANSWERED = frozenset(
        {"j", "k", "up", "down", "g", "G", "home", "end", "pageup", "pagedown", "L", "ctrl+c"}
    )
    """The keys the first frame answers itself (the cursor's, the language's, quitting)."""

    language: reactive[str] = reactive("zh", init=False)

    class KeysHeld(Message):
        """A key typed before the live view was there (its name and character)."""

        def __init__(self, key: str, character: str | None) -> None:
            super().__init__()
            self.key = key
            self.character = character

    def __init__(self, snapshot: Snapshot, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.snapshot = snapshot
        self.holding = False

    def on_key(self, event: events.Key) -> None:
        if not self.holding and event.key in self.ANSWERED:
            return  # the cursor moves here (the live view starts on its row), L switches
        self.holding = True  # from now on every key waits, so that they keep their order
        event.stop()
        event.prevent_default()  # no binding answers it here: the live view will
        self.post_message(self.KeysHeld(event.key, event.character))

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
        self.query_one(Grid).fill(page.columns, page.rows, right=page.right, whole=["name"])
        self.query_one(StatusLine).show_text(page.summary, page.command)

    @property
    def cursor_row(self) -> int:
        """The row the cursor is on."""
        return self.query_one(Grid).cursor_row
