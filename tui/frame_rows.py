"""A Polars frame as the rows of a :class:`~baiqiang.tui.widgets.grid.Grid`.

The frame is turned into text once, column by column (vectorised), and a row is read only
when the grid draws it; so filtering a table of 20,000 rows and 50 columns costs the filter
and one cast, not a million Python strings.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl
from rich.cells import cell_len

from baiqiang.core.plain.names import TERMS_ENGLISH

_MARKS = {"province_first": "★"}
"""Boolean columns shown as a mark where true and blank where not."""


_NEW = {"zh": "新", "en": "new"}


def _text(df: pl.DataFrame, column: str, lang: str = "zh", *, whole: bool = False) -> pl.Expr:
    """A column as the text the grid shows (`whole`: a float column of whole numbers only)."""
    dtype = df.get_column(column).dtype  # (df.schema is made anew on each use: 0.2 ms)
    col = pl.col(column)
    if column == "change" and "movement" in df.columns:  # ↑3 ↓2 = 新, against the edition before
        return (
            pl.when(pl.col("movement") == "new")
            .then(pl.lit(_NEW.get(lang, "new")))
            .when(col > 0)
            .then(pl.lit("↑") + col.cast(pl.String))
            .when(col < 0)
            .then(pl.lit("↓") + (-col).cast(pl.String))
            .otherwise(pl.lit("="))
            .alias(column)
        )
    if lang == "en" and column in TERMS_ENGLISH and dtype == pl.String:
        return col.replace(TERMS_ENGLISH[column]).fill_null("").alias(column)
    if column in _MARKS:
        return pl.when(col).then(pl.lit(_MARKS[column])).otherwise(pl.lit("")).alias(column)
    if dtype == pl.String:
        return col.fill_null("")
    if dtype.is_float() and whole:  # a count read as a float: 708829, not 708829.0
        return col.cast(pl.Int64).cast(pl.String).fill_null("")
    if dtype.is_numeric() or dtype == pl.Boolean or dtype.is_temporal():
        return col.cast(pl.String).fill_null("")
    return col.map_elements(str, return_dtype=pl.String).fill_null("")


def _whole_numbers(df: pl.DataFrame, columns: Sequence[str]) -> set[str]:
    """The float columns among `columns` whose every value is a whole number an integer holds
    exactly (and that have one): worked out in one pass over the frame, not one per column."""
    floats = [c for c in columns if df.get_column(c).dtype.is_float()]
    if not floats:
        return set()
    found = df.select(
        (
            ((pl.col(c) == pl.col(c).round(0)) & (pl.col(c).abs() < 2**53)).all()
            & pl.col(c).is_not_null().any()
        ).alias(c)
        for c in floats
    ).row(0)
    return {c for c, yes in zip(floats, found, strict=True) if yes}


def _aligned(text: pl.DataFrame, columns: Sequence[str]) -> list[pl.Expr]:
    """Columns of decimals (as text) each written to one number of places, 9.20 over 9.74 (only
    zeros appended, as :func:`baiqiang.tui.decimals.aligned` does a list); a column needing more
    than six places, or holding 1e-07, NaN or inf, is left as it is."""
    from baiqiang.tui.decimals import MOST_PLACES

    def places(c: str) -> pl.Expr:
        col = pl.col(c)
        return col.str.len_chars() - col.str.find(".", literal=True) - 1

    found = text.select(
        *(places(c).max().fill_null(0).alias(f"{i}p") for i, c in enumerate(columns)),
        *(pl.col(c).str.contains("[eNi]").any().alias(f"{i}x") for i, c in enumerate(columns)),
    ).row(0, named=True)
    out = []
    for i, c in enumerate(columns):
        most = int(found[f"{i}p"])
        if 0 < most <= MOST_PLACES and not found[f"{i}x"]:
            col = pl.col(c)
            padded = col.str.pad_end(col.str.len_chars() + most - places(c), "0")
            out.append(pl.when(col.str.contains(".", literal=True)).then(padded).otherwise(col).alias(c))
    return out


def is_numeric(df: pl.DataFrame, column: str) -> bool:
    """Whether a column holds numbers (shown aligned right)."""
    return column not in _MARKS and column != "change" and df.get_column(column).dtype.is_numeric()


class FrameRows:
    """The `columns` of `df` as text, a row at a time."""

    def __init__(self, df: pl.DataFrame, columns: Sequence[str], *, lang: str = "zh") -> None:
        self._source = df
        whole = _whole_numbers(df, columns)
        self._text = (
            df.select([_text(df, c, lang, whole=c in whole) for c in columns]) if columns else pl.DataFrame()
        )
        decimals = [c for c in dict.fromkeys(columns) if c not in whole and df.get_column(c).dtype.is_float()]
        if decimals and df.height:
            self._text = self._text.with_columns(_aligned(self._text, decimals))

    def __len__(self) -> int:
        return self._text.height

    def cells(self, index: int) -> Sequence[str]:
        return self._text.row(index)

    def lengths(self) -> list[dict[int, int]]:
        """Per column, its cells by width in terminal cells (exact: CJK counts two); a column of
        numbers or dates (never cut) by its widest alone."""
        schema = self._source.schema
        texts = [n for n in self._text.columns if schema[n] == pl.String or n in _MARKS or n == "change"]
        ascii_only = [n for n in self._text.columns if n not in texts]  # numbers, dates
        longest = (
            self._text.select(pl.col(ascii_only).str.len_chars().max().fill_null(0)).row(0, named=True)
            if ascii_only and self._text.height
            else dict.fromkeys(ascii_only, 0)
        )
        out: list[dict[int, int]] = []
        for n in self._text.columns:
            if n not in texts:
                out.append({int(longest[n]): 1} if self._text.height else {})
                continue
            counts: dict[int, int] = {}
            for value, k in self._text[n].value_counts().iter_rows():
                width = cell_len(value)
                counts[width] = counts.get(width, 0) + k
            out.append(counts)
        return out
