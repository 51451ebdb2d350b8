"""The command palette, guarded against keys that arrive faster than it changes.

Textual's palette dismisses itself once per Enter, and a dismiss pops whatever screen is on top,
so Enter twice closes it and then the screen beneath it (or tries the last screen: a crash); and paging while its list is being
refilled asks the list for an option that is not there yet; and keys typed just before it closes
start a search that looks for its list after it has gone. All are the framework's, but it is
the explorer that would die, so this subclass answers once and pages only a list that has
options.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.widgets import Input, OptionList


class Palette(CommandPalette):
    """The command palette: closes once; PageUp/PageDown/Up only move within a filled list."""

    BINDINGS = [
        Binding("pagedown", "move('page_down')", "Next page", show=False, id="palette.page_down"),
        Binding("pageup", "move('page_up')", "Previous page", show=False, id="palette.page_up"),
        Binding("up", "move('cursor_up')", "Previous command", show=False, id="palette.up"),
    ]

    dismiss_pending = False
    """A dismiss is waiting for the palette's searches to stop: a second one does nothing."""

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Closes the palette, only while it is the screen on top (Textual pops whatever is),
        and only once its searches have stopped.

        A search still running looks for the palette's list; were the palette gone, it would
        fail (NoMatches) and, a worker's error, end the app. So the searches are cancelled and
        the palette stays until they have finished.
        """
        if self.app.screen is not self or self.dismiss_pending:
            return AwaitComplete.nothing()
        searches = [w for w in self.app.workers if w.node is self and not w.is_finished]
        for worker in searches:
            worker.cancel()
        if not searches:
            return super().dismiss(result)
        self.dismiss_pending = True

        async def when_stopped() -> None:
            for worker in searches:
                try:
                    await worker.wait()
                except Exception:  # cancelled, or failed on its way out: it has stopped
                    pass
            if self.app.screen is self:
                await super(Palette, self).dismiss(result)

        return AwaitComplete(when_stopped())

    @on(Input.Changed)
    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def _late_input(self, event: Input.Changed | Input.Submitted | OptionList.OptionSelected) -> None:
        """Keys typed before the palette closed start no search after it has (prevent_default
        keeps Textual's own handlers from running)."""
        if self.app.screen is not self:
            event.prevent_default()
            event.stop()

    def action_move(self, action: str) -> None:
        """Moves in the list of commands, if it has any (it may be being refilled)."""
        found = self.query(CommandList)
        if self.app.screen is not self or not found:
            return
        commands = found.first()
        if commands.option_count == 0:
            return
        try:
            getattr(commands, f"action_{action}")()
        except KeyError:  # the options changed under the move: the next key will do
            return
