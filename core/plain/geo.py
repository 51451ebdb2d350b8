"""Provinces of mainland China: codes, spellings, English names and NBS regions.

The four regional blocs follow the National Bureau of Statistics (国家统计局) division into
东部, 中部, 西部 and 东北. Province codes are the first two digits of the GB/T 2260
administrative division code, which also gives the conventional order used by the report's
figures (图22 lists provinces in this order).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Province:
    """One provincial-level unit.

    Attributes:
        code: The two-digit GB/T 2260 code.
        short: The short name used as the canonical key (江苏, 内蒙古).
        official: The full official name (江苏省, 内蒙古自治区).
        english: The English name (Jiangsu, Inner Mongolia).
        region: The NBS regional bloc (东部, 中部, 西部, 东北).
    """

    code: str
    short: str
    official: str
    english: str
    region: str


PROVINCES: tuple[Province, ...] = (
    Province("11", "北京", "北京市", "Beijing", "东部"),
    Province("12", "天津", "天津市", "Tianjin", "东部"),
    Province("13", "河北", "河北省", "Hebei", "东部"),
    Province("14", "山西", "山西省", "Shanxi", "中部"),
    Province("15", "内蒙古", "内蒙古自治区", "Inner Mongolia", "西部"),
    Province("21", "辽宁", "辽宁省", "Liaoning", "东北"),
    Province("22", "吉林", "吉林省", "Jilin", "东北"),
    Province("23", "黑龙江", "黑龙江省", "Heilongjiang", "东北"),
    Province("31", "上海", "上海市", "Shanghai", "东部"),
    Province("32", "江苏", "江苏省", "Jiangsu", "东部"),
    Province("33", "浙江", "浙江省", "Zhejiang", "东部"),
    Province("34", "安徽", "安徽省", "Anhui", "中部"),
    Province("35", "福建", "福建省", "Fujian", "东部"),
    Province("36", "江西", "江西省", "Jiangxi", "中部"),
    Province("37", "山东", "山东省", "Shandong", "东部"),
    Province("41", "河南", "河南省", "Henan", "中部"),
    Province("42", "湖北", "湖北省", "Hubei", "中部"),
    Province("43", "湖南", "湖南省", "Hunan", "中部"),
    Province("44", "广东", "广东省", "Guangdong", "东部"),
    Province("45", "广西", "广西壮族自治区", "Guangxi", "西部"),
    Province("46", "海南", "海南省", "Hainan", "东部"),
    Province("50", "重庆", "重庆市", "Chongqing", "西部"),
    Province("51", "四川", "四川省", "Sichuan", "西部"),
    Province("52", "贵州", "贵州省", "Guizhou", "西部"),
    Province("53", "云南", "云南省", "Yunnan", "西部"),
    Province("54", "西藏", "西藏自治区", "Tibet", "西部"),
    Province("61", "陕西", "陕西省", "Shaanxi", "西部"),
    Province("62", "甘肃", "甘肃省", "Gansu", "西部"),
    Province("63", "青海", "青海省", "Qinghai", "西部"),
    Province("64", "宁夏", "宁夏回族自治区", "Ningxia", "西部"),
    Province("65", "新疆", "新疆维吾尔自治区", "Xinjiang", "西部"),
)

REGIONS: tuple[str, ...] = ("东部", "中部", "西部", "东北")
REGION_ENGLISH: dict[str, str] = {
    "东部": "East",
    "中部": "Central",
    "西部": "West",
    "东北": "Northeast",
}

_BY_SHORT = {p.short: p for p in PROVINCES}


def _spellings(p: Province) -> set[str]:
    forms = {p.short, p.official, p.english, p.code}
    if p.official.endswith("省"):
        forms.add(p.short + "省")
    if p.official.endswith("自治区"):
        forms.add(p.short + "自治区")
    if p.short == "内蒙古":
        forms.add("Nei Mongol")
    if p.short == "陕西":
        forms.add("Shaanxi")
    return {f.casefold().replace(" ", "") for f in forms}


_LOOKUP: dict[str, Province] = {s: p for p in PROVINCES for s in _spellings(p)}


def find_province(text: str) -> Province | None:
    """Finds a province by any of its spellings.

    Args:
        text: 江苏, 江苏省, Jiangsu, jiangsu, 32, 广西壮族自治区, 广西自治区 … .

    Returns:
        The province, or None when the text names none.
    """
    return _LOOKUP.get(text.strip().casefold().replace(" ", ""))


def province_of_printed(printed: str) -> Province:
    """Maps a province as the report prints it (江苏省, 内蒙古, 新疆) to its record.

    Raises:
        KeyError: The report's spelling is unknown.
    """
    found = find_province(printed)
    if found is None:
        raise KeyError(printed)
    return found


def province_by_short(short: str) -> Province:
    """Returns the province whose short name is `short`."""
    return _BY_SHORT[short]


def all_province_spellings() -> list[str]:
    """Every accepted spelling, for "did you mean" suggestions."""
    out: list[str] = []
    for p in PROVINCES:
        out += [p.short, p.official, p.english]
    return out
