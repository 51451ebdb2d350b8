"""Filters: one value object that the CLI and the explorer both build, validated once.

:meth:`Filters.parse` turns what a user typed (江苏省, jiangsu, East, 1-20 …) into canonical
values, or raises with a suggestion; :func:`filter_units` is the only function that applies
them; :func:`filter_options` gives the values a quick filter offers, with counts that follow
the other filters in force.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Literal

import polars as pl

from baiqiang.core.plain import geo
from baiqiang.core.plain.errors import InvalidValue, LookupFailed
from baiqiang.core.plain.names import COUNTY_TYPES, search_key
from baiqiang.core.plain.suggest import did_you_mean, shorten

FilterField = Literal["province", "region", "prefecture", "tier", "county_type", "name", "search", "ranks"]
"""The filters by name, as the front ends show them."""

PICKABLE: tuple[FilterField, ...] = ("province", "region", "tier", "county_type")
"""The filters a user picks from a short list of values."""

_REGION_ALIASES = {
    **{r: r for r in geo.REGIONS},
    **{en.casefold(): zh for zh, en in geo.REGION_ENGLISH.items()},
    "东": "东部",
    "中": "中部",
    "西": "西部",
    "东部地区": "东部",
    "中部地区": "中部",
    "西部地区": "西部",
    "东北地区": "东北",
    "north-east": "东北",
    "north east": "东北",
}

_COUNTY_TYPE_ALIASES = {
    **{t: t for t in set(COUNTY_TYPES.values())},
    "city": "县级市",
    "county-level city": "县级市",
    "county": "县",
    "banner": "旗",
    "district": "市辖区",
    "区": "市辖区",
    "市": "县级市",
    "autonomous county": "自治县",
}


def resolve_province(text: str) -> geo.Province:
    """A province from any spelling (江苏, 江苏省, Jiangsu, jiangsu).

    Raises:
        LookupFailed: No province is spelt so.
    """
    found = geo.find_province(text)
    if found is None:
        raise LookupFailed(
            f"unknown province {shorten(text)!r}", did_you_mean(text, geo.all_province_spellings())
        )
    return found


def resolve_region(text: str) -> str:
    """A region (东部, 中部, 西部, 东北) from Chinese or English.

    Raises:
        LookupFailed: Not a region.
    """
    key = text.strip().casefold()
    if key in _REGION_ALIASES:
        return _REGION_ALIASES[key]
    raise LookupFailed(
        f"unknown region {shorten(text)!r}",
        did_you_mean(text, list(_REGION_ALIASES)),
        list(geo.REGIONS) + list(geo.REGION_ENGLISH.values()),
    )


def resolve_county_type(text: str) -> str:
    """A county type (县级市, 县, 旗, 市辖区 …) from Chinese or English.

    Raises:
        LookupFailed: Not a county type.
    """
    key = text.strip().casefold()
    if key in _COUNTY_TYPE_ALIASES:
        return _COUNTY_TYPE_ALIASES[key]
    choices = sorted(set(COUNTY_TYPES.values()))
    raise LookupFailed(
        f"unknown county type {shorten(text)!r}", did_you_mean(text, list(_COUNTY_TYPE_ALIASES)), choices
    )


_ETHNIC = (
    "蒙古", "朝鲜", "藏族", "羌族", "彝族", "苗族", "侗族", "布依族", "土家族", "白族", "傣族",
    "景颇族", "傈僳族", "哈尼族", "壮族", "回族", "哈萨克", "柯尔克孜",
)  # fmt: skip

DIRECT = "省直辖县级行政区划"
"""The official "prefecture" of county-level units governed by their province (仙桃市, 济源市)."""


def prefecture_short(name: str) -> str:
    """The short form people write: 丽水市 → 丽水, 巴音郭楞蒙古自治州 → 巴音郭楞, 阿克苏地区 → 阿克苏."""
    if name == DIRECT:
        return "省直管"
    if name.endswith("自治州"):
        cuts = [i for i in (name.find(e, 2) for e in _ETHNIC) if i > 0]
        return name[: min(cuts)] if cuts else name.removesuffix("自治州")
    for suffix in ("地区", "盟", "市"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name.removesuffix(suffix)
    return name


def resolve_prefecture(text: str, known: Sequence[str], spellings: Mapping[str, str] | None = None) -> str:
    """A prefecture's official name (丽水市, 巴音郭楞蒙古自治州) from any usual spelling.

    Accepted: the official name, its short form (丽水, 巴音郭楞, 阿克苏), the report's own
    spelling (省直管), and the official name's ``市`` dropped or added.

    Args:
        text: What the user typed.
        known: Every prefecture's official name.
        spellings: The report's spellings → official names.

    Raises:
        LookupFailed: No prefecture is spelt so.
    """
    t = text.strip()
    if t in known:
        return t
    aliases = {prefecture_short(k): k for k in known}
    aliases.update(spellings or {})
    aliases.setdefault("省直管", DIRECT)
    aliases.setdefault("省直辖", DIRECT)
    for candidate in (t, t.removesuffix("市")):
        if candidate in aliases:
            return aliases[candidate]
    if t + "市" in known:
        return t + "市"
    raise LookupFailed(f"unknown prefecture {shorten(t)!r}", did_you_mean(t, [*known, *aliases]))


def parse_ranks(text: str) -> tuple[int, int]:
    """A rank range: ``1-20`` → (1, 20); ``7`` → (7, 7).

    Raises:
        InvalidValue: Not a range, or the first rank is greater than the last.
    """
    lo, sep, hi = text.partition("-")
    if not (lo.strip().isdigit() and (not sep or hi.strip().isdigit())):
        raise InvalidValue(f"ranks takes a range such as 1-20, not {shorten(text)!r}", field="ranks")
    first, last = int(lo), int(hi) if sep else int(lo)
    if first > last:
        raise InvalidValue(
            f"ranks {text}: the first rank is greater than the last; try {last}-{first}", field="ranks"
        )
    return first, last


@dataclass(frozen=True)
class Filters:
    """Every filter a table can be narrowed by, in canonical form; None (or '') means "any".

    Attributes:
        province: A short province name (江苏).
        region: 东部, 中部, 西部 or 东北.
        prefecture: A prefecture's official name (苏州市, 巴音郭楞蒙古自治州).
        tier: 1–4 (工业百强县 only).
        county_type: 县级市, 县, 旗, 市辖区 ….
        name: Text in the name, or the start of its pinyin or initials.
        search: Like `name`, or text in the province or prefecture (the explorer's ``/``).
        rank_min: The least rank kept.
        rank_max: The greatest rank kept.

    Raises:
        InvalidValue: On construction, a tier outside 1–4 or an inverted rank range.
    """

    province: str | None = None
    region: str | None = None
    prefecture: str | None = None
    tier: int | None = None
    county_type: str | None = None
    name: str | None = None
    search: str | None = None
    rank_min: int | None = None
    rank_max: int | None = None

    def __post_init__(self) -> None:
        if self.tier is not None and self.tier not in (1, 2, 3, 4):
            raise InvalidValue(f"tier takes 1, 2, 3 or 4, not {self.tier}", field="tier")
        if self.rank_min is not None and self.rank_max is not None and self.rank_min > self.rank_max:
            raise InvalidValue(
                f"ranks {self.rank_min}-{self.rank_max}: the first rank is greater than the last",
                field="ranks",
            )
        for text_field in ("name", "search"):
            value = getattr(self, text_field)
            if value is not None and not value.strip():
                object.__setattr__(self, text_field, None)

    @classmethod
    def parse(
        cls,
        *,
        province: str | None = None,
        region: str | None = None,
        prefecture: str | None = None,
        tier: int | str | None = None,
        county_type: str | None = None,
        name: str | None = None,
        search: str | None = None,
        ranks: str | None = None,
        prefectures: Sequence[str] = (),
        spellings: Mapping[str, str] | None = None,
    ) -> Filters:
        """Filters from what a user typed, each value checked and made canonical.

        Args:
            province: 江苏, 江苏省, Jiangsu, jiangsu, 32 ….
            region: 东部 or East ….
            prefecture: 苏州 or 苏州市.
            tier: 1–4.
            county_type: 县级市 or city ….
            name: Name text, pinyin or initials.
            search: Like name, or province or prefecture text.
            ranks: ``1-20`` or ``7``.
            prefectures: Every prefecture's official name, to check `prefecture` against.
            spellings: The report's spellings of prefectures → official names.

        Raises:
            LookupFailed: An unknown province, region, prefecture or county type.
            InvalidValue: A tier outside 1–4 or a malformed or inverted rank range.
        """
        rank_min = rank_max = None
        if ranks is not None:
            rank_min, rank_max = parse_ranks(ranks)
        if isinstance(tier, str):
            if not tier.strip().isdigit():
                raise InvalidValue(f"tier takes 1, 2, 3 or 4, not {tier!r}", field="tier")
            tier = int(tier)
        return cls(
            province=resolve_province(province).short if province else None,
            region=resolve_region(region) if region else None,
            prefecture=resolve_prefecture(prefecture, prefectures, spellings) if prefecture else None,
            tier=tier,
            county_type=resolve_county_type(county_type) if county_type else None,
            name=name,
            search=search,
            rank_min=rank_min,
            rank_max=rank_max,
        )

    def with_(self, **changes: object) -> Filters:
        """A copy with some filters changed (validated again)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def without(self, field: FilterField) -> Filters:
        """A copy with one filter removed (``ranks`` removes both bounds)."""
        if field == "ranks":
            return replace(self, rank_min=None, rank_max=None)
        return replace(self, **{field: None})

    @property
    def ranks(self) -> str | None:
        """The rank range as written (``1-20``), or None."""
        if self.rank_min is None and self.rank_max is None:
            return None
        lo = self.rank_min if self.rank_min is not None else 1
        hi = self.rank_max if self.rank_max is not None else lo
        return f"{lo}-{hi}" if lo != hi else str(lo)

    def active(self) -> list[tuple[FilterField, str]]:
        """The filters in force as (field, value) pairs, in a fixed order."""
        pairs: list[tuple[FilterField, str | None]] = [
            ("province", self.province),
            ("region", self.region),
            ("prefecture", self.prefecture),
            ("tier", None if self.tier is None else str(self.tier)),
            ("county_type", self.county_type),
            ("name", self.name),
            ("search", self.search),
            ("ranks", self.ranks),
        ]
        return [(k, v) for k, v in pairs if v]

    def __bool__(self) -> bool:
        """True when any filter is in force."""
        return bool(self.active())


FILTER_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Filters))

_COLUMN_OF = {
    "province": "province_short",
    "region": "region",
    "prefecture": "prefecture",
    "tier": "tier",
    "county_type": "county_type",
}


def name_matches(text: str) -> pl.Expr:
    """True where the name contains `text`, or its pinyin or initials start with it."""
    key = search_key(text)
    by_name = pl.col("name").str.contains(text.strip(), literal=True)
    pinyin = pl.col("pinyin").str.replace_all(r"[\s']", "").str.to_lowercase()
    return by_name | pinyin.str.starts_with(key) | pl.col("initials").str.starts_with(key)


def search_matches(text: str, cols: Sequence[str] = ()) -> pl.Expr:
    """The explorer's search: :func:`name_matches`, or text in the province or prefecture, or
    the start of their pinyin (``suzhou``, ``zhejiang``) where the table has it."""
    t = text.strip()
    found = (
        name_matches(t)
        | pl.col("province").str.contains(t, literal=True)
        | pl.col("prefecture").str.contains(t, literal=True)
    )
    key = search_key(t)
    if key.isascii() and key.isalpha():
        for column in ("_province_key", "_prefecture_key"):
            if column in cols:
                found |= pl.col(column).fill_null("").str.starts_with(key)
    return found


def _contains_any(cols: list[str], candidates: tuple[str, ...], text: str) -> pl.Expr:
    """True where any of the candidate columns that exist contains `text`."""
    present = [c for c in candidates if c in cols]
    return pl.any_horizontal(pl.col(c).str.contains(text.strip(), literal=True) for c in present)


def filter_units(lf: pl.LazyFrame, filters: Filters) -> pl.LazyFrame:
    """Keeps the rows that pass every filter.

    Args:
        lf: A table of the catalog.
        filters: The filters, canonical (as :meth:`Filters.parse` makes them).

    Raises:
        LookupFailed: A filter is set that the table has no column for.
    """
    cols = lf.collect_schema().names()
    conds: list[pl.Expr] = []
    for field, column in _COLUMN_OF.items():
        value = getattr(filters, field)
        if value is None:
            continue
        if column not in cols:
            raise LookupFailed(f"this table has no {field.replace('_', ' ')} column to filter on")
        conds.append(pl.col(column) == value)
    if filters.rank_min is not None or filters.rank_max is not None:
        if "rank" not in cols:
            raise LookupFailed("this table has no rank column to filter on")
        if filters.rank_min is not None:
            conds.append(pl.col("rank") >= filters.rank_min)
        if filters.rank_max is not None:
            conds.append(pl.col("rank") <= filters.rank_max)
    ranked = "pinyin" in cols
    if filters.name is not None:
        conds.append(
            name_matches(filters.name)
            if ranked
            else _contains_any(cols, ("county", "counties", "cluster"), filters.name)
        )
    if filters.search is not None:
        conds.append(
            search_matches(filters.search, cols)
            if ranked
            else _contains_any(
                cols, ("county", "counties", "cluster", "province", "prefecture"), filters.search
            )
        )
    return lf.filter(*conds) if conds else lf


@dataclass(frozen=True)
class FilterOption:
    """A value a quick filter offers.

    Attributes:
        value: The canonical value (江苏, 东部, 2, 县级市).
        count: Rows it would keep, with the other filters in force.
        english: An English name where there is one (Jiangsu, East).
    """

    value: str | int
    count: int
    english: str | None = None


def filter_options(lf: pl.LazyFrame, filters: Filters, *, field: FilterField) -> list[FilterOption]:
    """The values a quick filter offers, in their natural order, with the rows each would keep.

    Counts follow the other filters in force (the field's own filter is left out, so that
    the user sees the alternatives); values that would keep no row are left out.

    Args:
        lf: A table of the catalog.
        filters: The filters in force.
        field: One of :data:`PICKABLE`.

    Returns:
        The options; none where the table has no such column.
    """
    column = _COLUMN_OF.get(field)
    if column is None or column not in lf.collect_schema().names():
        return []
    counted = filter_units(lf, filters.without(field)).group_by(column).len().drop_nulls().collect()
    found = dict(counted.iter_rows())
    if field == "province":
        return [
            FilterOption(p.short, int(found[p.short]), p.english) for p in geo.PROVINCES if p.short in found
        ]
    if field == "region":
        return [FilterOption(r, int(found[r]), geo.REGION_ENGLISH[r]) for r in geo.REGIONS if r in found]
    if field == "tier":
        return [FilterOption(int(k), int(found[k])) for k in sorted(found)]
    return [FilterOption(str(k), int(n)) for k, n in sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))]
