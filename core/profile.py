"""Everything the report says about one unit, or about one prefecture's units, as typed values.

:func:`lookup` resolves a name and returns a :class:`Profile` (a unit) or a
:class:`PrefectureProfile`; both are frozen dataclasses whose :meth:`to_dict` is the JSON that
``baiqiang show --format json`` prints.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

import polars as pl

from baiqiang.core.catalog import Catalog
from baiqiang.core.filters import resolve_prefecture
from baiqiang.core.matching import TOTAL
from baiqiang.core.plain.errors import Ambiguous, LookupFailed
from baiqiang.core.plain.names import XIAN_SHI
from baiqiang.core.plain.profile import (
    ClusterMembership,
    DivisionUnit,
    Fact,
    ListedNeighbour,
    PrefectureCluster,
    PrefectureProfile,
    PrefectureUnit,
    Profile,
    ProfileParts,
    ProvinceContext,
    Ranking,
    assemble,
    found_profile,
)
from baiqiang.core.plain.resolve import resolve_rows
from baiqiang.core.plain.suggest import shorten
from baiqiang.core.plain.tables import TABLES, ranking_tables
from baiqiang.core.query import prefecture_rollup, stack_rankings, unit_clusters
from baiqiang.core.resolve import Outcome, describe, units

__all__ = [
    "ClusterMembership",
    "DivisionUnit",
    "Fact",
    "ListedNeighbour",
    "PrefectureCluster",
    "PrefectureProfile",
    "PrefectureUnit",
    "Profile",
    "ProfileParts",
    "ProvinceContext",
    "Ranking",
    "lookup",
    "prefecture_profile",
    "profile_parts",
    "unit_profile",
    "unit_rows",
]


@cache
def profile_parts(catalog: Catalog) -> ProfileParts:
    """The parts of every unit's profile, computed once per catalog with a few joins.

    The fast lookup stores these in its index; :func:`unit_profile` and the fast lookup both
    put a profile together from them with :func:`~baiqiang.core.plain.profile.assemble`.
    """
    stacked = stack_rankings(catalog.tables).collect()
    rankings: dict[str, list[dict[str, Any]]] = {}
    for r in stacked.iter_rows(named=True):
        rankings.setdefault(str(r["adcode"]), []).append(
            {
                "table": r["table"],
                "title": TABLES[r["table"]].title,
                "rank": r["rank"],
                "province_first": r["province_first"],
                "tier": r["tier"] if TABLES[r["table"]].tiers else None,
            }
        )
    clusters: dict[str, list[dict[str, Any]]] = {}
    national = catalog.national_cluster_counties.join(
        catalog.tables["national-clusters"].select("seq", "cluster", "category", "sector_group", "counties"),
        on=["seq", "cluster"],
        how="inner",
    ).collect()
    for r in national.iter_rows(named=True):
        shared = "、".join(c for c in str(r["counties"]).split("、") if c != r["county"])
        member = {"table": "national-clusters", "cluster": r["cluster"], "category": r["category"]}
        member |= {"sector_group": r["sector_group"], "shared_with": shared}
        clusters.setdefault(str(r["adcode"]), []).append(member)
    for r in catalog.tables["billion-clusters"].collect().iter_rows(named=True):
        member = {"table": "billion-clusters", "cluster": r["cluster"], "scale": r["scale"]}
        member |= {"scale_min_yi": int(r["scale_min_yi"]), "shared_with": ""}
        clusters.setdefault(str(r["adcode"]), []).append(member)
    links = catalog.unit_adcodes.filter(pl.col("source") == "facts").select(
        pl.col("name").alias("unit"), "adcode"
    )
    facts: dict[str, list[dict[str, Any]]] = {}
    for r in catalog.facts.join(links, on="unit", how="inner").collect().iter_rows(named=True):
        facts.setdefault(str(r.pop("adcode")), []).append({k: v for k, v in r.items() if k != "unit"})
    units_in: dict[str, int] = {}
    for kind, types in (("县(市)", XIAN_SHI), ("市辖区", ("市辖区",))):
        counted = catalog.divisions.filter(pl.col("type").is_in(list(types))).group_by("province_short").len()
        units_in |= {f"{p}|{kind}": int(n) for p, n in counted.collect().iter_rows()}
    listed_in: dict[str, dict[str, int]] = {}
    for p, t, n in stacked.group_by("province_short", "table").len().iter_rows():
        listed_in.setdefault(str(p), {})[str(t)] = int(n)
    neighbours: dict[str, list[dict[str, Any]]] = {}
    for r in stacked.sort("table", "rank").iter_rows(named=True):
        neighbours.setdefault(str(r["adcode"])[:4], []).append(
            {"table": r["table"], "rank": r["rank"], "name": r["name"]}
        )
    past: dict[str, list[list[Any]]] = {}
    changed = catalog.former_names.filter(  # 农安县 (220122) was 农安县 (220122) of another prefecture
        (pl.col("former_code") != pl.col("adcode")) | (pl.col("former_name") != pl.col("name"))
    )
    for r in changed.sort("in_use", "former_code").collect().iter_rows(named=True):
        past.setdefault(str(r["adcode"]), []).append(  # rows, not objects: the index reads them fast
            [r["former_code"], r["former_name"], r["in_use"], r["fate"], r["year"]]
        )
    return ProfileParts(rankings, clusters, facts, units_in, listed_in, neighbours, past)


@cache
def unit_rows(catalog: Catalog) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every unit (rows of :func:`~baiqiang.core.resolve.units`) and the former names, as plain
    rows for :func:`~baiqiang.core.plain.resolve.resolve_rows`; made once per catalog."""
    return units(catalog).collect().to_dicts(), catalog.former_names.collect().to_dicts()


def unit_profile(catalog: Catalog, unit: dict[str, Any]) -> Profile:
    """A unit's ranks in every list, its clusters and the prose's facts about it.

    Args:
        catalog: The catalog.
        unit: A row of :func:`baiqiang.core.resolve.units`.
    """
    return assemble(profile_parts(catalog), unit)


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
        counts={t: int(rows.filter(pl.col("table") == t).height) for t in ranking_tables()},
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


def _prefecture_of_code(catalog: Catalog, code: str) -> str | None:
    """The prefecture a six-digit code (320500) is the code of, or None."""
    if not (code.isdigit() and len(code) == 6):
        return None
    found = catalog.divisions.filter(pl.col("prefecture_code") == code).select("prefecture").head(1).collect()
    return str(found.item()) if found.height else None


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
        all_units: Resolve among these units only (rows of :func:`baiqiang.core.resolve.units`);
            by default all of them, made once per catalog.

    Raises:
        LookupFailed: No unit matches.
        Ambiguous: Several do (the message lists them).
    """
    rows, former = unit_rows(catalog)
    if all_units is not None:  # a caller's own selection of units
        rows = all_units.to_dicts()
    res = resolve_rows(rows, query, province=province, prefecture=prefecture, former=former)
    if res.status == Outcome.FOUND and res.unit is not None:
        from baiqiang.core.indicators.store import scan

        profile = found_profile(profile_parts(catalog), res)
        # what the store's check finds damaged is left out here as everywhere (its lookup may
        # still read: the values are named damaged, not shown beside the note that says so)
        bad = {d.name for d in scan()[1]}
        if bad & {i.dataset for i in profile.indicators}:
            profile = replace(
                profile,
                indicators=[i for i in profile.indicators if i.dataset not in bad],
                damaged=sorted({*profile.damaged, *bad}),
            )
        return profile
    if res.status == Outcome.AMBIGUOUS:
        options = ", ".join(describe(c) for c in res.candidates[:8])
        more = f" and {len(res.candidates) - 8} more" if len(res.candidates) > 8 else ""
        why = f" ({res.note})" if res.note else ""
        raise Ambiguous(
            f"{shorten(query)!r} could mean {options}{more}{why}; give the full name, its province or prefecture, or the adcode"
        )
    if prefecture is None:
        by_code = _prefecture_of_code(catalog, query.strip())
        try:
            official = by_code or resolve_prefecture(
                query, catalog.prefectures(), catalog.prefecture_spellings
            )
        except LookupFailed:
            pass
        else:
            found = prefecture_profile(catalog, official, province=province)
            if found.divisions:
                return found
    if TOTAL.search(query.strip()):
        raise LookupFailed(f"{shorten(query)!r} names a total, not a county-level unit")
    where = " in the given province/prefecture" if province or prefecture else ""
    raise LookupFailed(
        f"no county-level unit named {shorten(query)!r}{where}", [describe(c) for c in res.candidates]
    )
