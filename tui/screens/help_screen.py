"""Help: what the explorer does, and every key that works where help was opened."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from baiqiang.tui.i18n import t
from baiqiang.tui.screens.dialog import Dialog
from baiqiang.tui.widgets.grid import Grid
from baiqiang.tui.widgets.help_text import HelpText


class HelpScreen(Dialog[None]):
    """The help text and a table of keys; Escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close help", id="help.close"),
        Binding("j", "scroll_down", "Down", show=False, id="help.down"),
        Binding("k", "scroll_up", "Up", show=False, id="help.up"),
    ]

    def __init__(self, content: Callable[[str], tuple[str, list[tuple[str, str]]]], lang: str = "zh") -> None:
        """`content`: the help text and the keys (key, what it does) in a language."""
        super().__init__()
        self.content = content
        self.lang = lang

    def compose(self) -> ComposeResult:
        text, shown = self.content(self.lang)
        with VerticalScroll(id="help", classes="dialog wide"):
            # One widget, its lines broken as Chinese is set (Textual's Markdown mounts a widget
            # per block, took 0.5 s to open, and breaks lines only at spaces)
            yield HelpText(text, id="help-text")
            keys = Grid(id="help-keys", cursor=False, zebra=False)
            keys.fill(
                [("key", t("help.key", self.lang)), ("action", t("help.action", self.lang))],
                [[key, description] for key, description in shown],
                max_width=80,
            )
            yield keys

    @property
    def keys(self) -> list[tuple[str, str]]:
        """The keys shown (key, what it does), in the help's language."""
        return self.content(self.lang)[1]

    def relabel(self) -> None:
        self.call_later(self.recompose)  # nothing typed here to keep

    def action_scroll_down(self) -> None:
        """Scrolls down."""
        self.query_one("#help", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        """Scrolls up."""
        self.query_one("#help", VerticalScroll).scroll_up()

    def action_close(self) -> None:
        """Closes help."""
        self.answer(None)
