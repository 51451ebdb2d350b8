"""Help: what the explorer does, and every key that works where help was opened."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from baiqiang.tui.i18n import t
from baiqiang.tui.screens.dialog import Dialog
from baiqiang.tui.widgets.grid import Grid


class HelpScreen(Dialog[None]):
    """The help text and a table of keys; Escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close help", id="help.close"),
        Binding("j", "scroll_down", "Down", show=False, id="help.down"),
        Binding("k", "scroll_up", "Up", show=False, id="help.up"),
    ]

    def __init__(self, text: str, keys: list[tuple[str, str]], lang: str = "zh") -> None:
        super().__init__()
        self.text = text
        self.keys = keys
        self.lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog wide"):
            yield Markdown(self.text)
            keys = Grid(id="help-keys", cursor=False, zebra=False)
            keys.fill(
                [("key", t("help.key", self.lang)), ("action", t("help.action", self.lang))],
                [[key, description] for key, description in self.keys],
                max_width=80,
            )
            yield keys

    def action_scroll_down(self) -> None:
        """Scrolls down."""
        self.query_one("#help", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        """Scrolls up."""
        self.query_one("#help", VerticalScroll).scroll_up()

    def action_close(self) -> None:
        """Closes help."""
        self.answer(None)
