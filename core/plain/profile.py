"""What a lookup returns, as typed values, and how a unit's profile is put together from parts
computed once for every unit (:class:`ProfileParts`). Plain Python, no Polars: the command line's
fast lookup assembles a profile from parts read from its index with the same code as the core.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

from baiqiang.core.plain.editions import builtin_edition, history
from baiqiang.core.plain.indicators import Indicator, built_in_gaps, unit_values
from baiqiang.core.plain.names import XIAN_SHI
from baiqiang.core.plain.resolve import Match, Resolution, describe
from baiqiang.core.plain.tables import DISTRICT_TYPES, lists_for


@dataclass(frozen=True)
class Ranking:
    """A unit's place in one list.

    Attributes:
        table: The list's table id.
        title: The report's title of the list.
        rank: 1–100.
        province_first: Whether the report marks it ★ (first of its province).
        tier: 1–4, in 工业百强县 only.
        history: Its rank in every edition of the list (imported ones and the report's),
            ``{edition, rank}``, oldest first.
    """

    table: str
    title: str
    rank: int
    province_first: bool
    tier: int | None = None
    history: list[dict[str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class ClusterMembership:
    """A cluster of 表4 or 表5 that names the unit.

    Attributes:
        table: ``national-clusters`` (表4) or ``billion-clusters`` (表5).
        cluster: The cluster's name.
        category: 表4's type (先进制造业集群 …).
        sector_group: 表4's group (emerging/traditional) as the prose sorts them.
        scale: 表5's scale label (千亿级 …).
        scale_min_yi: 表5's scale as a lower bound in 亿元.
        shared_with: The cluster's other counties, 、-joined.
    """

    table: str
    cluster: str
    category: str | None = None
    sector_group: str | None = None
    scale: str | None = None
    scale_min_yi: int | None = None
    shared_with: str = ""


@dataclass(frozen=True)
class Fact:
    """A figure the report's prose gives for a unit, with its sentence.

    Attributes:
        metric: What is measured.
        comparator: ``=``, ``>``, ``≥`` ….
        value: The figure as a number.
        figure: The figure as printed (700, 八成).
        measure: Its unit (家, 亿元, %).
        year: The year it is of, where the report says.
        section: Where it stands in the report.
        quote: The sentence, verbatim.
        kind: ``measured`` (reached), ``target`` (a goal: 冲刺…) or ``prospect`` (expected: 有望…).
        metric_en: What is measured, in English.
        measure_en: Its unit in English (firms, × 100m yuan, %; "" for a count of units).
    """

    metric: str
    comparator: str
    value: float
    figure: str
    measure: str | None
    year: int | None
    section: str
    quote: str
    kind: str = "measured"
    metric_en: str = ""
    measure_en: str = ""


@dataclass(frozen=True)
class ListedNeighbour:
    """A listed unit near an unlisted one (same prefecture)."""

    table: str
    rank: int
    name: str


@dataclass(frozen=True)
class PastName:
    """A name or code a unit had before, or a unit whose land is now (partly) in it.

    Attributes:
        code: The code then (342624).
        name: The name then (巢县).
        in_use: The years it was in use, each stretch (``1981–1982``; ``1981, 1983–1989``).
        fate: What became of it: ``same`` (renamed or recoded: it is this unit), ``merged``
            (it is a part of this unit), ``split`` (a part of it is in this unit) or
            ``succeeded`` (abolished; this unit was later set up on its land).
        year: The year that happened.
    """

    code: str
    name: str
    in_use: str
    fate: Literal["same", "merged", "split", "succeeded"]
    year: int | None


@dataclass(frozen=True)
class ProvinceContext:
    """How a unit's province and prefecture fare in the lists, for a unit in none of them.

    Attributes:
        kind: 县(市) or 市辖区: the kind of unit the lists compare it with.
        units_in_province: The province's units of that kind.
        listed_in_province: List id → the province's units in it.
        prefecture_listed: The listed units of the unit's prefecture.
        not_ranked: For a municipality, the report's words that it is not ranked.
    """

    kind: str
    units_in_province: int
    listed_in_province: dict[str, int]
    prefecture_listed: list[ListedNeighbour]
    not_ranked: str | None = None


@dataclass(frozen=True)
class Profile:
    """One county-level unit: where it is, its ranks, clusters and the report's facts.

    Attributes:
        name: 昆山市.
        adcode: 320583.
        province: As the report prints it for a listed unit, else the official name.
        prefecture: Likewise.
        region: 东部, 中部, 西部 or 东北.
        county_type: 县级市, 县, 市辖区 ….
        pinyin: Kunshan Shi.
        province_en: Jiangsu.
        rankings: Its place in each list that has it.
        clusters: The clusters that name it.
        facts: The prose's figures for it.
        context: For a unit in no list, its province's context.
        matched: How the name given matched it.
        note: A sentence about the match (a former name, namesakes).
        note_zh: The same in Chinese.
        namesakes: Units of the same name in no list, where the listed one was preferred.
        indicators: The user's imported values for it (``baiqiang data import``), dataset by
            dataset; ``show --format json`` gives them as ``{dataset, column, value, unit, year}``.
        earlier: The lists it was in only in imported earlier editions, ``{table, history}``.
        damaged: Datasets of the store that could not be read: their values, if any, are not
            in `indicators` (every front end says so).
        without: The built-in datasets with no value for it, and why (``{dataset, note}``:
            上城区 was made in 2021 of land the census counted in two units).
        past: Its former names and codes, the units merged into it and those it was split
            from, since 1981, oldest first (the code history).
    """

    name: str
    adcode: str
    province: str | None
    prefecture: str | None
    region: str | None
    county_type: str | None
    pinyin: str | None
    province_en: str | None
    rankings: list[Ranking]
    clusters: list[ClusterMembership]
    facts: list[Fact]
    context: ProvinceContext | None = None
    matched: Match = Match.NONE
    note: str | None = None
    note_zh: str | None = None
    namesakes: list[str] = field(default_factory=list)
    kind: Literal["unit"] = "unit"
    indicators: list[Indicator] = field(default_factory=list)
    earlier: list[dict[str, Any]] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)
    without: list[dict[str, str]] = field(default_factory=list)
    past: list[PastName] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The profile as JSON-ready data; absent parts (context, note, namesakes) are left out."""
        out = asdict(replace(self, indicators=[]))  # a panel gives thousands: not through asdict
        out["indicators"] = [i.to_dict() for i in self.indicators]
        out["matched"] = str(self.matched)
        out["clusters"] = [{k: v for k, v in c.items() if v is not None} for c in out["clusters"]]
        out["rankings"] = [{k: v for k, v in r.items() if v is not None} for r in out["rankings"]]
        for key in ("context", "note", "note_zh", "namesakes", "earlier", "damaged", "without", "past"):
            if not out[key]:
                del out[key]
        if out.get("context") and out["context"]["not_ranked"] is None:
            del out["context"]["not_ranked"]
        return out


@dataclass(frozen=True)
class PrefectureUnit:
    """A listed unit of a prefecture."""

    table: str
    rank: int
    name: str
    province_first: bool
    tier: int | None
    county_type: str | None


@dataclass(frozen=True)
class PrefectureCluster:
    """A cluster of one of a prefecture's listed units."""

    county: str
    table: str
    cluster: str
    category: str | None = None
    sector_group: str | None = None
    scale: str | None = None
    scale_min_yi: int | None = None
    shared_with: str = ""


@dataclass(frozen=True)
class DivisionUnit:
    """A county-level unit of a prefecture, listed or not."""

    name: str
    adcode: str
    county_type: str
    listed: bool


@dataclass(frozen=True)
class PrefectureProfile:
    """A prefecture's units in every list and their clusters (苏州 → 昆山市, 吴江区 …).

    Attributes:
        prefecture: Its official name.
        province: Its province's official name (several, 、-joined, for 省直辖县级行政区划
            of no one province).
        counts: List id → the prefecture's units in it.
        units: Its listed units, by list then rank.
        clusters: Their clusters.
        divisions: Every county-level unit of it, listed or not, by adcode.
    """

    prefecture: str
    province: str | None
    counts: dict[str, int]
    units: list[PrefectureUnit]
    clusters: list[PrefectureCluster]
    divisions: list[DivisionUnit] = field(default_factory=list)
    kind: Literal["prefecture"] = "prefecture"

    def to_dict(self) -> dict[str, Any]:
        """The profile as JSON-ready data."""
        out = asdict(self)
        out["clusters"] = [{k: v for k, v in c.items() if v is not None} for c in out["clusters"]]
        return out


@dataclass(frozen=True)
class ProfileParts:
    """Everything a unit's profile is made of, for every unit at once, keyed by adcode.

    Attributes:
        rankings: Adcode → its :class:`Ranking` fields, in list order.
        clusters: Adcode → its :class:`ClusterMembership` fields (表4 then 表5).
        facts: Adcode → its :class:`Fact` fields.
        units_in: ``province_short|kind`` → the province's units of that kind (县(市) or 市辖区).
        listed_in: Province short name → list id → its units in the list.
        neighbours: The first four digits of an adcode (a prefecture) → its listed units
            (table, rank, name), by table then rank.
        past: Adcode → its :class:`PastName` fields in their order (a list each: the index
            reads 3,900 of them on every lookup), oldest first.
    """

    rankings: dict[str, list[dict[str, Any]]]
    clusters: dict[str, list[dict[str, Any]]]
    facts: dict[str, list[dict[str, Any]]]
    units_in: dict[str, int]
    listed_in: dict[str, dict[str, int]]
    neighbours: dict[str, list[dict[str, Any]]]
    past: dict[str, list[list[Any]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The parts as JSON-ready data (the fast lookup's index stores them)."""
        return asdict(self)


def assemble(parts: ProfileParts, unit: dict[str, Any]) -> Profile:
    """A unit's profile from the parts: its ranks, clusters, facts and, for a unit in no list,
    its province's context.

    Args:
        parts: :class:`ProfileParts` for every unit.
        unit: A row of the units (adcode, name, province, prefecture, region, county_type,
            pinyin, province_en, province_short).
    """
    code = str(unit["adcode"])
    rankings = [Ranking(**r) for r in parts.rankings.get(code, [])]
    context = None
    if not rankings:
        kind, _, lists = unit_kind(unit.get("county_type"))
        province = str(unit.get("province_short"))
        listed = parts.listed_in.get(province, {})
        context = ProvinceContext(
            kind=kind,
            units_in_province=parts.units_in.get(f"{province}|{kind}", 0),
            listed_in_province={t: int(listed.get(t, 0)) for t in lists},
            prefecture_listed=[ListedNeighbour(**n) for n in parts.neighbours.get(code[:4], [])],
            not_ranked=NOT_RANKED[kind] if province in MUNICIPALITIES else None,
        )
    return Profile(
        name=str(unit["name"]),
        adcode=code,
        province=unit.get("province"),
        prefecture=unit.get("prefecture"),
        region=unit.get("region"),
        county_type=unit.get("county_type"),
        pinyin=unit.get("pinyin"),
        province_en=unit.get("province_en"),
        rankings=rankings,
        clusters=[ClusterMembership(**c) for c in parts.clusters.get(code, [])],
        facts=[Fact(**f) for f in parts.facts.get(code, [])],
        context=context,
        past=[PastName(*p) for p in parts.past.get(code, [])],
    )


def found_profile(parts: ProfileParts, res: Resolution) -> Profile:
    """The profile of the unit a name resolved to, saying how it matched (and any note), with
    the user's imported values for it."""
    assert res.unit is not None
    mine, damaged = unit_values(str(res.unit["adcode"]))
    without = built_in_gaps(str(res.unit["adcode"]))
    profile = replace(
        assemble(parts, res.unit),
        matched=res.how,
        note=res.note or None,
        note_zh=res.note_zh or None,
        namesakes=[describe(o) for o in res.others],
        indicators=mine,
        damaged=damaged,
        without=without,
    )
    past = history(str(res.unit["adcode"]))
    ranked = [
        replace(
            r,
            history=sorted(
                [*past.get(r.table, []), {"edition": builtin_edition(r.table), "rank": r.rank}],
                key=lambda h: h["edition"],
            ),
        )
        for r in profile.rankings
    ]
    now = {r.table for r in profile.rankings}
    earlier = [{"table": t, "history": h} for t, h in past.items() if t not in now]
    return replace(profile, rankings=ranked, earlier=earlier)


def unit_kind(county_type: str | None) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The kind of unit the lists compare a unit with: 县(市) or 市辖区, their types and lists."""
    if county_type in DISTRICT_TYPES:
        return "市辖区", DISTRICT_TYPES, lists_for(county_type)
    return "县(市)", XIAN_SHI, lists_for(XIAN_SHI[0])


# The report leaves the municipalities out of both evaluations, and says so.
MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
NOT_RANKED = {
    "县(市)": "除了四个直辖市不参选",
    "市辖区": "市辖区工业竞争力评价以除北京、上海、天津、重庆四个直辖市之外的市辖区为评价对象",
}
