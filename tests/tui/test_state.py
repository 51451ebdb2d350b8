"""tui.state: a view's state and the command line that reproduces it."""

from __future__ import annotations

import shlex

import polars as pl
from polars.testing import assert_frame_equal

from tui.state import ViewState, apply, command_line


def test_command_line_quotes_only_what_a_shell_needs() -> None:
    state = ViewState(
        "industrial-counties", province="江苏", tier=2, search="苏 州", sort="rank", descending=True
    )
    command = command_line(state)
    assert (
        command
        == "baiqiang list industrial-counties --province 江苏 --tier 2 --search '苏 州' --sort rank --desc"
    )
    assert shlex.split(command)[8] == "苏 州"


def test_cleared_keeps_the_sort_and_drops_filters() -> None:
    state = ViewState("industrial-districts", province="广东", region="东部", sort="name").cleared()
    assert state == ViewState("industrial-districts", sort="name")
    assert state.filters == []


def test_apply_filters_then_sorts() -> None:
    lf = pl.LazyFrame(
        {
            "rank": [1, 2, 3],
            "name": ["龙岗区", "顺德区", "江宁区"],
            "province": ["广东省", "广东省", "江苏省"],
            "prefecture": ["深圳市", "佛山市", "南京市"],
            "province_short": ["广东", "广东", "江苏"],
            "pinyin": ["Longgang Qu", "Shunde Qu", "Jiangning Qu"],
            "initials": ["lgq", "sdq", "jnq"],
        }
    )
    out = apply(lf, ViewState("industrial-districts", province="广东", sort="rank", descending=True))
    assert_frame_equal(out.select("name").collect(), pl.DataFrame({"name": ["顺德区", "龙岗区"]}))
