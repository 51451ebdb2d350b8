"""``baiqiang data …`` and your columns in list, stats and chart (issue 11); the files are
SYNTHETIC (tests/fixtures/make_synthetic.py)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import polars as pl
import pytest

from tests.cli.test_cli import BUILT_IN, real, sh
from tests.fixtures import make_synthetic as synthetic

FIXTURES = Path(synthetic.__file__).parent
GBK = str(FIXTURES / synthetic.GBK_CSV)
XLSX = str(FIXTURES / synthetic.XLSX)
TSV = str(FIXTURES / synthetic.TSV)


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """An empty $BAIQIANG_HOME, as the environment of the commands."""
    return {"BAIQIANG_HOME": str(tmp_path / "home")}


def test_import_says_what_became_of_the_rows_and_writes_the_report(
    home: dict[str, str], tmp_path: Path
) -> None:
    report = tmp_path / "report.csv"
    done = sh("data", "import", GBK, "--province", "江苏", "--as", "年鉴", "--report", str(report), env=home)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines[0] == "read as of the end of 2021: the year in the file's title (another year: --year)"
    assert lines[1] == (
        "9 rows: 2 matched, 1 renamed, 1 ambiguous, 1 unmatched, 2 not county-level, "
        "1 duplicate, 1 footnote; 3 units with values in 3 columns"
    )
    assert "left out: 备注 (text: 2 of 2 cells are not numbers)" in lines
    assert any(
        line.startswith("  line 9 鼓楼区: ambiguous — could be 鼓楼区 (江苏省 南京市 320106)")
        for line in lines
    )
    assert lines[-1] == "stored as '年鉴': 地区生产总值 (亿元), 常住人口 (万人), 规上工业增加值增速 (%)"
    rows = pl.read_csv(report)
    assert rows.columns == ["line", "text", "outcome", "adcode", "name", "note"] and rows.height == 9
    again = sh("data", "import", GBK, "--province", "江苏", "--as", "年鉴", env=home)
    assert again.returncode == 1
    assert again.stderr.strip().endswith("a dataset named '年鉴' exists; pass --replace to replace it")


def test_strict_exits_1_and_stores_nothing(home: dict[str, str]) -> None:
    done = sh("data", "import", GBK, "--province", "江苏", "--strict", env=home)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        "baiqiang: error: 3 row(s) did not match one unit; nothing stored"
    )
    listed = sh("data", "list", "--format", "csv", env=home)
    assert listed.returncode == 0 and listed.stdout.strip() == BUILT_IN


def test_bad_input_is_one_line_and_exit_1(home: dict[str, str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    for args in (
        ("data", "import", str(empty)),
        ("data", "import", XLSX, "--sheet", "9"),
        ("data", "info", "nothing"),
        ("data", "remove", "nothing"),
        ("list", "ic", "--where", "rank >"),
    ):
        done = sh(*args, env=home)
        assert done.returncode == 1, args
        assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.startswith("baiqiang: error: "), (
            args
        )


def test_list_info_remove_take_formats_and_pipe_csv(home: dict[str, str]) -> None:
    assert sh("data", "import", XLSX, "--sheet", "县域指标", "--as", "x", env=home).returncode == 0
    assert sh("data", "import", TSV, "--as", "研发", env=home).returncode == 0
    listed = pl.read_csv(io.StringIO(sh("data", "list", env=home).stdout))  # piped: CSV
    assert listed["name"].to_list() == ["census2020", "x", "研发"]  # the built-in one first
    assert listed["years"].to_list() == ["2020", "", "2020–2021"]
    assert listed["built_in"].to_list() == [True, False, False]
    info = json.loads(sh("data", "info", "x", "--format", "json", env=home).stdout)
    assert info["sheet"] == "县域指标" and info["options"] == {"sheet": "县域指标", "header_rows": 2}
    columns = pl.read_csv(io.StringIO(sh("data", "info", "x", env=home).stdout))
    assert columns.rows()[0] == ("地区生产总值总量", "亿元", 4, 0, 0, "地区生产总值总量（亿元）")
    assert sh("data", "remove", "x", env=home).returncode == 0
    assert pl.read_csv(io.StringIO(sh("data", "list", env=home).stdout))["name"].to_list() == [
        "census2020",
        "研发",
    ]


def test_your_columns_in_list_stats_chart_and_show(home: dict[str, str]) -> None:
    assert sh("data", "import", XLSX, "--sheet", "县域指标", "--as", "x", env=home).returncode == 0
    out = sh(
        "list", "all", "--where", '"地区生产总值总量" > 1000', "--columns", "name,industrial_rank,地区生产总值总量",
        "--sort", "地区生产总值总量", "--desc", env=home,
    ).stdout  # fmt: skip
    assert pl.read_csv(io.StringIO(out)).rows() == [
        ("昆山市", 1, 5000.0),
        ("龙岗区", None, 4000.0),
        ("义乌市", 22, 2000.0),
    ]
    by = pl.read_csv(
        io.StringIO(
            sh(
                "stats", "all", "--by", "region", "--value", "地区生产总值总量", "--agg", "max", env=home
            ).stdout
        )
    )
    assert by.row(0) == ("东部", 767, 4, 5000.0)
    chart = sh("chart", "all", "--x", "industrial_rank", "--y", "地区生产总值总量", "--width", "60", env=home)
    assert chart.returncode == 0 and "2 points" in chart.stdout  # 龙岗区 has no industrial rank
    shown = json.loads(sh("show", "义乌", "--format", "json", env=home).stdout)
    assert {(i["column"], i["value"], i["unit"]) for i in shown["indicators"] if not i["built_in"]} == {
        ("地区生产总值总量", 2000.0, "亿元"),
        ("地区生产总值增速", 3.5, "%"),
        ("一般公共预算收入", 100.0, "亿元"),
    }
    fast = real("show", "义乌", "--format", "json", env=home)  # second time: through the index
    assert json.loads(fast.stdout)["indicators"] == shown["indicators"]


def test_an_edition_from_the_command_line(home: dict[str, str], tmp_path: Path) -> None:
    """A SYNTHETIC 2021 edition: 表1 of 2022 with 昆山市 and 江阴市 swapped."""
    ic = pl.read_csv(io.StringIO(sh("list", "ic", "--columns", "rank,name", env=home).stdout))
    names = ic["name"].to_list()
    names[0], names[1] = names[1], names[0]
    path = tmp_path / "ic2021.csv"
    path.write_text(
        "排名,县（市）\n" + "".join(f"{i + 1},{n}\n" for i, n in enumerate(names)), encoding="utf-8"
    )
    done = sh("data", "import", str(path), "--list", "ic", "--edition", "2021", env=home)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "stored edition 2021 of industrial-counties: 100 units ranked 1…100"
    listed = pl.read_csv(io.StringIO(sh("editions", env=home).stdout))
    assert listed.filter(pl.col("list") == "industrial-counties")["edition"].to_list() == [2021, 2022]
    up = pl.read_csv(io.StringIO(sh("movers", "ic", "--status", "up", env=home).stdout))
    assert up.rows() == [("昆山市", "江苏省", "苏州市", 2, 1, 1, "up")]
    old = pl.read_csv(io.StringIO(sh("list", "ic", "--edition", "2021", "--limit", "1", env=home).stdout))
    assert old["name"].to_list() == ["江阴市"]
    report = tmp_path / "report.csv"
    bad = sh("data", "import", str(path), "--list", "ic", "--edition", "2022", env=home)
    assert bad.returncode == 1 and "built in" in bad.stderr
    path.write_text("排名,县（市）\n1,昆山市\n1,江阴市\n", encoding="utf-8")
    bad = sh(
        "data", "import", str(path), "--list", "ic", "--edition", "2020", "--report", str(report), env=home
    )
    assert bad.returncode == 1 and bad.stderr.splitlines()[-1].startswith("baiqiang: error: edition 2020")
    assert "rank 1 is on line 2 too" in report.read_text(encoding="utf-8")


def test_the_built_in_census_is_listed_and_cannot_be_removed_or_replaced(home: dict[str, str]) -> None:
    """census2020 ships with baiqiang: listed as built in, described, never removed nor taken."""
    info = json.loads(sh("data", "info", "census2020", "--format", "json", env=home).stdout)
    assert info["built_in"] and "leiii/census" in info["about"] and info["licence"].startswith("MIT")
    units = {c["name"]: c["unit"] for c in info["columns"]}
    assert (units["population"], units["人口数_合计"], units["urbanisation_rate"]) == ("人", "人", "%")
    assert all(c["unit"] for c in info["columns"])  # every column with its unit
    for args in (("data", "remove", "census2020"), ("data", "import", TSV, "--as", "census2020")):
        done = sh(*args, env=home)
        assert done.returncode == 1 and "built-in dataset" in done.stderr, args
    listed = sh(
        "list", "divisions", "--columns", "name,population,urbanisation_rate", "--sort", "population",
        "--desc", env=home,
    )  # fmt: skip
    assert listed.stdout.splitlines()[1] == "浦东新区,5681512,89.99"  # a count as an integer
    # show writes each column as list does: a count as an integer, a rate as a decimal (100.0)
    shown = json.loads(sh("show", "宝安区", "--format", "json", env=home).stdout)["indicators"]
    by_column = {i["column"]: i["value"] for i in shown}
    assert repr(by_column["population"]) == "4476554" and repr(by_column["urbanisation_rate"]) == "100.0"
    top = pl.read_csv(io.StringIO(listed.stdout))
    assert top.columns == ["name", "population", "urbanisation_rate"]
    assert top["population"].is_sorted(descending=True, nulls_last=True)
    plain = pl.read_csv(io.StringIO(sh("list", "ic", "--limit", "2", env=home).stdout))
    assert "population" not in plain.columns  # joined where named, not to every list


def test_options_that_do_not_apply_are_said_not_ignored(home: dict[str, str]) -> None:
    edition = sh("data", "import", GBK, "--list", "ic", "--edition", "2021", "--year", "2020", env=home)
    assert edition.returncode == 1 and "--year applies to a table of figures" in edition.stderr
    workbook = sh("data", "import", str(FIXTURES / synthetic.XLSX), "--encoding", "gbk", env=home)
    assert workbook.returncode == 1 and "an encoding is for text files" in workbook.stderr
    assert len(workbook.stderr.strip().splitlines()) == 1
