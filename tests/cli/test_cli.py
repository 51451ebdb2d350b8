"""The command line: Typer's CliRunner for output, subprocesses for pipes and exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from unittest import mock

import polars as pl
import pytest
from typer.testing import CliRunner

from baiqiang.core.plain.errors import InvalidValue
from baiqiang.tui.cli import app, main
from tests.conftest import ROOT

runner = CliRunner(mix_stderr=False)  # Click 8.1: stderr apart


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def csv(*args: str) -> pl.DataFrame:
    code, out, err = run(*args)
    assert code == 0, err
    return pl.read_csv(io.StringIO(out))


def real(
    *args: str, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The command in a real process: for pipes, exit statuses and what reaches a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "baiqiang", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        input=input,
    )


BUILT_IN = (
    "name,source,rows,units,columns,years,imported_at,built_in\n"
    'census2020,census_county_2020_v1.xlsx,2836,2836,157,2020,"",true'
)
"""``data list`` of a store with none of the user's datasets: the built-in census alone."""


def sh(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command run in this process through ``main()``, its stdout and stderr captured."""
    out, err = io.BytesIO(), io.StringIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    with mock.patch.dict(os.environ, env or {}), redirect_stdout(stdout), redirect_stderr(err):
        code = main(list(args))
        stdout.flush()
    return subprocess.CompletedProcess(list(args), code, out.getvalue().decode("utf-8"), err.getvalue())


def test_list_defaults_to_csv_off_a_terminal() -> None:
    df = csv("list", "industrial-counties")
    assert df.height == 100
    assert df.columns[:6] == ["rank", "name", "province", "prefecture", "province_first", "region"]
    assert df.row(0, named=True)["name"] == "昆山市"


@pytest.mark.parametrize("spelling", ["江苏", "江苏省", "Jiangsu", "jiangsu"])
def test_list_province_spellings(spelling: str) -> None:
    df = csv("list", "ic", "--province", spelling)
    assert df.height == 23 and set(df["province"]) == {"江苏省"}


def test_list_filters_sort_limit_columns() -> None:
    df = csv("list", "ic", "--region", "中部", "--tier", "2", "--columns", "rank,name")
    assert df.to_dict(as_series=False) == {"rank": [7, 14, 28], "name": ["长沙县", "浏阳市", "宁乡市"]}
    df = csv(
        "list", "industrial-districts", "--prefecture", "苏州", "--sort", "rank", "--desc", "--limit", "2"
    )
    assert df["name"].to_list() == ["相城区", "虎丘区"]
    df = csv("list", "ic", "--county-type", "旗")
    assert df["name"].to_list() == ["准格尔旗", "伊金霍洛旗", "鄂托克旗"]
    df = csv("list", "ic", "--name", "ks")
    assert df["name"].to_list() == ["昆山市"]
    df = csv("list", "ic", "--ranks", "5-7", "--columns", "name")
    assert df["name"].to_list() == ["常熟市", "慈溪市", "长沙县"]


def test_cluster_tables_columns() -> None:
    nc = csv("list", "national-clusters")
    assert "cluster" in nc.columns and nc.height == 18
    bc = csv("list", "billion-clusters", "--sort", "scale_min_yi", "--desc", "--limit", "1")
    assert bc.select("county", "cluster", "scale", "scale_min_yi").row(0) == (
        "昆山市",
        "电子信息产业集群",
        "五千亿级",
        5000,
    )


@pytest.mark.parametrize("fmt", ["json", "ndjson", "tsv"])
def test_text_formats(fmt: str) -> None:
    code, out, _ = run("list", "ic", "--limit", "2", "--format", fmt)
    assert code == 0
    if fmt == "json":
        assert [r["name"] for r in json.loads(out)] == ["昆山市", "江阴市"]
    elif fmt == "ndjson":
        assert [json.loads(line)["rank"] for line in out.splitlines()] == [1, 2]
    else:
        assert out.splitlines()[1].split("\t")[:2] == ["1", "昆山市"]


def test_stats_and_share() -> None:
    df = csv("stats", "ic", "--by", "region")
    assert df.to_dict(as_series=False) == {
        "region": ["东部", "中部", "西部", "东北"],
        "count": [70, 20, 9, 1],
        "share": [0.7, 0.2, 0.09, 0.01],
    }
    tiers = csv("stats", "ic", "--by", "tier")  # an ordinal dimension keeps its order
    assert tiers["tier"].to_list() == [1, 2, 3, 4] and tiers["count"].to_list() == [6, 30, 44, 20]


def test_sort_by_name_is_by_pinyin() -> None:
    names = csv("list", "id", "--sort", "name", "--prefecture", "深圳")["name"].to_list()
    assert names == [
        "宝安区",
        "光明区",
        "龙岗区",
        "龙华区",
        "南山区",
        "坪山区",
    ]  # code points: 光 < 南 < 坪 < 宝 < 龙
    prefs = csv("list", "id", "--sort", "prefecture", "--province", "广东")["prefecture"].unique(
        maintain_order=True
    )
    assert prefs.to_list()[:3] == ["佛山市", "广州市", "惠州市"]


def test_crosstab_is_figure_22() -> None:
    df = csv("crosstab", "industrial-districts", "--rows", "rank_band", "--cols", "province")
    assert df.columns[0] == "rank_band" and df["rank_band"].to_list()[0] == "1-10"
    assert df.filter(pl.col("rank_band") == "1-10").row(0, named=True)["广东省"] == 6
    assert df["total"].to_list() == [10] * 10


def test_overlap_industrial_innovation() -> None:
    df = csv("overlap", "industrial-counties", "innovation-counties")
    assert df.columns == [
        "name",
        "province",
        "prefecture",
        "rank_industrial_counties",
        "rank_innovation_counties",
        "gap",
    ]
    jiangyin = df.filter(pl.col("name") == "江阴市").row(0, named=True)
    assert (jiangyin["rank_industrial_counties"], jiangyin["rank_innovation_counties"], jiangyin["gap"]) == (
        2,
        8,
        6,
    )


def test_show_json_contract() -> None:
    code, out, _ = run("show", "昆山", "--format", "json")
    assert code == 0
    obj = json.loads(out)
    assert {"name", "province", "prefecture", "region", "rankings", "clusters", "facts"} <= set(obj)
    assert obj["rankings"][0] == {
        "table": "industrial-counties",
        "title": "2022年中国工业百强县(市)",
        "rank": 1,
        "province_first": True,
        "tier": 1,
        "history": [{"edition": 2022, "rank": 1}],  # the report's only, with no other edition imported
    }
    assert all("quote" in f and "section" in f for f in obj["facts"])


def test_show_text_mentions_ranks_and_sources() -> None:
    code, out, _ = run("show", "kunshan")
    assert code == 0
    assert "昆山市" in out and "第一梯队" in out and "“" in out


def test_audit_passes() -> None:
    code, out, err = run("audit", "--format", "csv")
    assert code == 0
    df = pl.read_csv(io.StringIO(out))
    assert set(df["status"]) == {
        "ok",
        "holds",
        "report inconsistent",
        "needs edition 2021",
        "needs more than a list",
    }
    assert set(df.filter(pl.col("kind") == "year on year")["status"]) == {
        "needs edition 2021",
        "needs more than a list",
    }
    assert "integrity checks" in err and "3 year-on-year statements" in err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("list", "countys"), "unknown table 'countys'"),
        (("list", "ic", "--province", "Jiangsuu"), "did you mean"),
        (("list", "ic", "--sort", "rnk"), "did you mean rank"),
        (("list", "ic", "--columns", "name,provnce"), "unknown column 'provnce'"),
        (("list", "ic", "--format", "cvs"), "did you mean csv"),
        (("list", "ic", "--tier", "7"), "--tier takes 1, 2, 3 or 4"),
        (("list", "ic", "--ranks", "20-10"), "try 10-20"),
        (("list", "ic", "--ranks", "abc"), "--ranks takes a range"),
        (("list", "ic", "--ranks", "0-5"), "--ranks start at 1, not 0"),
        (("peers", "昆山", "--by", "populaton"), "did you mean population?"),
        (("data", "import", "/nonexistent/x.csv"), "cannot read /nonexistent/x.csv: No such file"),
        (("list", "ic", "--columns", ","), "--columns names no column"),
        (("list", "ic", "--columns", ""), "--columns is empty"),
        (("list", "bc", "--tier", "1"), "no tier column"),
        (("crosstab", "ic", "--rows", "tier", "--cols", "tier"), "must be different"),
        (("show", "昆山", "--format", "csv"), "unknown format 'csv' for show"),
        (("list", "ic", "--region", "south"), "unknown region"),
        (("stats", "ic", "--by", "provence"), "did you mean province"),
        (("show", "不存在县"), "no county-level unit named"),
        (("map", "nc"), "cluster table"),
        (("map", "id", "--by", "tier"), "tiers exist only"),
        (("show", "铁西区", "--province", "上海"), "no county-level unit named"),
        (("show", "cs"), "could mean"),
        (("overlap", "ic", "nc"), "cluster table"),
        (
            ("list", "ic", "--provnce", "江苏"),
            "baiqiang list has no option --provnce; did you mean --province?",
        ),
        (("lst", "ic"), "baiqiang has no command 'lst'; did you mean list"),
        (("data", "improt", "x.csv"), "baiqiang data has no command 'improt'; did you mean import?"),
        (("list", "ic", "--province", ""), "--province is empty"),
        (("show", "昆山", "--prefecture", " "), "--prefecture is empty"),
        (("list", "ic", "--output="), "--output is empty"),
        (("show", ""), "an argument is empty"),
        (("show", "ab\udcffc"), "no county-level unit named 'ab\ufffdc'"),  # a byte not UTF-8
        (("list", "ic", "--where", "rnak < 3"), "no column 'rnak'; did you mean rank"),
        (("list", "ic", "--where", "rank IN (SELECT 1)"), "a sub-query (SELECT) is not supported"),
        (("list", "ic", "--where", "rank"), "it is not a test"),
        (("list", "ic", "--where", "sum(rank) > 1"), "it sums up the rows"),
        (("list", "ic", "--where", "[rank] > 1"), "it cannot be read as a condition"),
        (("list", "ic", "--where", "name REGEXP '['"), "not a valid regular expression"),
        (("--install-completion", "zsh"), "--install-completion stands alone"),
        (("list", "ic", "--show-completion"), "run baiqiang --show-completion from that shell"),
    ],
)
def test_bad_input_is_one_line_on_stderr(
    args: tuple[str, ...], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code != 0
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("baiqiang: error: ")
    assert needle in lines[0]
    assert "Traceback" not in err


def test_bad_input_in_a_real_process_exits_non_zero_without_a_traceback() -> None:
    proc = real("list", "ic", "--tier", "7")
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr == "baiqiang: error: --tier takes 1, 2, 3 or 4, not 7\n"
    proc = real("list", "ic", "--provnce", "江苏")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_pipe_into_head_ends_quietly() -> None:
    proc = subprocess.run(
        f"{sys.executable} -m baiqiang list ic --format csv | head -n 2",
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        executable="/bin/bash",
    )
    assert proc.stdout.splitlines()[1].startswith("1,昆山市")
    assert proc.stderr == ""


def test_output_file_atomic_no_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    assert sh("list", "ic", "--output", str(target)).returncode == 0
    assert pl.read_csv(target).height == 100
    target.write_text("keep me\n", encoding="utf-8")
    proc = sh("list", "ic", "--limit", "1", "--output", str(target))
    assert proc.returncode == 1 and "exists; pass --force" in proc.stderr
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert sh("list", "ic", "--limit", "1", "--output", str(target), "--force").returncode == 0
    assert pl.read_csv(target).height == 1
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary left behind


def test_output_into_missing_directory_is_an_error(tmp_path: Path) -> None:
    proc = sh("list", "ic", "--output", str(tmp_path / "no" / "such.csv"))
    assert proc.returncode == 1 and "no such directory" in proc.stderr


def test_bom_csv_for_excel(tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    assert sh("list", "ic", "--bom", "--output", str(target)).returncode == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfrank,name")


def test_xlsx_and_parquet_files(tmp_path: Path) -> None:
    import openpyxl

    assert sh("list", "ic", "--province", "浙江", "--output", str(tmp_path / "z.xlsx")).returncode == 0
    sheet = openpyxl.load_workbook(tmp_path / "z.xlsx").active
    assert sheet.cell(1, 2).value == "name" and sheet.cell(2, 2).value == "慈溪市"
    assert sheet.max_row == 26
    assert sh("stats", "id", "--by", "province", "-o", str(tmp_path / "s.parquet")).returncode == 0
    df = pl.read_parquet(tmp_path / "s.parquet")
    assert (
        df.row(0)[:4] == ("广东省", 22, 0.22, 65) and abs(df.row(0)[4] - 22 / 65) < 1e-12
    )  # 22 of 广东 65 市辖区, unrounded


def test_binary_format_can_be_piped() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "baiqiang", "list", "ic", "-f", "parquet"], cwd=ROOT, capture_output=True
    )
    assert proc.returncode == 0 and proc.stdout[:4] == b"PAR1"


def test_table_format_aligns_chinese() -> None:
    from rich.cells import cell_len

    proc = sh("list", "ic", "--limit", "5", "--format", "table", env={"NO_COLOR": "1"})
    assert proc.returncode == 0
    rows = [line for line in proc.stdout.splitlines()[3:] if line.strip()]
    assert "\x1b[" not in proc.stdout
    assert (
        len({cell_len(r.rstrip()) for r in rows[1:]}) <= 2
    )  # data rows end in the same column (± trailing blank)
    positions = {cell_len(r[: r.index("苏州市")]) for r in rows if "苏州市" in r}
    assert len(positions) == 1  # the prefecture column starts at one display position


def test_chart_lines_have_one_display_width() -> None:
    from rich.cells import cell_len

    for args in (
        ("chart", "ic", "--by", "province", "--width", "70"),
        ("chart", "id", "--by", "province", "--cols", "rank_band", "--width", "100"),
        ("chart", "bc", "--by", "scale", "-W", "50", "-H", "10"),
    ):
        proc = sh(*args)
        assert proc.returncode == 0, proc.stderr
        widths = {cell_len(line) for line in proc.stdout.rstrip("\n").split("\n")}
        assert len(widths) == 1 and widths.pop() <= int(
            args[args.index("--width") + 1] if "--width" in args else 50
        )
    assert "浙江省 25" in sh("chart", "ic", "--by", "province", "--width", "70").stdout


def test_no_args_without_terminal_says_so() -> None:
    proc = sh()
    assert proc.returncode == 1 and "needs a terminal" in proc.stderr


def test_stats_by_province_gains_the_province_share() -> None:
    df = csv("stats", "ic", "--by", "province")
    assert df.columns == ["province", "count", "share", "units_in_province", "share_of_province"]
    jiangsu = df.filter(pl.col("province") == "江苏省").row(0, named=True)
    assert (jiangsu["count"], jiangsu["units_in_province"], jiangsu["share_of_province"]) == (23, 40, 0.575)
    assert csv("stats", "ic", "--by", "region").columns == ["region", "count", "share"]


def test_show_any_unit_json() -> None:
    code, out, _ = run("show", "320614", "--format", "json")
    assert code == 0 and json.loads(out)["name"] == "海门区"
    code, out, _ = run("show", "平乡县", "--format", "json")
    obj = json.loads(out)
    assert obj["rankings"] == [] and obj["context"]["units_in_province"] == 118
    assert obj["facts"][0]["figure"] == "40"


def test_map_lines_up_and_marks_the_listed_units() -> None:
    from rich.cells import cell_len

    proc = sh("map", "industrial-counties", "--width", "90")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.rstrip("\n").split("\n")
    assert {cell_len(line) for line in lines} == {90}
    assert "\x1b[" not in proc.stdout  # no colour when piped
    assert "第一梯队 6" in proc.stdout and "第四梯队 20" in proc.stdout
    body = "".join(lines[1:-2])
    assert body.count("·") > 500  # the faint seats draw the country
    zoomed = sh("map", "id", "--province", "广东", "--width", "70", "--height", "20")
    assert zoomed.returncode == 0
    assert {cell_len(line) for line in zoomed.stdout.rstrip("\n").split("\n")} == {70}
    assert "工业百强区 22" in zoomed.stdout


def test_broken_data_folder_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "industrial_counties.csv").write_bytes(
        (ROOT / "data" / "industrial_counties.csv").read_bytes()
    )
    proc = sh("list", "ic", env={"BAIQIANG_DATA": str(tmp_path)})
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.startswith("baiqiang: error: cannot read the data in") and proc.stderr.count("\n") == 1
    proc = sh("list", "ic", env={"BAIQIANG_DATA": str(tmp_path / "nowhere")})
    assert proc.returncode == 1 and "no data found" in proc.stderr


def test_version_and_explorer_without_a_terminal() -> None:
    proc = real("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("baiqiang ")
    proc = sh("tui", "--table", "industrial-districts")
    assert proc.returncode == 1 and "needs a terminal" in proc.stderr


def test_no_matching_rows_gives_the_header_and_says_so() -> None:
    proc = sh("list", "ic", "--province", "山西")
    assert proc.returncode == 0
    assert proc.stdout.startswith("rank,name,") and proc.stdout.count("\n") == 1
    assert proc.stderr == "no row of industrial-counties passes these filters\n"


def test_every_prefecture_is_a_valid_filter_even_with_nothing_listed() -> None:
    for typed in ("丽水", "深圳", "甘孜藏族自治州"):
        done = sh("list", "ic", "--prefecture", typed)
        assert done.returncode == 0, done.stderr
        assert "no row of industrial-counties passes these filters" in done.stderr
    korla = sh("list", "ic", "--prefecture", "巴音郭楞")
    assert korla.returncode == 0 and "库尔勒市,新疆维吾尔自治区,巴音郭楞蒙古自治州" in korla.stdout


def test_show_a_prefecture_with_nothing_listed() -> None:
    done = sh("show", "丽水")
    assert done.returncode == 0, done.stderr
    assert "No unit of 丽水市 is in the report's lists" in done.stdout and "缙云县" in done.stdout


def test_show_narrows_shengzhiguan_to_the_province() -> None:
    done = sh("show", "省直管", "--province", "河南", "--format", "json")
    obj = json.loads(done.stdout)
    assert [u["name"] for u in obj["units"]] == ["济源市"] and obj["province"] == "河南省"


def test_limit_zero_and_a_misspelt_table_get_clear_words() -> None:
    zero = sh("list", "ic", "--limit", "0")
    assert zero.returncode == 1 and "0 is not in the range x>=1" in zero.stderr  # bad input
    assert "no row" not in zero.stderr
    typo = sh("list", "icc")
    assert typo.returncode == 1 and "did you mean industrial-counties" in typo.stderr


def test_overlap_sorts_limits_filters_and_says_why_it_is_empty() -> None:
    df = csv("overlap", "ic", "inc", "--sort", "gap", "--desc", "--limit", "3")
    assert df.height == 3 and df["gap"].to_list() == sorted(df["gap"].to_list(), reverse=True)
    assert set(csv("overlap", "ic", "inc", "--province", "浙江")["province"]) == {"浙江省"}
    empty = sh("overlap", "ic", "id")
    assert empty.returncode == 0 and "no unit can be in both" in empty.stderr


def test_stats_and_crosstab_take_every_filter_of_list() -> None:
    top10 = csv("stats", "ic", "--by", "region", "--ranks", "1-10", "--search", "江")
    assert top10["count"].sum() == csv("list", "ic", "--ranks", "1-10", "--search", "江").height
    wide = csv("crosstab", "ic", "--rows", "tier", "--cols", "region", "--county-type", "县", "--name", "x")
    assert wide["total"].sum() == csv("list", "ic", "--county-type", "县", "--name", "x").height


def test_a_table_on_a_narrow_terminal_names_what_it_leaves_out() -> None:
    from baiqiang.tui import render

    df = csv("list", "ic", "--limit", "3")
    kept = render.fit_columns(df, 60)
    assert kept[:4] == ["rank", "name", "province", "prefecture"] and len(kept) < len(df.columns)
    text = render.table_text(df.select(kept))
    assert "county_type" not in text and not any(line.endswith(" ") for line in text.splitlines())
    screen = io.StringIO()
    from rich.console import Console

    terminal = Console(file=screen, width=60, force_terminal=True, color_system=None)
    with mock.patch.object(render, "_console", return_value=terminal):
        done = sh("list", "ic", "--limit", "3", "--format", "table")
    assert "not shown: county_type" in done.stderr
    assert "tier" in screen.getvalue() and "county_type" not in screen.getvalue()
    assert not any(line.endswith(" ") for line in screen.getvalue().splitlines())


def test_a_gbk_terminal_gets_stand_ins_never_a_traceback() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "baiqiang", "show", "昆山"],
        cwd=ROOT,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "gbk"},
    )
    assert shown.returncode == 0 and b"Traceback" not in shown.stderr
    text = shown.stdout.decode("gbk")  # every byte is GBK
    assert "昆山市" in text and "›" not in text and ">" in text


def test_encoding_gbk_writes_what_excel_on_a_chinese_windows_opens(tmp_path: Path) -> None:
    target = tmp_path / "zj.csv"
    done = sh("list", "ic", "--province", "浙江", "--encoding", "gbk", "-o", str(target))
    assert done.returncode == 0, done.stderr
    raw = target.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and "慈溪市" in raw.decode("gbk")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert sh("list", "ic", "--encoding", "gbk", "--format", "parquet").returncode == 1
    assert "gb18030" in sh("list", "ic", "--encoding", "big5").stderr


def test_the_explorer_says_it_needs_a_utf8_terminal() -> None:
    import importlib

    cli_main = importlib.import_module("baiqiang.tui.cli.runner")

    class GbkTerminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    fake = GbkTerminal(io.BytesIO(), encoding="gbk")
    with (
        mock.patch.object(cli_main.sys, "stdout", fake),
        mock.patch.object(cli_main.sys.stdin, "isatty", lambda: True),
    ):
        with pytest.raises(InvalidValue, match="needs a UTF-8 terminal, and this one is gbk"):
            cli_main._need_terminal()


def test_search_finds_provinces_and_prefectures_by_pinyin() -> None:
    suzhou = csv("list", "ic", "--search", "suzhou")
    assert set(suzhou["prefecture"]) == {"苏州市"} and suzhou.height == 4
    assert csv("list", "ic", "--search", "zhejiang").height == csv("list", "ic", "--province", "浙江").height
    assert "_province_key" not in suzhou.columns and "_prefecture_key" not in suzhou.columns


def test_a_long_argument_is_not_echoed_back_whole() -> None:
    long = "x" * 300
    for args in (
        ("show", long),
        ("list", long),
        ("list", "ic", "--province", long),
        ("list", "ic", "--ranks", long),
    ):
        done = sh(*args)
        assert done.returncode in (1, 2) and len(done.stderr) < 300 and "…" in done.stderr, args


def test_audit_issues_as_a_table_shows_both_sides_of_every_inconsistency() -> None:
    done = sh("audit", "--issues", "--format", "table")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    squeezed = "".join(done.stdout.split())  # cells fold across lines
    for side in ("四川34", "四川33", "金融新材料", "金属新材料", "表2", "表3", "东北>75", "东北3.7"):
        assert side in squeezed, side


def test_shell_completion_offers_commands_tables_and_provinces() -> None:
    def asked(words: str) -> dict[str, str]:
        return {
            "_BAIQIANG_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1),
        }

    def complete(words: str) -> list[str]:
        """The completion's answer from main() in this process (Click ends it with SystemExit)."""
        out = io.StringIO()
        with mock.patch.dict(os.environ, asked(words)), redirect_stdout(out), pytest.raises(SystemExit):
            main([])
        return out.getvalue().split()

    # as the shell runs it: the installed command, in a process of its own
    assert {"stats", "show"} <= set(real(env=asked("baiqiang s")).stdout.split())
    assert {"industrial-counties", "innovation-counties", "ic", "inc"} <= set(complete("baiqiang list i"))
    assert {"江苏", "江苏省", "江西"} <= set(complete("baiqiang list ic --province 江"))
    assert "--install-completion" in sh("--help").stdout


def test_long_lists_of_objects_print_a_line_each_and_read_back_the_same() -> None:
    from baiqiang.tui.pipes import json_text

    data = {"name": "x", "items": [{"v": i * 1.5, "s": '名"字', "n": None, "b": True} for i in range(60)]}
    text = json_text(data)
    assert json.loads(text) == data
    assert text.count("\n") == 60 + 4 and json_text({"a": [1]}) == json.dumps({"a": [1]}, indent=2)


def test_help_shows_required_and_defaults_without_markup_escapes() -> None:
    code, out, _ = run("list", "--help")
    assert code == 0 and "[required]" in out and "[default: utf-8]" in out
    assert "\\[" not in out  # Typer's Rich escape (fastapi/typer#1058) does not reach the user


def test_a_command_line_parsed_by_its_command_alone_reads_as_by_the_whole_app() -> None:
    """main() hands a line that names its command to an app of that command only (Typer makes
    every command's Click command on each run): its help, its errors and its answer are the
    whole app's, for every command and group."""
    from click.testing import CliRunner as ClickRunner
    from typer.main import get_command

    from baiqiang.tui.cli.runner import COMMANDS, build

    click_runner, whole = ClickRunner(mix_stderr=False), get_command(app)  # made once: 60 ms
    for name in COMMANDS:
        only = build(name)
        assert [c.name for c in only.registered_commands] + [g.name for g in only.registered_groups] == [name]
        alone = get_command(only)
        for args in ([name, "--help"], [name, "--no-such-option"]):
            said = [click_runner.invoke(cmd, args, prog_name="baiqiang") for cmd in (whole, alone)]
            assert len({(r.exit_code, r.stdout, r.stderr) for r in said}) == 1, args
    assert sh("show", "昆山", "--format", "json").stdout == run("show", "昆山", "--format", "json")[1]


def test_show_tells_a_units_history_lined_up() -> None:
    done = sh("show", "二道区")
    lines = [ln.strip("│ ") for ln in done.stdout.splitlines()]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("History: former names and codes"))
    assert lines[start + 1 : start + 5] == [
        "1981, 1983–1994  双阳县      220125  split in 1995: a part of it is in it",
        "1982             双阳县      222525  split in 1995: a part of it is in it",
        "1983–1994        二道河子区  220105  merged into it in 1995: a part of it",
        "1983–1994        郊区        220111  split in 1995: a part of it is in it",
    ]
    beian = sh("show", "北安市").stdout  # a change the lists give no year for
    assert "北安县  232621  is it now " in beian and "?" not in beian
    obj = json.loads(sh("show", "东城区", "--format", "json").stdout)
    assert obj["past"] == [
        {"code": "110103", "name": "崇文区", "in_use": "1981–2009", "fate": "merged", "year": 2010}
    ]
