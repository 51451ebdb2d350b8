"""Other editions of the three lists: imported rank tables, rank movement, each unit's history.

The report's own lists are the edition of its year (built in, never replaced). Another year's list is
imported from a table with a rank column and a unit column (optionally province and
prefecture, and ★ where printed); every row must resolve to one unit and the ranks must be
1…N once each, or nothing is stored. An edition is kept under ``$BAIQIANG_HOME/editions/
TABLE/YEAR.json`` (its provenance and its rows: adcode, rank, ★), read without Polars for
``show``'s history.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from baiqiang.core.matching import RowOutcome, RowReport
from baiqiang.core.plain.editions import (
    builtin_edition,
    edition_path,
    imported_years,
    plausible_years,
    read_edition,
)
from baiqiang.core.plain.errors import DatasetExists, InvalidValue, LookupFailed
from baiqiang.core.plain.suggest import shorten
from baiqiang.core.plain.tables import TABLES, ranking_tables, resolve_table
from baiqiang.core.plain.text import file_name

if TYPE_CHECKING:
    import polars as pl

    from baiqiang.core.catalog import Catalog
    from baiqiang.core.filters import Filters


@dataclass(frozen=True)
class Edition:
    """One edition of a list.

    Attributes:
        table: The list's table id.
        year: The edition (the report's year for its own).
        source: Where it comes from: the report, or the imported file's name.
        rows: How many units it ranks.
        sha256: The imported file's digest ("" for the report's).
        imported_at: When it was imported ("" for the report's).
        builtin: Whether it is the report's own (never replaced).
    """

    table: str
    year: int
    source: str
    rows: int
    sha256: str = ""
    imported_at: str = ""
    builtin: bool = False


@dataclass(frozen=True)
class EditionImport:
    """An edition import's outcome: the edition (stored, unless rejected) and every row's."""

    edition: Edition
    reports: list[RowReport]
    problems: list[RowReport] = field(default_factory=list)


class EditionRejected(InvalidValue):
    """An edition's rows did not all resolve, or its ranks are not 1…N once each: nothing stored.

    Attributes:
        result: Every row's outcome (for the per-row report).
    """

    def __init__(self, message: str, result: EditionImport) -> None:
        super().__init__(message)
        self.result = result


class Status(StrEnum):
    """How a unit moved between two editions."""

    UP = "up"
    DOWN = "down"
    SAME = "same"
    NEW = "new"
    DROPPED = "dropped"


def years(table: str, root: Path | None = None) -> list[int]:
    """Every edition of a list, the report's included, oldest first."""
    tid = resolve_table(table)
    return sorted({builtin_edition(tid), *imported_years(tid, root)})


def latest(table: str, root: Path | None = None) -> int:
    """The newest edition of a list."""
    return years(table, root)[-1]


def check_year(year: int) -> int:
    """An edition's year, if it can be one.

    Raises:
        InvalidValue: Before the lists began (2000) or after next year.
    """
    plausible = plausible_years()
    if year not in plausible:
        raise InvalidValue(
            f"edition {shorten(str(year), 12)} is not a year a list can have ({plausible.start}–{plausible.stop - 1})",
            field="edition",
        )
    return year


def remove_edition(table: str, year: int, root: Path | None = None) -> Edition:
    """Removes an imported edition of a list (renamed aside first: gone at once or not at all).

    Raises:
        InvalidValue: It is the report's own (built in).
        LookupFailed: The list has no such edition.
    """
    tid = resolve_table(table)
    if year == builtin_edition(tid):
        raise InvalidValue(f"edition {year} of {tid} is the report's own, built in: it cannot be removed")
    found = next((e for e in editions(root) if e.table == tid and e.year == year), None)
    if found is None and year in imported_years(tid, root, damaged=True):  # a damaged file goes too
        found = Edition(tid, year, DAMAGED, 0)
    if found is None:
        raise LookupFailed(
            f"{tid} has no imported edition {year}", [], [str(y) for y in imported_years(tid, root)]
        )
    path = edition_path(tid, year, root)
    aside = path.with_name(f".{path.name}.removed")
    try:
        os.replace(path, aside)
    except OSError as exc:
        from baiqiang.core.indicators.store import store_error

        raise store_error(path.parent, exc) from exc
    aside.unlink(missing_ok=True)
    return found


def editions(root: Path | None = None) -> list[Edition]:
    """Every edition of every list: the report's and those imported."""
    out = []
    for table in ranking_tables():
        for year in years(table, root):
            if year == builtin_edition(table):
                out.append(Edition(table, year, "the report (built in)", 100, builtin=True))
                continue
            raw = read_edition(table, year, root)
            if raw is not None:
                out.append(
                    Edition(table, year, raw["source"], len(raw["rows"]), raw["sha256"], raw["imported_at"])
                )
        out += [Edition(table, year, DAMAGED, 0) for year in imported_years(table, root, damaged=True)]
    return out


DAMAGED = "(damaged: its file cannot be read; editions remove it, then import it again)"
"""The source shown for an edition whose file cannot be read: it is no edition, but it is listed."""


def _prefecture(catalog: Catalog, cell: str) -> str | None:
    """A prefecture cell in its official spelling where it is the report's own (省直管 →
    省直辖县级行政区划, 巴音郭楞 → 巴音郭楞蒙古自治州), else as written."""
    if not cell:
        return None
    return catalog.prefecture_spellings.get(
        cell, "省直辖县级行政区划" if cell in ("省直管", "省直辖") else cell
    )


def import_edition(
    catalog: Catalog,
    path: str | Path,
    *,
    table: str,
    year: int,
    sheet: str | None = None,
    header_rows: int | None = None,
    encoding: str | None = None,
    replace: bool = False,
    root: Path | None = None,
    before_store: Callable[[EditionImport], None] | None = None,
) -> EditionImport:
    """Imports another year's edition of a list: whole, or not at all (`before_store` is called
    with every row's outcome before anything is stored or refused; where it raises, nothing is).

    Raises:
        InvalidValue: The file cannot be read, has no rank or unit column, or the year is the
            report's own.
        EditionRejected: A row did not resolve to one unit, or the ranks are not 1…N once each.
        DatasetExists: That edition is imported already and `replace` is not set.
    """
    from baiqiang.core.history import BASE
    from baiqiang.core.indicators.reader import (
        ROLES,
        clean,
        header_names,
        header_of,
        read_raw,
        split_unit,
        unique_names,
    )
    from baiqiang.core.matching import RowKey, match_rows, places, province_of

    tid = resolve_table(table)
    if not TABLES[tid].ranked:
        raise InvalidValue(f"{tid} is not a ranked list", [], list(ranking_tables()), field="list")
    check_year(year)
    if year == builtin_edition(tid):
        raise InvalidValue(f"edition {year} is the report's own list, built in: it cannot be replaced")
    target = edition_path(tid, year, root)
    if target.exists() and not replace:
        raise DatasetExists(f"edition {year} of {tid} exists", path=str(target))
    file = Path(path)
    raw = read_raw(file, sheet=sheet, encoding=encoding)
    start = header_of(raw)
    count = header_rows or 1
    headers = unique_names(header_names(raw.head, start, count))
    body = raw.body(start + count, len(headers))
    bare = [split_unit(h)[0] for h in headers]

    def column(role: str) -> int | None:
        return next((i for i, b in enumerate(bare) if ROLES[role].search(b)), None)

    rank_i, name_i, code_i = column("rank"), column("name"), column("code")
    if rank_i is None or (name_i is None and code_i is None):
        raise InvalidValue(
            "an edition needs a rank column (排名/rank/序号) and a unit column (县（市）/区/名称/name)"
            " or a code column (区划代码/adcode)"
        )
    prov_i, pref_i, star_i = column("province"), column("prefecture"), column("star")

    def cell(row: tuple[Any, ...], i: int | None) -> str:
        return clean(row[i]) if i is not None else ""

    keys: list[RowKey] = []
    ranks: dict[int, int] = {}
    starred: dict[int, bool] = {}
    problems: list[RowReport] = []
    for i, row in enumerate(body.rows()):
        line = start + count + 1 + i
        name, code, rank_text = cell(row, name_i), cell(row, code_i), cell(row, rank_i)
        rank_text = re.sub(r"^(\d+)\.0+$", r"\1", rank_text)  # 1.0, as a float column writes 1
        code = re.sub(r"^(\d+)\.0+$", r"\1", code)
        if not name and not code and not rank_text:
            continue
        if not rank_text.isdigit():
            note = f"rank {rank_text!r} is not a number"
            problems.append(RowReport(line, name or code, RowOutcome.UNMATCHED, note=note))
            continue
        ranks[line] = int(rank_text)
        starred[line] = name.endswith("★") or cell(row, star_i) in ("★", "是", "true", "1")
        keys.append(
            RowKey(
                line,
                code,
                name.rstrip("★"),
                province_of(cell(row, prov_i)),
                _prefecture(catalog, cell(row, pref_i)),
                as_of=min(year, BASE),  # the list's units as the codes of its year name them
            )
        )
    rows: list[dict[str, Any]] = []
    seen_ranks: dict[int, int] = {}
    reports = list(problems)
    for report in match_rows(places(catalog), keys):
        rank = ranks[report.line]
        if report.outcome.stored and rank in seen_ranks:
            said = f"rank {rank} is on line {seen_ranks[rank]} too"
            report = RowReport(
                report.line, report.text, RowOutcome.DUPLICATE, report.adcode, report.name, said
            )
        elif report.outcome.stored:
            seen_ranks[rank] = report.line
            rows.append(
                {
                    "adcode": report.adcode,
                    "rank": rank,
                    "province_first": starred[report.line],
                    "printed": report.text,
                }
            )
        reports.append(report)
        if not report.outcome.stored:
            problems.append(report)
    reports.sort(key=lambda r: r.line)
    problems.sort(key=lambda r: r.line)
    missing = [r for r in range(1, len(rows) + 1) if r not in seen_ranks]
    if missing and not problems:
        shown = ", ".join(map(str, missing[:10])) + (" …" if len(missing) > 10 else "")
        problems.append(
            RowReport(0, "", RowOutcome.UNMATCHED, note=f"ranks missing from 1…{len(rows)}: {shown}")
        )
    edition = Edition(
        tid,
        year,
        file_name(file),
        len(rows),
        raw.sha256,
        datetime.now(UTC).isoformat(timespec="seconds"),
    )
    result = EditionImport(edition, reports, problems)
    if before_store is not None:
        before_store(result)
    if problems or not rows:
        raise EditionRejected(
            f"edition {year} of {tid} not stored: {len(problems)} problem(s) (every row must resolve to one unit, ranks 1…N once each)",
            result,
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(
        {**asdict(edition), "rows": sorted(rows, key=lambda r: r["rank"])}, ensure_ascii=False, indent=1
    )
    from baiqiang.core.export import write_bytes

    write_bytes(target, data.encode("utf-8"), force=True)
    return result


def edition_frame(
    catalog: Catalog, table: str, year: int | None = None, *, root: Path | None = None
) -> pl.LazyFrame:
    """A list's rows in an edition (the report's by default), with the columns of the report's
    table: place names and types from the unit's adcode, ★ where printed, no 梯队 (its
    cut-offs are the report's, for its own edition only).

    Raises:
        LookupFailed: The list has no such edition.
    """
    import polars as pl

    tid = resolve_table(table)
    chosen = year if year is not None else builtin_edition(tid)
    if chosen == builtin_edition(tid):
        return catalog.tables[tid]
    raw = read_edition(tid, chosen, root)
    if raw is None:
        have = [str(y) for y in years(tid, root)]
        raise LookupFailed(f"{tid} has no edition {chosen}", [], have, field="edition")
    ranks = pl.DataFrame(
        raw["rows"],
        schema={"adcode": pl.String, "rank": pl.Int64, "province_first": pl.Boolean, "printed": pl.String},
    )
    from baiqiang.core.catalog import ranked, unit_columns

    units = unit_columns(catalog.divisions.collect())
    keys = catalog.tables["divisions"].select("adcode", "_province_key", "_prefecture_key").collect()
    frame = ranked(ranks.drop("printed"), units, tiers=TABLES[tid].tiers).join(
        keys, on="adcode", how="left", maintain_order="left"
    )
    schema = catalog.tables[tid].collect_schema()
    present = [c for c in schema.names() if c in frame.columns]
    return frame.select(present).sort("rank").lazy()


def movers(
    catalog: Catalog,
    table: str,
    *,
    frm: int | None = None,
    to: int | None = None,
    filters: Filters | None = None,
    status: Status | None = None,
    root: Path | None = None,
) -> pl.LazyFrame:
    """One row per unit in either edition: ``name, province, prefecture, rank_from, rank_to,
    change, status``, where ``change = rank_from − rank_to`` (positive = up).

    Raises:
        InvalidValue: Fewer than two editions, or the same one twice.
        LookupFailed: An edition the list does not have.
    """
    import polars as pl

    from baiqiang.core.filters import Filters, filter_units
    from baiqiang.core.service import check_table_kind

    tid = check_table_kind(table, kind="ranking")  # only the lists have editions
    have = years(tid, root)
    if frm is None or to is None:
        if len(have) < 2:
            raise InvalidValue(
                f"{tid} has one edition ({have[0]}): import another to compare (data import … --edition YEAR)"
            )
        frm = frm if frm is not None else have[-2]
        to = to if to is not None else have[-1]
    if frm == to:
        raise InvalidValue(f"compare two different editions, not {frm} with itself")
    a = edition_frame(catalog, tid, frm, root=root).select("adcode", pl.col("rank").alias("rank_from"))
    b = edition_frame(catalog, tid, to, root=root).select("adcode", pl.col("rank").alias("rank_to"))
    both = a.join(b, on="adcode", how="full", coalesce=True)
    base = catalog.tables["divisions"]
    out = both.join(base, on="adcode", how="left", maintain_order="left").with_columns(
        change=pl.col("rank_from") - pl.col("rank_to"),
        status=pl.when(pl.col("rank_from").is_null())
        .then(pl.lit(Status.NEW.value))
        .when(pl.col("rank_to").is_null())
        .then(pl.lit(Status.DROPPED.value))
        .when(pl.col("rank_from") > pl.col("rank_to"))
        .then(pl.lit(Status.UP.value))
        .when(pl.col("rank_from") < pl.col("rank_to"))
        .then(pl.lit(Status.DOWN.value))
        .otherwise(pl.lit(Status.SAME.value)),
    )
    # every filter of ``list``: the ranks one on the rank in the later edition, tier on the report's 梯队
    out = filter_units(out.with_columns(rank=pl.col("rank_to")), filters or Filters())
    if status is not None:
        out = out.filter(pl.col("status") == status.value)
    return out.sort("rank_to", "rank_from", nulls_last=True).select(
        "name",
        "province",
        "prefecture",
        "rank_from",
        "rank_to",
        "change",
        "status",
        "adcode",
        *[c for c in ("province_short", "region", "county_type") if c],
    )


def previous_edition(table: str, edition: int, root: Path | None = None) -> int | None:
    """The edition of a list before `edition`, or None."""
    earlier = [y for y in years(table, root) if y < edition]
    return earlier[-1] if earlier else None


def with_change(
    catalog: Catalog, table: str, edition: int | None = None, *, root: Path | None = None
) -> pl.LazyFrame:
    """A list's rows in an edition with how each unit moved since the edition before:
    ``change`` (previous rank − rank: up is positive; null for a unit new to the list) and
    ``movement`` (up, down, same, new). Without an earlier edition, the rows as they are."""
    import polars as pl

    tid = resolve_table(table)
    shown = edition if edition is not None else builtin_edition(tid)
    lf = edition_frame(catalog, tid, shown, root=root)
    before = previous_edition(tid, shown, root)
    if before is None:
        return lf
    prev = edition_frame(catalog, tid, before, root=root).select("adcode", pl.col("rank").alias("_previous"))
    return (
        lf.join(prev, on="adcode", how="left", maintain_order="left")
        .with_columns(
            change=pl.col("_previous") - pl.col("rank"),
            movement=pl.when(pl.col("_previous").is_null())
            .then(pl.lit(Status.NEW.value))
            .when(pl.col("_previous") > pl.col("rank"))
            .then(pl.lit(Status.UP.value))
            .when(pl.col("_previous") < pl.col("rank"))
            .then(pl.lit(Status.DOWN.value))
            .otherwise(pl.lit(Status.SAME.value)),
        )
        .drop("_previous")
    )


def bump_series(
    catalog: Catalog, table: str, filters: Filters | None = None, *, top: int = 8, root: Path | None = None
) -> dict[str, list[tuple[int, int]]]:
    """The ranks over every edition of the `top` units of the latest edition that pass the
    filters: name → [(edition, rank)], oldest first (what a bump chart draws)."""
    import polars as pl

    from baiqiang.core.filters import Filters, filter_units

    tid = resolve_table(table)
    newest = filter_units(edition_frame(catalog, tid, None, root=root), filters or Filters())
    chosen = newest.sort("rank").head(top).select("adcode", "name").collect()
    out: dict[str, list[tuple[int, int]]] = {n: [] for n in chosen["name"]}
    codes = dict(zip(chosen["adcode"], chosen["name"], strict=True))
    for year in years(tid, root):
        ranks = (
            edition_frame(catalog, tid, year, root=root)
            .filter(pl.col("adcode").is_in(list(codes)))
            .select("adcode", "rank")
        )
        for code, rank in ranks.collect().iter_rows():
            out[codes[code]].append((year, int(rank)))
    return out
