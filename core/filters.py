"""Filters, declared once each in one registry (:data:`FILTERS`), and the value object built from
them.

A :class:`FilterSpec` says everything about a filter: its name, help in both languages, how what a
user typed becomes its canonical value (江苏省, jiangsu → 江苏; East → 东部; 1-20 → (1, 20)), which
rows it keeps, and the quick filter the explorer offers for it. Everything else is derived: the
:class:`Filters` value object's fields, every command's options (:mod:`baiqiang.tui.cli.options`),
the API's keywords, the explorer's quick-filter keys and the ``baiqiang list`` command its status
line shows. A new filter is one :func:`register_filter` call (and its test).

:func:`filter_units` is the only function that applies filters; :func:`filter_options` gives the
values a quick filter offers, with counts that follow the other filters in force.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from baiqiang.core.plain import geo
from baiqiang.core.plain.errors import InvalidValue, LookupFailed
from baiqiang.core.plain.names import COUNTY_TYPES, search_key
from baiqiang.core.plain.suggest import did_you_mean, shorten

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
    if first < 1:
        raise InvalidValue(f"ranks start at 1, not {first}", field="ranks")
    if first > last:
        raise InvalidValue(
            f"ranks {text}: the first rank is greater than the last; try {last}-{first}", field="ranks"
        )
    return first, last


@dataclass(frozen=True)
class ParseContext:
    """What parsing a filter may need besides the text: the prefectures to check a name against.

    Attributes:
        prefectures: Every prefecture's official name.
        spellings: The report's own spellings of prefectures → official names.
    """

    prefectures: Sequence[str] = ()
    spellings: Mapping[str, str] = field(default_factory=dict)


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


def _by_count(found: Mapping[Any, int]) -> list[FilterOption]:
    return [FilterOption(str(k), int(n)) for k, n in sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))]


def _column_is(column: str, what: str) -> Callable[[Any, Sequence[str]], pl.Expr]:
    """The condition ``column == value``, for a table that has the column."""

    def keep(value: Any, cols: Sequence[str]) -> pl.Expr:
        if column not in cols:
            raise LookupFailed(f"this table has no {what} column to filter on")
        equal: pl.Expr = pl.col(column) == value
        return equal

    return keep


@dataclass(frozen=True)
class FilterSpec:
    """One filter, everything about it.

    Attributes:
        name: Its name: the field of :class:`Filters`, the API's keyword, ``--name`` on the
            command line (``_`` as ``-``).
        help: What it takes, in English (the command line's help).
        help_zh: The same in Chinese.
        label: A short label in Chinese (the explorer's key bar, picker and status line).
        label_en: The same in English.
        parse: What a user typed → the canonical value (raises with a suggestion).
        keep: The canonical value and a table's columns → the condition on its rows (raises
            :class:`LookupFailed` where the table has no column for it).
        reads: What the command line reads it as (str or int).
        short: A one-letter option (``-p``), or "".
        column: The column a quick filter counts by (province_short), or "" for none.
        key: The explorer's key for its quick filter, or "".
        text: The canonical value as written back (1-20), for the status line's command.
        check: Raises where a canonical value is out of range (tier 7).
        choices: A quick filter's options from the rows per value, in their natural order.
        complete: Words offered by shell completion.
    """

    name: str
    help: str
    help_zh: str
    label: str
    label_en: str
    parse: Callable[[str, ParseContext], Any]
    keep: Callable[[Any, Sequence[str]], pl.Expr]
    reads: type = str
    short: str = ""
    column: str = ""
    key: str = ""
    text: Callable[[Any], str] = str
    check: Callable[[Any], None] | None = None
    choices: Callable[[Mapping[Any, int]], list[FilterOption]] = _by_count
    complete: tuple[str, ...] = ()

    @property
    def flag(self) -> str:
        """Its option on the command line (``--county-type``)."""
        return "--" + self.name.replace("_", "-")


FILTERS: dict[str, FilterSpec] = {}
"""Every filter by name, in the order they are shown and applied."""


def register_filter(spec: FilterSpec) -> FilterSpec:
    """Adds a filter (the built-in ones are registered below).

    Raises:
        InvalidValue: The name is taken.
    """
    if spec.name in FILTERS or spec.name in _RESERVED:
        raise InvalidValue(f"a filter named {spec.name!r} exists")
    FILTERS[spec.name] = spec
    return spec


def unregister_filter(name: str) -> None:
    """Removes a filter registered at run time (for tests)."""
    FILTERS.pop(name, None)


def pickable() -> list[str]:
    """The filters a user picks from a short list of values (those with a quick-filter key)."""
    return [f.name for f in FILTERS.values() if f.key]


def _given(values: Mapping[str, Any]) -> Iterator[tuple[FilterSpec, Any]]:
    """Each filter given a value, with its spec (None and blank text are "any": left out).

    Raises:
        LookupFailed: A name no filter has.
    """
    for name, value in values.items():
        spec = FILTERS.get(name)
        if spec is None:
            raise LookupFailed(
                f"unknown filter {shorten(name)!r}", did_you_mean(name, list(FILTERS)), list(FILTERS)
            )
        if value is not None and not (isinstance(value, str) and not value.strip()):
            yield spec, value


class Filters:
    """The filters in force, each in canonical form: a frozen value, one field per registered
    filter (``filters.province`` …; None for "any").

    ``Filters(province="江苏", tier=2)`` takes canonical values (checked); :meth:`parse` takes what
    a user typed.

    Raises:
        LookupFailed: On construction, an unknown filter.
        InvalidValue: On construction, a value out of range (tier 7, an inverted rank range).
    """

    __slots__ = ("_values",)
    _values: tuple[tuple[str, Any], ...]

    def __init__(self, **values: Any) -> None:
        kept: dict[str, Any] = {}
        for spec, value in _given(values):
            if spec.check is not None:
                spec.check(value)
            kept[spec.name] = value
        object.__setattr__(self, "_values", tuple((n, kept[n]) for n in FILTERS if n in kept))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Filters is frozen: use with_() or without()")

    def __getattr__(self, name: str) -> Any:
        if name in FILTERS:
            return dict(self._values).get(name)
        raise AttributeError(f"'Filters' has no filter {name!r}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Filters) and self._values == other._values

    def __hash__(self) -> int:
        return hash(self._values)

    def __repr__(self) -> str:
        return "Filters(" + ", ".join(f"{k}={v!r}" for k, v in self._values) + ")"

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        """The filters in force as (name, canonical value), in the registry's order."""
        return iter(self._values)

    def __bool__(self) -> bool:
        """True when any filter is in force."""
        return bool(self._values)

    @classmethod
    def parse(cls, *, context: ParseContext = ParseContext(), **typed: str | int | None) -> Filters:
        """Filters from what a user typed, each value checked and made canonical.

        Args:
            context: What parsing needs besides the text (the prefectures).
            typed: Text (or a number) per filter, by name; None or "" for "any".

        Raises:
            LookupFailed: An unknown filter, or a value no spelling of which is known (a province …).
            InvalidValue: A value out of range or malformed (tier 7, ranks 20-1).
        """
        return cls(**{spec.name: spec.parse(str(value), context) for spec, value in _given(typed)})

    def with_(self, **changes: Any) -> Filters:
        """A copy with some filters changed (checked again; None removes one)."""
        return Filters(**{**dict(self._values), **changes})

    def without(self, name: str) -> Filters:
        """A copy with one filter removed."""
        return Filters(**{k: v for k, v in self._values if k != name})

    def active(self) -> list[tuple[str, str]]:
        """The filters in force as (name, the value as written), in the registry's order."""
        return [(k, FILTERS[k].text(v)) for k, v in self._values]


_RESERVED = frozenset(n for n in dir(Filters) if not n.startswith("__")) | {
    "context",
    "filters",
    "sort",
    "descending",
    "limit",
    "columns",
    "indicators",
    "where",
    "edition",
    "data_dir",
    "by",
    "value",
    "agg",
    "format",
    "output",
}
"""Names a filter cannot have: Filters' own methods, and the other keywords of the API and
options of the commands that take every filter."""


def filter_units(lf: pl.LazyFrame, filters: Filters) -> pl.LazyFrame:
    """Keeps the rows that pass every filter.

    Args:
        lf: A table of the catalog.
        filters: The filters, canonical (as :meth:`Filters.parse` makes them).

    Raises:
        LookupFailed: A filter is set that the table has no column for.
    """
    cols = lf.collect_schema().names()
    conds = [FILTERS[name].keep(value, cols) for name, value in filters]
    return lf.filter(*conds) if conds else lf


def filter_options(lf: pl.LazyFrame, filters: Filters, *, field: str) -> list[FilterOption]:
    """The values a quick filter offers, in their natural order, with the rows each would keep.

    Counts follow the other filters in force (the field's own filter is left out, so that
    the user sees the alternatives); values that would keep no row are left out.

    Args:
        lf: A table of the catalog.
        filters: The filters in force.
        field: A filter with a quick filter (:func:`pickable`).

    Returns:
        The options; none where the table has no such column.
    """
    spec = FILTERS.get(field)
    if spec is None or not spec.column or spec.column not in lf.collect_schema().names():
        return []
    counted = filter_units(lf, filters.without(field)).group_by(spec.column).len().drop_nulls().collect()
    return spec.choices(dict(counted.iter_rows()))


# --- the filters ------------------------------------------------------------------------------


def name_matches(text: str) -> pl.Expr:
    """True where the name contains `text`, or its pinyin or initials start with it."""
    key = search_key(text)
    by_name = pl.col("name").str.contains(text.strip(), literal=True)
    from baiqiang.core.query import reading_key

    return by_name | reading_key().str.starts_with(key) | pl.col("initials").str.starts_with(key)


def search_matches(text: str, cols: Sequence[str] = ()) -> pl.Expr:
    """The explorer's search: :func:`name_matches`, or text in the province or prefecture, or
    the start of their pinyin (``suzhou``, ``zhejiang``) where the table has it. The same rule
    in plain Python, for the first frame: :func:`baiqiang.core.plain.search.matches`."""
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


def _contains_any(cols: Sequence[str], candidates: tuple[str, ...], text: str) -> pl.Expr:
    """True where any of the candidate columns that exist contains `text`."""
    present = [c for c in candidates if c in cols]
    return pl.any_horizontal(pl.col(c).str.contains(text.strip(), literal=True) for c in present)


def _keep_name(value: str, cols: Sequence[str]) -> pl.Expr:
    if "pinyin" in cols:
        return name_matches(value)
    return _contains_any(cols, ("county", "counties", "cluster"), value)


def _keep_search(value: str, cols: Sequence[str]) -> pl.Expr:
    if "pinyin" in cols:
        return search_matches(value, cols)
    return _contains_any(cols, ("county", "counties", "cluster", "province", "prefecture"), value)


def _keep_ranks(value: tuple[int, int], cols: Sequence[str]) -> pl.Expr:
    if "rank" not in cols:
        raise LookupFailed("this table has no rank column to filter on")
    return pl.col("rank").is_between(value[0], value[1])


def _check_tier(value: Any) -> None:
    if value not in (1, 2, 3, 4):
        raise InvalidValue(f"tier takes 1, 2, 3 or 4, not {value}", field="tier")


def _check_ranks(value: Any) -> None:
    if not (isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value)):
        raise InvalidValue(f"ranks takes a pair of ranks (first, last), not {value!r}", field="ranks")
    if value[0] > value[1]:
        raise InvalidValue(
            f"ranks {value[0]}-{value[1]}: the first rank is greater than the last", field="ranks"
        )


def _parse_tier(text: str, _: ParseContext) -> int:
    if not text.strip().isdigit():
        raise InvalidValue(f"tier takes 1, 2, 3 or 4, not {shorten(text)!r}", field="tier")
    return int(text)


def _rank_text(value: tuple[int, int]) -> str:
    return f"{value[0]}-{value[1]}" if value[0] != value[1] else str(value[0])


def _province_choices(found: Mapping[Any, int]) -> list[FilterOption]:
    return [FilterOption(p.short, int(found[p.short]), p.english) for p in geo.PROVINCES if p.short in found]


def _region_choices(found: Mapping[Any, int]) -> list[FilterOption]:
    return [FilterOption(r, int(found[r]), geo.REGION_ENGLISH[r]) for r in geo.REGIONS if r in found]


def _tier_choices(found: Mapping[Any, int]) -> list[FilterOption]:
    return [FilterOption(int(k), int(found[k])) for k in sorted(found)]


for _spec in (
    FilterSpec(
        "province",
        "江苏, 江苏省, Jiangsu or jiangsu.",
        "省份：江苏、江苏省、Jiangsu 或 jiangsu。",
        "省份",
        "Province",
        lambda text, _: resolve_province(text).short,
        _column_is("province_short", "province"),
        short="-p",
        column="province_short",
        key="p",
        choices=_province_choices,
        complete=tuple(w for p in geo.PROVINCES for w in (p.short, p.official, p.english.replace(" ", ""))),
    ),
    FilterSpec(
        "region",
        "东部, 中部, 西部, 东北 (or East, Central, West, Northeast).",
        "区域：东部、中部、西部、东北（或 East、Central、West、Northeast）。",
        "区域",
        "Region",
        lambda text, _: resolve_region(text),
        _column_is("region", "region"),
        short="-r",
        column="region",
        key="r",
        choices=_region_choices,
    ),
    FilterSpec(
        "prefecture",
        "苏州 or 苏州市.",
        "地级市：苏州 或 苏州市。",
        "地级市",
        "Prefecture",
        lambda text, ctx: resolve_prefecture(text, ctx.prefectures, ctx.spellings),
        _column_is("prefecture", "prefecture"),
        short="-c",
    ),
    FilterSpec(
        "tier",
        "1–4 (industrial-counties).",
        "梯队：1–4（工业百强县）。",
        "梯队",
        "Tier",
        _parse_tier,
        _column_is("tier", "tier"),
        reads=int,
        short="-t",
        column="tier",
        key="t",
        check=_check_tier,
        choices=_tier_choices,
    ),
    FilterSpec(
        "county_type",
        "县级市, 县, 旗, 市辖区 (or city, county, banner, district).",
        "类型：县级市、县、旗、市辖区（或 city、county、banner、district）。",
        "类型",
        "Type",
        lambda text, _: resolve_county_type(text),
        _column_is("county_type", "county type"),
        column="county_type",
        key="y",
    ),
    FilterSpec(
        "name",
        "Text in the name, or the start of its pinyin or initials.",
        "名称中的文字，或其拼音、首字母的开头。",
        "名称",
        "Name",
        lambda text, _: text,
        _keep_name,
        short="-n",
    ),
    FilterSpec(
        "search",
        "Like --name, or text in the province or prefecture (the explorer's /).",
        "同名称，或省份、地级市中的文字（浏览器中的 /）。",
        "搜索",
        "Search",
        lambda text, _: text,
        _keep_search,
    ),
    FilterSpec(
        "ranks",
        "A rank range such as 1-20.",
        "名次范围，如 1-20。",
        "名次",
        "Ranks",
        lambda text, _: parse_ranks(text),
        _keep_ranks,
        text=_rank_text,
        check=_check_ranks,
    ),
):
    register_filter(_spec)
