"""Everything the report says about one unit, or about one prefecture's units, as typed values.

:func:`lookup` resolves a name and returns a :class:`Profile` (a unit) or a
:class:`PrefectureProfile`; both are frozen dataclasses whose :meth:`to_dict` is the JSON that
``baiqiang show --format json`` prints.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

import polars as pl

from baiqiang.core.catalog import RANKING_TABLES, TABLES, Catalog
from baiqiang.core.errors import Ambiguous, LookupFailed
from baiqiang.core.filters import resolve_prefecture
from baiqiang.core.names import XIAN_SHI
from baiqiang.core.query import prefecture_rollup, stack_rankings, unit_clusters
from baiqiang.core.resolve import Match, Outcome, describe, resolve, units
from baiqiang.core.suggest import shorten


@dataclass(frozen=True)
class Ranking:
    """A unit's place in one list.

    Attributes:
        table: The list's table id.
        title: The report's title of the list.
        rank: 1–100.
        province_first: Whether the report marks it ★ (first of its province).
        tier: 1–4, in 工业百强县 only.
    """

    table: str
    title: str
    rank: int
    province_first: bool
    tier: int | None = None


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


@dataclass(frozen=True)
class ListedNeighbour:
    """A listed unit near an unlisted one (same prefecture)."""

    table: str
    rank: int
    name: str


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

    def to_dict(self) -> dict[str, Any]:
        """The profile as JSON-ready data; absent parts (context, note, namesakes) are left out."""
        out = asdict(self)
        out["matched"] = str(self.matched)
        out["clusters"] = [{k: v for k, v in c.items() if v is not None} for c in out["clusters"]]
        out["rankings"] = [{k: v for k, v in r.items() if v is not None} for r in out["rankings"]]
        for key in ("context", "note", "note_zh", "namesakes"):
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


def _kind(county_type: str | None) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The kind of unit the lists compare a unit with: 县(市) or 市辖区, their types and lists."""
    if county_type == "市辖区":
        return "市辖区", ("市辖区",), ("industrial-districts",)
    return "县(市)", XIAN_SHI, ("industrial-counties", "innovation-counties")


# The report leaves the municipalities out of both evaluations, and says so.
MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
NOT_RANKED = {
    "县(市)": "除了四个直辖市不参选",
    "市辖区": "市辖区工业竞争力评价以除北京、上海、天津、重庆四个直辖市之外的市辖区为评价对象",
}


def province_context(catalog: Catalog, unit: dict[str, Any]) -> ProvinceContext:
    """How the unit's province and prefecture fare in the lists, for a unit in none of them."""
    kind, types, lists = _kind(unit.get("county_type"))
    province_short = unit.get("province_short")
    same = catalog.divisions.filter(
        (pl.col("province_short") == province_short) & pl.col("type").is_in(list(types))
    )
    stacked = stack_rankings(catalog.tables).filter(pl.col("province_short") == province_short)
    listed = {t: stacked.filter(pl.col("table") == t).select(pl.len()).collect().item() for t in lists}
    code = str(unit["adcode"])
    pref_codes = catalog.divisions.filter(pl.col("adcode").str.slice(0, 4) == code[:4]).select("adcode")
    neighbours = (
        stacked.join(pref_codes, on="adcode", how="semi")
        .sort("table", "rank")
        .select("table", "rank", "name")
        .collect()
    )
    return ProvinceContext(
        kind=kind,
        units_in_province=int(same.select(pl.len()).collect().item()),
        listed_in_province={t: int(n) for t, n in listed.items()},
        prefecture_listed=[ListedNeighbour(**r) for r in neighbours.to_dicts()],
        not_ranked=NOT_RANKED[kind] if province_short in MUNICIPALITIES else None,
    )


def _memberships(frame: pl.DataFrame) -> list[ClusterMembership]:
    return [ClusterMembership(**{k: v for k, v in r.items() if v is not None}) for r in frame.to_dicts()]


def unit_profile(catalog: Catalog, unit: dict[str, Any]) -> Profile:
    """A unit's ranks in every list, its clusters and the prose's facts about it.

    Args:
        catalog: The catalog.
        unit: A row of :func:`baiqiang.core.resolve.units`.
    """
    name, code = unit["name"], unit["adcode"]
    ranks = stack_rankings(catalog.tables).filter(pl.col("adcode") == code).collect()
    rankings = [
        Ranking(
            table=r["table"],
            title=TABLES[r["table"]].title,
            rank=r["rank"],
            province_first=r["province_first"],
            tier=r["tier"] if r["table"] == "industrial-counties" else None,
        )
        for r in ranks.iter_rows(named=True)
    ]
    clusters = unit_clusters(
        catalog.tables["national-clusters"],
        catalog.national_cluster_counties.filter(pl.col("adcode") == code),
        catalog.tables["billion-clusters"].filter(pl.col("adcode") == code),
        unit=name,
    ).collect()
    facts = (
        catalog.facts.join(pl.LazyFrame({"unit": [name]}), on="unit", how="semi").drop("unit").collect()
        if _fact_unit_is(catalog, name, code)
        else pl.DataFrame()
    )
    return Profile(
        name=name,
        adcode=code,
        province=unit.get("province"),
        prefecture=unit.get("prefecture"),
        region=unit.get("region"),
        county_type=unit.get("county_type"),
        pinyin=unit.get("pinyin"),
        province_en=unit.get("province_en"),
        rankings=rankings,
        clusters=_memberships(clusters),
        facts=[Fact(**f) for f in facts.to_dicts()],
        context=None if rankings else province_context(catalog, unit),
    )


def _fact_unit_is(catalog: Catalog, name: str, code: str) -> bool:
    """Whether the report's facts about `name` are about the unit with this code."""
    links = catalog.unit_adcodes.filter((pl.col("source") == "facts") & (pl.col("name") == name)).collect()
    return links.height > 0 and str(links["adcode"][0]) == code


def prefecture_profile(
    catalog: Catalog, prefecture: str, *, province: str | None = None
) -> PrefectureProfile:
    """A prefecture's units in every list and their clusters (苏州市 → 昆山市, 吴江区 …).

    Args:
        catalog: The catalog.
        prefecture: The official name (苏州市, 省直辖县级行政区划).
        province: Narrow to a province (short name), for a name several provinces share.
    """
    stacked = stack_rankings(catalog.tables)
    own = catalog.divisions.filter(pl.col("prefecture") == prefecture)
    if province is not None:
        stacked = stacked.filter(pl.col("province_short") == province)
        own = own.filter(pl.col("province_short") == province)
    rows = prefecture_rollup(stacked, prefecture=prefecture).collect()
    all_units = own.sort("adcode").collect()
    listed = set(rows["adcode"].to_list()) if "adcode" in rows.columns else set()
    clusters: list[PrefectureCluster] = []
    for name in rows["name"].unique(maintain_order=True).to_list():
        found = unit_clusters(
            catalog.tables["national-clusters"],
            catalog.national_cluster_counties,
            catalog.tables["billion-clusters"],
            unit=name,
        ).collect()
        clusters += [
            PrefectureCluster(county=name, **{k: v for k, v in c.items() if v is not None})
            for c in found.to_dicts()
        ]
    provinces = all_units["province"].unique(maintain_order=True).to_list()
    return PrefectureProfile(
        prefecture=prefecture,
        province="、".join(provinces) if provinces else None,
        counts={t: int(rows.filter(pl.col("table") == t).height) for t in RANKING_TABLES},
        units=[
            PrefectureUnit(**r)
            for r in rows.select("table", "rank", "name", "province_first", "tier", "county_type").to_dicts()
        ],
        clusters=clusters,
        divisions=[
            DivisionUnit(r["name"], r["adcode"], r["type"], r["adcode"] in listed)
            for r in all_units.select("name", "adcode", "type").to_dicts()
        ],
    )


def lookup(
    catalog: Catalog,
    query: str,
    *,
    province: str | None = None,
    prefecture: str | None = None,
    all_units: pl.DataFrame | None = None,
) -> Profile | PrefectureProfile:
    """Resolves `query` to a unit (or, failing that, a prefecture) and profiles it.

    Args:
        catalog: The catalog.
        query: 昆山, 昆山市, kunshan, ks, 320583, 海门市 … or a prefecture such as 苏州.
        province: Narrow to a province (short name).
        prefecture: Narrow to a prefecture.
        all_units: :func:`baiqiang.core.resolve.units` already collected, where the caller
            keeps it (the explorer does); built here otherwise.

    Raises:
        LookupFailed: No unit matches.
        Ambiguous: Several do (the message lists them).
    """
    if all_units is None:
        all_units = units(catalog).collect()
    res = resolve(
        all_units, query, province=province, prefecture=prefecture, former=catalog.former_names.collect()
    )
    if res.status == Outcome.FOUND and res.unit is not None:
        return replace(
            unit_profile(catalog, res.unit),
            matched=res.how,
            note=res.note or None,
            note_zh=res.note_zh or None,
            namesakes=[describe(o) for o in res.others],
        )
    if res.status == Outcome.AMBIGUOUS:
        options = ", ".join(describe(c) for c in res.candidates[:8])
        more = f" and {len(res.candidates) - 8} more" if len(res.candidates) > 8 else ""
        raise Ambiguous(
            f"{shorten(query)!r} could mean {options}{more}; give the full name, its province or prefecture, or the adcode"
        )
    if prefecture is None:
        try:
            official = resolve_prefecture(query, catalog.prefectures(), catalog.prefecture_spellings)
        except LookupFailed:
            pass
        else:
            found = prefecture_profile(catalog, official, province=province)
            if found.divisions:
                return found
    where = " in the given province/prefecture" if province or prefecture else ""
    raise LookupFailed(
        f"no county-level unit named {shorten(query)!r}{where}", [describe(c) for c in res.candidates]
    )
