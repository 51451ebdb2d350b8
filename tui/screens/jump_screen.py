"""A modal prompt for a rank to jump to."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label

from baiqiang.tui.screens.dialog import Dialog


class JumpScreen(Dialog[int | None]):
    """Returns the rank typed, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="jump.cancel")]

    def __init__(self, prompt: Callable[[str], str], lang: str) -> None:
        """`prompt`: the question in a language."""
        super().__init__()
        self.prompt, self.lang = prompt, lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.prompt(self.lang), classes="dialog-title")
            yield Input(placeholder="1–100", type="integer", id="jump-input")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.focus()

    def relabel(self) -> None:
        self.query_one(".dialog-title", Label).update(self.prompt(self.lang))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.answer(int(value) if value.isdigit() else None)

    def action_cancel(self) -> None:
        """Closes without jumping."""
        self.answer(None)
