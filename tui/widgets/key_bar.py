"""The bottom line of every screen: the keys that work here, most important first, in the
interface's language.

Textual's own Footer shows every binding in the order it finds them, with the binding's one
(English) description, and cuts what does not fit. This bar takes the screen's active bindings
(those a ``check_action`` switches off are not among them), orders them by :data:`ORDER`,
labels them from :mod:`baiqiang.tui.i18n` by binding id, and leaves out the least important
that do not fit, so that Help and Quit are always there.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Static

from baiqiang.tui.i18n import key_label

ORDER: tuple[str, ...] = (
    "screen.back",
    "filter.close",
    "view.unzoom",
    "view.filter",
    "view.sort",
    "view.province",
    "view.chart",
    "view.export",
    "detail.province",
    "detail.prefecture",
    "stats.dimension",
    "stats.chart",
    "stats.value",
    "tree.table",
    "clusters.other",
    "picker.cancel",
    "confirm.no",
    "export.cancel",
    "jump.cancel",
    "help.close",
    "app.help",
    "app.quit",
    "view.copy",
    "view.region",
    "view.tier",
    "view.county_type",
    "view.clear",
    "view.extra",
    "view.edition",
    "view.movers",
    "view.jump",
    "view.zoom",
    "stats.agg",
    "app.language",
)
"""Binding ids, most important first; a binding not named here comes last."""

ALWAYS = ("app.help", "app.quit")
"""Shown whatever else does not fit."""


def _rank(binding: Binding) -> int:
    return ORDER.index(binding.id) if binding.id in ORDER else len(ORDER)


class KeyBar(Static):
    """One line of ``key label`` pairs for the focused widget's screen."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
    }
    """

    language: reactive[str] = reactive("zh")

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self.update_keys)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.update_keys()

    def watch_language(self) -> None:
        self.update_keys()

    def on_resize(self) -> None:
        self.update_keys()

    def items(self) -> list[tuple[str, str, str]]:
        """(binding id, key, label) for every shown binding that works here, most important first."""
        seen: set[str] = set()
        found: list[Binding] = []
        for active in self.screen.active_bindings.values():
            b = active.binding
            ident = b.id or b.action
            if not active.enabled or not (b.show or b.id in ORDER) or ident in seen:
                continue
            seen.add(ident)
            found.append(b)
        found.sort(key=_rank)
        return [
            (b.id or "", self.app.get_key_display(b), key_label(b.id, b.description, self.language))
            for b in found
        ]

    def update_keys(self) -> None:
        """Redraws the line to fit the width, dropping the least important keys first."""
        if not self.is_attached:  # a callback after the screen has gone
            return
        kept = self.items()
        width = max(self.size.width - 2, 20)

        def length(items: list[tuple[str, str, str]]) -> int:
            cells = sum(cell_len(k) + 1 + cell_len(label) for _, k, label in items)
            return cells + 2 * max(len(items) - 1, 0)

        while length(kept) > width:
            droppable = [i for i, (ident, _, _) in enumerate(kept) if ident not in ALWAYS]
            if not droppable:
                break
            kept.pop(droppable[-1])
        text = Text(no_wrap=True, overflow="ellipsis")
        for i, (_, key, label) in enumerate(kept):
            if i:
                text.append("  ")
            text.append(key, style="bold")
            text.append(" " + label)
        self.update(text)
