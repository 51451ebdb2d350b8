"""Pilot tests of every flow of the explorer."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
from textual.command import CommandList
from textual.widgets import OptionList, Static, TabbedContent
from typer.testing import CliRunner

from baiqiang.core.catalog import Catalog
from baiqiang.core.query import overlap
from baiqiang.tui.app import BaiqiangApp, make_app
from baiqiang.tui.cli import app as cli_app
from baiqiang.tui.screens.confirm_screen import ConfirmScreen
from baiqiang.tui.screens.detail_screen import DetailScreen
from baiqiang.tui.screens.export_screen import ExportScreen
from baiqiang.tui.screens.help_screen import HelpScreen
from baiqiang.tui.screens.picker_screen import PickerScreen
from baiqiang.tui.screens.units_screen import UnitsScreen
from baiqiang.tui.state import command_line
from baiqiang.tui.widgets.chart_panel import ChartPanel
from baiqiang.tui.widgets.grid import Grid
from baiqiang.tui.widgets.region_tree import RegionTree
from baiqiang.tui.widgets.stats_view import StatsView
from baiqiang.tui.widgets.status_line import StatusLine
from baiqiang.tui.widgets.table_view import TableView
from tests.tui.conftest import settle


def view(app: BaiqiangApp, table: str = "industrial-counties") -> TableView:
    return app.query_one(f"#view-{table}", TableView)


def names(v: TableView) -> list[str]:
    return v.rows["name"].to_list()


def status(v: TableView) -> str:
    return str(v.query_one(StatusLine).render())


async def test_opens_on_industrial_counties(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        v = view(app)
        assert app.focused is v.table
        assert v.rows.height == 100 and v.table.row_count == 100
        assert names(v)[:3] == ["昆山市", "江阴市", "张家港市"]
        assert "100 行" in status(v) and "$ baiqiang list industrial-counties" in status(v)


async def test_filter_narrows_as_you_type_and_the_status_command_reproduces_it(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        v = view(app)
        await pilot.press("slash", "k", "u", "n")
        await settle(pilot)
        assert names(v) == ["昆山市", "安宁市"]  # 安宁市 is in 昆明市 (Kunming): prefecture pinyin counts
        await pilot.press("backspace", "backspace", "backspace", *"苏州")
        await settle(pilot)
        assert names(v) == ["昆山市", "张家港市", "常熟市", "太仓市"]
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is v.table and names(v) == ["昆山市", "张家港市", "常熟市", "太仓市"]
        command = command_line(v.state)
        assert command == "baiqiang list industrial-counties --search 苏州"
        assert command in status(v)
        result = CliRunner().invoke(cli_app, command.split()[1:] + ["--format", "csv"])
        assert pl.read_csv(io.StringIO(result.stdout))["name"].to_list() == names(v)


async def test_initials_filter(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "k", "s", "s")
        await settle(pilot)
        assert names(view(app)) == ["昆山市"]


async def pick(pilot, key: str, label_start: str) -> None:
    await pilot.press(key)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PickerScreen)
    index = next(i for i, label in enumerate(screen.labels) if label.startswith(label_start))
    options = screen.query_one(OptionList)
    step = "j" if index >= (options.highlighted or 0) else "k"
    for _ in range(abs(index - (options.highlighted or 0))):
        await pilot.press(step)
    assert options.highlighted == index
    await pilot.press("enter")
    await settle(pilot)


async def test_quick_filters_and_clear(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        v = view(app)
        await pick(pilot, "p", "江苏")
        assert v.rows.height == 23 and set(v.rows["province"]) == {"江苏省"}
        await pick(pilot, "t", "第二梯队")
        assert v.rows.height == 9
        assert "--province 江苏 --tier 2" in status(v)
        await pilot.press("x")
        await settle(pilot)
        await pick(pilot, "r", "东北")
        assert names(v) == ["瓦房店市"]
        await pilot.press("x")
        await settle(pilot)
        await pick(pilot, "y", "旗")
        assert names(v) == ["准格尔旗", "伊金霍洛旗", "鄂托克旗"]
        await pilot.press("p", "escape")  # cancelling a picker keeps the filter
        await settle(pilot)
        assert v.rows.height == 3
        await pilot.press("x")
        await settle(pilot)
        assert v.rows.height == 100 and "无筛选" in status(v)


async def test_sort_by_key_and_by_header_click(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        v = view(app)
        await pick(pilot, "s", "省份")
        assert (
            v.state.order.column == "province" and v.rows["province"][0] == "河北省"
        )  # provinces in code order
        await pick(pilot, "s", "省份")
        assert v.state.order.descending and v.rows["province"][0] == "新疆维吾尔自治区"
        await pick(pilot, "s", "（报告原顺序）")
        assert v.state.order.column is None and names(v)[0] == "昆山市"
        # a click on the 梯队 header sorts by tier, a second click reverses it
        header_x = sum(c.render_width for c in v.table.columns[:6]) + 1
        await pilot.click(v.table, offset=(header_x, 0))
        await settle(pilot)
        assert v.state.order.column == "tier" and v.rows["tier"][0] == 1
        await pilot.click(v.table, offset=(header_x, 0))
        await settle(pilot)
        assert v.state.order.descending and v.rows["tier"][0] == 4
        assert "--sort tier --desc" in status(v)


async def test_jump_to_rank_and_vi_keys(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        v = view(app)
        await pilot.press("j", "j", "k")
        assert v.table.cursor_row == 1
        await pilot.press("colon", "4", "2", "enter")
        await settle(pilot)
        assert v.table.cursor_row == 41 and names(v)[41] == "长葛市"


async def test_drill_down_province_units_and_back(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, DetailScreen) and detail.profile["name"] == "昆山市"
        assert [r["rank"] for r in detail.profile["rankings"]] == [1, 1]
        await pilot.press("f")
        await settle(pilot)
        units = app.screen
        assert isinstance(units, UnitsScreen)
        assert set(units.rows["prefecture"]) == {"苏州市"} and units.rows.height == 12
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen) and app.screen.profile["name"] == units.rows["name"][1]
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert app.screen is detail
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, UnitsScreen) and set(app.screen.rows["province"]) == {"江苏省"}
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, (DetailScreen, UnitsScreen))
        assert app.focused is view(app).table


async def test_cluster_counties_and_an_unlisted_county(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        national = app.query_one("#view-national", TableView)
        assert app.focused is national.table
        await pilot.press("j", "j", "enter")  # 金华市现代五金集群
        await settle(pilot)
        units = app.screen
        assert isinstance(units, UnitsScreen)
        assert units.rows["name"].to_list() == ["永康市", "缙云县", "武义县"]
        assert units.rows.row(0)[3:] == (49, 46, None, "330784")  # 永康市 in both county lists
        # 缙云县 is in no list, and still shows where it is
        assert units.rows.row(1)[1:] == ("浙江省", "丽水市", None, None, None, "331122")
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.profile["name"] == "缙云县" and app.screen.profile["rankings"] == []
        assert app.screen.profile["context"]["units_in_province"] == 53


async def test_the_detail_pane_scrolls_from_the_start_and_your_numbers_come_first(catalog: Catalog) -> None:
    """Focus starts on the pane (not the 3-row cluster table): ↓, j, PageDown, Space and End
    scroll it; the unit's own numbers come right after its rankings, before the quotes."""
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # 昆山市: rankings, clusters, nine facts
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        pane = detail.query_one("#detail")
        assert pane.has_focus and pane.scroll_y == 0
        for key in ("down", "j", "pagedown", "space"):
            before = pane.scroll_y
            await pilot.press(key)
            await settle(pilot)
            assert pane.scroll_y > before, key
        await pilot.press("end")
        await settle(pilot)
        assert pane.scroll_y == pane.max_scroll_y > 0
        order = [w.id for w in pane.children if w.id]
        assert order.index("detail-rankings") < order.index("detail-clusters") < order.index("detail-facts")


async def test_detail_cluster_row_lists_its_counties(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"长葛", "escape", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("c", "enter")  # c: to the clusters (许昌市节能环保产业集群), Enter: its counties
        await settle(pilot)
        assert isinstance(app.screen, UnitsScreen)
        assert app.screen.rows["name"].to_list() == ["长葛市", "禹州市"]


async def test_chart_follows_the_filter(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        v = view(app)
        await pilot.press("c")
        await settle(pilot)
        chart = v.query_one(ChartPanel).text
        assert "浙江省 25" in chart and "江苏省 23" in chart
        await pick(pilot, "r", "中部")
        chart = v.query_one(ChartPanel).text
        assert "浙江省" not in chart and "河南省 5" in chart
        await pilot.press("c")
        await settle(pilot)
        assert "中部 20" in v.query_one(ChartPanel).text
        await pilot.press("c", "c")  # tier, then the heat map
        await settle(pilot)
        heat = v.query_one(ChartPanel).text
        assert "合计" in heat and "河南省" in heat
        await pilot.press("c", "c")  # the map, then no chart
        await settle(pilot)
        assert not v.query_one(ChartPanel).display


async def test_stats_follow_the_last_filter(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pick(pilot, "p", "浙江")
        await pilot.press("6")
        await settle(pilot)
        stats = app.query_one(StatsView)
        assert stats.source.filters.province == "浙江"
        chart = stats.query_one(ChartPanel).text
        assert "province=浙江" in chart and "浙江省 25" in chart
        table = stats.query_one("#stats-table")
        assert [c.key for c in table.columns][-2:] == ["units_in_province", "share_of_province"]
        assert table.get_row_at(0) == ["浙江省", "25", "100.0%", "53", "47.2%"]  # 图14: 25 of 浙江's 53
        await pilot.press("d")
        await settle(pilot)
        assert stats.dimension == "region"
        await pilot.press("v", "v")
        await settle(pilot)
        both = overlap(
            catalog.tables["industrial-counties"], catalog.tables["innovation-counties"], a_id="a", b_id="b"
        )
        in_zhejiang = both.filter(pl.col("province") == "浙江省").collect().height
        assert f"({in_zhejiang})" in stats.query_one(ChartPanel).text  # 浙江's counties in both lists
        await pilot.press("v")
        await settle(pilot)
        assert "千亿级" in stats.query_one(ChartPanel).text
        for key, table in (("2", "innovation-counties"), ("1", "industrial-counties")):
            await pilot.press(key, "6")  # the list looked at last is the one counted, filtered or not
            await settle(pilot)
            assert stats.source.table == table, key
        assert stats.source.filters.province == "浙江"  # 表1 kept its filter


async def test_export_writes_and_never_overwrites_without_confirmation(
    catalog: Catalog, tmp_path: Path
) -> None:
    target = tmp_path / "jiangsu.csv"
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pick(pilot, "p", "江苏")
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-path")
        field.value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        written = pl.read_csv(target)
        assert written.height == 23 and written["name"][0] == "昆山市"
        before = target.read_bytes()
        # again: asks, "n" keeps the file
        await pick(pilot, "p", "浙江")
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert target.read_bytes() == before
        # and "y" replaces it
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert pl.read_csv(target).height == 25
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#export-path").value = str(tmp_path / "zj.xlsx")
        await pilot.press("enter")
        await settle(pilot)
        assert (tmp_path / "zj.xlsx").read_bytes()[:2] == b"PK"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["jiangsu.csv", "zj.xlsx"]


async def test_help_opens_with_question_mark_and_f1(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen)
            described = dict((d, k) for k, d in app.screen.keys)
            assert {"筛选", "省份", "排序", "图表", "导出", "退出"} <= set(described)  # in 中文 mode, Chinese
            keys = app.screen.query_one("#help-keys", Grid)  # every key on the page: none behind Tab
            assert keys.size.height == keys.row_count + 1 > 30
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, HelpScreen)


async def test_language_toggle(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        v = view(app)
        await pilot.press("L")
        await settle(pilot)
        labels = [c.label for c in v.table.columns]
        assert labels[:3] == ["Rank", "Name", "Pinyin"]
        row = dict(zip(labels, v.table.get_row_at(0), strict=True))
        assert [row["Name"], row["Pinyin"]] == ["昆山市", "Kunshan Shi"]  # names stay Chinese
        assert [row["Region"], row["Type"]] == ["East", "county-level city"]  # terms do not
        assert "100 rows" in status(v)
        await pilot.press("enter")
        await settle(pilot)
        group = app.screen.query_one("#detail-head", Static).content
        head = " ".join(part.plain for part in group.renderables)  # type: ignore[union-attr]
        assert "East · county-level city" in head and "东部" not in head
        ranks = app.screen.query_one("#detail-rankings", Grid).get_row_at(0)
        assert ranks[0] == "Top-100 industrial counties, 2022", ranks  # the list's title too
        clusters = app.screen.query_one("#detail-clusters", Grid).get_row_at(0)
        assert clusters[2] == "innovative industrial cluster pilot", clusters
        assert clusters[0] == "Table 4", clusters  # the report's table, in English (not 表4)
        facts = app.screen.query_one("#detail-facts", Static).content
        facts = " ".join(t.plain for g in facts.renderables for t in g.renderables)  # type: ignore[union-attr]
        assert "Number of high-tech enterprises > 700 firms (2021)" in facts, facts[:200]
        await pilot.press("escape", "4")
        await settle(pilot)
        row = app.query_one("#view-national", TableView).table.get_row_at(0)
        assert "advanced manufacturing cluster" in row and "先进制造业集群" not in row, row
        tabs = app.query_one("#view-clusters TabbedContent", TabbedContent)
        assert str(tabs.get_tab("pane-national").label).startswith("Table 4 National"), tabs
        await pilot.press("1", "L")
        await settle(pilot)
        assert [c.label for c in v.table.columns][:2] == ["排名", "名称"]
        assert "东部" in v.table.get_row_at(0)


async def test_views_switch_with_number_keys(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert names(view(app, "industrial-districts"))[0] == "龙岗区"
        await pilot.press("7")
        await settle(pilot)
        tree = app.query_one(RegionTree)
        assert app.focused is tree and "(100)" in str(tree.root.label)
        region = tree.root.children[0]
        assert str(region.label) == "东部 (70)"  # Chinese only in 中文 mode (English: "East")
        province = region.children[1]
        assert str(province.label) == "江苏省 (23)"
        await pilot.press("b")
        await settle(pilot)
        assert "创新" in str(tree.root.label)


async def test_tree_leaf_opens_detail(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("7")
        await settle(pilot)
        tree = app.query_one(RegionTree)
        leaf = tree.root.children[0].children[1].children[0].children[0]  # 东部 › 江苏省 › first prefecture
        tree.select_node(leaf)
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.profile["province"] == "江苏省"


async def test_starts_prefiltered_from_the_command_line(catalog: Catalog) -> None:
    app = make_app(catalog, table="industrial-districts", province="广东")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        v = view(app, "industrial-districts")
        assert app.focused is v.table
        assert v.rows.height == 22 and "--province 广东" in status(v)


async def test_command_palette_lists_actions_and_finds_units(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for needle in (
            "筛选 (/)",
            "放大图表 (z)",
            "省份 (p)",
            "排序 (s)",
            "导出 (e)",
            "图表 (c)",
            "帮助",
            "中/EN",
            "6 统计",
        ):
            assert any(needle in title for title in titles), needle
        assert not any("view-" in c.help or "_default" in c.help for c in app.get_system_commands(app.screen))
        await pilot.press("L")  # English mode: the palette is English
        await settle(pilot)
        assert any(c.title == "Chart (c)" for c in app.get_system_commands(app.screen))
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Chart", "enter")  # a view's action, run from the palette
        await settle(pilot)
        assert view(app).chart_mode == "province"
        await pilot.press("6")
        await settle(pilot)
        assert any(c.title == "Dimension (d)" for c in app.get_system_commands(app.screen))
        await pilot.press("L")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"kunshan")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen) and app.screen.profile["name"] == "昆山市"
        await pilot.press("escape")
        await settle(pilot)
        # what a name begins with comes first, a whole name before it, a listed unit among equals:
        # xian is 献县 and 西安区 before 相城区, not the Xian of sixty 县; ks is 昆山市, as show ks
        for typed, first in (("xian", ["献县", "西安区", "西安区", "相城区"]), ("ks", ["昆山市"])):
            await pilot.press("ctrl+p", *typed)
            await settle(pilot)
            options = app.screen.query_one(CommandList)
            shown = [str(options.get_option_at_index(i).prompt).split()[0] for i in range(len(first))]
            assert shown == first, typed
            await pilot.press("escape")
            await settle(pilot)


async def test_quit(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_map_view_follows_the_filter(catalog: Catalog) -> None:
    app = make_app(catalog)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        v = view(app)
        for _ in range(5):  # province, region, tier, heat map, map
            await pilot.press("c")
        await settle(pilot)
        assert v.chart_mode == "map"
        whole = v.query_one(ChartPanel).text
        assert "地图 · 100" in whole and "第一梯队 6" in whole
        await pick(pilot, "p", "江苏")
        zoomed = v.query_one(ChartPanel).text
        assert "地图 · 23" in zoomed and "第一梯队 4" in zoomed and "第四梯队 3" in zoomed


async def test_a_failing_worker_becomes_a_notification(catalog: Catalog, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("synthetic failure in a worker")

    app = make_app(catalog)
    told: list[str] = []
    notify = app.notify
    monkeypatch.setattr(
        app, "notify", lambda message, **kw: (told.append(str(message)), notify(message, **kw))
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        monkeypatch.setattr("baiqiang.tui.widgets.table_view.rows", broken)
        await pilot.press("x")  # a new state: the rows worker runs again and fails
        await settle(pilot)
        assert app.is_running
        assert any("synthetic failure" in m for m in told)
        await pilot.press("q")
    assert app.return_code == 0


def test_a_crash_exits_non_zero_and_writes_its_details(
    catalog: Catalog, monkeypatch, tmp_path, capsys
) -> None:
    from functools import partialmethod

    from baiqiang.tui.app import run_app

    def crash(self) -> None:
        raise RuntimeError("synthetic crash on mount")

    monkeypatch.setenv("BAIQIANG_HOME", str(tmp_path))
    monkeypatch.setattr(BaiqiangApp, "on_mount", crash)
    monkeypatch.setattr(BaiqiangApp, "run", partialmethod(BaiqiangApp.run, headless=True))
    assert run_app(catalog, table="industrial-counties", province=None) == 1
    err = capsys.readouterr().err
    assert (
        err.strip()
        == f"baiqiang: error: the explorer stopped on an internal error; details in {tmp_path}/crash.log"
    )
    assert "synthetic crash on mount" in (tmp_path / "crash.log").read_text(encoding="utf-8")


async def test_a_choice_made_twice_closes_the_picker_once(catalog: Catalog) -> None:
    """Enter twice in a picker: the second choice reaches a closed dialog and must be ignored."""
    from textual.widgets import OptionList

    from baiqiang.tui.screens.picker_screen import PickerScreen

    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        options = picker.query_one(OptionList)
        options.action_select()
        options.action_select()  # both selections are queued before the first is handled
        await settle(pilot)
        assert app.is_running and len(app.screen_stack) == 1
        await pilot.press("r")
        await settle(pilot)
        region = app.screen
        assert isinstance(region, PickerScreen)
        region.call_later(region.answer, "东部")
        region.call_later(region.answer, "中部")  # handled by the dialog before its pop is processed
        await settle(pilot)
        assert app.is_running and len(app.screen_stack) == 1
        await pilot.press("q")
    assert app.return_code == 0


async def test_drill_downs_stop_stacking_and_escape_still_steps_back(catalog: Catalog) -> None:
    """Detail → units → detail … replaces the top screen past a depth instead of stacking without end."""
    from baiqiang.tui.app import DRILL_DEPTH

    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(4):  # eight drill-downs, two past the depth
            await pilot.press("enter")  # a unit's detail, or a unit of the list shown
            await settle(pilot)
            await pilot.press("p")  # the province's units
            await settle(pilot)
        assert len(app.screen_stack) <= DRILL_DEPTH
        for _ in range(DRILL_DEPTH):
            await pilot.press("escape")
            await settle(pilot)
        assert len(app.screen_stack) == 1 and app.is_running
        await pilot.press("q")
    assert app.return_code == 0


async def test_export_names_the_folder_the_formats_and_refuses_a_directory(
    catalog: Catalog, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("BAIQIANG_EXPORT_DIR", str(tmp_path))
    (tmp_path / "sub").mkdir()
    app = make_app(catalog)
    said: list[str] = []
    app.notify = lambda message, **_: said.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        prompt = str(app.screen.query_one(".dialog-title").render())
        for ending in (".csv", ".tsv", ".json", ".ndjson", ".parquet", ".xlsx", ".txt"):
            assert ending in prompt
        field = app.screen.query_one("#export-path")
        assert field.value == str(tmp_path / "industrial-counties.csv")  # absolute, in a known folder
        field.value = "sub"  # relative: in that folder; and it is a directory
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        assert any("是一个目录" in m for m in said)
        # said, and asked again with what was typed (to be mended, not typed again)
        assert isinstance(app.screen, ExportScreen) and app.screen.query_one("#export-path").value == "sub"
        for typed, why in (("top.xls", "扩展名无法识别"), ("nowhere/top.csv", "目录不存在")):
            app.screen.query_one("#export-path").value = typed
            await pilot.press("enter")
            await settle(pilot)
            assert any(why in m for m in said), typed
            assert (
                isinstance(app.screen, ExportScreen) and app.screen.query_one("#export-path").value == typed
            )
        app.screen.query_one("#export-path").value = "top.txt"
        await pilot.press("enter")
        await settle(pilot)
        assert "昆山市" in (tmp_path / "top.txt").read_text(encoding="utf-8")
        assert any(str(tmp_path / "top.txt") in m for m in said)


async def test_a_served_export_is_a_download_and_writes_nothing(
    catalog: Catalog, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """In a browser (baiqiang serve) e hands the file to the browser; no path is asked for and
    nothing is written on the server, whatever is typed (a path keeps only its file name)."""
    monkeypatch.setenv("BAIQIANG_EXPORT_DIR", str(tmp_path))
    app = BaiqiangApp(catalog, served=True)
    delivered: list[tuple[bytes, str | None, str | None]] = []
    app.deliver_binary = lambda f, **kw: delivered.append((f.read(), kw["save_filename"], kw["mime_type"]))  # type: ignore[method-assign,assignment]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("Input").value = "sub/top.xlsx"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
    assert [(name, mime) for _, name, mime in delivered] == [
        ("top.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    ]
    assert pl.read_excel(io.BytesIO(delivered[0][0]))["name"][0] == "昆山市"
    assert list(tmp_path.iterdir()) == []
