"""分布树: region → province → prefecture → unit with counts at every level (the report's 图10)."""

from __future__ import annotations

import polars as pl
from textual import on
from textual.binding import Binding
from textual.widgets import Tree

from baiqiang.core import geo
from baiqiang.core.catalog import RANKING_TABLES, TABLES
from baiqiang.tui.messages import UnitChosen


class RegionTree(Tree[dict[str, str]]):
    """The listed units of one ranking table as a tree; `b` switches the table."""

    BINDINGS = [
        Binding("b", "next_table", "Next list", id="tree.table"),
        Binding("j", "cursor_down", "Down", show=False, id="tree.down"),
        Binding("k", "cursor_up", "Up", show=False, id="tree.up"),
    ]

    def __init__(self, tables: dict[str, pl.LazyFrame], *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.tables = tables
        self.table_id = "industrial-counties"

    def on_mount(self) -> None:
        self.build()

    def build(self) -> None:
        """Fills the tree for the current table."""
        df = self.tables[self.table_id].collect()
        self.clear()
        self.root.set_label(f"{TABLES[self.table_id].title} ({df.height})")
        order = {p.short: int(p.code) for p in geo.PROVINCES}
        for region in geo.REGIONS:
            in_region = df.filter(pl.col("region") == region)
            if in_region.height == 0:
                continue
            r_node = self.root.add(f"{region} {geo.REGION_ENGLISH[region]} ({in_region.height})", expand=True)
            provinces = sorted(set(in_region["province_short"]), key=lambda s: order.get(s, 99))
            for short in provinces:
                in_prov = in_region.filter(pl.col("province_short") == short).sort("rank")
                p_node = r_node.add(f"{in_prov['province'][0]} ({in_prov.height})")
                for pref in in_prov["prefecture"].unique(maintain_order=True):
                    in_pref = in_prov.filter(pl.col("prefecture") == pref)
                    f_node = p_node.add(f"{pref} ({in_pref.height})")
                    for u in in_pref.iter_rows(named=True):
                        star = " ★" if u["province_first"] else ""
                        f_node.add_leaf(
                            f"{u['rank']:>3} {u['name']}{star}",
                            data={
                                "name": u["name"],
                                "province": u["province"],
                                "prefecture": u["prefecture"],
                                "adcode": u["adcode"],
                            },
                        )
        self.root.expand()

    def action_next_table(self) -> None:
        """Shows the tree of the next ranking table."""
        i = RANKING_TABLES.index(self.table_id)
        self.table_id = RANKING_TABLES[(i + 1) % len(RANKING_TABLES)]
        self.build()

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[dict[str, str]]) -> None:
        data = event.node.data
        if data:
            event.stop()
            self.post_message(UnitChosen(data["name"], data["province"], data["prefecture"], data["adcode"]))
