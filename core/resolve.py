"""Name resolution: from what a user types (昆山, kunshan, ks, 昆山市) to one unit."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import polars as pl

from core.catalog import Catalog
from core.names import county_type, split_suffix
from core.query import search_key, stack_rankings

UNIT_COLUMNS = [
    "name",
    "province",
    "prefecture",
    "region",
    "county_type",
    "province_en",
    "pinyin",
    "initials",
]


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving a name.

    Attributes:
        status: ``found``, ``ambiguous`` or ``missing``.
        unit: The unit found (a row of :func:`units`), when status is ``found``.
        how: How it matched: ``exact``, ``suffix``, ``pinyin``, ``initials``.
        candidates: The units it could mean (ambiguous) or close spellings (missing).
    """

    status: str
    unit: dict[str, object] | None = None
    how: str = ""
    candidates: list[dict[str, object]] = field(default_factory=list)


def units(catalog: Catalog) -> pl.LazyFrame:
    """Every unit the report names: those of the three lists, then cluster and fact counties.

    A county named only by a cluster or a fact (格尔木市, 平乡县) has no province here.
    """
    listed = (
        stack_rankings(catalog.tables)
        .select(UNIT_COLUMNS)
        .unique(subset=["name", "province", "prefecture"], keep="first", maintain_order=True)
    )
    others = pl.concat(
        [
            catalog.national_cluster_counties.select(pl.col("county").alias("name")),
            catalog.tables["billion-clusters"].select(pl.col("county").alias("name")),
            catalog.facts.select(pl.col("unit").alias("name")),
        ]
    ).unique(maintain_order=True)
    extra = others.join(listed.select("name"), on="name", how="anti").with_columns(
        pl.lit(None, dtype=pl.String).alias("province"),
        pl.lit(None, dtype=pl.String).alias("prefecture"),
        pl.lit(None, dtype=pl.String).alias("region"),
        pl.col("name").map_elements(county_type, return_dtype=pl.String).alias("county_type"),
        pl.lit(None, dtype=pl.String).alias("province_en"),
        pl.lit(None, dtype=pl.String).alias("pinyin"),
        pl.lit(None, dtype=pl.String).alias("initials"),
    )
    return pl.concat([listed, extra.select(UNIT_COLUMNS)], how="vertical")


def _keys(row: dict[str, object]) -> dict[str, set[str]]:
    name = str(row["name"])
    base, suffix = split_suffix(name)
    pinyin = str(row.get("pinyin") or "")
    initials = str(row.get("initials") or "")
    words = pinyin.split(" ")
    return {
        "exact": {name},
        "suffix": {base} if suffix else set(),
        "pinyin": {search_key(pinyin), search_key(words[0])} if pinyin else set(),
        "initials": {initials, initials[: len(base)]} if initials else set(),
    }


def resolve(
    all_units: pl.DataFrame,
    query: str,
    *,
    province: str | None = None,
    prefecture: str | None = None,
) -> Resolution:
    """Resolves a typed name to one unit, or says which units it could mean.

    Tried in order: the exact name; the name without its suffix (昆山 → 昆山市); full
    pinyin, with or without the suffix (kunshan, kunshanshi); initials (ks, kss). The first
    kind that matches decides; two or more matches are ambiguous and never guessed between.
    With none, close spellings are suggested.

    Args:
        all_units: The collected output of :func:`units`.
        query: What the user typed.
        province: Keep only units of this province (short name, 江苏).
        prefecture: Keep only units of this prefecture, as printed.
    """
    rows = all_units.to_dicts()
    if province is not None:
        rows = [r for r in rows if str(r.get("province") or "").startswith(province)]
    if prefecture is not None:
        rows = [r for r in rows if r.get("prefecture") in (prefecture, prefecture + "市")]
    text = query.strip()
    key = search_key(text)
    keyed = [(r, _keys(r)) for r in rows]
    for how in ("exact", "suffix", "pinyin", "initials"):
        probe = text if how in ("exact", "suffix") else key
        hits = [r for r, k in keyed if probe and probe in k[how]]
        if len(hits) == 1:
            return Resolution("found", hits[0], how)
        if hits:
            return Resolution("ambiguous", None, how, hits)
    return Resolution("missing", None, "", suggest(rows, text))


def suggest(rows: list[dict[str, object]], text: str, *, n: int = 5) -> list[dict[str, object]]:
    """Units whose name or pinyin is close to `text`, best first."""
    scored: dict[int, float] = {}
    key = search_key(text)
    for i, r in enumerate(rows):
        name = str(r["name"])
        base, _ = split_suffix(name)
        score = max(
            difflib.SequenceMatcher(None, text, name).ratio(),
            difflib.SequenceMatcher(None, text, base).ratio(),
            difflib.SequenceMatcher(None, key, search_key(str(r.get("pinyin") or ""))).ratio()
            if key
            else 0.0,
            0.8 if len(text) >= 2 and text in name else 0.0,
        )
        if score >= 0.5:
            scored[i] = score
    best = sorted(scored, key=lambda i: -scored[i])[:n]
    return [rows[i] for i in best]
