"""Other editions of the lists (issue 12): import, --edition, movers, show's history. Every
edition here is SYNTHETIC: the report's 2022 list reshuffled by hand, never shipped as data."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from baiqiang.core.catalog import Catalog
from baiqiang.core.editions import EditionRejected, Status, editions, import_edition, movers, years
from baiqiang.core.matching import RowOutcome
from baiqiang.core.plain.errors import DatasetExists, InvalidValue, LookupFailed
from baiqiang.core.profile import lookup
from baiqiang.core.service import rows


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BAIQIANG_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def synthetic_2021(catalog: Catalog, folder: Path, *, swap: bool = True, rename: dict[str, str] | None = None,
                   repeat_rank: bool = False) -> Path:  # fmt: skip
    """表1 of 2022 with 昆山市 and 江阴市 swapped (SYNTHETIC), as a CSV with a title row."""
    ic = catalog.tables["industrial-counties"].collect().select("rank", "name", "province")
    names = ic["name"].to_list()
    if swap:
        names[0], names[1] = names[1], names[0]
    lines = ["2021年中国工业百强县（合成数据）", "排名,县（市）,省（区、市）"]
    for i, name in enumerate(names):
        province = ic.filter(pl.col("name") == name)["province"][0]
        rank = 1 if repeat_rank and i == 1 else i + 1
        lines.append(f"{rank},{(rename or {}).get(name, name)},{province}")
    path = folder / "ic2021.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_edition_imports_and_lists_and_moves(catalog: Catalog, home: Path, tmp_path: Path) -> None:
    path = synthetic_2021(
        catalog, tmp_path, rename={"海安市": "海安县"}
    )  # a former name, as a 2021 list says
    result = import_edition(catalog, path, table="ic", year=2021)
    assert result.edition.rows == 100 and not result.problems
    assert [r.outcome for r in result.reports if r.text == "海安县"] == [RowOutcome.RENAMED]
    assert years("ic") == [2021, 2022]
    assert [(e.table, e.year, e.builtin) for e in editions()][:2] == [
        ("industrial-counties", 2021, False),
        ("industrial-counties", 2022, True),
    ]
    old = rows(catalog, "ic", edition=2021, columns=["rank", "name", "province", "tier"]).collect()
    assert old.row(0) == (1, "江阴市", "江苏省", None)  # no 梯队 outside the report's 2022
    assert rows(catalog, "ic", edition=2022).collect().row(0, named=True)["name"] == "昆山市"
    moved = movers(catalog, "ic").collect()
    assert moved.height == 100
    kunshan = moved.filter(pl.col("name") == "昆山市").row(0, named=True)
    assert (kunshan["rank_from"], kunshan["rank_to"], kunshan["change"], kunshan["status"]) == (2, 1, 1, "up")
    assert movers(catalog, "ic", status=Status.DOWN).collect()["name"].to_list() == ["江阴市"]
    history = lookup(catalog, "昆山").rankings[0].history
    assert history == [{"edition": 2021, "rank": 2}, {"edition": 2022, "rank": 1}]


def test_new_and_dropped_units(catalog: Catalog, home: Path, tmp_path: Path) -> None:
    path = synthetic_2021(catalog, tmp_path, swap=False, rename={"海安市": "海门市"})  # 海门市 is 海门区 now
    import_edition(catalog, path, table="ic", year=2021)
    moved = movers(catalog, "ic", frm=2021, to=2022).collect()
    got = {r["name"]: r["status"] for r in moved.iter_rows(named=True) if r["status"] in ("new", "dropped")}
    assert got == {"海安市": "new", "海门区": "dropped"}


def test_a_bad_edition_stores_nothing(catalog: Catalog, home: Path, tmp_path: Path) -> None:
    with pytest.raises(EditionRejected) as caught:
        import_edition(catalog, synthetic_2021(catalog, tmp_path, repeat_rank=True), table="ic", year=2021)
    assert any("rank 1 is on line" in r.note for r in caught.value.result.problems)
    unknown = synthetic_2021(catalog, tmp_path, rename={"昆山市": "不存在市"})
    with pytest.raises(EditionRejected) as caught:
        import_edition(catalog, unknown, table="ic", year=2021)
    assert [r.outcome for r in caught.value.result.problems] == [RowOutcome.UNMATCHED]
    assert years("ic") == [2022]


def test_the_reports_edition_cannot_be_replaced_and_others_only_on_purpose(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    path = synthetic_2021(catalog, tmp_path)
    with pytest.raises(InvalidValue, match="built in"):
        import_edition(catalog, path, table="ic", year=2022)
    import_edition(catalog, path, table="ic", year=2021)
    with pytest.raises(DatasetExists):
        import_edition(catalog, path, table="ic", year=2021)
    import_edition(catalog, path, table="ic", year=2021, replace=True)
    with pytest.raises(LookupFailed, match="no edition 2019"):
        rows(catalog, "ic", edition=2019).collect()
    with pytest.raises(InvalidValue, match="one edition"):
        movers(catalog, "inc").collect()


def test_show_json_gives_each_ranking_its_history(catalog: Catalog, home: Path, tmp_path: Path) -> None:
    import_edition(catalog, synthetic_2021(catalog, tmp_path), table="ic", year=2021)
    data = json.loads(json.dumps(lookup(catalog, "江阴").to_dict()))
    assert data["rankings"][0]["history"] == [{"edition": 2021, "rank": 1}, {"edition": 2022, "rank": 2}]


def _with_regions(catalog: Catalog, folder: Path, swaps: dict[str, int]) -> Path:
    """表1 of 2022 with its last 东部 units replaced by unlisted 县(市) of other regions: a
    SYNTHETIC 2021 whose region counts differ from 2022's by `swaps` (region → units added)."""
    ic = catalog.tables["industrial-counties"].collect()
    listed = set(ic["adcode"].to_list())
    extra = []
    for region, n in swaps.items():
        pool = (
            catalog.tables["divisions"]
            .filter(pl.col("region") == region, pl.col("county_type").is_in(["县", "县级市"]))
            .collect()
        )
        extra += [r for r in pool.iter_rows(named=True) if r["adcode"] not in listed][:n]
    east = ic.filter(pl.col("region") == "东部")["name"].to_list()[-len(extra) :]
    kept = [r for r in ic.iter_rows(named=True) if r["name"] not in east]
    lines = ["排名,县（市）,省（区、市）,地级市"]
    for i, r in enumerate([*kept, *extra], start=1):
        lines.append(f"{i},{r['name']},{r['province']},{r['prefecture']}")
    path = folder / "ic2021-regions.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_year_on_year_claims_need_edition_2021_then_hold_or_not(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    from baiqiang.core.audit import Status, audit_passes, run_audit

    def yoy() -> dict[str, Status]:
        return {r.id: r.status for r in run_audit(catalog) if r.id.endswith("-yoy")}

    assert yoy() == {
        "ic-regions-yoy": Status.NEEDS_EDITION,
        "id-regions-yoy": Status.NEEDS_EDITION,
        "ic-tier2-yoy": Status.NEEDS_MORE,
    }
    assert audit_passes(run_audit(catalog))
    # 2021 had 4 fewer 东部, 3 more 中部 and 1 more 西部 (what the report says): holds
    import_edition(catalog, _with_regions(catalog, tmp_path, {"中部": 3, "西部": 1}), table="ic", year=2021)
    assert yoy()["ic-regions-yoy"] == Status.HOLDS
    # an edition that disagrees: the report's statement is shown as inconsistent, not "fixed"
    import_edition(catalog, synthetic_2021(catalog, tmp_path), table="ic", year=2021, replace=True)
    assert yoy()["ic-regions-yoy"] == Status.INCONSISTENT and audit_passes(run_audit(catalog))


def test_stars_are_kept_where_printed_and_movers_take_every_filter(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """A SYNTHETIC edition marking ★ after the name (as the report prints it) for 昆山市 only."""
    path = synthetic_2021(catalog, tmp_path, rename={"昆山市": "昆山市★"})
    import_edition(catalog, path, table="ic", year=2021)
    old = rows(catalog, "ic", edition=2021).collect()
    assert old.filter(pl.col("province_first"))["name"].to_list() == ["昆山市"]
    from baiqiang.core.filters import Filters

    picked = movers(catalog, "ic", filters=Filters(tier=1, ranks=(1, 2), province="江苏")).collect()
    assert picked["name"].to_list() == ["昆山市", "江阴市"]
    gone = movers(catalog, "ic", filters=Filters(province="浙江"), status=Status.SAME).collect()
    assert gone.height == 25 and set(gone["province"]) == {"浙江省"}


def test_a_unit_in_an_earlier_edition_only_says_so(catalog: Catalog, home: Path, tmp_path: Path) -> None:
    path = synthetic_2021(catalog, tmp_path, rename={"四会市": "丰县"})  # SYNTHETIC: 丰县 in 2021's list
    path.write_text(path.read_text(encoding="utf-8").replace("丰县,广东省", "丰县,江苏省"), encoding="utf-8")
    import_edition(catalog, path, table="ic", year=2021)
    profile = lookup(catalog, "丰县")
    assert profile.rankings == [] and profile.earlier == [
        {"table": "industrial-counties", "history": [{"edition": 2021, "rank": 100}]}
    ]
