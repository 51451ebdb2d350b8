"""Writes the built-in dataset ``census2020`` — the 2020 census (第七次全国人口普查) county table —
into ``data/datasets/census2020/``.

Usage::

    python -m baiqiang.core.build.census census_county_2020_v1.xlsx data/ [--force]

The source is ``census_county_2020_v1.xlsx`` of `leiii/census <https://github.com/leiii/census>`_
(Lei Dong et al., MIT; its LICENSE is copied beside the data): 3,358 rows × 153 columns digitised
from the county volumes of the census. It is read as a user's file is (:mod:`baiqiang.core.indicators`)
— through the matcher, as of the end of 2020 — with two decisions a user would make by options:

- a row whose code is of 2020 and whose name is its unit's older one, where the two are not one
  unit whole (水城县 with 水城区's 520204: 水城区 was made in 2020 of 水城县 and a part of 钟山区), is
  read by its code: the census counted on 1 November 2020, with that year's codes (``trust=code``);
- a unit formed by a merger after the census (孟津区 of 孟津县 and 吉利区, 2021) gets its parts'
  counts added up, and its rates worked out again from them (:data:`RATES`), as the census
  publication's own adjustment does; a rate with no base in the table to weigh it by is left
  blank for such a unit, and said so.

Every other value is the source's, unchanged. Eight figures an analyst reads first are added
(:data:`HEADLINE`), each worked out from the source's columns as its note says.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import polars as pl

from baiqiang.core.build.extract import ExtractError
from baiqiang.core.build.sources import CENSUS2020
from baiqiang.core.indicators.model import Column, Dataset, ImportOptions
from baiqiang.core.matching import RowOutcome, RowReport

NAME = "census2020"
ABOUT = (
    "第七次全国人口普查 (2020 census) county table, census_county_2020_v1.xlsx of "
    "https://github.com/leiii/census (Lei Dong et al.), digitised from the census's county "
    "publications; read as of the end of 2020 and joined to the units of 2021 by baiqiang"
)
LICENCE = "MIT (Copyright (c) 2022 Lei Dong); the text is in LICENSE beside this dataset"

_AGES = ["0岁", "1到4岁", "5到9岁", "10到14岁", "15到19岁", "20到24岁", "25到29岁", "30到34岁", "35到39岁"]
_AGES += ["40到44岁", "45到49岁", "50到54岁", "55到59岁", "60到64岁", "65到69岁", "70到74岁", "75到79岁"]
_AGES += ["80到84岁", "85岁以上"]
_OVER_15 = _AGES[4:]
_WOMEN_15_64 = [f"女_{a}" for a in _AGES[4:14]]


def _aged(sex: str, ages: list[str]) -> pl.Expr:
    sexes = ("男", "女") if sex == "" else (sex,)
    return pl.sum_horizontal(pl.col(f"{s}_{a}") for s in sexes for a in ages)


@dataclass(frozen=True)
class Rate:
    """How a rate of a unit formed by a merger is worked out from its parts' rows.

    Attributes:
        expr: From the parts' rows (a frame of them): the unit's value.
        how: What it is, in words (the column's note).
    """

    expr: pl.Expr
    how: str


def _ratio(num: pl.Expr, den: pl.Expr, scale: float = 1.0) -> pl.Expr:
    return (num.sum() / den.sum() * scale).round(2)


def _weighted(column: str, weight: pl.Expr) -> pl.Expr:
    return ((pl.col(column) * weight).sum() / weight.sum()).round(2)


def _rates() -> dict[str, Rate]:
    pop = pl.col("人口数_合计")
    over15 = {s: _aged(s, _OVER_15) for s in ("", "男", "女")}
    out: dict[str, Rate] = {
        "性别比（女=100）": Rate(_ratio(pl.col("人口数_男"), pl.col("人口数_女"), 100), "men per 100 women"),
        "少数民族人口比重": Rate(_weighted("少数民族人口比重", pop), "weighted by population"),
        "户规模": Rate(
            _ratio(pl.col("家庭户人口数"), pl.col("家庭户数")), "family-household people per household"
        ),
        "平均每户住房间数": Rate(
            _weighted("平均每户住房间数", pl.col("家庭户户数_长表")), "weighted by households (long form)"
        ),
        "15-64岁妇女平均活产子女数": Rate(
            _weighted("15-64岁妇女平均活产子女数", pl.sum_horizontal(pl.col(c) for c in _WOMEN_15_64)),
            "weighted by women aged 15–64",
        ),
        "15-64岁妇女平均存活子女数": Rate(
            _weighted("15-64岁妇女平均存活子女数", pl.sum_horizontal(pl.col(c) for c in _WOMEN_15_64)),
            "weighted by women aged 15–64",
        ),
    }
    for share in ("人口比重_0-14岁", "人口比重_15-64岁", "人口比重_65岁及以上", "人口比重_15-49岁育龄妇女"):
        out[share] = Rate(_weighted(share, pop), "weighted by population")
    for suffix, sex in (("_合计", ""), ("_男", "男"), ("_女", "女")):
        out[f"平均受教育年限{suffix}"] = Rate(
            _weighted(f"平均受教育年限{suffix}", over15[sex]), "weighted by people aged 15 and over"
        )
        tail = "" if suffix == "_合计" else suffix
        out[f"文盲占15岁及以上人口比重{tail}"] = Rate(
            _ratio(pl.col(f"15岁及以上文盲人口{tail}"), over15[sex], 100),
            "illiterate per 100 people aged 15+",
        )
    return out


RATES = _rates()
"""The source's rates and averages, for a unit formed by a merger: worked out from its parts."""
NO_BASE = {"人均住房建筑面积": "floor space per person of the long form's households: no base to weigh by"}
"""Rates left blank for a unit formed by a merger: the table holds nothing to weigh them by."""


def _unit(name: str) -> str:
    """A source column's unit, by what it counts (人, 户; 人（长表）: of the 10% long-form sample)."""
    long_form_people = (
        "各种职业人口总计",
        "各种行业人口总计",
        "十五岁以上人口",
        "未婚",
        "有配偶",
        "离婚",
        "丧偶",
    )
    long_form_industries: tuple[str, ...] = (
        "农林牧渔业",
        "采矿业",
        "制造业",
        "电力",
        "建筑业",
        "批发",
        "交通",
        "住宿",
        "信息",
        "金融",
    )
    long_form_industries += (
        "房地产业",
        "租赁",
        "科学",
        "水利",
        "居民服务",
        "教育",
        "卫生",
        "文化",
        "公共管理",
        "国际组织",
    )
    occupations = (
        "党的机关",
        "专业技术人员",
        "办事人员",
        "社会生产服务",
        "农林牧渔业生产",
        "生产制造",
        "不便分类",
    )
    rules: list[tuple[Callable[[str], bool], str]] = [
        (lambda n: n.startswith("性别比"), "女=100"),
        (lambda n: "比重" in n, "%"),
        (lambda n: n == "户规模", "人/户"),
        (lambda n: n.startswith("平均受教育年限"), "年"),
        (lambda n: n.startswith("15-64岁妇女平均"), "个"),
        (lambda n: n == "平均每户住房间数", "间/户"),
        (lambda n: n == "人均住房建筑面积", "平方米/人"),
        (lambda n: n.startswith(("住房", "拥有家用汽车")) or n == "家庭户户数_长表", "户（长表）"),
        (lambda n: n.startswith(long_form_people + occupations + long_form_industries), "人（长表）"),
        (lambda n: "户数" in n or n.startswith("有") or n == "家庭户户数", "户"),
    ]
    return next((unit for test, unit in rules if test(name)), "人")


_WORDS = {
    "人口数": "population", "合计": "total", "男": "men", "女": "women", "城镇人口": "urban population",
    "乡村人口": "rural population", "城区人口": "population of the urban area", "家庭户数": "family households",
    "家庭户人口数": "people in family households", "户规模": "household size", "一人户数": "one-person households",
    "一代户数": "one-generation households", "二代户数": "two-generation households",
    "三代户数": "three-generation households", "四代以上户数": "households of four generations or more",
    "少数民族人口比重": "share of ethnic minorities", "性别比（女=100）": "sex ratio (women = 100)",
    "人口比重": "share of population", "育龄妇女": "women of childbearing age",
    "有65岁及以上老年人口的户数": "households with people aged 65+", "有一个老人": "households with one elder",
    "有二个老人": "households with two elders", "有三个及以上老人": "households with three or more elders",
    "户口登记地在外乡镇街道人口": "registered in another township", "本县": "same county",
    "本省其他县": "another county of the province", "省外": "another province",
    "未上过学": "never schooled", "学前教育": "pre-school", "小学": "primary school", "初中": "junior secondary",
    "高中": "senior secondary", "大学专科": "college", "本科及以上": "university and above",
    "平均受教育年限": "average years of schooling", "15岁及以上文盲人口": "illiterate aged 15+",
    "文盲占15岁及以上人口比重": "illiteracy rate, aged 15+", "各种职业人口总计": "employed, by occupation (total)",
    "党的机关国家机关群众团体和社会组织企事业单位负责人": "heads of organisations and enterprises",
    "专业技术人员": "professionals", "办事人员和有关人员": "clerks", "社会生产服务和生活服务人员": "service workers",
    "农林牧渔业生产及辅助人员": "farming, forestry and fishery workers", "生产制造及有关人员": "production workers",
    "不便分类其他的从业人员": "other workers", "各种行业人口总计": "employed, by industry (total)",
    "农林牧渔业": "agriculture", "采矿业": "mining", "制造业": "manufacturing",
    "电力热力燃气及水生产和供应业": "utilities", "建筑业": "construction", "批发和零售业": "wholesale and retail",
    "交通运输仓储和邮政业": "transport and post", "住宿和餐饮业": "hotels and catering",
    "信息传输软件和信息技术服务业": "information technology", "金融业": "finance", "房地产业": "real estate",
    "租赁和商务服务业": "leasing and business services", "科学研究和技术服务业": "research and technical services",
    "水利环境和公共设施管理业": "water, environment and public facilities",
    "居民服务修理和其服务业": "household services and repair", "教育": "education",
    "卫生和社会工作": "health and social work", "文化体育和娱乐业": "culture, sport and entertainment",
    "公共管理社会保障和社会组织": "public administration", "国际组织": "international organisations",
    "十五岁以上人口": "aged 15+ (long form)", "未婚": "never married", "有配偶": "married", "离婚": "divorced",
    "丧偶": "widowed", "15-64岁妇女平均活产子女数": "live births per woman aged 15–64",
    "15-64岁妇女平均存活子女数": "surviving children per woman aged 15–64", "家庭户户数": "family households",
    "平均每户住房间数": "rooms per household", "人均住房建筑面积": "floor space per person",
    "长表": "long form", "住房內有管道自来水": "homes with piped water", "住房內有厨房": "homes with a kitchen",
    "住房內有厕所": "homes with a toilet", "住房内有洗澡设施": "homes with a bath or shower",
    "住房所在建筑有电梯": "homes in buildings with a lift", "拥有家用汽车": "households with a car",
    "住房来源": "homes", "租赁": "rented", "自建": "self-built", "购买": "bought", "继承或赠予": "inherited or given",
    "其他": "other",
}  # fmt: skip


def label_en(name: str) -> str:
    """A source column's name in English (男_0岁 → men, aged 0; 住房来源_租赁 → homes: rented)."""
    if name in _WORDS:
        return _WORDS[name]
    head, _, tail = name.partition("_")
    if tail and (head in ("男", "女")) and tail[0].isdigit():
        span = tail.replace("到", "–").replace("岁以上", "+").removesuffix("岁")
        return f"{_WORDS[head]}, aged {span}"
    if head == "人口比重":
        return (
            f"share aged {tail.replace('岁及以上', '+').removesuffix('岁')}"  # 65岁及以上 → 65+
            if "育龄" not in tail
            else "share of women aged 15–49"
        )
    if head in _WORDS and tail in _WORDS:
        return f"{_WORDS[head]}: {_WORDS[tail]}"
    raise ExtractError(f"no English name for the census column {name!r}")


def _english_only(name: str, english: str) -> str:
    """`english`, refused where a Chinese character is left in it (share aged 65岁+)."""
    if re.search(r"[\u3000-\u9fff\uff00-\uffef]", english):
        raise ExtractError(f"the English name of the census column {name!r} keeps Chinese: {english!r}")
    return english


@dataclass(frozen=True)
class Headline:
    """A figure worked out from the source's columns, shown first.

    Attributes:
        name: Its column's name (for scripts: ``--columns name,population``).
        label: Its name in Chinese.
        label_en: Its name in English.
        unit: Its unit.
        expr: From the source's columns.
        note: How.
    """

    name: str
    label: str
    label_en: str
    unit: str
    expr: pl.Expr
    note: str


def _share(num: pl.Expr, den: pl.Expr) -> pl.Expr:
    return (num / den * 100).round(2)


HEADLINE = [
    Headline("population", "常住人口", "population", "人", pl.col("人口数_合计"), "人口数_合计"),
    Headline(
        "urbanisation_rate", "城镇化率", "urbanisation rate", "%",
        _share(pl.col("城镇人口"), pl.col("人口数_合计")), "城镇人口 / 人口数_合计 × 100",
    ),
    Headline(
        "aged_65_share", "65岁及以上人口占比", "share aged 65+", "%", pl.col("人口比重_65岁及以上"),
        "人口比重_65岁及以上 (the census's own)",
    ),
    Headline(
        "aged_0_14_share", "0-14岁人口占比", "share aged 0–14", "%", pl.col("人口比重_0-14岁"),
        "人口比重_0-14岁 (the census's own)",
    ),
    Headline(
        "schooling_years", "平均受教育年限", "average years of schooling", "年", pl.col("平均受教育年限_合计"),
        "平均受教育年限_合计 (people aged 15+, the census's own)",
    ),
    Headline(
        "university_share", "大学文化程度人口占比", "share with a university education", "%",
        _share(
            pl.sum_horizontal("大学专科_男", "大学专科_女", "本科及以上_男", "本科及以上_女"), pl.col("人口数_合计")
        ),
        "(大学专科 + 本科及以上, men and women) / 人口数_合计 × 100, as the census's 每十万人口中大学文化程度人数 / 1000",
    ),
    Headline(
        "manufacturing_share", "制造业就业占比", "share of employment in manufacturing", "%",
        _share(pl.col("制造业"), pl.col("各种行业人口总计")), "制造业 / 各种行业人口总计 × 100 (long form)",
    ),
    Headline(
        "household_size", "平均家庭户规模", "average household size", "人/户",
        (pl.col("家庭户人口数") / pl.col("家庭户数")).round(2), "家庭户人口数 / 家庭户数",
    ),
]  # fmt: skip
"""The figures shown first: in ``show``, in the explorer's 全部区县."""


def build(source: Path, data_dir: Path) -> tuple[pl.DataFrame, Dataset, pl.DataFrame]:
    """The dataset's values, description and per-row report (line, text, outcome, adcode, name,
    note) from the source, matched to the units of `data_dir`.

    Raises:
        ExtractError: The source is not the table this expects, or its units are not matched as
            they must be (fewer than 2,835 of the 2,843 with values).
    """
    from baiqiang.core.catalog import make_catalog
    from baiqiang.core.indicators.importer import read_dataset
    from baiqiang.core.indicators.service import report_frame
    from baiqiang.core.matching import places

    CENSUS2020.check(source)
    catalog = make_catalog(data_dir)
    options = ImportOptions(year=2020, trust="code", merge="sum")
    values, result = read_dataset(source, places(catalog), name=NAME, options=options)
    raw = _source_numbers(source)
    names = [c.name for c in result.dataset.columns]
    if "人口数_合计" not in names or len(names) != 149:
        raise ExtractError(f"{source.name} is not the census table this expects ({len(names)} columns)")
    values = _merged_units(values, raw, result.reports, names)
    values = values.with_columns(h.expr.alias(h.name) for h in HEADLINE)
    units = values["adcode"].n_unique()
    if units < 2835 or units != values.height:
        raise ExtractError(f"only {units} units with census values (2,835 at least, one row each)")
    values = values.select("adcode", "year", *[h.name for h in HEADLINE], *names).sort("adcode")
    columns = [
        Column(
            h.name, h.unit, h.note, int(values[h.name].is_not_null().sum()), label=h.label, label_en=h.label_en,
            note=h.note, headline=True,
        )
        for h in HEADLINE
    ] + [
        replace(
            c,
            unit=_unit(c.name),
            values=int(values[c.name].is_not_null().sum()),
            label_en=_english_only(c.name, label_en(c.name)),
            note=_note(c.name),
        )
        for c in result.dataset.columns
    ]  # fmt: skip
    dataset = replace(
        result.dataset,
        sha256=hashlib.sha256(source.read_bytes()).hexdigest(),
        imported_at="",
        columns=columns,
        rows=values.height,
        units=units,
        built_in=True,
        about=ABOUT,
        licence=LICENCE,
    )
    return values, dataset, report_frame(result.table)


def gaps(values: pl.DataFrame, report: pl.DataFrame, divisions: pl.DataFrame) -> dict[str, dict[str, str]]:
    """Each unit without a value, and why (``note``, ``note_zh``): the rows of the file that name
    it (a part of it, a unit it is a part of), or that the table has none."""
    have = set(values["adcode"])
    out: dict[str, dict[str, str]] = {}
    for adcode, name in divisions.select("adcode", "name").iter_rows():
        if adcode in have:
            continue
        found = report.filter(
            (pl.col("adcode") == adcode) | pl.col("note").str.contains(f"({adcode})", literal=True)
        ).to_dicts()
        what = {"merged": "only a part of it", "split": "split between it and another unit"}
        said = [f"{r['text']} ({what.get(r['outcome'], r['outcome'])})" for r in found]
        rows = "、".join(dict.fromkeys(r["text"] for r in found))
        out[adcode] = (
            {
                "note": f"no value: the census counted its land in the units of 2020 — {', '.join(said)} — and a part is not the whole",
                "note_zh": f"无数值：普查表按当时的区划统计（{rows}），与{name}的范围不同，部分不等于整体",
            }
            if found
            else {
                "note": f"no value: the census table has no row for {name}",
                "note_zh": f"无数值：普查表中没有{name}",
            }
        )
    return out


def _note(name: str) -> str:
    if name in RATES:
        return f"for a unit formed by a merger since: worked out from its parts ({RATES[name].how})"
    if name in NO_BASE:
        return f"blank for a unit formed by a merger since ({NO_BASE[name]})"
    return ""


def _source_numbers(source: Path) -> pl.DataFrame:
    """The source's rows as numbers, with ``line`` (the row's number in the sheet)."""
    import fastexcel

    sheet = fastexcel.read_excel(source).load_sheet(0).to_polars()
    return sheet.with_row_index("line", offset=2).with_columns(
        pl.col(c).cast(pl.Float64, strict=False) for c in sheet.columns[4:]
    )


def _merged_units(
    values: pl.DataFrame, raw: pl.DataFrame, reports: list[RowReport], names: list[str]
) -> pl.DataFrame:
    """The rows of the units formed by a merger (``summed``: counts added up by the importer)
    with their rates worked out again from the parts (or blank, where nothing weighs them)."""
    parts: dict[str, list[int]] = {}
    for r in reports:
        if r.outcome == RowOutcome.SUMMED:
            parts.setdefault(r.adcode, []).append(r.line)
    fixed = []
    for adcode, lines in sorted(parts.items()):
        rows = raw.filter(pl.col("line").is_in(lines)).rename(
            {c: n for c, n in zip(raw.columns[5:], names, strict=True)}
        )
        if rows.height != len(lines):
            raise ExtractError(f"the parts of {adcode} are not the rows {lines}")
        worked = rows.select(
            *[rate.expr.fill_nan(None).alias(n) for n, rate in RATES.items()],  # 0 / 0: nothing to weigh
            *[pl.lit(None, pl.Float64).alias(n) for n in NO_BASE],
        )
        fixed.append(worked.with_columns(pl.lit(adcode).alias("adcode")))
    if not fixed:
        return values
    redone = pl.concat(fixed)
    kept = values.filter(~pl.col("adcode").is_in(redone["adcode"].implode()))
    summed = values.filter(pl.col("adcode").is_in(redone["adcode"].implode())).drop([*RATES, *NO_BASE])
    return pl.concat([kept, summed.join(redone, on="adcode").select(values.columns)]).sort("adcode")


def write(source: Path, data_dir: Path, *, force: bool = False) -> Path:
    """Builds the dataset and writes it (atomically) with its report and licence.

    Raises:
        ExtractError: It exists and `force` is not set, or the build failed.
    """
    from baiqiang.core.indicators.store import save

    root = data_dir / "datasets"
    if (root / NAME).exists() and not force:
        raise ExtractError(f"{root / NAME} exists; pass --force to replace it")
    values, dataset, report = build(source, data_dir)
    target = save(values, dataset, replace=True, root=root, small=True)
    report.write_csv(target / "rows.csv")
    divisions = pl.read_csv(data_dir / "divisions.csv", infer_schema=False)
    (target / "gaps.json").write_text(
        json.dumps(gaps(values, report, divisions), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    shutil.copyfile(source.parent / "LICENSE", data_dir / CENSUS2020.licence_file)
    (target / "dataset.json").write_text(
        json.dumps(dataset.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return target


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: ``python -m baiqiang.core.build.census SOURCE.xlsx DATA_DIR [--force]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    force = "--force" in args
    args = [a for a in args if a != "--force"]
    if len(args) != 2:
        print(
            "usage: python -m baiqiang.core.build.census census_county_2020_v1.xlsx DATA_DIR [--force]",
            file=sys.stderr,
        )
        return 2
    try:
        target = write(Path(args[0]), Path(args[1]), force=force)
    except (ExtractError, OSError) as exc:
        print(f"census: error: {exc}", file=sys.stderr)
        return 1
    print(f"census: written to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
