"""Everything the report says about one unit, or about one prefecture's units."""

from __future__ import annotations

from typing import Any

import polars as pl

from core.catalog import TABLES, Catalog
from core.errors import LookupFailed
from core.names import XIAN_SHI
from core.query import prefecture_rollup, stack_rankings, unit_clusters
from core.resolve import describe, resolve, units


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


def province_context(catalog: Catalog, unit: dict[str, Any]) -> dict[str, Any]:
    """How the unit's province and prefecture fare in the lists, for a unit in none of them.

    Returns:
        ``kind`` (县(市) or 市辖区), ``units_in_province`` (of that kind), ``listed_in_province``
        (list id → units of the province in it), ``prefecture_listed`` (the listed units of the
        unit's prefecture: table, rank, name).
    """
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
        .to_dicts()
    )
    context: dict[str, Any] = {
        "kind": kind,
        "units_in_province": same.select(pl.len()).collect().item(),
        "listed_in_province": listed,
        "prefecture_listed": neighbours,
    }
    if province_short in MUNICIPALITIES:
        context["not_ranked"] = NOT_RANKED[kind]
    return context


def unit_profile(catalog: Catalog, unit: dict[str, Any]) -> dict[str, Any]:
    """A unit's ranks in every list, its clusters and the prose's facts about it.

    Args:
        catalog: The catalog.
        unit: A row of :func:`core.resolve.units`.

    Returns:
        A JSON-ready dict with keys ``name``, ``adcode``, ``province``, ``prefecture``,
        ``region``, ``county_type``, ``pinyin``, ``province_en``, ``rankings``, ``clusters``,
        ``facts`` and, for a unit in no list, ``context`` (see :func:`province_context`).
    """
    name, code = unit["name"], unit["adcode"]
    ranks = stack_rankings(catalog.tables).filter(pl.col("adcode") == code).collect()
    rankings = []
    for r in ranks.iter_rows(named=True):
        entry: dict[str, Any] = {
            "table": r["table"],
            "title": TABLES[r["table"]].title,
            "rank": r["rank"],
            "province_first": r["province_first"],
        }
        if r["table"] == "industrial-counties":
            entry["tier"] = r["tier"]
        rankings.append(entry)
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
    profile: dict[str, Any] = {
        "kind": "unit",
        "name": name,
        "adcode": code,
        "province": unit.get("province"),
        "prefecture": unit.get("prefecture"),
        "region": unit.get("region"),
        "county_type": unit.get("county_type"),
        "pinyin": unit.get("pinyin"),
        "province_en": unit.get("province_en"),
        "rankings": rankings,
        "clusters": [{k: v for k, v in c.items() if v is not None} for c in clusters.to_dicts()],
        "facts": facts.to_dicts(),
    }
    if not rankings:
        profile["context"] = province_context(catalog, unit)
    return profile


def _fact_unit_is(catalog: Catalog, name: str, code: str) -> bool:
    """Whether the report's facts about `name` are about the unit with this code."""
    links = catalog.unit_adcodes.filter((pl.col("source") == "facts") & (pl.col("name") == name)).collect()
    return links.height > 0 and str(links["adcode"][0]) == code


def prefecture_profile(catalog: Catalog, prefecture: str) -> dict[str, Any]:
    """A prefecture's units in every list and their clusters (苏州市 → 昆山市, 吴江区 …)."""
    rows = prefecture_rollup(stack_rankings(catalog.tables), prefecture=prefecture).collect()
    names = rows["name"].unique(maintain_order=True).to_list()
    clusters = []
    for name in names:
        found = unit_clusters(
            catalog.tables["national-clusters"],
            catalog.national_cluster_counties,
            catalog.tables["billion-clusters"],
            unit=name,
        ).collect()
        clusters += [
            {"county": name, **{k: v for k, v in c.items() if v is not None}} for c in found.to_dicts()
        ]
    counts = {t: int(rows.filter(pl.col("table") == t).height) for t in TABLES if TABLES[t].kind == "ranking"}
    return {
        "kind": "prefecture",
        "prefecture": prefecture,
        "province": rows["province"][0] if rows.height else None,
        "counts": counts,
        "units": rows.select("table", "rank", "name", "province_first", "tier", "county_type").to_dicts(),
        "clusters": clusters,
    }


def lookup(
    catalog: Catalog,
    query: str,
    *,
    province: str | None = None,
    prefecture: str | None = None,
    all_units: pl.DataFrame | None = None,
) -> dict[str, Any]:
    """Resolves `query` to a unit (or, failing that, a prefecture) and profiles it.

    Args:
        catalog: The catalog.
        query: 昆山, 昆山市, kunshan, ks, 320583, 海门市 … or a prefecture such as 苏州.
        province: Narrow to a province (short name).
        prefecture: Narrow to a prefecture.
        all_units: :func:`core.resolve.units` already collected, where the caller keeps it (the
            explorer does); built here otherwise.

    Raises:
        LookupFailed: No unit matches, or several do (the message lists them).
    """
    if all_units is None:
        all_units = units(catalog).collect()
    res = resolve(
        all_units, query, province=province, prefecture=prefecture, former=catalog.former_names.collect()
    )
    if res.status == "found" and res.unit is not None:
        profile = unit_profile(catalog, res.unit)
        profile["matched"] = res.how
        if res.note:
            profile["note"] = res.note
        if res.others:
            profile["namesakes"] = [describe(o) for o in res.others]
        return profile
    if res.status == "ambiguous":
        options = ", ".join(describe(c) for c in res.candidates[:8])
        more = f" and {len(res.candidates) - 8} more" if len(res.candidates) > 8 else ""
        raise LookupFailed(
            f"{query!r} could mean {options}{more}; give the full name, --province, --prefecture or the adcode"
        )
    rolled = stack_rankings(catalog.tables).select("prefecture").unique().collect()["prefecture"].to_list()
    for candidate in (query.strip(), query.strip() + "市"):
        if candidate in rolled:
            return prefecture_profile(catalog, candidate)
    where = " in the given province/prefecture" if province or prefecture else ""
    raise LookupFailed(f"no county-level unit named {query!r}{where}", [describe(c) for c in res.candidates])
