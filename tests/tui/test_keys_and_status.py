"""The key bar, the status line's command, zoom focus and ctrl+c (issue 8: items 5–7)."""

from __future__ import annotations

from rich.cells import cell_len

from baiqiang.core.catalog import Catalog
from baiqiang.tui.app import make_app
from baiqiang.tui.state import command_line
from baiqiang.tui.widgets.chart_panel import ChartPanel
from baiqiang.tui.widgets.filter_bar import FilterBar
from baiqiang.tui.widgets.key_bar import KeyBar
from baiqiang.tui.widgets.status_line import StatusLine
from baiqiang.tui.widgets.table_view import TableView
from tests.tui.conftest import settle


def keys(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(KeyBar).render())


async def test_zoom_keeps_the_filter_and_escape_leaves_it(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        v = app.query_one("#view-industrial-counties", TableView)
        await pilot.press("slash", *"yiwu", "escape")
        await settle(pilot)
        assert v.state.filters.search == "yiwu" and app.query_one(FilterBar).display
        await pilot.press("c", "z")
        await settle(pilot)
        assert v.has_class("zoomed") and isinstance(app.focused, ChartPanel)
        assert "esc 还原" in keys(app)
        await pilot.press("z")  # toggles back, never types into the filter
        await settle(pilot)
        assert not v.has_class("zoomed") and app.focused is v.table
        await pilot.press("z", "x", "escape")  # x while zoomed: clears; Escape: unzooms
        await settle(pilot)
        assert not v.has_class("zoomed") and app.focused is v.table
        assert v.state.filters.search is None
        await pilot.press("z", "q")
        await settle(pilot)
        assert app.return_code == 0 or not app.is_running


async def test_the_status_command_is_never_cut_silently_and_can_be_copied(catalog: Catalog) -> None:
    app = make_app(catalog)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        v = app.query_one("#view-industrial-counties", TableView)
        v.state = v.state.filtered(province="浙江", tier=2)
        v.sort_by("rank")
        v.sort_by("rank")
        await settle(pilot)
        full = command_line(v.state)
        assert full.endswith("--sort rank --desc") and cell_len("$ " + full) > 76
        shown = v.query_one(StatusLine).render_line(1).text  # the command's row
        assert shown.rstrip().endswith("…") and "--desc" not in shown
        await pilot.press("dollar_sign")
        await settle(pilot)
        assert copied == [full]


async def test_the_key_bar_shows_what_works_here_most_important_first(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = keys(app)
        for item in ("/ 筛选", "c 图表", "e 导出", "? 帮助", "q 退出"):
            assert item in bar
        assert bar.index("/ 筛选") < bar.index("? 帮助")
        await pilot.press("3")  # districts: no tier, one county type
        await settle(pilot)
        bar = keys(app)
        assert "梯队" not in bar and "类型" not in bar and "? 帮助" in bar
        await pilot.press("L")
        await settle(pilot)
        bar = keys(app)
        assert "/ Filter" in bar and "q Quit" in bar and "筛选" not in bar


async def test_ctrl_c_quits(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "k", "ctrl+c")  # even from the filter box
        await pilot.pause()
    assert app.return_code == 0


async def test_the_palette_opened_empty_lists_actions_not_units(catalog: Catalog) -> None:
    from textual.command import CommandList

    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        commands = app.screen.query_one(CommandList)
        shown = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
        assert any("筛选 (/)" in s for s in shown) and any("帮助" in s for s in shown)
        assert not any("昆山市" in s for s in shown)
        assert not any("view-" in s or "_default" in s for s in shown)
