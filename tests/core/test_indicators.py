"""Your own numbers: import, match, store, join (issue 11). Every file here is SYNTHETIC
(tests/fixtures/make_synthetic.py): made-up figures for testing the importer, never data."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from baiqiang.core.catalog import Catalog
from baiqiang.core.filters import Filters
from baiqiang.core.indicators import (
    ImportOptions,
    RowOutcome,
    UnmatchedRows,
    describe,
    import_file,
    remove,
    store_root,
)
from baiqiang.core.indicators import indicators_of as every_value
from baiqiang.core.indicators import names as every_name
from baiqiang.core.indicators.join import joined_columns
from baiqiang.core.plain.errors import DatasetExists, InvalidValue, LookupFailed, OutputError
from baiqiang.core.plain.indicators import Indicator
from baiqiang.core.profile import lookup
from baiqiang.core.service import rows, stats
from tests.fixtures import make_synthetic as synthetic

FIXTURES = Path(synthetic.__file__).parent


def names() -> list[str]:
    """The user's datasets (the built-in census aside)."""
    return every_name(store_root())


def indicators_of(adcode: str) -> list[Indicator]:
    """A unit's values from the user's datasets (the built-in census aside)."""
    return [i for i in every_value(adcode) if not i.built_in]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty $BAIQIANG_HOME for the test."""
    monkeypatch.setenv("BAIQIANG_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def outcomes(result) -> dict[str, RowOutcome]:  # type: ignore[no-untyped-def]
    return {r.text: r.outcome for r in result.reports}


def test_the_fixture_files_are_what_the_maker_writes(tmp_path: Path) -> None:
    synthetic.write_all(tmp_path)
    for name in (synthetic.GBK_CSV, synthetic.TSV):
        assert (tmp_path / name).read_bytes() == (FIXTURES / name).read_bytes()


def test_a_gbk_yearbook_with_title_rows_totals_and_footnotes(catalog: Catalog, home: Path) -> None:
    result = import_file(
        catalog, FIXTURES / synthetic.GBK_CSV, name="年鉴", options=ImportOptions(province="江苏")
    )
    got = outcomes(result)
    assert got["全省合计"] == RowOutcome.NOT_COUNTY and got["苏州市"] == RowOutcome.NOT_COUNTY
    assert got["江阴"] == RowOutcome.MATCHED and got["海门市"] == RowOutcome.RENAMED
    assert got["鼓楼区"] == RowOutcome.AMBIGUOUS  # 南京 and 徐州 both have one
    assert got["不存在县"] == RowOutcome.UNMATCHED
    assert [r.outcome for r in result.reports if r.text == "昆山"] == [
        RowOutcome.MATCHED,
        RowOutcome.DUPLICATE,
    ]
    assert any(r.outcome == RowOutcome.FOOTNOTE for r in result.reports)
    d = result.dataset
    assert [(c.name, c.unit) for c in d.columns] == [
        ("地区生产总值", "亿元"),
        ("常住人口", "万人"),
        ("规上工业增加值增速", "%"),
    ]
    assert [(x.column, x.reason) for x in result.ignored] == [("备注", "text: 2 of 2 cells are not numbers")]
    assert (d.rows, d.units, d.source, d.options) == (3, 3, synthetic.GBK_CSV, {"province": "江苏"})
    kunshan = {i.column: i.value for i in indicators_of("320583")}
    assert kunshan == {"地区生产总值": 1000.5, "常住人口": 20.5, "规上工业增加值增速": 8.0}  # １,000.5 read
    haimen = {i.column: i.value for i in indicators_of("320614")}
    assert haimen == {"地区生产总值": 300.0, "规上工业增加值增速": 5.5}  # … is blank, not zero
    jiangyin = {i.column for i in indicators_of("320281")}
    assert "规上工业增加值增速" not in jiangyin  # — is blank
    assert names() == ["年鉴"] and describe("年鉴") == d


def test_an_xlsx_with_a_merged_two_row_header_and_12_digit_codes(catalog: Catalog, home: Path) -> None:
    result = import_file(catalog, FIXTURES / synthetic.XLSX, options=ImportOptions(sheet="县域指标"))
    d = result.dataset
    assert d.sheet == "县域指标" and d.name == "synthetic_two_row_header"
    assert [(c.name, c.unit) for c in d.columns] == [
        ("地区生产总值总量", "亿元"),
        ("地区生产总值增速", "%"),
        ("一般公共预算收入", "亿元"),
    ]
    got = {r.text: (r.outcome, r.adcode) for r in result.reports}
    assert got["昆山市"] == (RowOutcome.MATCHED, "320583")  # by its 12-digit code
    assert got["肥乡区"] == (RowOutcome.MATCHED, "130407")
    assert got["苏州市"][0] == RowOutcome.NOT_COUNTY  # 苏州市's own code
    assert d.options["header_rows"] == 2  # found by itself


def test_a_bom_tsv_keyed_by_adcode_with_years(catalog: Catalog, home: Path) -> None:
    result = import_file(catalog, FIXTURES / synthetic.TSV, name="研发")
    assert result.dataset.years == [2020, 2021] and result.dataset.rows == 6
    values = [(i.year, i.column, i.value) for i in indicators_of("320583")]
    assert (2020, "研发经费", 100.0) in values and (2021, "研发经费", 120.0) in values
    # joined to a table: the latest year each unit has
    df = rows(catalog, "ic", Filters(name="昆山"), indicators=True).collect()
    assert df["研发经费"].to_list() == [120.0]


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        (b"", ".csv", "is empty"),
        (b"\x00\x01\x02binary", ".csv", "binary"),
        (b"1,2\n3,4\n", ".csv", "no header row"),
        (b"x,y\n1,2\n3,4\n", ".csv", "no column of unit names or adcodes"),
        ("地区,备注\n昆山市,好\n江阴市,好\n".encode(), ".csv", "no column of numbers"),
        (b"anything", ".xls", "not a readable workbook"),
        (b"PK\x03\x04 not really a workbook", ".xlsx", "not a readable workbook"),
        (b"anything", ".ods", "reads .csv, .tsv, .xlsx, .xls and .parquet"),
    ],
)
def test_bad_files_say_why_in_one_line_and_store_nothing(
    catalog: Catalog, home: Path, tmp_path: Path, content: bytes, suffix: str, message: str
) -> None:
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    with pytest.raises(InvalidValue, match=message) as caught:
        import_file(catalog, path)
    assert "\n" not in str(caught.value)
    assert names() == []


def test_a_sheet_that_is_not_there(catalog: Catalog, home: Path) -> None:
    with pytest.raises(InvalidValue, match="no sheet '第九页'") as caught:
        import_file(catalog, FIXTURES / synthetic.XLSX, options=ImportOptions(sheet="第九页"))
    assert caught.value.choices == ["说明", "县域指标"]


def test_strict_stores_nothing_and_names_must_be_replaced_on_purpose(catalog: Catalog, home: Path) -> None:
    gbk = FIXTURES / synthetic.GBK_CSV
    with pytest.raises(UnmatchedRows) as caught:
        import_file(catalog, gbk, options=ImportOptions(province="江苏"), strict=True)
    assert len(caught.value.result.problems) == 3 and names() == []
    import_file(catalog, gbk, name="a", options=ImportOptions(province="江苏"))
    with pytest.raises(DatasetExists):
        import_file(catalog, FIXTURES / synthetic.TSV, name="a")
    assert describe("a").source == synthetic.GBK_CSV
    import_file(catalog, FIXTURES / synthetic.TSV, name="a", replace=True)
    assert describe("a").source == synthetic.TSV


def test_a_failed_write_leaves_the_store_as_it_was(
    catalog: Catalog, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_file(catalog, FIXTURES / synthetic.TSV, name="a")
    before = sorted(p.relative_to(home) for p in home.rglob("*"))

    def broken(self: pl.DataFrame, *args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pl.DataFrame, "write_ipc", broken)  # (as writing to /dev/full raises)
    with pytest.raises(OutputError, match="No space left on device"):
        import_file(catalog, FIXTURES / synthetic.GBK_CSV, name="a", replace=True)
    with pytest.raises(OutputError, match="No space left on device"):
        import_file(catalog, FIXTURES / synthetic.GBK_CSV, name="b")
    assert sorted(p.relative_to(home) for p in home.rglob("*")) == before
    assert describe("a").source == synthetic.TSV


def test_remove_and_unknown_names(catalog: Catalog, home: Path) -> None:
    import_file(catalog, FIXTURES / synthetic.TSV, name="研发")
    with pytest.raises(LookupFailed, match="did you mean") as caught:
        remove("研")
    assert caught.value.suggestions == ["研发"]
    remove("研发")
    assert names() == [] and not any(store_root().iterdir())


def test_a_column_two_datasets_share_is_dataset_slash_column(catalog: Catalog, home: Path) -> None:
    import_file(catalog, FIXTURES / synthetic.TSV, name="甲")
    import_file(catalog, FIXTURES / synthetic.TSV, name="乙")
    shown = [c.shown for c in joined_columns() if not c.built_in]
    assert shown == ["乙/研发经费", "乙/专利授权", "甲/研发经费", "甲/专利授权"]
    df = rows(catalog, "all", Filters(name="昆山市"), indicators=True, columns=["name", "甲/研发经费"])
    assert df.collect().row(0) == ("昆山市", 120.0)


def test_where_sort_and_stats_over_imported_columns(catalog: Catalog, home: Path) -> None:
    import_file(catalog, FIXTURES / synthetic.XLSX, name="x", options=ImportOptions(sheet="县域指标"))
    top = rows(
        catalog,
        "all",
        indicators=True,
        where='"地区生产总值总量" >= 2000',
        columns=["name", "地区生产总值总量"],
    )
    assert sorted(top.collect().rows()) == [("义乌市", 2000.0), ("昆山市", 5000.0), ("龙岗区", 4000.0)]
    by = stats(catalog, "all", by="province", value="地区生产总值总量", indicators=True).collect()
    first = by.row(0, named=True)
    assert first["province"] == "广东省" or first["sum(地区生产总值总量)"] == 5000.0
    assert by.filter(pl.col("province") == "江苏省")["sum(地区生产总值总量)"].to_list() == [5000.0]
    assert by.filter(pl.col("province") == "西藏自治区")["sum(地区生产总值总量)"].to_list() == [None]  # not 0
    with pytest.raises(InvalidValue, match="cannot be applied"):
        rows(catalog, "ic", where="rank >", indicators=True).collect()
    with pytest.raises(InvalidValue, match="cannot be applied"):
        rows(catalog, "ic", where="nosuch > 1").collect()


def test_show_lists_a_units_imported_values_the_same_through_the_index(catalog: Catalog, home: Path) -> None:
    from baiqiang.core.index import write_index
    from baiqiang.core.plain.index import fast_lookup, read_index

    import_file(catalog, FIXTURES / synthetic.TSV, name="研发")
    profile = lookup(catalog, "海门")
    assert [(i.dataset, i.column, i.value, i.unit, i.year) for i in profile.indicators if not i.built_in] == [
        ("研发", "研发经费", 10.0, "亿元", 2020),
        ("研发", "专利授权", 1000.0, "件", 2020),
        ("研发", "研发经费", 12.0, "亿元", 2021),
        ("研发", "专利授权", 1200.0, "件", 2021),
    ]
    write_index(catalog)
    index = read_index(catalog.data_dir)
    assert index is not None
    fast = fast_lookup(index, "海门")
    assert fast is not None and fast.to_dict() == profile.to_dict()
    assert json.loads(json.dumps(profile.to_dict()))["indicators"][-1]["source"] == synthetic.TSV


def test_parquet_with_a_named_key_prefecture_column_and_a_given_year(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """SYNTHETIC figures: 鼓楼区 is told apart by its prefecture column; the year comes from --year."""
    path = tmp_path / "synthetic.parquet"
    pl.DataFrame(
        {
            "县名": ["鼓楼区", "鼓楼区", "昆山"],
            "所属地市": ["南京市", "徐州市", "苏州市"],
            "税收（亿元）": [1.5, 2.5, 3.5],
        }
    ).write_parquet(path)
    result = import_file(catalog, path, name="p", options=ImportOptions(key="县名", year=2021))
    assert [(r.adcode, r.outcome) for r in result.reports] == [
        ("320106", RowOutcome.MATCHED),
        ("320302", RowOutcome.MATCHED),
        ("320583", RowOutcome.MATCHED),
    ]
    assert result.dataset.years == [2021] and result.dataset.columns[0].unit == "亿元"
    assert [(i.year, i.value) for i in indicators_of("320302")] == [(2021, 2.5)]


def test_a_forced_encoding_and_header_rows(catalog: Catalog, home: Path, tmp_path: Path) -> None:
    """SYNTHETIC figures in GB18030; a file read as UTF-8 on purpose fails in one line."""
    path = tmp_path / "synthetic.csv"
    path.write_bytes("地区,产值（万元）\n昆山市,10\n江阴市,20\n".encode("gb18030"))
    with pytest.raises(InvalidValue, match="not text in utf-8"):
        import_file(catalog, path, options=ImportOptions(encoding="utf-8"))
    result = import_file(catalog, path, options=ImportOptions(encoding="gb18030", header_rows=1))
    assert result.dataset.rows == 2 and result.dataset.columns[0].name == "产值"


def test_a_store_in_another_layout_is_skipped_not_a_crash(catalog: Catalog, home: Path) -> None:
    import_file(catalog, FIXTURES / synthetic.TSV, name="研发")
    lines = store_root() / "研发" / "values.arrow"
    lines.write_text("[1, 2, 3]\n" * 3, encoding="utf-8")  # what an older layout could hold
    mine = [i for i in lookup(catalog, "昆山").indicators if not i.built_in]
    assert indicators_of("320583") == [] and mine == []


def test_the_summary_of_gaps_shows_the_worst_columns_and_counts_the_rest() -> None:
    from baiqiang.core.indicators import gap_lines
    from baiqiang.core.indicators.model import Column, Dataset

    columns = [
        Column("a", "", "a", 10, 1, 0, []),
        Column("b", "", "b", 10, 0, 0, []),
        Column("c", "", "c", 10, 9, 0, []),
        Column("d", "", "d", 10, 2, 0, []),
        Column("e", "", "e", 10, 0, 3, ["甲"]),
    ]
    d = Dataset("x", "x.csv", "", None, "", {}, columns, 10, 10, [], {})
    assert len(gap_lines(d)) == 4  # every column with a gap
    assert gap_lines(d, most=2) == [  # not numbers first, then the most blanks, in the file's order
        "  c: 9 blank or marked missing",
        "  e: 3 not a number ('甲'), left blank",
        "  … and 2 more columns with 1–2 blanks each",
    ]


def test_a_fifo_in_a_datasets_place_is_damaged_not_waited_for(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """HOSTILE: a FIFO put in place of a dataset's values (units.jsonl then) made ``show`` wait for a writer
    for ever (a hostile-input run found it); it is a damaged dataset, said at once."""
    import os
    import threading

    from baiqiang.core.plain.indicators import unit_values

    source = tmp_path / "d.csv"
    source.write_text("地区,人口\n昆山市,1\n", encoding="utf-8")  # SYNTHETIC
    import_file(catalog, source, name="d")
    lines = home / "datasets" / "d" / "values.arrow"
    lines.unlink()
    os.mkfifo(lines)
    found: list[tuple[object, list[str]]] = []
    reader = threading.Thread(target=lambda: found.append(unit_values("320583")), daemon=True)
    reader.start()
    reader.join(10)
    assert found and found[0][1] == ["d"]  # answered, with the dataset named damaged


def test_json_escapes_what_a_terminal_would_act_on() -> None:
    """HOSTILE: json.dumps(ensure_ascii=False) leaves U+202E, C1 (U+009B is a one-character CSI)
    and DEL raw; every JSON baiqiang writes has them escaped, and is the same JSON."""
    from baiqiang.core.export import encode
    from baiqiang.core.plain.text import json_safe

    value = "\u202e人口\x9b31m\x7f"
    text = json_safe(json.dumps({"header": value}, ensure_ascii=False))
    assert "\u202e" not in text and "\x9b" not in text and "\x7f" not in text
    assert json.loads(text) == {"header": value}
    for fmt in ("json", "ndjson"):
        out = encode(pl.DataFrame({"header": [value]}), fmt).decode("utf-8")
        assert "\u202e" not in out and "\x9b" not in out and "\\u202e" in out


def test_a_short_first_row_does_not_cut_the_rows_after_it(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """HOSTILE, SYNTHETIC: a first row with its last cell left off fixed the table's width, and
    every later row lost its values (no column of numbers)."""
    source = tmp_path / "ragged.csv"
    source.write_text(
        "区划代码,县名,人口\n320583,昆山市\n330782,义乌市,200\n320281,江阴市,300\n", encoding="utf-8"
    )
    result = import_file(catalog, source, name="ragged")
    assert result.dataset.units == 3
    assert {i.value for i in every_value("320281") if i.dataset == "ragged"} == {300.0}


def test_a_built_in_name_in_other_letters_is_refused(catalog: Catalog, home: Path, tmp_path: Path) -> None:
    source = tmp_path / "d.csv"
    source.write_text("地区,人口\n昆山市,1\n", encoding="utf-8")  # SYNTHETIC
    with pytest.raises(InvalidValue, match="built-in dataset 'census2020' in other letters"):
        import_file(catalog, source, name="CENSUS2020")


def test_a_column_of_counts_is_written_as_integers_and_one_fraction_keeps_it_decimal(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """SYNTHETIC figures. 企业数 is whole in every row: 1203, not 1203.0, in a list, its CSV and
    show's JSON; 产值 has one fraction (江阴): every value stays decimal, even in a list of the
    rows that are whole, so a filter never changes how a column is written."""
    path = tmp_path / "counts.csv"
    path.write_text(
        "县（市）,企业数,产值\n昆山市,1203,45.0\n江阴市,987,30.5\n张家港市,640,12.0\n", encoding="utf-8"
    )
    import_file(catalog, path, name="计数")
    listed = rows(catalog, "all", Filters(name="昆山市"), indicators=True, columns=["name", "企业数", "产值"])
    df = listed.collect()
    assert df.schema["企业数"] == pl.Int64 and df.schema["产值"] == pl.Float64
    assert df.row(0) == ("昆山市", 1203, 45.0)
    [count] = [i for i in indicators_of("320583") if i.column == "企业数"]
    assert count.to_dict()["value"] == 1203 and type(count.to_dict()["value"]) is int
    [output] = [i for i in indicators_of("320583") if i.column == "产值"]
    assert output.shown == "45.0" and type(output.to_dict()["value"]) is float  # as its column
    jiangyin = rows(catalog, "all", Filters(name="江阴市"), indicators=True, columns=["产值"]).collect()
    assert jiangyin.row(0) == (30.5,)


def test_whole_number_columns_of_a_long_frame_read_past_the_head() -> None:
    """A long frame's columns are ruled out by their head first; a column whole at its head is
    still read to its end (a decimal on row 20,000 keeps its decimals)."""
    import polars as pl

    from baiqiang.core.indicators.store import whole_number_columns

    n = 20_000
    frame = pl.DataFrame(
        {
            "counts": [float(i) for i in range(n)],
            "late": [float(i) for i in range(n - 1)] + [0.5],
            "rates": [i / 7 for i in range(n)],
            "blanks": [None] * 10 + [1.0] * (n - 10),
        }
    )
    assert whole_number_columns(frame, frame.columns) == ["counts", "blanks"]
    assert whole_number_columns(frame.lazy(), frame.columns) == ["counts", "blanks"]
