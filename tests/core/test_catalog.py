"""The catalog as loaded from data/: the five tables as printed, with derived columns."""

from __future__ import annotations

import polars as pl
import pytest

from baiqiang.core.catalog import Catalog, make_catalog
from baiqiang.core.plain import geo
from baiqiang.core.plain.errors import DataUnavailable, LookupFailed
from baiqiang.core.plain.tables import TABLES, resolve_table
from tests.conftest import ROOT


def test_factory_returns_one_catalog_per_folder(catalog: Catalog) -> None:
    assert make_catalog(ROOT / "data") is catalog


def test_row_counts_as_printed(catalog: Catalog) -> None:
    sizes = {t: catalog.tables[t].collect().height for t in TABLES}
    assert sizes == {
        "industrial-counties": 100,
        "innovation-counties": 100,
        "industrial-districts": 100,
        "national-clusters": 18,
        "billion-clusters": 26,
        "divisions": 2843,
    }


def test_the_divisions_table_carries_every_units_ranks(catalog: Catalog) -> None:
    df = catalog.tables["divisions"].collect()
    assert df["adcode"].n_unique() == 2843
    for tid, column in (
        ("industrial-counties", "industrial_rank"),
        ("innovation-counties", "innovation_rank"),
        ("industrial-districts", "district_rank"),
    ):
        listed = catalog.tables[tid].select("adcode", "rank").collect()
        joined = df.select("adcode", column).drop_nulls()
        assert sorted(joined.rows()) == sorted(listed.rows()), tid
    kunshan = df.filter(df["name"] == "昆山市").row(0, named=True)
    assert (kunshan["lists"], kunshan["tier"]) == ("表1 表2", 1)


def test_ranking_columns_and_first_rows(catalog: Catalog) -> None:
    ic = catalog.tables["industrial-counties"].collect()
    for col in ("rank", "province", "prefecture", "name", "province_first", "region", "tier", "county_type"):
        assert col in ic.columns
    first = ic.row(0, named=True)
    assert (first["name"], first["province"], first["prefecture"], first["province_first"]) == (
        "昆山市",
        "江苏省",
        "苏州市",
        True,
    )
    assert not ic["name"].str.contains("★").any()
    korla = ic.filter(pl.col("name") == "库尔勒市").row(0, named=True)
    # 表1 prints 新疆 / 巴音郭楞; the catalog shows the official names, and keeps the printed one.
    assert (korla["province"], korla["prefecture"]) == ("新疆维吾尔自治区", "巴音郭楞蒙古自治州")
    assert catalog.prefecture_spellings["巴音郭楞"] == "巴音郭楞蒙古自治州"


def test_every_prefecture_of_china_is_known(catalog: Catalog) -> None:
    known = catalog.prefectures()
    assert {"丽水市", "吉林市", "深圳市", "巴音郭楞蒙古自治州", "省直辖县级行政区划"} <= set(known)
    assert len(known) > 300
    ic = catalog.tables["industrial-counties"].collect()
    assert ic.filter(pl.col("name") == "仙桃市").row(0, named=True)["prefecture"] == "省直辖县级行政区划"


def test_region_follows_the_nbs_blocs(catalog: Catalog) -> None:
    for t in ("industrial-counties", "innovation-counties", "industrial-districts"):
        df = catalog.tables[t].collect()
        for short, region in df.select("province_short", "region").unique().iter_rows():
            assert geo.province_by_short(short).region == region


def test_tiers_as_the_report_defines_them(catalog: Catalog) -> None:
    ic = catalog.tables["industrial-counties"].collect()
    by_rank = dict(ic.select("rank", "tier").iter_rows())
    assert [by_rank[r] for r in (1, 6, 7, 36, 37, 80, 81, 100)] == [1, 1, 2, 2, 3, 3, 4, 4]


def test_clusters_link_each_county_and_scale_bounds(catalog: Catalog) -> None:
    links = catalog.national_cluster_counties.collect()
    hardware = links.filter(pl.col("cluster") == "金华市现代五金集群")["county"].to_list()
    assert hardware == ["永康市", "缙云县", "武义县"]
    nc = catalog.tables["national-clusters"].collect()
    assert dict(nc.group_by("sector_group").len().iter_rows()) == {
        "emerging": 13,
        "traditional": 4,
        "service": 1,
    }
    bc = catalog.tables["billion-clusters"].collect()
    assert dict(bc.select("scale", "scale_min_yi").unique().iter_rows()) == {
        "千亿级": 1000,
        "二千亿级": 2000,
        "三千亿级": 3000,
        "五千亿级": 5000,
    }


def test_every_term_in_the_tables_has_its_english(catalog: Catalog) -> None:
    """English mode shows a column of terms in English: a term the data holds without one would
    show in Chinese there (names are not terms: they stay as the report writes them)."""
    from baiqiang.core.plain.names import TERMS_ENGLISH

    for tid, frame in catalog.tables.items():
        columns = [c for c in frame.collect_schema().names() if c in TERMS_ENGLISH]
        for column in columns:
            held = set(frame.select(pl.col(column).drop_nulls().unique()).collect().to_series())
            assert held <= set(TERMS_ENGLISH[column]), (tid, column, held - set(TERMS_ENGLISH[column]))
    assert set(catalog.tables["national-clusters"].collect()["category"]) == set(TERMS_ENGLISH["category"])


def test_facts_carry_their_source(catalog: Catalog) -> None:
    facts = catalog.facts.collect()
    pinxiang = facts.filter(pl.col("unit") == "平乡县").row(0, named=True)
    assert pinxiang["value"] == 40 and pinxiang["measure"] == "%"
    assert pinxiang["section"].startswith("专题篇")
    group = catalog.group_facts.collect()
    gdp = group.filter((pl.col("group") == "industrial-counties") & (pl.col("metric") == "GDP合计")).row(
        0, named=True
    )
    assert (gdp["value"], gdp["measure"]) == (9.9, "万亿元")


def test_every_fact_has_its_metric_and_measure_in_english(catalog: Catalog) -> None:
    """English mode shows a fact's metric and measure in English (``core.build.english``)."""
    cjk = pl.col("metric_en").str.contains(r"[\u3000-\u9fff\uff00-\uffef]")
    for frame in (catalog.facts.collect(), catalog.group_facts.collect()):
        assert frame.filter((pl.col("metric_en").fill_null("") == "") | cjk).height == 0
        assert (
            frame.filter(
                pl.col("measure_en").is_null() | pl.col("measure_en").str.contains(r"[\u4e00-\u9fff]")
            ).height
            == 0
        )
        units = frame.filter(pl.col("measure") == "亿元")["measure_en"].unique().to_list()
        assert units == ["× 100m yuan"]  # a multiplier stays one: the figure is never divided


@pytest.mark.parametrize(
    ("alias", "tid"),
    [("ic", "industrial-counties"), ("表3", "industrial-districts"), ("Billion", "billion-clusters")],
)
def test_table_aliases(alias: str, tid: str) -> None:
    assert resolve_table(alias) == tid


def test_unknown_table_suggests() -> None:
    with pytest.raises(LookupFailed) as err:
        resolve_table("industrial-countis")
    assert err.value.suggestions[0] == "industrial-counties"


def test_missing_data_folder_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(DataUnavailable, match="no data found"):
        make_catalog(tmp_path)
