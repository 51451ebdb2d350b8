"""The registries: a table registered at run time reaches the command line, the API and the
explorer with no other change (core/plain/tables.py, tui/view_specs.py); a filter declared at run
time reaches Filters, every command's options and the API's keywords (core/filters.py).

The table here is SYNTHETIC: ranks made up for the test, given to real units by their adcodes;
it is written into a copy of data/ and never shipped.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import polars as pl
import pytest

from baiqiang.core.catalog import make_catalog
from baiqiang.core.filters import Filters, FilterSpec, register_filter, unregister_filter
from baiqiang.core.plain import paths
from baiqiang.core.plain.names import XIAN_SHI
from baiqiang.core.plain.tables import TABLES, Kind, TableSpec, register, unregister
from baiqiang.tui.app import BaiqiangApp
from baiqiang.tui.widgets.table_view import TableView
from tests.cli.test_cli import sh
from tests.conftest import ROOT
from tests.tui.conftest import settle

UNITS = ["320583", "320281", "330782", "350582", "370781", "410181", "430181", "510112", "140431"]
"""昆山市, 江阴市, 义乌市, 晋江市, 青州市, 巩义市, 浏阳市, 龙泉驿区 (a district: not of the
list's types, but a file may hold anything), 沁源县."""


@pytest.fixture()
def sixth(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TableSpec]:
    """A sixth table registered for the test, its file in a copy of data/ (BAIQIANG_DATA)."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    pl.DataFrame({"rank": list(range(1, len(UNITS) + 1)), "adcode": UNITS}).write_csv(
        folder / "synthetic_list.csv"
    )
    monkeypatch.setenv(paths.DATA, str(folder))
    spec = register(
        TableSpec(
            "synthetic-list",
            "synthetic_list.csv",
            0,
            "合成榜单（测试用，非真实排名）",
            "Synthetic list (test data, not a real ranking)",
            "合成榜单",
            "Synthetic",
            Kind.RANKING,
            ("syn",),
            unit_types=XIAN_SHI,
            columns=("rank", "name", "province", "prefecture", "county_type"),
        )
    )
    yield spec
    unregister(spec.id)


def test_the_registry_matches_the_data() -> None:
    """The report's year in the registry is the year in the title of data/source.json."""
    import json

    from baiqiang.core.plain.tables import REPORT

    source = json.loads((ROOT / "data" / "source.json").read_text(encoding="utf-8"))
    assert source["title"] == REPORT.title and str(REPORT.year) in source["title"]
    assert {s.edition for s in TABLES.values() if s.ranked} == {REPORT.year}


def test_a_sixth_table_reaches_the_command_line_and_the_api(sixth: TableSpec) -> None:
    listed = sh("tables", "--format", "csv")
    assert listed.returncode == 0 and "synthetic-list," in listed.stdout
    rows = pl.read_csv(sh("list", "syn", "--format", "csv").stdout.encode())
    assert rows["name"].to_list()[:3] == ["昆山市", "江阴市", "义乌市"]
    assert rows.row(0, named=True)["province"] == "江苏省"  # filled in from the unit's adcode
    jiangsu = pl.read_csv(sh("list", "syn", "--province", "江苏", "-f", "csv").stdout.encode())
    assert jiangsu["rank"].to_list() == [1, 2]
    by = pl.read_csv(sh("stats", "syn", "--by", "province", "-f", "csv").stdout.encode())
    assert by.filter(pl.col("province") == "江苏省")["count"].item() == 2
    every = pl.read_csv(sh("list", "all", "--where", "synthetic_list_rank <= 3", "-f", "csv").stdout.encode())
    assert sorted(every["name"]) == ["义乌市", "昆山市", "江阴市"]

    import baiqiang as bq

    assert bq.table("syn", region="中部")["name"].to_list() == ["巩义市", "浏阳市", "沁源县"]
    assert "synthetic-list" in bq.tables()["id"].to_list()
    assert bq.stats("syn", by="region")["count"].to_list() == [5, 3, 1]  # 东部, 中部, 西部


async def test_a_sixth_table_gets_a_tab_in_the_explorer(sixth: TableSpec) -> None:
    app = BaiqiangApp(make_catalog())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("9")  # the next free number key
        await settle(pilot)
        view = app.query_one("#view-synthetic-list", TableView)
        assert view.rows.height == len(UNITS) and view.rows["name"][0] == "昆山市"
        assert "合成榜单" in str(app.query_one("#tabs").get_tab("tab-synthetic-list").label)


@pytest.fixture()
def seventh_filter() -> Iterator[FilterSpec]:
    """A filter declared for the test: the first letter of a unit's pinyin."""

    def keep(value: str, cols: Sequence[str]) -> pl.Expr:
        return pl.col("initials").str.starts_with(value)

    spec = register_filter(
        FilterSpec(
            "initial",
            "The first letter of the name's pinyin.",
            "名称拼音的首字母。",
            "首字母",
            "Initial",
            lambda text, _: text.strip().lower()[:1],
            keep,
        )
    )
    yield spec
    unregister_filter(spec.name)


def test_a_new_filter_reaches_filters_the_command_line_and_the_api(seventh_filter: FilterSpec) -> None:
    chosen = Filters.parse(initial="J", province="江苏")
    assert chosen.initial == "j" and chosen.active() == [("province", "江苏"), ("initial", "j")]
    listed = sh("list", "ic", "--initial", "j", "--province", "江苏", "--format", "csv")
    assert listed.returncode == 0, listed.stderr
    found = pl.read_csv(listed.stdout.encode())
    names = found["name"].to_list()
    assert names[0] == "江阴市" and set(found["province"]) == {"江苏省"}
    assert all(i.startswith("j") for i in found["initials"]) and len(names) >= 3
    assert "--initial" in sh("stats", "--help").stdout and "--initial" in sh("movers", "--help").stdout
    import baiqiang as bq

    assert bq.table("ic", initial="j", province="江苏")["name"].to_list() == names
    with pytest.raises(bq.BaiqiangError, match="unknown filter 'intial'"):
        bq.table("ic", intial="j")
