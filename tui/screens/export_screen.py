"""A modal prompt for the file to export the current view to."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label

from baiqiang.tui.screens.dialog import Dialog


class ExportScreen(Dialog[str | None]):
    """Returns the path typed, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, prompt: Callable[[str], str], suggested: str, lang: str) -> None:
        """`prompt`: the question in a language."""
        super().__init__()
        self.prompt, self.lang = prompt, lang
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.prompt(self.lang), classes="dialog-title")
            yield Input(value=self.suggested, id="export-path")

    def relabel(self) -> None:
        self.query_one(".dialog-title", Label).update(self.prompt(self.lang))

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.answer(event.value.strip() or None)

    def action_cancel(self) -> None:
        """Closes without exporting."""
        self.answer(None)
