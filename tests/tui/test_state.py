"""tui.state: a view's state, and the command line that reproduces it — checked both ways."""

from __future__ import annotations

import io
import shlex

import polars as pl
import pytest

from baiqiang.core.catalog import Catalog
from baiqiang.core.filters import FILTERS, Filters
from baiqiang.core.service import Order, rows
from baiqiang.tui.cli import main
from baiqiang.tui.state import ViewState, command_line


def test_command_line_quotes_only_what_a_shell_needs() -> None:
    state = ViewState(
        "industrial-counties",
        Filters(province="江苏", tier=2, search="苏 州"),
        Order("rank", descending=True),
    )
    command = command_line(state)
    assert (
        command
        == "baiqiang list industrial-counties --province 江苏 --tier 2 --search '苏 州' --sort rank --desc"
    )
    assert shlex.split(command)[8] == "苏 州"


def test_cleared_keeps_the_order_and_drops_filters() -> None:
    state = ViewState(
        "industrial-districts", Filters(province="广东", region="东部"), Order("name")
    ).cleared()
    assert state == ViewState("industrial-districts", order=Order("name"))
    assert not state.filters and state.filters.active() == []


def test_every_filter_has_a_flag() -> None:
    full = Filters(
        province="江苏",
        region="东部",
        prefecture="苏州市",
        tier=1,
        county_type="县级市",
        name="k",
        search="苏",
        ranks=(1, 50),
    )
    assert [k for k, _ in full.active()] == list(FILTERS)  # each written back as its option


STATES = [
    ViewState("industrial-counties", Filters(province="浙江", tier=2), Order("rank", descending=True)),
    ViewState("industrial-districts", Filters(prefecture="苏州市", search="区"), Order("name")),
    ViewState("innovation-counties", Filters(region="中部", ranks=(10, 60))),
    ViewState("industrial-counties", Filters(county_type="县", name="c")),
    ViewState("billion-clusters", Filters(province="江苏"), Order("scale_min_yi", descending=True)),
    ViewState("industrial-counties", order=Order(descending=True)),
]


@pytest.mark.parametrize("state", STATES, ids=lambda s: s.table)
def test_the_command_line_prints_the_rows_the_view_shows(
    catalog: Catalog, state: ViewState, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    shown = rows(catalog, state.table, state.filters, order=state.order).collect()
    args = shlex.split(command_line(state))[1:]
    assert main([*args, "--format", "csv"]) == 0
    printed = pl.read_csv(io.BytesIO(capsysbinary.readouterr().out), schema=shown.schema)
    assert printed.equals(shown) and printed.height > 0


def test_the_status_line_counts_one_row_in_the_singular() -> None:
    from baiqiang.tui.widgets.status_line import StatusLine

    assert StatusLine.summary(1, [], "en").startswith("1 row │")
    assert StatusLine.summary(2_843, [], "en").startswith("2843 rows │")
    assert StatusLine.summary(1, [], "zh").startswith("1 行 │")
