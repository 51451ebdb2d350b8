"""Name resolution on the catalog: every county-level unit as a frame, resolved by the one set of
rules in :mod:`baiqiang.core.plain.resolve` (which needs no Polars, for the fast lookup).
"""

from __future__ import annotations

from typing import Any

import polars as pl

from baiqiang.core import catalog as catalog_units
from baiqiang.core.catalog import Catalog
from baiqiang.core.plain.resolve import (
    Match,
    Outcome,
    Resolution,
    describe,
    normalise,
    resolve_rows,
    suggest,
    to_simplified,
)
from baiqiang.core.query import stack_rankings

UNIT_COLUMNS = ["adcode", *catalog_units.UNIT_COLUMNS, "listed"]


def units(catalog: Catalog) -> pl.LazyFrame:
    """Every county-level unit, with ``listed`` true for those in one of the three lists.

    Province and prefecture are the official names, as in every table of the catalog.
    """
    listed = (
        stack_rankings(catalog.tables)
        .select("adcode", "province", "prefecture")
        .unique(subset=["adcode"], keep="first", maintain_order=True)
    )
    return (
        catalog_units.unit_columns(catalog.divisions.collect())
        .lazy()
        .join(listed, on="adcode", how="left", maintain_order="left", suffix="_report")
        .with_columns(
            listed=pl.col("province_report").is_not_null(),
            province=pl.coalesce("province_report", "province"),
            prefecture=pl.coalesce("prefecture_report", "prefecture"),
        )
        .select(UNIT_COLUMNS)
        .sort("adcode")
    )


def resolve(
    all_units: pl.DataFrame,
    query: str,
    *,
    province: str | None = None,
    prefecture: str | None = None,
    former: pl.DataFrame | None = None,
) -> Resolution:
    """Resolves a typed name among the units (see :func:`baiqiang.core.plain.resolve.resolve_rows`).

    Args:
        all_units: The collected output of :func:`units`.
        query: What the user typed.
        province: Keep only units of this province (short name, 江苏).
        prefecture: Keep only units of this prefecture (苏州 or 苏州市).
        former: ``former_names`` of the catalog, to resolve former names and codes.
    """
    rows: list[dict[str, Any]] = all_units.to_dicts()
    olds = former.to_dicts() if former is not None else []
    return resolve_rows(rows, query, province=province, prefecture=prefecture, former=olds)


__all__ = [
    "UNIT_COLUMNS",
    "Match",
    "Outcome",
    "Resolution",
    "describe",
    "normalise",
    "resolve",
    "suggest",
    "to_simplified",
    "units",
]
