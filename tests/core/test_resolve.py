"""Name resolution: exact, without suffix, pinyin, initials, fuzzy; ambiguity never guessed."""

from __future__ import annotations

import polars as pl
import pytest

from core.catalog import Catalog
from core.errors import LookupFailed
from core.profile import lookup
from core.resolve import resolve, units


def tiny() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "name": ["昆山市", "常熟市", "长沙县", "铁西区", "铁西区"],
            "province": ["江苏省", "江苏省", "湖南省", "辽宁省", "吉林省"],
            "prefecture": ["苏州市", "苏州市", "长沙市", "沈阳市", "四平市"],
            "region": ["东部", "东部", "中部", "东北", "东北"],
            "county_type": ["县级市", "县级市", "县", "市辖区", "市辖区"],
            "province_en": ["Jiangsu", "Jiangsu", "Hunan", "Liaoning", "Jilin"],
            "pinyin": ["Kunshan Shi", "Changshu Shi", "Changsha Xian", "Tiexi Qu", "Tiexi Qu"],
            "initials": ["kss", "css", "csx", "txq", "txq"],
        }
    )


@pytest.mark.parametrize(
    ("query", "how"),
    [
        ("昆山市", "exact"),
        ("昆山", "suffix"),
        ("kunshan", "pinyin"),
        ("Kunshan Shi", "pinyin"),
        ("ks", "initials"),
    ],
)
def test_resolves_one_unit(query: str, how: str) -> None:
    r = resolve(tiny(), query)
    assert (r.status, r.how, r.unit and r.unit["name"]) == ("found", how, "昆山市")


def test_ambiguous_initials_return_candidates() -> None:
    r = resolve(tiny(), "cs")
    assert r.status == "ambiguous" and r.unit is None
    assert sorted(c["name"] for c in r.candidates) == ["常熟市", "长沙县"]


def test_same_named_units_are_told_apart_by_province_or_prefecture() -> None:
    assert resolve(tiny(), "铁西区").status == "ambiguous"
    assert resolve(tiny(), "铁西区", province="辽宁").unit["prefecture"] == "沈阳市"
    assert resolve(tiny(), "铁西区", prefecture="四平").unit["province"] == "吉林省"


def test_misspelling_gets_suggestions() -> None:
    r = resolve(tiny(), "昆山县")
    assert r.status == "missing"
    assert r.candidates[0]["name"] == "昆山市"


def test_units_include_cluster_and_fact_counties(catalog: Catalog) -> None:
    df = units(catalog).collect()
    assert {"格尔木市", "缙云县", "平乡县", "锦屏县"} <= set(df["name"])
    assert df.filter(pl.col("name") == "昆山市").height == 1


def test_lookup_profile_of_kunshan(catalog: Catalog) -> None:
    p = lookup(catalog, "昆山")
    assert p["name"] == "昆山市" and p["matched"] == "suffix"
    assert [(r["table"], r["rank"]) for r in p["rankings"]] == [
        ("industrial-counties", 1),
        ("innovation-counties", 1),
    ]
    assert p["rankings"][0]["tier"] == 1 and "tier" not in p["rankings"][1]
    assert {c["cluster"] for c in p["clusters"]} >= {"昆山小核酸创新型产业集群", "电子信息产业集群"}
    assert any(f["metric"] == "出口总额" for f in p["facts"])


def test_lookup_unlisted_and_prefecture(catalog: Catalog) -> None:
    p = lookup(catalog, "缙云县")
    assert p["rankings"] == [] and p["clusters"][0]["shared_with"] == "永康市、武义县"
    pref = lookup(catalog, "苏州")
    assert pref["kind"] == "prefecture" and pref["counts"]["industrial-districts"] == 4


def test_lookup_failures(catalog: Catalog) -> None:
    with pytest.raises(LookupFailed, match="could mean"):
        lookup(catalog, "cs")
    with pytest.raises(LookupFailed, match="no unit named"):
        lookup(catalog, "不存在县")
