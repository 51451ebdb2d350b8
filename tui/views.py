"""The explorer's live views and drill-downs, in one place for the app to import after its first
frame (they load the Polars core; the first frame is drawn without it)."""

from __future__ import annotations

from baiqiang.tui.screens.confirm_screen import ConfirmScreen
from baiqiang.tui.screens.detail_screen import DetailScreen
from baiqiang.tui.screens.export_screen import ExportScreen
from baiqiang.tui.screens.units_screen import UnitsScreen
from baiqiang.tui.widgets.cluster_view import ClusterView
from baiqiang.tui.widgets.highlights_view import HighlightsView
from baiqiang.tui.widgets.region_tree import RegionTree
from baiqiang.tui.widgets.stats_view import StatsView
from baiqiang.tui.widgets.table_view import TableView

__all__ = [
    "ClusterView",
    "ConfirmScreen",
    "DetailScreen",
    "ExportScreen",
    "HighlightsView",
    "RegionTree",
    "StatsView",
    "TableView",
    "UnitsScreen",
]
