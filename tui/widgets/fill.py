"""Filling a DataTable with explicit column widths measured in terminal cells.

DataTable's automatic widths are not updated for rows added while its tab is hidden, which
cut Chinese text short; measuring with ``rich.cells.cell_len`` (CJK = two cells) avoids that.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import DataTable


def fill_table(
    table: DataTable,
    columns: list[tuple[str, str]],
    rows: list[list[str]],
    *,
    max_width: int = 48,
) -> None:
    """Replaces the table's columns and rows.

    Args:
        table: The table to fill.
        columns: ``(key, label)`` per column.
        rows: The cells, already formatted as text.
        max_width: No column is wider than this.
    """
    table.clear(columns=True)
    for i, (key, label) in enumerate(columns):
        widest = max([cell_len(label)] + [cell_len(r[i]) for r in rows])
        table.add_column(label, key=key, width=min(widest, max_width))
    for r in rows:
        table.add_row(*r)
