"""Spelling helpers for unit names: suffixes, county types, values of printed figures."""

from __future__ import annotations

import re

from baiqiang.core.plain.geo import REGION_ENGLISH

# Longest first, so that 自治县 wins over 县.
SUFFIXES: tuple[str, ...] = ("自治县", "自治旗", "市", "县", "区", "旗")

# 林区 and 特区 are suffixes of one unit each; elsewhere 林区 is 林 + 区 (金林区, 碑林区, 万柏林区).
SPECIAL_SUFFIXES: dict[str, tuple[str, str]] = {
    "神农架林区": ("神农架", "林区"),
    "六枝特区": ("六枝", "特区"),
}

COUNTY_TYPES: dict[str, str] = {
    "自治县": "自治县",
    "自治旗": "自治旗",
    "林区": "林区",
    "特区": "特区",
    "市": "县级市",
    "县": "县",
    "旗": "旗",
    "区": "市辖区",
}
COUNTY_TYPE_ENGLISH: dict[str, str] = {
    "自治县": "autonomous county",
    "自治旗": "autonomous banner",
    "林区": "forestry district",
    "特区": "special district",
    "县级市": "county-level city",
    "县": "county",
    "旗": "banner",
    "市辖区": "district",
}
"""Each county type (:data:`COUNTY_TYPES`' values) in English."""

CLUSTER_CATEGORY_ENGLISH: dict[str, str] = {
    "先进制造业集群": "advanced manufacturing cluster",
    "战略性新兴产业集群": "strategic emerging industry cluster",
    "创新型产业集群试点": "innovative industrial cluster pilot",
    "创新型产业集群试点（培育）": "innovative industrial cluster pilot (in cultivation)",
}
"""表4's categories (``category``: the programme that named the cluster) in English."""

CLUSTER_SCALE_ENGLISH: dict[str, str] = {
    "千亿级": "100 bn yuan class",
    "二千亿级": "200 bn yuan class",
    "三千亿级": "300 bn yuan class",
    "五千亿级": "500 bn yuan class",
}
"""表5's scales (``scale``: 千亿 is 1,000 × 100 m yuan, 100 bn) in English."""

TERMS_ENGLISH: dict[str, dict[str, str]] = {
    "region": REGION_ENGLISH,
    "county_type": COUNTY_TYPE_ENGLISH,
    "category": CLUSTER_CATEGORY_ENGLISH,
    "scale": CLUSTER_SCALE_ENGLISH,
}
"""The columns of Chinese terms, each with its terms in English: what English mode shows in
their place. Names (of places, of clusters) are not terms: they stay as the report writes them."""


TERMS_CHINESE: dict[str, dict[str, str]] = {
    "sector_group": {"emerging": "新兴产业", "traditional": "传统产业", "service": "服务业"},
}
"""The columns of terms held in English (表4's sector group, as the prose sorts them), each with
its terms in Chinese: what 中文 mode shows."""


def term(column: str, value: str, lang: str) -> str:
    """A value of a column as a language shows it: a term in English mode in English (东部 is
    East), one held in English in Chinese in 中文 mode (emerging is 新兴产业), anything else as
    it is."""
    table = TERMS_ENGLISH if lang == "en" else TERMS_CHINESE
    return table.get(column, {}).get(value, value)


def search_key(text: str) -> str:
    """Lower case without spaces, apostrophes and hyphens, ü written v: how pinyin is compared
    (lüshunkou and lvshunkou are one key)."""
    return re.sub(r"[\s'’\-]", "", text).casefold().replace("ü", "v")


def split_suffix(name: str) -> tuple[str, str]:
    """Splits a unit name into its base and its administrative suffix.

    Args:
        name: A county-level name such as 昆山市 or 伊金霍洛旗.

    Returns:
        ``(base, suffix)``; ``(name, "")`` when the name has no known suffix or the base would
        be empty.
    """
    if name in SPECIAL_SUFFIXES:
        return SPECIAL_SUFFIXES[name]
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, ""


ETHNIC_GROUPS: tuple[str, ...] = (
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
    "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
    "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
    "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
    "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)  # fmt: skip
"""The 56 peoples' names without 族 (汉 has no autonomous area)."""

_PEOPLES = "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True))
_AUTONOMOUS = re.compile(rf"^(.+?)(?:(?:{_PEOPLES}|各)族)*(?:{_PEOPLES}|各)族?自治(县|旗)$")
# a people before another is written with 族 (陵水黎族: 陵水, not 陵 and 水); the last may not be
# (和布克赛尔蒙古自治县); 各族 is "of all peoples" (龙胜各族自治县)


def autonomous_short(name: str) -> str | None:
    """An autonomous county's name as people shorten it, without its peoples (杜尔伯特蒙古族自治县
    → 杜尔伯特县, 大厂回族自治县 → 大厂县); None for another name."""
    found = _AUTONOMOUS.match(name)
    return f"{found[1]}{found[2]}" if found else None


_PARTS = re.compile(rf"^(.+?)((?:(?:{_PEOPLES}|各)族)*(?:{_PEOPLES}|各)族?)(自治(?:县|旗))$")


def autonomous_parts(name: str) -> list[str] | None:
    """An autonomous county's name in its parts: the place, each people, the suffix (围场满族蒙古族
    自治县 → 围场, 满族, 蒙古族, 自治县); None for another name."""
    found = _PARTS.match(name)
    if found is None:
        return None
    peoples = re.findall(rf"(?:{_PEOPLES}|各)族?", found[2])
    return [found[1], *peoples, found[3]]


def county_type(name: str) -> str:
    """The type of a county-level unit as its suffix tells it (县级市, 县, 旗, 市辖区 …)."""
    _, suffix = split_suffix(name)
    return COUNTY_TYPES.get(suffix, "")


# What the report counts as 县(市) (its footnote 1); 市辖区, 林区 and 特区 are not.
XIAN_SHI: tuple[str, ...] = ("县级市", "县", "自治县", "旗", "自治旗")

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def scale_min_yi(scale: str) -> int:
    """The lower bound in 亿元 of a 表5 scale label (千亿级 → 1000, 五千亿级 → 5000).

    Raises:
        ValueError: The label is not of the form [一…九]千亿级.
    """
    m = re.fullmatch(r"([一二三四五六七八九]?)千亿级", scale)
    if not m:
        raise ValueError(f"unknown scale label {scale!r}")
    return _CN_DIGITS.get(m.group(1), 1) * 1000


def figure_value(figure: str) -> float:
    """The numeric value of a figure as printed (700, 3.5, 1/6, 千亿, 十分之一, 八成, 半数).

    Raises:
        ValueError: The figure cannot be read.
    """
    if re.fullmatch(r"\d+(\.\d+)?", figure):
        return float(figure)
    if m := re.fullmatch(r"(\d+)/(\d+)", figure):
        return round(int(m.group(1)) / int(m.group(2)), 6)
    if m := re.fullmatch(r"([一二三四五六七八九])成", figure):
        return float(_CN_DIGITS[m.group(1)] * 10)
    if m := re.fullmatch(r"十分之([一二三四五六七八九])", figure):
        return _CN_DIGITS[m.group(1)] / 10
    if m := re.fullmatch(r"([一二三四五六七八九]?)千亿", figure):
        return 1000.0 * (_CN_DIGITS[m.group(1)] if m.group(1) else 1)
    if figure == "数千":  # "several thousand": at least a thousand
        return 1000.0
    if figure == "半数":  # half (of a count), as a percentage
        return 50.0
    raise ValueError(f"cannot read figure {figure!r}")


def display_width(text: str) -> int:
    """Terminal cells `text` takes: East Asian wide and full-width characters count two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)
