"""Rich rendering for the command line: tables, a unit's profile, the audit."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import polars as pl

from baiqiang.core.plain.text import visible
from baiqiang.tui.profile_view import (  # noqa: F401  (the command line's writers, re-exported)
    _TIER_NAMES,
    _console,
    _print,
    amount_text,
    context_text,
    fact_text,
    note,
    past_lines,
    print_json,
    print_profile,
    print_text,
    profile_renderable,
)

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

_LABELS = {
    "province_first": "★",
    "rank": "rank",
}
_HIDDEN_ON_SCREEN = (
    "province_short",
    "province_en",
    "pinyin",
    "initials",
    "rank_band",
    "sector_group",
)


MAX_COLUMNS = 60
"""The most columns a text table shows (more are named as left out: --format csv has them all)."""


def terminal_width() -> int:
    """The terminal's width in cells (80 when there is no terminal)."""
    return _console().width


def display_columns(df: pl.DataFrame) -> list[str]:
    """The columns worth showing on a screen (machine formats get every column)."""
    return [c for c in df.columns if c not in _HIDDEN_ON_SCREEN] or df.columns


def _cell(value: Any, col: str, percent: tuple[str, ...]) -> str:
    if value is None:
        return ""
    if col in percent and isinstance(value, float):
        return f"{value * 100:.1f}%"
    if isinstance(value, bool):
        return "★" if (value and col == "province_first") else ("" if col == "province_first" else str(value))
    if isinstance(value, list):
        return visible("、".join(str(v) for v in value))
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))  # a count read as a float: 5681512, not 5681512.0
    return visible(str(value))


def _column_cells(df: pl.DataFrame, col: str, percent: tuple[str, ...]) -> list[str]:
    """A column's cells as shown; a column of decimals to one number of places (9.20 over 9.74)."""
    from baiqiang.tui.decimals import aligned

    texts = [_cell(v, col, percent) for v in df[col].to_list()]
    if df.schema[col].is_float() and col not in percent:
        return [t or "" for t in aligned(texts)]
    return texts


def _label(col: str) -> str:
    """A column's header as shown (a file's header: nothing a terminal would act on)."""
    return visible(_LABELS.get(col, col))


def _column_widths(df: pl.DataFrame, percent: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """Each column's (least, natural) width in cells: the least never folds its header."""
    from rich.cells import cell_len

    out = {}
    for col in df.columns:
        label = _label(col)
        widest = max([cell_len(x) for x in _column_cells(df.head(200), col, percent)] + [0])
        natural = max(cell_len(label), widest)
        numeric = df.get_column(col).dtype.is_numeric() or col == "province_first"
        out[col] = (natural if numeric else max(cell_len(label), min(widest, 8)), natural)
    return out


def rich_table(df: pl.DataFrame, *, title: str = "", percent: tuple[str, ...] = ()) -> Table:
    """A Rich table of a frame; numbers right-aligned, ★ for province_first; a column is never
    narrower than its header, so no header is folded."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=title or None, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False, collapse_padding=True
    )
    widths = _column_widths(df, percent)
    for col, dtype in df.schema.items():
        numeric = dtype.is_numeric()
        table.add_column(
            Text(_label(col)),  # Text: a header is never read as Rich markup
            justify="right" if numeric else "left",
            no_wrap=numeric or col in ("province_first",),
            overflow="fold",
            min_width=widths[col][0],
        )
    columns = [_column_cells(df, c, percent) for c in df.columns]
    for row in zip(*columns, strict=True):
        table.add_row(*(Text(x) for x in row))
    return table


def fit_columns(df: pl.DataFrame, width: int, *, percent: tuple[str, ...] = ()) -> list[str]:
    """The leading columns whose table, at its least width, fits in `width` cells."""
    from rich.console import Console

    console = Console(width=10_000, file=io.StringIO())
    kept: list[str] = []
    for col in df.columns:
        trial = rich_table(df.select(*kept, col).head(200), percent=percent)
        if kept and console.measure(trial).minimum > width:
            break
        kept.append(col)
    return kept


def print_table(
    df: pl.DataFrame,
    *,
    title: str = "",
    percent: tuple[str, ...] = (),
    hidden: tuple[str, ...] = (),
    hint: str = "choose columns with --columns, or all with --format csv",
) -> None:
    """Prints a frame as a table that fits the terminal, its title on a line above.

    Columns that do not fit a terminal are left out from the right, and a line on stderr names
    them, as it names `hidden` (columns left off the screen by choice), with `hint` (how to see
    them); nothing is cut silently.
    """
    from rich.console import Console, Group
    from rich.text import Text

    parts: list[Any] = [Text(visible(title), style="bold")] if title else []
    console = _console()
    shown = df.select(df.columns[:MAX_COLUMNS])  # a table of thousands of columns is no table
    if console.is_terminal:
        shown = shown.select(fit_columns(shown, console.width, percent=percent))
    hidden = (*[c for c in df.columns if c not in shown.columns], *hidden)
    if shown.height > LONG_TABLE:  # thousands of rows: laid out here, as Rich would, in a blink
        if not console.is_terminal:
            console = Console(highlight=False, soft_wrap=False, width=10_000)
        _print(console, Group(*parts, long_table(shown, percent=percent, bold=console.is_terminal)))
        if hidden:
            listed = ", ".join(hidden[:12]) + (f" … ({len(hidden):,} columns)" if len(hidden) > 12 else "")
            note(f"not shown: {listed} ({hint})")
        return
    table = rich_table(shown, percent=percent)
    if not console.is_terminal:
        # Not a terminal: nothing to fit, so never squeeze a column away.
        natural = console.measure(table, options=console.options.update_width(10_000)).maximum
        console = Console(highlight=False, soft_wrap=False, width=max(natural, 80))
    _print(console, Group(*parts, table))
    if hidden:
        listed = ", ".join(hidden[:12]) + (f" … ({len(hidden):,} columns)" if len(hidden) > 12 else "")
        note(f"not shown: {listed} ({hint})")


LONG_TABLE = 300
"""Rows above which a table is laid out by :func:`long_table` (a Rich table of 2,843 rows takes
seconds to measure)."""


def long_table(df: pl.DataFrame, *, percent: tuple[str, ...] = (), bold: bool = False) -> Text:
    """A table as :func:`rich_table` draws it (a header, a rule, numbers right-aligned, two cells
    between columns), every cell whole, for a table too long for Rich to lay out quickly."""
    from rich.cells import cell_len
    from rich.text import Text

    cells = [_column_cells(df, c, percent) for c in df.columns]
    labels = [_label(c) for c in df.columns]
    widths = [
        max([cell_len(x) for x in col] + [cell_len(lab)]) for col, lab in zip(cells, labels, strict=True)
    ]
    right = [s.dtype.is_numeric() for s in df.get_columns()]

    def line(values: list[str]) -> str:
        out = []
        for v, w, r in zip(values, widths, right, strict=True):
            gap = " " * (w - cell_len(v))
            out.append(gap + v if r else v + gap)
        return "  ".join(out).rstrip()

    text = Text(no_wrap=True, overflow="ignore")  # a line as long as its cells: never folded
    text.append(line(labels) + "\n", style="bold" if bold else "")
    text.append("─" * (sum(widths) + 2 * (len(widths) - 1)) + "\n")
    text.append("\n".join(line([col[i] for col in cells]) for i in range(df.height)))
    return text


def table_text(
    df: pl.DataFrame, *, title: str = "", percent: tuple[str, ...] = (), to_file: bool = False
) -> str:
    """The table as plain text (no colour), for writing to a file."""
    from rich.console import Console

    console = Console(width=200 if to_file else None, record=True, file=io.StringIO(), color_system=None)
    console.print(rich_table(df, title=title, percent=percent))
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"


def print_audit(df: pl.DataFrame) -> None:
    """Prints the audit, claim by claim."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    t = Table(
        box=box.SIMPLE_HEAD,
        title="Audit: the report's prose against its own tables",
        title_justify="left",
        pad_edge=False,
    )
    t.add_column("status", max_width=12, overflow="fold")
    t.add_column("id", overflow="fold", max_width=16)
    t.add_column("claim", overflow="fold", ratio=3, min_width=16)
    t.add_column("report says", overflow="fold", ratio=2, min_width=10)
    t.add_column("tables give", overflow="fold", ratio=2, min_width=10)
    for r in df.iter_rows(named=True):
        style = {"holds": "green", "ok": "green", "FAIL": "bold red", "CHANGED": "bold red"}.get(
            r["status"], "yellow"
        )
        report, data = r["report"], r["data"]
        if r.get("data_part"):  # show only where the report and the tables part
            report, data = r["report_part"], r["data_part"]
        elif r["status"] in ("holds", "ok") and r["kind"] in ("claim", "parse check"):
            data = "(same)"
        statement = Text(r["statement"])
        if r.get("note"):  # why it differs (a known slip), or what to know where it holds only just
            statement.append(f"\n{r['note']}", style="dim")
        t.add_row(Text(r["status"], style=style), r["id"], statement, report, data)
    _print(_console(), t)
