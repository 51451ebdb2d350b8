"""Extracts the report's tables and curated figures into the files under ``data/``.

Usage::

    python -m baiqiang.core.build.extract REPORT.txt data/ [--force]

The committed ``data/`` is this program's output; ``tests/core/test_extract.py`` re-runs it and
compares every file byte for byte. Only this module (and that test) reads the report's text.
Existing files that would change are left alone unless ``--force`` is given; every file is
written atomically.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from baiqiang.core.build import curated, english, figures
from baiqiang.core.export import write_bytes
from baiqiang.core.plain import geo
from baiqiang.core.plain.errors import BaiqiangError
from baiqiang.core.plain.names import autonomous_parts, county_type, figure_value, scale_min_yi, split_suffix
from baiqiang.core.plain.tables import GROUPS, REPORT, TABLES

RANKING_FILES = {
    t: (TABLES[t].file, rf"表\s*{TABLES[t].number}\s+{REPORT.year}\s*年{re.escape(TABLES[t].name[:7])}")
    for t in ("industrial-counties", "innovation-counties", "industrial-districts")
}
"""The lists' files and their captions in the report's text (表1 2022 年中国工业百强县 …)."""

# Readings in place names that pypinyin's defaults get wrong: 长 is cháng (长葛, 长垣, 长兴),
# 勒 is lè (库尔勒). Applied first; the phrase readings below win over them.
_CHAR_READINGS = {"长": "chang", "勒": "le"}

# Place names whose characters have several readings and that pypinyin, even with CC-CEDICT's
# phrases (pypinyin-dict), still reads wrong. Each was reviewed against the place's own article,
# which gives its pinyin: https://en.wikipedia.org/wiki/<the article named>.
PLACE_READINGS: dict[str, tuple[str, ...]] = {
    "长子": ("zhang", "zi"),  # Zhangzi County (长子县 Zhǎngzǐ)
    "郫都": ("pi", "du"),  # Pidu District (郫都区 Pídū)
    "筠连": ("jun", "lian"),  # Junlian County (筠连县 Jūnlián)
    "宕昌": ("tan", "chang"),  # Tanchang County (宕昌县 Tànchāng)
    # Where CC-CEDICT's phrases read a place name as the common word (栖霞 as 栖 xī …):
    "栖霞": ("qi", "xia"),  # Qixia (栖霞市 Qīxiá)
    "中牟": ("zhong", "mu"),  # Zhongmu County (中牟县 Zhōngmù)
    "石鼓": ("shi", "gu"),  # Shigu District (石鼓区 Shígǔ)
    "六枝": ("liu", "zhi"),  # Liuzhi Special District (六枝特区 Liùzhī)
    "色达": ("se", "da"),  # Sêrtar County (色达县 Sèdá)
    "扎囊": ("zha", "nang"),  # Zhanang County (扎囊县 Zhānang)
    "称多": ("cheng", "duo"),  # Chindu County (称多县 Chēngduō)
    "麦盖提": ("mai", "gai", "ti"),  # Markit County (麦盖提县 Màigàití)
    "襄都": ("xiang", "du"),  # Xiangdu District (襄都区 Xiāngdū)
    "信都": ("xin", "du"),  # Xindu District, Xingtai (信都区 Xìndū)
    # Found by an independent read of the readings (issue 20):
    "民乐": ("min", "le"),  # Minle County (民乐县 Mínlè)
    "扎鲁特": ("zha", "lu", "te"),  # Jarud Banner (扎鲁特旗 Zhālǔtè Qí)
    "康巴什": ("kang", "ba", "shi"),  # Kangbashi District (康巴什区 Kāngbāshí)
    "万柏林": ("wan", "bai", "lin"),  # Wanbailin District (万柏林区 Wànbǎilín)
    "绥棱": ("sui", "ling"),  # Suiling County (绥棱县 Suílíng, from the Manchu name of its mountain)
    "龙圩": ("long", "xu"),  # Longxu District (龙圩区 Lóngxū: 圩 is xū, a market, in the south)
    "红寺堡": ("hong", "si", "bu"),  # Hongsibu District (红寺堡区 Hóngsìbǔ: 堡 is bǔ in place names)
    # 丹棱 is heard both as Dānléng and Dānlíng. Kept as Danleng: the county's article gives Dānléng,
    # and the dictionary's líng for 棱 is for 穆棱 (Muling) alone. Written here so that a change
    # of pypinyin's data cannot change it unseen.
    "丹棱": ("dan", "leng"),  # Danleng County (丹棱县 Dānléng)
}

_PHRASES_LOADED = False


def _readings(name: str) -> list[str]:
    """A name's syllables: pypinyin with CC-CEDICT's phrases, our character and place readings."""
    global _PHRASES_LOADED
    from pypinyin import lazy_pinyin

    if not _PHRASES_LOADED:  # CC-CEDICT's phrase readings (花都 huadu, 单县 shan, 浚县 xun …)
        from pypinyin_dict.phrase_pinyin_data import cc_cedict

        cc_cedict.load()
        _PHRASES_LOADED = True
    syllables = lazy_pinyin(name, v_to_u=True)  # ü as ü: Lüshunkou (search keys write it v)
    if len(syllables) != len(name):
        raise ExtractError(f"unexpected characters in name {name!r}")
    syllables = [_CHAR_READINGS.get(ch, syl) for ch, syl in zip(name, syllables, strict=True)]
    for place, reading in PLACE_READINGS.items():
        at = name.find(place)
        if at >= 0:
            syllables[at : at + len(place)] = list(reading)
    return syllables


Outputs = dict[str, "pl.DataFrame | dict[str, object]"]


class ExtractError(Exception):
    """The report's text is not what the extractor expects."""


@dataclass(frozen=True)
class Report:
    """The report's text split into lines, with a searchable flat copy.

    Attributes:
        lines: The lines of the text.
        flat: The body's text with line breaks and ``**`` markers removed, for finding quotes.
        sections: ``(offset into flat, section path)`` pairs in ascending order.
        sha256: The digest of the text file.
    """

    lines: list[str]
    flat: str
    sections: list[tuple[int, str]]
    sha256: str


_PART = re.compile(r"^(第[一二三]篇|专题篇)\s*\S")
_CHAPTER = re.compile(r"^[一二三四五六七八九十]+、\S")
_SUB = re.compile(r"^[（(][一二三四五六七八九十]+[）)]\s*\S")


def flatten(text: str) -> str:
    """Removes what the PDF's text layer adds to prose: line breaks and ``**`` bold markers."""
    return "".join(line.strip() for line in text.replace("**", "").splitlines())


def read_report(path: Path) -> Report:
    """Reads the report's text and indexes its sections.

    Raises:
        ExtractError: The file cannot be read as UTF-8.
    """
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ExtractError(f"cannot read {path}: {exc}") from exc
    lines = text.splitlines()
    pieces: list[str] = []
    sections: list[tuple[int, str]] = []
    offset = 0
    part = chapter = sub = ""
    for line in lines:
        s = line.strip()
        is_heading = "\t" not in s and "....." not in s and len(s) < 40
        if is_heading and _PART.match(s):
            part, chapter, sub = s, "", ""
            sections.append((offset, part))
        elif is_heading and part and _CHAPTER.match(s):
            chapter, sub = s, ""
            sections.append((offset, f"{part} › {chapter}"))
        elif is_heading and part and _SUB.match(s):
            sub = s
            sections.append((offset, f"{part} › {chapter} › {sub}"))
        piece = s.replace("**", "")
        pieces.append(piece)
        offset += len(piece)
    return Report(lines, "".join(pieces), sections, hashlib.sha256(raw).hexdigest())


def section_of(report: Report, quote: str) -> str:
    """The section of the report's body in which `quote` first stands.

    Raises:
        ExtractError: The quote is not in the report's body.
    """
    body_start = report.sections[0][0] if report.sections else 0
    pos = report.flat.find(flatten(quote), body_start)
    if pos < 0:
        raise ExtractError(f"quote not found in the report: {quote[:40]}…")
    current = ""
    for offset, name in report.sections:
        if offset > pos:
            break
        current = name
    return current


def _table_rows(lines: list[str], caption: str, width: int) -> list[list[str]]:
    """The rows of the table whose caption line matches `caption`, up to its 来源 line."""
    starts = [i for i, line in enumerate(lines) if re.match(caption, line.strip()) and "\t" not in line]
    if len(starts) != 1:
        raise ExtractError(f"expected one table caption matching {caption!r}, found {len(starts)}")
    rows: list[list[str]] = []
    for line in lines[starts[0] + 1 :]:
        if line.strip().startswith("来源"):
            break
        cells = line.strip().split("\t")
        if cells and cells[0].isdigit():
            if len(cells) != width:
                raise ExtractError(f"row with {len(cells)} cells in {caption!r}: {line!r}")
            rows.append([c.strip() for c in cells])
    return rows


def pinyin_of(name: str) -> tuple[str, str]:
    """Full pinyin (Kunshan Shi, Zhun'ge'er Qi, Changbai Chaoxianzu Zizhixian) and initials (kss)
    of a name: a word for the place, one for each people of an autonomous county, one for the
    suffix."""
    syllables = _readings(name)
    parts = autonomous_parts(name)
    if parts is None:
        base, suffix = split_suffix(name)
        parts = [base, suffix] if suffix else [base]

    def word(sylls: list[str]) -> str:
        out = ""
        for i, syl in enumerate(sylls):
            out += ("'" if i and syl[0] in "aoe" else "") + syl
        return out.capitalize()

    words, at = [], 0
    for part in parts:
        words.append(word(syllables[at : at + len(part)]))
        at += len(part)
    return " ".join(words), "".join(s[0] for s in syllables)


def _tiers(report: Report) -> pl.DataFrame:
    found = re.findall(r"(\d+)-(\d+)\s*名构成(?:的)?第([一二三四])梯队", report.flat)
    if len(found) != 4:
        raise ExtractError(f"expected the four 梯队 definitions, found {len(found)}")
    order = "一二三四"
    rows = sorted((order.index(t) + 1, int(a), int(b)) for a, b, t in found)
    if [r[0] for r in rows] != [1, 2, 3, 4]:
        raise ExtractError("the 梯队 definitions are not 第一…第四")
    return pl.DataFrame(
        {
            "tier": [r[0] for r in rows],
            "tier_name": [f"第{order[r[0] - 1]}梯队" for r in rows],
            "first_rank": [r[1] for r in rows],
            "last_rank": [r[2] for r in rows],
        },
        schema={"tier": pl.Int64, "tier_name": pl.String, "first_rank": pl.Int64, "last_rank": pl.Int64},
    )


def _ranking(rows: list[list[str]], tiers: pl.DataFrame | None, kind: str) -> pl.DataFrame:
    ranks = [int(r[0]) for r in rows]
    if ranks != list(range(1, 101)):
        raise ExtractError(f"{kind}: ranks are not 1…100")
    records = []
    for rank, province, prefecture, printed in rows:
        name = printed.replace("★", "")
        p = geo.province_of_printed(province)
        py, initials = pinyin_of(name)
        rec: dict[str, object] = {
            "rank": int(rank),
            "name": name,
            "province": province,
            "prefecture": prefecture,
            "province_first": printed.endswith("★"),
            "region": p.region,
        }
        if tiers is not None:
            tier = tiers.filter((pl.col("first_rank") <= int(rank)) & (pl.col("last_rank") >= int(rank)))
            rec["tier"] = int(tier["tier"][0])
        rec.update(
            county_type=county_type(name),
            province_short=p.short,
            province_en=p.english,
            pinyin=py,
            initials=initials,
        )
        records.append(rec)
    return pl.DataFrame(records)


def _national_clusters(report: Report) -> tuple[pl.DataFrame, pl.DataFrame]:
    rows = _table_rows(report.lines, r"表\s*4\s*县（市）国家级产业集群情况", 4)
    if [int(r[0]) for r in rows] != list(range(1, len(rows) + 1)):
        raise ExtractError("表4: 序号 not consecutive")
    groups = _sector_groups(report)
    seqs, cats, names, printed, sectors, sectors_zh = [], [], [], [], [], []
    link: dict[str, list[object]] = {"seq": [], "cluster": [], "county": []}
    for seq, category, cluster, counties in rows:
        if cluster not in groups:
            raise ExtractError(f"表4: cluster {cluster} is not classified in the prose")
        seqs.append(int(seq))
        cats.append(category)
        names.append(cluster)
        printed.append(counties)
        sectors.append(groups[cluster][0])
        sectors_zh.append(groups[cluster][1])
        for county in counties.split("、"):
            link["seq"].append(int(seq))
            link["cluster"].append(cluster)
            link["county"].append(county)
    clusters = pl.DataFrame(
        {
            "seq": seqs,
            "category": cats,
            "cluster": names,
            "counties": printed,
            "sector_group": sectors,
            "sector_group_zh": sectors_zh,
        }
    )
    return clusters, pl.DataFrame(link)


def _split_items(text: str) -> list[str]:
    """Splits on 、 outside parentheses."""
    items, depth, cur = [], 0, ""
    for ch in text:
        depth += ch in "（(" and 1 or 0
        depth -= ch in "）)" and 1 or 0
        if ch == "、" and depth == 0:
            items.append(cur)
            cur = ""
        else:
            cur += ch
    items.append(cur)
    return [i.strip() for i in items if i.strip()]


def _sector_groups(report: Report) -> dict[str, tuple[str, str]]:
    """The prose's classification of the 18 national clusters into emerging/traditional/service."""
    m = re.search(
        r"新兴产业领域的有\s*(\d+)\s*家[，,]分别是(.+?)；传统产业现代化发展的有\s*(\d+)\s*个[，,]分别是(.+?)；"
        r"另有一个服务业集群[，,]即(.+?)。",
        report.flat,
    )
    if not m:
        raise ExtractError("the prose's classification of the national clusters was not found")
    out: dict[str, tuple[str, str]] = {}
    parts = (
        (m.group(2), "emerging", "新兴产业", int(m.group(1))),
        (m.group(4), "traditional", "传统产业", int(m.group(3))),
        (m.group(5), "service", "服务业", 1),
    )
    for text, key, zh, count in parts:
        items = _split_items(text)
        if len(items) != count:
            raise ExtractError(f"{zh}: the prose says {count} clusters but names {len(items)}")
        for item in items:
            out[re.sub(r"[（(].*?[）)]$", "", item)] = (key, zh)
    return out


def _billion_clusters(report: Report, counties: pl.DataFrame) -> pl.DataFrame:
    rows = _table_rows(report.lines, r"表\s*5\s+部分代表性县（市）千亿级产业集群情况", 4)
    if [int(r[0]) for r in rows] != list(range(1, len(rows) + 1)):
        raise ExtractError("表5: 序号 not consecutive")
    df = pl.DataFrame(
        {
            "seq": [int(r[0]) for r in rows],
            "county": [r[1] for r in rows],
            "cluster": [r[2] for r in rows],
            "scale": [r[3] for r in rows],
            "scale_min_yi": [scale_min_yi(r[3]) for r in rows],
        }
    )
    where = counties.select(
        pl.col("name").alias("county"), "province", "prefecture", "region", "province_short"
    )
    return df.join(where, on="county", how="left", maintain_order="left")


def _figure22(lines: list[str]) -> pl.DataFrame:
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if line.strip().startswith(f"图 22 {REPORT.year}") and "\t" not in line
        ),
        None,
    )
    if start is None:
        raise ExtractError("图22 not found")
    header: list[str] = []
    rows: list[list[str]] = []
    for line in reversed(lines[:start]):
        cells = line.strip("\n").split("\t")
        if re.fullmatch(r"\d+-\d+", cells[0].strip()):
            rows.insert(0, cells)
        elif len(cells) > 10 and not cells[0].strip():
            header = [c.strip() for c in cells[1:]]
        elif rows and line.strip().startswith("单位"):
            break
    if len(rows) != 10 or not header:
        raise ExtractError("图22: expected 10 rank bands and a row of provinces")
    out: dict[str, list[object]] = {"rank_band": [], "province": [], "count": []}
    for cells in rows:
        values = cells[1:]
        if len(values) != len(header):
            raise ExtractError(f"图22: row {cells[0]} has {len(values)} cells")
        for province, value in zip(header, values, strict=True):
            out["rank_band"].append(cells[0].strip())
            out["province"].append(province)
            out["count"].append(int(value))
    return pl.DataFrame(out)


_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _division_cutoffs(lines: list[str]) -> list[dict[str, str]]:
    """The footnotes giving the cut-off date of the administrative divisions, with what they annotate.

    Each is a footnote line (``⁶报告中行政区划统计截至 2021 年 7 月 31 日。``) whose superscript
    marker ends a table or figure caption in the body.
    """
    out = []
    for line in lines:
        m = re.match(
            rf"^([{_SUPERSCRIPTS}]+).*?报告中行政区划统计截至\s*(\d{{4}}\s*年\s*\d+\s*月\s*\d+\s*日)",
            line.strip(),
        )
        if not m:
            continue
        marker = m.group(1)
        captions = [
            c.strip().removesuffix(marker)
            for c in lines
            if c.strip().endswith(marker) and re.match(r"^(表|图)\s*\d+", c.strip()) and "\t" not in c
        ]
        if len(captions) != 1:
            raise ExtractError(f"footnote {marker}: expected one caption carrying it, found {len(captions)}")
        out.append({"footnote": marker, "caption": captions[0], "date": re.sub(r"\s+", "", m.group(2))})
    if not out:
        raise ExtractError("no footnote gives the divisions' cut-off date")
    return out


def _check_quote(report: Report, quote: str, figure: str, names: tuple[str, ...]) -> str:
    section = section_of(report, quote)
    if figure not in quote:
        raise ExtractError(f"figure {figure} not in its quote: {quote[:40]}…")
    for name in names:
        base, _ = split_suffix(name)
        if name not in quote and base not in quote:
            raise ExtractError(f"unit {name} not named in its quote: {quote[:40]}…")
    return section


_OPENING_YEAR = re.compile(r"^(?:截至|到|至)?\s*(\d{4})\s*年")
KINDS = ("measured", "target", "prospect")


def sentence_year(report: Report, quote: str) -> int | None:
    """The year the quote's sentence opens with (``2021 年…``, ``截至 2021 年底…``): in the
    sentence before the quote, or at the quote's own start."""
    pos = report.flat.find(quote)
    if pos < 0:
        return None
    start = max(report.flat.rfind(mark, 0, pos) for mark in "。！？") + 1
    before = report.flat[start:pos]
    for clause in [*re.split(r"[，,；]", before), quote]:
        if m := _OPENING_YEAR.match(clause.strip()):
            return int(m.group(1))
    return None


def _year_and_kind(report: Report, fact: curated.Fact | curated.GroupFact) -> tuple[int | None, str]:
    if fact.kind not in KINDS:
        raise ExtractError(f"unknown kind {fact.kind!r} of a fact: {fact.quote[:40]}…")
    if isinstance(fact, curated.GroupFact) and not fact.dated:
        if fact.year is not None:
            raise ExtractError(f"a fact without a year has one: {fact.quote[:40]}…")
        return None, fact.kind
    return (fact.year if fact.year is not None else sentence_year(report, fact.quote)), fact.kind


def _english(fact: curated.Fact | curated.GroupFact) -> dict[str, str]:
    """A fact's metric and measure in English (:mod:`.english`)."""
    metric, measure = english.metric(fact.metric), english.measure(fact.measure)
    if metric is None:
        raise ExtractError(f"the metric {fact.metric!r} has no English in {english.METRICS_FILE.name}")
    if measure is None:
        raise ExtractError(f"the measure {fact.measure!r} has no English (english.MEASURES)")
    return {"metric_en": metric, "measure_en": measure}


def _facts(report: Report) -> pl.DataFrame:
    recs = []
    for fact in curated.FACTS:
        section = _check_quote(report, fact.quote, fact.figure, fact.units)
        year, kind = _year_and_kind(report, fact)
        for unit in fact.units:
            recs.append(
                {
                    "unit": unit,
                    "metric": fact.metric,
                    "comparator": fact.comparator,
                    "value": figure_value(fact.figure),
                    "figure": fact.figure,
                    "measure": fact.measure,
                    "year": year,
                    "kind": kind,
                    "section": section,
                    "quote": fact.quote,
                    **_english(fact),
                }
            )
    return pl.DataFrame(recs, schema_overrides={"year": pl.Int64})


def _group_facts(report: Report) -> pl.DataFrame:
    recs = []
    for fact in curated.GROUP_FACTS:
        if fact.group not in TABLES and fact.group not in GROUPS:
            raise ExtractError(f"unknown group {fact.group!r}: {fact.quote[:40]}…")
        if bool(fact.note) != bool(fact.note_zh):
            raise ExtractError(f"a note in one language only: {fact.quote[:40]}…")
        section = _check_quote(report, fact.quote, fact.figure, ())
        year, kind = _year_and_kind(report, fact)
        recs.append(
            {
                "group": fact.group,
                "metric": fact.metric,
                "comparator": fact.comparator,
                "value": figure_value(fact.figure),
                "figure": fact.figure,
                "measure": fact.measure,
                "year": year,
                "kind": kind,
                "section": section,
                "quote": fact.quote,
                "note": fact.note,
                "note_zh": fact.note_zh,
                **_english(fact),
            }
        )
    return pl.DataFrame(recs, schema_overrides={"year": pl.Int64})


def figure_holders(report: Report, facts: pl.DataFrame, groups: pl.DataFrame) -> list[figures.Holder]:
    """What accounts for the prose's figures (:mod:`.figures`): the rows of the two fact files,
    the audit's claims and year-on-year statements, and the phrases that name a group by its
    threshold."""
    from baiqiang.core.audit import CLAIMS
    from baiqiang.core.audit.yoy import YOY_CLAIMS

    for group, phrase in curated.GROUP_MARKS:
        if phrase not in report.flat:
            raise ExtractError(f"the phrase that names {group} is not in the report: {phrase}")
    rows = [
        *({**r, "source": "facts"} for r in facts.iter_rows(named=True)),
        *({**r, "source": "group_facts"} for r in groups.iter_rows(named=True)),
    ]
    claims: list[tuple[str, Sequence[str], object]] = [(f"audit {c.id}", c.quotes, c.report) for c in CLAIMS]
    claims += [(f"audit {y.id}", (y.quote,), [abs(v) for v in y.change.values()]) for y in YOY_CLAIMS]
    claims += [(f"group {g}", (phrase,), re.findall(r"\d+", phrase)) for g, phrase in curated.GROUP_MARKS]
    return figures.holders(rows, claims)


def _check_figures(report: Report, out: Outputs) -> None:
    facts, groups = out["facts.csv"], out["group_facts.csv"]
    assert isinstance(facts, pl.DataFrame) and isinstance(groups, pl.DataFrame)
    missing = figures.unaccounted(report, figure_holders(report, facts, groups))
    if missing:
        shown = "; ".join(f"line {f.line}: {f.token}" for f in missing[:10])
        raise ExtractError(f"{len(missing)} figure(s) of the prose are in no file and no check: {shown}")


def _slips() -> pl.DataFrame:
    """The report's known slips (:data:`curated.SLIPS`), for the audit."""
    for slip in curated.SLIPS:
        if not (slip.reason and slip.reason_zh and slip.differs):
            raise ExtractError(f"a slip without its difference or reason: {slip.audit_id}")
    return pl.DataFrame(
        [
            {"audit_id": x.audit_id, "differs": x.differs, "reason": x.reason, "reason_zh": x.reason_zh}
            for x in curated.SLIPS
        ],
        schema={"audit_id": pl.String, "differs": pl.String, "reason": pl.String, "reason_zh": pl.String},
    )


def extract(report: Report) -> dict[str, pl.DataFrame | dict[str, object]]:
    """Builds every output of the extractor from the report.

    Returns:
        File name → frame (written as CSV) or dict (written as JSON).

    Raises:
        ExtractError: The report does not have the expected shape.
    """
    tiers = _tiers(report)
    out: dict[str, pl.DataFrame | dict[str, object]] = {}
    for table_id, (filename, caption) in RANKING_FILES.items():
        rows = _table_rows(report.lines, caption, 4)
        out[filename] = _ranking(rows, tiers if table_id == "industrial-counties" else None, table_id)
    national, links = _national_clusters(report)
    out["national_clusters.csv"] = national
    out["national_cluster_counties.csv"] = links
    industrial = out["industrial_counties.csv"]
    assert isinstance(industrial, pl.DataFrame)
    out["billion_clusters.csv"] = _billion_clusters(report, industrial)
    out["tiers.csv"] = tiers
    out["figure22.csv"] = _figure22(report.lines)
    out["facts.csv"] = _facts(report)
    out["group_facts.csv"] = _group_facts(report)
    out["report_slips.csv"] = _slips()
    _check_figures(report, out)
    from baiqiang.core.build.sources import SOURCES

    out["source.json"] = {
        "title": REPORT.title,
        "publisher": REPORT.publisher,
        "published": "2022-11",
        "divisions_as_of": "2022-07-31",
        "division_cutoffs": _division_cutoffs(report.lines),
        "text_sha256": report.sha256,
        "other_sources": [s.cited() for s in SOURCES],
    }
    return out


def render(obj: pl.DataFrame | dict[str, object]) -> bytes:
    """The bytes a file of the extractor's output holds."""
    if isinstance(obj, pl.DataFrame):
        return obj.write_csv().encode("utf-8")
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_outputs(
    outputs: dict[str, pl.DataFrame | dict[str, object]], out_dir: Path, *, force: bool = False
) -> list[str]:
    """Writes the outputs; returns the names of the files that changed.

    Raises:
        ExtractError: A file would change and `force` is false (nothing is written then).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    rendered = {name: render(obj) for name, obj in outputs.items()}
    changed = [
        n for n, b in rendered.items() if not (out_dir / n).exists() or (out_dir / n).read_bytes() != b
    ]
    would_replace = [n for n in changed if (out_dir / n).exists()]
    if would_replace and not force:
        raise ExtractError(
            f"would replace {', '.join(would_replace)} in {out_dir}; pass --force to replace them"
        )
    for name in changed:
        write_bytes(out_dir / name, rendered[name], force=True)
    return changed


def run_writer(
    prog: str,
    argv: list[str] | None,
    usage: str,
    nargs: int,
    produce: Callable[[list[str]], tuple[Outputs, Path]],
) -> int:
    """The command line of a program that writes data files (this one, core.build.divisions).

    Args:
        prog: The program's name for messages.
        argv: The arguments (``sys.argv[1:]`` when None); ``--force`` may be among them.
        usage: The usage line.
        nargs: How many positional arguments it takes.
        produce: Builds the outputs and the folder they go to from the positional arguments.

    Returns:
        The exit status: 0 done, 1 failed (one line on stderr), 2 bad usage.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    force = "--force" in args
    args = [a for a in args if a != "--force"]
    if len(args) != nargs:
        print(f"usage: {usage}", file=sys.stderr)
        return 2
    try:
        outputs, out_dir = produce(args)
        changed = write_outputs(outputs, out_dir, force=force)
    except (ExtractError, BaiqiangError, OSError) as exc:
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return 1
    print(f"{prog}: {len(changed)} file(s) written to {out_dir}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: ``python -m baiqiang.core.build.extract REPORT.txt OUT_DIR [--force]``."""
    return run_writer(
        "extract",
        argv,
        "python -m baiqiang.core.build.extract REPORT.txt OUT_DIR [--force]",
        2,
        lambda a: (extract(read_report(Path(a[0]))), Path(a[1])),
    )


if __name__ == "__main__":
    raise SystemExit(main())
