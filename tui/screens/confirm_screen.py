"""A yes/no question (replace an existing file?)."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from baiqiang.tui.screens.dialog import Dialog


class ConfirmScreen(Dialog[bool]):
    """Returns True only if the user confirms; Escape and "no" return False."""

    BINDINGS = [
        Binding("escape", "answer(False)", "Cancel", id="confirm.no"),
        Binding("n", "answer(False)", "No", show=False, id="confirm.n"),
        Binding("y", "answer(True)", "Yes", show=False, id="confirm.y"),
    ]

    def __init__(self, words: Callable[[str], tuple[str, str, str]], lang: str) -> None:
        """`words`: the question, "yes" and "no" in a language."""
        super().__init__()
        self.words, self.lang = words, lang

    def compose(self) -> ComposeResult:
        question, yes, no = self.words(self.lang)
        with Vertical(classes="dialog"):
            yield Label(question, classes="dialog-title")
            with Horizontal(classes="buttons"):
                yield Button(f"{no} (n)", id="no", variant="primary")
                yield Button(f"{yes} (y)", id="yes", variant="error")

    def relabel(self) -> None:
        question, yes, no = self.words(self.lang)
        self.query_one(".dialog-title", Label).update(question)
        self.query_one("#no", Button).label = f"{no} (n)"
        self.query_one("#yes", Button).label = f"{yes} (y)"

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.answer(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        """Answers the question."""
        self.answer(yes)
