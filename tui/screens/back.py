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

    lang: str = "zh"

    async def set_language(self, lang: str) -> None:
        """Redraws the screen in the interface's new language (compose again, then fill)."""
        if lang != self.lang and self.is_attached:
            self.lang = lang
            await self.recompose()
            self.refill()

    def refill(self) -> None:
        """Fills what compose leaves empty (tables), and puts the focus; after mount and recompose."""

    def action_back(self) -> None:
        """Returns to the screen below (if this one is still on top)."""
        if self.app.screen is self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
