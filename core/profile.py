"""Everything the report says about one unit, or about one prefecture's units."""

from __future__ import annotations

from typing import Any

import polars as pl

from core.catalog import TABLES, Catalog
from core.errors import LookupFailed
from core.query import prefecture_rollup, stack_rankings, unit_clusters
from core.resolve import resolve, units


def _describe(row: dict[str, Any]) -> str:
    where = " ".join(str(row[k]) for k in ("province", "prefecture") if row.get(k))
    return f"{row['name']} ({where})" if where else str(row["name"])


def unit_profile(catalog: Catalog, unit: dict[str, Any]) -> dict[str, Any]:
    """A unit's ranks in every list, its clusters and the prose's facts about it.

    Args:
        catalog: The catalog.
        unit: A row of :func:`core.resolve.units`.

    Returns:
        A JSON-ready dict with keys ``name``, ``province``, ``prefecture``, ``region``,
        ``county_type``, ``pinyin``, ``province_en``, ``rankings``, ``clusters`` and ``facts``.
    """
    name = unit["name"]
    stacked = stack_rankings(catalog.tables)
    keys = pl.col("name") == name
    if unit.get("province") is not None:
        keys &= (pl.col("province") == unit["province"]) & (pl.col("prefecture") == unit["prefecture"])
    ranks = stacked.filter(keys).collect()
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
        catalog.national_cluster_counties,
        catalog.tables["billion-clusters"],
        unit=name,
    ).collect()
    facts = catalog.facts.filter(pl.col("unit") == name).drop("unit").collect()
    return {
        "kind": "unit",
        "name": name,
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
    catalog: Catalog, query: str, *, province: str | None = None, prefecture: str | None = None
) -> dict[str, Any]:
    """Resolves `query` to a unit (or, failing that, a prefecture) and profiles it.

    Args:
        catalog: The catalog.
        query: 昆山, 昆山市, kunshan, ks … or a prefecture such as 苏州.
        province: Narrow to a province (short name).
        prefecture: Narrow to a prefecture.

    Raises:
        LookupFailed: No unit matches, or several do (the message lists them).
    """
    all_units = units(catalog).collect()
    res = resolve(all_units, query, province=province, prefecture=prefecture)
    if res.status == "found" and res.unit is not None:
        profile = unit_profile(catalog, res.unit)
        profile["matched"] = res.how
        return profile
    if res.status == "ambiguous":
        options = ", ".join(_describe(c) for c in res.candidates[:8])
        raise LookupFailed(f"{query!r} could mean {options}; give the full name, --province or --prefecture")
    prefectures = set(all_units["prefecture"].drop_nulls().to_list())
    for candidate in (query.strip(), query.strip() + "市"):
        if candidate in prefectures:
            return prefecture_profile(catalog, candidate)
    where = " in the given province/prefecture" if province or prefecture else " in the report"
    raise LookupFailed(f"no unit named {query!r}{where}", [_describe(c) for c in res.candidates])
