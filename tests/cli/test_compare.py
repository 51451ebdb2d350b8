"""``baiqiang compare`` and ``baiqiang peers`` from the command line (in process through main();
the imported file is SYNTHETIC: tests/fixtures/make_synthetic.py)."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
import pytest

from tests.cli.test_cli import sh
from tests.fixtures import make_synthetic as synthetic

TSV = str(Path(synthetic.__file__).parent / synthetic.TSV)


def frame(text: str) -> pl.DataFrame:
    return pl.read_csv(io.StringIO(text), infer_schema=False)


def test_compare_gives_a_row_per_indicator_and_a_column_per_unit() -> None:
    done = sh("compare", "昆山", "江阴", "张家港", "--format", "csv")
    assert done.returncode == 0 and done.stderr == ""
    df = frame(done.stdout)
    assert df.columns == ["group", "key", "label", "label_en", "measure", "昆山市", "江阴市", "张家港市"]
    row = df.filter(pl.col("key") == "population").row(0, named=True)
    assert (row["measure"], row["昆山市"], row["江阴市"], row["张家港市"]) == (
        "人",
        "2092496",
        "1779515",
        "1432044",
    )
    ranks = df.filter(pl.col("key") == "industrial-counties.rank")
    assert ranks.select("昆山市", "江阴市", "张家港市").row(0) == ("1", "2", "3")
    assert df.height > 150  # identity, ranks, clusters, the report's figures, the census


def test_a_former_name_or_an_adcode_is_a_unit_and_its_change_is_said() -> None:
    done = sh("compare", "吴江市", "320583", "--rows", "adcode,population", "--format", "csv")
    assert done.returncode == 0
    assert done.stderr == "吴江市 (320584) became 吴江区 (320509) in 2012\n"
    df = frame(done.stdout)
    assert df.columns[5:] == ["吴江区", "昆山市"] and df["吴江区"].to_list() == ["320509", "1545023"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["昆山"], "a comparison takes 2 to 8 units; 1 given"),
        (["昆山", *"甲乙丙丁戊己庚辛"], "9 given"),
        (["昆山", "不存在县"], "no county-level unit named '不存在县'"),
        (["昆山", "朝阳区"], "'朝阳区' could mean 朝阳区 (北京市 110105)"),
        (["昆山", "江阴", "--rows", "populaton"], "--rows names no group or row 'populaton'"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(args: list[str], says: str) -> None:
    done = sh("compare", *args, "--format", "csv")
    assert done.returncode == 1 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and says in done.stderr


def test_peers_out_of_the_box_within_a_province_and_by_your_column(tmp_path: Path) -> None:
    done = sh("peers", "沁源县", "--format", "csv")
    assert done.returncode == 0
    df = frame(done.stdout)
    assert (
        df.height == 11 and df["name"][0] == "沁源县" and df["rank"].to_list() == [str(i) for i in range(11)]
    )
    assert df.columns[:5] == ["rank", "name", "province", "adcode", "distance"]
    assert "units considered" in done.stderr and "left out for a missing value" in done.stderr
    near = frame(sh("peers", "沁源县", "--within", "province", "-k", "3", "--format", "csv").stdout)
    assert set(near["province"]) == {"山西省"} and near.height == 4
    home = {"BAIQIANG_HOME": str(tmp_path / "home")}
    assert sh("data", "import", TSV, "--as", "研发", env=home).returncode == 0
    mine = sh("peers", "昆山", "--by", "研发经费", "-k", "2", "--explain", "--format", "csv", env=home)
    assert mine.returncode == 0, mine.stderr
    assert frame(mine.stdout)["name"].to_list() == ["昆山市", "江阴市", "海门区"]
    assert "研发经费 Δz" in frame(mine.stdout).columns
    bad = sh("peers", "沁源县", "--within", "world")
    assert bad.returncode == 1 and len(bad.stderr.splitlines()) == 1  # a value, not a malformed line


def test_a_hostile_header_reaches_neither_the_terminal_nor_a_spreadsheet(tmp_path: Path) -> None:
    """HOSTILE fixture, made here: a column header holding a terminal escape and a formula."""
    evil = '=HYPERLINK("http://x","y")\x1b[2J'
    path = tmp_path / "hostile.tsv"
    path.write_text(f"adcode\t{evil}\n320583\t1\n320281\t2\n", encoding="utf-8")
    home = {"BAIQIANG_HOME": str(tmp_path / "home")}
    assert sh("data", "import", str(path), "--as", "evil", env=home).returncode == 0
    done = sh("compare", "昆山", "江阴", "--rows", "indicators", "--format", "csv", env=home)
    assert done.returncode == 0 and "\x1b" not in done.stdout + done.stderr
    row = frame(done.stdout).row(0, named=True)
    assert row["label"].startswith("'=") and (row["昆山市"], row["江阴市"]) == ("1", "2")
    shown = sh("compare", "昆山", "江阴", "--rows", "indicators", "--format", "table", env=home)
    assert shown.returncode == 0 and "\x1b" not in shown.stdout


def test_on_an_80_column_terminal_units_stand_side_by_side() -> None:
    """A unit's clusters are long Chinese text, which a terminal cannot fold between words:
    cut with … to fit, so that the units stand side by side, and what does not fit is named."""
    from unittest import mock

    from rich.console import Console

    from baiqiang.tui import render

    screen = io.StringIO()
    terminal = Console(file=screen, width=80, force_terminal=True, color_system=None)
    with mock.patch.object(render, "_console", return_value=terminal):
        done = sh(
            "compare", "昆山", "江阴", "张家港", "晋江", "--rows", "clusters,population", "--format", "table"
        )
    text = screen.getvalue()
    assert done.returncode == 0 and "昆山市" in text and "江阴市" in text and "2092496" in text
    assert "昆山小核酸…" in text  # cut, and said to be
    assert "not shown: 晋江市 (fewer units, or --rows, or every column with --format csv)" in done.stderr
    assert "--columns" not in done.stderr


def test_a_table_writes_a_columns_decimals_to_one_number_of_places_and_csv_as_held() -> None:
    """On a screen 9.20 stands over 9.74 (and beside it in a comparison); CSV keeps 9.2."""
    table = sh("peers", "沁源县", "--format", "table").stdout
    assert "9.74" in table and "9.20" in table and " 9.2 " not in table
    assert "9.2," in sh("peers", "沁源县", "--format", "csv").stdout
    compared = sh("compare", "沁源县", "澄江市", "--rows", "schooling_years", "--format", "table").stdout
    assert "9.74" in compared and "9.20" in compared


@pytest.mark.parametrize(
    ("columns", "shown"), [("130", "share with a university education"), ("60", "share with a university e…")]
)
def test_a_comparisons_labels_take_the_room_the_terminal_has(columns: str, shown: str) -> None:
    """Whole where the terminal has room; cut with … where it is narrow (the values come first)."""
    args = ("compare", "沁源县", "府谷县", "--rows", "university_share,population", "--format", "table")
    table = sh(*args, env={"COLUMNS": columns}).stdout
    assert shown in table, table
