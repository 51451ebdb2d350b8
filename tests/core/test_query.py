"""core.query on tiny inline frames."""

from __future__ import annotations

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from baiqiang.core.filters import (
    Filters,
    filter_units,
    resolve_county_type,
    resolve_prefecture,
    resolve_province,
    resolve_region,
)
from baiqiang.core.plain.errors import LookupFailed
from baiqiang.core.query import counts, crosstab, crosstab_wide, overlap, sort_rows


def units() -> pl.LazyFrame:
    return pl.LazyFrame(
        {
            "rank": [1, 2, 3, 11],
            "name": ["昆山市", "晋江市", "江阴市", "长沙县"],
            "province": ["江苏省", "福建省", "江苏省", "湖南省"],
            "prefecture": ["苏州市", "泉州市", "无锡市", "长沙市"],
            "province_short": ["江苏", "福建", "江苏", "湖南"],
            "region": ["东部", "东部", "东部", "中部"],
            "tier": [1, 1, 1, 2],
            "county_type": ["县级市", "县级市", "县级市", "县"],
            "pinyin": ["Kunshan Shi", "Jinjiang Shi", "Jiangyin Shi", "Changsha Xian"],
            "initials": ["kss", "jjs", "jys", "csx"],
            "rank_band": ["1-10", "1-10", "1-10", "11-20"],
        }
    )


def test_filter_by_province_region_tier_and_rank() -> None:
    out = filter_units(units(), Filters(province="江苏", tier=1, ranks=(1, 2))).select("name").collect()
    assert_frame_equal(out, pl.DataFrame({"name": ["昆山市"]}))
    out = filter_units(units(), Filters(region="中部")).select("name").collect()
    assert_frame_equal(out, pl.DataFrame({"name": ["长沙县"]}))


@pytest.mark.parametrize("text", ["昆山", "kunshan", "KunShan", "ks", "kss"])
def test_filter_by_name_pinyin_or_initials(text: str) -> None:
    out = filter_units(units(), Filters(name=text)).select("name").collect()
    assert_frame_equal(out, pl.DataFrame({"name": ["昆山市"]}))


def test_filter_on_a_column_the_table_lacks_is_an_error() -> None:
    with pytest.raises(LookupFailed, match="no tier column"):
        filter_units(units().drop("tier"), Filters(tier=1)).collect()


def test_counts_largest_first_with_shares() -> None:
    out = counts(units(), by="region").collect()
    expected = pl.DataFrame(
        {"region": ["东部", "中部"], "count": pl.Series([3, 1], dtype=pl.UInt32), "share": [0.75, 0.25]}
    )
    assert_frame_equal(out, expected)


def test_counts_ties_follow_province_code_order() -> None:
    lf = pl.LazyFrame({"province": ["浙江省", "北京市", "江苏省"]})
    out = counts(lf, by="province").collect()
    assert out["province"].to_list() == ["北京市", "江苏省", "浙江省"]


def test_counts_rejects_an_unknown_dimension_with_a_suggestion() -> None:
    with pytest.raises(LookupFailed) as err:
        counts(units(), by="provnce")
    assert "province" in err.value.suggestions


def test_crosstab_fills_zeros_and_all_ten_rank_bands() -> None:
    long = crosstab(units(), rows="region", cols="rank_band").collect()
    assert long.height == 2 * 10
    wide = crosstab_wide(long, rows="region", cols="rank_band")
    assert wide.columns[:3] == ["region", "1-10", "11-20"] and wide.columns[-1] == "total"
    assert wide.row(0)[:3] == ("东部", 3, 0)
    assert wide.row(1)[:3] == ("中部", 0, 1)
    assert wide["total"].to_list() == [3, 1]


def test_overlap_keeps_both_ranks_and_the_gap() -> None:
    other = units().with_columns(rank=pl.Series([5, 1, 40, 9])).filter(pl.col("name") != "江阴市")
    out = overlap(units(), other, a_id="industrial-counties", b_id="innovation-counties").collect()
    expected = pl.DataFrame(
        {
            "name": ["昆山市", "晋江市", "长沙县"],
            "province": ["江苏省", "福建省", "湖南省"],
            "prefecture": ["苏州市", "泉州市", "长沙市"],
            "rank_industrial_counties": [1, 2, 11],
            "rank_innovation_counties": [5, 1, 9],
            "gap": [4, -1, -2],
        }
    )
    assert_frame_equal(out, expected)


def test_sort_natural_and_descending() -> None:
    out = sort_rows(units(), by="province").select("name").collect()["name"].to_list()
    assert out == ["昆山市", "江阴市", "晋江市", "长沙县"]  # 江苏 32 < 福建 35 < 湖南 43
    out = sort_rows(units(), by="rank", descending=True).select("rank").collect()["rank"].to_list()
    assert out == [11, 3, 2, 1]
    with pytest.raises(LookupFailed):
        sort_rows(units(), by="nope")


@pytest.mark.parametrize("text", ["江苏", "江苏省", "Jiangsu", "jiangsu", "JIANGSU", "32"])
def test_province_spellings(text: str) -> None:
    assert resolve_province(text).short == "江苏"


def test_province_special_spellings() -> None:
    assert resolve_province("内蒙古").english == "Inner Mongolia"
    assert resolve_province("广西自治区").short == "广西"
    assert resolve_province("Shaanxi").short == "陕西"
    assert resolve_province("Shanxi").short == "山西"
    with pytest.raises(LookupFailed) as err:
        resolve_province("江蘇")
    assert err.value.message == "unknown province '江蘇'"


def test_regions_types_and_prefectures() -> None:
    assert resolve_region("east") == "东部"
    assert resolve_region("东北") == "东北"
    assert resolve_county_type("banner") == "旗"
    known = ["苏州市", "巴音郭楞蒙古自治州", "阿克苏地区", "锡林郭勒盟", "省直辖县级行政区划"]
    assert resolve_prefecture("苏州", known) == "苏州市"
    assert resolve_prefecture("巴音郭楞", known) == "巴音郭楞蒙古自治州"
    assert resolve_prefecture("巴音郭楞蒙古自治州", known) == "巴音郭楞蒙古自治州"
    assert resolve_prefecture("阿克苏", known) == "阿克苏地区"
    assert resolve_prefecture("锡林郭勒", known) == "锡林郭勒盟"
    assert resolve_prefecture("省直管", known) == "省直辖县级行政区划"
    with pytest.raises(LookupFailed, match="…"):  # a long argument is not echoed back whole
        resolve_prefecture("x" * 300, known)
    for bad, fn in (("south", resolve_region), ("village", resolve_county_type)):
        with pytest.raises(LookupFailed):
            fn(bad)
    with pytest.raises(LookupFailed):
        resolve_prefecture("杭州", ["苏州市"])


def test_scale_sorts_by_magnitude_not_by_spelling() -> None:
    lf = pl.LazyFrame({"scale": ["千亿级", "五千亿级", "二千亿级", "三千亿级"]})
    out = sort_rows(lf, by="scale", descending=True).collect()["scale"].to_list()
    assert out == ["五千亿级", "三千亿级", "二千亿级", "千亿级"]


def test_search_matches_province_and_prefecture_too() -> None:
    assert filter_units(units(), Filters(search="苏州")).select("name").collect()["name"].to_list() == [
        "昆山市"
    ]
    assert filter_units(units(), Filters(search="湖南")).select("name").collect()["name"].to_list() == [
        "长沙县"
    ]
    assert filter_units(units(), Filters(search="jinj")).select("name").collect()["name"].to_list() == [
        "晋江市"
    ]
    assert filter_units(units(), Filters(search="  ")).collect().height == 4


@pytest.mark.parametrize("text", ["lvshun", "lüshun", "Lüshunkou Qu", "旅顺"])
def test_a_name_with_u_umlaut_is_found_as_keyboards_type_it(text: str) -> None:
    df = pl.LazyFrame(
        {"name": ["旅顺口区", "芦淞区"], "pinyin": ["Lüshunkou Qu", "Lusong Qu"], "initials": ["lskq", "lsq"]}
    )
    out = filter_units(df, Filters(name=text)).select("name").collect()
    assert out["name"].to_list() == ["旅顺口区"]


def test_lu_sorts_before_lue_and_lv_as_dictionaries_order_them() -> None:
    df = pl.LazyFrame(
        {"name": ["略阳县", "旅顺口区", "芦淞区"], "pinyin": ["Lüeyang Xian", "Lüshunkou Qu", "Lusong Qu"]}
    )
    assert sort_rows(df, by="name").collect()["name"].to_list() == ["芦淞区", "略阳县", "旅顺口区"]
