"""The first view drawn from its snapshot while the core loads (see :mod:`baiqiang.tui.snapshot`)."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input

from baiqiang.core.plain.search import matches
from baiqiang.core.plain.text import shell_word
from baiqiang.tui.i18n import t
from baiqiang.tui.snapshot import Snapshot
from baiqiang.tui.widgets.filter_bar import FilterBar
from baiqiang.tui.widgets.grid import Grid
from baiqiang.tui.widgets.status_line import StatusLine


def _grid_action(key: str) -> str | None:
    """The action of the table's own binding for a key (j: cursor_down), or None."""
    for binding in Grid.BINDINGS:
        if isinstance(binding, Binding) and key in binding.key.split(","):
            return binding.action
    return None


class FirstView(Vertical):
    """表1 as text until the live view takes its place. It answers the keys it can (the cursor,
    the language, and the search: ``/`` and what is typed into it filter its rows by the same
    rule as the live view's, :func:`~baiqiang.core.plain.search.matches`); from the first key it
    cannot answer (a quick filter, another view), every key is held, in order, and sent to the
    live view once it is there (:class:`KeysHeld`): none is lost, and each does what it would
    have done in the live view, which also takes over the search typed here."""

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
        self.search = ""
        """What is typed into the search (the live view takes it over)."""
        self._fields = snapshot.search_fields()

    class LanguageAsked(Message):
        """L, typed at the first view: the app switches the language."""

    def on_key(self, event: events.Key) -> None:
        if not self.holding and event.key in self.ANSWERED and not self.searching:
            # answered here, as / is: left to the bindings, a key came back to them only after a
            # / typed just after it had moved the focus to the search, and was typed into it
            # (L/jiangyin in one burst searched "Ljiangyin", j/jiangyin "jjiangyin")
            grid = self.query_one(Grid)
            action = _grid_action(event.key)
            if event.key == "L":
                self.post_message(self.LanguageAsked())
            elif action is not None:  # the cursor moves here (the live view starts on its row)
                self.call_later(grid.run_action, action)
            else:
                return  # ctrl+c: the app's, at once
            event.stop()
            event.prevent_default()
            return
        if not self.holding and event.key == "slash" and self._fields:
            event.stop()
            event.prevent_default()
            self._open_search()
            return
        if self.searching and not self.holding:
            return  # the search bar's own keys (left, right, home …): it answers them
        self.holding = True  # from now on every key waits, so that they keep their order
        event.stop()
        event.prevent_default()  # no binding answers it here: the live view will
        # to the app at once: up through the views it could arrive after a KeysPassed sent later
        self.app.post_message(self.KeysHeld(event.key, event.character))

    @property
    def searching(self) -> bool:
        """Whether the search bar has the focus (from the moment it is given it: keys sent before
        it had it come back here on their way to it)."""
        return self.screen.focused is self.query_one(FilterBar)

    def compose(self) -> ComposeResult:
        bar = FilterBar(placeholder=t("filter.placeholder", self.language), classes="filter-bar")
        bar.display = False
        yield bar
        yield Grid(id="first-view-table")
        yield StatusLine(classes="status-line")

    def on_mount(self) -> None:
        self._draw()
        self.query_one(Grid).focus()

    def watch_language(self) -> None:
        self.query_one(FilterBar).placeholder = t("filter.placeholder", self.language)
        self._draw()

    def _open_search(self) -> None:
        bar = self.query_one(FilterBar)
        bar.display = True
        self.screen.set_focus(bar)  # at once: the keys typed after / are on their way

    @on(Input.Changed, "FilterBar")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.search = event.value
        self._draw()

    @on(FilterBar.Closed)
    def _search_closed(self, event: FilterBar.Closed) -> None:
        event.stop()
        bar = self.query_one(FilterBar)
        if not bar.value:
            bar.display = False
        self.query_one(Grid).focus()

    def _draw(self) -> None:
        page = self.snapshot.pages[self.language]
        if not self.search:
            rows, summary, command = page.rows, page.summary, page.command
        else:  # the live view's search, its status line and command, before the core loads
            rows = [r for r, f in zip(page.rows, self._fields, strict=True) if matches(f, self.search)]
            summary = StatusLine.summary(len(rows), [(page.search_label, self.search)], self.language)
            command = f"{page.command} {self.snapshot.search_flag} {shell_word(self.search)}"
        self.query_one(Grid).fill(page.columns, rows, right=page.right, whole=["name"])
        self.query_one(StatusLine).show_text(summary, command)

    @property
    def cursor_row(self) -> int:
        """The row the cursor is on."""
        return self.query_one(Grid).cursor_row
