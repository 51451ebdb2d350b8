"""Name resolution: adcode, exact, without suffix, former names, pinyin, initials; listed units
preferred to namesakes; real ambiguity never guessed."""

from __future__ import annotations

import polars as pl
import pytest

from baiqiang.core.catalog import Catalog
from baiqiang.core.plain import geo
from baiqiang.core.plain.errors import Ambiguous, LookupFailed
from baiqiang.core.profile import lookup
from baiqiang.core.resolve import resolve, units


def tiny() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "adcode": ["320583", "320581", "430121", "210106", "220302", "210303", "653101"],
            "name": ["昆山市", "常熟市", "长沙县", "铁西区", "铁西区", "铁西区", "喀什市"],
            "province": ["江苏省", "江苏省", "湖南省", "辽宁省", "吉林省", "辽宁省", "新疆维吾尔自治区"],
            "prefecture": ["苏州市", "苏州市", "长沙市", "沈阳市", "四平市", "鞍山市", "喀什地区"],
            "region": ["东部", "东部", "中部", "东北", "东北", "东北", "西部"],
            "county_type": ["县级市", "县级市", "县", "市辖区", "市辖区", "市辖区", "县级市"],
            "province_short": ["江苏", "江苏", "湖南", "辽宁", "吉林", "辽宁", "新疆"],
            "province_en": ["Jiangsu", "Jiangsu", "Hunan", "Liaoning", "Jilin", "Liaoning", "Xinjiang"],
            "pinyin": [
                "Kunshan Shi",
                "Changshu Shi",
                "Changsha Xian",
                "Tiexi Qu",
                "Tiexi Qu",
                "Tiexi Qu",
                "Kashi Shi",
            ],
            "initials": ["kss", "css", "csx", "txq", "txq", "txq", "kss"],
            "listed": [True, True, True, False, False, False, False],
        }
    )


FORMER = pl.DataFrame(
    {"former_code": ["320684"], "former_name": ["海门市"], "adcode": ["320583"], "name": ["昆山市"]}
)


@pytest.mark.parametrize(
    ("query", "how"),
    [
        ("昆山市", "exact"),
        ("昆山", "suffix"),
        ("kunshan", "pinyin"),
        ("Kunshan Shi", "pinyin"),
        ("320583", "adcode"),
    ],
)
def test_resolves_one_unit(query: str, how: str) -> None:
    r = resolve(tiny(), query)
    assert (r.status, r.how, r.unit and r.unit["name"]) == ("found", how, "昆山市")


def test_a_listed_unit_is_preferred_to_namesakes_and_they_are_mentioned() -> None:
    r = resolve(tiny(), "ks")  # 昆山市 (listed) and 喀什市 (not) share the initials
    assert r.status == "found" and r.unit["name"] == "昆山市"
    assert [o["name"] for o in r.others] == ["喀什市"] and "喀什市" in r.note


def test_ambiguous_initials_return_candidates() -> None:
    r = resolve(tiny(), "cs")
    assert r.status == "ambiguous" and r.unit is None
    assert sorted(c["name"] for c in r.candidates) == ["常熟市", "长沙县"]


def test_same_named_units_are_told_apart_by_province_prefecture_or_adcode() -> None:
    assert resolve(tiny(), "铁西区").status == "ambiguous"
    assert resolve(tiny(), "铁西区", province="吉林").unit["prefecture"] == "四平市"
    assert resolve(tiny(), "铁西区", prefecture="鞍山").unit["adcode"] == "210303"
    assert resolve(tiny(), "铁西区", province="辽宁").status == "ambiguous"
    assert resolve(tiny(), "210106").unit["prefecture"] == "沈阳市"


def test_former_names_resolve_with_a_note() -> None:
    r = resolve(tiny(), "海门市", former=FORMER)
    assert r.how == "former" and r.unit["name"] == "昆山市"
    assert r.note == "海门市 (320684) is a former name of 昆山市 (320583)"


def test_misspelling_gets_suggestions() -> None:
    r = resolve(tiny(), "昆山县")
    assert r.status == "missing"
    assert r.candidates[0]["name"] == "昆山市"


def test_units_are_all_county_level_units(catalog: Catalog) -> None:
    df = units(catalog).collect()
    assert df.height == 2843 and df["adcode"].n_unique() == 2843
    assert df["listed"].sum() == 223  # 300 list entries, 77 units in both county lists
    kunshan = df.filter(pl.col("name") == "昆山市").row(0, named=True)
    assert kunshan["listed"] and kunshan["province"] == "江苏省"
    korla = df.filter(pl.col("name") == "库尔勒市").row(0, named=True)
    # One spelling everywhere: the official one, though 表1 prints 新疆 / 巴音郭楞.
    assert (korla["province"], korla["prefecture"]) == ("新疆维吾尔自治区", "巴音郭楞蒙古自治州")


def test_one_spelling_per_province_in_every_table(catalog: Catalog) -> None:
    official = {p.short: p.official for p in geo.PROVINCES}
    for tid, lf in catalog.tables.items():
        df = lf.collect()
        if "province_short" not in df.columns or "," in "".join(df["province_short"].drop_nulls()):
            continue
        pairs = df.select("province_short", "province").unique().drop_nulls()
        for short, name in pairs.iter_rows():
            if "、" not in short:
                assert name == official[short], (tid, short, name)
    zhunge = lookup(catalog, "准格尔旗").to_dict()
    dalate = lookup(catalog, "达拉特旗").to_dict()
    assert zhunge["province"] == dalate["province"] == "内蒙古自治区"


@pytest.mark.parametrize(
    ("typed", "name", "how"),
    [
        ("kun", "昆山市", "pinyin prefix"),  # unique among listed units; 昆都仑区 is mentioned
        ("kunsh", "昆山市", "pinyin prefix"),
        ("ｋｕｎｓｈａｎ", "昆山市", "pinyin"),  # full-width letters
        ("崑山", "昆山市", "traditional"),
        ("昆　山", "昆山市", "suffix"),  # an ideographic space inside
        ("320684", "海门区", "former code"),  # 海门市's code before it became a district
    ],
)
def test_what_users_type_resolves(catalog: Catalog, typed: str, name: str, how: str) -> None:
    p = lookup(catalog, typed).to_dict()
    assert (p["name"], p["matched"]) == (name, how)
    if how in ("former code", "traditional", "pinyin prefix"):
        assert p["note"]


def test_an_ambiguous_pinyin_prefix_lists_the_candidates(catalog: Catalog) -> None:
    with pytest.raises(Ambiguous) as err:
        lookup(catalog, "xinj")  # 新建区, 新津区, 新疆 … several units, none listed alone
    assert "could mean" in str(err.value)


@pytest.mark.parametrize("typed", ["丽水", "吉林市", "巴音郭楞蒙古自治州", "锡林郭勒"])
def test_a_prefecture_with_nothing_listed_is_shown_with_its_units(catalog: Catalog, typed: str) -> None:
    p = lookup(catalog, typed).to_dict()
    assert p["kind"] == "prefecture" and p["divisions"]
    if typed in ("丽水", "吉林市"):
        assert not p["units"] and not any(d["listed"] for d in p["divisions"])


def test_shengzhiguan_narrowed_to_a_province(catalog: Catalog) -> None:
    p = lookup(catalog, "省直管", province="河南").to_dict()
    assert p["province"] == "河南省"
    assert [u["name"] for u in p["units"]] == ["济源市"]
    assert [d["name"] for d in p["divisions"]] == ["济源市"]


def test_lookup_profile_of_kunshan(catalog: Catalog) -> None:
    p = lookup(catalog, "昆山").to_dict()
    assert p["name"] == "昆山市" and p["matched"] == "suffix" and p["adcode"] == "320583"
    assert [(r["table"], r["rank"]) for r in p["rankings"]] == [
        ("industrial-counties", 1),
        ("innovation-counties", 1),
    ]
    assert p["rankings"][0]["tier"] == 1 and "tier" not in p["rankings"][1]
    assert {c["cluster"] for c in p["clusters"]} >= {"昆山小核酸创新型产业集群", "电子信息产业集群"}
    assert any(f["metric"] == "出口总额" for f in p["facts"])
    assert "context" not in p


def test_lookup_unlisted_gives_province_context(catalog: Catalog) -> None:
    p = lookup(catalog, "缙云县").to_dict()
    assert p["rankings"] == [] and p["clusters"][0]["shared_with"] == "永康市、武义县"
    ctx = p["context"]
    assert ctx["kind"] == "县(市)" and ctx["units_in_province"] == 53
    assert ctx["listed_in_province"] == {"industrial-counties": 25, "innovation-counties": 28}
    assert ctx["prefecture_listed"] == []  # no unit of 丽水市 is listed
    district = lookup(catalog, "长安区", province="河北").to_dict()
    assert district["adcode"] == "130102" and district["context"]["kind"] == "市辖区"


def test_lookup_listed_namesake_former_name_and_adcode(catalog: Catalog) -> None:
    tiexi = lookup(catalog, "铁西区").to_dict()
    assert tiexi["prefecture"] == "沈阳市" and tiexi["rankings"][0]["rank"] == 39
    assert sorted(tiexi["namesakes"]) == ["铁西区 (吉林省 四平市 220302)", "铁西区 (辽宁省 鞍山市 210303)"]
    haimen = lookup(catalog, "海门市").to_dict()
    assert haimen["name"] == "海门区" and haimen["matched"] == "former" and "became 海门区" in haimen["note"]
    assert lookup(catalog, "320614").to_dict()["name"] == "海门区"
    assert lookup(catalog, "长乐市").to_dict()["name"] == "长乐区"


def test_lookup_prefecture_and_failures(catalog: Catalog) -> None:
    pref = lookup(catalog, "苏州").to_dict()
    assert pref["kind"] == "prefecture" and pref["counts"]["industrial-districts"] == 4
    with pytest.raises(LookupFailed, match="could mean"):
        lookup(catalog, "cs").to_dict()
    with pytest.raises(LookupFailed, match="no county-level unit named"):
        lookup(catalog, "不存在县").to_dict()


def test_municipal_units_say_the_report_leaves_them_out(catalog: Catalog) -> None:
    dongcheng = lookup(catalog, "东城区").to_dict()
    assert dongcheng["context"]["units_in_province"] == 16
    assert dongcheng["context"]["not_ranked"].startswith("市辖区工业竞争力评价以除北京")
    chongqing_county = lookup(catalog, "城口县").to_dict()
    assert chongqing_county["context"]["not_ranked"] == "除了四个直辖市不参选"
    assert "not_ranked" not in lookup(catalog, "缙云县").to_dict()["context"]


def test_not_ranked_quotes_are_verbatim(report_path) -> None:
    from baiqiang.core.build.extract import flatten, read_report
    from baiqiang.core.plain.profile import NOT_RANKED

    flat = read_report(report_path).flat
    for quote in NOT_RANKED.values():
        assert flatten(quote) in flat


def test_every_former_name_and_code_of_the_history_resolves(catalog: Catalog) -> None:
    """show and the palette (one resolver) find what every retired name and code is now: today's
    unit, or the units it could mean (a name several had, a code of a split unit); a code or a
    name that is today's unit's is that unit."""
    from collections import defaultdict

    from baiqiang.core.plain.resolve import resolve_rows
    from baiqiang.core.profile import unit_rows

    units, former = unit_rows(catalog)
    today = {u["adcode"] for u in units} | {u["name"] for u in units}
    targets: dict[str, set[str]] = defaultdict(set)
    for f in former:
        targets[f["former_code"]].add(f["adcode"])
        targets[f["former_name"]].add(f["adcode"])
    assert len(targets) > 5000
    missed = []
    for query, where in targets.items():
        found = resolve_rows(units, query, former=former)
        got = {found.unit["adcode"]} if found.unit else {u["adcode"] for u in found.candidates}
        if not got & where and query not in today:
            missed.append((query, sorted(where), found.status))
    assert missed == []


def test_a_reused_code_and_a_split_unit_say_what_happened(catalog: Catalog) -> None:
    from baiqiang.core.plain.resolve import Outcome, resolve_rows
    from baiqiang.core.profile import unit_rows

    units, former = unit_rows(catalog)
    reused = resolve_rows(units, "500110", former=former)
    assert reused.unit is not None and reused.unit["name"] == "綦江区" and "万盛区" in reused.note
    split = resolve_rows(units, "江干区", former=former)  # 上城区 is listed, but it is not the whole
    assert split.status == Outcome.AMBIGUOUS and "split in 2021" in split.note
    assert {u["name"] for u in split.candidates} == {"上城区", "钱塘区"}
