"""分布树: region → province → prefecture → unit with counts at every level (the report's 图10)."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Tree

from baiqiang.core.catalog import Catalog
from baiqiang.core.plain.names import term
from baiqiang.core.plain.tables import TABLES, ranking_tables
from baiqiang.core.service import Branch, region_tree
from baiqiang.tui.messages import UnitChosen


class RegionTree(Tree[dict[str, str]]):
    """The listed units of one ranking table as a tree; `b` switches the table."""

    BINDINGS = [
        Binding("b", "next_table", "Next list", id="tree.table"),
        Binding("j", "cursor_down", "Down", show=False, id="tree.down"),
        Binding("k", "cursor_up", "Up", show=False, id="tree.up"),
        Binding("g", "first", "Top", show=False, id="tree.top"),
        Binding("G", "last", "Bottom", show=False, id="tree.bottom"),
    ]

    language: reactive[str] = reactive("zh", init=False)

    def action_first(self) -> None:
        """Goes to the top line, as g does in every list."""
        self.cursor_line = 0
        self.scroll_to_line(0)

    def action_last(self) -> None:
        """Goes to the last line shown, as G does in every list."""
        self.cursor_line = self.last_line
        self.scroll_to_line(self.last_line)

    def __init__(self, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.catalog = catalog
        self.table_id = ranking_tables()[0]

    def on_mount(self) -> None:
        self.build()

    def watch_language(self) -> None:
        if self.is_mounted:
            self.build()

    def _label(self, branch: Branch) -> str:
        shown = term("region", branch.label, self.language)
        if shown != branch.label:  # a region in English: East (a term, not a name)
            return f"{shown} ({branch.count})"
        english = f" {branch.english}" if branch.english and self.language == "en" else ""  # 江苏省 Jiangsu
        return f"{branch.label}{english} ({branch.count})"

    def build(self) -> None:
        """Fills the tree for the current table."""
        branches = region_tree(self.catalog, self.table_id)
        self.clear()
        spec = TABLES[self.table_id]
        title = spec.title if self.language == "zh" else spec.title_en
        self.root.set_label(f"{title} ({sum(b.count for b in branches)})")
        for region in branches:
            r_node = self.root.add(self._label(region), expand=True)
            for province in region.children:
                p_node = r_node.add(self._label(province))
                for pref in province.children:
                    f_node = p_node.add(self._label(pref))
                    for u in pref.units:
                        star = " ★" if u["province_first"] else ""
                        f_node.add_leaf(
                            f"{u['rank']:>3} {u['name']}{star}",
                            data={k: str(u[k]) for k in ("name", "province", "prefecture", "adcode")},
                        )
        self.root.expand()

    def action_next_table(self) -> None:
        """Shows the tree of the next ranking table."""
        i = ranking_tables().index(self.table_id)
        self.table_id = ranking_tables()[(i + 1) % len(ranking_tables())]
        self.build()

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[dict[str, str]]) -> None:
        data = event.node.data
        if data:
            event.stop()
            self.post_message(UnitChosen(data["name"], data["province"], data["prefecture"], data["adcode"]))
