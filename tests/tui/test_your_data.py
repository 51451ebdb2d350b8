"""Your own data in the explorer (issue 11): the 全部区县 view, imported columns in the lists, the
detail pane and the statistics. The dataset is SYNTHETIC (tests/fixtures/make_synthetic.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from baiqiang.core.catalog import Catalog
from baiqiang.core.indicators import ImportOptions, import_file
from baiqiang.tui.app import make_app
from baiqiang.tui.messages import ExportRequested
from baiqiang.tui.screens.detail_screen import DetailScreen
from baiqiang.tui.screens.picker_screen import PickerScreen
from baiqiang.tui.widgets.grid import Grid
from baiqiang.tui.widgets.stats_view import StatsView
from baiqiang.tui.widgets.status_line import StatusLine
from baiqiang.tui.widgets.table_view import TableView
from tests.fixtures import make_synthetic as synthetic
from tests.tui.conftest import settle

XLSX = Path(synthetic.__file__).parent / synthetic.XLSX


@pytest.fixture
def store(catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store holding the synthetic workbook as dataset ``x``."""
    monkeypatch.setenv("BAIQIANG_HOME", str(tmp_path / "home"))
    import_file(catalog, XLSX, name="x", options=ImportOptions(sheet="县域指标"))


async def choose(pilot, label: str) -> str:  # type: ignore[no-untyped-def]
    """Picks the option whose label ends with `label` (or starts with it) in the open picker."""
    picker = pilot.app.screen
    assert isinstance(picker, PickerScreen)
    index = next(i for i, text in enumerate(picker.labels) if text.endswith(label) or text.startswith(label))
    chosen = picker.labels[index]
    for _ in range(index):
        await pilot.press("down")
    await pilot.press("enter")
    await settle(pilot)
    return chosen


async def test_the_all_units_view_lists_every_unit_and_opens_any(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("8")
        await settle(pilot)
        v = app.query_one("#view-divisions", TableView)
        assert v.rows.height == 2843 and v.table.get_row_at(0)[:2] == ["110101", "东城区"]
        await pilot.press("p")
        label = await choose(pilot, "江苏 (")
        count = int(label.split("(")[1].rstrip(")"))
        assert v.rows.height == count == catalog.divisions.filter(province_short="江苏").collect().height
        await pilot.press("escape")  # back from nothing opened: sort by a census column, by its name
        await pilot.press("s")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickerScreen) and "常住人口" in picker.labels
        assert not {"population", "urbanisation_rate"} & set(picker.labels)  # 中文 mode: its labels
        await choose(pilot, "常住人口")
        assert "排序 常住人口 ↑" in str(v.query_one(StatusLine).render())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen) and app.screen.profile["province"] == "江苏省"


async def test_your_columns_are_shown_on_request_exported_as_shown_and_in_the_command(
    catalog: Catalog, store: None
) -> None:
    app = make_app(catalog)
    exported = []
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        v = app.query_one("#view-industrial-counties", TableView)
        assert "地区生产总值总量" not in [c.key for c in v.table.columns]
        await pilot.press("i")
        await choose(pilot, "地区生产总值总量 (亿元)")
        assert [c.key for c in v.table.columns][-1] == "地区生产总值总量"
        assert (
            v.table.get_row_at(0)[1] == "昆山市" and v.table.get_row_at(0)[-1] == "5000"
        )  # a whole number as one
        command = v.query_one(StatusLine).texts(v.state, v.rows.height, "zh", columns=["rank", "name"])[1]
        assert command.endswith("--columns rank,name,地区生产总值总量")
        post = v.post_message
        v.post_message = lambda m: exported.append(m) or True  # type: ignore[method-assign]
        v.action_export()
        v.post_message = post  # type: ignore[method-assign]
        frame = next(m.frame for m in exported if isinstance(m, ExportRequested))
        assert "地区生产总值总量" in frame.columns and "一般公共预算收入" not in frame.columns
        await pilot.press("s")
        await choose(pilot, "地区生产总值总量")
        assert v.rows["name"].to_list()[:3] == [
            "义乌市",
            "昆山市",
            v.rows["name"][2],
        ]  # by your column, blanks last
        assert v.rows["地区生产总值总量"].to_list()[:3] == [2000.0, 5000.0, None]


async def test_the_detail_pane_lists_a_units_imported_values(catalog: Catalog, store: None) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # 昆山市
        await settle(pilot)
        grid = app.screen.query_one("#detail-indicators", Grid)
        assert [grid.get_row_at(i)[:4] for i in range(grid.row_count)] == [
            ["x", "地区生产总值总量", "5000", "亿元"],
            ["x", "地区生产总值增速", "2.0", "%"],  # a column of decimals (2.5 elsewhere): as list writes it
            ["x", "一般公共预算收入", "400", "亿元"],
        ]


async def test_statistics_sum_up_your_column_by_the_dimension(catalog: Catalog, store: None) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("6")
        await settle(pilot)
        stats = app.query_one(StatsView)
        await pilot.press("a")
        await choose(pilot, "一般公共预算收入 (亿元)")
        grid = stats.query_one(Grid)
        assert [c.key for c in grid.columns] == ["province", "count", "values", "sum(一般公共预算收入)"]
        assert grid.get_row_at(0) == ["江苏省", "23", "1", "400"]
        await pilot.press("m")
        await settle(pilot)
        assert [c.key for c in grid.columns][-1] == "mean(一般公共预算收入)"
        assert [c.label for c in grid.columns][-1] == "平均(一般公共预算收入)"  # 中文 mode: Chinese
        await pilot.press("a")  # a built-in column (joined where named) is summed up as well
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        at = picker.query_one(OptionList).highlighted or 0
        for _ in range(picker.labels.index("常住人口 (人)") - at):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert [c.key for c in grid.columns][-1] == "mean(population)"
        assert [c.label for c in grid.columns][-1] == "平均(常住人口)"  # its title, not its key
        rows = [grid.get_row_at(i) for i in range(grid.row_count)]
        assert next(r for r in rows if r[0] == "江苏省")[:3] == ["江苏省", "23", "23"]  # every one has it
