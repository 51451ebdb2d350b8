"""Name resolution: from what a user types (昆山, kunshan, ks, 海门市, 320614) to one unit.

The units are all 2,843 county-level units of mainland China (end of 2021); those in the
report's lists carry the report's spelling of their province and prefecture.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

import polars as pl

from baiqiang.core import geo
from baiqiang.core.catalog import Catalog
from baiqiang.core.filters import search_key
from baiqiang.core.names import SPECIAL_SUFFIXES, split_suffix
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
    FORMER_CODE = "former code"
    EXACT = "exact"
    SUFFIX = "suffix"
    FORMER = "former"
    PINYIN = "pinyin"
    INITIALS = "initials"
    PINYIN_PREFIX = "pinyin prefix"
    TRADITIONAL = "traditional"


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
        note_zh: The same sentence in Chinese.
    """

    status: Outcome
    unit: dict[str, Any] | None = None
    how: Match = Match.NONE
    candidates: list[dict[str, Any]] = field(default_factory=list)
    others: list[dict[str, Any]] = field(default_factory=list)
    note: str = ""
    note_zh: str = ""


def units(catalog: Catalog) -> pl.LazyFrame:
    """Every county-level unit, with ``listed`` true for those in one of the three lists.

    Province and prefecture are the official names, as in every table of the catalog.
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


_SUFFIX_RE = r"(自治县|自治旗|市|县|区|旗)$"


def _with_keys(df: pl.DataFrame) -> pl.DataFrame:
    """Adds the columns names are matched on: base name, pinyin keys, base initials."""
    base = pl.col("name").str.replace(_SUFFIX_RE, "")
    base = pl.when(base.str.len_chars() > 0).then(base).otherwise(pl.col("name"))
    special = {name: b for name, (b, _) in SPECIAL_SUFFIXES.items()}
    base = pl.col("name").replace_strict(special, default=base)
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
        note_zh = f"“{query}”还可指 {len(others)} 个未入榜单位：{shown}"
        return Resolution(Outcome.FOUND, listed[0], how, others=others, note=note, note_zh=note_zh)
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
    a former code (320684 → 海门区); the name without its suffix (昆山 → 昆山市); a former name
    (海门市 → 海门区); full pinyin, with or without the suffix (kunshan, kunshanshi); initials
    (ks, kss); the start of the pinyin (kunsh); the same in simplified characters (崑山). Where several units
    match and exactly one of them is in the report's lists, that one is the answer and the
    others are mentioned; otherwise several matches are ambiguous and never guessed between.
    With none, close spellings are suggested.

    Args:
        all_units: The collected output of :func:`units`.
        query: What the user typed (full-width and traditional characters are accepted).
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
    text = normalise(query)
    if text.isdigit() and len(text) == 6:
        hits = rows.filter(pl.col("adcode") == text).to_dicts()
        found = _decide(hits, Match.ADCODE, text)
        if found is None and former is not None:
            found = _by_former(rows, former.filter(pl.col("former_code") == text), Match.FORMER_CODE, text)
        return found or Resolution(Outcome.MISSING)
    found = _by_name(rows, text, former)
    if found is None and _has_han(text):
        simplified = to_simplified(text)
        if simplified != text:
            found = _by_name(rows, simplified, former)
            if found is not None and found.unit is not None:
                said = f"{text} is {simplified} in simplified characters"
                said_zh = f"{text}即简体的{simplified}"
                found = replace(
                    found,
                    how=Match.TRADITIONAL,
                    note="; ".join(filter(None, (said, found.note))),
                    note_zh="；".join(filter(None, (said_zh, found.note_zh))),
                )
            text = simplified
    return found or Resolution(Outcome.MISSING, None, Match.NONE, suggest(rows.to_dicts(), text))


def normalise(query: str) -> str:
    """What a user typed, made comparable: full-width letters and digits to ASCII, ideographic
    and other spaces trimmed (``ｋｕｎｓｈａｎ`` → ``kunshan``, ``昆　山`` → ``昆山``)."""
    text = unicodedata.normalize("NFKC", query)
    return re.sub(r"\s+", "", text) if _has_han(text) else text.strip()


def _has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def to_simplified(text: str) -> str:
    """Traditional characters to simplified (崑山 → 昆山), by OpenCC's maintained tables."""
    import opencc  # only for names nothing else matched: keeps it off the usual path

    return str(opencc.OpenCC("t2s").convert(text))


def _by_former(rows: pl.DataFrame, olds: pl.DataFrame, how: Match, text: str) -> Resolution | None:
    """The unit a former name or code now belongs to, with a note saying so."""
    codes = {o["adcode"]: o for o in olds.to_dicts()}
    hits = rows.filter(pl.col("adcode").is_in(list(codes))).to_dicts()
    decided = _decide(hits, how, text)
    if decided and decided.unit is not None:
        old = codes[decided.unit["adcode"]]
        unit = decided.unit
        was = f"{old['former_name']} ({old['former_code']})"
        note = f"{was} is a former name of {unit['name']} ({unit['adcode']})"
        note_zh = f"{was} 是 {unit['name']} ({unit['adcode']}) 的旧称"
        return replace(decided, how=how, note=note, note_zh=note_zh)
    return decided


def _by_name(rows: pl.DataFrame, text: str, former: pl.DataFrame | None) -> Resolution | None:
    key = search_key(text)
    keyed = _with_keys(rows)
    for how in (Match.EXACT, Match.SUFFIX, Match.FORMER, Match.PINYIN, Match.INITIALS, Match.PINYIN_PREFIX):
        if how == Match.FORMER:
            if former is None:
                continue
            decided = _by_former(rows, former.filter(pl.col("former_name") == text), how, text)
        elif how == Match.PINYIN_PREFIX:
            if len(key) < 3 or not key.isascii() or not key.isalpha():
                continue
            hits = keyed.filter(pl.col("_pinyin").str.starts_with(key)).select(UNIT_COLUMNS).to_dicts()
            decided = _decide(hits, how, text)
            if decided and decided.unit is not None and not decided.note:
                u = decided.unit
                note = f"{text!r} is the start of the pinyin of {u['name']} ({u['pinyin']})"
                note_zh = f"“{text}”是 {u['name']}（{u['pinyin']}）拼音的开头"
                decided = replace(decided, note=note, note_zh=note_zh)
        else:
            if not (text if how in (Match.EXACT, Match.SUFFIX) else key):
                continue
            decided = _decide(_hits(keyed, how, text, key), how, text)
        if decided:
            return decided
    return None


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
