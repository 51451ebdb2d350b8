"""Units side by side: :func:`compare` puts 2–8 units in one table, a column per unit.

The rows come in groups (:class:`RowGroup`): where each unit is, its place in every list (with
the change since the edition before, where an earlier edition is imported), its clusters, the
report's figures about it, the built-in census figures and every column of the user's own
datasets, each with its unit of measure. Every value is the one :func:`~baiqiang.core.profile.lookup`
gives the unit (``baiqiang show``): nothing is computed here but the differences and ratios to a
base unit, where one is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from baiqiang.core.catalog import Catalog
from baiqiang.core.plain.compare import MAX_UNITS, MIN_UNITS, RowGroup
from baiqiang.core.plain.errors import Ambiguous, InvalidValue, LookupFailed
from baiqiang.core.plain.names import term
from baiqiang.core.plain.profile import Profile
from baiqiang.core.plain.suggest import did_you_mean, shorten
from baiqiang.core.plain.tables import TABLES, ranking_tables

__all__ = ["MAX_UNITS", "MIN_UNITS", "Comparison", "Row", "RowGroup", "compare", "plain", "resolve_units"]

GROUP_LABELS: dict[RowGroup, tuple[str, str]] = {
    RowGroup.IDENTITY: ("基本信息", "identity"),
    RowGroup.RANKINGS: ("榜单排名", "rankings"),
    RowGroup.CLUSTERS: ("产业集群", "clusters"),
    RowGroup.FACTS: ("报告中的数字", "the report's figures"),
    RowGroup.CENSUS: ("2020年人口普查", "2020 census"),
    RowGroup.INDICATORS: ("你的数据", "your data"),
}
"""Each group's name for people, in Chinese and English."""

IDENTITY_ROWS: tuple[tuple[str, str, str], ...] = (
    ("adcode", "行政区划代码", "adcode"),
    ("province", "省份", "province"),
    ("prefecture", "地级市", "prefecture"),
    ("region", "区域", "region"),
    ("county_type", "类型", "type"),
)
"""The identity rows: key, Chinese label, English label."""

FIXED_COLUMNS = ("group", "key", "label", "label_en", "measure")
"""The columns before the units' in :func:`compare`'s frame."""


@dataclass(frozen=True)
class Row:
    """One row of a comparison: a value (number or text) per unit, None where it has none."""

    group: RowGroup
    key: str
    label: str
    label_en: str
    measure: str
    values: tuple[float | str | None, ...]
    values_en: tuple[str | None, ...] | None = None
    """For a row of text in Chinese (the report's figures, the clusters' scales): the same in
    English, for English mode."""

    @property
    def numeric(self) -> bool:
        """Whether its values are numbers (differences and ratios apply)."""
        return all(v is None or isinstance(v, float) for v in self.values) and any(
            v is not None for v in self.values
        )


@dataclass(frozen=True)
class Comparison:
    """Units side by side.

    Attributes:
        units: The units, in the order given.
        rows: The rows, group by group.
        base: The index in `units` of the unit the others are measured against, or None.
    """

    units: tuple[Profile, ...]
    rows: tuple[Row, ...]
    base: int | None = None
    columns: tuple[str, ...] = field(default=())

    def frame(self, *, english: bool = False) -> pl.DataFrame:
        """A row per indicator and a column per unit (named by the unit, with its adcode where
        two share a name), values as text (numbers exactly as held); with a base, each other
        unit's difference (``U − B``) and ratio (``U ÷ B``) to it after its column. `english`:
        the text of the report's figures and of the clusters' scales in English (as English mode
        shows them)."""
        names = self.columns
        data: dict[str, list[Any]] = {c: [] for c in FIXED_COLUMNS}
        extra: list[str] = []
        for i, n in enumerate(names):
            extra.append(n)
            if self.base is not None and i != self.base:
                extra += [f"{n} − {names[self.base]}", f"{n} ÷ {names[self.base]}"]
        data |= {c: [] for c in extra}
        for row in self.rows:
            for c, v in zip(
                FIXED_COLUMNS, (str(row.group), row.key, row.label, row.label_en, row.measure), strict=True
            ):
                data[c].append(v)
            texts = row.values_en if english and row.values_en is not None else None
            for i, n in enumerate(names):
                data[n].append(plain(row.values[i]) if texts is None else texts[i])
                if self.base is not None and i != self.base:
                    diff, ratio = _against(row, i, self.base)
                    data[f"{n} − {names[self.base]}"].append(diff)
                    data[f"{n} ÷ {names[self.base]}"].append(ratio)
        return pl.DataFrame(data, schema={c: pl.String for c in data})

    def tidy(self) -> pl.DataFrame:
        """One row per indicator and unit, values typed: ``value`` (a number) or ``text``."""
        out: dict[str, list[Any]] = {c: [] for c in (*FIXED_COLUMNS, "adcode", "name", "value", "text")}
        for row in self.rows:
            for unit, v in zip(self.units, row.values, strict=True):
                for c, x in zip(
                    FIXED_COLUMNS,
                    (str(row.group), row.key, row.label, row.label_en, row.measure),
                    strict=True,
                ):
                    out[c].append(x)
                out["adcode"].append(unit.adcode)
                out["name"].append(unit.name)
                out["value"].append(v if isinstance(v, float) else None)
                out["text"].append(v if isinstance(v, str) else None)
        schema = {c: pl.String for c in out} | {"value": pl.Float64}
        return pl.DataFrame(out, schema=schema)

    def numeric_rows(self) -> list[Row]:
        """The rows whose values are numbers (what a bar chart can show)."""
        return [r for r in self.rows if r.numeric]


def plain(value: float | str | None) -> str | None:
    """A value as text: a number exactly as held, without a needless ``.0``."""
    if value is None or isinstance(value, str):
        return value
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _against(row: Row, i: int, base: int) -> tuple[str | None, str | None]:
    a, b = row.values[i], row.values[base]
    if not row.numeric or not isinstance(a, float) or not isinstance(b, float):
        return None, None
    diff = plain(round(a - b, 10))
    ratio = f"{a / b:.4g}" if b != 0 else None
    return diff, ratio


def resolve_units(catalog: Catalog, queries: Sequence[str]) -> list[Profile]:
    """The units named (any way ``show`` takes a name), in order.

    Raises:
        InvalidValue: Fewer than :data:`MIN_UNITS` or more than :data:`MAX_UNITS`, or a unit
            named twice.
        LookupFailed: A name that is no unit (a prefecture is not one); Ambiguous where it
            could be several.
    """
    from baiqiang.core.profile import lookup

    if not MIN_UNITS <= len(queries) <= MAX_UNITS:
        raise InvalidValue(f"a comparison takes {MIN_UNITS} to {MAX_UNITS} units; {len(queries)} given")
    found: list[Profile] = []
    for q in queries:
        try:
            result = lookup(catalog, q)
        except Ambiguous as exc:  # said as it is: the way out here is the adcode or full name
            raise LookupFailed(exc.message, exc.suggestions, exc.choices) from exc
        if not isinstance(result, Profile):
            raise LookupFailed(
                f"{shorten(q)!r} is the prefecture {result.prefecture}, not a county-level unit; name its units"
            )
        same = next((p for p in found if p.adcode == result.adcode), None)
        if same is not None:
            raise InvalidValue(f"{shorten(q)!r} is {same.name} ({same.adcode}), named twice")
        found.append(result)
    return found


def compare(
    catalog: Catalog,
    queries: Sequence[str],
    *,
    rows: Sequence[str] = (),
    base: str | None = None,
) -> Comparison:
    """Puts units side by side.

    Args:
        catalog: The catalog.
        queries: 2–8 names, former names or adcodes (as ``show`` takes them).
        rows: Only these groups (:class:`RowGroup` values) or rows (by key: ``adcode``,
            ``population``, ``industrial-counties.rank``); all by default.
        base: A unit the others are measured against (difference and ratio); it joins the
            comparison first where it is not among `queries`.

    Raises:
        InvalidValue: See :func:`resolve_units`; an unknown group or row.
        LookupFailed: See :func:`resolve_units`.
    """
    units = resolve_units(catalog, queries)
    base_at: int | None = None
    if base is not None:
        from baiqiang.core.profile import lookup

        wanted = lookup(catalog, base)
        if not isinstance(wanted, Profile):
            raise LookupFailed(f"{shorten(base)!r} is a prefecture, not a county-level unit")
        base_at = next((i for i, u in enumerate(units) if u.adcode == wanted.adcode), None)
        if base_at is None:
            units = resolve_units(catalog, [wanted.adcode, *(u.adcode for u in units)])
            base_at = 0
    every = _rows(units)
    chosen = _chosen(every, rows)
    names = [u.name for u in units]
    columns = tuple(f"{u.name} {u.adcode}" if names.count(u.name) > 1 else u.name for u in units)
    return Comparison(tuple(units), tuple(chosen), base_at, columns)


def _chosen(every: list[Row], wanted: Sequence[str]) -> list[Row]:
    if not wanted:
        return every
    groups = {str(g) for g in RowGroup}
    keys = set().union(*(_names(r) for r in every))
    unknown = [w for w in wanted if w not in groups and w not in keys]
    if unknown:
        raise InvalidValue(
            f"rows names no group or row {shorten(unknown[0])!r} of this comparison",
            did_you_mean(unknown[0], [*groups, *keys]),
            sorted(groups),
            field="rows",
        )
    return [r for r in every if str(r.group) in wanted or _names(r) & set(wanted)]


def _names(row: Row) -> set[str]:
    """The names a row answers to: its key, and for the user's columns also without the year
    (研发/研发经费) and the column alone (研发经费)."""
    bare = row.key.split("@")[0]
    return {row.key, bare, bare.rsplit("/", 1)[-1]}


def _rows(units: Sequence[Profile]) -> list[Row]:
    out: list[Row] = []

    def add(
        group: RowGroup,
        key: str,
        label: str,
        label_en: str,
        measure: str,
        values: list[Any],
        values_en: list[str | None] | None = None,
    ) -> None:
        if any(v is not None for v in values):  # a row none of them has says nothing
            english = tuple(values_en) if values_en is not None else None
            out.append(Row(group, key, label, label_en, measure, tuple(values), english))

    for key, label, label_en in IDENTITY_ROWS:
        add(RowGroup.IDENTITY, key, label, label_en, "", [getattr(u, key) for u in units])
    for tid in ranking_tables():
        spec = TABLES[tid]
        ranks = [next((r for r in u.rankings if r.table == tid), None) for u in units]
        add(RowGroup.RANKINGS, f"{tid}.rank", f"{spec.short} 排名", f"{spec.short_en}: rank", "",
            [float(r.rank) if r else None for r in ranks])  # fmt: skip
        if spec.tiers:
            add(RowGroup.RANKINGS, f"{tid}.tier", f"{spec.short} 梯队", f"{spec.short_en}: tier", "",
                [float(r.tier) if r and r.tier is not None else None for r in ranks])  # fmt: skip
        if spec.star:
            add(RowGroup.RANKINGS, f"{tid}.star", f"{spec.short} ★", f"{spec.short_en}: ★", "",
                ["★" if r and r.province_first else ("" if r else None) for r in ranks])  # fmt: skip
        changes = [_change(r) for r in ranks]
        if any(c is not None for c in changes):
            add(RowGroup.RANKINGS, f"{tid}.change", f"{spec.short} 较上一版升降", f"{spec.short_en}: places up since the edition before", "",
                changes)  # fmt: skip
    for tid, label, label_en in (
        ("national-clusters", "国家级产业集群", "national clusters"),
        ("billion-clusters", "千亿级产业集群", "clusters of 100 bn yuan"),
    ):
        cells, cells_en = [], []
        for u in units:
            mine = [c for c in u.clusters if c.table == tid]
            cells.append(
                "、".join(f"{c.cluster}（{c.scale}）" if c.scale else c.cluster for c in mine) or None
            )
            cells_en.append(
                ", ".join(
                    f"{c.cluster} ({term('scale', c.scale, 'en')})" if c.scale else c.cluster for c in mine
                )
                or None
            )
        add(RowGroup.CLUSTERS, tid, label, label_en, "", cells, cells_en)
    metrics: dict[str, tuple[str, list[str | None], list[str | None]]] = {}
    for i, u in enumerate(units):
        for f in u.facts:
            _, cells_f, cells_e = metrics.setdefault(
                f.metric, (f.metric_en, [None] * len(units), [None] * len(units))
            )
            number = f"{f.comparator} {plain(float(f.value))}".strip()
            said = number + (f" {f.measure}" if f.measure else "") + (f"（{f.year}）" if f.year else "")
            said_en = (
                number + (f" {f.measure_en}" if f.measure_en else "") + (f" ({f.year})" if f.year else "")
            )
            cells_f[i] = said if cells_f[i] is None else f"{cells_f[i]}；{said}"
            cells_e[i] = said_en if cells_e[i] is None else f"{cells_e[i]}; {said_en}"
    for metric, (metric_en, cells_m, cells_e) in metrics.items():
        add(RowGroup.FACTS, f"fact.{metric}", metric, metric_en or metric, "", cells_m, cells_e)
    seen: dict[str, tuple[Any, list[Any]]] = {}
    for i, u in enumerate(units):
        for ind in u.indicators:  # a panel gives a row per year
            key = ind.column if ind.built_in else f"{ind.dataset}/{ind.column}"
            key += f"@{ind.year}" if ind.year and not ind.built_in else ""
            cells_i = seen.setdefault(key, (ind, [None] * len(units)))[1]
            cells_i[i] = float(ind.value)
    for key, (ind, cells_i) in sorted(seen.items(), key=lambda kv: kv[1][0].built_in, reverse=True):
        group = RowGroup.CENSUS if ind.built_in else RowGroup.INDICATORS
        year = f"（{ind.year}）" if ind.year and not ind.built_in else ""
        year_en = f" ({ind.year})" if year else ""
        label = (ind.label or ind.column) + year
        add(group, key, label, (ind.label_en or ind.label or ind.column) + year_en, ind.unit or "", cells_i)
    return out


def _change(ranking: Any) -> float | None:
    """Places up (positive) or down since the edition before the report's, where one is held."""
    if ranking is None or len(ranking.history) < 2:
        return None
    edition = TABLES[ranking.table].edition  # the report's own: the rank shown
    now = next((h for h in ranking.history if h["edition"] == edition), ranking.history[-1])
    earlier = [h for h in ranking.history if h["edition"] < now["edition"]]
    if not earlier:
        return None
    return float(earlier[-1]["rank"] - ranking.rank)
