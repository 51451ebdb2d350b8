"""The `/` filter: an input that narrows a table's rows as the user types."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class FilterBar(Input):
    """Text typed here filters by name, pinyin, initials, province or prefecture."""

    BINDINGS = [
        Binding("escape", "close", "Close filter", id="filter.close"),
        Binding("enter", "close", "Done", show=False, id="filter.done"),
    ]

    class Closed(Message):
        """The user is done filtering (Escape or Enter)."""

    def __init__(self, *, placeholder: str = "", classes: str | None = None) -> None:
        # Not selected on focus: keys typed right after / reach the bar before its focus event
        # does (a burst, /jiangyin), and a selection made then would put "in" before "jiangy".
        super().__init__(placeholder=placeholder, classes=classes, select_on_focus=False)
        self.closed_by_key = False
        """Closed with Enter or Escape, and not focused again since: keys reaching it then are
        not typed into it."""

    @property
    def content_width(self) -> int:
        """At least 256 cells: the input's virtual width then stays put as the user types, so a
        keystroke redraws the input and the table, not the layout of the whole screen."""
        return max(super().content_width, 256)

    def on_resize(self, event: events.Resize) -> None:
        """Keys that reach the bar before it has its width (a burst, /jiangyin: it is shown by
        the first) scroll its text out of sight; given its width, it shows the text again,
        the cursor in view."""
        width = self.content_size.width
        if width > 0:
            typed = cell_len(self.value[: self.cursor_position])
            self.scroll_to(x=max(0, typed - width + 1), animate=False, immediate=True)

    def on_key(self, event: events.Key) -> None:
        """Enter and Escape close the bar as the bar reads them (a binding would answer only once
        the key had come back up, after the keys behind it were typed in); a key that reaches
        the bar after that (/jiangyin Enter L, in one burst) is not typed into it: it goes back
        up, and on to where the focus is now."""
        if self.closed_by_key:
            event.prevent_default()
        elif event.key in ("enter", "escape"):
            event.stop()
            event.prevent_default()
            self.action_close()

    def action_close(self) -> None:
        """Hands focus back to the table; the filter stays applied. The focus moves on at once
        (to the table after the bar), so that a key typed right after (/jiangyin Enter Enter, in
        one burst) goes to the table, not to a bar that is closing."""
        self.closed_by_key = True
        self.screen.focus_next()
        self.post_message(self.Closed())

    def on_focus(self) -> None:
        self.closed_by_key = False
