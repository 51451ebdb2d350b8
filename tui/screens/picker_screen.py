"""A modal list to pick one value of a quick filter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Choices:
    """What a picker shows, in one language.

    Attributes:
        title: Its title.
        options: Each choice's label and value.
        any_label: The first choice's label (its value None), where not "(any)".
    """

    title: str
    options: list[tuple[str, Any]]
    any_label: str | None = None


class PickerScreen(Dialog[Any]):
    """Returns the chosen value, None for "any", or PickerScreen.CANCELLED."""

    CANCELLED = object()
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("j", "cursor_down", "Down", show=False, id="picker.down"),
        Binding("k", "cursor_up", "Up", show=False, id="picker.up"),
    ]

    def __init__(self, words: Callable[[str], Choices], current: Any, lang: str) -> None:
        """`words`: the title and the choices in a language (the same values in every one)."""
        super().__init__()
        self.words, self.lang = words, lang
        self.values, self.labels, self.title_text = self._read()
        self.current = current

    def _read(self) -> tuple[list[Any], list[str], str]:
        found = self.words(self.lang)
        labels = [found.any_label or t("pick.any", self.lang)] + [label for label, _ in found.options]
        return [None] + [v for _, v in found.options], labels, found.title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            # plain text: a label may be a file's header, never read as markup or run
            yield OptionList(*self._options(), id="picker-options")

    def _options(self) -> list[Option]:
        return [Option(Content(visible(label))) for label in self.labels]

    def on_mount(self) -> None:
        found = self.query(OptionList)
        if not found:  # closing before it was composed (a quit in the same burst of keys)
            return
        options = found.first()
        options.highlighted = self.values.index(self.current) if self.current in self.values else 0
        options.focus()

    def relabel(self) -> None:
        values, labels, title = self._read()
        if values != self.values:  # (the same choices, in the same order: only their words change)
            return
        self.labels, self.title_text = labels, title
        self.query_one(".dialog-title", Label).update(self.title_text)
        options = self.query_one(OptionList)
        at = options.highlighted
        options.set_options(self._options())
        options.highlighted = at

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
