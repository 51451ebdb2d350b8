"""A drill-down screen that Escape leaves, once."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen


class BackScreen(Screen[None]):
    """A pushed screen; Escape goes back to the one below it.

    Keys arrive faster than screens change: a second Escape can reach this screen after it has
    already been popped. Only the screen on top pops itself, so the stack never empties.
    """

    BINDINGS = [Binding("escape", "back", "Back", id="screen.back")]

    def action_back(self) -> None:
        """Returns to the screen below (if this one is still on top)."""
        if self.app.screen is self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
