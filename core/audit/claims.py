"""The claims: what the report's prose states about its own tables, each with its words.

Each claim quotes the report verbatim and gives the values the report states, and says how to
compute the same values from the shipped tables (:mod:`baiqiang.core.audit.runner` compares).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import polars as pl

from baiqiang.core.audit.model import Claim, Kind, Value
from baiqiang.core.catalog import Catalog
from baiqiang.core.plain import geo
from baiqiang.core.plain.names import XIAN_SHI
from baiqiang.core.plain.tables import TABLES
from baiqiang.core.query import counts, crosstab, province_shares, unit_types_of


def _df(c: Catalog, table: str) -> pl.DataFrame:
    return c.tables[table].collect()


def _counts(df: pl.DataFrame, col: str) -> dict[str, int]:
    return {str(k): int(v) for k, v in df.group_by(col).len().iter_rows()}


def _by_province(df: pl.DataFrame) -> dict[str, int]:
    return _counts(df, "province_short")


def _tier(c: Catalog, n: int) -> pl.DataFrame:
    return _df(c, "industrial-counties").filter(pl.col("tier") == n)


def _leaders_from_quote(quote: str) -> dict[str, int]:
    """``江苏昆山市（1）`` pairs of a quote → {江苏: 1, …} (province short name → rank)."""
    out: dict[str, int] = {}
    for who, rank in re.findall(r"([\u4e00-\u9fa5]+?)（(\d+)）", quote):
        who = re.sub(r"^.*?(依次是|依次为)", "", who).removeprefix("和")
        prov = next((p for p in geo.PROVINCES if who.startswith(p.official) or who.startswith(p.short)), None)
        if prov is None:
            raise ValueError(f"no province in {who!r}")
        out[prov.short] = int(rank)
    return out


def _leaders(df: pl.DataFrame) -> dict[str, int]:
    first = df.sort("rank").group_by("province_short", maintain_order=True).first()
    return {str(p): int(r) for p, r in first.select("province_short", "rank").iter_rows()}


def _share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1)


def _over(limit: float) -> Callable[[Value, Value], bool]:
    return lambda _report, data: isinstance(data, float) and data > limit


def _province_shares(c: Catalog, table: str) -> dict[str, float]:
    """Province → percentage of its units of the table's kind that the table lists."""
    counted = counts(c.tables[table], by="province")
    df = province_shares(counted, c.divisions, types=unit_types_of(table)).collect()
    return {
        str(geo.province_of_printed(p).short): round(100 * float(s), 1)
        for p, s in df.select("province", "share_of_province").iter_rows()
    }


def _units_in(c: Catalog, provinces: tuple[str, ...], types: tuple[str, ...] = XIAN_SHI) -> dict[str, int]:
    df = c.divisions.filter(pl.col("type").is_in(list(types))).group_by("province_short").len().collect()
    found = dict(df.iter_rows())
    return {p: int(found.get(p, 0)) for p in provinces}


def _uncovered(c: Catalog, prefectures: tuple[str, ...]) -> dict[str, list[str]]:
    """Prefecture → its 县(市) that 工业百强县 does not list (empty where all are listed)."""
    listed = set(_df(c, IC)["adcode"])
    units = c.divisions.filter(pl.col("type").is_in(list(XIAN_SHI))).collect()
    return {
        p: [
            n
            for code, n in units.filter(pl.col("prefecture") == p).select("adcode", "name").iter_rows()
            if code not in listed
        ]
        for p in prefectures
    }


def _label(caption: str) -> str:
    """表 1, 图 15 …: the number part of a caption."""
    m = re.match(r"^(表|图)\s*\d+", caption)
    return m.group(0) if m else caption


def _table_cutoff(c: Catalog) -> str:
    """The cut-off date in the footnote of 表1 (the tables' own)."""
    dates = [f["date"] for f in c.source.get("division_cutoffs", []) if str(f["caption"]).startswith("表 1")]
    return str(dates[0]) if dates else ""


def _between(low: float, high: float) -> Callable[[Value, Value], bool]:
    return lambda _report, data: isinstance(data, float) and low <= data <= high


def _all_below(limit: float) -> Callable[[Value, Value], bool]:
    return lambda _report, data: isinstance(data, dict) and all(float(v) < limit for v in data.values())


IC, INC, ID, NC, BC = (
    "industrial-counties",
    "innovation-counties",
    "industrial-districts",
    "national-clusters",
    "billion-clusters",
)

_Q_LEAD_IC = (
    "领衔各省的县（市）依次是江苏昆山市（1）、福建晋江市（4）、浙江慈溪市（6）、湖南长沙县（7）、"
    "陕西神木市（9）、贵州仁怀市（12）、内蒙古准格尔旗（27）、山东龙口市（31）、河北迁安市（35）、"
    "江西南昌县（40）、河南巩义市（41）、安徽肥西县（51）、新疆库尔勒市（59）、辽宁瓦房店市（60）、"
    "宁夏灵武市（62）、湖北仙桃市（74）、云南安宁市（77）和广东博罗县（88）"
)
_Q_LEAD_ID = (
    "各省排名首位的区依次为广东省龙岗区（1）、江苏省江宁区（7）、山东省黄岛区（11）、浙江省北仑区（12）、"
    "湖北省汉南区（16）、湖南省雨花区（17）、四川省翠屏区（34）、辽宁省大东区（36）、陕西省榆阳区（40）、"
    "福建省长乐区（45）、山西省小店区（69）、贵州省花溪区（71）、河北省丰润区（72）、云南省红塔区（83）、"
    "江西省青山湖区（85）、广西自治区港口区（92）、安徽省弋江区（97）"
)
_Q_IC_PROV = (
    "福建 7 个，中部的河南、湖北、湖南各 5 个，内蒙古、安徽各 3 个，陕西、河北、江西、广东各 2 个，"
    "贵州、新疆、宁夏、辽宁、云南各 1 个"
)
_Q_ID_PROV = (
    "其中广东省 22 个，江苏省 19 个，浙江省 18 个，山东省 9 个、福建省 7 个，四川省 4 个，"
    "河北省、湖北省、湖南省、陕西省各 3 个，广西自治区、辽宁省各 2 个，山西省、安徽省、江西省、贵州省、云南省各 1 个"
)
_Q_T3 = (
    "44 个县（市）中浙江 11 个，江苏 7 个，河南、山东各 4 个，湖北 3 个，内蒙古、福建、江西、安徽各 2 个，"
    "湖南、河北、陕西、新疆、辽宁、宁夏、云南各 1 个，中西部县（市）占比超 40%"
)
_Q_T2 = (
    "第二梯队包含了 30 个县（市），比上年增加 9 个，其中江苏和浙江各 9 个，福建、湖南各 3 个，山东 2 个，"
    "陕西、贵州、内蒙古、河北各 1 个"
)
_Q_T2B = "东部县（市）合计占比 80%，中部长沙县、浏阳市均位于前 20 名，西部入围的有神木市、仁怀市和准格尔旗，其中神木市位列十强"
_Q_TIERS = "1-6 名构成的第一梯队，格局较为稳定；7-36 名构成的第二梯队，头部成员波动较小；37-80 名构成第三梯队，81-100 名构成第四梯队"
_Q_T1 = "第一梯队 6 个县（市）中，江苏 4 个、福建、浙江各 1 个，依次是昆山市、江阴市、张家港市、晋江市、常熟市和慈溪市"
_Q_REG = (
    "2022 年东部扭转了入围县（市）数量略有下滑的趋势，较上年新增 4 个，强县最大聚集地的地位进一步巩固，"
    "显示新兴动能培育壮大的成效，2022 年合计达到 70 个，占百强总数的 70%，十强中占据 8 席；中部 20 个，"
    "较去年减少 3 个；西部 9 个，较上年减少 1 个；东北地区 1 个，仍为辽宁省瓦房店市"
)
_Q_ID_REG = "分板块看，2022年工业百强区中东部地区 78 个，较上年增加 3 个，中部地区 9 个，较上年减少 5 个，西部地区 11 个，较上年增加 1 个，东北地区 2 个，较上年增加 1 个"


def _regions(df: pl.DataFrame) -> dict[str, int]:
    return _counts(df, "region")


def _names(df: pl.DataFrame) -> list[str]:
    return df.sort("rank")["name"].to_list()


def _figure22_printed(c: Catalog) -> dict[str, int]:
    df = c.figure22.collect()
    return {f"{b} {geo.province_of_printed(p).official}": int(n) for b, p, n in df.iter_rows() if n}


def _figure22_computed(c: Catalog) -> dict[str, int]:
    long = crosstab(c.tables[ID], rows="rank_band", cols="province").collect()
    return {f"{b} {p}": int(n) for b, p, n in long.iter_rows() if n}


_TABLE_CLAIMS: tuple[Claim, ...] = (
    Claim(
        "ic-types",
        IC,
        "县级市, 县, 旗 among the 100",
        ("中国工业百强县（市）覆盖了 75 个县级市、22 个县和 3 个旗",),
        {"县级市": 75, "县": 22, "旗": 3},
        lambda c: _counts(_df(c, IC), "county_type"),
    ),
    Claim(
        "ic-regions",
        IC,
        "units per region",
        (_Q_REG,),
        {"东部": 70, "中部": 20, "西部": 9, "东北": 1},
        lambda c: _regions(_df(c, IC)),
    ),
    Claim(
        "ic-top10-east",
        IC,
        "东部 units in the top 10",
        (_Q_REG,),
        8,
        lambda c: _df(c, IC).filter((pl.col("rank") <= 10) & (pl.col("region") == "东部")).height,
    ),
    Claim(
        "ic-northeast",
        IC,
        "the only 东北 unit",
        (_Q_REG,),
        ["瓦房店市"],
        lambda c: _names(_df(c, IC).filter(pl.col("region") == "东北")),
    ),
    Claim(
        "ic-tier-sizes",
        IC,
        "units per tier: the sizes the tier paragraphs state, against the tiers the bounds passage "
        "(1-6, 7-36 …) makes of 表1 (the bounds decide the sizes, whatever 表1 holds: a parse check)",
        (_Q_T1, _Q_T2, _Q_T3, "第四梯队 20 个县（市）中"),
        {"1": 6, "2": 30, "3": 44, "4": 20},
        lambda c: _counts(_df(c, IC), "tier"),
        kind=Kind.PARSE,
    ),
    Claim(
        "ic-tier1",
        IC,
        "第一梯队 by province",
        (_Q_T1,),
        {"江苏": 4, "福建": 1, "浙江": 1},
        lambda c: _by_province(_tier(c, 1)),
    ),
    Claim(
        "ic-tier1-order",
        IC,
        "第一梯队 in rank order",
        (_Q_T1,),
        ["昆山市", "江阴市", "张家港市", "晋江市", "常熟市", "慈溪市"],
        lambda c: _names(_tier(c, 1)),
    ),
    Claim(
        "ic-tier2",
        IC,
        "第二梯队 by province",
        (_Q_T2,),
        {"江苏": 9, "浙江": 9, "福建": 3, "湖南": 3, "山东": 2, "陕西": 1, "贵州": 1, "内蒙古": 1, "河北": 1},
        lambda c: _by_province(_tier(c, 2)),
    ),
    Claim(
        "ic-tier2-east",
        IC,
        "share of 东部 in 第二梯队 (%)",
        (_Q_T2B,),
        80.0,
        lambda c: _share(_tier(c, 2).filter(pl.col("region") == "东部").height, _tier(c, 2).height),
    ),
    Claim(
        "ic-tier2-west",
        IC,
        "西部 units of 第二梯队",
        (_Q_T2B,),
        ["神木市", "仁怀市", "准格尔旗"],
        lambda c: _names(_tier(c, 2).filter(pl.col("region") == "西部")),
    ),
    Claim(
        "ic-top20-central",
        IC,
        "中部 units of 第二梯队 in the top 20",
        (_Q_T2B,),
        ["长沙县", "浏阳市"],
        lambda c: _names(_tier(c, 2).filter((pl.col("region") == "中部") & (pl.col("rank") <= 20))),
    ),
    Claim(
        "ic-shenmu-top10",
        IC,
        "神木市 in the top 10",
        (_Q_T2B,),
        True,
        lambda c: _df(c, IC).filter((pl.col("name") == "神木市") & (pl.col("rank") <= 10)).height == 1,
    ),
    Claim(
        "ic-tier3",
        IC,
        "第三梯队 by province",
        (_Q_T3,),
        {
            "浙江": 11,
            "江苏": 7,
            "河南": 4,
            "山东": 4,
            "湖北": 3,
            "内蒙古": 2,
            "福建": 2,
            "江西": 2,
            "安徽": 2,
            "湖南": 1,
            "河北": 1,
            "陕西": 1,
            "新疆": 1,
            "辽宁": 1,
            "宁夏": 1,
            "云南": 1,
        },
        lambda c: _by_province(_tier(c, 3)),
    ),
    Claim(
        "ic-tier3-midwest",
        IC,
        "share of 中部+西部 in 第三梯队 (%)",
        (_Q_T3,),
        "> 40",
        lambda c: _share(
            _tier(c, 3).filter(pl.col("region").is_in(["中部", "西部"])).height, _tier(c, 3).height
        ),
        _over(40),
    ),
    Claim(
        "ic-tier4",
        IC,
        "第四梯队 by region",
        ("第四梯队 20 个县（市）中，东部和中部的县（市）数量分别是 15 个和 5 个",),
        {"东部": 15, "中部": 5},
        lambda c: _regions(_tier(c, 4)),
    ),
    Claim(
        "ic-jiangxi-tier3",
        IC,
        "江西's units all in 第三梯队",
        ("其中江西的百强县（市）全部落入第三梯队",),
        [3],
        lambda c: sorted(set(_df(c, IC).filter(pl.col("province_short") == "江西")["tier"].to_list())),
    ),
    Claim(
        "ic-tiers-3-4",
        IC,
        "河南, 安徽, 湖北 have units in both 第三 and 第四梯队",
        ("河南、安徽和湖北的百强县（市）在三四梯队均有分布",),
        {"河南": [3, 4], "安徽": [3, 4], "湖北": [3, 4]},
        lambda c: {
            p: sorted(set(_df(c, IC).filter(pl.col("province_short") == p)["tier"].to_list()))
            for p in ("河南", "安徽", "湖北")
        },
    ),
    Claim(
        "ic-provinces",
        IC,
        "number of provinces with a unit",
        ("百强分布于 18 个省（区、市），江苏浙江合计拥有 48 席",),
        18,
        lambda c: _df(c, IC)["province_short"].n_unique(),
    ),
    Claim(
        "ic-jiangsu-zhejiang",
        IC,
        "浙江 and 江苏 units, and their sum",
        (
            "2022 年分别入围 25 个和 23 个，两省合计达到 48 个",
            "百强分布于 18 个省（区、市），江苏浙江合计拥有 48 席",
        ),
        {"浙江": 25, "江苏": 23, "sum": 48},
        lambda c: (lambda d: {"浙江": d["浙江"], "江苏": d["江苏"], "sum": d["浙江"] + d["江苏"]})(
            _by_province(_df(c, IC))
        ),
    ),
    Claim(
        "ic-shandong",
        IC,
        "山东's units",
        ("山东的百强县（市）数量强势复苏，增长到 11 个",),
        11,
        lambda c: _by_province(_df(c, IC)).get("山东", 0),
    ),
    Claim(
        "ic-other-provinces",
        IC,
        "units of the other provinces",
        (_Q_IC_PROV,),
        {
            "福建": 7,
            "河南": 5,
            "湖北": 5,
            "湖南": 5,
            "内蒙古": 3,
            "安徽": 3,
            "陕西": 2,
            "河北": 2,
            "江西": 2,
            "广东": 2,
            "贵州": 1,
            "新疆": 1,
            "宁夏": 1,
            "辽宁": 1,
            "云南": 1,
        },
        lambda c: {k: v for k, v in _by_province(_df(c, IC)).items() if k not in ("浙江", "江苏", "山东")},
    ),
    Claim(
        "ic-absent",
        IC,
        "provinces with no unit (the four municipalities aside)",
        ("除了四个直辖市不参选，山西、吉林、黑龙江、广西、海南、四川、西藏、甘肃、青海尚无百强县（市）",),
        ["山西", "吉林", "黑龙江", "广西", "海南", "四川", "西藏", "甘肃", "青海"],
        lambda c: [
            p.short
            for p in geo.PROVINCES
            if p.short not in set(_df(c, IC)["province_short"]) and not p.official.endswith("市")
        ],
    ),
    Claim(
        "ic-top10-regions",
        IC,
        "regions of the top 10",
        ("前十县（市）分布省份涵盖东、中、西三大区域板块",),
        ["东部", "中部", "西部"],
        lambda c: [r for r in geo.REGIONS if r in set(_df(c, IC).filter(pl.col("rank") <= 10)["region"])],
    ),
    Claim(
        "ic-leaders",
        IC,
        "each province's leader and its rank",
        (_Q_LEAD_IC,),
        _leaders_from_quote(_Q_LEAD_IC),
        lambda c: _leaders(_df(c, IC)),
    ),
    Claim(
        "id-provinces",
        ID,
        "units per province",
        (_Q_ID_PROV, "集中于广东、江苏、浙江、山东等 17 个省份"),
        {
            "广东": 22,
            "江苏": 19,
            "浙江": 18,
            "山东": 9,
            "福建": 7,
            "四川": 4,
            "河北": 3,
            "湖北": 3,
            "湖南": 3,
            "陕西": 3,
            "广西": 2,
            "辽宁": 2,
            "山西": 1,
            "安徽": 1,
            "江西": 1,
            "贵州": 1,
            "云南": 1,
        },
        lambda c: _by_province(_df(c, ID)),
    ),
    Claim(
        "id-province-count",
        ID,
        "number of provinces with a unit",
        ("集中于广东、江苏、浙江、山东等 17 个省份",),
        17,
        lambda c: _df(c, ID)["province_short"].n_unique(),
    ),
    Claim(
        "id-regions",
        ID,
        "units per region",
        (_Q_ID_REG,),
        {"东部": 78, "中部": 9, "西部": 11, "东北": 2},
        lambda c: _regions(_df(c, ID)),
    ),
    Claim(
        "id-top10",
        ID,
        "provinces of the top 10",
        ("粤苏领跑工业百强区，包揽工业竞争力前十强",),
        ["江苏", "广东"],
        lambda c: sorted(
            set(_df(c, ID).filter(pl.col("rank") <= 10)["province_short"]),
            key=lambda s: geo.province_by_short(s).code,
        ),
    ),
    Claim(
        "id-top3-provinces",
        ID,
        "the three provinces with most units, 广东 first",
        ("浙苏粤工业百强区数量与工业百强区占市辖区比重皆位列三甲，其中广东工业百强区数量最多",),
        ["广东", "江苏", "浙江"],
        lambda c: [
            str(p)
            for p in _df(c, ID)
            .group_by("province_short")
            .len()
            .sort("len", descending=True)
            .head(3)["province_short"]
        ],
    ),
    Claim(
        "id-leaders",
        ID,
        "each province's leader and its rank",
        (_Q_LEAD_ID,),
        _leaders_from_quote(_Q_LEAD_ID),
        lambda c: _leaders(_df(c, ID)),
    ),
    Claim(
        "id-figure22",
        ID,
        "图22: units per province and rank band (non-zero cells)",
        ("图 22 2022 年工业百强区各省位次分布",),
        None,
        _figure22_computed,
        report_from=_figure22_printed,
    ),
    Claim(
        "nc-count",
        NC,
        "national clusters in 县(市)",
        ("三大类国家级产业集群中共有 18 个主要分布在县(市)",),
        18,
        lambda c: _df(c, NC).height,
    ),
    Claim(
        "nc-sectors",
        NC,
        "national clusters by sector group (the groups are read from this same paragraph: a parse check)",
        (
            "从行业类型看,制造业领域有 17 个",
            "新兴产业领域的有 13 家",
            "传统产业现代化发展的有4个",
            "另有一个服务业集群",
        ),
        {"manufacturing": 17, "emerging": 13, "traditional": 4, "service": 1},
        lambda c: (lambda d: {"manufacturing": d.get("emerging", 0) + d.get("traditional", 0), **d})(
            _counts(_df(c, NC), "sector_group")
        ),
        kind=Kind.PARSE,
    ),
    Claim(
        "bc-count",
        BC,
        "千亿级 clusters listed",
        ("县（市）千亿级产业集群至少在 26 个以上",),
        26,
        lambda c: _df(c, BC).height,
    ),
    Claim(
        "bc-top",
        BC,
        "the largest clusters by scale",
        (
            "规模最高可达 5000 亿元以上，如昆山市电子信息产业集群；三千亿级以上的代表性产业集群为张家港市冶金新材料产业集群；"
            "二千亿级以上的代表性产业集群为晋江市鞋服产业集群和昆山市装备制造产业集群",
        ),
        {
            "五千亿级": ["昆山市电子信息产业集群"],
            "三千亿级": ["张家港市冶金新材料产业集群"],
            "二千亿级": ["晋江市鞋服产业集群", "昆山市装备制造产业集群"],
        },
        lambda c: {
            s: [
                f"{a}{b}"
                for a, b in _df(c, BC)
                .filter(pl.col("scale") == s)
                .sort("county", descending=True)
                .select("county", "cluster")
                .iter_rows()
            ]
            for s in ("五千亿级", "三千亿级", "二千亿级")
        },
    ),
    Claim(
        "bc-1000-2000",
        BC,
        "clusters of 1000–2000 亿元 (千亿级)",
        (
            "1000-2000 亿元级别的产业集群数量更为可观，据不完全统计，至少已有 22 个县（市）制造业集群达到这一水平",
        ),
        22,
        lambda c: _df(c, BC).filter(pl.col("scale") == "千亿级").height,
    ),
    Claim(
        "ic-jiangsu-share",
        IC,
        "江苏's 县(市), and the share of them listed (%)",
        (
            "在江苏 40 个县（市）中，百强县（市）数量占比超过 50%，即江苏平均七个县（市）中就有四个是工业百强县（市）",
        ),
        {"县(市)": 40, "listed %": "> 50"},
        lambda c: {"县(市)": _units_in(c, ("江苏",))["江苏"], "listed %": _province_shares(c, IC)["江苏"]},
        lambda r, d: isinstance(d, dict) and d["县(市)"] == 40 and float(d["listed %"]) > 50,
    ),
    Claim(
        "ic-zhejiang-share",
        IC,
        "浙江's 县(市), and the share of them listed, near half (%)",
        ("在浙江 53 个县（市）中，该比重接近半数",),
        {"县(市)": 53, "listed %": "接近半数"},
        lambda c: {"县(市)": _units_in(c, ("浙江",))["浙江"], "listed %": _province_shares(c, IC)["浙江"]},
        lambda r, d: isinstance(d, dict) and d["县(市)"] == 53 and abs(float(d["listed %"]) - 50) <= 5,
    ),
    Claim(
        "ic-low-shares",
        IC,
        "listed share of 县(市) (%): 河南, 安徽, 湖南 under 6, 湖北 under 8",
        ("河南、安徽、湖南工业百强县（市）占不到 6%，湖北亦低于 8%",),
        {"河南": "< 6", "安徽": "< 6", "湖南": "< 6", "湖北": "< 8"},
        lambda c: {p: _province_shares(c, IC)[p] for p in ("河南", "安徽", "湖南", "湖北")},
        lambda r, d: (
            isinstance(d, dict) and all(d[p] < 6 for p in ("河南", "安徽", "湖南")) and d["湖北"] < 8
        ),
    ),
    Claim(
        "ic-many-units",
        IC,
        "县(市) per province: 75 or more in 山东, 河南 (over 100), 河北, 湖南, 内蒙古; under 60 in 江苏, 浙江, 安徽, 福建",
        (
            "山东、河南、河北、湖南、内蒙古是工业大省中县（市）数量较多的省份，普遍在 75 个以上，其中河南更是突破了 100 个；江苏、浙江、安徽、福建均在 60 个以下",
        ),
        {
            "山东": "≥ 75",
            "河南": "> 100",
            "河北": "≥ 75",
            "湖南": "≥ 75",
            "内蒙古": "≥ 75",
            "江苏": "< 60",
            "浙江": "< 60",
            "安徽": "< 60",
            "福建": "< 60",
        },
        lambda c: _units_in(c, ("山东", "河南", "河北", "湖南", "内蒙古", "江苏", "浙江", "安徽", "福建")),
        lambda r, d: (
            isinstance(d, dict)
            and all(d[p] >= 75 for p in ("山东", "河北", "湖南", "内蒙古"))
            and d["河南"] > 100
            and all(d[p] < 60 for p in ("江苏", "浙江", "安徽", "福建"))
        ),
    ),
    Claim(
        "ic-jiangsu-coverage",
        IC,
        "every 县(市) of 苏州, 无锡, 常州, 镇江, 扬州, 泰州, 南通 is listed (unlisted shown)",
        ("苏南的苏锡常镇和苏中的扬泰通七市实现了所辖县（市）全覆盖",),
        {p: [] for p in ("苏州市", "无锡市", "常州市", "镇江市", "扬州市", "泰州市", "南通市")},
        lambda c: _uncovered(c, ("苏州市", "无锡市", "常州市", "镇江市", "扬州市", "泰州市", "南通市")),
        lambda r, d: isinstance(d, dict) and all(not v for v in d.values()),
    ),
    Claim(
        "ic-zhejiang-coverage",
        IC,
        "every 县(市) of 嘉兴, 湖州, 宁波, 绍兴 is listed (unlisted shown)",
        ("环杭州湾两侧的嘉湖甬绍四市保持所辖县（市）全覆盖格局",),
        {p: [] for p in ("嘉兴市", "湖州市", "宁波市", "绍兴市")},
        lambda c: _uncovered(c, ("嘉兴市", "湖州市", "宁波市", "绍兴市")),
        lambda r, d: isinstance(d, dict) and all(not v for v in d.values()),
    ),
    Claim(
        "ic-share-of-all-units",
        IC,
        "the 100 as a share of all county-level units (%)",
        ("工业百强县（市）以全国 3.5% 的县级行政区划数", "全国共有 2843 个县级行政单位"),
        3.5,
        lambda c: round(100 * 100 / c.divisions.select(pl.len()).collect().item(), 1),
    ),
    Claim(
        "all-units",
        IC,
        "county-level units in the country (the report's footnote 1)",
        ("全国共有 2843 个县级行政单位",),
        2843,
        lambda c: c.divisions.select(pl.len()).collect().item(),
    ),
    Claim(
        "id-zhejiang-share",
        ID,
        "浙江's share of its 市辖区 listed, near 50 (%)",
        ("浙江工业百强区占比近 50%，即浙江约平均两个市辖区中就有 1 个是工业百强区",),
        "≈ 50",
        lambda c: _province_shares(c, ID)["浙江"],
        _between(45, 50),
    ),
    Claim(
        "id-low-shares",
        ID,
        "listed share of 市辖区 (%): 山西, 江西, 辽宁, 安徽 under 5",
        ("山西、江西、辽宁、安徽工业百强区占全省市辖区比重尚不足 5%",),
        {"山西": "< 5", "江西": "< 5", "辽宁": "< 5", "安徽": "< 5"},
        lambda c: {p: _province_shares(c, ID)[p] for p in ("山西", "江西", "辽宁", "安徽")},
        _all_below(5),
    ),
    Claim(
        "id-top3-shares",
        ID,
        "the three provinces with the highest listed share of 市辖区, 浙江 first",
        (
            "浙苏粤工业百强区数量与工业百强区占市辖区比重皆位列三甲，其中广东工业百强区数量最多，浙江工业百强区占比最高",
        ),
        ["浙江", "江苏", "广东"],
        lambda c: [p for p, _ in sorted(_province_shares(c, ID).items(), key=lambda kv: -kv[1])[:3]],
        lambda r, d: isinstance(d, list) and d[0] == "浙江" and set(d) == {"浙江", "江苏", "广东"},
    ),
    Claim(
        "nc-regions",
        NC,
        "national clusters by region of their counties",
        ("其中东部拥有 11 个,约占三分之二,中部拥有 5 个,西部入围 2 个",),
        {"东部": 11, "中部": 5, "西部": 2},
        lambda c: _counts(_df(c, NC), "region"),
        note="11 of 18 is 61%, which the report calls 约三分之二 (two thirds is 67%)",
        note_zh="18 个中的 11 个为 61%，报告称“约占三分之二”（三分之二为 67%）",
    ),
    Claim(
        "cutoff-dates",
        IC,
        "the divisions' cut-off date in each footnote, against 表1's (footnotes against a footnote: a parse check)",
        ("报告中行政区划统计截至 2022 年 7 月 31 日", "报告中行政区划统计截至 2021 年 7 月 31 日"),
        None,
        lambda c: {_label(f["caption"]): _table_cutoff(c) for f in c.source.get("division_cutoffs", [])},
        report_from=lambda c: {_label(f["caption"]): f["date"] for f in c.source.get("division_cutoffs", [])},
        kind=Kind.PARSE,
    ),
)


# --- passages that contradict themselves, and lists in the prose against the tables -----------

_Q_D500_REG = "超 500 亿市辖区中 41 个位于东部地区，5 个位于中部地区，6 个位于西部地区，2 个位于东北地区，东北地区占比超过 75%"
_Q_D500_CLUS = (
    "77% 的超 500 亿工业增加值市辖区位于国家级城市群，其中长江三角洲城市群 18 个，粤港澳大湾区 15 个，"
    "长江中游城市群 4 个，成渝城市群 3 个，呼包鄂榆城市群和关中平原城市群各 1 个，其他非国家级城市群 12 个"
)
_Q_FEATURE = "至少已有河北、山东、安徽、湖北、湖南、贵州等5个省份明确了以县域为主体的产业集群名单"
_Q_SEE_TABLE = "从排名位次看（见表 2），各省排名首位的区依次为广东省龙岗区（1）"
_Q_BC_PROSE = "如太仓市高端装备产业集群、南安市日用轻工产业集群、江阴市金融新材料产业集群等"
_Q_NC_BRACKETS = (
    "长沙市工程机械集群(长沙县)",
    "海西盐湖化工特色循环经济创新型产业集群（格尔木市）",
    "许昌市节能环保产业集群（长葛市、禹州市）",
    "燕郊高新区新型电子元器件及设备制造创新型产业集群（三河市）",
    "肇庆高新区智能网联新能源汽车创新型产业集群（四会市）",
    "金华市现代五金集群（永康市、缙云县、武义县）",
    "闽东中小电机产业集群（福安市）",
    "滨州高端铝材产业集群（邹平市）",
)
_Q_CAPITALS = "山西、江西、辽宁、安徽工业百强区占全省市辖区比重尚不足 5%，且多集中于省会城市"
# The provincial capitals (省会) of the four provinces that sentence names.
_CAPITALS = {"山西": "太原市", "江西": "南昌市", "辽宁": "沈阳市", "安徽": "合肥市"}
_NAMED_DISTRICTS: tuple[tuple[str, int, str], ...] = (
    ("专精特新小巨人企业超过20家", 12, "龙岗区、黄埔区、宝安区、南山区、黄岛区、北仑区、镇海区、鄞州区、城阳区、雁塔区、小店区、岳麓区 12 个区超过 20 家"),
    ("人均社会消费品零售总额超过10万元", 6, "滨江区、镇海区、崂山区、历下区、涵江区、铁山港区 6 个区人均社会消费品零售总额超过 10 万元"),
    ("社会消费品零售总额超过1000亿元", 11, "龙岗区、顺德区、黄埔区、宝安区、南海区、南山区、黄岛区、龙华区、番禺区、白云区、雁塔区 11 个市辖区超过 1000 亿元"),
    ("进出口总额超过1000亿元", 15, "顺德区、黄埔区、南海区、江宁区、新吴区、吴江区、黄岛区、北仑区、番禺区、鄞州区、南沙区、虎丘区、翠屏区、禅城区、港口区 15 个市辖区进出口总额超过 1000 亿元"),
    ("实际利用外资超过10亿美元", 13, "黄埔区、南山区、江宁区、新吴区、黄岛区、滨江区、汉南区、南沙区、余杭区、城阳区、东西湖区、涵江区、集美区 13 个市辖区实际利用外资超过 10 亿美元"),
)  # fmt: skip


def _group_figures(c: Catalog, group: str, prefix: str) -> dict[str, float]:
    """A group's facts whose metric starts with `prefix`, by the rest of the metric."""
    df = c.group_facts.filter((pl.col("group") == group) & pl.col("metric").str.starts_with(prefix)).collect()
    return {str(m).removeprefix(prefix): float(v) for m, v in df.select("metric", "value").iter_rows()}


def _d500_region_shares(c: Catalog) -> dict[str, float]:
    """Region → share (%) of the 54 districts over 500 亿, from the counts the sentence gives."""
    by = {
        k.removesuffix("地区的数量"): v
        for k, v in _group_figures(c, "districts-500yi", "位于").items()
        if k.endswith("地区的数量")
    }
    total = sum(by.values())
    return {r: round(100 * n / total, 1) for r, n in by.items()}


def _d500_clusters(c: Catalog) -> dict[str, float]:
    found = _group_figures(c, "districts-500yi", "位于")
    national = sum(
        v
        for k, v in found.items()
        if k.endswith("城市群的数量") and "非国家级" not in k or k == "粤港澳大湾区的数量"
    )
    other = found.get("其他非国家级城市群的数量", 0)
    regions = sum(v for k, v in found.items() if k.endswith("地区的数量"))
    return {"国家级城市群 %": round(100 * national / regions, 1), "合计": float(national + other)}


def _closest_clusters(c: Catalog, named: dict[str, str]) -> dict[str, str]:
    """For each county, the 表5 cluster whose name is closest to the one the prose gives."""
    import difflib

    bc = _df(c, BC)
    out = {}
    for county, cluster in named.items():
        own = bc.filter(pl.col("county") == county)["cluster"].to_list()
        out[county] = (difflib.get_close_matches(cluster, own, n=1, cutoff=0.0) or [""])[0]
    return out


def _bracket_counties() -> dict[str, str]:
    return {re.split(r"[（(]", q)[0]: re.split(r"[（(]", q)[1].rstrip("）)") for q in _Q_NC_BRACKETS}


def _names_in(quote: str) -> list[str]:
    """The districts a sentence names before its count (龙岗区、黄埔区 … 12 个区超过 20 家)."""
    return re.split(r"、", re.sub(r"\s*\d+\s*个.*$", "", quote))


def _named_not_in_table(c: Catalog, table: str) -> list[str]:
    names = set(_df(c, table)["name"])
    named = dict.fromkeys(n for _, _, quote in _NAMED_DISTRICTS for n in _names_in(quote))
    return [n for n in named if n not in names]


_Q_REGSHARE = (
    "2020 年，东、中、西及东北四大板块县（市）GDP 占全国县（市）的比重分别为 40.6%、29.8%、25.1% 和 4.5%，"
    "比 2013 年分别降低 1.8 个百分点、提升 4.7 个百分点、提升 1.8 个百分点、降低 4.7 个百分点"
)


def _region_share_sums(c: Catalog) -> dict[str, float]:
    """The four regions' shares of 县(市) GDP in 2020, and in 2013 as the changes imply: each sums to 100."""
    now = {
        k: v for k, v in _group_figures(c, "all-counties", "").items() if k.endswith("GDP占全国县（市）比重")
    }
    change = {
        k.replace("GDP占比较2013年降低", "").replace("GDP占比较2013年提升", ""): (-v if "降低" in k else v)
        for k, v in _group_figures(c, "all-counties", "").items()
        if "较2013年" in k and "GDP" in k
    }
    then = {k: v - change[k.replace("GDP占全国县（市）比重", "")] for k, v in now.items()}
    return {"2020": round(sum(now.values()), 1), "2013": round(sum(then.values()), 1)}


EXTRA_CLAIMS: tuple[Claim, ...] = (
    Claim(
        "ac-region-shares",
        "industrial-counties",
        "the four regions' shares of 县(市) GDP add to 100 (%), in 2020 and in 2013 as the changes imply",
        (_Q_REGSHARE,),
        {"2020": 100.0, "2013": 100.0},
        _region_share_sums,
        kind=Kind.PARSE,
    ),
    Claim(
        "d500-region-share",
        ID,
        "which region holds over 75% of the 54 districts over 500 亿 (share %, from the sentence's own counts)",
        (_Q_D500_REG,),
        {"东北": "> 75"},
        _d500_region_shares,
        lambda r, d: isinstance(d, dict) and float(d.get("东北", 0)) > 75,
        kind=Kind.PARSE,
    ),
    Claim(
        "d500-city-clusters",
        ID,
        "share (%) of the 54 in national city clusters, within a point of the whole number printed, and "
        "the clusters' counts adding to 54",
        (_Q_D500_CLUS,),
        {"国家级城市群 %": 77.0, "合计": 54.0},
        _d500_clusters,
        lambda r, d: (
            isinstance(r, dict)
            and isinstance(d, dict)
            and abs(float(r["国家级城市群 %"]) - float(d["国家级城市群 %"])) < 1
            and r["合计"] == d["合计"]
        ),
        kind=Kind.PARSE,
        note="42 of 54 is 77.8%: the report's 77% cuts it, where rounding gives 78%",
        note_zh="54 个中的 42 个为 77.8%：报告写作 77%（截断），四舍五入应为 78%",
    ),
    Claim(
        "feature-cluster-provinces",
        "national-clusters",
        "provinces with a list of 县域 industrial clusters: the number stated and the provinces named",
        (_Q_FEATURE,),
        5,
        lambda c: len(re.findall(r"[\u4e00-\u9fa5]+", _Q_FEATURE.split("至少已有")[1].split("等")[0])),
        kind=Kind.PARSE,
    ),
    Claim(
        "id-leaders-table",
        ID,
        "the table the provinces' leading districts are in (the prose points to 表2)",
        (_Q_SEE_TABLE,),
        "表2",
        lambda c: ", ".join(
            f"表{TABLES[t].number}"
            for t in (IC, INC, ID)
            if "龙岗区" in set(_df(c, t).filter(pl.col("rank") == 1)["name"])
        ),
    ),
    Claim(
        "bc-prose-names",
        BC,
        "the 1000–2000 亿 clusters the prose names, against 表5's clusters of the same counties",
        (_Q_BC_PROSE,),
        {"太仓市": "高端装备产业集群", "南安市": "日用轻工产业集群", "江阴市": "金融新材料产业集群"},
        lambda c: _closest_clusters(
            c, {"太仓市": "高端装备产业集群", "南安市": "日用轻工产业集群", "江阴市": "金融新材料产业集群"}
        ),
    ),
    Claim(
        "nc-bracket-counties",
        NC,
        "the counties the prose gives in brackets for national clusters, against 表4",
        _Q_NC_BRACKETS,
        _bracket_counties(),
        lambda c: {
            str(k): str(v)
            for k, v in _df(c, NC)
            .filter(pl.col("cluster").is_in(list(_bracket_counties())))
            .select("cluster", "counties")
            .iter_rows()
        },
    ),
    Claim(
        "id-named-lists",
        ID,
        "districts counted in a sentence against the districts it names (a parse check)",
        tuple(q for _, _, q in _NAMED_DISTRICTS),
        {metric: n for metric, n, _ in _NAMED_DISTRICTS},
        lambda c: {metric: len(_names_in(quote)) for metric, _, quote in _NAMED_DISTRICTS},
        kind=Kind.PARSE,
    ),
    Claim(
        "id-named-listed",
        ID,
        "the districts those sentences name that 表3 does not list",
        tuple(q for _, _, q in _NAMED_DISTRICTS),
        "none",
        lambda c: "、".join(_named_not_in_table(c, ID)) or "none",
    ),
    Claim(
        "id-capitals",
        ID,
        "listed districts of 山西, 江西, 辽宁, 安徽 in the provincial capital, most of them",
        (_Q_CAPITALS,),
        {"in the capital": "most", "of": 5},
        lambda c: (
            lambda df: {
                "in the capital": df.filter(
                    pl.col("prefecture") == pl.col("province_short").replace_strict(_CAPITALS, default=None)
                ).height,
                "of": df.height,
            }
        )(_df(c, ID).filter(pl.col("province_short").is_in(list(_CAPITALS)))),
        lambda r, d: isinstance(d, dict) and 2 * int(d["in the capital"]) > int(d["of"]),
    ),
)

CLAIMS: tuple[Claim, ...] = (*_TABLE_CLAIMS, *EXTRA_CLAIMS)
"""Every claim the audit checks."""
