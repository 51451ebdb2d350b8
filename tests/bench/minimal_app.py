"""The anchor for the explorer's first frame and its weight over SSH: the least Textual app that
shows the same 100 rows (read with the ``csv`` module) in a ``DataTable``.

``python tests/bench/minimal_app.py TABLE.tsv``; not part of baiqiang.
"""

from __future__ import annotations

import csv
import sys

from textual.app import App, ComposeResult
from textual.widgets import DataTable


class Minimal(App[None]):
    """A DataTable of a TSV file; q quits."""

    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        with open(self.path, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t"))
        table.add_columns(*rows[0])
        table.add_rows(rows[1:])
        table.focus()


if __name__ == "__main__":
    Minimal(sys.argv[1]).run()
