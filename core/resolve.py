"""Name resolution: from what a user types (昆山, kunshan, ks, 海门市, 320614) to one unit.

The units are all 2,843 county-level units of mainland China (end of 2021); those in the
report's lists carry the report's spelling of their province and prefecture.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import polars as pl

from baiqiang.core import geo
from baiqiang.core.catalog import Catalog
from baiqiang.core.filters import search_key
from baiqiang.core.names import split_suffix
from baiqiang.core.query import stack_rankings

UNIT_COLUMNS = [
    "adcode",
    "name",
    "province",
    "prefecture",
    "region",
    "county_type",
    "province_short",
    "province_en",
    "pinyin",
    "initials",
    "listed",
]


class Outcome(StrEnum):
    """What resolving a name came to."""

    FOUND = "found"
    AMBIGUOUS = "ambiguous"
    MISSING = "missing"


class Match(StrEnum):
    """How a name matched a unit, tried in this order."""

    NONE = ""
    ADCODE = "adcode"
    EXACT = "exact"
    SUFFIX = "suffix"
    FORMER = "former"
    PINYIN = "pinyin"
    INITIALS = "initials"


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving a name.

    Attributes:
        status: Found, ambiguous or missing.
        unit: The unit found (a row of :func:`units`), when status is found.
        how: How it matched.
        candidates: The units it could mean (ambiguous) or close spellings (missing).
        others: Namesakes not in any list, when a listed unit was preferred to them.
        note: A sentence about the match (a former name, namesakes).
    """

    status: Outcome
    unit: dict[str, Any] | None = None
    how: Match = Match.NONE
    candidates: list[dict[str, Any]] = field(default_factory=list)
    others: list[dict[str, Any]] = field(default_factory=list)
    note: str = ""


def units(catalog: Catalog) -> pl.LazyFrame:
    """Every county-level unit, with ``listed`` true for those in one of the three lists.

    A listed unit keeps the report's spelling of its province and prefecture (内蒙古, 巴音郭楞,
    省直管); the others have the official names.
    """
    listed = (
        stack_rankings(catalog.tables)
        .select("adcode", "province", "prefecture")
        .unique(subset=["adcode"], keep="first", maintain_order=True)
    )
    english = pl.DataFrame(
        {
            "province_short": [p.short for p in geo.PROVINCES],
            "province_en": [p.english for p in geo.PROVINCES],
        }
    ).lazy()
    return (
        catalog.divisions.join(listed, on="adcode", how="left", suffix="_report")
        .join(english, on="province_short", how="left")
        .with_columns(
            listed=pl.col("province_report").is_not_null(),
            province=pl.coalesce("province_report", "province"),
            prefecture=pl.coalesce("prefecture_report", "prefecture"),
            county_type=pl.col("type"),
        )
        .select(UNIT_COLUMNS)
        .sort("adcode")
    )


def _describe(row: dict[str, Any]) -> str:
    where = " ".join(str(row[k]) for k in ("province", "prefecture") if row.get(k))
    return f"{row['name']} ({where} {row['adcode']})" if where else str(row["name"])


def describe(row: dict[str, Any]) -> str:
    """A unit as a person tells it apart: 铁西区 (辽宁省 鞍山市 210303)."""
    return _describe(row)


_SUFFIX_RE = r"(自治县|自治旗|林区|特区|市|县|区|旗)$"


def _with_keys(df: pl.DataFrame) -> pl.DataFrame:
    """Adds the columns names are matched on: base name, pinyin keys, base initials."""
    base = pl.col("name").str.replace(_SUFFIX_RE, "")
    base = pl.when(base.str.len_chars() > 0).then(base).otherwise(pl.col("name"))
    pinyin = pl.col("pinyin").fill_null("")
    return df.with_columns(
        _base=base,
        _has_suffix=pl.col("name").str.contains(_SUFFIX_RE) & (base != pl.col("name")),
        _pinyin=pinyin.str.replace_all(r"[\s'’\-]", "").str.to_lowercase(),
        _pinyin_base=pinyin.str.split(" ").list.first().str.replace_all(r"['’\-]", "").str.to_lowercase(),
        _initials=pl.col("initials").fill_null(""),
    ).with_columns(_initials_base=pl.col("_initials").str.slice(0, pl.col("_base").str.len_chars()))


def _hits(keyed: pl.DataFrame, how: Match, text: str, key: str) -> list[dict[str, Any]]:
    if how == Match.EXACT:
        cond = pl.col("name") == text
    elif how == Match.SUFFIX:
        cond = pl.col("_has_suffix") & (pl.col("_base") == text)
    elif how == Match.PINYIN:
        cond = (pl.col("_pinyin") == key) | (pl.col("_pinyin_base") == key)
    else:
        cond = (pl.col("_initials") == key) | (pl.col("_initials_base") == key)
    return keyed.filter(cond).select(UNIT_COLUMNS).to_dicts()


def _decide(hits: list[dict[str, Any]], how: Match, query: str) -> Resolution | None:
    if not hits:
        return None
    if len(hits) == 1:
        return Resolution(Outcome.FOUND, hits[0], how)
    listed = [h for h in hits if h.get("listed")]
    if len(listed) == 1:
        others = [h for h in hits if not h.get("listed")]
        shown = "; ".join(_describe(o) for o in others[:5]) + (" …" if len(others) > 5 else "")
        note = f"{query!r} also names {len(others)} unit(s) in no list: {shown}"
        return Resolution(Outcome.FOUND, listed[0], how, others=others, note=note)
    ordered = listed + [h for h in hits if not h.get("listed")]
    return Resolution(Outcome.AMBIGUOUS, None, how, ordered)


def resolve(
    all_units: pl.DataFrame,
    query: str,
    *,
    province: str | None = None,
    prefecture: str | None = None,
    former: pl.DataFrame | None = None,
) -> Resolution:
    """Resolves a typed name to one unit, or says which units it could mean.

    Tried in order, the first kind that matches deciding: a six-digit adcode; the exact name;
    the name without its suffix (昆山 → 昆山市); a former name (海门市 → 海门区); full pinyin,
    with or without the suffix (kunshan, kunshanshi); initials (ks, kss). Where several units
    match and exactly one of them is in the report's lists, that one is the answer and the
    others are mentioned; otherwise several matches are ambiguous and never guessed between.
    With none, close spellings are suggested.

    Args:
        all_units: The collected output of :func:`units`.
        query: What the user typed.
        province: Keep only units of this province (short name, 江苏).
        prefecture: Keep only units of this prefecture (苏州 or 苏州市).
        former: ``former_names`` of the catalog, to resolve former names.
    """
    rows = all_units
    if province is not None:
        rows = rows.filter(pl.col("province_short") == province)
    if prefecture is not None:
        p = prefecture.strip().removesuffix("市")
        rows = rows.filter(pl.col("prefecture").fill_null("").str.starts_with(p))
    text = query.strip()
    if text.isdigit() and len(text) == 6:
        hits = rows.filter(pl.col("adcode") == text).to_dicts()
        return _decide(hits, Match.ADCODE, text) or Resolution(Outcome.MISSING)
    key = search_key(text)
    keyed = _with_keys(rows)
    for how in (Match.EXACT, Match.SUFFIX, Match.FORMER, Match.PINYIN, Match.INITIALS):
        if how == Match.FORMER:
            if former is None:
                continue
            olds = former.filter(pl.col("former_name") == text).to_dicts()
            codes = {o["adcode"]: o for o in olds}
            hits = rows.filter(pl.col("adcode").is_in(list(codes))).to_dicts()
            decided = _decide(hits, how, text)
            if decided and decided.unit is not None:
                old = codes[decided.unit["adcode"]]
                note = f"{text} ({old['former_code']}) is a former name of {decided.unit['name']} ({old['adcode']})"
                return Resolution(decided.status, decided.unit, how, decided.candidates, decided.others, note)
            if decided:
                return decided
            continue
        if not (text if how in (Match.EXACT, Match.SUFFIX) else key):
            continue
        decided = _decide(_hits(keyed, how, text, key), how, text)
        if decided:
            return decided
    return Resolution(Outcome.MISSING, None, Match.NONE, suggest(rows.to_dicts(), text))


def suggest(rows: list[dict[str, Any]], text: str, *, n: int = 5) -> list[dict[str, Any]]:
    """Units whose name or pinyin is close to `text`, best first (listed units first on ties)."""
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
            scored[i] = score + (0.05 if r.get("listed") else 0.0)
    best = sorted(scored, key=lambda i: -scored[i])[:n]
    return [rows[i] for i in best]
