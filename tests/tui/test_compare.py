"""Marking units, the compare screen and the peers list (issue "compare and peers"), at 80×24."""

from __future__ import annotations

from pathlib import Path

import pytest

from baiqiang.core.catalog import Catalog
from baiqiang.tui.app import make_app
from baiqiang.tui.screens.compare_screen import CompareScreen
from baiqiang.tui.screens.export_screen import ExportScreen
from baiqiang.tui.screens.units_screen import UnitsScreen
from baiqiang.tui.widgets.grid import Grid
from baiqiang.tui.widgets.status_line import StatusLine
from baiqiang.tui.widgets.table_view import TableView
from tests.tui.conftest import settle


def status(view: TableView) -> str:
    return str(view.query_one(StatusLine).render())


async def test_space_marks_in_any_list_and_equals_compares_them(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        ic = app.query_one("#view-industrial-counties", TableView)
        await pilot.press("space", "space")  # 昆山市, then 江阴市 (the cursor moves down)
        await settle(pilot)
        assert app.marked == ("320583", "320281")
        assert [c.key for c in ic.table.columns][0] == "mark" and ic.table.get_row_at(0)[0] == "●"
        assert "已标记 2 个" in status(ic)
        await pilot.press("3")  # 工业百强区: a mark made here counts with the others
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        assert len(app.marked) == 3
        await pilot.press("1", "up", "space")  # unmark 江阴市
        await settle(pilot)
        assert len(app.marked) == 2 and "320281" not in app.marked
        await pilot.press("equals_sign")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert [u.adcode for u in screen.comparison.units] == list(app.marked)
        line = str(screen.query_one(StatusLine).render())
        assert "$ baiqiang compare 320583 " in line  # the command that prints the same
        grid = screen.query_one("#compare-table", Grid)
        assert grid.get_row_at(0)[2] == "320583"  # 行政区划代码, in the first unit's column
        chart = str(screen.query_one("#compare-chart").render())
        assert "常住人口" in chart and "2092496" in chart
        await pilot.press("right")
        await settle(pilot)
        assert "城镇化率" in str(screen.query_one("#compare-chart").render())
        await pilot.press("L")
        await settle(pilot)
        assert "urbanisation rate" in str(app.screen.query_one("#compare-chart").render())
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert app.screen is not screen and not isinstance(app.screen, CompareScreen)


async def test_p_lists_the_peers_and_equals_compares_the_unit_with_them(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("P")  # on 昆山市
        await settle(pilot)
        peers = app.screen
        assert isinstance(peers, UnitsScreen) and peers.rows["name"][0] == "昆山市"
        assert peers.rows.height == 11 and "昆山市 的对标单位" in peers.title_in("zh")
        grid = peers.query_one(Grid)
        at = [c.key for c in grid.columns].index("distance")
        distances = [grid.get_row_at(i)[at] for i in range(grid.row_count)]
        assert distances[0] == "0.0000" and all(len(d.split(".")[1]) == 4 for d in distances), distances
        await pilot.press("L")  # its title and its columns' headers follow the language
        await settle(pilot)
        assert peers.title_in("en").startswith("Peers of 昆山市 by population, urbanisation rate")
        headers = [c.label for c in peers.query_one(Grid).columns]
        assert "population" in headers and "常住人口" not in headers, headers
        await pilot.press("L")
        await settle(pilot)
        await pilot.press("equals_sign")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert [u.adcode for u in app.screen.comparison.units] == peers.rows["adcode"].head(8).to_list()
        await pilot.press("escape", "enter")  # back to the peers; Enter opens the unit on the cursor
        await settle(pilot)
        assert type(app.screen).__name__ == "DetailScreen"


async def test_equals_without_marks_compares_the_cursors_unit_with_its_peers(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "equals_sign")  # one unit: 江阴市 and its seven nearest
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        units = app.screen.comparison.units
        assert units[0].name == "江阴市" and len(units) == 8


@pytest.mark.parametrize("lang", ["en"])
async def test_the_compare_screen_speaks_the_interface_language(
    catalog: Catalog, lang: str, tmp_path: Path
) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L", "space", "space", "equals_sign")
        await settle(pilot)
        grid = app.screen.query_one("#compare-table", Grid)
        assert [c.label for c in grid.columns][:2] == ["Figure", "Unit"]
        assert grid.get_row_at(1)[0] == "province"
        rows = {grid.get_row_at(i)[0]: grid.get_row_at(i)[2:] for i in range(grid.row_count)}
        assert rows["region"] == ["East", "East"]  # as the lists say it in English, not 东部
        # the report's figures and the clusters' scales in English too, and each measure
        assert rows["Number of high-tech enterprises"] == ["> 700 firms (2021)", ""]
        assert rows["clusters of 100 bn yuan"][0].endswith("(200 bn yuan class)")
        measures = {grid.get_row_at(i)[0]: grid.get_row_at(i)[1] for i in range(grid.row_count)}
        assert measures["population"] == "people"
        assert rows["average household size"] == ["2.56", "2.60"]  # one number of places in a row
