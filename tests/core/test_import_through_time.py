"""Imports read a file as of its year (issue 19). Every file here is SYNTHETIC: it is built from
the code history (the real codes and names of a year-end list) with made-up values — row i has
the value i — so that where each value lands can be checked; none of it is data."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from baiqiang.core.catalog import Catalog
from baiqiang.core.history import Fate, History, history_of
from baiqiang.core.indicators import ImportOptions, RowOutcome, import_file
from baiqiang.core.indicators.store import values
from tests.conftest import ROOT


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BAIQIANG_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture(scope="module")
def history() -> History:
    return history_of(ROOT / "data")


def synthetic_map(
    history: History, year: int, path: Path, *, swap: tuple[str, str] | None = None
) -> dict[str, float]:
    """SYNTHETIC: every county-level unit of a year-end list (code, name, its province), row i
    valued i, two codes swapped where asked, and a development zone and a total added; returns
    each code's value."""
    rows = sorted(history.in_year(year), key=lambda r: r.code)
    codes = [r.code for r in rows]
    if swap:
        i, j = codes.index(swap[0]), codes.index(swap[1])
        codes[i], codes[j] = codes[j], codes[i]
    frame = pl.DataFrame(
        {
            "区划代码": [*codes, "130171", "130000"],
            "地区": [*(r.name for r in rows), "石家庄高新技术产业开发区", "河北省"],
            "省份": [*(r.province for r in rows), "河北省", "河北省"],
            "数值（万元）": [float(i) for i in range(len(rows) + 2)],
        }
    )
    frame.write_csv(path)
    return {r.code: float(i) for i, r in enumerate(rows)}


def lines(history: History, year: int) -> dict[str, int]:
    """The line of each code's row in :func:`synthetic_map`'s file."""
    return {r.code: i + 2 for i, r in enumerate(sorted(history.in_year(year), key=lambda r: r.code))}


def test_a_2010_file_lands_on_todays_units_and_no_merged_unit_takes_a_part(
    catalog: Catalog, home: Path, tmp_path: Path, history: History
) -> None:
    path = tmp_path / "synthetic_2010.csv"
    given = synthetic_map(history, 2010, path, swap=("130207", "130208"))  # 丰南区 ⇄ 丰润区
    result = import_file(catalog, path, name="y2010")
    assert "2010" in result.read_as  # the year found from the codes, and said
    stored = {r["adcode"]: r["数值"] for r in values("y2010").collect().iter_rows(named=True)}
    by_line = {r.line: r for r in result.reports}
    outcome = {code: by_line[line] for code, line in lines(history, 2010).items()}
    named = {r.text: r for r in result.reports}
    renamed = same = 0
    places_today = {r.code for r in history.in_year(2021)}
    for record in history.in_year(2010):
        lineage = history.lineage(record, 2010)
        if record.code in ("130207", "130208"):
            assert outcome[record.code].outcome == RowOutcome.CONFLICT
            continue
        unit = lineage.units[0] if lineage.units else None
        if unit is not None and unit not in places_today:  # 儋州市: a prefecture-level city now
            assert outcome[record.code].outcome == RowOutcome.NOT_COUNTY, record
            continue
        if lineage.fate == Fate.SAME:
            same += 1
            renamed += record.code != unit  # recoded since 2010 (吴江市 → 吴江区 …)
            assert stored.get(unit) == given[record.code], record  # renamed or not: its own value
        elif lineage.fate == Fate.MERGED:
            assert unit not in stored, record  # a part is not the whole
        elif lineage.fate == Fate.SPLIT:
            assert outcome[record.code].outcome == RowOutcome.SPLIT, record
        elif lineage.fate == Fate.SUCCEEDED and len(lineage.parts) == 1:  # 南沙群岛 → 南沙区 (2020)
            assert outcome[record.code].outcome == RowOutcome.SUCCEEDED, record
            assert stored.get(unit) == given[record.code], record  # its land: stored, and said
        elif lineage.fate == Fate.SUCCEEDED:  # 西沙群岛 with 中沙: a part of 西沙区's land
            assert outcome[record.code].outcome == RowOutcome.MERGED and unit not in stored, record
    assert named["南沙群岛"].outcome == RowOutcome.SUCCEEDED and "not a rename" in named["南沙群岛"].note
    assert named["西沙群岛"].outcome == RowOutcome.MERGED and "set up in 2020" in named["西沙群岛"].note
    assert same > 2600 and renamed > 150  # every one of them with its value: 100%
    assert named["石家庄高新技术产业开发区"].outcome == RowOutcome.NOT_COUNTY
    assert named["河北省"].outcome == RowOutcome.NOT_COUNTY
    wansheng = [r for r in result.reports if r.text == "万盛区"]
    assert wansheng[0].outcome == RowOutcome.MERGED and "綦江区" in wansheng[0].note  # 500110 reused
    assert "500110" not in stored or stored["500110"] != given["500110"]
    # the conflict decided for the whole file, on request
    by_code = import_file(catalog, path, name="y2010c", options=ImportOptions(trust="code"))
    assert not [r for r in by_code.reports if r.outcome == RowOutcome.CONFLICT]


def test_merge_sum_adds_up_every_part_and_a_year_option_overrides_the_guess(
    catalog: Catalog, home: Path, tmp_path: Path, history: History
) -> None:
    path = tmp_path / "synthetic_2010.csv"
    given = synthetic_map(history, 2010, path)
    import_file(catalog, path, name="summed", options=ImportOptions(merge="sum"))
    stored = {r["adcode"]: r["数值"] for r in values("summed").collect().iter_rows(named=True)}
    assert stored["500110"] == given["500110"] + given["500222"]  # 綦江区 = 万盛区 + 綦江县 (2011)
    assert stored["500111"] == given["500111"] + given["500225"]  # 大足区 = 双桥区 + 大足县
    # read as of 2015 instead: 500110 is then 綦江区 itself, and 万盛区's name is no unit of 2015
    later = import_file(catalog, path, name="as2015", options=ImportOptions(year=2015))
    assert "2015" in later.read_as
    by = {r.text: r for r in later.reports}
    assert by["万盛区"].outcome in (RowOutcome.CONFLICT, RowOutcome.MATCHED)


def test_a_file_of_names_is_dated_by_its_title_and_rates_are_not_summed(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """SYNTHETIC: a yearbook of 2010 with names only (no codes), under its title; and a file of
    codes with a growth rate, summed on request."""
    path = tmp_path / "synthetic_names_2010.csv"
    path.write_text(
        "2010年各县地区生产总值（SYNTHETIC）\n地区,地区生产总值（亿元）\n全省合计,1000\n吴江市,100\n巢湖市,12\n"
        "万盛区,80\n綦江县,90\n",
        encoding="utf-8",
    )
    result = import_file(catalog, path, name="names2010")
    assert result.read_as.startswith("read as of the end of 2010: the year in the file's title")
    by = {r.text: r for r in result.reports}
    assert by["吴江市"].outcome == RowOutcome.RENAMED and by["吴江市"].adcode == "320509"
    assert by["巢湖市"].outcome == RowOutcome.NOT_COUNTY and "a prefecture in 2010" in by["巢湖市"].note
    assert by["万盛区"].outcome == RowOutcome.MERGED
    coded = tmp_path / "synthetic_rates.csv"
    coded.write_text(
        "区划代码,地区,地区生产总值（亿元）,增速（%）\n500110,万盛区,10,9\n500222,綦江县,20,8\n320281,不存在县,5,1\n",
        encoding="utf-8",
    )
    summed = import_file(catalog, coded, name="rates", options=ImportOptions(year=2010, merge="sum"))
    stored = {r["adcode"]: r for r in values("rates").collect().iter_rows(named=True)}
    assert stored["500110"]["地区生产总值"] == 30 and stored["500110"]["增速"] is None
    assert any("增速" in n and "does not add up" in n for n in summed.notes)
    nonsense = next(r for r in summed.reports if r.text == "不存在县")
    assert nonsense.adcode == "320281" and "no unit's name" in nonsense.note  # the code decides, and says so


def test_the_outcomes_that_store_a_row_are_the_four_kept_ones() -> None:
    from baiqiang.core.matching import RowOutcome

    assert {o for o in RowOutcome if o.stored} == {
        RowOutcome.MATCHED, RowOutcome.RENAMED, RowOutcome.SUCCEEDED, RowOutcome.SUMMED,
    }  # fmt: skip
