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
from tests.tui.test_your_data import choose


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
        await pilot.press("i")  # a column added: the command names the columns, and $ copies it so
        await settle(pilot)
        await choose(pilot, "常住人口 (人)")
        await pilot.press("dollar_sign")
        await settle(pilot)
        assert "--columns " in copied[-1] and ",population" in copied[-1], copied[-1]
        assert copied[-1].startswith(full.split(" --sort")[0])


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


def test_amounts_figures_in_words_and_fitted_widths() -> None:
    from baiqiang.tui.charts import fit_title
    from baiqiang.tui.render import amount_text
    from baiqiang.tui.widgets.grid import fit_widths

    assert amount_text("≈", "八成", 80.0, "%") == "≈ 80%（八成）"  # not "≈ 八成 %"
    assert amount_text(">", "700", 700.0, "家") == "> 700 家"
    assert amount_text("≈", "八成", 80.0, "%", "%") == "≈ 80%"  # English: the number, no Chinese words
    assert amount_text(">", "2300", 2300.0, "亿元", "× 100m yuan") == "> 2300 × 100m yuan"
    assert amount_text("=", "92", 92.0, "个", "") == "= 92"
    widths = fit_widths([4, 8, 16, 18, 2], [4, 4, 6, 6, 2], room=50, cap=48, padding=2)
    assert sum(w + 2 for w in widths) <= 50 and widths[:2] == [4, 8] and widths[4] == 2
    assert cell_len(fit_title("2022年中国工业百强县(市) · 省份 · province=浙江", 30)) <= 26
    assert fit_title("短", 30) == "短"


async def test_every_view_is_usable_at_80x24(catalog: Catalog) -> None:
    """Each view at 80×24: every column header on screen in full, the cluster tables one at a
    time under their titles, the statistics table above its chart, the map with its legend
    above it."""
    from baiqiang.tui.widgets.cluster_view import ClusterView
    from baiqiang.tui.widgets.grid import Grid

    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for lang_key in ("", "L"):
            if lang_key:
                await pilot.press(lang_key)
            for tab in ("1", "2", "3"):
                await pilot.press(tab)
                await settle(pilot)
                grid = app.query_one(
                    f"#view-{['industrial-counties', 'innovation-counties', 'industrial-districts'][int(tab) - 1]} Grid",
                    Grid,
                )
                used = sum(c.render_width for c in grid.columns)
                assert used <= 80 - grid.styles.scrollbar_size_vertical
        await pilot.press("L", "4")
        await settle(pilot)
        clusters = app.query_one(ClusterView)
        assert app.focused is clusters.national.table
        await pilot.press("b")
        await settle(pilot)
        assert app.focused is clusters.billion.table
        await pilot.press("6")
        await settle(pilot)
        assert app.query_one("StatsView").has_class("narrow")
        await pilot.press("1", "c", "c", "c", "c", "c")
        await settle(pilot)
        chart = app.query_one("#view-industrial-counties ChartPanel", ChartPanel).text.splitlines()
        assert "地图" in chart[0] and "第一梯队" in chart[1]  # title and legend above the map


async def test_a_clusters_counties_fit_80_columns_with_every_header_whole(catalog: Catalog) -> None:
    from baiqiang.tui.screens.units_screen import UnitsScreen
    from baiqiang.tui.widgets.grid import Grid

    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("4", "down", "down", "enter")  # 金华市现代五金集群
        await settle(pilot)
        assert isinstance(app.screen, UnitsScreen)
        grid = app.screen.query_one(Grid)
        widths = [c.render_width for c in grid.columns]
        assert sum(widths) <= 80 - grid.styles.scrollbar_size_vertical
        labels = [c.label for c in grid.columns]
        assert "区划代码" in labels and all(c.width >= cell_len(c.label) for c in grid.columns)
        assert app.screen.rows.filter(app.screen.rows["name"] == "缙云县")["prefecture"][0] == "丽水市"


async def test_the_language_switch_reaches_open_drill_downs(catalog: Catalog) -> None:
    from baiqiang.tui.screens.detail_screen import DetailScreen
    from baiqiang.tui.screens.units_screen import UnitsScreen
    from baiqiang.tui.widgets.grid import Grid

    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen) and "榜单排名" in _text(app.screen)
        await pilot.press("L")
        await settle(pilot)
        assert "Rankings" in _text(app.screen) and "Back" in keys(app)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, UnitsScreen)
        assert _text(app.screen).startswith("Listed units of 江苏省")
        await pilot.press("L")
        await settle(pilot)
        labels = [c.label for c in app.screen.query_one(Grid).columns]
        assert "榜单" in labels and app.screen.query_one(Grid).row_count > 0
        assert _text(app.screen).startswith("江苏省 的入榜单位")  # its title follows too


async def test_open_dialogs_follow_the_language_switch_even_in_one_burst(catalog: Catalog) -> None:
    """A picker, the help and the export prompt show the words of the language switched to just
    before they open (``L`` then ``p`` in one burst: the view still speaks the old one when ``p``
    arrives) or while they are open, and their own keys in the key bar. What was typed stays."""
    from textual.widgets import Input, Label, OptionList

    from baiqiang.tui.screens.export_screen import ExportScreen
    from baiqiang.tui.screens.help_screen import HelpScreen
    from baiqiang.tui.screens.picker_screen import PickerScreen
    from baiqiang.tui.widgets.grid import Grid
    from tests.tui.test_random_keys import key_event

    def title(screen) -> str:  # type: ignore[no-untyped-def]
        return str(screen.query_one(".dialog-title", Label).render())

    async def burst(*keys: str) -> None:  # sent at once, as a fast typist sends them
        for key in keys:
            app.post_message(key_event(key))
        await settle(pilot)

    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await burst("L", "p")
        assert isinstance(app.screen, PickerScreen) and app.language == "en"
        assert title(app.screen) == "Choose a province"
        shown = [ident for ident, _, _ in app.screen.query_one(KeyBar).items()]
        assert shown[0] == "picker.cancel" and "view.sort" not in shown  # the dialog's keys, not the view's
        await pilot.press("down")
        app.action_toggle_language()  # (a switch while it is open)
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        assert title(app.screen) == "选择省份" and str(options.get_option_at_index(0).prompt) == "（全部）"
        assert options.highlighted == 1
        await pilot.press("escape")
        await burst("L", "question_mark")
        assert isinstance(app.screen, HelpScreen) and app.language == "en"
        assert [c.label for c in app.screen.query_one(Grid).columns] == ["Key", "Action"]
        await pilot.press("escape")
        await settle(pilot)
        await burst("L", "e")
        assert isinstance(app.screen, ExportScreen) and app.language == "zh"
        assert title(app.screen).startswith("导出")
        field = app.screen.query_one(Input)
        field.value = "typed.csv"
        app.action_toggle_language()
        await settle(pilot)
        assert title(app.screen).startswith("Export") and field.value == "typed.csv"


def _text(screen) -> str:  # type: ignore[no-untyped-def]
    from textual.widgets import Static

    return " ".join(str(s.render()) for s in screen.query(Static))


async def test_the_tree_speaks_the_interface_language(catalog: Catalog) -> None:
    from baiqiang.tui.widgets.region_tree import RegionTree

    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("7")
        await settle(pilot)
        tree = app.query_one(RegionTree)
        assert str(tree.root.children[0].label) == "东部 (70)"
        await pilot.press("G")  # g and G as in every list
        await settle(pilot)
        assert tree.cursor_line == tree.last_line > 0
        await pilot.press("g")
        await settle(pilot)
        assert tree.cursor_line == 0
        assert str(tree.root.label).startswith("2022年中国工业百强县(市)")
        await pilot.press("L")
        await settle(pilot)
        assert str(tree.root.children[0].label) == "East (70)"  # a region is a term: English only
        assert str(tree.root.children[0].children[0].label).startswith("河北省 Hebei (")  # a name stays
        assert str(tree.root.label).startswith("Top-100 industrial counties")


async def test_the_reports_inconsistencies_are_told_in_the_interface_language(catalog: Catalog) -> None:
    """And the figures: in English mode a metric and its measure are in English (the report's
    sentence is quoted as written)."""
    from textual.widgets import Static

    from baiqiang.tui.widgets.grid import Grid

    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        quote = str(app.query_one("#highlights-quote", Static).render())
        assert "报告自相矛盾" in quote and "四川 34" in quote and "四川 33" in quote
        assert "report inconsistent" not in quote
        grid = app.query_one("#highlights-table", Grid)
        assert grid.get_row_at(1)[1:3] == ["一般公共预算收入", "= 7237 亿元"]
        await pilot.press("L")
        await settle(pilot)
        quote = str(app.query_one("#highlights-quote", Static).render())
        assert "report inconsistent" in quote
        assert quote.startswith("Total GDP\n“GDP 合计")  # the metric whole, the report's sentence as written
        assert grid.get_row_at(1)[1:3] == ["General public budget revenue", "= 7237 × 100m yuan"]
        # and drawn whole, at 100 columns: the metric gives up cells, never the figure (a
        # newcomer's run saw "= 9.9 trill…", "= 7237 × 10…" with the year column empty)
        drawn = [grid.render_line(y).text for y in range(1, 6)]
        assert any("= 7237 × 100m yuan" in line for line in drawn), drawn
        assert not any("trill…" in line or "× 10…" in line for line in drawn), drawn


async def test_l_switches_the_language_in_a_dialog_and_is_a_letter_in_a_field(catalog: Catalog) -> None:
    """A dialog hides the app's keys; L still switches the language in help and a picker, and
    stays a letter in the export's file name."""
    from textual.widgets import Input

    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for opener in ("question_mark", "s"):
            await pilot.press(opener, "L")
            await settle(pilot)
            assert app.language == "en" and app.screen.lang == "en", opener  # type: ignore[attr-defined]
            await pilot.press("L", "escape")
            await settle(pilot)
            assert app.language == "zh", opener
        await pilot.press("e", "end", "L")
        await settle(pilot)
        assert app.language == "zh" and app.screen.query_one(Input).value.endswith("L")


async def test_the_map_leaves_rows_and_the_status_line_at_80x24_with_the_filter_open(
    catalog: Catalog,
) -> None:
    """A map takes three quarters of a tall view; at 80×24, with the filter bar open, that left
    the table its header alone and pushed the status line under the key bar."""
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"suzhou", "escape", *"ccccc")
        await settle(pilot)
        view = app.query_one("#view-industrial-counties", TableView)
        assert view.chart_mode == "map" and view.table.size.height >= 4  # a header and 3 rows
        status = view.query_one(StatusLine)
        assert status.region.bottom <= app.query_one(KeyBar).region.y
    async with make_app(catalog).run_test(size=(120, 40)) as pilot:  # tall: the map has the room
        await settle(pilot)
        await pilot.press(*"ccccc")
        await settle(pilot)
        assert pilot.app.query_one("#view-industrial-counties", TableView).has_class("map")


async def test_statistics_by_region_or_type_speak_english_in_english_mode(catalog: Catalog) -> None:
    """The list says East and county-level city in English mode; 统计's rows said 东部, 县级市."""
    from baiqiang.tui.widgets.grid import Grid

    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("L", "6", "d")  # by region
        await settle(pilot)
        grid = app.query_one("#stats-table", Grid)
        regions = {grid.get_row_at(i)[0] for i in range(grid.row_count)}
        assert regions == {"East", "Central", "West", "Northeast"}, regions
