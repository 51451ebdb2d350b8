"""Editions in the explorer (issue 12): the change column, the edition switch, the movers
drill-down and the bump chart. The 2021 edition is SYNTHETIC (2022's 表1, 昆山/江阴 swapped)."""

from __future__ import annotations

from pathlib import Path

import pytest

from baiqiang.core.catalog import Catalog
from baiqiang.core.editions import import_edition
from baiqiang.tui.app import make_app
from baiqiang.tui.screens.units_screen import UnitsScreen
from baiqiang.tui.widgets.chart_panel import ChartPanel
from baiqiang.tui.widgets.status_line import StatusLine
from baiqiang.tui.widgets.table_view import TableView
from tests.core.test_editions import synthetic_2021
from tests.tui.conftest import settle


@pytest.fixture
def edition_2021(catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAIQIANG_HOME", str(tmp_path / "home"))
    import_edition(catalog, synthetic_2021(catalog, tmp_path), table="ic", year=2021)


async def test_the_list_shows_its_change_and_switches_editions(catalog: Catalog, edition_2021: None) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        v = app.query_one("#view-industrial-counties", TableView)
        assert [c.key for c in v.table.columns][:3] == ["rank", "change", "name"]
        assert v.table.get_row_at(0)[:3] == ["1", "↑1", "昆山市"] and v.table.get_row_at(2)[1] == "="
        await pilot.press("E")
        await settle(pilot)
        assert v.state.edition == 2021 and v.table.get_row_at(0)[1] == "江阴市"  # no edition before 2021
        summary, command = v.query_one(StatusLine).texts(v.state, v.rows.height, "zh")
        assert "2021 年版" in summary and command.endswith("--edition 2021")
        await pilot.press("E")  # back to the latest
        await settle(pilot)
        assert v.state.edition is None and v.table.get_row_at(0)[2] == "昆山市"
        await pilot.press("M")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, UnitsScreen)
        assert screen.rows.row(0, named=True) | {} == {
            "name": "昆山市", "province": "江苏省", "prefecture": "苏州市", "rank_from": 2, "rank_to": 1,
            "change": 1, "status": "up", "adcode": "320583",
        }  # fmt: skip
        grid = screen.query_one("#units-table")
        assert grid.get_row_at(0)[6] == "上升"  # 中文 mode: the status in Chinese too
        await pilot.press("escape")
        await settle(pilot)
        for _ in range(6):  # province, region, tier, heat, map, then ranks by edition
            await pilot.press("c")
        await settle(pilot)
        assert v.chart_mode == "bump"
        drawn = str(v.query_one(ChartPanel).query_one("Static").render())
        assert "1 昆山市" in drawn and "2021" in drawn and "2022" in drawn


async def test_one_edition_keeps_the_list_as_it_was(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        v = app.query_one("#view-industrial-counties", TableView)
        assert "change" not in [c.key for c in v.table.columns]
        await pilot.press("E", "M")
        await settle(pilot)
        assert v.state.edition is None and not isinstance(app.screen, UnitsScreen)
