"""Both cluster tables as two sub-tabs (表4 national clusters, 表5 千亿级 clusters), each with the
whole height, so that both are usable at 80×24; `b` switches between them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.widgets import TabbedContent, TabPane

from baiqiang.tui.view_specs import view_of
from baiqiang.tui.widgets.grid import Grid
from baiqiang.tui.widgets.table_view import TableView


class ClusterView(Vertical):
    """Two table views under their report titles; Enter on a cluster shows its counties."""

    BINDINGS = [Binding("b", "other_table", "Other table", id="clusters.other")]

    language: reactive[str] = reactive("zh", init=False)

    def __init__(self, national: TableView, billion: TableView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.national = national
        self.billion = billion

    def compose(self) -> ComposeResult:
        with TabbedContent(id="cluster-tabs"):
            with TabPane(self._title("national-clusters"), id="pane-national"):
                yield self.national
            with TabPane(self._title("billion-clusters"), id="pane-billion"):
                yield self.billion

    def _title(self, table: str) -> str:
        return view_of(table).title(self.language)

    def watch_language(self) -> None:
        self.national.language = self.language
        self.billion.language = self.language
        found = self.query(TabbedContent)
        if not found:
            return
        try:  # the sub-tabs' labels exist once the tabs have composed
            found.first().get_tab("pane-national").label = self._title("national-clusters")
            found.first().get_tab("pane-billion").label = self._title("billion-clusters")
        except NoMatches:
            self.call_after_refresh(self.watch_language)

    def on_mount(self) -> None:
        self.call_after_refresh(self.focus_table)

    def focus_table(self) -> None:
        """Puts the focus in the table of the sub-tab shown (once there is one: a view just
        mounted composes its sub-tabs after; its own mount focuses then)."""
        found = self.query(TabbedContent)
        if not found or (self.parent is not None and not self.parent.display):
            return  # (its tab was left meanwhile: 4 then 1 in one burst; focus would bring it back)
        shown = self.billion if found.first().active == "pane-billion" else self.national
        if shown.is_mounted and shown.query(Grid):
            shown.table.focus()

    def action_other_table(self) -> None:
        """Shows the other cluster table and puts the cursor in it."""
        found = self.query(TabbedContent)
        if not found:
            return
        tabs = found.first()
        tabs.active = "pane-billion" if tabs.active == "pane-national" else "pane-national"
        self.call_after_refresh(self.focus_table)
