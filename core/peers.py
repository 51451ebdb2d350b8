"""A unit's peers (对标): the units most like it on chosen numeric columns.

How alike two units are is a distance on standardised values, computed over the units considered
(all of them, or those of the target's province, region, type, or the report's lists, and those
an SQL condition keeps):

- each column is first put on a log scale where all its values are positive and it is skewed
  (skewness above :data:`SKEWED`: population is; shares mostly are not), so that a county of
  2 million is not "far" from one of 1 million only because a few of 5 million exist;
- then it is standardised robustly: ``(x − median) / (1.4826 · MAD)`` — a z-score that a few
  extreme units do not stretch (where the MAD is 0, the standard deviation; a column whose
  values are all equal is left out and said);
- the distance is the root mean square of the differences of these scores: comparable across
  peers even where one pair shares a rank in a list that another does not (the listed ranks are
  used only where both units have them). 0 is the same unit; 1 is one robust standard deviation
  apart on every column, on average.

Units missing any chosen column's value are left out and counted.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from baiqiang.core.catalog import Catalog
from baiqiang.core.plain.compare import DEFAULT_COLUMNS, MAX_PEERS, Within
from baiqiang.core.plain.errors import InvalidValue, LookupFailed
from baiqiang.core.plain.profile import Profile
from baiqiang.core.plain.suggest import did_you_mean, shorten
from baiqiang.core.plain.tables import TABLES, ranking_tables

__all__ = ["DEFAULT_COLUMNS", "MAX_PEERS", "SKEWED", "Peers", "Scale", "Within", "find_peers"]

SKEWED = 1.0
"""The skewness above which a positive column is compared on a log scale."""

WITHIN_COLUMN = {Within.PROVINCE: "province", Within.REGION: "region", Within.TYPE: "county_type"}


@dataclass(frozen=True)
class Scale:
    """How one column was standardised: on a log scale or not, its centre and spread."""

    column: str
    log: bool
    centre: float
    spread: float
    ranked: bool = False


@dataclass(frozen=True)
class Peers:
    """A unit's peers.

    Attributes:
        target: The unit.
        frame: The target first (``rank`` 0, ``distance`` 0), then its peers by distance:
            rank, name, province, adcode, distance, the columns used (with ``COLUMN Δz``, each
            peer's standardised difference from the target, where asked).
        columns: The columns every peer has a value of.
        ranked: The lists' rank columns used where both units have them.
        scales: How each column was standardised.
        considered: How many units were considered (the target's own not counted).
        left_out: How many of them were left out for a missing value.
        constant: Columns left out because every unit considered has the same value.
    """

    target: Profile
    frame: pl.DataFrame
    columns: tuple[str, ...]
    ranked: tuple[str, ...]
    scales: tuple[Scale, ...]
    considered: int
    left_out: int
    constant: tuple[str, ...] = ()


def find_peers(
    catalog: Catalog,
    unit: str,
    *,
    by: Sequence[str] = (),
    k: int = 10,
    within: Within = Within.ALL,
    where: str | None = None,
    explain: bool = False,
) -> Peers:
    """The `k` units most like `unit` (see the module's note for the distance).

    Args:
        catalog: The catalog.
        unit: A name, former name or adcode (as ``show`` takes it).
        by: Numeric columns of the 全部区县 table (the census's, the user's own, the lists' ranks);
            by default :data:`DEFAULT_COLUMNS` and the ranks of the lists the unit is in.
        k: How many peers (1–:data:`MAX_PEERS`).
        within: Which units are considered.
        where: An SQL condition the units considered must meet.
        explain: Add each column's standardised difference from the target.

    Raises:
        InvalidValue: `k` out of range; a column that is not numeric; the unit has no value of a
            column; no unit left to compare with.
        LookupFailed: An unknown unit or column.
    """
    from baiqiang.core.profile import lookup
    from baiqiang.core.service import base_rows

    if not 1 <= k <= MAX_PEERS:
        raise InvalidValue(f"k must be 1 to {MAX_PEERS}, not {k}", field="k")
    found = lookup(catalog, unit)
    if not isinstance(found, Profile):
        raise LookupFailed(f"{shorten(unit)!r} is the prefecture {found.prefecture}, not a county-level unit")
    chosen = list(dict.fromkeys(by)) or list(DEFAULT_COLUMNS)
    rank_columns = [TABLES[t].rank_column for t in ranking_tables()]
    ranked = [] if by else [TABLES[r.table].rank_column for r in found.rankings]
    lf = base_rows(catalog, "divisions", indicators=[c for c in chosen if c not in rank_columns])
    names = lf.collect_schema()
    unknown = [c for c in chosen if c not in names]
    if unknown:
        raise LookupFailed(
            f"no column {shorten(unknown[0])!r} to compare units by",
            did_you_mean(unknown[0], [*(n for n, t in names.items() if t.is_numeric()), *_joinable()]),
        )
    text = [c for c in chosen if not names[c].is_numeric()]
    if text:
        raise InvalidValue(f"the column {shorten(text[0])!r} holds text: units are compared by numbers")
    everyone = lf.select(
        "adcode", "name", "province", "region", "county_type", "lists", *chosen, *ranked
    ).collect()
    me = everyone.filter(pl.col("adcode") == found.adcode)
    mine = me.row(0, named=True)
    missing = [c for c in chosen if not _finite(mine[c])]
    if missing:
        raise InvalidValue(
            f"{found.name} has no value of {shorten(', '.join(missing))}; choose other columns"
        )
    pool = everyone
    if within in WITHIN_COLUMN:
        col = WITHIN_COLUMN[within]
        pool = pool.filter(pl.col(col) == me[col][0])
    elif within == Within.LIST:
        pool = pool.filter(pl.col("lists").fill_null("") != "")
    if where:
        from baiqiang.core.service import keep_where

        kept = keep_where(lf, where).select("adcode")
        pool = pool.join(kept.collect(), on="adcode", how="semi")
    pool = pl.concat([me, pool.filter(pl.col("adcode") != found.adcode)])
    considered = pool.height - 1
    usable = pool.filter(pl.all_horizontal(pl.col(c).is_not_null() & pl.col(c).is_finite() for c in chosen))
    left_out = pool.height - usable.height
    if usable.height < 2:
        raise InvalidValue(
            f"no other unit has a value of every column ({shorten(', '.join(chosen))}) among those considered"
        )
    found_scales = _scales(usable, chosen, ranked)
    constant = tuple(s.column for s in found_scales if s.spread == 0 and not s.ranked)
    scales = [s for s in found_scales if s.spread != 0]
    if not scales:
        raise InvalidValue("every unit considered has the same values of these columns")
    # Each unit's difference from the target in robust z-scores: (t(x) − t(target's x)) / spread
    # (the centre cancels out), t the log where the column is on a log scale.
    target_values = usable.row(0, named=True)
    z = usable.with_columns(_delta(s, target_values[s.column]).alias(f"{s.column} Δz") for s in scales)
    squares = [pl.col(f"{s.column} Δz") ** 2 for s in scales]
    counts = [pl.col(f"{s.column} Δz").is_not_null().cast(pl.Int32) for s in scales]
    z = z.with_columns(distance=(pl.sum_horizontal(squares) / pl.sum_horizontal(counts)).sqrt().round(4))
    target, rest = z.head(1), z.slice(1).sort("distance", "adcode").head(k)
    out = pl.concat([target, rest]).with_columns(rank=pl.int_range(0, pl.len(), dtype=pl.Int32))
    used = [*chosen, *(c for c in ranked if c not in chosen)]
    scaled = [s.column for s in scales]
    explained = [f"{c} Δz" for c in scaled] if explain else []
    frame = out.select(
        "rank", "name", "province", "adcode", "distance", *used, *[pl.col(e).round(3) for e in explained]
    )
    return Peers(
        found, frame, tuple(c for c in chosen if c not in constant), tuple(c for c in ranked if c in scaled),
        tuple(scales), considered, left_out, constant,
    )  # fmt: skip


def _joinable() -> list[str]:
    """The columns of the built-in and imported datasets (joined only where named)."""
    from baiqiang.core.indicators.join import joined_columns

    return [c.shown for c in joined_columns()]


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(value)


def _scales(frame: pl.DataFrame, columns: Sequence[str], ranked: Sequence[str]) -> list[Scale]:
    """How each column is standardised over the units of `frame` (all columns in a few passes:
    a hundred columns cost little more than five)."""
    every = [*columns, *ranked]
    x = [pl.col(c).cast(pl.Float64) for c in every]
    stats = frame.select(
        *(e.skew().alias(f"{c}|skew") for e, c in zip(x, every, strict=True)),
        *(e.min().alias(f"{c}|min") for e, c in zip(x, every, strict=True)),
    ).row(0, named=True)
    log = {c: (stats[f"{c}|min"] or 0) > 0 and (stats[f"{c}|skew"] or 0) > SKEWED for c in every}
    t = frame.select((e.log() if log[c] else e).alias(c) for e, c in zip(x, every, strict=True))
    centre = t.select(pl.all().median()).row(0, named=True)
    spreads = t.select(
        *((pl.col(c) - (centre[c] or 0.0)).abs().median().alias(f"{c}|mad") for c in every),
        *(pl.col(c).std().alias(f"{c}|std") for c in every),
    ).row(0, named=True)
    out = []
    for c in every:
        spread = 1.4826 * float(spreads[f"{c}|mad"] or 0.0) or float(spreads[f"{c}|std"] or 0.0)
        out.append(Scale(c, bool(log[c]), float(centre[c] or 0.0), spread, c in ranked))
    return out


def _delta(scale: Scale, target: float | None) -> pl.Expr:
    """A column's difference from the target's value, in robust z-scores (null where either
    has none: a rank only one of them has)."""
    x = pl.col(scale.column).cast(pl.Float64)
    if target is None:
        return pl.lit(None, pl.Float64)
    mine = math.log(target) if scale.log else float(target)
    return ((x.log() if scale.log else x) - mine) / scale.spread
