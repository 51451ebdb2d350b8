"""The command palette, guarded against keys that arrive faster than it changes.

Textual's palette dismisses itself once per Enter, and a dismiss pops whatever screen is on top,
so Enter twice closes it and then the screen beneath it (or tries the last screen: a crash); and paging while its list is being
refilled asks the list for an option that is not there yet; and keys typed just before it closes
start a search that looks for its list after it has gone. All are the framework's, but it is
the explorer that would die, so this subclass answers once, pages only a list that has
options, and runs its searches as workers whose failure does not end the app.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.widgets import Input, OptionList
from textual.worker import Worker, WorkerState

from baiqiang.core.plain.text import visible


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
            self.dismiss_pending = False
            if self.app.screen is self:  # not awaited: Textual refuses that from a handler of this screen
                super(Palette, self).dismiss(result)

        return AwaitComplete(when_stopped())

    def run_worker(  # type: ignore[override]
        self,
        work: Any,
        name: str | None = "",
        group: str = "default",
        description: str = "",
        exit_on_error: bool = True,
        start: bool = True,
        exclusive: bool = False,
        thread: bool = False,
    ) -> Worker[Any]:
        """Runs the palette's searches so that one that fails does not end the app: a search
        still running when fast keys close the palette finds its list gone (NoMatches), and a
        worker's error would otherwise stop the explorer. A failure while the palette is open is
        said (:meth:`_search_failed`)."""
        return super().run_worker(
            work,
            name=name,
            group=group,
            description=description,
            exit_on_error=False,
            start=start,
            exclusive=exclusive,
            thread=thread,
        )

    @on(Worker.StateChanged)
    def _search_failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and self.app.screen is self and self.query(CommandList):
            from baiqiang.tui.i18n import t

            said = visible(str(event.worker.error))
            self.app.notify(
                t("palette.failed", getattr(self.app, "language", "en"), x=said), severity="warning"
            )

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
