"""core.build.divisions: every county-level unit, its seat, and the report's units linked to it."""

from __future__ import annotations

import polars as pl
import pytest

from baiqiang.core.build.divisions import (
    DIRECT_PREFECTURE,
    build_divisions,
    derive,
    match_unit,
    parse_division_data,
    predecessors,
    unit_type,
)
from baiqiang.core.build.extract import ExtractError, render
from baiqiang.core.catalog import Catalog
from baiqiang.core.plain.tables import ranking_tables
from tests.conftest import ROOT


def test_rerunning_the_derivation_reproduces_the_shipped_files() -> None:
    try:
        outputs = derive(ROOT / "data")
    except ExtractError as exc:
        pytest.skip(f"the pinned wheels cannot be had: {exc}")
    for name, frame in outputs.items():
        assert render(frame) == (ROOT / "data" / name).read_bytes(), name


def test_parse_division_data_reads_a_literal_without_running_it() -> None:
    source = 'X = 1\nDIVISION_DATA = {"320000": "江苏省", "320583": "昆山市"}\nMUNICIPALITIES = []\n'
    assert parse_division_data(source) == {"320000": "江苏省", "320583": "昆山市"}
    with pytest.raises(ExtractError):
        parse_division_data("DIVISION_DATA = __import__('os').getcwd()\n")


@pytest.mark.parametrize(
    ("code", "name", "kind"),
    [
        ("429021", "神农架林区", "林区"),
        ("610103", "碑林区", "市辖区"),
        ("520203", "六枝特区", "特区"),
        ("150421", "阿鲁科尔沁旗", "旗"),
        ("150727", "鄂伦春自治旗", "自治旗"),
        ("130581", "南宫市", "县级市"),
        ("469025", "白沙黎族自治县", "自治县"),
    ],
)
def test_unit_types(code: str, name: str, kind: str) -> None:
    assert unit_type(code, name) == kind


def test_points_predecessors_and_fallbacks_on_a_tiny_country() -> None:
    divisions = {
        "320000": "江苏省",
        "320600": "南通市",
        "320614": "海门区",
        "320681": "启东市",
        "429000": "湖北省",
        "420000": "湖北省",
        "429004": "仙桃市",
    }
    divisions.pop("429000")
    points = {
        "320600": ("南通市", 120.9, 32.0),
        "320681": ("启东市", 121.6, 31.8),
        "420000": ("湖北省", 114.3, 30.5),
    }
    old = {"320684": ("海门市", 121.2, 31.9), "320681": ("启东市", 121.6, 31.8)}
    assert predecessors(divisions, old) == {"320614": ("320684", "海门市")}
    table, former = build_divisions(divisions, points, old)
    rows = {r["adcode"]: r for r in table.to_dicts()}
    assert rows["320614"]["point_source"] == "predecessor 320684" and rows["320614"]["longitude"] == 121.2
    assert rows["320681"]["point_source"] == "adcode"
    assert rows["429004"]["prefecture"] == DIRECT_PREFECTURE
    assert rows["429004"]["point_source"] == "province 420000"
    assert former.to_dicts() == [
        {"former_code": "320684", "former_name": "海门市", "adcode": "320614", "name": "海门区"}
    ]


def test_divisions_as_shipped(catalog: Catalog) -> None:
    d = catalog.divisions.collect()
    assert d.height == 2843 and d["adcode"].n_unique() == 2843
    types = dict(d.group_by("type").len().iter_rows())
    assert types == {
        "市辖区": 977,
        "县级市": 394,
        "县": 1301,
        "自治县": 117,
        "旗": 49,
        "自治旗": 3,
        "林区": 1,
        "特区": 1,
    }
    assert d.filter(pl.col("type") == "林区")["adcode"].to_list() == ["429021"]
    chongqing_counties = d.filter(pl.col("adcode").str.starts_with("5002"))
    assert chongqing_counties.height == 12  # 重庆's counties sit under 5002, with no prefecture
    assert set(chongqing_counties["prefecture"].fill_null("")) == {""}
    for parent in ("4190", "4290", "4690", "6590"):
        assert set(d.filter(pl.col("adcode").str.starts_with(parent))["prefecture"]) == {DIRECT_PREFECTURE}
    assert d["longitude"].null_count() == 0 and d["latitude"].null_count() == 0
    assert d["longitude"].is_between(73, 136).all() and d["latitude"].is_between(3, 54).all()
    sources = set(d["point_source"].str.split(" ").list.first())
    assert sources == {"adcode", "predecessor", "prefecture", "province"}


def test_every_unit_of_the_five_tables_has_exactly_one_adcode(catalog: Catalog) -> None:
    valid = set(catalog.divisions.collect()["adcode"])
    for tid in ranking_tables():
        df = catalog.tables[tid].collect()
        assert df["adcode"].null_count() == 0 and df["adcode"].n_unique() == 100, tid
        assert set(df["adcode"]) <= valid
    counties = catalog.national_cluster_counties.collect()
    assert counties["adcode"].null_count() == 0 and set(counties["adcode"]) <= valid
    assert counties.height == 21
    billion = catalog.tables["billion-clusters"].collect()
    assert billion["adcode"].null_count() == 0
    links = catalog.unit_adcodes.collect()
    assert links.group_by("source", "key", "name").len()["len"].max() == 1
    # the report writes names its own way; the links still find the one unit meant
    ic = catalog.tables["industrial-counties"].collect()
    adcode = dict(ic.select("name", "adcode").iter_rows())
    assert adcode["库尔勒市"] == "652801" and adcode["仙桃市"] == "429004" and adcode["准格尔旗"] == "150622"


def test_match_unit_refuses_to_guess(catalog: Catalog) -> None:
    d = catalog.divisions.collect()
    assert match_unit(d, "铁西区", province="辽宁", prefecture="沈阳市") == "210106"
    assert match_unit(d, "济源市", province="河南", prefecture="省直管") == "419001"
    with pytest.raises(ExtractError, match="matches 3 units"):
        match_unit(d, "铁西区", province=None, prefecture=None)
    with pytest.raises(ExtractError, match="matches 0 units"):
        match_unit(d, "不存在县", province=None, prefecture=None)


def test_clusters_carry_province_and_region(catalog: Catalog) -> None:
    nc = catalog.tables["national-clusters"].collect()
    golmud = nc.filter(pl.col("counties") == "格尔木市").row(0, named=True)
    assert (golmud["province"], golmud["region"]) == ("青海省", "西部")
    assert dict(nc.group_by("region").len().iter_rows()) == {"东部": 11, "中部": 5, "西部": 2}


def test_every_unit_with_a_du_reads_du_and_search_finds_them(catalog: Catalog) -> None:
    from baiqiang.core.profile import lookup

    du = catalog.divisions.filter(pl.col("name").str.contains("都")).collect()
    assert du.height >= 24 and not du.filter(pl.col("pinyin").str.contains("(?i)dou")).height
    for typed, name in (
        ("huadu", "花都区"),
        ("shanxian", "单县"),
        ("xunxian", "浚县"),
        ("zhangzi", "长子县"),
    ):
        assert lookup(catalog, typed).to_dict()["name"] == name, typed


def test_chongqing_districts_have_their_county_predecessors(catalog: Catalog) -> None:
    former = catalog.former_names.collect()
    pairs = {(o, n) for o, n in former.select("former_name", "name").iter_rows()}
    assert {("梁平县", "梁平区"), ("武隆县", "武隆区")} <= pairs
    points = catalog.divisions.filter(pl.col("name").is_in(["梁平区", "武隆区"])).collect()
    assert set(points["point_source"]) == {"predecessor 500228", "predecessor 500232"}  # not 重庆's seat
