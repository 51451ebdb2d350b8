"""A modal dialog that answers once."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    """Base of the explorer's dialogs (pickers, prompts, confirmations, help).

    Keys arrive faster than screens change: Enter twice selects an option twice, and the second
    answer reaches a dialog that is closed. A dialog answers only while it is on top, so a late
    answer never closes the screen beneath it (or the last one).
    """

    def answer(self, result: ResultType) -> None:
        """Closes the dialog with `result`, only while it is the screen on top.

        Textual's ``dismiss`` pops whichever screen is on top, and ``is_current`` is also true
        of a screen still shown behind a modal one; the stack's top is the only safe test (it
        changes at once when the dialog is popped, so a second answer is ignored).
        """
        if self.app.screen is self:
            self.dismiss(result)
