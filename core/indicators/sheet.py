"""A workbook sheet's cells, as the importer reads them: the first rows as text (to find the
header in), the rows under the header with every number as the cell holds it.

The reader (fastexcel) writes a number as text to nine decimal places at most: 1/3 is
0.333333333, 1.3e-7 is 0.000000134 and 5e-12 is 0. So a sheet is read typed where it can be
(:func:`~baiqiang.core.plain.workbook.open_sheet`): a column of numbers is read as numbers, a
column with text in it as text. Where a column of text holds numbers too (20.5 beside —), its
numbers are read again as numbers and written exactly (:func:`exactly`), as are the numbers of
a column read as text for what it is (a code, a name): 320583, never 320583.0.

A sheet read typed is checked against its first rows read as text (the same cells, two ways);
where they disagree, or where the sheet cannot be read typed, every cell is read as text and its
numbers again as numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from baiqiang.core.plain import workbook

PLAIN_NUMBER = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"
"""A number as the reader writes a cell of numbers as text (and as a cell of text may hold it)."""


class SheetMismatch(Exception):
    """A sheet read typed does not agree with its first rows read as text."""


def exactly(column: pl.Expr) -> pl.Expr:
    """Numbers written as text that reads back as the same number: a whole number as digits
    (320583, as the reader writes it), any other in the fewest digits that give it back
    (0.3333333333333333, 1.5e-7)."""
    return column.cast(pl.String).str.strip_suffix(".0")


@dataclass(frozen=True)
class SheetCells:
    """A sheet's cells as read (:func:`cells`).

    Attributes:
        head: Its first rows as text (title rows, the header, the first rows under it).
        rows: Its rows from `start` on: numbers as numbers (Float64) where the sheet was read
            typed, else every cell as text.
        start: The sheet's row (0 = its first) that `rows` starts at.
        typed: Whether it was read typed (else every cell as text).
        origin: The rows above the sheet's first (blank, or with nothing the reader reads).
        blanked: Cells of text the typed reader made blanks (NA, None), as (column, row, text):
            put back as written.
        load: Reads columns of the sheet again from a row of the sheet's (counted from the
            first above `origin`): ``load(row, columns, dtype)``.
    """

    head: list[list[str | None]]
    rows: pl.DataFrame
    start: int
    typed: bool
    origin: int = 0
    blanked: tuple[tuple[int, int, str], ...] = ()
    blank_marks: frozenset[str] = frozenset()
    load: Any = field(default=None, repr=False)

    def body(self, skip: int, *, numbers: Sequence[int] = ()) -> pl.DataFrame:
        """The rows from the sheet's row `skip` on, one column per column of the sheet: `numbers`
        as numbers (Float64) where the sheet has only numbers (and blanks, NA) in them, the
        others as text, every number in them written :func:`exactly`."""
        rows = self._rows(skip)
        blanked = self._blanked(skip)
        keep = set(numbers)
        made: list[pl.Expr] = []
        again: list[int] = []  # columns of text with numbers in them: read again as numbers
        dated: list[int] = []
        for i, (name, dtype) in enumerate(rows.schema.items()):
            if (
                dtype == pl.Float64
                and i in keep
                and all(v in self.blank_marks for _, v in blanked.get(i, []))
            ):
                made.append(pl.col(name))  # NA made blank: read as a blank mark is
            elif dtype == pl.Float64:
                made.append(exactly(pl.col(name)))
            elif dtype in (pl.Int64, pl.Boolean, pl.Null):
                made.append(pl.col(name).cast(pl.String))
            else:
                made.append(pl.col(name))
                if dtype != pl.String:
                    dated.append(i)  # a date, a time: as the reader writes it
                else:
                    again.append(i)
        columns = rows.select(made).get_columns()
        for i, cells in enumerate(columns):
            if cells.dtype == pl.String and i in blanked:
                at, values = zip(*blanked[i], strict=True)
                columns[i] = cells.scatter(list(at), list(values))
        if again:  # only those that hold a number
            found = (
                pl.DataFrame([columns[i] for i in again])
                .select(pl.all().str.contains(PLAIN_NUMBER).any())
                .row(0)
            )
            again = [i for i, numeric in zip(again, found, strict=True) if numeric]
        if dated:
            written = self.load(self.origin + skip, dated, "string")
            for i, j in enumerate(dated):
                columns[j] = written.to_series(i).alias(rows.columns[j])
        if again:
            found = self.load(self.origin + skip, again, "float")
            for i, j in enumerate(again):
                given, read = columns[j], found.to_series(i)
                if read.len() != given.len():
                    raise SheetMismatch("the numbers read again are not the rows read")
                columns[j] = (
                    pl.DataFrame({"t": given, "n": read})
                    .select(
                        pl.when(pl.col("n").is_finite() & pl.col("t").str.contains(PLAIN_NUMBER))
                        .then(exactly(pl.col("n")))
                        .otherwise(pl.col("t"))
                        .alias(given.name)
                    )
                    .to_series()
                )
        return pl.DataFrame(columns)

    def text(self, skip: int, column: int) -> pl.Series:
        """A column from the sheet's row `skip` on as text, as the reader writes it, the blanks it
        made put back (a column of numbers, asked whether it holds codes)."""
        cells = self._rows(skip).to_series(column)
        if cells.dtype == pl.Float64:
            cells = cells.to_frame().select(exactly(pl.col(cells.name))).to_series()
        elif cells.dtype != pl.String:
            return self.body(skip).to_series(column)
        put_back = self._blanked(skip).get(column)
        if put_back:
            at, values = zip(*put_back, strict=True)
            cells = cells.scatter(list(at), list(values))
        return cells

    def _rows(self, skip: int) -> pl.DataFrame:
        if not self.typed:
            return self.rows.slice(skip)
        if skip < self.start:  # the header ends above the first row of numbers: read again
            return self._read(skip)
        return self.rows.slice(skip - self.start)

    def _blanked(self, skip: int) -> dict[int, list[tuple[int, str]]]:
        out: dict[int, list[tuple[int, str]]] = {}
        for column, row, value in self.blanked:
            if row >= skip:
                out.setdefault(column, []).append((row - skip, value))
        return out

    def _read(self, skip: int) -> pl.DataFrame:
        """The typed rows from `skip` (above :attr:`start`): read again."""
        read: pl.DataFrame = self.load(self.origin + skip, None, None)
        return read


def cells(found: workbook.OpenSheet, peek: int, blank_marks: Sequence[str]) -> SheetCells:
    """A sheet opened (:func:`~baiqiang.core.plain.workbook.opened`) as cells: typed where it
    was read so and agrees with its first rows read as text; else every cell as text.

    Raises:
        Exception: Whatever the reader raises for a sheet it cannot read.
    """
    book, chosen, marks = found.book, found.chosen, frozenset(blank_marks)

    def load(skip: int, columns: list[int] | None, dtype: str | None) -> pl.DataFrame:
        if dtype is None:  # typed, as the sheet was read
            text = found.text_columns
            return book.load_sheet(  # type: ignore[no-any-return]
                chosen,
                header_row=None,
                skip_rows=skip,
                schema_sample_rows=None,
                dtypes=dict.fromkeys(sorted(text), "string") or None,
            ).to_polars()
        names = [f"__UNNAMED__{i}" for i in columns or []]  # (a number would be the sheet's: A is 0)
        return book.load_sheet(  # type: ignore[no-any-return]
            chosen, header_row=None, skip_rows=skip, use_columns=names, dtypes=dict.fromkeys(names, dtype)
        ).to_polars()

    if found.body is not None:
        try:
            return _typed(found, peek, load, marks)
        except SheetMismatch:
            pass
    sheet = (
        found.cells
        if found.cells is not None
        else book.load_sheet(chosen, header_row=None, skip_rows=0, dtypes="string")
    )
    frame = _named(sheet.to_polars())  # from the sheet's first row: the blank ones above dropped
    filled = frame.select(pl.any_horizontal(pl.all().is_not_null()).arg_true().first()).item()
    origin = int(filled) if filled is not None else frame.height  # (an empty sheet: no rows)
    frame = frame.slice(origin)
    return SheetCells(text_rows(frame.head(peek)), frame, 0, False, origin, blank_marks=marks, load=load)


def _typed(found: workbook.OpenSheet, peek: int, load: Any, marks: frozenset[str]) -> SheetCells:
    rows = _named(found.body.to_polars())
    start, origin = found.numbers_from, found.first_row - 1
    if found.body.total_height - rows.height != origin + start:
        raise SheetMismatch("the typed rows do not start where asked")
    head = _named(found.head.to_polars()).head(min(peek, start + rows.height))
    if head.width > rows.width:
        raise SheetMismatch("the first rows are wider than the sheet")
    head = head.with_columns(
        pl.lit(None, pl.String).alias(f"column_{i}") for i in range(head.width, rows.width)
    )
    _agree(head.slice(start), rows.head(max(0, head.height - start)), found.blanked, start)
    return SheetCells(text_rows(head), rows, start, True, origin, found.blanked, marks, load)


def _agree(
    text: pl.DataFrame, typed: pl.DataFrame, blanked: tuple[tuple[int, int, str], ...], start: int
) -> None:
    """Raises :class:`SheetMismatch` unless the rows read typed hold what the same rows read as
    text do: the same text, the same blanks, numbers the same to the nine places written."""
    if text.height != typed.height or text.height == 0:
        raise SheetMismatch("no rows to check the typed read by")
    put_back = {(c, r - start) for c, r, _ in blanked if r - start < text.height}
    for i, (a, b) in enumerate(zip(text.get_columns(), typed.get_columns(), strict=True)):
        if b.dtype == pl.Float64:
            written = a.cast(pl.Float64, strict=False)
            for r, (t, n, v) in enumerate(zip(a.to_list(), written.to_list(), b.to_list(), strict=True)):
                if v is None and (t is None or (i, r) in put_back or not t.strip()):
                    continue
                if v is None or n is None or not math.isclose(n, v, rel_tol=1e-12, abs_tol=1e-9):
                    raise SheetMismatch(f"column {i}, row {r}: {t!r} read as {v!r}")
        elif b.dtype == pl.String:
            if not a.eq_missing(b).all():
                raise SheetMismatch(f"column {i}: the text differs")
        elif b.dtype not in (pl.Int64, pl.Boolean, pl.Null) and b.null_count() != a.null_count():
            raise SheetMismatch(f"column {i}: the cells differ")


def _named(df: pl.DataFrame) -> pl.DataFrame:
    return df.rename({c: f"column_{i}" for i, c in enumerate(df.columns)})


def text_rows(df: pl.DataFrame) -> list[list[str | None]]:
    """A frame of text as rows of cells, a blank cell (or one of spaces) as None."""
    return [[c if c is None or c.strip() else None for c in r] for r in df.rows()]
