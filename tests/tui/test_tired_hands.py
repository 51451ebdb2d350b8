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


async def test_a_palette_search_that_finds_its_list_gone_does_not_end_the_explorer(catalog: Catalog) -> None:
    """Random keys found it (80×24, 5,000 keys): a palette search still running when fast keys
    close the palette looks for its list after it has gone (NoMatches), and a worker's error
    ended the app; and closing while a search ran awaited a dismiss Textual refuses there."""
    from textual.command import CommandList

    from baiqiang.tui.screens.palette_screen import Palette

    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        palette = app.screen
        assert isinstance(palette, Palette)
        await palette.query_one(CommandList).remove()  # as when the palette is being torn down
        await pilot.press(*"kun")  # each key starts a search, which finds no list
        await settle(pilot)
        assert app.is_running and app.return_code is None
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, Palette)
        for _ in range(2):  # open, type and close at once, a search running as it closes
            await pilot.press("ctrl+p", *"jy", "escape")
        await settle(pilot)
        assert app.is_running and not isinstance(app.screen, Palette)
        await app.action_quit()
    assert app.return_code == 0


async def test_slash_gives_the_filter_bar_the_focus_at_once(catalog: Catalog) -> None:
    """/jiangyin typed the instant the first frame shows (a first launch, no snapshot, in tmux):
    the letters after / arrived before the filter bar took the focus (focus() waits for the next
    refresh), so the i of jiangyin opened the columns picker. The bar has the focus as soon as /
    is answered."""
    from baiqiang.tui.widgets.filter_bar import FilterBar

    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = app.query_one("#view-industrial-counties", TableView)
        view.action_open_filter()
        assert app.focused is view.query_one(FilterBar)  # no refresh in between
        await pilot.press(*"jiangyin")
        await settle(pilot)
        assert view.rows["name"].to_list() == ["江阴市"] and len(app.screen_stack) == 1


async def test_a_drill_down_asked_for_under_a_dialog_opens_once_it_closes(catalog: Catalog) -> None:
    """Enter then s in one burst: the unit's pane was asked for by the list, the sort picker
    opened first; the pane opened over the picker, and Escape then had a drill-down under a
    dialog to undo (random keys needed a fourth Escape). It now waits for the picker to close."""
    from baiqiang.tui.messages import UnitChosen
    from baiqiang.tui.screens.detail_screen import DetailScreen
    from baiqiang.tui.screens.picker_screen import PickerScreen

    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        app.post_message(UnitChosen("江阴市", "江苏", "无锡市", "320281"))  # as Enter on the list sent it
        await settle(pilot)
        assert [type(s) for s in app.screen_stack][1:] == [PickerScreen]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen) and app.screen.profile["name"] == "江阴市"
        await pilot.press("escape", "q")
        await settle(pilot)
    assert app.return_code == 0
