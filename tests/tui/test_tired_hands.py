"""The explorer under tired hands (issue "hostile files and tired hands"): Escape always leads
back, names are not cut, 中文 mode is Chinese (see also test_your_data for a summed-up column)."""

from __future__ import annotations

from baiqiang.core.catalog import Catalog
from baiqiang.tui.app import make_app
from baiqiang.tui.widgets.grid import Grid
from baiqiang.tui.widgets.status_line import StatusLine
from baiqiang.tui.widgets.table_view import TableView
from tests.tui.conftest import settle

SCREENS = {
    "detail": ["enter"],
    "detail over units": ["enter", "p", "enter"],
    "picker": ["p"],
    "sort": ["s"],
    "export": ["e"],
    "help": ["question_mark"],
    "palette": ["ctrl+p"],
    "palette over help": ["question_mark", "ctrl+p"],
    "jump": ["colon"],
    "zoomed chart": ["c", "z"],
    "filter": ["slash", "x"],
}


async def test_three_escapes_lead_back_to_a_list_from_any_screen(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for name, keys in SCREENS.items():
            await pilot.press(*keys)
            await settle(pilot)
            await pilot.press("escape", "escape", "escape")
            await settle(pilot)
            assert len(app.screen_stack) == 1, name
            view = app.query_one("#view-industrial-counties", TableView)
            assert view.table.has_focus, (name, app.focused)
        await pilot.press("q")
        await settle(pilot)
    assert app.return_code == 0


async def test_names_are_not_cut_in_every_unit_at_80_columns(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("8")
        await settle(pilot)
        grid = app.query_one("#view-divisions Grid", Grid)
        name = next(c for c in grid.columns if c.key == "name")
        assert name.render_width >= 8  # 石景山区, not 石景 …


async def test_chinese_mode_speaks_chinese(catalog: Catalog) -> None:
    from textual.command import CommandInput

    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("s")  # sort by the prefecture
        await settle(pilot)
        await pilot.press(*["down"] * 4, "enter")
        await settle(pilot)
        line = app.query_one("#view-industrial-counties StatusLine", StatusLine)
        assert "排序 地级市 ↑" in str(line.render())
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert app.screen.query_one(CommandInput).placeholder == "搜索命令或单位…"
        await pilot.press("escape")
        await settle(pilot)
