"""Importing a file into the store, and the tables the front ends print about datasets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from baiqiang.core.indicators.model import Dataset, ImportOptions, ImportResult
from baiqiang.core.indicators.store import check_name, datasets, name_from_file, refuse_built_in, save
from baiqiang.core.matching import RowOutcome, RowReport
from baiqiang.core.plain.errors import InvalidValue
from baiqiang.core.plain.paths import store_root
from baiqiang.core.plain.text import count

if TYPE_CHECKING:
    import polars as pl

    from baiqiang.core.catalog import Catalog


class UnmatchedRows(InvalidValue):
    """A strict import met rows it could not match: nothing was stored.

    Attributes:
        result: Every row's outcome (for the per-row report).
    """

    def __init__(self, message: str, result: ImportResult) -> None:
        super().__init__(message)
        self.result = result


def import_file(
    catalog: Catalog,
    path: str | Path,
    *,
    name: str | None = None,
    options: ImportOptions | None = None,
    strict: bool = False,
    replace: bool = False,
    root: Path | None = None,
    before_store: Callable[[ImportResult], None] | None = None,
) -> ImportResult:
    """Imports a yearbook table into the store: whole, or not at all.

    Args:
        catalog: The catalog (its units and former names are what rows are matched to).
        path: A .csv, .tsv, .xlsx or .parquet file.
        name: The dataset's name (by default, from the file's name).
        options: How to read and match it.
        strict: Store nothing if any row is ambiguous, unmatched, a conflict or a duplicate
            (rows of merged or split units, explained, do not count).
        replace: Replace a dataset of the same name.
        root: The store (by default :func:`store_root`).
        before_store: Called with every row's outcome once the file is read, before anything is
            stored or refused (a per-row report): where it raises, nothing is stored.

    Returns:
        The dataset stored and every row's outcome.

    Raises:
        InvalidValue: The file cannot be read, has no unit column, no numbers, or no row that
            matched (nothing is stored).
        UnmatchedRows: `strict`, and some rows did not match (nothing is stored).
        DatasetExists: The name is taken and `replace` is not set.
    """
    from baiqiang.core.indicators.importer import read_dataset
    from baiqiang.core.plain.errors import DatasetExists
    from baiqiang.core.plain.workbook import EXCEL_SUFFIXES, read_ahead

    file = Path(path)
    chosen = check_name(name or name_from_file(file))
    refuse_built_in(chosen, root)
    target = (root or store_root()) / chosen
    if target.exists() and not replace:
        raise DatasetExists(f"a dataset named {chosen!r} exists", path=str(target))
    from baiqiang.core.matching import places

    options = options or ImportOptions()
    if file.suffix.lower() in EXCEL_SUFFIXES:  # its sheet is parsed (outside Python's lock) meanwhile
        read_ahead(file, options.sheet)
    found, result = read_dataset(file, places(catalog), name=chosen, options=options)
    if before_store is not None:
        before_store(result)
    if strict and result.unexplained:
        raise UnmatchedRows(
            f"{len(result.unexplained)} row(s) did not match one unit; nothing stored", result
        )
    if result.dataset.rows == 0:
        raise InvalidValue("no row of the file matched a county-level unit; nothing stored")
    save(found, result.dataset, replace=replace, root=root)
    return result


def listing(root: Path | None = None) -> pl.DataFrame:
    """One row per stored dataset: name, source file, rows, units, columns, years, when imported."""
    import polars as pl

    rows = [
        {
            "name": d.name,
            "source": d.source,
            "rows": d.rows,
            "units": d.units,
            "columns": len(d.columns),
            "years": _years(d.years),
            "imported_at": d.imported_at,
            "built_in": d.built_in,
        }
        for d in datasets(root)
    ]
    schema = {
        "name": pl.String,
        "source": pl.String,
        "rows": pl.Int64,
        "units": pl.Int64,
        "columns": pl.Int64,
        "years": pl.String,
        "imported_at": pl.String,
        "built_in": pl.Boolean,
    }
    return pl.DataFrame(rows, schema=schema)


def _years(years: list[int]) -> str:
    if not years:
        return ""
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def columns_frame(dataset: Dataset) -> pl.DataFrame:
    """A dataset's columns: name, unit, non-null values, the header as written."""
    import polars as pl

    return pl.DataFrame(
        [
            {
                "column": c.name,
                "unit": c.unit,
                "values": c.values,
                "missing": c.missing,
                "not_numbers": c.not_numbers,
                "header": c.header,
            }
            for c in dataset.columns
        ],
        schema={
            "column": pl.String,
            "unit": pl.String,
            "values": pl.Int64,
            "missing": pl.Int64,
            "not_numbers": pl.Int64,
            "header": pl.String,
        },
    )


def report_frame(reports: list[RowReport] | pl.DataFrame) -> pl.DataFrame:
    """Every row's outcome: line, text, outcome, adcode, name, note (from the reports, or a
    table of them as an import gives it: :attr:`ImportResult.table`)."""
    import polars as pl

    from baiqiang.core.matching import report_schema

    if isinstance(reports, pl.DataFrame):
        return reports.select(*report_schema())
    return pl.DataFrame([r.to_dict() for r in reports], schema=report_schema())


def gap_lines(dataset: Dataset, *, most: int | None = None) -> list[str]:
    """A line per column with values left out: blanks and marks (—, N/A), and cells that are
    not numbers, with a few of them as written. With `most`, at most that many columns: those
    with cells that are not numbers first, then those with the most blanks; a last line counts
    the rest (the dataset's description lists every one)."""
    gapped = [c for c in dataset.columns if c.missing or c.not_numbers]
    shown = gapped
    if most is not None and len(gapped) > most:
        first = sorted(gapped, key=lambda c: (-c.not_numbers, -c.missing))[:most]
        shown = [c for c in gapped if c in first]  # in the file's order
    out = []
    for c in shown:
        parts = []
        if c.missing:
            parts.append(f"{c.missing} blank or marked missing")
        if c.not_numbers:
            examples = ", ".join(repr(e) for e in c.examples)
            parts.append(f"{c.not_numbers} not a number ({examples}), left blank")
        out.append(f"  {c.name}: {'; '.join(parts)}")
    rest = [c for c in gapped if c not in shown]
    if rest:
        low, high = min(c.missing for c in rest), max(c.missing for c in rest)
        span = f"{low}" if low == high else f"{low}–{high}"
        out.append(
            f"  … and {count(len(rest), 'more column')} with {span} {'blank' if high == 1 else 'blanks'} each"
        )
    return out


def summary_line(result: ImportResult) -> str:
    """The import in one line: rows, units matched, and the count per outcome."""
    d = result.dataset
    order = [o for o in RowOutcome if str(o) in d.summary]
    counts = ", ".join(f"{d.summary[str(o)]} {o}" for o in order)
    return (
        f"{count(sum(d.summary.values()), 'row')}: {counts}; {count(d.units, 'unit')} with values in "
        f"{count(len(d.columns), 'column')}"
    )
