"""A modal dialog that answers once."""

from __future__ import annotations

from typing import TypeVar

from textual import events, on
from textual.binding import Binding
from textual.screen import ModalScreen

from baiqiang.tui.widgets.key_bar import KeyBar

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    """Base of the explorer's dialogs (pickers, prompts, confirmations, help).

    Keys arrive faster than screens change: Enter twice selects an option twice, and the second
    answer reaches a dialog that is closed. A dialog answers only while it is on top, so a late
    answer never closes the screen beneath it (or the last one).
    """

    BINDINGS = [Binding("L", "app.toggle_language", "中/EN", show=False, id="dialog.language")]
    """L switches the language here too (a modal screen hides the app's keys); where the dialog
    has a field, an L typed into it is a letter of the field."""

    lang: str = "zh"
    """The language the dialog's words are in."""

    def set_language(self, lang: str) -> None:
        """Puts the dialog's words in the interface's new language: a switch made while it is
        open, or by a key that reached the app before the dialog did (``e`` then ``L`` in one
        burst), never leaves a dialog in the other language."""
        if lang != self.lang:
            self.lang = lang
            if self.is_attached:
                self.relabel()
                for bar in self.query(KeyBar):
                    bar.language = lang

    def relabel(self) -> None:
        """Shows the words of :attr:`lang` (each dialog its own; typed text stays)."""

    @on(events.Mount)
    def _same_language(self) -> None:
        """Takes the interface's language where a switch came between the key that asked for
        the dialog and its opening (``L`` and ``p`` in one burst: the view still spoke the old
        one), and shows the dialog's keys in the key bar's place."""
        self.set_language(str(getattr(self.app, "language", self.lang)))
        bar = KeyBar()  # over the view's: the keys that work here are the dialog's
        bar.language = self.lang
        self.mount(bar)

    def answer(self, result: ResultType) -> None:
        """Closes the dialog with `result`, only while it is the screen on top.

        Textual's ``dismiss`` pops whichever screen is on top, and ``is_current`` is also true
        of a screen still shown behind a modal one; the stack's top is the only safe test (it
        changes at once when the dialog is popped, so a second answer is ignored).
        """
        if self.app.screen is self:
            self.dismiss(result)
