"""Every word in the interface's language: charts, filters, titles and sentences made outside the
Pilot sessions (the views that show them are tried in tests/tui/test_keys_and_status.py)."""

from __future__ import annotations

import polars as pl

from baiqiang.core.catalog import Catalog
from baiqiang.core.filters import Filters
from baiqiang.core.plain.names import term
from baiqiang.tui import plots
from baiqiang.tui.state import ViewState
from baiqiang.tui.widgets.status_line import StatusLine


def test_a_term_in_each_language_and_a_name_as_written() -> None:
    assert [term("region", "东部", "en"), term("region", "东部", "zh")] == ["East", "东部"]
    assert [term("sector_group", "emerging", "zh"), term("sector_group", "emerging", "en")] == [
        "新兴产业",
        "emerging",
    ]
    assert term("province", "江苏", "en") == "江苏"  # a name is not a term


def test_charts_label_their_bars_as_the_lists_do(catalog: Catalog) -> None:
    ic = catalog.tables["industrial-counties"]
    english = plots.bars(ic, by="region", width=60, lang="en")
    assert "East" in english and "东部" not in english
    assert "东部" in plots.bars(ic, by="region", width=60, lang="zh")
    nc = catalog.tables["national-clusters"]
    chinese = plots.bars(nc, by="sector_group", width=60, lang="zh")
    assert "新兴产业" in chinese and "emerging" not in chinese
    scales = plots.bars(catalog.tables["billion-clusters"], by="scale", width=60, lang="en")
    assert "500 bn yuan class" in scales and "千亿级" not in scales
    legend = plots.listed_map(
        catalog.divisions, {"innovation-counties": catalog.tables["innovation-counties"].collect()},
        by="list", width=80, lang="en",
    )  # fmt: skip
    assert "Innovation" in legend and "创新百强县" not in legend


def test_the_status_line_says_a_filters_term_in_the_language() -> None:
    state = ViewState("industrial-counties", Filters(region="中部", county_type="县"))
    summary, command = StatusLine.texts(state, 5, "en")
    assert "region=Central" in summary and "county-type=county" in summary, summary
    assert "中部" in command  # the command is the command, in any language
    assert "区域=中部" in StatusLine.texts(state, 5, "zh")[0]


def test_a_scatter_names_its_axes_and_counts_in_the_language(catalog: Catalog) -> None:
    lf = pl.LazyFrame({"rank": [1.0, 2.0, 3.0], "v": [5.0, None, 7.0]})
    chart = plots.scatter(
        lf, x="rank", y="v", width=50, height=12, xlabel="排名", ylabel="常住人口", lang="zh"
    )
    assert chart.endswith("2 个点；1 行缺少其一，未画出") and "排名" in chart
    assert plots.scatter(lf, x="rank", y="v", width=50, height=12, lang="en").endswith(
        "2 points; 1 rows without both left out"
    )


def test_an_unlisted_units_context_is_said_in_english(catalog: Catalog) -> None:
    from baiqiang.core.profile import lookup
    from baiqiang.tui.render import context_text

    p = lookup(catalog, "巴里坤哈萨克自治县")
    said = context_text(p.to_dict(), "en").plain  # type: ignore[union-attr]
    assert "counties and county-level cities" in said and "Top-100 industrial counties, 2022" in said
    assert "县(市)" not in said and "2022年" not in said
