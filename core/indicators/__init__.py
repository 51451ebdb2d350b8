"""The analyst's own numbers: yearbook tables imported, matched to every county-level unit, stored
under ``$BAIQIANG_HOME`` with their provenance, and joined to the tables by adcode.

The package loads nothing until a name is used (``show`` reads a unit's values through
:mod:`baiqiang.core.plain.indicators`, which needs neither Polars nor the importer).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from baiqiang.core.indicators.model import Column, Dataset, ImportOptions, ImportResult
    from baiqiang.core.indicators.service import (
        UnmatchedRows,
        columns_frame,
        gap_lines,
        import_file,
        listing,
        report_frame,
        summary_line,
    )
    from baiqiang.core.indicators.store import datasets, describe, remove, values
    from baiqiang.core.matching import RowOutcome, RowReport, places
    from baiqiang.core.plain.indicators import Indicator, indicators_of, names
    from baiqiang.core.plain.paths import store_root

_WHERE = {
    **dict.fromkeys(("Indicator", "indicators_of", "names"), "baiqiang.core.plain.indicators"),
    **dict.fromkeys(("Column", "Dataset", "ImportOptions", "ImportResult"), "model"),
    **dict.fromkeys(("RowOutcome", "RowReport"), "baiqiang.core.matching"),
    **dict.fromkeys(
        (
            "UnmatchedRows",
            "columns_frame",
            "gap_lines",
            "import_file",
            "listing",
            "report_frame",
            "summary_line",
        ),
        "service",
    ),
    **dict.fromkeys(("datasets", "describe", "remove", "values"), "store"),
    "places": "baiqiang.core.matching",
    "store_root": "baiqiang.core.plain.paths",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        where = _WHERE[name]
        return getattr(import_module(where if "." in where else f"baiqiang.core.indicators.{where}"), name)
    raise AttributeError(f"module 'baiqiang.core.indicators' has no attribute {name!r}")


__all__ = [
    "Column",
    "Dataset",
    "ImportOptions",
    "ImportResult",
    "Indicator",
    "RowOutcome",
    "RowReport",
    "UnmatchedRows",
    "columns_frame",
    "gap_lines",
    "datasets",
    "describe",
    "import_file",
    "indicators_of",
    "listing",
    "names",
    "places",
    "remove",
    "report_frame",
    "store_root",
    "summary_line",
    "values",
]
