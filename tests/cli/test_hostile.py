"""Hostile files (issue "hostile files and tired hands"): nothing a file holds reaches the terminal
or a spreadsheet as code, no value is lost without a word, an import happens whole or not at all.

Every file here is HOSTILE and SYNTHETIC: made up by the tests to attack (terminal escapes,
formulas, odd numbers), with made-up figures for real units; never shipped as data.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import polars as pl
import pytest

from baiqiang.core.export import for_spreadsheets
from baiqiang.core.indicators.reader import numbers
from baiqiang.core.plain.text import clip, spreadsheet_cell, visible
from tests.cli.test_cli import sh

CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"  # sets the clipboard, through tmux
CLEAR = "\x1b[2J"  # clears the screen
UNFINISHED = "\x1b]0;"  # an unfinished sequence: swallows what follows
RTL = "\u202e"  # a right-to-left override
FORMULA = '=HYPERLINK("http://x","y")'
SUM = "=SUM(1+2)"  # a formula with no comma: a header of its own
ESCAPES = ("\x1b", "\x07", "\u202e", "\x9b")


def _hostile_csv(folder: Path) -> Path:
    """HOSTILE: escapes in a header and in names, a formula as a header and as a name."""
    path = folder / f"hostile{CLEAR}.csv"
    rows = [
        f"地区,GDP{CLIPBOARD}（亿元）,{SUM},备注{UNFINISHED}",
        f"昆山市,100,1,说明{CLEAR}",
        "江阴市,90,2,",
        f"{RTL}不存在县{CLEAR},1,1,",
        f"{FORMULA},1,1,",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """An empty $BAIQIANG_HOME, as the environment of the commands."""
    return {"BAIQIANG_HOME": str(tmp_path / "home")}


def _clean(text: str) -> None:
    assert not any(e in text for e in ESCAPES), repr(text)


def test_the_rule() -> None:
    assert visible(f"a{CLEAR}b{RTL}c\x9bd") == "a␛[2Jb\ufffdc\ufffdd"
    assert visible("昆山市 (320583)") == "昆山市 (320583)"  # ordinary text untouched
    assert clip("x" * 100_000, 20) == "x" * 19 + "…"
    assert [spreadsheet_cell(c) for c in (FORMULA, "-7", "+1.5e3", "@SUM(A1)", "\tx", "-", "ok")] == [
        "'" + FORMULA,
        "-7",
        "+1.5e3",
        "'@SUM(A1)",
        "'\tx",
        "'-",
        "ok",
    ]
    frame = for_spreadsheets(pl.DataFrame({FORMULA: ["=1+1", "昆山市"], "n": [-7, 3]}))
    assert frame.columns == ["'" + FORMULA, "n"] and frame.row(0) == ("'=1+1", -7)


def test_no_escape_reaches_the_terminal(home: dict[str, str], tmp_path: Path) -> None:
    src = _hostile_csv(tmp_path)
    done = sh("data", "import", str(src), "--as", "h", env=home)
    assert done.returncode == 0, done.stderr
    _clean(done.stderr)
    assert "␛]52;c;ZXZpbA==␇" in done.stderr and "不存在县" in done.stderr
    for args in (
        ("data", "info", "h", "-f", "table"),
        ("data", "list", "-f", "table"),
        ("list", "all", "--name", "昆山市", "--columns", "name,GDP␛]52;c;ZXZpbA==␇", "-f", "table"),
        ("show", "昆山"),
    ):
        shown = sh(*args, env=home)
        assert shown.returncode == 0, (args, shown.stderr)
        _clean(shown.stdout + shown.stderr)
    as_json = json.loads(sh("data", "info", "h", "-f", "json", env=home).stdout)  # JSON escapes itself
    assert as_json["columns"][0]["header"] == f"GDP{CLIPBOARD}（亿元）"


def test_no_formula_reaches_a_spreadsheet(home: dict[str, str], tmp_path: Path) -> None:
    src = _hostile_csv(tmp_path)
    report = tmp_path / "report.csv"
    assert sh("data", "import", str(src), "--as", "h", "--report", str(report), env=home).returncode == 0
    assert "'=HYPERLINK(" in report.read_text(encoding="utf-8")  # the row named by a formula
    out = sh("list", "all", "--name", "昆山市", "--columns", f"name,{SUM}", "-f", "csv", env=home)
    assert out.stdout.splitlines()[0] == "name,'=SUM(1+2)", out.stderr
    tsv = sh("list", "all", "--name", "昆山市", "--columns", f"name,{SUM}", "-f", "tsv", env=home)
    assert tsv.stdout.splitlines()[0] == "name\t'=SUM(1+2)"
    info = sh("data", "info", "h", "-f", "csv", env=home)  # the header as written, made visible
    _clean(info.stdout)
    assert "GDP␛]52;c;ZXZpbA==␇（亿元）" in info.stdout


def test_a_report_is_written_in_the_format_its_ending_names(home: dict[str, str], tmp_path: Path) -> None:
    src = _hostile_csv(tmp_path)
    report = tmp_path / "report.xlsx"
    assert sh("data", "import", str(src), "--as", "h", "--report", str(report), env=home).returncode == 0
    with zipfile.ZipFile(report) as book:  # a workbook, not CSV text under an .xlsx name
        assert "xl/workbook.xml" in book.namelist()
    read = pl.read_excel(report)
    assert read.columns[:3] == ["line", "text", "outcome"] and read.height == 4


def test_an_import_whose_report_cannot_be_written_stores_nothing(
    home: dict[str, str], tmp_path: Path
) -> None:
    src = _hostile_csv(tmp_path)
    for report, why in (
        (tmp_path / "no-such-folder" / "r.csv", "no such directory"),
        (tmp_path / "r.xls", "the endings written are"),
    ):
        done = sh("data", "import", str(src), "--as", "h", "--report", str(report), env=home)
        assert done.returncode == 1 and why in done.stderr, done.stderr
    exists = tmp_path / "exists.csv"
    exists.write_text("mine\n", encoding="utf-8")
    done = sh("data", "import", str(src), "--as", "h", "--report", str(exists), env=home)
    assert done.returncode == 1 and "pass --force" in done.stderr
    assert exists.read_text(encoding="utf-8") == "mine\n"
    assert sh("data", "list", "-f", "csv", env=home).stdout.strip() == (
        "name,source,rows,units,columns,years,imported_at"
    )  # nothing stored


def test_numbers_as_written() -> None:
    cells = [
        "−7",
        "1,234,567",
        "1,2,3",
        "N/A",
        "NA",
        "--",
        "—",
        "inf",
        "nan",
        "1e400",
        "１２.５%",
        " 3 ",
        "甲",
    ]
    got = pl.DataFrame({"v": cells}).select(numbers("v")).to_series().to_list()
    assert got == [-7.0, 1234567.0, None, None, None, None, None, None, None, None, 12.5, 3.0, None]


def test_no_value_is_lost_without_a_word(home: dict[str, str], tmp_path: Path) -> None:
    """HOSTILE and SYNTHETIC: a short file whose column reads −7, N/A, 3 and a column of junk."""
    src = tmp_path / "short.csv"
    src.write_text(
        "单位：万人\n地区,增量,乱码\n昆山市,−7,甲\n江阴市,N/A,inf\n张家港市,3,1,2,3\n",
        encoding="utf-8",
    )
    done = sh("data", "import", str(src), "--as", "s", "--report", str(tmp_path / "r.csv"), env=home)
    assert done.returncode == 0, done.stderr
    assert "left out: 乱码 (text: 2 of 3 cells are not numbers)" in done.stderr
    assert "  增量: 1 blank or marked missing" in done.stderr
    info = pl.read_csv(io.StringIO(sh("data", "info", "s", "-f", "csv", env=home).stdout))
    assert info.row(0, named=True) | {"header": ""} == {
        "column": "增量",
        "unit": "万人",  # from 单位：万人 above the table
        "values": 2,
        "missing": 1,
        "not_numbers": 0,
        "header": "",
    }
    values = pl.read_csv(
        io.StringIO(
            sh("list", "all", "--where", "增量 IS NOT NULL", "--columns", "name,增量", env=home).stdout
        )
    )
    assert sorted(values.rows()) == [("张家港市", 3.0), ("昆山市", -7.0)]


def test_a_cell_that_is_not_a_number_is_counted_and_shown(home: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "odd.csv"  # SYNTHETIC
    src.write_text('地区,产值\n昆山市,"1,2,3"\n江阴市,1e400\n张家港市,"1,234"\n常熟市,5\n', encoding="utf-8")
    done = sh("data", "import", str(src), "--as", "o", env=home)
    assert done.returncode == 0, done.stderr
    assert "  产值: 2 not a number ('1,2,3', '1e400'), left blank" in done.stderr
