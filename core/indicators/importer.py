"""Importing a yearbook table: its columns found, its rows matched to county-level units.

:func:`read_dataset` reads a file (:mod:`.reader`), finds which column names the units (an
adcode column, else a name column, with province and prefecture columns where there are any)
and which hold numbers, and gives every row an outcome (:class:`~.model.RowOutcome`): matched,
former name, ambiguous, unmatched, not county-level (全省, 合计, 苏州市), duplicate or
footnote. Nothing is stored here (see :mod:`.store`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import polars as pl

from baiqiang.core.indicators.model import Column, Dataset, ImportOptions, ImportResult, LeftOut
from baiqiang.core.indicators.reader import (
    BLANK_MARKS,
    ROLES,
    RawTable,
    clean,
    finite,
    header_names,
    header_of,
    number_columns,
    numbers,
    read_raw,
    split_header,
    split_unit,
    table_unit,
    text_columns,
    unique_names,
)
from baiqiang.core.matching import Places, RowOutcome, Trust, match_frame, province_of, report_schema
from baiqiang.core.plain.errors import InvalidValue
from baiqiang.core.plain.text import clip, file_name, visible

_FOOTNOTE = re.compile(r"^(注|资料来源|数据来源|来源|说明|备注|附注|[*※#])")


@dataclass(frozen=True)
class Roles:
    """Which columns do what: the code and name of the unit, its province and prefecture, the
    year, and the numbers (everything else is left out and said so)."""

    code: str | None
    name: str | None
    province: str | None
    prefecture: str | None
    year: str | None
    values: list[str]
    ignored: list[LeftOut]


DATA_YEARS = range(1949, datetime.now(UTC).year + 2)
"""The years a file's values can be for."""

SAMPLE = 2_000
"""Rows looked at to tell code, name and text columns apart."""


@dataclass(frozen=True)
class Numbers:
    """Every column as numbers, and per column the cells written (not blank, not marked missing:
    —, N/A) and those read as numbers."""

    frame: pl.DataFrame
    filled: dict[str, int]
    parsed: dict[str, int]
    unread: frozenset[str]
    """The columns with a cell written that did not read as a number as it stands (a mark, a
    thousands separator, text): the others are numbers or blanks throughout."""


def as_numbers(body: pl.DataFrame, headers: list[str]) -> Numbers:
    """Every column as numbers (null where a cell is not one), cleaning (:func:`numbers`) only
    the columns whose cells do not all read as numbers as they are."""
    cast = body.select(pl.col(h).cast(pl.Float64, strict=False) for h in headers)
    # the cells written and those read as (finite) numbers: the counts the columns keep; inf and
    # nan are made null only in the columns that have them (a column is not copied for nothing)
    written = body.select(pl.all().count()).row(0)
    numeric = cast.select(pl.all().count()).row(0)
    # finite where the sum is (inf or nan makes it so; a sum too large for a float, too: those
    # columns are counted one value at a time)
    sums = cast.select(pl.all().sum()).row(0)
    unsure = [h for h, total in zip(headers, sums, strict=True) if not math.isfinite(total)]
    finite_counts = (
        dict(zip(unsure, cast.select(pl.col(unsure).is_finite().sum()).row(0), strict=True)) if unsure else {}
    )
    read = tuple(finite_counts.get(h, n) for h, n in zip(headers, numeric, strict=True))
    odd = [h for h, n, r in zip(headers, numeric, read, strict=True) if r < n]
    direct = cast.with_columns(finite(pl.col(h)).alias(h) for h in odd) if odd else cast
    # the cells marked missing (NA, —) only in the columns where some cell did not read as a number
    unread = [h for h, w, r in zip(headers, written, read, strict=True) if r < w]
    marked = dict.fromkeys(headers, 0)
    schema = body.schema  # (made anew each time it is asked for)
    texts = [h for h in unread if schema[h] == pl.String]  # (a column parsed as numbers has no marks)
    if texts:
        counted = body.select(pl.col(h).is_in(BLANK_MARKS).sum() for h in texts).row(0)
        marked |= dict(zip(texts, counted, strict=True))
    marks = [marked[h] for h in headers]
    filled = {h: w - m for h, w, m in zip(headers, written, marks, strict=True)}
    parsed = dict(zip(headers, read, strict=True))
    messy = [  # (a column parsed as numbers with inf in it is read again as text by the caller)
        h for h, w, m, r in zip(headers, written, marks, read, strict=True) if r + m < w and h in texts
    ]
    if not messy:
        return Numbers(direct, filled, parsed, frozenset(unread))
    cleaned = body.select(numbers(h).alias(h) for h in messy)
    parsed |= dict(zip(messy, cleaned.select(pl.all().is_not_null().sum()).row(0), strict=True))
    return Numbers(direct.with_columns(cleaned.get_columns()), filled, parsed, frozenset(unread))


def _roles(
    body: pl.DataFrame,
    read: Numbers,
    headers: list[str],
    key: str | None,
    *,
    codes_by_content: bool = True,
    written: Callable[[str], pl.Series] | None = None,
) -> Roles:
    """Which columns are the unit's code, name, province, prefecture and year, which are values
    and which are left out (and why). `written` gives a column of numbers as the file writes it
    (a workbook's: its codes are numbers too)."""
    bare = {h: split_unit(h)[0] for h in headers}
    # Whole-column counts (made with the numbers); the kind of text in a sample (a panel has a
    # hundred columns and a hundred thousand rows).
    filled, parsed = read.filled, read.parsed
    sample = body.head(SAMPLE)

    @cache
    def share(h: str, pattern: str, *, numbers: bool = False) -> float:
        """The share of a column's cells in the sample that match (worked out where asked: the
        code column is usually the first asked about). A column of a text file read as numbers
        as the file was parsed holds no code (none in its first rows) and no 汉字; a workbook's
        column of numbers is asked about codes as written (`numbers`)."""
        cells = sample.get_column(h)
        if cells.dtype != pl.String and numbers and written is not None:
            cells = written(h).head(SAMPLE)
        seen = cells.len() - cells.null_count()
        if not seen or cells.dtype != pl.String:
            return 0.0
        found = cells.str.strip_chars().str.contains(pattern).fill_null(False).sum()
        return float(found) / seen

    def coded(h: str) -> bool:
        return share(h, r"^(\d{6}|\d{9}|\d{12})(\.0)?$", numbers=True) >= 0.8

    def words(h: str) -> bool:
        return share(h, r"[\u3400-\u9fff]") >= 0.6

    def pick(role: str) -> str | None:
        return next((h for h in headers if ROLES[role].search(bare[h])), None)

    code = next((h for h in headers if ROLES["code"].search(bare[h]) and coded(h)), None) or next(
        (h for h in headers if codes_by_content and coded(h) and not words(h)), None
    )
    if key is not None:
        chosen = [h for h in headers if key in (h, bare[h])]
        if not chosen:
            raise InvalidValue(f"the file has no column {key!r}", [], [bare[h] for h in headers], field="key")
        name: str | None = chosen[0]
    else:
        name = pick("name")
    province, prefecture, year = pick("province"), pick("prefecture"), pick("year")
    if name is None:
        taken = {code, province, prefecture, year}
        name = next((h for h in headers if h not in taken and words(h)), None)
    if name is None and code is None:
        raise InvalidValue("the file has no column of unit names or adcodes (name one with the key option)")
    roles = {code, name, province, prefecture, year} - {None}
    values: list[str] = []
    ignored: list[LeftOut] = []
    for h in headers:
        if h in roles:
            continue
        if ROLES["code"].search(bare[h]) and filled[h]:  # 省代码, a second 区划代码: codes, not figures
            ignored.append(LeftOut(visible(h), "codes, not figures"))
        elif parsed[h] and parsed[h] * 2 >= filled[h]:
            values.append(h)
        elif filled[h] == 0:
            ignored.append(LeftOut(visible(h), "empty"))
        else:
            ignored.append(
                LeftOut(visible(h), f"text: {filled[h] - parsed[h]} of {filled[h]} cells are not numbers")
            )
    if not values:
        raise InvalidValue("the file has no column of numbers to import")
    return Roles(code, name, province, prefecture, year, values, ignored)


def read_dataset(
    path: Path, places: Places, *, name: str, options: ImportOptions
) -> tuple[pl.DataFrame, ImportResult]:
    """Reads a file and matches its rows to units.

    Args:
        path: A .csv, .tsv, .xlsx or .parquet file.
        places: What rows are matched against.
        name: The name the dataset will have.
        options: How to read and match it.

    Returns:
        The values (``adcode``, ``year``, one Float64 column per imported column, the rows
        matched), and the dataset's description with every row's outcome.

    Raises:
        InvalidValue: The file cannot be read, or has no unit column or no numbers.
    """
    if options.year is not None and options.year not in DATA_YEARS:
        raise InvalidValue(
            f"year {clip(str(options.year), 12)} is not a year of county statistics "
            f"({DATA_YEARS.start}–{DATA_YEARS.stop - 1})",
            field="year",
        )
    raw = read_raw(path, sheet=options.sheet, encoding=options.encoding)
    start = header_of(raw)
    count = options.header_rows or _header_rows(raw.head, start)
    if count < 1 or start + count > len(raw.head):
        raise InvalidValue(f"the header cannot take {count} rows here", field="header_rows")
    headers = unique_names(header_names(raw.head, start, count))
    body, read, past = _body(raw, start + count, headers)
    converted = read.frame
    cells_of = raw.cells
    written = None if cells_of is None else (lambda h: cells_of.text(start + count, headers.index(h)))
    roles = _unit_roles(body, read, headers, options.key, places, written)

    def cleaned(cell: pl.Expr) -> pl.Expr:  # clean(), in Polars: NFKC, no blanks
        return cell.cast(pl.String).str.normalize("NFKC").str.replace_all(r"\s+", "")

    def once(column: str | None, make: Callable[[pl.Expr], pl.Expr], empty: object) -> pl.Expr:
        """`make` of each distinct cell of a column, worked out once (a panel repeats a unit's
        code in thirty rows); `empty` for a blank cell, or where there is no such column."""
        if column is None:
            return pl.lit(empty)
        keys = body.get_column(column).drop_nulls().unique()
        done = keys.to_frame("k").select(make(pl.col("k")).alias("v")).to_series()
        mapped = pl.col(column).replace_strict(keys, done, return_dtype=done.dtype)
        return mapped if empty is None else mapped.fill_null(empty)

    first_line = raw.first_line(start + count)
    cells = body.select(
        (pl.int_range(pl.len(), dtype=pl.Int64) + first_line).alias("line"),
        once(roles.code, lambda c: cleaned(c).str.replace(r"^(\d+)\.0+$", "${1}"), "").alias(
            "code"
        ),  # 110101.0 is a code
        once(roles.name, cleaned, "").alias("name"),
        once(roles.province, cleaned, "").alias("province"),
        once(roles.prefecture, cleaned, "").alias("prefecture"),
        (
            once(
                roles.year,
                lambda c: (
                    _year_text(c).str.extract(r"^((?:19|20)\d{2})(?:年(?:度|末)?|\.0+)?$").cast(pl.Int32)
                ),
                None,
            )
            if roles.year
            else pl.lit(options.year, pl.Int32)
        ).alias("year"),
        once(roles.year, _year_text, "").alias("year_text"),
    ).with_columns(
        _any_number(converted, roles.values),
        pl.when(pl.col("name") != "").then("name").otherwise("code").alias("text"),
    )
    as_of, read_as = _as_of(
        places,
        options,
        cells["code"].unique().to_list(),
        has_year=roles.year is not None,
        names=cells["name"].unique().to_list(),
        titled=title_year(raw.head[:start]),
    )
    reports, keys = _set_aside(cells, places, options, as_of)
    trust = Trust(options.trust) if options.trust else None
    result = match_frame(places, keys, trust=trust, merge_sum=options.merge == "sum")
    table = pl.concat([reports, result.table]).sort("line")
    index = (
        keys.select((pl.col("line") - first_line).cast(pl.UInt32).alias("_i"), "year")
        .with_columns(result.table.select("adcode", "outcome"))
        .filter(pl.col("outcome").is_in([str(o) for o in _KEPT]))
        .select("_i", "adcode", "year")
    )

    above = table_unit(raw.head[:start])  # 单位：亿元 over the table: every column's unit
    split = [split_header(h) for h in roles.values]
    bare = Counter(n for n, _, _ in split)
    columns = [  # a year in brackets is the column's; where it tells two columns apart it stays
        (visible(n if bare[n] == 1 or y is None else f"{n}（{y}）"), visible(unit or above), y)
        for n, unit, y in split
    ]
    names = unique_names([n for n, _, _ in columns])
    numbered = converted.select(pl.col(h).alias(n) for h, n in zip(roles.values, names, strict=True))
    every = index.height == numbered.height  # (rows kept are in order: all of them, or some)
    values = index.drop("_i").hstack(numbered if every else numbered[index["_i"]])
    notes: list[str] = []
    if past:  # never silently: the header says which columns there are
        notes.append(
            f"{past:,} row(s) have cells past the header's last column (it names {len(headers)}): "
            "those cells are left out"
        )
    if result.parts:  # the parts of a unit formed by a merger, added up (where every one has a value)
        rates = [n for n, (_, unit, _) in zip(names, columns, strict=True) if is_rate(n, unit)]
        sums = [
            numbered.with_row_index("_i")
            .filter(pl.col("_i").is_in([r.line - first_line for r in parts]))
            .select(
                pl.lit(adcode).alias("adcode"),
                pl.lit(year, pl.Int32).alias("year"),
                *[
                    pl.lit(None, pl.Float64).alias(n)
                    if n in rates
                    else pl.when(pl.col(n).null_count() == 0).then(pl.col(n).sum()).alias(n)
                    for n in names
                ],
            )
            for (adcode, year), parts in result.parts.items()
        ]
        values = pl.concat([values, *sums], how="vertical_relaxed")
        if rates:
            shown = ", ".join(visible(n) for n in rates[:6]) + (" …" if len(rates) > 6 else "")
            notes.append(
                f"left blank for the {len(result.parts)} unit(s) summed: {shown} — a rate, a share or an "
                "average does not add up"
            )
    counts = (
        values.select(pl.col(n).is_not_null().sum() for n in names).row(0)
        if values.height
        else [0] * len(names)
    )
    gaps = _gaps(body, read, index["_i"], roles.values)
    summary = dict(table.group_by("outcome", maintain_order=True).len().iter_rows())
    years = sorted({*index["year"].drop_nulls().unique().to_list(), *(y for _, y in result.parts if y)})
    dataset = Dataset(
        name=name,
        source=file_name(path),
        sha256=raw.sha256,
        sheet=raw.sheet,
        imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
        options=options.to_dict() | ({"header_rows": count} if count != 1 else {}),
        columns=[
            Column(n, unit, h, int(c), *gaps[h], year=y)
            for (n, (_, unit, y)), h, c in zip(
                zip(names, columns, strict=True), roles.values, counts, strict=True
            )
        ],
        rows=values.height,
        units=values.select(pl.col("adcode").n_unique()).item() if values.height else 0,
        years=years,
        summary=summary,
    )
    return values, ImportResult(dataset, table, roles.ignored, read_as, notes)


def _any_number(converted: pl.DataFrame, columns: list[str]) -> pl.Series:
    """Whether each row has a number in one of `columns` ("numeric"): looked for only where a
    column has blanks (a row with a number in a column without any has one)."""
    gaps = converted.select(pl.col(columns).null_count()).row(0)
    if not all(gaps):
        return pl.repeat(True, converted.height, eager=True).alias("numeric")
    return converted.select(pl.any_horizontal(pl.col(columns).is_not_null()).alias("numeric")).to_series()


def _body(raw: RawTable, skip: int, headers: list[str]) -> tuple[pl.DataFrame, Numbers, int]:
    """The rows under the header, named by it, with their numbers, and how many rows have cells
    past its last column: the columns whose first rows are plain numbers parsed as the file is
    read, the whole body read again as text where one of them holds inf or nan.

    Raises:
        InvalidValue: There are no rows, or they cannot be read as a table.
    """
    named = dict(zip([f"column_{i}" for i in range(len(headers))], headers, strict=True))
    text = text_columns(headers)
    # a workbook's: every column of numbers as the cells hold them; a text file's: those whose
    # first rows are plain numbers, parsed as the file is read
    numbers = (
        number_columns(raw.head[skip:], headers)
        if raw.cells is None
        else [i for i in range(len(headers)) if i not in text]
    )
    found, past = raw.read_body(skip, len(headers), numbers=numbers)
    body = found.rename(named)
    if body.height == 0 or all(n == body.height for n in body.null_count().row(0)):  # (counts kept)
        raise InvalidValue("the file has a header but no rows under it")
    read = as_numbers(body, headers)
    schema = body.schema
    if any(schema[h] != pl.String for h in read.unread):  # inf, nan: what was written, as text
        found, past = raw.read_body(skip, len(headers))
        body = found.rename(named)
        read = as_numbers(body, headers)
    return body, read, past


def _unit_roles(
    body: pl.DataFrame,
    read: Numbers,
    headers: list[str],
    key: str | None,
    places: Places,
    written: Callable[[str], pl.Series] | None = None,
) -> Roles:
    """:func:`_roles`, where six digits under no code header, beside a column of names, are
    codes only if most of them were (常住人口 349523 is a number, and the names say which unit)."""
    roles = _roles(body, read, headers, key, written=written)
    if roles.code is None or roles.name is None or ROLES["code"].search(split_unit(roles.code)[0]):
        return roles
    codes = body.get_column(roles.code)
    if codes.dtype != pl.String and written is not None:
        codes = written(roles.code)
    found = places.history.vintage(codes.cast(pl.String).drop_nulls().unique().to_list())
    if found is None or found[2] < 0.5:
        return _roles(body, read, headers, key, codes_by_content=False, written=written)
    return roles


_KEPT = (RowOutcome.MATCHED, RowOutcome.RENAMED, RowOutcome.SUCCEEDED)
"""The outcomes whose row's own values are stored (summed rows are stored as their sum)."""


def _set_aside(
    cells: pl.DataFrame, places: Places, options: ImportOptions, as_of: int | None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The rows that are no unit's (a footnote; a year that is none: 99999, -5, 2021.5) with
    their outcomes, and the others as rows to match (:func:`~baiqiang.core.matching.key_schema`);
    blank rows are neither."""
    from baiqiang.core.filters import resolve_province

    cells = cells.filter((pl.col("text") != "") | pl.col("numeric"))  # a blank row: nothing said
    footnote = pl.col("text").str.contains(_FOOTNOTE.pattern) | (
        ~pl.col("numeric") & (pl.col("text").str.len_chars() > 15)
    )
    no_year = (pl.col("year_text") != "") & (
        pl.col("year").is_null() | ~pl.col("year").is_between(DATA_YEARS.start, DATA_YEARS.stop - 1)
    )
    kinds = cells.with_columns(footnote.alias("_footnote"), (~footnote & no_year).alias("_no_year"))
    span = f"({DATA_YEARS.start}–{DATA_YEARS.stop - 1})"
    aside = [
        (line, text, str(RowOutcome.FOOTNOTE), "", "", "")
        if foot
        else (
            line,
            text,
            str(RowOutcome.UNMATCHED),
            "",
            "",
            f"its year {clip(year, 20)!r} is not a year {span}",
        )
        for line, text, year, foot in kinds.filter(pl.col("_footnote") | pl.col("_no_year"))
        .select("line", "text", "year_text", "_footnote")
        .iter_rows()
    ]
    rest = kinds.filter(~pl.col("_footnote") & ~pl.col("_no_year"))
    if options.province:
        province: pl.Expr = pl.lit(resolve_province(options.province).short, pl.String)
    else:
        short = {p: province_of(p) for p in rest["province"].unique().to_list()}
        province = pl.col("province").replace_strict(short, return_dtype=pl.String)
    keys = rest.select(
        "line",
        "code",
        "name",
        province.alias("province"),
        pl.when(pl.col("prefecture") != "").then("prefecture").alias("prefecture"),
        "year",
        (pl.col("year") if as_of == ROW_YEAR else pl.lit(as_of, pl.Int32)).alias("as_of"),
    )
    return pl.DataFrame(aside, schema=report_schema(), orient="row"), keys


def _gaps(
    body: pl.DataFrame, numeric: Numbers, kept: pl.Series, every: list[str]
) -> dict[str, tuple[int, int, list[str]]]:
    """Per value column, over the rows stored: the cells left blank or marked missing (—, N/A),
    the cells that are not a number (1,2,3; inf; 甲), and a few of the latter as written."""
    converted = numeric.frame
    out: dict[str, tuple[int, int, list[str]]] = {}
    plain = [h for h in every if h not in numeric.unread]  # numbers or blanks: a blank is a gap
    if plain:
        stored = converted.select(plain).with_row_index("_i").filter(pl.col("_i").is_in(kept.implode()))
        out |= {h: (int(n), 0, []) for h, n in zip(plain, stored.drop("_i").null_count().row(0), strict=True)}
    columns = [h for h in every if h in numeric.unread]
    if not columns:
        return {h: out[h] for h in every}
    read = {h: f"\x00{i}" for i, h in enumerate(columns)}  # the numbers, beside the text
    rows = (
        body.select(columns)
        .hstack(converted.select(pl.col(h).alias(read[h]) for h in columns).get_columns())
        .with_row_index("_i")
        .filter(pl.col("_i").is_in(kept.implode()))
    )

    def marked(h: str, *, padded: bool = False) -> pl.Expr:  # a mark as written (or with blanks: " — ")
        found = pl.col(h).is_null() | pl.col(h).is_in(BLANK_MARKS)
        return found | pl.col(h).str.strip_chars().is_in(BLANK_MARKS) if padded else found

    def unread(h: str, *, padded: bool = False) -> pl.Expr:
        return ~marked(h, padded=padded) & pl.col(read[h]).is_null()

    # every column's counts in one pass (a panel has a hundred columns, a wide file thousands)
    counts = rows.select(
        *[marked(h).sum().alias(f"m{i}") for i, h in enumerate(columns)],
        *[unread(h).sum().alias(f"u{i}") for i, h in enumerate(columns)],
    ).row(0, named=True)
    for i, h in enumerate(columns):
        examples: list[str] = []
        m, u = int(counts[f"m{i}"]), int(counts[f"u{i}"])
        if u:  # the few columns with cells not read: marks with blanks around them count as marks
            m, u = rows.select(
                marked(h, padded=True).sum().alias("m"), unread(h, padded=True).sum().alias("u")
            ).row(0)
            found = rows.filter(unread(h, padded=True)).select(h).unique(maintain_order=True).head(3)
            examples = [clip(str(e), 20) for e in found.to_series().to_list()]
        out[h] = (int(m), int(u), examples)
    return {h: out[h] for h in every}


_HAN_DIGITS = dict(zip("〇零一二三四五六七八九", "00123456789", strict=True))


def _year_text(cell: pl.Expr) -> pl.Expr:
    """A year cell as written, cleaned (NFKC, no blanks; 二〇二一 in digits)."""
    text = cell.cast(pl.String).str.normalize("NFKC").str.replace_all(r"\s+", "")
    return text.str.replace_many(list(_HAN_DIGITS), list(_HAN_DIGITS.values())).fill_null("")


ROW_YEAR = -1
"""Read each row as of its own year (a panel whose codes change with the years)."""


def _as_of(
    places: Places,
    options: ImportOptions,
    codes: list[str],
    *,
    has_year: bool,
    names: Sequence[str] = (),
    titled: int | None = None,
) -> tuple[int | None, str]:
    """The year-end whose list a file's codes and names are read in, and a sentence saying
    which and why: the year given (said, where the file's codes say another, or it has a year
    column); else the year the file's codes were all in use together (most of them, at least),
    or, for a file without codes, its names; else, for a panel whose codes change with its
    years, each row's own year; else today's map (names of other years are still found)."""
    history = places.history
    found = history.vintage(codes)
    first_list = min(r.start for r in history.records)
    if options.year is not None:
        year = max(options.year, first_list)
        said = f"read as of the end of {year} (the year given"
        said += f"; the code lists begin in {first_list})" if year != options.year else ")"
        if found is not None and not found[0] <= year <= found[1] and found[2] >= VINTAGE_SHARE:
            span = f"{found[0]}" if found[0] == found[1] else f"{found[0]}–{found[1]}"
            said += f"; note: the file's codes were in use together in {span}, not in {year}"
        if has_year:
            said += "; the file's year column dates the values, not the list they are read in"
        return year, said
    by = "codes"
    if found is None and titled is not None and titled >= first_list:  # 2010年… above a table of names
        return (
            min(titled, history.base),
            f"read as of the end of {min(titled, history.base)}: the year in the file's title (another year: the year option)",
        )
    if found is None:
        found, by = history.name_vintage(names), "names"
    if found is not None:
        first, last, share = found
        span = f"{first}" if first == last else f"{first}–{last}"
        year = max(y for y in range(first, last + 1) if y <= history.base) if first <= history.base else first
        if share >= (VINTAGE_SHARE if by == "codes" else NAME_SHARE) or (not has_year and by == "codes"):
            held = "all" if share == 1 else f"{share:.0%} of"
            return year, (
                f"read as of the end of {year}: {held} the file's {by} were in use together in {span} "
                "(another year: the year option)"
            )
    if has_year:
        return ROW_YEAR, "read each row as of its own year (the file's codes change with its years)"
    return (
        None,
        "read as of today's map (the end of 2021): neither the codes nor the names tell a year (another: the year option)",
    )


_RATE = re.compile(r"(率|比重|比例|占比|增速|增长|增幅|平均|人均|均值|指数|密度|系数|性别比|每)")


def is_rate(name: str, unit: str) -> bool:
    """Whether a column is a rate, a share or an average (增速, 人均…, a unit of %): a value
    that does not add up over the parts of a unit."""
    return unit.strip() in ("%", "‰", "％") or "/" in unit or bool(_RATE.search(name))


_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def title_year(rows: list[list[str | None]]) -> int | None:
    """The year a table's title rows give (2010年各县…), or None."""
    for row in rows:
        for cell in row:
            found = _TITLE_YEAR.search(clean(cell)) if cell else None
            if found:
                return int(found[1])
    return None


NAME_SHARE = 0.9
"""The share of a file's names that must have been in use together in some year-end for its
names (a file without codes) to date it: names repeat across provinces and years, so less than
all is expected."""
VINTAGE_SHARE = 0.98
"""The share of a file's codes in use together that makes their year the file's."""


def _header_rows(head: list[list[str | None]], start: int) -> int:
    """2 where the row under the header is a second header row: words only, under a header
    with blanks (a merged group over sub-columns); else 1."""
    if start + 1 >= len(head):
        return 1
    top, below = head[start], head[start + 1]
    gaps = any(not (c or "").strip() for c in top[1:]) if len(top) > 1 else False
    cells = [c for c in below if c and c.strip()]
    numeric = [c for c in cells if re.fullmatch(r"[\d.,\-%\s]+", clean(c))]
    return 2 if gaps and cells and not numeric and len(cells) >= 2 else 1
