"""tui.charts: Chinese labels line up, nothing is dropped, widths are kept."""

from __future__ import annotations

import re

from rich.cells import cell_len

from baiqiang.tui.charts import bar_chart, heat_map, scatter_chart, visible


def widths(chart: str) -> set[int]:
    return {cell_len(visible(line)) for line in chart.split("\n")}


def test_bar_chart_with_many_chinese_labels_keeps_every_label_and_one_width() -> None:
    labels = [f"县{i}市" for i in range(250)]
    chart = bar_chart(labels, [float(v) for v in range(250, 0, -1)], width=60, title="标题")
    assert widths(chart) == {60}
    compact = chart.replace(" ", "")
    assert all(f"{label}┤" in compact for label in labels)
    assert "标题" in chart


def test_bar_chart_first_label_on_top() -> None:
    chart = bar_chart(["浙江省 25", "江苏省 23"], [25.0, 23.0], width=40)
    lines = [line for line in chart.split("\n") if "┤" in line]
    assert lines[0].strip().startswith("浙江省 25") and lines[1].strip().startswith("江苏省 23")


def test_heat_map_fits_or_says_it_was_cut() -> None:
    rows = ["河北省", "内蒙古", "广东省"]
    cols = [f"{lo}-{lo + 9}" for lo in range(1, 101, 10)]
    matrix = [[i % 3 for i in range(10)], [0] * 10, [6] + [0] * 9]
    wide = heat_map(rows, cols, matrix, width=120, title="图22")
    assert len(widths(wide)) == 1 and "91-100" in wide and "total" in wide and "shade:" in wide
    narrow = heat_map(rows, cols, matrix, width=72)
    assert max(widths(narrow)) <= 72 and "91-" in narrow and "cut at" not in narrow
    chinese = heat_map(rows, cols, matrix, width=72, lang="zh")  # the explorer's 中文 mode: Chinese
    assert "合计" in chinese and "深浅:" in chinese and "即第 91–100 名" in chinese
    assert not re.search(r"[A-Za-z]", chinese.replace("图22", ""))
    tiny = heat_map(rows, cols, matrix, width=40)
    assert max(widths(tiny)) <= 40 and "cut at 40 columns" in tiny


def test_scatter_has_one_width() -> None:
    chart = scatter_chart([1, 50, 99], [3, 40, 97], width=50, height=15, title="工业 vs 创新")
    assert widths(chart) == {50}


def test_frame_rows_show_counts_without_a_point_and_measure_cjk_as_two() -> None:
    """SYNTHETIC figures: a float column of whole numbers reads as integers (708829, not
    708829.0), one with a fraction, NaN or a value past 2**53 as floats; widths count a CJK
    character as two cells; an empty frame has widths of zero."""
    import polars as pl

    from baiqiang.tui.frame_rows import FrameRows

    df = pl.DataFrame(
        {
            "name": ["昆山市", "ab"],
            "people": [708829.0, None],
            "rate": [1.5, 2.0],
            "odd": [float("nan"), 1.0],
            "huge": [2.0**60, 1.0],
            "none": pl.Series([None, None], dtype=pl.Float64),
        }
    )
    rows = FrameRows(df, df.columns)
    assert rows.cells(0) == ("昆山市", "708829", "1.5", "NaN", "1.152921504606847e+18", "")
    assert rows.cells(1) == ("ab", "", "2.0", "1.0", "1.0", "")
    assert [max(n, default=0) for n in rows.lengths()] == [6, 6, 3, 3, 21, 0]
    assert rows.lengths()[0] == {6: 1, 2: 1}  # a column of text: its cells by width
    assert FrameRows(df.head(0), df.columns).lengths() == [{}] * 6
    # a column of decimals to one number of places; a blank stays blank; NaN or 1e-7 leave theirs as held
    odd = pl.DataFrame({"a": [1.5, None, 2.25], "b": [1.5, float("nan"), 2.25], "c": [0.1, 1e-7, 2.0]})
    cells = [FrameRows(odd, odd.columns).cells(i) for i in range(3)]
    assert cells == [("1.50", "1.5", "0.1"), ("", "NaN", "1e-7"), ("2.25", "2.25", "2.0")]
