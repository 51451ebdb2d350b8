"""Units side by side and a unit's peers (issue "compare and peers"): values as ``show`` gives
them, the distance as documented, every refusal one error."""

from __future__ import annotations

import math

import polars as pl
import pytest

from baiqiang.core.catalog import Catalog
from baiqiang.core.compare import RowGroup, compare, plain
from baiqiang.core.peers import DEFAULT_COLUMNS, Within, find_peers
from baiqiang.core.plain.errors import InvalidValue, LookupFailed
from baiqiang.core.profile import lookup


def cell(df: pl.DataFrame, key: str, unit: str) -> str | None:
    return df.filter(pl.col("key") == key)[unit].item()


def test_every_value_is_the_units_own_as_show_gives_it(catalog: Catalog) -> None:
    found = compare(catalog, ["昆山", "江阴", "张家港"])
    df = found.frame()
    assert df.columns == ["group", "key", "label", "label_en", "measure", "昆山市", "江阴市", "张家港市"]
    assert [str(g) for g in dict.fromkeys(df["group"])] == [
        "identity",
        "rankings",
        "clusters",
        "facts",
        "census",
    ]
    for name in ("昆山", "江阴", "张家港"):
        profile = lookup(catalog, name)
        column = profile.name  # type: ignore[union-attr]
        assert cell(df, "adcode", column) == profile.adcode  # type: ignore[union-attr]
        for r in profile.rankings:  # type: ignore[union-attr]
            assert cell(df, f"{r.table}.rank", column) == str(r.rank)
        for ind in profile.indicators:  # type: ignore[union-attr]
            assert cell(df, ind.column, column) == plain(float(ind.value))
    assert (
        cell(df, "population", "昆山市") == "2092496"
        and cell(df, "industrial-counties.star", "昆山市") == "★"
    )
    assert cell(df, "population", "江阴市") == "1779515"  # the census's figure, as held
    assert "industrial-districts.rank" not in df["key"].to_list()  # a row none of them has says nothing
    tidy = found.tidy()
    assert tidy.height == df.height * 3 and tidy.schema["value"] == pl.Float64
    assert (
        tidy.filter((pl.col("key") == "population") & (pl.col("name") == "昆山市"))["value"].item() == 2092496
    )


def test_rows_base_former_names_and_namesakes(catalog: Catalog) -> None:
    found = compare(catalog, ["吴江市", "320583"], rows=["identity", "population"], base="昆山市")
    assert [u.name for u in found.units] == ["吴江区", "昆山市"] and found.base == 1
    assert found.units[0].note == "吴江市 (320584) became 吴江区 (320509) in 2012"
    df = found.frame()
    assert df["key"].to_list() == ["adcode", "province", "prefecture", "region", "county_type", "population"]
    assert df.columns[5:] == ["吴江区", "吴江区 − 昆山市", "吴江区 ÷ 昆山市", "昆山市"]
    assert cell(df, "population", "吴江区 − 昆山市") == str(1545023 - 2092496)
    assert cell(df, "population", "吴江区 ÷ 昆山市") == f"{1545023 / 2092496:.4g}"
    assert cell(df, "province", "吴江区 − 昆山市") is None  # text has no difference
    other = compare(catalog, ["江阴", "张家港"], base="昆山").frame()  # a base not among them comes first
    assert other.columns[5:8] == ["昆山市", "江阴市", "江阴市 − 昆山市"]
    namesakes = compare(catalog, ["110105", "220104"], rows=["adcode"]).frame()
    assert namesakes.columns[-2:] == ["朝阳区 110105", "朝阳区 220104"]


@pytest.mark.parametrize(
    ("names", "error", "says"),
    [
        (["昆山"], InvalidValue, "takes 2 to 8 units; 1 given"),
        (["昆山", *"ABCDEFGH"], InvalidValue, "9 given"),
        (["昆山", "不存在县"], LookupFailed, "no county-level unit named '不存在县'"),
        (["昆山", "朝阳区"], LookupFailed, "could mean 朝阳区 (北京市 110105)"),
        (["昆山", "苏州"], LookupFailed, "is the prefecture 苏州市"),
        (["昆山", "昆山市"], InvalidValue, "named twice"),
    ],
)
def test_a_comparison_refuses_what_it_cannot_do(
    catalog: Catalog, names: list[str], error: type[Exception], says: str
) -> None:
    with pytest.raises(error, match=None) as info:
        compare(catalog, names)
    assert says in str(info.value) and "--" not in str(info.value)  # core names no option


def test_an_unknown_row_is_refused_with_the_groups(catalog: Catalog) -> None:
    with pytest.raises(InvalidValue) as info:
        compare(catalog, ["昆山", "江阴"], rows=["populaton"])
    assert "did you mean population" in str(info.value)
    assert {str(g) for g in RowGroup} <= set(info.value.choices)


def test_peers_are_the_nearest_by_the_documented_distance(catalog: Catalog) -> None:
    found = find_peers(catalog, "沁源县", explain=True)
    df = found.frame
    assert df.height == 11 and df["rank"].to_list() == list(range(11))
    assert df.row(0, named=True)["name"] == "沁源县" and df["distance"][0] == 0
    assert df["distance"].slice(1).is_sorted() and found.columns == DEFAULT_COLUMNS
    assert found.considered == 2842 and found.left_out > 0  # units without census values, counted
    assert {s.column for s in found.scales if s.log} >= {"population"}  # skewed: on a log scale
    # the distance, recomputed from the explained differences: the root mean square
    for r in df.slice(1).iter_rows(named=True):
        deltas = [r[f"{c} Δz"] for c in DEFAULT_COLUMNS]
        assert r["distance"] == pytest.approx(math.sqrt(sum(d * d for d in deltas) / len(deltas)), abs=2e-3)


def test_peers_independently_recomputed(catalog: Catalog) -> None:
    """The ten nearest, recomputed here from the scales the function reports and every unit's
    values: the same units in the same order (a check that can fail)."""
    from baiqiang.core.service import base_rows

    found = find_peers(catalog, "沁源县")
    rows = base_rows(catalog, "divisions", indicators=list(DEFAULT_COLUMNS)).collect()
    rows = rows.drop_nulls(list(DEFAULT_COLUMNS))
    target = rows.filter(pl.col("adcode") == "140431").row(0, named=True)

    def z(s, value: float) -> float:  # type: ignore[no-untyped-def]
        x = math.log(value) if s.log else value
        return (x - s.centre) / s.spread

    scored = []
    for r in rows.iter_rows(named=True):
        if r["adcode"] == "140431":
            continue
        d = [z(s, r[s.column]) - z(s, target[s.column]) for s in found.scales]
        scored.append((round(math.sqrt(sum(x * x for x in d) / len(d)), 4), r["adcode"]))
    assert [a for _, a in sorted(scored)[:10]] == found.frame["adcode"].slice(1).to_list()


def test_peers_within_a_province_by_your_columns_and_their_refusals(catalog: Catalog) -> None:
    near = find_peers(catalog, "沁源县", within=Within.PROVINCE, k=3)
    assert set(near.frame["province"]) == {"山西省"} and near.frame.height == 4
    listed = find_peers(catalog, "沁源县", within=Within.LIST, k=5)
    assert listed.considered < 400 and "沁源县" == listed.frame["name"][0]
    by_rank = find_peers(catalog, "昆山", by=["industrial_rank"], k=2)
    assert by_rank.frame["name"].to_list() == ["昆山市", "江阴市", "张家港市"]
    with pytest.raises(LookupFailed, match="no column 'populaton'"):
        find_peers(catalog, "沁源县", by=["populaton"])
    with pytest.raises(InvalidValue, match="holds text"):
        find_peers(catalog, "沁源县", by=["name"])
    with pytest.raises(InvalidValue, match="has no value of industrial_rank"):
        find_peers(catalog, "沁源县", by=["industrial_rank"])
    with pytest.raises(InvalidValue, match="k must be 1 to 100"):
        find_peers(catalog, "沁源县", k=0)
    with pytest.raises(InvalidValue, match="no other unit"):
        find_peers(catalog, "沁源县", where="population > 1e12")


def test_the_change_since_the_edition_before(catalog: Catalog, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """With a (SYNTHETIC) 2021 edition imported that swaps 昆山市 and 江阴市, the comparison has
    each one's places up since it: 昆山市 +1, 江阴市 −1; without it, no such row."""
    from baiqiang.core.editions import import_edition
    from tests.core.test_editions import synthetic_2021

    assert "industrial-counties.change" not in compare(catalog, ["昆山", "江阴"]).frame()["key"].to_list()
    monkeypatch.setenv("BAIQIANG_HOME", str(tmp_path / "home"))
    import_edition(catalog, synthetic_2021(catalog, tmp_path), table="ic", year=2021)
    df = compare(catalog, ["昆山", "江阴", "张家港"]).frame()
    row = df.filter(pl.col("key") == "industrial-counties.change").row(0, named=True)
    assert (row["昆山市"], row["江阴市"], row["张家港市"]) == ("1", "-1", "0")
