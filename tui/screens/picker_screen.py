"""A modal list to pick one value of a quick filter."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from baiqiang.core.plain.text import visible
from baiqiang.tui.i18n import t
from baiqiang.tui.screens.dialog import Dialog


class PickerScreen(Dialog[Any]):
    """Returns the chosen value, None for "any", or PickerScreen.CANCELLED."""

    CANCELLED = object()
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("j", "cursor_down", "Down", show=False, id="picker.down"),
        Binding("k", "cursor_up", "Up", show=False, id="picker.up"),
    ]

    def __init__(
        self,
        title: str,
        options: list[tuple[str, Any]],
        current: Any,
        lang: str,
        *,
        any_label: str | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.values: list[Any] = [None] + [v for _, v in options]
        self.labels = [any_label or t("pick.any", lang)] + [label for label, _ in options]
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            # plain text: a label may be a file's header, never read as markup or run
            yield OptionList(*(Option(Content(visible(label))) for label in self.labels), id="picker-options")

    def on_mount(self) -> None:
        found = self.query(OptionList)
        if not found:  # closing before it was composed (a quit in the same burst of keys)
            return
        options = found.first()
        options.highlighted = self.values.index(self.current) if self.current in self.values else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.answer(self.values[event.option_index])

    def action_cancel(self) -> None:
        """Closes without changing the filter."""
        self.answer(self.CANCELLED)

    def action_cursor_down(self) -> None:
        """Moves down the list."""
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        """Moves up the list."""
        self.query_one(OptionList).action_cursor_up()
