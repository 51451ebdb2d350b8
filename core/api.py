"""The Python API, for notebooks and scripts: ``import baiqiang as bq``.

Every function answers from the same core as the command line and the explorer, on the data
shipped with the package (or ``data_dir``), and returns Polars frames or frozen dataclasses::

    >>> import baiqiang as bq
    >>> bq.table("industrial-counties", province="浙江", tier=2).height
    9
    >>> p = bq.show("昆山")
    >>> p.name, p.adcode, p.rankings[0].rank
    ('昆山市', '320583', 1)

Errors are :class:`baiqiang.BaiqiangError` (``LookupFailed`` for an unknown name, with
suggestions in ``.suggestions``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

import polars as pl

from baiqiang.core.audit import run_audit
from baiqiang.core.catalog import Catalog, make_catalog
from baiqiang.core.filters import FILTERS, Filters
from baiqiang.core.indicators.model import ImportResult
from baiqiang.core.plain.errors import InvalidValue
from baiqiang.core.plain.tables import TABLES
from baiqiang.core.profile import PrefectureProfile, Profile, lookup
from baiqiang.core.query import Agg
from baiqiang.core.service import Order, parse_filters, rows
from baiqiang.core.service import stats as _stats

F = TypeVar("F", bound=Callable[..., Any])


def _catalog(data_dir: str | Path | None) -> Catalog:
    return make_catalog(Path(data_dir) if data_dir is not None else None)


def _filters(catalog: Catalog, filters: Filters | None, typed: dict[str, str | int | None]) -> Filters:
    """What the keywords say (a filter each, by name), on top of `filters` where one is given."""
    parsed = parse_filters(catalog, **typed)
    return parsed if filters is None else filters.with_(**dict(parsed))


def _with_filters_documented(func: F) -> F:
    """Lists every registered filter in a function's docstring (where it says {filters})."""
    listed = "\n".join(f"            ``{f.name}``: {f.help}" for f in FILTERS.values())
    func.__doc__ = (func.__doc__ or "").replace("{filters}", listed.lstrip())
    return func


def tables() -> pl.DataFrame:
    """The table ids, the report's table numbers and titles, and their aliases."""
    return pl.DataFrame(
        [
            {
                "id": t.id,
                "table": f"表{t.number}" if t.number else "—",
                "title": t.title,
                "kind": t.kind,
                "aliases": list(t.aliases),
            }
            for t in TABLES.values()
        ]
    )


@_with_filters_documented
def table(
    table_id: str,
    /,
    *,
    filters: Filters | None = None,
    sort: str | None = None,
    descending: bool = False,
    limit: int | None = None,
    columns: list[str] | None = None,
    indicators: bool = False,
    where: str | None = None,
    edition: int | None = None,
    data_dir: str | Path | None = None,
    **by: str | int | None,
) -> pl.DataFrame:
    """A table's rows, filtered and sorted, as the command line's ``list`` gives them.

    Args:
        table_id: ``industrial-counties`` (``ic``), ``innovation-counties`` (``inc``),
            ``industrial-districts`` (``id``), ``national-clusters`` (``nc``) or
            ``billion-clusters`` (``bc``) or ``divisions`` (``all``: every county-level unit).
        filters: A :class:`Filters` to start from (the keyword filters are added to it).
        sort: A column to sort by.
        descending: Sort largest first.
        limit: At most this many rows.
        columns: Only these columns, in this order.
        indicators: Join your imported columns (``baiqiang data import``) by adcode.
        where: A condition in SQL: ``'"地区生产总值" > 1000 AND tier <= 2'``.
        edition: An edition of a list (the report's own by default; another only when asked for).
        data_dir: Another data folder (the extractor's output); by default the shipped data.
        by: A filter each, by name, as typed on the command line:
            {filters}

    Raises:
        LookupFailed: An unknown table, column, filter, province ….
        InvalidValue: A tier outside 1–4, an inverted rank range, a condition that cannot be read ….
    """
    catalog = _catalog(data_dir)
    chosen = _filters(catalog, filters, by)
    order = Order(sort, descending)
    return rows(
        catalog,
        table_id,
        chosen,
        order=order,
        limit=limit,
        columns=columns,
        indicators=indicators,
        where=where,
        edition=edition,
    ).collect()


@_with_filters_documented
def stats(
    table_id: str,
    /,
    *,
    by: str,
    filters: Filters | None = None,
    value: str | None = None,
    agg: str = "sum",
    indicators: bool = False,
    where: str | None = None,
    edition: int | None = None,
    data_dir: str | Path | None = None,
    **filtered: str | int | None,
) -> pl.DataFrame:
    """Counts and shares of a table's rows by a dimension (``province``, ``region``, ``tier`` …),
    or a numeric column summed up by it (`value`, with `agg`: sum, mean, median, min, max).

    Args:
        filtered: A filter each, by name, as for :func:`table`:
            {filters}

    Returns:
        ``by``, ``count``, ``share`` (0–1), and by province on a ranking table
        ``units_in_province`` and ``share_of_province`` (the report's 图14); with `value`:
        ``by``, ``count``, ``values`` and ``{agg}({value})``.
    """
    catalog = _catalog(data_dir)
    chosen = _filters(catalog, filters, filtered)
    try:
        how = Agg(agg)
    except ValueError:
        raise InvalidValue(f"unknown agg {agg!r}", [], [str(a) for a in Agg], field="agg") from None
    return _stats(
        catalog,
        table_id,
        chosen,
        by=by,
        value=value,
        agg=how,
        indicators=indicators,
        where=where,
        edition=edition,
    ).collect()


@_with_filters_documented
def movers(
    table_id: str,
    /,
    *,
    frm: int | None = None,
    to: int | None = None,
    status: str | None = None,
    filters: Filters | None = None,
    data_dir: str | Path | None = None,
    **by: str | int | None,
) -> pl.DataFrame:
    """How each unit moved between two editions of a list (by default the two latest), as
    ``baiqiang movers`` gives it: name, province, prefecture, rank_from, rank_to, change
    (rank_from − rank_to: up is positive) and status (up, down, same, new, dropped).

    Args:
        by: A filter each, by name, as for :func:`table` (ranks on the later edition):
            {filters}

    Raises:
        InvalidValue: Fewer than two editions, or an unknown status.
        LookupFailed: An edition the list does not have.
    """
    from baiqiang.core.editions import Status
    from baiqiang.core.editions import movers as _movers

    catalog = _catalog(data_dir)
    chosen = _filters(catalog, filters, by)
    try:
        how = Status(status) if status is not None else None
    except ValueError:
        raise InvalidValue(
            f"unknown status {status!r}", [], [str(s) for s in Status], field="status"
        ) from None
    found = _movers(catalog, table_id, frm=frm, to=to, filters=chosen, status=how).collect()
    return found.select("name", "province", "prefecture", "rank_from", "rank_to", "change", "status")


def import_file(
    path: str | Path,
    /,
    *,
    name: str | None = None,
    sheet: str | None = None,
    header_rows: int | None = None,
    key: str | None = None,
    province: str | None = None,
    year: int | None = None,
    encoding: str | None = None,
    strict: bool = False,
    replace: bool = False,
    data_dir: str | Path | None = None,
) -> ImportResult:
    """Imports a yearbook table (CSV/TSV/XLSX/Parquet) into your store (``$BAIQIANG_HOME``),
    as ``baiqiang data import`` does.

    Returns:
        The dataset stored (:attr:`ImportResult.dataset`) and every row's outcome
        (:attr:`ImportResult.reports`).

    Raises:
        InvalidValue: The file cannot be read, has no unit column, no numbers, or no row matched.
        UnmatchedRows: `strict`, and some rows did not match one unit (nothing stored).
        DatasetExists: The name is taken and `replace` is not set.
    """
    from baiqiang.core.indicators import ImportOptions
    from baiqiang.core.indicators import import_file as _import

    options = ImportOptions(
        sheet=sheet, header_rows=header_rows, key=key, province=province, year=year, encoding=encoding
    )
    return _import(_catalog(data_dir), path, name=name, options=options, strict=strict, replace=replace)


def show(
    name: str,
    /,
    *,
    province: str | None = None,
    prefecture: str | None = None,
    data_dir: str | Path | None = None,
) -> Profile | PrefectureProfile:
    """Everything the report says about one unit (or, for a prefecture's name, its units).

    Args:
        name: 昆山, 昆山市, kunshan, ks, 320583, 海门市 (a former name) or 苏州 (a prefecture).
        province: Narrow to a province (any spelling).
        prefecture: Narrow to a prefecture.
        data_dir: Another data folder.

    Returns:
        A :class:`Profile` (``.name``, ``.adcode``, ``.rankings[i].rank``, ``.clusters``,
        ``.facts``, ``.to_dict()``), or a :class:`PrefectureProfile`.

    Raises:
        LookupFailed: No unit is called so.
        Ambiguous: Several units are, and none is to be preferred (the message lists them).
    """
    catalog = _catalog(data_dir)
    where = parse_filters(catalog, province=province, prefecture=prefecture)
    return lookup(catalog, name, province=where.province, prefecture=where.prefecture)


def compare(
    units: list[str],
    /,
    *,
    rows: list[str] | None = None,
    base: str | None = None,
    tidy: bool = False,
    data_dir: str | Path | None = None,
) -> pl.DataFrame:
    """Units side by side (``baiqiang compare``): a row per indicator, a column per unit.

    Args:
        units: 2 to 8 units, as :func:`show` takes them (昆山, 320281, 吴江市).
        rows: Only these groups (identity, rankings, clusters, facts, census, indicators) or
            rows (adcode, population, industrial-counties.rank).
        base: Add each unit's difference and ratio to this unit.
        tidy: One row per indicator and unit instead, values typed (``value`` a number,
            ``text`` otherwise): for plotting and further work.

    Returns:
        ``group``, ``key``, ``label``, ``label_en``, ``measure`` and a column per unit (text:
        numbers exactly as held); or, with `tidy`, ``…, adcode, name, value, text``.

    Raises:
        InvalidValue: Fewer than 2 or more than 8 units, a unit named twice, an unknown row.
        LookupFailed: An unknown or ambiguous name.
    """
    from baiqiang.core.compare import compare as _compare

    found = _compare(_catalog(data_dir), units, rows=rows or (), base=base)
    return found.tidy() if tidy else found.frame()


def peers(
    unit: str,
    /,
    *,
    by: list[str] | None = None,
    k: int = 10,
    within: str = "all",
    where: str | None = None,
    explain: bool = False,
    data_dir: str | Path | None = None,
) -> pl.DataFrame:
    """The units most like a unit (``baiqiang peers``): its 对标 units.

    Args:
        unit: A unit, as :func:`show` takes it.
        by: Numeric columns (the census's, your data's, ``industrial_rank`` …); by default
            population, urbanisation, manufacturing's share of employment, years of schooling,
            the share aged 65+ and the ranks of the lists the unit is in.
        k: How many peers.
        within: ``all``, ``province``, ``region``, ``type`` or ``list`` (the report's lists).
        where: An SQL condition the units considered must meet.
        explain: Add each column's standardised difference from the unit.

    Returns:
        ``rank`` (0: the unit itself), ``name``, ``province``, ``adcode``, ``distance`` (root
        mean square of robust z-score differences) and the columns used.
    """
    from baiqiang.core.peers import Within, find_peers

    try:
        scope = Within(within)
    except ValueError:
        raise InvalidValue(f"within must be one of {', '.join(Within)}, not {within!r}") from None
    found = find_peers(_catalog(data_dir), unit, by=by or (), k=k, within=scope, where=where, explain=explain)
    return found.frame


def audit(*, data_dir: str | Path | None = None) -> pl.DataFrame:
    """The report's prose checked against its own tables: one row per claim or integrity check.

    Returns:
        ``id``, ``kind`` (claim, integrity), ``table``, ``statement``, ``report``, ``data``,
        ``status`` (holds, report inconsistent, ok, FAIL), ``quote``, ``differs``.
    """
    results = run_audit(_catalog(data_dir))
    return pl.DataFrame([{**asdict(r), "kind": str(r.kind), "status": str(r.status)} for r in results])


__all__ = [
    "Filters", "PrefectureProfile", "Profile", "audit", "compare", "peers", "show", "stats", "table", "tables",
]  # fmt: skip
