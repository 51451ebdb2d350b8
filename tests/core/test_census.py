"""The built-in 2020 census (data/datasets/census2020, core/build/census.py): every value is the
source's, every unit formed by a merger has its parts' sum or nothing, and a fresh install shows it."""

from __future__ import annotations

import json
import re

import fastexcel
import polars as pl
import pytest

from baiqiang.core.build.census import HEADLINE, NO_BASE, RATES, label_en
from baiqiang.core.history import Fate, history_of
from tests.conftest import ROOT

SOURCE = ROOT.parent / "shared" / "data" / "census2020" / "census_county_2020_v1.xlsx"
FOLDER = ROOT / "data" / "datasets" / "census2020"


@pytest.fixture(scope="module")
def shipped() -> tuple[pl.DataFrame, dict, pl.DataFrame]:  # type: ignore[type-arg]
    values = pl.read_parquet(FOLDER / "values.parquet")
    dataset = json.loads((FOLDER / "dataset.json").read_text(encoding="utf-8"))
    report = pl.read_csv(FOLDER / "rows.csv", schema_overrides={"adcode": pl.String})
    return values, dataset, report


def test_at_least_2835_units_one_row_each_every_column_with_its_unit(shipped) -> None:  # type: ignore[no-untyped-def]
    values, dataset, _ = shipped
    assert values["adcode"].n_unique() == values.height >= 2835
    assert dataset["built_in"] and dataset["units"] == values.height
    assert [c["name"] for c in dataset["columns"]][: len(HEADLINE)] == [h.name for h in HEADLINE]
    assert all(c["unit"] and c["label_en"] for c in dataset["columns"])
    assert (FOLDER / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_every_value_is_the_sources(shipped) -> None:  # type: ignore[no-untyped-def]
    """A unit read from one row of the file has that row's values, every one of them."""
    if not SOURCE.is_file():
        pytest.skip(f"the census table is not at {SOURCE}")
    values, dataset, report = shipped
    source = fastexcel.read_excel(SOURCE).load_sheet(0).to_polars().with_row_index("line", offset=2)
    columns = [c for c in dataset["columns"] if not c["headline"]]
    one_row = report.filter(pl.col("outcome").is_in(["matched", "renamed"]))
    assert one_row.height >= 2825
    both = (
        one_row.select("line", "adcode")
        .join(
            source.select(
                "line", *[pl.col(c["header"]).cast(pl.Float64).alias(f"src:{c['name']}") for c in columns]
            ),
            on="line",
        )
        .join(values, on="adcode")
    )
    assert both.height == one_row.height
    for c in columns:
        mine, theirs = both[c["name"]], both[f"src:{c['name']}"]
        same = (mine == theirs) | (mine.is_null() & theirs.is_null())
        assert same.all(), (
            c["name"],
            both.filter(~same).select("adcode", c["name"], f"src:{c['name']}").head(3),
        )


def test_a_unit_formed_by_a_merger_has_its_parts_sum_or_nothing(shipped) -> None:  # type: ignore[no-untyped-def]
    """No merged unit carries one predecessor's value: 孟津区 (孟津县 + 吉利区, 2021) the sum of
    both rows, its rates worked out again; 上城区 (with a part of 江干区) nothing."""
    values, dataset, report = shipped
    by = {r["adcode"]: r for r in values.iter_rows(named=True)}
    history = history_of(ROOT / "data")
    merged = {
        lineage.units[0]
        for record in history.in_year(2020)
        if (lineage := history.lineage(record, 2020)).fate == Fate.MERGED
    }
    summed = set(report.filter(pl.col("outcome") == "summed")["adcode"])
    assert merged & set(by) <= summed <= set(by)  # with values: only those whose every part was summed
    assert "460302" in summed  # 西沙区: 西沙群岛 and 中沙群岛 (core/history.py THROUGH)
    assert {"410308", "330105", "350404"} <= summed and "330102" not in by  # 孟津区, 拱墅区, 三元区; 上城区
    if SOURCE.is_file():
        source = fastexcel.read_excel(SOURCE).load_sheet(0).to_polars()
        parts = source.filter(pl.col("区县").is_in(["孟津县", "吉利区"]) & (pl.col("市") == "洛阳市"))
        assert parts.height == 2
        assert by["410308"]["人口数_合计"] == parts["人口数_合计"].sum()
        men, women = parts["人口数_男"].sum(), parts["人口数_女"].sum()
        assert by["410308"]["性别比（女=100）"] == round(men / women * 100, 2)
    for name in NO_BASE:
        assert by["410308"][name] is None  # nothing to weigh it by: blank, and the column says so
    notes = {c["name"]: c["note"] for c in dataset["columns"]}
    assert all("worked out from its parts" in notes[n] for n in RATES)


def test_every_source_column_has_an_english_name() -> None:
    assert label_en("男_85岁以上") == "men, aged 85+"
    assert label_en("住房来源_租赁") == "homes: rented"
    assert label_en("人口比重_65岁及以上") == "share aged 65+"  # was "share aged 65岁+"
    described = json.loads(
        (ROOT / "data" / "datasets" / "census2020" / "dataset.json").read_text(encoding="utf-8")
    )
    kept = [c["label_en"] for c in described["columns"] if re.search(r"[\u3000-\u9fff]", c["label_en"])]
    assert kept == [], kept  # English mode names every column in English
