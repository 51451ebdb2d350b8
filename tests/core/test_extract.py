"""The extractor: the committed data/ is exactly its output, and its parts behave."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import polars as pl
import pytest

from baiqiang.core.build import curated
from baiqiang.core.build.extract import (
    ExtractError,
    _split_items,
    extract,
    flatten,
    main,
    pinyin_of,
    read_report,
    render,
    write_outputs,
)
from baiqiang.core.catalog import Catalog
from baiqiang.core.plain.names import county_type, figure_value, scale_min_yi, split_suffix
from tests.conftest import ROOT


def test_rerunning_the_extractor_reproduces_data_byte_for_byte(report_path: Path) -> None:
    outputs = extract(read_report(report_path))
    shipped = {p.name for p in (ROOT / "data").iterdir() if p.suffix in (".csv", ".json")}
    derived = {  # core.build.divisions writes the first two, core.build.history the others
        "divisions.csv",
        "unit_adcodes.csv",
        "history.csv",
        "former_names.csv",
    }
    assert set(outputs) == shipped - derived
    for name, obj in outputs.items():
        assert render(obj) == (ROOT / "data" / name).read_bytes(), name


def test_every_curated_quote_is_verbatim_and_holds_its_figure_and_units(report_path: Path) -> None:
    flat = read_report(report_path).flat
    for fact in curated.FACTS:
        assert flatten(fact.quote) in flat, fact.quote
        assert fact.figure in fact.quote
        if fact.year is not None:
            assert str(fact.year) in fact.quote
        for unit in fact.units:
            assert unit in fact.quote or split_suffix(unit)[0] in fact.quote, unit
    for g in curated.GROUP_FACTS:
        assert flatten(g.quote) in flat, g.quote
        assert g.figure in g.quote
        if g.year is not None:
            assert str(g.year) in g.quote


def test_extractor_refuses_to_replace_changed_files_without_force(report_path: Path, tmp_path: Path) -> None:
    assert main([str(report_path), str(tmp_path)]) == 0
    target = tmp_path / "tiers.csv"
    original = target.read_bytes()
    target.write_bytes(b"edited\n")
    assert main([str(report_path), str(tmp_path)]) == 1
    assert target.read_bytes() == b"edited\n"
    assert main([str(report_path), str(tmp_path), "--force"]) == 0
    assert target.read_bytes() == original


def test_extractor_fails_cleanly_on_a_file_that_is_not_the_report(tmp_path: Path, capsys) -> None:
    bogus = tmp_path / "r.txt"
    bogus.write_text("not the report\n", encoding="utf-8")
    assert main([str(bogus), str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.startswith("extract: error:")


def test_a_fact_without_its_english_stops_the_extractor() -> None:
    from baiqiang.core.build import curated
    from baiqiang.core.build.extract import ExtractError, _english

    fact = curated.FACTS[0]
    assert _english(fact)["metric_en"]
    with pytest.raises(ExtractError, match="has no English"):
        _english(dataclasses.replace(fact, metric="一个没有英文的指标"))
    with pytest.raises(ExtractError, match="has no English"):
        _english(dataclasses.replace(fact, measure="公顷"))


def test_write_outputs_is_a_no_op_when_nothing_changed(tmp_path: Path) -> None:
    import polars as pl

    frames = {"a.csv": pl.DataFrame({"x": [1]})}
    assert write_outputs(frames, tmp_path) == ["a.csv"]
    assert write_outputs(frames, tmp_path) == []
    with pytest.raises(ExtractError):
        write_outputs({"a.csv": pl.DataFrame({"x": [2]})}, tmp_path)


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("昆山市", "Kunshan Shi", "kss"),
        ("长葛市", "Changge Shi", "cgs"),
        ("长垣市", "Changyuan Shi", "cys"),
        ("乐清市", "Yueqing Shi", "yqs"),
        ("库尔勒市", "Ku'erle Shi", "kels"),
        ("番禺区", "Panyu Qu", "pyq"),
        ("南安市", "Nan'an Shi", "nas"),
        ("伊金霍洛旗", "Yijinhuoluo Qi", "yjhlq"),
        ("沛县", "Pei Xian", "px"),
        # Characters with several readings, read as the place is (CC-CEDICT phrases + reviewed table):
        ("花都区", "Huadu Qu", "hdq"),
        ("单县", "Shan Xian", "sx"),
        ("浚县", "Xun Xian", "xx"),
        ("蚌山区", "Bengshan Qu", "bsq"),
        ("曾都区", "Zengdu Qu", "zdq"),
        ("涡阳县", "Guoyang Xian", "gyx"),
        ("朝阳县", "Chaoyang Xian", "cyx"),
        ("长子县", "Zhangzi Xian", "zzx"),
        ("郫都区", "Pidu Qu", "pdq"),
        ("都匀市", "Duyun Shi", "dys"),
        ("洪洞县", "Hongtong Xian", "htx"),
        ("闵行区", "Minhang Qu", "mhq"),
        ("栖霞市", "Qixia Shi", "qxs"),
        ("中牟县", "Zhongmu Xian", "zmx"),
        ("宕昌县", "Tanchang Xian", "tcx"),
        # 林区 is a suffix of 神农架林区 only
        ("金林区", "Jinlin Qu", "jlq"),
        ("碑林区", "Beilin Qu", "blq"),
        ("万柏林区", "Wanbailin Qu", "wblq"),
        ("神农架林区", "Shennongjia Linqu", "snjlq"),
        # An independent read of every reading (issue 20):
        ("民乐县", "Minle Xian", "mlx"),
        ("扎鲁特旗", "Zhalute Qi", "zltq"),
        ("康巴什区", "Kangbashi Qu", "kbsq"),
        ("绥棱县", "Suiling Xian", "slx"),
        ("龙圩区", "Longxu Qu", "lxq"),
        ("红寺堡区", "Hongsibu Qu", "hsbq"),
        ("丹棱县", "Danleng Xian", "dlx"),
        ("穆棱市", "Muling Shi", "mls"),
        # ü is ü (searched as v), and the peoples of an autonomous county are words of their own
        ("旅顺口区", "Lüshunkou Qu", "lskq"),
        ("略阳县", "Lüeyang Xian", "lyx"),
        ("长白朝鲜族自治县", "Changbai Chaoxianzu Zizhixian", "cbcxzzzx"),
        ("围场满族蒙古族自治县", "Weichang Manzu Mengguzu Zizhixian", "wcmzmgzzzx"),
        ("和布克赛尔蒙古自治县", "Hebukesai'er Menggu Zizhixian", "hbksemgzzx"),
        ("龙胜各族自治县", "Longsheng Gezu Zizhixian", "lsgzzzx"),
        ("鄂伦春自治旗", "Elunchun Zizhiqi", "elczzq"),
    ],
)
def test_pinyin_of_place_names(name: str, full: str, initials: str) -> None:
    assert pinyin_of(name) == (full, initials)


def test_names_helpers() -> None:
    assert split_suffix("昆山市") == ("昆山", "市")
    assert split_suffix("沛县") == ("沛", "县")
    assert split_suffix("市") == ("市", "")
    assert county_type("准格尔旗") == "旗"
    assert county_type("龙岗区") == "市辖区"
    assert county_type("峨边彝族自治县") == "自治县"
    assert [scale_min_yi(s) for s in ("千亿级", "二千亿级", "三千亿级", "五千亿级")] == [
        1000,
        2000,
        3000,
        5000,
    ]
    with pytest.raises(ValueError):
        scale_min_yi("百亿级")
    assert figure_value("3.5") == 3.5
    assert figure_value("千亿") == 1000
    assert figure_value("八成") == 80
    assert figure_value("十分之一") == 0.1
    assert figure_value("1/6") == pytest.approx(1 / 6, abs=1e-6)
    with pytest.raises(ValueError):
        figure_value("许多")


def test_split_items_keeps_parenthesised_lists_together() -> None:
    assert _split_items("甲集群（A市、B县）、乙集群") == ["甲集群（A市、B县）", "乙集群"]


def test_facts_carry_the_year_their_sentence_opens_with_and_their_kind(catalog: Catalog) -> None:
    facts = catalog.facts.collect()

    def row(unit: str, metric: str) -> dict[str, object]:
        found = facts.filter((pl.col("unit") == unit) & (pl.col("metric") == metric))
        assert found.height == 1, (unit, metric)
        return found.row(0, named=True)

    # "新兴产业规模持续提升，2021 年昆山市…，余姚市、乐清市、平湖市…达到 150 亿元以上。"
    assert row("余姚市", "规上战略性新兴产业增加值")["year"] == 2021
    # "截至 2021 年底，县（市）千亿级产业集群…规模最高可达 5000 亿元以上，如昆山市电子信息产业集群"
    assert row("昆山市", "电子信息产业集群规模")["year"] == 2021
    assert row("张家港市", "冶金新材料产业集群规模")["value"] == 3000
    assert row("浏阳市", "电子信息产业集群规模")["kind"] == "target"  # 冲刺千亿级: a goal
    assert row("余姚市", "新能源汽车及关键零部件和光电信息产业集群规模")["kind"] == "prospect"  # 有望
    assert row("沂水县", "特色产业集群产品品种")["figure"] == "数千"
    assert set(facts["kind"]) == {"measured", "target", "prospect"}


def test_a_group_fact_names_exactly_the_set_its_quote_is_about(catalog: Catalog) -> None:
    groups = catalog.group_facts.collect()
    online = groups.filter(pl.col("metric") == "县域网络零售额").row(0, named=True)
    assert "2083 个县域" in online["quote"] and online["group"] == "county-areas"  # not the 1,864 县(市)
    share = groups.filter(pl.col("metric").str.contains("工业投资正增长的县（市）中")).row(0, named=True)
    assert share["value"] == 80  # 80% of those that grew, not of the 100


def test_the_rows_an_independent_read_found_wrong_are_fixed_or_annotated(catalog: Catalog) -> None:
    """Issue 20: group_facts.csv's lines 94, 110, 111, 89–90 moved or undated; 25, 43–44, 113–115,
    117 and 136 regrouped or given a note (in both languages)."""
    g = catalog.group_facts.collect()

    def row(metric: str, figure: str) -> dict[str, object]:
        found = g.filter((pl.col("metric") == metric) & (pl.col("figure") == figure))
        assert found.height == 1, (metric, figure)
        return found.row(0, named=True)

    assert row("占全国工业增加值比重", "13.6")["group"] == "districts-500yi"  # the 54's share
    assert "十分之一" in str(row("占全国工业增加值比重", "13.6")["note_zh"])
    assert row("县级行政区划数量", "2844")["group"] == "county-level"  # districts counted too
    assert row("市辖区较2013年增加", "101")["group"] == "all-districts"
    for metric, figure in (("实际利用外资", "455.1"), ("实际利用外资占全国比重", "31.5")):
        fdi = row(metric, figure)
        assert fdi["year"] is None and "2020" in str(fdi["note"])  # 2022 names the list
    assert "80%" in str(row("工业投资正增长的县（市）中增速超过全国平均的占比", "80")["note"])
    for metric, figure in (("社会消费品零售总额", "4.6"), ("社会消费品零售总额占全国比重", "12")):
        retail = row(metric, figure)
        assert retail["year"] == 2021 and "fits 2020" in str(retail["note"])  # kept as printed
    assert row("政府产业引导基金", "1898")["group"] == "nationwide"
    assert row("区县级政府产业引导基金", "573")["group"] == "county-level"
    assert row("区县级政府产业引导基金占全部比重", "30")["group"] == "county-level"
    assert row("国内上市工业企业", "3314")["group"] == "nationwide"
    assert row("制造业上市公司超过20家的市辖区数", "13")["note"]
    noted = g.filter(pl.col("note").is_not_null())
    assert noted["note_zh"].null_count() == 0  # a note in both languages
    from baiqiang.core.plain.tables import GROUPS, TABLES

    assert set(g["group"]) <= set(TABLES) | set(GROUPS)


def test_every_figure_of_the_prose_is_in_a_file_or_a_check(report_path: Path, catalog: Catalog) -> None:
    """Issue 20: the text's figures, by the rule data/README.md states, counted against what holds
    each: a row of facts.csv or group_facts.csv, a check of the audit (a count of the tables'
    rows), or a phrase that names a group by its threshold."""
    from collections import Counter

    from baiqiang.core.build import figures
    from baiqiang.core.build.extract import figure_holders

    report = read_report(report_path)
    found = figures.text_figures(report)
    held = figure_holders(report, catalog.facts.collect(), catalog.group_facts.collect())
    by = Counter(h.source.split(" ")[0] for f in found if (h := figures.accounted_by(report, f, held)))
    assert len(found) == 342 and sum(by.values()) == len(found)  # every one, and no other
    assert by == {"group_facts": 226, "facts": 28, "audit": 82, "group": 6}
    assert not figures.unaccounted(report, held)
    # the rule: not a year, a date, an ordinal or a number in words; and it can fail
    tokens = {f.token for f in found}
    assert "2844 个" in tokens and "46 个" in tokens and "31.5 万" in tokens
    assert not any(t.endswith(("年", "月", "日")) for t in tokens)
    without = [h for h in held if "长江三角洲城市群" not in h.quote]
    assert [f.token for f in figures.unaccounted(report, without)][:2] == ["46 个", "7 个"]
